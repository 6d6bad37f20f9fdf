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
//   - <link data-trunk rel="css" href=…>   -> <style> with the stylesheet (minified)
//   - <link data-trunk rel="icon" href=…>  -> <link rel="icon" href="data:image/svg+xml;base64,…">
//   - <link data-trunk rel="rust" …>       -> a data block with the wasm (gzip, see below), the
//                                            wasm-bindgen "no-modules" glue (minified) and a small
//                                            boot script
//   - after them, the documents module (target/documenten, built by scripts/documenten.sh): its
//                                            wasm as a second inert data block (same encoding),
//                                            its glue (which only defines the global
//                                            afsprakenmonitor_documenten) and a loader that
//                                            decodes and starts it on the first call of
//                                            window.afsprakenmonitorDocumenten(), never at start
//   - a Content-Security-Policy meta tag that forbids every load from outside the file:
//     scripts only by their sha256 hash, WebAssembly compilation allowed, no connections.
//
// The wasm is gzipped with zopfli (5 % smaller than zlib's best) and stored as bytes, not base64:
// the page is declared windows-1252, in which every byte is one character, so the data block
// holds the gzip bytes themselves. Only four bytes cannot stand in a <script> data block (NUL and
// CR are changed by the HTML parser, "<" could close it, "=" is the escape): each is written as
// "=" plus the byte + 64. That costs 1.6 % where base64 costs 33 %. Everything else in the page
// is ASCII (esbuild writes escapes; the template and the boot script are checked), so the
// declared encoding changes nothing else. The browser unpacks the gzip natively with
// DecompressionStream.
//
// Why: browsers block module scripts, fetch() of a .wasm and pushState on file://, so Trunk's
// normal output shows a blank page there. Classic inline scripts and an in-memory wasm work.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

import { gzipAsync } from "@gfx/zopfli";
import { transformSync } from "esbuild";

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
const rawGlue = readFileSync(join(stagingDir, jsName), "utf8");

if (!/\bwasm_bindgen\b/.test(rawGlue) || /^\s*export\s/m.test(rawGlue) || /import\.meta/.test(rawGlue)) {
  fail(`${jsName} is not wasm-bindgen "no-modules" glue; keep data-bindgen-target="no-modules" in index.html`);
}
if (wasm.subarray(0, 4).toString("latin1") !== "\0asm") fail(`${wasmName} is not a WebAssembly module`);
// Minified as a classic script: its top-level `wasm_bindgen` stays the global the boot script calls.
const glue = transformSync(rawGlue, { loader: "js", minify: true, charset: "ascii", legalComments: "none" }).code;
if (!/\bwasm_bindgen\b/.test(glue)) fail("the minified glue lost its global wasm_bindgen");

// ---------- the documents module: target/documenten, built by scripts/documenten.sh ----------

const DOCUMENTEN_MAP = join(ROOT, "target", "documenten");
const DOCUMENTEN_GLOBAL = "afsprakenmonitor_documenten";
for (const f of ["documenten.js", "documenten_bg.wasm"]) {
  if (!existsSync(join(DOCUMENTEN_MAP, f))) fail(`missing ${join(DOCUMENTEN_MAP, f)}; build with scripts/build.sh (it runs scripts/documenten.sh first)`);
}
const documentenWasm = readFileSync(join(DOCUMENTEN_MAP, "documenten_bg.wasm"));
if (documentenWasm.subarray(0, 4).toString("latin1") !== "\0asm") fail("documenten_bg.wasm is not a WebAssembly module");
const documentenGlue = transformSync(readFileSync(join(DOCUMENTEN_MAP, "documenten.js"), "utf8"), { loader: "js", minify: true, charset: "ascii", legalComments: "none" }).code;
if (!new RegExp(`\\b${DOCUMENTEN_GLOBAL}\\b`).test(documentenGlue) || /^\s*export\s/m.test(documentenGlue)) {
  fail(`target/documenten/documenten.js is not no-modules glue with the global ${DOCUMENTEN_GLOBAL}`);
}

