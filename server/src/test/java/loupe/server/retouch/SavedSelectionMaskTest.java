// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.recipe.ModelInpainter;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retoucher's own selection as the product mask ({@code --mask channel:NAME}): the flat shot
 * with its jewelry selection saved as an alpha channel — here the scene's truth mask, as a careful
 * Select Subject + refine would give it. The job protects exactly that selection (no safety margin),
 * so Quick with a clean sweep works up to the piece's edge.
 */
class SavedSelectionMaskTest {
  @TempDir
  Path tmp;

  static Iterable<Path> scenes() throws Exception {
    return SceneScore.scenes();
  }

  @ParameterizedTest
  @MethodSource("scenes")
  void quick_with_a_clean_sweep_works_up_to_a_saved_selection_and_keeps_every_jewelry_pixel(Path scene)
      throws Exception {
    Path psd = withSelection(scene, "Jewelry");

    FileOutcome o = new RetouchService().retouchFile(psd, tmp.resolve("out"),
        RetouchRequest.of("quick", "clean", null, null, null, null, null, "channel:Jewelry"), Progress.NONE);

    SceneScore s = SceneScore.of(scene, PsdReader.read(o.output()));
    System.out.println(scene.getFileName() + " quick+clean, mask channel:Jewelry " + SceneScore.HEADER);
    System.out.println(scene.getFileName() + "                                   " + s.row());
    assertThat(s.jewelryChanged()).as("jewelry pixels changed").isZero();
    assertThat(o.result().fidelity().changedPixels()).isZero();
    assertThat(o.result().notes()).anyMatch(n -> n.contains("protected by the channel:Jewelry mask"));
    assertThat(s.dustHairGone()).as("dust and hair gone").isGreaterThanOrEqualTo(0.95);
    // The automatic mask's margin keeps a ring of prop beside the piece (62.6 / 44.9 / 93.8 % of all
    // defect pixels gone, docs/recipes.md); the user's exact selection does not.
    assertThat(s.allGone()).as("all defect pixels gone, props included").isGreaterThan(0.80);
    assertThat(s.psnrOut() - s.psnrIn()).as("background PSNR gain, dB").isGreaterThan(6);
  }

  @Test
  void a_missing_channel_is_refused_naming_the_file_the_option_and_the_channels_there_are() throws Exception {
    Path scene = SceneScore.scenes().get(0);
    Path psd = withSelection(scene, "Jewelry");
    RetouchRequest request = RetouchRequest.of("quick", null, null, null, null, null, null, "channel:Ring");
    assertThatThrownBy(() -> DocumentRetouch.run(PsdReader.read(psd), psd.toString(), request, new ProductMasks(),
        ModelInpainter.Source.NONE, Progress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessage(psd + ": product mask channel:Ring: no alpha channel named 'Ring' (channels: [1 'Jewelry'])");
    assertThatThrownBy(() -> RetouchRequest.of("quick", null, null, null, null, null, null, "channel:"))
        .isInstanceOf(UserError.class).hasMessageContaining("channel:NAME or channel:N (a saved selection)");
  }

  @Test
  void a_feathered_selection_with_no_fully_selected_pixel_is_refused_saying_so() throws Exception {
    PsdDocument doc = RetouchService.readDocument(SceneScore.scenes().get(0).resolve("input.png"));
    byte[] feathered = new byte[doc.width() * doc.height()];
    java.util.Arrays.fill(feathered, (byte) 254);
    AlphaChannels.add(doc, "Soft", feathered);
    assertThatThrownBy(() -> DocumentRetouch.run(doc, "soft.psd",
        RetouchRequest.of("quick", null, null, null, null, null, null, "channel:Soft"), new ProductMasks(),
        ModelInpainter.Source.NONE, Progress.NONE))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("soft.psd: the product mask (channel:Soft) marks no pixel as fully jewelry")
        .hasMessageContaining("no pixel of the channel is fully selected");
  }

  /** The scene's input as a flat PSD with its truth mask saved as the alpha channel {@code name}. */
  private Path withSelection(Path scene, String name) throws Exception {
    PsdDocument doc = RetouchService.fromFlat(FlatImageReader.read(scene.resolve("input.png"), Long.MAX_VALUE));
    GrayU16 truth = FlatImageReader.read(scene.resolve("truth_mask.png"), Long.MAX_VALUE).color().band(0);
    AlphaChannels.add(doc, name, GivenMasksTest.eightBit(truth));
    Path psd = tmp.resolve(scene.getFileName() + ".psd");
    PsdWriter.write(doc, psd);
    return psd;
  }
}
