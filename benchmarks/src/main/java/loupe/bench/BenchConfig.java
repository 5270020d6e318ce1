// SPDX-License-Identifier: Apache-2.0
package loupe.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import loupe.bench.data.Scene;
import loupe.bench.run.Repeat;
import loupe.models.ModelFolder;
import loupe.models.ModelRegistry;

/**
 * What a bench run covers. The quick run is a smoke test (one scene cropped to 800×600 around
 * the jewelry, small images, single runs); its numbers prove the workloads run, not how fast they
 * are or how good their results.
 *
 * @param quick the reduced set
 * @param isnet ISNet is installed (and verifies): the full run adds its product-mask rows
 * @param scenes scene folders, in order
 * @param workDir where workloads leave files for later ones (generated PSDs, crops); deleted at the end
 */
public record BenchConfig(boolean quick, boolean isnet, List<Path> scenes, Path workDir) {
  public BenchConfig {
    scenes = List.copyOf(quick ? scenes.subList(0, 1) : scenes);
  }

  /** Whether an ISNet model is installed in the configured model folder and verifies. */
  public static boolean isnetInstalled() {
    try (ModelRegistry models = ModelRegistry.open(ModelFolder.configured().root())) {
      return models.segmenter().isPresent();
    }
  }

  /** Warm-up and timed runs of most sides. */
  public Repeat repeat() {
    return quick ? new Repeat(0, 1) : new Repeat(1, 3);
  }

  /**
   * Slow native code (NLM, grabCut, ISNet) and whole file jobs: no warm-up; a job runs for seconds,
   * so the JIT's share of the first run is small, and the median drops it anyway.
   */
  public Repeat slowRepeat() {
    return quick ? new Repeat(0, 1) : new Repeat(0, 3);
  }

  /**
   * Rows whose point is quality rather than speed (recipes and ISNet on each 1600×1200 scene): one
   * run; the size-bound rows carry the timing goals.
   */
  public Repeat qualityRepeat() {
    return new Repeat(0, 1);
  }

  /** Whole 24 MP file jobs (25–30 s a run): two runs, no warm-up; the median of two is their mean. */
  public Repeat fileJobRepeat() {
    return quick ? new Repeat(0, 1) : new Repeat(0, 2);
  }

  /** A scene as the workloads see it (quick: the crop). */
  public Scene scene(Path dir) throws IOException {
    Scene s = Scene.load(dir);
    return quick ? s.cropAroundJewelry(800, 600, workDir) : s;
  }

  /** The generated layered PSD: 6000×4000 (quick: 1500×1000). */
  public int psdWidth() {
    return quick ? 1500 : 6000;
  }

  public int psdHeight() {
    return quick ? 1000 : 4000;
  }

  /** The "24 MP" shot: the first scene upscaled to this long side (quick: 0, the scene as is). */
  public int largeLongSide() {
    return quick ? 0 : 5664;
  }
}
