// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged input is refused with a PsdFormatException naming section and offset; never an OOM, a hang or another exception. */
class HostileInputTest {
    private static final PsdReadOptions EAGER = new PsdReadOptions(200_000_000L, true);

    @TempDir
    Path tmp;

    static Stream<String> files() { return Corpus.readableNames().stream(); }

    static PsdFormatException refused(String name, byte[] data) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> PsdReader.read(name, data, EAGER));
        assertThat(t).as(name).isInstanceOf(PsdFormatException.class);
        PsdFormatException e = (PsdFormatException) t;
        assertThat(e.offset()).as(e.getMessage()).isBetween(0L, (long) data.length);
        assertThat(e.getMessage()).startsWith(name + ": ").contains("(offset 0x");
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void every_truncation_is_refused(String file) throws Exception {
        byte[] whole = Files.readAllBytes(Corpus.path(file));
        int keptTail = PsdReader.read(Corpus.path(file)).afterComposite.length;
        int n = whole.length - keptTail;
        for (int cut : new int[] {0, 3, 25, 27, 33, n / 5, n / 3, n / 2, 2 * n / 3, n - 9, n - 1}) {
            if (cut < 0 || cut >= n) continue;
            PsdFormatException e = refused(file, java.util.Arrays.copyOf(whole, cut));
            if (cut > 26) assertThat(e.section()).as(e.getMessage()).isNotEmpty();
        }
    }

    /** A user-mask rectangle whose top lies below its bottom encloses nothing: refused naming the layer and field. */
    @Test
    void an_inverted_user_mask_rectangle_is_refused_naming_its_layer() throws Exception {
        String name = "psdtools__layer-mask-data.psd";
        byte[] data = Files.readAllBytes(Corpus.path(name));
        // Layer "2"'s user mask: top 11, left 22, bottom 59, right 179; its top becomes 4107, below the bottom.
        byte[] rect = ByteBuffer.allocate(16).putInt(11).putInt(22).putInt(59).putInt(179).array();
        int at = indexOf(data, rect);
        assertThat(at).isPositive();
        assertThat(indexOf(java.util.Arrays.copyOfRange(data, at + 1, data.length), rect)).as("one such rectangle").isNegative();
        ByteBuffer.wrap(data).putInt(at, 4107);

        PsdFormatException e = refused(name, data);
        assertThat(e.getMessage()).contains("layer record 2", "user mask rectangle (top 4107, left 22, bottom 59, right 179) is inverted");
        assertThat(e.offset()).isEqualTo(at);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    static byte[] header(int version, int channels, int height, int width, int depth, int mode) {
        ByteBuffer b = ByteBuffer.allocate(26 + 4 + 4 + (version == 2 ? 8 : 4) + 2);
        b.put("8BPS".getBytes()).putShort((short) version).put(new byte[6]).putShort((short) channels).putInt(height).putInt(width)
                .putShort((short) depth).putShort((short) mode).putInt(0).putInt(0);
        if (version == 2) b.putLong(0); else b.putInt(0);
        b.putShort((short) 0);
        return b.array();
    }

    /**
     * A read checks RLE channels but does not inflate ZIP ones; one written back as it was stored must
     * inflate, or the output is a file no reader opens, reported as written.
     */
    @Test
    void zip_data_that_does_not_inflate_is_refused_when_written_back_and_no_file_is_left() throws Exception {
        byte[] data = Files.readAllBytes(Corpus.path("agpsd__jewelry-rgb8-zip.psd"));
        ByteBuffer.wrap(data).putShort(1480, (short) 0); // layer record 0, channel 0: its zlib header 78 9C
        Path file = Files.write(tmp.resolve("zip.psd"), data);
        PsdDocument doc = PsdReader.read(file);
        Path out = tmp.resolve("out.psd");
        assertThatThrownBy(() -> PsdWriter.write(doc, out)).isInstanceOf(PsdFormatException.class)
            .hasMessageContaining("zip.psd").hasMessageContaining("layer record 0 channel 0 (ZIP): ZIP data is corrupt")
            .hasMessageContaining("offset 0x5CA");
        assertThat(out).doesNotExist();
        try (var left = Files.list(tmp)) {
            assertThat(left).containsExactly(file);
        }
    }

    /** In a folder batch, two folders may hold a "ring.psd": the error names the one that is damaged. */
    @Test
    void a_damaged_file_is_named_by_its_path_as_given() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("batch"));
        Path file = Files.write(folder.resolve("ring.psd"), header(1, 3, 10, 10, 17, 3));
        assertThatThrownBy(() -> PsdReader.read(file)).isInstanceOf(PsdFormatException.class)
            .hasMessageStartingWith(file + ": file header: bit depth 17");
    }

    @Test
    @Timeout(5)
    void absurd_dimensions_are_refused_before_allocating() {
        PsdFormatException psb = refused("huge.psb", header(2, 3, 300_000, 300_000, 8, 3));
        assertThat(psb.getMessage()).contains("budget");
        assertThat(refused("huge.psd", header(1, 3, 300_000, 300_000, 8, 3)).getMessage()).contains("height 300000 is not 1-30000");
        assertThat(refused("zero.psd", header(1, 3, 0, 10, 8, 3)).getMessage()).contains("height 0");
        assertThat(refused("depth.psd", header(1, 3, 10, 10, 17, 3)).getMessage()).contains("bit depth 17");
        assertThat(refused("mode.psd", header(1, 3, 10, 10, 8, 5)).getMessage()).contains("colour mode 5");
        assertThat(refused("channels.psd", header(1, 99, 10, 10, 8, 3)).getMessage()).contains("channel count 99");
        assertThat(refused("rgb2.psd", header(1, 2, 10, 10, 8, 3)).getMessage())
            .contains("channel count 2 is fewer than the 3 colour channels of RGB (offset 0xC)");
    }

    /**
     * A file that ends before its image data has no composite to carry its saved selections over from:
     * written after an edit, the composite is kept as it was (none) instead of failing mid-write.
     */
    @Test
    void a_file_without_composite_data_is_written_without_recomputing_one() throws Exception {
        byte[] full = Files.readAllBytes(Corpus.path("pillow__hopper-layers.psd"));
        PsdDocument whole = PsdReader.read(Corpus.path("pillow__hopper-layers.psd"));
        int imageData = indexOfImageData(full);
        byte[] cut = java.util.Arrays.copyOf(full, imageData);
        cut[13] = 5; // two saved selections beside the three colours
        Path file = Files.write(tmp.resolve("cut.psd"), cut);
        PsdDocument doc = PsdReader.read(file);
        assertThat(doc.composite()).isEmpty();
        doc.layers().get(0).setName("renamed");
        PsdWriteResult written = PsdWriter.write(doc, tmp.resolve("out.psd"));
        assertThat(written.compositeRecomputed()).isFalse();
        assertThat(written.reason()).contains("no composite to carry its extra channels over from");
        assertThat(whole.layers()).hasSize(PsdReader.read(tmp.resolve("out.psd")).layers().size());
    }

    /** Offset of the image data section: after the header, colour mode data, resources and layer section. */
    private static int indexOfImageData(byte[] psd) {
        ByteBuffer b = ByteBuffer.wrap(psd);
        int at = 26;
        at += 4 + b.getInt(at);
        at += 4 + b.getInt(at);
        return at + 4 + b.getInt(at);
    }

    /** Each section is named once: the message read "file header: the file header: needs 26 bytes". */
    @Test
    void a_truncated_section_is_named_once() throws Exception {
        PsdFormatException header = refused("short.psd", "8BPS\0\1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(header.getMessage()).isEqualTo("short.psd: file header: needs 26 bytes but only 6 remain (truncated or wrong length) (offset 0x0)");
        byte[] good = Files.readAllBytes(Corpus.path("agpsd-tests__layer-mask.psd"));
        int res = 26 + 4 + ByteBuffer.wrap(good).getInt(26);
        PsdFormatException resources = refused("res.psd", withInt(good, res, 0x7FFF_FFF0));
        assertThat(resources.getMessage()).startsWith("res.psd: image resources: needs 2147483632 bytes but only ");
    }

    /**
     * A ZIP composite that claims 200 MB from 100 bytes was inflated into a 200 MB array before its
     * end was found (an OutOfMemoryError under a small heap); deflate cannot expand past 1032:1.
     */
    @Test
    @Timeout(5)
    void zip_data_too_short_for_its_channels_is_refused_before_allocating() {
        byte[] head = header(1, 1, 10_000, 10_000, 16, 1);
        byte[] file = java.util.Arrays.copyOf(head, head.length + 100);
        file[head.length - 1] = 2; // composite compression: ZIP
        PsdFormatException e = refused("zipshort.psd", file);
        assertThat(e.getMessage()).contains("ZIP data of 100 bytes cannot hold the 200000000 bytes it should decode to");
        assertThat(e.offset()).isEqualTo(head.length);
    }

    /** Read lazily, a channel's damage shows when it is decoded: the message names its layer record. */
    @Test
    void corrupt_zip_data_found_when_decoding_names_the_layer_record() throws Exception {
        String name = "agpsd__jewelry-rgb8-zip.psd";
        PsdDocument good = PsdReader.read(Corpus.path(name));
        PsdLayer layer = good.layers().get(0);
        byte[] bytes = Files.readAllBytes(Corpus.path(name));
        // The first ZIP channel in the file (code 2, then a zlib header) is record 0's first channel.
        int at = indexOf(bytes, new byte[] {0, 2, 0x78}) + 2;
        for (int i = 2; i < 10; i++) bytes[at + i] ^= (byte) 0x5A;
        PsdDocument damaged = PsdReader.read("damaged.psd", bytes, PsdReadOptions.DEFAULT);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> damaged.layers().get(0).channels().get(0).decoded());
        assertThat(t).isInstanceOf(java.io.UncheckedIOException.class).hasCauseInstanceOf(PsdFormatException.class);
        assertThat(t.getCause().getMessage()).startsWith("damaged.psd: layer and mask info / layer info / layer record 0 channel "
            + layer.channels().get(0).id() + " (ZIP): ZIP data");
    }

    /** A tiny base64 proof of concept: a PSD header claiming 30000x30000x56 channels, nothing after it. */
    @Test
    @Timeout(5)
    void base64_poc_header_over_budget() {
        byte[] poc = Base64.getDecoder().decode("OEJQUwABAAAAAAAAADgAAHUwAAB1MAAIAAM=");
        assertThat(refused("poc.psd", poc).getMessage()).contains("over the budget");
    }

    @Test
    @Timeout(10)
    void wrong_lengths_and_codes_name_their_section() throws Exception {
        byte[] good = Files.readAllBytes(Corpus.path("agpsd-tests__layer-mask.psd"));
        ByteBuffer b = ByteBuffer.wrap(good);
        int cm = 26;
        int res = cm + 4 + b.getInt(cm);
        int lmi = res + 4 + b.getInt(res);
        int info = lmi + 4;
        int record = info + 4 + 2;
        int imageData = lmi + 4 + b.getInt(lmi);

        assertThat(refused("res.psd", withInt(good, res, 0x7FFF_FFF0)).section()).isEqualTo("image resources");
        assertThat(refused("lmi.psd", withInt(good, lmi, 0x7FFF_FFF0)).section()).isEqualTo("layer and mask info");
        assertThat(refused("info.psd", withInt(good, info, 0x7FFF_FFF0)).section()).isEqualTo("layer and mask info / layer info");
        PsdFormatException bounds = refused("bounds.psd", withInt(withInt(good, record + 8, 1 << 30), record + 12, 1 << 30));
        // Bounds no canvas could hold are a damaged record, not a budget to raise.
        assertThat(bounds.getMessage()).contains("layer record 0: layer bounds (top 0, left 0, bottom 1073741824, right "
                + "1073741824) make it 1073741824×1073741824 pixels, longer than the 300000 a side of any PSD or PSB may be")
                .doesNotContain("budget");
        assertThat(bounds.offset()).isEqualTo(record);
        int channelLength = record + 16 + 2 + 2;
        assertThat(refused("channel.psd", withInt(good, channelLength, 0x7FFF_FFF0)).section()).startsWith("layer and mask info / layer info / layer record 0");
        byte[] code = good.clone();
        code[imageData] = 0;
        code[imageData + 1] = 9;
        PsdFormatException composite = refused("code.psd", code);
        assertThat(composite.getMessage()).contains("compression code 9 is not 0-3");
        assertThat(composite.offset()).isEqualTo(imageData);
    }

    @Test
    void damaged_corpus_files_are_refused_where_the_damage_is() {
        assertThatThrownBy(() -> PsdReader.read(Corpus.path("webtoon__bad-channel-compression.psd")))
                .isInstanceOf(PsdFormatException.class).hasMessageContaining("layer record 0 channel").hasMessageContaining("compression code 4 is not 0-3");
        assertThatThrownBy(() -> PsdReader.read(Corpus.path("webtoon__bad-depth-17.psd")))
                .isInstanceOf(PsdFormatException.class).hasMessageContaining("file header: bit depth 17 is not 1, 8, 16 or 32 (offset 0x16)");
        assertThatThrownBy(() -> PsdReader.read(Corpus.path("twelvemonkeys__broken-short-packbits.psd")))
                .isInstanceOf(PsdFormatException.class).hasMessageContaining("image data / channel").hasMessageContaining("remain");
    }

    private static byte[] withInt(byte[] data, int at, int value) {
        byte[] c = data.clone();
        ByteBuffer.wrap(c).putInt(at, value);
        return c;
    }
}
