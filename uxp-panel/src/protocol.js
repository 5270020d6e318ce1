// SPDX-License-Identifier: Apache-2.0
// Loupe protocol v1 binary framing (docs/protocol.md): uint32 big-endian header length, the UTF-8 JSON
// header, then the raw buffers back to back in header order. 16-bit samples are little-endian.
"use strict";

const PROTOCOL_VERSION = 1;
const FRAME_CONTENT_TYPE = "application/vnd.loupe.frame";
/** Photoshop's 16-bit white: "16 | 0..32768" (Imaging API, value range table). */
const PS16_MAX = 32768;
const FULL16_MAX = 65535;

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// UXP's documented globals do not list TextEncoder/TextDecoder, so fall back to the URI-escaping idiom.
function utf8Encode(text) {
  if (typeof TextEncoder !== "undefined") return new TextEncoder().encode(text);
  const binary = unescape(encodeURIComponent(text));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function utf8Decode(bytes) {
  if (typeof TextDecoder !== "undefined") return new TextDecoder().decode(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
  return decodeURIComponent(escape(binary));
}

/** A buffer descriptor as the protocol lists it; byteLength is derived, never trusted from the caller. */
function describeBuffer({ role, bounds, components, bitDepth, fullRange = false, layout = "chunky", colorProfile }) {
  if (bitDepth !== 8 && bitDepth !== 16) throw new RangeError("bitDepth must be 8 or 16, got " + bitDepth);
  if (![1, 2, 3, 4].includes(components)) throw new RangeError("components must be 1..4, got " + components);
  if (layout !== "chunky" && layout !== "planar") throw new RangeError("layout must be chunky or planar, got " + layout);
  const width = bounds.right - bounds.left;
  const height = bounds.bottom - bounds.top;
  const d = {
    role,
    width,
    height,
    components,
    bitDepth,
    fullRange: bitDepth === 16 ? fullRange : false,
    layout,
    bounds: { left: bounds.left, top: bounds.top, right: bounds.right, bottom: bounds.bottom },
    byteLength: (width * height * components * bitDepth) / 8,
  };
  if (colorProfile) d.colorProfile = colorProfile;
  return d;
}

/** Checks that a descriptor is self-consistent (width/height match bounds, byteLength matches the size). */
function checkDescriptor(d) {
  const where = "buffer '" + d.role + "'";
  if (d.width !== d.bounds.right - d.bounds.left || d.height !== d.bounds.bottom - d.bounds.top) {
    throw new RangeError(where + ": width/height " + d.width + "x" + d.height + " do not match bounds " + JSON.stringify(d.bounds));
  }
  const expected = (d.width * d.height * d.components * d.bitDepth) / 8;
  if (d.byteLength !== expected) {
    throw new RangeError(where + ": byteLength " + d.byteLength + " but " + d.width + "x" + d.height + "x" + d.components + "@" + d.bitDepth + " needs " + expected);
  }
}

/** Encodes header + buffers (Uint8Array each, in header.buffers order) into one frame. */
function encodeFrame(header, buffers) {
  const descriptors = header.buffers || [];
  if (descriptors.length !== buffers.length) {
    throw new RangeError("header lists " + descriptors.length + " buffers but " + buffers.length + " were given");
  }
  descriptors.forEach((d, i) => {
    checkDescriptor(d);
    if (buffers[i].byteLength !== d.byteLength) {
      throw new RangeError("buffer '" + d.role + "' has " + buffers[i].byteLength + " bytes, header says " + d.byteLength);
    }
  });
  const json = utf8Encode(JSON.stringify(header));
  const total = 4 + json.byteLength + buffers.reduce((n, b) => n + b.byteLength, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, json.byteLength, false);
  out.set(json, 4);
  let offset = 4 + json.byteLength;
  for (const b of buffers) {
    out.set(b, offset);
    offset += b.byteLength;
  }
  return out;
}

/** Decodes a frame; buffers are views into the input, one per header.buffers entry. */
function decodeFrame(input) {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.byteLength < 4) throw new RangeError("frame too short: " + bytes.byteLength + " bytes, no header length");
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, false);
  if (4 + headerLength > bytes.byteLength) {
    throw new RangeError("frame header length " + headerLength + " exceeds the " + bytes.byteLength + "-byte body");
  }
  let header;
  try {
    header = JSON.parse(utf8Decode(bytes.subarray(4, 4 + headerLength)));
  } catch (e) {
    throw new SyntaxError("frame header is not JSON: " + e.message);
  }
  const descriptors = header.buffers || [];
  let offset = 4 + headerLength;
  const buffers = descriptors.map((d) => {
    checkDescriptor(d);
    if (offset + d.byteLength > bytes.byteLength) {
      throw new RangeError("buffer '" + d.role + "' at offset " + offset + " needs " + d.byteLength + " bytes; the frame ends at " + bytes.byteLength);
    }
    const view = bytes.subarray(offset, offset + d.byteLength);
    offset += d.byteLength;
    return view;
  });
  if (offset !== bytes.byteLength) {
    throw new RangeError("frame has " + (bytes.byteLength - offset) + " bytes after the last buffer");
  }
  return { header, buffers };
}

