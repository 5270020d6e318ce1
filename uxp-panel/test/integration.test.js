// SPDX-License-Identifier: Apache-2.0
// The panel's workflow against the REAL Loupe server (`./loupe serve`, started here) on a dev scene loaded
// into the fake Photoshop: 8-bit and 16-bit documents, every recipe, and the failures that must leave the
// document untouched (wrong token, a request the server rejects, a cancel).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { createFakePhotoshop } = require("./fake-photoshop.js");
const { addSceneDocument, hasScene, loadScene } = require("./scene.js");
const { serverBuilt, startLoupe, SERVER_CLASSES } = require("./loupe-server.js");
const { createClient } = require("../src/api.js");
const { runRecipe } = require("../src/workflow.js");
const P = require("../src/protocol.js");
const B = require("../src/bounds.js");
const { recipeById } = require("../src/recipes.js");

const SCENE = "dev01_solitaire_yellowgold";
const TOKEN = "test-token-for-the-panel"; // serve wants 16 characters or more
const missing = !serverBuilt()
  ? "no " + SERVER_CLASSES + ": build the server first (mvn -o -q -B -DskipTests install)"
  : !hasScene(SCENE)
    ? "no shared/benchmark/dev/" + SCENE
    : null;
// LOUPE_REQUIRE_SERVER=1 (for CI, after the Java build): a missing server or scene fails these tests instead of skipping them.
const required = process.env.LOUPE_REQUIRE_SERVER === "1";
const skip = missing && !required ? missing + " — integration tests skipped (LOUPE_REQUIRE_SERVER=1 makes this a failure)" : false;

let server = null;

test.before(async () => {
  if (missing && required) throw new Error(missing + " (LOUPE_REQUIRE_SERVER=1)");
  if (!skip) server = await startLoupe({ token: TOKEN });
}, { timeout: 600000 });

test.after(async () => {
  if (server) await server.stop();
});

function setup(depth) {
  const ps = createFakePhotoshop();
  const s = addSceneDocument(ps.fake, SCENE, depth);
  const originalJewel = ps.fake.layerModel(s.docId, s.jewelryId).pixels.slice();
  return Object.assign(ps, s, { depth, originalJewel, fingerprint: ps.fake.fingerprint(s.docId) });
}

function run(s, client, extra = {}) {
  return runRecipe(Object.assign({ photoshop: s.photoshop, client, recipeId: "pro", options: {}, controller: new AbortController() }, extra));
}

function assertUnchanged(s) {
  assert.equal(s.fake.fingerprint(s.docId), s.fingerprint, "document unchanged");
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open"], "no history state added");
}

const CASES = [
  { depth: 8, recipe: "quick", history: "Loupe Quick" },
  { depth: 8, recipe: "pro", history: "Loupe Pro" },
  { depth: 8, recipe: "editorial", history: "Loupe Editorial" },
  { depth: 16, recipe: "quick", history: "Loupe Quick" },
  { depth: 16, recipe: "pro", history: "Loupe Pro" },
  { depth: 16, recipe: "editorial", history: "Loupe Editorial" },
];

