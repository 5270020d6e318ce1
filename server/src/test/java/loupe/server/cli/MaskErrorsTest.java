// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static loupe.server.cli.MaskFiles.CORPUS;
import static loupe.server.cli.MaskFiles.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad calls of `loupe mask`: one line naming the problem, exit code 2, and nothing written. */
class MaskErrorsTest {
  static final Path PNG = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold/input.png");
  static final Path PATHS = CORPUS.resolve("twelvemonkeys__adobehq-layers-masks-paths.psd");
  static final Path ALPHAS = CORPUS.resolve("twelvemonkeys__alpha-channels.psd");
  static final Path GRAY = CORPUS.resolve("twelvemonkeys__long-layer-names-gray.psd");
  static final Path PSB = CORPUS.resolve("agpsd-tests__layers.psb");

  @TempDir
  Path tmp;

  @Test
  void unknown_source() throws Exception {
    assertThat(refused("'blob'", EXAMPLE, "--source", "blob", "--out", out())).contains("channel:NAME");
  }

  /** A misspelt model is unknown, not "not installed" with an install command that fails (a reviewer's probe). */
  @Test
  void an_unknown_segmentation_model_is_called_unknown() throws Exception {
    assertThat(refused("unknown segmentation model 'auto:nope' (use auto, auto:classical, auto:isnet)", PNG,
        "--source", "auto:nope", "--out", out())).doesNotContain("install");
  }

  @Test
  void an_out_named_like_an_image_file_is_refused_not_made_a_folder() throws Exception {
    Path tif = tmp.resolve("c.tif");
    refused("masks are written as 16-bit gray PNGs; name a .png file, a folder, or a .psd/.psb copy, not a TIF file",
        EXAMPLE, "--out", tif.toString());
    assertThat(tif).doesNotExist();
  }

  /** A copy made by `loupe mask` masked again: its channels are there already, and the refusal says what to do. */
  @Test
  void a_channel_name_the_file_has_is_refused_with_what_to_do() throws Exception {
    Path first = tmp.resolve("first.psd");
    CliRun made = CliRun.of("mask", EXAMPLE.toString(), "--source", "layer", "--out", first.toString());
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(refused("already has an alpha channel named 'Product mask'", first, "--source", "layer", "--out",
        tmp.resolve("out").resolve("second.psd").toString())).contains("--as layer-masks");
  }

  @Test
  void channel_source_without_a_name() throws Exception {
    refused("channel:NAME", ALPHAS, "--source", "channel:", "--out", out());
    refused("channel:NAME", ALPHAS, "--source", "channel", "--out", out());
  }

  @Test
  void missing_alpha_channel_names_the_ones_there_are() throws Exception {
    String err = refused("'Nope'", ALPHAS, "--source", "channel:Nope", "--out", out());
    assertThat(err).contains("Alpha 1");
  }

  @Test
  void alpha_channel_number_out_of_range_names_the_numbered_ones() throws Exception {
    assertThat(refused("no alpha channel number 3", ALPHAS, "--source", "channel:3", "--out", out()))
        .contains("the document has 2, numbered from 1: [1 'Transparency', 2 'Alpha 1']");
    refused("no alpha channel number 0", ALPHAS, "--source", "channel:0", "--out", out());
  }

  @Test
  void missing_path_names_the_saved_ones() throws Exception {
    assertThat(refused("'Nope'", PATHS, "--source", "path:Nope", "--out", out())).contains("sky");
    assertThat(refused("no clipping path", PATHS, "--source", "path", "--out", out()))
        .contains("--source path:NAME ('Adobe', 'sky')").doesNotContain("--mask");
  }

  @Test
  void a_document_without_saved_paths_says_so() throws Exception {
    for (String source : new String[] {"path", "path:", "path:Outline"}) {
      String err = refused(ALPHAS + ": the document has no saved paths for --source " + source, ALPHAS,
          "--source", source, "--out", out());
      assertThat(err).doesNotContain("--mask").doesNotContain("[]");
    }
  }

  @Test
  void flat_files_have_no_layer_and_this_one_no_paths_or_channels() throws Exception {
    refused("the source 'layer' needs a protected layer and this flat file has none", PNG, "--source", "layer", "--out",
        out());
    refused(PNG + ": the document has no saved paths for --source path", PNG, "--source", "path", "--out", out());
    refused("the document has no saved alpha channels", PNG, "--source", "channel:Alpha 1", "--out", out());
  }

  /** As `retouch --protect` refuses a layer the document lacks, whatever the mask's source. */
  @Test
  void a_protect_name_the_document_lacks_is_refused_with_any_source() throws Exception {
    for (String source : new String[] {"layer", "auto:classical", "path"}) {
      refused("no pixel layer named 'Nope'", EXAMPLE, "--source", source, "--protect", "Nope", "--out", out());
    }
    refused("no pixel layer named 'Nope'", PNG, "--protect", "Nope", "--out", out());
  }

