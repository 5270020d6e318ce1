// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
  * Writes a file so that readers see the old one or the whole new one, never a part: the bytes go
  * to a temp file in the target's folder (same file system, so the rename is atomic), which is then
  * moved over the target. On any failure the temp file is deleted and the target left as it was;
  * if the JVM is stopped meanwhile (Ctrl-C), {@link PendingFiles} deletes it. A JVM killed outright
  * (SIGKILL, power loss) runs no hook: the next write of the same target deletes what it left.
  */
public final class AtomicFiles {
    private static final String SUFFIX = ".tmp";
    /** Temp names as {@link Files#createTempFile} makes them: prefix, an unsigned random long, suffix. */
    private static final String RANDOM_PART = "[0-9]{1,20}";
    /** Sweeps and creations take turns, so a sweep never sees a temp file created but not yet registered. */
    private static final Object SWEEP = new Object();

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

    /**
     * Writes {@code target} from {@code content}, after deleting the temp files an earlier write of
     * the same target left when its JVM was killed.
     *
     * @throws FileSystemException naming the target's folder, not the temp file, when no file can be created there
     */
    public static void write(Path target, Access access, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = freshTemp(absolute.getParent(), tempPrefix(absolute.getFileName().toString()));
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

    /**
     * Creates and deletes a file in {@code folder}: whether a write there can succeed, asked before
     * the work whose result would be written.
     *
     * @throws FileSystemException naming {@code folder} when no file can be created in it
     */
    public static void requireWritable(Path folder) throws IOException {
        PendingFiles.delete(freshTemp(folder.toAbsolutePath(), ".loupe-probe"));
    }

    /** How long a temp file must have gone unwritten before a later write of its target removes it. */
    static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(10);

    /**
     * The start of the temp names of {@code name}: a dot and at most 64 code points of it, so that a
     * name near the file system's 255-byte limit still leaves room for the random part.
     */
    static String tempPrefix(String name) {
        return "." + name.substring(0, name.offsetByCodePoints(0, Math.min(name.codePointCount(0, name.length()), 64)));
    }

    /** A new temp file with this prefix, after the stale ones with it are deleted. */
    private static Path freshTemp(Path folder, String prefix) throws IOException {
        synchronized (SWEEP) {
            deleteStaleTemps(folder, prefix);
            try {
                return PendingFiles.createTempFile(folder, prefix, SUFFIX);
            } catch (FileSystemException e) {
                // The temp name means nothing to a user; the folder is what cannot be written.
                throw naming(folder, e);
            }
        }
    }

    /**
     * Deletes the temp files of earlier writes with this prefix that no write of this JVM is still
     * using and that nothing has written for {@link #STALE_AFTER}. Names longer than 64 code points
     * share their prefix with other names that start alike, and another process may be writing one
     * of those: a write in progress keeps its file's modification time fresh, so only an abandoned one
     * is taken. Best effort: a temp file that cannot be deleted does not stop the write.
     */
    private static void deleteStaleTemps(Path folder, String prefix) {
        Pattern stale = Pattern.compile(Pattern.quote(prefix) + RANDOM_PART + Pattern.quote(SUFFIX));
        long cutoff = System.currentTimeMillis() - STALE_AFTER.toMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                f -> stale.matcher(f.getFileName().toString()).matches())) {
            for (Path f : files) {
                if (!PendingFiles.isPending(f) && Files.isRegularFile(f)
                        && Files.getLastModifiedTime(f).toMillis() < cutoff) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // An unreadable folder fails the write itself, with a message about the folder.
        }
    }

    private static FileSystemException naming(Path folder, FileSystemException e) {
        String name = folder.toString();
        FileSystemException named = e instanceof AccessDeniedException ? new AccessDeniedException(name, null, e.getReason())
            : e instanceof NoSuchFileException ? new NoSuchFileException(name, null, e.getReason())
            : new FileSystemException(name, null, e.getReason());
        named.initCause(e);
        return named;
    }
}
