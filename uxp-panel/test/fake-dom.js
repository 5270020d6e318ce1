// SPDX-License-Identifier: Apache-2.0
// The fake's document model and its DOM proxies (Document, Layer), shaped like Photoshop's UXP DOM
// (ps-reference/classes/document.md, layer.md). Proxies look layers up by id, so a history rollback that
// swaps the model underneath them behaves like Photoshop's live DOM.
"use strict";

const B = require("../src/bounds.js");

const constants = Object.freeze({
  BlendMode: Object.freeze({
    NORMAL: "normal", MULTIPLY: "multiply", SCREEN: "screen", OVERLAY: "overlay", SOFTLIGHT: "softLight",
    HARDLIGHT: "hardLight", LINEARLIGHT: "linearLight", LINEARBURN: "linearBurn", LINEARDODGE: "linearDodge",
    DARKEN: "darken", LIGHTEN: "lighten", DIFFERENCE: "difference", PASSTHROUGH: "passThrough",
  }),
  ElementPlacement: Object.freeze({
    PLACEBEFORE: "placeBefore", PLACEAFTER: "placeAfter", PLACEINSIDE: "placeInside",
    PLACEATBEGINNING: "placeAtBeginning", PLACEATEND: "placeAtEnd",
  }),
  LayerKind: Object.freeze({ NORMAL: "pixel", GROUP: "group", TEXT: "text", SMARTOBJECT: "smartObject" }),
  BitsPerChannelType: Object.freeze({ EIGHT: "bitDepth8", SIXTEEN: "bitDepth16", THIRTYTWO: "bitDepth32" }),
  DocumentMode: Object.freeze({ RGB: "RGBColorMode", GRAYSCALE: "grayscaleMode", CMYK: "CMYKColorMode" }),
  ChannelType: Object.freeze({ COMPONENT: "component", MASKEDAREA: "maskedAreaAlpha", SELECTEDAREA: "selectedAreaAlpha", SPOTCOLOR: "spotColor" }),
});

const BLEND_MODES = new Set(Object.values(constants.BlendMode));

function colorComponents(doc) {
  return doc.mode === constants.DocumentMode.GRAYSCALE ? 1 : 3;
}

function maxValue(doc) {
  return doc.depth === 16 ? 32768 : 255;
}

function newSamples(doc, length) {
  return doc.depth === 16 ? new Uint16Array(length) : new Uint8Array(length);
}

/** Tight bounds of the pixels whose alpha is not zero (what boundsNoEffects reports for a pixel layer). */
function alphaBounds(doc, pixels) {
  const n = colorComponents(doc) + 1;
  let left = doc.width, top = doc.height, right = 0, bottom = 0;
  for (let y = 0; y < doc.height; y++) {
    for (let x = 0; x < doc.width; x++) {
      if (pixels[(y * doc.width + x) * n + n - 1] !== 0) {
        if (x < left) left = x;
        if (x >= right) right = x + 1;
        if (y < top) top = y;
        if (y >= bottom) bottom = y + 1;
      }
    }
  }
  return right > left ? { left, top, right, bottom } : { left: 0, top: 0, right: 0, bottom: 0 };
}

function cloneLayer(l) {
  return Object.assign({}, l, {
    pixels: l.pixels ? l.pixels.slice() : null,
    mask: l.mask ? l.mask.slice() : null,
    vectorMask: l.vectorMask ? l.vectorMask.slice() : null,
    children: l.children ? l.children.map(cloneLayer) : null,
  });
}

function cloneDoc(doc) {
  return Object.assign({}, doc, {
    root: doc.root.map(cloneLayer),
    selection: doc.selection ? doc.selection.slice() : null,
    activeLayerIds: doc.activeLayerIds.slice(),
    history: doc.history.slice(),
  });
}

/** Walks the tree top-first: visit(layer, parentList, index, ancestors). */
function walk(list, visit, ancestors = []) {
  list.forEach((l, i) => {
    visit(l, list, i, ancestors);
    if (l.children) walk(l.children, visit, ancestors.concat([l]));
  });
}

