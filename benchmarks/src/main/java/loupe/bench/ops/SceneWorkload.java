// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.nio.file.Path;
import loupe.bench.BenchConfig;
import loupe.bench.data.Scene;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * A workload on one benchmark scene: its id is {@code name:folder}, and it loads the scene as the
 * bench config says (whole, or the quick crop) when it runs.
 */
abstract class SceneWorkload implements Workload {
  final BenchConfig cfg;
  /** How Loupe's side is repeated. */
  final Repeat repeat;
  private final String name;
  private final Path sceneDir;

  SceneWorkload(String name, BenchConfig cfg, Path sceneDir) {
    this.name = name;
    this.cfg = cfg;
    this.sceneDir = sceneDir;
    this.repeat = cfg.repeat();
  }

  @Override
  public final String id() {
    return name + ":" + sceneDir.getFileName();
  }

  @Override
  public final Row run() throws Exception {
    return run(cfg.scene(sceneDir));
  }

  abstract Row run(Scene s) throws Exception;

  /**
   * Loupe's 16-bit result rounded to 8 bits, as an 8-bit document would store it (the references
   * work in 8 bits).
   *
   * @param image Not modified.
   */
  static Planar as8Bit(Planar image) {
    Planar out = image.copy();
    for (GrayU16 band : out.bands) {
      BitDepth.EIGHT.quantize(band);
    }
    return out;
  }
}
