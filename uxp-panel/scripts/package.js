// SPDX-License-Identifier: Apache-2.0
// `npm run package`: dist/loupe-panel.ccx, a zip of the plugin files (what Creative Cloud installs on
// double-click and what UXP Developer Tool loads). Same sources → same bytes.
"use strict";

const fs = require("fs");
const path = require("path");
const { zip } = require("./zip.js");

const ROOT = path.join(__dirname, "..");
const FILES = ["manifest.json", "index.html", "main.js", "styles.css"];
const DIRS = [{ dir: "src", ext: ".js" }, { dir: "icons", ext: ".png" }];

function pluginFiles() {
  const names = FILES.slice();
  for (const { dir, ext } of DIRS) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) if (f.endsWith(ext)) names.push(dir + "/" + f);
  }
  return names.sort();
}

function buildCcx(outFile = path.join(ROOT, "dist", "loupe-panel.ccx")) {
  const entries = pluginFiles().map((name) => ({ name, data: fs.readFileSync(path.join(ROOT, name)) }));
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, zip(entries));
  return { outFile, files: entries.map((e) => e.name) };
}

if (require.main === module) {
  const { outFile, files } = buildCcx();
  console.log("wrote " + path.relative(process.cwd(), outFile) + " (" + files.length + " files)");
}

module.exports = { buildCcx, pluginFiles };
