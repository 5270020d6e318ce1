// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
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
    private static final Runnable DELETE_ALL = PendingFiles::deleteAll;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(DELETE_ALL, "loupe-pending-files"));
    }

    private PendingFiles() {}

    /** Creates an empty temp file in {@code dir} (as {@link Files#createTempFile}) and registers it. */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        return register(Files.createTempFile(dir, prefix, suffix));
    }

    /** Registers a file about to be written; returns it. */
    public static Path register(Path file) {
        FILES.add(file.toAbsolutePath());
        return file;
    }

    /** The file was moved to its final name or deleted: nothing is left to clean up. */
    public static void release(Path file) {
        FILES.remove(file.toAbsolutePath());
    }

    /** Deletes {@code file} if it exists, then releases it. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        release(file);
    }

    /** What the shutdown hook runs (tests call it directly). */
    static Runnable shutdownHook() {
        return DELETE_ALL;
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
