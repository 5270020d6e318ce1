// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
  private final ModelCatalog catalog = ModelCatalog.builtIn();

  @Test
  void knowsIsNetLamaAndMiGan() {
    assertThat(catalog.all()).extracting(ModelManifest::id).containsExactly("isnet", "lama", "migan");
  }

  @Test
  void isnetPinsBothReassembledFiles() {
    ModelManifest isnet = catalog.require("isnet");
    assertThat(isnet.task()).isEqualTo(ModelTask.SEGMENTATION);
    assertThat(isnet.install().kind()).isEqualTo(InstallMethod.Kind.NPM);
    assertThat(isnet.install().packageSpec()).isEqualTo("@imgly/background-removal-data@1.4.5");
    assertThat(isnet.install().consent()).isTrue();
    assertThat(isnet.variant("small").orElseThrow().sha256())
        .isEqualTo("7001d60734fdc112dd9c062635fb59cd401fb82a9d4213134bce4dbd655c803a");
    assertThat(isnet.variant("small").orElseThrow().size()).isEqualTo(44_342_436L);
    assertThat(isnet.variant("medium").orElseThrow().size()).isEqualTo(88_188_479L);
    assertThat(isnet.input(TensorRole.IMAGE).name()).isEqualTo("input");
    assertThat(isnet.input(TensorRole.IMAGE).encode(128)).isZero();
    assertThat(isnet.input(TensorRole.IMAGE).encode(0)).isEqualTo(-0.5f);
    assertThat(isnet.output().name()).isEqualTo("output");
    assertThat(isnet.output().decode(1)).isEqualTo(255);
    assertThat(isnet.size()).isEqualTo(new SizeRule(1024, 1024));
    assertThat(isnet.licence().notice()).contains("AGPL-3.0").contains("MIT").contains("Apache-2.0");
  }

  @Test
  void inpaintersAreUserSuppliedWithTheirPolarity() {
    ModelManifest lama = catalog.require("lama");
    ModelManifest migan = catalog.require("migan");
    assertThat(lama.install().kind()).isEqualTo(InstallMethod.Kind.USER);
    assertThat(lama.defaultVariant().pinned()).isFalse();
    assertThat(lama.input(TensorRole.HOLE).hole()).isEqualTo(1);
    assertThat(lama.size()).isEqualTo(new SizeRule(512, 512));
    assertThat(migan.input(TensorRole.HOLE).hole()).isEqualTo(0);
    assertThat(migan.input(TensorRole.HOLE).known()).isEqualTo(255);
    assertThat(migan.input(TensorRole.IMAGE).type()).isEqualTo(TensorType.UINT8);
    assertThat(migan.output().name()).isEqualTo("result");
  }

  @Test
  void unknownIdListsTheKnownOnes() {
    assertThatThrownBy(() -> catalog.require("sam")).isInstanceOf(ModelException.class)
        .hasMessage("model 'sam': unknown model (known: isnet, lama, migan)");
  }

  @Test
  void manifestWithAnUnknownFieldIsRejectedByName() throws java.io.IOException {
    String json;
    try (java.io.InputStream in = ModelCatalog.class.getResourceAsStream("/loupe/models/manifests/isnet.json")) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"colour\": \"red\",");
    }
    assertThatThrownBy(() -> ModelCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.json").hasMessageContaining("colour");
  }

  @Test
  void manifestWhoseTensorsDoNotFitTheTaskIsRejected() {
    TensorSpec image = new TensorSpec("input", TensorRole.IMAGE, TensorType.FLOAT32, new long[] {1, 3, 8, 8}, 0, 1, 0, 0);
    ModelVariant v = new ModelVariant("a", "a.onnx", null, null, null, null);
    assertThatThrownBy(() -> new ModelManifest("x", ModelTask.INPAINTING, "t", null, java.util.List.of(v),
        java.util.List.of(image), java.util.List.of(image), new SizeRule(8, 8), new Licence("s", "n"),
        new InstallMethod(InstallMethod.Kind.USER, null, null, null, null, false, "i")))
        .hasMessageContaining("model x: tensors do not fit the INPAINTING task");
  }

  @Test
  void folderComesFromPropertyThenEnvironmentThenHome() {
    assertThat(ModelFolder.resolve("/p", "/e", "/h")).isEqualTo(Path.of("/p"));
    assertThat(ModelFolder.resolve(null, "/e", "/h")).isEqualTo(Path.of("/e"));
    assertThat(ModelFolder.resolve(" ", "", "/h")).isEqualTo(Path.of("/h/.loupe/models"));
  }
}
