// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.mask;

import loupe.engine.alg.mask.impl.GaussianKernel;
import loupe.engine.alg.mask.impl.ImplDistanceTransform;
import loupe.engine.alg.mask.impl.ImplGaussianFeather;
import loupe.engine.alg.mask.impl.ImplGuidedFilter;
import loupe.engine.alg.mask.impl.ImplMaskPixels;
import loupe.engine.alg.mask.impl.ImplMaskPixels.Blend;
import loupe.engine.alg.mask.impl.MaskMath;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Rect;

/**
 * Mask algebra and refinement. Masks are single-band {@link GrayU16}, 65535 = fully selected;
 * the algebra treats a sample v as v/65535 and rounds every product to the nearest integer
 * (exact: A·65535 = A, A·0 = 0, invert(invert(A)) = A). Outputs may be null (allocated) and
 * may be one of the inputs unless stated otherwise.
 */
public final class MaskOps {
  /** The largest radius {@link #inscribedRadius} reports: its square still fits an int. */
  public static final int MAX_INSCRIBED_RADIUS = 46_340;

  private MaskOps() {}

  /**
   * Intersection A·B (Multiply).
   *
   * @param a Not modified
   * @param b Not modified
   * @param output Modified, or null
   */
  public static GrayU16 intersect(GrayU16 a, GrayU16 b, GrayU16 output) {
    return blend(a, b, output, Blend.INTERSECT);
  }

  /**
   * Subtraction A·(1 − B).
   *
   * @param a Not modified
   * @param b Not modified
   * @param output Modified, or null
   */
  public static GrayU16 subtract(GrayU16 a, GrayU16 b, GrayU16 output) {
    return blend(a, b, output, Blend.SUBTRACT);
  }

  /**
   * Union A + B − A·B (Screen).
   *
   * @param a Not modified
   * @param b Not modified
   * @param output Modified, or null
   */
  public static GrayU16 add(GrayU16 a, GrayU16 b, GrayU16 output) {
    return blend(a, b, output, Blend.ADD);
  }

  /**
   * Pixels of {@code mask} above zero: how much a mask selects at all.
   *
   * @param mask Not modified
   */
  public static long selectedPixels(GrayU16 mask) {
    long n = 0;
    for (int y = 0; y < mask.height; y++) {
      int row = mask.startIndex + y * mask.stride;
      for (int x = 0; x < mask.width; x++) {
        n += mask.data[row + x] != 0 ? 1 : 0;
      }
    }
    return n;
  }

  /**
   * The pixels {@code mask} selects fully (65535), as a hard mask: what "jewelry pixels" means for the
   * fidelity promise.
   *
   * @param mask Not modified
   * @param output Modified, or null
   */
  public static GrayU16 fully(GrayU16 mask, GrayU16 output) {
    output = ImageChecks.reshape(output, mask.width, mask.height);
    for (int y = 0; y < mask.height; y++) {
      for (int x = 0; x < mask.width; x++) {
        output.set(x, y, mask.get(x, y) == 65535 ? 65535 : 0);
      }
    }
    return output;
  }

  /**
   * The radius of the largest disk inside the pixels of {@code mask} at or above {@code threshold}
   * (1..65535): the largest Euclidean distance from such a pixel to one below it. Outside the frame
   * does not count as below; 0 when no pixel, or every pixel, is at or above the threshold. Exact
   * up to {@link #MAX_INSCRIBED_RADIUS} px, reported as that beyond (squared distances are ints).
   *
   * @param mask Not modified
   */
  public static double inscribedRadius(GrayU16 mask, int threshold) {
    if (threshold < 1 || threshold > MaskMath.FULL) {
      throw new IllegalArgumentException("threshold must be in 1..65535, got " + threshold);
    }
    int cap = (int) Math.min(MAX_INSCRIBED_RADIUS, Math.ceil(Math.hypot(mask.width, mask.height)));
    int[] d2 = ImplDistanceTransform.squaredDistance(mask, Rect.ofSize(mask.width, mask.height), 0, threshold - 1, cap);
    int best = 0;
    boolean anyBelow = false;
    for (int y = 0; y < mask.height; y++) {
      int row = mask.startIndex + y * mask.stride;
      for (int x = 0; x < mask.width; x++) {
        if ((mask.data[row + x] & 0xFFFF) >= threshold) {
          best = Math.max(best, d2[y * mask.width + x]);
        } else {
          anyBelow = true;
        }
      }
    }
    return anyBelow ? Math.min(MAX_INSCRIBED_RADIUS, Math.sqrt(best)) : 0;
  }

  /**
   * Inversion 1 − A.
   *
   * @param a Not modified
   * @param output Modified, or null
   */
  public static GrayU16 invert(GrayU16 a, GrayU16 output) {
    output = ImageChecks.reshape(output, a.width, a.height);
    ImplMaskPixels.invert(a, output);
    return output;
  }

