// SPDX-License-Identifier: Apache-2.0
// HTTP client for `loupe serve` (docs/protocol.md). No Photoshop here: fetch in, plain objects out.
"use strict";

const { PROTOCOL_VERSION, FRAME_CONTENT_TYPE, decodeFrame } = require("./protocol.js");
const { LoupeError, cancelledError } = require("./errors.js");
const { createAbortController, sleep } = require("./abort.js");

const DEFAULT_URL = "http://127.0.0.1:8765";
const START_HINT = "Start it with: ./loupe serve";
/**
 * The origins manifest.json grants (requiredPermissions.network.domains); UXP denies every other one. To use
 * another port, add it here and in manifest.json (test/package.test.js checks that both list the same).
 */
const MANIFEST_ORIGINS = ["http://127.0.0.1:8765", "http://localhost:8765"];
/** The handshake and a job's DELETE are small: an answer within 3 s, or the server is not really there. */
const CHECK_TIMEOUT_MS = 3000;
// A job's status is answered at once however busy the job is; a poll this late means the server has hung.
const POLL_TIMEOUT_MS = 30000;
/**
 * An upload or a layer download may take as long as a minute plus 10 MB/s for its size (loopback moves
 * hundreds of MB/s): a server that stalls mid-transfer is given up on rather than waited for forever.
 */
function transferTimeoutMs(bytes) {
  return 60000 + Math.ceil(bytes / 10e6) * 1000;
}

function manifestAllows(url) {
  return MANIFEST_ORIGINS.includes(String(url || "").trim().replace(/\/+$/, ""));
}

/**
 * Settles like `promise`, or rejects as soon as `signal` aborts (cancelled) or `timeoutMs` passes (0: never).
 * UXP documents fetch's `signal` only from UXP 7.3 (Photoshop 25.2), so Cancel cannot rely on fetch to stop.
 */
function settle(promise, signal, timeoutMs, timeoutError) {
  return new Promise((resolve, reject) => {
    let timer = null;
    const finish = (fn, value) => {
      clearTimeout(timer);
      if (signal) signal.removeEventListener("abort", onAbort);
      fn(value);
    };
    function onAbort() {
      finish(reject, cancelledError());
    }
    if (signal) {
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
    }
    if (timeoutMs > 0) timer = setTimeout(() => finish(reject, timeoutError()), timeoutMs);
    promise.then((v) => finish(resolve, v), (e) => finish(reject, e));
  });
}

// Loupe listens on 127.0.0.1 only; localhost is the other name the manifest grants.
function normalizeBaseUrl(url) {
  const trimmed = String(url || "").trim().replace(/\/+$/, "");
  if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(trimmed)) {
    throw new LoupeError("config", "Server URL must look like http://127.0.0.1:8765 (Loupe only listens on this computer).");
  }
  return trimmed;
}

/**
 * @param {{baseUrl:string, token:string, fetchImpl?:Function, pollIntervalMs?:number, checkTimeoutMs?:number, pollTimeoutMs?:number,
 *   transferTimeout?:(bytes:number)=>number}} config
 */
