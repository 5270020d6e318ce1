// SPDX-License-Identifier: Apache-2.0
package loupe.bench.recipes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import loupe.bench.BenchConfig;
import loupe.bench.data.LargeShot;
import loupe.bench.data.Scene;
import loupe.bench.quality.Regions;
import loupe.bench.quality.SceneQuality;
import loupe.bench.run.Compared;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.server.retouch.FileOutcome;
import loupe.server.retouch.RetouchRequest;
import loupe.server.retouch.RetouchService;

/**
 * A recipe end to end through {@link RetouchService#retouchFile} (read, product mask, recipe,
 * fidelity guard, layered PSD written and re-read), with the recipe's defaults. On a scene the
 * input is its flat {@code input.png}, so the product mask is automatic, and the written
 * composite is scored against the truth. On the large shot the input is a 16-bit layered PSD
 * whose "Jewelry" layer carries the mask. Jewelry pixels changed compares the written composite
 * with the input wherever the truth mask is 65535. No reference tool.
 */
public final class RecipeWorkload implements Workload {
  private final String recipe;
  private final BenchConfig cfg;
  private final Path sceneDir;
  private final Path workDir;
  private final Repeat repeat;

  private RecipeWorkload(String recipe, BenchConfig cfg, Path sceneDir, Repeat repeat) {
    this.recipe = recipe;
    this.cfg = cfg;
    this.sceneDir = sceneDir;
    this.workDir = cfg.workDir();
    this.repeat = repeat;
  }

  /** The recipe on a scene's flat input PNG, scored against its truth. */
  public static RecipeWorkload onScene(String recipe, BenchConfig cfg, Path sceneDir) {
    return new RecipeWorkload(recipe, cfg, sceneDir, cfg.qualityRepeat());
  }

  /** The recipe on the layered 16-bit PSD of the large shot. */
  public static RecipeWorkload onLayeredPsd(String recipe, BenchConfig cfg) {
    return new RecipeWorkload(recipe, cfg, null, cfg.fileJobRepeat());
  }

  private boolean onScene() {
    return sceneDir != null;
  }

  @Override
  public String id() {
    return onScene() ? "recipe-" + recipe + ":" + sceneDir.getFileName() : "e2e-" + recipe;
  }

  @Override
  public Row run() throws Exception {
    return onScene() ? runOnScene() : runOnLayeredPsd();
  }

  private Row runOnScene() throws Exception {
    Scene s = cfg.scene(sceneDir);
    // The model-free mask, whatever is installed: the scene rows measure the same thing on every machine.
    Compared<FileOutcome, Void> m = retouch(s.inputFile(), "auto:classical");
    Planar out = LayeredShot.composite(m.loupe().result().output(), 3);
    GrayU16 background = Regions.background(s.mask());
    Map<String, Object> q = Row.fields(
        "jewelry_changed", QualityMetrics.changedPixels(out, s.input(), Regions.jewelry(s.mask())),
        "bg_psnr_input_db", SceneQuality.psnr8(s.input(), s.clean(), background),
        "bg_psnr_db", SceneQuality.psnr8(out, s.clean(), background),
        "noise_sigma", SceneQuality.noiseSigma8(out, s.mask()),
        "residue_dust", SceneQuality.residue(out, s.clean(), s.defects(), Regions.DUST),
        "residue_hair", SceneQuality.residue(out, s.clean(), s.defects(), Regions.HAIR),
        "residue_prop", SceneQuality.residue(out, s.clean(), s.defects(), Regions.PROP),
        "residue_shadow", SceneQuality.residue(out, s.clean(), s.defects(), Regions.PROP_SHADOW));
    return Row.of(id(), recipe + " recipe " + s.name(), s.width() + "×" + s.height() + " 8-bit PNG, auto:classical mask",
        repeat, null, m, q, "file in, layered PSD out (written, re-read and verified)");
  }

  private Row runOnLayeredPsd() throws Exception {
    LargeShot shot = LargeShot.of(cfg.scene(cfg.scenes().get(0)), cfg.largeLongSide());
    Path file = LayeredShot.file(workDir, shot);
    GrayU16 jewelry = Regions.jewelry(shot.mask());
    String size = shot.description();
    shot = null; // the workload's memory is the service's, not the generator's
    Compared<FileOutcome, Void> m = retouch(file, null);
    Planar before = LayeredShot.composite(file, 3);
    Planar after = LayeredShot.composite(m.loupe().result().output(), 3);
    return Row.of(id(), recipe + " recipe, layered PSD", size + " 16-bit, Background + Jewelry layer", repeat, null, m,
        Row.fields("jewelry_changed", QualityMetrics.changedPixels(after, before, jewelry),
            "output_mb", Files.size(m.loupe().result().output()) / 1e6),
        "file in, layered PSD out (written, re-read and verified)");
  }

  /** @param maskSource null for the document's default (its protected layer) */
  private Compared<FileOutcome, Void> retouch(Path input, String maskSource) throws Exception {
    RetouchService service = new RetouchService();
    RetouchRequest request = RetouchRequest.of(recipe, null, null, null, null, null, null, maskSource);
    Path outDir = Files.createDirectories(workDir.resolve("out-" + recipe));
    Compared<FileOutcome, Void> m = Compared.loupeOnly(repeat,
        () -> service.retouchFile(input, outDir, request, Progress.NONE));
    if (!m.loupe().result().written().compositeRecomputed()) {
      throw new IllegalStateException(m.loupe().result().output() + ": the writer kept a stale composite ("
          + m.loupe().result().written().reason() + "), so it cannot be scored");
    }
    return m;
  }
}
