// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Optional;
import loupe.engine.alg.segment.ProductSegmenter;
import loupe.models.ModelFolder;
import loupe.models.ModelRegistry;
import loupe.models.ModelStatus;

/**
 * The installed optional models, opened once per process on first use (opening verifies each
 * model file's checksum, so it is not repeated per job). Nothing is ever downloaded.
 */
public final class InstalledModels {
  private static volatile ModelRegistry registry;

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
  static Optional<? extends ProductSegmenter> segmenter(String id) {
    return "isnet".equals(id) ? registry().segmenter() : Optional.empty();
  }

  /** Ids of the models that are installed and intact, for the server's handshake. */
  public static List<String> installed() {
    return registry().statuses().stream().filter(s -> s.state() == ModelStatus.State.INSTALLED)
        .map(s -> s.manifest().id() + ":" + s.variant().name()).distinct().toList();
  }
}
