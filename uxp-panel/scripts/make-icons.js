// SPDX-License-Identifier: Apache-2.0
// Writes the panel icons (a loupe over a diamond) as RGBA PNGs: 23 px and 46 px (@1x/@2x), one glyph colour
// for dark host themes and one for light ones. Deterministic: same bytes on every run. `npm run icons`.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { crc32 } = require("./crc32.js");

const OUT = path.join(__dirname, "..", "icons");
const THEMES = { dark: [0xdc, 0xdc, 0xdc], light: [0x3c, 0x3c, 0x3c] };
const SUPERSAMPLE = 4;

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage of the glyph at a point in unit coordinates (0..1). */
function inside(x, y) {
  const ring = Math.abs(Math.hypot(x - 0.42, y - 0.42) - 0.29) < 0.055;
  const handle = distanceToSegment(x, y, 0.64, 0.64, 0.9, 0.9) < 0.07;
  // A brilliant-cut gem: crown (trapezoid) over pavilion (triangle), a hairline girdle between them.
  const crown = y >= 0.27 && y <= 0.345 && Math.abs(x - 0.42) <= 0.085 + ((y - 0.27) / 0.075) * 0.065;
  const pavilion = y >= 0.37 && y <= 0.6 && Math.abs(x - 0.42) <= (0.15 * (0.6 - y)) / 0.23;
  return ring || handle || crown || pavilion;
}

function png(size, rgb) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          if (inside((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size)) hits++;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = rgb[0];
      raw[o + 1] = rgb[1];
      raw[o + 2] = rgb[2];
      raw[o + 3] = Math.round((255 * hits) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [theme, rgb] of Object.entries(THEMES)) {
  for (const scale of [1, 2]) {
    const file = path.join(OUT, "icon-" + theme + "@" + scale + "x.png");
    fs.writeFileSync(file, png(23 * scale, rgb));
    console.log("wrote " + path.relative(process.cwd(), file));
  }
}
