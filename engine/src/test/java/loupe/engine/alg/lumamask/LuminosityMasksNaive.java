// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;

/** Slow double-precision luminosity masks, pixel by pixel, straight from the formulas. */
final class LuminosityMasksNaive {
  private LuminosityMasksNaive() {}

  /** L with the real-valued weights, rounded once. */
  static int luminance(Planar rgb, LumaWeights w, int x, int y) {
    if (rgb.numBands() == 1) {
      return rgb.bands[0].get(x, y);
    }
    return (int) Math.round(w.red * rgb.bands[0].get(x, y) + w.green * rgb.bands[1].get(x, y)
        + w.blue * rgb.bands[2].get(x, y));
  }

  /**
   * The mask from its definition. {@code luma} supplies L (so that curves are checked separately
   * from the integer weights, which {@link #luminance} checks).
   */
  static GrayU16 mask(MaskSpec spec, Planar image, GrayU16 luma, GrayU16 product, LumaMaskConfig config) {
    GrayU16 out = new GrayU16(image.width, image.height);
    boolean gray = image.numBands() == 1;
    for (int y = 0; y < image.height; y++) {
      for (int x = 0; x < image.width; x++) {
        int r = image.bands[0].get(x, y);
        int g = gray ? r : image.bands[1].get(x, y);
        int b = gray ? r : image.bands[2].get(x, y);
        int source = switch (spec.source(config)) {
          case LUMINANCE -> luma.get(x, y);
          case RED -> r;
          case GREEN -> g;
          case BLUE -> b;
          case NEUTRAL -> Math.min(r, Math.min(g, b));
          case CHROMA -> Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        };
        double t = source / 65535.0;
        double v = curve(spec, t, config);
        if (spec.withinProduct()) {
          v *= product.get(x, y) / 65535.0;
        }
        out.set(x, y, (int) Math.round(v * 65535));
      }
    }
    return out;
  }

  /** The curves with Math.pow, independently of the engine's ToneFamily. */
  private static double curve(MaskSpec spec, double t, LumaMaskConfig config) {
    if (spec instanceof MaskSpec.Tone tone) {
      return tone(tone, t);
    }
    if (spec instanceof MaskSpec.Zone zone) {
      return tone(zone.wide(), t) * (1 - tone(zone.narrow(), t));
    }
    if (spec instanceof MaskSpec.Preset preset) {
      return tone(preset.preset().tone(config), t);
    }
    return t; // saturation: chroma itself
  }

  private static double tone(MaskSpec.Tone tone, double t) {
    int n = tone.order();
    return switch (tone.family()) {
      case LIGHTS -> Math.pow(t, n);
      case DARKS -> Math.pow(1 - t, n);
      case MIDTONES -> 1 - Math.pow(t, n) - Math.pow(1 - t, n) + Math.pow(t, n) * Math.pow(1 - t, n);
    };
  }
}