  @Test
  void a_psd_copy_of_a_cut_out_is_refused_as_a_retouch_of_it_would_be() throws Exception {
    java.awt.image.BufferedImage rgba = new java.awt.image.BufferedImage(32, 32,
        java.awt.image.BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        rgba.setRGB(x, y, x < 4 ? 0 : 0xff808080);
      }
    }
    Path cutOut = tmp.resolve("cut-out.png");
    javax.imageio.ImageIO.write(rgba, "png", cutOut.toFile());
    Path copy = tmp.resolve("out/x.psd");
    refused("128 pixels are transparent", cutOut, "--source", "auto", "--out", copy.toString());
    assertThat(Files.exists(copy)).isFalse();
  }

  @Test
  void a_document_too_small_to_segment_is_named_as_bad_input() throws Exception {
    Path tiny = CORPUS.resolve("psdjs__locked-1x1.psd");
    refused(tiny + ": segmenting needs at least 16×16 pixels, got 1×1", tiny, "--source", "auto", "--out", out());
  }

  @Test
  void unknown_or_impossible_luminosity_mask() throws Exception {
    refused("--luminosity lights9: lights order must be 1..6", EXAMPLE, "--luminosity", "lights3,lights9", "--out", out());
    refused("unknown luminosity mask 'shine2'", EXAMPLE, "--luminosity", "shine2", "--out", out());
    refused("names no mask", EXAMPLE, "--luminosity", ",", "--out", out());
    refused("needs an RGB document", GRAY, "--source", "auto", "--luminosity", "red-lights3", "--out", out());
    assertThat(CliRun.of("mask", "--help").out()).as("the help shows a zone as it is written")
        .contains("zone:lights2-lights4");
  }

  @Test
  void psd_output_never_replaces_the_input_and_follows_its_format() throws Exception {
    Path copy = Files.copy(EXAMPLE, tmp.resolve("in.psd"));
    byte[] before = Files.readAllBytes(copy);
    refused("is the input file", copy, "--out", copy.toString(), "--force");
    assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    refused("name the output .psb", PSB, "--source", "auto", "--out", tmp.resolve("out/layers.psd").toString());
    refused("name the output .psd", EXAMPLE, "--out", tmp.resolve("out/solitaire.psb").toString());
  }

  /** Meaningful as root too: no permission lets a folder be made inside a file. */
  @Test
  void an_out_that_cannot_be_written_is_named_as_out_before_the_masks_are_computed() throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "a file");
    for (String out : List.of("masks", "masks/m.png", "masks/copy.psd")) {
      refused("--out " + notes.resolve(out) + ": " + notes + " is a file, not a folder", PNG, "--out",
          notes.resolve(out).toString());
    }
    assertThat(notes).hasContent("a file");
  }

  @Test
  void png_output_never_replaces_the_input() throws Exception {
    Path shot = Files.copy(PNG, tmp.resolve("shot.png"));
    byte[] before = Files.readAllBytes(shot);
    refused("would replace the input", shot, "--out", shot.toString(), "--force");
    // Nor can a mask written beside the named one (m.png → m.lights3.png).
    Path lights = Files.copy(PNG, tmp.resolve("m.lights3.png"));
    refused("would replace the input", lights, "--luminosity", "lights3", "--out", tmp.resolve("m.png").toString(),
        "--force");
    assertThat(Files.readAllBytes(shot)).isEqualTo(before);
    assertThat(Files.readAllBytes(lights)).isEqualTo(before);
  }

  @Test
  void existing_outputs_need_force() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(CliRun.of("mask", EXAMPLE.toString(), "--out", out.toString()).exit()).isZero();
    Path png = out.resolve("solitaire.mask.png");
    long modified = Files.getLastModifiedTime(png).toMillis();
    CliRun again = CliRun.of("mask", EXAMPLE.toString(), "--out", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains(png + " exists").contains("--force");
    assertThat(Files.getLastModifiedTime(png).toMillis()).isEqualTo(modified);
    assertThat(CliRun.of("mask", EXAMPLE.toString(), "--out", out.toString(), "--force").exit()).isZero();
  }

  @Test
  void missing_input_and_missing_out() throws Exception {
    refused("no such file", tmp.resolve("none.psd"), "--out", out());
    CliRun run = CliRun.of("mask", EXAMPLE.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--out");
    assertNothingWritten();
  }

  private String out() {
    return tmp.resolve("out").toString();
  }

  /** Runs `loupe mask FILE ARGS`: exit 2, one line on stderr containing {@code expected}, no output written. */
  private String refused(String expected, Path file, String... args) throws Exception {
    String[] all = Stream.concat(Stream.of("mask", file.toString()), Stream.of(args)).toArray(String[]::new);
    CliRun run = CliRun.of(all);
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("loupe: ").contains(expected).doesNotContain("\n");
    assertNothingWritten();
    return run.err();
  }

  private void assertNothingWritten() throws Exception {
    Path out = tmp.resolve("out");
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.toList()).isEmpty();
      }
    }
  }
}
