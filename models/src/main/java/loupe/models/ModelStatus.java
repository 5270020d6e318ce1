// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.nio.file.Path;

/**
 * One variant of a known model as found in the model folder.
 *
 * @param detail for {@link State#BAD}: what is wrong
 * @param sha256 the verified digest when {@link State#INSTALLED}
 * @param size file size in bytes, −1 when missing
 */
public record ModelStatus(ModelManifest manifest, ModelVariant variant, Path file, State state, String detail,
    String sha256, long size) {
  public enum State {
    /** Present and its checksum is the expected one. */
    INSTALLED,
    /** Not in the model folder. */
    MISSING,
    /** Present but not the verified file (checksum, size or record wrong). */
    BAD
  }
}
