// SPDX-License-Identifier: Apache-2.0
package loupe.engine.composite;

/** The blend modes of the layers Loupe adds, with their PSD keys. */
public enum BlendMode {
  NORMAL("norm"),
  MULTIPLY("mul "),
  LINEAR_LIGHT("lLit");

  public final String psdKey;

  BlendMode(String psdKey) {
    this.psdKey = psdKey;
  }

  /** Blends one 16-bit sample {@code src} onto {@code dst} before alpha. */
  int blend(int dst, int src) {
    return switch (this) {
      case NORMAL -> src;
      case MULTIPLY -> (int) (((long) dst * src + 32767) / 65535);
      // Linear Light on normalised values: dst + 2·src − 1, clamped.
      case LINEAR_LIGHT -> Math.max(0, Math.min(65535, dst + 2 * src - 65535));
    };
  }
}
