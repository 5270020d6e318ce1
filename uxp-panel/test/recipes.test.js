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
  assert.deepEqual(R.jobOptions("editorial", {}), { background: "keep", denoise: 0.5, protectHighlights: true, protectShadows: true, fsRadius: 8, productMask: "layer" });
  assert.deepEqual(R.jobOptions("pro", { protectShadows: false }), { background: "keep", denoise: 0.5, fsRadius: 8, productMask: "layer" });
  assert.deepEqual(R.jobOptions("quick", { background: "white", denoise: 0.9, productMask: "auto" }), { background: "white", productMask: "auto" }, "only what Quick uses");
  assert.throws(() => R.jobOptions("pro", { background: "sky" }), /background must be keep, clean or white/);
  assert.throws(() => R.jobOptions("pro", { denoise: 1.5 }), /denoise must be within 0..1/);
  assert.throws(() => R.jobOptions("pro", { fsRadius: 2.5 }), /fsRadius must be an integer/);
  assert.throws(() => R.jobOptions("pro", { productMask: "lasso" }), /productMask must be/);
});
