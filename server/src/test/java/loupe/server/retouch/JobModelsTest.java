// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import loupe.engine.Progress;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.recipe.ModelInpainter;
import loupe.models.ModelCatalog;
import loupe.models.ModelFolder;
import loupe.engine.recipe.ModelUse;
import loupe.server.masks.DocumentMasks;
import loupe.server.masks.MaskInput;
import loupe.models.ModelInstaller;
import loupe.models.ModelManifest;
import loupe.models.ModelRegistry;
import loupe.models.SessionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each job result names the models that produced it (id, variant, sha256 of the verified file,
 * step). Uses the models module's tiny ONNX fixtures (models/src/test/resources, nothing is
 * downloaded), and the real ISNet when it is installed in the configured model folder.
 */
class JobModelsTest {
  @TempDir static Path dir;
  static ModelRegistry fixtures;

  @BeforeAll
  static void installFixtures() throws IOException {
    Path res = Path.of(System.getProperty("loupe.root"), "models/src/test/resources");
    List<ModelManifest> manifests = new ArrayList<>();
    for (String id : List.of("tiny-isnet", "tiny-lama")) {
      try (InputStream in = Files.newInputStream(res.resolve("loupe/models/test-manifests/" + id + ".json"))) {
        manifests.add(ModelCatalog.parse(in, id));
      }
    }
    ModelCatalog catalog = new ModelCatalog(manifests);
    ModelFolder folder = new ModelFolder(dir.resolve("models"));
    ModelInstaller installer = new ModelInstaller(catalog, folder, line -> { });
    installer.installPackage("tiny-isnet", "small", res.resolve("fixtures/tiny-package.tgz"), true);
    installer.add("tiny-lama", null, res.resolve("fixtures/tiny-lama.onnx"), false);
    fixtures = new ModelRegistry(catalog, folder, SessionConfig.defaults().withThreads(1));
  }

  @AfterAll
  static void close() {
    fixtures.close();
  }

  /** "isnet" → the tiny ISNet fixture, "lama" → the tiny LaMa fixture: the models' own ids and digests show through. */
  static RetouchService withFixtures() {
    ProductMasks masks = fixtureMasks();
    ModelInpainter.Source inpainters = id -> id.equals("lama")
        ? fixtures.inpainter("tiny-lama").map(i -> i.forRecipes()) : Optional.empty();
    return new RetouchService(masks, inpainters);
  }

  static ProductMasks fixtureMasks() {
    return new ProductMasks(new ClassicalSegmenter(), id -> id.equals("isnet") ? fixtures.segmenter() : Optional.empty());
  }

  static String sha(String id, String variant) {
    return fixtures.statuses().stream().filter(s -> s.manifest().id().equals(id) && s.variant().name().equals(variant))
        .findFirst().orElseThrow().sha256();
  }

  @Test
  void aJobWithoutModelsListsNone() throws Exception {
    Path png = scene(dir.resolve("plain.png"));
    FileOutcome o = withFixtures().retouchFile(png, dir.resolve("out-plain"), RetouchRequest.of("pro", null, null,
        null, null, null, null, "auto:classical"), Progress.NONE);
    assertThat(o.result().models()).isEmpty();
    assertThat(new PsdJobOutput(o, dir).summary()).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("models", List.of());
  }

  @Test
  void loupeMaskNamesTheModelThatMadeTheProductMask() throws Exception {
    Path png = scene(dir.resolve("mask.png"));
    MaskInput in = MaskInput.read(png);
    assertThat(DocumentMasks.compute(in, "auto:isnet", null, List.of(), fixtureMasks(), Progress.NONE).models())
        .containsExactly(new ModelUse("tiny-isnet", "small", sha("tiny-isnet", "small"), "product mask"));
    assertThat(DocumentMasks.compute(in, "auto:classical", null, List.of(), fixtureMasks(), Progress.NONE).models())
        .isEmpty();
  }

