// SPDX-License-Identifier: Apache-2.0
package loupe.bench.ops;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import loupe.bench.BenchConfig;
import loupe.bench.data.LargeShot;
import loupe.bench.run.Compared;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.engine.alg.lumamask.LumaMaskConfig;
import loupe.engine.alg.lumamask.LumaWeights;
import loupe.engine.alg.lumamask.LuminosityMasks;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.alg.lumamask.ToneFamily;
import loupe.engine.alg.lumamask.ToneSource;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;

/**
 * A set of luminosity masks on the large 16-bit shot vs the memory/compute floor: a plain
 * single-threaded loop that reads R, G, B and writes one plane, L with the same integer Rec. 709
 * weights. Every set starts with Lights 1, which is exactly L, so the floor also checks the result.
 */
public final class LumaMaskWorkload implements Workload {
  private static final MaskSpec LIGHTS1 = new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.LIGHTS, 1);
  /** A retoucher's usual set: L, bright highlights, deep shadows, midtones. */
  private static final List<MaskSpec> SET = List.of(LIGHTS1,
      new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.LIGHTS, 4),
      new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.DARKS, 4),
      new MaskSpec.Tone(ToneSource.LUMINANCE, ToneFamily.MIDTONES, 2));

  private final int masks;
  private final BenchConfig cfg;
  private final Repeat repeat;

  /** @param masks how many of the set to compute (1..4) */
  public LumaMaskWorkload(int masks, BenchConfig cfg) {
    if (masks < 1 || masks > SET.size()) {
      throw new IllegalArgumentException("luminosity mask set size must be 1.." + SET.size() + ", got " + masks);
    }
    this.masks = masks;
    this.cfg = cfg;
    this.repeat = cfg.repeat();
  }

  @Override
  public String id() {
    return "luma-set-" + masks;
  }

  @Override
  public Row run() throws Exception {
    LargeShot shot = LargeShot.of(cfg.scene(cfg.scenes().get(0)), cfg.largeLongSide());
    Planar image = shot.image();
    List<MaskSpec> specs = SET.subList(0, masks);
    Compared<Map<MaskSpec, GrayU16>, GrayU16> m = Compared.run(repeat,
        () -> LuminosityMasks.computeSet(image, null, specs, LumaMaskConfig.DEFAULT), repeat, () -> floor(image));
    return Row.of(id(), "luminosity masks ×" + masks,
        shot.description() + " 16-bit: " + specs.stream().map(MaskSpec::name).collect(Collectors.joining(",")), repeat,
        "floor loop: read RGB, write L", m,
        Row.fields("ms_per_mask", m.loupe().ms() / masks, "lights1_max_diff_vs_floor",
            QualityMetrics.maxDifference(m.loupe().result().get(LIGHTS1), m.reference().result())),
        "floor is single-threaded");
  }

  /** The floor: one pass, three planes read, one written. Not modified: {@code rgb}. */
  static GrayU16 floor(Planar rgb) {
    LumaWeights w = LumaWeights.REC709;
    GrayU16 out = new GrayU16(rgb.width, rgb.height);
    GrayU16 r = rgb.bands[0];
    GrayU16 g = rgb.bands[1];
    GrayU16 b = rgb.bands[2];
    for (int y = 0; y < rgb.height; y++) {
      int ir = r.startIndex + y * r.stride;
      int ig = g.startIndex + y * g.stride;
      int ib = b.startIndex + y * b.stride;
      int o = y * out.width;
      for (int x = 0; x < rgb.width; x++) {
        out.data[o + x] = (short) ((w.redFixed * (r.data[ir + x] & 0xFFFF) + w.greenFixed * (g.data[ig + x] & 0xFFFF)
            + w.blueFixed * (b.data[ib + x] & 0xFFFF) + 32768) >>> 16);
      }
    }
    return out;
  }

}
