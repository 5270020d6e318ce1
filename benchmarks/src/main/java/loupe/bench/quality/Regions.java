// SPDX-License-Identifier: Apache-2.0
package loupe.bench.quality;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;

/** Region masks (65535 = in) built from a scene's truth, for the metrics. Inputs are Not modified. */
public final class Regions {
  public static final int DUST = 1;
  public static final int HAIR = 2;
  public static final int PROP = 3;
  public static final int PROP_SHADOW = 4;

  private Regions() {}

  /** Pixels that are fully jewelry (truth mask 65535): the ones that must stay as shot. */
  public static GrayU16 jewelry(GrayU16 truthMask) {
    return where(truthMask, null, (m, d) -> m == 65535);
  }

  /** Pixels with no jewelry at all (truth mask 0). */
  public static GrayU16 background(GrayU16 truthMask) {
    return where(truthMask, null, (m, d) -> m == 0);
  }

  /** Background without labelled defects: the bare sweep, where only noise and light differ from the clean render. */
  public static GrayU16 sweep(GrayU16 truthMask, GrayU16 labels) {
    return where(truthMask, labels, (m, d) -> m == 0 && d == 0);
  }

  /** Pixels whose defect label is one of {@code wanted} (labels are raw 0..4, not ×257). */
  public static GrayU16 labelled(GrayU16 labels, int... wanted) {
    return where(labels, labels, (m, d) -> {
      for (int w : wanted) {
        if (d == w) {
          return true;
        }
      }
      return false;
    });
  }

  /** Number of pixels &gt; 0. */
  public static long count(GrayU16 region) {
    long n = 0;
    for (int y = 0; y < region.height; y++) {
      for (int x = 0; x < region.width; x++) {
        if (region.get(x, y) > 0) {
          n++;
        }
      }
    }
    return n;
  }

  private interface Test {
    boolean in(int mask, int label);
  }

  private static GrayU16 where(GrayU16 mask, GrayU16 labels, Test test) {
    GrayU16 out = new GrayU16(mask.width, mask.height);
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        if (test.in(mask.get(x, y), labels == null ? 0 : labels.get(x, y))) {
          out.set(x, y, 65535);
        }
      }
    }
    return out;
  }
}
