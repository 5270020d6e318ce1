// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.List;

/**
 * What a recipe produced: the layers to add (bottom first within each placement), the fidelity
 * report of the guard that let them through, short notes on what was done (for the report), and
 * whether any background pixels were generated (inpainted or replaced) rather than only filtered —
 * exports declare that in their metadata — and which models produced what (empty when none was used).
 */
public record RetouchResult(Recipe recipe, List<OutputLayer> layers, FidelityReport fidelity, List<String> notes,
    boolean backgroundGenerated, List<ModelUse> models) {
  public RetouchResult {
    models = List.copyOf(models);
  }

  /** This result with {@code earlier} (models of steps before the recipe, such as the product mask) listed first. */
  public RetouchResult withModelsBefore(List<ModelUse> earlier) {
    if (earlier.isEmpty()) {
      return this;
    }
    List<ModelUse> all = new java.util.ArrayList<>(earlier);
    all.addAll(models);
    return new RetouchResult(recipe, layers, fidelity, notes, backgroundGenerated, all);
  }
}
