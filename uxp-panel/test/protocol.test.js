// SPDX-License-Identifier: Apache-2.0
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const P = require("../src/protocol.js");
const { rng } = require("./rng.js");

test("a frame round-trips header and 8- and 16-bit buffers byte for byte", () => {
  const random = rng(1);
  const b8 = Uint8Array.from({ length: 3 * 2 * 4 }, () => random.int(256));
  const b16 = Uint16Array.from({ length: 5 * 3 * 3 }, () => random.int(32769));
  const header = {
    recipe: "pro",
    note: "Émeraude ✓",
    buffers: [
      P.describeBuffer({ role: "jewelry", bounds: { left: 10, top: 20, right: 13, bottom: 22 }, components: 4, bitDepth: 8 }),
      P.describeBuffer({ role: "background", bounds: { left: 0, top: 0, right: 5, bottom: 3 }, components: 3, bitDepth: 16, colorProfile: "sRGB IEC61966-2.1" }),
    ],
  };
  const frame = P.encodeFrame(header, [b8, P.samplesToBytes(b16)]);
  const view = new DataView(frame.buffer);
  const jsonLength = view.getUint32(0, false);
  assert.equal(frame.byteLength, 4 + jsonLength + b8.byteLength + b16.byteLength);
  const decoded = P.decodeFrame(frame);
  assert.deepEqual(decoded.header, header);
  assert.deepEqual(Array.from(decoded.buffers[0]), Array.from(b8));
  assert.deepEqual(Array.from(P.bytesToSamples(decoded.buffers[1], 16)), Array.from(b16));
});

test("16-bit samples are little-endian on the wire", () => {
  const bytes = P.samplesToBytes(Uint16Array.of(0x0102, 0x8000));
  assert.deepEqual(Array.from(bytes), [0x02, 0x01, 0x00, 0x80]);
  assert.deepEqual(Array.from(P.bytesToSamples(Uint8Array.of(0x02, 0x01, 0x00, 0x80), 16)), [0x0102, 0x8000]);
});

test("16-bit buffers at odd offsets decode correctly (copied, not misaligned)", () => {
  const backing = new Uint8Array(7);
  backing.set([0x34, 0x12, 0xff, 0x7f, 0x00, 0x80], 1);
  const samples = P.bytesToSamples(backing.subarray(1), 16);
  assert.deepEqual(Array.from(samples), [0x1234, 0x7fff, 0x8000]);
});

test("header byteLength must match the buffer and the descriptor's own size", () => {
  const d = P.describeBuffer({ role: "jewelry", bounds: { left: 0, top: 0, right: 2, bottom: 2 }, components: 1, bitDepth: 16 });
  assert.equal(d.byteLength, 8);
  assert.throws(() => P.encodeFrame({ buffers: [d] }, [new Uint8Array(7)]), /has 7 bytes, header says 8/);
  assert.throws(() => P.encodeFrame({ buffers: [Object.assign({}, d, { byteLength: 9 })] }, [new Uint8Array(9)]), /needs 8/);
  assert.throws(() => P.encodeFrame({ buffers: [Object.assign({}, d, { width: 3 })] }, [new Uint8Array(8)]), /do not match bounds/);
  assert.throws(() => P.encodeFrame({ buffers: [d] }, []), /lists 1 buffers but 0/);
});

test("decodeFrame names what is wrong with a truncated or padded frame", () => {
  const d = P.describeBuffer({ role: "pixels", bounds: { left: 0, top: 0, right: 2, bottom: 1 }, components: 3, bitDepth: 8 });
  const frame = P.encodeFrame({ buffers: [d] }, [new Uint8Array(6)]);
  assert.throws(() => P.decodeFrame(frame.subarray(0, 3)), /too short/);
  assert.throws(() => P.decodeFrame(frame.subarray(0, frame.length - 1)), /buffer 'pixels' .* needs 6 bytes/);
  const padded = new Uint8Array(frame.length + 2);
  padded.set(frame);
  assert.throws(() => P.decodeFrame(padded), /2 bytes after the last buffer/);
  const badLength = frame.slice();
  new DataView(badLength.buffer).setUint32(0, 1e6, false);
  assert.throws(() => P.decodeFrame(badLength), /exceeds/);
});

