// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.List;

/**
 * What a recipe produced: the layers to add (bottom first within each placement), the fidelity
 * report of the guard that let them through, short notes on what was done (for the report), and
 * whether any background pixels were generated (inpainted or replaced) rather than only filtered —
 * exports declare that in their metadata.
 */
public record RetouchResult(
    Recipe recipe, List<OutputLayer> layers, FidelityReport fidelity, List<String> notes, boolean backgroundGenerated) {}
