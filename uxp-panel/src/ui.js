// SPDX-License-Identifier: Apache-2.0
// State → render. viewModel() is pure (tested in Node); createUi() binds it to index.html's sp-* widgets and
// turns widget events into handler calls. No Photoshop and no network here.
"use strict";

const { RECIPES, BACKGROUNDS, PRODUCT_MASKS, INPAINTERS, SELECTION_USES, CHANNEL_PREFIX, recipeById, maskChannel } = require("./recipes.js");
const { canHoldJewelry } = require("./guard.js");

const BUSY_PHASES = ["reading", "uploading", "server", "downloading", "waiting", "writing", "stopping"];
const PHASE_LABEL = {
  reading: "Reading the jewelry layer…",
  uploading: "Sending to Loupe…",
  server: "Working",
  downloading: "Downloading layers…",
  waiting: "Waiting for Photoshop: finish the open dialog, transform or text edit…",
  writing: "Adding layers…",
  stopping: "Cancelled; waiting for the server to finish reading the upload…",
};
const CONNECTION_TONE = { connected: "ok", checking: "busy", unauthorized: "warn", mismatch: "warn", unreachable: "error", error: "error", config: "warn", unknown: "idle" };
const CONNECTION_TITLE = {
  connected: "Connected", checking: "Connecting…", unauthorized: "Token needed", mismatch: "Version mismatch",
  unreachable: "Server not running", error: "Connection problem", config: "Port not allowed", unknown: "Not connected",
};
const OPTION_KEYS = ["background", "productMask", "denoise", "fsRadius", "protectHighlights", "protectShadows", "inpainter", "selectionUse"];

/** Overall progress: the server's fraction gets most of the bar; the Photoshop steps bracket it. */
function overallProgress(run) {
  switch (run.phase) {
    case "reading": return 3;
    case "uploading": return 8;
    case "server": return Math.round(10 + 75 * clamp01(run.fraction));
    case "downloading": return Math.round(85 + 10 * clamp01(run.fraction));
    case "waiting": return 96;
    case "writing": return 97;
    case "done": return 100;
    default: return 0;
  }
}

function clamp01(v) {
  return typeof v === "number" && v > 0 ? Math.min(1, v) : 0;
}

function shortHash(h) {
  return h ? h.slice(0, 12) + "…" + h.slice(-6) : "—";
}

/** The picker's value: "active", or the chosen layer's id while its document is the one shown. */
function protectedValue(state) {
  const p = state.protectedLayer;
  return p !== "active" && state.document && p.documentId === state.document.id ? String(p.layerId) : "active";
}

/**
 * The fixed product-mask sources, then one entry per saved channel of the document shown. A chosen channel the
 * document lacks stays listed, marked, so the picker never silently shows another choice than the one stored.
 */
function productMaskChoices(state) {
  const channels = state.channels || [];
  const choices = PRODUCT_MASKS.map((m) => ({ value: m.id, label: m.label })).concat(
    channels.map((name) => ({ value: CHANNEL_PREFIX + name, label: "Saved channel: " + name }))
  );
  const chosen = maskChannel(state.options.productMask);
  if (chosen !== null && !channels.includes(chosen)) {
    choices.push({ value: state.options.productMask, label: "Saved channel: " + chosen + " (not in this document)" });
  }
  return choices;
}

function viewModel(state) {
  const busy = BUSY_PHASES.includes(state.run.phase);
  const connected = state.connection.state === "connected";
  const recipe = recipeById(state.recipe);
  const enabled = {};
  for (const k of OPTION_KEYS) enabled[k] = !busy && recipe.uses.includes(k);
  const layerChoices = [{ value: "active", label: "Active layer" }].concat(
    state.layers.filter(canHoldJewelry).map((l) => ({ value: String(l.id), label: "\u2003".repeat(l.depth) + l.name }))
  );
  let message = state.run.message || "";
  let messageTone = state.run.phase === "failed" ? "error" : "idle";
  if (!state.document && !busy && connected) {
    message = message || "Open a document with the jewelry on its own layer.";
  }
  if (state.run.phase === "done") messageTone = "ok";
  return {
    status: {
      tone: CONNECTION_TONE[state.connection.state] || "idle",
      title: CONNECTION_TITLE[state.connection.state] || "Not connected",
      text: state.connection.message || "",
    },
    settingsOpen: state.settingsOpen || !connected,
    connectDisabled: busy || state.connection.state === "checking",
    runDisabled: !connected || busy || !state.document,
    cancelDisabled: !busy,
    recipeSummary: recipe.summary,
    enabled,
    // Healing is Editorial's: the other recipes do not offer it.
    selectionUseChoices: SELECTION_USES.filter((u) => recipe.selectionUses.includes(u.id)).map((u) => ({ value: u.id, label: u.label })),
    layerChoices,
    productMaskChoices: productMaskChoices(state),
    protectedValue: protectedValue(state),
    progress: {
      value: overallProgress(state.run),
      label: busy ? (PHASE_LABEL[state.run.phase] + (state.run.phase === "server" && state.run.stage ? ": " + state.run.stage : "")) : state.run.phase === "done" ? "Done" : "Ready",
    },
    message,
    messageTone,
    result: state.result ? resultView(state.result) : null,
  };
}

