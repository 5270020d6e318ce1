// SPDX-License-Identifier: Apache-2.0
// Wiring: panel lifecycle (entrypoints.setup, called at load as UXP requires), settings in localStorage,
// the state object that ui.render draws, and one run at a time through workflow.runRecipe.
"use strict";

const { entrypoints } = require("uxp");
const photoshop = require("photoshop");
const { createClient, DEFAULT_URL, manifestAllows, MANIFEST_ORIGINS } = require("./src/api.js");
const { createUi } = require("./src/ui.js");
const { runRecipe } = require("./src/workflow.js");
const { createPhotoshopAdapter } = require("./src/photoshop.js");
const { fitOptions, recipeById, switchRecipe } = require("./src/recipes.js");
const { createAbortController } = require("./src/abort.js");

const STORAGE = { url: "loupe.serverUrl", token: "loupe.token", recipe: "loupe.recipe", options: "loupe.options" };
// "duplicate" is also Select > Save Selection, which adds a saved channel the product-mask picker lists.
const LAYER_EVENTS = ["select", "make", "delete", "set", "move", "open", "close", "duplicate"];

const adapter = createPhotoshopAdapter(photoshop);
let ui = null;
let controller = null;
const startRecipe = storedRecipe();
let state = {
  settings: { url: localStorage.getItem(STORAGE.url) || DEFAULT_URL, token: localStorage.getItem(STORAGE.token) || "" },
  settingsOpen: false,
  connection: { state: "unknown", message: "Not connected" },
  document: null,
  layers: [],
  channels: [],
  recipe: startRecipe,
  options: fitOptions(startRecipe, JSON.parse(localStorage.getItem(STORAGE.options) || "{}")),
  // "active", or {documentId, layerId}: layer ids are only unique within a document.
  protectedLayer: "active",
  run: { phase: "idle" },
  result: null,
};

function storedRecipe() {
  const id = localStorage.getItem(STORAGE.recipe) || "pro";
  try {
    return recipeById(id).id;
  } catch (e) {
    return "pro";
  }
}

function setState(patch) {
  state = Object.assign({}, state, patch);
  if (ui) ui.render(state);
}

async function connect() {
  const { url, token } = state.settings;
  if (!manifestAllows(url)) {
    setState({ connection: { state: "config", message: "Photoshop lets this panel reach only " + MANIFEST_ORIGINS.join(" and ") + " (manifest.json). Start Loupe with --port 8765." } });
    return;
  }
  setState({ connection: { state: "checking", message: "Connecting to " + url + "…" } });
  let connection;
  try {
    connection = await createClient({ baseUrl: url, token }).checkConnection();
  } catch (e) {
    connection = { state: e.kind === "config" ? "config" : "error", message: e.message };
  }
  // A handshake answered after the URL or token changed says nothing about the new ones.
  if (state.settings.url === url && state.settings.token === token) setState({ connection });
}

function refreshLayers() {
  try {
    const { document, layers, channels } = adapter.listLayers();
    const p = state.protectedLayer;
    const stillThere = p === "active" || (document && document.id === p.documentId && layers.some((l) => l.id === p.layerId));
    setState({ document, layers, channels, protectedLayer: stillThere ? state.protectedLayer : "active" });
  } catch (e) {
    setState({ document: null, layers: [], channels: [] });
  }
}

async function run() {
  if (controller) return;
  controller = createAbortController();
  setState({ run: { phase: "reading" }, result: null });
  let client = null;
  try {
    client = createClient({ baseUrl: state.settings.url, token: state.settings.token });
    const summary = await runRecipe({
      photoshop,
      client,
      recipeId: state.recipe,
      options: state.options,
      protectedLayer: state.protectedLayer === "active" ? null : state.protectedLayer,
      controller,
      onStep: (s) => setState({ run: { phase: s.step === "done" ? "writing" : s.step, stage: s.stage, fraction: s.fraction } }),
    });
    setState({ run: { phase: "done", message: "Done. One history step: " + summary.historyName + "." }, result: summary, protectedLayer: summary.protectedRef });
  } catch (e) {
    const cancelled = e.kind === "cancelled";
    const patch = { run: { phase: cancelled ? "cancelled" : "failed", message: e.message || String(e) } };
    if (e.kind === "unreachable" || e.kind === "unauthorized") patch.connection = { state: e.kind, message: e.message };
    setState(patch);
  } finally {
    // A cancelled upload goes on until the server has read it (its job is then deleted): a new run, which
    // would build and send another frame as large beside it, waits until it has ended.
    if (client && client.pending()) {
      const ended = state.run;
      setState({ run: { phase: "stopping" } });
      await client.drained();
      setState({ run: ended });
    }
    controller = null;
    refreshLayers();
  }
}

const handlers = {
  onConnect: connect,
  onToggleSettings: () => setState({ settingsOpen: !state.settingsOpen }),
  onSettings: (patch) => {
    const settings = Object.assign({}, state.settings, patch);
    if (settings.url === state.settings.url && settings.token === state.settings.token) return;
    localStorage.setItem(STORAGE.url, settings.url);
    localStorage.setItem(STORAGE.token, settings.token);
    // The old handshake says nothing about the new URL or token.
    setState({ settings, connection: { state: "unknown", message: "Settings changed; click Connect." } });
  },
  onRecipe: (id) => {
    localStorage.setItem(STORAGE.recipe, id);
    // Healing is Editorial's: another recipe does not keep it chosen, now or after a reload.
    const options = switchRecipe(state.recipe, id, state.options);
    localStorage.setItem(STORAGE.options, JSON.stringify(options));
    setState({ recipe: id, options });
  },
  onOption: (key, value) => {
    const options = Object.assign({}, state.options, { [key]: value });
    localStorage.setItem(STORAGE.options, JSON.stringify(options));
    setState({ options });
  },
  onProtectedLayer: (value) => setState({ protectedLayer: value === "active" || !state.document ? "active" : { documentId: state.document.id, layerId: Number(value) } }),
  onRun: run,
  onCancel: () => controller && controller.abort(),
};

function create() {
  if (ui) return;
  ui = createUi(document, handlers);
  ui.render(state);
  let pending = null;
  photoshop.action.addNotificationListener(LAYER_EVENTS, () => {
    clearTimeout(pending);
    pending = setTimeout(refreshLayers, 150);
  });
}

entrypoints.setup({
  panels: {
    loupePanel: {
      create,
      show() {
        create();
        // Entry points have 300 ms (manifest v5); walking a large document's layers can take longer.
        setTimeout(refreshLayers, 0);
        connect();
      },
    },
  },
});
