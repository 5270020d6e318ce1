// SPDX-License-Identifier: Apache-2.0
// Starts the real `./loupe serve` from the repository root on a free port and stops it with SIGTERM.
"use strict";

const fs = require("fs");
const net = require("net");
const path = require("path");
const { spawn } = require("child_process");

const REPO = path.resolve(__dirname, "..", "..");
const SERVER_CLASSES = path.join(REPO, "server", "target", "classes");

function serverBuilt() {
  return fs.existsSync(SERVER_CLASSES) && fs.existsSync(path.join(REPO, "loupe"));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves {url, stop(), output()} once the server prints "Loupe listening on http://127.0.0.1:<port>". */
async function startLoupe({ token, timeoutMs = 540000 }) {
  const port = await freePort();
  const child = spawn(path.join(REPO, "loupe"), ["serve", "--port", String(port), "--token", token], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error("loupe serve did not print 'Loupe listening' within " + timeoutMs / 1000 + " s:\n" + out));
    }, timeoutMs);
    const onData = (d) => {
      out += d;
      const m = /Loupe listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error("loupe serve exited with " + code + " before listening:\n" + out));
    });
  });
  child.removeAllListeners("exit");
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return {
    url,
    output: () => out,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10000);
      await exited;
      clearTimeout(timer);
    },
  };
}

module.exports = { REPO, SERVER_CLASSES, serverBuilt, startLoupe };
