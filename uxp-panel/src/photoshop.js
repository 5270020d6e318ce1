// SPDX-License-Identifier: Apache-2.0
// The thin adapter over the `photoshop` module. Every imaging call and every edit runs inside one
// core.executeAsModal scope (a Session); the panel's own reads for its layer picker are plain DOM getters.
// The adapter refuses any write to a layer registered as protected.
"use strict";

const B = require("./bounds.js");
const G = require("./guard.js");
const P = require("./protocol.js");
const { LoupeError, cancelledError } = require("./errors.js");

const MASK_PROFILE = "Gray Gamma 2.2";
// executeAsModal's timeOut (PS 25.10+, ignored before): how long to retry while another plugin is modal. The docs
// say it "defaults to one second" without naming the unit; public plugins pass seconds (1), so this is 3 s.
const MODAL_TIMEOUT = 3;
// executeAsModal's error number when another plugin holds the modal state (executeasmodal.md).
const MODAL_BUSY = 9;

function depthOf(doc) {
  const bits = String(doc.bitsPerChannel);
  if (bits === "bitDepth8") return 8;
  if (bits === "bitDepth16") return 16;
  throw new LoupeError("photoshop", "Loupe works on 8- and 16-bit documents; this one is " + bits.replace("bitDepth", "") + "-bit. Convert it with Image > Mode.");
}

/** Image > Mode's words for the modes Loupe does not work on (UXP's DocumentMode values). */
const MODE_NAMES = { bitmapMode: "Bitmap", CMYKColorMode: "CMYK Color", duotoneMode: "Duotone", indexedColorMode: "Indexed Color", labColorMode: "Lab Color", multichannelMode: "Multichannel" };

function colorSpaceOf(doc) {
  if (doc.mode === "RGBColorMode") return "RGB";
  if (doc.mode === "grayscaleMode") return "Grayscale";
  throw new LoupeError("photoshop", "Loupe works on RGB and Grayscale documents; this one is " + (MODE_NAMES[doc.mode] || doc.mode) + ". Convert it with Image > Mode.");
}

/** What the protocol and the Imaging API need to know about a document. */
function documentInfo(doc) {
  const depth = depthOf(doc);
  const colorSpace = colorSpaceOf(doc);
  const profile = doc.colorProfileName && doc.colorProfileName !== "None" ? doc.colorProfileName : "";
  return {
    id: doc.id,
    width: doc.width,
    height: doc.height,
    depth,
    colorSpace,
    colorComponents: colorSpace === "RGB" ? 3 : 1,
    profile,
    maxValue: depth === 16 ? 32768 : 255,
    bounds: B.documentBounds(doc.width, doc.height),
  };
}

/** All layers top to bottom with their ancestors, so "above" and "below" follow the stacking order. */
function flattenLayers(layers, ancestors = [], out = []) {
  // Photoshop's Layers collection is array-like; Array.from accepts it as well as a plain array.
  for (const layer of Array.from(layers)) {
    out.push({ layer, ancestors });
    if (layer.kind === "group" && layer.layers) flattenLayers(layer.layers, ancestors.concat([layer]), out);
  }
  return out;
}

/**
 * Samples that fill their own ArrayBuffer. Downloaded layers are views into the whole response; the Imaging API
 * documents only "a typed array", so a native side that read the buffer from its start would place other bytes.
 */
function ownBuffer(samples) {
  return samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength ? samples : samples.slice();
}

/** batchPlay reports a failed command in its reply, not by rejecting: such a reply becomes Loupe's error. */
function checkedReply(reply, what) {
  if (!reply || reply._obj === "error") {
    throw new LoupeError("photoshop", "Photoshop could not " + what + ": " + (reply ? reply.message || "error " + reply.result : "no reply") + ".");
  }
  return reply;
}

/**
 * A mask's or the selection's samples at the document's depth. The Imaging API gives getLayerMask and getSelection
 * no componentSize and does not say which depth they answer in, so the answer's own componentSize decides.
 */
