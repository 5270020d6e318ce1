// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files being written that must not outlive the process: a temp file on its way to its final name.
 * A write's own failure deletes its temp file, but Ctrl-C or kill ends the JVM without unwinding
 * the writing thread, so one shutdown hook deletes every file still registered. A file leaves the
 * registry once it has been moved to its name or deleted.
 */
public final class PendingFiles {
    private static final Set<Path> FILES = ConcurrentHashMap.newKeySet();
    /** Set once the JVM stops: writing threads still run then, and what they register goes at once. */
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            deleteAll();
        }, "loupe-pending-files"));
    }

    private PendingFiles() {}

    /** Creates an empty temp file in {@code dir} (as {@link Files#createTempFile}) and registers it. */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        return register(Files.createTempFile(dir, prefix, suffix));
    }

    /**
     * Registers a file about to be written; returns it.
     *
     * @throws UncheckedIOException once the JVM is stopping (the file is deleted: nothing may be left)
     */
    public static Path register(Path file) {
        FILES.add(file.toAbsolutePath());
        if (stopping) {
            deleteAll();
            throw new UncheckedIOException(new IOException(file + ": not written, Loupe is stopping"));
        }
        return file;
    }

    /** The file was moved to its final name or deleted: nothing is left to clean up. */
    public static void release(Path file) {
        FILES.remove(file.toAbsolutePath());
    }

    /** Whether a write of this JVM still uses {@code file}. */
    static boolean isPending(Path file) {
        return FILES.contains(file.toAbsolutePath());
    }

    /** Deletes {@code file} if it exists, then releases it. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        release(file);
    }

    /** The shutdown hook's sweep, without marking the JVM as stopping (tests call it directly). */
    static Runnable shutdownHook() {
        return PendingFiles::deleteAll;
    }

    /** Files registered now (tests). */
    static Set<Path> registered() {
        return Set.copyOf(FILES);
    }

    private static void deleteAll() {
        for (Path f : FILES) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // best effort while the JVM stops: nothing is left to report to
            }
            FILES.remove(f);
        }
    }
}
