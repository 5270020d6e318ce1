// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compositor against Photoshop's own composites and against hand-computed pixels. */
class CompositorTest {
    @TempDir
    Path tmp;

    /**
     * Files whose visible layers the compositor handles; Photoshop's stored composite is the oracle
     * (within rounding). blendmodes-27: a layer in each of the 27 blend modes, all still empty.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"twelvemonkeys__layer-groups-rgb8.psd", "twelvemonkeys__photoshopping-hidden.psd", "twelvemonkeys__transparent-one-layer.psd",
            "psdtools__hidden-groups.psd", "psdtools__empty-group.psd", "psdtools__16bit-5x5-layers.psd", "agpsd-tests__layer-mask.psd",
            "agpsd-tests__groups-hidden.psd", "psdrb__locked-flags.psd", "oovpsd__photopea.psd", "oovpsd__rgb8-spot-channels.psd",
            "oovpsd__gray16-transparent.psd", "chinedufn__out-of-bounds-layer.psd", "chinedufn__nested-subgroups.psd", "pillow__negative-layer-count.psd",
            "imagemagick__layers-rgb16-zip.psd", "agpsd-tests__layer-larger-than-canvas.psd", "psdrb__blendmodes-27.psd"})
    void matches_photoshop_composite_within_one_level(String file) throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path(file));
        doc.layers().get(0).setOpacity(doc.layers().get(0).opacity());
        assertThat(PsdCompositor.decide(doc).recompute()).as(PsdCompositor.decide(doc).reason()).isTrue();
        List<PsdChannel> mine = PsdCompositor.composite(doc);
        int samples = doc.colorMode().colorChannels() + (PsdCompositor.hasMergedTransparency(doc) ? 1 : 0);
        for (int c = 0; c < samples; c++) {
            assertThat(maxDifference(mine.get(c), doc.composite().get(c))).as("channel %d", c).isLessThanOrEqualTo(1);
        }
    }

    /**
     * A layer whose style shows no effect ("layerMask" keeps an empty lfx2, its legacy lrFX copy and
     * "Blend Clipped Layers as Group" off) renders as its pixels: the eight masked, half-transparent
     * layers stacked match Photoshop's composite within 2 levels (it rounds after each layer).
     */
    @Test
    void a_style_showing_no_effect_renders_as_the_layer_alone() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("oovpsd__masks-vector-masks.psd"));
        doc.layers().get(0).setOpacity(doc.layers().get(0).opacity());
        assertThat(PsdCompositor.decide(doc).recompute()).as(PsdCompositor.decide(doc).reason()).isTrue();
        List<PsdChannel> mine = PsdCompositor.composite(doc);
        for (int c = 0; c < 3; c++) assertThat(maxDifference(mine.get(c), doc.composite().get(c))).as("channel %d", c).isLessThanOrEqualTo(2);
    }

    /** A new flat document (no layers) keeps the composite it was given: there is nothing to recompute it from. */
    @Test
    void document_without_layers_writes_its_composite_as_given() throws Exception {
        PsdDocument doc = PsdDocument.create(ColorMode.RGB, 16, 7, 5);
        List<PsdChannel> planes = new java.util.ArrayList<>();
        for (int c = 0; c < 3; c++) {
            byte[] plane = new byte[7 * 5 * 2];
            for (int i = 0; i < plane.length; i++) plane[i] = (byte) (i * 31 + c * 7);
            planes.add(PsdChannel.of(c, 7, 5, 16, plane));
        }
        doc.setComposite(planes);
        assertThat(PsdCompositor.decide(doc).recompute()).isFalse();
        Path file = tmp.resolve("flat.psd");
        PsdWriter.write(doc, file);
        PsdDocument back = PsdReader.read(file);
        assertThat(back.layers()).isEmpty();
        for (int c = 0; c < 3; c++) assertThat(back.composite().get(c).decoded()).isEqualTo(planes.get(c).decoded());
    }

    /**
     * Edits that do not change the rendering keep Photoshop's composite byte for byte, on a file
     * where a recompute rounds differently (within one level) from Photoshop's.
     */
    @Test
    void kept_composite_is_written_as_read() throws Exception {
        Path file = Corpus.path("twelvemonkeys__layer-groups-rgb8.psd");
        PsdDocument doc = PsdReader.read(file);
        doc.insertGroup(doc.layers().size(), "empty", List.of());
        List<PsdChannel> recomputed = PsdCompositor.composite(doc);
        doc.keepComposite();
        assertThat(PsdCompositor.decide(doc).recompute()).isFalse();
        Path out = tmp.resolve("kept.psd");
        PsdWriter.write(doc, out);
        PsdDocument back = PsdReader.read(out);
        PsdDocument original = PsdReader.read(file);
        boolean recomputeDiffers = false;
        for (int c = 0; c < original.composite().size(); c++) {
            assertThat(back.composite().get(c).decoded()).isEqualTo(original.composite().get(c).decoded());
            recomputeDiffers |= c < recomputed.size()
                && !java.util.Arrays.equals(recomputed.get(c).decoded(), original.composite().get(c).decoded());
        }
        assertThat(recomputeDiffers).as("a recompute would have rounded differently").isTrue();
    }

    private static int maxDifference(PsdChannel a, PsdChannel b) {
        byte[] x = a.decoded(), y = b.decoded();
        int worst = 0;
        int step = a.depth() / 8;
        for (int i = 0; i < x.length; i += step) {
            int u = step == 2 ? ((x[i] & 0xFF) << 8 | (x[i + 1] & 0xFF)) >> 8 : x[i] & 0xFF;
            int v = step == 2 ? ((y[i] & 0xFF) << 8 | (y[i + 1] & 0xFF)) >> 8 : y[i] & 0xFF;
            worst = Math.max(worst, Math.abs(u - v));
        }
        return worst;
    }

    private static byte[] one(int v) { return new byte[] {(byte) v}; }

    /** One pixel, computed by hand: background 40/80/120, top 200/100/0 with alpha 128, opacity 204, mask 191. */
    @Test
    void one_pixel_source_over_with_opacity_alpha_and_mask() {
        PsdDocument doc = PsdDocument.create(ColorMode.RGB, 8, 1, 1);
        doc.addLayer(0, PsdLayer.newPixelLayer("bg", 0, 0, 1, 1, 8, new byte[][] {one(40), one(80), one(120)}, null));
        PsdLayer top = PsdLayer.newPixelLayer("top", 0, 0, 1, 1, 8, new byte[][] {one(200), one(100), one(0)}, one(128));
        top.setOpacity(204);
        top.setUserMask(LayerMask.of(0, 0, 1, 1, 0), one(191), 8);
        doc.addLayer(1, top);
        PsdLayer hidden = PsdLayer.newPixelLayer("hidden", 0, 0, 1, 1, 8, new byte[][] {one(255), one(255), one(255)}, null);
        hidden.setVisible(false);
        doc.addLayer(2, hidden);
        List<PsdChannel> out = PsdCompositor.composite(doc);
        double k = (128 / 255.0) * (204 / 255.0) * (191 / 255.0);
        int[] bg = {40, 80, 120}, fg = {200, 100, 0};
        for (int c = 0; c < 3; c++) {
            assertThat(out.get(c).decoded()[0] & 0xFF).isEqualTo((int) Math.round(fg[c] * k + bg[c] * (1 - k)));
        }
    }

    /** Multiply over an opaque base: base·src at full coverage, base where the mask is 0, a linear mix between. */
    @Test
    void multiply_layer_darkens_the_base_by_its_colour_and_mask() {
        PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 3, 1);
        doc.addLayer(0, PsdLayer.newPixelLayer("base", 0, 0, 3, 1, 8, new byte[][] {{(byte) 200, (byte) 200, (byte) 200}}, null));
        PsdLayer shadow = PsdLayer.newPixelLayer("shadow", 0, 0, 3, 1, 8, new byte[][] {{(byte) 128, (byte) 128, (byte) 128}}, null);
        shadow.setBlendMode("mul ");
        shadow.setUserMask(LayerMask.of(0, 0, 1, 3, 0), new byte[] {(byte) 255, 0, (byte) 102}, 8);
        doc.addLayer(1, shadow);
        assertThat(PsdCompositor.decide(doc).recompute()).isTrue();
        byte[] out = PsdCompositor.composite(doc).get(0).decoded();
        double mul = 200 * 128 / 255.0;
        double k = 102 / 255.0;
        assertThat(out[0] & 0xFF).isEqualTo((int) Math.round(mul));
        assertThat(out[1] & 0xFF).isEqualTo(200);
        assertThat(out[2] & 0xFF).isEqualTo((int) Math.round(mul * k + 200 * (1 - k)));
    }

    /**
     * What the compositor's reading of channel −2 rests on, in Photoshop's own file: beside an enabled
     * pixel mask it is the vector mask times that mask (channel −3), and with the pixel mask switched
     * off, the vector mask alone. The two layers share path and pixel mask; their −2 differ.
     */
    @Test
    void photoshop_stores_the_vector_mask_times_the_pixel_mask_as_channel_minus_2() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("oovpsd__masks-vector-masks.psd"));
        PsdLayer both = doc.layers().stream().filter(l -> l.name().equals("both")).findFirst().orElseThrow();
        PsdLayer vectorOnly = doc.layers().stream().filter(l -> l.name().equals("both layerMask disabled")).findFirst().orElseThrow();
        MaskPlane combined = both.vectorMaskRendering();
        MaskPlane vector = vectorOnly.vectorMaskRendering();
        MaskPlane pixel = both.pixelMask();
        assertThat(List.of(combined.left(), combined.top(), combined.right(), combined.bottom()))
                .isEqualTo(List.of(vector.left(), vector.top(), vector.right(), vector.bottom()));
        byte[] c = combined.channel().decoded();
        byte[] v = vector.channel().decoded();
        byte[] p = pixel.channel().decoded();
        int differing = 0;
        for (int i = 0; i < c.length; i++) {
            int x = combined.left() + i % combined.width(), y = combined.top() + i / combined.width();
            boolean inPixel = x >= pixel.left() && y >= pixel.top() && x < pixel.right() && y < pixel.bottom();
            int pv = inPixel ? p[(y - pixel.top()) * pixel.width() + x - pixel.left()] & 0xFF : pixel.defaultColor();
            assertThat((double) (c[i] & 0xFF)).as("at (%d, %d)", x, y).isCloseTo((v[i] & 0xFF) * pv / 255.0, within(1.0));
            differing += c[i] != v[i] ? 1 : 0;
        }
        assertThat(differing).isGreaterThan(100);
    }

    /**
     * Beside a vector mask Photoshop stores its rendering of what the layer's masks let show as channel
     * −2 (the vector mask times the pixel mask, channel −3, when that is on): the compositor applies it
     * alone; times −3 again, the pixel mask of "both" would hide twice. With the vector mask off, −2 is
     * the pixel mask; with both off, nothing hides the layer. Each layer of the corpus file on its own.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vectorMask", "both", "both layerMask disabled", "both vectorMask disabled", "both disabled",
            "layerMask disabled", "layerMask"})
    void a_layer_shows_by_the_rendering_of_its_masks_photoshop_stores(String name) throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("oovpsd__masks-vector-masks.psd"));
        for (PsdLayer l : doc.layers()) l.setVisible(l.name().equals(name));
        PsdLayer layer = doc.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
        assertThat(PsdCompositor.decide(doc).recompute()).as(PsdCompositor.decide(doc).reason()).isTrue();
        boolean masked = !name.equals("both disabled") && !name.equals("layerMask disabled");
        LayerMask m = layer.userMask();
        byte[] rendering = masked ? layer.channel(PsdChannel.USER_MASK).decoded() : null;
        byte[] alpha = layer.channel(PsdChannel.TRANSPARENCY).decoded();
        List<PsdChannel> out = PsdCompositor.composite(doc);
        int w = doc.width();
        for (int c = 0; c < 3; c++) {
            byte[] colour = layer.channel(c).decoded();
            byte[] got = out.get(c).decoded();
            for (int i = 0; i < got.length; i++) {
                int x = i % w, y = i / w;
                boolean inside = masked && x >= m.left() && y >= m.top() && x < m.right() && y < m.bottom();
                double shown = !masked ? 1 : (inside ? rendering[(y - m.top()) * m.width() + x - m.left()] & 0xFF : m.defaultColor()) / 255.0;
                double a = (alpha[i] & 0xFF) / 255.0 * shown;
                double want = (colour[i] & 0xFF) * a + 255 * (1 - a);
                assertThat((double) (got[i] & 0xFF)).as("%s band %d at (%d, %d)", name, c, x, y).isCloseTo(want, within(1.0));
            }
        }
    }

    /** A mask at 60 % density (Properties › Density) hides by 60 %: the layer shows at 40 % where the mask is 0. */
    @Test
    void a_mask_below_full_density_hides_by_its_density() {
        PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 3, 1);
        doc.addLayer(0, PsdLayer.newPixelLayer("base", 0, 0, 3, 1, 8, new byte[][] {{(byte) 200, (byte) 200, (byte) 200}}, null));
        PsdLayer top = PsdLayer.newPixelLayer("top", 0, 0, 3, 1, 8, new byte[][] {{(byte) 100, (byte) 100, (byte) 100}}, null);
        // The mask covers the first two pixels; beyond it its default colour (0) applies, at the same density.
        top.setUserMask(new LayerMask(0, 0, 1, 2, 0, LayerMask.HAS_PARAMETERS, 153, null, null, null, null),
            new byte[] {(byte) 255, 0}, 8);
        doc.addLayer(1, top);
        assertThat(PsdCompositor.decide(doc).recompute()).isTrue();
        byte[] out = PsdCompositor.composite(doc).get(0).decoded();
        assertThat(out[0] & 0xFF).isEqualTo(100);
        assertThat(out[1] & 0xFF).isEqualTo((int) Math.round(0.4 * 100 + 0.6 * 200));
        assertThat(out[2] & 0xFF).isEqualTo((int) Math.round(0.4 * 100 + 0.6 * 200));
    }

    /**
     * Photoshop writes "norm" in the record of a pass-through group and "pass" only in its section
     * divider: the group is pass-through, so a Multiply layer inside it multiplies what lies beneath the
     * group, as if there were no group (isolated, it would multiply nothing and paint as Normal).
     */
    @Test
    void a_group_photoshop_saved_as_pass_through_composites_as_pass_through() throws Exception {
        PsdDocument grouped = multiplyInsideGroup();
        assertThat(grouped.layers().stream().filter(PsdLayer::isGroupStart).map(PsdLayer::blendMode)).containsOnly("pass").hasSize(2);
        PsdDocument ungrouped = multiplyInsideGroup();
        for (PsdLayer l : List.copyOf(ungrouped.layers())) if (l.isGroupStart() || l.isGroupEnd()) ungrouped.removeLayer(l);
        List<PsdChannel> mine = PsdCompositor.composite(grouped), flat = PsdCompositor.composite(ungrouped);
        for (int c = 0; c < 3; c++) assertThat(mine.get(c).decoded()).as("channel %d", c).isEqualTo(flat.get(c).decoded());
    }

    private static PsdDocument multiplyInsideGroup() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("twelvemonkeys__layer-groups-rgb8.psd"));
        for (PsdLayer l : doc.layers()) {
            if (l.name().equals("Layer 2")) l.setBlendMode("mul ");
            if (l.name().equals("Layer 1") || l.name().equals("Nested Group Layer 1")) l.setVisible(false);
        }
        return doc;
    }

    /** A layer still without pixels changes nothing in any blend mode; once painted, Soft Light is refused. */
    @Test
    void an_empty_layer_in_any_blend_mode_changes_nothing() {
        PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 2, 1);
        doc.addLayer(0, PsdLayer.newPixelLayer("base", 0, 0, 2, 1, 8, new byte[][] {{(byte) 90, (byte) 200}}, null));
        PsdLayer dodge = PsdLayer.newPixelLayer("dodge & burn", 0, 0, 0, 0, 8, new byte[][] {{}}, null);
        dodge.setBlendMode("sLit");
        doc.addLayer(1, dodge);
        assertThat(PsdCompositor.decide(doc).recompute()).as(PsdCompositor.decide(doc).reason()).isTrue();
        assertThat(PsdCompositor.composite(doc).get(0).decoded()).containsExactly(90, 200);
        dodge.setPixels(0, 0, 1, 1, List.of(PsdChannel.of(0, 1, 1, 8, new byte[] {(byte) 128})));
        assertThat(PsdCompositor.cannotRender(doc)).isEqualTo("layer 'dodge & burn' is in blend mode Soft Light");
    }

    /** A group with no visible layer in it changes nothing, masked or not (`loupe mask --as layer-masks` adds such groups). */
    @Test
    void an_empty_masked_group_changes_nothing() {
        PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 8, 2, 1);
        doc.addLayer(0, PsdLayer.newPixelLayer("base", 0, 0, 2, 1, 8, new byte[][] {{(byte) 90, (byte) 200}}, null));
        PsdLayer group = doc.insertGroup(doc.layers().size(), "Product mask", List.of());
        group.setUserMask(LayerMask.of(0, 0, 1, 2, 0), new byte[] {(byte) 255, 0}, 8);
        assertThat(PsdCompositor.decide(doc).recompute()).as(PsdCompositor.decide(doc).reason()).isTrue();
        assertThat(PsdCompositor.composite(doc).get(0).decoded()).containsExactly(90, 200);
    }

    /** A normal group at half opacity composites its children in isolation, then blends; transparent areas are matted white. */
    @Test
    void isolated_group_with_opacity_over_transparency_is_matted_white() {
        PsdDocument doc = PsdDocument.create(ColorMode.GRAYSCALE, 16, 2, 1);
        PsdLayer a = PsdLayer.newPixelLayer("a", 0, 0, 1, 1, 16, new byte[][] {{0x10, 0}}, null);
        PsdLayer b = PsdLayer.newPixelLayer("b", 0, 0, 1, 1, 16, new byte[][] {{0x20, 0}}, null);
        PsdLayer group = doc.insertGroup(0, "g", List.of(b, a));
        group.setBlendMode("norm");
        group.setOpacity(128);
        byte[] out = PsdCompositor.composite(doc).get(0).decoded();
        double k = 128 / 255.0;
        assertThat(((out[0] & 0xFF) << 8) | (out[1] & 0xFF)).isEqualTo((int) Math.round(0x2000 * k + 65535 * (1 - k)));
        assertThat(((out[2] & 0xFF) << 8) | (out[3] & 0xFF)).as("nothing painted: white").isEqualTo(65535);
    }

    /**
     * Saved with "Maximize Compatibility" off, Photoshop stores a white composite and says so in
     * resource 1057; a recomputed composite is real, so the written file says that instead.
     */
    @Test
    void a_placeholder_composite_is_known_as_one_until_the_writer_recomputes_it() throws Exception {
        PsdDocument placeholder = PsdReader.read(Corpus.path("psdtools__layer-name-emoji.psd"));
        assertThat(placeholder.compositeIsReal()).isFalse();
        assertThat(PsdReader.read(Corpus.path("psdtools__hidden-groups.psd")).compositeIsReal()).isTrue();
        PsdWriter.write(placeholder, tmp.resolve("kept.psd"));
        assertThat(PsdReader.read(tmp.resolve("kept.psd")).compositeIsReal()).isFalse();
        // A file the compositor renders, marked as saved without real merged data.
        PsdDocument renderable = PsdReader.read(Corpus.path("psdtools__hidden-groups.psd"));
        renderable.setResource(placeholder.resource(1057));
        assertThat(renderable.compositeIsReal()).isFalse();
        assertThat(PsdWriter.write(renderable, tmp.resolve("recomputed.psd")).compositeRecomputed()).isTrue();
        assertThat(PsdReader.read(tmp.resolve("recomputed.psd")).compositeIsReal()).isTrue();
        assertThat(PsdDocument.create(ColorMode.RGB, 8, 2, 2).compositeIsReal()).as("no version info").isTrue();
    }

    @Test
    void writer_recomputes_only_what_it_handles_and_says_why() throws Exception {
        PsdWriteResult fresh = PsdWriter.write(Samples.layered(8, 20, 10), tmp.resolve("a.psd"));
        assertThat(fresh.compositeRecomputed()).isTrue();

        PsdDocument clipped = PsdReader.read(Corpus.path("oovpsd__clipping.psd"));
        byte[] before = clipped.composite().get(0).decoded();
        clipped.layers().get(0).setName("renamed");
        PsdWriteResult kept = PsdWriter.write(clipped, tmp.resolve("b.psd"));
        assertThat(kept.compositeRecomputed()).isFalse();
        assertThat(kept.reason()).contains("clipped").contains("original composite kept");
        assertThat(PsdReader.read(tmp.resolve("b.psd")).composite().get(0).decoded()).isEqualTo(before);

        PsdWriteResult unchanged = PsdWriter.write(PsdReader.read(Corpus.path("psdtools__hidden-groups.psd")), tmp.resolve("c.psd"));
        assertThat(unchanged.compositeRecomputed()).isFalse();
        assertThat(unchanged.reason()).contains("unchanged");
    }
}
