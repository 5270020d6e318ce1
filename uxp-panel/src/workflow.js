// SPDX-License-Identifier: Apache-2.0
// One Loupe run in three steps: (1) one read scope, (2) the server job outside any modal scope,
// (3) one write scope that becomes a single history state, or leaves the document untouched.
// Written against an injected `photoshop` module and client so Node tests drive it with a fake.
"use strict";

const B = require("./bounds.js");
const P = require("./protocol.js");
const G = require("./guard.js");
const { LoupeError, cancelledError } = require("./errors.js");
const { recipeById, jobOptions, selectionRole, maskChannel, SELECTION_USES } = require("./recipes.js");
const { createPhotoshopAdapter } = require("./photoshop.js");
const { createAbortController, sleep } = require("./abort.js");

// Loupe names every group it makes "Loupe …" (the server's result.group, the recipe's history name).
const LOUPE_GROUP = /^Loupe\b/;

/**
 * Step 1: the protected layer, its mask, the selection and the saved channel if asked, and the composite below it.
 * `protectedLayer`: {documentId, layerId}, or null for the active layer. `selectionRole`: the buffer role the
 * selection is sent in (selection, props, heal), or null when it is not read. `channel`: the name of the saved
 * channel that is the product mask, or null.
 */
async function readInputs(adapter, { protectedLayer, selectionRole, channel = null, controller }) {
  const hidden = [];
  try {
    return await adapter.inModal("Loupe: reading the jewelry layer", controller, async (s) => {
      const doc = s.activeDocument();
      if (!doc) throw new LoupeError("photoshop", "Open a document first.");
      const info = s.documentInfo(doc);
      const { layer, descriptor } = await chooseProtectedLayer(s, doc, info, protectedLayer);
      const requested = B.intersect(B.toIntegerBounds(layer.boundsNoEffects), info.bounds);
      if (B.isEmpty(requested)) throw new LoupeError("photoshop", "The protected layer '" + layer.name + "' has no pixels inside the canvas.");
      const jewelry = await s.readPixels(info, layer, requested);
      const masks = await s.readMasks(info, layer, requested, descriptor);
      const mask = masks && masks.applied;
      if (selectionRole && doc.quickMaskMode === true) {
        // Photoshop turns what is painted in Quick Mask into the selection only on leaving it.
        throw new LoupeError("photoshop", "Photoshop is in Quick Mask mode: press Q to leave it, so what you painted becomes the selection, and run Loupe again.");
      }
      const selection = selectionRole ? await s.readSelection(info, info.bounds) : null;
      if (selection && !selection.some((v) => v !== 0)) throw new LoupeError("photoshop", emptySelection(selectionRole));
      const channelMask = channel === null ? null : await s.readChannel(info, channel, info.bounds);
      if (channelMask && !channelMask.some((v) => v !== 0)) {
        throw new LoupeError("photoshop", "The product mask is the saved channel '" + channel + "', but it selects nothing.");
      }
      const background = await readBelow(s, doc, info, layer, hidden);
      const notes = [G.densityNote(layer, descriptor)].filter(Boolean);
      return { info, layerId: layer.id, layerName: layer.name, requested, jewelry, mask, selection, selectionRole, channelMask, background, notes, fingerprint: G.fingerprint(layer, jewelry, masks && masks.stored) };
    });
  } finally {
    if (hidden.length) await showAgain(adapter, hidden);
  }
}

function emptySelection(role) {
  if (role === "selection") return "Product mask is set to the active selection, but nothing is selected.";
  return "'" + SELECTION_USES.find((u) => u.role === role).label + "' is chosen, but nothing is selected.";
}

