// SPDX-License-Identifier: Apache-2.0
// The three recipes (shared/design/overview.md) and the job options the panel sends for them.
"use strict";

const RECIPES = [
  {
    id: "quick",
    label: "Quick",
    historyName: "Loupe Quick",
    summary: "Clean props, stands and dust from the background; optional studio white.",
    uses: ["background", "productMask", "inpainter", "selectionUse"],
    selectionUses: ["none", "props"],
    defaultProductMask: "auto",
  },
  {
    id: "pro",
    label: "Pro",
    historyName: "Loupe Pro",
    summary: "Background work on layers beneath the jewelry, plus frequency-separation layers.",
    uses: ["background", "denoise", "fsRadius", "productMask", "inpainter", "selectionUse"],
    selectionUses: ["none", "props"],
    defaultProductMask: "layer",
  },
  {
    id: "editorial",
    label: "Editorial",
    historyName: "Loupe Editorial",
    summary: "Pro, with luminosity masks protecting diamond highlights and deep metal shadows.",
    uses: ["background", "denoise", "protectHighlights", "protectShadows", "fsRadius", "productMask", "inpainter", "selectionUse"],
    selectionUses: ["none", "props", "heal"],
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
  { id: "auto:isnet", label: "Automatic (ISNet model)" },
  { id: "selection", label: "Active selection" },
];

// A saved alpha channel (Select > Save Selection, or the "Product mask" channel a Loupe job saves) is chosen as
// "channel:NAME". The panel reads it as Photoshop loads it and sends it as the product-mask buffer, so the server
// protects exactly what it selects, as with the active selection (docs/protocol.md).
const CHANNEL_PREFIX = "channel:";

/** The saved channel's name when the product mask is one, else null. */
function maskChannel(productMask) {
  return typeof productMask === "string" && productMask.startsWith(CHANNEL_PREFIX) ? productMask.slice(CHANNEL_PREFIX.length) : null;
}

// How props are inpainted. The models are optional downloads (`loupe models add`): the panel offers them all and
// the server, which knows what is installed, refuses a missing one with its own message.
const INPAINTERS = [
  { id: "classical", label: "Classical" },
  { id: "lama", label: "LaMa model" },
  { id: "migan", label: "MI-GAN model" },
];

// What the active selection is sent as, besides the product mask (docs/protocol.md, buffer roles): props to remove,
// or jewelry pixels to heal from the jewelry layer's own pixels (Editorial).
const SELECTION_USES = [
  { id: "none", label: "Not used", role: null },
  { id: "props", label: "Remove the selection (prop)", role: "props", purpose: "the props to remove" },
  { id: "heal", label: "Heal the selection", role: "heal", purpose: "the area to heal" },
];

const DEFAULT_OPTIONS = Object.freeze({
  background: "keep",
  denoise: 0.5,
  protectHighlights: true,
  protectShadows: true,
  fsRadius: 8,
  productMask: "layer",
  inpainter: "classical",
  selectionUse: "none",
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
  const channel = maskChannel(o.productMask);
  if (channel === "") throw new RangeError("productMask channel: needs the name of a saved channel");
  if (channel === null && !PRODUCT_MASKS.some((m) => m.id === o.productMask)) {
    throw new RangeError("productMask must be " + PRODUCT_MASKS.map((m) => m.id).join(", ") + " or " + CHANNEL_PREFIX + "NAME, got " + o.productMask);
  }
  if (!INPAINTERS.some((m) => m.id === o.inpainter)) throw new RangeError("inpainter must be " + INPAINTERS.map((m) => m.id).join(", ") + ", got " + o.inpainter);
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
    // The channel's pixels travel in the selection buffer.
    productMask: channel === null ? o.productMask : "selection",
    inpainter: o.inpainter,
  };
  selectionRole(recipeId, o);
  const out = {};
  for (const key of Object.keys(all)) if (recipe.uses.includes(key)) out[key] = all[key];
  return out;
}

/**
 * The buffer role the active selection is sent in: "selection" (the product mask), "props", "heal", or null when
 * the selection is not used. One selection has one meaning: as the product mask it cannot also be props or a heal area.
 */
function selectionRole(recipeId, options) {
  const recipe = recipeById(recipeId);
  const o = Object.assign({}, DEFAULT_OPTIONS, options);
  const use = SELECTION_USES.find((u) => u.id === o.selectionUse);
  if (!use) throw new RangeError("selectionUse must be " + SELECTION_USES.map((u) => u.id).join(", ") + ", got " + o.selectionUse);
  if (!recipe.selectionUses.includes(use.id)) {
    throw new RangeError("'" + use.label + "' is not part of " + recipe.label + " (it is part of " + RECIPES.filter((r) => r.selectionUses.includes(use.id)).map((r) => r.label).join(", ") + ")");
  }
  if (o.productMask === "selection" && use.role) {
    throw new RangeError("The selection is the product mask, so it cannot also be " + use.purpose + "; choose another product mask.");
  }
  return o.productMask === "selection" ? "selection" : use.role;
}

/** The panel's options made to fit a recipe: a selection use it does not offer (healing outside Editorial) becomes "none". */
function fitOptions(recipeId, options) {
  const o = Object.assign({}, DEFAULT_OPTIONS, options);
  if (!recipeById(recipeId).selectionUses.includes(o.selectionUse)) o.selectionUse = "none";
  return o;
}

/**
 * The options after switching from recipe `fromId` to `toId`. The product mask follows the new recipe's default
 * only while it was the old one's: one the user chose (a saved channel, the selection) decides what is protected,
 * and is kept.
 */
function switchRecipe(fromId, toId, options) {
  const chosen = options.productMask !== undefined && options.productMask !== recipeById(fromId).defaultProductMask;
  return fitOptions(toId, Object.assign({}, options, chosen ? {} : { productMask: recipeById(toId).defaultProductMask }));
}

module.exports = { RECIPES, BACKGROUNDS, PRODUCT_MASKS, INPAINTERS, SELECTION_USES, DEFAULT_OPTIONS, CHANNEL_PREFIX, recipeById, jobOptions, selectionRole, fitOptions, switchRecipe, maskChannel };
