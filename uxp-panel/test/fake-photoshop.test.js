// SPDX-License-Identifier: Apache-2.0
// The fake must be as strict as Photoshop, or the workflow tests prove nothing.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { createFakePhotoshop } = require("./fake-photoshop.js");

/** 4×3 document: opaque Background, and a "Jewelry" layer with pixels only at x 1..2, y 1..1. */
function smallDoc(depth = 8) {
  const { photoshop, fake } = createFakePhotoshop();
  const docId = fake.addDocument({ width: 4, height: 3, depth });
  const Samples = depth === 16 ? Uint16Array : Uint8Array;
  const max = depth === 16 ? 32768 : 255;
  const bg = new Samples(4 * 3 * 4);
  for (let i = 0; i < 12; i++) bg.set([10, 20, 30, max], i * 4);
  const jewel = new Samples(4 * 3 * 4);
  jewel.set([200, 100, 50, max], (1 * 4 + 1) * 4);
  jewel.set([201, 101, 51, max], (1 * 4 + 2) * 4);
  const backgroundId = fake.addLayer(docId, { name: "Background", pixels: bg, isBackground: true });
  const jewelryId = fake.addLayer(docId, { name: "Jewelry", pixels: jewel });
  return { photoshop, fake, docId, backgroundId, jewelryId, max };
}

const modal = (ps, fn) => ps.core.executeAsModal(fn, { commandName: "test" });

test("getPixels trims to the layer's pixels and reports the trimmed sourceBounds", async () => {
  const { photoshop, jewelryId } = smallDoc();
  const got = await photoshop.imaging.getPixels({ layerID: jewelryId, sourceBounds: { left: 0, top: 0, right: 4, bottom: 3 } });
  assert.deepEqual(got.sourceBounds, { left: 1, top: 1, right: 3, bottom: 2 });
  assert.equal(got.imageData.components, 4);
  assert.deepEqual(Array.from(await got.imageData.getData()), [200, 100, 50, 255, 201, 101, 51, 255]);
  got.imageData.dispose();
  await assert.rejects(got.imageData.getData(), /disposed/);
});

test("getPixels on 16-bit data: 0..32768, or 0..65535 with fullRange; a depth conversion is refused", async () => {
  const { photoshop, backgroundId } = smallDoc(16);
  const got = await photoshop.imaging.getPixels({ layerID: backgroundId, sourceBounds: { left: 0, top: 0, width: 1, height: 1 }, componentSize: 16 });
  assert.equal(got.imageData.componentSize, 16);
  assert.deepEqual(Array.from(await got.imageData.getData()), [10, 20, 30]);
  assert.deepEqual(Array.from(await got.imageData.getData({ fullRange: true })), [20, 40, 60]);
  await assert.rejects(photoshop.imaging.getPixels({ layerID: backgroundId, componentSize: 8 }), /Code: -1/);
  await assert.rejects(photoshop.imaging.getPixels({ layerID: backgroundId, targetSize: { width: 2 } }), /scal/);
  await assert.rejects(photoshop.imaging.getPixels({ layerID: backgroundId, sourceBound: {} }), /unknown option 'sourceBound'/);
});

test("createImageDataFromBuffer: the typed array decides componentSize, the length must be w·h·components", async () => {
  const { photoshop } = smallDoc();
  const img8 = await photoshop.imaging.createImageDataFromBuffer(new Uint8Array(6), { width: 2, height: 1, components: 3, colorSpace: "RGB" });
  assert.equal(img8.componentSize, 8);
  const img16 = await photoshop.imaging.createImageDataFromBuffer(new Uint16Array(2), { width: 2, height: 1, components: 1, colorSpace: "Grayscale" });
  assert.equal(img16.componentSize, 16);
  await assert.rejects(photoshop.imaging.createImageDataFromBuffer(new Uint8Array(5), { width: 2, height: 1, components: 3, colorSpace: "RGB" }), /expected width\*height\*components = 6/);
  await assert.rejects(photoshop.imaging.createImageDataFromBuffer(new Int16Array(6), { width: 2, height: 1, components: 3, colorSpace: "RGB" }), /Uint8Array, Uint16Array/);
  await assert.rejects(photoshop.imaging.createImageDataFromBuffer(new Uint8Array(6), { width: 2, height: 1, components: 3 }), /colorSpace is required/);
  await assert.rejects(photoshop.imaging.createImageDataFromBuffer(Uint16Array.of(40000), { width: 1, height: 1, components: 1, colorSpace: "Grayscale" }), /above 32768/);
});

