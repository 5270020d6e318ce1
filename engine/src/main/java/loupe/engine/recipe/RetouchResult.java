// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.List;

/**
 * What a recipe produced: the layers to add (bottom first within each placement), the fidelity
 * report of the guard that let them through, and short notes on what was done (for the report).
 */
public record RetouchResult(Recipe recipe, List<OutputLayer> layers, FidelityReport fidelity, List<String> notes) {}
