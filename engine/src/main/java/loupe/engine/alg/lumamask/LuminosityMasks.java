// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import loupe.engine.alg.lumamask.impl.ImplLumaPass;
import loupe.engine.alg.lumamask.impl.ImplLumaPass.Plan;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;

/**
 * Channel-based luminosity masks (Tony Kuyper's construction; retouch-facts §4) computed on the
 * document's own values at full 16-bit depth, not emulated through 8-bit selections: L (or the
 * channel) is rounded to 16 bits, and the mask is its curve of that value, evaluated exactly and
 * rounded. Against the curve of the real-valued L a mask is within 3/65535 (the steep high orders
 * and zones amplify L's rounding; measured on dev01 by an audit, 1 for Lights 1). Several masks
 * are computed in one pass over the image. Images are gray (1 band: L is the gray band) or RGB
 * (3 bands), in 16-bit storage.
 */
public final class LuminosityMasks {
  private LuminosityMasks() {}

  /**
   * The luminance plane L (= Lights 1).
   *
   * @param image Not modified
   * @param output Modified, or null
   */
  public static GrayU16 luminance(Planar image, LumaWeights weights, GrayU16 output) {
    MaskSpec lights1 = new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.LIGHTS, 1);
    return compute(image, null, lights1, LumaMaskConfig.DEFAULT.withWeights(weights), output);
  }

  /**
   * One mask.
   *
   * @param image Not modified
   * @param product Not modified: the product mask, needed by presets; may be null otherwise
   * @param output Modified, or null
   */
  public static GrayU16 compute(Planar image, GrayU16 product, MaskSpec spec, LumaMaskConfig config,
      GrayU16 output) {
    checkImage(image, product);
    output = ImageChecks.reshape(output, image.width, image.height);
    ImplLumaPass.run(image, config.weights(), product, List.of(plan(spec, image, product, config)),
        new GrayU16[] {output});
    return output;
  }

  /**
   * Several masks in one pass; duplicates are computed once. Returns new images in the order given.
   *
   * @param image Not modified
   * @param product Not modified: the product mask, needed by presets; may be null otherwise
   */
  public static Map<MaskSpec, GrayU16> computeSet(Planar image, GrayU16 product, Collection<MaskSpec> specs,
      LumaMaskConfig config) {
    checkImage(image, product);
    List<MaskSpec> unique = new ArrayList<>(new LinkedHashSet<>(specs));
    List<Plan> plans = new ArrayList<>();
    GrayU16[] outputs = new GrayU16[unique.size()];
    Map<MaskSpec, GrayU16> result = new LinkedHashMap<>();
    for (int i = 0; i < unique.size(); i++) {
      plans.add(plan(unique.get(i), image, product, config));
      outputs[i] = new GrayU16(image.width, image.height);
      result.put(unique.get(i), outputs[i]);
    }
    ImplLumaPass.run(image, config.weights(), product, plans, outputs);
    return result;
  }

  private static Plan plan(MaskSpec spec, Planar image, GrayU16 product, LumaMaskConfig config) {
    if (spec.withinProduct() && product == null) {
      throw new IllegalArgumentException("preset " + spec.name() + " intersects with the product mask, but none was given");
    }
    ToneSource source = spec.source(config);
    if (source.needsColour() && image.numBands() != 3) {
      throw new IllegalArgumentException("luminosity mask " + spec.name() + " needs an RGB document, got "
          + image.numBands() + " band(s)");
    }
    return new Plan(source, ImplLumaPass.table(t -> spec.value(t, config)), spec.withinProduct());
  }

  private static void checkImage(Planar image, GrayU16 product) {
    if (image.numBands() != 1 && image.numBands() != 3) {
      throw new IllegalArgumentException("luminosity masks need a gray (1 band) or RGB (3 bands) image, got "
          + image.numBands() + " bands");
    }
    if (product != null) {
      ImageChecks.sameSize(image, product);
    }
  }
}
