// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import loupe.engine.recipe.ModelInpainter;
import loupe.engine.recipe.RecipeOptions;
import loupe.models.ModelCatalog;
import loupe.models.ModelFolder;
import loupe.models.ModelRegistry;
import loupe.models.ModelStatus;
import loupe.models.ModelTask;
import loupe.models.segment.IsNetSegmenter;
import loupe.server.UserError;

/**
 * The installed optional models, opened once per process on first use (opening verifies each
 * model file's checksum, so it is not repeated per job). A model that is missing is looked for
 * again on the next job, so one installed while the server runs is found. Nothing is ever
 * downloaded.
 */
public final class InstalledModels {
  private static volatile ModelRegistry registry;
  private static final Map<String, IsNetSegmenter> SEGMENTERS = new ConcurrentHashMap<>();
  private static final Map<String, ModelInpainter> INPAINTERS = new ConcurrentHashMap<>();

  private InstalledModels() {}

  private static ModelRegistry registry() {
    ModelRegistry r = registry;
    if (r == null) {
      synchronized (InstalledModels.class) {
        if (registry == null) {
          registry = ModelRegistry.open(ModelFolder.configured().root());
        }
        r = registry;
      }
    }
    return r;
  }

  /** An installed segmentation model by id ("isnet"). */
  static Optional<IsNetSegmenter> segmenter(String id) {
    return "isnet".equals(id) ? once(SEGMENTERS, id, x -> registry().segmenter()) : Optional.empty();
  }

  /**
   * Refuses a request that names a model which is not installed, when the request is made (a 400
   * for the HTTP API, before any file for the CLI) rather than when its job runs.
   */
  public static void requireModels(RetouchRequest request) {
    String inpainter = request.options().inpainter();
    if (!inpainter.equals(RecipeOptions.CLASSICAL) && inpainter(inpainter).isEmpty()) {
      throw unusable(inpainter, "loupe models add " + inpainter + " <file.onnx>");
    }
    if ("auto:isnet".equals(request.maskSource()) && segmenter("isnet").isEmpty()) {
      throw unusable("isnet");
    }
  }

  /**
   * As {@link #unusable(String, String)} for a segmentation model installed with {@code loupe models
   * install}; a name Loupe knows no such model by is said to be unknown, not "not installed" with an
   * install command that would fail.
   */
  static UserError unusable(String id) {
    List<String> known = ModelCatalog.builtIn().all().stream().filter(m -> m.task() == ModelTask.SEGMENTATION)
        .map(m -> "auto:" + m.id()).toList();
    if (!known.contains("auto:" + id)) {
      return new UserError("unknown segmentation model 'auto:" + id + "' (use auto, auto:classical"
          + known.stream().map(k -> ", " + k).collect(Collectors.joining()) + ")");
    }
    return unusable(id, "loupe models install " + id + " --accept-license");
  }

  /**
   * Why model {@code id} cannot be used: damaged (a file that fails verification, with what is
   * wrong) or not installed, and how to put it right ({@code install}).
   */
  static UserError unusable(String id, String install) {
    return registry().statuses().stream()
        .filter(s -> s.manifest().id().equals(id) && s.state() == ModelStatus.State.BAD).findFirst()
        .map(s -> new UserError(s.detail().contains("loupe models ") ? s.detail() : s.detail() + " (" + install + ")"))
        .orElseGet(() -> new UserError("the model '" + id + "' is not installed (see: loupe models list; install with: "
            + install + ")"));
  }

  /** What is wrong with an installed variant of model {@code id} that fails verification; empty when none does. */
  static Optional<String> damaged(String id) {
    return registry().statuses().stream()
        .filter(s -> s.manifest().id().equals(id) && s.state() == ModelStatus.State.BAD).findFirst().map(s -> s.detail());
  }

  /** An installed inpainting model by id ("lama", "migan"), verified and named for the job's result. */
  static Optional<ModelInpainter> inpainter(String id) {
    return once(INPAINTERS, id, x -> registry().inpainter(x).map(i -> i.forRecipes()));
  }

  private static <T> Optional<T> once(Map<String, T> cache, String id, Function<String, Optional<T>> open) {
    T known = cache.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<T> found = open.apply(id);
    found.ifPresent(f -> cache.putIfAbsent(id, f));
    return found.map(f -> cache.get(id));
  }

  /** Ids of the models that are installed and intact, for the server's handshake. */
  public static List<String> installed() {
    return registry().statuses().stream().filter(s -> s.state() == ModelStatus.State.INSTALLED)
        .map(s -> s.manifest().id() + ":" + s.variant().name()).distinct().toList();
  }
}
