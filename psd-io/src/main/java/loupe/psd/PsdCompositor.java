// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Computes the composite for the documents Loupe writes: RGB or grayscale, 8 or 16 bit, pixel layers
 * in normal or multiply blend mode with opacity, fill opacity, transparency, user masks and vector masks (by
 * the rendering Photoshop stores beside them; each mask at its density), hidden layers, and
 * pass-through or normal groups. Source-over in straight alpha (Porter and Duff, "Compositing Digital
 * Images", 1984), done in premultiplied floats, band by band; areas that stay transparent are matted with white, as
 * Photoshop stores the merged image. Anything else (other blend modes, clipping, feathered or inverted
 * masks, a vector mask without a stored rendering, adjustment, text or smart-object layers, layer effects that
 * show) is
 * refused by {@link #decide} with the reason.
 */
public final class PsdCompositor {
    /**
     * Blocks that do not change how a layer renders (names, ids, locks, labels, metadata, structure).
     * Knockout and channel restrictions are judged by {@link PsdLayer#seeThrough}; "Blend Interior
     * Effects as Group" (infx) and "Blend Clipped Layers as Group" (clbl) act only on shown effects
     * and clipped layers, which are refused.
     */
    private static final Set<String> NEUTRAL_BLOCKS = Set.of("luni", "lyid", "lspf", "lsct", "lsdk", "lclr", "shmd", "fxrp", "lnsr",
            "iOpa", "tsly", "cust", "lmgm", "vmgm", "knko", "infx", "clbl", "brst", "lyvr", "cinf", "extd", "exps");

    /** Whether to recompute, and why (or why not). */
    public record Decision(boolean recompute, String reason) {}

    private PsdCompositor() {}

    public static Decision decide(PsdDocument doc) {
        if (!doc.isModified()) return new Decision(false, "document unchanged: original composite kept");
        if (doc.compositeKept()) return new Decision(false, "changes do not alter the rendering: original composite kept");
        // Without layers the composite is the picture itself (a flat file): there is nothing to recompute it from.
        if (doc.layers().isEmpty()) return new Decision(false, "no layers: the composite is the picture");
        String why = cannotRender(doc);
        if (why != null) return new Decision(false, why + ": original composite kept");
        // Extra channels other than the merged transparency (saved selections) are carried over from the stored composite.
        int computed = doc.colorMode().colorChannels() + (hasMergedTransparency(doc) ? 1 : 0);
        if (doc.composite().size() < doc.channelCount() && doc.channelCount() > computed) {
            return new Decision(false, "the file holds no composite to carry its extra channels over from");
        }
        return new Decision(true, "recomputed from the visible pixel layers");
    }

    /** Why {@link #composite} cannot render this document's layers, or null when it can. */
    public static String cannotRender(PsdDocument doc) {
        if (doc.colorMode() != ColorMode.RGB && doc.colorMode() != ColorMode.GRAYSCALE) {
            return "colour mode " + doc.colorMode() + " is not composited";
        }
        if (doc.depth() != 8 && doc.depth() != 16) return doc.depth() + "-bit is not composited";
        return unsupported(doc.layerTree(), doc.colorMode().colorChannels());
    }

    private static String unsupported(List<LayerNode> nodes, int colours) {
        for (LayerNode n : nodes) {
            PsdLayer l = n.layer();
            if (!l.visible()) continue;
            String name = "layer '" + l.name() + "'";
            if (l.clipping()) return name + " is clipped";
            for (TaggedBlock b : l.blocks()) {
                String refusal = refusal(l, b, name);
                if (refusal != null) return refusal;
            }
            if (paintsNothing(n)) continue;
            String seeThrough = l.seeThrough();
            if (seeThrough != null) return name + " " + seeThrough;
            MaskPlane pixelMask = l.pixelMask();
            boolean pixelOn = pixelMask != null && !pixelMask.disabled();
            boolean vectorOn = l.vectorMask() != null && !l.vectorMask().disabled();
            if (pixelOn && !renderable(pixelMask)) return name + " has a mask with feather or invert";
            if (l.vectorMask() == null && (l.block("vmsk") != null || l.block("vsms") != null)) {
                return name + " has a vector mask too short to read";
            }
            if (vectorOn && pixelOn && (below100(pixelMask.density()) || below100(l.userMask().vectorDensity()))) {
                // The stored rendering holds both masks at 100 %, so neither density can be applied apart.
                return name + " has a layer mask and a vector mask, one of them below 100 % density";
            }
            MaskPlane rendering = vectorOn ? l.vectorMaskRendering() : null;
            if (vectorOn && rendering == null) {
                return name + " has a vector mask without a usable stored rendering (none saved, or one that does not match its path)";
            }
            if (vectorOn && !renderable(rendering)) return name + " has an inverted or feathered vector mask";
            boolean masked = pixelOn || vectorOn;
            if (n.isGroup()) {
                boolean pass = "pass".equals(l.blendMode());
                if (!pass && !"norm".equals(l.blendMode())) return name + " is a group in blend mode " + PsdNames.blendMode(l.blendMode());
                if (pass && (l.opacity() != 255 || l.fillOpacity() != 255 || masked)) {
                    return name + " is a pass-through group with opacity or a mask";
                }
                String inner = unsupported(n.children(), colours);
                if (inner != null) return inner;
            } else {
                if (!"norm".equals(l.blendMode()) && !"mul ".equals(l.blendMode())) {
                    return name + " is in blend mode " + PsdNames.blendMode(l.blendMode());
                }
                for (int c = 0; c < colours; c++) if (l.channel(c) == null) return name + " has no channel " + c;
            }
        }
        return null;
    }

    /** Why a layer's block stops rendering, or null when the compositor renders the layer with it. */
    private static String refusal(PsdLayer l, TaggedBlock b, String name) {
        String key = b.key();
        if (NEUTRAL_BLOCKS.contains(key) || VECTOR_MASK_BLOCKS.contains(key)) return null;
        // Photoshop writes the legacy copy of a style beside lfx2 and reads lfx2.
        if (key.equals("lrFX") && l.block("lfx2") != null) return null;
        if (OBJECT_EFFECTS_BLOCKS.contains(key)) {
            try {
                List<String> shown = LayerEffects.shown(b, name);
                if (shown.isEmpty()) return null;
                return name + " shows layer effects (" + String.join(", ", shown) + "), which the compositor does not render";
            } catch (IOException e) {
                return e.getMessage() + ": layer effects that do not read are not rendered";
            }
        }
        return name + " has " + PsdNames.block(key) + ", which the compositor does not render";
    }

    /** Rows per band: a band's canvas stays in the caches and bands spread over the cores. */
    private static final int BAND_ROWS = 32;

    /**
     * The composite channels: colours matted with white; merged transparency in the first extra channel
     * when the file keeps one. The document is painted in bands of rows, in parallel; each visible
     * layer's channels are decoded once up front.
     */
    public static List<PsdChannel> composite(PsdDocument doc) {
        int colours = doc.colorMode().colorChannels();
        int depth = doc.depth();
        int w = doc.width(), h = doc.height();
        List<LayerNode> tree = doc.layerTree();
        Map<PsdLayer, Pixels> pixels = new IdentityHashMap<>();
        collect(tree, pixels, colours, depth);
        boolean mergedAlpha = hasMergedTransparency(doc);
        int plane = (int) ChannelCodec.decodedSize(w, h, depth);
        byte[][] matted = new byte[colours][plane];
        byte[] alpha = mergedAlpha ? new byte[plane] : null;
        int bands = (h + BAND_ROWS - 1) / BAND_ROWS;
        int chunks = Math.min(bands, 4 * Runtime.getRuntime().availableProcessors());
        // Each chunk of bands reuses one canvas.
        IntStream.range(0, chunks).parallel().forEach(k -> {
            Canvas canvas = new Canvas(w, 0, Math.min(BAND_ROWS, h), colours);
            for (int b = (int) ((long) k * bands / chunks); b < (long) (k + 1) * bands / chunks; b++) {
                int top = b * BAND_ROWS;
                canvas.reset(top, Math.min(BAND_ROWS, h - top));
                paint(tree, pixels, canvas, depth);
                for (int c = 0; c < colours; c++) canvas.matted(c, depth, matted[c]);
                if (alpha != null) canvas.alpha(depth, alpha);
            }
        });
        List<PsdChannel> out = new ArrayList<>(doc.channelCount());
        for (int c = 0; c < colours; c++) out.add(PsdChannel.of(c, w, h, depth, matted[c]));
        for (int c = colours; c < doc.channelCount(); c++) {
            if (c == colours && alpha != null) out.add(PsdChannel.of(c, w, h, depth, alpha));
            else out.add(doc.composite().get(c));
        }
        return out;
    }

    /** Blocks that hold a vector mask: rendered from the channel Photoshop stores beside it ({@link PsdLayer#vectorMaskRendering}). */
    private static final Set<String> VECTOR_MASK_BLOCKS = Set.of("vmsk", "vsms");

    /** Blocks that hold a layer style as object-based effects ({@link LayerEffects}); they render when nothing in them shows. */
    private static final Set<String> OBJECT_EFFECTS_BLOCKS = Set.of("lfx2", "lmfx");

    /**
     * Whether the compositor applies this mask as stored: not inverted (a pixel mask's invert flag is an
     * old one readers disagree on; a vector mask's would need its rendering inverted, unmeasured), not
     * feathered (a blur the compositor does not do).
     */
    private static boolean renderable(MaskPlane m) {
        return m != null && !m.inverted() && (m.feather() == null || m.feather() == 0);
    }

    /**
     * A pixel layer without pixels (empty bounds), or a group with no visible layer in it: whatever its
     * blend mode and masks, it changes no pixel, like the new, still empty Soft Light layer a retoucher
     * sets up for dodging and burning, or the empty masked groups `loupe mask --as layer-masks` adds.
     * Its own blocks are still judged (a fill layer paints without pixels).
     */
    private static boolean paintsNothing(LayerNode n) {
        if (!n.isGroup()) return n.layer().width() == 0 || n.layer().height() == 0;
        return n.children().stream().noneMatch(c -> c.layer().visible() && (!c.isGroup() || !paintsNothing(c)));
    }

    private static boolean below100(Integer density) {
        return density != null && density < 255;
    }

    /** A visible layer's decoded pixels (colour and transparency; none for groups) and what its masks let show. */
    record Pixels(byte[][] colour, byte[] transparency, Mask mask) {}

    /** Decodes what painting needs, once (a lazily read channel decodes on every {@code decoded()} call). */
    private static void collect(List<LayerNode> nodes, Map<PsdLayer, Pixels> out, int colours, int depth) {
        for (LayerNode n : nodes) {
            PsdLayer l = n.layer();
            if (!l.visible() || paintsNothing(n)) continue;
            if (n.isGroup()) {
                out.put(l, new Pixels(null, null, maskOf(l, depth)));
                collect(n.children(), out, colours, depth);
            } else {
                byte[][] colour = new byte[colours][];
                for (int c = 0; c < colours; c++) colour[c] = l.channel(c).decoded();
                PsdChannel t = l.channel(PsdChannel.TRANSPARENCY);
                out.put(l, new Pixels(colour, t == null ? null : t.decoded(), maskOf(l, depth)));
            }
        }
    }

    /**
     * The first extra composite channel is the merged transparency when the layer count is negative, a
     * Mtrn/Mt16 block says so, or there are more extra channels than named alpha channels (1006/1045).
     */
    static boolean hasMergedTransparency(PsdDocument doc) {
        int extra = doc.channelCount() - doc.colorMode().colorChannels();
        if (extra <= 0) return false;
        return doc.negativeLayerCount() || hasBlock(doc, "Mtrn") || hasBlock(doc, "Mt16") || doc.alphaChannelNames().size() < extra;
    }

    private static boolean hasBlock(PsdDocument doc, String key) {
        for (TaggedBlock b : doc.documentBlocks()) if (b.key().equals(key)) return true;
        return false;
    }

    /** Paints nodes (given top to bottom) bottom-up onto the band. */
    private static void paint(List<LayerNode> topToBottom, Map<PsdLayer, Pixels> pixels, Canvas canvas, int depth) {
        for (int i = topToBottom.size() - 1; i >= 0; i--) {
            LayerNode n = topToBottom.get(i);
            PsdLayer l = n.layer();
            // collect() left out what is hidden or paints nothing.
            Pixels px = pixels.get(l);
            if (px == null) continue;
            if (n.isGroup()) {
                if ("pass".equals(l.blendMode())) {
                    paint(n.children(), pixels, canvas, depth);
                } else {
                    Canvas group = new Canvas(canvas.width, canvas.top, canvas.rows, canvas.colours);
                    paint(n.children(), pixels, group, depth);
                    canvas.over(group, l.opacity() * l.fillOpacity() / (255.0 * 255.0), px.mask());
                }
            } else {
                canvas.draw(l, px, l.opacity() * l.fillOpacity() / (255.0 * 255.0), depth);
            }
        }
    }

    /**
     * What the layer's enabled masks let show, at its density, or null: with a vector mask on,
     * Photoshop's stored rendering of both masks; else the pixel mask, if on.
     */
    private static Mask maskOf(PsdLayer l, int depth) {
        boolean vectorOn = l.vectorMask() != null && !l.vectorMask().disabled();
        MaskPlane m = vectorOn ? l.vectorMaskRendering() : l.pixelMask();
        if (m == null || m.disabled()) return null;
        double density = m.density() == null ? 1 : m.density() / 255.0;
        return new Mask(m.top(), m.left(), m.width(), m.height(), m.defaultColor() / 255.0, m.channel().decoded(), depth, density);
    }

    /**
     * A mask: value at a document pixel, default colour outside its bounds, applied at its density
     * (0..1; Properties › Density): what the mask hides shows by 1 − density.
     */
    record Mask(int top, int left, int width, int height, double outside, byte[] data, int depth, double density) {
        double at(int x, int y) {
            int mx = x - left, my = y - top;
            boolean inside = mx >= 0 && my >= 0 && mx < width && my < height;
            double v = inside ? Canvas.sample(data, my * width + mx, depth) : outside;
            return 1 - density * (1 - v);
        }
    }
}