  /** An installed segmentation model plugs in as the automatic source; without one, auto is model-free. */
  @Test
  void plainAutoTakesTheInstalledSegmenterAndOtherwiseTheClassicalOne() throws Exception {
    Path png = scene(dir.resolve("auto.png"));
    MaskInput in = MaskInput.read(png);
    ProductMasks.ProductMask withModel = fixtureMasks().productMask("auto", "auto", in.image(), null, 255, null, "ring.png",
        Progress.NONE);
    assertThat(withModel.models()).containsExactly(
        new ModelUse("tiny-isnet", "small", sha("tiny-isnet", "small"), "product mask"));
    assertThat(withModel.notes()).anyMatch(n -> n.contains("installed tiny-isnet model") && n.contains("auto:classical"));
    ProductMasks none = new ProductMasks(new ClassicalSegmenter(), id -> Optional.empty());
    ProductMasks.ProductMask without = none.productMask("auto", "auto", in.image(), null, 255, null, "auto.png", Progress.NONE);
    assertThat(without.models()).isEmpty();
    assertThat(without.selection().sameSamples(new ClassicalSegmenter().segment(in.image(), Progress.NONE))).isTrue();
    assertThat(without.notes()).isEmpty();
    // An installed model that fails verification is not silently replaced: the notes say why auto is model-free.
    ProductMasks damaged = new ProductMasks(new ClassicalSegmenter(), id -> Optional.empty(),
        id -> Optional.of("checksum mismatch"));
    assertThat(damaged.productMask("auto", "auto", in.image(), null, 255, null, "auto.png", Progress.NONE).notes())
        .containsExactly("automatic mask by the model-free segmenter: the installed isnet model cannot be used "
            + "(checksum mismatch)");
    // `loupe mask` prints the same notes: a mask handed to other tools says which segmenter made it.
    assertThat(DocumentMasks.compute(in, "auto", null, List.of(), damaged, Progress.NONE).notes())
        .containsExactly("automatic mask by the model-free segmenter: the installed isnet model cannot be used "
            + "(checksum mismatch)");
    assertThat(DocumentMasks.compute(in, "auto", null, List.of(), fixtureMasks(), Progress.NONE).models())
        .extracting(ModelUse::id).containsExactly("tiny-isnet");
  }

  @Test
  void theProductMaskModelIsNamedInTheResult() throws Exception {
    Path png = scene(dir.resolve("isnet.png"), 220, 30);
    FileOutcome o = withFixtures().retouchFile(png, dir.resolve("out-isnet"), RetouchRequest.of("pro", null, null,
        null, null, null, null, "auto:isnet"), Progress.NONE);
    assertThat(o.result().fidelity().bitExact()).isTrue();
    assertThat(ResultJson.models(o.result().models())).containsExactly(Map.of("id", "tiny-isnet", "variant", "small",
        "sha256", sha("tiny-isnet", "small"), "step", "product mask"));
    assertThat(((Map<?, ?>) new PsdJobOutput(o, dir).summary()).get("models"))
        .isEqualTo(ResultJson.models(o.result().models()));
  }

  @Test
  void quickWithTheLamaOptionInpaintsThePuttyWithTheModelAndSaysSo() throws Exception {
    Path input = putty(dir.resolve("dev03-crop.png"));
    RetouchRequest request = RetouchRequest.of("quick", null, null, null, null, null, null, "auto:classical")
        .withInpainter("lama");
    FileOutcome o = withFixtures().retouchFile(input, dir.resolve("out-dev03"), request, Progress.NONE);
    assertThat(o.result().fidelity().bitExact()).isTrue();
    assertThat(o.result().notes()).anyMatch(n -> n.contains("prop pixels found"));
    assertThat(ResultJson.models(o.result().models())).containsExactly(Map.of("id", "tiny-lama", "variant",
        "default", "sha256", sha("tiny-lama", "default"), "step", "prop inpainting"));
  }

