// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.freqsep;

import loupe.engine.alg.freqsep.impl.GaussianBlur;
import loupe.engine.alg.freqsep.impl.PhotoshopMath;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Frequency separation as retouchers build it in Photoshop (retouch-facts.md §5), producing layers
 * that Photoshop's own Linear Light recombines into the original:
 *
 * <ul>
 *   <li>Low = Gaussian Blur with σ = Radius. Photoshop does not publish its kernel; ImageJ's
 *       Gaussian Blur documents that its σ "is the same as in Photoshop", and the reconstruction
 *       below is exact whatever the blur is.
 *   <li>8-bit: High = (I − Low)/2 + 128 (Apply Image: Subtract, Scale 2, Offset 128).
 *   <li>16-bit, on Photoshop's 0..32768: High = (I − Low)/2 + 16384 (Apply Image: Add with Low
 *       inverted, Scale 2, Offset 0).
 * </ul>
 *
 * Reconstruction error: at most 1 level in 8-bit (the halving drops the last bit of I − Low), at
 * most 1/32768 of full scale in 16-bit, i.e. 2 storage units. The integer conventions assumed for
 * Photoshop are listed in {@link PhotoshopMath}.
 */
public final class FrequencySeparation {
  private FrequencySeparation() {}

  /**
   * @param jewelry the layer to separate (document values in 16-bit storage); Not modified
   * @param radius Photoshop's Gaussian Blur radius in pixels (σ), ≥ 0; 0 puts everything in Low
   */
  public static FrequencyLayers split(Planar jewelry, BitDepth depth, double radius) {
    if (!(radius >= 0 && radius <= 1000)) {
      throw new IllegalArgumentException("radius must be in 0..1000 pixels, got " + radius);
    }
    int bands = jewelry.numBands();
    Planar low = Planar.create(bands, jewelry.width, jewelry.height);
    Planar high = Planar.create(bands, jewelry.width, jewelry.height);
    for (int c = 0; c < bands; c++) {
      GrayU16 in = jewelry.bands[c];
      GrayU16 lo = low.bands[c];
      if (radius > 0) {
        GaussianBlur.apply(in, lo, radius);
      } else {
        lo.setTo(in);
      }
      GrayU16 hi = high.bands[c];
      for (int y = 0; y < in.height; y++) {
        int src = in.startIndex + y * in.stride;
        int dst = y * lo.stride;
        for (int x = 0; x < in.width; x++) {
          int image = in.data[src + x] & 0xFFFF;
          int blurred = lo.data[dst + x] & 0xFFFF;
          if (depth == BitDepth.EIGHT) {
            int i8 = depth.fromStorage(image);
            int l8 = depth.fromStorage(blurred);
            lo.data[dst + x] = (short) depth.toStorage(l8);
            hi.data[dst + x] = (short) depth.toStorage(PhotoshopMath.high8(i8, l8));
          } else {
            int l15 = PhotoshopMath.to15(blurred);
            lo.data[dst + x] = (short) PhotoshopMath.to16(l15);
            hi.data[dst + x] = (short) PhotoshopMath.to16(PhotoshopMath.high15(image, l15));
          }
        }
      }
    }
    return new FrequencyLayers(low, high);
  }

  /**
   * What Photoshop shows for High in Linear Light over Low, in Photoshop's integer maths.
   *
   * @param low Not modified
   * @param high Not modified
   * @param output Modified; null allocates
   */
  public static Planar recombine(Planar low, Planar high, BitDepth depth, Planar output) {
    ImageChecks.sameShape(low, high);
    Planar out = ImageChecks.reshape(output, low.numBands(), low.width, low.height);
    for (int c = 0; c < low.numBands(); c++) {
      GrayU16 lo = low.bands[c];
      GrayU16 hi = high.bands[c];
      GrayU16 o = out.bands[c];
      for (int y = 0; y < lo.height; y++) {
        for (int x = 0; x < lo.width; x++) {
          int l = lo.data[lo.index(x, y)] & 0xFFFF;
          int h = hi.data[hi.index(x, y)] & 0xFFFF;
          int v = depth == BitDepth.EIGHT
              ? depth.toStorage(PhotoshopMath.linearLight8(depth.fromStorage(l), depth.fromStorage(h)))
              : PhotoshopMath.to16(PhotoshopMath.linearLight15(PhotoshopMath.to15(l), PhotoshopMath.to15(h)));
          o.data[o.index(x, y)] = (short) v;
        }
      }
    }
    return out;
  }

  /** {@link #recombine(Planar, Planar, BitDepth, Planar)} into a new image. */
  public static Planar recombine(Planar low, Planar high, BitDepth depth) {
    return recombine(low, high, depth, null);
  }
}
