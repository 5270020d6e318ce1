// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.Map;

/**
 * What a retoucher calls the things the file format names by four-letter keys: blend modes
 * (Adobe Photoshop File Format Specification, "Layer records", blend mode keys) in Photoshop's own
 * words, and the tagged blocks that make a layer something other than plain pixels. A key Loupe
 * has no words for is quoted, so a message never loses it.
 */
public final class PsdNames {
    private static final Map<String, String> BLEND_MODES = pairs(
            "pass", "Pass Through", "norm", "Normal", "diss", "Dissolve",
            "dark", "Darken", "mul ", "Multiply", "idiv", "Color Burn",
            "lbrn", "Linear Burn", "dkCl", "Darker Color", "lite", "Lighten",
            "scrn", "Screen", "div ", "Color Dodge", "lddg", "Linear Dodge (Add)",
            "lgCl", "Lighter Color", "over", "Overlay", "sLit", "Soft Light",
            "hLit", "Hard Light", "vLit", "Vivid Light", "lLit", "Linear Light",
            "pLit", "Pin Light", "hMix", "Hard Mix", "diff", "Difference",
            "smud", "Exclusion", "fsub", "Subtract", "fdiv", "Divide",
            "hue ", "Hue", "sat ", "Saturation", "colr", "Color",
            "lum ", "Luminosity");

    private static final Map<String, String> BLOCKS = pairs(
            "vmsk", "a vector mask", "vsms", "a vector mask",
            "vscg", "a vector fill", "SoCo", "a solid colour fill",
            "GdFl", "a gradient fill", "PtFl", "a pattern fill",
            "TySh", "text", "tySh", "text",
            "SoLd", "a smart object", "SoLE", "a smart object",
            "PlLd", "a smart object", "plLd", "a smart object",
            "lrFX", "layer effects", "lfx2", "layer effects", "lmfx", "layer effects",
            "brit", "a Brightness/Contrast adjustment", "levl", "a Levels adjustment",
            "curv", "a Curves adjustment", "expA", "an Exposure adjustment",
            "vibA", "a Vibrance adjustment", "hue2", "a Hue/Saturation adjustment",
            "hue ", "a Hue/Saturation adjustment", "blnc", "a Color Balance adjustment",
            "blwh", "a Black & White adjustment", "phfl", "a Photo Filter adjustment",
            "mixr", "a Channel Mixer adjustment", "clrL", "a Color Lookup adjustment",
            "nvrt", "an Invert adjustment", "post", "a Posterize adjustment",
            "thrs", "a Threshold adjustment", "grdm", "a Gradient Map adjustment",
            "selc", "a Selective Color adjustment");

    private PsdNames() {}

    /** A map from alternating keys and names. */
    private static Map<String, String> pairs(String... keysAndNames) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            map.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return Map.copyOf(map);
    }

    /** "Linear Dodge (Add)" for {@code lddg}; an unknown key quoted. */
    public static String blendMode(String key) {
        String name = BLEND_MODES.get(key);
        return name != null ? name : "'" + key.trim() + "'";
    }

    /** "a vector mask ('vmsk')"; an unknown key as "a 'KEY' block". */
    public static String block(String key) {
        String name = BLOCKS.get(key);
        return name != null ? name + " ('" + key + "')" : "a '" + key + "' block";
    }
}
