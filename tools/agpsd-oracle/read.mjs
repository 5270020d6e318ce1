// SPDX-License-Identifier: Apache-2.0
// Prints ag-psd's view of a PSD as JSON: layer tree (top to bottom) with names, bounds, masks,
// lock flags, hidden state and groups. Pixels are not decoded (no canvas in Node).
// With --pixels, layer pixels are decoded (as raw RGBA image data, no canvas) and each layer
// reports the SHA-256 of its RGBA bytes, and each mask that of its gray plane, so a test can
// compare pixels without shipping them.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readPsd, initializeCanvas } from 'ag-psd';

// Raw image data needs no real canvas: a plain RGBA buffer is all ag-psd writes into.
initializeCanvas(() => { throw new Error('no canvas in Node'); },
  (width, height) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }));

const args = process.argv.slice(2);
const pixels = args.includes('--pixels');
const file = args.find(a => !a.startsWith('--'));
if (!file) {
  console.error('usage: node read.mjs [--pixels] <file.psd>');
  process.exit(2);
}
const psd = readPsd(readFileSync(file), {
  skipLayerImageData: !pixels,
  useImageData: pixels,
  skipCompositeImageData: true,
  skipThumbnail: true,
  skipLinkedFilesData: true,
});

function mask(m) {
  if (!m) return null;
  const out = { top: m.top ?? 0, left: m.left ?? 0, bottom: m.bottom ?? 0, right: m.right ?? 0,
    defaultColor: m.defaultColor ?? 0, disabled: !!m.disabled };
  if (pixels && m.imageData) {
    // ag-psd spreads the mask's gray values over R, G and B; R alone is the stored plane.
    const rgba = m.imageData.data;
    const gray = Buffer.alloc(rgba.length / 4);
    for (let i = 0; i < gray.length; i++) gray[i] = rgba[4 * i];
    out.graySha256 = createHash('sha256').update(gray).digest('hex');
  }
  return out;
}

function layer(l) {
  const out = {
    name: l.name ?? '',
    group: Array.isArray(l.children),
    top: l.top ?? 0, left: l.left ?? 0, bottom: l.bottom ?? 0, right: l.right ?? 0,
    hidden: !!l.hidden,
    opacity: Math.round((l.opacity ?? 1) * 255),
    blendMode: l.blendMode ?? 'normal',
    id: l.id ?? null,
    protected: l.protected ?? {},
    mask: mask(l.mask),
    realMask: mask(l.realMask),
    vectorMask: !!l.vectorMask,
  };
  if (pixels && l.imageData) {
    out.rgbaSha256 = createHash('sha256').update(Buffer.from(l.imageData.data.buffer, l.imageData.data.byteOffset,
      l.imageData.data.byteLength)).digest('hex');
  }
  if (out.group) out.children = l.children.slice().reverse().map(layer);
  return out;
}

const result = {
  width: psd.width,
  height: psd.height,
  bitsPerChannel: psd.bitsPerChannel,
  colorMode: psd.colorMode,
  layers: (psd.children ?? []).slice().reverse().map(layer),
};
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
