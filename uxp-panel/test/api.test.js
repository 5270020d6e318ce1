// SPDX-License-Identifier: Apache-2.0
// The client's error mapping against a scripted HTTP server: states the real server cannot be made to
// show on demand (another protocol version, a 429, a vanished server).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const http = require("node:http");
const net = require("node:net");
const { createClient, manifestAllows } = require("../src/api.js");
const { createAbortController } = require("../src/abort.js");
const P = require("../src/protocol.js");

const HEALTH = { name: "loupe", version: "0.1.0", protocol: 1, capabilities: { recipes: ["quick", "pro", "editorial"] } };

/** Starts a server whose routes map "METHOD /path" to (req, body) => {status, json?, body?, headers?}. */
async function scripted(routes) {
  const log = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const key = req.method + " " + req.url.replace(/\?.*$/, "");
      log.push({ key, auth: req.headers.authorization, type: req.headers["content-type"], length: Buffer.concat(chunks).length });
      const route = routes[key] || (() => ({ status: 404, json: { type: "about:blank", title: "Not Found", status: 404, detail: "No such job." } }));
      const r = route(req, Buffer.concat(chunks));
      res.writeHead(r.status, Object.assign({ "Content-Type": r.json ? "application/problem+json" : "application/octet-stream" }, r.headers));
      res.end(r.json ? JSON.stringify(r.json) : r.body);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = "http://127.0.0.1:" + server.address().port;
  return { url, log, close: () => new Promise((resolve) => server.close(resolve)) };
}

const ok = (json) => () => ({ status: 200, json });

test("only the two manifest origins are reachable from Photoshop; the client refuses what Loupe never listens on", () => {
  assert.ok(manifestAllows("http://127.0.0.1:8765"));
  assert.ok(manifestAllows("http://localhost:8765/"));
  assert.ok(!manifestAllows("http://127.0.0.1:9000"));
  assert.ok(!manifestAllows("https://127.0.0.1:8765"));
  assert.ok(!manifestAllows("http://[::1]:8765"));
  for (const url of ["http://192.168.1.5:8765", "http://[::1]:8765"]) {
    assert.throws(() => createClient({ baseUrl: url, token: "t" }), /only listens on this computer/, url);
  }
});

/** A TCP server that accepts connections and never answers. */
async function silent() {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: "http://127.0.0.1:" + server.address().port,
    connections: () => sockets.size,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(resolve);
    }),
  };
}

test("a server that accepts and never answers: the handshake gives up after its timeout and says so", { timeout: 10000 }, async () => {
  const s = await silent();
  const c = await createClient({ baseUrl: s.url, token: "t", checkTimeoutMs: 200 }).checkConnection();
  await s.close();
  assert.equal(c.state, "unreachable");
  assert.match(c.message, /did not answer within 0\.2 s/);
  assert.equal(s.connections(), 1);
});

test("a server that stops answering while a job runs: the wait gives up after the poll timeout, says so and deletes the job", { timeout: 10000 }, async () => {
  const s = await silent();
  const started = Date.now();
  await assert.rejects(createClient({ baseUrl: s.url, token: "t", pollTimeoutMs: 200, checkTimeoutMs: 200 }).waitForJob("j-1"), (e) => e.kind === "unreachable" && /did not answer within 0\.2 s/.test(e.message));
  assert.ok(Date.now() - started < 5000);
  await s.close();
  const sent = [];
  const slow = (url, init) => {
    sent.push(init.method + " " + new URL(url).pathname);
    return init.method === "GET" ? new Promise(() => undefined) : Promise.resolve(new Response(null, { status: 204 }));
  };
  await assert.rejects(createClient({ baseUrl: "http://127.0.0.1:8765", token: "t", fetchImpl: slow, pollTimeoutMs: 100 }).waitForJob("j-2"), (e) => e.kind === "unreachable");
  assert.deepEqual(sent, ["GET /v1/jobs/j-2", "DELETE /v1/jobs/j-2"], "a server that was only slow is told to stop the job");
});

