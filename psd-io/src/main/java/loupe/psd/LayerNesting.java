// SPDX-License-Identifier: Apache-2.0
package loupe.psd;

import java.util.List;

/**
 * Checks that group dividers nest: reading top down (the Layers panel's order, file order
 * reversed), every group-end divider closes an open group and every group is closed. The reader
 * refuses a file whose records do not nest (a damaged file; found before any work, not when the
 * result is written) and the writer refuses to make one, because other readers do not take them
 * (TwelveMonkeys fails with an EmptyStackException on a group end above its start).
 */
final class LayerNesting {
    private LayerNesting() {}

    /** The first record (file order index) that breaks the nesting, and how. */
    record Break(int record, String message) {}

    /** @return the first break, or null when the groups nest */
    static Break find(List<PsdLayer> fileOrder) {
        int open = 0;
        int lastStart = -1;
        for (int i = fileOrder.size() - 1; i >= 0; i--) {
            PsdLayer l = fileOrder.get(i);
            if (l.isGroupStart()) {
                open++;
                lastStart = i;
            } else if (l.isGroupEnd()) {
                if (open == 0) {
                    return new Break(i, "layer record " + i + " ('" + l.name()
                        + "') ends a group, but no group is open above it: its group's start lies below it");
                }
                open--;
            }
        }
        return open == 0 ? null : new Break(lastStart, "layer record " + lastStart + " ('"
            + fileOrder.get(lastStart).name() + "') starts a group that no group-end divider below it closes");
    }

    /** @throws IllegalArgumentException naming the first record that breaks the nesting */
    static void check(List<PsdLayer> fileOrder) {
        Break b = find(fileOrder);
        if (b != null) throw new IllegalArgumentException(b.message());
    }
}
