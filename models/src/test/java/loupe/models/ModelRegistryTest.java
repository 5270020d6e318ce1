// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import loupe.models.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the registry reports and hands out for missing, installed and damaged models. */
class ModelRegistryTest {
  @TempDir Path folder;

  @Test
  void emptyFolderHasNothingInstalledAndNoModelOps() {
    try (ModelRegistry registry = Fixtures.registry(folder.resolve("absent"))) {
      assertThat(registry.statuses()).extracting(ModelStatus::state).containsOnly(ModelStatus.State.MISSING);
      assertThat(registry.segmenter()).isEmpty();
      assertThat(registry.inpainter()).isEmpty();
    }
  }

  @Test
  void installedModelsAreVerifiedAndPreferredInCatalogOrder() {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      List<ModelStatus> statuses = registry.statuses();
      assertThat(statuses).extracting(s -> s.manifest().id() + "/" + s.variant().name() + "=" + s.state())
          .containsExactly("tiny-isnet/small=INSTALLED", "tiny-isnet/mispinned=MISSING", "tiny-lama/default=INSTALLED",
              "tiny-migan/default=INSTALLED");
      assertThat(statuses.get(0).sha256()).isEqualTo(Sha256.hex(Fixtures.bytes("tiny-isnet.onnx")));
      assertThat(statuses.get(0).size()).isEqualTo(365);
      assertThat(registry.segmenter().orElseThrow().modelInfo())
          .isEqualTo(new ModelInfo("tiny-isnet", "small", statuses.get(0).sha256(), folder.resolve("tiny-isnet-small.onnx")));
      assertThat(registry.inpainter().orElseThrow().modelInfo().id()).isEqualTo("tiny-lama");
      assertThat(registry.segmenter("small")).isPresent();
      assertThat(registry.segmenter("mispinned")).isEmpty();
      assertThat(registry.segmenter("default")).isEmpty();
    }
  }

  @Test
  void oneSessionPerModelVariant() {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      ModelSession a = registry.firstInstalled(ModelTask.SEGMENTATION).orElseThrow();
      ModelSession b = registry.firstInstalled(ModelTask.SEGMENTATION).orElseThrow();
      assertThat(a).isSameAs(b);
      assertThat(a.open()).isSameAs(b.open());
    }
  }

  @Test
  void changedFilesAreReportedBadAndNotUsed() throws IOException {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      flipByte(folder.resolve("tiny-lama.onnx"), 100);
      try (var out = Files.newOutputStream(folder.resolve("tiny-isnet-small.onnx"), StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(Fixtures.bytes("tiny-isnet.onnx"), 0, 200);
      }
      List<ModelStatus> statuses = registry.statuses();
      assertThat(statuses.get(0).state()).isEqualTo(ModelStatus.State.BAD);
      assertThat(statuses.get(0).detail()).isEqualTo("model 'tiny-isnet': file is truncated: 200 of 365 bytes ("
          + folder.resolve("tiny-isnet-small.onnx") + "); reinstall it");
      assertThat(statuses.get(2).state()).isEqualTo(ModelStatus.State.BAD);
      assertThat(statuses.get(2).detail()).startsWith("model 'tiny-lama': checksum mismatch: " + folder.resolve("tiny-lama.onnx")
          + " has sha256 ").endsWith(", expected 49068da76217…; reinstall it");
      assertThat(registry.segmenter()).isEmpty();
      assertThat(registry.inpainter().orElseThrow().modelInfo().id()).isEqualTo("tiny-migan");
    }
  }

  @Test
  void aFileIsHashedAgainWhenItChangesNotAtEveryCheck() throws IOException {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      Path lama = folder.resolve("tiny-lama.onnx");
      assertThat(registry.statuses().get(2).state()).isEqualTo(ModelStatus.State.INSTALLED);
      FileTime checkedAt = Files.getLastModifiedTime(lama);
      flipByte(lama, 100);
      Files.setLastModifiedTime(lama, checkedAt);
      // Same size and time: the file that was checked (a server's handshake does not hash 200 MB).
      assertThat(registry.statuses().get(2).state()).isEqualTo(ModelStatus.State.INSTALLED);
      Files.setLastModifiedTime(lama, FileTime.fromMillis(checkedAt.toMillis() + 1000));
      assertThat(registry.statuses().get(2).state()).isEqualTo(ModelStatus.State.BAD);
      Files.copy(Fixtures.file("tiny-lama.onnx"), lama, StandardCopyOption.REPLACE_EXISTING);
      Files.setLastModifiedTime(lama, FileTime.fromMillis(checkedAt.toMillis() + 2000));
      assertThat(registry.statuses().get(2).state()).isEqualTo(ModelStatus.State.INSTALLED);
      Files.delete(lama);
      assertThat(registry.statuses().get(2).state()).isEqualTo(ModelStatus.State.MISSING);
    }
  }

  @Test
  void aFolderInPlaceOfTheModelFileIsReportedAsSuch() throws IOException {
    Files.createDirectories(folder.resolve("tiny-isnet-small.onnx"));
    try (ModelRegistry registry = Fixtures.registry(folder)) {
      ModelStatus small = registry.statuses().get(0);
      assertThat(small.state()).isEqualTo(ModelStatus.State.BAD);
      assertThat(small.detail()).contains(folder.resolve("tiny-isnet-small.onnx") + " is a folder, not a model file");
      assertThat(registry.segmenter()).isEmpty();
    }
  }

  @Test
  void aFileWithoutItsInstallRecordIsNotTrusted() throws IOException {
    Files.createDirectories(folder);
    Files.copy(Fixtures.file("tiny-lama.onnx"), folder.resolve("tiny-lama.onnx"));
    try (ModelRegistry registry = Fixtures.registry(folder)) {
      ModelStatus lama = registry.statuses().get(2);
      assertThat(lama.state()).isEqualTo(ModelStatus.State.BAD);
      assertThat(lama.detail()).isEqualTo("model 'tiny-lama': " + folder.resolve("tiny-lama.onnx")
          + " has no install record (tiny-lama.onnx.json); add it again with: loupe models add tiny-lama FILE.onnx");
    }
  }

  @Test
  void sessionReverifiesTheFileWhenItOpens() throws IOException {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      ModelSession session = registry.firstInstalled(ModelTask.INPAINTING).orElseThrow();
      flipByte(folder.resolve("tiny-lama.onnx"), 50);
      assertThatThrownBy(session::open).isInstanceOf(ModelException.class)
          .hasMessageStartingWith("model 'tiny-lama': checksum mismatch");
    }
  }

  @Test
  void builtInRegistryOverAnEmptyFolderListsEveryKnownVariant() {
    try (ModelRegistry registry = ModelRegistry.open(folder)) {
      assertThat(registry.statuses()).extracting(s -> s.manifest().id() + "/" + s.variant().name())
          .containsExactly("isnet/small", "isnet/medium", "lama/default", "migan/default");
    }
  }

  static void flipByte(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x01);
    }
  }
}
