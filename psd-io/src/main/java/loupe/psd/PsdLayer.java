// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One layer record in file order: a pixel layer, an adjustment/fill/text/smart-object layer (kept
 * whole), a group start (lsct 1/2) or a group end ("bounding divider", lsct 3). Every tagged block is
 * kept in its original order; named accessors parse the blocks they need, and setters replace them.
 */
public final class PsdLayer {
    /** {@code lspf} lock bits (spec bits 0-2; bit 31 is Photoshop's "lock all"). */
    public static final int LOCK_TRANSPARENCY = 0x1;
    public static final int LOCK_COMPOSITE = 0x2;
    public static final int LOCK_POSITION = 0x4;
    public static final int LOCK_ALL = 0x8000_0000;
    /** Layer record flags: "bit 0 = transparency protected; bit 1 = visible" (set means hidden in practice). */
    static final int FLAG_TRANSPARENCY_PROTECTED = 0x01;
    static final int FLAG_HIDDEN = 0x02;
    static final String DIVIDER_NAME = "</Layer group>";

    private int top, left, bottom, right;
    private List<PsdChannel> channels = new ArrayList<>();
    private String blendSignature = Keys.SIG_8BIM;
    private String blendMode = "norm";
    private int opacity = 255;
    private int clipping;
    private int flags;
    private int filler;
    private LayerMask mask;
    private byte[] maskRaw;
    private byte[] blendingRanges = new byte[0];
    private String pascalName = "";
    private byte[] nameField;
    private final List<TaggedBlock> blocks = new ArrayList<>();
    private byte[] blocksTrailing = new byte[0];
    private boolean modified;
    private boolean renderingSetAside;

    PsdLayer() {}

    /**
     * A new pixel layer. {@code color} holds one plane per colour channel (ids 0..n-1), {@code alpha}
     * the transparency plane (or null); each plane is {@code width*height*depth/8} bytes, not copied.
     * Name is written as Pascal and {@code luni}; the document assigns a fresh {@code lyid} when the
     * layer is added.
     */
    public static PsdLayer newPixelLayer(String name, int top, int left, int width, int height, int depth, byte[][] color, byte[] alpha) {
        PsdLayer l = new PsdLayer();
        l.top = top;
        l.left = left;
        l.bottom = top + height;
        l.right = left + width;
        List<PsdChannel> ch = new ArrayList<>();
        if (alpha != null) ch.add(PsdChannel.of(PsdChannel.TRANSPARENCY, width, height, depth, alpha));
        for (int i = 0; i < color.length; i++) ch.add(PsdChannel.of(i, width, height, depth, color[i]));
        l.channels = ch;
        l.flags = 0x08; // bit 3: "1 for Photoshop 5.0 and later, tells if bit 4 has useful information"
        l.setName(name);
        l.modified = true;
        return l;
    }

    /** A group's top record (lsct 1 open folder, pass-through). Children go between it and {@link #newGroupEnd}. */
    public static PsdLayer newGroupStart(String name, int colorChannels, int depth) {
        PsdLayer l = emptyRecord(colorChannels, depth);
        l.blendMode = "pass";
        l.flags = 0x08 | 0x10;
        l.setName(name);
        PsdOutput o = new PsdOutput();
        o.u32(SectionType.OPEN_FOLDER.code());
        o.key(Keys.SIG_8BIM);
        o.key("pass");
        l.setBlock(TaggedBlock.of(Keys.SECTION_DIVIDER, o.toByteArray()));
        return l;
    }

    /** A group's bottom record ("bounding section divider", lsct 3). */
    public static PsdLayer newGroupEnd(int colorChannels, int depth) {
        PsdLayer l = emptyRecord(colorChannels, depth);
        l.flags = 0x08 | 0x10 | FLAG_HIDDEN;
        l.setName(DIVIDER_NAME);
        PsdOutput o = new PsdOutput();
        o.u32(SectionType.BOUNDING_DIVIDER.code());
        l.setBlock(TaggedBlock.of(Keys.SECTION_DIVIDER, o.toByteArray()));
        return l;
    }

