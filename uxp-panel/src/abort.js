// SPDX-License-Identifier: Apache-2.0
// The panel's Cancel. UXP documents AbortController without the version that brought it (fetch takes a signal
// only from UXP 7.3, Photoshop 25.2), and the manifest admits Photoshop 25.0: where the global is missing, a
// minimal controller keeps Cancel working, since Loupe's own code only reads `aborted` and listens for "abort".
"use strict";

const { cancelledError } = require("./errors.js");

function createAbortController() {
  if (typeof AbortController !== "undefined") return new AbortController();
  const listeners = new Set();
  const signal = {
    aborted: false,
    addEventListener(type, fn) {
      if (type === "abort") listeners.add(fn);
    },
    removeEventListener(type, fn) {
      if (type === "abort") listeners.delete(fn);
    },
  };
  return {
    signal,
    abort() {
      if (signal.aborted) return;
      signal.aborted = true;
      const called = Array.from(listeners);
      listeners.clear();
      called.forEach((fn) => fn());
    },
  };
}

/** Resolves after ms, or rejects with a cancelled error as soon as the signal aborts. */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) return reject(cancelledError());
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(cancelledError());
    }
    if (signal) signal.addEventListener("abort", onAbort, { once: true });
  });
}

module.exports = { createAbortController, sleep };
