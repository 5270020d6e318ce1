// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a {@link PsdDocument}. Unchanged channels (unless the options ask for every channel to be
 * encoded anew), resources and blocks are written from their original bytes; new channels are encoded on a small pool while finished ones stream into a
 * temporary file in the target folder (section lengths patched in place), which then replaces the
 * target atomically ({@link AtomicFiles}), so a failure never leaves a partial file.
 */
public final class PsdWriter {
    private PsdWriter() {}

    public static PsdWriteResult write(PsdDocument doc, Path out) throws IOException { return write(doc, out, PsdWriteOptions.DEFAULT); }

    /** @throws IllegalArgumentException when the layer records' groups do not nest ({@link LayerNesting}); nothing is written */
    public static PsdWriteResult write(PsdDocument doc, Path out, PsdWriteOptions options) throws IOException {
        LayerNesting.check(doc.layers);
        boolean psb = doc.version == 2 || Math.max(doc.width, doc.height) > PsdHeader.PSD_MAX_SIDE;
        PsdCompositor.Decision decision = PsdCompositor.decide(doc);
        List<PsdChannel> composite = decision.recompute() ? PsdCompositor.composite(doc) : doc.composite;
        AtomicFiles.write(out, AtomicFiles.Access.READABLE_BY_ALL, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                PsdOutput o = new PsdOutput(ch);
                new PsdHeader(psb ? 2 : 1, doc.reserved, doc.channelCount, doc.height, doc.width, doc.depth, doc.colorMode).write(o);
                o.u32(doc.colorModeData.length);
                o.bytes(doc.colorModeData);
                ImageResources.write(o, decision.recompute() ? ResourceParsers.withRealMergedData(doc.resources) : doc.resources,
                        doc.resourcesTrailing);
                LayerAndMaskSection.write(o, doc, psb, options);
                if (doc.compositePresent || decision.recompute()) ImageDataSection.write(o, composite, psb, doc.depth, doc.width,
                        options.reencode() ? options.compression() : null);
                o.bytes(doc.afterComposite);
                o.flush();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return new PsdWriteResult(psb, decision.recompute(), decision.reason(), Files.size(out));
    }
}
