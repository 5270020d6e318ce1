// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plain description of a document for {@code loupe inspect}: mode, size, profile, resources, paths
 * (which one clips), whether the stored composite is the picture or Photoshop's placeholder, saved alpha channels (numbered from 1, as {@code --source channel:N} takes
 * them), and the layer tree with bounds, blend, opacity, masks, locks and visibility.
 * What the reader had to correct to read the file ({@link PsdDocument#corrections}) is listed last.
 * Records only, so it serialises to JSON as it is.
 */
public record PsdSummary(String format, String colorMode, int depth, int width, int height, int channels, String iccProfileName,
                         Double resolutionPpi, boolean compositeIsReal, List<ResourceSummary> resources, List<PathSummary> paths, String clippingPathName,
                         List<AlphaSummary> alphaChannels, int layerCount, int groupCount, List<LayerSummary> layers,
                         List<String> corrections) {

    public record ResourceSummary(int id, String name, int bytes) {}

    public record PathSummary(int id, String name, int subpaths, int knots, boolean clipping) {}

    /**
     * A saved alpha channel: {@code index} 1-based among the named extra channels ({@link AlphaChannels#list}),
     * {@code channel} its index among the composite's channels.
     */
    public record AlphaSummary(int index, String name, int channel, boolean inverted, boolean spot) {}

    /** @param densityPercent Properties › Density, 0..100 */
    public record MaskSummary(int top, int left, int bottom, int right, int defaultColor, boolean disabled, int densityPercent) {}

    /**
     * @param densityPercent Properties › Density, 0..100
     * @param rendered whether the file holds a rendering of it the compositor can use ({@link PsdLayer#vectorMaskRendering})
     */
    public record VectorMaskSummary(boolean disabled, boolean inverted, int densityPercent, boolean rendered) {}

    /** One layer or group; children top to bottom. */
    public record LayerSummary(String name, String kind, int top, int left, int bottom, int right, String blendMode, int opacity,
                               boolean visible, boolean clipped, long lockFlags, List<String> locks, int layerId, MaskSummary userMask,
                               VectorMaskSummary vectorMask, List<LayerSummary> children) {}

    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("TySh", "text"), Map.entry("SoLd", "smart object"),
            Map.entry("PlLd", "smart object"), Map.entry("SoLE", "smart object"), Map.entry("SoCo", "fill"), Map.entry("GdFl", "fill"),
            Map.entry("PtFl", "fill"), Map.entry("levl", "adjustment"), Map.entry("curv", "adjustment"), Map.entry("brit", "adjustment"),
            Map.entry("blnc", "adjustment"), Map.entry("hue2", "adjustment"), Map.entry("vibA", "adjustment"), Map.entry("mixr", "adjustment"),
            Map.entry("selc", "adjustment"), Map.entry("post", "adjustment"), Map.entry("thrs", "adjustment"), Map.entry("grdm", "adjustment"),
            Map.entry("expA", "adjustment"), Map.entry("phfl", "adjustment"), Map.entry("nvrt", "adjustment"), Map.entry("blwh", "adjustment"),
            Map.entry("clrL", "adjustment"));

    public static PsdSummary of(PsdDocument doc) {
        List<ResourceSummary> res = new ArrayList<>();
        for (ImageResource r : doc.resources()) res.add(new ResourceSummary(r.id(), r.name(), r.data().length));
        String clip = doc.clippingPathName();
        List<PathSummary> paths = new ArrayList<>();
        for (SavedPath p : doc.paths()) {
            paths.add(new PathSummary(p.id(), p.name(), p.path().subpaths().size(), p.path().knotCount(), p.name().equals(clip)));
        }
        int layers = 0, groups = 0;
        for (PsdLayer l : doc.layers()) {
            if (l.isGroupStart()) groups++;
            else if (l.sectionType() == SectionType.OTHER) layers++;
        }
        List<AlphaSummary> alphas = new ArrayList<>();
        for (AlphaChannels.Alpha a : AlphaChannels.list(doc)) {
            alphas.add(new AlphaSummary(alphas.size() + 1, a.name(), a.channel().id(), a.inverted(), a.spot()));
        }
        Resolution r = doc.resolution();
        return new PsdSummary(doc.version() == 2 ? "PSB" : "PSD", doc.colorMode().name(), doc.depth(), doc.width(), doc.height(), doc.channelCount(),
                doc.iccProfileName(), r == null ? null : r.horizontalPpi(), doc.compositeIsReal(), res, paths, clip, alphas, layers, groups, tree(doc.layerTree()),
                doc.corrections());
    }

    private static List<LayerSummary> tree(List<LayerNode> nodes) {
        List<LayerSummary> out = new ArrayList<>();
        for (LayerNode n : nodes) {
            PsdLayer l = n.layer();
            MaskPlane m = l.pixelMask();
            MaskSummary mask = m == null ? null
                    : new MaskSummary(m.top(), m.left(), m.bottom(), m.right(), m.defaultColor(), m.disabled(), percent(m.density()));
            VectorMask v = l.vectorMask();
            out.add(new LayerSummary(l.name(), kind(l), l.top(), l.left(), l.bottom(), l.right(), l.blendMode(), l.opacity(), l.visible(),
                    l.clipping(), Integer.toUnsignedLong(l.lockFlags()), locks(l.lockFlags()), l.layerId(), mask,
                    v == null ? null : new VectorMaskSummary(v.disabled(), v.inverted(),
                            percent(l.userMask() == null ? null : l.userMask().vectorDensity()), l.vectorMaskRendering() != null),
                    tree(n.children())));
        }
        return out;
    }

    private static String kind(PsdLayer l) {
        if (l.isGroupStart()) return "group";
        for (TaggedBlock b : l.blocks()) {
            String k = KINDS.get(b.key());
            if (k != null) return k;
        }
        return "pixel";
    }

    static List<String> locks(int flags) {
        List<String> out = new ArrayList<>();
        if ((flags & PsdLayer.LOCK_ALL) != 0) out.add("all");
        if ((flags & PsdLayer.LOCK_TRANSPARENCY) != 0) out.add("transparency");
        if ((flags & PsdLayer.LOCK_COMPOSITE) != 0) out.add("pixels");
        if ((flags & PsdLayer.LOCK_POSITION) != 0) out.add("position");
        return out;
    }

    /** An indented, human-readable tree. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(format).append(' ').append(colorMode).append(' ').append(depth).append("-bit ").append(width).append('x').append(height)
                .append(", ").append(channels).append(" channels");
        if (resolutionPpi != null) sb.append(String.format(", %.0f ppi", resolutionPpi));
        sb.append('\n');
        sb.append("ICC profile: ").append(iccProfileName == null ? "none" : '"' + iccProfileName + '"').append('\n');
        if (!compositeIsReal) sb.append("Composite: Photoshop's white placeholder (saved with Maximize Compatibility off)\n");
        sb.append("Resources: ").append(resources.size()).append(" (");
        for (int i = 0; i < resources.size(); i++) sb.append(i == 0 ? "" : ", ").append(resources.get(i).id());
        sb.append(")\n");
        sb.append("Paths: ").append(paths.isEmpty() ? "none" : "").append('\n');
        for (PathSummary p : paths) {
            sb.append("  ").append(p.id()).append(" \"").append(p.name()).append("\" ").append(p.subpaths()).append(" subpaths, ")
                    .append(p.knots()).append(" knots").append(p.clipping() ? "  [clipping path]" : "").append('\n');
        }
        if (clippingPathName != null && paths.stream().noneMatch(PathSummary::clipping)) {
            sb.append("  clipping path \"").append(clippingPathName).append("\" names no saved path\n");
        }
        sb.append("Alpha channels: ").append(alphaChannels.isEmpty() ? "none" : "").append('\n');
        for (AlphaSummary a : alphaChannels) {
            sb.append("  ").append(a.index()).append(" \"").append(a.name()).append("\" (channel ").append(a.channel())
                    .append(a.inverted() ? ", colour marks selected areas" : "")
                    .append(a.spot() ? ", spot colour: printing ink, not a selection" : "").append(")\n");
        }
        sb.append("Layers: ").append(layerCount).append(", groups: ").append(groupCount).append(" (top to bottom)\n");
        text(sb, layers, "  ");
        for (String c : corrections) sb.append("Corrected when read: ").append(c).append('\n');
        return sb.toString();
    }

    private static void text(StringBuilder sb, List<LayerSummary> nodes, String indent) {
        for (LayerSummary l : nodes) {
            sb.append(indent).append(l.kind().equals("group") ? "[group] " : "").append('"').append(l.name()).append('"');
            if (!l.kind().equals("group") && !l.kind().equals("pixel")) sb.append(" (").append(l.kind()).append(')');
            if (!l.kind().equals("group")) sb.append(" (").append(l.left()).append(',').append(l.top()).append(")-(").append(l.right()).append(',')
                    .append(l.bottom()).append(')');
            sb.append(' ').append(l.blendMode().trim()).append(' ').append(l.opacity());
            if (!l.visible()) sb.append(" hidden");
            if (l.clipped()) sb.append(" clipped");
            if (!l.locks().isEmpty()) sb.append(" locks=").append(String.join("+", l.locks()));
            if (l.userMask() != null) {
                sb.append(" mask").append(l.userMask().disabled() ? "(disabled)" : "").append(density(l.userMask().densityPercent()));
            }
            if (l.vectorMask() != null) {
                VectorMaskSummary v = l.vectorMask();
                sb.append(" vector-mask").append(v.disabled() ? "(disabled)" : "").append(v.inverted() ? "(inverted)" : "")
                        .append(density(v.densityPercent())).append(v.disabled() || v.rendered() ? "" : "(no usable rendering)");
            }
            if (l.layerId() >= 0) sb.append(" id=").append(l.layerId());
            sb.append('\n');
            text(sb, l.children(), indent + "  ");
        }
    }

    /** Density 0..255 (null: 100 %) as a whole percent. */
    private static int percent(Integer density) {
        return density == null ? 100 : (int) Math.round(density * 100 / 255.0);
    }

    private static String density(int percent) {
        return percent == 100 ? "" : "(" + percent + " %)";
    }
}
