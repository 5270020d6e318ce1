// SPDX-License-Identifier: Apache-2.0
// The fake's Imaging API (ps-reference/media/imaging.md): getPixels trims to the pixels that exist,
// createImageDataFromBuffer checks length and typed-array kind, writes need a modal scope and an unlocked
// pixel layer. Anything the real API would convert (profiles, depths, scaling) the fake refuses loudly.
"use strict";

const B = require("../src/bounds.js");
const { psToFull, fullToPs } = require("../src/protocol.js");
const D = require("./fake-dom.js");

const GETPIXELS_KEYS = ["documentID", "layerID", "historyStateID", "sourceBounds", "targetSize", "colorSpace", "colorProfile", "componentSize", "applyAlpha"];

function checkKeys(fn, options, allowed) {
  if (!options || typeof options !== "object") throw new TypeError(fn + ": options object required");
  for (const k of Object.keys(options)) {
    if (!allowed.includes(k)) throw new TypeError(fn + ": unknown option '" + k + "'");
  }
}

function colorSpaceOf(doc) {
  return doc.mode === D.constants.DocumentMode.GRAYSCALE ? "Grayscale" : "RGB";
}

class FakeImageData {
  constructor({ width, height, components, componentSize, colorSpace, colorProfile, samples }) {
    Object.assign(this, { width, height, components, componentSize, colorSpace, colorProfile });
    this.hasAlpha = colorSpace === "RGB" ? components === 4 : components === 2;
    this.pixelFormat = { RGB3: "RGB", RGB4: "RGBA", Grayscale1: "Grayscale", Grayscale2: "GrayscaleAlpha" }[colorSpace + components];
    this.isChunky = true;
    this.type = "image/uncompressed";
    this._samples = samples;
  }

  async getData({ chunky = true, fullRange = false } = {}) {
    if (!this._samples) throw new Error("getData on disposed image data");
    let out = this._samples.slice();
    if (this.componentSize === 16 && fullRange) out = Uint16Array.from(out, psToFull);
    if (!chunky) out = require("../src/protocol.js").chunkyToPlanar(out, this.components);
    return out;
  }

  dispose() {
    this._samples = null;
  }
}