test("0..32768 → 0..65535 → 0..32768 is exact for every value Photoshop can hold", () => {
  let previous = -1;
  for (let v = 0; v <= P.PS16_MAX; v++) {
    const full = P.psToFull(v);
    assert.ok(full > previous, "strictly increasing at " + v);
    assert.equal(P.fullToPs(full), v, "round trip of " + v);
    previous = full;
  }
  assert.equal(P.psToFull(0), 0);
  assert.equal(P.psToFull(32768), 65535);
  assert.equal(P.psToFull(16384), 32768);
});

test("fullToPs rounds every 16-bit value to the nearest Photoshop value", () => {
  for (let f = 0; f <= P.FULL16_MAX; f++) {
    const v = P.fullToPs(f);
    assert.ok(v >= 0 && v <= P.PS16_MAX);
    const exact = (f * P.PS16_MAX) / P.FULL16_MAX;
    assert.ok(Math.abs(v - exact) <= 0.5, f + " → " + v + " (exact " + exact + ")");
  }
  assert.deepEqual(Array.from(P.fullToPsArray(Uint16Array.of(0, 65535))), [0, 32768]);
});

test("atDepth rounds masks between 8 and 16 bits but keeps each pixel fully on, partial or off", () => {
  assert.deepEqual(Array.from(P.atDepth(Uint8Array.of(0, 1, 128, 254, 255), 8, 16)), [0, 129, 16448, 32639, 32768]);
  assert.deepEqual(Array.from(P.atDepth(Uint16Array.of(0, 1, 64, 16448, 32704, 32767, 32768), 16, 8)), [0, 1, 1, 128, 254, 254, 255]);
  for (let v = 0; v <= 255; v++) assert.equal(P.atDepth(P.atDepth(Uint8Array.of(v), 8, 16), 16, 8)[0], v, "8 → 16 → 8 is exact");
  assert.throws(() => P.atDepth(Uint8Array.of(1), 8, 32), /cannot move 8-bit samples to 32 bits/);
});

test("chunky and planar layouts convert both ways", () => {
  const chunky = Uint16Array.of(1, 2, 3, 11, 12, 13, 21, 22, 23, 31, 32, 33);
  const planar = P.chunkyToPlanar(chunky, 3);
  assert.deepEqual(Array.from(planar), [1, 11, 21, 31, 2, 12, 22, 32, 3, 13, 23, 33]);
  assert.deepEqual(Array.from(P.planarToChunky(planar, 3)), Array.from(chunky));
  assert.ok(planar instanceof Uint16Array);
});

test("a planar full-range download becomes chunky Photoshop-range samples", () => {
  const d = P.describeBuffer({ role: "pixels", bounds: { left: 0, top: 0, right: 2, bottom: 1 }, components: 2, bitDepth: 16, fullRange: true, layout: "planar" });
  const bytes = P.samplesToBytes(Uint16Array.of(0, 65535, 32768, 65535));
  assert.deepEqual(Array.from(P.toPhotoshopSamples(d, bytes)), [0, 16384, 32768, 32768]);
});

test("UTF-8 fallbacks agree with TextEncoder/TextDecoder", () => {
  const text = "Loupe · Ring “Solitaire” 18k ✓ 💎";
  const saved = { TextEncoder: global.TextEncoder, TextDecoder: global.TextDecoder };
  const reference = new TextEncoder().encode(text);
  try {
    delete global.TextEncoder;
    delete global.TextDecoder;
    assert.deepEqual(Array.from(P.utf8Encode(text)), Array.from(reference));
    assert.equal(P.utf8Decode(reference), text);
  } finally {
    Object.assign(global, saved);
  }
});