test("writes outside executeAsModal throw, as in Photoshop", async () => {
  const { photoshop, jewelryId } = smallDoc();
  const img = await photoshop.imaging.createImageDataFromBuffer(new Uint8Array(4), { width: 1, height: 1, components: 4, colorSpace: "RGB" });
  await assert.rejects(photoshop.imaging.putPixels({ layerID: jewelryId, imageData: img }), /executeAsModal/);
  assert.throws(() => { photoshop.app.activeDocument.layers[0].visible = false; }, /executeAsModal/);
  await assert.rejects(photoshop.app.activeDocument.createPixelLayer({ name: "x" }), /executeAsModal/);
  await assert.rejects(photoshop.core.executeAsModal(async () => undefined, {}), /commandName is required/);
});

test("putPixels and putLayerMask refuse locked layers, groups, the Background mask, wrong depth and profile", async () => {
  const { photoshop, docId, jewelryId, backgroundId } = smallDoc();
  const doc = photoshop.app.activeDocument;
  const img = await photoshop.imaging.createImageDataFromBuffer(new Uint8Array(4), { width: 1, height: 1, components: 4, colorSpace: "RGB" });
  const gray = await photoshop.imaging.createImageDataFromBuffer(new Uint8Array(1), { width: 1, height: 1, components: 1, colorSpace: "Grayscale" });
  const img16 = await photoshop.imaging.createImageDataFromBuffer(new Uint16Array(4), { width: 1, height: 1, components: 4, colorSpace: "RGB" });
  const tagged = await photoshop.imaging.createImageDataFromBuffer(new Uint8Array(4), { width: 1, height: 1, components: 4, colorSpace: "RGB", colorProfile: "Adobe RGB (1998)" });
  await modal(photoshop, async () => {
    const jewelry = doc.layers.find((l) => l.id === jewelryId);
    jewelry.allLocked = true;
    await assert.rejects(photoshop.imaging.putPixels({ documentID: docId, layerID: jewelryId, imageData: img }), /locked/);
    await assert.rejects(photoshop.imaging.putLayerMask({ documentID: docId, layerID: jewelryId, imageData: gray }), /locked/);
    assert.throws(() => { jewelry.blendMode = "multiply"; }, /locked/);
    jewelry.visible = false; // allowed on a locked layer
    const group = await doc.createLayerGroup({ name: "G" });
    await assert.rejects(photoshop.imaging.putPixels({ layerID: group.id, imageData: img }), /pixel layer/);
    await assert.rejects(photoshop.imaging.putLayerMask({ layerID: backgroundId, imageData: gray }), /Background layer cannot have a layer mask/);
    await assert.rejects(photoshop.imaging.putPixels({ layerID: backgroundId, imageData: img16 }), /16-bit data into a 8-bit document/);
    await assert.rejects(photoshop.imaging.putPixels({ layerID: backgroundId, imageData: tagged }), /tagged 'Adobe RGB \(1998\)'/);
    await assert.rejects(photoshop.imaging.putPixels({ layerID: backgroundId, imageData: img, targetBounds: { left: 0.5, top: 0 } }), /integers/);
  });
});

