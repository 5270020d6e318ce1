// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * Writing options.
 *
 * @param compression compression for channels that have no stored bytes (new or changed pixels):
 *                    RLE (default), ZIP, ZIP_PREDICTION or RAW
 * @param reencode    false: unchanged channels keep their stored bytes (and compression); true: every
 *                    channel of the layers and their masks is stored in {@code compression} (RLE for
 *                    32-bit layers of a PSD is ZIP with prediction, as for new channels), and the
 *                    composite is encoded anew, RAW if asked, else RLE: the only composite
 *                    compressions Photoshop writes and other readers take
 */
public record PsdWriteOptions(Compression compression, boolean reencode) {
    public static final PsdWriteOptions DEFAULT = new PsdWriteOptions(Compression.RLE);

    public PsdWriteOptions {
        if (compression == null) throw new IllegalArgumentException("compression must not be null");
    }

    /** New channels in {@code compression}; unchanged channels keep their bytes. */
    public PsdWriteOptions(Compression compression) { this(compression, false); }

    /** Every channel stored in {@code compression}. */
    public static PsdWriteOptions reencodingAll(Compression compression) { return new PsdWriteOptions(compression, true); }
}
