// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.nio.file.Path;
import java.util.List;
import loupe.bench.BenchConfig;
import loupe.bench.data.Scene;
import loupe.bench.quality.Regions;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Row;
import loupe.engine.Progress;
import loupe.engine.alg.background.CleanBackground;
import loupe.engine.alg.background.CleanBackgroundOps;
import loupe.engine.alg.background.SweepConfig;
import loupe.engine.composite.BlendMode;
import loupe.engine.composite.CompositeLayer;
import loupe.engine.composite.Compositor;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * The clean studio background (fitted sweep, vignette divided out, contact shadow as a Multiply
 * layer) with the true product mask and the true defects as the exclude mask, scored against the
 * clean render: PSNR of the background layers flattened by {@link Compositor} over the whole
 * background and over the bare sweep, next to the input's, and of the sweep layer alone. No
 * reference.
 */
public final class CleanBackgroundWorkload extends SceneWorkload {
  public CleanBackgroundWorkload(BenchConfig cfg, Path sceneDir) {
    super("clean-background", cfg, sceneDir, null);
  }

  @Override
  Row run(Scene s) throws Exception {
    GrayU16 exclude = Regions.labelled(s.defects(), Regions.DUST, Regions.HAIR, Regions.PROP, Regions.PROP_SHADOW);
    Compared<CleanBackground, Void> m = Compared.loupeOnly(repeat,
        () -> CleanBackgroundOps.sweep(s.input(), s.mask(), exclude, SweepConfig.DEFAULT, Progress.NONE));
    CleanBackground cb = m.loupe().result();
    Planar flat = Compositor.flatten(cb.background(), List.of(new CompositeLayer(cb.shadowLayer(), null,
        cb.shadowMask(), Rect.ofSize(s.width(), s.height()), BlendMode.MULTIPLY, 255, true)));
    GrayU16 background = Regions.background(s.mask());
    GrayU16 sweep = Regions.sweep(s.mask(), s.defects());
    return Row.of(id(), "clean background " + s.name(), s.size()
        + ", truth mask as P, true defects excluded, sweep fill", repeat, null, m,
        Row.fields(
            "bg_psnr_input_db", SceneQuality.psnr8(s.input(), s.clean(), background),
            "bg_psnr_db", SceneQuality.psnr8(flat, s.clean(), background),
            "sweep_psnr_input_db", SceneQuality.psnr8(s.input(), s.clean(), sweep),
            "sweep_psnr_db", SceneQuality.psnr8(flat, s.clean(), sweep),
            "sweep_psnr_no_shadow_db", SceneQuality.psnr8(cb.background(), s.clean(), sweep)),
        "background layers flattened with the engine's Compositor, before the product goes on top");
  }
}