test("history: one state per change without suspension; a suspension commits one named state only if changed", async () => {
  const { photoshop, fake, docId } = smallDoc();
  const doc = photoshop.app.activeDocument;
  await modal(photoshop, async () => {
    await doc.createPixelLayer({ name: "A" });
    doc.layers[0].name = "A2";
  });
  assert.deepEqual(fake.historyNames(docId), ["Open", "New Layer", "Layer Properties"]);
  await modal(photoshop, async (ctx) => {
    const sid = await ctx.hostControl.suspendHistory({ documentID: docId, name: "Nothing" });
    await ctx.hostControl.resumeHistory(sid, true);
    const sid2 = await ctx.hostControl.suspendHistory({ documentID: docId, name: "Loupe Test" });
    await doc.createPixelLayer({ name: "B" });
    await doc.createPixelLayer({ name: "C" });
    await ctx.hostControl.resumeHistory(sid2, true);
  });
  assert.deepEqual(fake.historyNames(docId), ["Open", "New Layer", "Layer Properties", "Loupe Test"]);
});

test("rollback restores the snapshot; a throw inside the scope cancels open suspensions", async () => {
  const { photoshop, fake, docId } = smallDoc();
  const doc = photoshop.app.activeDocument;
  const before = fake.fingerprint(docId);
  await modal(photoshop, async (ctx) => {
    const sid = await ctx.hostControl.suspendHistory({ documentID: docId, name: "X" });
    await doc.createPixelLayer({ name: "B" });
    doc.layers[1].opacity = 50;
    await ctx.hostControl.resumeHistory(sid, false);
  });
  assert.equal(fake.fingerprint(docId), before);
  await assert.rejects(modal(photoshop, async (ctx) => {
    await ctx.hostControl.suspendHistory({ documentID: docId, name: "Y" });
    await doc.createPixelLayer({ name: "C" });
    throw new Error("boom");
  }), /boom/);
  assert.equal(fake.fingerprint(docId), before);
  await modal(photoshop, async (ctx) => {
    await ctx.hostControl.suspendHistory({ documentID: docId, name: "Z" });
    await doc.createPixelLayer({ name: "D" });
  });
  assert.deepEqual(fake.historyNames(docId), ["Open", "Z"], "an unresumed suspension commits on normal exit");
});

test("another plugin's modal scope and the user's cancel behave like Photoshop's", async () => {
  const { photoshop, fake, docId } = smallDoc();
  fake.holdForeignModal(true);
  await assert.rejects(modal(photoshop, async () => undefined), (e) => e.number === 9 && /modal state/.test(e.message));
  fake.holdForeignModal(false);
  const before = fake.fingerprint(docId);
  let onCancelCalled = false;
  fake.cancelModalAfter(2);
  await assert.rejects(modal(photoshop, async (ctx) => {
    ctx.onCancel = () => { onCancelCalled = true; };
    const sid = await ctx.hostControl.suspendHistory({ documentID: docId, name: "W" });
    await photoshop.app.activeDocument.createPixelLayer({ name: "E" });
    await photoshop.app.activeDocument.createPixelLayer({ name: "F" });
    await ctx.hostControl.resumeHistory(sid, true);
  }), /cancelled/);
  assert.ok(onCancelCalled);
  assert.equal(fake.fingerprint(docId), before);
});

test("new layers appear above the active layer; move follows placeBefore/placeAfter/placeInside", async () => {
  const { photoshop, fake, docId, jewelryId } = smallDoc();
  const doc = photoshop.app.activeDocument;
  await modal(photoshop, async () => {
    const jewelry = doc.layers.find((l) => l.id === jewelryId);
    const group = await doc.createLayerGroup({ name: "G" });
    group.move(jewelry, "placeAfter");
    const a = await doc.createPixelLayer({ name: "A" });
    a.move(group, "placeInside");
    const b = await doc.createPixelLayer({ name: "B" });
    b.move(a, "placeAfter");
    assert.throws(() => b.move(doc.backgroundLayer, "placeAfter"), /below the Background/);
  });
  const names = (list) => list.map((l) => (l.children ? [l.name, names(l.children)] : l.name));
  assert.deepEqual(names(fake.tree(docId)), ["Jewelry", ["G", ["A", "B"]], "Background"]);
});

