// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.List;

/**
 * Checks that group dividers nest: reading top down (the Layers panel's order, file order
 * reversed), every group-end divider closes an open group and every group is closed. The reader
 * takes unbalanced records as they come; the writer refuses to make a file of them, because other
 * readers do not (TwelveMonkeys fails with an EmptyStackException on a group end above its start).
 */
final class LayerNesting {
    private LayerNesting() {}

    /** @throws IllegalArgumentException naming the first record that breaks the nesting */
    static void check(List<PsdLayer> fileOrder) {
        int open = 0;
        int lastStart = -1;
        for (int i = fileOrder.size() - 1; i >= 0; i--) {
            PsdLayer l = fileOrder.get(i);
            if (l.isGroupStart()) {
                open++;
                lastStart = i;
            } else if (l.isGroupEnd()) {
                if (open == 0) {
                    throw new IllegalArgumentException("layer record " + i + " ('" + l.name()
                        + "') ends a group, but no group is open above it: its group's start lies below it");
                }
                open--;
            }
        }
        if (open > 0) {
            throw new IllegalArgumentException("layer record " + lastStart + " ('" + fileOrder.get(lastStart).name()
                + "') starts a group that no group-end divider below it closes");
        }
    }
}