    private static PsdLayer emptyRecord(int colorChannels, int depth) {
        PsdLayer l = new PsdLayer();
        List<PsdChannel> ch = new ArrayList<>();
        ch.add(PsdChannel.of(PsdChannel.TRANSPARENCY, 0, 0, depth, new byte[0]));
        for (int i = 0; i < colorChannels; i++) ch.add(PsdChannel.of(i, 0, 0, depth, new byte[0]));
        l.channels = ch;
        l.modified = true;
        return l;
    }

    // ---- record fields

    public int top() { return top; }
    public int left() { return left; }
    public int bottom() { return bottom; }
    public int right() { return right; }
    /** Width from the bounds; 0 for inverted bounds (they occur), at most Integer.MAX_VALUE. */
    public int width() { return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (long) right - left)); }
    public int height() { return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (long) bottom - top)); }

    /** Channels in file order. Not modifiable; use {@link #setChannel} or {@link #setPixels}. */
    public List<PsdChannel> channels() { return Collections.unmodifiableList(channels); }

    /** The channel with this id, or null. */
    public PsdChannel channel(int id) {
        for (PsdChannel c : channels) if (c.id() == id) return c;
        return null;
    }

    /** Replaces the channel with the same id (or adds it); its size must match the layer or mask bounds. */
    public void setChannel(PsdChannel c) {
        int[] size = LayerRecordCodec.channelSize(c.id(), this, mask);
        int w = size[0], h = size[1];
        if (c.width() != w || c.height() != h) throw new IllegalArgumentException("channel " + c.id() + " is " + c.width() + "x" + c.height() + ", needs " + w + "x" + h);
        for (int i = 0; i < channels.size(); i++) {
            if (channels.get(i).id() == c.id()) {
                channels.set(i, c);
                modified = true;
                return;
            }
        }
        channels.add(c);
        modified = true;
    }

    /** Moves/resizes the layer and replaces all its non-mask channels at once. */
    public void setPixels(int top, int left, int width, int height, List<PsdChannel> pixelChannels) {
        for (PsdChannel c : pixelChannels) {
            if (c.id() < PsdChannel.TRANSPARENCY) throw new IllegalArgumentException("mask channels go through setUserMask");
            if (c.width() != width || c.height() != height) throw new IllegalArgumentException("channel " + c.id() + " size does not match " + width + "x" + height);
        }
        List<PsdChannel> next = new ArrayList<>(pixelChannels);
        for (PsdChannel c : channels) if (c.id() < PsdChannel.TRANSPARENCY) next.add(c);
        this.top = top;
        this.left = left;
        this.bottom = top + height;
        this.right = left + width;
        this.channels = next;
        modified = true;
    }

    /**
     * Blend mode key as Photoshop applies it, e.g. "norm", "mul ", "lLit", "pass". A group's is the one
     * its section divider names: Photoshop writes "norm" in the record of a pass-through group and
     * "pass" only in the divider.
     */
    public String blendMode() {
        byte[] divider = dividerData();
        return divider != null && divider.length >= 12 && Keys.SIG_8BIM.equals(Keys.text(Arrays.copyOfRange(divider, 4, 8)))
            ? Keys.text(Arrays.copyOfRange(divider, 8, 12)) : blendMode;
    }

    /** The key in the layer record itself, as read (what the writer writes back). */
    String recordBlendMode() { return blendMode; }

    /** Sets the blend mode in the record and, where a section divider names one, there too. */
    public void setBlendMode(String key) {
        byte[] keyBytes = Keys.bytes(key);
        blendMode = key;
        TaggedBlock b = dividerBlock();
        if (b != null && b.data().length >= 12) {
            byte[] data = b.data().clone();
            System.arraycopy(keyBytes, 0, data, 8, 4);
            setBlock(new TaggedBlock(b.signature(), b.key(), data, b.padding()));
        }
        modified = true;
    }

    private TaggedBlock dividerBlock() {
        TaggedBlock b = block(Keys.SECTION_DIVIDER);
        return b != null ? b : block("lsdk");
    }

    private byte[] dividerData() {
        TaggedBlock b = dividerBlock();
        return b == null ? null : b.data();
    }

    public int opacity() { return opacity; }

    /** Fill opacity 0-255 (the 'iOpa' block; 255 without one): opacity that spares layer effects. */
    public int fillOpacity() {
        TaggedBlock b = block("iOpa");
        return b == null || b.data().length < 1 ? 255 : b.data()[0] & 0xFF;
    }

    public void setOpacity(int opacity) {
        if (opacity < 0 || opacity > 255) throw new IllegalArgumentException("opacity " + opacity + " is not 0-255");
        this.opacity = opacity;
        modified = true;
    }

    /**
     * What in the layer's Blending Options lets other pixels than its own show where it is opaque
     * (knockout, channel restrictions, blend-if ranges), or null when nothing does.
     */
    public String seeThrough() {
        TaggedBlock knko = block("knko"), brst = block("brst");
        if ((knko != null && knko.data().length > 0 && knko.data()[0] != 0) || (brst != null && brst.data().length >= 4)) {
            return "uses knockout or channel restrictions";
        }
        for (int i = 0; i + 3 < blendingRanges.length; i += 4) {
            byte[] r = blendingRanges;
            if (r[i] != 0 || r[i + 1] != 0 || r[i + 2] != (byte) 255 || r[i + 3] != (byte) 255) return "has blend-if ranges";
        }
        return null;
    }

    /** True if clipped to the layer below (clipping byte 1). */
    public boolean clipping() { return clipping != 0; }

    public void setClipping(boolean clipped) {
        clipping = clipped ? 1 : 0;
        modified = true;
    }

    /** The raw flags byte of the layer record. */
    public int flags() { return flags; }

    public boolean visible() { return (flags & FLAG_HIDDEN) == 0; }

    public void setVisible(boolean visible) {
        flags = visible ? flags & ~FLAG_HIDDEN : flags | FLAG_HIDDEN;
        modified = true;
    }

    public boolean transparencyProtected() { return (flags & FLAG_TRANSPARENCY_PROTECTED) != 0; }

    public void setTransparencyProtected(boolean on) {
        flags = on ? flags | FLAG_TRANSPARENCY_PROTECTED : flags & ~FLAG_TRANSPARENCY_PROTECTED;
        modified = true;
    }

    /** Blending ranges data as stored (may be empty). Not a copy: do not modify. */
    public byte[] blendingRanges() { return blendingRanges; }

    // ---- masks

    /** The user mask / mask data of the record, or null. */
    public LayerMask userMask() { return mask; }

    /**
     * Sets the user mask and its pixels (channel -2, sized to the mask bounds), or removes both with (null, null).
     * {@code pixels} is not copied.
     */
    public void setUserMask(LayerMask newMask, byte[] pixels, int depth) {
        channels.removeIf(c -> c.id() == PsdChannel.USER_MASK || c.id() == PsdChannel.REAL_USER_MASK);
        mask = newMask == null ? null : new LayerMask(newMask.top(), newMask.left(), newMask.bottom(), newMask.right(), newMask.defaultColor(),
                newMask.flags(), newMask.userDensity(), newMask.userFeather(), newMask.vectorDensity(), newMask.vectorFeather(), null);
        maskRaw = null;
        if (mask != null) channels.add(PsdChannel.of(PsdChannel.USER_MASK, mask.width(), mask.height(), depth, pixels));
        modified = true;
    }

    /**
     * True if the layer has a pixel user mask: mask data with channel -2, unless the mask was rendered
     * from other data (flag bit 3) that the layer holds, its vector mask, without a separate real mask.
     * Without a vector mask the flag renders nothing else, and the data is the mask (psd-io's
     * compositor and other readers apply it; ignoring it protected pixels the mask hides).
     */
    public boolean hasUserMask() {
        boolean vector = block(Keys.VECTOR_MASK) != null || block(Keys.VECTOR_MASK_CS6) != null;
        boolean rendered = mask != null && (mask.flags() & LayerMask.FROM_RENDERING) != 0 && vector;
        return mask != null && channel(PsdChannel.USER_MASK) != null && (!rendered || mask.real() != null);
    }

    /**
     * The pixel (user) mask as Photoshop applies it, or null without one: beside a vector mask with a
     * separate "real" mask, channel −3 and the record's real fields; else channel −2 and its main fields.
     */
    public MaskPlane pixelMask() {
        if (!hasUserMask()) return null;
        LayerMask.RealMask r = mask.real();
        if (vectorMask() != null && r != null && channel(PsdChannel.REAL_USER_MASK) != null) {
            return new MaskPlane(r.top(), r.left(), r.bottom(), r.right(), r.defaultColor(), (r.flags() & LayerMask.DISABLED) != 0,
                    (r.flags() & LayerMask.INVERT) != 0, mask.userDensity(), mask.userFeather(), channel(PsdChannel.REAL_USER_MASK));
        }
        return new MaskPlane(mask.top(), mask.left(), mask.bottom(), mask.right(), mask.defaultColor(), mask.disabled(), mask.inverted(),
                mask.userDensity(), mask.userFeather(), channel(PsdChannel.USER_MASK));
    }

    /**
     * Photoshop's rendering of what the layer's masks let show, which it stores beside a vector mask as
     * channel −2 flagged as rendered from other data: the vector mask times the pixel mask when that is
     * on, without either mask's density (docs/psd-io-notes.md, "Masks"). Null without a vector mask,
     * when the file holds no rendering of it, or when it was set aside ({@link #setAsideVectorMaskRendering}).
     */
    public MaskPlane vectorMaskRendering() {
        VectorMask v = vectorMask();
        PsdChannel c = channel(PsdChannel.USER_MASK);
        if (v == null || mask == null || (mask.flags() & LayerMask.FROM_RENDERING) == 0 || c == null || renderingSetAside) return null;
        return new MaskPlane(mask.top(), mask.left(), mask.bottom(), mask.right(), mask.defaultColor(), v.disabled(), v.inverted(),
                mask.vectorDensity(), mask.vectorFeather(), c);
    }

    /**
     * Has this reading of the file ignore the stored rendering of the vector mask, as one that no longer
     * matches its path (a tool changed the path without rendering it again): the compositor then
     * declines the layer. Not written to the file.
     */
    public void setAsideVectorMaskRendering() { renderingSetAside = true; }

    /** The vector mask from {@code vmsk} (or {@code vsms}), or null. */
    public VectorMask vectorMask() {
        TaggedBlock b = block(Keys.VECTOR_MASK);
        if (b == null) b = block(Keys.VECTOR_MASK_CS6);
        return b == null ? null : VectorMask.parse(b.data());
    }

    // ---- names, ids, locks, sections

    /** The Unicode name from {@code luni} when present, else the Pascal name. */
    public String name() {
        TaggedBlock b = block(Keys.UNICODE_NAME);
        if (b != null && b.data().length >= 4) {
            byte[] d = b.data();
            long n = readU32(d, 0);
            int chars = (int) Math.min(n, (d.length - 4) / 2);
            // Some writers count a terminating NUL (the psd crate's luni fixture); it is not part of the name.
            while (chars > 0 && d[2 + 2 * chars] == 0 && d[3 + 2 * chars] == 0) chars--;
            return new String(d, 4, chars * 2, StandardCharsets.UTF_16BE);
        }
        return pascalName;
    }

    /** The Pascal name field as stored (Mac Roman). */
    public String pascalName() { return pascalName; }

    /** Sets the Pascal name (Mac Roman, at most 255 bytes) and the Unicode name ({@code luni}). */
    public void setName(String name) {
        pascalName = PascalStrings.decode(PascalStrings.encode(name));
        nameField = null;
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16BE);
        PsdOutput o = new PsdOutput();
        o.u32(utf16.length / 2);
        o.bytes(utf16);
        o.zeros(PsdOutput.padding(o.length(), 4));
        setBlock(TaggedBlock.of(Keys.UNICODE_NAME, o.toByteArray()));
    }

    /** The {@code lyid} layer id, or -1 if the record has none. */
    public int layerId() {
        TaggedBlock b = block(Keys.LAYER_ID);
        return b == null || b.data().length < 4 ? -1 : (int) readU32(b.data(), 0);
    }

    void setLayerId(int id) { setBlock(TaggedBlock.of(Keys.LAYER_ID, int32(id))); }

    /** The {@code lspf} lock flags, 0 if absent; see the LOCK_ constants. */
    public int lockFlags() {
        TaggedBlock b = block(Keys.LOCKS);
        return b == null || b.data().length < 4 ? 0 : (int) readU32(b.data(), 0);
    }

    public void setLockFlags(int lockFlags) { setBlock(TaggedBlock.of(Keys.LOCKS, int32(lockFlags))); }

    /** Section type from {@code lsct}: OTHER for ordinary layers. */
    public SectionType sectionType() {
        byte[] divider = dividerData();
        return divider == null || divider.length < 4 ? SectionType.OTHER : SectionType.ofCode((int) readU32(divider, 0));
    }

    public boolean isGroupStart() { return sectionType().isGroup(); }

    public boolean isGroupEnd() { return sectionType() == SectionType.BOUNDING_DIVIDER; }

    // ---- tagged blocks

    /** All tagged blocks in file order. Not modifiable; use {@link #setBlock} / {@link #removeBlock}. */
    public List<TaggedBlock> blocks() { return Collections.unmodifiableList(blocks); }

    /** The first block with this key, or null. */
    public TaggedBlock block(String key) {
        for (TaggedBlock b : blocks) if (b.key().equals(key)) return b;
        return null;
    }

    /** Replaces the first block with the same key in place, or appends it. */
    public void setBlock(TaggedBlock block) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).key().equals(block.key())) {
                blocks.set(i, block);
                modified = true;
                return;
            }
        }
        blocks.add(block);
        modified = true;
    }

    public boolean removeBlock(String key) {
        boolean removed = blocks.removeIf(b -> b.key().equals(key));
        modified |= removed;
        return removed;
    }

    /** True if anything was changed since the layer was read (always true for new layers). */
    public boolean isModified() { return modified; }

    @Override
    public String toString() { return "PsdLayer['" + name() + "' " + sectionType() + " " + left + "," + top + " " + width() + "x" + height() + "]"; }

    // ---- access for the record codec

    static long readU32(byte[] d, int p) {
        return ((d[p] & 0xFFL) << 24) | ((d[p + 1] & 0xFF) << 16) | ((d[p + 2] & 0xFF) << 8) | (d[p + 3] & 0xFF);
    }

    private static byte[] int32(int v) { return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v}; }

    void setRecord(int top, int left, int bottom, int right, String blendSignature, String blendMode, int opacity, int clipping, int flags, int filler) {
        this.top = top;
        this.left = left;
        this.bottom = bottom;
        this.right = right;
        this.blendSignature = blendSignature;
        this.blendMode = blendMode;
        this.opacity = opacity;
        this.clipping = clipping;
        this.flags = flags;
        this.filler = filler;
    }

    void setStoredExtras(LayerMask mask, byte[] maskRaw, byte[] blendingRanges, String pascalName, byte[] nameField,
                         List<TaggedBlock> blocks, byte[] blocksTrailing, List<PsdChannel> channels) {
        this.mask = mask;
        this.maskRaw = maskRaw;
        this.blendingRanges = blendingRanges;
        this.pascalName = pascalName;
        this.nameField = nameField;
        this.blocks.clear();
        this.blocks.addAll(blocks);
        this.blocksTrailing = blocksTrailing;
        this.channels = new ArrayList<>(channels);
        this.modified = false;
    }

    void attachStoredChannels(List<PsdChannel> stored) { this.channels = new ArrayList<>(stored); }

    String blendSignature() { return blendSignature; }
    int clippingByte() { return clipping; }
    int filler() { return filler; }
    byte[] maskRaw() { return maskRaw; }
    byte[] nameField() { return nameField; }
    byte[] blocksTrailing() { return blocksTrailing; }
}
