// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * Writing options.
 *
 * @param compression compression for channels that have no stored bytes (new or changed pixels):
 *                    RLE (default), ZIP, ZIP_PREDICTION or RAW. Unchanged channels keep their bytes.
 */
public record PsdWriteOptions(Compression compression) {
    public static final PsdWriteOptions DEFAULT = new PsdWriteOptions(Compression.RLE);

    public PsdWriteOptions {
        if (compression == null) throw new IllegalArgumentException("compression must not be null");
    }
}