  private static GrayU16 blend(GrayU16 a, GrayU16 b, GrayU16 output, Blend blend) {
    ImageChecks.sameSize(a, b);
    output = ImageChecks.reshape(output, a.width, a.height);
    ImplMaskPixels.blend(a, b, output, blend);
    return output;
  }

  /**
   * Feather: a Gaussian blur of standard deviation {@code sigma} pixels, separable, in integer
   * arithmetic with weights summing to 2¹⁶ (a constant mask stays exactly constant, the border
   * included).
   *
   * @param mask Not modified
   * @param output Modified, or null
   */
  public static GrayU16 feather(GrayU16 mask, double sigma, BorderType border, GrayU16 output) {
    GaussianKernel kernel = GaussianKernel.of(sigma);
    output = ImageChecks.reshape(output, mask.width, mask.height);
    ImplGaussianFeather.blur(mask, output, kernel, border);
    return output;
  }

  /**
   * Expand by {@code radius} pixels: every pixel whose centre lies within Euclidean distance
   * {@code radius} of a pixel with P &gt; 0 becomes 65535; other pixels keep their value. The
   * distance is exact (Felzenszwalb–Huttenlocher transform of the binarised support P &gt; 0).
   * Binarising at P &gt; 0 rather than filtering the soft values with a disk (a grey-level
   * dilation) is the conservative choice for a protection mask: anything the product touches, plus
   * the margin, is protected, and it costs O(1) per pixel at any radius. With radius 0 it
   * binarises the support. The canvas border is not an edge of the product.
   *
   * @param mask Not modified
   * @param output Modified, or null
   */
  public static GrayU16 expand(GrayU16 mask, double radius, GrayU16 output) {
    return morph(mask, radius, 1, MaskMath.FULL, MaskMath.FULL, output);
  }

  /**
   * Contract by {@code radius} pixels, the exact dual of {@link #expand}: contract(P, r) =
   * invert(expand(invert(P), r)). Pixels within {@code radius} of any pixel with P &lt; 65535
   * become 0; the rest keep their value (so radius 0 keeps only the fully selected core).
   *
   * @param mask Not modified
   * @param output Modified, or null
   */
  public static GrayU16 contract(GrayU16 mask, double radius, GrayU16 output) {
    return morph(mask, radius, 0, MaskMath.FULL - 1, 0, output);
  }

