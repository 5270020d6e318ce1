// SPDX-License-Identifier: Apache-2.0
// The three steps against the strict fake Photoshop, with a scripted stand-in for the HTTP client so each
// Photoshop-side failure (cancel, locked layer, edits meanwhile, a layer that would cover the jewelry) can be
// provoked on purpose. The real server is exercised in integration.test.js.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { createFakePhotoshop } = require("./fake-photoshop.js");
const { runRecipe } = require("../src/workflow.js");
const P = require("../src/protocol.js");
const B = require("../src/bounds.js");
const { cancelledError } = require("../src/errors.js");

const W = 24;
const H = 16;
const JEWEL = { left: 8, top: 4, right: 16, bottom: 12 };

/** A small scene: Background (a gradient), Jewelry (opaque 8×8 square with a soft edge column), active. */
function scene(depth, fakeOptions = {}, jewelryKind = "pixel") {
  const ps = createFakePhotoshop(fakeOptions);
  const max = depth === 16 ? 32768 : 255;
  const Samples = depth === 16 ? Uint16Array : Uint8Array;
  const docId = ps.fake.addDocument({ name: "ring", width: W, height: H, depth });
  const bg = new Samples(W * H * 4);
  const jewel = new Samples(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      bg.set([Math.round((x * max) / W), Math.round((y * max) / H), max >> 1, max], i);
      if (x >= JEWEL.left && x < JEWEL.right && y >= JEWEL.top && y < JEWEL.bottom) {
        jewel.set([max, Math.round(max * 0.8), Math.round(max * 0.2), x === JEWEL.right - 1 ? max >> 1 : max], i);
      }
    }
  }
  const backgroundId = ps.fake.addLayer(docId, { name: "Background", pixels: bg, isBackground: true });
  const jewelryId = ps.fake.addLayer(docId, { name: "Jewelry", pixels: jewel, kind: jewelryKind });
  return Object.assign(ps, { docId, backgroundId, jewelryId, depth, max });
}

/**
 * A client double: records the decoded request and answers with layers built by `layers(request)`:
 * [{entry, pixels:{bounds, components, samples}, mask?}]. `onWait` runs while the "server" works.
 */
function scriptedClient(layers, { onWait, result = {} } = {}) {
  const calls = { request: null, cancelled: false, deleted: [] };
  let built = null;
  return {
    calls,
    async startJob(frame) {
      calls.request = P.decodeFrame(frame);
      built = layers(calls.request);
      return { id: "j-test", state: "queued" };
    },
    async waitForJob(id, { signal, onProgress }) {
      onProgress({ state: "running", stage: "inpaint", fraction: 0.5 });
      if (onWait) await onWait(signal);
      if (signal && signal.aborted) {
        calls.cancelled = true;
        throw cancelledError();
      }
      return Object.assign({ recipe: "pro", group: "Loupe Pro", layers: built.map((l, index) => Object.assign({ index }, l.entry)), fidelity: { protectedPixels: 56, changedPixels: 0, verdict: "bit-exact" } }, result);
    },
    async cancelJob(id) {
      calls.deleted.push(id);
    },
    async downloadLayer(id, index) {
      const l = built[index];
      const descriptors = [P.describeBuffer(Object.assign({ role: "pixels", bitDepth: l.depth }, l.pixels))];
      const buffers = [P.samplesToBytes(l.pixels.samples)];
      if (l.mask) {
        descriptors.push(P.describeBuffer(Object.assign({ role: "mask", components: 1, bitDepth: l.depth }, l.mask)));
        buffers.push(P.samplesToBytes(l.mask.samples));
      }
      return P.decodeFrame(P.encodeFrame(Object.assign({ buffers: descriptors }, l.entry), buffers));
    },
  };
}

function buffer(request, role) {
  const i = request.header.buffers.findIndex((d) => d.role === role);
  return i < 0 ? null : { descriptor: request.header.buffers[i], samples: P.bytesToSamples(request.buffers[i], request.header.buffers[i].bitDepth) };
}

/** What a Pro run returns: the background copy below, a hidden high-pass layer, a multiply shadow with a mask. */
function proLayers(request) {
  const bg = buffer(request, "background");
  const depth = bg.descriptor.bitDepth;
  const Samples = depth === 16 ? Uint16Array : Uint8Array;
  const gray = depth === 16 ? 16384 : 128;
  const shadowBounds = { left: 6, top: 10, right: 18, bottom: 14 };
  return [
    { entry: { name: "Loupe background (clean)", placement: "below", blendMode: "normal", opacity: 255, visible: true }, depth, pixels: { bounds: bg.descriptor.bounds, components: 3, samples: bg.samples } },
    { entry: { name: "Loupe high frequency", placement: "below", blendMode: "linearLight", opacity: 255, visible: false }, depth, pixels: { bounds: bg.descriptor.bounds, components: 3, samples: new Samples(W * H * 3).fill(gray) } },
    {
      entry: { name: "Loupe shadow", placement: "below", blendMode: "multiply", opacity: 128, visible: true },
      depth,
      pixels: { bounds: shadowBounds, components: 4, samples: new Samples(B.area(shadowBounds) * 4).fill(gray) },
      mask: { bounds: shadowBounds, samples: new Samples(B.area(shadowBounds)).fill(depth === 16 ? 32768 : 255) },
    },
  ];
}

async function run(s, client, extra = {}) {
  return runRecipe(Object.assign({ photoshop: s.photoshop, client, recipeId: "pro", options: {}, controller: new AbortController() }, extra));
}

function writesTo(s, layerId) {
  return s.fake.writes.filter((w) => w.layerId === layerId);
}

