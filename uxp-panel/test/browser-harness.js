// SPDX-License-Identifier: Apache-2.0
// Builds the init script that lets index.html run in plain Chromium: a CommonJS `require` over the panel's
// sources, the fake `photoshop`/`uxp` modules with a small document, the sp-* stubs, and a scripted `fetch`
// that plays the Loupe server ("connected"; "slow": its handshake answers after a second) or its absence
// ("disconnected").
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
// Every panel source (as the package script ships src/), and the fake Photoshop.
const MODULES = fs.readdirSync(path.join(ROOT, "src")).filter((f) => f.endsWith(".js")).sort().map((f) => "src/" + f)
  .concat(["test/fake-photoshop.js", "test/fake-dom.js", "test/fake-imaging.js"]);

function moduleTable() {
  return MODULES.map((m) => JSON.stringify(m) + ": function (module, exports, require) {\n" + fs.readFileSync(path.join(ROOT, m), "utf8") + "\n}").join(",\n");
}

/** Runs in the page before index.html's scripts. */
function pageSetup(scenario) {
  const registry = window.__modules;
  const cache = {};
  function resolve(dir, spec) {
    const parts = (dir ? dir.split("/") : []).concat(spec.split("/"));
    const out = [];
    for (const p of parts) {
      if (p === "..") out.pop();
      else if (p !== "." && p !== "") out.push(p);
    }
    return out.join("/");
  }
  function makeRequire(dir) {
    return function require(spec) {
      if (spec === "uxp") return window.__fake.uxp;
      if (spec === "photoshop") return window.__fake.photoshop;
      const id = resolve(dir, spec);
      if (!registry[id]) throw new Error("browser harness: no module " + id);
      if (!cache[id]) {
        const module = { exports: {} };
        cache[id] = module;
        registry[id](module, module.exports, makeRequire(id.split("/").slice(0, -1).join("/")));
      }
      return cache[id].exports;
    };
  }
  window.require = makeRequire("");

  const { createFakePhotoshop } = window.require("./test/fake-photoshop.js");
  const P = window.require("./src/protocol.js");
  const fake = createFakePhotoshop();
  window.__fake = fake;
  const W = 64, H = 48;
  const docId = fake.fake.addDocument({ name: "solitaire.psd", width: W, height: H, depth: 16 });
  const bg = new Uint16Array(W * H * 4);
  const jewel = new Uint16Array(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const x = i % W, y = (i - x) / W;
    bg.set([30000, 29800, 29500, 32768], i * 4);
    if ((x - 32) * (x - 32) + (y - 24) * (y - 24) < 120) jewel.set([32000, 26000, 9000, 32768], i * 4);
  }
  fake.fake.addLayer(docId, { name: "Background", pixels: bg, isBackground: true });
  fake.fake.addLayer(docId, { name: "Jewelry", pixels: jewel });
  localStorage.setItem("loupe.token", "test-token");

  let request = null;
  const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": status < 300 ? "application/json" : "application/problem+json" } });
  window.__requests = [];
  window.__tokens = [];
  window.fetch = async (url, init = {}) => {
    const method = init.method || "GET";
    const p = new URL(url).pathname;
    window.__requests.push(method + " " + p);
    window.__tokens.push((init.headers && init.headers.Authorization) || null);
    if (scenario === "disconnected") throw new TypeError("Failed to fetch");
    if (scenario === "slow" && p === "/v1/health") await new Promise((resolve) => setTimeout(resolve, 1000));
    if (p === "/v1/health") return json(200, { name: "loupe", version: "0.1.0", protocol: 1, capabilities: { recipes: ["quick", "pro", "editorial"], depths: [8, 16] } });
    if (method === "DELETE" && p === "/v1/jobs/loupe-token-check") return json(404, { title: "Not Found", status: 404, detail: "No such job." });
    if (method === "POST" && p === "/v1/jobs") {
      request = P.decodeFrame(init.body);
      return json(202, { id: "j-1", state: "queued" });
    }
    if (p === "/v1/jobs/j-1") {
      return json(200, {
        id: "j-1", state: "done", stage: "done", fraction: 1,
        result: {
          recipe: "pro", group: "Loupe Pro",
          layers: [{ index: 0, name: "Loupe background (clean)", bounds: { left: 0, top: 0, right: W, bottom: H }, blendMode: "normal", opacity: 255, visible: true, placement: "below", hasMask: false }],
          fidelity: { protectedPixels: 373, changedPixels: 0, inputSha256: "", outputSha256: "", verdict: "bit-exact" },
          models: [],
          notes: ["background denoised", "frequency separation added hidden"],
        },
      });
    }
    if (p === "/v1/jobs/j-1/layers/0") {
      const i = request.header.buffers.findIndex((d) => d.role === "background");
      const d = Object.assign({}, request.header.buffers[i], { role: "pixels" });
      return new Response(P.encodeFrame({ index: 0, name: "Loupe background (clean)", buffers: [d] }, [request.buffers[i]]), { status: 200, headers: { "Content-Type": P.FRAME_CONTENT_TYPE } });
    }
    return json(404, { title: "Not Found", status: 404, detail: "No route " + method + " " + p });
  };
}

function initScript(scenario) {
  return [
    fs.readFileSync(path.join(__dirname, "spectrum-stub.js"), "utf8"),
    "window.__modules = {\n" + moduleTable() + "\n};",
    "(" + pageSetup.toString() + ")(" + JSON.stringify(scenario) + ");",
  ].join("\n");
}

module.exports = { initScript, ROOT };