  /**
   * Bounding box of the pixels &gt; 0 (right/bottom exclusive); an empty rectangle at the origin
   * when there are none.
   *
   * @param mask Not modified
   */
  public static Rect support(GrayU16 mask) {
    int x0 = mask.width;
    int y0 = mask.height;
    int x1 = 0;
    int y1 = 0;
    for (int y = 0; y < mask.height; y++) {
      int row = mask.startIndex + y * mask.stride;
      for (int x = 0; x < mask.width; x++) {
        if (mask.data[row + x] != 0) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x + 1);
          y0 = Math.min(y0, y);
          y1 = y + 1;
        }
      }
    }
    return x1 <= x0 ? new Rect(0, 0, 0, 0) : new Rect(x0, y0, x1, y1);
  }

  /**
   * The guard band: 65535 on pixels within {@code radius} of the product (P &gt; 0) but not in
   * it (P == 0), 0 elsewhere. Background sampling excludes it so that no fill copies jewelry
   * colour from the anti-aliased rim or a reflection just outside the mask.
   *
   * @param product Not modified
   * @param output Modified, or null; must not be {@code product}
   */
  public static GrayU16 guardBand(GrayU16 product, double radius, GrayU16 output) {
    checkRadius(radius);
    output = ImageChecks.reshape(output, product.width, product.height);
    if (output.data == product.data) {
      throw new IllegalArgumentException("guard band output must not share the product's array");
    }
    output.fill(0);
    Rect region = seedRegion(product, 1, MaskMath.FULL, radius);
    if (region.isEmpty()) {
      return output;
    }
    int[] d2 = distances(product, region, 1, MaskMath.FULL, radius);
    double r2 = radius * radius;
    int w = region.width();
    for (int y = 0; y < region.height(); y++) {
      int src = product.startIndex + (region.top() + y) * product.stride + region.left();
      int dst = output.startIndex + (region.top() + y) * output.stride + region.left();
      for (int x = 0; x < w; x++) {
        boolean ring = product.data[src + x] == 0 && d2[y * w + x] <= r2;
        output.data[dst + x] = (short) (ring ? MaskMath.FULL : 0);
      }
    }
    return output;
  }

  /**
   * Edge-aware refine for thin structures (chains, prongs): the guided filter of the mask with
   * the image as guide at full resolution (He, Sun, Tang, TPAMI 2013), which snaps soft mask
   * edges to image edges and keeps 2-px links that a blur would erase. <b>Invariant:</b> it never
   * lowers a pixel where the input mask is 65535 — the protected core stays protected; only the
   * soft and empty parts change. The work is cropped to the mask's support plus 4 radii (outside it
   * the filter is exactly 0).
   *
   * @param mask Not modified
   * @param guide Not modified: a gray rendering of the image, e.g. its luminance
   * @param radius window radius in pixels (≥ 1)
   * @param epsilon regulariser ε on [0,1]-scaled values
   * @param output Modified, or null; must not be {@code mask}
   */
  public static GrayU16 refineEdges(GrayU16 mask, GrayU16 guide, int radius, double epsilon, GrayU16 output) {
    ImageChecks.sameSize(mask, guide);
    if (radius < 1 || radius > MaskConfig.MAX_PIXELS) {
      throw new IllegalArgumentException("guided filter radius must be in 1.." + MaskConfig.MAX_PIXELS + ", got " + radius);
    }
    if (!(epsilon > 0) || epsilon > 1) {
      throw new IllegalArgumentException("guided filter epsilon must be in (0, 1], got " + epsilon);
    }
    output = ImageChecks.reshape(output, mask.width, mask.height);
    if (output.data == mask.data) {
      throw new IllegalArgumentException("edge refine output must not share the mask's array");
    }
    output.fill(0);
    Rect support = ImplMaskPixels.bounds(mask, 1, MaskMath.FULL);
    if (!support.isEmpty()) {
      Rect region = support.grow(4 * radius, Rect.ofSize(mask.width, mask.height));
      ImplGuidedFilter.filter(mask, guide, region, radius, epsilon, output);
      ImplMaskPixels.keepCore(mask, output);
    }
    return output;
  }

  /**
   * The configured refinement: edge refine (needs {@code guide}), then expand or contract, then
   * feather. Every pixel that is 65535 after the expand/contract step is 65535 in the result;
   * without a contraction that includes every pixel where {@code product} is 65535.
   *
   * @param product Not modified
   * @param guide Not modified; may be null when the edge refine is off
   * @param output Modified, or null; must not be {@code product}
   */
  public static GrayU16 refine(GrayU16 product, GrayU16 guide, MaskConfig config, GrayU16 output) {
    output = ImageChecks.reshape(output, product.width, product.height);
    if (config.edgeRadius() > 0) {
      if (guide == null) {
        throw new IllegalArgumentException("edge refine (radius " + config.edgeRadius() + ") needs a guide image");
      }
      refineEdges(product, guide, config.edgeRadius(), config.edgeEpsilon(), output);
    } else {
      if (output.data == product.data) {
        throw new IllegalArgumentException("refine output must not share the product's array");
      }
      output.setTo(product);
    }
    if (config.expandRadius() > 0) {
      expand(output, config.expandRadius(), output);
    } else if (config.expandRadius() < 0) {
      contract(output, -config.expandRadius(), output);
    }
    if (config.featherSigma() > 0) {
      GrayU16 core = output.copy();
      feather(core, config.featherSigma(), config.border(), output);
      ImplMaskPixels.keepCore(core, output);
    }
    return output;
  }

  /** Pixels within {@code radius} of a seed (value in [lo, hi]) get {@code value}; others keep theirs. */
  private static GrayU16 morph(GrayU16 mask, double radius, int lo, int hi, int value, GrayU16 output) {
    checkRadius(radius);
    output = ImageChecks.reshape(output, mask.width, mask.height);
    Rect region = seedRegion(mask, lo, hi, radius);
    int[] d2 = region.isEmpty() ? new int[0] : distances(mask, region, lo, hi, radius);
    if (output.data != mask.data || output.startIndex != mask.startIndex || output.stride != mask.stride) {
      output.setTo(mask);
    }
    double r2 = radius * radius;
    int w = region.width();
    for (int y = 0; y < region.height(); y++) {
      int dst = output.startIndex + (region.top() + y) * output.stride + region.left();
      for (int x = 0; x < w; x++) {
        if (d2[y * w + x] <= r2) {
          output.data[dst + x] = (short) value;
        }
      }
    }
    return output;
  }

  /** The seeds' bounding box grown by the radius: no pixel outside it is within reach. */
  private static Rect seedRegion(GrayU16 mask, int lo, int hi, double radius) {
    Rect seeds = ImplMaskPixels.bounds(mask, lo, hi);
    return seeds.isEmpty() ? seeds : seeds.grow((int) Math.ceil(radius), Rect.ofSize(mask.width, mask.height));
  }

  private static int[] distances(GrayU16 mask, Rect region, int lo, int hi, double radius) {
    return ImplDistanceTransform.squaredDistance(mask, region, lo, hi, (int) Math.floor(radius) + 1);
  }

  private static void checkRadius(double radius) {
    if (!(radius >= 0) || radius > MaskConfig.MAX_PIXELS) {
      throw new IllegalArgumentException("radius must be in 0.." + MaskConfig.MAX_PIXELS + " px, got " + radius);
    }
  }
}
