// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target is the old file or the whole new one; a failed write leaves no temp file behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void a_write_replaces_the_target_with_the_requested_permissions() throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), "old");
        AtomicFiles.write(report, AtomicFiles.Access.READABLE_BY_ALL, tmp -> Files.writeString(tmp, "new"));
        assertThat(report).hasContent("new");
        Path token = dir.resolve("token");
        AtomicFiles.write(token, AtomicFiles.Access.OWNER_ONLY, tmp -> Files.writeString(tmp, "secret"));
        assertThat(token).hasContent("secret");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-r--r--");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        }
        assertThat(names()).containsExactlyInAnyOrder("report.json", "token");
    }

    @Test
    void an_exception_half_way_leaves_the_old_target_and_no_temp_file() throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(report, AtomicFiles.Access.READABLE_BY_ALL, tmp -> {
            Files.writeString(tmp, "half of the n");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(report).hasContent("old");
        assertThat(names()).containsExactly("report.json");
    }

    @Test
    void an_error_half_way_leaves_no_target_and_no_temp_file() throws Exception {
        Path mask = dir.resolve("ring.mask.png");
        assertThatThrownBy(() -> AtomicFiles.write(mask, AtomicFiles.Access.READABLE_BY_ALL, tmp -> {
            Files.writeString(tmp, "partial");
            throw new OutOfMemoryError("Java heap space");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThat(mask).doesNotExist();
        assertThat(names()).isEmpty();
    }

    @Test
    void a_name_near_the_file_system_limit_still_leaves_room_for_the_temp_file() throws Exception {
        Path longName = dir.resolve("a".repeat(240) + ".loupe.psd");
        AtomicFiles.write(longName, AtomicFiles.Access.READABLE_BY_ALL, tmp -> Files.writeString(tmp, "whole"));
        assertThat(longName).hasContent("whole");
        assertThat(names()).containsExactly(longName.getFileName().toString());
    }

    @Test
    void a_long_name_is_never_cut_inside_a_character() throws Exception {
        for (int at = 62; at <= 64; at++) {
            Path ring = dir.resolve("r".repeat(at) + "\uD83D\uDC8D" + "-ring-of-the-season.loupe.psd");
            AtomicFiles.write(ring, AtomicFiles.Access.READABLE_BY_ALL, tmp -> Files.writeString(tmp, "whole"));
            assertThat(ring).hasContent("whole");
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