test("an upload or a download the server stops answering is given up on after a timeout that grows with its size", { timeout: 10000 }, async () => {
  const s = await silent();
  const asked = [];
  const client = createClient({ baseUrl: s.url, token: "t", checkTimeoutMs: 200, transferTimeout: (bytes) => { asked.push(bytes); return 200; } });
  const late = (e) => e.kind === "unreachable" && e.timedOut === true && /did not answer within 0\.2 s/.test(e.message);
  await assert.rejects(client.startJob(new Uint8Array(1234), new AbortController().signal), late);
  await assert.rejects(client.downloadLayer("j-1", 0, new AbortController().signal, 5678), late);
  assert.deepEqual(asked, [1234, 5678]);
  await s.close();
});

test("the transfer timeout: a minute, plus a second per 10 MB", () => {
  const { transferTimeoutMs } = require("../src/api.js");
  assert.equal(transferTimeoutMs(0), 60000);
  assert.equal(transferTimeoutMs(400e6), 100000);
});

test("Cancel while a download hangs rejects at once, even when fetch ignores the signal (UXP before 7.3)", { timeout: 10000 }, async () => {
  const s = await silent();
  for (const fetchImpl of [undefined, (url, init) => fetch(url, Object.assign({}, init, { signal: undefined }))]) {
    const controller = new AbortController();
    const download = createClient({ baseUrl: s.url, token: "t", fetchImpl }).downloadLayer("j-1", 0, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(download, (e) => e.kind === "cancelled");
  }
  await s.close();
});

test("Cancel on a host without AbortController: the panel's own controller stops a hanging download", { timeout: 10000 }, async () => {
  const saved = globalThis.AbortController;
  delete globalThis.AbortController;
  try {
    const controller = createAbortController();
    assert.equal(controller instanceof saved, false, "the fallback, not the global");
    // Such a host's fetch knows no signal; this one never answers (Node's own fetch needs the global).
    const fetchImpl = () => new Promise(() => undefined);
    const download = createClient({ baseUrl: "http://127.0.0.1:8765", token: "t", fetchImpl }).downloadLayer("j-1", 0, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(download, (e) => e.kind === "cancelled");
    assert.equal(controller.signal.aborted, true);
  } finally {
    globalThis.AbortController = saved;
  }
});

test("Cancel before the server answered the upload: the job is deleted once its id arrives", { timeout: 10000 }, async () => {
  let answer = null;
  const s = await scripted({
    "DELETE /v1/jobs/j-late": () => ({ status: 204, body: "" }),
  });
  const held = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      answer = () => res.writeHead(202, { "Content-Type": "application/json" }).end(JSON.stringify({ id: "j-late", state: "queued" }));
    });
  });
  // A fetchImpl sends the POST to `held` and everything else to the scripted server.
  await new Promise((resolve) => held.listen(0, "127.0.0.1", resolve));
  const heldUrl = "http://127.0.0.1:" + held.address().port;
  const fetchImpl = (url, init) => fetch(init.method === "POST" ? url.replace(s.url, heldUrl) : url, init);
  const controller = new AbortController();
  const client = createClient({ baseUrl: s.url, token: "t", fetchImpl });
  const starting = client.startJob(new Uint8Array(64), controller.signal);
  while (!answer) await new Promise((r) => setTimeout(r, 5));
  controller.abort();
  await assert.rejects(starting, (e) => e.kind === "cancelled");
  assert.equal(client.pending(), true, "the cancelled upload still goes on: the panel waits before another run");
  let drained = false;
  const draining = client.drained().then(() => { drained = true; });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(drained, false);
  answer();
  await draining;
  assert.equal(client.pending(), false);
  await new Promise((resolve) => held.close(resolve));
  await s.close();
  assert.ok(s.log.some((l) => l.key === "DELETE /v1/jobs/j-late" && l.auth === "Bearer t"), "DELETE for the job the cancelled upload created");
});