for (const depth of [8, 16]) {
  test(depth + "-bit: one history state, a group beneath the jewelry, the jewelry locked and never written", async () => {
    const s = scene(depth);
    const client = scriptedClient(proLayers);
    const summary = await run(s, client);

    assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro"]);
    const tree = s.fake.tree(s.docId);
    assert.deepEqual(tree.map((l) => l.name), ["Jewelry", "Loupe Pro", "Background"]);
    // The result lists layers bottom to top; the layer tree reads top to bottom.
    assert.deepEqual(tree[1].children.map((l) => [l.name, l.blendMode, l.visible, l.opacity]), [
      ["Loupe shadow", "multiply", true, 50],
      ["Loupe high frequency", "linearLight", false, 100],
      ["Loupe background (clean)", "normal", true, 100],
    ]);
    assert.equal(tree[0].allLocked, true);
    // Hidden and shown again during the read (inside a rolled-back suspension), then locked:
    // never a pixel, mask, position or blend write.
    assert.deepEqual(writesTo(s, s.jewelryId).map((w) => w.op + ":" + (w.prop || "")), ["set:visible", "set:visible", "set:allLocked"]);

    const shadow = s.fake.layerModel(s.docId, tree[1].children[0].id);
    assert.ok(shadow.pixels instanceof (depth === 16 ? Uint16Array : Uint8Array), "layer kept the document depth");
    assert.deepEqual(s.photoshop.app.activeDocument.layers[1].layers[0].boundsNoEffects, { left: 6, top: 10, right: 18, bottom: 14 });
    assert.ok(shadow.mask, "mask written with putLayerMask");

    assert.equal(summary.hashes.before, summary.hashes.after);
    assert.deepEqual(summary.layers.map((l) => l.placement), ["below", "below", "below"]);
  });

  test(depth + "-bit: the request carries the jewelry at its bounds and the composite below, at document depth", async () => {
    const s = scene(depth);
    // A layer above the jewelry must not leak into the "background" composite.
    const notes = new (depth === 16 ? Uint16Array : Uint8Array)(W * H * 4).fill(s.max);
    s.fake.addLayer(s.docId, { name: "Notes", pixels: notes });
    s.fake.setActiveLayers(s.docId, [s.jewelryId]);
    const client = scriptedClient(proLayers);
    await run(s, client);
    const req = client.calls.request;
    assert.equal(req.header.recipe, "pro");
    assert.deepEqual(req.header.document, { width: W, height: H, bitDepth: depth, mode: "RGB", colorProfile: "sRGB IEC61966-2.1" });
    const jewel = buffer(req, "jewelry");
    assert.deepEqual(jewel.descriptor.bounds, JEWEL);
    assert.equal(jewel.descriptor.components, 4);
    assert.equal(jewel.descriptor.fullRange, false);
    const model = s.fake.layerModel(s.docId, s.jewelryId).pixels;
    const expected = B.padToBounds(model, B.documentBounds(W, H), JEWEL, 4, 0);
    assert.deepEqual(Array.from(jewel.samples), Array.from(expected));
    const bg = buffer(req, "background");
    assert.deepEqual(bg.descriptor.bounds, { left: 0, top: 0, right: W, bottom: H });
    const bgModel = s.fake.layerModel(s.docId, s.backgroundId).pixels;
    for (let i = 0; i < W * H; i++) {
      for (let c = 0; c < 3; c++) assert.equal(bg.samples[i * 3 + c], bgModel[i * 4 + c]);
    }
    assert.equal(buffer(req, "selection"), null);
    assert.equal(buffer(req, "jewelryMask"), null);
    assert.equal(s.fake.tree(s.docId).find((l) => l.name === "Notes").visible, true, "hidden only inside the rolled-back read");
  });
}

/** Pro as the server returns it: the background below, the frequency-separation pair above in a hidden group. */
function withFrequencySeparation(request) {
  const jewel = buffer(request, "jewelry");
  const bg = buffer(request, "background");
  const depth = bg.descriptor.bitDepth;
  const fs = (name, blendMode) => ({ entry: { name, placement: "above", blendMode, opacity: 255, visible: false, group: "Loupe frequency separation (radius 8.0)" }, depth, pixels: { bounds: jewel.descriptor.bounds, components: 4, samples: jewel.samples } });
  return [
    { entry: { name: "Loupe background", placement: "below", blendMode: "normal", opacity: 255, visible: true, group: "Loupe Pro" }, depth, pixels: { bounds: bg.descriptor.bounds, components: 3, samples: bg.samples } },
    fs("Low frequency (colour, tone)", "normal"),
    fs("High frequency (texture, dust)", "linearLight"),
  ];
}

test("groups follow the result: one per name and placement, hidden layers of an all-hidden group become a hidden group", async () => {
  const s = scene(16);
  await run(s, scriptedClient(withFrequencySeparation));
  const tree = s.fake.tree(s.docId);
  assert.deepEqual(tree.map((l) => [l.name, l.visible]), [["Loupe frequency separation (radius 8.0)", false], ["Jewelry", true], ["Loupe Pro", true], ["Background", true]]);
  assert.deepEqual(tree[0].children.map((l) => [l.name, l.blendMode, l.visible]), [["High frequency (texture, dust)", "linearLight", true], ["Low frequency (colour, tone)", "normal", true]]);
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro"]);
});

for (const kind of ["smartObject", "text"]) {
  test("jewelry on a " + kind + " layer (a placed product shot): read as rendered, locked, never written, one history step", async () => {
    const s = scene(16, {}, kind);
    const client = scriptedClient(withFrequencySeparation);
    const summary = await run(s, client);
    assert.equal(summary.hashes.before, summary.hashes.after);
    assert.deepEqual(buffer(client.calls.request, "jewelry").descriptor.bounds, JEWEL);
    assert.deepEqual(writesTo(s, s.jewelryId).filter((w) => w.op !== "set"), []);
    const tree = s.fake.tree(s.docId);
    assert.deepEqual(tree.map((l) => [l.name, l.kind, l.allLocked]), [["Loupe frequency separation (radius 8.0)", "group", false],
      ["Jewelry", kind, true], ["Loupe Pro", "group", false], ["Background", "pixel", false]]);
    assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro"]);
  });
}

test("only empty layers below the jewelry: nothing below is sent (the server works from the jewelry layer), no raw Photoshop error", async () => {
  const ps = createFakePhotoshop();
  const docId = ps.fake.addDocument({ name: "cut-out", width: W, height: H, depth: 8 });
  ps.fake.addLayer(docId, { name: "Layer 1", pixels: new Uint8Array(W * H * 4) });
  const jewel = new Uint8Array(W * H * 4);
  for (let y = JEWEL.top; y < JEWEL.bottom; y++) for (let x = JEWEL.left; x < JEWEL.right; x++) jewel.set([200, 180, 90, 255], (y * W + x) * 4);
  ps.fake.addLayer(docId, { name: "Jewelry", pixels: jewel });
  const client = scriptedClient(() => []);
  await run(Object.assign(ps, { docId }), client);
  assert.equal(client.calls.request.header.buffers.some((d) => d.role === "background"), false);
  assert.deepEqual(buffer(client.calls.request, "jewelry").descriptor.bounds, JEWEL);
});

