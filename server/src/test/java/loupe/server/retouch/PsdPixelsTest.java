// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.engine.alg.mask.LayerMaskSource;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
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
}
