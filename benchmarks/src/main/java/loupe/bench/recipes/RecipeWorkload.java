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
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.server.retouch.FileOutcome;
import loupe.server.retouch.RetouchRequest;
import loupe.server.retouch.RetouchService;

/**
 * A recipe end to end through {@link RetouchService#retouchFile} (read, product mask, recipe,
 * fidelity guard, layered PSD written and re-read), with the recipe's defaults. On a scene the
 * input is its flat {@code input.png}, so the product mask is automatic. On the large shot the
 * input is a 16-bit layered PSD whose "Jewelry" layer carries the mask. Either way the written
 * composite is scored against the truth (upscaled like the large shot): jewelry pixels changed
 * against the input's composite wherever the truth mask is 65535, the background against the
 * clean render. No reference tool.
 */
public final class RecipeWorkload implements Workload {
  private final String recipe;
  private final BenchConfig cfg;
  private final Path sceneDir;
  private final Path workDir;
  private final Repeat repeat;
  private final boolean upscaled;

  private RecipeWorkload(String recipe, BenchConfig cfg, Path sceneDir, boolean upscaled, Repeat repeat) {
    this.recipe = recipe;
    this.cfg = cfg;
    this.sceneDir = sceneDir;
    this.upscaled = upscaled;
    this.workDir = cfg.workDir();
    this.repeat = repeat;
  }

  /** The recipe on a scene's flat input PNG, scored against its truth. */
  public static RecipeWorkload onScene(String recipe, BenchConfig cfg, Path sceneDir) {
    return new RecipeWorkload(recipe, cfg, sceneDir, false, cfg.qualityRepeat());
  }

  /**
   * The same on the scene blown up to the large size, as an 8-bit PNG: a camera file's pixel count,
   * where every size in pixels the detectors and margins were tuned with has to scale.
   */
  public static RecipeWorkload onLargeScene(String recipe, BenchConfig cfg, Path sceneDir) {
    return new RecipeWorkload(recipe, cfg, sceneDir, true, cfg.qualityRepeat());
  }

  /** The recipe on the layered 16-bit PSD of the large shot. */
  public static RecipeWorkload onLayeredPsd(String recipe, BenchConfig cfg) {
    return new RecipeWorkload(recipe, cfg, null, false, cfg.fileJobRepeat());
  }

  private boolean onScene() {
    return sceneDir != null;
  }

  @Override
  public String id() {
    if (!onScene()) {
      return "e2e-" + recipe;
    }
    return "recipe-" + recipe + ":" + (upscaled ? "24mp-8" : sceneDir.getFileName());
  }

  @Override
  public Row run() throws Exception {
    return onScene() ? runOnScene() : runOnLayeredPsd();
  }

  private Row runOnScene() throws Exception {
    Scene s = upscaled ? cfg.scene(sceneDir).upscaled(cfg.largeLongSide(), BitDepth.EIGHT).withInputFile(workDir)
        : cfg.scene(sceneDir);
    // The model-free mask, whatever is installed: the scene rows measure the same thing on every machine.
    Compared<FileOutcome, Void> m = retouch(s.inputFile(), "auto:classical");
    Planar out = LayeredShot.composite(m.loupe().result().output(), 3);
    return Row.of(id(), recipe + " recipe " + s.name(), s.width() + "×" + s.height() + " 8-bit PNG, auto:classical mask",
        repeat, null, m, scored(out, s.input(), s), "file in, layered PSD out (written, re-read and verified)");
  }

  private Row runOnLayeredPsd() throws Exception {
    Scene scene = cfg.scene(cfg.scenes().get(0));
    LargeShot shot = LargeShot.of(scene, cfg.largeLongSide());
    Path file = LayeredShot.file(workDir, shot);
    String size = shot.description();
    shot = null; // the workload's memory is the service's, not the generator's
    Compared<FileOutcome, Void> m = retouch(file, null);
    Planar before = LayeredShot.composite(file, 3);
    Planar after = LayeredShot.composite(m.loupe().result().output(), 3);
    // The truth at the shot's size, upscaled as the shot was (its input is the shot's image). Made
    // again rather than kept from above: held through the job, it would count in the job's peak RSS.
    Scene truth = cfg.largeLongSide() == 0 ? scene : scene.upscaled(cfg.largeLongSide(), BitDepth.SIXTEEN);
    Map<String, Object> q = scored(after, before, truth);
    q.put("output_mb", Files.size(m.loupe().result().output()) / 1e6);
    return Row.of(id(), recipe + " recipe, layered PSD", size + " 16-bit, Background + Jewelry layer", repeat, null, m,
        q, "file in, layered PSD out (written, re-read and verified)");
  }

  /** A result's composite: its jewelry against the input's, its background against the truth. */
  private static Map<String, Object> scored(Planar out, Planar input, Scene truth) {
    GrayU16 background = Regions.background(truth.mask());
    return Row.fields(
        "jewelry_changed", QualityMetrics.changedPixels(out, input, Regions.jewelry(truth.mask())),
        "bg_psnr_input_db", SceneQuality.psnr8(input, truth.clean(), background),
        "bg_psnr_db", SceneQuality.psnr8(out, truth.clean(), background),
        "noise_sigma", SceneQuality.noiseSigma8(out, truth.mask()),
        "residue_dust", SceneQuality.residue(out, truth.clean(), truth.defects(), Regions.DUST),
        "residue_hair", SceneQuality.residue(out, truth.clean(), truth.defects(), Regions.HAIR),
        "residue_prop", SceneQuality.residue(out, truth.clean(), truth.defects(), Regions.PROP),
        "residue_shadow", SceneQuality.residue(out, truth.clean(), truth.defects(), Regions.PROP_SHADOW));
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
