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
    GrayU16 nonSample =
        union(productMask, exclude == null ? null : grow(EnclosedHoles.fill(exclude), cfg.excludeGrow()));
    SweepModel model = SweepFitter.fit(image, nonSample, cfg.degreeY(), cfg.crossTerms(), cfg.maxVignette(), progress);
    Planar background = BackgroundRenderer.render(model, cfg, progress);
    ContactShadow.Layers shadow = ContactShadow.extract(image, productMask, nonSample, model, cfg, progress);
    return new CleanBackground(background, shadow.layer(), shadow.mask(), model);
  }

  /** Same as {@link #sweep} with {@link Progress#NONE}. */
  public static CleanBackground sweep(Planar image, GrayU16 productMask, GrayU16 exclude, SweepConfig cfg) {
    return sweep(image, productMask, exclude, cfg, Progress.NONE);
  }

  private static GrayU16 union(GrayU16 a, GrayU16 b) {
    GrayU16 out = a.copy();
    if (b == null) {
      return out;
    }
    for (int y = 0; y < a.height; y++) {
      for (int x = 0; x < a.width; x++) {
        int i = y * out.stride + x;
        int v = b.data[b.startIndex + y * b.stride + x] & 0xFFFF;
        if (v > (out.data[i] & 0xFFFF)) {
          out.data[i] = (short) v;
        }
      }
    }
    return out;
  }

  /** Pixels within {@code radius} (chamfer) of an exclude pixel, as 65535. */
  private static GrayU16 grow(GrayU16 exclude, int radius) {
    GrayU16 out = new GrayU16(exclude.width, exclude.height);
    int cap = ChamferDistance.UNIT * radius + 1;
    int[] distance = new int[exclude.width * exclude.height];
    ChamferDistance.compute(exclude, 0, exclude.height, cap, distance);
    for (int i = 0; i < distance.length; i++) {
      out.data[i] = (short) (distance[i] < cap ? 65535 : 0);
    }
    return out;
  }
}
