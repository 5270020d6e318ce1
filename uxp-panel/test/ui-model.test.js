// SPDX-License-Identifier: Apache-2.0
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { viewModel } = require("../src/ui.js");
const { DEFAULT_OPTIONS } = require("../src/recipes.js");

function state(patch) {
  return Object.assign(
    {
      settings: { url: "http://127.0.0.1:8765", token: "t" },
      connection: { state: "connected", message: "Connected" },
      document: { id: 1, name: "ring.psd" },
      layers: [{ id: 2, name: "Jewelry", kind: "pixel", depth: 0 }, { id: 3, name: "Props", kind: "group", depth: 0 }, { id: 4, name: "Stand", kind: "pixel", depth: 1 },
        { id: 5, name: "Curves 1", kind: "curves", depth: 0 }, { id: 6, name: "Placed", kind: "smartObject", depth: 0 }, { id: 1, name: "Background", kind: "pixel", isBackgroundLayer: true, depth: 0 }],
      recipe: "pro",
      options: Object.assign({}, DEFAULT_OPTIONS),
      protectedLayer: "active",
      run: { phase: "idle" },
      result: null,
    },
    patch
  );
}

test("Run is enabled only when connected, idle and a document is open", () => {
  assert.equal(viewModel(state()).runDisabled, false);
  for (const s of ["unknown", "checking", "unreachable", "unauthorized", "mismatch", "error", "config"]) {
    assert.equal(viewModel(state({ connection: { state: s, message: "" } })).runDisabled, true, s);
  }
  assert.equal(viewModel(state({ document: null })).runDisabled, true);
  const busy = viewModel(state({ run: { phase: "server", stage: "inpainting", fraction: 0.4 } }));
  assert.equal(busy.runDisabled, true);
  assert.equal(busy.cancelDisabled, false);
  assert.equal(busy.progress.label, "Working: inpainting");
  assert.equal(busy.progress.value, 40);
});

test("settings stay open until connected; status tone follows the connection", () => {
  assert.equal(viewModel(state({ connection: { state: "unreachable", message: "x" } })).settingsOpen, true);
  assert.equal(viewModel(state()).settingsOpen, false);
  assert.equal(viewModel(state()).status.tone, "ok");
  assert.equal(viewModel(state({ connection: { state: "mismatch", message: "x" } })).status.tone, "warn");
  assert.equal(viewModel(state({ connection: { state: "unreachable", message: "x" } })).status.tone, "error");
});

test("each recipe enables only the options it uses; nothing is editable while running", () => {
  const quick = viewModel(state({ recipe: "quick" })).enabled;
  assert.deepEqual(quick, { background: true, productMask: true, denoise: false, fsRadius: false, protectHighlights: false, protectShadows: false, inpainter: true, selectionUse: true });
  const editorial = viewModel(state({ recipe: "editorial" })).enabled;
  assert.ok(Object.values(editorial).every(Boolean));
  const running = viewModel(state({ recipe: "editorial", run: { phase: "writing" } })).enabled;
  assert.ok(Object.values(running).every((v) => !v));
});

test("the selection picker offers healing only with Editorial", () => {
  const values = (recipe) => viewModel(state({ recipe })).selectionUseChoices.map((c) => c.value);
  assert.deepEqual(values("quick"), ["none", "props"]);
  assert.deepEqual(values("pro"), ["none", "props"]);
  assert.deepEqual(values("editorial"), ["none", "props", "heal"]);
  assert.deepEqual(viewModel(state({ recipe: "editorial" })).selectionUseChoices.map((c) => c.label), ["Not used", "Remove the selection (prop)", "Heal the selection"]);
});

test("the protected-layer picker lists the layers that can hold the jewelry, indented by depth, after 'Active layer'", () => {
  const choices = viewModel(state()).layerChoices;
  assert.deepEqual(choices.map((c) => c.value), ["active", "2", "4", "6"], "no group, adjustment layer or Background");
  assert.equal(choices[2].label, "\u2003Stand");
});

test("the picker shows a chosen layer only in its own document (layer ids repeat across documents)", () => {
  assert.equal(viewModel(state({ protectedLayer: { documentId: 1, layerId: 2 } })).protectedValue, "2");
  assert.equal(viewModel(state({ protectedLayer: { documentId: 7, layerId: 2 } })).protectedValue, "active");
  assert.equal(viewModel(state()).protectedValue, "active");
});

test("the product-mask picker lists the document's saved channels; a stored channel the document lacks stays, marked", () => {
  const values = (patch) => viewModel(state(patch)).productMaskChoices.map((c) => c.value);
  assert.deepEqual(values({}), ["auto", "layer", "auto:isnet", "selection"]);
  const withChannels = viewModel(state({ channels: ["Product mask", "Loupe protection"] })).productMaskChoices;
  assert.deepEqual(withChannels.slice(4), [
    { value: "channel:Product mask", label: "Saved channel: Product mask" },
    { value: "channel:Loupe protection", label: "Saved channel: Loupe protection" },
  ]);
  const missing = viewModel(state({ channels: [], options: Object.assign({}, DEFAULT_OPTIONS, { productMask: "channel:Outline" }) })).productMaskChoices;
  assert.deepEqual(missing[missing.length - 1], { value: "channel:Outline", label: "Saved channel: Outline (not in this document)" });
});

test("progress runs monotonically through the steps", () => {
  const phases = [{ phase: "reading" }, { phase: "uploading" }, { phase: "server", fraction: 0 }, { phase: "server", fraction: 0.5 }, { phase: "server", fraction: 1 }, { phase: "downloading", fraction: 0.5 }, { phase: "writing" }, { phase: "done" }];
  const values = phases.map((run) => viewModel(state({ run })).progress.value);
  for (let i = 1; i < values.length; i++) assert.ok(values[i] > values[i - 1], JSON.stringify(values));
  assert.equal(values[values.length - 1], 100);
});

test("the result card shows the fidelity report and both hashes", () => {
  const h = "a".repeat(64);
  const vm = viewModel(state({
    run: { phase: "done" },
    result: { historyName: "Loupe Pro", protectedLayer: "Jewelry", layers: [{ placement: "below" }, { placement: "below" }], fidelity: { protectedPixels: 173819, changedPixels: 0, verdict: "bit-exact" }, hashes: { before: h, after: h } },
  }));
  assert.equal(vm.result.title, "Loupe Pro: 2 layers added");
  assert.equal(vm.result.protectedPixels, "173,819");
  assert.equal(vm.result.changed, "0 (bit-exact)");
  assert.match(vm.result.after, /✓$/);
  assert.match(vm.result.layers, /2 below and 0 above 'Jewelry'/);
  assert.equal(vm.result.notes, "");
  const other = viewModel(state({ run: { phase: "done" }, result: { historyName: "Loupe Pro", protectedLayer: "Jewelry", layers: [], fidelity: {}, hashes: { before: h, after: "b".repeat(64) } } }));
  assert.match(other.result.after, /✗ differs$/, "the mark compares the hashes");
});

test("the result card lists the server's notes, one per line", () => {
  const h = "b".repeat(64);
  const notes = ["automatic mask: 3,009 px of a prop beside the piece lie in its safety margin and were left as shot", "12,622 prop pixels found automatically"];
  const vm = viewModel(state({
    run: { phase: "done" },
    result: { historyName: "Loupe Quick", protectedLayer: "Jewelry", layers: [{ placement: "below" }], fidelity: {}, notes, hashes: { before: h, after: h } },
  }));
  assert.equal(vm.result.notes, notes.join("\n"));
});
