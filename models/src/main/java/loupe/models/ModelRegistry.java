// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import loupe.models.inpaint.CropConfig;
import loupe.models.inpaint.OnnxInpainter;
import loupe.models.segment.IsNetConfig;
import loupe.models.segment.IsNetSegmenter;

/**
 * The installed models of one model folder, and the engine-facing objects built on them. Each model
 * variant gets one shared {@link ModelSession}, opened on first use. Nothing here downloads: a
 * model that is not in the folder is simply absent.
 *
 * <pre>{@code
 * ModelRegistry models = ModelRegistry.open(ModelFolder.configured().root());
 * ProductSegmenter auto = models.segmenter().map(s -> (ProductSegmenter) s).orElseGet(ClassicalSegmenter::new);
 * }</pre>
 */
public final class ModelRegistry implements AutoCloseable {
  private final ModelCatalog catalog;
  private final ModelFolder folder;
  private final SessionConfig config;
  private final Map<String, ModelSession> sessions = new LinkedHashMap<>();
  /** The last status of each model file, with the stamps of the file and its record it was checked at. */
  private final Map<Path, Checked> checked = new ConcurrentHashMap<>();

  private record Checked(List<Object> stamp, ModelStatus status) {}

  public ModelRegistry(ModelCatalog catalog, ModelFolder folder, SessionConfig config) {
    this.catalog = catalog;
    this.folder = folder;
    this.config = config;
  }

  /** The built-in catalog over {@code folder}, with the user's session settings ({@link SessionConfig#configured()}). */
  public static ModelRegistry open(Path folder) {
    return new ModelRegistry(ModelCatalog.builtIn(), new ModelFolder(folder), SessionConfig.configured());
  }

  /** The session settings every model of this registry opens with. */
  public SessionConfig sessionConfig() {
    return config;
  }

  public ModelCatalog catalog() {
    return catalog;
  }

  public ModelFolder folder() {
    return folder;
  }

  /** Every variant of every known model, checked (this hashes each installed file that changed). */
  public List<ModelStatus> statuses() {
    List<ModelStatus> all = new ArrayList<>();
    for (ModelManifest m : catalog.all()) {
      for (ModelVariant v : m.variants()) {
        all.add(status(m, v));
      }
    }
    return all;
  }

  /**
   * The variant's status; a file is hashed again only when it or its install record has changed
   * since it was last checked (a server answers every handshake from this, and hashing a 200 MB
   * LaMa takes a second).
   */
  public ModelStatus status(ModelManifest m, ModelVariant v) {
    Path file = folder.file(v);
    if (!Files.exists(file)) {
      return new ModelStatus(m, v, file, ModelStatus.State.MISSING, "", null, -1);
    }
    List<Object> stamp = List.of(stamp(file), stamp(folder.recordFile(v)));
    Checked seen = checked.get(file);
    if (seen != null && seen.stamp().equals(stamp)) {
      return seen.status();
    }
    long size = size(file);
    ModelStatus status;
    try {
      String sha = ModelFileCheck.verify(m, v, folder);
      status = new ModelStatus(m, v, file, ModelStatus.State.INSTALLED, "", sha, size);
      checked.put(file, new Checked(stamp, status));
    } catch (ModelException e) {
      status = new ModelStatus(m, v, file, ModelStatus.State.BAD, e.getMessage(), null, size);
      checked.put(file, new Checked(stamp, status));
    } catch (UncheckedIOException e) {
      // Not kept: a file that could not be read this time may be readable the next.
      status = new ModelStatus(m, v, file, ModelStatus.State.BAD, e.getMessage(), null, size);
    }
    return status;
  }

  /** A file's size and modification time; a file that cannot be read has none. */
  private static List<Object> stamp(Path file) {
    try {
      return List.of(Files.size(file), Files.getLastModifiedTime(file));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The first verified segmentation model (variants in manifest order), with default settings. */
  public Optional<IsNetSegmenter> segmenter() {
    return firstInstalled(ModelTask.SEGMENTATION).map(s -> new IsNetSegmenter(s, IsNetConfig.defaults()));
  }

  /** A named variant of the segmentation model, if it is installed and verifies. */
  public Optional<IsNetSegmenter> segmenter(String variant) {
    for (ModelManifest m : catalog.all()) {
      Optional<ModelVariant> v = m.task() == ModelTask.SEGMENTATION ? m.variant(variant) : Optional.empty();
      if (v.isPresent() && status(m, v.get()).state() == ModelStatus.State.INSTALLED) {
        return Optional.of(new IsNetSegmenter(session(m, v.get()), IsNetConfig.defaults()));
      }
    }
    return Optional.empty();
  }

  /** The first verified inpainting model (catalog order: LaMa before MI-GAN), with default settings. */
  public Optional<OnnxInpainter> inpainter() {
    return firstInstalled(ModelTask.INPAINTING).map(s -> new OnnxInpainter(s, CropConfig.defaults()));
  }

  /** The inpainting model {@code id} ("lama", "migan"), if a variant of it is installed and verifies. */
  public Optional<OnnxInpainter> inpainter(String id) {
    Optional<ModelManifest> m = catalog.find(id).filter(x -> x.task() == ModelTask.INPAINTING);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    for (ModelVariant v : m.get().variants()) {
      if (status(m.get(), v).state() == ModelStatus.State.INSTALLED) {
        return Optional.of(new OnnxInpainter(session(m.get(), v), CropConfig.defaults()));
      }
    }
    return Optional.empty();
  }

  /** The shared session of a verified variant of {@code task}, if one is installed. */
  public Optional<ModelSession> firstInstalled(ModelTask task) {
    for (ModelManifest m : catalog.all()) {
      if (m.task() != task) {
        continue;
      }
      for (ModelVariant v : m.variants()) {
        if (status(m, v).state() == ModelStatus.State.INSTALLED) {
          return Optional.of(session(m, v));
        }
      }
    }
    return Optional.empty();
  }

  /** The one session of {@code variant} (opened lazily by its first run). */
  public synchronized ModelSession session(ModelManifest m, ModelVariant v) {
    return sessions.computeIfAbsent(m.id() + "/" + v.name(), k -> new ModelSession(m, v, folder, config));
  }

  @Override
  public synchronized void close() {
    sessions.values().forEach(ModelSession::close);
    sessions.clear();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }
}
