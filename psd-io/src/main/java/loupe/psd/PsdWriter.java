// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a {@link PsdDocument}. Unchanged channels, resources and blocks are written from their
 * original bytes; the output goes to a temporary file in the target folder which then replaces the
 * target atomically, so a failure never leaves a partial file.
 */
public final class PsdWriter {
    private PsdWriter() {}

    public static PsdWriteResult write(PsdDocument doc, Path out) throws IOException { return write(doc, out, PsdWriteOptions.DEFAULT); }

    public static PsdWriteResult write(PsdDocument doc, Path out, PsdWriteOptions options) throws IOException {
        boolean psb = doc.version == 2 || Math.max(doc.width, doc.height) > PsdHeader.PSD_MAX_SIDE;
        PsdCompositor.Decision decision = PsdCompositor.decide(doc);
        List<PsdChannel> composite = decision.recompute() ? PsdCompositor.composite(doc) : doc.composite;
        PsdOutput o = new PsdOutput();
        new PsdHeader(psb ? 2 : 1, doc.reserved, doc.channelCount, doc.height, doc.width, doc.depth, doc.colorMode).write(o);
        o.u32(doc.colorModeData.length);
        o.bytes(doc.colorModeData);
        ImageResources.write(o, doc.resources, doc.resourcesTrailing);
        LayerAndMaskSection.write(o, doc, psb, options.compression());
        if (doc.compositePresent || decision.recompute()) ImageDataSection.write(o, composite, psb, doc.depth, doc.width);
        o.bytes(doc.afterComposite);

        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            readableByAll(tmp);
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                o.writeTo(os);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new PsdWriteResult(psb, decision.recompute(), decision.reason(), o.length());
    }

    /** Temp files are created owner-only; a finished document gets the usual rw-r--r--. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the default permissions already apply.
        }
    }
}