function resultView(r) {
  const f = r.fidelity || {};
  const below = r.layers.filter((l) => l.placement === "below").length;
  const above = r.layers.length - below;
  return {
    title: r.historyName + ": " + r.layers.length + " layer" + (r.layers.length === 1 ? "" : "s") + " added",
    protectedPixels: typeof f.protectedPixels === "number" ? f.protectedPixels.toLocaleString("en-US") : "—",
    changed: (typeof f.changedPixels === "number" ? String(f.changedPixels) : "—") + (f.verdict ? " (" + f.verdict + ")" : ""),
    before: shortHash(r.hashes.before),
    // runRecipe throws (and rolls back) when they differ; the mark says what was compared, not what is assumed.
    after: shortHash(r.hashes.after) + (r.hashes.after === r.hashes.before ? "  ✓" : "  ✗ differs"),
    layers: below + " below and " + above + " above '" + r.protectedLayer + "', which is now locked.",
    // What the server did and left (props found, pixels kept by a safety margin), one line each.
    notes: (r.notes || []).join("\n"),
  };
}

function setFlag(el, name, on) {
  if (on) el.setAttribute(name, "");
  else el.removeAttribute(name);
}

function setChecked(el, on) {
  el.checked = Boolean(on);
  setFlag(el, "checked", on);
}

/** Replaces a picker's items when the list changed; selects `value`. */
function fillPicker(picker, items, value) {
  const key = JSON.stringify(items);
  const menu = picker.querySelector("sp-menu");
  if (picker.dataset.items !== key) {
    while (menu.firstChild) menu.removeChild(menu.firstChild);
    for (const item of items) {
      const mi = picker.ownerDocument.createElement("sp-menu-item");
      mi.textContent = item.label;
      menu.appendChild(mi);
    }
    picker.dataset.items = key;
    picker.dataset.values = JSON.stringify(items.map((i) => i.value));
  }
  const values = JSON.parse(picker.dataset.values);
  Array.from(menu.children).forEach((mi, i) => setFlag(mi, "selected", values[i] === value));
}

function pickerValue(picker) {
  const values = JSON.parse(picker.dataset.values || "[]");
  return values[picker.selectedIndex];
}

/**
 * @param {Document} doc the panel's document
 * @param {{onConnect, onSettings, onRecipe, onOption, onProtectedLayer, onRun, onCancel, onToggleSettings}} handlers
 */
