// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import static loupe.bench.TestImages.image;
import static loupe.bench.TestImages.values;
import static org.assertj.core.api.Assertions.assertThat;

import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

class LumaMaskWorkloadTest {
  @Test
  void the_floor_loop_computes_rec709_luminance_with_the_engines_integer_weights() {
    // Gray keeps its value; pure red: (13933·65535 + 32768) >> 16 = 13933; pure green: 46870; pure blue: 4732.
    Planar rgb = new Planar(image(4, 1, 1234, 65535, 0, 0), image(4, 1, 1234, 0, 65535, 0),
        image(4, 1, 1234, 0, 0, 65535));
    assertThat(values(LumaMaskWorkload.floor(rgb))).containsExactly(1234, 13933, 46870, 4732);
  }
}
