// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import loupe.engine.alg.mask.LayerMaskSource;
import loupe.engine.alg.mask.LayerShape;
import loupe.engine.image.GrayU16;
import loupe.psd.MaskPlane;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loupe protects a vector-masked layer by its own rasterisation of the path (× the pixel mask), and
 * psd-io composites the file by the rendering Photoshop stored beside the path. The written picture
 * is checked at every pixel Loupe protects, so wherever Loupe's masks are fully on, Photoshop's
 * rendering must be too, or a job would be refused for a background showing through a protected
 * pixel. Measured on the 13 corpus layers with a stored rendering: never once otherwise; at
 * anti-aliased edges the two differ by up to 36 levels, and Photoshop calls up to 80 more pixels full.
 * {@link StoredMaskCheck}, which sets aside a rendering its path contradicts, keeps every one of them.
 */
class StoredMaskRenderingTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"oovpsd__masks-vector-masks.psd", "psdtools__layer-mask-data.psd",
      "psdtools__fill-and-adjustment-layers.psd", "psdtools__empty-layer.psd", "psdrb__vector-path.psd",
      "psdtools__hidden-layer.psb", "agpsd-tests__vector-layer.psd"})
  void photoshop_renders_fully_on_wherever_loupe_protects_fully(String file) throws Exception {
    PsdDocument doc = PsdReader.read(Path.of(System.getProperty("loupe.shared"), "psd-corpus", file));
    List<PsdLayer> rendered = doc.layers().stream()
        .filter(l -> l.vectorMaskRendering() != null && !l.vectorMaskRendering().disabled()).toList();
    StoredMaskCheck.setAsideStale(doc);
    int layers = 0;
    for (PsdLayer l : rendered) {
      MaskPlane stored = l.vectorMaskRendering();
      assertThat(stored).as("%s, layer '%s': kept by the check", file, l.name()).isNotNull();
      LayerShape shape = PsdPixels.shape(l, doc.width(), doc.height());
      GrayU16 ours = LayerMaskSource.productMask(new LayerShape(shape.bounds(), null, shape.userMask(),
          shape.vectorMask()), doc.width(), doc.height(), null);
      GrayU16 rendering = PsdPixels.decode(stored.channel());
      long full = 0;
      for (int y = Math.max(0, l.top()); y < Math.min(doc.height(), l.bottom()); y++) {
        for (int x = Math.max(0, l.left()); x < Math.min(doc.width(), l.right()); x++) {
          int mx = x - stored.left();
          int my = y - stored.top();
          boolean inside = mx >= 0 && my >= 0 && mx < stored.width() && my < stored.height();
          int photoshop = inside ? rendering.get(mx, my) : stored.defaultColor() * 257;
          if (ours.get(x, y) == 65535) {
            assertThat(photoshop).as("%s, layer '%s' at (%d, %d)", file, l.name(), x, y).isEqualTo(65535);
            full++;
          }
        }
      }
      layers += full > 0 ? 1 : 0;
    }
    assertThat(layers).as("layers with fully protected pixels").isPositive();
  }
}
