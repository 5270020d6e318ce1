// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loupe.engine.image.GrayU16;

/**
 * What a recipe produced: the layers to add (bottom first within each placement), the fidelity
 * report of the guard that let them through, short notes on what was done (for the report), and
 * whether any background pixels were generated (inpainted or replaced) rather than only filtered —
 * exports declare that in their metadata — and which models produced what (empty when none was used).
 *
 * @param protections the luminosity masks Editorial added to the protection, by the name of the
 *     channel a document saves each in (document size, 65535 = protected); empty otherwise
 */
public record RetouchResult(Recipe recipe, List<OutputLayer> layers, FidelityReport fidelity, List<String> notes,
    boolean backgroundGenerated, List<ModelUse> models, Map<String, GrayU16> protections) {
  public RetouchResult {
    models = List.copyOf(models);
    protections = Collections.unmodifiableMap(new LinkedHashMap<>(protections));
  }

  /** This result with a note of a step after the recipe (writing, checking) listed last. */
  public RetouchResult withNote(String note) {
    List<String> allNotes = new ArrayList<>(notes);
    allNotes.add(note);
    return new RetouchResult(recipe, layers, fidelity, allNotes, backgroundGenerated, models, protections);
  }

  /** This result without its protection masks, for a caller that does not save them (they are canvas-sized). */
  public RetouchResult withoutProtections() {
    return new RetouchResult(recipe, layers, fidelity, notes, backgroundGenerated, models, Map.of());
  }

  /**
   * This result with the models and notes of a step before the recipe (the product mask) listed
   * first.
   */
  public RetouchResult withBefore(List<ModelUse> earlierModels, List<String> earlierNotes) {
    if (earlierModels.isEmpty() && earlierNotes.isEmpty()) {
      return this;
    }
    List<ModelUse> allModels = new ArrayList<>(earlierModels);
    allModels.addAll(models);
    List<String> allNotes = new ArrayList<>(earlierNotes);
    allNotes.addAll(notes);
    return new RetouchResult(recipe, layers, fidelity, allNotes, backgroundGenerated, allModels, protections);
  }
}
