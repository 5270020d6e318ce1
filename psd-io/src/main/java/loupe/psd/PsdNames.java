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
    private static final Map<String, String> BLEND_MODES = Map.ofEntries(
            Map.entry("pass", "Pass Through"), Map.entry("norm", "Normal"), Map.entry("diss", "Dissolve"),
            Map.entry("dark", "Darken"), Map.entry("mul ", "Multiply"), Map.entry("idiv", "Color Burn"),
            Map.entry("lbrn", "Linear Burn"), Map.entry("dkCl", "Darker Color"), Map.entry("lite", "Lighten"),
            Map.entry("scrn", "Screen"), Map.entry("div ", "Color Dodge"), Map.entry("lddg", "Linear Dodge (Add)"),
            Map.entry("lgCl", "Lighter Color"), Map.entry("over", "Overlay"), Map.entry("sLit", "Soft Light"),
            Map.entry("hLit", "Hard Light"), Map.entry("vLit", "Vivid Light"), Map.entry("lLit", "Linear Light"),
            Map.entry("pLit", "Pin Light"), Map.entry("hMix", "Hard Mix"), Map.entry("diff", "Difference"),
            Map.entry("smud", "Exclusion"), Map.entry("fsub", "Subtract"), Map.entry("fdiv", "Divide"),
            Map.entry("hue ", "Hue"), Map.entry("sat ", "Saturation"), Map.entry("colr", "Color"),
            Map.entry("lum ", "Luminosity"));

    private static final Map<String, String> BLOCKS = Map.ofEntries(
            Map.entry("vmsk", "a vector mask"), Map.entry("vsms", "a vector mask"),
            Map.entry("vscg", "a vector fill"), Map.entry("SoCo", "a solid colour fill"),
            Map.entry("GdFl", "a gradient fill"), Map.entry("PtFl", "a pattern fill"),
            Map.entry("TySh", "text"), Map.entry("tySh", "text"),
            Map.entry("SoLd", "a smart object"), Map.entry("SoLE", "a smart object"),
            Map.entry("PlLd", "a smart object"), Map.entry("plLd", "a smart object"),
            Map.entry("lrFX", "layer effects"), Map.entry("lfx2", "layer effects"), Map.entry("lmfx", "layer effects"),
            Map.entry("brit", "a Brightness/Contrast adjustment"), Map.entry("levl", "a Levels adjustment"),
            Map.entry("curv", "a Curves adjustment"), Map.entry("expA", "an Exposure adjustment"),
            Map.entry("vibA", "a Vibrance adjustment"), Map.entry("hue2", "a Hue/Saturation adjustment"),
            Map.entry("hue ", "a Hue/Saturation adjustment"), Map.entry("blnc", "a Color Balance adjustment"),
            Map.entry("blwh", "a Black & White adjustment"), Map.entry("phfl", "a Photo Filter adjustment"),
            Map.entry("mixr", "a Channel Mixer adjustment"), Map.entry("clrL", "a Color Lookup adjustment"),
            Map.entry("nvrt", "an Invert adjustment"), Map.entry("post", "a Posterize adjustment"),
            Map.entry("thrs", "a Threshold adjustment"), Map.entry("grdm", "a Gradient Map adjustment"),
            Map.entry("selc", "a Selective Color adjustment"));

    private PsdNames() {}

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
