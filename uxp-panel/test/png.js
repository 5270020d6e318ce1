// SPDX-License-Identifier: Apache-2.0
// Minimal PNG decoder for the test scenes: 8- or 16-bit gray, gray+alpha, RGB, RGBA, non-interlaced
// (PNG spec, sections 11.2.2 IHDR and 9 filtering). 16-bit samples come back big-endian-decoded.
"use strict";

const fs = require("fs");
const zlib = require("zlib");

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };

function decodePng(file) {
  const buf = fs.readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(file + ": not a PNG");
  let offset = 8;
  let ihdr = null;
  const idat = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("latin1", offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") ihdr = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colorType: data[9], interlace: data[12] };
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  if (!ihdr) throw new Error(file + ": no IHDR");
  const channels = CHANNELS[ihdr.colorType];
  if (!channels || (ihdr.bitDepth !== 8 && ihdr.bitDepth !== 16) || ihdr.interlace !== 0) {
    throw new Error(file + ": unsupported PNG (colour type " + ihdr.colorType + ", depth " + ihdr.bitDepth + ", interlace " + ihdr.interlace + ")");
  }
  const bpp = (channels * ihdr.bitDepth) / 8;
  const stride = ihdr.width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  if (raw.length !== (stride + 1) * ihdr.height) throw new Error(file + ": image data has " + raw.length + " bytes, expected " + (stride + 1) * ihdr.height);
  const bytes = new Uint8Array(stride * ihdr.height);
  for (let y = 0; y < ihdr.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? bytes[out + x - bpp] : 0;
      const b = y > 0 ? bytes[out - stride + x] : 0;
      const c = x >= bpp && y > 0 ? bytes[out - stride + x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) v += paeth(a, b, c);
      else if (filter !== 0) throw new Error(file + ": bad filter " + filter + " on row " + y);
      bytes[out + x] = v;
    }
  }
  let samples = bytes;
  if (ihdr.bitDepth === 16) {
    samples = new Uint16Array(bytes.length / 2);
    for (let i = 0; i < samples.length; i++) samples[i] = (bytes[2 * i] << 8) | bytes[2 * i + 1];
  }
  return { width: ihdr.width, height: ihdr.height, channels, bitDepth: ihdr.bitDepth, samples };
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

module.exports = { decodePng };
