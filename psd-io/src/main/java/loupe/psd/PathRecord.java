// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** One record of a path resource or vector mask, in file order (26 bytes each in the file). */
public sealed interface PathRecord permits Subpath, PathRecord.FillRule, PathRecord.InitialFill, PathRecord.Other {
    /** Selector 6: "Path fill rule record" (no data). */
    record FillRule() implements PathRecord {}

    /** Selector 8: "Initial fill rule record"; 1 means the fill starts with all pixels. */
    record InitialFill(int value) implements PathRecord {}

    /** Any other record (clipboard record 7, unknown selectors), kept as its 24 data bytes. */
    record Other(int selector, byte[] data) implements PathRecord {}
}