// ---------- pieces of the page ----------

// Reads the bytes of a data block (see alsTekst); shared by the boot script and the loader of the
// documents module.
const DECODEER = `
  function leesBlok(tekst) {
    // windows-1252 gives bytes 0x80-0x9F other characters; every other byte is its own code.
    var byte = new Uint8Array(0x2123);
    for (var b = 0; b < 256; b++) byte[b] = b;
    var cp1252 = [0x20AC, 0x80, 0x201A, 0x82, 0x0192, 0x83, 0x201E, 0x84, 0x2026, 0x85, 0x2020, 0x86, 0x2021, 0x87,
      0x02C6, 0x88, 0x2030, 0x89, 0x0160, 0x8A, 0x2039, 0x8B, 0x0152, 0x8C, 0x017D, 0x8E, 0x2018, 0x91, 0x2019, 0x92,
      0x201C, 0x93, 0x201D, 0x94, 0x2022, 0x95, 0x2013, 0x96, 0x2014, 0x97, 0x02DC, 0x98, 0x2122, 0x99, 0x0161, 0x9A,
      0x203A, 0x9B, 0x0153, 0x9C, 0x017E, 0x9E, 0x0178, 0x9F];
    for (var k = 0; k < cp1252.length; k += 2) byte[cp1252[k]] = cp1252[k + 1];
    // The block starts and ends with a line break that is not part of the data.
    var bytes = new Uint8Array(tekst.length);
    var n = 0;
    for (var i = 1, eind = tekst.length - 1; i < eind; i++) {
      var c = tekst.charCodeAt(i);
      bytes[n++] = c === 61 ? tekst.charCodeAt(++i) - 64 : byte[c];
    }
    return bytes.subarray(0, n);
  }
`;

// Runs after the glue. Decodes the embedded wasm, unpacks it with DecompressionStream and starts
// the app. A Response made from a stream is not a network request: no connect-src needed.
const BOOT = `
(function () {
  "use strict";
${DECODEER}  function toonFout(fout) {
    console.error(fout);
    var melding = document.createElement("div");
    melding.setAttribute("role", "alert");
    melding.className = "melding melding-fout";
    melding.textContent = "De Afsprakenmonitor kon niet starten. Open dit bestand in een recente versie van Microsoft Edge, Google Chrome of Mozilla Firefox.";
    document.body.appendChild(melding);
  }
  try {
    var bron = document.getElementById("afsprakenmonitor-wasm");
    var tekst = bron.textContent;
    bron.remove();
    var bytes = leesBlok(tekst);
    var uitgepakt = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    var module = new Response(uitgepakt, { headers: { "Content-Type": "application/wasm" } });
    wasm_bindgen({ module_or_path: module }).catch(toonFout);
  } catch (fout) {
    toonFout(fout);
  }
})();
`;

// Defines window.afsprakenmonitorDocumenten(): on its first call it decodes the documents module's
// data block, unpacks and starts it, and resolves to the module's exports (schrijf_docx,
// schrijf_xlsx); later calls get the same promise. Nothing of it runs at start-up. After a
// failure the next call tries again.
const LADER = `
(function () {
  "use strict";
${DECODEER}  var bezig = null;
  function start() {
    var bron = document.getElementById("afsprakenmonitor-documenten-wasm");
    if (!bron) return Promise.reject(new Error("documenten: geen module in dit bestand"));
    var uitgepakt = new Blob([leesBlok(bron.textContent)]).stream().pipeThrough(new DecompressionStream("gzip"));
    var module = new Response(uitgepakt, { headers: { "Content-Type": "application/wasm" } });
    return ${DOCUMENTEN_GLOBAL}({ module_or_path: module }).then(function () {
      bron.remove();
      return ${DOCUMENTEN_GLOBAL};
    });
  }
  window.afsprakenmonitorDocumenten = function () {
    if (!bezig) {
      try {
        bezig = start();
      } catch (fout) {
        bezig = Promise.reject(fout);
      }
      bezig.catch(function () { bezig = null; });
    }
    return bezig;
  };
})();
`;

