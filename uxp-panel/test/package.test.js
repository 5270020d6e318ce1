// SPDX-License-Identifier: Apache-2.0
// manifest.json says what Photoshop grants, and the .ccx carries exactly the plugin, byte-reproducibly.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { buildCcx } = require("../scripts/package.js");
const { readStoredZip } = require("../scripts/zip.js");
const { MANIFEST_ORIGINS, createClient } = require("../src/api.js");
const { decodePng } = require("./png.js");

const ROOT = path.join(__dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "manifest.json"), "utf8"));

test("manifest v5 for Photoshop 25+, network limited to loopback origins, the same ones src/api.js lists", () => {
  assert.equal(manifest.manifestVersion, 5);
  assert.deepEqual(manifest.host, { app: "PS", minVersion: "25.0.0" });
  // README: another port goes into both lists.
  assert.deepEqual(manifest.requiredPermissions, { network: { domains: MANIFEST_ORIGINS } });
  assert.ok(MANIFEST_ORIGINS.includes("http://127.0.0.1:8765"), "the default URL is granted");
  for (const origin of MANIFEST_ORIGINS) {
    assert.match(origin, /^http:\/\/(127\.0\.0\.1|localhost):\d+$/);
    assert.equal(createClient({ baseUrl: origin, token: "t" }).baseUrl, origin, origin + " is accepted by the client");
  }
  assert.equal(manifest.main, "index.html");
});

test("the panel entrypoint matches main.js's entrypoints.setup and its icons exist at @1x and @2x", () => {
  const panels = manifest.entrypoints.filter((e) => e.type === "panel");
  assert.equal(panels.length, 1);
  const main = fs.readFileSync(path.join(ROOT, "main.js"), "utf8");
  assert.match(main, new RegExp("panels: \\{\\s*" + panels[0].id + ":"));
  const icons = panels[0].icons.concat(manifest.icons);
  const themes = new Set(icons.flatMap((i) => i.theme));
  for (const t of ["darkest", "dark", "medium", "light", "lightest"]) assert.ok(themes.has(t), "an icon for theme " + t);
  for (const icon of icons) {
    for (const scale of icon.scale) {
      const file = path.join(ROOT, icon.path.replace(/\.png$/, "@" + scale + "x.png"));
      const png = decodePng(file);
      assert.equal(png.width, icon.width * scale, file);
      assert.equal(png.height, icon.height * scale, file);
      assert.equal(png.channels, 4, file + " has alpha");
    }
  }
});

test("the .ccx is a zip of the plugin files, identical byte for byte when built twice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-ccx-"));
  try {
    const a = buildCcx(path.join(dir, "a.ccx"));
    buildCcx(path.join(dir, "b.ccx"));
    const bytes = fs.readFileSync(a.outFile);
    assert.ok(bytes.equals(fs.readFileSync(path.join(dir, "b.ccx"))));
    const entries = readStoredZip(bytes);
    const names = entries.map((e) => e.name);
    assert.ok(names.includes("manifest.json") && names.includes("index.html") && names.includes("main.js"));
    assert.ok(entries.every((e) => e.crcOk));
    assert.ok(!names.some((n) => n.startsWith("test/") || n.startsWith("node_modules/") || n.startsWith("scripts/")));
    // Everything main.js and the modules require, and everything index.html links, is inside.
    const required = new Set();
    for (const e of entries.filter((x) => x.name.endsWith(".js"))) {
      const dirName = path.posix.dirname(e.name);
      for (const m of e.data.toString("utf8").matchAll(/require\("(\.[^"]+)"\)/g)) required.add(path.posix.normalize(path.posix.join(dirName, m[1])));
    }
    const html = entries.find((e) => e.name === "index.html").data.toString("utf8");
    for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) required.add(m[1]);
    for (const r of required) assert.ok(names.includes(r), r + " is packaged");
    for (const e of entries) assert.ok(e.data.equals(fs.readFileSync(path.join(ROOT, e.name))), e.name + " stored verbatim");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
