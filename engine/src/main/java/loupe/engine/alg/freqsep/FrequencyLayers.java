// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.freqsep;

import loupe.engine.image.Planar;

/**
 * The two layers of a frequency separation, in 16-bit storage at the document's depth.
 *
 * @param low the Gaussian-blurred copy (colour and tone), blend mode Normal
 * @param high the texture layer, mid grey where there is no detail, blend mode Linear Light
 */
public record FrequencyLayers(Planar low, Planar high) {}