async function grayAtDocumentDepth(info, imageData, what) {
  if (imageData.components !== 1 || (imageData.componentSize !== 8 && imageData.componentSize !== 16)) {
    throw new LoupeError("photoshop", "Photoshop returned " + what + " as " + imageData.components + " component(s) of " + imageData.componentSize + " bits; Loupe reads masks as one 8- or 16-bit gray channel.");
  }
  const data = await imageData.getData({ chunky: true, fullRange: false });
  return P.atDepth(data, imageData.componentSize, info.depth);
}

function createPhotoshopAdapter(ps) {
  const { app, core, imaging, action, constants } = ps;

  function findDocument(id) {
    const doc = Array.from(app.documents).find((d) => d.id === id);
    if (!doc) throw new LoupeError("photoshop", "The document Loupe was working on has been closed.");
    return doc;
  }

  function findLayer(doc, id) {
    const hit = flattenLayers(doc.layers).find((e) => e.layer.id === id);
    if (!hit) throw new LoupeError("photoshop", "The layer Loupe was working on (id " + id + ") no longer exists.");
    return hit.layer;
  }

  /** Layers and saved channels for the panel's pickers (DOM getters only, no modal scope needed). */
  function listLayers() {
    const doc = app.activeDocument;
    if (!doc) return { document: null, layers: [], channels: [] };
    return {
      document: { id: doc.id, name: doc.name },
      layers: flattenLayers(doc.layers).map((e) => ({ id: e.layer.id, name: e.layer.name, kind: e.layer.kind, isBackgroundLayer: e.layer.isBackgroundLayer, depth: e.ancestors.length })),
      channels: savedChannels(doc),
    };
  }

  /** Names of the document's alpha channels (saved selections), once each, in the Channels panel's order; not colour or spot channels. */
  function savedChannels(doc) {
    const kinds = constants.ChannelType;
    const names = Array.from(doc.channels || []).filter((c) => c.kind !== kinds.COMPONENT && c.kind !== kinds.SPOTCOLOR).map((c) => c.name);
    return names.filter((n, i) => names.indexOf(n) === i);
  }

  /**
   * Runs fn(session) inside one executeAsModal scope. Photoshop's own Cancel (Esc, progress bar) aborts
   * `controller`; an abort from the panel makes the next session call throw. Either way the scope's error
   * becomes Loupe's "cancelled" error.
   */
  async function inModal(commandName, controller, fn) {
    try {
      return await core.executeAsModal(async (context) => {
        context.onCancel = () => controller.abort();
        const session = createSession(context, controller.signal);
        session.checkCancelled();
        return fn(session);
      }, { commandName, timeOut: MODAL_TIMEOUT });
    } catch (e) {
      if (e && e.number === MODAL_BUSY) {
        throw new LoupeError("photoshop", "Photoshop is busy: another plugin is working in it, or a dialog, Free Transform or text editing is open. Finish it and try again.", { cause: e, photoshopBusy: true });
      }
      if (!(e instanceof LoupeError) && controller.signal.aborted) throw cancelledError();
      throw e;
    }
  }

  function createSession(context, signal) {
    const protectedIds = new Set();

    function checkCancelled() {
      if ((signal && signal.aborted) || context.isCancelled) throw cancelledError();
    }

    function assertWritable(layer, what) {
      if (protectedIds.has(layer.id)) {
        throw new LoupeError("fidelity", "Refusing to " + what + " the protected layer '" + layer.name + "'. This is a bug in Loupe; nothing was changed.");
      }
    }

    /** Pixels of a layer (or of the composite when layer is null) padded to exactly `bounds`. */
    async function readPixels(info, layer, bounds, { applyAlpha = false } = {}) {
      checkCancelled();
      const options = { documentID: info.id, sourceBounds: bounds, componentSize: info.depth };
      if (layer) options.layerID = layer.id;
      if (applyAlpha) options.applyAlpha = true;
      const got = await imaging.getPixels(options);
      try {
        const data = await got.imageData.getData({ chunky: true, fullRange: false });
        const components = got.imageData.components;
        // Missing pixels: transparent for layers, the white matte for a composite read with applyAlpha.
        const fill = applyAlpha ? info.maxValue : 0;
        return { samples: B.padToBounds(data, B.toIntegerBounds(got.sourceBounds), bounds, components, fill), components, bounds };
      } finally {
        got.imageData.dispose();
      }
    }

    /** The layer's Action Manager descriptor (masks, feathers, Blending Options); a failed get is an error, not data. */
    async function layerDescriptor(info, layer) {
      checkCancelled();
      const [reply] = await action.batchPlay([{ _obj: "get", _target: [{ _ref: "layer", _id: layer.id }, { _ref: "document", _id: info.id }] }], {});
      return checkedReply(reply, "read the settings of layer '" + layer.name + "'");
    }

    /**
     * The layer's masks over exactly `bounds`: the user mask times the vector mask, each only when present and
     * enabled (a disabled mask is ignored by Photoshop, and one at 0 % density hides nothing); null when neither
     * applies. `applied`: as Photoshop applies them at 100 % density (a lower density is only noted: guard.js,
     * densityNote). `stored`: the same, except that a mask Photoshop answers over less than `bounds` is zero
     * beyond: the same bytes again as long as the masks are unchanged, for comparing. With `asStored` only those
     * are read (no history step, so that they can be read inside a suspension). `descriptor`: the layer's
     * descriptor when it was just read, else it is read here.
     */
    async function readMasks(info, layer, bounds, descriptor = null, { asStored = false } = {}) {
      const d = descriptor || (await layerDescriptor(info, layer));
      const read = (kind) => readLayerMask(info, layer, kind, bounds, asStored);
      // A mask switched off, or at 0 % density, hides nothing.
      const user = G.maskDensity(d, "userMask") > 0 ? await read("user") : null;
      const vector = G.maskDensity(d, "vectorMask") > 0 ? await read("vector") : null;
      if (!user || !vector) return user || vector;
      const max = info.maxValue;
      const times = (a, b) => (a && b ? a.map((v, i) => Math.round((v * b[i]) / max)) : null);
      return { applied: times(user.applied, vector.applied), stored: times(user.stored, vector.stored) };
    }

    /**
     * One mask over exactly `bounds` ({applied, stored}, see readMasks). Photoshop stores a mask over a rectangle
     * with one colour beyond it (a Reveal All mask painted in one spot stores only that spot), and the Imaging API
     * may answer with the rectangle alone, not saying the colour beyond: then the mask is loaded as a selection,
     * which has it.
     */
    async function readLayerMask(info, layer, kind, bounds, asStored) {
      checkCancelled();
      const got = await imaging.getLayerMask({ documentID: info.id, layerID: layer.id, kind, sourceBounds: bounds });
      const what = (kind === "user" ? "layer mask" : "vector mask") + " of '" + layer.name + "'";
      let stored;
      let whole;
      try {
        const gotBounds = B.toIntegerBounds(got.sourceBounds);
        whole = B.sameBounds(gotBounds, bounds);
        stored = B.padToBounds(await grayAtDocumentDepth(info, got.imageData, "the " + what), gotBounds, bounds, 1, 0);
      } finally {
        got.imageData.dispose();
      }
      if (whole) return { applied: stored, stored };
      if (asStored) return { applied: null, stored };
      const mask = kind === "user" ? { _ref: "channel", _enum: "channel", _value: "mask" } : { _ref: "path", _enum: "path", _value: "vectorMask" };
      return { applied: await readAsSelection(info, { _ref: [mask, { _ref: "layer", _id: layer.id }] }, "the " + what, bounds), stored };
    }

    /** The selection over `bounds`; all zero when nothing is selected (whatever the Imaging API would do then). */
    async function readSelection(info, bounds) {
      checkCancelled();
      const selection = findDocument(info.id).selection;
      if (selection && !selection.bounds) return new (info.depth === 16 ? Uint16Array : Uint8Array)(B.width(bounds) * B.height(bounds));
      const got = await imaging.getSelection({ documentID: info.id, sourceBounds: bounds });
      try {
        const data = await grayAtDocumentDepth(info, got.imageData, "the selection");
        return B.padToBounds(data, B.toIntegerBounds(got.sourceBounds), bounds, 1, 0);
      } finally {
        got.imageData.dispose();
      }
    }

    /**
     * A saved channel as Photoshop loads it as a selection (a "selected areas" channel inverted), over `bounds`.
     * Photoshop loads channels by name, so the name must be one alpha channel's and no other channel's.
     */
    async function readChannel(info, name, bounds) {
      checkCancelled();
      const doc = findDocument(info.id);
      const saved = savedChannels(doc);
      if (!saved.includes(name)) {
        throw new LoupeError("photoshop", "The product mask is the saved channel '" + name + "', which this document does not have (" +
          (saved.length ? "its saved channels: " + saved.join(", ") : "it has no saved channels") + "). Choose another product mask.");
      }
      if (Array.from(doc.channels).filter((c) => c.name === name).length > 1) {
        throw new LoupeError("photoshop", "More than one channel is named '" + name + "', so Loupe cannot tell which one is the product mask. Rename the one to use.");
      }
      return readAsSelection(info, { _ref: "channel", _name: name }, "the saved channel '" + name + "'", bounds);
    }

    /**
     * What `to` refers to (a channel, a layer's mask), loaded as the selection and read over `bounds`, in a
     * history suspension that is rolled back, so the user's own selection stays as it was.
     */
    async function readAsSelection(info, to, what, bounds) {
      return withRolledBackHistory(info, "Loupe: reading " + what, async () => {
        // batchPlay reports a failed command in its reply, not by rejecting.
        const [reply] = await action.batchPlay([{ _obj: "set", _target: [{ _ref: "channel", _property: "selection" }], to }], {});
        checkedReply(reply, "load " + what + " as a selection");
        return readSelection(info, bounds);
      });
    }

    /** fn() inside a history suspension that is always rolled back: for reads that need temporary edits. */
    async function withRolledBackHistory(info, name, fn) {
      const sid = await context.hostControl.suspendHistory({ documentID: info.id, name });
      try {
        return await fn();
      } finally {
        await context.hostControl.resumeHistory(sid, false);
      }
    }

    /** fn() inside one history state named `name`; any throw rolls the document back. */
    async function withHistoryState(info, name, fn) {
      const sid = await context.hostControl.suspendHistory({ documentID: info.id, name });
      let result;
      try {
        result = await fn();
      } catch (e) {
        await context.hostControl.resumeHistory(sid, false).catch(() => undefined);
        throw e;
      }
      await context.hostControl.resumeHistory(sid, true);
      return result;
    }

    /** force: also after a cancel, so a read that hid layers can always show them again. */
    function setVisible(layer, visible, { force = false } = {}) {
      if (!force) checkCancelled();
      if (layer.visible !== visible) layer.visible = visible;
    }

    async function createGroup(doc, name, relativeLayer, placement) {
      checkCancelled();
      const group = await doc.createLayerGroup({ name });
      group.move(relativeLayer, constants.ElementPlacement[placement]);
      return group;
    }

    /** A new pixel layer, placed at the top of `group` or directly below `after`. */
    async function createPixelLayer(doc, { name, opacity, blendMode }, { group, after }) {
      checkCancelled();
      const mode = constants.BlendMode[String(blendMode || "normal").replace(/[^a-z]/gi, "").toUpperCase()];
      if (!mode) throw new LoupeError("result", "The server asked for blend mode '" + blendMode + "', which Photoshop does not have.");
      const layer = await doc.createPixelLayer({ name, opacity, blendMode: mode });
      if (after) layer.move(after, constants.ElementPlacement.PLACEAFTER);
      else layer.move(group, constants.ElementPlacement.PLACEINSIDE);
      return layer;
    }

    async function putPixels(info, layer, samples, components, bounds, commandName) {
      checkCancelled();
      assertWritable(layer, "write pixels into");
      const imageData = await imaging.createImageDataFromBuffer(ownBuffer(samples), Object.assign(
        { width: B.width(bounds), height: B.height(bounds), components, chunky: true, colorSpace: info.colorSpace },
        info.profile ? { colorProfile: info.profile } : {}
      ));
      try {
        await imaging.putPixels({ documentID: info.id, layerID: layer.id, imageData, replace: true, targetBounds: { left: bounds.left, top: bounds.top }, commandName });
      } finally {
        imageData.dispose();
      }
    }

    async function putUserMask(info, layer, samples, bounds, commandName) {
      checkCancelled();
      assertWritable(layer, "write a mask into");
      const imageData = await imaging.createImageDataFromBuffer(ownBuffer(samples), {
        width: B.width(bounds), height: B.height(bounds), components: 1, chunky: false, colorSpace: "Grayscale", colorProfile: MASK_PROFILE,
      });
      try {
        await imaging.putLayerMask({ documentID: info.id, layerID: layer.id, kind: "user", imageData, replace: true, targetBounds: { left: bounds.left, top: bounds.top }, commandName });
      } finally {
        imageData.dispose();
      }
    }

    function lockAll(layer) {
      checkCancelled();
      if (!layer.allLocked) layer.allLocked = true;
    }

    /**
     * Brings `doc` to the front when the user switched to another document while the server worked: new layers
     * and selects by layer id act in the active document.
     */
    function activate(doc) {
      checkCancelled();
      if (!app.activeDocument || app.activeDocument.id !== doc.id) app.activeDocument = doc;
    }

    /**
     * Makes `layer` the active layer again (new layers become active), so the next run's default, the active
     * layer, is the jewelry. In the active document, which the write step made `layer`'s (see activate).
     */
    async function selectLayer(info, layer) {
      checkCancelled();
      const [reply] = await action.batchPlay([{ _obj: "select", _target: [{ _ref: "layer", _id: layer.id }], makeVisible: false }], {});
      checkedReply(reply, "select the layer '" + layer.name + "' again");
    }

    /**
     * Clips `layer` to the layer below it (Layer > Create Clipping Mask), by batchPlay: Photoshop ignores
     * writes to Layer.isClippingMask (AdobeDocs/uxp-photoshop#439). The event acts on the active layer.
     */
    async function clipToLayerBelow(info, layer) {
      await selectLayer(info, layer);
      const [reply] = await action.batchPlay([{ _obj: "groupEvent", _target: [{ _ref: "layer", _enum: "ordinal", _value: "targetEnum" }] }], {});
      checkedReply(reply, "clip '" + layer.name + "' to the layer below it");
      if (!layer.isClippingMask) throw new LoupeError("photoshop", "Photoshop did not clip '" + layer.name + "' to the layer below it.");
    }

    return {
      context,
      checkCancelled,
      protect: (layer) => protectedIds.add(layer.id),
      activeDocument: () => app.activeDocument,
      findDocument,
      activate,
      findLayer,
      documentInfo,
      flattenLayers: (doc) => flattenLayers(doc.layers),
      readPixels,
      layerDescriptor,
      readMasks,
      readSelection,
      readChannel,
      withRolledBackHistory,
      withHistoryState,
      setVisible,
      createGroup,
      clipToLayerBelow,
      createPixelLayer,
      putPixels,
      putUserMask,
      lockAll,
      selectLayer,
      reportProgress: (value, commandName) => context.reportProgress(Object.assign({ value }, commandName ? { commandName } : {})),
    };
  }

  return { inModal, listLayers };
}

module.exports = { createPhotoshopAdapter };
