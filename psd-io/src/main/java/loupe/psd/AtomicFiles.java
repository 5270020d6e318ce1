// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
  * Writes a file so that readers see the old one or the whole new one, never a part: the bytes go
  * to a temp file in the target's folder (same file system, so the rename is atomic), which is then
  * moved over the target. On any failure the temp file is deleted and the target left as it was;
  * if the JVM is stopped meanwhile (Ctrl-C), {@link PendingFiles} deletes it.
  */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Who may read the finished file. */
    public enum Access {
        /** rw-r--r--, the usual for an output (temp files are created owner-only). */
        READABLE_BY_ALL("rw-r--r--"),
        /** rw-------, for secrets such as the server's token. */
        OWNER_ONLY("rw-------");

        private final String posix;

        Access(String posix) {
            this.posix = posix;
        }
    }

    /** Fills the temp file (which exists, empty) with the new content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    public static void write(Path target, Access access, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        // A name near the file system's 255-byte limit must still leave room for the temp name's random part.
        String name = absolute.getFileName().toString();
        String kept = name.substring(0, name.offsetByCodePoints(0, Math.min(name.codePointCount(0, name.length()), 64)));
        Path tmp = PendingFiles.createTempFile(absolute.getParent(), "." + kept, ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(access.posix));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the folder's own permissions apply.
            }
            content.writeTo(tmp);
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            PendingFiles.release(tmp);
        } catch (Throwable e) {
            try {
                PendingFiles.delete(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
