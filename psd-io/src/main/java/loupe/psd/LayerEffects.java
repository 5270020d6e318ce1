// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of a layer's effects show. Photoshop keeps a layer's style in an {@code lfx2} block (and an
 * {@code lmfx} block when an effect is used more than once) after every effect in it has been
 * switched off or the style hidden (the eye on "Effects"), and writes the legacy {@code lrFX} copy
 * beside it; such a layer renders as its pixels alone. Both blocks hold "object-based effects": a
 * version (0) and a versioned {@link Descriptor} whose {@code masterFXSwitch} hides the whole style
 * and whose effects (one descriptor, or a list of them for the "Multi" keys) each carry {@code enab}.
 * An effect counts as shown when {@code enab} is true, whatever else it says, so a style Loupe
 * misreads is refused rather than dropped.
 */
public final class LayerEffects {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("DrSh", "Drop Shadow"), Map.entry("dropShadowMulti", "Drop Shadow"),
            Map.entry("IrSh", "Inner Shadow"), Map.entry("innerShadowMulti", "Inner Shadow"),
            Map.entry("OrGl", "Outer Glow"), Map.entry("IrGl", "Inner Glow"),
            Map.entry("ebbl", "Bevel & Emboss"), Map.entry("ChFX", "Satin"),
            Map.entry("SoFi", "Color Overlay"), Map.entry("solidFillMulti", "Color Overlay"),
            Map.entry("GrFl", "Gradient Overlay"), Map.entry("gradientFillMulti", "Gradient Overlay"),
            Map.entry("patternFill", "Pattern Overlay"),
            Map.entry("FrFX", "Stroke"), Map.entry("frameFXMulti", "Stroke"));

    private LayerEffects() {}

    /**
     * The effects an object-effects block shows, by Photoshop's names (empty when the style is hidden
     * or every effect is off).
     *
     * @throws PsdFormatException when the block does not parse (named after {@code where})
     */
    static List<String> shown(TaggedBlock block, String where) throws IOException {
        PsdInput in = PsdInput.ofBytes(where, block.data());
        in.push(PsdNames.block(block.key()));
        long version = in.u32();
        if (version != 0) throw in.fail("object effects version " + version + " is not 0", 0);
        Descriptor style = Descriptor.readVersioned(in);
        List<String> shown = new ArrayList<>();
        if (Boolean.FALSE.equals(style.get("masterFXSwitch"))) return shown;
        style.items().forEach((key, value) -> {
            if (enabled(value)) {
                String name = NAMES.getOrDefault(key, "'" + key + "'");
                if (!shown.contains(name)) shown.add(name);
            }
        });
        return shown;
    }

    private static boolean enabled(Object value) {
        if (value instanceof Descriptor d) return Boolean.TRUE.equals(d.get("enab"));
        if (value instanceof List<?> list) return list.stream().anyMatch(LayerEffects::enabled);
        return false;
    }
}
