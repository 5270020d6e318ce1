// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temp files of writes in flight are deleted when the JVM stops; finished writes leave nothing registered. */
class PendingFilesTest {
    @TempDir
    Path tmp;

    @Test
    void the_shutdown_hook_deletes_files_still_being_written() throws Exception {
        Path inFlight = PendingFiles.createTempFile(tmp, ".ring.psd", ".tmp");
        Files.write(inFlight, new byte[] {1, 2, 3});
        Path unrelated = Files.writeString(tmp.resolve("keep.txt"), "mine");

        PendingFiles.shutdownHook().run();

        assertThat(inFlight).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(PendingFiles.registered()).doesNotContain(inFlight.toAbsolutePath());
    }

    @Test
    void a_finished_write_leaves_only_its_output_and_nothing_registered() throws Exception {
        PsdDocument doc = Samples.layered(8, 6, 4);
        Path out = tmp.resolve("out.psd");

        PsdWriter.write(doc, out);

        assertThat(PendingFiles.registered()).noneMatch(p -> p.startsWith(tmp.toAbsolutePath()));
        PendingFiles.shutdownHook().run();
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void a_failed_write_deletes_and_releases_its_temp_file() throws Exception {
        PsdDocument doc = Samples.layered(8, 6, 4);
        Path out = tmp.resolve("out.psd");
        Files.createDirectory(out); // the move onto a folder fails after the bytes are written

        try {
            PsdWriter.write(doc, out);
        } catch (java.io.IOException expected) {
            // the target is a folder
        }

        assertThat(PendingFiles.registered()).noneMatch(p -> p.startsWith(tmp.toAbsolutePath()));
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }
}
