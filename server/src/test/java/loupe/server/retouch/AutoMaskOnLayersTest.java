// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A layered document retouched with a protection that reaches beyond the jewelry layer (an
 * automatic mask's margin): where the layer does not cover fully, the layers beneath show through,
 * so a replaced background must leave them visible there. Quick or Pro with a clean or white
 * background and {@code --mask auto} on the example was refused by the guard ("the result would
 * change 47,449 of 90,565 protected jewelry pixels").
 */
class AutoMaskOnLayersTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("loupe.root"), "examples/solitaire.psd");

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({"quick, clean", "pro, white"})
  void a_replaced_background_keeps_what_the_margin_protects_as_shot(String recipe, String background)
      throws Exception {
    RetouchRequest request = RetouchRequest.of(recipe, background, null, null, null, null, null, "auto:classical");
    FileOutcome o = new RetouchService().retouchFile(EXAMPLE, tmp.resolve(recipe), request, Progress.NONE);
    assertThat(o.result().fidelity().bitExact()).isTrue();
    PsdDocument in = PsdReader.read(EXAMPLE);
    PsdDocument out = PsdReader.read(o.output());
    GrayU16 protection = o.productMask();
    PsdLayer jewelry = in.layers().stream().filter(l -> l.name().equals("Jewelry")).findFirst().orElseThrow();
    byte[] alpha = jewelry.channel(PsdChannel.TRANSPARENCY).decoded();
    byte[][] before = new byte[3][];
    byte[][] after = new byte[3][];
    for (int c = 0; c < 3; c++) {
      before[c] = in.composite().get(c).decoded();
      after[c] = out.composite().get(c).decoded();
    }
    long beyond = 0;
    for (int y = 0; y < protection.height; y++) {
      for (int x = 0; x < protection.width; x++) {
        boolean covered = x >= jewelry.left() && x < jewelry.right() && y >= jewelry.top() && y < jewelry.bottom()
            && (alpha[(y - jewelry.top()) * jewelry.width() + x - jewelry.left()] & 0xFF) == 255;
        if (protection.get(x, y) == 65535 && !covered) {
          beyond++;
          for (int c = 0; c < 3; c++) {
            assertThat(after[c][y * protection.width + x]).as("composite band %d at (%d, %d)", c, x, y)
                .isEqualTo(before[c][y * protection.width + x]);
          }
        }
      }
    }
    assertThat(beyond).as("fully protected pixels the jewelry layer does not cover").isGreaterThan(10_000);
  }
}
