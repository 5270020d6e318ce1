// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/** Adds up declared channel sizes and refuses a file before anything that large is allocated. */
final class PixelBudget {
    private final long max;
    private long total;

    PixelBudget(long max) { this.max = max; }

    void add(long samples, PsdInput in, String what) throws PsdFormatException {
        total += samples;
        if (samples < 0 || total > max) {
            throw in.fail(what + " brings the declared pixel data to " + total + " samples, over the budget of " + max
                    + " samples; " + PsdReadOptions.howToRaise());
        }
    }
}
