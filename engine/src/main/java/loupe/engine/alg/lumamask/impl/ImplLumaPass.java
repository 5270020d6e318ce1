// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask.impl;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import loupe.engine.alg.lumamask.LumaWeights;
import loupe.engine.alg.lumamask.ToneSource;
import loupe.engine.alg.mask.impl.MaskMath;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * Computes several luminosity masks in one pass over the image: each row's R, G, B are read once,
 * the source rows the masks need (L, min, max − min) are formed once, and every mask is then a
 * table lookup per pixel (its curve is 1-D in its source value, so a 65536-entry table holding the
 * correctly rounded curve is exact), optionally multiplied by the product mask.
 */
public final class ImplLumaPass {
  private ImplLumaPass() {}

  /** One output: the source it reads, its curve table, and whether the product multiplies it. */
  public record Plan(ToneSource source, short[] table, boolean withinProduct) {}

  /** table[v] = round(65535 · f(v / 65535)) with f clamped to [0,1]. */
  public static short[] table(DoubleUnaryOperator curve) {
    short[] table = new short[65536];
    for (int v = 0; v < table.length; v++) {
      table[v] = (short) MaskMath.fromFraction(curve.applyAsDouble(v / 65535.0));
    }
    return table;
  }

  /**
   * @param image Not modified: 1 band (gray) or 3 (R, G, B)
   * @param product Not modified; may be null when no plan is within the product
   * @param outputs Modified: one per plan, image-sized
   */
  public static void run(Planar image, LumaWeights weights, GrayU16 product, List<Plan> plans, GrayU16[] outputs) {
    int w = image.width;
    boolean gray = image.numBands() == 1;
    boolean needL = !gray && uses(plans, ToneSource.LUMINANCE);
    boolean needMin = !gray && uses(plans, ToneSource.NEUTRAL);
    boolean needChroma = uses(plans, ToneSource.CHROMA);
    short[] lRow = new short[w];
    short[] minRow = new short[w];
    short[] chromaRow = new short[w];
    int wr = weights.redFixed;
    int wg = weights.greenFixed;
    int wb = weights.blueFixed;
    for (int y = 0; y < image.height; y++) {
      GrayU16 r = image.bands[0];
      int ir = r.startIndex + y * r.stride;
      if (!gray) {
        GrayU16 g = image.bands[1];
        GrayU16 b = image.bands[2];
        int ig = g.startIndex + y * g.stride;
        int ib = b.startIndex + y * b.stride;
        if (needL) {
          for (int x = 0; x < w; x++) {
            // Wrapping int sum, read unsigned: it is below 2³² (see LumaWeights).
            lRow[x] = (short) ((wr * (r.data[ir + x] & 0xFFFF) + wg * (g.data[ig + x] & 0xFFFF)
                + wb * (b.data[ib + x] & 0xFFFF) + 32768) >>> 16);
          }
        }
        if (needMin || needChroma) {
          for (int x = 0; x < w; x++) {
            int rv = r.data[ir + x] & 0xFFFF;
            int gv = g.data[ig + x] & 0xFFFF;
            int bv = b.data[ib + x] & 0xFFFF;
            int min = Math.min(rv, Math.min(gv, bv));
            minRow[x] = (short) min;
            chromaRow[x] = (short) (Math.max(rv, Math.max(gv, bv)) - min);
          }
        }
      }
      for (int k = 0; k < plans.size(); k++) {
        Plan plan = plans.get(k);
        short[] src;
        int offset;
        switch (plan.source()) {
          case LUMINANCE, NEUTRAL -> {
            src = gray ? r.data : plan.source() == ToneSource.LUMINANCE ? lRow : minRow;
            offset = gray ? ir : 0;
          }
          case CHROMA -> {
            src = chromaRow; // all zero for gray images
            offset = 0;
          }
          default -> {
            GrayU16 band = image.bands[plan.source().ordinal() - ToneSource.RED.ordinal()];
            src = band.data;
            offset = band.startIndex + y * band.stride;
          }
        }
        GrayU16 out = outputs[k];
        int io = out.startIndex + y * out.stride;
        short[] table = plan.table();
        for (int x = 0; x < w; x++) {
          out.data[io + x] = table[src[offset + x] & 0xFFFF];
        }
        if (plan.withinProduct()) {
          int ip = product.startIndex + y * product.stride;
          for (int x = 0; x < w; x++) {
            out.data[io + x] = (short) MaskMath.mul(out.data[io + x] & 0xFFFF, product.data[ip + x] & 0xFFFF);
          }
        }
      }
    }
  }

  private static boolean uses(List<Plan> plans, ToneSource source) {
    for (Plan p : plans) {
      if (p.source() == source) {
        return true;
      }
    }
    return false;
  }
}
