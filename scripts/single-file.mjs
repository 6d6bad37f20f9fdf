#!/usr/bin/env node
// Builds dist/afsprakenmonitor.html: ONE self-contained HTML file that runs from file://.
//
// Runs as Trunk's post_build hook (see Trunk.toml) and only does something for release builds.
// It can also be run by hand on an existing Trunk RELEASE output directory (scripts/run.sh
// serves the development build from target/trunk-dev, so target/trunk keeps the release):
//
//     node scripts/single-file.mjs target/trunk
//
// What it does, starting from the source template index.html:
//   - <link data-trunk rel="css" href=…>   -> <style> with the stylesheet
//   - <link data-trunk rel="icon" href=…>  -> <link rel="icon" href="data:image/svg+xml;base64,…">
//   - <link data-trunk rel="rust" …>       -> a data block with the wasm (gzip + base64), the
//                                            wasm-bindgen "no-modules" glue and a small boot script
//   - a Content-Security-Policy meta tag that forbids every load from outside the file:
//     scripts only by their sha256 hash, WebAssembly compilation allowed, no connections.
//
// Why: browsers block module scripts, fetch() of a .wasm and pushState on file://, so Trunk's
// normal output shows a blank page there. Classic inline scripts and an in-memory wasm work.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync, constants as zlibConstants } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUTPUT = join(ROOT, "dist", "afsprakenmonitor.html");

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

const fromTrunk = Boolean(process.env.TRUNK_STAGING_DIR);
if (fromTrunk && process.env.TRUNK_PROFILE !== "release") {
  console.log("single-file: development build, dist/afsprakenmonitor.html is only made for release builds");
  process.exit(0);
}

const stagingDir = resolve(process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? join(ROOT, "target", "trunk"));
const templatePath = resolve(process.env.TRUNK_HTML_FILE ?? join(ROOT, "index.html"));
const sourceDir = dirname(templatePath);

if (!existsSync(stagingDir)) fail(`no Trunk output in ${stagingDir}; run "trunk build --release" first`);

// ---------- the Trunk artefacts: wasm-bindgen glue (no-modules) and the optimised wasm ----------

const wasmFiles = readdirSync(stagingDir).filter((f) => f.endsWith("_bg.wasm"));
if (wasmFiles.length !== 1) fail(`expected exactly one *_bg.wasm in ${stagingDir}, found: ${wasmFiles.join(", ") || "none"}`);
const wasmName = wasmFiles[0];
const jsName = wasmName.replace(/_bg\.wasm$/, ".js");
if (!existsSync(join(stagingDir, jsName))) fail(`missing wasm-bindgen glue ${jsName} next to ${wasmName}`);

const wasm = readFileSync(join(stagingDir, wasmName));
const glue = readFileSync(join(stagingDir, jsName), "utf8");

if (!/\bwasm_bindgen\b/.test(glue) || /^\s*export\s/m.test(glue) || /import\.meta/.test(glue)) {
  fail(`${jsName} is not wasm-bindgen "no-modules" glue; keep data-bindgen-target="no-modules" in index.html`);
}
if (wasm.subarray(0, 4).toString("latin1") !== "\0asm") fail(`${wasmName} is not a WebAssembly module`);

// ---------- pieces of the page ----------

