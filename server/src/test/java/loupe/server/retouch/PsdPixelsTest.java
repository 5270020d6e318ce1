// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.engine.alg.mask.LayerMaskSource;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
import loupe.psd.LayerMask;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import org.junit.jupiter.api.Test;

/**
 * What a layer's masks let show, on the layer's own bounds, agrees with the product-mask source
 * (transparency × user mask × vector mask, over the document) on a corpus file written by
 * Photoshop, for every enabled and disabled combination of the two masks.
 */
class PsdPixelsTest {
  @Test
  void masks_at_the_layer_match_the_product_mask_source() throws Exception {
    Path file = Path.of(System.getProperty("loupe.shared"), "psd-corpus/oovpsd__masks-vector-masks.psd");
    PsdDocument doc = PsdReader.read(file);
    int checked = 0;
    for (PsdLayer l : doc.layers()) {
      if (!ProtectedLayerRule.isPixelLayer(l)) {
        continue;
      }
      LayerShape shape = PsdPixels.shape(l, doc.width(), doc.height());
      GrayU16 oracle = LayerMaskSource.productMask(new LayerShape(shape.bounds(), null, shape.userMask(),
          shape.vectorMask()), doc.width(), doc.height(), null);
      GrayU16 masks = PsdPixels.masksAtLayer(l, doc.width(), doc.height());
      Rect on = PsdPixels.bounds(l).intersect(Rect.ofSize(doc.width(), doc.height()));
      for (int y = on.top(); y < on.bottom(); y++) {
        for (int x = on.left(); x < on.right(); x++) {
          int at = masks == null ? 65535 : masks.get(x - l.left(), y - l.top());
          assertThat(at).as("%s at (%d, %d)", l.name(), x, y).isEqualTo(oracle.get(x, y));
        }
      }
      checked++;
    }
    assertThat(checked).isEqualTo(8);
  }

  /** Density (Properties › Density) as Photoshop applies it: a hidden pixel shows by 1 − density, a fully on one as is. */
  @Test
  void a_mask_below_full_density_lets_what_it_hides_show_by_what_the_density_leaves() {
    PsdLayer l = PsdLayer.newPixelLayer("top", 0, 0, 3, 1, 8, new byte[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}, null);
    l.setUserMask(new LayerMask(0, 0, 1, 2, 0, LayerMask.HAS_PARAMETERS, 153, null, null, null, null),
        new byte[] {(byte) 255, 0}, 8);
    GrayU16 masks = PsdPixels.masksAtLayer(l, 3, 1);
    // 60 % density: 0 becomes 40 %, inside the mask's rectangle and in its default colour beyond it.
    assertThat(new int[] {masks.get(0, 0), masks.get(1, 0), masks.get(2, 0)}).containsExactly(65535, 26214, 26214);
  }

  /** A 16-bit mask just short of full stays short of it at any density: the layer does not cover that pixel fully. */
  @Test
  void a_mask_value_short_of_full_stays_short_of_it_at_a_density() {
    PsdLayer l = PsdLayer.newPixelLayer("top", 0, 0, 1, 1, 16, new byte[][] {{0, 1}, {0, 1}, {0, 1}}, null);
    l.setUserMask(new LayerMask(0, 0, 1, 1, 0, LayerMask.HAS_PARAMETERS, 127, null, null, null, null),
        new byte[] {(byte) 0xFF, (byte) 0xFE}, 16);
    assertThat(PsdPixels.masksAtLayer(l, 1, 1).get(0, 0)).isEqualTo(65534);
  }

  /** At 0 % density a mask hides nothing: Photoshop shows the layer as if it were switched off, and so does Loupe. */
  @Test
  void a_mask_at_zero_density_is_taken_as_switched_off() {
    PsdLayer l = PsdLayer.newPixelLayer("top", 0, 0, 2, 1, 8, new byte[][] {{1, 2}, {1, 2}, {1, 2}}, null);
    l.setUserMask(new LayerMask(0, 0, 1, 2, 0, LayerMask.HAS_PARAMETERS, 0, null, null, null, null),
        new byte[] {(byte) 255, 0}, 8);
    assertThat(PsdPixels.masksAtLayer(l, 2, 1)).isNull();
    assertThat(PsdPixels.userMask(l).flags().disabled()).isTrue();
  }
}
