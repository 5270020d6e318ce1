// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.ArrayList;
import java.util.List;

/** Tree view of the layer records: a group node holds its children, top to bottom as the Layers panel shows them. */
public record LayerNode(PsdLayer layer, List<LayerNode> children) {
    public boolean isGroup() { return layer.isGroupStart(); }

    /** The nodes from a root down to the one of {@code layer}, that one last; empty when it is not in the tree. */
    public static List<LayerNode> pathTo(List<LayerNode> roots, PsdLayer layer) {
        for (LayerNode n : roots) {
            if (n.layer() == layer) return List.of(n);
            List<LayerNode> below = pathTo(n.children(), layer);
            if (!below.isEmpty()) {
                List<LayerNode> path = new ArrayList<>(below.size() + 1);
                path.add(n);
                path.addAll(below);
                return path;
            }
        }
        return List.of();
    }

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
