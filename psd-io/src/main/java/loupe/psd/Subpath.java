// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.List;

/**
 * A subpath: closed or open, its knots, and the rest of its length record (22 bytes after the knot
 * count; the first two hold the shape operation in files from Photoshop CS6 on, zero in older ones).
 */
public record Subpath(boolean closed, List<Knot> knots, byte[] lengthRecordTail) implements PathRecord {
    /** How this subpath combines with the ones before it (psd-tools {@code Subpath.operation}). */
    public enum Operation { EXCLUDE, COMBINE, SUBTRACT, INTERSECT, UNKNOWN }

    public Subpath {
        knots = List.copyOf(knots);
        if (lengthRecordTail == null || lengthRecordTail.length != 22) throw new IllegalArgumentException("length record tail must be 22 bytes");
    }

    /** A subpath whose length record says "combine" (operation 1), as Photoshop writes new shapes. */
    public static Subpath of(boolean closed, List<Knot> knots) {
        byte[] tail = new byte[22];
        tail[1] = 1;
        return new Subpath(closed, knots, tail);
    }

    /** The raw operation field: 0 exclude (xor), 1 combine (or), 2 subtract, 3 intersect; -1 or others in some files. */
    public int operationCode() { return (short) (((lengthRecordTail[0] & 0xFF) << 8) | (lengthRecordTail[1] & 0xFF)); }

    public Operation operation() {
        int c = operationCode();
        return c >= 0 && c <= 3 ? Operation.values()[c] : Operation.UNKNOWN;
    }
}
