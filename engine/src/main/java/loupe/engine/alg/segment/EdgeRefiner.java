// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.stream.IntStream;
import loupe.engine.Progress;
import loupe.engine.alg.mask.impl.BinaryDilation;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Turns the coarse work-resolution decision into the full-resolution soft mask. Away from the
 * outline the coarse answer stands (65535 or 0). In a band around it each pixel gets a matting
 * estimate in the spirit of Bayesian matting (Chuang et al., CVPR 2001) reduced to one line: with
 * B the local background colour (normalised convolution of the confident background, Knutsson
 * &amp; Westin, CVPR 1993) and d = max_c |I_c − B_c|, alpha = d / (s · max(d over the
 * neighbourhood)). The neighbourhood maximum stands in for the pure jewelry colour; as it is often
 * a specular highlight, far from the typical metal colour, the share s &lt; 1 of it already counts
 * as full jewelry. Pixels within the noise of the background get 0, so the loose coarse outline
 * is trimmed back to the piece.
 */
final class EdgeRefiner {
  /** Below this share of background weight in the window the local background falls back to the sweep model. */
  private static final float MIN_BACKGROUND_WEIGHT = 0.05f;

  private EdgeRefiner() {}

  /**
   * @param image the shot; Not modified
   * @param work its reduction; Not modified
   * @param local the local background on the work grid ({@link #localBackground}); Not modified
   * @param jewelry the coarse decision (work size); Not modified
   * @param sigma the whole noise of one full-resolution pixel, in levels (not only its finest part)
   */
  static GrayU16 refine(Planar image, WorkImage work, Plane[] local, boolean[] jewelry, double sigma,
      SegmentConfig cfg, Progress progress) {
    int w = work.width;
    int h = work.height;
    int band = cfg.edgeBand();
    boolean[] inBand = band == 0 ? new boolean[w * h] : BinaryMorphology.and(
        BinaryDilation.square(jewelry, w, h, band),
        BinaryMorphology.invert(BinaryMorphology.erode(jewelry, w, h, band)));
    boolean[] considered = BinaryMorphology.or(jewelry, inBand);
    return new Pass(image, work, local, jewelry, inBand, considered, cfg.noiseSigmas() * sigma,
        cfg.edgePeakShare()).run(progress);
  }

  /** Normalised convolution of the work image over the background eroded by one pixel. */
  static Plane[] localBackground(WorkImage work, Plane[] sweep, boolean[] jewelry, int radius) {
    int w = work.width;
    int h = work.height;
    boolean[] confident = BinaryMorphology.erode(BinaryMorphology.invert(jewelry), w, h, 1);
    Plane weight = new Plane(w, h);
    for (int i = 0; i < confident.length; i++) {
      weight.data()[i] = confident[i] ? 1 : 0;
    }
    Plane weightSum = BoxFilter.mean(weight, radius);
    Plane[] out = new Plane[work.channels.length];
    for (int c = 0; c < out.length; c++) {
      Plane masked = new Plane(w, h);
      for (int i = 0; i < confident.length; i++) {
        masked.data()[i] = confident[i] ? work.channels[c].data()[i] : 0;
      }
      Plane sum = BoxFilter.mean(masked, radius);
      for (int i = 0; i < confident.length; i++) {
        float ws = weightSum.data()[i];
        sum.data()[i] = ws >= MIN_BACKGROUND_WEIGHT ? sum.data()[i] / ws : sweep[c].data()[i];
      }
      out[c] = sum;
    }
    return out;
  }

  /** One full-resolution sweep over the rows, keeping 2ρ+1 rows of deviations in a ring. */
  private static final class Pass {
    private final Planar image;
    private final WorkImage work;
    private final Plane[] local;
    private final boolean[] jewelry;
    private final boolean[] inBand;
    private final boolean[] considered;
    private final double floor;
    private final double peakShare;
    private final int rho;
    private final int[] x0;
    private final int[] x1;
    private final float[] wx;

    Pass(Planar image, WorkImage work, Plane[] local, boolean[] jewelry, boolean[] inBand, boolean[] considered,
        double floor, double peakShare) {
      this.image = image;
      this.work = work;
      this.local = local;
      this.jewelry = jewelry;
      this.inBand = inBand;
      this.considered = considered;
      this.floor = floor;
      this.peakShare = peakShare;
      this.rho = work.fullPx(1);
      int fw = image.width;
      x0 = new int[fw];
      x1 = new int[fw];
      wx = new float[fw];
      for (int x = 0; x < fw; x++) {
        double u = work.coordinate(x);
        int lo = (int) Math.floor(u);
        wx[x] = (float) Math.min(1, Math.max(0, u - lo));
        x0[x] = Math.max(0, Math.min(work.width - 1, lo));
        x1[x] = Math.max(0, Math.min(work.width - 1, lo + 1));
      }
    }

