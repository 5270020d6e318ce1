// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

/** What replaces the shot background. */
public enum BackgroundFill {
  /** A seamless sweep fitted to the shot's own background (its light and colour). */
  SWEEP,
  /** Pure #FFFFFF, as marketplaces require. */
  WHITE
}
