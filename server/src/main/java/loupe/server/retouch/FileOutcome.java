// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.nio.file.Path;
import loupe.engine.image.GrayU16;
import loupe.engine.recipe.RetouchResult;
import loupe.psd.PsdWriteResult;

/**
 * One retouched file: where it went, what the engine did, how the writer wrote it, how long it
 * took, the mask it kept exact, and the product's outline (for exports' clipping paths).
 *
 * @param productMask what the job protected (for an automatic mask, with its safety margin)
 * @param outline what the product mask selects: for an automatic mask the estimate, without the
 *     safety margin the job protected around it
 */
public record FileOutcome(Path input, Path output, RetouchResult result, PsdWriteResult written, long millis,
    GrayU16 productMask, GrayU16 outline) {}
