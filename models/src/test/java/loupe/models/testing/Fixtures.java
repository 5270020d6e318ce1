// SPDX-License-Identifier: Apache-2.0
package loupe.models.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import loupe.models.ModelCatalog;
import loupe.models.ModelFolder;
import loupe.models.ModelInstaller;
import loupe.models.ModelRegistry;
import loupe.models.SessionConfig;

/** The committed test fixtures (tiny ONNX models, npm-style tarballs) and their catalog. */
public final class Fixtures {
  private Fixtures() {}

  /** A file of src/test/resources/fixtures. */
  public static Path file(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** tiny-isnet, tiny-lama and tiny-migan (src/test/resources/loupe/models/test-manifests). */
  public static ModelCatalog catalog() {
    return ModelCatalog.fromResources(Fixtures.class, "/loupe/models/test-manifests/");
  }

  public static ModelInstaller installer(Path folder) {
    return new ModelInstaller(catalog(), new ModelFolder(folder), line -> { });
  }

  /** A registry over {@code folder} with the fixture catalog and 1 thread per session. */
  public static ModelRegistry registry(Path folder) {
    return new ModelRegistry(catalog(), new ModelFolder(folder), SessionConfig.defaults().withThreads(1));
  }

  /** A registry over {@code folder} with every fixture model installed. */
  public static ModelRegistry installedRegistry(Path folder) {
    ModelInstaller installer = installer(folder);
    installer.installPackage("tiny-isnet", "small", file("tiny-package.tgz"), true);
    installer.add("tiny-lama", null, file("tiny-lama.onnx"), false);
    installer.add("tiny-migan", null, file("tiny-migan.onnx"), false);
    return registry(folder);
  }
}
