// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** Compressed channel data that does not decode; the offset is relative to the start of the data. */
final class CorruptDataException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long relativeOffset;

    CorruptDataException(String message, long relativeOffset) {
        super(message, null, false, false);
        this.relativeOffset = relativeOffset;
    }

    long relativeOffset() { return relativeOffset; }
}