async function chooseProtectedLayer(s, doc, info, chosen) {
  let layer;
  if (chosen) {
    if (chosen.documentId !== doc.id) throw new LoupeError("photoshop", "The protected layer was chosen in another document; switch back to it or choose the layer again.");
    layer = s.findLayer(doc, chosen.layerId);
  } else {
    const active = Array.from(doc.activeLayers);
    if (active.length !== 1) throw new LoupeError("photoshop", "Select exactly one layer, the jewelry layer (or choose it under Protected layer).");
    layer = active[0];
  }
  if (layer.kind === "group") throw new LoupeError("photoshop", "'" + layer.name + "' is a group; protect the jewelry layer inside it.");
  if (layer.isBackgroundLayer) {
    throw new LoupeError("photoshop", "The jewelry must be on its own layer, not the Background layer (Layer > New > Layer via Cut), so Loupe can work beneath it.");
  }
  if (!G.canHoldJewelry(layer)) {
    throw new LoupeError("photoshop", "'" + layer.name + "' is a " + layer.kind + " layer, with no pixels of its own; the jewelry must be on a pixel layer or a smart object.");
  }
  const ancestors = s.flattenLayers(doc).find((e) => e.layer.id === layer.id).ancestors;
  const made = ancestors.find((g) => LOUPE_GROUP.test(g.name));
  if (made) {
    throw new LoupeError("photoshop", "'" + layer.name + "' is inside '" + made.name + "', a group Loupe made; select the jewelry layer (or choose it under Protected layer).");
  }
  const descriptor = await s.layerDescriptor(info, layer);
  const problem = G.blendingProblem(layer, ancestors, descriptor, info.colorComponents);
  if (problem) throw new LoupeError("photoshop", problem);
  return { layer, descriptor };
}

/**
 * The composite of everything below the protected layer: hide the layer and everything above it, read the
 * document composite (matted on white, so no alpha), show them again, and roll the history back.
 * Null when nothing visible lies below (the server then uses the jewelry layer's own opaque pixels).
 * Layers it could not show again (after a user cancel) are pushed onto `hidden` as {documentId, layerId}.
 */
async function readBelow(s, doc, info, layer, hidden) {
  const all = s.flattenLayers(doc);
  const index = all.findIndex((e) => e.layer.id === layer.id);
  const chain = new Set(all[index].ancestors.map((a) => a.id));
  // Layers with no pixels on the canvas add nothing, and a composite of only those has no pixels to read.
  const onCanvas = (l) => !B.isEmpty(B.intersect(B.toIntegerBounds(l.boundsNoEffects), info.bounds));
  const below = all.slice(index + 1).filter((e) => e.layer.kind !== "group" && e.layer.visible && e.ancestors.every((a) => a.visible) && onCanvas(e.layer));
  if (below.length === 0) return null;
  const hide = all.slice(0, index).filter((e) => !chain.has(e.layer.id) && e.ancestors.every((a) => chain.has(a.id))).map((e) => e.layer).concat([layer]);
  return s.withRolledBackHistory(info, "Loupe: reading the layers below", async () => {
    const wasVisible = hide.map((l) => l.visible);
    try {
      hide.forEach((l) => s.setVisible(l, false));
      return await s.readPixels(info, null, info.bounds, { applyAlpha: true });
    } finally {
      // Visibility toggles are not history steps by default, so the rollback may leave layers hidden: show
      // them by hand. After a user cancel Photoshop refuses edits in this scope; readInputs retries in a new one.
      hide.forEach((l, i) => {
        try {
          s.setVisible(l, wasVisible[i], { force: true });
        } catch (e) {
          if (wasVisible[i]) hidden.push({ documentId: info.id, layerId: l.id });
        }
      });
    }
  });
}

/** Shows layers again in a fresh modal scope (the cancelled one refuses edits); says so if even that fails. */
async function showAgain(adapter, hidden) {
  try {
    await adapter.inModal("Loupe: showing layers again", createAbortController(), async (s) => {
      for (const h of hidden) s.setVisible(s.findLayer(s.findDocument(h.documentId), h.layerId), true);
    });
  } catch (e) {
    throw new LoupeError("photoshop", "Loupe hid " + hidden.length + " layer(s) to read the layers below and could not show them again (" + e.message + "). Turn them back on in the Layers panel.", { cause: e });
  }
}

/**
 * The framed request (docs/protocol.md, "Panel jobs") for a recipe and the step-1 inputs. What only the upload
 * needs (the layers below, the saved channel) is let go once it is in the frame: on a 45 MP 16-bit document
 * each is hundreds of MB that the download and the write step would otherwise hold on to.
 */
