// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import loupe.engine.Progress;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.recipe.ModelInpainter;
import loupe.models.ModelFolder;
import loupe.models.ModelRegistry;
import loupe.models.segment.IsNetSegmenter;
import loupe.psd.PsdReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The path a user gets once ISNet is installed: plain {@code auto} takes the model. The other
 * server tests isolate model lookups (an empty folder), so they always run the classical
 * segmenter; this one opens the user's folder, where {@code tools/install-models} puts ISNet in CI,
 * and runs Quick with a clean background on every dev scene: the jewelry stays bit-exact, dust and
 * hair go, and the job names the model. Skipped, with the reason, when ISNet is not installed.
 */
class InstalledIsNetRecipeTest {
  @TempDir
  static Path out;

  static ModelRegistry installed;
  static Optional<IsNetSegmenter> isnet;

  @BeforeAll
  static void open() {
    installed = ModelRegistry.open(ModelFolder.userDefault().root());
    isnet = installed.segmenter();
  }

  static Iterable<Path> scenes() throws Exception {
    return SceneScore.scenes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenes")
  void quick_with_a_clean_background_keeps_the_jewelry_bit_exact_with_the_installed_model(Path scene) throws Exception {
    assumeTrue(isnet.isPresent(), "ISNet is not installed in " + ModelFolder.userDefault().root()
        + "; run tools/install-models");
    ProductMasks masks = new ProductMasks(new ClassicalSegmenter(), id -> "isnet".equals(id) ? isnet : Optional.empty());
    FileOutcome outcome = new RetouchService(masks, ModelInpainter.Source.NONE).retouchFile(scene.resolve("input.png"),
        out.resolve(scene.getFileName()), RetouchRequest.of("quick", "clean", null, null, null, null, null, null),
        Progress.NONE);
    SceneScore score = SceneScore.of(scene, PsdReader.read(outcome.output()));
    System.out.println(String.format(Locale.ROOT, "%-32s %-16s %s", scene.getFileName(), "quick+clean isnet",
        SceneScore.HEADER) + "\n" + String.format(Locale.ROOT, "%-32s %-16s %s", scene.getFileName(), "", score.row()));

    assertThat(outcome.result().models()).extracting(m -> m.id()).containsExactly("isnet");
    assertThat(score.jewelryChanged()).as("jewelry pixels changed").isZero();
    assertThat(score.dustHairGone()).as("dust and hair removed").isGreaterThanOrEqualTo(DevSceneRecipeTest.DUST_HAIR_REACHED);
    assertThat(score.psnrOut()).as("background PSNR never drops").isGreaterThanOrEqualTo(score.psnrIn());
  }
}
