// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static loupe.server.cli.MaskFiles.CORPUS;
import static loupe.server.cli.MaskFiles.EXAMPLE;
import static loupe.server.cli.MaskFiles.readPng16;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import loupe.engine.Progress;
import loupe.engine.alg.lumamask.LumaMaskConfig;
import loupe.engine.alg.lumamask.LuminosityMasks;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.alg.mask.PathRasterizer;
import loupe.engine.image.GrayU16;
import loupe.engine.testing.TestImages;
import loupe.engine.quality.QualityMetrics;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.psd.SavedPath;
import loupe.server.masks.MaskInput;
import loupe.server.retouch.ProductMasks;
import loupe.server.retouch.PsdPaths;
import loupe.server.retouch.PsdPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `loupe mask --out FOLDER`: each PNG, read back by ImageIO, is the engine's mask bit for bit. */
class MaskPngOutputTest {
  @TempDir
  Path tmp;

  @Test
  void example_product_and_luminosity_pngs_equal_the_engine_masks() throws Exception {
    byte[] before = Files.readAllBytes(EXAMPLE);
    CliRun run = CliRun.of("mask", EXAMPLE.toString(), "--luminosity", "lights3,darks4,zone:lights2-lights4,"
        + "red-lights3,saturation,diamond-highlights,metal-shadows", "--out", tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("product mask (layer)");

    GrayU16 product = MaskFiles.layerMask(EXAMPLE);
    assertThat(readPng16(tmp.resolve("solitaire.mask.png")).sameSamples(product)).isTrue();
    assertThat(product.get(product.width / 2, 5)).as("background corner").isZero();
    MaskInput in = MaskInput.read(EXAMPLE);
    for (String name : new String[] {"lights3", "darks4", "zone:lights2-lights4", "red-lights3", "saturation",
        "diamond-highlights", "metal-shadows"}) {
      MaskSpec spec = MaskSpec.parse(name);
      GrayU16 expected = LuminosityMasks.compute(in.image(), product, spec, LumaMaskConfig.DEFAULT, null);
      Path png = tmp.resolve("solitaire." + name.replace(':', '-') + ".png");
      assertThat(readPng16(png).sameSamples(expected)).as(name).isTrue();
    }
    try (var files = Files.list(tmp)) {
      assertThat(files.count()).as("8 PNGs, no temp files").isEqualTo(8);
    }
    assertThat(Files.readAllBytes(EXAMPLE)).as("input untouched").isEqualTo(before);
  }

  @Test
  void saved_path_by_name_is_rasterised_as_the_engine_does() throws Exception {
    Path file = CORPUS.resolve("twelvemonkeys__adobehq-layers-masks-paths.psd");
    CliRun run = CliRun.of("mask", file.toString(), "--source", "path:sky", "--out", tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PsdDocument doc = PsdReader.read(file);
    SavedPath sky = doc.paths().stream().filter(p -> p.name().equals("sky")).findFirst().orElseThrow();
    GrayU16 expected = PathRasterizer.rasterize(PsdPaths.toGeometry(sky.path(), doc.width(), doc.height()),
        doc.width(), doc.height(), null);
    GrayU16 written = readPng16(tmp.resolve("twelvemonkeys__adobehq-layers-masks-paths.mask.png"));
    assertThat(written.sameSamples(expected)).isTrue();
    assertThat(coverage(written)).as("the sky path covers part of the picture").isBetween(0.05, 0.95);
  }

  @Test
  void saved_alpha_channel_is_the_product_mask_as_stored() throws Exception {
    Path file = CORPUS.resolve("twelvemonkeys__alpha-channels.psd");
    CliRun run = CliRun.of("mask", file.toString(), "--source", "channel:Alpha 1", "--out", tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    AlphaChannels.Alpha alpha = AlphaChannels.find(PsdReader.read(file), "Alpha 1");
    GrayU16 written = readPng16(tmp.resolve("twelvemonkeys__alpha-channels.mask.png"));
    assertThat(written.sameSamples(PsdPixels.decode(alpha.channel()))).isTrue();
    assertThat(coverage(written)).isBetween(0.01, 0.99);
  }

  @Test
  void eight_bit_gray_document_gives_16_bit_pngs() throws Exception {
    Path file = CORPUS.resolve("twelvemonkeys__long-layer-names-gray.psd");
    CliRun run = CliRun.of("mask", file.toString(), "--source", "auto", "--luminosity", "midtones2",
        "--out", tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    MaskInput in = MaskInput.read(file);
    GrayU16 expected = LuminosityMasks.compute(in.image(), null, MaskSpec.parse("midtones2"), LumaMaskConfig.DEFAULT,
        null);
    assertThat(readPng16(tmp.resolve("twelvemonkeys__long-layer-names-gray.midtones2.png")).sameSamples(expected))
        .isTrue();
  }

  @Test
  void flat_png_gets_the_automatic_mask_and_masks_of_its_8_bit_values() throws Exception {
    Path png = ringCrop();
    CliRun run = CliRun.of("mask", png.toString(), "--luminosity", "lights2", "--out", tmp.resolve("out").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("product mask (auto)");
    MaskInput in = MaskInput.read(png);
    assertThat(in.document().layers()).isEmpty();
    assertThat(in.document().paths()).isEmpty();
    ProductMasks.ProductMask auto = new ProductMasks().productMask("auto", "auto", in.image(), null, 255, null, "ring.png",
        Progress.NONE);
    // The mask is the segmentation itself; the protection, what a retouch job keeps as shot, is a file of its own.
    assertThat(readPng16(tmp.resolve("out/ring.mask.png")).sameSamples(auto.selection())).isTrue();
    assertThat(readPng16(tmp.resolve("out/ring.protection.png")).sameSamples(auto.mask())).isTrue();
    assertThat(coverage(auto.mask())).as("the protection covers more than the selection")
        .isGreaterThan(coverage(auto.selection()));
    GrayU16 lights2 = LuminosityMasks.compute(in.image(), null, MaskSpec.parse("lights2"), LumaMaskConfig.DEFAULT, null);
    assertThat(readPng16(tmp.resolve("out/ring.lights2.png")).sameSamples(lights2)).isTrue();
    assertThat(coverage(auto.selection())).as("the ring is a part of the frame").isBetween(0.02, 0.6);
  }

  /** `--out FILE.png` as the issue writes it: the product mask is that file, the others lie beside it. */
  @Test
  void a_png_out_is_the_product_mask_with_the_other_masks_beside_it() throws Exception {
    Path png = ringCrop();
    Path named = tmp.resolve("masks/ring-mask.png");
    CliRun run = CliRun.of("mask", png.toString(), "--luminosity", "lights2", "--out", named.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("→ " + named);
    MaskInput in = MaskInput.read(png);
    ProductMasks.ProductMask auto = new ProductMasks().productMask("auto", "auto", in.image(), null, 255, null, "ring.png",
        Progress.NONE);
    assertThat(readPng16(named).sameSamples(auto.selection())).isTrue();
    assertThat(readPng16(tmp.resolve("masks/ring-mask.protection.png")).sameSamples(auto.mask())).isTrue();
    GrayU16 lights2 = LuminosityMasks.compute(in.image(), null, MaskSpec.parse("lights2"), LumaMaskConfig.DEFAULT, null);
    assertThat(readPng16(tmp.resolve("masks/ring-mask.lights2.png")).sameSamples(lights2)).isTrue();
    try (var files = Files.list(tmp.resolve("masks"))) {
      assertThat(files.count()).as("3 PNGs, no temp files").isEqualTo(3);
    }
  }

  /**
   * The reason for the command: the automatic mask can be checked from outside. Scored
   * against the render's truth as any other tool would score it, it is the segmentation (IoU as
   * the engine measures it), and the protection beside it covers every fully jewelry pixel.
   */
  @Test
  void automatic_mask_of_a_dev_scene_scores_as_the_segmentation_and_its_protection_covers_the_piece()
      throws Exception {
    Path scene = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold");
    CliRun run = CliRun.of("mask", scene.resolve("input.png").toString(), "--source", "auto", "--out", tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("input.protection.png").contains("safety margin");
    GrayU16 truth = TestImages.readGray(scene.resolve("truth_mask.png"));
    GrayU16 mask = readPng16(tmp.resolve("input.mask.png"));
    GrayU16 protection = readPng16(tmp.resolve("input.protection.png"));
    assertThat(QualityMetrics.iou(mask, 32768, truth, 32768)).as("IoU of the written mask").isGreaterThan(0.95);
    assertThat(QualityMetrics.iou(protection, 32768, truth, 32768)).as("IoU of the protection").isLessThan(0.8);
    for (int y = 0; y < truth.height; y++) {
      for (int x = 0; x < truth.width; x++) {
        if (truth.get(x, y) == 65535) {
          assertThat(protection.get(x, y)).as("protection at (%d, %d)", x, y).isEqualTo(65535);
        }
      }
    }
  }

  /** The dev01 photograph (8-bit PNG as shot) around the ring, every fourth pixel: a small real flat file. */
  private Path ringCrop() throws Exception {
    Path photo = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold/input.png");
    java.awt.image.BufferedImage full = javax.imageio.ImageIO.read(photo.toFile());
    java.awt.image.BufferedImage crop = new java.awt.image.BufferedImage(260, 270, full.getType());
    for (int y = 0; y < 270; y++) {
      for (int x = 0; x < 260; x++) {
        crop.setRGB(x, y, full.getRGB(320 + 4 * x, 80 + 4 * y));
      }
    }
    Path png = tmp.resolve("ring.png");
    javax.imageio.ImageIO.write(crop, "png", png.toFile());
    return png;
  }

  static double coverage(GrayU16 mask) {
    double sum = 0;
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        sum += mask.get(x, y) / 65535.0;
      }
    }
    return sum / ((double) mask.width * mask.height);
  }
}
