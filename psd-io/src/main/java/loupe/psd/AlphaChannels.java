// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Saved alpha channels (saved selections): the composite's channels after the colour channels,
 * named by resources 1006 (Pascal strings) and 1045 (Unicode strings), identified by 1053 and
 * shown per 1007/1077 (display info: overlay colour, opacity, and whether the colour marks
 * "selected" or "masked" areas). Photoshop writes one entry per extra channel, merged transparency
 * included (named "Transparency"); a list shorter than the extra channels describes the last ones,
 * the leading unnamed channel being the merged transparency (as {@link PsdCompositor} reads it).
 */
public final class AlphaChannels {
    static final int DISPLAY_INFO_OLD = 1007;
    static final int ALPHA_IDENTIFIERS = 1053;
    static final int DISPLAY_INFO = 1077;
    /** The header's channel count: "Supported range is 1 to 56". */
    static final int MAX_CHANNELS = 56;
    private static final int OLD_ENTRY = 14;
    private static final int ENTRY = 13;
    /** Photoshop's default for a new channel: red overlay, 50 %, colour indicates masked areas (kind 1). */
    private static final byte[] DEFAULT_DISPLAY = {0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 50, 1};

    /**
     * One named extra channel. {@code inverted}: its display info says the colour indicates
     * selected areas (kind 0), so the stored values are 0 where the selection is full. {@code spot}:
     * it is a spot-colour plate (kind 2, printing ink), not a saved selection.
     */
    public record Alpha(String name, PsdChannel channel, boolean inverted, boolean spot) {}

    private AlphaChannels() {}

    /** The named extra channels in file order. */
    public static List<Alpha> list(PsdDocument doc) {
        int colours = doc.colorMode().colorChannels();
        int extra = Math.min(doc.channelCount(), doc.composite().size()) - colours;
        List<String> names = doc.alphaChannelNames();
        byte[] display = displayEntries(doc);
        int entrySize = doc.resource(DISPLAY_INFO) != null ? ENTRY : OLD_ENTRY;
        int displayCount = display == null ? 0 : display.length / entrySize;
        List<Alpha> out = new ArrayList<>();
        int n = Math.min(names.size(), Math.max(extra, 0));
        for (int i = 0; i < n; i++) {
            int channel = colours + extra - n + i;
            int entry = displayCount - (extra - (channel - colours));
            int kind = entry >= 0 ? display[entry * entrySize + 12] : 1;
            out.add(new Alpha(names.get(names.size() - n + i), doc.composite().get(channel), kind == 0, kind == 2));
        }
        return out;
    }

    /** The first extra channel with this name, or null. */
    public static Alpha find(PsdDocument doc, String name) {
        for (Alpha a : list(doc)) {
            if (a.name().equals(name)) return a;
        }
        return null;
    }

    /**
     * Why {@code count} alpha channels cannot be added to the document, or null when they can: it
     * keeps no composite image data to add them to, or they would bring it past the
     * {@value #MAX_CHANNELS} channels a PSD holds. Lets a caller add several channels or none.
     */
    public static String whyNot(PsdDocument doc, int count) {
        if (!doc.compositePresent || doc.composite.size() != doc.channelCount) {
            return "the document has no composite image data to add an alpha channel to";
        }
        if (doc.channelCount + count > MAX_CHANNELS) {
            return "the document has " + doc.channelCount + " channels; " + count + " more would pass the " + MAX_CHANNELS
                + " a PSD holds";
        }
        return null;
    }

