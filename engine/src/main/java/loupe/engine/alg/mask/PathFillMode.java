// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

/** How the subpaths of a {@link PathGeometry} make one filled region. */
public enum PathFillMode {
  /** Photoshop CS6+ semantics: components are combined in order by their {@link PathOperation}. */
  OPERATIONS,
  /**
   * Legacy paths without operations: every subpath toggles the pixels it covers (even-odd across
   * subpaths); the operations are ignored.
   */
  EVEN_ODD
}
