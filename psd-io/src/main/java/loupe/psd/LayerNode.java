// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.ArrayList;
import java.util.List;

/** Tree view of the layer records: a group node holds its children, top to bottom as the Layers panel shows them. */
public record LayerNode(PsdLayer layer, List<LayerNode> children) {
    public boolean isGroup() { return layer.isGroupStart(); }

    /** Builds the tree from records in file order (bottom to top); divider records close groups and are not nodes. */
    static List<LayerNode> build(List<PsdLayer> fileOrder) {
        List<LayerNode> roots = new ArrayList<>();
        List<List<LayerNode>> stack = new ArrayList<>();
        stack.add(roots);
        for (int i = fileOrder.size() - 1; i >= 0; i--) {
            PsdLayer l = fileOrder.get(i);
            List<LayerNode> current = stack.get(stack.size() - 1);
            if (l.isGroupEnd()) {
                if (stack.size() > 1) stack.remove(stack.size() - 1);
            } else if (l.isGroupStart()) {
                List<LayerNode> kids = new ArrayList<>();
                current.add(new LayerNode(l, kids));
                stack.add(kids);
            } else {
                current.add(new LayerNode(l, List.of()));
            }
        }
        return roots;
    }
}
