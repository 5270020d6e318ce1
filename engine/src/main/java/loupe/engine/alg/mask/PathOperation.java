// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

/**
 * How a subpath combines with the subpaths before it (Photoshop's path operations, stored in each
 * subpath length record since CS6: 0 exclude, 1 combine, 2 subtract, 3 intersect, −1 merged with
 * the previous component; codes as read by psd-tools {@code psd/vector.py}).
 */
public enum PathOperation {
  /** XOR: A + B − 2AB. */
  EXCLUDE(0),
  /** Union: A + B − AB. */
  COMBINE(1),
  /** A·(1 − B). As the first component it starts from a full canvas, as Photoshop does. */
  SUBTRACT(2),
  /** A·B. As the first component it starts from a full canvas, as Photoshop does. */
  INTERSECT(3),
  /** Part of the previous subpath's component: filled together with it, even-odd. */
  MERGE(-1);

  public final int psdCode;

  PathOperation(int psdCode) {
    this.psdCode = psdCode;
  }

  public static PathOperation ofPsdCode(int code) {
    for (PathOperation op : values()) {
      if (op.psdCode == code) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown path operation code " + code + " (expected -1..3)");
  }
}
