// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import java.util.ArrayDeque;
import loupe.engine.alg.defects.impl.BackgroundEstimate;
import loupe.engine.alg.defects.impl.BinaryMasks;
import loupe.engine.alg.defects.impl.SpeckResponses;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Lets dust and hair inside an automatic mask's protection margin be cleaned. The margin exists
 * because the estimate can miss jewelry, so a speck is released only when it cannot be a missed
 * part of the piece:
 *
 * <ul>
 *   <li>{@link DefectDetector} finds it with the <em>estimate</em> as the product (so it does not
 *       touch the estimate's guard band: an attached protrusion is never a candidate);
 *   <li>it is small (dust: at most {@link #MAX_SPECK_AREA} pixels) or thin (hair: no
 *       {@code (2·HAIR_HALF_WIDTH+1)²} square fits inside it);
 *   <li>every pixel within {@code radius} of it (its release zone) is outside the estimate and
 *       matches the local background (3×3 mean residual under {@link #BACKGROUND_SIGMAS} robust σ
 *       and {@link DefectConfig#minContrast()}): a ring of plain background separates it from
 *       everything else, the piece and anything the estimate missed included.
 * </ul>
 *
 * A released speck's zone gets protection 0, so a recipe can find and inpaint it there.
 */
public final class MarginRelease {
  /**
   * Dust: detections (halo included) up to this many pixels, about a 30 px square; a curled hair
   * on dev02 measures 510.
   */
  static final int MAX_SPECK_AREA = 1000;
  /** Hair: no square of this half-width fits inside the detection. */
  static final int HAIR_HALF_WIDTH = 4;
  /** Larger detections are props or shadows, never released (also bounds the shape test). */
  static final int MAX_AREA = 20_000;
  /** A zone pixel matches the background when its 3×3 mean residual is under this many σ. */
  static final double BACKGROUND_SIGMAS = 4;

  private MarginRelease() {}

  /**
   * @param image the photograph. Not modified.
   * @param estimate the automatic product estimate, 65535 = jewelry. Not modified.
   * @param margin the protection built from the estimate (estimate plus margin). Not modified.
   * @param radius width of the plain-background ring a speck needs, and of the zone released
   *     around it; large enough that the recipe's guard bands around the remaining protection
   *     still leave the speck reachable
   * @param output Modified; null to allocate (may be {@code margin} itself).
   * @return {@code output}: the margin, 0 on the release zones of isolated dust and hair
   */
  public static GrayU16 release(Planar image, GrayU16 estimate, GrayU16 margin, int radius, GrayU16 output,
      DefectConfig cfg) {
    ImageChecks.sameSize(image, estimate);
    ImageChecks.sameSize(image, margin);
    int w = image.width;
    int h = image.height;
    boolean[] zones = zones(image, estimate, radius, cfg);
    if (output != margin) {
      output = ImageChecks.reshape(output, w, h);
      output.setTo(margin);
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (zones[y * w + x]) {
          output.data[output.index(x, y)] = 0;
        }
      }
    }
    return output;
  }

  /** The union of the release zones of every speck that passes the three tests. */
  static boolean[] zones(Planar image, GrayU16 estimate, int radius, DefectConfig cfg) {
    int w = image.width;
    int h = image.height;
    int n = w * h;
    boolean[] found = new boolean[n];
    boolean[] product = new boolean[n];
    GrayU16 defects = DefectDetector.detect(image, estimate, cfg);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        found[y * w + x] = defects.get(x, y) != 0;
        product[y * w + x] = estimate.get(x, y) != 0;
      }
    }
    boolean[] plain = plainBackground(image, product, cfg);
    boolean[] zones = new boolean[n];
    int[] label = new int[n];
    int[] members = new int[n];
    int id = 0;
    for (int start = 0; start < n; start++) {
      if (!found[start] || label[start] != 0) {
        continue;
      }
      int count = component(found, label, ++id, start, w, h, members);
      if (count <= MAX_AREA && (count <= MAX_SPECK_AREA || isThin(found, members, count, w, h))
          && isolated(members, count, label, id, plain, w, h, radius)) {
        markZone(members, count, zones, w, h, radius);
      }
    }
    return zones;
  }

  /** Labels the 8-connected component of {@code start} {@code id}; returns its size, pixels in {@code members}. */
  private static int component(boolean[] found, int[] label, int id, int start, int w, int h, int[] members) {
    int count = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    label[start] = id;
    queue.add(start);
    while (!queue.isEmpty()) {
      int p = queue.poll();
      members[count++] = p;
      int px = p % w;
      int py = p / w;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int x = px + dx;
          int y = py + dy;
          if (x >= 0 && y >= 0 && x < w && y < h && found[y * w + x] && label[y * w + x] == 0) {
            label[y * w + x] = id;
            queue.add(y * w + x);
          }
        }
      }
    }
    return count;
  }

  /** No (2·HAIR_HALF_WIDTH+1)² square lies inside the component. */
  private static boolean isThin(boolean[] found, int[] members, int count, int w, int h) {
    int r = HAIR_HALF_WIDTH;
    for (int i = 0; i < count; i++) {
      int cx = members[i] % w;
      int cy = members[i] / w;
      if (cx < r || cy < r || cx >= w - r || cy >= h - r) {
        continue;
      }
      boolean full = true;
      for (int y = cy - r; y <= cy + r && full; y++) {
        for (int x = cx - r; x <= cx + r && full; x++) {
          full = found[y * w + x];
        }
      }
      if (full) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every pixel within {@code radius} of the component, itself excepted, is plain background: another
   * detection nearby counts against it (a missed piece can show as several detections).
   */
  private static boolean isolated(int[] members, int count, int[] label, int id, boolean[] plain, int w, int h,
      int radius) {
    for (int i = 0; i < count; i++) {
      int cx = members[i] % w;
      int cy = members[i] / w;
      for (int y = cy - radius; y <= cy + radius; y++) {
        for (int x = cx - radius; x <= cx + radius; x++) {
          if (x < 0 || y < 0 || x >= w || y >= h) {
            return false;
          }
          if (label[y * w + x] != id && !plain[y * w + x]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static void markZone(int[] members, int count, boolean[] zones, int w, int h, int radius) {
    for (int i = 0; i < count; i++) {
      int cx = members[i] % w;
      int cy = members[i] / w;
      for (int y = Math.max(0, cy - radius); y <= Math.min(h - 1, cy + radius); y++) {
        for (int x = Math.max(0, cx - radius); x <= Math.min(w - 1, cx + radius); x++) {
          zones[y * w + x] = true;
        }
      }
    }
  }

  /**
   * Outside the estimate and within {@link #BACKGROUND_SIGMAS} σ (and the contrast floor) of the
   * large-scale background, in 3×3 means; the estimate and its guard band inform no background.
   */
  private static boolean[] plainBackground(Planar image, boolean[] product, DefectConfig cfg) {
    int w = image.width;
    int h = image.height;
    boolean[] excluded = BinaryMasks.dilate(product, w, h, cfg.guardBand());
    boolean[] allowed = new boolean[product.length];
    for (int p = 0; p < allowed.length; p++) {
      allowed[p] = !excluded[p];
    }
    float[] gray = DefectDetector.gray(image);
    float[] background = BackgroundEstimate.estimate(gray, allowed, w, h, cfg.backgroundRadius(),
        cfg.backgroundStep(), cfg.growThreshold(), cfg.maxArea());
    float[] residual = new float[gray.length];
    for (int p = 0; p < gray.length; p++) {
      residual[p] = gray[p] - background[p];
    }
    float[] box = SpeckResponses.boxMean3(residual, w, h);
    float[] centre = SpeckResponses.robustCentreAndSigma(box, allowed);
    double limit = Math.max(BACKGROUND_SIGMAS * centre[1], cfg.minContrast() * 257);
    boolean[] plain = new boolean[gray.length];
    for (int p = 0; p < gray.length; p++) {
      plain[p] = !product[p] && Math.abs(box[p] - centre[0]) < limit;
    }
    return plain;
  }
}
