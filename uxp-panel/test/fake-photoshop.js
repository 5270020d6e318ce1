// SPDX-License-Identifier: Apache-2.0
// A strict fake of the `photoshop` and `uxp` modules for Node tests: documents of 8 and 16 bits (16-bit in
// Photoshop's 0..32768 range), layers with ids, locks, masks and blend modes, the Imaging API, and
// core.executeAsModal with hostControl.suspendHistory/resumeHistory (ps-reference/media/executeasmodal.md):
// a history state only when the document changed, rollback restores the snapshot, a throw cancels open
// suspensions. It throws where Photoshop would: edits outside a modal scope, writes to locked layers, a second
// plugin's modal scope, calls after the user cancelled. By default, as in Photoshop (visibilityInHistory false), visibility toggles are
// not history steps and a rollback leaves them as they are; visibilityInHistory:true models the preference on.
"use strict";

const D = require("./fake-dom.js");
const { createImaging } = require("./fake-imaging.js");
const { Sha256 } = require("../src/sha256.js");
const { samplesToBytes, utf8Encode } = require("../src/protocol.js");

function createFakePhotoshop({ hostVersion = "25.0.0", visibilityInHistory = false, maskComponentSize = null } = {}) {
  const docs = new Map();
  const modalStack = [];
  let activeDocId = null;
  let lastId = 0;
  let foreignModal = false;
  let cancelAfter = null;
  const writes = [];
  const modalOptions = [];
  const progress = [];
  const listeners = [];
  const failing = new Set();

  const host = {
    maskComponentSize,
    nextId: () => ++lastId,
    doc(id) {
      const key = id === undefined || id < 0 ? activeDocId : id;
      const d = docs.get(key);
      if (!d) throw new Error(key === null ? "There is no open document" : "No document with id " + key);
      return d;
    },
    /** Every call that needs a modal scope, or that the user's cancel interrupts, passes through here. */
    noteCall(what) {
      const scope = modalStack[modalStack.length - 1];
      if (!scope) return;
      if (scope.cancelled) throw new Error("User cancelled the operation (" + what + ")");
      if (cancelAfter !== null && --cancelAfter.remaining < 0) {
        cancelAfter = null;
        scope.cancelled = true;
        if (typeof scope.context.onCancel === "function") scope.context.onCancel();
        throw new Error("User cancelled the operation (" + what + ")");
      }
    },
    requireModal(what) {
      if (modalStack.length === 0) {
        throw new Error(what + " modifies the document and must be called from core.executeAsModal");
      }
      host.noteCall(what);
    },
    touch(doc, historyName, entry) {
      writes.push(Object.assign({ documentID: doc.id }, entry));
      if (!visibilityInHistory && entry.prop === "visible") return;
      if (doc.suspension) doc.suspension.dirty = true;
      else doc.history.push(historyName);
    },
    composite,
  };
  host.dom = D.createDom(host);
  const imaging = createImaging(host);

  /** Normal-mode "over" compositing of visible layers with pixels (pixel, smart-object, text), bottom to top; anything fancier throws. */
  function composite(doc) {
    const cc = D.colorComponents(doc);
    const n = cc + 1;
    const max = D.maxValue(doc);
    const count = doc.width * doc.height;
    const color = new Float64Array(count * cc);
    const alpha = new Float64Array(count);
    const visibleLeaves = [];
    D.walk(doc.root, (l, list, i, ancestors) => {
      if (l.kind === "group" || !l.visible || ancestors.some((a) => !a.visible)) return;
      for (const a of ancestors) {
        if (a.opacity !== 100 || (a.blendMode !== "passThrough" && a.blendMode !== "normal")) throw new Error("fake composite: group opacity/blending is not modelled");
      }
      if (l.blendMode !== "normal") throw new Error("fake composite: blend mode " + l.blendMode + " is not modelled");
      if (l.fillOpacity !== 100 || l.clipped) throw new Error("fake composite: fill opacity and clipping are not modelled");
      if (l.maskFeather || l.vectorMaskFeather || l.blendRange || l.knockout !== "none" || l.channelRestrictions) {
        throw new Error("fake composite: feathered masks and Blending Options are not modelled");
      }
      visibleLeaves.push(l);
    });
    for (const l of visibleLeaves.reverse()) {
      for (let i = 0; i < count; i++) {
        let a = (l.pixels[i * n + cc] / max) * (l.opacity / 100);
        if (l.mask && l.maskEnabled) a *= 1 - (l.maskDensity / 100) * (1 - l.mask[i] / max);
        if (l.vectorMask && l.vectorMaskEnabled) a *= 1 - (l.vectorMaskDensity / 100) * (1 - l.vectorMask[i] / max);
        if (a === 0) continue;
        const outA = a + alpha[i] * (1 - a);
        for (let c = 0; c < cc; c++) {
          color[i * cc + c] = (l.pixels[i * n + c] * a + color[i * cc + c] * alpha[i] * (1 - a)) / outA;
        }
        alpha[i] = outA;
      }
    }
    const out = D.newSamples(doc, count * n);
    for (let i = 0; i < count; i++) {
      for (let c = 0; c < cc; c++) out[i * n + c] = Math.round(color[i * cc + c]);
      out[i * n + cc] = Math.round(alpha[i] * max);
    }
    return out;
  }

  function findSuspension(sid) {
    for (const d of docs.values()) if (d.suspension && d.suspension.sid === sid) return d;
    return null;
  }

  function resume(sid, commit) {
    const doc = findSuspension(sid);
    if (!doc) throw new Error("resumeHistory: unknown or already resumed suspension");
    const s = doc.suspension;
    if (commit) {
      doc.suspension = null;
      if (s.dirty) doc.history.push(sid.finalName || sid.name);
    } else {
      if (!visibilityInHistory) {
        const visible = new Map();
        D.walk(doc.root, (l) => visible.set(l.id, l.visible));
        D.walk(s.snapshot.root, (l) => {
          if (visible.has(l.id)) l.visible = visible.get(l.id);
        });
      }
      docs.set(doc.id, s.snapshot);
    }
  }

  const hostControl = {
    async suspendHistory({ documentID, name } = {}) {
      host.requireModal("suspendHistory");
      const doc = host.doc(documentID);
      if (!name) throw new TypeError("suspendHistory: name is required");
      if (doc.suspension) throw new Error("suspendHistory: history of document " + doc.id + " is already suspended");
      const sid = { documentID: doc.id, name };
      doc.suspension = { sid, snapshot: D.cloneDoc(doc), dirty: false, scope: modalStack[modalStack.length - 1] };
      return sid;
    },
    async resumeHistory(sid, commit = true) {
      host.requireModal("resumeHistory");
      resume(sid, commit);
    },
    registerAutoCloseDocument() {},
    unregisterAutoCloseDocument() {},
  };

  async function executeAsModal(fn, options) {
    if (!options || typeof options.commandName !== "string" || !options.commandName) {
      throw new TypeError("executeAsModal: options.commandName is required");
    }
    for (const k of Object.keys(options)) {
      if (!["commandName", "descriptor", "interactive", "timeOut"].includes(k)) throw new TypeError("executeAsModal: unknown option '" + k + "'");
    }
    modalOptions.push(options);
    if (foreignModal) {
      const e = new Error("host is in a modal state");
      e.number = 9;
      throw e;
    }
    const scope = { cancelled: false };
    scope.context = {
      get isCancelled() { return scope.cancelled; },
      onCancel: null,
      reportProgress(p) { progress.push(Object.assign({ commandName: options.commandName }, p)); },
      hostControl,
    };
    modalStack.push(scope);
    let ok = false;
    try {
      const r = await fn(scope.context, options.descriptor);
      ok = true;
      return r;
    } finally {
      // On normal exit open suspensions are committed; when the target function throws they are cancelled.
      for (const d of docs.values()) if (d.suspension && d.suspension.scope === scope) resume(d.suspension.sid, ok);
      modalStack.pop();
    }
  }

  // Action Manager hands lengths and densities over as unit doubles, not numbers.
  const pixels = (v) => ({ _unit: "pixelsUnit", _value: v || 0 });

  /**
   * The part of a layer's descriptor Loupe reads. Like Photoshop, the user-mask keys are there only with a user
   * mask and the vector-mask keys only with a vector mask; blendRange only when Blend If was set.
   */
  function layerDescriptor(l) {
    const d = { _obj: "layer", name: l.name, layerID: l.id, hasUserMask: Boolean(l.mask), hasVectorMask: Boolean(l.vectorMask) };
    if (l.mask) Object.assign(d, { userMaskEnabled: l.maskEnabled, userMaskDensity: Math.round(l.maskDensity * 2.55), userMaskFeather: pixels(l.maskFeather) });
    if (l.vectorMask) Object.assign(d, { vectorMaskEnabled: l.vectorMaskEnabled, vectorMaskDensity: Math.round(l.vectorMaskDensity * 2.55), vectorMaskFeather: pixels(l.vectorMaskFeather) });
    const channels = l.channelRestrictions || ["red", "green", "blue"];
    d.channelRestrictions = channels.map((c) => ({ _enum: "channel", _value: c }));
    d.knockout = { _enum: "knockout", _value: l.knockout };
    if (l.blendRange) d.blendRange = l.blendRange;
    return d;
  }

  /**
   * get a layer's descriptor, select a layer by id (no history state), and load a saved
   * channel or a layer's mask as the selection (a history state; a "selected areas" channel inverted; nothing selected deselects).
   * Like Photoshop, a command that fails is answered with an error descriptor, not a rejection.
   */
  async function batchPlay(descriptors) {
    return descriptors.map((desc) => {
      host.noteCall("batchPlay " + desc._obj);
      if (failing.has(desc._obj)) {
        failing.delete(desc._obj);
        return { _obj: "error", result: -128, message: "scripted failure of '" + desc._obj + "'" };
      }
      const t = desc._target || [];
      const prop = t.find((r) => r._property);
      const layerRef = t.find((r) => r._ref === "layer" && r._id !== undefined);
      const docRef = t.find((r) => r._ref === "document");
      const doc = host.doc(docRef ? docRef._id : undefined);
      if (desc._obj === "get" && !prop && layerRef && t.length === 2) return layerDescriptor(D.requireEntry(doc, layerRef._id).layer);
      if (desc._obj === "select" && layerRef && t.length === 1 && desc.makeVisible === false) {
        host.requireModal("select");
        D.requireEntry(doc, layerRef._id);
        doc.activeLayerIds = [layerRef._id];
        return {};
      }
      const ordinal = t.length === 1 && t[0]._ref === "layer" && t[0]._enum === "ordinal" && t[0]._value === "targetEnum";
      if (desc._obj === "groupEvent" && ordinal) {
        // Layer > Create Clipping Mask, on the active layer.
        host.requireModal("groupEvent");
        if (doc.activeLayerIds.length !== 1) return { _obj: "error", result: -25920, message: "The command “Create Clipping Mask” is not currently available." };
        D.requireEntry(doc, doc.activeLayerIds[0]).layer.clipped = true;
        host.touch(doc, "Create Clipping Mask", { op: "clip", layerId: doc.activeLayerIds[0] });
        return {};
      }
      if (desc._obj === "set" && prop && prop._property === "selection" && t.length === 1 && desc.to && desc.to._ref === "channel" && desc.to._name !== undefined) {
        host.requireModal("set selection");
        const channel = doc.channels.find((c) => c.name === desc.to._name);
        if (!channel) return { _obj: "error", result: -25920, message: "The object “channel “" + desc.to._name + "”” is not currently available." };
        const max = D.maxValue(doc);
        const loaded = channel.kind === D.constants.ChannelType.SELECTEDAREA ? channel.samples.map((v) => max - v) : channel.samples.slice();
        doc.selection = loaded.some((v) => v !== 0) ? loaded : null;
        host.touch(doc, "Load Selection", { op: "selection" });
        return {};
      }
      const [maskRef, maskLayer] = desc.to && Array.isArray(desc.to._ref) ? desc.to._ref : [];
      if (desc._obj === "set" && prop && prop._property === "selection" && t.length === 1 && maskLayer && maskLayer._ref === "layer" && desc.to._ref.length === 2) {
        host.requireModal("set selection");
        const l = D.requireEntry(doc, maskLayer._id).layer;
        const user = maskRef._ref === "channel" && maskRef._enum === "channel" && maskRef._value === "mask";
        const vector = maskRef._ref === "path" && maskRef._enum === "path" && maskRef._value === "vectorMask";
        if (!user && !vector) throw new Error("fake batchPlay: mask reference not modelled: " + JSON.stringify(maskRef));
        const samples = user ? l.mask : l.vectorMask;
        if (!samples) return { _obj: "error", result: -25920, message: "The object “" + (user ? "layer mask" : "vector mask") + "” is not currently available." };
        // The whole mask, the colour beyond its stored rectangle included (the fake keeps masks canvas-sized).
        doc.selection = samples.some((v) => v !== 0) ? samples.slice() : null;
        host.touch(doc, "Load Selection", { op: "selection" });
        return {};
      }
      throw new Error("fake batchPlay: descriptor not modelled: " + JSON.stringify(desc));
    });
  }

  const app = {
    get activeDocument() { return activeDocId === null ? null : host.dom.document(activeDocId); },
    set activeDocument(d) {
      host.requireModal("app.activeDocument");
      activeDocId = host.doc(d.id).id;
    },
    get documents() { return Array.from(docs.keys(), (id) => host.dom.document(id)); },
  };

  const photoshop = {
    app,
    core: { executeAsModal },
    imaging: {
      getPixels: imaging.getPixels,
      getLayerMask: imaging.getLayerMask,
      getSelection: imaging.getSelection,
      putPixels: imaging.putPixels,
      putLayerMask: imaging.putLayerMask,
      createImageDataFromBuffer: imaging.createImageDataFromBuffer,
    },
    action: {
      batchPlay,
      addNotificationListener(events, fn) { listeners.push({ events, fn }); },
      removeNotificationListener() {},
    },
    constants: D.constants,
  };

  const uxp = {
    host: { name: "Photoshop", version: hostVersion },
    entrypoints: {
      setup(config) { uxp.entrypoints.config = config; },
      config: null,
    },
  };

  /** Test-side helpers: build documents, inspect them, script cancellations and modal collisions. */
  const fake = {
    addDocument({ name = "Untitled-1", width, height, depth = 8, mode = D.constants.DocumentMode.RGB, profile = "sRGB IEC61966-2.1" }) {
      if (depth !== 8 && depth !== 16) throw new Error("fake documents are 8- or 16-bit");
      const id = host.nextId();
      docs.set(id, { id, name, width, height, depth, mode, profile, quickMaskMode: false, root: [], selection: null, channels: [], activeLayerIds: [], history: ["Open"], suspension: null });
      activeDocId = id;
      return id;
    },
    /** The user pressed Q: Quick Mask mode on or off. */
    setQuickMaskMode(docId, on) { host.doc(docId).quickMaskMode = on; },
    /** Adds a layer on top of the document, or of group `into`. `pixels` is document-sized, chunky, with alpha. */
    addLayer(docId, { name, pixels, isBackground = false, visible = true, blendMode = "normal", opacity = 100, fillOpacity = 100, clipped = false, mask = null, maskEnabled = true, maskBounds = null, kind = "pixel", into = null }) {
      const doc = host.doc(docId);
      const layer = D.newLayerModel(doc, { id: host.nextId(), kind, name, isBackground, visible, opacity, fillOpacity, blendMode, clipped });
      if (pixels) {
        if (pixels.length !== layer.pixels.length || pixels.constructor !== layer.pixels.constructor) throw new Error("addLayer: pixels must be a document-sized " + layer.pixels.constructor.name + " with alpha");
        layer.pixels.set(pixels);
      }
      if (mask) Object.assign(layer, { mask: mask.slice(), maskEnabled, maskBounds });
      if (isBackground && doc.root.length) throw new Error("addLayer: the Background layer must be added first");
      (into === null ? doc.root : D.requireEntry(doc, into).layer.children).unshift(layer);
      doc.activeLayerIds = [layer.id];
      return layer.id;
    },
    /** The user brings another document to the front (no modal scope needed). */
    activateDocument(docId) { activeDocId = host.doc(docId).id; },
    activeDocumentId: () => activeDocId,
    setActiveLayers(docId, ids) { host.doc(docId).activeLayerIds = ids.slice(); },
    activeLayerIds: (docId) => host.doc(docId).activeLayerIds.slice(),
    setSelection(docId, samples) { host.doc(docId).selection = samples ? samples.slice() : null; },
    /** A saved alpha channel: document-sized samples in Photoshop's range; "masked areas" (white selects, Photoshop's default) or "selected areas". */
    addChannel(docId, { name, samples, kind = D.constants.ChannelType.MASKEDAREA }) {
      const doc = host.doc(docId);
      if (samples.length !== doc.width * doc.height) throw new Error("addChannel: samples must be document-sized");
      doc.channels.push({ name, kind, samples: samples.slice() });
    },
    holdForeignModal(on) { foreignModal = on; },
    /** The next batchPlay command `obj` fails: Photoshop answers it with an error descriptor. */
    failNextBatchPlay(obj) { failing.add(obj); },
    /** The user presses Esc after `calls` more Photoshop calls inside a modal scope. */
    cancelModalAfter(calls) { cancelAfter = { remaining: calls }; },
    historyNames: (docId) => host.doc(docId).history.slice(),
    selection: (docId) => (host.doc(docId).selection ? host.doc(docId).selection.slice() : null),
    layerModel: (docId, id) => D.requireEntry(host.doc(docId), id).layer,
    /** The layer tree as plain data, top first, without pixels. */
    tree(docId) {
      const strip = (l) => ({ id: l.id, name: l.name, kind: l.kind, visible: l.visible, blendMode: l.blendMode, opacity: l.opacity, clipped: l.clipped, allLocked: l.allLocked, hasMask: Boolean(l.mask), children: l.children ? l.children.map(strip) : undefined });
      return host.doc(docId).root.map(strip);
    },
    /** SHA-256 over everything in the document: tree, properties, pixels, masks, selection, history. */
    fingerprint(docId) {
      const doc = host.doc(docId);
      const h = new Sha256();
      const enc = (s) => h.update(utf8Encode(s));
      enc(JSON.stringify({ w: doc.width, h: doc.height, depth: doc.depth, history: doc.history, active: doc.activeLayerIds }));
      D.walk(doc.root, (l) => {
        enc(JSON.stringify(Object.assign({}, l, { pixels: undefined, mask: undefined, children: l.children ? l.children.map((c) => c.id) : null })));
        if (l.pixels) h.update(samplesToBytes(l.pixels));
        if (l.mask) h.update(samplesToBytes(l.mask));
      });
      if (doc.selection) h.update(samplesToBytes(doc.selection));
      return h.hex();
    },
    writes,
    modalOptions,
    progress,
    listeners,
    composite: (docId) => composite(host.doc(docId)),
    get modalDepth() { return modalStack.length; },
  };

  return { photoshop, uxp, fake };
}

module.exports = { createFakePhotoshop };