function createClient({ baseUrl, token, fetchImpl, pollIntervalMs = 250, checkTimeoutMs = CHECK_TIMEOUT_MS, pollTimeoutMs = POLL_TIMEOUT_MS, transferTimeout = transferTimeoutMs }) {
  const base = normalizeBaseUrl(baseUrl || DEFAULT_URL);
  const doFetch = fetchImpl || ((...args) => fetch(...args));
  // Exchanges that go on after a cancel (an upload the server is still reading), until they settle.
  const kept = new Set();

  /**
   * One exchange: fetch, then read(response) on success. Rejects at once when `signal` aborts or `timeoutMs`
   * passes. An exchange given up on is aborted (where fetch honours a signal), unless `keepIfCancelled` takes
   * it over after a cancel.
   */
  async function request(method, path, { body, contentType, signal, expectBinary, timeoutMs = 0, read = () => null, keepIfCancelled = null } = {}) {
    const headers = { Accept: expectBinary ? FRAME_CONTENT_TYPE : "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    if (contentType) headers["Content-Type"] = contentType;
    const own = createAbortController();
    const exchange = (async () => {
      let response;
      try {
        response = await doFetch(base + path, { method, headers, body, signal: own.signal });
      } catch (e) {
        throw new LoupeError("unreachable", "Loupe server not running at " + base + ". " + START_HINT, { cause: e });
      }
      if (!response.ok) throw await problemError(response);
      return read(response);
    })();
    exchange.catch(() => undefined); // it may be given up on; its failure is then nobody's business
    const late = () => new LoupeError("unreachable", "Loupe at " + base + " did not answer within " + timeoutMs / 1000 + " s. Restart it: ./loupe serve", { timedOut: true });
    try {
      return await settle(exchange, signal, timeoutMs, late);
    } catch (e) {
      if (e.kind === "cancelled" && keepIfCancelled) {
        // Bounded by the same timeout: a server that stalls does not keep the panel waiting on it.
        const going = settle(Promise.resolve(keepIfCancelled(exchange)), null, timeoutMs, late).catch(() => own.abort());
        kept.add(going);
        going.then(() => kept.delete(going));
      } else {
        own.abort();
      }
      throw e;
    }
  }

  async function problemError(response) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    const detail = (problem && (problem.detail || problem.title)) || "HTTP " + response.status;
    if (response.status === 401) {
      return new LoupeError("unauthorized", "The server rejected the token. Copy it from the `loupe serve` output (or ~/.loupe/token).", { status: 401, problem });
    }
    if (response.status === 429) {
      const retry = response.headers.get("Retry-After");
      return new LoupeError("busy", "The server is busy with other jobs" + (retry ? "; try again in " + retry + " s." : "."), { status: 429, problem });
    }
    return new LoupeError("problem", detail, { status: response.status, problem });
  }

  async function json(method, path, options) {
    return request(method, path, Object.assign({ read: (response) => (response.status === 204 ? null : response.json()) }, options));
  }

  async function health() {
    return json("GET", "/v1/health", { timeoutMs: checkTimeoutMs });
  }

  /**
   * The handshake: which state the panel is in and a sentence that says what to do.
   * The token is checked with a DELETE of a job id that cannot exist: 401 = bad token, 404 = good token.
   */
  async function checkConnection() {
    let h;
    try {
      h = await health();
    } catch (e) {
      return { state: e.kind === "unreachable" ? "unreachable" : "error", message: e.message };
    }
    if (!h || h.name !== "loupe") {
      return { state: "error", message: "Something that is not Loupe answers at " + base + "." };
    }
    if (h.protocol !== PROTOCOL_VERSION) {
      const update = h.protocol > PROTOCOL_VERSION ? "Update this panel" : "Update the Loupe server";
      return {
        state: "mismatch",
        message: "Protocol mismatch: server " + h.version + " speaks v" + h.protocol + ", this panel speaks v" + PROTOCOL_VERSION + ". " + update + ".",
        health: h,
      };
    }
    if (!token) {
      return { state: "unauthorized", message: "Paste the token printed by `loupe serve` (also in ~/.loupe/token).", health: h };
    }
    const refusal = await probeToken();
    if (refusal) return { state: refusal.kind === "unauthorized" ? "unauthorized" : "error", message: refusal.message, health: h };
    return { state: "connected", message: "Connected to Loupe " + h.version + " at " + base + ".", health: h };
  }

  /** The token check: null when the server accepts the token, else the error it gave (401: unauthorized). */
  async function probeToken() {
    try {
      await request("DELETE", "/v1/jobs/loupe-token-check", { timeoutMs: checkTimeoutMs });
      return null;
    } catch (e) {
      return e.kind === "problem" && e.status === 404 ? null : e;
    }
  }

  /**
   * POSTs a framed body; returns {id, state}. Cancelled before the server answered, the upload goes on and
   * the job it creates is deleted as soon as its id arrives.
   */
  async function startJob(frame, signal) {
    const deleteWhenKnown = (exchange) => exchange.then((job) => job && cancelJob(job.id)).catch(() => undefined);
    try {
      return await json("POST", "/v1/jobs", { body: frame, contentType: FRAME_CONTENT_TYPE, signal, keepIfCancelled: deleteWhenKnown, timeoutMs: transferTimeout(frame.byteLength) });
    } catch (e) {
      // The server refuses a large upload it will not take (wrong token, over its limits or memory budget,
      // busy) without reading it and closes the connection; fetch may then see the close before the answer.
      // The token check tells a rejected token, a server that stopped and such a refusal apart.
      if (e.kind !== "unreachable" || e.timedOut) throw e;
      const refusal = await probeToken();
      if (refusal) throw refusal.kind === "unauthorized" ? refusal : e;
      throw new LoupeError("problem", "The Loupe server closed the connection during the upload (" + Math.ceil(frame.byteLength / 1e6) + " MB) without answering. " +
        "It does that with a body it will not take: a document that needs more memory than its budget (start it with a larger --memory-budget-mb) " +
        "or more than its upload limit, or while it is busy with other jobs (try again in a moment).", { cause: e });
    }
  }

  async function getJob(id, signal) {
    return json("GET", "/v1/jobs/" + encodeURIComponent(id), { signal, timeoutMs: pollTimeoutMs });
  }

  /** Cancels a job; a job that already finished or vanished is not an error. */
  async function cancelJob(id) {
    try {
      await request("DELETE", "/v1/jobs/" + encodeURIComponent(id), { timeoutMs: checkTimeoutMs });
    } catch (e) {
      if (!(e.kind === "problem" && (e.status === 404 || e.status === 409))) throw e;
    }
  }

  /**
   * Polls the job until it ends. onProgress({stage, fraction}) on every poll. When `signal` aborts,
   * sends DELETE and throws a cancelled error; when a poll times out, sends DELETE too (a server that was only
   * slow should not go on working for a panel that gave up) and throws the timeout. Resolves with the result;
   * throws the job's problem on failure.
   */
  async function waitForJob(id, { onProgress, signal } = {}) {
    try {
      for (;;) {
        if (signal && signal.aborted) throw cancelledError();
        const job = await getJob(id, signal);
        if (onProgress) onProgress({ state: job.state, stage: job.stage, fraction: job.fraction });
        if (job.state === "done") return job.result;
        if (job.state === "failed") {
          const p = job.problem || {};
          throw new LoupeError("problem", p.detail || p.title || "The job failed.", { problem: job.problem });
        }
        if (job.state === "cancelled") throw cancelledError();
        await sleep(pollIntervalMs, signal);
      }
    } catch (e) {
      if (e.kind === "cancelled" || e.kind === "unreachable") await cancelJob(id).catch(() => undefined);
      throw e;
    }
  }

  /** GET /v1/jobs/{id}/layers/{index} → {header, buffers}; `maxBytes`, the most a layer can be, sets the timeout. */
  async function downloadLayer(id, index, signal, maxBytes) {
    const read = async (response) => decodeFrame(new Uint8Array(await response.arrayBuffer()));
    return request("GET", "/v1/jobs/" + encodeURIComponent(id) + "/layers/" + index, { signal, expectBinary: true, read, timeoutMs: transferTimeout(maxBytes) });
  }

  /** Whether an exchange cancelled by the panel still goes on (see startJob). */
  function pending() {
    return kept.size > 0;
  }

  /** Resolves once every exchange that went on after a cancel has settled. */
  async function drained() {
    while (kept.size > 0) await Promise.all(Array.from(kept));
  }

  return { baseUrl: base, health, checkConnection, startJob, getJob, cancelJob, waitForJob, downloadLayer, pending, drained };
}

module.exports = { DEFAULT_URL, MANIFEST_ORIGINS, manifestAllows, createClient, transferTimeoutMs };
