// SPDX-License-Identifier: Apache-2.0
// The panel's half of the fidelity promise (shared/design/overview.md, invariant 1): the protected layer's
// pixels, mask, bounds and blend settings are identical after a job, and every layer Loupe adds above it is
// masked to zero (or hidden) wherever the jewelry is fully opaque.
"use strict";

const B = require("./bounds.js");
const { samplesToBytes } = require("./protocol.js");
const { sha256Hex } = require("./sha256.js");

/**
 * Everything about the protected layer that a job must not change. The samples are held, not hashed: comparing
 * them takes a fraction of hashing them, and both comparisons run inside modal scopes, where Esc cannot
 * interrupt a loop (the digest the result card shows is made outside them: digest).
 */
function fingerprint(layer, pixels, mask) {
  return {
    pixels: pixels.samples,
    components: pixels.components,
    readBounds: Object.assign({}, pixels.bounds),
    layerBounds: B.toIntegerBounds(layer.boundsNoEffects),
    mask: mask || null,
    blendMode: String(layer.blendMode),
    opacity: layer.opacity,
    fillOpacity: layer.fillOpacity,
    clipped: layer.isClippingMask,
    visible: layer.visible,
    name: layer.name,
  };
}

/** The first property that differs ("pixels", "mask", …), or null when the fingerprints match. */
function firstDifference(before, after) {
  for (const key of ["pixels", "components", "readBounds", "layerBounds", "mask", "blendMode", "opacity", "fillOpacity", "clipped", "visible", "name"]) {
    const same = ArrayBuffer.isView(before[key]) || ArrayBuffer.isView(after[key])
      ? sameSamples(before[key], after[key]) : JSON.stringify(before[key]) === JSON.stringify(after[key]);
    if (!same) return key;
  }
  return null;
}

