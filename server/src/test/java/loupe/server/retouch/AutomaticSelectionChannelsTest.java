// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.quality.QualityMetrics;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.ExampleDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An automatic retouch job saves its selection and its protection as alpha channels of the PSD it
 * writes, so that the retoucher can extend the new background over the safety margin (load the
 * selection, invert it, paint the Loupe layers' masks) without segmenting again.
 */
class AutomaticSelectionChannelsTest {
  @TempDir
  Path tmp;

  @Test
  void the_written_psd_carries_the_selection_and_the_protection_it_kept() throws Exception {
    FileOutcome o = new RetouchService().retouchFile(GivenMasksTest.DEV01.resolve("input.png"), tmp,
        RetouchRequest.of("quick", "clean", null, null, null, null, null, "auto:classical"), Progress.NONE);

    PsdDocument written = PsdReader.read(o.output());
    assertThat(AlphaChannels.list(written)).extracting(AlphaChannels.Alpha::name)
        .containsExactly(SavedMasks.PRODUCT_CHANNEL, SavedMasks.PROTECTION_CHANNEL);
    assertThat(o.result().notes()).anyMatch(n -> n.startsWith("channels 'Product mask' (the automatic selection)"));
    GrayU16 selection = channel(written, SavedMasks.PRODUCT_CHANNEL);
    GrayU16 truth = FlatImageReader.read(GivenMasksTest.DEV01.resolve("truth_mask.png"), Long.MAX_VALUE).color().band(0);
    assertThat(QualityMetrics.iou(selection, 32768, truth, 32768)).as("the saved selection against the truth")
        .isGreaterThan(0.95);
    // 8-bit document: the protection rounded to 8 bits, (p + 128) / 257, so every pixel the job
    // protected fully is 255.
    assertThat(AlphaChannels.find(written, SavedMasks.PROTECTION_CHANNEL).channel().decoded())
        .isEqualTo(PsdPixels.encode(o.productMask(), 8));
    assertThat(o.result().fidelity().protectedPixels()).isGreaterThan(100_000);
  }

  @Test
  void a_document_with_a_channel_of_that_name_keeps_its_own_and_the_note_says_so() throws Exception {
    PsdDocument doc = ExampleDocuments.solitaire(GivenMasksTest.SHARED);
    byte[] own = new byte[doc.width() * doc.height()];
    java.util.Arrays.fill(own, 0, own.length / 2, (byte) 255);
    AlphaChannels.add(doc, SavedMasks.PRODUCT_CHANNEL, own);
    Path psd = tmp.resolve("solitaire.psd");
    PsdWriter.write(doc, psd);

    FileOutcome o = new RetouchService().retouchFile(psd, tmp.resolve("out"),
        RetouchRequest.of("quick", "clean", null, null, null, null, null, "auto:classical"), Progress.NONE);

    PsdDocument written = PsdReader.read(o.output());
    assertThat(AlphaChannels.list(written)).extracting(AlphaChannels.Alpha::name)
        .containsExactly(SavedMasks.PRODUCT_CHANNEL);
    assertThat(AlphaChannels.find(written, SavedMasks.PRODUCT_CHANNEL).channel().decoded()).isEqualTo(own);
    assertThat(o.result().notes()).contains("the automatic selection was not saved as channels: the document "
        + "already has one named 'Product mask'");
  }

  @Test
  void a_document_with_room_for_one_channel_gets_neither_and_the_note_says_why() throws Exception {
    PsdDocument doc = ExampleDocuments.solitaire(GivenMasksTest.SHARED);
    byte[] empty = new byte[doc.width() * doc.height()];
    for (int i = 1; i <= 52; i++) {
      AlphaChannels.add(doc, "Alpha " + i, empty);
    }
    GrayU16 mask = new GrayU16(doc.width(), doc.height());
    String note = SavedMasks.saveAutomatic(doc, new ProductMasks.ProductMask(mask));
    assertThat(note).isEqualTo("the automatic selection was not saved as channels: the document has 55 channels; 2 "
        + "more would pass the 56 a PSD holds");
    assertThat(AlphaChannels.list(doc)).hasSize(52);
  }

  /**
   * Editorial's extra protection (diamond highlights and metal shadows at the piece's edge) is saved
   * as two channels: the retoucher can see what was kept as shot and load it as a selection. Each
   * lies within the piece's own layer, and the highlights are the brightest pixels there.
   */
  @Test
  void editorial_saves_the_luminosity_masks_it_protected_with() throws Exception {
    Path example = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");
    FileOutcome o = new RetouchService().retouchFile(example, tmp, RetouchRequest.of("editorial", null, null, null,
        null, null, null, null), Progress.NONE);
    assertThat(o.result().fidelity().changedPixels()).isZero();
    PsdDocument written = PsdReader.read(o.output());
    assertThat(AlphaChannels.list(written)).extracting(AlphaChannels.Alpha::name)
        .containsExactly("Loupe diamond highlights", "Loupe metal shadows");
    assertThat(o.result().notes()).anyMatch(n -> n.startsWith("channels 'Loupe diamond highlights', 'Loupe metal "
        + "shadows' saved"));
    GrayU16 product = o.productMask();
    GrayU16 highlights = channel(written, "Loupe diamond highlights");
    GrayU16 shadows = channel(written, "Loupe metal shadows");
    long lit = 0;
    double litLevel = 0;
    double allLevel = 0;
    long all = 0;
    PsdDocument input = PsdReader.read(example);
    GrayU16[] picture = new GrayU16[3];
    for (int c = 0; c < 3; c++) {
      picture[c] = PsdPixels.decode(input.composite().get(c));
    }
    for (int y = 0; y < product.height; y++) {
      for (int x = 0; x < product.width; x++) {
        boolean piece = product.get(x, y) > 0;
        assertThat(piece || highlights.get(x, y) == 0 && shadows.get(x, y) == 0).as("(%d,%d) off the piece", x, y)
            .isTrue();
        if (!piece) {
          continue;
        }
        int neutral = Math.min(picture[0].get(x, y), Math.min(picture[1].get(x, y), picture[2].get(x, y)));
        allLevel += neutral;
        all++;
        if (highlights.get(x, y) > 32768) {
          litLevel += neutral;
          lit++;
        }
      }
    }
    assertThat(lit).as("pixels the highlights channel selects").isPositive();
    assertThat(litLevel / lit).as("their mean min(R,G,B) against the piece's").isGreaterThan(allLevel / all);
  }

  private static GrayU16 channel(PsdDocument doc, String name) {
    return PsdPixels.decode(AlphaChannels.find(doc, name).channel());
  }
}
