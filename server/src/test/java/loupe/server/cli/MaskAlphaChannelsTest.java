// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static loupe.server.cli.MaskFiles.CORPUS;
import static loupe.server.cli.MaskFiles.readPng16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.image.GrayU16;
import loupe.psd.AlphaChannels;
import loupe.psd.ColorMode;
import loupe.psd.ImageResource;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.retouch.PsdPixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved alpha channels as Photoshop and other writers store them: names, display kinds, adding one. */
class MaskAlphaChannelsTest {
  @TempDir
  Path tmp;

  @Test
  void names_pair_with_the_extra_channels_as_photoshop_writes_them() throws Exception {
    PsdDocument alphas = PsdReader.read(CORPUS.resolve("twelvemonkeys__alpha-channels.psd"));
    List<AlphaChannels.Alpha> list = AlphaChannels.list(alphas);
    assertThat(list).extracting(AlphaChannels.Alpha::name).containsExactly("Transparency", "Alpha 1");
    assertThat(list).extracting(a -> a.channel().id()).containsExactly(3, 4);
    assertThat(list).noneMatch(AlphaChannels.Alpha::inverted);
    PsdDocument spots = PsdReader.read(CORPUS.resolve("oovpsd__rgb8-spot-channels.psd"));
    assertThat(AlphaChannels.list(spots)).extracting(a -> a.channel().id()).containsExactly(3, 4, 5, 6);
    assertThat(AlphaChannels.find(alphas, "Nope")).isNull();
  }

  @Test
  void display_kind_selected_areas_means_the_values_are_inverted() throws Exception {
    PsdDocument doc = PsdReader.read(CORPUS.resolve("twelvemonkeys__alpha-channels.psd"));
    byte[] display = doc.resource(1007).data().clone();
    display[14 + 12] = 0; // "Alpha 1": colour indicates selected areas
    doc.setResource(new ImageResource(1007, "", display));
    Path file = tmp.resolve("selected.psd");
    PsdWriter.write(doc, file);
    AlphaChannels.Alpha alpha = AlphaChannels.find(PsdReader.read(file), "Alpha 1");
    assertThat(alpha.inverted()).isTrue();

    CliRun run = CliRun.of("mask", file.toString(), "--source", "channel:Alpha 1", "--out", tmp.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    GrayU16 stored = PsdPixels.decode(alpha.channel());
    assertThat(readPng16(tmp.resolve("selected.mask.png")).sameSamples(MaskOps.invert(stored, null))).isTrue();
  }

  @Test
  void a_spot_colour_channel_is_listed_as_ink_and_refused_as_a_selection() throws Exception {
    Path file = CORPUS.resolve("oovpsd__rgb8-spot-channels.psd");
    assertThat(CliRun.of("inspect", file.toString()).out())
        .contains("  2 \"スポットカラー 1\" (channel 4, spot colour: printing ink, not a selection)");
    CliRun run = CliRun.of("mask", file.toString(), "--source", "channel:2", "--out", tmp.resolve("spot").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("channel 2 'スポットカラー 1' is a spot-colour channel (printing ink), not a saved selection");
    assertThat(tmp.resolve("spot")).doesNotExist();
    CliRun alpha = CliRun.of("mask", file.toString(), "--source", "channel:3", "--out", tmp.resolve("alpha").toString());
    assertThat(alpha.exit()).as(alpha.err()).isZero();
  }

  @Test
  void a_channel_is_found_by_its_number_as_inspect_lists_it() throws Exception {
    Path file = CORPUS.resolve("twelvemonkeys__alpha-channels.psd");
    CliRun inspect = CliRun.of("inspect", file.toString());
    assertThat(inspect.out()).contains("  2 \"Alpha 1\" (channel 4)");
    Path byName = tmp.resolve("by-name");
    Path byNumber = tmp.resolve("by-number");
    CliRun named = CliRun.of("mask", file.toString(), "--source", "channel:Alpha 1", "--out", byName.toString());
    assertThat(named.exit()).as(named.err()).isZero();
    CliRun numbered = CliRun.of("mask", file.toString(), "--source", "channel:2", "--out", byNumber.toString());
    assertThat(numbered.exit()).as(numbered.err()).isZero();
    GrayU16 expected = readPng16(byName.resolve("twelvemonkeys__alpha-channels.mask.png"));
    assertThat(readPng16(byNumber.resolve("twelvemonkeys__alpha-channels.mask.png")).sameSamples(expected)).isTrue();
    Path first = tmp.resolve("first");
    CliRun one = CliRun.of("mask", file.toString(), "--source", "channel:1", "--out", first.toString());
    assertThat(one.exit()).as(one.err()).isZero();
    assertThat(readPng16(first.resolve("twelvemonkeys__alpha-channels.mask.png")).sameSamples(expected))
        .as("channel:1 is 'Transparency', not 'Alpha 1'").isFalse();
  }

  @Test
  void an_unnamed_merged_transparency_is_named_before_the_new_channel() throws Exception {
    Path out = tmp.resolve("photopea.psd");
    CliRun run = CliRun.of("mask", CORPUS.resolve("oovpsd__photopea.psd").toString(), "--source", "auto", "--out",
        out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    PsdDocument written = PsdReader.read(out);
    assertThat(written.alphaChannelNames()).containsExactly("Transparency", "Product mask", "Loupe protection");
    assertThat(AlphaChannels.find(written, "Product mask").channel().id()).isEqualTo(4);
    assertThat(written.resource(1077).data()).as("version + three 13-byte entries").hasSize(4 + 3 * 13);
  }

  @Test
  void a_new_document_gets_names_and_nothing_else() throws Exception {
    PsdDocument doc = PsdDocument.create(ColorMode.RGB, 16, 40, 30);
    GrayU16 mask = new GrayU16(40, 30);
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        mask.set(x, y, (x * 1601 + y * 977) & 0xFFFF);
      }
    }
    AlphaChannels.add(doc, "Mask α", PsdPixels.encode(mask, 16));
    assertThatThrownBy(() -> AlphaChannels.add(doc, "Mask α", PsdPixels.encode(mask, 16)))
        .hasMessageContaining("already has an alpha channel named 'Mask α'");
    assertThatThrownBy(() -> AlphaChannels.add(doc, "Small", new byte[10])).hasMessageContaining("needs 2400 bytes");
    Path file = tmp.resolve("new.psd");
    PsdWriter.write(doc, file);
    PsdDocument written = PsdReader.read(file);
    assertThat(written.channelCount()).isEqualTo(4);
    assertThat(written.alphaChannelNames()).containsExactly("Mask α");
    assertThat(written.resource(1053)).isNull();
    assertThat(written.resource(1077)).isNull();
    assertThat(PsdPixels.decode(AlphaChannels.find(written, "Mask α").channel()).sameSamples(mask)).isTrue();
  }
}
