// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Layer and mask information section: layer info, global layer mask info, then document-level
 * tagged blocks, where 16- and 32-bit files keep their layer info ({@code Lr16}/{@code Lr32}).
 */
final class LayerAndMaskSection {
    private LayerAndMaskSection() {}

    static void read(PsdInput in, PsdHeader h, PsdDocument doc, PixelBudget budget, boolean eager, PhantomPadding phantom)
            throws IOException {
        boolean psb = h.psb();
        in.push("layer and mask info");
        long length = in.length(psb);
        in.require(length);
        long start = in.position();
        long end = start + length;
        doc.layerSectionPresent = length > 0;
        if (length == 0) {
            in.pop();
            return;
        }
        in.push("layer info");
        long infoLength = in.length(psb);
        if (infoLength > end - in.position()) throw in.fail("layer info declares " + infoLength + " bytes, the section has " + (end - in.position()), in.position() - (psb ? 8 : 4));
        LayerInfo.Parsed main = LayerInfo.read(in, in.position() + infoLength, h, budget, eager, phantom);
        in.pop();
        doc.mainLayerInfoPresent = main.present();
        doc.mainLayerInfoPadding = main.padding();
        apply(doc, main, PsdDocument.LayerInfoLocation.MAIN);
        if (end - in.position() >= 4) {
            in.push("global layer mask info");
            long g = in.u32();
            if (g > end - in.position()) throw in.fail("global layer mask info declares " + g + " bytes, the section has " + (end - in.position()), in.position() - 4);
            doc.globalLayerMaskInfo = in.bytes(g);
            in.pop();
        } else if (phantom.realign) {
            throw in.fail("re-aligned reading leaves no room for the global layer mask info");
        }
        in.push("document tagged blocks");
        TaggedBlocks.Run run = TaggedBlocks.read(in, end, psb, Set.of(Keys.LAYER_16, Keys.LAYER_32), (key, blockEnd) -> {
            long at = in.position();
            if (!doc.layers.isEmpty()) throw in.fail("layers both in the layer info and in '" + key + "'", at);
            LayerInfo.Parsed parsed = LayerInfo.read(in, blockEnd, h, budget, eager, null);
            apply(doc, parsed, Keys.LAYER_16.equals(key) ? PsdDocument.LayerInfoLocation.LR16 : PsdDocument.LayerInfoLocation.LR32);
            // A block without layers keeps its (small) bytes: a later Lr16/Lr32 block may be the one rebuilt on write.
            return !parsed.layers().isEmpty();
        });
        // A re-aligned reading must end exactly at the section end.
        if (phantom.realign && run.trailing().length > 0) {
            throw in.fail("re-aligned reading leaves " + run.trailing().length + " bytes that are not tagged blocks", end - run.trailing().length);
        }
        in.pop();
        doc.documentBlocks.addAll(run.blocks());
        doc.documentBlocksTrailing = run.trailing();
        in.pop();
    }

    private static void apply(PsdDocument doc, LayerInfo.Parsed p, PsdDocument.LayerInfoLocation where) {
        if (!p.present()) return;
        doc.layerInfoLocation = where;
        doc.layers.addAll(p.layers());
        doc.negativeLayerCount = p.negativeCount();
        doc.layerInfoPadding = p.padding();
    }

    static void write(PsdOutput out, PsdDocument doc, boolean psb, PsdWriteOptions options) {
        if (!doc.layerSectionPresent && doc.layers.isEmpty()) {
            out.length(0, psb);
            return;
        }
        boolean inMain = doc.layerInfoLocation == PsdDocument.LayerInfoLocation.MAIN;
        String lrKey = doc.layerInfoLocation == PsdDocument.LayerInfoLocation.LR32 ? Keys.LAYER_32 : Keys.LAYER_16;
        out.section(psb, 1, true, body -> {
            body.section(psb, 1, true, info -> {
                if (inMain) {
                    LayerInfo.write(info, doc.mainLayerInfoPresent, doc.layers, doc.negativeLayerCount, doc.layerInfoPadding, psb, options);
                } else {
                    LayerInfo.write(info, doc.mainLayerInfoPresent, List.of(), false, doc.mainLayerInfoPadding, psb, options);
                }
            });
            if (doc.globalLayerMaskInfo != null) {
                body.u32(doc.globalLayerMaskInfo.length);
                body.bytes(doc.globalLayerMaskInfo);
            }
            boolean lrWritten = false;
            for (TaggedBlock b : doc.documentBlocks) {
                if (!inMain && b.key().equals(lrKey)) {
                    writeLayerBlock(body, b.signature(), lrKey, b.padding(), doc, psb, options);
                    lrWritten = true;
                } else {
                    TaggedBlocks.write(body, b, psb);
                }
            }
            if (!inMain && !lrWritten) writeLayerBlock(body, Keys.SIG_8BIM, lrKey, -1, doc, psb, options);
            body.bytes(doc.documentBlocksTrailing);
        });
    }

    /**
     * An {@code Lr16}/{@code Lr32} block rebuilt from the layers, so its length may differ from the
     * input's: padded to 4 when the input's {@code padding} (bytes) showed that rule or for a new
     * block ({@code -1}), as Photoshop does, else to 2. Unchanged, it pads as the input did, except
     * that an odd block its writer left unpadded gains its pad byte.
     */
    private static void writeLayerBlock(PsdOutput out, String signature, String key, int padding, PsdDocument doc, boolean psb, PsdWriteOptions options) {
        out.key(Keys.signatureIn(signature, psb));
        out.key(key);
        long n = out.section(Keys.wideLength(key, psb), 1, true,
                data -> LayerInfo.write(data, true, doc.layers, doc.negativeLayerCount, doc.layerInfoPadding, psb, options));
        out.zeros(PsdOutput.padding(n, padding < 0 || padding >= 2 ? 4 : 2));
    }
}
