// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import loupe.engine.Progress;
import loupe.engine.alg.segment.ClassicalSegmenter;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The automatic protection with released specks and props ({@link ProductMasks#protection}) against
 * the plain margin ({@link ProductMasks#withMargin}) on every ground-truth scene: the truth mask only
 * scores. The plain margin protects every fully-jewelry truth pixel fully (it covers what the estimate
 * misses); no such pixel may lose that protection; a
 * truth edge pixel (part jewelry) may be released only where a prop shows in its other part.
 */
class MarginReleaseSceneTest {
  static Stream<String> scenes() throws Exception {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("loupe.shared"), "benchmark/dev"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenes")
  void released_zones_never_hold_jewelry(String name) throws Exception {
    Path scene = Path.of(System.getProperty("loupe.shared"), "benchmark/dev", name);
    Planar input = FlatImageReader.read(scene.resolve("input.png"), Long.MAX_VALUE).color();
    GrayU16 truth = FlatImageReader.read(scene.resolve("truth_mask.png"), Long.MAX_VALUE).color().band(0);
    GrayU16 labels = FlatImageReader.read(scene.resolve("truth_defects.png"), Long.MAX_VALUE).color().band(0);

    GrayU16 estimate = new ClassicalSegmenter().segment(input, Progress.NONE);
    GrayU16 before = ProductMasks.withMargin(estimate, AutoMargins.DESIGN);
    GrayU16 after = ProductMasks.protection(input, estimate, AutoMargins.DESIGN, Progress.NONE).mask();

    long jewelBefore = 0;
    long jewelAfter = 0;
    long releasedJewel = 0;
    long releasedEdge = 0;
    long releasedEdgeNoProp = 0;
    long released = 0;
    long releasedDustHair = 0;
    long releasedProp = 0;
    long props = 0;
    for (int y = 0; y < truth.height; y++) {
      for (int x = 0; x < truth.width; x++) {
        boolean jewel = truth.get(x, y) == 65535;
        boolean edge = truth.get(x, y) > 0 && !jewel;
        boolean freed = after.get(x, y) < before.get(x, y);
        int label = labels.get(x, y) / 257;
        boolean prop = label == 3 || label == 4;
        jewelBefore += jewel && before.get(x, y) < 65535 ? 1 : 0;
        jewelAfter += jewel && after.get(x, y) < 65535 ? 1 : 0;
        releasedJewel += jewel && freed ? 1 : 0;
        releasedEdge += edge && freed ? 1 : 0;
        releasedEdgeNoProp += edge && freed && !prop ? 1 : 0;
        released += freed ? 1 : 0;
        releasedDustHair += freed && (label == 1 || label == 2) ? 1 : 0;
        releasedProp += freed && prop ? 1 : 0;
        props += prop ? 1 : 0;
      }
    }
    System.out.println(String.format(Locale.ROOT,
        "%-32s truth jewelry < 65535: before %d, after %d; released %d px (%d dust/hair, %d of %d prop, %d truth"
            + " jewelry, %d truth edge of which %d without prop)", name, jewelBefore, jewelAfter, released,
        releasedDustHair, releasedProp, props, releasedJewel, releasedEdge, releasedEdgeNoProp));

    assertThat(jewelBefore).as("truth jewelry the plain margin leaves not fully protected").isZero();
    assertThat(releasedJewel).as("released truth-jewelry pixels").isZero();
    assertThat(releasedEdgeNoProp).as("released truth edge pixels where no prop shows").isZero();
    assertThat(jewelAfter).as("truth jewelry not fully protected").isEqualTo(jewelBefore);
  }
}