function findEntry(doc, id) {
  let found = null;
  walk(doc.root, (l, list, index, ancestors) => {
    if (l.id === id) found = { layer: l, list, index, ancestors };
  });
  return found;
}

function requireEntry(doc, id) {
  const e = findEntry(doc, id);
  if (!e) throw new Error("No layer with id " + id + " in document " + doc.id);
  return e;
}

function createDom(host) {
  class FakeLayer {
    constructor(docId, id) {
      this._docId = docId;
      this.id = id;
      this.typename = "Layer";
    }

    get _l() {
      return requireEntry(host.doc(this._docId), this.id).layer;
    }

    _set(prop, value, { lockExempt = false } = {}) {
      const doc = host.doc(this._docId);
      host.requireModal("Setting Layer." + prop);
      const l = this._l;
      if (!lockExempt && l.allLocked) throw new Error("Could not complete the command because the layer '" + l.name + "' is locked.");
      l[prop] = value;
      host.touch(doc, "Layer Properties", { op: "set", layerId: this.id, prop });
    }

    get document() { return host.dom.document(this._docId); }
    get name() { return this._l.name; }
    set name(v) { this._set("name", String(v)); }
    get kind() { return this._l.kind; }
    get isBackgroundLayer() { return this._l.isBackground; }
    get visible() { return this._l.visible; }
    // Photoshop lets you hide and show a locked layer.
    set visible(v) { this._set("visible", Boolean(v), { lockExempt: true }); }
    get opacity() { return this._l.opacity; }
    set opacity(v) {
      if (!(v >= 0 && v <= 100)) throw new RangeError("opacity must be within 0..100, got " + v);
      this._set("opacity", v);
    }
    get blendMode() { return this._l.blendMode; }
    set blendMode(v) {
      if (!BLEND_MODES.has(v)) throw new Error("Invalid blend mode: " + v);
      this._set("blendMode", v);
    }
    get fillOpacity() { return this._l.fillOpacity; }
    set fillOpacity(v) {
      if (!(v >= 0 && v <= 100)) throw new RangeError("fillOpacity must be within 0..100, got " + v);
      this._set("fillOpacity", v);
    }
    /** True when the layer is clipped to the layer below (Layer > Create Clipping Mask). */
    get isClippingMask() { return this._l.clipped; }
    set isClippingMask(v) { this._set("clipped", Boolean(v)); }
    get allLocked() { return this._l.allLocked; }
    set allLocked(v) { this._set("allLocked", Boolean(v), { lockExempt: true }); }
    get pixelsLocked() { return this._l.pixelsLocked || this._l.allLocked; }
    set pixelsLocked(v) { this._set("pixelsLocked", Boolean(v), { lockExempt: true }); }
    get locked() { const l = this._l; return l.allLocked || l.pixelsLocked || l.positionLocked || l.transparentPixelsLocked; }
    get boundsNoEffects() {
      const l = this._l;
      if (l.kind === "group") return groupBounds(host.doc(this._docId), l);
      return alphaBounds(host.doc(this._docId), l.pixels);
    }
    get bounds() { return this.boundsNoEffects; }
    get layers() {
      const l = this._l;
      return l.children ? l.children.map((c) => new FakeLayer(this._docId, c.id)) : undefined;
    }
    get parent() {
      const e = requireEntry(host.doc(this._docId), this.id);
      const p = e.ancestors[e.ancestors.length - 1];
      return p ? new FakeLayer(this._docId, p.id) : null;
    }

    /** placeAfter = below relativeObject, placeBefore = above it, placeInside = top of a group (layer.md). */
    move(relativeObject, insertLocation) {
      const doc = host.doc(this._docId);
      host.requireModal("Layer.move");
      const self = requireEntry(doc, this.id);
      if (self.layer.allLocked) throw new Error("Could not move the layer '" + self.layer.name + "' because it is locked.");
      if (self.layer.isBackground) throw new Error("The Background layer cannot be moved.");
      const target = requireEntry(doc, relativeObject.id);
      if (target.ancestors.some((a) => a.id === this.id) || target.layer.id === this.id) throw new Error("Cannot move a layer relative to itself or inside its own group.");
      const P = constants.ElementPlacement;
      if (![P.PLACEINSIDE, P.PLACEBEFORE, P.PLACEAFTER].includes(insertLocation)) throw new Error("Unsupported ElementPlacement: " + insertLocation);
      if (insertLocation === P.PLACEINSIDE && target.layer.kind !== "group") throw new Error("placeInside is only valid when the target is a group");
      if (insertLocation === P.PLACEAFTER && target.layer.isBackground) throw new Error("Nothing can be placed below the Background layer.");
      self.list.splice(self.index, 1);
      const t = requireEntry(doc, relativeObject.id);
      if (insertLocation === P.PLACEINSIDE) t.layer.children.unshift(self.layer);
      else t.list.splice(insertLocation === P.PLACEBEFORE ? t.index : t.index + 1, 0, self.layer);
      host.touch(doc, "Move", { op: "move", layerId: this.id });
    }
  }

  function groupBounds(doc, group) {
    let acc = null;
    walk(group.children, (l) => {
      if (l.kind === "group") return;
      const b = alphaBounds(doc, l.pixels);
      if (B.isEmpty(b)) return;
      acc = acc ? { left: Math.min(acc.left, b.left), top: Math.min(acc.top, b.top), right: Math.max(acc.right, b.right), bottom: Math.max(acc.bottom, b.bottom) } : b;
    });
    return acc || { left: 0, top: 0, right: 0, bottom: 0 };
  }

  class FakeDocument {
    constructor(id) {
      this.id = id;
      this.typename = "Document";
    }

    get _d() { return host.doc(this.id); }
    get name() { return this._d.name; }
    get title() { return this._d.name; }
    get width() { return this._d.width; }
    get height() { return this._d.height; }
    get resolution() { return 72; }
    get mode() { return this._d.mode; }
    /** Document.quickMaskMode (23.0): while on, what is painted is not yet the selection. */
    get quickMaskMode() { return this._d.quickMaskMode; }
    get bitsPerChannel() { return this._d.depth === 16 ? constants.BitsPerChannelType.SIXTEEN : constants.BitsPerChannelType.EIGHT; }
    get colorProfileName() { return this._d.profile; }
    get layers() { return this._d.root.map((l) => new FakeLayer(this.id, l.id)); }
    get activeLayers() { return this._d.activeLayerIds.map((id) => new FakeLayer(this.id, id)); }
    get backgroundLayer() {
      const bg = this._d.root.find((l) => l.isBackground);
      return bg ? new FakeLayer(this.id, bg.id) : null;
    }
    get historyStates() { return this._d.history.map((name) => ({ name })); }
    /** The colour channels, then the alpha and spot channels, as plain {name, kind} (the fake's Channel). */
    get channels() {
      const d = this._d;
      const colour = d.mode === constants.DocumentMode.GRAYSCALE ? ["Gray"] : ["Red", "Green", "Blue"];
      return colour.map((name) => ({ name, kind: constants.ChannelType.COMPONENT })).concat(d.channels.map((c) => ({ name: c.name, kind: c.kind })));
    }
    get selection() {
      const d = this._d;
      return { bounds: d.selection ? selectionBounds(d) : null };
    }

    async createPixelLayer(options = {}) {
      return this._create("pixel", options);
    }

    async createLayerGroup(options = {}) {
      if (options.fromLayers) throw new Error("fake: createLayerGroup({fromLayers}) is not modelled");
      return this._create("group", options);
    }

    async createLayer(kind, options = {}) {
      if (kind === undefined || kind === constants.LayerKind.NORMAL) return this._create("pixel", options);
      if (kind === constants.LayerKind.GROUP) return this._create("group", options);
      throw new Error("fake: createLayer(" + kind + ") is not modelled");
    }

    /** New layers go directly above the active layer and become the active layer, as in Photoshop. */
    _create(kind, options) {
      const doc = this._d;
      const what = kind === "group" ? "Document.createLayerGroup" : "Document.createPixelLayer";
      host.requireModal(what);
      // The docs do not say what these do in a document in the background; batchPlay's id-only references act in
      // the active one, so the fake refuses rather than guess.
      if (host.doc(undefined) !== doc) throw new Error("fake: " + what + " in '" + doc.name + "', which is not the active document");
      const blendMode = options.blendMode || (kind === "group" ? constants.BlendMode.PASSTHROUGH : constants.BlendMode.NORMAL);
      if (!BLEND_MODES.has(blendMode)) throw new Error("Invalid blend mode: " + blendMode);
      const opacity = options.opacity === undefined ? 100 : options.opacity;
      if (!(opacity >= 0 && opacity <= 100)) throw new RangeError("opacity must be within 0..100, got " + opacity);
      const id = host.nextId();
      const layer = newLayerModel(doc, { id, kind, name: options.name || (kind === "group" ? "Group " : "Layer ") + id, blendMode, opacity });
      const active = doc.activeLayerIds.length ? findEntry(doc, doc.activeLayerIds[0]) : null;
      if (active) active.list.splice(active.index, 0, layer);
      else doc.root.unshift(layer);
      doc.activeLayerIds = [id];
      host.touch(doc, kind === "group" ? "New Group" : "New Layer", { op: "create", layerId: id });
      return new FakeLayer(this.id, id);
    }
  }

  function selectionBounds(doc) {
    const n = doc.width;
    let left = doc.width, top = doc.height, right = 0, bottom = 0;
    for (let i = 0; i < doc.selection.length; i++) {
      if (doc.selection[i] === 0) continue;
      const x = i % n, y = (i - x) / n;
      left = Math.min(left, x); right = Math.max(right, x + 1);
      top = Math.min(top, y); bottom = Math.max(bottom, y + 1);
    }
    return right > left ? { left, top, right, bottom } : null;
  }

  return {
    document: (id) => new FakeDocument(id),
    layer: (docId, id) => new FakeLayer(docId, id),
  };
}