test("a layer clipped to the jewelry stays clipped to it: the group placed above joins the clipping stack", async () => {
  const s = scene(8);
  s.fake.addLayer(s.docId, { name: "Tone (Curves)", pixels: new Uint8Array(W * H * 4).fill(90), clipped: true });
  await run(s, scriptedClient(withFrequencySeparation), { protectedLayer: { documentId: s.docId, layerId: s.jewelryId } });
  assert.deepEqual(s.fake.tree(s.docId).map((l) => [l.name, l.clipped]), [
    ["Tone (Curves)", true], ["Loupe frequency separation (radius 8.0)", true], ["Jewelry", false], ["Loupe Pro", false], ["Background", false]]);
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro"]);
  assert.deepEqual(Array.from(s.photoshop.app.activeDocument.activeLayers).map((l) => l.name), ["Jewelry"]);
});

test("layers placed above go in a group above the jewelry, masked to zero over it", async () => {
  const s = scene(8);
  const above = (request) => {
    const bounds = { left: 0, top: 0, right: W, bottom: H };
    const mask = new Uint8Array(W * H).fill(255);
    for (let y = JEWEL.top; y < JEWEL.bottom; y++) for (let x = JEWEL.left; x < JEWEL.right; x++) mask[y * W + x] = 0;
    return [{ entry: { name: "Loupe dust (above)", placement: "above", blendMode: "normal", opacity: 255, visible: true }, depth: 8, pixels: { bounds, components: 4, samples: new Uint8Array(W * H * 4).fill(200) }, mask: { bounds, samples: mask } }];
  };
  await run(s, scriptedClient(above));
  assert.deepEqual(s.fake.tree(s.docId).map((l) => l.name), ["Loupe Pro", "Jewelry", "Background"]);
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro"]);
});

