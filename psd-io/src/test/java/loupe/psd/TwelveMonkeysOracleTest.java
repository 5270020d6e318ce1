// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TwelveMonkeys imageio-psd, an independent reader, sees the same layer pixels and composite in files
 * Loupe wrote. It returns the composite as image 0 and layer i (file order) as image i+1, colour
 * bands then alpha, no masks; group records come back null.
 */
class TwelveMonkeysOracleTest {
    @TempDir
    Path tmp;

    @Test
    void new_8_bit_document_reads_the_same() throws Exception { check(write(Samples.layered(8, 61, 43), "new8.psd")); }

    @Test
    void new_16_bit_document_reads_the_same() throws Exception { check(write(Samples.layered(16, 47, 29), "new16.psd")); }

    @Test
    void new_document_written_with_zip_reads_the_same() throws Exception {
        Path out = tmp.resolve("zip.psd");
        PsdWriter.write(Samples.layered(16, 33, 21), out, new PsdWriteOptions(Compression.ZIP_PREDICTION));
        check(out);
    }

    @Test
    void corpus_document_with_added_layer_reads_the_same() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("twelvemonkeys__layer-groups-rgb8.psd"));
        doc.addLayer(doc.layers().size(), PsdLayer.newPixelLayer("added", 5, 7, 20, 10, 8,
                new byte[][] {Samples.plane(20, 10, 8, 1), Samples.plane(20, 10, 8, 2), Samples.plane(20, 10, 8, 3)}, Samples.alphaRamp(20, 10, 8)));
        check(write(doc, "added.psd"));
    }

    /** Layers removed and reordered (remove + add): both readers see the new order with each layer's own pixels. */
    @Test
    void corpus_document_with_a_layer_removed_and_one_moved_to_the_top_reads_the_same() throws Exception {
        PsdDocument doc = PsdReader.read(Corpus.path("imagemagick__layers-rgb16-zip.psd"));
        List<PsdLayer> before = List.copyOf(doc.layers());
        assertThat(before).hasSizeGreaterThanOrEqualTo(3);
        PsdLayer removed = before.get(1);
        PsdLayer moved = before.get(0);
        doc.removeLayer(removed);
        doc.removeLayer(moved);
        doc.addLayer(doc.layers().size(), moved);
        Path out = write(doc, "reordered.psd");
        PsdDocument again = PsdReader.read(out);
        List<String> expected = new java.util.ArrayList<>(before.stream().map(PsdLayer::name).toList());
        expected.remove(1);
        expected.add(expected.remove(0));
        assertThat(again.layers()).extracting(PsdLayer::name).containsExactlyElementsOf(expected);
        PsdLayer top = again.layers().get(again.layers().size() - 1);
        for (PsdChannel c : moved.channels()) {
            assertThat(top.channel(c.id()).decoded()).as("moved layer's channel %d", c.id()).isEqualTo(c.decoded());
        }
        check(out);
    }

    @Test
    void corpus_document_read_re_aligned_reads_the_same_once_written() throws Exception {
        check(write(PsdReader.read(Corpus.path("chinedufn__luni-minimal.psd")), "luni.psd"));
    }

    @ParameterizedTest
    @CsvSource({"agpsd__jewelry-rgb8-rle.psd, ZIP", "agpsd__jewelry-rgb8-zip.psd, RLE", "psdtools__16bit-5x5-layers.psd, ZIP_PREDICTION"})
    void corpus_document_with_every_channel_re_encoded_reads_the_same(String file, Compression c) throws Exception {
        Path out = tmp.resolve("re-encoded.psd");
        PsdWriter.write(PsdReader.read(Corpus.path(file)), out, PsdWriteOptions.reencodingAll(c));
        check(out);
    }

    private Path write(PsdDocument doc, String name) throws Exception {
        Path out = tmp.resolve(name);
        PsdWriter.write(doc, out);
        return out;
    }

    private static void check(Path file) throws Exception {
        PsdDocument doc = PsdReader.read(file);
        int colours = doc.colorMode().colorChannels();
        try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = twelveMonkeys();
            reader.setInput(iis);
            assertThat(reader.getNumImages(true)).isEqualTo(1 + doc.layers().size());
            Raster merged = reader.read(0).getRaster();
            assertThat(merged.getNumBands()).isBetween(colours, doc.channelCount());
            if (merged.getNumBands() == colours) {
                assertSamePixels(merged, doc.composite().subList(0, colours), null, "composite");
            } else {
                assertUnmattedPixels(merged, doc.composite(), colours);
            }
            for (int i = 0; i < doc.layers().size(); i++) {
                PsdLayer l = doc.layers().get(i);
                if (l.sectionType() != SectionType.OTHER || l.width() == 0) continue;
                BufferedImage img = reader.read(i + 1);
                assertThat(img.getWidth()).isEqualTo(l.width());
                List<PsdChannel> colour = new java.util.ArrayList<>();
                for (int c = 0; c < colours; c++) colour.add(l.channel(c));
                assertSamePixels(img.getRaster(), colour, l.channel(PsdChannel.TRANSPARENCY), "layer " + i + " '" + l.name() + "'");
            }
            reader.dispose();
        }
    }

    private static ImageReader twelveMonkeys() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("psd");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys")) return r;
        }
        throw new AssertionError("TwelveMonkeys PSD reader not on the test classpath");
    }

    /**
     * With merged transparency TwelveMonkeys removes Photoshop's white matte from the colours
     * ({@code PSDImageReader.decomposeAlpha}); compare alpha exactly, colours un-matted within rounding.
     */
    private static void assertUnmattedPixels(Raster r, List<PsdChannel> composite, int colours) {
        int w = r.getWidth(), h = r.getHeight();
        byte[] alpha = composite.get(colours).decoded();
        for (int b = 0; b <= colours; b++) {
            byte[] d = composite.get(b).decoded();
            int worst = 0;
            String where = "";
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x, a = alpha[i] & 0xFF, c = d[i] & 0xFF;
                    int expected = b == colours ? c : a == 0 ? 0 : Math.max(0, Math.min(255, Math.round((c - (255 - a)) * 255f / a)));
                    int diff = Math.abs(r.getSample(x, y, b) - expected);
                    if (diff > worst) {
                        worst = diff;
                        where = "at " + x + "," + y + ": stored " + c + " alpha " + a + ", TwelveMonkeys " + r.getSample(x, y, b);
                    }
                }
            }
            assertThat(worst).as("composite band %d largest difference %s", b, where).isLessThanOrEqualTo(b == colours ? 0 : 1);
        }
    }

    private static void assertSamePixels(Raster r, List<PsdChannel> colour, PsdChannel alpha, String what) {
        int w = colour.get(0).width(), h = colour.get(0).height(), depth = colour.get(0).depth();
        assertThat(r.getNumBands()).as(what + " bands").isEqualTo(colour.size() + (alpha == null ? 0 : 1));
        for (int b = 0; b < r.getNumBands(); b++) {
            byte[] d = b < colour.size() ? colour.get(b).decoded() : alpha.decoded();
            int mismatches = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    int ours = depth == 16 ? ((d[2 * i] & 0xFF) << 8) | (d[2 * i + 1] & 0xFF) : d[i] & 0xFF;
                    if (r.getSample(x, y, b) != ours) mismatches++;
                }
            }
            assertThat(mismatches).as("%s band %d mismatching samples", what, b).isZero();
        }
    }
}
