// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.engine.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Background denoise on the dev scenes, with truth_mask as the product mask. PSNR (8-bit dB) is
 * over pixels with truth_mask == 0 and no labelled defect, against truth_clean and against
 * truth_clean with the scene's vignette put back: the input's noise-free version, which isolates
 * what a denoiser can fix (truth_clean also lacks the vignette, which dominates its PSNR).
 */
@Tag("slow")
class DenoiseDevScenesTest {
  static Iterable<Path> scenes() {
    return TestImages.devScenes();
  }

  @ParameterizedTest
  @MethodSource("scenes")
  void denoises_the_background_and_leaves_the_jewelry_alone(Path dir) {
    DevScene scene = DevScene.load(dir);
    GrayU16 region = scene.cleanBackground();
    Planar reference = scene.vignettedClean();
    NoiseEstimate noise = DenoiseOps.estimateNoise(scene.input(), scene.truthMask());
    long start = System.nanoTime();
    Planar out = DenoiseOps.denoiseBackground(scene.input(), scene.truthMask(), noise, null, DenoiseConfig.DEFAULT,
        Progress.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;

    double truthBefore = QualityMetrics.psnr(scene.input(), scene.clean(), region, 255);
    double truthAfter = QualityMetrics.psnr(out, scene.clean(), region, 255);
    double refBefore = QualityMetrics.psnr(scene.input(), reference, region, 255);
    double refAfter = QualityMetrics.psnr(out, reference, region, 255);
    System.out.printf("%-32s sigma est %.3f %.3f %.3f | meta %.3f %.3f %.3f | PSNR vs truth_clean %.2f -> %.2f"
            + " | vs vignetted truth %.2f -> %.2f dB | %.2f s%n",
        scene.name(), noise.sigma8bit(0), noise.sigma8bit(1), noise.sigma8bit(2), scene.measuredSigma8(0),
        scene.measuredSigma8(1), scene.measuredSigma8(2), truthBefore, truthAfter, refBefore, refAfter, seconds);

    for (int c = 0; c < 3; c++) {
      assertThat(noise.sigma8bit(c)).isCloseTo(scene.measuredSigma8(c), within(0.1 * scene.measuredSigma8(c)));
      // Sensor noise is white: one pixel's σ is the finest-scale σ.
      assertThat(noise.pixelSigma()[c]).isCloseTo(noise.sigma()[c], within(0.05 * noise.sigma()[c]));
    }
    assertThat(noise.correlationLength()).isEqualTo(1.0);
    assertThat(truthAfter).isGreaterThan(truthBefore);
    assertThat(refAfter).isGreaterThan(refBefore + 6);
    for (int y = 0; y < scene.height(); y++) {
      for (int x = 0; x < scene.width(); x++) {
        if (scene.truthMask().get(x, y) == 65535) {
          for (int c = 0; c < 3; c++) {
            assertThat(out.bands[c].get(x, y)).isEqualTo(scene.input().bands[c].get(x, y));
          }
        }
      }
    }
  }
}