function createImaging(host) {
  function resolveBounds(fn, given, fallback) {
    if (given === undefined) return fallback;
    const b = given.right !== undefined || given.bottom !== undefined ? given : { left: given.left, top: given.top, right: given.left + given.width, bottom: given.top + given.height };
    if (!B.isIntegerBounds(b)) throw new TypeError(fn + ": sourceBounds must be integers with right>=left, bottom>=top: " + JSON.stringify(given));
    return b;
  }

  function checkDepth(fn, doc, componentSize) {
    if (componentSize === undefined || componentSize === -1 || componentSize === doc.depth) return;
    // SD-PPP reports "Error Code -1" for componentSize 8 on a 16-bit document; the fake refuses any conversion.
    throw new Error(fn + ": Photoshop Error. Code: -1 (componentSize " + componentSize + " on a " + doc.depth + "-bit document)");
  }

  /** Chunky crop of a document-sized buffer with n components. */
  function crop(doc, full, n, b) {
    const out = D.newSamples(doc, B.area(b) * n);
    return B.copyRegion(full, B.documentBounds(doc.width, doc.height), out, b, n);
  }

  async function getPixels(options) {
    checkKeys("getPixels", options, GETPIXELS_KEYS);
    host.noteCall("getPixels");
    const doc = host.doc(options.documentID);
    if (options.targetSize) throw new Error("fake getPixels: targetSize (scaling) is not modelled; Loupe never scales");
    if (options.historyStateID !== undefined) throw new Error("fake getPixels: historyStateID is not modelled");
    if (options.colorSpace && options.colorSpace !== colorSpaceOf(doc)) throw new Error("fake getPixels: colour-space conversion is not modelled");
    if (options.colorProfile && options.colorProfile !== doc.profile) throw new Error("fake getPixels: profile conversion is not modelled");
    checkDepth("getPixels", doc, options.componentSize);
    const docB = B.documentBounds(doc.width, doc.height);
    const cc = D.colorComponents(doc);
    let full, pixelBounds, opaque;
    if (options.layerID !== undefined) {
      const l = D.requireEntry(doc, options.layerID).layer;
      // The docs restrict only putPixels to pixel layers: a smart object or text layer reads as rendered.
      if (l.kind === "group") throw new Error("getPixels: layer " + l.id + " is a group");
      full = l.pixels;
      pixelBounds = l.isBackground ? docB : D.alphaBounds(doc, l.pixels);
      opaque = l.isBackground;
    } else {
      full = host.composite(doc);
      pixelBounds = D.alphaBounds(doc, full);
      opaque = false;
    }
    const requested = resolveBounds("getPixels", options.sourceBounds, pixelBounds);
    const trimmed = B.intersect(B.intersect(requested, docB), pixelBounds);
    if (B.isEmpty(trimmed)) throw new Error("getPixels: the requested area has no pixels");
    let samples = crop(doc, full, cc + 1, trimmed);
    let components = cc + 1;
    if (opaque || options.applyAlpha) {
      samples = options.applyAlpha && !opaque ? matteOnWhite(doc, samples, cc) : dropAlpha(doc, samples, cc);
      components = cc;
    }
    const imageData = new FakeImageData({ width: B.width(trimmed), height: B.height(trimmed), components, componentSize: doc.depth, colorSpace: colorSpaceOf(doc), colorProfile: doc.profile, samples });
    return { imageData, sourceBounds: trimmed, level: 0 };
  }

  function dropAlpha(doc, samples, cc) {
    const n = samples.length / (cc + 1);
    const out = D.newSamples(doc, n * cc);
    for (let i = 0; i < n; i++) for (let c = 0; c < cc; c++) out[i * cc + c] = samples[i * (cc + 1) + c];
    return out;
  }

  function matteOnWhite(doc, samples, cc) {
    const max = D.maxValue(doc);
    const n = samples.length / (cc + 1);
    const out = D.newSamples(doc, n * cc);
    for (let i = 0; i < n; i++) {
      const a = samples[i * (cc + 1) + cc];
      for (let c = 0; c < cc; c++) out[i * cc + c] = Math.round((samples[i * (cc + 1) + c] * a + max * (max - a)) / max);
    }
    return out;
  }

  async function getLayerMask(options) {
    checkKeys("getLayerMask", options, ["documentID", "layerID", "kind", "sourceBounds", "targetSize"]);
    host.noteCall("getLayerMask");
    const doc = host.doc(options.documentID);
    if (options.targetSize) throw new Error("fake getLayerMask: targetSize is not modelled");
    const kind = options.kind || "user";
    if (kind !== "user" && kind !== "vector") throw new Error("getLayerMask: kind must be 'user' or 'vector', got " + kind);
    const l = D.requireEntry(doc, options.layerID).layer;
    const samples = kind === "user" ? l.mask : l.vectorMask;
    if (!samples) throw new Error("getLayerMask: layer '" + l.name + "' has no " + kind + " mask");
    const docB = B.documentBounds(doc.width, doc.height);
    // A mask is trimmed to its stored extent, as getPixels trims to the layer's pixels (the docs do not say).
    const stored = (kind === "user" ? l.maskBounds : l.vectorMaskBounds) || docB;
    const b = B.intersect(B.intersect(resolveBounds("getLayerMask", options.sourceBounds, docB), docB), stored);
    return { imageData: grayImageData(doc, crop(doc, samples, 1, b), b), sourceBounds: b };
  }

  /**
   * Single-channel image data for a mask or the selection. The docs give getLayerMask and getSelection no
   * componentSize and do not say at which depth they answer, so `host.maskComponentSize` (default: the
   * document's) lets a test have them answer at 8 bits in a 16-bit document.
   */
  function grayImageData(doc, samples, b) {
    const size = host.maskComponentSize || doc.depth;
    const out = size === doc.depth ? samples : size === 8 ? Uint8Array.from(samples, (v) => Math.round((v * 255) / 32768)) : Uint16Array.from(samples, (v) => Math.round((v * 32768) / 255));
    return new FakeImageData({ width: B.width(b), height: B.height(b), components: 1, componentSize: size, colorSpace: "Grayscale", colorProfile: "Gray Gamma 2.2", samples: out });
  }

  async function getSelection(options = {}) {
    checkKeys("getSelection", options, ["documentID", "sourceBounds", "targetSize"]);
    host.noteCall("getSelection");
    const doc = host.doc(options.documentID);
    if (options.targetSize) throw new Error("fake getSelection: targetSize is not modelled");
    const docB = B.documentBounds(doc.width, doc.height);
    const b = B.intersect(resolveBounds("getSelection", options.sourceBounds, docB), docB);
    const full = doc.selection || D.newSamples(doc, doc.width * doc.height);
    return { imageData: grayImageData(doc, crop(doc, full, 1, b), b), sourceBounds: b };
  }

  async function createImageDataFromBuffer(typed, options) {
    checkKeys("createImageDataFromBuffer", options, ["width", "height", "components", "chunky", "colorProfile", "colorSpace", "fullRange"]);
    let componentSize;
    if (typed instanceof Uint8Array) componentSize = 8;
    else if (typed instanceof Uint16Array) componentSize = 16;
    else if (typed instanceof Float32Array) componentSize = 32;
    else throw new TypeError("createImageDataFromBuffer: expected Uint8Array, Uint16Array or Float32Array, got " + Object.prototype.toString.call(typed));
    // The docs say "a typed array"; the fake takes only one that fills its buffer, the safe reading of that.
    if (typed.byteOffset !== 0 || typed.byteLength !== typed.buffer.byteLength) {
      throw new TypeError("fake createImageDataFromBuffer: a view into a larger buffer (offset " + typed.byteOffset + ") is not accepted");
    }
    const { width, height, components, colorSpace } = options;
    for (const k of ["width", "height", "components"]) {
      if (!Number.isInteger(options[k]) || options[k] <= 0) throw new TypeError("createImageDataFromBuffer: " + k + " must be a positive integer");
    }
    if (!colorSpace) throw new TypeError("createImageDataFromBuffer: colorSpace is required");
    const allowed = { RGB: [3, 4], Grayscale: [1, 2] }[colorSpace];
    if (!allowed) throw new Error("fake createImageDataFromBuffer: colour space " + colorSpace + " is not modelled");
    if (!allowed.includes(components)) throw new Error("createImageDataFromBuffer: " + components + " components do not fit colour space " + colorSpace);
    if (typed.length !== width * height * components) {
      throw new RangeError("createImageDataFromBuffer: " + typed.length + " elements, expected width*height*components = " + width * height * components);
    }
    if (componentSize === 32) throw new Error("fake: 32-bit image data is not modelled");
    let samples = typed.slice();
    if (options.chunky === false) samples = require("../src/protocol.js").planarToChunky(samples, components);
    if (componentSize === 16) {
      if (options.fullRange) samples = Uint16Array.from(samples, fullToPs);
      else if (samples.some((v) => v > 32768)) throw new RangeError("createImageDataFromBuffer: 16-bit value above 32768 without fullRange");
    }
    return new FakeImageData({ width, height, components, componentSize, colorSpace, colorProfile: options.colorProfile || "", samples });
  }

  function checkWritable(fn, doc, imageData, options) {
    host.requireModal(fn);
    if (!(imageData instanceof FakeImageData) || !imageData._samples) throw new TypeError(fn + ": imageData must be live PhotoshopImageData");
    if (imageData.componentSize !== doc.depth) throw new Error("fake " + fn + ": " + imageData.componentSize + "-bit data into a " + doc.depth + "-bit document (conversion not modelled)");
    if (options.replace === false) throw new Error("fake " + fn + ": replace:false is not modelled; Loupe always replaces");
    const t = options.targetBounds || { left: 0, top: 0 };
    if (!Number.isInteger(t.left) || !Number.isInteger(t.top)) throw new TypeError(fn + ": targetBounds must be integers, got " + JSON.stringify(t));
    return { left: t.left, top: t.top, right: t.left + imageData.width, bottom: t.top + imageData.height };
  }

  async function putPixels(options) {
    checkKeys("putPixels", options, ["documentID", "layerID", "imageData", "replace", "targetBounds", "commandName"]);
    host.noteCall("putPixels");
    const doc = host.doc(options.documentID);
    if (options.layerID === undefined) throw new TypeError("putPixels: layerID is required");
    const l = D.requireEntry(doc, options.layerID).layer;
    const target = checkWritable("putPixels", doc, options.imageData, options);
    if (l.kind !== "pixel") throw new Error("putPixels: the target layer must be a pixel layer");
    if (l.allLocked || l.pixelsLocked) throw new Error("putPixels: the layer '" + l.name + "' is locked");
    const img = options.imageData;
    if (img.colorSpace !== colorSpaceOf(doc)) throw new Error("fake putPixels: " + img.colorSpace + " data into a " + colorSpaceOf(doc) + " document (conversion not modelled)");
    if (img.colorProfile && img.colorProfile !== doc.profile) throw new Error("fake putPixels: data tagged '" + img.colorProfile + "' into a '" + doc.profile + "' document (conversion not modelled)");
    const cc = D.colorComponents(doc);
    const n = cc + 1;
    const rgba = D.newSamples(doc, img.width * img.height * n);
    const max = D.maxValue(doc);
    for (let i = 0; i < img.width * img.height; i++) {
      for (let c = 0; c < cc; c++) rgba[i * n + c] = img._samples[i * img.components + c];
      rgba[i * n + cc] = img.hasAlpha ? img._samples[i * img.components + cc] : max;
    }
    l.pixels.fill(0);
    B.copyRegion(rgba, target, l.pixels, B.documentBounds(doc.width, doc.height), n);
    host.touch(doc, options.commandName || "Put Pixels", { op: "putPixels", layerId: l.id });
  }

  async function putLayerMask(options) {
    checkKeys("putLayerMask", options, ["documentID", "layerID", "kind", "imageData", "replace", "targetBounds", "commandName"]);
    host.noteCall("putLayerMask");
    const doc = host.doc(options.documentID);
    if (options.layerID === undefined) throw new TypeError("putLayerMask: layerID is required");
    const l = D.requireEntry(doc, options.layerID).layer;
    const target = checkWritable("putLayerMask", doc, options.imageData, options);
    if ((options.kind || "user") !== "user") throw new Error("putLayerMask: only user masks can be written");
    if (l.isBackground) throw new Error("putLayerMask: the Background layer cannot have a layer mask");
    if (l.allLocked) throw new Error("putLayerMask: the layer '" + l.name + "' is locked");
    const img = options.imageData;
    if (img.components !== 1 || img.colorSpace !== "Grayscale") throw new Error("putLayerMask: mask data must be 1-component Grayscale");
    // A new mask reveals everything outside the written rectangle (the fake's choice; the docs do not say).
    l.mask = D.newSamples(doc, doc.width * doc.height).fill(D.maxValue(doc));
    B.copyRegion(img._samples, target, l.mask, B.documentBounds(doc.width, doc.height), 1);
    host.touch(doc, options.commandName || "Put Layer Mask", { op: "putLayerMask", layerId: l.id });
  }

  return { getPixels, getLayerMask, getSelection, createImageDataFromBuffer, putPixels, putLayerMask, FakeImageData };
}

module.exports = { createImaging, FakeImageData };