/** Where the wasm bytes go in the page. */
const WASM_PLEK = "@@WASM@@";
/** Where the documents module's wasm bytes go. */
const DOCUMENTEN_PLEK = "@@DOCUMENTEN@@";

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

/** Bytes as windows-1252 text for a <script> data block: NUL, CR, "<" and "=" become "=" + (byte + 64). */
function alsTekst(bytes) {
  const ESCAPE = new Set([0x00, 0x0d, 0x3c, 0x3d]);
  const uit = Buffer.alloc(bytes.length * 2);
  let n = 0;
  for (const b of bytes) {
    if (ESCAPE.has(b)) {
      uit[n++] = 0x3d;
      uit[n++] = b + 64;
    } else {
      uit[n++] = b;
    }
  }
  return uit.subarray(0, n);
}

const wasmGzip = Buffer.from(await gzipAsync(wasm, { numiterations: 5 }));
const wasmBlock = alsTekst(wasmGzip);
const documentenGzip = Buffer.from(await gzipAsync(documentenWasm, { numiterations: 5 }));
const documentenBlock = alsTekst(documentenGzip);

assertEmbeddable(glue, "script", jsName);
assertEmbeddable(documentenGlue, "script", "documenten.js");
const scriptHashes = [sha256(glue), sha256(BOOT), sha256(documentenGlue), sha256(LADER)];

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
      const css = transformSync(readSource(href).toString("utf8"), { loader: "css", minify: true, charset: "ascii" }).code;
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
        `<script id="afsprakenmonitor-wasm" type="application/octet-stream">\n${WASM_PLEK}\n</script>`,
        `<script>${glue}</script>`,
        `<script>${BOOT}</script>`,
        // The documents module after the app's boot script: the app starts before the parser
        // reaches this block.
        `<script id="afsprakenmonitor-documenten-wasm" type="application/octet-stream">\n${DOCUMENTEN_PLEK}\n</script>`,
        `<script>${documentenGlue}</script>`,
        `<script>${LADER}</script>`,
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
html = html.replace(charset, `<meta charset="windows-1252">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
// Text outside the data block must mean the same in windows-1252 as in UTF-8: ASCII only.
html = html.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
const plek = html.indexOf(WASM_PLEK);
const documentenPlek = html.indexOf(DOCUMENTEN_PLEK);
if (plek < 0 || documentenPlek < plek) fail("the data blocks are not in the page in their order");
if ([glue, BOOT, documentenGlue, LADER].some((js) => /[^\x00-\x7f]/.test(js))) fail("a script is not ASCII");

// ---------- write ----------

mkdirSync(dirname(OUTPUT), { recursive: true });
const tmp = `${OUTPUT}.tmp`;
writeFileSync(
  tmp,
  Buffer.concat([
    Buffer.from(html.slice(0, plek), "latin1"),
    wasmBlock,
    Buffer.from(html.slice(plek + WASM_PLEK.length, documentenPlek), "latin1"),
    documentenBlock,
    Buffer.from(html.slice(documentenPlek + DOCUMENTEN_PLEK.length), "latin1"),
  ]),
);
renameSync(tmp, OUTPUT);

const size = statSync(OUTPUT).size;
const gz = gzipSync(readFileSync(OUTPUT)).length;
console.log(`single-file: wrote ${OUTPUT} (${size} bytes, ${gz} bytes gzipped; wasm ${wasm.length} bytes, ${wasmGzip.length} gzipped; documents module ${documentenWasm.length} bytes, ${documentenGzip.length} gzipped)`);
console.log(`single-file: open ${pathToFileURL(OUTPUT).href}`);
