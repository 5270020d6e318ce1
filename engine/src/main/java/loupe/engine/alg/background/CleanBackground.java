// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.background;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/**
 * A replacement background in layers, to be placed under the (untouched) product layer:
 * {@code background} at the bottom, {@code shadowLayer} above it in Multiply mode with {@code
 * shadowMask} as its layer mask. The composite is background·(1 − mask·(1 − shadow)) per band (in
 * normalised document values), exactly what Photoshop shows for that stack.
 *
 * @param background the sweep (or white), full frame
 * @param shadowLayer the product's contact shadow as a Multiply layer: 65535 = no darkening
 * @param shadowMask where the contact shadow lives, 65535 = fully applied
 * @param model the fitted sweep (also fitted in WHITE mode: the shadow is measured against it)
 */
public record CleanBackground(Planar background, Planar shadowLayer, GrayU16 shadowMask, SweepModel model) {}
