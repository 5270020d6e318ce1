// SPDX-License-Identifier: Apache-2.0
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const G = require("../src/guard.js");

const layer = { boundsNoEffects: { left: 0, top: 0, right: 2, bottom: 2 }, blendMode: "normal", opacity: 100, fillOpacity: 100, isClippingMask: false, visible: true, name: "Jewelry" };
const pixels = { samples: Uint8Array.of(1, 2, 3, 255, 4, 5, 6, 255, 0, 0, 0, 0, 7, 8, 9, 128), components: 4, bounds: { left: 0, top: 0, right: 2, bottom: 2 } };

test("a fingerprint notices any change to pixels, mask, bounds or blending", () => {
  const before = G.fingerprint(layer, pixels, null);
  assert.equal(G.firstDifference(before, G.fingerprint(layer, pixels, null)), null);
  const changed = Object.assign({}, pixels, { samples: pixels.samples.slice() });
  changed.samples[5] ^= 1;
  assert.equal(G.firstDifference(before, G.fingerprint(layer, changed, null)), "pixels");
  assert.equal(G.firstDifference(before, G.fingerprint(layer, pixels, Uint8Array.of(255, 255, 255, 0))), "mask");
  assert.equal(G.firstDifference(G.fingerprint(layer, pixels, Uint8Array.of(255, 255, 255, 0)), G.fingerprint(layer, pixels, Uint8Array.of(255, 255, 255, 1))), "mask");
  assert.equal(G.firstDifference(before, G.fingerprint(layer, Object.assign({}, pixels, { samples: Uint16Array.from(pixels.samples) }), null)), "pixels", "the same numbers at another depth");
  assert.equal(G.firstDifference(before, G.fingerprint(Object.assign({}, layer, { opacity: 99 }), pixels, null)), "opacity");
  assert.equal(G.firstDifference(before, G.fingerprint(Object.assign({}, layer, { blendMode: "multiply" }), pixels, null)), "blendMode");
  assert.equal(G.firstDifference(before, G.fingerprint(Object.assign({}, layer, { fillOpacity: 99 }), pixels, null)), "fillOpacity");
  assert.equal(G.firstDifference(before, G.fingerprint(Object.assign({}, layer, { isClippingMask: true }), pixels, null)), "clipped");
  assert.equal(G.firstDifference(before, G.fingerprint(Object.assign({}, layer, { boundsNoEffects: { left: 0, top: 0, right: 3, bottom: 2 } }), pixels, null)), "layerBounds");
});

test("fully protected = alpha at maximum and user mask at maximum", () => {
  assert.deepEqual(Array.from(G.fullyProtected(pixels, null, 255, 3)), [1, 1, 0, 0]);
  assert.deepEqual(Array.from(G.fullyProtected(pixels, Uint8Array.of(255, 254, 255, 255), 255, 3)), [1, 0, 0, 0]);
  const opaque = { samples: Uint8Array.of(1, 2, 3, 4, 5, 6), components: 3, bounds: { left: 0, top: 0, right: 2, bottom: 1 } };
  assert.deepEqual(Array.from(G.fullyProtected(opaque, null, 255, 3)), [1, 1]);
});

test("the heal area the user selected is the one exception: its pixels are not protected, all others still are", () => {
  // A document-size selection (3×2 document) selecting (1,0) only, and one that lies off the jewelry.
  const healed = { samples: Uint8Array.of(0, 1, 0, 0, 0, 0), bounds: { left: 0, top: 0, right: 3, bottom: 2 } };
  assert.deepEqual(Array.from(G.fullyProtected(pixels, null, 255, 3, healed)), [1, 0, 0, 0]);
  const off = { samples: Uint8Array.of(255), bounds: { left: 2, top: 0, right: 3, bottom: 1 } };
  assert.deepEqual(Array.from(G.fullyProtected(pixels, null, 255, 3, off)), [1, 1, 0, 0]);
  const map = G.fullyProtected(pixels, null, 255, 3, healed);
  const healLayer = { samples: Uint8Array.of(9, 9, 9, 0, 9, 9, 9, 255), components: 4, bounds: { left: 0, top: 0, right: 2, bottom: 1 } };
  assert.equal(G.coveredProtectedPixels(map, pixels.bounds, healLayer, null, 3), 0, "the heal layer over its own area passes");
  const spilling = Object.assign({}, healLayer, { samples: new Uint8Array(8).fill(255) });
  assert.equal(G.coveredProtectedPixels(map, pixels.bounds, spilling, null, 3), 1, "a pixel beyond the area is still refused");
});

