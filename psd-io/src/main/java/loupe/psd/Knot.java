// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * One Bézier knot of a path: the control point before the anchor, the anchor, and the control point
 * after it, each (vertical, horizontal) as a fraction of the image height and width (the file's
 * signed 8.24 fixed-point values; every such value is exactly a double). {@code linked} says the
 * two control points move together.
 */
public record Knot(boolean linked, double inY, double inX, double anchorY, double anchorX, double outY, double outX) {
    static final double FIXED_ONE = 0x0100_0000;

    /** A corner knot: both control points on the anchor. */
    public static Knot corner(double anchorY, double anchorX) {
        return new Knot(false, anchorY, anchorX, anchorY, anchorX, anchorY, anchorX);
    }

    static double fromFixed(int v) { return v / FIXED_ONE; }

    static int toFixed(double v) {
        double f = Math.rint(v * FIXED_ONE);
        if (f > Integer.MAX_VALUE || f < Integer.MIN_VALUE) throw new IllegalArgumentException("path coordinate " + v + " is outside -128..128");
        return (int) f;
    }
}
