// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.ArrayList;
import java.util.List;

/**
 * Path data as stored in saved-path resources (2000-2997), the working path (1025), clipping paths
 * and vector masks: a sequence of 26-byte records. Parsing is lenient (a path is never a reason to
 * refuse a file): unknown selectors are kept as {@link PathRecord.Other}, an incomplete tail is dropped.
 */
public record PathData(List<PathRecord> records) {
    private static final int RECORD = 26;

    public PathData {
        records = List.copyOf(records);
    }

    /** A path with a fill-rule record, initial fill 0, and these subpaths (the layout Photoshop writes). */
    public static PathData of(List<Subpath> subpaths) {
        List<PathRecord> r = new ArrayList<>();
        r.add(new PathRecord.FillRule());
        r.add(new PathRecord.InitialFill(0));
        r.addAll(subpaths);
        return new PathData(r);
    }

    public List<Subpath> subpaths() {
        List<Subpath> s = new ArrayList<>();
        for (PathRecord r : records) if (r instanceof Subpath sp) s.add(sp);
        return s;
    }

    public int knotCount() { return subpaths().stream().mapToInt(s -> s.knots().size()).sum(); }

    public boolean hasFillRule() { return records.stream().anyMatch(r -> r instanceof PathRecord.FillRule); }

    /** The initial fill rule value, or null if there is no such record. */
    public Integer initialFill() {
        for (PathRecord r : records) if (r instanceof PathRecord.InitialFill f) return f.value();
        return null;
    }

    /** Parses {@code length} bytes from {@code offset}. */
    public static PathData parse(byte[] data, int offset, int length) {
        List<PathRecord> out = new ArrayList<>();
        int p = offset;
        int end = offset + Math.min(length, data.length - offset);
        while (end - p >= RECORD) {
            int selector = u16(data, p);
            if (selector == 0 || selector == 3) {
                int count = u16(data, p + 2);
                byte[] tail = slice(data, p + 4, 22);
                p += RECORD;
                List<Knot> knots = new ArrayList<>();
                for (int i = 0; i < count && end - p >= RECORD; i++, p += RECORD) {
                    int ks = u16(data, p);
                    knots.add(new Knot(ks == 1 || ks == 4, fixed(data, p + 2), fixed(data, p + 6), fixed(data, p + 10),
                            fixed(data, p + 14), fixed(data, p + 18), fixed(data, p + 22)));
                }
                out.add(new Subpath(selector == 0, knots, tail));
                continue;
            }
            if (selector == 6) out.add(new PathRecord.FillRule());
            else if (selector == 8) out.add(new PathRecord.InitialFill(u16(data, p + 2)));
            else out.add(new PathRecord.Other(selector, slice(data, p + 2, 24)));
            p += RECORD;
        }
        return new PathData(out);
    }

    public static PathData parse(byte[] data) { return parse(data, 0, data.length); }

    /** The records as stored in a path resource (also the body of a vector mask after its version and flags). */
    public byte[] toResourceBytes() {
        PsdOutput out = new PsdOutput();
        write(out);
        return out.toByteArray();
    }

    void write(PsdOutput out) {
        for (PathRecord r : records) {
            if (r instanceof Subpath s) {
                out.u16(s.closed() ? 0 : 3);
                out.u16(s.knots().size());
                out.bytes(s.lengthRecordTail());
                for (Knot k : s.knots()) {
                    out.u16(s.closed() ? (k.linked() ? 1 : 2) : (k.linked() ? 4 : 5));
                    for (double v : new double[] {k.inY(), k.inX(), k.anchorY(), k.anchorX(), k.outY(), k.outX()}) {
                        out.u32(Knot.toFixed(v));
                    }
                }
            } else if (r instanceof PathRecord.FillRule) {
                out.u16(6);
                out.zeros(24);
            } else if (r instanceof PathRecord.InitialFill f) {
                out.u16(8);
                out.u16(f.value());
                out.zeros(22);
            } else if (r instanceof PathRecord.Other o) {
                out.u16(o.selector());
                out.bytes(o.data());
            }
        }
    }

    private static int u16(byte[] d, int p) { return ((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF); }

    private static double fixed(byte[] d, int p) {
        return Knot.fromFixed(((d[p] & 0xFF) << 24) | ((d[p + 1] & 0xFF) << 16) | ((d[p + 2] & 0xFF) << 8) | (d[p + 3] & 0xFF));
    }

    private static byte[] slice(byte[] d, int p, int n) {
        byte[] s = new byte[n];
        System.arraycopy(d, p, s, 0, n);
        return s;
    }
}
