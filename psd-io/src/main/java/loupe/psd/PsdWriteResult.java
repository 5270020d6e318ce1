// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

/**
 * What the writer did.
 *
 * @param psb                 true if the file was written as PSB
 * @param compositeRecomputed true if the composite was recomputed from the layers
 * @param reason              why the composite was or was not recomputed
 * @param bytes               size of the written file
 */
public record PsdWriteResult(boolean psb, boolean compositeRecomputed, String reason, long bytes) {}
