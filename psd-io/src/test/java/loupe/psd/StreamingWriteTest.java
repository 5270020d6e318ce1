// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming writer: lengths patched in the file, PSB's wide fields, failure handling, eager reads. */
class StreamingWriteTest {
    @TempDir
    Path tmp;

    /** The same sections into memory and into a file, with placeholders behind the 1 MB buffer: identical bytes. */
    @Test
    void file_output_patches_lengths_already_flushed_like_the_memory_output() throws Exception {
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        PsdOutput mem = new PsdOutput();
        fill(mem, big);
        Path f = tmp.resolve("out.bin");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            PsdOutput file = new PsdOutput(ch);
            fill(file, big);
            file.flush();
            assertThat(file.length()).isEqualTo(mem.length());
        }
        byte[] expected = mem.toByteArray();
        assertThat(Files.readAllBytes(f)).isEqualTo(expected);
        // Outer wide length: everything after its 8 bytes, padding to 4 included.
        assertThat(ByteBuffer.wrap(expected, 1, 8).getLong()).isEqualTo(expected.length - 9);
    }

    private static void fill(PsdOutput out, byte[] big) {
        out.u8(0x42);
        out.section(true, 4, true, body -> {
            body.section(false, 2, false, inner -> inner.bytes(big, 0, 1_500_001));
            long at = body.length();
            body.length(0, false);
            body.zeros(70_000);
            body.bytes(big, 5, (2 << 20) + 3);
            body.patchLength(at, 0xCAFEBABEL, false);
            body.writeAt(at + 4, big, 9, 3);
        });
    }

    @Test
    void narrow_length_beyond_four_bytes_is_refused() {
        PsdOutput out = new PsdOutput();
        out.length(0, false);
        assertThatThrownBy(() -> out.patchLength(0, 1L << 32, false)).hasMessageContaining("save as PSB");
    }

    /**
     * Wider than 30000 px makes a PSB: 8-byte layer-and-mask length (and Lr16 length at 16 bits), 4-byte
     * RLE row counts. The lengths are checked in the raw bytes, then the pixels by reading back.
     */
    @ParameterizedTest(name = "{0}-bit")
    @ValueSource(ints = {8, 16})
    void psb_sections_have_wide_lengths_and_read_back(int depth) throws Exception {
        int w = 30_003, h = 3;
        PsdDocument doc = PsdDocument.create(ColorMode.RGB, depth, w, h);
        byte[][] colour = {Samples.plane(w, h, depth, 1), Samples.plane(w, h, depth, 2), Samples.plane(w, h, depth, 3)};
        doc.addLayer(0, PsdLayer.newPixelLayer("wide", 0, 0, w, h, depth, colour, Samples.alphaRamp(w, h, depth)));
        Path out = tmp.resolve("wide.psb");
        PsdWriteResult r = PsdWriter.write(doc, out);
        byte[] file = Files.readAllBytes(out);
        assertThat(r.psb()).isTrue();
        assertThat(r.bytes()).isEqualTo(file.length);

        ByteBuffer b = ByteBuffer.wrap(file);
        assertThat(b.getShort(4)).as("version").isEqualTo((short) 2);
        int p = 26;
        p += 4 + b.getInt(p);
        p += 4 + b.getInt(p);
        long lmi = b.getLong(p);
        int image = (int) (p + 8 + lmi);
        assertThat(b.getShort(image)).as("composite compression").isEqualTo((short) 1);
        long rows = 0;
        for (int i = 0; i < 3 * h; i++) rows += b.getInt(image + 2 + 4 * i);
        assertThat(image + 2 + 3 * h * 4L + rows).as("composite ends the file").isEqualTo(file.length);

        PsdDocument back = PsdReader.read(out, PsdReadOptions.DEFAULT.withDecodeEagerly(true));
        assertThat(back.version()).isEqualTo(2);
        PsdLayer l = back.layers().get(0);
        for (int c = 0; c < 3; c++) assertThat(l.channel(c).decoded()).isEqualTo(colour[c]);
        assertThat(back.composite().get(0).decoded()).isEqualTo(PsdCompositor.composite(doc).get(0).decoded());
    }

    /** A write that fails after the temp file exists deletes it and leaves the old target as it was. */
    @Test
    void failed_write_leaves_no_temp_file_and_keeps_the_target() throws Exception {
        Path target = tmp.resolve("doc.psd");
        PsdWriter.write(Samples.layered(8, 40, 30), target);
        byte[] before = Files.readAllBytes(target);
        // An interrupted thread cannot wait for encoded channels nor write its file channel.
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> PsdWriter.write(Samples.layered(16, 40, 30), target))
                    .isInstanceOfAny(java.nio.channels.ClosedByInterruptException.class, IllegalStateException.class);
        } finally {
            Thread.interrupted();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.toList()).containsExactly(target);
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
    }

    /** Eager reads keep pixels only (the compressed bytes go); the pixels are the lazy read's, and survive a write. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"psdtools__16bit-5x5-layers.psd", "agpsd__jewelry-rgb8-rle.psd"})
    void eager_read_holds_pixels_once_and_writes_the_same_pixels(String name) throws Exception {
        PsdDocument lazy = PsdReader.read(Corpus.path(name));
        PsdDocument eager = PsdReader.read(Corpus.path(name), PsdReadOptions.DEFAULT.withDecodeEagerly(true));
        assertThat(eager.layers()).hasSameSizeAs(lazy.layers()).isNotEmpty();
        assertThat(eager.layerInfoLocation()).isEqualTo(lazy.layerInfoLocation());
        for (int i = 0; i < lazy.layers().size(); i++) sameChannels(eager.layers().get(i).channels(), lazy.layers().get(i).channels(), false);
        sameChannels(eager.composite(), lazy.composite(), false);

        Path out = tmp.resolve("eager.psd");
        PsdWriter.write(eager, out);
        PsdDocument back = PsdReader.read(out);
        for (int i = 0; i < lazy.layers().size(); i++) sameChannels(back.layers().get(i).channels(), lazy.layers().get(i).channels(), true);
        sameChannels(back.composite(), lazy.composite(), true);
    }

    private static void sameChannels(List<PsdChannel> actual, List<PsdChannel> expected, boolean stored) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int c = 0; c < expected.size(); c++) {
            assertThat(actual.get(c).isStored()).isEqualTo(stored);
            assertThat(actual.get(c).decoded()).as("channel %d", expected.get(c).id()).isEqualTo(expected.get(c).decoded());
        }
    }
}
