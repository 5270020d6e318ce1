// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

import loupe.engine.Progress;
import loupe.engine.alg.background.impl.BackgroundRenderer;
import loupe.engine.alg.background.impl.ContactShadow;
import loupe.engine.alg.background.impl.EnclosedHoles;
import loupe.engine.alg.background.impl.SweepFitter;
import loupe.engine.alg.denoise.impl.ChamferDistance;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Clean studio backgrounds: a seamless sweep fitted to the shot (or pure white) plus the product's
 * contact shadow as its own Multiply layer. Nothing here writes the product: the result is a layer
 * stack for under the product layer, whose pixels stay as shot wherever P == 65535.
 *
 * <p>The sweep is fitted in linear light (sRGB decoded) to the pixels outside the product and the
 * exclude mask, robustly, with the lens vignette as a separate radial factor; see {@link
 * SweepModel} for how sweep light and vignette are told apart.
 */
public final class CleanBackgroundOps {
  private CleanBackgroundOps() {}

  /**
   * @param image the shot, sRGB document values; Not modified
   * @param productMask P, 65535 = jewelry; never sampled; Not modified
   * @param exclude pixels &gt; 0 are ignored by the fit and by the shadow measurement (props,
   *     their shadows, dust, hairs); null = nothing; Not modified
   */
  public static CleanBackground sweep(Planar image, GrayU16 productMask, GrayU16 exclude, SweepConfig cfg,
      Progress progress) {
    ImageChecks.sameSize(image, productMask);
    if (exclude != null) {
      ImageChecks.sameSize(image, exclude);
    }
    GrayU16 nonSample = productMask.copy();
    if (exclude != null) {
      GrayU16 filled = EnclosedHoles.fill(exclude);
      union(nonSample, grow(filled, cfg.excludeGrow()));
      union(nonSample, guardRing(productMask, filled, cfg.excludeGrow()));
    }
    SweepModel model = SweepFitter.fit(image, nonSample, cfg.degreeY(), cfg.crossTerms(), cfg.maxVignette(), progress);
    Planar background = BackgroundRenderer.render(model, cfg, progress);
    ContactShadow.Layers shadow = ContactShadow.extract(image, productMask, nonSample, model, cfg, progress);
    return new CleanBackground(background, shadow.layer(), shadow.mask(), model);
  }

  /** Same as {@link #sweep} with {@link Progress#NONE}. */
  public static CleanBackground sweep(Planar image, GrayU16 productMask, GrayU16 exclude, SweepConfig cfg) {
    return sweep(image, productMask, exclude, cfg, Progress.NONE);
  }

  /**
   * The narrow strip between the product and an excluded prop: pixels within {@code grow} of P &gt;
   * 0 and within 3·{@code grow} of the exclude mask. A prop detector leaves a guard band next to
   * the product unmarked, and where the prop runs up to a ragged product rim that band shows the
   * prop; measured as contact shadow, its few prop-dark pixels would be spread by the hole fill as
   * a dark halo across the whole excluded prop.
   */
  private static GrayU16 guardRing(GrayU16 productMask, GrayU16 exclude, int grow) {
    GrayU16 nearProduct = grow(productMask, grow);
    GrayU16 nearExclude = grow(exclude, 3 * grow);
    for (int i = 0; i < nearProduct.data.length; i++) {
      if (nearExclude.data[i] == 0) {
        nearProduct.data[i] = 0;
      }
    }
    return nearProduct;
  }

  /** out = max(out, b) per pixel; out is Modified, b Not modified. */
  private static void union(GrayU16 out, GrayU16 b) {
    for (int y = 0; y < out.height; y++) {
      for (int x = 0; x < out.width; x++) {
        int i = out.startIndex + y * out.stride + x;
        int v = b.data[b.startIndex + y * b.stride + x] & 0xFFFF;
        if (v > (out.data[i] & 0xFFFF)) {
          out.data[i] = (short) v;
        }
      }
    }
  }

  /** Pixels within {@code radius} (chamfer) of a pixel of {@code mask} &gt; 0, as 65535. */
  private static GrayU16 grow(GrayU16 mask, int radius) {
    GrayU16 out = new GrayU16(mask.width, mask.height);
    int cap = ChamferDistance.UNIT * radius + 1;
    int[] distance = new int[mask.width * mask.height];
    ChamferDistance.compute(mask, 0, mask.height, cap, distance);
    for (int i = 0; i < distance.length; i++) {
      out.data[i] = (short) (distance[i] < cap ? 65535 : 0);
    }
    return out;
  }
}
