// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import loupe.models.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelListingTest {
  @TempDir Path folder;

  @Test
  void listsStateFileSizeAndLicenceOfEveryVariant() throws IOException {
    try (ModelRegistry registry = Fixtures.installedRegistry(folder)) {
      ModelRegistryTest.flipByte(folder.resolve("tiny-migan.onnx"), 10);
      String text = ModelListing.text(registry.folder(), registry.statuses());
      assertThat(text).startsWith("Model folder: " + folder + " (change it with LOUPE_MODELS or -Dloupe.models)\n")
          .contains("tiny-isnet (small) installed, checksum ok, 0.0 MB, sha256 1c4a424b9118…\n    file:    "
              + folder.resolve("tiny-isnet-small.onnx"))
          .contains("tiny-isnet (mispinned) missing\n")
          .contains("    install: loupe models install tiny-isnet --accept-license\n")
          .contains("tiny-migan (default) checksum BAD: model 'tiny-migan': checksum mismatch: ")
          .contains("    licence: test fixture\n")
          .contains("    task:    inpainting — LaMa's interface at 16×16");
    }
  }
}
