// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.List;

/** Small documents made with the public API, for oracle and compositor tests. */
final class Samples {
    private Samples() {}

    /** A plane of smooth gradients with some structure, 8 or 16 bit. */
    static byte[] plane(int w, int h, int depth, int seed) {
        byte[] b = new byte[w * h * depth / 8];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = ((x * 7 + y * 3 + seed * 31) * 97 + (x * y) % 13) & 0xFFFF;
                int i = y * w + x;
                if (depth == 16) {
                    b[2 * i] = (byte) (v >>> 8);
                    b[2 * i + 1] = (byte) v;
                } else {
                    b[i] = (byte) (v >>> 4);
                }
            }
        }
        return b;
    }

    static byte[] alphaRamp(int w, int h, int depth) {
        byte[] b = new byte[w * h * depth / 8];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = x < w / 3 ? 0xFFFF : (x * 65535 / Math.max(1, w - 1));
                int i = y * w + x;
                if (depth == 16) {
                    b[2 * i] = (byte) (v >>> 8);
                    b[2 * i + 1] = (byte) v;
                } else {
                    b[i] = (byte) (v >>> 8);
                }
            }
        }
        return b;
    }

    /**
     * A new RGB document: an opaque background, a half-transparent masked layer in a group, and a
     * hidden layer; the lower layer locked.
     */
    static PsdDocument layered(int depth, int w, int h) {
        PsdDocument doc = PsdDocument.create(ColorMode.RGB, depth, w, h);
        PsdLayer bg = PsdLayer.newPixelLayer("Background", 0, 0, w, h, depth,
                new byte[][] {plane(w, h, depth, 1), plane(w, h, depth, 2), plane(w, h, depth, 3)}, null);
        doc.addLayer(0, bg);
        doc.lockLayer(bg, PsdLayer.LOCK_POSITION | PsdLayer.LOCK_COMPOSITE);
        int lw = w / 2, lh = h / 2;
        PsdLayer top = PsdLayer.newPixelLayer("Top", h / 4, w / 5, lw, lh, depth,
                new byte[][] {plane(lw, lh, depth, 4), plane(lw, lh, depth, 5), plane(lw, lh, depth, 6)}, alphaRamp(lw, lh, depth));
        top.setOpacity(180);
        int mw = lw - 2, mh = lh / 2;
        top.setUserMask(LayerMask.of(h / 4 + 1, w / 5 + 1, h / 4 + 1 + mh, w / 5 + 1 + mw, 255), alphaRamp(mw, mh, depth), depth);
        PsdLayer hidden = PsdLayer.newPixelLayer("Hidden", 0, 0, lw, lh, depth,
                new byte[][] {plane(lw, lh, depth, 7), plane(lw, lh, depth, 8), plane(lw, lh, depth, 9)}, null);
        hidden.setVisible(false);
        doc.insertGroupAbove(bg, "Group", List.of(hidden, top));
        return doc;
    }
}
