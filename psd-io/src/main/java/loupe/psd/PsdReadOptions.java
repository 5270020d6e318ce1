// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * Reading options.
 *
 * @param maxPixels budget for the declared pixel data of all channels (layers, masks, composite), in
 *                  samples; checked against the declared sizes before anything is allocated
 * @param decodeEagerly decode every channel while reading (errors surface at once, pixels are kept);
 *                      otherwise channels keep their compressed bytes and decode on demand
 */
public record PsdReadOptions(long maxPixels, boolean decodeEagerly) {
    public static final long DEFAULT_MAX_PIXELS = 1_000_000_000L;
    public static final PsdReadOptions DEFAULT = new PsdReadOptions(DEFAULT_MAX_PIXELS, false);

    public PsdReadOptions {
        if (maxPixels < 1) throw new IllegalArgumentException("maxPixels must be positive");
    }

    public PsdReadOptions withMaxPixels(long max) { return new PsdReadOptions(max, decodeEagerly); }

    public PsdReadOptions withDecodeEagerly(boolean eager) { return new PsdReadOptions(maxPixels, eager); }
}
