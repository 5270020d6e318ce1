// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A PSD/PSB document as read, with everything needed to write it back: header, colour mode data,
 * every image resource, layer records in file order (bottom to top, group dividers included), the
 * global layer mask info, document-level tagged blocks, and the composite channels.
 */
public final class PsdDocument {
    /** The longest side a canvas may have (a PSB's, spec "File Header Section"); no sound layer is longer. */
    public static final int MAX_SIDE = PsdHeader.PSB_MAX_SIDE;

    /** Where the layer info lives: the layer and mask section, or the {@code Lr16}/{@code Lr32} document block. */
    public enum LayerInfoLocation { MAIN, LR16, LR32 }

    int version;
    byte[] reserved = new byte[6];
    ColorMode colorMode;
    int depth;
    int width;
    int height;
    int channelCount;
    byte[] colorModeData = new byte[0];
    final List<ImageResource> resources = new ArrayList<>();
    byte[] resourcesTrailing = new byte[0];
    boolean layerSectionPresent;
    boolean mainLayerInfoPresent;
    Padding mainLayerInfoPadding = Padding.EVEN;
    LayerInfoLocation layerInfoLocation = LayerInfoLocation.MAIN;
    boolean negativeLayerCount;
    Padding layerInfoPadding = Padding.EVEN;
    final List<PsdLayer> layers = new ArrayList<>();
    byte[] globalLayerMaskInfo;
    final List<TaggedBlock> documentBlocks = new ArrayList<>();
    byte[] documentBlocksTrailing = new byte[0];
    boolean compositePresent = true;
    final List<PsdChannel> composite = new ArrayList<>();
    Compression compositeCompression;
    byte[] afterComposite = new byte[0];
    final List<String> corrections = new ArrayList<>();
    private boolean modified;
    private boolean compositeKept;

    PsdDocument() {}

    /** A new, empty RGB or grayscale document, 8 or 16 bit; its composite is computed when it is written. */
    public static PsdDocument create(ColorMode mode, int depth, int width, int height) {
        if (mode != ColorMode.RGB && mode != ColorMode.GRAYSCALE) throw new IllegalArgumentException("new documents are RGB or grayscale");
        if (depth != 8 && depth != 16) throw new IllegalArgumentException("new documents are 8 or 16 bit");
        if (width < 1 || height < 1 || width > PsdHeader.PSB_MAX_SIDE || height > PsdHeader.PSB_MAX_SIDE) {
            throw new IllegalArgumentException("size " + width + "x" + height + " is not 1-300000");
        }
        PsdDocument d = new PsdDocument();
        d.version = Math.max(width, height) > PsdHeader.PSD_MAX_SIDE ? 2 : 1;
        d.colorMode = mode;
        d.depth = depth;
        d.width = width;
        d.height = height;
        d.channelCount = mode.colorChannels();
        d.layerSectionPresent = true;
        d.mainLayerInfoPresent = depth == 8;
        d.layerInfoLocation = depth == 16 ? LayerInfoLocation.LR16 : LayerInfoLocation.MAIN;
        d.globalLayerMaskInfo = new byte[0];
        d.modified = true;
        long plane = ChannelCodec.decodedSize(width, height, depth);
        for (int c = 0; c < d.channelCount; c++) d.composite.add(PsdChannel.of(c, width, height, depth, new byte[(int) plane]));
        return d;
    }

    /** Wrong length fields the reader read past (see the psd-io notes); written back corrected. Empty for almost every file. */
    public List<String> corrections() { return Collections.unmodifiableList(corrections); }

    /** 1 = PSD, 2 = PSB. */
    public int version() { return version; }

    /**
     * Chooses the format the writer uses: PSB (Photoshop's large document format) or PSD. Stored
     * channels whose encoding differs between the two (RLE row counts) are re-encoded on write.
     *
     * @throws IllegalArgumentException for PSD when a side exceeds its 30,000 px
     */
    public void setLargeFormat(boolean psb) {
        if (!psb && Math.max(width, height) > PsdHeader.PSD_MAX_SIDE) {
            throw new IllegalArgumentException(width + "x" + height + " exceeds PSD's " + PsdHeader.PSD_MAX_SIDE
                    + " px per side: it can only be written as PSB");
        }
        version = psb ? 2 : 1;
    }

    public ColorMode colorMode() { return colorMode; }
    public int depth() { return depth; }
    public int width() { return width; }
    public int height() { return height; }
    /** Channels of the composite (header channel count), extra alpha channels included. */
    public int channelCount() { return channelCount; }
    /** Colour mode data section (palette for indexed, duotone data); empty for most modes. */
    public byte[] colorModeData() { return colorModeData; }

    // ---- image resources