test("the composite is the normal-mode stack of visible layers", async () => {
  const { fake, docId } = smallDoc();
  const c = fake.composite(docId);
  assert.deepEqual(Array.from(c.subarray(0, 4)), [10, 20, 30, 255]);
  assert.deepEqual(Array.from(c.subarray(5 * 4, 6 * 4)), [200, 100, 50, 255]);
});

test("visibilityInHistory:false: a visibility toggle makes no history state and survives a rollback", async () => {
  const { photoshop, fake } = createFakePhotoshop({ visibilityInHistory: false });
  const docId = fake.addDocument({ width: 2, height: 2 });
  const layerId = fake.addLayer(docId, { name: "Jewelry" });
  await modal(photoshop, async (context) => {
    const sid = await context.hostControl.suspendHistory({ documentID: docId, name: "read" });
    photoshop.app.activeDocument.layers[0].visible = false;
    photoshop.app.activeDocument.layers[0].name = "Renamed";
    await context.hostControl.resumeHistory(sid, false);
  });
  assert.deepEqual(fake.tree(docId).map((l) => [l.name, l.visible]), [["Jewelry", false]], "the rename is rolled back, the hiding is not");
  await modal(photoshop, async () => {
    photoshop.app.activeDocument.layers[0].visible = true;
  });
  assert.deepEqual(fake.historyNames(docId), ["Open"]);
  assert.equal(fake.layerModel(docId, layerId).visible, true);
});

test("batchPlay: a layer's descriptor (mask keys only with that mask), and select by id in a modal scope only", async () => {
  const { photoshop, fake, docId, jewelryId, backgroundId } = smallDoc();
  const get = async (id) => (await photoshop.action.batchPlay([{ _obj: "get", _target: [{ _ref: "layer", _id: id }, { _ref: "document", _id: docId }] }], {}))[0];
  const plain = await get(jewelryId);
  assert.equal(plain.hasUserMask, false);
  assert.equal(plain.hasVectorMask, false);
  assert.equal("userMaskEnabled" in plain, false);
  assert.equal("vectorMaskFeather" in plain, false);
  assert.deepEqual(plain.knockout, { _enum: "knockout", _value: "none" });
  assert.equal("blendRange" in plain, false);
  Object.assign(fake.layerModel(docId, jewelryId), { mask: new Uint8Array(12).fill(255), maskEnabled: false, maskFeather: 2 });
  const masked = await get(jewelryId);
  assert.deepEqual([masked.hasUserMask, masked.userMaskEnabled, masked.userMaskFeather], [true, false, { _unit: "pixelsUnit", _value: 2 }]);
  const select = [{ _obj: "select", _target: [{ _ref: "layer", _id: backgroundId }], makeVisible: false }];
  await assert.rejects(photoshop.action.batchPlay(select, {}), /must be called from core\.executeAsModal/);
  await modal(photoshop, () => photoshop.action.batchPlay(select, {}));
  assert.deepEqual(fake.activeLayerIds(docId), [backgroundId]);
  assert.deepEqual(fake.historyNames(docId), ["Open"], "selecting is not a history state");
});

test("getLayerMask trims to the mask's stored extent", async () => {
  const { photoshop, fake, docId, jewelryId } = smallDoc();
  Object.assign(fake.layerModel(docId, jewelryId), { mask: new Uint8Array(12).fill(255), maskBounds: { left: 2, top: 0, right: 4, bottom: 3 } });
  const got = await photoshop.imaging.getLayerMask({ documentID: docId, layerID: jewelryId, kind: "user", sourceBounds: { left: 1, top: 1, right: 3, bottom: 2 } });
  assert.deepEqual(got.sourceBounds, { left: 2, top: 1, right: 3, bottom: 2 });
});
