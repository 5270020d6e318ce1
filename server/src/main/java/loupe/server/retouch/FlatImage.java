// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/** A single-layer picture (PNG, TIFF, JPEG): colour bands, optional transparency, depth, ICC profile. */
public record FlatImage(Planar color, GrayU16 alpha, BitDepth depth, byte[] iccProfile) {}
