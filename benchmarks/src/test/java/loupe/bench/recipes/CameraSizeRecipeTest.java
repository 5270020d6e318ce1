// SPDX-License-Identifier: Apache-2.0
package loupe.bench.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.bench.data.Scene;
import loupe.bench.quality.Regions;
import loupe.bench.quality.SceneQuality;
import loupe.engine.Progress;
import loupe.engine.image.BitDepth;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.server.retouch.FileOutcome;
import loupe.server.retouch.RetouchRequest;
import loupe.server.retouch.RetouchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick with the automatic mask on a camera file's pixel count, end to end: dev01 blown up to 5664
 * px and written as an 8-bit PNG, as the bench's {@code recipe-quick:24mp-8} row does. Both the
 * recipe's detector and the margin's release must size themselves by the frame
 * ({@code DefectConfig.forFrame}); with the 1600 px settings half the dust was left (50.8 %).
 */
class CameraSizeRecipeTest {
  @TempDir
  Path dir;

  @Test
  void quick_removes_the_dust_and_hair_of_a_24_mp_shot_and_keeps_the_jewelry() throws Exception {
    Scene s = Scene.load(Path.of(System.getProperty("loupe.shared"), "benchmark/dev/dev01_solitaire_yellowgold"))
        .upscaled(5664, BitDepth.EIGHT).withInputFile(dir);
    RetouchRequest quick = RetouchRequest.of("quick", null, null, null, null, null, null, "auto:classical");

    FileOutcome outcome = new RetouchService().retouchFile(s.inputFile(), dir.resolve("out"), quick, Progress.NONE);

    Planar out = LayeredShot.composite(outcome.output(), 3);
    assertThat(QualityMetrics.changedPixels(out, s.input(), Regions.jewelry(s.mask()))).as("jewelry changed").isZero();
    assertThat(SceneQuality.residue(out, s.clean(), s.defects(), Regions.DUST)).as("dust left").isLessThan(0.01);
    assertThat(SceneQuality.residue(out, s.clean(), s.defects(), Regions.HAIR)).as("hair left").isLessThan(0.01);
  }
}