test("a visible layer above that would cover jewelry pixels is refused; the document is unchanged", async () => {
  const s = scene(8);
  const before = s.fake.fingerprint(s.docId);
  const bad = () => [{ entry: { name: "Loupe fill", placement: "above", blendMode: "normal", opacity: 255, visible: true }, depth: 8, pixels: { bounds: { left: 0, top: 0, right: W, bottom: H }, components: 3, samples: new Uint8Array(W * H * 3) } }];
  await assert.rejects(run(s, scriptedClient(bad)), (e) => e.kind === "fidelity" && /would cover 56 jewelry pixels/.test(e.message));
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("a server layer at the wrong depth fails before anything is written", async () => {
  const s = scene(16);
  const before = s.fake.fingerprint(s.docId);
  const wrongDepth = () => [{ entry: { name: "Loupe background", placement: "below", opacity: 255 }, depth: 8, pixels: { bounds: { left: 0, top: 0, right: W, bottom: H }, components: 3, samples: new Uint8Array(W * H * 3) } }];
  await assert.rejects(run(s, scriptedClient(wrongDepth)), /came back 8-bit for a 16-bit document/);
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("Photoshop's own cancel in the middle of the write rolls everything back", async () => {
  const s = scene(8);
  const before = s.fake.fingerprint(s.docId);
  const client = scriptedClient(proLayers, { onWait: async () => s.fake.cancelModalAfter(6) });
  await assert.rejects(run(s, client), /cancel/i);
  assert.equal(s.fake.fingerprint(s.docId), before);
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open"]);
});

test("another document brought to the front while the server worked: the results go into the one read", async () => {
  const s = scene(8);
  let other = null;
  const client = scriptedClient(proLayers, { onWait: async () => { other = s.fake.addDocument({ name: "earrings", width: 8, height: 8 }); } });
  const summary = await run(s, client);
  assert.equal(summary.hashes.before, summary.hashes.after);
  assert.deepEqual(s.fake.tree(s.docId).map((l) => l.name), ["Jewelry", "Loupe Pro", "Background"]);
  assert.deepEqual(s.fake.tree(other), []);
  assert.equal(s.fake.activeDocumentId(), s.docId, "brought back to the front, showing what was added");
});

test("while the server works, the panel no longer holds the layers below it read for the upload", async () => {
  // A full collection on demand, without starting node with --expose-gc.
  require("v8").setFlagsFromString("--expose-gc");
  const gc = require("vm").runInNewContext("gc");
  const s = scene(16);
  const composites = [];
  const getPixels = s.photoshop.imaging.getPixels;
  s.photoshop.imaging.getPixels = async (options) => {
    const got = await getPixels(options);
    if (options.layerID !== undefined) return got;
    const getData = got.imageData.getData.bind(got.imageData);
    got.imageData.getData = async (o) => {
      const data = await getData(o);
      composites.push(new WeakRef(data));
      return data;
    };
    return got;
  };
  let held = null;
  const client = scriptedClient(proLayers, {
    onWait: async () => {
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      held = composites.filter((r) => r.deref() !== undefined).length;
    },
  });
  await run(s, client);
  assert.equal(composites.length, 1, "the layers below are read once");
  assert.equal(held, 0);
});

test("the panel's Cancel while the server works stops the job and leaves the document alone", async () => {
  const s = scene(8);
  const before = s.fake.fingerprint(s.docId);
  const controller = new AbortController();
  const client = scriptedClient(proLayers, { onWait: async () => controller.abort() });
  await assert.rejects(run(s, client, { controller }), (e) => e.kind === "cancelled");
  assert.ok(client.calls.cancelled);
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("jewelry edited while the server worked: the write is refused and rolled back, the user's edit stays", async () => {
  const s = scene(8);
  const client = scriptedClient(proLayers, {
    onWait: async () => {
      await s.photoshop.core.executeAsModal(async () => {
        const img = await s.photoshop.imaging.createImageDataFromBuffer(Uint8Array.of(1, 2, 3, 255), { width: 1, height: 1, components: 4, colorSpace: "RGB" });
        await s.photoshop.imaging.putPixels({ layerID: s.jewelryId, imageData: img, replace: true, targetBounds: { left: 9, top: 5 } });
      }, { commandName: "user paints" });
    },
  });
  const afterEdit = [];
  await assert.rejects(run(s, client), (e) => e.kind === "fidelity" && /pixels changed between reading and writing/.test(e.message));
  afterEdit.push(s.fake.historyNames(s.docId));
  assert.deepEqual(afterEdit[0], ["Open", "Put Pixels"]);
  assert.equal(s.fake.tree(s.docId).length, 2, "no Loupe layers left behind");
  assert.equal(s.fake.tree(s.docId)[0].allLocked, false, "lock rolled back with everything else");
});

test("choosing the protected layer: by id, not a group, not the Background, exactly one active layer", async () => {
  const s = scene(8);
  s.fake.setActiveLayers(s.docId, [s.backgroundId]);
  await assert.rejects(run(s, scriptedClient(proLayers)), /not the Background layer/);
  s.fake.setActiveLayers(s.docId, [s.backgroundId, s.jewelryId]);
  await assert.rejects(run(s, scriptedClient(proLayers)), /Select exactly one layer/);
  const curves = s.fake.addLayer(s.docId, { name: "Curves 1", pixels: new Uint8Array(W * H * 4), kind: "curves" });
  await assert.rejects(run(s, scriptedClient(proLayers), { protectedLayer: { documentId: s.docId, layerId: curves } }),
    (e) => e.message === "'Curves 1' is a curves layer, with no pixels of its own; the jewelry must be on a pixel layer or a smart object.");
  await run(s, scriptedClient(proLayers), { protectedLayer: { documentId: s.docId, layerId: s.jewelryId } });
  assert.equal(s.fake.tree(s.docId).find((l) => l.name === "Jewelry").allLocked, true);
});

test("product mask from the selection: refused when nothing is selected, sent when there is one", async () => {
  const s = scene(8);
  await assert.rejects(run(s, scriptedClient(proLayers), { options: { productMask: "selection" } }), /nothing is selected/);
  const sel = new Uint8Array(W * H);
  sel[5 * W + 10] = 255;
  s.fake.setSelection(s.docId, sel);
  const client = scriptedClient(proLayers);
  await run(s, client, { options: { productMask: "selection" } });
  const got = buffer(client.calls.request, "selection");
  assert.deepEqual(got.descriptor.bounds, { left: 0, top: 0, right: W, bottom: H });
  assert.equal(got.samples[5 * W + 10], 255);
  assert.equal(client.calls.request.header.options.productMask, "selection");
});

test("in Quick Mask mode a run that reads the selection is refused (the painted mask is not the selection yet); one that does not runs", async () => {
  const s = scene(8);
  const sel = new Uint8Array(W * H);
  sel[5 * W + 10] = 255;
  s.fake.setSelection(s.docId, sel);
  s.fake.setQuickMaskMode(s.docId, true);
  const before = s.fake.fingerprint(s.docId);
  await assert.rejects(run(s, scriptedClient(proLayers), { options: { productMask: "selection" } }), (e) => e.kind === "photoshop" && /Quick Mask mode: press Q/.test(e.message));
  assert.equal(s.fake.fingerprint(s.docId), before);
  await run(s, scriptedClient(proLayers));
});

test("product mask from a saved channel: sent as the selection buffer, read as Photoshop loads it, the user's selection untouched", async () => {
  const saved = new Uint16Array(W * H);
  saved[5 * W + 10] = 32768;
  saved[6 * W + 10] = 8192;
  // A "selected areas" channel: Photoshop loads its black as selected.
  const inverse = new Uint16Array(W * H).fill(32768);
  inverse[7 * W + 12] = 0;
  const own = new Uint16Array(W * H);
  own[1 * W + 1] = 32768;
  const sent = async (productMask) => {
    const s = scene(16);
    s.fake.addChannel(s.docId, { name: "Product mask", samples: saved });
    s.fake.addChannel(s.docId, { name: "Selected areas", samples: inverse, kind: "selectedAreaAlpha" });
    s.fake.setSelection(s.docId, own);
    const client = scriptedClient(proLayers);
    await run(s, client, { options: { productMask, selectionUse: "props" } });
    // One history state, the recipe's; the user's selection is as it was.
    assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro"]);
    assert.deepEqual(s.fake.selection(s.docId), own);
    const req = client.calls.request;
    assert.equal(req.header.options.productMask, "selection");
    // The active selection still goes as the props, beside the channel.
    assert.equal(buffer(req, "props").samples[1 * W + 1], 32768);
    const got = buffer(req, "selection");
    assert.deepEqual(got.descriptor.bounds, { left: 0, top: 0, right: W, bottom: H });
    return got.samples;
  };
  const plain = await sent("channel:Product mask");
  assert.deepEqual([plain[5 * W + 10], plain[6 * W + 10], plain.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0)], [32768, 8192, 2]);
  const inverted = await sent("channel:Selected areas");
  assert.deepEqual([inverted[7 * W + 12], inverted.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0)], [32768, 1]);
});

test("the picker's list of saved channels: alpha channels only, each name once, in the Channels panel's order", () => {
  const s = scene(8);
  for (const name of ["Product mask", "Twice", "Twice", "Loupe protection"]) s.fake.addChannel(s.docId, { name, samples: new Uint8Array(W * H) });
  s.fake.addChannel(s.docId, { name: "Selected", samples: new Uint8Array(W * H), kind: "selectedAreaAlpha" });
  s.fake.addChannel(s.docId, { name: "Gold foil", samples: new Uint8Array(W * H), kind: "spotColor" });
  const { createPhotoshopAdapter } = require("../src/photoshop.js");
  assert.deepEqual(createPhotoshopAdapter(s.photoshop).listLayers().channels, ["Product mask", "Twice", "Loupe protection", "Selected"]);
});

test("product mask from a saved channel: a missing, ambiguous, empty or unloadable channel is refused by name; the selection is never sent in its place", async () => {
  const s = scene(8);
  const one = new Uint8Array(W * H);
  one[3 * W + 3] = 255;
  s.fake.addChannel(s.docId, { name: "Empty", samples: new Uint8Array(W * H) });
  s.fake.addChannel(s.docId, { name: "Twice", samples: one });
  s.fake.addChannel(s.docId, { name: "Twice", samples: new Uint8Array(W * H) });
  s.fake.addChannel(s.docId, { name: "Red", samples: one });
  s.fake.addChannel(s.docId, { name: "Good", samples: one });
  // A selection the user left active must not stand in for a channel that cannot be read.
  const stray = new Uint8Array(W * H).fill(255, 0, W);
  s.fake.setSelection(s.docId, stray);
  const before = s.fake.fingerprint(s.docId);
  const refused = (productMask, message) => assert.rejects(run(s, scriptedClient(proLayers), { options: { productMask } }), (e) => e.kind === "photoshop" && message.test(e.message));
  await refused("channel:Outline", /saved channel 'Outline', which this document does not have \(its saved channels: Empty, Twice, Red, Good\)/);
  await refused("channel:Twice", /More than one channel is named 'Twice'/);
  await refused("channel:Red", /More than one channel is named 'Red'/);
  await refused("channel:Empty", /saved channel 'Empty', but it selects nothing/);
  s.fake.failNextBatchPlay("set");
  await refused("channel:Good", /could not load the saved channel 'Good' as a selection: scripted failure/);
  assert.equal(s.fake.fingerprint(s.docId), before);
});

for (const c of [
  { recipeId: "editorial", selectionUse: "heal", label: "Heal the selection" },
  { recipeId: "pro", selectionUse: "props", label: "Remove the selection (prop)" },
]) {
  test("'" + c.label + "': the selection goes as the '" + c.selectionUse + "' buffer, not as the product mask", async () => {
    const s = scene(16);
    await assert.rejects(run(s, scriptedClient(proLayers), { recipeId: c.recipeId, options: { selectionUse: c.selectionUse } }), new RegExp("'" + c.label.replace(/[()]/g, "\\$&") + "' is chosen, but nothing is selected"));
    assert.deepEqual(s.fake.historyNames(s.docId), ["Open"]);
    const sel = new Uint16Array(W * H);
    sel[6 * W + 11] = 32768;
    sel[7 * W + 11] = 16384;
    s.fake.setSelection(s.docId, sel);
    const client = scriptedClient(proLayers);
    await run(s, client, { recipeId: c.recipeId, options: { selectionUse: c.selectionUse } });
    const req = client.calls.request;
    assert.equal(buffer(req, "selection"), null);
    const got = buffer(req, c.selectionUse);
    assert.deepEqual(got.descriptor.bounds, { left: 0, top: 0, right: W, bottom: H });
    assert.equal(got.descriptor.components, 1);
    assert.equal(got.descriptor.bitDepth, 16);
    assert.equal(got.samples[6 * W + 11], 32768);
    assert.equal(got.samples[7 * W + 11], 16384);
    assert.equal(got.samples.reduce((n, v) => n + (v !== 0 ? 1 : 0), 0), 2);
    assert.equal(req.header.options.productMask, "layer");
    assert.equal(req.header.options.selectionUse, undefined);
    assert.equal(s.fake.tree(s.docId)[0].allLocked, true);
  });
}

test("'Heal the selection': the heal layer above the jewelry is placed over the selected pixels, refused beyond them", async () => {
  const s = scene(8);
  const sel = new Uint8Array(W * H);
  sel[6 * W + 10] = 255;
  s.fake.setSelection(s.docId, sel);
  const healLayer = (spill) => (request) => {
    const samples = new Uint8Array(B.area(JEWEL) * 4);
    samples.set([1, 2, 3, 255], ((6 - JEWEL.top) * B.width(JEWEL) + (10 - JEWEL.left)) * 4);
    if (spill) samples.set([1, 2, 3, 255], ((6 - JEWEL.top) * B.width(JEWEL) + (11 - JEWEL.left)) * 4);
    return proLayers(request).concat([{ entry: { name: "Loupe heal (painted areas, jewelry layer only)", placement: "above", group: "Loupe heal", blendMode: "normal", opacity: 255, visible: true }, depth: 8, pixels: { bounds: JEWEL, components: 4, samples } }]);
  };
  const before = s.fake.fingerprint(s.docId);
  await assert.rejects(run(s, scriptedClient(healLayer(true)), { recipeId: "editorial", options: { selectionUse: "heal" } }), (e) => e.kind === "fidelity" && /would cover 1 jewelry pixels/.test(e.message));
  assert.equal(s.fake.fingerprint(s.docId), before, "nothing placed");
  const summary = await run(s, scriptedClient(healLayer(false)), { recipeId: "editorial", options: { selectionUse: "heal" } });
  const tree = s.fake.tree(s.docId);
  assert.deepEqual(tree.map((l) => l.name), ["Loupe heal", "Jewelry", "Loupe Pro", "Background"]);
  assert.equal(summary.hashes.before, summary.hashes.after, "the jewelry layer itself is untouched");
  // Without the heal role the same layer is refused: the exception exists only where the user asked to heal.
  const t = scene(8);
  t.fake.setSelection(t.docId, sel);
  await assert.rejects(run(t, scriptedClient(healLayer(false)), { recipeId: "editorial", options: { selectionUse: "props" } }), (e) => e.kind === "fidelity");
});

test("healing with Pro, or the selection as product mask and props at once, is refused before Photoshop is touched", async () => {
  const s = scene(8);
  const sel = new Uint8Array(W * H).fill(255);
  s.fake.setSelection(s.docId, sel);
  const before = s.fake.fingerprint(s.docId);
  const client = scriptedClient(proLayers);
  await assert.rejects(run(s, client, { recipeId: "pro", options: { selectionUse: "heal" } }), /not part of Pro/);
  await assert.rejects(run(s, client, { options: { selectionUse: "props", productMask: "selection" } }), /cannot also be the props to remove/);
  assert.equal(client.calls.request, null, "nothing sent");
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("ISNet and a model inpainter go to the server as options", async () => {
  const s = scene(8);
  const client = scriptedClient(proLayers);
  await run(s, client, { recipeId: "quick", options: { productMask: "auto:isnet", inpainter: "migan" } });
  assert.equal(client.calls.request.header.options.productMask, "auto:isnet");
  assert.equal(client.calls.request.header.options.inpainter, "migan");
});

test("Photoshop busy (another plugin, a dialog) when Run is pressed: a clear error and no change", async () => {
  const s = scene(8);
  const before = s.fake.fingerprint(s.docId);
  s.fake.holdForeignModal(true);
  await assert.rejects(run(s, scriptedClient(proLayers)), (e) => e.kind === "photoshop" && /Photoshop is busy: .*Free Transform.* Finish it and try again/.test(e.message));
  // timeOut (Photoshop 25.10+) lets Photoshop retry a moment before giving up.
  assert.deepEqual(s.fake.modalOptions.map((o) => o.timeOut), [3]);
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("Photoshop busy when the result is ready: the write waits and applies it once Photoshop is free, as one step", async () => {
  const s = scene(8);
  const client = scriptedClient(proLayers, { onWait: async () => s.fake.holdForeignModal(true) });
  const steps = [];
  setTimeout(() => s.fake.holdForeignModal(false), 120);
  const summary = await run(s, client, { onStep: (x) => steps.push(x.step), writeWait: { retryMs: 20 } });
  assert.ok(steps.includes("waiting"), steps.join(" "));
  assert.equal(steps[steps.length - 1], "done");
  assert.deepEqual(s.fake.tree(s.docId).map((l) => l.name), ["Jewelry", "Loupe Pro", "Background"]);
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro"]);
  assert.equal(summary.hashes.before, summary.hashes.after);
});

test("Photoshop busy when the result is ready: Cancel ends the wait, and the wait gives up in the end; nothing changes", async () => {
  const s = scene(8);
  const before = s.fake.fingerprint(s.docId);
  const controller = new AbortController();
  const client = scriptedClient(proLayers, { onWait: async () => s.fake.holdForeignModal(true) });
  const cancelWhenWaiting = (x) => x.step === "waiting" && controller.abort();
  await assert.rejects(run(s, client, { controller, onStep: cancelWhenWaiting, writeWait: { retryMs: 1000 } }), (e) => e.kind === "cancelled");
  assert.equal(s.fake.fingerprint(s.docId), before);
  await assert.rejects(run(s, client, { writeWait: { waitMs: 60, retryMs: 20 } }), (e) => e.photoshopBusy === true);
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("the adapter itself refuses pixel and mask writes to a protected layer", async () => {
  const s = scene(8);
  const { createPhotoshopAdapter } = require("../src/photoshop.js");
  const adapter = createPhotoshopAdapter(s.photoshop);
  const before = s.fake.fingerprint(s.docId);
  await adapter.inModal("test", new AbortController(), async (session) => {
    const doc = session.activeDocument();
    const info = session.documentInfo(doc);
    const layer = session.findLayer(doc, s.jewelryId);
    session.protect(layer);
    const b = { left: 0, top: 0, right: 1, bottom: 1 };
    await assert.rejects(session.putPixels(info, layer, new Uint8Array(4), 4, b, "x"), /Refusing to write pixels into the protected layer 'Jewelry'/);
    await assert.rejects(session.putUserMask(info, layer, new Uint8Array(1), b, "x"), /Refusing to write a mask into the protected layer/);
  });
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("two runs in a row: the second protects the jewelry again, not a layer the first one made", async () => {
  const s = scene(16);
  await run(s, scriptedClient(withFrequencySeparation));
  assert.deepEqual(s.fake.activeLayerIds(s.docId), [s.jewelryId], "the jewelry is the active layer again after a run");
  const second = scriptedClient(withFrequencySeparation);
  const summary = await run(s, second);
  assert.deepEqual(summary.protectedRef, { documentId: s.docId, layerId: s.jewelryId });
  const jewel = buffer(second.calls.request, "jewelry");
  assert.deepEqual(jewel.descriptor.bounds, JEWEL, "the second request carries the jewelry");
  const tree = s.fake.tree(s.docId);
  assert.deepEqual(tree.map((l) => l.name), ["Loupe frequency separation (radius 8.0)", "Loupe frequency separation (radius 8.0)", "Jewelry", "Loupe Pro", "Loupe Pro", "Background"]);
  assert.ok(tree.every((l) => l.kind !== "group" || l.children.every((c) => c.kind === "pixel")), "no group nested in a Loupe group");
  assert.equal(tree[2].allLocked, true);
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Pro", "Loupe Pro"]);
});

test("a layer inside a group Loupe made is refused as the protected layer; so is a layer of another document", async () => {
  const s = scene(16);
  await run(s, scriptedClient(withFrequencySeparation));
  const lowFrequency = s.fake.tree(s.docId)[0].children[1];
  assert.equal(lowFrequency.name, "Low frequency (colour, tone)");
  s.fake.setActiveLayers(s.docId, [lowFrequency.id]);
  const before = s.fake.fingerprint(s.docId);
  const client = scriptedClient(withFrequencySeparation);
  await assert.rejects(run(s, client), (e) => e.kind === "photoshop" && /'Low frequency \(colour, tone\)' is inside 'Loupe frequency separation \(radius 8\.0\)', a group Loupe made/.test(e.message));
  assert.equal(client.calls.request, null);
  assert.equal(s.fake.fingerprint(s.docId), before);
  s.fake.addDocument({ name: "other", width: W, height: H, depth: 16 });
  await assert.rejects(run(s, scriptedClient(withFrequencySeparation), { protectedLayer: { documentId: s.docId, layerId: s.jewelryId } }), /chosen in another document/);
});

/** Puts the jewelry layer into a new group with the given settings (as a user would, in a modal scope). */
async function groupJewelry(s, group) {
  const groupId = s.fake.addLayer(s.docId, Object.assign({ name: "Set", kind: "group" }, group));
  await s.photoshop.core.executeAsModal(async () => {
    const doc = s.photoshop.app.activeDocument;
    const jewelry = doc.layers.find((l) => l.id === s.jewelryId);
    jewelry.move(doc.layers.find((l) => l.id === groupId), s.photoshop.constants.ElementPlacement.PLACEINSIDE);
  }, { commandName: "Move" });
  s.fake.setActiveLayers(s.docId, [s.jewelryId]);
}

const BLENDING = [
  { what: "opacity 60", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { opacity: 60 }), message: /The jewelry layer 'Jewelry' has opacity 60 %: Loupe keeps the jewelry bit-exact only for a layer at 100 % opacity/ },
  { what: "fill opacity 50", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { fillOpacity: 50 }), message: /'Jewelry' has fill opacity 50 %:/ },
  { what: "blend mode", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { blendMode: "multiply" }), message: /'Jewelry' has blend mode multiply:/ },
  { what: "clipping", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { clipped: true }), message: /'Jewelry' is clipped to the layer below it:/ },
  { what: "group opacity", change: (s) => groupJewelry(s, { opacity: 80, blendMode: "passThrough" }), message: /'Jewelry' is inside group 'Set' at opacity 80 %:/ },
  { what: "group blend mode", change: (s) => groupJewelry(s, { blendMode: "normal" }), message: /'Jewelry' is inside group 'Set' with blend mode normal:/ },
  { what: "a feathered layer mask", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { mask: new Uint8Array(W * H).fill(255), maskFeather: 1.5 }), message: /'Jewelry' has its layer mask feathered by 1\.5 px:/ },
  { what: "a feathered vector mask", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { vectorMask: new Uint8Array(W * H).fill(255), vectorMaskFeather: 3 }), message: /'Jewelry' has its vector mask feathered by 3 px:/ },
  { what: "Blend If", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { blendRange: [{ _obj: "blendRange", srcBlackMin: 0, srcBlackMax: 0, srcWhiteMin: 200, srcWhiteMax: 255, destBlackMin: 0, destBlackMax: 0, destWhiteMin: 255, destWhiteMax: 255 }] }), message: /'Jewelry' uses Blend If in its Blending Options:/ },
  { what: "knockout", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { knockout: "deep" }), message: /'Jewelry' has Knockout deep in its Blending Options:/ },
  { what: "a channel switched off", change: (s) => Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { channelRestrictions: ["red", "blue"] }), message: /'Jewelry' has channels switched off in its Blending Options:/ },
];

for (const c of BLENDING) {
  test("jewelry " + c.what + ": refused before any work, naming the setting", async () => {
    const s = scene(8);
    await c.change(s);
    const before = s.fake.fingerprint(s.docId);
    const writes = s.fake.writes.length;
    const client = scriptedClient(proLayers);
    await assert.rejects(run(s, client), (e) => e.kind === "photoshop" && c.message.test(e.message) && /Change it \(or merge it into the pixels\) and run again\./.test(e.message));
    assert.equal(client.calls.request, null, "nothing sent to the server");
    assert.equal(s.fake.writes.length, writes, "nothing hidden, locked or written");
    assert.equal(s.fake.fingerprint(s.docId), before);
  });
}

test("jewelry inside a group at 100 % Pass Through: accepted, Loupe's group goes beneath it inside that group", async () => {
  const s = scene(8);
  await groupJewelry(s, { blendMode: "passThrough" });
  await run(s, scriptedClient(proLayers));
  const set = s.fake.tree(s.docId)[0];
  assert.deepEqual(set.children.map((l) => l.name), ["Jewelry", "Loupe Pro"]);
  assert.equal(set.children[0].allLocked, true);
});

for (const visibilityInHistory of [true, false]) {
  test("Esc while the layers below are read: every hidden layer is shown again (visibility " + (visibilityInHistory ? "in" : "outside") + " history)", async () => {
    const s = scene(8, { visibilityInHistory });
    const notesId = s.fake.addLayer(s.docId, { name: "Notes", pixels: new Uint8Array(W * H * 4) });
    s.fake.setActiveLayers(s.docId, [s.jewelryId]);
    const before = s.fake.fingerprint(s.docId);
    // Calls in the read scope: the layer's descriptor, jewelry pixels, its descriptor again (masks), suspendHistory, hide Notes, then hide Jewelry.
    s.fake.cancelModalAfter(5);
    const client = scriptedClient(proLayers);
    await assert.rejects(run(s, client), (e) => e.kind === "cancelled");
    assert.equal(client.calls.request, null);
    assert.deepEqual(s.fake.tree(s.docId).map((l) => [l.name, l.visible]), [["Notes", true], ["Jewelry", true], ["Background", true]]);
    assert.deepEqual(s.fake.writes.filter((w) => w.layerId === notesId).map((w) => w.prop), visibilityInHistory ? ["visible"] : ["visible", "visible"]);
    assert.equal(s.fake.fingerprint(s.docId), before);
  });
}

test("a disabled layer mask is ignored (Photoshop does not apply it); an enabled one is sent", async () => {
  for (const maskEnabled of [false, true]) {
    const s = scene(8);
    const mask = new Uint8Array(W * H).fill(255);
    mask[6 * W + 10] = 0;
    Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { mask, maskEnabled });
    const client = scriptedClient(proLayers);
    const summary = await run(s, client);
    const sent = buffer(client.calls.request, "jewelryMask");
    if (maskEnabled) {
      assert.deepEqual(sent.descriptor.bounds, JEWEL);
      assert.equal(sent.samples[(6 - JEWEL.top) * B.width(JEWEL) + (10 - JEWEL.left)], 0);
    } else {
      assert.equal(sent, null, "a disabled mask is not sent");
    }
    assert.equal(summary.hashes.before, summary.hashes.after);
  }
});

test("a mask below 100 % density runs (the jewelry is as shot) and the result says why the background looks veiled", async () => {
  const s = scene(8);
  const mask = new Uint8Array(W * H).fill(255);
  mask[6 * W + 10] = 0;
  Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { mask, maskDensity: 60 });
  const client = scriptedClient(proLayers, { result: { notes: ["from the server"] } });
  const summary = await run(s, client);
  assert.equal(summary.notes.length, 2);
  assert.match(summary.notes[0], /'Jewelry' has its layer mask at 60 % density: where the mask hides the layer, its pixels still show partly/);
  assert.equal(summary.notes[1], "from the server");
  assert.equal(summary.hashes.before, summary.hashes.after);

  const full = scene(8);
  Object.assign(full.fake.layerModel(full.docId, full.jewelryId), { mask });
  assert.deepEqual((await run(full, scriptedClient(proLayers))).notes, [], "at 100 % nothing is said");

  // At 0 % the mask hides nothing: it is not sent, so the whole layer is protected, and the result says so.
  const none = scene(8);
  Object.assign(none.fake.layerModel(none.docId, none.jewelryId), { mask, maskDensity: 0 });
  const client0 = scriptedClient(proLayers);
  const summary0 = await run(none, client0);
  assert.equal(buffer(client0.calls.request, "jewelryMask"), null);
  assert.match(summary0.notes[0], /layer mask at 0 % density, which hides nothing/);
});

test("a vector mask hides jewelry like a layer mask: the mask sent is their product; a disabled one is ignored", async () => {
  for (const vectorMaskEnabled of [true, false]) {
    const s = scene(16);
    const mask = new Uint16Array(W * H).fill(32768);
    mask[6 * W + 10] = 0;
    const vectorMask = new Uint16Array(W * H).fill(32768);
    vectorMask[7 * W + 9] = 0;
    vectorMask[7 * W + 11] = 16384;
    Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { mask, vectorMask, vectorMaskEnabled });
    const client = scriptedClient(proLayers);
    const summary = await run(s, client);
    const sent = buffer(client.calls.request, "jewelryMask");
    const at = (x, y) => sent.samples[(y - JEWEL.top) * B.width(JEWEL) + (x - JEWEL.left)];
    assert.equal(at(10, 6), 0, "the layer mask");
    assert.equal(at(9, 7), vectorMaskEnabled ? 0 : 32768, "the vector mask");
    assert.equal(at(11, 7), vectorMaskEnabled ? 16384 : 32768);
    assert.equal(at(12, 8), 32768);
    assert.equal(summary.hashes.before, summary.hashes.after);
  }
});

