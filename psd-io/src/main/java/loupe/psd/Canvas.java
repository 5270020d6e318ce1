// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Premultiplied float colour planes plus alpha for a band of document rows, for {@link PsdCompositor}.
 * Every operation is per pixel, so painting the document band by band gives the same samples as one
 * canvas of the whole document, without holding 16 bytes per pixel of it.
 */
final class Canvas {
    private static final VarHandle BIG_ENDIAN_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    final int width;
    final int colours;
    private final float[][] premultiplied;
    private final float[] alpha;
    int top;
    int rows;

    /** Rows {@code top..top+rows-1} of a document {@code width} wide, transparent. */
    Canvas(int width, int top, int rows, int colours) {
        this.width = width;
        this.top = top;
        this.rows = rows;
        this.colours = colours;
        this.premultiplied = new float[colours][width * rows];
        this.alpha = new float[width * rows];
    }

    /** Clears the canvas for another band of at most the rows it was made with (reuse instead of garbage). */
    void reset(int top, int rows) {
        if (rows * width > alpha.length) throw new IllegalArgumentException("band of " + rows + " rows is larger than the canvas");
        this.top = top;
        this.rows = rows;
        for (float[] p : premultiplied) java.util.Arrays.fill(p, 0, rows * width, 0f);
        java.util.Arrays.fill(alpha, 0, rows * width, 0f);
    }

    static double sample(byte[] d, int i, int depth) {
        return depth == 16 ? (((d[2 * i] & 0xFF) << 8) | (d[2 * i + 1] & 0xFF)) / 65535.0 : (d[i] & 0xFF) / 255.0;
    }

    /**
     * A pixel layer composited onto the band, clipped to it: source-over for {@code norm}, and the
     * W3C separable-blend formula co = cs(1−αb) + cb(1−αs) + αs·αb·B(Cb, Cs) for {@code mul }
     * (B = Cb·Cs). Rows of samples are converted once, then blended.
     */
    void draw(PsdLayer l, PsdCompositor.Pixels px, double opacity, int depth) {
        PsdCompositor.Mask mask = px.mask();
        boolean multiply = "mul ".equals(l.blendMode());
        int lw = l.width();
        int x0 = Math.max(0, l.left()), x1 = Math.min(width, l.right());
        int y0 = Math.max(top, l.top()), y1 = Math.min(top + rows, l.bottom());
        int n = Math.max(0, x1 - x0);
        float[] a = new float[n];
        float[] v = new float[n];
        for (int y = y0; y < y1; y++) {
            int li = (y - l.top()) * lw + (x0 - l.left());
            if (px.transparency() == null) java.util.Arrays.fill(a, (float) opacity);
            else row(px.transparency(), li, depth, (float) opacity, a);
            if (mask != null) for (int k = 0; k < n; k++) a[k] *= (float) mask.at(x0 + k, y);
            int ci = (y - top) * width + x0;
            for (int c = 0; c < colours; c++) {
                float[] p = premultiplied[c];
                if (multiply) {
                    row(px.colour()[c], li, depth, 1f, v);
                    for (int k = 0; k < n; k++) {
                        float cb = p[ci + k];
                        p[ci + k] = v[k] * a[k] * (1 - alpha[ci + k]) + cb * (1 - a[k]) + a[k] * v[k] * cb;
                    }
                } else {
                    over(px.colour()[c], li, depth, a, p, ci);
                }
            }
            for (int k = 0; k < n; k++) alpha[ci + k] = a[k] + alpha[ci + k] * (1 - a[k]);
        }
    }

    /**
     * Source-over of one row of samples from index {@code i} with coverage {@code a} onto {@code p[pi..]}:
     * the same float operations as {@link #row} then v·a + p·(1−a), without the row buffer.
     */
    private static void over(byte[] d, int i, int depth, float[] a, float[] p, int pi) {
        if (depth == 16) {
            float f = 1f / 65535f;
            for (int k = 0, s = 2 * i; k < a.length; k++, s += 2) {
                float v = ((short) BIG_ENDIAN_SHORT.get(d, s) & 0xFFFF) * f;
                p[pi + k] = v * a[k] + p[pi + k] * (1 - a[k]);
            }
        } else {
            float f = 1f / 255f;
            for (int k = 0; k < a.length; k++) {
                float v = (d[i + k] & 0xFF) * f;
                p[pi + k] = v * a[k] + p[pi + k] * (1 - a[k]);
            }
        }
    }

    /** Samples {@code out.length} values from index {@code i} as floats 0..1, times {@code scale}. */
    private static void row(byte[] d, int i, int depth, float scale, float[] out) {
        if (depth == 16) {
            float f = scale / 65535f;
            for (int k = 0, p = 2 * i; k < out.length; k++, p += 2) out[k] = ((short) BIG_ENDIAN_SHORT.get(d, p) & 0xFFFF) * f;
        } else {
            float f = scale / 255f;
            for (int k = 0; k < out.length; k++) out[k] = (d[i + k] & 0xFF) * f;
        }
    }

    /** Source-over of an isolated group canvas (same band) with the group's opacity and mask. */
    void over(Canvas src, double opacity, PsdCompositor.Mask mask) {
        for (int r = 0; r < rows; r++) {
            for (int x = 0; x < width; x++) {
                int i = r * width + x;
                double k = opacity * (mask == null ? 1 : mask.at(x, top + r));
                double a = src.alpha[i] * k;
                if (a <= 0) continue;
                float keep = (float) (1 - a);
                for (int c = 0; c < colours; c++) premultiplied[c][i] = (float) (src.premultiplied[c][i] * k) + premultiplied[c][i] * keep;
                alpha[i] = (float) a + alpha[i] * keep;
            }
        }
    }

    /** Colour plane c matted with white (C*a + 1-a), as file samples into the band's rows of {@code out}. */
    void matted(int c, int depth, byte[] out) {
        float[] p = premultiplied[c];
        quantize(depth, i -> p[i] + (1 - alpha[i]), out);
    }

    void alpha(int depth, byte[] out) { quantize(depth, i -> alpha[i], out); }

    private interface Value { double at(int i); }

    private void quantize(int depth, Value v, byte[] out) {
        int n = width * rows;
        int base = top * width;
        int max = depth == 16 ? 65535 : 255;
        for (int i = 0; i < n; i++) {
            double u = v.at(i);
            // Clamped to 0..1 as Math.min(1, Math.max(0, u)) would, NaN to 0 (which rounds the same), without their -0.0/NaN checks.
            double x = (u > 0 ? (u < 1 ? u : 1) : 0) * max;
            // Math.round (floor of x + 0.5), exactly: undo the one case where x + 0.5 rounds up to the next integer.
            int q = (int) (x + 0.5);
            if (q - 0.5 > x) q--;
            int o = base + i;
            if (depth == 16) {
                out[2 * o] = (byte) (q >>> 8);
                out[2 * o + 1] = (byte) q;
            } else {
                out[o] = (byte) q;
            }
        }
    }
}
