// SPDX-License-Identifier: Apache-2.0
// One error type the panel can show as is; `kind` says where it came from and drives the UI state.
"use strict";

class LoupeError extends Error {
  /**
   * @param {"unreachable"|"unauthorized"|"busy"|"problem"|"config"|"cancelled"|"photoshop"|"fidelity"|"result"} kind
   */
  constructor(kind, message, extra) {
    super(message);
    this.name = "LoupeError";
    this.kind = kind;
    Object.assign(this, extra);
  }
}

function cancelledError() {
  return new LoupeError("cancelled", "Cancelled. The document was not changed.");
}

module.exports = { LoupeError, cancelledError };