test("server not running: says so and how to start it", async () => {
  const s = await scripted({});
  await s.close();
  const c = await createClient({ baseUrl: s.url, token: "t" }).checkConnection();
  assert.equal(c.state, "unreachable");
  assert.match(c.message, /not running at http:\/\/127\.0\.0\.1:\d+\. Start it with: \.\/loupe serve/);
});

test("protocol mismatch names the side to update", async () => {
  for (const [protocol, side] of [[2, "Update this panel"], [0, "Update the Loupe server"]]) {
    const s = await scripted({ "GET /v1/health": ok(Object.assign({}, HEALTH, { protocol })) });
    const c = await createClient({ baseUrl: s.url, token: "t" }).checkConnection();
    await s.close();
    assert.equal(c.state, "mismatch");
    assert.match(c.message, new RegExp("server 0\\.1\\.0 speaks v" + protocol + ", this panel speaks v1\\. " + side));
  }
});

test("token: missing, rejected (401), accepted (404 for the probe job)", async () => {
  const s = await scripted({
    "GET /v1/health": ok(HEALTH),
    "DELETE /v1/jobs/loupe-token-check": (req) =>
      req.headers.authorization === "Bearer good"
        ? { status: 404, json: { title: "Not Found", status: 404, detail: "No such job." } }
        : { status: 401, json: { title: "Unauthorized", status: 401, detail: "Missing or wrong token." } },
  });
  assert.equal((await createClient({ baseUrl: s.url, token: "" }).checkConnection()).state, "unauthorized");
  const bad = await createClient({ baseUrl: s.url, token: "bad" }).checkConnection();
  assert.equal(bad.state, "unauthorized");
  assert.match(bad.message, /rejected the token/);
  const good = await createClient({ baseUrl: s.url, token: "good" }).checkConnection();
  assert.equal(good.state, "connected");
  assert.match(good.message, /Connected to Loupe 0\.1\.0/);
  await s.close();
  // No probe without a token; each probe carries the token it checks.
  assert.deepEqual(s.log.filter((l) => l.key.startsWith("DELETE")).map((l) => l.auth), ["Bearer bad", "Bearer good"]);
});

test("something else on the port is not mistaken for Loupe", async () => {
  const s = await scripted({ "GET /v1/health": ok({ name: "comfyui" }) });
  const c = await createClient({ baseUrl: s.url, token: "t" }).checkConnection();
  await s.close();
  assert.equal(c.state, "error");
  assert.match(c.message, /not Loupe/);
});

test("startJob posts the frame with its content type and bearer token; problems surface their detail", async () => {
  const s = await scripted({
    "POST /v1/jobs": (req, body) =>
      body.length > 10
        ? { status: 202, json: { id: "j-1", state: "queued" } }
        : { status: 400, json: { type: "about:blank", title: "Bad Request", status: 400, detail: "buffer 'jewelry': byteLength 3 should be 4." } },
  });
  const client = createClient({ baseUrl: s.url, token: "tok" });
  assert.deepEqual(await client.startJob(new Uint8Array(20)), { id: "j-1", state: "queued" });
  await assert.rejects(client.startJob(new Uint8Array(2)), (e) => e.kind === "problem" && e.status === 400 && /byteLength 3 should be 4/.test(e.message));
  await s.close();
  assert.equal(s.log[0].auth, "Bearer tok");
  assert.equal(s.log[0].type, P.FRAME_CONTENT_TYPE);
  assert.equal(s.log[0].length, 20);
});

