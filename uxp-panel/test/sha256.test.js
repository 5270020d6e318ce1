// SPDX-License-Identifier: Apache-2.0
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const crypto = require("node:crypto");
const { Sha256, sha256Hex } = require("../src/sha256.js");
const { rng } = require("./rng.js");

function reference(bytes) {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

test("FIPS 180-4 example vectors", () => {
  assert.equal(sha256Hex(new Uint8Array(0)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  assert.equal(sha256Hex(Uint8Array.from(Buffer.from("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  assert.equal(
    sha256Hex(Uint8Array.from(Buffer.from("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
  );
});

test("pure-JS digest equals Node's for every length around the block and padding edges", () => {
  const random = rng(3);
  for (let n = 0; n < 300; n++) {
    const bytes = Uint8Array.from({ length: n }, () => random.int(256));
    assert.equal(sha256Hex(bytes), reference(bytes), "length " + n);
  }
  const big = Uint8Array.from({ length: 1 << 20 }, () => random.int(256));
  assert.equal(sha256Hex(big), reference(big));
});

test("incremental updates in arbitrary pieces give the one-shot digest", () => {
  const random = rng(4);
  const bytes = Uint8Array.from({ length: 10000 }, () => random.int(256));
  const h = new Sha256();
  for (let i = 0; i < bytes.length; ) {
    const step = 1 + random.int(130);
    h.update(bytes.subarray(i, i + step));
    i += step;
  }
  assert.equal(h.hex(), reference(bytes));
  assert.equal(h.hex(), reference(bytes), "hex() is idempotent");
  assert.throws(() => h.update(bytes), /after hex/);
});
