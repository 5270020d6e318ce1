// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parsing of the image resources the document exposes by name. Lenient: a malformed resource reads as absent. */
final class ResourceParsers {
    static final int RESOLUTION = 1005;
    static final int ALPHA_NAMES = 1006;
    static final int WORKING_PATH = 1025;
    static final int ICC_PROFILE = 1039;
    static final int ALPHA_NAMES_UNICODE = 1045;
    /** Version info: u32 version, u8 hasRealMergedData, then the writer's and reader's names and a u32. */
    static final int VERSION_INFO = 1057;
    static final int XMP = 1060;
    static final int FIRST_PATH = 2000;
    static final int LAST_PATH = 2997;
    static final int CLIPPING_PATH_NAME = 2999;

    private ResourceParsers() {}

    /** Whether a version-info resource (or its absence) leaves the stored composite real. */
    static boolean hasRealMergedData(ImageResource versionInfo) {
        return versionInfo == null || versionInfo.data().length < 5 || versionInfo.data()[4] != 0;
    }

    /** The resources with the version info saying the merged data is real: for a file whose composite was recomputed. */
    static List<ImageResource> withRealMergedData(List<ImageResource> resources) {
        List<ImageResource> out = new ArrayList<>(resources);
        for (int i = 0; i < out.size(); i++) {
            ImageResource r = out.get(i);
            if (r.id() == VERSION_INFO && !hasRealMergedData(r)) {
                byte[] data = r.data().clone();
                data[4] = 1;
                out.set(i, new ImageResource(r.signature(), r.id(), r.name(), data));
            }
        }
        return out;
    }

    /**
     * Pascal strings one after another (1006) or Unicode strings (1045: 4-byte length in UTF-16
     * units, then UTF-16BE); null when a name's length runs past the data (a damaged resource).
     * Fewer than 4 bytes left after the last Unicode name are padding.
     */
    static List<String> names(byte[] d, boolean unicode) {
        List<String> out = new ArrayList<>();
        int p = 0;
        while (p < d.length) {
            if (unicode) {
                if (d.length - p < 4) break;
                long n = PsdLayer.readU32(d, p);
                p += 4;
                if (n * 2 > d.length - p) return null;
                String s = new String(d, p, (int) n * 2, StandardCharsets.UTF_16BE);
                out.add(s.endsWith("\0") ? s.substring(0, s.length() - 1) : s);
                p += (int) n * 2;
            } else {
                int n = d[p++] & 0xFF;
                if (n > d.length - p) return null;
                byte[] s = new byte[n];
                System.arraycopy(d, p, s, 0, n);
                out.add(PascalStrings.decode(s));
                p += n;
            }
        }
        return out;
    }

    /** The Pascal string at the start of resource 2999 (more fields follow it in modern files). */
    static String pascalAtStart(byte[] d) {
        if (d.length < 1 || (d[0] & 0xFF) > d.length - 1) return null;
        byte[] s = new byte[d[0] & 0xFF];
        System.arraycopy(d, 1, s, 0, s.length);
        return PascalStrings.decode(s);
    }

    /**
     * The profile description from the ICC tag table (ICC.1 section 7.3): tag 'desc' of type
     * 'desc' (v2: ASCII count then text) or 'mluc' (v4: first record, UTF-16BE).
     */
    static String iccDescription(byte[] icc) {
        if (icc.length < 132) return null;
        long count = PsdLayer.readU32(icc, 128);
        for (long i = 0; i < count && 132 + i * 12 + 12 <= icc.length; i++) {
            int e = (int) (132 + i * 12);
            if (!"desc".equals(new String(icc, e, 4, StandardCharsets.ISO_8859_1))) continue;
            long off = PsdLayer.readU32(icc, e + 4);
            long size = PsdLayer.readU32(icc, e + 8);
            if (off + size > icc.length || size < 12) return null;
            int o = (int) off;
            String type = new String(icc, o, 4, StandardCharsets.ISO_8859_1);
            if ("desc".equals(type)) {
                long n = PsdLayer.readU32(icc, o + 8);
                if (n > size - 12) return null;
                String s = new String(icc, o + 12, (int) n, StandardCharsets.ISO_8859_1);
                int z = s.indexOf('\0');
                return z >= 0 ? s.substring(0, z) : s;
            }
            if ("mluc".equals(type) && size >= 28) {
                long len = PsdLayer.readU32(icc, o + 20);
                long at = PsdLayer.readU32(icc, o + 24);
                if (at + len > size) return null;
                return new String(icc, o + (int) at, (int) len, StandardCharsets.UTF_16BE).replace("\0", "");
            }
            return null;
        }
        return null;
    }
}
