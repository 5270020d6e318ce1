// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The folder installed models live in: {@code ~/.loupe/models} unless the system property {@code
 * loupe.models} or the environment variable {@code LOUPE_MODELS} names another. Each model file
 * has an {@link InstalledRecord} beside it ({@code FILE.json}). Files appear atomically: written
 * to a temporary name in the same folder, flushed, then moved into place.
 */
public final class ModelFolder {
  public static final String PROPERTY = "loupe.models";
  public static final String ENV = "LOUPE_MODELS";
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path root;

  public ModelFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The configured folder (property, then environment, then {@code ~/.loupe/models}); it may not exist yet. */
  public static ModelFolder configured() {
    return new ModelFolder(resolve(System.getProperty(PROPERTY), System.getenv(ENV), System.getProperty("user.home")));
  }

  /**
   * The folder the user's own commands install into ({@code LOUPE_MODELS}, else {@code
   * ~/.loupe/models}), whatever the system property says: for tests that isolate every other model
   * lookup with the property but want to use a model the user installed.
   */
  public static ModelFolder userDefault() {
    return new ModelFolder(resolve(null, System.getenv(ENV), System.getProperty("user.home")));
  }

  static Path resolve(String property, String env, String home) {
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(home, ".loupe", "models");
  }

  public Path root() {
    return root;
  }

  public Path file(ModelVariant variant) {
    return root.resolve(variant.file());
  }

  public Path recordFile(ModelVariant variant) {
    return root.resolve(variant.file() + ".json");
  }

  public Optional<InstalledRecord> record(ModelVariant variant) {
    Path f = recordFile(variant);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(f.toFile(), InstalledRecord.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Moves {@code staged} (a temporary file in this folder, see {@link #stage}) to the variant's
   * name and writes its record; the record goes last so that a record always describes a complete file.
   */
  public void commit(Path staged, ModelVariant variant, InstalledRecord record) throws IOException {
    readable(staged);
    move(staged, file(variant));
    Path tmp = stage(variant.file() + ".json");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        JSON.writeValue(out, record);
      }
      readable(tmp);
      move(tmp, recordFile(variant));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A new empty temporary file in the folder (created if missing), named after {@code name}. */
  public Path stage(String name) throws IOException {
    Files.createDirectories(root);
    return Files.createTempFile(root, "." + name + ".", ".part");
  }

  /** Temporary files start owner-only; an installed model is an ordinary readable file. */
  private static void readable(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its default permissions apply.
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
