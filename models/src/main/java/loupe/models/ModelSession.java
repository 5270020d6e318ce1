// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import loupe.models.onnx.ConvIntegerBands;

/**
 * One shared ONNX Runtime session per installed model, opened on first use and then used by every
 * thread (ORT sessions are thread-safe for {@code run}). Opening verifies the file (size and
 * SHA-256, {@link ModelFileCheck}) and its inputs/outputs ({@link SignatureCheck}), so a model
 * that runs is the model that was installed. Runs request only the manifest's output.
 */
public final class ModelSession implements AutoCloseable {
  /**
   * A larger im2col matrix is built in bands. On ISNet small (one of 288 MB, 17 of 36–144 MB) that
   * took 40–100 MB off a 1024² run's peak RSS and 13 % off its CPU (docs/models-notes.md); 8 MB bands
   * measured the same within the noise.
   */
  static final long MAX_IM2COL_BYTES = 32L << 20;
  private final ModelManifest manifest;
  private final ModelVariant variant;
  private final ModelFolder folder;
  private final SessionConfig config;
  private OrtSession session;
  private ModelInfo info;
  private boolean closed;

  public ModelSession(ModelManifest manifest, ModelVariant variant, ModelFolder folder, SessionConfig config) {
    this.manifest = manifest;
    this.variant = variant;
    this.folder = folder;
    this.config = config;
  }

  public ModelManifest manifest() {
    return manifest;
  }

  /** The model's identity; opens (and so verifies) the model if it is not open yet. */
  public ModelInfo info() {
    open();
    synchronized (this) {
      return info;
    }
  }

  /**
   * Runs the model on {@code inputs} (closed by the caller) and hands the manifest's output tensor to
   * {@code read}, whose result is returned; the output is freed afterwards.
   */
  public <T> T run(Map<String, OnnxTensor> inputs, Function<OnnxTensor, T> read) {
    OrtSession s = open();
    String output = manifest.output().name();
    try (OrtSession.Result result = s.run(inputs, Set.of(output))) {
      OnnxTensor tensor = (OnnxTensor) result.get(output)
          .orElseThrow(() -> new ModelException(manifest.id(), "produced no '" + output + "' output"));
      return read.apply(tensor);
    } catch (OrtException e) {
      throw new ModelException(manifest.id(), "inference failed: " + e.getMessage(), e);
    }
  }

  /** Opens the session once; later calls return it. */
  public synchronized OrtSession open() {
    if (closed) {
      throw new IllegalStateException("model session " + manifest.id() + " is closed");
    }
    if (session == null) {
      String sha = ModelFileCheck.verify(manifest, variant, folder);
      Path file = folder.file(variant);
      OrtSession s = createBanded(manifest.id(), file, config);
      try {
        SignatureCheck.verify(manifest, s);
      } catch (RuntimeException e) {
        closeQuietly(s);
        throw e;
      }
      session = s;
      info = new ModelInfo(manifest.id(), variant.name(), sha, file);
    }
    return session;
  }

  /**
   * As {@link #create}, from a temporary copy of the file whose {@code ConvInteger} nodes with an
   * im2col matrix over {@link #MAX_IM2COL_BYTES} are split into row bands ({@link ConvIntegerBands}):
   * the same outputs to the bit, a lower peak. The file itself is used when nothing is split.
   */
  static OrtSession createBanded(String id, Path file, SessionConfig config) {
    Path copy = null;
    try {
      Path load = file;
      try {
        copy = Files.createTempFile("loupe-" + id + "-", ".onnx");
        load = ConvIntegerBands.write(file, MAX_IM2COL_BYTES, copy) > 0 ? copy : file;
      } catch (IOException | RuntimeException e) {
        // Banding only saves memory: a file it cannot parse (any failure of the rewrite) or a full
        // temp folder loads the original, and ONNX Runtime names what is wrong with a broken one.
      }
      return create(id, load, file.toString(), config);
    } finally {
      deleteQuietly(copy);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temporary copy left behind in the temp folder: nothing else to do.
    }
  }

  /**
   * Creates a session from {@code file}, turning ORT's load errors into one line that names the model
   * and {@code shown} (the file as the user knows it; {@code file} may be a temporary copy).
   */
  static OrtSession create(String id, Path file, String shown, SessionConfig config) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(config.intraOpThreads());
      options.setInterOpNumThreads(1);
      options.setCPUArenaAllocator(config.cpuArena());
      // The memory pattern, planned on the first run, allocates one block per run for the whole plan:
      // ISNet's second run peaked 310 MB higher with it, at the same speed (docs/models-notes.md).
      options.setMemoryPatternOptimization(false);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Idle intra-op threads sleep instead of spinning: next to Photoshop (or on a busy CI machine)
      // spinning burns cores for nothing; measured no slower on 2 cores (docs/models-notes.md).
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      return OrtEnvironment.getEnvironment().createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new ModelException(id, shown + " is not a model ONNX Runtime can load: it is truncated, damaged or not an "
          + "ONNX file (" + cause(e.getMessage(), file, shown) + ")", e);
    }
  }

  /**
   * ORT's reason alone: {@code Error code - ORT_INVALID_PROTOBUF - message: Load model from
   * /tmp/x.part failed:Protobuf parsing failed.} → {@code Protobuf parsing failed}, any other mention
   * of the loaded file replaced by the name the user knows.
   */
  static String cause(String message, Path loaded, String shown) {
    if (message == null || message.isBlank()) {
      return "no detail";
    }
    String line = message.strip().lines().findFirst().orElse("");
    int m = line.indexOf("message: ");
    if (m >= 0) {
      line = line.substring(m + "message: ".length());
    }
    String load = "Load model from " + loaded + " failed:";
    if (line.startsWith(load)) {
      line = line.substring(load.length());
    }
    line = line.replace(loaded.toString(), shown).strip();
    while (line.endsWith(".")) {
      line = line.substring(0, line.length() - 1);
    }
    return line.isEmpty() ? "no detail" : line;
  }

  static void closeQuietly(OrtSession s) {
    try {
      s.close();
    } catch (OrtException e) {
      // Closing a session we are discarding: nothing left to do with the error.
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (session != null) {
      closeQuietly(session);
      session = null;
    }
  }
}