    /** Every image resource in file order. Not modifiable; use {@link #setResource} / {@link #removeResource}. */
    public List<ImageResource> resources() { return Collections.unmodifiableList(resources); }

    /** The first resource with this id, or null. */
    public ImageResource resource(int id) {
        for (ImageResource r : resources) if (r.id() == id) return r;
        return null;
    }

    /** Replaces the first resource with the same id in place, or appends it. */
    public void setResource(ImageResource r) {
        modified = true;
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).id() == r.id()) {
                resources.set(i, r);
                return;
            }
        }
        resources.add(r);
    }

    public boolean removeResource(int id) {
        boolean removed = resources.removeIf(r -> r.id() == id);
        modified |= removed;
        return removed;
    }

    public Resolution resolution() {
        ImageResource r = resource(ResourceParsers.RESOLUTION);
        return r == null ? null : Resolution.parse(r.data());
    }

    public void setResolution(Resolution resolution) {
        setResource(new ImageResource(ResourceParsers.RESOLUTION, "", resolution.toBytes()));
    }

    /**
     * False when the version info (resource 1057) says the file has no real merged data: Photoshop
     * saved it with "Maximize Compatibility" off, and its composite is a white placeholder, not the
     * picture. True without that resource (other writers, older files).
     */
    public boolean compositeIsReal() {
        return ResourceParsers.hasRealMergedData(resource(ResourceParsers.VERSION_INFO));
    }

    /** The embedded ICC profile (resource 1039), or null. */
    public byte[] iccProfile() {
        ImageResource r = resource(ResourceParsers.ICC_PROFILE);
        return r == null ? null : r.data();
    }

    /** The ICC profile's description ('desc' tag), or null. */
    public String iccProfileName() {
        byte[] icc = iccProfile();
        return icc == null ? null : ResourceParsers.iccDescription(icc);
    }

    /** XMP packet (resource 1060) as text, or null. */
    public String xmp() {
        ImageResource r = resource(ResourceParsers.XMP);
        return r == null ? null : new String(r.data(), StandardCharsets.UTF_8);
    }

    /** Saved paths (resources 2000-2997) in file order. */
    public List<SavedPath> paths() {
        List<SavedPath> out = new ArrayList<>();
        for (ImageResource r : resources) {
            if (r.id() >= ResourceParsers.FIRST_PATH && r.id() <= ResourceParsers.LAST_PATH) {
                out.add(new SavedPath(r.id(), r.name(), PathData.parse(r.data())));
            }
        }
        return out;
    }

    /** Name of the clipping path (resource 2999), or null. */
    public String clippingPathName() {
        ImageResource r = resource(ResourceParsers.CLIPPING_PATH_NAME);
        return r == null ? null : ResourceParsers.pascalAtStart(r.data());
    }

    /** The saved path named by resource 2999, or null. */
    public SavedPath clippingPath() {
        String name = clippingPathName();
        if (name == null) return null;
        for (SavedPath p : paths()) if (p.name().equals(name)) return p;
        return null;
    }

    /** The unsaved working path (resource 1025), or null. */
    public PathData workingPath() {
        ImageResource r = resource(ResourceParsers.WORKING_PATH);
        return r == null ? null : PathData.parse(r.data());
    }

    /**
     * Names of the extra alpha channels: Unicode (1045) when present and whole, else Pascal (1006).
     * A damaged 1045 would otherwise hide the channels, or rename them when a job rewrites the names.
     */
    public List<String> alphaChannelNames() {
        ImageResource u = resource(ResourceParsers.ALPHA_NAMES_UNICODE);
        List<String> unicode = u == null ? null : ResourceParsers.names(u.data(), true);
        if (unicode != null) return unicode;
        ImageResource p = resource(ResourceParsers.ALPHA_NAMES);
        List<String> pascal = p == null ? null : ResourceParsers.names(p.data(), false);
        return pascal != null ? pascal : List.of();
    }

    // ---- layers

    /** Layer records in file order, bottom to top, group start and end records included. Not modifiable. */
    public List<PsdLayer> layers() { return Collections.unmodifiableList(layers); }

    /** The layers as a tree, top to bottom; divider records are not nodes. */
    public List<LayerNode> layerTree() { return LayerNode.build(layers); }

    public int indexOf(PsdLayer layer) { return layers.indexOf(layer); }

    /**
     * Inserts a layer at a file-order index (0 = bottom). A layer without {@code lyid} gets the largest
     * id in the document + 1.
     */
    public void addLayer(int index, PsdLayer layer) {
        for (PsdChannel c : layer.channels()) {
            if (c.depth() != depth) throw new IllegalArgumentException("layer channel depth " + c.depth() + " is not the document's " + depth);
        }
        if (layer.layerId() < 0) layer.setLayerId(nextLayerId());
        layers.add(index, layer);
        modified = true;
    }

    /** Inserts a layer directly above another one. */
    public void addLayerAbove(PsdLayer anchor, PsdLayer layer) { addLayer(requireIndex(anchor) + 1, layer); }

    /** Inserts a layer directly beneath another one. */
    public void addLayerBelow(PsdLayer anchor, PsdLayer layer) { addLayer(requireIndex(anchor), layer); }

    public boolean removeLayer(PsdLayer layer) {
        boolean removed = layers.remove(layer);
        modified |= removed;
        return removed;
    }

    /**
     * Inserts a group at a file-order index: a bounding divider record, the children (given top to
     * bottom), and the open-folder record above them. Returns the group's top record.
     */
    public PsdLayer insertGroup(int index, String name, List<PsdLayer> childrenTopToBottom) {
        int colour = colorMode.colorChannels();
        addLayer(index, PsdLayer.newGroupEnd(colour, depth));
        int at = index + 1;
        for (int i = childrenTopToBottom.size() - 1; i >= 0; i--) addLayer(at++, childrenTopToBottom.get(i));
        PsdLayer start = PsdLayer.newGroupStart(name, colour, depth);
        addLayer(at, start);
        return start;
    }

    /** Inserts a group with these children directly above {@code anchor}. */
    public PsdLayer insertGroupAbove(PsdLayer anchor, String name, List<PsdLayer> childrenTopToBottom) {
        return insertGroup(requireIndex(anchor) + 1, name, childrenTopToBottom);
    }

    /** Inserts a group with these children directly beneath {@code anchor}. */
    public PsdLayer insertGroupBelow(PsdLayer anchor, String name, List<PsdLayer> childrenTopToBottom) {
        return insertGroup(requireIndex(anchor), name, childrenTopToBottom);
    }

    /** Sets a layer's {@code lspf} lock flags (PsdLayer.LOCK_*). */
    public void lockLayer(PsdLayer layer, int lockFlags) {
        requireIndex(layer);
        layer.setLockFlags(lockFlags);
    }

    private int requireIndex(PsdLayer layer) {
        int i = layers.indexOf(layer);
        if (i < 0) throw new IllegalArgumentException("layer is not in this document: " + layer);
        return i;
    }

    private int nextLayerId() {
        int max = 0;
        for (PsdLayer l : layers) max = Math.max(max, l.layerId());
        return max + 1;
    }

    /** True if the layer counts were negative ("the first alpha channel contains the transparency data for the merged result"). */
    public boolean negativeLayerCount() { return negativeLayerCount; }

    public LayerInfoLocation layerInfoLocation() { return layerInfoLocation; }

    /** Global layer mask info as stored, or null if the file has none. */
    public byte[] globalLayerMaskInfo() { return globalLayerMaskInfo; }

    /**
     * Document-level tagged blocks in file order. An {@code Lr16}/{@code Lr32} block that held the
     * layers has empty data here: the layers were read from it where it lies, and it is rewritten from them.
     */
    public List<TaggedBlock> documentBlocks() { return Collections.unmodifiableList(documentBlocks); }

    // ---- composite

    /** The composite (image data section) channels, extra alpha channels included. Not modifiable. */
    public List<PsdChannel> composite() { return Collections.unmodifiableList(composite); }

    /** The composite's compression in the file read; null for a new document or a file without composite. */
    public Compression compositeCompression() { return compositeCompression; }

    /** Replaces the composite; channel count, size and depth must match the header. */
    public void setComposite(List<PsdChannel> channels) {
        if (channels.size() != channelCount) throw new IllegalArgumentException("composite needs " + channelCount + " channels");
        for (PsdChannel c : channels) {
            if (c.width() != width || c.height() != height || c.depth() != depth) throw new IllegalArgumentException("composite channel " + c + " does not match the document");
        }
        composite.clear();
        composite.addAll(channels);
        compositePresent = true;
        modified = true;
    }

    /**
     * The caller vouches that its changes do not alter how the document renders (empty groups, a
     * bottom layer that is the composite itself): the stored composite is written as read instead
     * of being recomputed, so Photoshop's own rendering stays the picture.
     */
    public void keepComposite() {
        if (!compositePresent) throw new IllegalStateException("the document has no composite to keep");
        compositeKept = true;
    }

    boolean compositeKept() { return compositeKept; }

    /** True if anything in the document or any layer changed since it was read (always for new documents). */
    public boolean isModified() {
        if (modified) return true;
        for (PsdLayer l : layers) if (l.isModified()) return true;
        return false;
    }

    @Override
    public String toString() {
        return "PsdDocument[" + (version == 2 ? "PSB " : "PSD ") + colorMode + " " + depth + "-bit " + width + "x" + height + ", " + layers.size() + " layer records]";
    }
}
