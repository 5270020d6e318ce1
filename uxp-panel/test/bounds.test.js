// SPDX-License-Identifier: Apache-2.0
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const B = require("../src/bounds.js");
const { rng } = require("./rng.js");

test("integer bounds from both Imaging API forms; fractional edges grow outward", () => {
  assert.deepEqual(B.toIntegerBounds({ left: 3, top: 4, width: 10, height: 2 }), { left: 3, top: 4, right: 13, bottom: 6 });
  assert.deepEqual(B.toIntegerBounds({ left: 1.5, top: 2.2, right: 9.1, bottom: 7.0 }), { left: 1, top: 2, right: 10, bottom: 7 });
  assert.throws(() => B.toIntegerBounds({ left: 5, top: 0, right: 2, bottom: 1 }), /inverted/);
  assert.throws(() => B.toIntegerBounds({ left: 0, top: 0, right: NaN, bottom: 1 }), /finite/);
  assert.ok(B.isIntegerBounds({ left: 0, top: 0, right: 1, bottom: 1 }));
  assert.ok(!B.isIntegerBounds({ left: 0.5, top: 0, right: 1, bottom: 1 }));
});

test("intersect: overlap, containment, and an empty rectangle when disjoint", () => {
  const a = { left: 0, top: 0, right: 10, bottom: 10 };
  assert.deepEqual(B.intersect(a, { left: 5, top: -3, right: 20, bottom: 4 }), { left: 5, top: 0, right: 10, bottom: 4 });
  assert.deepEqual(B.intersect(a, { left: 2, top: 2, right: 3, bottom: 3 }), { left: 2, top: 2, right: 3, bottom: 3 });
  assert.ok(B.isEmpty(B.intersect(a, { left: 10, top: 0, right: 12, bottom: 5 })));
  assert.ok(B.isEmpty(B.intersect(a, { left: -5, top: -5, right: -1, bottom: -1 })));
});

/** Naive oracle: value of the padded image at (x, y). */
function oracle(src, srcBounds, components, fill, x, y, c) {
  const inside = x >= srcBounds.left && x < srcBounds.right && y >= srcBounds.top && y < srcBounds.bottom;
  if (!inside) return Array.isArray(fill) ? fill[c] : fill;
  return src[((y - srcBounds.top) * B.width(srcBounds) + (x - srcBounds.left)) * components + c];
}

test("padToBounds puts a trimmed getPixels result back at its place in the requested bounds", () => {
  const random = rng(7);
  for (let trial = 0; trial < 200; trial++) {
    const components = 1 + random.int(4);
    const requested = { left: random.int(20) - 10, top: random.int(20) - 10 };
    requested.right = requested.left + 1 + random.int(12);
    requested.bottom = requested.top + 1 + random.int(12);
    // getPixels trims to a sub-rectangle of what was asked (or, in a buggy host, a partly outside one).
    const srcBounds = { left: requested.left - 3 + random.int(8), top: requested.top - 3 + random.int(8) };
    srcBounds.right = srcBounds.left + 1 + random.int(10);
    srcBounds.bottom = srcBounds.top + 1 + random.int(10);
    const Type = random.int(2) ? Uint16Array : Uint8Array;
    const src = Type.from({ length: B.area(srcBounds) * components }, () => 1 + random.int(200));
    const fill = random.int(2) ? 0 : Array.from({ length: components }, (_, c) => 250 - c);
    const out = B.padToBounds(src, srcBounds, requested, components, fill);
    assert.ok(out instanceof Type);
    assert.equal(out.length, B.area(requested) * components);
    for (let y = requested.top; y < requested.bottom; y++) {
      for (let x = requested.left; x < requested.right; x++) {
        for (let c = 0; c < components; c++) {
          const got = out[((y - requested.top) * B.width(requested) + (x - requested.left)) * components + c];
          assert.equal(got, oracle(src, srcBounds, components, fill, x, y, c), "trial " + trial + " at " + x + "," + y + "," + c);
        }
      }
    }
  }
});

test("padToBounds returns the source itself when nothing was trimmed, and checks lengths", () => {
  const b = { left: 2, top: 3, right: 4, bottom: 4 };
  const src = Uint8Array.of(1, 2, 3, 4, 5, 6);
  assert.equal(B.padToBounds(src, b, b, 3, 0), src);
  assert.throws(() => B.padToBounds(src, b, b, 4, 0), /6 samples, expected 8/);
  assert.throws(() => B.padToBounds(src, b, { left: 0, top: 0, right: 5, bottom: 5 }, 3, [1, 2]), /fill needs 3 values/);
});

test("copyRegion writes only the overlap and leaves the rest of the destination alone", () => {
  const dst = new Uint8Array(4 * 3).fill(9);
  const src = Uint8Array.of(1, 2, 3, 4);
  B.copyRegion(src, { left: 3, top: 1, right: 5, bottom: 3 }, dst, { left: 0, top: 0, right: 4, bottom: 3 }, 1);
  assert.deepEqual(Array.from(dst), [9, 9, 9, 9, 9, 9, 9, 1, 9, 9, 9, 3]);
});
