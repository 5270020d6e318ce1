// SPDX-License-Identifier: Apache-2.0
// index.html rendered in headless Chromium with stubbed sp-* widgets: the main controls exist, Run follows the
// connection state, and a run through main.js → workflow → fake Photoshop fills the result card.
// Screenshots: target/panel.png (after a run) and target/panel-disconnected.png.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const { initScript, ROOT } = require("./browser-harness.js");

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const skip = fs.existsSync(CHROMIUM) ? false : "no " + CHROMIUM + " (apt-get install chromium) — rendered check skipped";
const CONTROLS = ["server-url", "server-token", "connect", "recipe", "protected-layer", "background", "product-mask", "selection-use", "inpainter", "denoise", "fs-radius", "protect-highlights", "protect-shadows", "progress", "run", "cancel"];

let browser = null;

test.before(async () => {
  if (skip) return;
  const { chromium } = require("playwright-core");
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
});

test.after(async () => {
  if (browser) await browser.close();
});

async function openPanel(scenario) {
  const page = await browser.newPage({ viewport: { width: 300, height: 720 }, deviceScaleFactor: 2 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript({ content: initScript(scenario) });
  await page.goto(pathToFileURL(path.join(ROOT, "index.html")).href);
  await page.evaluate(() => window.__fake.uxp.entrypoints.config.panels.loupePanel.show());
  return { page, errors };
}

const isDisabled = (page, id) => page.$eval("#" + id, (el) => el.hasAttribute("disabled"));

test("disconnected: every control is there, Run is disabled, the status says how to start the server", { skip }, async () => {
  const { page, errors } = await openPanel("disconnected");
  await page.waitForFunction(() => /not running/.test(document.getElementById("status-text").textContent));
  for (const id of CONTROLS) assert.ok(await page.$("#" + id), "#" + id + " is present");
  assert.equal(await isDisabled(page, "run"), true);
  assert.equal(await isDisabled(page, "cancel"), true);
  assert.equal(await page.textContent("#status-title"), "Server not running");
  assert.match(await page.textContent("#status-text"), /Loupe server not running at http:\/\/127\.0\.0\.1:8765\. Start it with: \.\/loupe serve/);
  assert.equal(await page.isVisible("#settings"), true, "settings open while not connected");
  fs.mkdirSync(path.join(ROOT, "target"), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, "target", "panel-disconnected.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("connected: Run is enabled; a run adds one history step and shows the fidelity report", { skip }, async () => {
  const { page, errors } = await openPanel("connected");
  await page.waitForFunction(() => /Connected to Loupe 0\.1\.0/.test(document.getElementById("status-text").textContent));
  assert.equal(await isDisabled(page, "run"), false);
  assert.equal(await isDisabled(page, "cancel"), true);
  assert.equal(await page.textContent("#status-title"), "Connected");
  assert.equal(await page.isVisible("#settings"), false, "settings fold away once connected");
  assert.equal(await page.$eval("#protected-layer", (el) => el.shadowRoot.querySelector(".text").textContent), "Active layer");
  assert.equal(await page.$eval("#recipe", (el) => el.shadowRoot.querySelector(".text").textContent), "Pro");
  assert.equal(await isDisabled(page, "protect-highlights"), true, "Pro does not use highlight protection");

  await page.click("#run");
  await page.waitForFunction(() => document.getElementById("result").style.display !== "none");
  assert.equal(await page.textContent("#result-title"), "Loupe Pro: 1 layer added");
  assert.equal(await page.textContent("#result-changed"), "0 (bit-exact)");
  assert.match(await page.textContent("#result-after"), /✓$/);
  assert.equal(await page.textContent("#result-notes"), "background denoised\nfrequency separation added hidden");
  assert.equal(await page.isVisible("#result-notes"), true);
  assert.deepEqual(await page.evaluate(() => window.__fake.fake.historyNames(1)), ["Open", "Loupe Pro"]);
  const pickerText = () => page.$eval("#protected-layer", (el) => el.shadowRoot.querySelector(".text").textContent);
  assert.equal(await pickerText(), "Jewelry", "the next run protects the layer this one protected");
  await page.screenshot({ path: path.join(ROOT, "target", "panel.png"), fullPage: true });

  await page.click("#run");
  await page.waitForFunction(() => window.__fake.fake.historyNames(1).length === 3 && document.getElementById("progress-label").textContent === "Done");
  assert.deepEqual(await page.evaluate(() => window.__fake.fake.tree(1).map((l) => [l.name, l.kind, Boolean(l.allLocked)])), [
    ["Jewelry", "pixel", true], ["Loupe Pro", "group", false], ["Loupe Pro", "group", false], ["Background", "pixel", false],
  ]);

  await page.$eval("#server-token", (el) => {
    el.value = "another-token";
    el.dispatchEvent(new Event("change"));
  });
  assert.equal(await page.textContent("#status-title"), "Not connected", "a new token needs a new handshake");
  assert.equal(await isDisabled(page, "run"), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a handshake answered after the token changed does not connect the panel with the new token", { skip }, async () => {
  const { page, errors } = await openPanel("slow");
  await page.waitForFunction(() => /Connecting/.test(document.getElementById("status-text").textContent));
  await page.$eval("#server-token", (el) => {
    el.value = "another-token";
    el.dispatchEvent(new Event("change"));
  });
  await page.waitForFunction(() => window.__requests.includes("GET /v1/health"));
  await page.waitForTimeout(1500);
  assert.equal(await page.textContent("#status-title"), "Not connected");
  assert.equal(await isDisabled(page, "run"), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Connect checks the token in the field, even one pasted without leaving the field", { skip }, async () => {
  const { page, errors } = await openPanel("connected");
  await page.waitForFunction(() => /Connected/.test(document.getElementById("status-text").textContent));
  await page.click("#toggle-settings");
  await page.$eval("#server-token", (el) => {
    el.value = "pasted-token";
  });
  await page.click("#connect");
  await page.waitForFunction(() => window.__tokens.includes("Bearer pasted-token"));
  assert.equal(await page.textContent("#status-title"), "Connected");
  assert.deepEqual(errors, []);
  await page.close();
});
