// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target is the old file or the whole new one; a failed or killed write leaves no temp file behind for long. */
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

    /** A JVM killed outright (SIGKILL) runs no hook: its temp file goes when the same target is next written. */
    @Test
    void a_write_deletes_the_temp_files_killed_writes_of_its_target_left_and_nothing_else() throws Exception {
        Path ring = dir.resolve("dev01.loupe.psd");
        Path stale = abandoned(Files.writeString(dir.resolve(".dev01.loupe.psd3460717432676533375.tmp"), "half"));
        Path staleShort = abandoned(Files.writeString(dir.resolve(".dev01.loupe.psd7.tmp"), "half"));
        List<String> others = List.of(".dev01.loupe.psd.tmp", ".dev01.loupe.psdx123.tmp", "dev01.loupe.psd123.tmp",
            ".dev01.loupe.psd123.tmp.bak", ".dev01.loupe.psd123456789012345678901.tmp", ".dev02.loupe.psd123.tmp",
            ".dev01.loupe.ps123.tmp", "dev01.png");
        for (String other : others) {
            abandoned(Files.writeString(dir.resolve(other), "not a temp file of dev01.loupe.psd"));
        }
        AtomicFiles.write(ring, AtomicFiles.Access.READABLE_BY_ALL, tmp -> Files.writeString(tmp, "whole"));
        assertThat(ring).hasContent("whole");
        assertThat(stale).doesNotExist();
        assertThat(staleShort).doesNotExist();
        assertThat(names()).containsExactlyInAnyOrderElementsOf(concat(others, "dev01.loupe.psd"));
    }

    @Test
    void a_long_name_finds_its_stale_temp_files_by_their_shortened_prefix() throws Exception {
        String name = "r".repeat(62) + "\uD83D\uDC8D" + "-ring-of-the-season.loupe.psd";
        Path ring = dir.resolve(name);
        Path stale = abandoned(Files.createTempFile(dir, "." + "r".repeat(62) + "\uD83D\uDC8D" + "-", ".tmp"));
        Path unshortened = Files.writeString(dir.resolve("." + name + "123.tmp"), "not the temp name of " + name);
        AtomicFiles.write(ring, AtomicFiles.Access.READABLE_BY_ALL, tmp -> Files.writeString(tmp, "whole"));
        assertThat(stale).doesNotExist();
        assertThat(unshortened).exists();
        assertThat(names()).containsExactlyInAnyOrder(name, unshortened.getFileName().toString());
    }

    /**
     * A temp file written a moment ago may be another process's write in progress (a name sharing
     * the first 64 code points, or a target named like this one plus digits): it is left alone.
     */
    @Test
    void a_temp_file_written_recently_is_left_to_its_writer() throws Exception {
        Path ring = dir.resolve("dev01.loupe.psd");
        Path live = Files.writeString(dir.resolve(".dev01.loupe.psd3460717432676533375.tmp"), "being written");
        AtomicFiles.write(ring, AtomicFiles.Access.READABLE_BY_ALL, tmp -> Files.writeString(tmp, "whole"));
        assertThat(live).exists();
        abandoned(live);
        AtomicFiles.write(ring, AtomicFiles.Access.READABLE_BY_ALL, tmp -> Files.writeString(tmp, "again"));
        assertThat(live).doesNotExist();
    }

    /** A temp file nothing has written for longer than {@link AtomicFiles#STALE_AFTER}, as a killed write leaves it. */
    private static Path abandoned(Path file) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
            System.currentTimeMillis() - AtomicFiles.STALE_AFTER.toMillis() - 60_000));
        return file;
    }

    /** The sweep spares a temp file a write of this JVM is still filling (--jobs writes at once). */
    @Test
    void a_temp_file_still_being_written_is_not_stale() throws Exception {
        Path report = dir.resolve("report.json");
        AtomicFiles.write(report, AtomicFiles.Access.READABLE_BY_ALL, outer -> {
            Files.writeString(outer, "outer, first half; ");
            AtomicFiles.write(report, AtomicFiles.Access.READABLE_BY_ALL, inner -> Files.writeString(inner, "inner"));
            Files.writeString(outer, "outer, whole");
        });
        assertThat(report).hasContent("outer, whole");
        assertThat(names()).containsExactly("report.json");
    }

    @Test
    void a_folder_that_cannot_take_a_file_is_named_not_the_temp_file() throws Exception {
        AtomicFiles.requireWritable(dir);
        assertThat(names()).isEmpty();
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        Path under = file.resolve("out");
        assertThatThrownBy(() -> AtomicFiles.requireWritable(under)).isInstanceOf(FileSystemException.class)
            .satisfies(e -> assertThat(((FileSystemException) e).getFile()).isEqualTo(under.toString()));
        assertThatThrownBy(() -> AtomicFiles.write(under.resolve("ring.psd"), AtomicFiles.Access.READABLE_BY_ALL,
                tmp -> Files.writeString(tmp, "whole")))
            .isInstanceOf(FileSystemException.class).hasMessageNotContaining(".tmp");
    }

    @Test
    void a_read_only_folder_is_named_not_the_temp_file() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Meaningless for root, who may write anywhere.
            assumeThat(Files.isWritable(locked)).as("running as a user the permissions apply to").isFalse();
            assertThatThrownBy(() -> AtomicFiles.requireWritable(locked)).isInstanceOf(AccessDeniedException.class)
                .hasMessage(locked.toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static List<String> concat(List<String> names, String more) {
        return Stream.concat(names.stream(), Stream.of(more)).toList();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