test("16-bit document whose masks and selection Photoshop answers at 8 bits: moved to 0..32768 before they are sent", async () => {
  const s = scene(16, { maskComponentSize: 8 });
  const mask = new Uint16Array(W * H).fill(32768);
  mask[6 * W + 10] = 0;
  mask[6 * W + 11] = 16448; // 128 of 255 once the fake answers at 8 bits
  Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { mask });
  const selection = new Uint16Array(W * H);
  for (let i = 0; i < 4 * W; i++) selection[i] = 32768;
  s.fake.setSelection(s.docId, selection);
  const client = scriptedClient(proLayers);
  await run(s, client, { options: { productMask: "selection" } });
  const sent = buffer(client.calls.request, "jewelryMask");
  assert.equal(sent.descriptor.bitDepth, 16);
  const at = (x, y) => sent.samples[(y - JEWEL.top) * B.width(JEWEL) + (x - JEWEL.left)];
  assert.deepEqual([at(10, 6), at(11, 6), at(12, 6)], [0, Math.round((128 * 32768) / 255), 32768]);
  const sel = buffer(client.calls.request, "selection");
  assert.equal(sel.descriptor.bitDepth, 16);
  assert.deepEqual([sel.samples[0], sel.samples[4 * W]], [32768, 0]);
});

