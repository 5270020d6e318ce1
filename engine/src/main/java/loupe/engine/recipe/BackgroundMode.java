// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.Locale;

/** What happens to the background beyond defect removal. */
public enum BackgroundMode {
  /** Keep the photographed sweep (cleaned of defects, optionally denoised). */
  KEEP,
  /** Replace it with a seamless sweep fitted to the original; the contact shadow is its own layer. */
  CLEAN,
  /** Pure #FFFFFF for marketplaces; the contact shadow is its own layer. */
  WHITE;

  public static BackgroundMode parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown background mode '" + name + "' (use keep, clean or white)");
    }
  }
}