function takeFrame(recipeId, options, inputs) {
  const { header, buffers } = buildJobRequest(recipeId, options, inputs);
  inputs.background = null;
  inputs.channelMask = null;
  return P.encodeFrame(header, buffers);
}

function buildJobRequest(recipeId, options, inputs) {
  const { info } = inputs;
  const profile = info.profile || undefined;
  const parts = [];
  const add = (role, samples, bounds, components, colorProfile) => {
    parts.push({ descriptor: P.describeBuffer({ role, bounds, components, bitDepth: info.depth, colorProfile }), bytes: P.samplesToBytes(samples) });
  };
  add("jewelry", inputs.jewelry.samples, inputs.requested, inputs.jewelry.components, profile);
  if (inputs.mask) add("jewelryMask", inputs.mask, inputs.requested, 1);
  if (inputs.background) add("background", inputs.background.samples, info.bounds, inputs.background.components, profile);
  if (inputs.selection) add(inputs.selectionRole, inputs.selection, info.bounds, 1);
  if (inputs.channelMask) add("selection", inputs.channelMask, info.bounds, 1);
  const header = {
    recipe: recipeId,
    options: jobOptions(recipeId, options),
    document: { width: info.width, height: info.height, bitDepth: info.depth, mode: info.colorSpace, colorProfile: info.profile },
    buffers: parts.map((p) => p.descriptor),
  };
  return { header, buffers: parts.map((p) => p.bytes) };
}

/**
 * Step 2: upload the frame `frame()` makes, follow the job, download its layers. Cancel = abort the controller
 * (the job gets a DELETE). The frame is made here and referenced nowhere else, so it is freed once sent.
 */
async function runOnServer(client, frame, layerBytes, controller, onStep) {
  const signal = controller.signal;
  onStep({ step: "uploading" });
  const job = await client.startJob(frame(), signal);
  const result = await client.waitForJob(job.id, { signal, onProgress: (p) => onStep(Object.assign({ step: "server", jobId: job.id }, p)) });
  checkResult(result);
  const downloads = [];
  try {
    for (const entry of result.layers) {
      onStep({ step: "downloading", fraction: downloads.length / result.layers.length });
      downloads.push(Object.assign({ entry }, await client.downloadLayer(job.id, entry.index, signal, layerBytes)));
    }
  } catch (e) {
    // The job is done; its DELETE frees the layers the server still holds for it.
    if (e.kind === "cancelled") await client.cancelJob(job.id).catch(() => undefined);
    throw e;
  }
  return { jobId: job.id, result, downloads };
}

/** The most one result layer can take on the wire: canvas-sized pixels with alpha and a mask, at document depth. */
function maxLayerBytes(info) {
  return B.width(info.bounds) * B.height(info.bounds) * (info.colorComponents + 2) * (info.depth / 8) + 1e6;
}

function checkResult(result) {
  if (!result || !Array.isArray(result.layers)) throw new LoupeError("result", "The server's result lists no layers.");
  for (const l of result.layers) {
    if (!Number.isInteger(l.index) || typeof l.name !== "string" || !["below", "above"].includes(l.placement)) {
      throw new LoupeError("result", "The server's result has a malformed layer entry: " + JSON.stringify(l));
    }
  }
}

/** A downloaded layer as chunky Photoshop-range samples, checked against the document. */
function layerBuffers(download, info) {
  const find = (role) => download.header.buffers.findIndex((d) => d.role === role);
  const pi = find("pixels");
  if (pi < 0) throw new LoupeError("result", "Layer '" + download.entry.name + "' came back without pixels.");
  const pd = download.header.buffers[pi];
  if (pd.bitDepth !== info.depth) throw new LoupeError("result", "Layer '" + download.entry.name + "' came back " + pd.bitDepth + "-bit for a " + info.depth + "-bit document.");
  if (pd.components !== info.colorComponents && pd.components !== info.colorComponents + 1) {
    throw new LoupeError("result", "Layer '" + download.entry.name + "' has " + pd.components + " components; the document is " + info.colorSpace + ".");
  }
  const pixels = { samples: P.toPhotoshopSamples(pd, download.buffers[pi]), components: pd.components, bounds: B.toIntegerBounds(pd.bounds) };
  const mi = find("mask");
  let mask = null;
  if (mi >= 0) {
    const md = download.header.buffers[mi];
    if (md.components !== 1 || md.bitDepth !== info.depth) throw new LoupeError("result", "Layer '" + download.entry.name + "' has a malformed mask buffer.");
    mask = { samples: P.toPhotoshopSamples(md, download.buffers[mi]), components: 1, bounds: B.toIntegerBounds(md.bounds) };
  }
  return { pixels, mask };
}