// Runs after the glue. Decodes the embedded wasm, unpacks it with DecompressionStream and starts
// the app. A Response made from a stream is not a network request: no connect-src needed.
const BOOT = `
(function () {
  "use strict";
  function toonFout(fout) {
    console.error(fout);
    var melding = document.createElement("div");
    melding.setAttribute("role", "alert");
    melding.className = "melding melding-fout";
    melding.textContent = "De Afsprakenmonitor kon niet starten. Open dit bestand in een recente versie van Microsoft Edge, Google Chrome of Mozilla Firefox.";
    document.body.appendChild(melding);
  }
  try {
    var bron = document.getElementById("afsprakenmonitor-wasm");
    var base64 = bron.textContent.replace(/\\s+/g, "");
    bron.remove();
    var bytes;
    if (typeof Uint8Array.fromBase64 === "function") {
      bytes = Uint8Array.fromBase64(base64);
    } else {
      var tekst = atob(base64);
      bytes = new Uint8Array(tekst.length);
      for (var i = 0; i < tekst.length; i++) bytes[i] = tekst.charCodeAt(i);
    }
    var uitgepakt = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    var module = new Response(uitgepakt, { headers: { "Content-Type": "application/wasm" } });
    wasm_bindgen({ module_or_path: module }).catch(toonFout);
  } catch (fout) {
    toonFout(fout);
  }
})();
`;

function sha256(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function assertEmbeddable(text, tag, what) {
  if (new RegExp(`</${tag}`, "i").test(text)) fail(`${what} contains "</${tag}" and cannot be inlined`);
  if (tag === "script" && /<!--/.test(text)) fail(`${what} contains "<!--" and cannot be inlined safely`);
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function readSource(href) {
  const p = resolve(sourceDir, href);
  if (!existsSync(p)) fail(`file not found: ${href}`);
  return readFileSync(p);
}

const wasmGzipBase64 = gzipSync(wasm, { level: zlibConstants.Z_BEST_COMPRESSION }).toString("base64");
// Line breaks every 1000 characters keep the file workable in an editor; the boot script strips them.
const wasmBlock = wasmGzipBase64.replace(/.{1,1000}/g, "$&\n");

assertEmbeddable(glue, "script", jsName);
const scriptHashes = [sha256(glue), sha256(BOOT)];

const csp = [
  "default-src 'none'",
  `script-src ${scriptHashes.join(" ")} 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src 'none'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// ---------- rewrite the template ----------

let html = readFileSync(templatePath, "utf8");
let sawRust = false;

html = html.replace(/<link\b[^>]*\bdata-trunk\b[^>]*>/gi, (tag) => {
  const rel = (attr(tag, "rel") ?? "").toLowerCase();
  const href = attr(tag, "href");
  switch (rel) {
    case "css": {
      const css = readSource(href).toString("utf8");
      assertEmbeddable(css, "style", href);
      return `<style>\n${css}</style>`;
    }
    case "icon": {
      const type = href.endsWith(".svg") ? "image/svg+xml" : href.endsWith(".png") ? "image/png" : "image/x-icon";
      return `<link rel="icon" type="${type}" href="data:${type};base64,${readSource(href).toString("base64")}">`;
    }
    case "rust": {
      sawRust = true;
      return [
        `<script id="afsprakenmonitor-wasm" type="application/octet-stream">\n${wasmBlock}</script>`,
        `<script>${glue}</script>`,
        `<script>${BOOT}</script>`,
      ].join("\n");
    }
    default:
      fail(`unsupported <link data-trunk rel="${rel}"> in ${templatePath}; teach scripts/single-file.mjs to inline it`);
  }
});

if (!sawRust) fail(`no <link data-trunk rel="rust"> in ${templatePath}`);
if (/data-trunk/i.test(html)) fail("a data-trunk element is left that cannot be inlined");

const charset = /<meta\s+charset=["']?utf-8["']?\s*\/?>/i;
if (!charset.test(html)) fail('index.html must start its <head> with <meta charset="utf-8">');
html = html.replace(charset, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);

// ---------- write ----------

mkdirSync(dirname(OUTPUT), { recursive: true });
const tmp = `${OUTPUT}.tmp`;
writeFileSync(tmp, html);
renameSync(tmp, OUTPUT);

const size = statSync(OUTPUT).size;
const gz = gzipSync(readFileSync(OUTPUT)).length;
console.log(`single-file: wrote ${OUTPUT} (${size} bytes, ${gz} bytes gzipped; wasm ${wasm.length} bytes)`);
console.log(`single-file: open ${pathToFileURL(OUTPUT).href}`);
