// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** Premultiplied float colour planes plus alpha, for {@link PsdCompositor}. */
final class Canvas {
    final int width;
    final int height;
    final int colours;
    private final float[][] premultiplied;
    private final float[] alpha;

    Canvas(int width, int height, int colours) {
        this.width = width;
        this.height = height;
        this.colours = colours;
        this.premultiplied = new float[colours][width * height];
        this.alpha = new float[width * height];
    }

    static double sample(byte[] d, int i, int depth) {
        return depth == 16 ? (((d[2 * i] & 0xFF) << 8) | (d[2 * i + 1] & 0xFF)) / 65535.0 : (d[i] & 0xFF) / 255.0;
    }

    /**
     * A pixel layer composited onto the canvas, clipped to it: source-over for {@code norm}, and the
     * W3C separable-blend formula co = cs(1−αb) + cb(1−αs) + αs·αb·B(Cb, Cs) for {@code mul }
     * (B = Cb·Cs). Rows of samples are converted once, then blended.
     */
    void draw(PsdLayer l, double opacity, PsdCompositor.Mask mask, int depth) {
        boolean multiply = "mul ".equals(l.blendMode());
        int lw = l.width();
        byte[][] col = new byte[colours][];
        for (int c = 0; c < colours; c++) col[c] = l.channel(c).decoded();
        PsdChannel t = l.channel(PsdChannel.TRANSPARENCY);
        byte[] tr = t == null ? null : t.decoded();
        int x0 = Math.max(0, l.left()), x1 = Math.min(width, l.right());
        int y0 = Math.max(0, l.top()), y1 = Math.min(height, l.bottom());
        int n = Math.max(0, x1 - x0);
        float[] a = new float[n];
        float[] v = new float[n];
        for (int y = y0; y < y1; y++) {
            int li = (y - l.top()) * lw + (x0 - l.left());
            if (tr == null) java.util.Arrays.fill(a, (float) opacity);
            else row(tr, li, depth, (float) opacity, a);
            if (mask != null) for (int k = 0; k < n; k++) a[k] *= (float) mask.at(x0 + k, y);
            int ci = y * width + x0;
            for (int c = 0; c < colours; c++) {
                row(col[c], li, depth, 1f, v);
                float[] p = premultiplied[c];
                if (multiply) {
                    for (int k = 0; k < n; k++) {
                        float cb = p[ci + k];
                        p[ci + k] = v[k] * a[k] * (1 - alpha[ci + k]) + cb * (1 - a[k]) + a[k] * v[k] * cb;
                    }
                } else {
                    for (int k = 0; k < n; k++) p[ci + k] = v[k] * a[k] + p[ci + k] * (1 - a[k]);
                }
            }
            for (int k = 0; k < n; k++) alpha[ci + k] = a[k] + alpha[ci + k] * (1 - a[k]);
        }
    }

    /** Samples {@code out.length} values from index {@code i} as floats 0..1, times {@code scale}. */
    private static void row(byte[] d, int i, int depth, float scale, float[] out) {
        if (depth == 16) {
            float f = scale / 65535f;
            for (int k = 0, p = 2 * i; k < out.length; k++, p += 2) out[k] = (((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF)) * f;
        } else {
            float f = scale / 255f;
            for (int k = 0; k < out.length; k++) out[k] = (d[i + k] & 0xFF) * f;
        }
    }

    /** Source-over of an isolated group canvas with the group's opacity and mask. */
    void over(Canvas src, double opacity, PsdCompositor.Mask mask) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                double k = opacity * (mask == null ? 1 : mask.at(x, y));
                double a = src.alpha[i] * k;
                if (a <= 0) continue;
                float keep = (float) (1 - a);
                for (int c = 0; c < colours; c++) premultiplied[c][i] = (float) (src.premultiplied[c][i] * k) + premultiplied[c][i] * keep;
                alpha[i] = (float) a + alpha[i] * keep;
            }
        }
    }

    /** Colour plane c matted with white (C*a + 1-a), as file samples. */
    byte[] matted(int c, int depth) {
        float[] p = premultiplied[c];
        return quantize(depth, i -> p[i] + (1 - alpha[i]));
    }

    byte[] alpha(int depth) { return quantize(depth, i -> alpha[i]); }

    private interface Value { double at(int i); }

    private byte[] quantize(int depth, Value v) {
        int n = width * height;
        byte[] out = new byte[depth == 16 ? 2 * n : n];
        int max = depth == 16 ? 65535 : 255;
        for (int i = 0; i < n; i++) {
            int q = (int) Math.round(Math.min(1, Math.max(0, v.at(i))) * max);
            if (depth == 16) {
                out[2 * i] = (byte) (q >>> 8);
                out[2 * i + 1] = (byte) q;
            } else {
                out[i] = (byte) q;
            }
        }
        return out;
    }
}