/** Raw little-endian bytes of a sample array (8-bit: the bytes themselves). Shares memory when it can. */
function samplesToBytes(samples) {
  if (samples instanceof Uint8Array) return samples;
  if (!(samples instanceof Uint16Array)) throw new TypeError("samples must be Uint8Array or Uint16Array");
  if (HOST_IS_LITTLE_ENDIAN) return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  const out = new Uint8Array(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    out[2 * i] = samples[i] & 0xff;
    out[2 * i + 1] = samples[i] >>> 8;
  }
  return out;
}

/** Samples from raw bytes: Uint8Array for 8-bit, Uint16Array (copied if unaligned) for 16-bit LE. */
function bytesToSamples(bytes, bitDepth) {
  if (bitDepth === 8) return bytes;
  if (bitDepth !== 16) throw new RangeError("bitDepth must be 8 or 16, got " + bitDepth);
  if (bytes.byteLength % 2 !== 0) throw new RangeError("16-bit buffer has an odd byte length " + bytes.byteLength);
  const n = bytes.byteLength / 2;
  if (HOST_IS_LITTLE_ENDIAN) {
    if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, n);
    return new Uint16Array(bytes.slice().buffer);
  }
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
  return out;
}

/** 0..32768 → 0..65535, rounded; exact inverse of fullToPs for every value Photoshop can hold. */
function psToFull(v) {
  return Math.floor((v * FULL16_MAX + PS16_MAX / 2) / PS16_MAX);
}

/** 0..65535 → 0..32768, rounded. */
function fullToPs(v) {
  return Math.floor((v * PS16_MAX + (FULL16_MAX - 1) / 2) / FULL16_MAX);
}

/**
 * Single-channel samples moved to another depth in Photoshop's ranges (8: 0..255, 16: 0..32768), rounded, except
 * that only a full sample lands on full and only zero on zero: a mask pixel keeps its class (protected, partial,
 * unselected), so 16-bit 32767 does not round up to a fully protected 255, nor 8-bit 1 down to unselected.
 */
function atDepth(samples, fromBits, toBits) {
  if (fromBits === toBits) return samples;
  const max = { 8: 255, 16: PS16_MAX };
  if (!max[fromBits] || !max[toBits]) throw new RangeError("cannot move " + fromBits + "-bit samples to " + toBits + " bits");
  const from = max[fromBits];
  const to = max[toBits];
  const scale = (v) => (v === 0 || v === from ? (v / from) * to : Math.min(to - 1, Math.max(1, Math.round((v * to) / from))));
  return (toBits === 8 ? Uint8Array : Uint16Array).from(samples, scale);
}

function mapSamples(samples, fn) {
  const out = new Uint16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = fn(samples[i]);
  return out;
}

function fullToPsArray(samples) {
  return mapSamples(samples, fullToPs);
}

/** [R1,G1,B1,R2,…] → [R1,R2,…,G1,G2,…,B1,…]. Not modified: chunky. */
function chunkyToPlanar(chunky, components) {
  const n = chunky.length / components;
  const out = new chunky.constructor(chunky.length);
  for (let c = 0; c < components; c++) {
    const base = c * n;
    for (let i = 0; i < n; i++) out[base + i] = chunky[i * components + c];
  }
  return out;
}

/** Inverse of chunkyToPlanar. Not modified: planar. */
function planarToChunky(planar, components) {
  const n = planar.length / components;
  const out = new planar.constructor(planar.length);
  for (let c = 0; c < components; c++) {
    const base = c * n;
    for (let i = 0; i < n; i++) out[i * components + c] = planar[base + i];
  }
  return out;
}

/**
 * A downloaded buffer as chunky samples in Photoshop's range (0..255 or 0..32768), whatever layout and range
 * the server chose, ready for imaging.createImageDataFromBuffer.
 */
function toPhotoshopSamples(descriptor, bytes) {
  let samples = bytesToSamples(bytes, descriptor.bitDepth);
  if (descriptor.layout === "planar") samples = planarToChunky(samples, descriptor.components);
  if (descriptor.bitDepth === 16 && descriptor.fullRange) samples = fullToPsArray(samples);
  return samples;
}

module.exports = {
  PROTOCOL_VERSION,
  FRAME_CONTENT_TYPE,
  PS16_MAX,
  FULL16_MAX,
  describeBuffer,
  checkDescriptor,
  encodeFrame,
  decodeFrame,
  samplesToBytes,
  bytesToSamples,
  psToFull,
  fullToPs,
  fullToPsArray,
  atDepth,
  chunkyToPlanar,
  planarToChunky,
  toPhotoshopSamples,
  utf8Encode,
  utf8Decode,
};