  /**
   * A model file that passed the lookup and is damaged before its session opens (replaced or cut
   * while a batch runs): plain auto falls back to the model-free segmenter and says why; auto:isnet
   * fails naming the model, the server's fault. Both were "internal error (ModelException)".
   */
  @Test
  void aModelDamagedAfterItsLookupFallsBackOrIsNamed() throws Exception {
    Path res = Path.of(System.getProperty("loupe.root"), "models/src/test/resources");
    ModelCatalog catalog;
    try (InputStream in = Files.newInputStream(res.resolve("loupe/models/test-manifests/tiny-isnet.json"))) {
      catalog = new ModelCatalog(List.of(ModelCatalog.parse(in, "tiny-isnet")));
    }
    ModelFolder folder = new ModelFolder(dir.resolve("models-damaged"));
    new ModelInstaller(catalog, folder, line -> { })
        .installPackage("tiny-isnet", "small", res.resolve("fixtures/tiny-package.tgz"), true);
    MaskInput in = MaskInput.read(scene(dir.resolve("damaged.png")));
    try (ModelRegistry registry = new ModelRegistry(catalog, folder, SessionConfig.defaults().withThreads(1))) {
      Optional<loupe.models.segment.IsNetSegmenter> looked = registry.segmenter(); // as the server keeps it
      ProductMasks masks = new ProductMasks(new ClassicalSegmenter(), id -> looked);
      Path file = folder.file(catalog.require("tiny-isnet").defaultVariant());
      Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 100));
      ProductMasks.ProductMask fallback = masks.productMask("auto", "auto", in.image(), null, 255, null, "ring.png",
          Progress.NONE);
      assertThat(fallback.models()).isEmpty();
      assertThat(fallback.selection().sameSamples(new ClassicalSegmenter().segment(in.image(), Progress.NONE))).isTrue();
      assertThat(fallback.notes()).singleElement().asString()
          .startsWith("automatic mask by the model-free segmenter: the installed isnet model cannot be used (model "
              + "'tiny-isnet': ");
      assertThatThrownBy(() -> masks.productMask("auto:isnet", "auto", in.image(), null, 255, null, "ring.png",
          Progress.NONE)).isInstanceOf(loupe.models.ModelException.class).hasMessageStartingWith("model 'tiny-isnet': ");
      // The server says it as its own fault (500), not the client's file (422).
      assertThat(loupe.server.http.ErrorMapping.jobProblem(new loupe.models.ModelException("tiny-isnet", "file is "
          + "truncated")).status()).isEqualTo(500);
    }
  }

  @Test
  void anInpainterThatIsNotInstalledIsAClearError() throws Exception {
    Path png = scene(dir.resolve("migan.png"));
    RetouchRequest request = RetouchRequest.of("pro", null, null, null, null, null, null, "auto:classical")
        .withInpainter("migan");
    assertThatThrownBy(() -> withFixtures().retouchFile(png, dir.resolve("out-migan"), request, Progress.NONE))
        .hasMessage("inpainter 'migan' is not installed: run `loupe models add migan <file.onnx>`");
    assertThatThrownBy(() -> request.withInpainter("dall-e")).hasMessageContaining("unknown inpainter 'dall-e'");
  }

  @Test
  void theInstalledIsNetIsNamedWithTheDigestOfItsFile() throws Exception {
    // The user's folder (where tools/install-models puts ISNet in CI), not the tests' isolated one.
    ModelRegistry installed = ModelRegistry.open(ModelFolder.userDefault().root());
    Optional<String> sha = installed.statuses().stream().filter(s -> s.manifest().id().equals("isnet")
        && s.sha256() != null).map(s -> s.variant().name() + " " + s.sha256()).findFirst();
    assumeTrue(sha.isPresent(), "ISNet is not installed in " + ModelFolder.userDefault().root()
        + "; run tools/install-models");
    ProductMasks masks = new ProductMasks(new ClassicalSegmenter(),
        id -> "isnet".equals(id) ? installed.segmenter() : Optional.empty());
    Path png = scene(dir.resolve("real-isnet.png"));
    FileOutcome o = new RetouchService(masks, ModelInpainter.Source.NONE).retouchFile(png, dir.resolve("out-real"),
        RetouchRequest.of("pro", null, null, null, null, null, null, "auto:isnet"), Progress.NONE);
    assertThat(o.result().models()).hasSize(1);
    var used = o.result().models().get(0);
    assertThat(used.id()).isEqualTo("isnet");
    assertThat(used.variant() + " " + used.sha256()).isEqualTo(sha.get());
    assertThat(used.step()).isEqualTo("product mask");
  }

  /** dev03's earrings on their putty with some sweep around (800×540 of the 1600×1200 shot, to keep the test short). */
  static Path putty(Path file) throws IOException {
    Path shot = Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev03_stud_earrings_platinum/input.png");
    BufferedImage crop = ImageIO.read(shot.toFile()).getSubimage(440, 300, 800, 540);
    ImageIO.write(crop, "png", file.toFile());
    return file;
  }

  /** A 160×120 grey sweep with grain and a dark ring (8-bit PNG). */
  static Path scene(Path file) throws IOException {
    return scene(file, 40, 200);
  }

  /**
   * A ring of level {@code ring} on a sweep of level {@code sweep} with a little noise. The tiny
   * ISNet fixture selects what is bright (sigmoid of the mean), so its scenes are a light ring on a
   * dark sweep: otherwise it selects the whole frame, which is refused.
   */
  static Path scene(Path file, int ring, int sweep) throws IOException {
    Random random = new Random(5);
    BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 160; x++) {
        double d = Math.hypot(x - 80, y - 60);
        int v = d >= 15 && d < 25 ? ring : sweep + random.nextInt(4);
        img.setRGB(x, y, v << 16 | v << 8 | v);
      }
    }
    ImageIO.write(img, "png", file.toFile());
    return file;
  }
}