function sameSamples(a, b) {
  if (!a || !b || a.constructor !== b.constructor || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/** The SHA-256 of samples as they are sent (little-endian), as the result card shows it. */
function digest(samples) {
  return sha256Hex(samplesToBytes(samples));
}

const BIT_EXACT_RULE = "Loupe keeps the jewelry bit-exact only for a layer at 100 % opacity and 100 % fill, Normal blend mode, " +
  "not clipped, without a feathered mask or Blending Options that let layers beneath show through (Blend If, Knockout, " +
  "channels switched off), inside groups at 100 % opacity set to Pass Through";

/**
 * Why the jewelry's composite would not be its own pixels (null when it is): the layer's opacity, fill,
 * blend mode or clipping, a feathered mask (a feather blurs a mask read as fully on), Blend If, Knockout or
 * channels switched off in its Blending Options (read from `descriptor`, its batchPlay layer descriptor; a
 * key it lacks is at Photoshop's default), or a group around it that is not at 100 % Pass Through. Layers
 * Loupe adds below would then show through the jewelry, so a run is refused before any work.
 * `ancestors`: the groups containing the layer, outermost first.
 */
function blendingProblem(layer, ancestors, descriptor, colorComponents) {
  const what = "The jewelry layer '" + layer.name + "'";
  let problem = null;
  if (layer.opacity !== 100) problem = what + " has opacity " + layer.opacity + " %";
  else if (layer.fillOpacity !== 100) problem = what + " has fill opacity " + layer.fillOpacity + " %";
  else if (String(layer.blendMode) !== "normal") problem = what + " has blend mode " + layer.blendMode;
  else if (layer.isClippingMask) problem = what + " is clipped to the layer below it";
  else problem = blendingOptionsProblem(descriptor, colorComponents, what);
  for (const g of ancestors.slice().reverse()) {
    if (problem) break;
    if (g.opacity !== 100) problem = what + " is inside group '" + g.name + "' at opacity " + g.opacity + " %";
    else if (String(g.blendMode) !== "passThrough") problem = what + " is inside group '" + g.name + "' with blend mode " + g.blendMode;
  }
  return problem && problem + ": " + BIT_EXACT_RULE + ". Change it (or merge it into the pixels) and run again.";
}

/**
 * The descriptor-only settings of blendingProblem. Blend If is at its default when every black point is 0 and every
 * white point 255 (the descriptor's blendRange entries hold srcBlackMin…destWhiteMax on a 0..255 scale at any depth).
 */
function blendingOptionsProblem(d, colorComponents, what) {
  for (const [kind, prefix] of [["layer", "userMask"], ["vector", "vectorMask"]]) {
    const has = kind === "layer" ? d.hasUserMask : d.hasVectorMask;
    if (!has || d[prefix + "Enabled"] === false || d[prefix + "Feather"] === undefined) continue;
    const feather = unitValue(d[prefix + "Feather"]);
    if (!Number.isFinite(feather)) return what + " has a " + kind + " mask feather Loupe cannot read (" + JSON.stringify(d[prefix + "Feather"]) + ")";
    if (feather > 0) return what + " has its " + kind + " mask feathered by " + feather + " px";
  }
  const ranges = Array.isArray(d.blendRange) ? d.blendRange : [];
  const moved = ranges.some((r) => Object.keys(r).some((k) => (/black/i.test(k) && r[k] !== 0) || (/white/i.test(k) && r[k] !== 255)));
  if (moved) return what + " uses Blend If in its Blending Options";
  const knockout = d.knockout && d.knockout._value;
  if (knockout && knockout !== "none") return what + " has Knockout " + knockout + " in its Blending Options";
  if (Array.isArray(d.channelRestrictions) && d.channelRestrictions.length < colorComponents) return what + " has channels switched off in its Blending Options";
  return null;
}

/**
 * The density of an enabled mask of the layer in % (`prefix`: "userMask" or "vectorMask"), or null when the layer has
 * no such mask or it is switched off. A layer's descriptor gives it as an integer 0..255, as the file stores it (100 %
 * is 255); a percent unit double, as `set` takes it, is read as a percent; without the key it is 100 %.
 */
function maskDensity(d, prefix) {
  const has = prefix === "userMask" ? d.hasUserMask : d.hasVectorMask;
  if (!has || d[prefix + "Enabled"] === false) return null;
  const v = d[prefix + "Density"];
  if (typeof v === "number") return (v * 100) / 255;
  return v && v._unit === "percentUnit" && typeof v._value === "number" ? v._value : 100;
}

/**
 * A note when an enabled mask of the layer is below 100 % density (null otherwise). Density does not act where the
 * mask is fully on, so the jewelry Loupe keeps is as shot; where the mask hides the layer, its own pixels still show
 * partly over the background Loupe retouches beneath it, which then looks veiled. At 0 % the mask hides nothing and is
 * not applied (photoshop.js, readMasks): the whole layer is protected.
 */
function densityNote(layer, d) {
  const low = [];
  let partly = false;
  for (const [kind, prefix] of [["layer", "userMask"], ["vector", "vectorMask"]]) {
    const density = maskDensity(d, prefix);
    if (density === null || density >= 99.5) continue;
    low.push(kind + " mask at " + Math.round(density) + " % density");
    partly = partly || density > 0;
  }
  if (low.length === 0) return null;
  return "The jewelry layer '" + layer.name + "' has its " + low.join(" and its ") +
    (partly ? ": where the mask hides the layer, its pixels still show partly over the retouched background"
      : ", which hides nothing: the whole layer shows and is protected as jewelry") +
    " (set Density to 100 % in Properties to see the background as Loupe left it).";
}

/** A descriptor number: Action Manager gives a feather as a unit double {_unit: "pixelsUnit", _value}, a plain number elsewhere. */
function unitValue(v) {
  if (typeof v === "number") return v;
  return v !== null && typeof v === "object" && typeof v._value === "number" ? v._value : NaN;
}

/**
 * Pixels the jewelry fully covers: alpha at maximum (or no alpha channel), and its user mask at maximum.
 * Returns a Uint8Array over `jewelry.bounds`, 1 = fully protected.
 * `healed`: the selection sent as the heal area, {samples, bounds} (1 component), or null. Its pixels above zero
 * are the one exception the user asks for (the server's guard counts them as healed), so they are not protected.
 */
function fullyProtected(jewelry, mask, maxValue, colorComponents, healed = null) {
  const n = B.area(jewelry.bounds);
  const out = new Uint8Array(n);
  const hasAlpha = jewelry.components === colorComponents + 1;
  for (let i = 0; i < n; i++) {
    const alphaFull = !hasAlpha || jewelry.samples[i * jewelry.components + colorComponents] === maxValue;
    out[i] = alphaFull && (!mask || mask[i] === maxValue) && !(healed && painted(healed, jewelry.bounds, i)) ? 1 : 0;
  }
  return out;
}

/** Whether pixel i of `bounds` (row by row) lies where `healed` is above zero. */
function painted(healed, bounds, i) {
  const x = bounds.left + (i % B.width(bounds));
  const y = bounds.top + Math.floor(i / B.width(bounds));
  const b = healed.bounds;
  return x >= b.left && x < b.right && y >= b.top && y < b.bottom && healed.samples[(y - b.top) * B.width(b) + (x - b.left)] > 0;
}

/**
 * For a visible layer placed above the jewelry: the number of fully protected pixels it would cover, i.e.
 * where the layer has pixels (alpha > 0, or no alpha) and its mask is not zero. Zero means safe.
 * pixels/mask: {samples, components, bounds} chunky in document coordinates; mask may be null (reveal all).
 */
function coveredProtectedPixels(protectedMap, jewelryBounds, pixels, mask, colorComponents) {
  const hasAlpha = pixels.components === colorComponents + 1;
  const o = B.intersect(jewelryBounds, pixels.bounds);
  let covered = 0;
  for (let y = o.top; y < o.bottom; y++) {
    for (let x = o.left; x < o.right; x++) {
      if (!protectedMap[(y - jewelryBounds.top) * B.width(jewelryBounds) + (x - jewelryBounds.left)]) continue;
      const p = (y - pixels.bounds.top) * B.width(pixels.bounds) + (x - pixels.bounds.left);
      if (hasAlpha && pixels.samples[p * pixels.components + colorComponents] === 0) continue;
      if (mask && insideMaskedZero(mask, x, y)) continue;
      covered++;
    }
  }
  return covered;
}

function insideMaskedZero(mask, x, y) {
  const b = mask.bounds;
  if (x < b.left || x >= b.right || y < b.top || y >= b.bottom) return false;
  return mask.samples[(y - b.top) * B.width(b) + (x - b.left)] === 0;
}

/**
 * Layers whose own pixels can be the jewelry (Photoshop's LayerKind values): not a group, an adjustment or a
 * fill layer, and not the Background layer, beneath which Loupe could not work.
 */
function canHoldJewelry(layer) {
  return ["pixel", "smartObject", "text"].includes(String(layer.kind)) && !layer.isBackgroundLayer;
}

module.exports = { fingerprint, firstDifference, digest, blendingProblem, maskDensity, densityNote, fullyProtected, coveredProtectedPixels, canHoldJewelry };
