// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.lumamask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One luminosity mask, by name. Names (case-insensitive), as the CLI's {@code --luminosity} takes
 * them: {@code lights1..6}, {@code darks1..6}, {@code midtones1..5}; the same with a
 * {@code red-}, {@code green-}, {@code blue-} or {@code neutral-} prefix for a channel
 * ({@code red-lights3} = R³, {@code neutral-lights4} = min(R,G,B)⁴); {@code zone:A-B} for A minus a
 * narrower B on the same channel ({@code zone:lights2-lights4} = L²·(1 − L⁴));
 * {@code saturation}; and the presets {@code diamond-highlights}, {@code metal-shadows}.
 * {@link #name()} gives the canonical name, which parses back to an equal spec.
 */
public sealed interface MaskSpec {
  String name();

  /** The per-pixel value the mask is a curve of. */
  ToneSource source(LumaMaskConfig config);

  /** The mask for source value t in [0,1]. */
  double value(double t, LumaMaskConfig config);

  /** True if the mask is intersected with the product mask. */
  default boolean withinProduct() {
    return false;
  }

  /** Tone mask: a family at an order, on a source. */
  record Tone(ToneSource source, ToneFamily family, int order) implements MaskSpec {
    public Tone {
      if (source == null || family == null) {
        throw new IllegalArgumentException("tone mask source and family are required");
      }
      if (source == ToneSource.CHROMA) {
        throw new IllegalArgumentException("tone masks are on luminance or a channel; chroma is 'saturation'");
      }
      if (order < 1 || order > family.maxOrder) {
        throw new IllegalArgumentException(family.word + " order must be 1.." + family.maxOrder + ", got " + order);
      }
    }

    @Override
    public String name() {
      return (source == ToneSource.LUMINANCE ? "" : source.prefix + "-") + family.word + order;
    }

    /** The mask value for source value t in [0,1]. */
    public double value(double t) {
      return family.apply(t, order);
    }

    @Override
    public ToneSource source(LumaMaskConfig config) {
      return source;
    }

    @Override
    public double value(double t, LumaMaskConfig config) {
      return value(t);
    }
  }

  /** Zone (band) mask: {@code wide} minus the narrower {@code narrow}, wide·(1 − narrow). */
  record Zone(Tone wide, Tone narrow) implements MaskSpec {
    public Zone {
      if (wide.source() != narrow.source() || wide.family() != narrow.family()) {
        throw new IllegalArgumentException("zone " + wide.name() + "-" + narrow.name()
            + " must subtract a mask of the same family on the same channel");
      }
      if (!wide.family().isNarrower(narrow.order(), wide.order())) {
        throw new IllegalArgumentException("zone " + wide.name() + "-" + narrow.name() + ": " + narrow.name()
            + " is not narrower than " + wide.name());
      }
    }

    @Override
    public String name() {
      return "zone:" + wide.name() + "-" + narrow.name();
    }

    @Override
    public ToneSource source(LumaMaskConfig config) {
      return wide.source();
    }

    @Override
    public double value(double t, LumaMaskConfig config) {
      return wide.value(t) * (1 - narrow.value(t));
    }
  }

  /** Saturation mask: chroma max − min of R, G, B (see {@link ToneSource#CHROMA}). */
  record Saturation() implements MaskSpec {
    @Override
    public String name() {
      return "saturation";
    }

    @Override
    public ToneSource source(LumaMaskConfig config) {
      return ToneSource.CHROMA;
    }

    @Override
    public double value(double t, LumaMaskConfig config) {
      return t;
    }
  }

  /** A protection preset, intersected with the product mask. */
  record Preset(ProtectionPreset preset) implements MaskSpec {
    public Preset {
      if (preset == null) {
        throw new IllegalArgumentException("preset is null");
      }
    }

    @Override
    public String name() {
      return preset.specName;
    }

    @Override
    public ToneSource source(LumaMaskConfig config) {
      return preset.tone(config).source();
    }

    @Override
    public double value(double t, LumaMaskConfig config) {
      return preset.tone(config).value(t);
    }

    @Override
    public boolean withinProduct() {
      return true;
    }
  }

  static MaskSpec parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("saturation")) {
      return new Saturation();
    }
    for (ProtectionPreset preset : ProtectionPreset.values()) {
      if (s.equals(preset.specName)) {
        return new Preset(preset);
      }
    }
    if (s.startsWith("zone:")) {
      String body = s.substring(5);
      // Split at the first '-' after a digit: "red-lights2-red-lights4".
      for (int i = 1; i < body.length(); i++) {
        if (body.charAt(i) == '-' && Character.isDigit(body.charAt(i - 1))) {
          return new Zone(parseTone(body.substring(0, i), text), parseTone(body.substring(i + 1), text));
        }
      }
      throw unknown(text);
    }
    return parseTone(s, text);
  }

  /** Comma-separated names, e.g. {@code lights3,darks4}. */
  static List<MaskSpec> parseList(String names) {
    List<MaskSpec> specs = new ArrayList<>();
    for (String name : names.split(",")) {
      if (!name.isBlank()) {
        specs.add(parse(name));
      }
    }
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("no luminosity mask named in '" + names + "'");
    }
    return specs;
  }

  private static Tone parseTone(String s, String original) {
    ToneSource source = ToneSource.LUMINANCE;
    String rest = s;
    int dash = s.indexOf('-');
    if (dash > 0) {
      String prefix = s.substring(0, dash);
      source = null;
      for (ToneSource candidate : ToneSource.values()) {
        if (!candidate.prefix.isEmpty() && candidate != ToneSource.CHROMA && candidate.prefix.equals(prefix)) {
          source = candidate;
        }
      }
      if (source == null) {
        throw unknown(original);
      }
      rest = s.substring(dash + 1);
    }
    for (ToneFamily family : ToneFamily.values()) {
      if (rest.startsWith(family.word)) {
        String digits = rest.substring(family.word.length());
        if (!digits.matches("[0-9]{1,2}")) {
          throw unknown(original);
        }
        return new Tone(source, family, Integer.parseInt(digits));
      }
    }
    throw unknown(original);
  }

  private static IllegalArgumentException unknown(String text) {
    return new IllegalArgumentException("unknown luminosity mask '" + text + "' (expected lightsN, darksN, midtonesN,"
        + " optionally prefixed red-, green-, blue- or neutral-; zone:A-B of two of those, e.g. zone:lights2-lights4; "
        + "saturation; diamond-highlights;"
        + " metal-shadows)");
  }
}