    /** Horizontal strips, one per core, each with its own ring; they write disjoint rows, so the result does not depend on scheduling. */
    GrayU16 run(Progress progress) {
      int fh = image.height;
      GrayU16 out = new GrayU16(image.width, fh);
      int strips = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), fh / 64));
      IntStream.range(0, strips).parallel().forEach(k -> rows(out, k * fh / strips, (k + 1) * fh / strips,
          k == 0 ? progress : Progress.NONE, progress));
      return out;
    }

    /** Rows [from, to) of the mask; {@code reporter} receives progress, {@code progress} is asked for cancellation. */
    private void rows(GrayU16 out, int from, int to, Progress reporter, Progress progress) {
      int fw = image.width;
      int fh = image.height;
      float[][] ring = new float[2 * rho + 1][fw];
      float[] rowMax = new float[fw];
      for (int y = Math.max(0, from - rho) - rho; y < to; y++) {
        int ahead = y + rho;
        if (ahead >= 0 && ahead < fh) {
          deviations(ahead, ring[Math.floorMod(ahead, ring.length)]);
        }
        if (y < from) {
          continue;
        }
        if (y % 64 == 0) {
          progress.checkCancelled();
          reporter.report("segment: edges", (double) (y - from) / (to - from));
        }
        int yw = work.row(y);
        int outRow = y * fw;
        boolean rowHasBand = false;
        for (int xw = 0; xw < work.width && !rowHasBand; xw++) {
          rowHasBand = inBand[yw * work.width + xw];
        }
        if (rowHasBand) {
          columnMax(ring, y, fh, rowMax);
        }
        for (int x = 0; x < fw; x++) {
          int iw = yw * work.width + work.column(x);
          int alpha;
          if (!inBand[iw]) {
            alpha = jewelry[iw] ? 65535 : 0;
          } else {
            float d = ring[Math.floorMod(y, ring.length)][x];
            float dmax = windowMax(rowMax, x);
            alpha = d < floor || dmax <= 0 ? 0 : (int) Math.round(65535.0 * Math.min(1.0, d / (peakShare * dmax)));
          }
          out.data[outRow + x] = (short) alpha;
        }
      }
    }

    /** d = max_c |I_c − B_c| for every pixel of row y whose work pixel is jewelry or band, else 0. */
    private void deviations(int y, float[] dst) {
      double v = work.coordinate(y);
      int lo = (int) Math.floor(v);
      float wy = (float) Math.min(1, Math.max(0, v - lo));
      int y0 = Math.max(0, Math.min(work.height - 1, lo)) * work.width;
      int y1 = Math.max(0, Math.min(work.height - 1, lo + 1)) * work.width;
      int yw = work.row(y);
      for (int x = 0; x < image.width; x++) {
        if (!considered[yw * work.width + work.column(x)]) {
          dst[x] = 0;
          continue;
        }
        float worst = 0;
        for (int c = 0; c < local.length; c++) {
          float[] b = local[c].data();
          float top = b[y0 + x0[x]] + wx[x] * (b[y0 + x1[x]] - b[y0 + x0[x]]);
          float bottom = b[y1 + x0[x]] + wx[x] * (b[y1 + x1[x]] - b[y1 + x0[x]]);
          float bg = top + wy * (bottom - top);
          GrayU16 band = image.bands[c];
          float value = (band.data[band.startIndex + y * band.stride + x] & 0xFFFF) / 257f;
          worst = Math.max(worst, Math.abs(value - bg));
        }
        dst[x] = worst;
      }
    }

    /** Per column, the max of d over rows y−ρ..y+ρ (clipped to the frame). */
    private void columnMax(float[][] ring, int y, int fh, float[] dst) {
      java.util.Arrays.fill(dst, 0);
      for (int yy = Math.max(0, y - rho); yy <= Math.min(fh - 1, y + rho); yy++) {
        float[] r = ring[Math.floorMod(yy, ring.length)];
        for (int x = 0; x < dst.length; x++) {
          dst[x] = Math.max(dst[x], r[x]);
        }
      }
    }

    private float windowMax(float[] colMax, int x) {
      float best = 0;
      for (int k = Math.max(0, x - rho); k <= Math.min(colMax.length - 1, x + rho); k++) {
        best = Math.max(best, colMax[k]);
      }
      return best;
    }
  }
}