test("a layer above the jewelry covers protected pixels unless masked to zero there or transparent", () => {
  const map = G.fullyProtected(pixels, null, 255, 3); // (0,0) and (1,0) protected
  const jb = pixels.bounds;
  const over = { samples: new Uint8Array(2 * 2 * 4).fill(255), components: 4, bounds: jb };
  assert.equal(G.coveredProtectedPixels(map, jb, over, null, 3), 2);
  const maskZeroTop = { samples: Uint8Array.of(0, 0, 255, 255), components: 1, bounds: jb };
  assert.equal(G.coveredProtectedPixels(map, jb, over, maskZeroTop, 3), 0);
  const maskPartial = { samples: Uint8Array.of(0, 1, 255, 255), components: 1, bounds: jb };
  assert.equal(G.coveredProtectedPixels(map, jb, over, maskPartial, 3), 1);
  // A mask smaller than the layer reveals outside itself (the conservative reading).
  const maskSmall = { samples: Uint8Array.of(0), components: 1, bounds: { left: 0, top: 0, right: 1, bottom: 1 } };
  assert.equal(G.coveredProtectedPixels(map, jb, over, maskSmall, 3), 1);
  const transparentOverJewel = Object.assign({}, over, { samples: Uint8Array.of(9, 9, 9, 0, 9, 9, 9, 0, 9, 9, 9, 255, 9, 9, 9, 255) });
  assert.equal(G.coveredProtectedPixels(map, jb, transparentOverJewel, null, 3), 0);
  const elsewhere = Object.assign({}, over, { bounds: { left: 5, top: 5, right: 7, bottom: 7 } });
  assert.equal(G.coveredProtectedPixels(map, jb, elsewhere, null, 3), 0);
});

test("Blending Options at Photoshop's defaults, or a feather on a disabled mask, are no problem; any moved Blend If point is", () => {
  const layer = { name: "Jewelry", opacity: 100, fillOpacity: 100, blendMode: "normal", isClippingMask: false };
  const range = { _obj: "blendRange", srcBlackMin: 0, srcBlackMax: 0, srcWhiteMin: 255, srcWhiteMax: 255, destBlackMin: 0, destBlackMax: 0, destWhiteMin: 255, destWhiteMax: 255 };
  const defaults = {
    hasUserMask: true, userMaskEnabled: false, userMaskFeather: 4, hasVectorMask: false,
    knockout: { _enum: "knockout", _value: "none" },
    channelRestrictions: [{ _enum: "channel", _value: "red" }, { _enum: "channel", _value: "green" }, { _enum: "channel", _value: "blue" }],
    blendRange: [range],
  };
  assert.equal(G.blendingProblem(layer, [], defaults, 3), null);
  assert.equal(G.blendingProblem(layer, [], {}, 3), null, "keys left out are at their defaults");
  for (const key of ["srcBlackMax", "destBlackMin"]) {
    const moved = Object.assign({}, defaults, { blendRange: [Object.assign({}, range, { [key]: 10 })] });
    assert.match(G.blendingProblem(layer, [], moved, 3), /uses Blend If/, key);
  }
  const underlying = Object.assign({}, defaults, { blendRange: [Object.assign({}, range, { destWhiteMin: 240 })] });
  assert.match(G.blendingProblem(layer, [], underlying, 3), /uses Blend If/);
  const feathered = (feather) => G.blendingProblem(layer, [], { hasUserMask: true, userMaskEnabled: true, userMaskFeather: feather }, 3);
  assert.equal(feathered({ _unit: "pixelsUnit", _value: 0 }), null);
  assert.match(feathered({ _unit: "pixelsUnit", _value: 0.5 }), /layer mask feathered by 0\.5 px/, "a unit double, as Action Manager gives it");
  assert.match(feathered(2), /layer mask feathered by 2 px/, "a plain number");
  assert.match(feathered({ _unit: "pixelsUnit" }), /layer mask feather Loupe cannot read/, "an unreadable feather fails closed");
  assert.match(feathered("3"), /layer mask feather Loupe cannot read/);
  const gray = { channelRestrictions: [{ _enum: "channel", _value: "gray" }] };
  assert.equal(G.blendingProblem(layer, [], gray, 1), null);
  assert.match(G.blendingProblem(layer, [], gray, 3), /channels switched off/);
});

test("densityNote: an enabled mask below 100 % is said, from the descriptor's 0..255 or a percent unit; a disabled or full one is not", () => {
  const layer = { name: "Ring" };
  const d = (density, extra = {}) => Object.assign({ hasUserMask: true, userMaskEnabled: true, userMaskDensity: density }, extra);
  assert.match(G.densityNote(layer, d(153)), /'Ring' has its layer mask at 60 % density: where the mask hides the layer, its pixels still show partly/, "as a layer's descriptor gives it");
  assert.match(G.densityNote(layer, d({ _unit: "percentUnit", _value: 40 })), /layer mask at 40 % density/, "as set takes it");
  assert.equal(G.densityNote(layer, d(255)), null);
  assert.equal(G.densityNote(layer, d({ _unit: "percentUnit", _value: 100 })), null);
  assert.equal(G.densityNote(layer, { hasUserMask: true }), null, "no density key: 100 %");
  assert.equal(G.densityNote(layer, d(153, { userMaskEnabled: false })), null);
  assert.equal(G.densityNote(layer, { hasUserMask: false }), null);
  const both = G.densityNote(layer, d(128, { hasVectorMask: true, vectorMaskDensity: 51 }));
  assert.match(both, /layer mask at 50 % density and its vector mask at 20 % density/);
  assert.match(G.densityNote(layer, d(0)), /layer mask at 0 % density, which hides nothing: the whole layer shows and is protected/);
  assert.equal(G.maskDensity(d(0), "userMask"), 0);
  assert.equal(G.maskDensity(d(0, { userMaskEnabled: false }), "userMask"), null);
});
