// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** Section divider type from the {@code lsct} block (0 when the block is absent). */
public enum SectionType {
    OTHER, OPEN_FOLDER, CLOSED_FOLDER, BOUNDING_DIVIDER;

    public int code() { return ordinal(); }

    /** Unknown codes are treated as OTHER, as Photoshop does. */
    public static SectionType ofCode(int code) {
        return code >= 0 && code < 4 ? values()[code] : OTHER;
    }

    public boolean isGroup() { return this == OPEN_FOLDER || this == CLOSED_FOLDER; }
}
