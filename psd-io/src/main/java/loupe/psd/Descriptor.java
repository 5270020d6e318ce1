// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action descriptor (Adobe Photoshop File Format Specification, "Descriptor structure"): a class
 * id and its items by key. Values are {@link Descriptor}, {@code List<Object>}, {@link Boolean},
 * {@link Integer} ('long'), {@link Long} ('comp'), {@link Double} ('doub' and 'UntF'), {@link String}
 * ('TEXT', and an enum's value) or the raw bytes of what Loupe does not interpret (references,
 * aliases, raw data). Every read is bounds-checked by {@link PsdInput}, so a damaged descriptor fails
 * with the section and offset rather than a Java exception.
 */
public record Descriptor(String classId, Map<String, Object> items) {
    /** Nesting deeper than this is refused: real files nest a handful of levels. */
    private static final int MAX_DEPTH = 64;

    public Descriptor {
        items = Collections.unmodifiableMap(items);
    }

    /** A versioned descriptor (a 4-byte version, then the descriptor) from a tagged block's data. */
    static Descriptor readVersioned(PsdInput in) throws IOException {
        long version = in.u32();
        if (version != 16) throw in.fail("descriptor version " + version + " is not 16", in.position() - 4);
        return read(in, 0);
    }

    /** The item's value, or null when absent. */
    public Object get(String key) { return items.get(key); }

    private static Descriptor read(PsdInput in, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw in.fail("descriptor nested deeper than " + MAX_DEPTH + " levels");
        unicode(in);
        String classId = id(in);
        long count = in.u32();
        in.require(count * 8, count + " descriptor items");
        Map<String, Object> items = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String key = id(in);
            items.put(key, value(in, depth));
        }
        return new Descriptor(classId, items);
    }

    private static Object value(PsdInput in, int depth) throws IOException {
        long at = in.position();
        String type = in.key();
        switch (type) {
            case "Objc", "GlbO": return read(in, depth + 1);
            case "VlLs": {
                long count = in.u32();
                in.require(count * 4, count + " list items");
                List<Object> list = new ArrayList<>();
                for (long i = 0; i < count; i++) list.add(value(in, depth + 1));
                return Collections.unmodifiableList(list);
            }
            case "doub": return Double.longBitsToDouble(in.u64Raw());
            case "UntF": in.key(); return Double.longBitsToDouble(in.u64Raw());
            case "UnFl": {
                in.key();
                long count = in.u32();
                return in.bytes(count * 8);
            }
            case "TEXT": return unicode(in);
            case "enum": id(in); return id(in);
            case "long": return in.s32();
            case "comp": return (long) in.u64Raw();
            case "bool": return in.u8() != 0;
            case "type", "GlbC": unicode(in); return id(in);
            case "alis", "tdta", "Pth ": return in.bytes(in.u32());
            case "obj ": return reference(in);
            default: throw in.fail("descriptor item of unknown type '" + type + "'", at);
        }
    }

    /** A reference ('obj '): its items are read past and returned as null (nothing in Loupe uses them). */
    private static Object reference(PsdInput in) throws IOException {
        long count = in.u32();
        in.require(count * 4, count + " reference items");
        for (long i = 0; i < count; i++) {
            long at = in.position();
            String form = in.key();
            switch (form) {
                case "prop": unicode(in); id(in); id(in); break;
                case "Clss": unicode(in); id(in); break;
                case "Enmr": unicode(in); id(in); id(in); id(in); break;
                case "rele": unicode(in); id(in); in.s32(); break;
                case "Idnt", "indx": in.s32(); break;
                case "name": unicode(in); id(in); unicode(in); break;
                default: throw in.fail("reference item of unknown form '" + form + "'", at);
            }
        }
        return null;
    }

    /** A key or class id: a length, or 0 for a four-character code. */
    private static String id(PsdInput in) throws IOException {
        long n = in.u32();
        return n == 0 ? in.key() : Keys.text(in.bytes(n));
    }

    private static String unicode(PsdInput in) throws IOException {
        long chars = in.u32();
        byte[] b = in.bytes(chars * 2);
        return new String(b, java.nio.charset.StandardCharsets.UTF_16BE);
    }
}