/** Step 3: one history state holding the new group(s); the protected layer ends locked and unchanged. */
async function writeResults(adapter, { inputs, result, downloads, historyName, controller }) {
  const layers = downloads.map((d) => Object.assign({ entry: d.entry }, layerBuffers(d, inputs.info)));
  const healed = inputs.selectionRole === "heal" ? { samples: inputs.selection, bounds: inputs.info.bounds } : null;
  const protectedMap = G.fullyProtected(inputs.jewelry, inputs.mask, inputs.info.maxValue, inputs.info.colorComponents, healed);
  for (const l of layers) {
    if (l.entry.placement !== "above" || l.entry.visible === false) continue;
    const covered = G.coveredProtectedPixels(protectedMap, inputs.requested, l.pixels, l.mask, inputs.info.colorComponents);
    if (covered > 0) throw new LoupeError("fidelity", "Layer '" + l.entry.name + "' would cover " + covered + " jewelry pixels; Loupe refused to place it. Nothing was changed.");
  }
  return adapter.inModal(historyName, controller, async (s) => {
    const doc = s.findDocument(inputs.info.id);
    const info = s.documentInfo(doc);
    if (info.width !== inputs.info.width || info.height !== inputs.info.height || info.depth !== inputs.info.depth) {
      throw new LoupeError("photoshop", "The document's size or depth changed while Loupe was working. Run it again.");
    }
    const layer = s.findLayer(doc, inputs.layerId);
    s.protect(layer);
    s.activate(doc);
    return s.withHistoryState(info, historyName, async () => {
      const created = await placeLayers(s, doc, info, layer, result.group || historyName, layers);
      s.lockAll(layer);
      // The masks as stored: no selection can be loaded inside this step's suspension to read them as applied.
      const masks = await s.readMasks(info, layer, inputs.requested, null, { asStored: true });
      const after = G.fingerprint(layer, await s.readPixels(info, layer, inputs.requested), masks && masks.stored);
      const diff = G.firstDifference(inputs.fingerprint, after);
      if (diff) {
        throw new LoupeError("fidelity", "The protected layer's " + diff + " changed between reading and writing (was it edited meanwhile?). Nothing was changed; run Loupe again.");
      }
      await s.selectLayer(info, layer);
      return { created, afterPixels: after.pixels };
    });
  });
}

/**
 * One group per (placement, group name), each placed directly beneath (below) or above the protected layer,
 * in the order the result names them, as the server's own PSD writer stacks them. Within a group the result
 * lists layers bottom to top. A group whose layers are all hidden is written as a hidden group of visible
 * layers, so one click turns it on.
 */
async function placeLayers(s, doc, info, protectedLayer, defaultGroup, layers) {
  const created = [];
  // Layers clipped to the jewelry (a Curves on the piece) must stay clipped to it: a group put between them
  // joins their clipping stack, as the server's PSD writer does; unclipped, it would become their base.
  const clippedStack = clippedAbove(s, doc, protectedLayer);
  for (const placement of ["below", "above"]) {
    const groups = new Map();
    for (const l of layers.filter((x) => x.entry.placement === placement)) {
      const name = l.entry.group || defaultGroup;
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(l);
    }
    for (const [name, members] of groups) {
      const group = await s.createGroup(doc, name, protectedLayer, placement === "below" ? "PLACEAFTER" : "PLACEBEFORE");
      if (placement === "above" && clippedStack) await s.clipToLayerBelow(info, group);
      const allHidden = members.every((l) => l.entry.visible === false);
      let previous = null;
      for (const l of members.slice().reverse()) {
        const e = l.entry;
        const opacity = Math.round(((e.opacity === undefined ? 255 : e.opacity) * 100) / 255);
        const layer = await s.createPixelLayer(doc, { name: e.name, opacity, blendMode: e.blendMode }, previous ? { after: previous } : { group });
        await s.putPixels(info, layer, l.pixels.samples, l.pixels.components, l.pixels.bounds, e.name);
        if (l.mask) await s.putUserMask(info, layer, l.mask.samples, l.mask.bounds, e.name);
        if (e.visible === false && !allHidden) s.setVisible(layer, false);
        s.reportProgress((created.length + 1) / layers.length);
        created.push({ id: layer.id, name: e.name, group: name, placement, bounds: l.pixels.bounds, blendMode: e.blendMode || "normal", visible: e.visible !== false, hasMask: Boolean(l.mask) });
        previous = layer;
      }
      if (allHidden) s.setVisible(group, false);
    }
  }
  return created;
}

