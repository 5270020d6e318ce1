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
    /**
     * The budget when the user sets none: 1.2 billion samples, four channels of a 300-megapixel
     * document (the largest Loupe retouches), so every file Loupe writes reads back within it.
     */
    public static final long DEFAULT_MAX_PIXELS = 1_200_000_000L;
    /** System property that sets the budget ({@code -Dloupe.maxSamples=2000000000}); wins over the variable. */
    public static final String MAX_SAMPLES_PROPERTY = "loupe.maxSamples";
    /** Environment variable that sets the budget ({@code LOUPE_MAX_SAMPLES=2000000000}). */
    public static final String MAX_SAMPLES_ENV = "LOUPE_MAX_SAMPLES";
    /** The built-in budget, ignoring the user's setting; Loupe's commands read with {@link #configured()}. */
    public static final PsdReadOptions DEFAULT = new PsdReadOptions(DEFAULT_MAX_PIXELS, false);

    public PsdReadOptions {
        if (maxPixels < 1) throw new IllegalArgumentException("maxPixels must be positive");
    }

    /**
     * The one budget of the product, lazy decoding: {@link #MAX_SAMPLES_PROPERTY}, else
     * {@link #MAX_SAMPLES_ENV}, else {@link #DEFAULT_MAX_PIXELS}. Read at each call.
     *
     * @throws IllegalArgumentException naming the setting if it is not a positive whole number
     */
    public static PsdReadOptions configured() {
        return new PsdReadOptions(configuredMaxSamples(System.getProperty(MAX_SAMPLES_PROPERTY), System.getenv(MAX_SAMPLES_ENV)), false);
    }

    static long configuredMaxSamples(String property, String env) {
        String name = property != null ? "-D" + MAX_SAMPLES_PROPERTY : MAX_SAMPLES_ENV;
        String value = property != null ? property : env;
        if (value == null || value.isBlank()) return DEFAULT_MAX_PIXELS;
        try {
            // Underscores allowed, as in Java literals: 2_000_000_000.
            long n = Long.parseLong(value.trim().replace("_", ""));
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number of samples (such as 2000000000), got '"
                + value.trim() + "'");
    }

    /** How the user raises the budget, for messages. */
    static String howToRaise() {
        return "set " + MAX_SAMPLES_ENV + " (or -D" + MAX_SAMPLES_PROPERTY + ") to a larger number of samples to read it";
    }

    public PsdReadOptions withMaxPixels(long max) { return new PsdReadOptions(max, decodeEagerly); }

    public PsdReadOptions withDecodeEagerly(boolean eager) { return new PsdReadOptions(maxPixels, eager); }
}
