// SPDX-License-Identifier: Apache-2.0
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const R = require("../src/recipes.js");

test("three recipes with one history name each", () => {
  assert.deepEqual(R.RECIPES.map((r) => r.id), ["quick", "pro", "editorial"]);
  assert.deepEqual(R.RECIPES.map((r) => r.historyName), ["Loupe Quick", "Loupe Pro", "Loupe Editorial"]);
  assert.throws(() => R.recipeById("deluxe"), /unknown recipe 'deluxe'/);
});

test("job options: defaults, overrides, and a clear error for each bad value", () => {
  assert.deepEqual(R.jobOptions("editorial", {}), { background: "keep", denoise: 0.5, protectHighlights: true, protectShadows: true, fsRadius: 8, productMask: "layer", inpainter: "classical" });
  assert.deepEqual(R.jobOptions("pro", { protectShadows: false }), { background: "keep", denoise: 0.5, fsRadius: 8, productMask: "layer", inpainter: "classical" });
  assert.deepEqual(R.jobOptions("quick", { background: "white", denoise: 0.9, productMask: "auto" }), { background: "white", productMask: "auto", inpainter: "classical" }, "only what Quick uses");
  assert.throws(() => R.jobOptions("pro", { background: "sky" }), /background must be keep, clean or white/);
  assert.throws(() => R.jobOptions("pro", { denoise: 1.5 }), /denoise must be within 0..1/);
  assert.throws(() => R.jobOptions("pro", { fsRadius: 2.5 }), /fsRadius must be an integer/);
  assert.throws(() => R.jobOptions("pro", { productMask: "lasso" }), /productMask must be auto, layer, auto:isnet, selection or channel:NAME, got lasso/);
  assert.throws(() => R.jobOptions("pro", { inpainter: "sd" }), /inpainter must be classical, lama, migan, got sd/);
  assert.throws(() => R.jobOptions("pro", { selectionUse: "mask" }), /selectionUse must be none, props, heal, got mask/);
});

test("ISNet and the model inpainters are sent as the server names them; whether they are installed is the server's call", () => {
  assert.equal(R.jobOptions("quick", { productMask: "auto:isnet" }).productMask, "auto:isnet");
  for (const inpainter of ["lama", "migan"]) {
    for (const r of R.RECIPES) assert.equal(R.jobOptions(r.id, { inpainter }).inpainter, inpainter, r.id);
  }
  assert.deepEqual(R.INPAINTERS.map((m) => m.id), ["classical", "lama", "migan"]);
});

test("the selection goes in one role: the product mask, the props to remove, or the area to heal (Editorial only)", () => {
  assert.equal(R.selectionRole("pro", {}), null, "not read by default");
  assert.equal(R.selectionRole("pro", { productMask: "selection" }), "selection");
  for (const r of ["quick", "pro", "editorial"]) assert.equal(R.selectionRole(r, { selectionUse: "props" }), "props", r);
  assert.equal(R.selectionRole("editorial", { selectionUse: "heal" }), "heal");
  assert.throws(() => R.selectionRole("pro", { selectionUse: "heal" }), /'Heal the selection' is not part of Pro \(it is part of Editorial\)/);
  assert.throws(() => R.jobOptions("quick", { selectionUse: "heal" }), /not part of Quick/, "jobOptions checks it too");
  assert.throws(() => R.selectionRole("editorial", { selectionUse: "heal", productMask: "selection" }), /The selection is the product mask, so it cannot also be the area to heal; choose another product mask/);
  assert.throws(() => R.selectionRole("pro", { selectionUse: "props", productMask: "selection" }), /cannot also be the props to remove/);
  assert.equal(R.jobOptions("editorial", { selectionUse: "heal" }).selectionUse, undefined, "a panel choice, not a job option");
});

test("a saved channel as the product mask travels as the selection buffer, and leaves the active selection free for props or healing", () => {
  assert.equal(R.maskChannel("channel:Product mask"), "Product mask");
  assert.equal(R.maskChannel("channel:a:b"), "a:b", "everything after the first colon is the name");
  assert.equal(R.maskChannel("selection"), null);
  assert.equal(R.jobOptions("quick", { productMask: "channel:Product mask" }).productMask, "selection");
  assert.throws(() => R.jobOptions("pro", { productMask: "channel:" }), /productMask channel: needs the name of a saved channel/);
  assert.equal(R.selectionRole("pro", { productMask: "channel:Product mask", selectionUse: "props" }), "props");
  assert.equal(R.selectionRole("editorial", { productMask: "channel:Product mask", selectionUse: "heal" }), "heal");
});

test("options fit the recipe: healing chosen under Editorial becomes 'Not used' under another recipe", () => {
  assert.equal(R.fitOptions("pro", { selectionUse: "heal" }).selectionUse, "none");
  assert.equal(R.fitOptions("quick", { selectionUse: "props" }).selectionUse, "props");
  assert.equal(R.fitOptions("editorial", { selectionUse: "heal" }).selectionUse, "heal");
  assert.deepEqual(R.fitOptions("pro", {}), R.DEFAULT_OPTIONS);
  assert.doesNotThrow(() => R.jobOptions("pro", R.fitOptions("pro", { selectionUse: "heal" })));
});

test("switching recipes: the product mask follows the recipe's default unless the user chose another", () => {
  assert.equal(R.switchRecipe("quick", "pro", { productMask: "auto" }).productMask, "layer");
  assert.equal(R.switchRecipe("pro", "quick", { productMask: "layer" }).productMask, "auto");
  assert.equal(R.switchRecipe("quick", "pro", {}).productMask, "layer");
  for (const chosen of ["channel:Product mask", "selection", "auto:isnet"]) {
    assert.equal(R.switchRecipe("pro", "quick", { productMask: chosen }).productMask, chosen);
    assert.equal(R.switchRecipe("quick", "editorial", { productMask: chosen }).productMask, chosen);
  }
  assert.equal(R.switchRecipe("editorial", "pro", { productMask: "layer", selectionUse: "heal" }).selectionUse, "none");
});