function createUi(doc, handlers) {
  const $ = (id) => doc.getElementById(id);
  const el = {
    status: $("status"), statusTitle: $("status-title"), statusText: $("status-text"), settings: $("settings"), url: $("server-url"), token: $("server-token"),
    connect: $("connect"), toggleSettings: $("toggle-settings"), recipe: $("recipe"), recipeSummary: $("recipe-summary"),
    layer: $("protected-layer"), background: $("background"), productMask: $("product-mask"), denoise: $("denoise"),
    fsRadius: $("fs-radius"), protectHighlights: $("protect-highlights"), protectShadows: $("protect-shadows"),
    inpainter: $("inpainter"), selectionUse: $("selection-use"),
    progress: $("progress"), progressLabel: $("progress-label"), run: $("run"), cancel: $("cancel"), message: $("message"),
    result: $("result"), resultTitle: $("result-title"), resultProtected: $("result-protected"), resultChanged: $("result-changed"),
    resultBefore: $("result-before"), resultAfter: $("result-after"), resultLayers: $("result-layers"), resultNotes: $("result-notes"),
  };

  el.connect.addEventListener("click", () => {
    // A field commits on "change", which comes when it loses focus; an sp-button takes none, so a token pasted
    // and Connect clicked at once would be checked as the old one.
    handlers.onSettings({ url: el.url.value, token: el.token.value });
    handlers.onConnect();
  });
  el.toggleSettings.addEventListener("click", () => handlers.onToggleSettings());
  el.url.addEventListener("change", () => handlers.onSettings({ url: el.url.value }));
  el.token.addEventListener("change", () => handlers.onSettings({ token: el.token.value }));
  el.recipe.addEventListener("change", () => handlers.onRecipe(pickerValue(el.recipe)));
  el.layer.addEventListener("change", () => handlers.onProtectedLayer(pickerValue(el.layer)));
  el.background.addEventListener("change", () => handlers.onOption("background", pickerValue(el.background)));
  el.productMask.addEventListener("change", () => handlers.onOption("productMask", pickerValue(el.productMask)));
  el.inpainter.addEventListener("change", () => handlers.onOption("inpainter", pickerValue(el.inpainter)));
  el.selectionUse.addEventListener("change", () => handlers.onOption("selectionUse", pickerValue(el.selectionUse)));
  el.denoise.addEventListener("change", () => handlers.onOption("denoise", Number(el.denoise.value) / 100));
  el.fsRadius.addEventListener("change", () => handlers.onOption("fsRadius", Math.round(Number(el.fsRadius.value))));
  el.protectHighlights.addEventListener("change", () => handlers.onOption("protectHighlights", Boolean(el.protectHighlights.checked)));
  el.protectShadows.addEventListener("change", () => handlers.onOption("protectShadows", Boolean(el.protectShadows.checked)));
  el.run.addEventListener("click", () => handlers.onRun());
  el.cancel.addEventListener("click", () => handlers.onCancel());

  function render(state) {
    const vm = viewModel(state);
    el.status.dataset.tone = vm.status.tone;
    el.statusTitle.textContent = vm.status.title;
    el.statusText.textContent = vm.status.text;
    el.settings.style.display = vm.settingsOpen ? "" : "none";
    if (el.url.value !== state.settings.url) el.url.value = state.settings.url;
    if (el.token.value !== state.settings.token) el.token.value = state.settings.token;
    setFlag(el.connect, "disabled", vm.connectDisabled);

    fillPicker(el.recipe, RECIPES.map((r) => ({ value: r.id, label: r.label })), state.recipe);
    el.recipeSummary.textContent = vm.recipeSummary;
    fillPicker(el.layer, vm.layerChoices, vm.protectedValue);
    fillPicker(el.background, BACKGROUNDS.map((b) => ({ value: b.id, label: b.label })), state.options.background);
    fillPicker(el.productMask, vm.productMaskChoices, state.options.productMask);
    fillPicker(el.inpainter, INPAINTERS.map((m) => ({ value: m.id, label: m.label })), state.options.inpainter);
    fillPicker(el.selectionUse, vm.selectionUseChoices, state.options.selectionUse);
    const busy = vm.cancelDisabled === false;
    setFlag(el.recipe, "disabled", busy);
    setFlag(el.layer, "disabled", busy);

    const controls = {
      background: el.background, productMask: el.productMask, denoise: el.denoise, fsRadius: el.fsRadius, protectHighlights: el.protectHighlights,
      protectShadows: el.protectShadows, inpainter: el.inpainter, selectionUse: el.selectionUse,
    };
    for (const [key, control] of Object.entries(controls)) {
      setFlag(control, "disabled", !vm.enabled[key]);
      const field = control.closest(".field");
      if (field && field.dataset.option === key) field.classList.toggle("disabled", !vm.enabled[key]);
    }
    if (Number(el.denoise.value) !== Math.round(state.options.denoise * 100)) el.denoise.value = Math.round(state.options.denoise * 100);
    if (Number(el.fsRadius.value) !== state.options.fsRadius) el.fsRadius.value = state.options.fsRadius;
    setChecked(el.protectHighlights, state.options.protectHighlights);
    setChecked(el.protectShadows, state.options.protectShadows);

    el.progress.value = vm.progress.value;
    el.progressLabel.textContent = vm.progress.label;
    setFlag(el.run, "disabled", vm.runDisabled);
    setFlag(el.cancel, "disabled", vm.cancelDisabled);
    el.message.textContent = vm.message;
    el.message.dataset.tone = vm.messageTone;

    el.result.style.display = vm.result ? "" : "none";
    if (vm.result) {
      el.resultTitle.textContent = vm.result.title;
      el.resultProtected.textContent = vm.result.protectedPixels;
      el.resultChanged.textContent = vm.result.changed;
      el.resultBefore.textContent = vm.result.before;
      el.resultAfter.textContent = vm.result.after;
      el.resultLayers.textContent = vm.result.layers;
      el.resultNotes.textContent = vm.result.notes;
      el.resultNotes.style.display = vm.result.notes ? "" : "none";
    }
  }

  return { render };
}

module.exports = { viewModel, createUi };