for (const c of CASES) {
  test(c.depth + "-bit " + c.recipe + ": new layers at exact bounds and depth, one history state, jewelry locked and bit-exact", { skip, timeout: 300000 }, async () => {
    const s = setup(c.depth);
    const options = { productMask: recipeById(c.recipe).defaultProductMask };
    const summary = await run(s, createClient({ baseUrl: server.url, token: TOKEN }), { recipeId: c.recipe, options });

    assert.deepEqual(s.fake.historyNames(s.docId), ["Open", c.history]);
    const tree = s.fake.tree(s.docId);
    const names = tree.map((l) => l.name);
    const jewelIndex = names.indexOf("Jewelry");
    assert.ok(jewelIndex >= 0);
    assert.equal(tree[jewelIndex].allLocked, true, "protected layer ends locked");
    assert.ok(summary.layers.length > 0, "the recipe added layers");
    for (const made of summary.layers) {
      const groupIndex = tree.findIndex((l) => l.kind === "group" && l.children.some((child) => child.id === made.id));
      assert.ok(groupIndex >= 0, made.name + " is inside a group");
      assert.equal(tree[groupIndex].name, made.group);
      assert.equal(groupIndex > jewelIndex, made.placement === "below", made.name + " sits " + made.placement + " the jewelry");
    }
    assert.ok(tree.some((l) => l.kind === "group" && l.name === c.history), "a group named " + c.history);
    const doc = s.photoshop.app.activeDocument;
    for (const made of summary.layers) {
      const layer = s.fake.layerModel(s.docId, made.id);
      assert.ok(layer.pixels instanceof (c.depth === 16 ? Uint16Array : Uint8Array), made.name + " kept the document depth");
      assert.ok(B.isIntegerBounds(made.bounds), made.name + " has integer bounds");
      const full = B.documentBounds(s.width, s.height);
      assert.deepEqual(B.intersect(made.bounds, full), made.bounds, made.name + " lies inside the canvas");
      const domLayer = doc.layers.flatMap((l) => (l.layers ? l.layers : [l])).find((l) => l.id === made.id);
      const actual = domLayer.boundsNoEffects;
      if (!B.isEmpty(actual)) assert.deepEqual(B.intersect(actual, made.bounds), actual, made.name + " pixels stay within its targetBounds");
    }
    // Never written: not a single putPixels/putLayerMask/move on it, and its samples are the originals.
    assert.deepEqual(s.fake.writes.filter((w) => w.layerId === s.jewelryId && w.op !== "set").length, 0);
    assert.deepEqual(s.fake.writes.filter((w) => w.layerId === s.jewelryId).map((w) => w.prop), ["visible", "visible", "allLocked"]);
    assert.ok(Buffer.from(s.fake.layerModel(s.docId, s.jewelryId).pixels.buffer).equals(Buffer.from(s.originalJewel.buffer)), "jewelry samples identical");
    assert.equal(summary.hashes.before, summary.hashes.after);
    assert.equal(summary.fidelity.changedPixels, 0);
    assert.ok(summary.fidelity.protectedPixels > 0);
  });
}

/** A document-size selection (8-bit values) of the size × size square at (left, top). */
function squareSelection(s, left, top, size) {
  const sel = new Uint8Array(s.width * s.height);
  for (let y = top; y < top + size; y++) sel.fill(255, y * s.width + left, y * s.width + left + size);
  return sel;
}

/** The first size × size square (row by row) inside the piece: every pixel fully jewelry. */
function solidSquare(size) {
  const { mask } = loadScene(SCENE);
  const full = (x, y) => mask.samples[y * mask.width + x] === 255;
  for (let y = 0; y + size <= mask.height; y++) {
    for (let x = 0; x + size <= mask.width; x++) {
      let ok = true;
      for (let dy = 0; dy < size && ok; dy++) for (let dx = 0; dx < size && ok; dx++) ok = full(x + dx, y + dy);
      if (ok) return { left: x, top: y };
    }
  }
  throw new Error("no solid square in " + SCENE);
}

test("Editorial, 'Heal the selection': a heal layer above the jewelry covers only the selected pixels; the jewelry layer stays as shot", { skip, timeout: 300000 }, async () => {
  const s = setup(8);
  const spot = solidSquare(7);
  s.fake.setSelection(s.docId, squareSelection(s, spot.left, spot.top, 7));
  const summary = await run(s, createClient({ baseUrl: server.url, token: TOKEN }), { recipeId: "editorial", options: { selectionUse: "heal" } });
  const heal = summary.layers.find((l) => l.name === "Loupe heal (painted areas, jewelry layer only)");
  assert.ok(heal, "a heal layer among " + summary.layers.map((l) => l.name).join(", "));
  assert.equal(heal.placement, "above");
  assert.equal(summary.fidelity.healedPixels, 49);
  assert.equal(summary.fidelity.changedPixels, 0);
  const tree = s.fake.tree(s.docId);
  assert.ok(tree.findIndex((l) => l.name === "Loupe heal") < tree.findIndex((l) => l.name === "Jewelry"), "the heal group sits above the jewelry");
  assert.ok(Buffer.from(s.fake.layerModel(s.docId, s.jewelryId).pixels.buffer).equals(Buffer.from(s.originalJewel.buffer)), "jewelry samples identical");
  assert.equal(summary.hashes.before, summary.hashes.after);
});