    /**
     * Appends a composite channel named {@code name} (display: Photoshop's default, colour marks
     * masked areas, so 255/65535 = selected) and its entries in the name, identifier and display
     * resources that the document has; names are always written to both 1006 and 1045, one per
     * extra channel as Photoshop writes them (see {@link #displayFor}). The colour
     * composite is not touched and the document is not marked modified, so the writer keeps it
     * (and its stored bytes) as read: alpha channels do not change how the image renders.
     *
     * @param decoded planar big-endian samples at the document's depth, document-sized; kept, not copied
     */
    public static void add(PsdDocument doc, String name, byte[] decoded) {
        String why = whyNot(doc, 1);
        if (why != null) throw new IllegalArgumentException(why);
        if (find(doc, name) != null) throw new IllegalArgumentException("the document already has an alpha channel named '" + name + "'");
        PsdChannel channel = PsdChannel.of(doc.channelCount, doc.width, doc.height, doc.depth, decoded);
        int extra = doc.channelCount - doc.colorMode().colorChannels();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < extra; i++) names.add(i == 0 ? "Transparency" : "Alpha " + i);
        List<String> known = doc.alphaChannelNames();
        for (int i = 0; i < Math.min(extra, known.size()); i++) names.set(extra - 1 - i, known.get(known.size() - 1 - i));
        names.add(name);
        put(doc, ResourceParsers.ALPHA_NAMES, pascalNames(names));
        put(doc, ResourceParsers.ALPHA_NAMES_UNICODE, unicodeNames(names));
        ImageResource ids = doc.resource(ALPHA_IDENTIFIERS);
        if (ids != null) put(doc, ALPHA_IDENTIFIERS, withNewIdentifier(ids.data()));
        ImageResource modern = doc.resource(DISPLAY_INFO);
        if (modern != null) {
            byte[] version = java.util.Arrays.copyOf(modern.data(), 4);
            put(doc, DISPLAY_INFO, concat(version, displayFor(modern.data(), 4, ENTRY, extra, DEFAULT_DISPLAY)));
        }
        ImageResource old = doc.resource(DISPLAY_INFO_OLD);
        if (old != null) put(doc, DISPLAY_INFO_OLD, displayFor(old.data(), 0, OLD_ENTRY, extra, concat(DEFAULT_DISPLAY, new byte[1])));
        doc.composite.add(channel);
        doc.channelCount++;
    }

    /**
     * Display entries for the extra channels plus one for the new channel. Names and entries are
     * made one per extra channel first (the last ones kept, missing leading ones filled with
     * Photoshop's defaults, "Transparency" first), so every reader pairs the new entry with the
     * new channel, whether it counts from the first extra channel or from the last.
     */
    private static byte[] displayFor(byte[] data, int from, int size, int extra, byte[] entry) {
        int have = Math.max(0, (data.length - from) / size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < extra; i++) {
            int source = have - extra + i;
            out.write(source >= 0 ? data : entry, source >= 0 ? from + source * size : 0, size);
        }
        out.writeBytes(entry);
        return out.toByteArray();
    }

    /** Display entries: 1077 after its 4-byte version, else 1007, else null. */
    private static byte[] displayEntries(PsdDocument doc) {
        ImageResource modern = doc.resource(DISPLAY_INFO);
        if (modern != null) {
            byte[] d = modern.data();
            return d.length < 4 ? new byte[0] : java.util.Arrays.copyOfRange(d, 4, d.length);
        }
        ImageResource old = doc.resource(DISPLAY_INFO_OLD);
        return old == null ? null : old.data();
    }

    /** Replaces a resource in place (or appends it) without marking the document modified. */
    private static void put(PsdDocument doc, int id, byte[] data) {
        for (int i = 0; i < doc.resources.size(); i++) {
            ImageResource r = doc.resources.get(i);
            if (r.id() == id) {
                doc.resources.set(i, new ImageResource(r.signature(), id, r.name(), data));
                return;
            }
        }
        doc.resources.add(new ImageResource(id, "", data));
    }

    private static byte[] pascalNames(List<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String n : names) {
            byte[] b = PascalStrings.encode(n);
            out.write(b.length);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /** Each name as a 4-byte count of UTF-16 units, then UTF-16BE, with the terminating NUL Photoshop writes. */
    private static byte[] unicodeNames(List<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String n : names) {
            byte[] b = (n + "\0").getBytes(StandardCharsets.UTF_16BE);
            out.writeBytes(u32(b.length / 2));
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /** 1053 as Photoshop writes it: one 4-byte identifier per extra channel; the new one is the largest + 1. */
    private static byte[] withNewIdentifier(byte[] ids) {
        long max = 0;
        for (int p = 0; p + 4 <= ids.length; p += 4) max = Math.max(max, PsdLayer.readU32(ids, p));
        return concat(java.util.Arrays.copyOf(ids, ids.length / 4 * 4), u32((int) (max + 1)));
    }

    private static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
