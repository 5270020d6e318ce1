// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.nio.file.Path;
import loupe.bench.BenchConfig;
import loupe.bench.data.Scene;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.engine.image.BitDepth;

/**
 * A workload on one benchmark scene: its id is {@code name:folder}, and it loads the scene as the
 * bench config says (whole, or the quick crop) when it runs. The 24 MP variant ({@code
 * name:24mp-8|16}) blows the scene up to the bench's large size at 8 or 16 bits instead: the
 * size-bound speed rows.
 */
abstract class SceneWorkload implements Workload {
  final BenchConfig cfg;
  /** How Loupe's side is repeated. */
  final Repeat repeat;
  private final String name;
  private final Path sceneDir;
  private final BitDepth large;

  /** @param large null for the scene as it is, else the depth of its 24 MP upscale */
  SceneWorkload(String name, BenchConfig cfg, Path sceneDir, BitDepth large) {
    this.name = name;
    this.cfg = cfg;
    this.sceneDir = sceneDir;
    this.large = large;
    this.repeat = cfg.repeat();
  }

  @Override
  public final String id() {
    return name + ":" + (large == null ? sceneDir.getFileName() : "24mp-" + (large == BitDepth.EIGHT ? 8 : 16));
  }

  @Override
  public final Row run() throws Exception {
    return run(large == null ? cfg.scene(sceneDir) : cfg.scene(sceneDir).upscaled(cfg.largeLongSide(), large));
  }

  abstract Row run(Scene s) throws Exception;

  /** Loupe's side: at 24 MP a denoise runs for seconds, so no warm-up (the median drops the first run's JIT share). */
  Repeat loupeRepeat() {
    return large == null || cfg.quick() ? repeat : cfg.slowRepeat();
  }

  /** Slow native references run once at 24 MP (tens of seconds a call), else as the config says. */
  Repeat slowReferenceRepeat() {
    return large == null || cfg.quick() ? cfg.slowRepeat() : new Repeat(0, 1);
  }
}
