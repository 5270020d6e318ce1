// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import java.util.Objects;
import loupe.engine.Progress;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.alg.props.PropConfig;
import loupe.engine.alg.props.PropDetector;
import loupe.engine.alg.segment.ProductSegmenter;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Loupe's own cues veto what a salient-object model selects but is clearly not jewelry. ISNet
 * decides <em>what the object is</em> at its 1024² scale, and it also selects props that stand out
 * from the sweep (an acrylic block, putty). The classical pipeline knows the studio: it floods the
 * sweep, and its prop detector recognises a prop body by its tint and its shadow by the sweep's
 * light it removes. The model's alpha is kept only
 *
 * <ol>
 *   <li>within {@code reach} px of what the classical segmenter keeps (so sweep, a ring's opening,
 *       hair and dust far from the piece are dropped; the reach lets the model's outline, not the
 *       classical one, decide the edge), and
 *   <li>off what the prop detector, given the classical mask as the product, marks as a prop or
 *       its shadow.
 * </ol>
 *
 * Both vetoes are 0/65535 masks, so the model's soft edge is kept where it is not vetoed. A better
 * classical segmenter or prop detector improves the fused mask with no change here.
 */
final class ClassicalVeto {
  private ClassicalVeto() {}

  /**
   * @param image the shot; Not modified
   * @param model the model's mask, 65535 = jewelry; Not modified
   * @param classical the model-free segmenter whose mask bounds the model's
   * @param props the prop detector's parameters (its guard radius keeps props off the classical mask)
   * @param reach px (of the shot) around the classical mask where the model's alpha is kept
   * @param longSide the veto is decided on the shot reduced to at most this long side ({@link VetoScale})
   * @return a new mask: model × [within reach of classical] × (1 − props)
   */
  static GrayU16 apply(Planar image, GrayU16 model, ProductSegmenter classical, PropConfig props, double reach,
      int longSide, Progress progress) {
    ImageChecks.sameSize(image, model);
    Objects.requireNonNull(classical, "classical");
    int factor = VetoScale.factor(image.width, image.height, longSide);
    Planar shot = factor == 1 ? image : VetoScale.reduce(image, factor);
    GrayU16 cues = classical.segment(shot, progress);
    progress.checkCancelled();
    GrayU16 keep = MaskOps.expand(cues, reach / factor, null);
    GrayU16 prop = propsOf(shot, cues, props, progress);
    if (prop != null) {
      MaskOps.subtract(keep, prop, keep);
    }
    return MaskOps.intersect(model, factor == 1 ? keep : VetoScale.enlarge(keep, factor, image.width, image.height),
        null);
  }

  /** The prop detector's mask, or null when the shot leaves too little sweep to fit (as in the recipes). */
  private static GrayU16 propsOf(Planar image, GrayU16 product, PropConfig props, Progress progress) {
    try {
      return PropDetector.detect(image, product, props, progress);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
