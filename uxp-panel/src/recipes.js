// SPDX-License-Identifier: Apache-2.0
// The three recipes (shared/design/overview.md) and the job options the panel sends for them.
"use strict";

const RECIPES = [
  {
    id: "quick",
    label: "Quick",
    historyName: "Loupe Quick",
    summary: "Clean props, stands and dust from the background; optional studio white.",
    uses: ["background", "productMask"],
    defaultProductMask: "auto",
  },
  {
    id: "pro",
    label: "Pro",
    historyName: "Loupe Pro",
    summary: "Background work on layers beneath the jewelry, plus frequency-separation layers.",
    uses: ["background", "denoise", "fsRadius", "productMask"],
    defaultProductMask: "layer",
  },
  {
    id: "editorial",
    label: "Editorial",
    historyName: "Loupe Editorial",
    summary: "Pro, with luminosity masks protecting diamond highlights and deep metal shadows.",
    uses: ["background", "denoise", "protectHighlights", "protectShadows", "fsRadius", "productMask"],
    defaultProductMask: "layer",
  },
];

const BACKGROUNDS = [
  { id: "keep", label: "Keep" },
  { id: "clean", label: "Clean" },
  { id: "white", label: "Pure white" },
];

const PRODUCT_MASKS = [
  { id: "auto", label: "Automatic" },
  { id: "layer", label: "Layer transparency + mask" },
  { id: "selection", label: "Active selection" },
];

const DEFAULT_OPTIONS = Object.freeze({
  background: "keep",
  denoise: 0.5,
  protectHighlights: true,
  protectShadows: true,
  fsRadius: 8,
  productMask: "layer",
});

function recipeById(id) {
  const r = RECIPES.find((x) => x.id === id);
  if (!r) throw new RangeError("unknown recipe '" + id + "'; expected one of " + RECIPES.map((x) => x.id).join(", "));
  return r;
}

/**
 * Validated protocol options (docs/protocol.md, "Panel jobs") for a recipe: only those the recipe uses, so
 * the server keeps its own defaults for the rest (Quick does not denoise, whatever the slider says).
 */
function jobOptions(recipeId, options) {
  const recipe = recipeById(recipeId);
  const o = Object.assign({}, DEFAULT_OPTIONS, options);
  if (!BACKGROUNDS.some((b) => b.id === o.background)) throw new RangeError("background must be keep, clean or white, got " + o.background);
  if (!PRODUCT_MASKS.some((m) => m.id === o.productMask)) throw new RangeError("productMask must be auto, layer or selection, got " + o.productMask);
  if (!(o.denoise >= 0 && o.denoise <= 1)) throw new RangeError("denoise must be within 0..1, got " + o.denoise);
  if (!(Number.isInteger(o.fsRadius) && o.fsRadius >= 1 && o.fsRadius <= 256)) {
    throw new RangeError("fsRadius must be an integer within 1..256 px, got " + o.fsRadius);
  }
  const all = {
    background: o.background,
    denoise: o.denoise,
    protectHighlights: Boolean(o.protectHighlights),
    protectShadows: Boolean(o.protectShadows),
    fsRadius: o.fsRadius,
    productMask: o.productMask,
  };
  const out = {};
  for (const key of Object.keys(all)) if (recipe.uses.includes(key)) out[key] = all[key];
  return out;
}

module.exports = { RECIPES, BACKGROUNDS, PRODUCT_MASKS, DEFAULT_OPTIONS, recipeById, jobOptions };
