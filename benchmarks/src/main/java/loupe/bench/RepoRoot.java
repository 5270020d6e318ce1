// SPDX-License-Identifier: Apache-2.0
package loupe.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root: the {@code loupe.root} system property, else three levels above the
 * folder or jar this class was loaded from ({@code ROOT/benchmarks/target/classes}).
 */
final class RepoRoot {
  private RepoRoot() {}

  static Path find() {
    String property = System.getProperty("loupe.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    try {
      Path here = Path.of(RepoRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = here.getParent() == null ? null : here.getParent().getParent();
      root = root == null ? null : root.getParent();
      if (root != null && Files.isDirectory(root.resolve("benchmarks"))) {
        return root;
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // fall through to the message below
    }
    throw new IllegalStateException("cannot find the Loupe repository root; pass -Dloupe.root=DIR or --scenes DIR");
  }

  /** The default scenes: {@code ../shared/benchmark/dev} relative to the root. */
  static Path defaultScenes() {
    return find().resolve("../shared/benchmark/dev").normalize();
  }
}
