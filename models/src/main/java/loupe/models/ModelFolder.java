// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The folder installed models live in: {@code ~/.loupe/models} unless the system property {@code
 * loupe.models} or the environment variable {@code LOUPE_MODELS} names another. Each model file
 * has an {@link InstalledRecord} beside it ({@code FILE.json}). Files appear atomically: written
 * to a temporary name in the same folder, flushed, then moved into place, one {@link Installation}
 * at a time.
 */
public final class ModelFolder {
  public static final String PROPERTY = "loupe.models";
  public static final String ENV = "LOUPE_MODELS";
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The lock file that lets one install at a time into the folder, across processes (it stays). */
  static final String LOCK = ".lock";
  private static final String STAGED_SUFFIX = ".part";
  /** File locks are held per JVM, not per thread: threads of one process queue here first. */
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

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
   * Starts an install: waits for any other one into this folder (threads and processes alike) and
   * deletes what an interrupted one left ({@code .NAME.….part} files of a killed process).
   */
  public Installation begin(Consumer<String> log) throws IOException {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      // createDirectories would say only "already exists", which reads as if the model were installed.
      throw new FileSystemException(root.toString(), null, "is a file, and the model folder must be a folder "
          + "(set by " + PROPERTY + " or " + ENV + ", else ~/.loupe/models)");
    }
    Files.createDirectories(root);
    if (!IN_PROCESS.tryLock()) {
      log.accept("Waiting for another install into " + root + "…");
      IN_PROCESS.lock();
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        log.accept("Waiting for another install into " + root + " (another Loupe process)…");
        lock = channel.lock();
      }
      try (Stream<Path> files = Files.list(root)) {
        for (Path f : files.filter(ModelFolder::isStaged).toList()) {
          Files.deleteIfExists(f);
        }
      }
      return new Installation(channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      IN_PROCESS.unlock();
      throw e;
    }
  }

  private static boolean isStaged(Path f) {
    String name = f.getFileName().toString();
    return name.startsWith(".") && name.endsWith(STAGED_SUFFIX);
  }

  /** One install into the folder; closing it deletes what it staged and did not commit, then lets the next one in. */
  public final class Installation implements AutoCloseable {
    private final FileChannel channel;
    private final List<Path> staged = new ArrayList<>();

    /** @param channel the lock file's, holding its lock (closing it releases the lock) */
    private Installation(FileChannel channel) {
      this.channel = channel;
    }

    /**
     * A new empty temporary file in the folder, named after {@code name}; deleted when the install
     * ends uncommitted, and by the JVM's shutdown if Ctrl-C stops it first.
     */
    public Path stage(String name) throws IOException {
      Path file = Files.createTempFile(root, "." + name + ".", STAGED_SUFFIX);
      file.toFile().deleteOnExit();
      staged.add(file);
      return file;
    }

    /**
     * Moves {@code file} (from {@link #stage}) to the variant's name and writes its record; the
     * record goes last so that a record always describes a complete file.
     */
    public void commit(Path file, ModelVariant variant, InstalledRecord record) throws IOException {
      readable(file);
      move(file, file(variant));
      Path tmp = stage(variant.file() + ".json");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        JSON.writeValue(out, record);
      }
      readable(tmp);
      move(tmp, recordFile(variant));
    }

    @Override
    public void close() throws IOException {
      try {
        for (Path f : staged) {
          Files.deleteIfExists(f);
        }
      } finally {
        try {
          channel.close();
        } finally {
          IN_PROCESS.unlock();
        }
      }
    }
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
