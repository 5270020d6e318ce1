// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import loupe.engine.testing.TestImages;

/** The classical segmenter on the dev scenes; truth files are only used to measure. */
class ClassicalSegmenterSceneTest {
  static Stream<Path> scenes() {
    return TestImages.devScenes().stream();
  }

  @ParameterizedTest
  @MethodSource("scenes")
  void reportsQuality(Path scene) {
    SceneResult r = SceneResult.of(scene);
    System.out.println(r.report());
    assertThat(r.iou()).isGreaterThan(0.5);
  }
}
