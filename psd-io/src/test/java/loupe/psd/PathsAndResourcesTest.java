// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PathsAndResourcesTest {
    @TempDir
    Path tmp;

    static Stream<String> files() { return Corpus.readableNames().stream(); }

    /** Every saved path, working path and vector mask parses and re-encodes to the same bytes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void path_data_re_encodes_byte_for_byte(String file) throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path(file));
        for (ImageResource r : doc.resources()) {
            if ((r.id() >= 2000 && r.id() <= 2997) || r.id() == 1025) {
                byte[] whole = java.util.Arrays.copyOf(r.data(), r.data().length - r.data().length % 26);
                assertThat(PathData.parse(r.data()).toResourceBytes()).as("resource %d", r.id()).isEqualTo(whole);
            }
        }
        for (PsdLayer l : doc.layers()) {
            TaggedBlock b = l.block("vmsk") != null ? l.block("vmsk") : l.block("vsms");
            if (b == null) continue;
            VectorMask v = l.vectorMask();
            byte[] expected = java.util.Arrays.copyOf(b.data(), 8 + (b.data().length - 8) / 26 * 26);
            assertThat(v.toBlockData()).as("vector mask of '%s'", l.name()).isEqualTo(expected);
            for (Subpath s : v.path().subpaths()) {
                for (Knot k : s.knots()) assertThat(k.anchorX()).isBetween(-16.0, 16.0);
            }
        }
    }

    @Test
    void clipping_path_and_knots_in_normalised_units() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("imagemagick__clipping-path-2-subpaths-zip.psd"));
        assertThat(doc.clippingPathName()).isEqualTo("Path 1");
        SavedPath clip = doc.clippingPath();
        assertThat(clip.id()).isEqualTo(2000);
        assertThat(clip.path().subpaths()).hasSize(2).allSatisfy(s -> assertThat(s.closed()).isTrue());
        for (Knot k : clip.path().subpaths().get(0).knots()) {
            assertThat(k.anchorY()).isBetween(0.0, 1.0);
            assertThat(k.anchorX()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void subpath_operation_comes_from_the_length_record() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("psdtools__path-op-combine.psd"));
        List<Subpath> subpaths = doc.layers().get(0).vectorMask().path().subpaths();
        assertThat(subpaths).hasSizeGreaterThan(1);
        assertThat(subpaths.stream().skip(1).map(Subpath::operation)).containsOnly(Subpath.Operation.COMBINE);
    }

    @Test
    void new_path_round_trips_through_a_resource() {
        PathData p = PathData.of(List.of(Subpath.of(true, List.of(Knot.corner(0.25, 0.25), Knot.corner(0.25, 0.75),
                new Knot(true, 0.6875, 0.8125, 0.75, 0.75, 0.8125, 0.6875), Knot.corner(0.75, 0.25)))));
        PathData back = PathData.parse(p.toResourceBytes());
        assertThat(back.subpaths().get(0).knots()).isEqualTo(p.subpaths().get(0).knots());
        assertThat(back.hasFillRule()).isTrue();
        assertThat(back.initialFill()).isZero();
    }

    /** The blocks as a TIFF's tag 34377 holds them: a PSD's resources, as written, without the section length. */
    @Test
    void resource_blocks_outside_a_psd_parse_as_the_psd_has_them_and_a_cut_one_is_named() throws Exception {
        Path file = Corpus.path("imagemagick__clipping-path-from-jpeg-rle.psd");
        PsdDocument doc = PsdReader.read(file);
        byte[] all = Files.readAllBytes(file);
        int colorModeLength = (int) PsdLayer.readU32(all, 26);
        int start = 26 + 4 + colorModeLength;
        int length = (int) PsdLayer.readU32(all, start);
        byte[] blocks = java.util.Arrays.copyOfRange(all, start + 4, start + 4 + length);
        List<ImageResource> parsed = ImageResource.parseBlocks("tag 34377", blocks);
        assertThat(parsed).extracting(ImageResource::id).isEqualTo(doc.resources().stream().map(ImageResource::id).toList());
        assertThat(parsed.get(parsed.size() - 1).data()).isEqualTo(doc.resources().get(doc.resources().size() - 1).data());
        assertThatThrownBy(() -> ImageResource.parseBlocks("tag 34377", java.util.Arrays.copyOf(blocks, 100)))
            .isInstanceOf(PsdFormatException.class).hasMessageContaining("tag 34377");
    }

    /** A damaged Unicode names resource (1045) hid every alpha channel; the Pascal names (1006) still hold them. */
    @Test
    void damaged_unicode_channel_names_fall_back_to_the_pascal_ones() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("twelvemonkeys__alpha-channels.psd"));
        List<String> names = doc.alphaChannelNames();
        assertThat(names).isNotEmpty();
        byte[] damaged = doc.resource(1045).data().clone();
        damaged[0] = damaged[1] = damaged[2] = damaged[3] = (byte) 0xFF; // the first name's length
        doc.setResource(new ImageResource(1045, "", damaged));
        assertThat(doc.alphaChannelNames()).isEqualTo(names);
    }

    @Test
    void icc_name_resolution_and_alpha_names() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("twelvemonkeys__adobehq-layers-masks-paths.psd"));
        assertThat(doc.iccProfileName()).isNotBlank();
        assertThat(doc.resolution().horizontalPpi()).isPositive();
        PsdDocument spot = PsdReader.read(Corpus.path("oovpsd__rgb8-spot-channels.psd"));
        assertThat(spot.alphaChannelNames()).isNotEmpty();
        // Its display info marks "スポットカラー 1" as a spot plate (kind 2): ink, not a saved selection.
        assertThat(AlphaChannels.list(spot)).extracting(AlphaChannels.Alpha::name, AlphaChannels.Alpha::spot)
                .contains(org.assertj.core.groups.Tuple.tuple("スポットカラー 1", true), org.assertj.core.groups.Tuple.tuple("ｱﾙﾌｧﾁｬﾝﾈﾙ 1", false));
    }

    @Test
    void wide_document_is_written_as_psb() throws Exception {
        PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 30_001, 2);
        doc.addLayer(0, PsdLayer.newPixelLayer("wide", 0, 0, 30_001, 2, 8, new byte[][] {new byte[60_002]}, null));
        Path out = tmp.resolve("wide.psb");
        PsdWriteResult r = PsdWriter.write(doc, out);
        assertThat(r.psb()).isTrue();
        PsdDocument back = PsdReader.read(out);
        assertThat(back.version()).isEqualTo(2);
        assertThat(back.layers().get(0).channel(0).decoded()).isEqualTo(new byte[60_002]);
    }

    @Test
    void failed_write_leaves_no_file_and_success_leaves_no_temp() throws Exception {
        PsdDocument doc = Samples.layered(8, 8, 8);
        assertThatThrownBy(() -> PsdWriter.write(doc, tmp.resolve("missing/out.psd"))).isInstanceOf(java.io.IOException.class);
        assertThat(Files.exists(tmp.resolve("missing"))).isFalse();
        PsdWriter.write(doc, tmp.resolve("ok.psd"));
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("ok.psd");
        }
    }
}