test("a batchPlay command Photoshop answers with an error is an error, not a layer without masks", async () => {
  const s = scene(8);
  Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { mask: new Uint8Array(W * H).fill(255) });
  s.fake.failNextBatchPlay("get");
  const before = s.fake.fingerprint(s.docId);
  const client = scriptedClient(proLayers);
  await assert.rejects(run(s, client), (e) => e.kind === "photoshop" && /Photoshop could not read the settings of layer 'Jewelry': scripted failure of 'get'\./.test(e.message));
  assert.equal(client.calls.request, null);
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("a mask Photoshop answers over its stored rectangle only is read as it applies, beyond the rectangle too", async () => {
  for (const kind of ["user", "vector"]) {
    const s = scene(8);
    // Reveal All, one pixel painted out: stored over 6×8 px at (10, 4), white beyond, over the layer's 8×8 at (8, 4).
    const samples = new Uint8Array(W * H).fill(255);
    samples[6 * W + 11] = 0;
    const stored = { left: 10, top: 4, right: 16, bottom: 12 };
    Object.assign(s.fake.layerModel(s.docId, s.jewelryId), kind === "user" ? { mask: samples, maskBounds: stored } : { vectorMask: samples, vectorMaskBounds: stored });
    const own = new Uint8Array(W * H);
    own.fill(255, 0, 3 * W);
    s.fake.setSelection(s.docId, own);
    const client = scriptedClient(proLayers);
    const summary = await run(s, client);
    const sent = buffer(client.calls.request, "jewelryMask");
    assert.deepEqual(sent.descriptor.bounds, JEWEL);
    const at = (x, y) => sent.samples[(y - JEWEL.top) * B.width(JEWEL) + (x - JEWEL.left)];
    assert.deepEqual([at(8, 6), at(9, 6), at(11, 6), at(12, 6)], [255, 255, 0, 255], kind);
    assert.equal(summary.hashes.before, summary.hashes.after);
    assert.deepEqual(s.fake.selection(s.docId), own, "the user's selection is as it was");
  }
});

test("a CMYK document is refused in Image > Mode's words before anything is read", async () => {
  const ps = createFakePhotoshop();
  const docId = ps.fake.addDocument({ name: "print", width: W, height: H, mode: "CMYKColorMode" });
  ps.fake.addLayer(docId, { name: "Jewelry", pixels: new Uint8Array(W * H * 4).fill(255) });
  const client = scriptedClient(proLayers);
  await assert.rejects(run(ps, client), (e) => e.kind === "photoshop" && e.message === "Loupe works on RGB and Grayscale documents; this one is CMYK Color. Convert it with Image > Mode.");
  assert.equal(client.calls.request, null);
});

test("a mask that cannot be loaded as a selection is an error naming it; the document is left alone", async () => {
  const s = scene(8);
  Object.assign(s.fake.layerModel(s.docId, s.jewelryId), { mask: new Uint8Array(W * H).fill(255), maskBounds: { left: 10, top: 4, right: 16, bottom: 12 } });
  s.fake.failNextBatchPlay("set");
  const before = s.fake.fingerprint(s.docId);
  const client = scriptedClient(proLayers);
  await assert.rejects(run(s, client), (e) => e.kind === "photoshop" && /could not load the layer mask of 'Jewelry' as a selection/.test(e.message));
  assert.equal(client.calls.request, null);
  assert.equal(s.fake.fingerprint(s.docId), before);
});

test("the panel's Cancel during a download: the job gets a DELETE, the document is left alone", async () => {
  const s = scene(8);
  const before = s.fake.fingerprint(s.docId);
  const controller = new AbortController();
  const client = scriptedClient(proLayers);
  const download = client.downloadLayer;
  client.downloadLayer = async (id, index) => {
    if (index === 1) {
      controller.abort();
      throw cancelledError();
    }
    return download(id, index);
  };
  await assert.rejects(run(s, client, { controller }), (e) => e.kind === "cancelled");
  assert.deepEqual(client.calls.deleted, ["j-test"]);
  assert.equal(s.fake.fingerprint(s.docId), before);
});
