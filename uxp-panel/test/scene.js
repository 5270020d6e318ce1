// SPDX-License-Identifier: Apache-2.0
// Dev scenes from shared/benchmark loaded into a fake Photoshop document: "Background" = input.png,
// "Jewelry" = input.png with alpha = truth_mask.png. The 16-bit variant scales 0..255 to Photoshop's 0..32768.
"use strict";

const fs = require("fs");
const path = require("path");
const { decodePng } = require("./png.js");

const SHARED = process.env.LOUPE_SHARED || path.resolve(__dirname, "..", "..", "..", "shared");

function sceneDir(name) {
  return path.join(SHARED, "benchmark", "dev", name);
}

function hasScene(name) {
  return fs.existsSync(path.join(sceneDir(name), "input.png")) && fs.existsSync(path.join(sceneDir(name), "truth_mask.png"));
}

const cache = new Map();
function loadScene(name) {
  if (!cache.has(name)) {
    const input = decodePng(path.join(sceneDir(name), "input.png"));
    const mask = decodePng(path.join(sceneDir(name), "truth_mask.png"));
    if (input.channels !== 3 || mask.channels !== 1 || input.bitDepth !== 8 || mask.bitDepth !== 8) throw new Error(name + ": expected 8-bit RGB input and 8-bit gray mask");
    if (input.width !== mask.width || input.height !== mask.height) throw new Error(name + ": input and mask sizes differ");
    cache.set(name, { input, mask });
  }
  return cache.get(name);
}

/** 8-bit value → Photoshop 16-bit (×128.5, so 255 → 32768). */
function to16(v) {
  return Math.round((v * 32768) / 255);
}

/**
 * Adds the scene to `fake` as a new document and returns {docId, backgroundId, jewelryId, width, height}.
 * The Jewelry layer is active, as a retoucher would leave it.
 */
function addSceneDocument(fake, name, depth) {
  const { input, mask } = loadScene(name);
  const n = input.width * input.height;
  const Samples = depth === 16 ? Uint16Array : Uint8Array;
  const conv = depth === 16 ? to16 : (v) => v;
  const bg = new Samples(n * 4);
  const jewel = new Samples(n * 4);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) {
      const v = conv(input.samples[i * 3 + c]);
      bg[i * 4 + c] = v;
      if (mask.samples[i] !== 0) jewel[i * 4 + c] = v;
    }
    bg[i * 4 + 3] = conv(255);
    jewel[i * 4 + 3] = conv(mask.samples[i]);
  }
  const docId = fake.addDocument({ name: name + (depth === 16 ? " 16-bit" : ""), width: input.width, height: input.height, depth });
  const backgroundId = fake.addLayer(docId, { name: "Background", pixels: bg, isBackground: true });
  const jewelryId = fake.addLayer(docId, { name: "Jewelry", pixels: jewel });
  return { docId, backgroundId, jewelryId, width: input.width, height: input.height };
}

module.exports = { SHARED, hasScene, loadScene, addSceneDocument, to16 };