/** A layer model: pixel layers own a document-sized chunky buffer with alpha; groups own children. */
function newLayerModel(doc, { id, kind = "pixel", name, isBackground = false, visible = true, opacity = 100, fillOpacity = 100, blendMode = "normal", clipped = false }) {
  const n = colorComponents(doc) + 1;
  return {
    id,
    name,
    kind,
    isBackground,
    visible,
    opacity,
    fillOpacity,
    blendMode,
    clipped,
    allLocked: false,
    pixelsLocked: false,
    positionLocked: false,
    transparentPixelsLocked: false,
    pixels: kind === "group" ? null : newSamples(doc, doc.width * doc.height * n),
    mask: null,
    // A disabled mask (Shift-click in the Layers panel) is kept but not applied.
    maskEnabled: true,
    // The extent Photoshop stores for the mask; null = the whole canvas. getLayerMask trims to it.
    maskBounds: null,
    vectorMaskBounds: null,
    maskFeather: 0,
    // Density in %, as the Properties panel shows it; below 100 the layer shows partly where the mask hides it.
    maskDensity: 100,
    // A vector mask, as getLayerMask({kind: "vector"}) rasterises it (document-sized), and its switch and feather.
    vectorMask: null,
    vectorMaskEnabled: true,
    vectorMaskFeather: 0,
    vectorMaskDensity: 100,
    // Blending Options, in the layer descriptor's shapes: null = defaults (no Blend If, knockout none, all channels).
    blendRange: null,
    knockout: "none",
    channelRestrictions: null,
    children: kind === "group" ? [] : null,
  };
}

module.exports = {
  constants,
  colorComponents,
  maxValue,
  newSamples,
  alphaBounds,
  cloneDoc,
  walk,
  findEntry,
  requireEntry,
  createDom,
  newLayerModel,
};
