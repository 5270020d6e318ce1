// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads PSD and PSB files into a {@link PsdDocument}. */
public final class PsdReader {
    private PsdReader() {}

    /** Reads a file lazily within the user's budget ({@link PsdReadOptions#configured()}). */
    public static PsdDocument read(Path file) throws IOException { return read(file, PsdReadOptions.configured()); }

    /**
     * Reads a file. Structure is checked completely and RLE data validated; with
     * {@code decodeEagerly} every channel is decoded too.
     *
     * @throws PsdFormatException for damaged, truncated, unsupported or over-budget files
     */
    public static PsdDocument read(Path file, PsdReadOptions options) throws IOException {
        // The path as given, as every other message names the file: in a folder batch a bare name is ambiguous.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(PsdInput.ofFile(file.toString(), ch), options);
        }
    }

    /** Reads a file already in memory; {@code name} is used in error messages. */
    public static PsdDocument read(String name, byte[] data, PsdReadOptions options) throws IOException {
        return read(PsdInput.ofBytes(name, data), options);
    }

    /**
     * Strict first. Only if that fails and the last layer record ends in non-zero "padding" is the
     * file read once more with those bytes given to the channel data ({@link PhantomPadding}); if
     * that fails too, the strict error is thrown.
     */
    static PsdDocument read(PsdInput in, PsdReadOptions options) throws IOException {
        PhantomPadding phantom = new PhantomPadding();
        try {
            return read(in, options, phantom);
        } catch (PsdFormatException strict) {
            if (phantom.suspect == 0) throw strict;
            phantom.realign = true;
            in.restart();
            try {
                PsdDocument doc = read(in, options, phantom);
                doc.corrections.add(phantom.note());
                return doc;
            } catch (PsdFormatException realigned) {
                strict.addSuppressed(realigned);
                throw strict;
            }
        }
    }

    private static PsdDocument read(PsdInput in, PsdReadOptions options, PhantomPadding phantom) throws IOException {
        PsdHeader h = PsdHeader.read(in);
        PixelBudget budget = new PixelBudget(options.maxPixels());
        in.push("image data");
        budget.add((long) h.width() * h.height() * h.channels(), in, "the composite (" + h.width() + "x" + h.height() + "x" + h.channels() + ")");
        in.pop();
        PsdDocument doc = new PsdDocument();
        doc.version = h.version();
        doc.reserved = h.reserved();
        doc.colorMode = h.mode();
        doc.depth = h.depth();
        doc.width = h.width();
        doc.height = h.height();
        doc.channelCount = h.channels();

        in.push("colour mode data");
        long cmLength = in.u32();
        doc.colorModeData = in.bytes(cmLength);
        in.pop();

        ImageResources.Section res = ImageResources.read(in);
        doc.resources.addAll(res.resources());
        doc.resourcesTrailing = res.trailing();

        LayerAndMaskSection.read(in, h, doc, budget, options.decodeEagerly(), phantom);

        ImageDataSection.Parsed img = ImageDataSection.read(in, h, options.decodeEagerly());
        doc.compositePresent = img.present();
        doc.composite.addAll(img.channels());
        doc.compositeCompression = img.present() ? img.compression() : null;
        doc.afterComposite = img.trailing();
        return doc;
    }
}