test("Pro, 'Remove the selection (prop)': the putty selected together with the ring is removed, the jewelry stays bit-exact", { skip, timeout: 300000 }, async () => {
  const s = setup(8);
  // The putty's window (meta.json) selected hastily, over the ring's lower half too.
  const sel = new Uint8Array(s.width * s.height);
  for (let y = 104; y < 1048; y++) sel.fill(255, y * s.width + 636, y * s.width + 1100);
  s.fake.setSelection(s.docId, sel);
  const summary = await run(s, createClient({ baseUrl: server.url, token: TOKEN }), { recipeId: "pro", options: { selectionUse: "props" } });
  assert.ok(summary.notes.some((n) => n.includes("prop pixels given (the selection)")), summary.notes.join("\n"));
  // The new background differs from the shot by more than 12 levels at 29,465 px of the putty's window when
  // measured (putty and its shadow); without the selection sent as props, Pro changes 202 there.
  const made = summary.layers.find((l) => l.name.startsWith("Loupe background"));
  const bg = s.fake.layerModel(s.docId, made.id).pixels;
  const shot = s.fake.layerModel(s.docId, s.backgroundId).pixels;
  const { mask } = loadScene(SCENE);
  let replaced = 0;
  for (let y = 104; y < 1048; y++) {
    for (let x = 636; x < 1100; x++) {
      const i = y * s.width + x;
      if (mask.samples[i] === 0 && [0, 1, 2].some((c) => Math.abs(bg[i * 4 + c] - shot[i * 4 + c]) > 12)) replaced++;
    }
  }
  assert.ok(replaced > 12000, replaced + " background pixels of the putty window replaced");
  assert.equal(summary.fidelity.changedPixels, 0);
  assert.ok(Buffer.from(s.fake.layerModel(s.docId, s.jewelryId).pixels.buffer).equals(Buffer.from(s.originalJewel.buffer)), "jewelry samples identical");
  assert.equal(summary.hashes.before, summary.hashes.after);
});

test("Quick with a saved channel as the product mask (the truth's selection) and the putty selected as props: protected exactly as the channel selects", { skip, timeout: 300000 }, async () => {
  const s = setup(8);
  const { mask } = loadScene(SCENE);
  s.fake.addChannel(s.docId, { name: "Product mask", samples: Uint8Array.from(mask.samples) });
  const sel = new Uint8Array(s.width * s.height);
  for (let y = 104; y < 1048; y++) sel.fill(255, y * s.width + 636, y * s.width + 1100);
  s.fake.setSelection(s.docId, sel);
  const summary = await run(s, createClient({ baseUrl: server.url, token: TOKEN }), { recipeId: "quick", options: { productMask: "channel:Product mask", selectionUse: "props" } });
  const full = mask.samples.reduce((n, v) => n + (v === 255 ? 1 : 0), 0);
  assert.equal(summary.fidelity.protectedPixels, full, "every fully selected pixel of the channel, and no margin");
  assert.equal(summary.fidelity.changedPixels, 0);
  assert.ok(summary.notes.some((n) => n.includes("prop pixels given (the selection)")), summary.notes.join("\n"));
  assert.deepEqual(s.fake.historyNames(s.docId), ["Open", "Loupe Quick"]);
  assert.deepEqual(s.fake.selection(s.docId), sel, "the user's selection is as it was");
  assert.ok(Buffer.from(s.fake.layerModel(s.docId, s.jewelryId).pixels.buffer).equals(Buffer.from(s.originalJewel.buffer)), "jewelry samples identical");
  assert.equal(summary.hashes.before, summary.hashes.after);
});

