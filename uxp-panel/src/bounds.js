// SPDX-License-Identifier: Apache-2.0
// Integer rectangles in document coordinates (right/bottom exclusive, as the Imaging API uses them)
// and the copy that pads getPixels' trimmed result back to the bounds we asked for.
"use strict";

/**
 * Integer bounds from either Imaging API form ({left,top,right,bottom} or {left,top,width,height}).
 * Fractional edges (smart objects, vector layers) grow outward so no pixel is lost.
 */
function toIntegerBounds(b) {
  if (!b || typeof b !== "object") throw new TypeError("bounds must be an object, got " + b);
  const right = b.right !== undefined ? b.right : b.left + b.width;
  const bottom = b.bottom !== undefined ? b.bottom : b.top + b.height;
  const r = {
    left: Math.floor(b.left),
    top: Math.floor(b.top),
    right: Math.ceil(right),
    bottom: Math.ceil(bottom),
  };
  for (const k of Object.keys(r)) {
    if (!Number.isFinite(r[k])) throw new TypeError("bounds." + k + " is not a finite number: " + JSON.stringify(b));
  }
  if (r.right < r.left || r.bottom < r.top) throw new RangeError("bounds are inverted: " + JSON.stringify(b));
  return r;
}

function isIntegerBounds(b) {
  return ["left", "top", "right", "bottom"].every((k) => Number.isInteger(b[k])) && b.right >= b.left && b.bottom >= b.top;
}

function width(b) {
  return b.right - b.left;
}

function height(b) {
  return b.bottom - b.top;
}

function area(b) {
  return width(b) * height(b);
}

function isEmpty(b) {
  return b.right <= b.left || b.bottom <= b.top;
}

/** The overlap of two rectangles; an empty rectangle (zero size at a's corner) when they do not meet. */
function intersect(a, b) {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  if (right <= left || bottom <= top) return { left: a.left, top: a.top, right: a.left, bottom: a.top };
  return { left, top, right, bottom };
}

function sameBounds(a, b) {
  return a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;
}

function documentBounds(docWidth, docHeight) {
  return { left: 0, top: 0, right: docWidth, bottom: docHeight };
}

/**
 * Copies the overlap of `src` (laid out over srcBounds) into `dst` (laid out over dstBounds).
 * Both are chunky with `components` samples per pixel. Not modified: src. Modified: dst.
 */
function copyRegion(src, srcBounds, dst, dstBounds, components) {
  checkLength(src, srcBounds, components, "source");
  checkLength(dst, dstBounds, components, "destination");
  const o = intersect(srcBounds, dstBounds);
  if (isEmpty(o)) return dst;
  const rowLen = width(o) * components;
  const srcStride = width(srcBounds) * components;
  const dstStride = width(dstBounds) * components;
  for (let y = o.top; y < o.bottom; y++) {
    const s = (y - srcBounds.top) * srcStride + (o.left - srcBounds.left) * components;
    const d = (y - dstBounds.top) * dstStride + (o.left - dstBounds.left) * components;
    dst.set(src.subarray(s, s + rowLen), d);
  }
  return dst;
}

/**
 * Pads a trimmed result back to the requested bounds: a new array of the same type covering `requested`,
 * filled with `fill` (one value per component, or a single number for all) where `src` has no pixels.
 * Returns `src` itself when it already covers exactly the requested bounds. Not modified: src.
 */
function padToBounds(src, srcBounds, requested, components, fill) {
  if (sameBounds(srcBounds, requested)) {
    checkLength(src, srcBounds, components, "source");
    return src;
  }
  const dst = new src.constructor(area(requested) * components);
  fillPixels(dst, components, fill);
  return copyRegion(src, srcBounds, dst, requested, components);
}

function fillPixels(dst, components, fill) {
  const values = Array.isArray(fill) ? fill : new Array(components).fill(fill || 0);
  if (values.length !== components) throw new RangeError("fill needs " + components + " values, got " + values.length);
  if (values.every((v) => v === values[0])) return dst.fill(values[0]);
  for (let i = 0; i < dst.length; i += components) {
    for (let c = 0; c < components; c++) dst[i + c] = values[c];
  }
  return dst;
}

function checkLength(data, b, components, what) {
  const expected = area(b) * components;
  if (data.length !== expected) {
    throw new RangeError(
      what + " has " + data.length + " samples, expected " + expected + " for " + width(b) + "x" + height(b) + "x" + components
    );
  }
}

module.exports = {
  toIntegerBounds,
  isIntegerBounds,
  width,
  height,
  area,
  isEmpty,
  intersect,
  sameBounds,
  documentBounds,
  copyRegion,
  padToBounds,
  fillPixels,
};
