// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

/**
 * What the fidelity guard measured: how many pixels are fully jewelry, how many of them differ in
 * the flattened output (always 0 in a returned result), the pixels the user asked to heal, and
 * SHA-256 of the protected pixels before and after.
 */
public record FidelityReport(
    long protectedPixels, long changedPixels, long healedPixels, String inputSha256, String outputSha256) {
  public boolean bitExact() {
    return changedPixels == 0 && inputSha256.equals(outputSha256);
  }

  /** The one-line summary the CLI prints and the panel shows. */
  public String line() {
    return String.format("fidelity: %,d protected jewelry pixels, %,d changed%s — %s (sha256 %s)",
        protectedPixels, changedPixels,
        healedPixels > 0 ? String.format(", %,d healed where you painted", healedPixels) : "",
        bitExact() ? "bit-exact" : "VIOLATED", inputSha256.substring(0, 16));
  }
}
