// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.TestImages;

/** One dev scene segmented with the defaults, measured against its truth (segmented once per JVM). */
record SceneResult(String name, GrayU16 mask, GrayU16 truth, GrayU16 defects, long millis) {
  static final int HALF = 32768;
  private static final Map<Path, SceneResult> CACHE = new ConcurrentHashMap<>();

  static SceneResult of(Path scene) {
    return CACHE.computeIfAbsent(scene, SceneResult::compute);
  }

  private static SceneResult compute(Path scene) {
    Planar input = TestImages.readRgb(scene.resolve("input.png"));
    long start = System.nanoTime();
    GrayU16 mask = new ClassicalSegmenter().segment(input, Progress.NONE);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new SceneResult(scene.getFileName().toString(), mask, TestImages.readGray(scene.resolve("truth_mask.png")),
        TestImages.readGray(scene.resolve("truth_defects.png")), millis);
  }

  double iou() {
    return QualityMetrics.iou(mask, truth, HALF);
  }

  double boundaryF() {
    return QualityMetrics.boundaryF(mask, truth, HALF, 2);
  }

  /** Truth-full jewelry pixels (truth == 255) that the mask leaves below 50%. */
  long missedFull() {
    long n = 0;
    for (int y = 0; y < truth.height; y++) {
      for (int x = 0; x < truth.width; x++) {
        if (truth.get(x, y) == 65535 && mask.get(x, y) < HALF) {
          n++;
        }
      }
    }
    return n;
  }

  long fullPixels() {
    long n = 0;
    for (int y = 0; y < truth.height; y++) {
      for (int x = 0; x < truth.width; x++) {
        n += truth.get(x, y) == 65535 ? 1 : 0;
      }
    }
    return n;
  }

  /** Share of the pixels with defect label {@code label} that the mask leaves below 50%. */
  double backgroundShare(int label) {
    long total = 0;
    long bg = 0;
    for (int y = 0; y < truth.height; y++) {
      for (int x = 0; x < truth.width; x++) {
        if (defects.get(x, y) / 257 == label) {
          total++;
          bg += mask.get(x, y) < HALF ? 1 : 0;
        }
      }
    }
    return total == 0 ? 1.0 : (double) bg / total;
  }

  /**
   * Share of the largest enclosed background region of the truth (truth == 0, 8-connected, not
   * touching the frame: a ring's interior) that the mask leaves below 50%; 1.0 if there is none.
   */
  double enclosedBackgroundShare() {
    int w = truth.width;
    int h = truth.height;
    boolean[] bg = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        bg[y * w + x] = truth.get(x, y) == 0;
      }
    }
    ConnectedComponents parts = ConnectedComponents.of(bg, w, h);
    boolean[] touches = new boolean[parts.areas.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int id = parts.labels[y * w + x];
        if (id >= 0 && (x == 0 || y == 0 || x == w - 1 || y == h - 1)) {
          touches[id] = true;
        }
      }
    }
    int hole = -1;
    for (int id = 0; id < parts.areas.length; id++) {
      if (!touches[id] && (hole < 0 || parts.areas[id] > parts.areas[hole])) {
        hole = id;
      }
    }
    if (hole < 0) {
      return 1.0;
    }
    long bgCount = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (parts.labels[y * w + x] == hole && mask.get(x, y) < HALF) {
          bgCount++;
        }
      }
    }
    return (double) bgCount / parts.areas[hole];
  }

  /**
   * The smallest Euclidean radius by which the mask (≥ 50%) must be dilated so that it covers every
   * truth-full pixel; 0 when nothing is missed.
   */
  double coveringRadius() {
    boolean[] in = new boolean[mask.width * mask.height];
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        in[y * mask.width + x] = mask.get(x, y) >= HALF;
      }
    }
    double[] d2 = DistanceOracle.squaredDistanceTo(in, mask.width, mask.height);
    double worst = 0;
    for (int y = 0; y < truth.height; y++) {
      for (int x = 0; x < truth.width; x++) {
        if (truth.get(x, y) == 65535) {
          worst = Math.max(worst, d2[y * mask.width + x]);
        }
      }
    }
    return Math.sqrt(worst);
  }

  String report() {
    return String.format("%s: IoU %.4f, boundary F(2px) %.4f, truth-full recall %.4f (%d of %d missed, covered at"
            + " expansion radius %.1f px), enclosed-background bg %.4f, prop bg %.4f, prop-shadow bg %.4f, %d ms",
        name, iou(), boundaryF(), 1 - (double) missedFull() / fullPixels(), missedFull(), fullPixels(),
        coveringRadius(), enclosedBackgroundShare(), backgroundShare(3), backgroundShare(4), millis);
  }
}
