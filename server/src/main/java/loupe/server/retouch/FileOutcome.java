// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.nio.file.Path;
import loupe.engine.image.GrayU16;
import loupe.engine.recipe.RetouchResult;
import loupe.psd.PsdWriteResult;

/**
 * One retouched file: where it went, what the engine did, how the writer wrote it, how long it
 * took, and the product mask used (for exports' clipping paths).
 */
public record FileOutcome(
    Path input, Path output, RetouchResult result, PsdWriteResult written, long millis, GrayU16 productMask) {}
