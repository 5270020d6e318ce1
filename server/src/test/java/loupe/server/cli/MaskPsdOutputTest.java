// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static loupe.server.cli.MaskFiles.CORPUS;
import static loupe.server.cli.MaskFiles.EXAMPLE;
import static loupe.server.cli.MaskFiles.readPng16;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import loupe.engine.alg.lumamask.LumaMaskConfig;
import loupe.engine.alg.lumamask.LuminosityMasks;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.image.GrayU16;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.server.masks.MaskInput;
import loupe.server.retouch.PsdPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * `loupe mask --out FILE.psd`: a copy of the input with the masks as named alpha channels, read
 * back by Loupe's reader (and through the channel source), by TwelveMonkeys and by ag-psd.
 */
class MaskPsdOutputTest {
  private static final String TM_FORMAT = "com_twelvemonkeys_imageio_psd_image_1.0";

  @TempDir
  Path tmp;

  @Test
  void example_copy_carries_the_masks_as_named_alpha_channels() throws Exception {
    byte[] before = Files.readAllBytes(EXAMPLE);
    Path out = tmp.resolve("solitaire.masks.psd");
    CliRun run = CliRun.of("mask", EXAMPLE.toString(), "--luminosity", "lights3,diamond-highlights", "--out",
        out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains(out.toString()).contains("'Product mask', 'lights3', 'diamond-highlights'");

    PsdDocument input = PsdReader.read(EXAMPLE);
    PsdDocument written = PsdReader.read(out);
    assertThat(written.channelCount()).isEqualTo(input.channelCount() + 3);
    assertThat(written.alphaChannelNames()).containsExactly("Product mask", "lights3", "diamond-highlights");
    GrayU16 product = MaskFiles.layerMask(EXAMPLE);
    MaskInput in = MaskInput.read(EXAMPLE);
    assertChannel(written, "Product mask", product);
    for (String name : List.of("lights3", "diamond-highlights")) {
      assertChannel(written, name, LuminosityMasks.compute(in.image(), product, MaskSpec.parse(name),
          LumaMaskConfig.DEFAULT, null));
    }
    for (int c = 0; c < 3; c++) {
      assertThat(written.composite().get(c).decoded()).as("composite %d as read", c)
          .isEqualTo(input.composite().get(c).decoded());
    }
    assertSameLayers(input, written);
    assertThat(Files.readAllBytes(EXAMPLE)).as("input untouched").isEqualTo(before);
    assertThat(MaskRawChannels.channel(out, 3)).as("Product mask, read by the small independent reader")
        .isEqualTo(PsdPixels.encode(product, 8));
    assertThat(MaskRawChannels.channel(out, 0)).as("red composite, read independently")
        .isEqualTo(MaskRawChannels.channel(EXAMPLE, 0));

    assertTwelveMonkeysReads(out, 6, List.of("Product mask", "lights3", "diamond-highlights"), EXAMPLE);

    // Round trip: the saved channel is a product-mask source giving back the layer mask (8-bit alpha is exact here).
    CliRun back = CliRun.of("mask", out.toString(), "--source", "channel:Product mask", "--out", tmp.toString());
    assertThat(back.exit()).as(back.err()).isZero();
    assertThat(readPng16(tmp.resolve("solitaire.masks.mask.png")).sameSamples(product)).isTrue();
    assertAgPsdSeesTheSameLayers(EXAMPLE, out);
  }

  @Test
  void sixteen_bit_document_gets_16_bit_channels_after_its_own() throws Exception {
    Path file = CORPUS.resolve("oovpsd__gray16-transparent.psd");
    Path out = tmp.resolve("gray16.psd");
    CliRun run = CliRun.of("mask", file.toString(), "--source", "auto", "--luminosity", "darks2", "--out",
        out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PsdDocument input = PsdReader.read(file);
    PsdDocument written = PsdReader.read(out);
    List<String> names = new ArrayList<>(input.alphaChannelNames());
    names.addAll(List.of("Product mask", "Loupe protection", "darks2"));
    assertThat(written.alphaChannelNames()).containsExactlyElementsOf(names);
    assertThat(written.composite().get(3).depth()).isEqualTo(16);
    MaskInput in = MaskInput.read(file);
    GrayU16 darks2 = LuminosityMasks.compute(in.image(), null, MaskSpec.parse("darks2"), LumaMaskConfig.DEFAULT, null);
    assertChannel(written, "darks2", darks2);
    assertThat(MaskRawChannels.channel(out, 4)).as("darks2, read by the small independent reader")
        .isEqualTo(PsdPixels.encode(darks2, 16));
    assertThat(written.composite().get(1).decoded()).as("merged transparency as read")
        .isEqualTo(input.composite().get(1).decoded());
    assertTwelveMonkeysReads(out, 5, names, file);
  }

  @Test
  void channels_follow_photoshops_alpha_channels_and_their_resources() throws Exception {
    Path file = CORPUS.resolve("twelvemonkeys__alpha-channels.psd");
    Path out = tmp.resolve("alpha.psd");
    CliRun run = CliRun.of("mask", file.toString(), "--source", "channel:Alpha 1", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PsdDocument input = PsdReader.read(file);
    PsdDocument written = PsdReader.read(out);
    assertThat(written.alphaChannelNames()).containsExactly("Transparency", "Alpha 1", "Product mask");
    AlphaChannels.Alpha alpha1 = AlphaChannels.find(input, "Alpha 1");
    assertThat(AlphaChannels.find(written, "Alpha 1").channel().decoded()).isEqualTo(alpha1.channel().decoded());
    assertThat(AlphaChannels.find(written, "Product mask").channel().decoded()).isEqualTo(alpha1.channel().decoded());
    assertThat(AlphaChannels.find(written, "Product mask").inverted()).isFalse();
    // 1007: one 14-byte display entry per extra channel; 1053: one identifier per extra channel, the new one unused.
    assertThat(written.resource(1007).data()).hasSize(3 * 14);
    assertThat(written.resource(1053).data()).hasSize(3 * 4).endsWith(0, 0, 0, 15);
    assertTwelveMonkeysReads(out, 6, List.of("Transparency", "Alpha 1", "Product mask"), file);
  }

  @Test
  void psb_input_gives_a_psb_copy() throws Exception {
    Path file = CORPUS.resolve("agpsd-tests__layers.psb");
    Path out = tmp.resolve("layers.psb");
    CliRun run = CliRun.of("mask", file.toString(), "--luminosity", "lights1", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PsdDocument written = PsdReader.read(out);
    assertThat(written.version()).isEqualTo(2);
    MaskInput in = MaskInput.read(file);
    assertChannel(written, "lights1", LuminosityMasks.compute(in.image(), null, MaskSpec.parse("lights1"),
        LumaMaskConfig.DEFAULT, null));
    assertThat(AlphaChannels.find(written, "Product mask")).isNotNull();
    assertSameLayers(PsdReader.read(file), written);
  }

  private static void assertChannel(PsdDocument doc, String name, GrayU16 expected) {
    AlphaChannels.Alpha a = AlphaChannels.find(doc, name);
    assertThat(a).as("alpha channel %s", name).isNotNull();
    assertThat(a.inverted()).isFalse();
    assertThat(a.channel().decoded()).as(name).isEqualTo(PsdPixels.encode(expected, doc.depth()));
  }

  private static void assertSameLayers(PsdDocument input, PsdDocument written) {
    assertThat(written.layers()).hasSameSizeAs(input.layers());
    for (int i = 0; i < input.layers().size(); i++) {
      PsdLayer a = input.layers().get(i);
      PsdLayer b = written.layers().get(i);
      assertThat(b.name()).isEqualTo(a.name());
      for (PsdChannel c : a.channels()) {
        assertThat(b.channel(c.id()).decoded()).as("%s channel %d", a.name(), c.id()).isEqualTo(c.decoded());
      }
    }
  }

  /** TwelveMonkeys: header channel count, the Unicode alpha names, and the same composite as it reads from the input. */
  private static void assertTwelveMonkeysReads(Path file, int channels, List<String> names, Path input) throws Exception {
    Element root = (Element) twelveMonkeys(file, r -> r.getImageMetadata(0).getAsTree(TM_FORMAT));
    Element header = (Element) root.getElementsByTagName("Header").item(0);
    assertThat(header.getAttribute("channels")).isEqualTo(Integer.toString(channels));
    NodeList unicode = ((Element) root.getElementsByTagName("UnicodeAlphaNames").item(0)).getElementsByTagName("Name");
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < unicode.getLength(); i++) {
      // TwelveMonkeys keeps the terminating NUL Photoshop writes (its own files read the same way).
      seen.add(((Element) unicode.item(i)).getAttribute("value").replace("\0", ""));
    }
    assertThat(seen).containsExactlyElementsOf(names);
    Raster expected = twelveMonkeys(input, r -> r.read(0).getRaster());
    Raster actual = twelveMonkeys(file, r -> r.read(0).getRaster());
    assertThat(actual.getNumBands()).isEqualTo(expected.getNumBands());
    for (int b = 0; b < expected.getNumBands(); b++) {
      int[] e = expected.getSamples(0, 0, expected.getWidth(), expected.getHeight(), b, (int[]) null);
      int[] a = actual.getSamples(0, 0, actual.getWidth(), actual.getHeight(), b, (int[]) null);
      assertThat(a).as("TwelveMonkeys composite band %d", b).isEqualTo(e);
    }
  }

  private interface ReaderCall<T> {
    T apply(ImageReader reader) throws Exception;
  }

  private static <T> T twelveMonkeys(Path file, ReaderCall<T> call) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      try {
        reader.setInput(in);
        return call.apply(reader);
      } finally {
        reader.dispose();
      }
    }
  }

  /** ag-psd (Node, an independent reader) parses the copy and sees the input's layers. */
  private static void assertAgPsdSeesTheSameLayers(Path input, Path copy) throws Exception {
    assertThat(AgPsd.read(copy).get("layers")).isEqualTo(AgPsd.read(input).get("layers"));
  }
}
