#!/usr/bin/env node
// Benchmark (not a test): size of dist/afsprakenmonitor.html and the time from navigation start
// to "app mounted" when it is opened from file:// in headless Chromium.
//
//   node scripts/bench.mjs [runs]        (default 9 runs, at least 7)
//
// Each run uses a fresh browser profile and a fresh copy of the file in a folder with a space.
// "Mounted" is the moment `[data-app-mounted]` appears in the DOM, recorded with a
// MutationObserver as performance.now() (milliseconds since navigation start).

import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";

import { copyToFreshFolder, launch, MOUNTED, requireDistFile, stripHash } from "../e2e/helpers.mjs";

const runs = Math.max(7, Number.parseInt(process.argv[2] ?? "9", 10) || 9);
const file = requireDistFile();
const bytes = statSync(file).size;
const gzipBytes = gzipSync(readFileSync(file), { level: 9 }).length;

// Runs before any script of the page: note the time the mount signal appears.
function recordMount(selector) {
  const found = () => {
    if (window.__amMounted === undefined && document.querySelector(selector)) {
      window.__amMounted = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => {
    if (found()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

const times = [];
for (let i = 0; i < runs; i++) {
  const url = copyToFreshFolder("Afsprakenmonitor bench");
  const app = await launch();
  try {
    await app.context.addInitScript(recordMount, MOUNTED);
    await app.page.goto(stripHash(url) + "#/");
    await app.page.waitForSelector(MOUNTED, { state: "attached" });
    const mounted = await app.page.evaluate(() => window.__amMounted);
    if (typeof mounted !== "number") throw new Error("mount time was not recorded");
    times.push(mounted);
  } finally {
    await app.close();
  }
}

const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
const ms = (v) => `${v.toFixed(1)} ms`;

console.log(`file:          ${file}`);
console.log(`size:          ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
console.log(`size gzip -9:  ${gzipBytes} bytes (${(gzipBytes / 1024).toFixed(1)} KiB)`);
console.log(`mount time:    median ${ms(median)} over ${runs} runs (min ${ms(sorted[0])}, max ${ms(sorted.at(-1))})`);
console.log(`runs:          ${times.map((t) => t.toFixed(1)).join(", ")}`);