/**
 * Runs the write step, waiting while Photoshop is busy: the server may work for a while, and the user may meanwhile
 * have opened a dialog, entered Free Transform or text editing, or another plugin may be at work. The finished
 * result is then applied as soon as Photoshop is free (onStep "waiting" until then) instead of being thrown away.
 * Cancel stops the wait; after `waitMs` it gives up with Photoshop's refusal.
 */
async function whenPhotoshopIsFree(write, controller, onStep, { waitMs = 120000, retryMs = 1000 } = {}) {
  const giveUp = Date.now() + waitMs;
  for (;;) {
    try {
      return await write();
    } catch (e) {
      if (!e.photoshopBusy || Date.now() >= giveUp) throw e;
      onStep({ step: "waiting" });
      await sleep(retryMs, controller.signal);
      onStep({ step: "writing" });
    }
  }
}

/** Whether the layer directly above `layer` in its group (or at the top level) is clipped, so to it. */
function clippedAbove(s, doc, layer) {
  const all = s.flattenLayers(doc);
  const at = all.findIndex((e) => e.layer.id === layer.id);
  const parentId = (ancestors) => (ancestors.length ? ancestors[ancestors.length - 1].id : null);
  const siblings = all.slice(0, at).filter((e) => parentId(e.ancestors) === parentId(all[at].ancestors));
  return siblings.length > 0 && siblings[siblings.length - 1].layer.isClippingMask === true;
}

/**
 * The whole run. onStep({step, stage?, fraction?}) reports progress; aborting `controller` (the panel's Cancel)
 * or Photoshop's own cancel stops it, and the document is left exactly as it was.
 */
async function runRecipe({ photoshop, client, recipeId, options, protectedLayer = null, controller, onStep = () => undefined, writeWait = {} }) {
  const recipe = recipeById(recipeId);
  const opts = jobOptions(recipeId, options);
  const adapter = createPhotoshopAdapter(photoshop);
  onStep({ step: "reading" });
  const inputs = await readInputs(adapter, { protectedLayer, selectionRole: selectionRole(recipe.id, options), channel: maskChannel(options.productMask), controller });
  if (controller.signal.aborted) throw cancelledError();
  const server = await runOnServer(client, () => takeFrame(recipe.id, opts, inputs), maxLayerBytes(inputs.info), controller, onStep);
  onStep({ step: "writing" });
  const write = () => writeResults(adapter, { inputs, result: server.result, downloads: server.downloads, historyName: recipe.historyName, controller });
  const written = await whenPhotoshopIsFree(write, controller, onStep, writeWait);
  onStep({ step: "done" });
  return {
    recipe: recipe.id,
    historyName: recipe.historyName,
    jobId: server.jobId,
    protectedLayer: inputs.layerName,
    // What the panel protects next time, so a run started with a Loupe layer active still protects the jewelry.
    protectedRef: { documentId: inputs.info.id, layerId: inputs.layerId },
    layers: written.created,
    fidelity: server.result.fidelity || null,
    // The panel's own notes on the layer it read first, then the server's.
    notes: inputs.notes.concat(Array.isArray(server.result.notes) ? server.result.notes : []),
    // Made here, outside the modal scopes, of the pixels read before and those read again after writing.
    hashes: { before: G.digest(inputs.jewelry.samples), after: G.digest(written.afterPixels) },
  };
}

module.exports = { runRecipe };