test("an upload cut off by the server: a rejected token says so, an accepted one is a refused upload, not a server down", async () => {
  // As the real server does with a large body and a wrong token: no read, the connection closed.
  const server = http.createServer((req, res) => {
    if (req.method === "POST") return req.socket.destroy();
    const refused = req.url === "/v1/jobs/loupe-token-check" && req.headers.authorization !== "Bearer good";
    res.writeHead(refused ? 401 : 404, { "Content-Type": "application/problem+json" });
    res.end(JSON.stringify({ title: refused ? "Unauthorized" : "Not Found", status: refused ? 401 : 404, detail: "-" }));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = "http://127.0.0.1:" + server.address().port;
  const frame = new Uint8Array(4 << 20);
  try {
    await assert.rejects(createClient({ baseUrl: url, token: "bad" }).startJob(frame), (e) => e.kind === "unauthorized" && /rejected the token/.test(e.message));
    await assert.rejects(createClient({ baseUrl: url, token: "good" }).startJob(frame), (e) => e.kind === "problem" &&
      /^The Loupe server closed the connection during the upload \(5 MB\) without answering\. .*--memory-budget-mb/.test(e.message));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  await assert.rejects(createClient({ baseUrl: url, token: "good" }).startJob(frame), (e) => e.kind === "unreachable" && /not running/.test(e.message));
});

test("429 says the server is busy and when to retry", async () => {
  const s = await scripted({ "POST /v1/jobs": () => ({ status: 429, headers: { "Retry-After": "5" }, json: { title: "Too Many Requests", status: 429, detail: "2 jobs running." } }) });
  await assert.rejects(createClient({ baseUrl: s.url, token: "t" }).startJob(new Uint8Array(1)), (e) => e.kind === "busy" && /try again in 5 s/.test(e.message));
  await s.close();
});

test("waitForJob reports progress, returns the result, and surfaces a failed job's detail", async () => {
  let polls = 0;
  const s = await scripted({
    "GET /v1/jobs/j-ok": () => ({ status: 200, json: ++polls < 3 ? { id: "j-ok", state: "running", stage: "inpaint", fraction: polls / 3 } : { id: "j-ok", state: "done", result: { layers: [] } } }),
    "GET /v1/jobs/j-bad": ok({ id: "j-bad", state: "failed", problem: { title: "Unprocessable", detail: "The protected layer is empty." } }),
  });
  const client = createClient({ baseUrl: s.url, token: "t", pollIntervalMs: 5 });
  const seen = [];
  assert.deepEqual(await client.waitForJob("j-ok", { onProgress: (p) => seen.push(p.state) }), { layers: [] });
  assert.deepEqual(seen, ["running", "running", "done"]);
  await assert.rejects(client.waitForJob("j-bad"), /The protected layer is empty/);
  await s.close();
});

test("cancelling while waiting sends DELETE for the job", async () => {
  const s = await scripted({
    "GET /v1/jobs/j-slow": ok({ id: "j-slow", state: "running", stage: "denoise", fraction: 0.1 }),
    "DELETE /v1/jobs/j-slow": () => ({ status: 204, body: "" }),
  });
  const controller = new AbortController();
  const client = createClient({ baseUrl: s.url, token: "t", pollIntervalMs: 20 });
  const waiting = client.waitForJob("j-slow", { signal: controller.signal, onProgress: () => controller.abort() });
  await assert.rejects(waiting, (e) => e.kind === "cancelled");
  await s.close();
  assert.ok(s.log.some((l) => l.key === "DELETE /v1/jobs/j-slow" && l.auth === "Bearer t"));
});

test("downloadLayer decodes the framed layer", async () => {
  const d = P.describeBuffer({ role: "pixels", bounds: { left: 1, top: 2, right: 3, bottom: 3 }, components: 3, bitDepth: 8 });
  const frame = Buffer.from(P.encodeFrame({ index: 0, name: "Loupe background", buffers: [d] }, [Uint8Array.of(1, 2, 3, 4, 5, 6)]));
  const s = await scripted({ "GET /v1/jobs/j-1/layers/0": () => ({ status: 200, headers: { "Content-Type": P.FRAME_CONTENT_TYPE }, body: frame }) });
  const got = await createClient({ baseUrl: s.url, token: "t" }).downloadLayer("j-1", 0);
  await s.close();
  assert.equal(got.header.name, "Loupe background");
  assert.deepEqual(Array.from(got.buffers[0]), [1, 2, 3, 4, 5, 6]);
});
