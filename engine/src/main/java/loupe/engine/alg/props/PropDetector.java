// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.props;

import loupe.engine.Progress;
import loupe.engine.alg.props.impl.FullResolutionMask;
import loupe.engine.alg.props.impl.PropRegions;
import loupe.engine.alg.props.impl.ReducedShot;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Finds the props that hold a piece up (putty, acrylic blocks, stands) and their shadows and
 * reflections on a studio sweep, so that a clean background can leave them out. The result is
 * meant as the {@code exclude} mask of the sweep fit; it never covers the product, nor a guard band
 * around it.
 *
 * <p>Regions are decided on a reduced work image ({@link PropRegions}): a prop body is a large
 * region whose colour departs from the sweep's (a shadow only scales the sweep's light; a
 * material tints it), and the deviations connected to a body are the prop's own shadow or
 * reflection where they are nearer to it than to the product (whose contact shadow is kept). The
 * outline is then found at full resolution ({@link FullResolutionMask}).
 */
public final class PropDetector {
  private PropDetector() {}

  /**
   * @param image the shot, sRGB document values, 1 or more bands; Not modified
   * @param productMask P, 65535 = jewelry (soft edges allowed); Not modified
   * @return 65535 on a prop body or the prop's shadow or reflection, 0 elsewhere; 0 wherever P
   *     &gt; 0 and within {@code cfg.guardRadius()} of it
   * @throws IllegalArgumentException when the sizes differ or too little background is left to fit
   *     the sweep
   */
  public static GrayU16 detect(Planar image, GrayU16 productMask, PropConfig cfg, Progress progress) {
    ImageChecks.sameSize(image, productMask);
    int factor = ReducedShot.factorFor(image.width, image.height, cfg.workLongSide());
    ReducedShot shot = ReducedShot.of(image, productMask, factor, progress);
    progress.report("find props", 0.3);
    PropRegions regions = PropRegions.find(shot, cfg, progress);
    progress.report("find props", 0.6);
    GrayU16 out = FullResolutionMask.render(regions.prop(), shot, regions.surface(), regions.gainThreshold(), image,
        productMask, cfg.margin(), cfg.guardRadius(), progress);
    progress.report("find props", 1.0);
    return out;
  }
}