test("a model the server does not have: its own clear error reaches the panel, document unchanged", { skip, timeout: 120000 }, async (t) => {
  const client = createClient({ baseUrl: server.url, token: TOKEN });
  const { health } = await client.checkConnection();
  if (health.capabilities.models.some((m) => m.startsWith("migan:"))) return t.skip("MI-GAN is installed on this machine");
  const s = setup(8);
  await assert.rejects(run(s, client, { recipeId: "quick", options: { productMask: "auto", inpainter: "migan" } }), (e) => /migan/i.test(e.message) && /loupe models add/.test(e.message));
  assertUnchanged(s);
});

test("handshake with the real server: connected with the token, 'Token needed' without the right one", { skip, timeout: 60000 }, async () => {
  const ok = await createClient({ baseUrl: server.url, token: TOKEN }).checkConnection();
  assert.equal(ok.state, "connected", ok.message);
  assert.equal(ok.health.protocol, 1);
  assert.deepEqual(ok.health.capabilities.recipes, ["quick", "pro", "editorial"]);
  const bad = await createClient({ baseUrl: server.url, token: "wrong-token" }).checkConnection();
  assert.equal(bad.state, "unauthorized", bad.message);
});

test("wrong token: refused by the server, document unchanged", { skip, timeout: 120000 }, async () => {
  const s = setup(8);
  await assert.rejects(run(s, createClient({ baseUrl: server.url, token: "wrong-token" })), (e) => e.kind === "unauthorized" && /rejected the token/.test(e.message));
  assertUnchanged(s);
});

test("a request the server rejects: its detail reaches the panel, document unchanged", { skip, timeout: 120000 }, async () => {
  const s = setup(8);
  const client = createClient({ baseUrl: server.url, token: TOKEN });
  const rejecting = Object.assign({}, client, {
    startJob(frame, signal) {
      const { header, buffers } = P.decodeFrame(frame);
      header.recipe = "deluxe";
      return client.startJob(P.encodeFrame(header, buffers), signal);
    },
  });
  await assert.rejects(run(s, rejecting), (e) => e.kind === "problem" && e.status >= 400 && e.status < 500 && /deluxe/.test(e.message));
  assertUnchanged(s);
});

test("Cancel after the job started: DELETE reaches the server, the job ends cancelled, document unchanged", { skip, timeout: 120000 }, async () => {
  const s = setup(8);
  const controller = new AbortController();
  const client = createClient({ baseUrl: server.url, token: TOKEN });
  let jobId = null;
  const cancelling = Object.assign({}, client, {
    async startJob(frame, signal) {
      const job = await client.startJob(frame, signal);
      jobId = job.id;
      controller.abort();
      return job;
    },
  });
  await assert.rejects(run(s, cancelling, { controller }), (e) => e.kind === "cancelled");
  let job = await client.getJob(jobId);
  for (let i = 0; i < 300 && (job.state === "queued" || job.state === "running"); i++) {
    await new Promise((r) => setTimeout(r, 100));
    job = await client.getJob(jobId);
  }
  assert.equal(job.state, "cancelled");
  assertUnchanged(s);
});

test("Photoshop's cancel during the write scope: rolled back, document unchanged", { skip, timeout: 300000 }, async () => {
  const s = setup(8);
  const client = createClient({ baseUrl: server.url, token: TOKEN });
  const slowWrite = Object.assign({}, client, {
    async downloadLayer(id, index, signal) {
      const got = await client.downloadLayer(id, index, signal);
      s.fake.cancelModalAfter(4);
      return got;
    },
  });
  await assert.rejects(run(s, slowWrite), /cancel/i);
  assertUnchanged(s);
});
