#!/usr/bin/env node
// Benchmark (not a test): prints a table of medians for the CURRENT build and, side by side in
// the same run, a BASELINE build, with their ratio; TiddlyWiki's empty.html is the outside
// reference for start-up. Every run opens the single file over file:// in headless Chromium.
//
//   node scripts/bench.mjs [options]          (scripts/bench.sh builds the current tree first)
//
//   --runs N            runs per measurement (default 5; the median is printed)
//   --quick             3 runs
//   --only LIST         scenarios, comma-separated: size,start,reopen,large,documenten
//   --baseline REV      baseline = the build of this commit (default: the previous commit that
//                       changed src/, or HEAD's src/ when src/ has uncommitted changes)
//   --baseline-file F   baseline = a saved html file
//   --no-baseline       current build only
//   --current REV       current = the build of this commit instead of dist/afsprakenmonitor.html
//   --current-file F    current = this html file
//   --seed N            seed of the generated large workspace (default 1)
//   --key C             the character typed in the search (default "z"; it must change the count)
//   --json FILE         also write every measured value (default target/bench/laatste.json)
//
// A commit is built (as the last commit up to it that changed src/, Cargo.*, index.html, style/,
// public/ or the build scripts) in a git worktree under target/bench/baseline-<sha>/ with its own
// CARGO_TARGET_DIR (target/bench/target), and the html is cached as
// target/bench/baseline-<sha>.html, so a second run does not build again. One benchmark runs at
// a time (target/bench/bench.lock); a second one waits.
//
// Scenarios (each browser start uses a fresh copy of the file in a folder with a space):
//   size    bytes of the file, and gzipped (-9)
//   start   first start, fresh profile (the app creates the example): DOMContentLoaded, shell
//           ([data-app-mounted]) and data visible (Overzicht h1 and its per-theme counts);
//           TiddlyWiki's empty.html in the same runs, until its story river is in the DOM
//   reopen  the same three times with the example stored (a copy of a profile in which the app
//           started once), then one typed character in the search on #/afspraken until #aantal
//           changed (and two animation frames later), and memory after open
//   large   a workspace of about 50,000 changes (examples/genereer, imported once per build
//           through the app's own Delen page as a new workspace): reopen on #/afspraken until
//           the list shows; one typed character; one status change on a detail page until the
//           header says it is stored, with the main-thread time (DevTools Performance metrics
//           TaskDuration) and long tasks; importing the same workspace from another party
//           with 10,000 new changes: preview shown, applied on screen, applied and stored, and
//           the longest main-thread task during it; memory after open
//
// Times are performance.now() in the page (for start-up: milliseconds since navigation start),
// recorded with MutationObservers. A step that takes longer than 15 s is measured once per
// build (marked "n=1"). No step asserts anything; when a build lacks what a step needs, the
// table shows "—" and the reason is printed below it.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

import { CHROMIUM_ARGS, DIST_FILE, FILE_NAME, freshFolder, launch, MOUNTED, ROOT } from "../e2e/helpers.mjs";

const require = createRequire(import.meta.url);
const BENCH_DIR = join(ROOT, "target", "bench");
mkdirSync(BENCH_DIR, { recursive: true });

// ---------------------------------------------------------------- options

const SCENARIOS = ["size", "start", "reopen", "large", "documenten"];

function parseOptions(argv) {
  const o = { runs: 5, only: SCENARIOS, baseline: undefined, baselineFile: undefined, noBaseline: false, current: undefined, currentFile: undefined, seed: 1, key: "z", json: join(BENCH_DIR, "laatste.json") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--runs") o.runs = Number.parseInt(value(), 10);
    else if (a === "--quick") o.runs = 3;
    else if (a === "--only") o.only = value().split(",").map((s) => s.trim()).filter(Boolean);
    else if (a === "--baseline") o.baseline = value();
    else if (a === "--baseline-file") o.baselineFile = resolve(value());
    else if (a === "--no-baseline") o.noBaseline = true;
    else if (a === "--current") o.current = value();
    else if (a === "--current-file") o.currentFile = resolve(value());
    else if (a === "--seed") o.seed = Number.parseInt(value(), 10);
    else if (a === "--key") o.key = value();
    else if (a === "--json") o.json = resolve(value());
    else if (/^\d+$/.test(a)) o.runs = Number.parseInt(a, 10);
    else throw new Error(`unknown option ${a} (see the comment at the top of scripts/bench.mjs)`);
  }
  if (!(o.runs >= 1)) throw new Error("--runs must be at least 1");
  for (const s of o.only) if (!SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; choose from ${SCENARIOS.join(", ")}`);
  return o;
}

const opts = parseOptions(process.argv.slice(2));
const notes = [];
const note = (text) => {
  notes.push(text);
  console.error(`  note: ${text}`);
};
const log = (text) => console.error(text);

// ---------------------------------------------------------------- builds

const CHILD_ENV = {
  ...process.env,
  PATH: [join(ROOT, "node_modules", ".bin"), join(homedir(), ".cargo", "bin"), process.env.PATH].join(":"),
};

/** What goes into the single file; a commit that changes none of these builds the same file. */
const BUILD_INPUTS = ["src", "Cargo.toml", "Cargo.lock", "index.html", "style", "public", "Trunk.toml", "scripts/single-file.mjs", "scripts/build.sh"];

function git(...args) {
  return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
}

/** The default baseline: the previous commit that changed src/ (HEAD's src/ when it has uncommitted changes). */
function defaultBaselineRev() {
  const dirty = git("status", "--porcelain", "--", "src").length > 0;
  const commits = git("log", "-2", "--format=%H", "--", "src").split("\n").filter(Boolean);
  const rev = dirty ? commits[0] : commits[1];
  if (!rev) throw new Error("no earlier commit changed src/");
  return rev;
}

/**
 * Builds commit `rev` in a worktree with its own target dir and returns the cached html path,
 * or throws with the reason (the last lines of the build log).
 */
function buildRev(rev) {
  const commit = git("rev-parse", "--verify", `${rev}^{commit}`);
  // The last commit (up to `rev`) that changed what goes into the file: commits that only touch
  // docs or tests share its build and its cache.
  const sha = git("log", "-1", "--format=%H", commit, "--", ...BUILD_INPUTS) || commit;
  const short = sha.slice(0, 12);
  const cached = join(BENCH_DIR, `baseline-${short}.html`);
  if (existsSync(cached)) return { file: cached, sha: short };
  const dir = join(BENCH_DIR, `baseline-${short}`);
  const logFile = join(BENCH_DIR, `baseline-${short}.log`);
  log(`building ${short} in ${dir} (log: ${logFile}); this takes several minutes the first time`);
  if (existsSync(dir)) {
    spawnSync("git", ["worktree", "remove", "--force", dir], { cwd: ROOT });
    rmSync(dir, { recursive: true, force: true });
  }
  spawnSync("git", ["worktree", "prune"], { cwd: ROOT });
  git("worktree", "add", "--detach", dir, sha);
  try {
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    const env = { ...CHILD_ENV, CARGO_TARGET_DIR: join(BENCH_DIR, "target"), AFSPRAKENMONITOR_SETUP_DONE: "1" };
    const script = existsSync(join(dir, "scripts", "build.sh")) ? ["bash", ["scripts/build.sh"]] : ["trunk", ["build", "--release"]];
    const r = spawnSync(script[0], script[1], { cwd: dir, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    writeFileSync(logFile, `${r.stdout ?? ""}\n${r.stderr ?? ""}`);
    const out = join(dir, "dist", FILE_NAME);
    if (r.status !== 0 || !existsSync(out)) {
      const tail = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim().split("\n").slice(-6).join(" | ");
      throw new Error(`the build of ${short} failed (exit ${r.status}): ${tail}`);
    }
    cpSync(out, cached);
    return { file: cached, sha: short };
  } finally {
    spawnSync("git", ["worktree", "remove", "--force", dir], { cwd: ROOT });
    rmSync(dir, { recursive: true, force: true });
    spawnSync("git", ["worktree", "prune"], { cwd: ROOT });
  }
}

function resolveBuilds() {
  const builds = [];
  if (opts.currentFile) builds.push({ name: "current", file: opts.currentFile, label: opts.currentFile });
  else if (opts.current) {
    const b = buildRev(opts.current);
    builds.push({ name: "current", file: b.file, label: `commit ${b.sha}` });
  } else {
    if (!existsSync(DIST_FILE)) throw new Error(`${DIST_FILE} does not exist: run scripts/build.sh first (or use --current REV)`);
    // A snapshot, so a rebuild of dist/ during the run does not mix two builds.
    const snapshot = join(BENCH_DIR, "current.html");
    cpSync(DIST_FILE, snapshot);
    builds.push({ name: "current", file: snapshot, label: `dist/afsprakenmonitor.html (working tree, built ${statSync(DIST_FILE).mtime.toISOString().slice(0, 16).replace("T", " ")})` });
  }
  if (opts.noBaseline) return builds;
  if (opts.baselineFile) {
    builds.push({ name: "baseline", file: opts.baselineFile, label: opts.baselineFile });
    return builds;
  }
  let rev;
  try {
    rev = opts.baseline ?? defaultBaselineRev();
    const b = buildRev(rev);
    builds.push({ name: "baseline", file: b.file, label: `commit ${b.sha}${opts.baseline ? "" : " (previous change to src/)"}` });
  } catch (e) {
    note(`no baseline: ${e.message}`);
  }
  return builds;
}

// ---------------------------------------------------------------- inputs: large workspace, TiddlyWiki

/** The generated files (cached under target/bench, made again when the generator is newer). */
function largeFiles(seed) {
  const base = join(BENCH_DIR, `groot-seed${seed}.json`);
  const plus = join(BENCH_DIR, `groot-seed${seed}-plus10000.json`);
  const sources = [join(ROOT, "examples", "genereer", "main.rs"), join(ROOT, "examples", "genereer", "proefdata.rs")].filter(existsSync);
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  const fresh = existsSync(base) && existsSync(plus) && statSync(base).mtimeMs > newest && statSync(plus).mtimeMs > newest;
  if (fresh) return { base, plus };
  log(`generating the large workspace (seed ${seed}) with cargo run --release --example genereer`);
  const r = spawnSync("cargo", ["run", "--quiet", "--release", "--example", "genereer", "--", "--seed", String(seed), "--uit", base, "--uit2", plus, "--extra", "10000"], { cwd: ROOT, env: CHILD_ENV, encoding: "utf8" });
  if (r.status === 0) {
    log(r.stdout.trim());
    return { base, plus };
  }
  if (existsSync(base) && existsSync(plus)) {
    note(`generator did not run (${(r.stderr || "").trim().split("\n").slice(-2).join(" ")}); using the files generated earlier`);
    return { base, plus };
  }
  throw new Error(`the generator failed: ${(r.stderr || "").trim().split("\n").slice(-4).join(" | ")}`);
}

/** TiddlyWiki's empty edition rendered to one html file (cached under target/bench). */
function tiddlywikiFile() {
  const version = require("tiddlywiki/package.json").version;
  const cached = join(BENCH_DIR, `tiddlywiki-${version}-empty.html`);
  if (existsSync(cached)) return { file: cached, version };
  const tw = require.resolve("tiddlywiki/tiddlywiki.js");
  const dir = join(freshFolder("tiddlywiki"), "wiki");
  execFileSync(process.execPath, [tw, dir, "--init", "empty"], { stdio: "ignore" });
  execFileSync(process.execPath, [tw, dir, "--render", "$:/core/save/all", "empty.html", "text/plain"], { stdio: "ignore" });
  cpSync(join(dir, "output", "empty.html"), cached);
  return { file: cached, version };
}

// ---------------------------------------------------------------- browser helpers

const ARGS = [...CHROMIUM_ARGS, "--enable-precise-memory-info"];
const SLOW_MS = 15_000;

/** Copies an html file alone into a fresh folder with a space; returns its file:// URL. */
function copyFresh(file, name = FILE_NAME) {
  const dir = freshFolder("Afsprakenmonitor bench");
  const target = join(dir, name);
  cpSync(file, target);
  return pathToFileURL(target).href;
}

/** A copy of a profile folder (a closed browser's), to start a browser on. */
function copyProfile(template) {
  const dir = join(freshFolder("afsprakenmonitor-profiel"), "p");
  cpSync(template, dir, { recursive: true });
  return dir;
}

/**
 * Runs in the page before its own scripts: notes performance.now() of the first moment each
 * mark's selectors are all present (and the first selector's text contains `text`).
 */
function installMarks(marks) {
  const state = { marks: {} };
  window.__bench = state;
  const check = () => {
    let open = 0;
    for (const m of marks) {
      if (m.name in state.marks) continue;
      const first = document.querySelector(m.all[0]);
      const ok = first && m.all.every((s) => document.querySelector(s)) && (!m.text || first.textContent.includes(m.text));
      if (ok) state.marks[m.name] = performance.now();
      else open++;
    }
    return open === 0;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

const SHELL = { name: "shell", all: [MOUNTED] };
/** The Overzicht with data: its heading and the per-theme counts table with rows. */
const OVERZICHT = { name: "data", all: ["main h1", "#per-thema tbody tr"], text: "Overzicht" };
/** The agreements list with rows and its count. */
const LIJST = { name: "data", all: ["li.afspraak-regel", "#aantal"] };
const RIVER = { name: "data", all: [".tc-story-river"] };

async function waitMark(page, name, timeout = 120_000) {
  await page.waitForFunction((n) => window.__bench && n in window.__bench.marks, name, { timeout, polling: 50 });
}

async function startupTimes(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    // The app's own User Timing marks (am-opslag-open, am-idb, am-gelezen, am-history, am-getoond).
    const app = {};
    for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("am-") && !(m.name in app)) app[m.name] = m.startTime;
    return { dcl: nav ? nav.domContentLoadedEventStart : null, app, ...window.__bench.marks };
  });
}

/** Records the app's start-up marks (builds without them record nothing). */
function recordAppMarks(prefix, build, t) {
  for (const naam of APP_MARKS) if (t.app?.[naam] !== undefined) record(`${prefix}.${naam}`, build, t.app[naam]);
}

const APP_MARKS = ["am-opslag-open", "am-idb", "am-gelezen", "am-history", "am-getoond"];
const IMPORT_MARKS = ["am-import-gelezen", "am-import-gecontroleerd", "am-import-voorbeeld", "am-import-toepassen", "am-import-toegepast"];

/** Waits until the header says everything is stored. */
async function stored(page, timeout = 600_000) {
  await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor({ timeout });
}

/** JS heap after a garbage collection, and the size of the WebAssembly memories. */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const js = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null));
    let wasm = null;
    try {
      const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
      const found = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
      const sum = await cdp.send("Runtime.callFunctionOn", {
        objectId: found.objects.objectId,
        functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }",
        returnByValue: true,
      });
      wasm = sum.result.value;
    } catch {
      wasm = null;
    }
    return { js: js ?? heap.usedSize, wasm };
  } finally {
    await cdp.detach();
  }
}

/** Main-thread task time so far (seconds), from the DevTools Performance domain. */
async function taskClock(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return {
    async read() {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return (metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
    },
    async close() {
      await cdp.detach();
    },
  };
}

/**
 * In the page: types `key` into #zoek (value + input event) and returns the time until #aantal
 * shows another text, and until two animation frames after that.
 */
function typeKey({ key, timeout }) {
  return new Promise((resolve) => {
    const input = document.querySelector("#zoek");
    const aantal = () => document.querySelector("#aantal")?.textContent;
    const before = aantal();
    let klaar = false;
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (klaar || aantal() === before) return;
      klaar = true;
      observer.disconnect();
      const updated = performance.now() - t0;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ updated, frame: performance.now() - t0, before, after: aantal() })));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => {
      if (!klaar) {
        observer.disconnect();
        resolve({ error: `#aantal did not change within ${timeout} ms (still "${before}")` });
      }
    }, timeout);
    input.value += key;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, data: key, inputType: "insertText" }));
  });
}

/**
 * In the page, on a jaarafspraak's detail page: chooses another status without cause/action
 * (groen, or niet beoordeeld when it is groen), saves, and returns the time until the summary
 * shows it, until the header went from "bezig" back to "opgeslagen", and the long tasks.
 */
function changeStatus({ timeout }) {
  return new Promise((resolve) => {
    const huidig = document.querySelector("input[name=status]:checked")?.value;
    const doel = huidig === "groen" ? "niet_beoordeeld" : "groen";
    const toon = `.samenvatting .status-${doel.replace("_", "-")}`;
    const lang = [];
    const po = new PerformanceObserver((l) => lang.push(...l.getEntries()));
    try {
      po.observe({ type: "longtask" });
    } catch {}
    const status = () => document.querySelector(".opslaan-status")?.getAttribute("data-opslaan");
    let bezig = false;
    let shown = null;
    let klaar = false;
    let sync = null;
    const t0 = performance.now();
    const finish = (extra) => {
      klaar = true;
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          lang.push(...po.takeRecords());
          po.disconnect();
          const binnen = lang.filter((e) => e.startTime + e.duration >= t0);
          resolve({ ...extra, longSum: binnen.reduce((s, e) => s + e.duration, 0), longMax: binnen.reduce((s, e) => Math.max(s, e.duration), 0) });
        }),
      );
    };
    const check = () => {
      if (klaar) return;
      const s = status();
      if (s === "bezig") bezig = true;
      if (shown === null && document.querySelector(toon)) shown = performance.now() - t0;
      if (bezig && s === "opgeslagen" && shown !== null) finish({ shown, saved: performance.now() - t0, sync });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    setTimeout(() => {
      if (!klaar) finish({ error: `not stored within ${timeout} ms (header: ${status()}, shown: ${shown !== null})` });
    }, timeout);
    document.querySelector(`#status-${doel}`).click();
    document.querySelector("#status-opslaan").click();
    sync = performance.now() - t0;
    check();
  });
}

/** In the page on #/delen: notes when a file is chosen, when the preview shows, and long tasks. */
function watchImport() {
  const s = { lang: [] };
  window.__import = s;
  s.po = new PerformanceObserver((l) => s.lang.push(...l.getEntries()));
  try {
    s.po.observe({ type: "longtask" });
  } catch {}
  document.addEventListener("change", (e) => {
    if (e.target?.id === "import-bestand" && s.chosen === undefined) s.chosen = performance.now();
  }, true);
  s.observer = new MutationObserver(() => {
    if (s.preview === undefined && document.querySelector("#import-voorbeeld")) s.preview = performance.now();
    if (s.fout === undefined && document.querySelector("#import-fout")) s.fout = document.querySelector("#import-fout").textContent.trim().slice(0, 200);
  });
  s.observer.observe(document.body, { childList: true, subtree: true });
}

/** In the page: applies the previewed import and waits until it is on screen and stored. */
function applyImport({ timeout }) {
  return new Promise((resolve) => {
    const s = window.__import;
    const status = () => document.querySelector(".opslaan-status")?.getAttribute("data-opslaan");
    let bezig = false;
    let applied = null;
    let klaar = false;
    const t0 = performance.now();
    const finish = (extra) => {
      klaar = true;
      observer.disconnect();
      s.observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          s.lang.push(...s.po.takeRecords());
          s.po.disconnect();
          const binnen = s.lang.filter((e) => e.startTime + e.duration >= s.chosen);
          const lange = binnen.map((e) => [Math.round(e.startTime - s.chosen), Math.round(e.duration)]);
          resolve({ ...extra, longMax: binnen.reduce((m, e) => Math.max(m, e.duration), 0), longCount: binnen.length, lange });
        }),
      );
    };
    const check = () => {
      if (klaar) return;
      const st = status();
      if (st === "bezig") bezig = true;
      if (applied === null && document.querySelector("#import-toegepast")) applied = performance.now() - t0;
      if (bezig && st === "opgeslagen" && applied !== null) finish({ applied, stored: performance.now() - t0 });
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    setTimeout(() => {
      if (!klaar) finish({ error: `not applied and stored within ${timeout} ms (header: ${status()})` });
    }, timeout);
    document.querySelector("#import-toepassen").click();
    check();
  });
}

// ---------------------------------------------------------------- results

/** results[metric][build] = [values] */
const results = {};
const record = (metric, build, value) => {
  if (typeof value !== "number" || !Number.isFinite(value)) return;
  ((results[metric] ??= {})[build] ??= []).push(value);
};
/** Steps measured once because they were slow: `${build}:${step}`. */
const slow = new Set();
const skip = (build, step) => slow.has(`${build}:${step}`);
const maybeSlow = (build, step, ms) => {
  if (ms > SLOW_MS) slow.add(`${build}:${step}`);
};
const failed = new Set();
async function step(build, name, fn) {
  try {
    return await fn();
  } catch (e) {
    const key = `${build}:${name}`;
    if (!failed.has(key)) {
      failed.add(key);
      note(`${build}: ${name} not measured: ${String(e.message || e).split("\n")[0].slice(0, 240)}`);
    }
    return undefined;
  }
}

/** Alternates the order of the builds per run, so drift on a noisy machine hits both alike. */
function order(builds, run) {
  return run % 2 === 0 ? builds : [...builds].reverse();
}

// ---------------------------------------------------------------- scenarios

async function scenarioStart(builds, tw) {
  const targets = [...builds, ...(tw ? [{ name: "tiddlywiki", file: tw.file, tw: true }] : [])];
  for (let run = 0; run < opts.runs; run++) {
    for (const b of order(targets, run)) {
      await step(b.name, "first start", async () => {
        const url = copyFresh(b.file, b.tw ? "empty.html" : FILE_NAME);
        const app = await launch({ args: ARGS });
        try {
          await app.context.addInitScript(installMarks, b.tw ? [RIVER] : [SHELL, OVERZICHT]);
          await app.page.goto(b.tw ? url : `${url}#/`);
          await waitMark(app.page, "data");
          const t = await startupTimes(app.page);
          record("start.dcl", b.name, t.dcl);
          record("start.shell", b.name, t.shell);
          record("start.data", b.name, t.data);
        } finally {
          await app.close();
        }
      });
    }
  }
}

/** A profile in which the app started once (the example is stored); one per build. */
async function exampleProfile(b) {
  const url = copyFresh(b.file);
  const app = await launch({ args: ARGS });
  await app.context.addInitScript(installMarks, [SHELL, OVERZICHT]);
  await app.page.goto(`${url}#/`);
  await waitMark(app.page, "data");
  await stored(app.page);
  await app.page.waitForTimeout(3500);
  await app.close({ keepProfile: true });
  return app.profileDir;
}

/** A profile with the example and the large workspace (imported through Delen, now active). */
async function largeProfile(b, file) {
  const url = copyFresh(b.file);
  const app = await launch({ args: ARGS });
  try {
    await app.page.goto(`${url}#/`);
    await app.page.locator(MOUNTED).waitFor({ state: "attached" });
    await app.page.locator("#per-thema").waitFor();
    await stored(app.page);
    await app.page.evaluate(() => (location.hash = "#/delen"));
    await app.page.locator("#import-bestand").waitFor({ state: "attached" });
    await app.page.setInputFiles("#import-bestand", file);
    await app.page.locator("#nieuwe-werkruimte-toevoegen, #import-fout").first().waitFor({ timeout: 600_000 });
    if (await app.page.locator("#import-fout").count()) throw new Error(`import refused: ${(await app.page.locator("#import-fout").textContent()).trim()}`);
    await app.page.click("#nieuwe-werkruimte-toevoegen");
    await app.page.locator(".kop-werkruimte", { hasText: "Proefdata" }).waitFor({ timeout: 600_000 });
    await stored(app.page);
    // The app writes its quick-start copy of an opened workspace 1.5 s after showing it: a user
    // who opened the workspace before has it.
    await app.page.waitForTimeout(5000);
    await app.close({ keepProfile: true });
    return app.profileDir;
  } catch (e) {
    await app.close();
    throw e;
  }
}

async function keystroke(page, metric, build) {
  if (skip(build, metric)) return;
  await page.locator("#zoek").waitFor();
  const r = await page.evaluate(typeKey, { key: opts.key, timeout: 180_000 });
  if (r.error) throw new Error(r.error);
  record(`${metric}.updated`, build, r.updated);
  record(`${metric}.frame`, build, r.frame);
  maybeSlow(build, metric, r.frame);
}

async function scenarioReopen(builds) {
  const templates = {};
  for (let run = 0; run < opts.runs; run++) {
    for (const b of order(builds, run)) {
      await step(b.name, "reopen with the example", async () => {
        templates[b.name] ??= await exampleProfile(b);
        const url = copyFresh(b.file);
        const app = await launch({ args: ARGS, profileDir: copyProfile(templates[b.name]) });
        try {
          await app.context.addInitScript(installMarks, [SHELL, OVERZICHT]);
          await app.page.goto(`${url}#/`);
          await waitMark(app.page, "data");
          const t = await startupTimes(app.page);
          record("reopen.dcl", b.name, t.dcl);
          record("reopen.shell", b.name, t.shell);
          record("reopen.data", b.name, t.data);
          recordAppMarks("reopen", b.name, t);
          await app.page.waitForTimeout(300);
          const m = await step(b.name, "memory (example)", () => memory(app.page));
          record("reopen.js", b.name, m?.js);
          record("reopen.wasm", b.name, m?.wasm);
          await step(b.name, "keystroke (example)", async () => {
            await app.page.evaluate(() => (location.hash = "#/afspraken"));
            await app.page.locator("li.afspraak-regel").first().waitFor();
            await app.page.waitForTimeout(300);
            await keystroke(app.page, "key.example", b.name);
          });
        } finally {
          await app.close();
        }
      });
    }
  }
}

/** Clicks `knop` and resolves with the ms until `melding` names the file (.docx or .xlsx). */
async function documentTijd(page, knop, melding) {
  return page.evaluate(
    ([knop, melding]) =>
      new Promise((resolve, reject) => {
        const klaar = () => /\.(docx|xlsx)\b/.test(document.querySelector(melding)?.textContent ?? "");
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (klaar()) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        document.querySelector(knop).click();
        setTimeout(() => {
          obs.disconnect();
          reject(new Error(`${knop}: no file within 60 s`));
        }, 60_000);
      }),
    [knop, melding],
  );
}

/** The documents of the example: the first .xlsx (the documents module starts on that click),
 * then the Monitor and the concept-raadsinformatiebericht as .docx. */
async function scenarioDocumenten(builds) {
  const templates = {};
  for (let run = 0; run < opts.runs; run++) {
    for (const b of order(builds, run)) {
      await step(b.name, "documents", async () => {
        templates[b.name] ??= await exampleProfile(b);
        const url = copyFresh(b.file);
        const app = await launch({ args: ARGS, profileDir: copyProfile(templates[b.name]) });
        try {
          await app.page.goto(`${url}#/afspraken?jaar=2024`);
          await app.page.locator("li.afspraak-regel").first().waitFor();
          if ((await app.page.locator("#lijst-xlsx").count()) === 0) throw new Error("this build has no Excel download");
          record("doc.xlsx", b.name, await documentTijd(app.page, "#lijst-xlsx", "#lijst-melding"));
          await app.page.evaluate(() => (location.hash = "#/monitor?jaar=2024"));
          await app.page.locator("#monitor-kop").waitFor();
          record("doc.docx", b.name, await documentTijd(app.page, "#monitor-word", "#monitor-melding"));
          if ((await app.page.locator("#monitor-rib").count()) > 0) {
            record("doc.rib", b.name, await documentTijd(app.page, "#monitor-rib", "#monitor-melding"));
          }
        } finally {
          await app.close();
        }
      });
    }
  }
}

async function scenarioLarge(builds) {
  const files = await step("data", "large workspace", async () => largeFiles(opts.seed));
  if (!files) return;
  const sizes = { base: statSync(files.base).size, plus: statSync(files.plus).size };
  const changes = (f) => (readFileSync(f, "utf8").match(/"werkruimte": "/g) || []).length - 1;
  meta.large = { file: files.base, bytes: sizes.base, changes: changes(files.base), plusFile: files.plus, plusBytes: sizes.plus, plusChanges: changes(files.plus) };
  const templates = {};
  for (let run = 0; run < opts.runs; run++) {
    for (const b of order(builds, run)) {
      await step(b.name, "large workspace", async () => {
        if (!(b.name in templates)) {
          log(`  ${b.name}: importing the large workspace once through Delen (profile template)`);
          const t0 = Date.now();
          templates[b.name] = await largeProfile(b, files.base);
          log(`  ${b.name}: template ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        }
        const url = copyFresh(b.file);
        const app = await launch({ args: ARGS, profileDir: copyProfile(templates[b.name]) });
        const page = app.page;
        try {
          await app.context.addInitScript(installMarks, [SHELL, LIJST]);
          await page.goto(`${url}#/afspraken`);
          await waitMark(page, "data", 300_000);
          const t = await startupTimes(page);
          record("large.shell", b.name, t.shell);
          record("large.data", b.name, t.data);
          recordAppMarks("large", b.name, t);
          await page.waitForTimeout(300);
          const m = await step(b.name, "memory (large)", () => memory(page));
          record("large.js", b.name, m?.js);
          record("large.wasm", b.name, m?.wasm);

          await step(b.name, "keystroke (large)", () => keystroke(page, "key.large", b.name));

          await step(b.name, "status change (large)", async () => {
            if (skip(b.name, "status")) return;
            // A user who edits has said who they are (a build that asks first would wait for it).
            await page.evaluate(() => (location.hash = "#/instellingen"));
            const partij = page.locator("#partij");
            await partij.waitFor({ timeout: 60_000 });
            const waarde = await partij.evaluate((s) => [...s.options].map((o) => o.value).find((v) => v));
            if (waarde) {
              await partij.selectOption(waarde);
              await page.locator("#naam").fill("Meting");
              await page.locator("#naam").press("Enter");
              await page.waitForTimeout(300);
            }
            await page.evaluate(() => (location.hash = "#/afspraken"));
            const link = page.locator('li.afspraak-regel[data-code^="J "] a').first();
            await link.waitFor({ timeout: 120_000 });
            const href = await link.getAttribute("href");
            await page.evaluate((h) => (location.hash = h), href);
            await page.locator("#status-opslaan").waitFor({ timeout: 120_000 });
            await stored(page);
            await page.waitForTimeout(300);
            const clock = await taskClock(page);
            try {
              const before = await clock.read();
              const r = await page.evaluate(changeStatus, { timeout: 120_000 });
              const after = await clock.read();
              if (r.error) throw new Error(r.error);
              // The app's own marks of the import's steps, from the moment the file was chosen.
              const fasen = await page.evaluate(() => performance.getEntriesByType("mark").filter((m) => m.name.startsWith("am-import-")).map((m) => [m.name, m.startTime]));
              for (const [naam, t] of fasen) record(`import.${naam}`, b.name, t - pre.chosen);
              record("status.sync", b.name, r.sync);
              record("status.shown", b.name, r.shown);
              record("status.saved", b.name, r.saved);
              record("status.task", b.name, after - before);
              record("status.longsum", b.name, r.longSum);
              maybeSlow(b.name, "status", r.saved);
            } finally {
              await clock.close();
            }
          });

          await step(b.name, "import (large)", async () => {
            if (skip(b.name, "import")) return;
            await page.evaluate(() => (location.hash = "#/delen"));
            await page.locator("#import-bestand").waitFor({ state: "attached", timeout: 120_000 });
            await stored(page);
            await page.waitForTimeout(300);
            const clock = await taskClock(page);
            try {
              const before = await clock.read();
              await page.evaluate(watchImport);
              await page.setInputFiles("#import-bestand", files.plus);
              await page.locator("#import-voorbeeld, #import-fout, #niets-nieuw").first().waitFor({ timeout: 600_000 });
              const pre = await page.evaluate(() => ({ chosen: window.__import.chosen, preview: window.__import.preview, fout: window.__import.fout }));
              if (pre.fout) throw new Error(`import refused: ${pre.fout}`);
              if (pre.preview === undefined) throw new Error("no preview (nothing new?)");
              await page.locator("#import-toepassen").waitFor();
              const r = await page.evaluate(applyImport, { timeout: 600_000 });
              const after = await clock.read();
              if (r.error) throw new Error(r.error);
              // The app's own marks of the import's steps, from the moment the file was chosen.
              const fasen = await page.evaluate(() => performance.getEntriesByType("mark").filter((m) => m.name.startsWith("am-import-")).map((m) => [m.name, m.startTime]));
              for (const [naam, t] of fasen) record(`import.${naam}`, b.name, t - pre.chosen);
              record("import.preview", b.name, pre.preview - pre.chosen);
              record("import.applied", b.name, r.applied);
              record("import.stored", b.name, r.stored);
              record("import.longmax", b.name, r.longMax);
              log(`  ${b.name}: long tasks during the import (ms after choosing the file: duration): ${(r.lange ?? []).map(([t, d]) => `${t}: ${d}`).join(", ")}`);
              record("import.task", b.name, after - before);
              maybeSlow(b.name, "import", pre.preview - pre.chosen + r.stored);
            } finally {
              await clock.close();
            }
          });
        } finally {
          await app.close();
        }
      });
    }
  }
}

// ---------------------------------------------------------------- table

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? undefined : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const group = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const fmt = {
  ms: (v) => (v < 10 ? `${v.toFixed(1)} ms` : `${group(v)} ms`),
  bytes: (v) => `${group(v)}`,
  mb: (v) => `${(v / (1024 * 1024)).toFixed(1)} MB`,
};

const ROWS = [
  ["size", "file size (bytes)", "size.bytes", "bytes"],
  ["size", "file size, gzip -9 (bytes)", "size.gzip", "bytes"],
  ["start", "first start: DOMContentLoaded", "start.dcl", "ms"],
  ["start", "first start: shell ([data-app-mounted])", "start.shell", "ms"],
  ["start", "first start: Overzicht with data", "start.data", "ms"],
  ["reopen", "reopen (example stored): DOMContentLoaded", "reopen.dcl", "ms"],
  ["reopen", "reopen (example stored): shell", "reopen.shell", "ms"],
  ["reopen", "reopen (example stored): Overzicht with data", "reopen.data", "ms"],
  ...APP_MARKS.map((m) => ["reopen", `reopen (example): mark ${m}`, `reopen.${m}`, "ms"]),
  ["reopen", "example: one keystroke → #aantal updated", "key.example.updated", "ms"],
  ["reopen", "example: one keystroke → + 2 frames", "key.example.frame", "ms"],
  ["reopen", "example: JS heap after open (after GC)", "reopen.js", "mb"],
  ["reopen", "example: wasm memory after open", "reopen.wasm", "mb"],
  ["large", "large: reopen #/afspraken → shell", "large.shell", "ms"],
  ["large", "large: reopen #/afspraken → list visible", "large.data", "ms"],
  ...APP_MARKS.map((m) => ["large", `large: mark ${m}`, `large.${m}`, "ms"]),
  ["large", "large: JS heap after open (after GC)", "large.js", "mb"],
  ["large", "large: wasm memory after open", "large.wasm", "mb"],
  ["large", "large: one keystroke → #aantal updated", "key.large.updated", "ms"],
  ["large", "large: one keystroke → + 2 frames", "key.large.frame", "ms"],
  ["large", "large: status change, click handler (sync)", "status.sync", "ms"],
  ["large", "large: status change → shown", "status.shown", "ms"],
  ["large", "large: status change → \"opgeslagen\"", "status.saved", "ms"],
  ["large", "large: status change, main-thread task time", "status.task", "ms"],
  ["large", "large: status change, long tasks (sum)", "status.longsum", "ms"],
  ["large", "large: import +10,000 → preview shown", "import.preview", "ms"],
  ["large", "large: import → applied on screen", "import.applied", "ms"],
  ["large", "large: import → applied and stored", "import.stored", "ms"],
  ...IMPORT_MARKS.map((m) => ["large", `large: import, mark ${m} (from choosing the file)`, `import.${m}`, "ms"]),
  ["large", "large: import, longest main-thread task", "import.longmax", "ms"],
  ["large", "large: import, main-thread task time", "import.task", "ms"],
  ["documenten", "example: first .xlsx of the list (module started by the click)", "doc.xlsx", "ms"],
  ["documenten", "example: then the Monitor as .docx", "doc.docx", "ms"],
  ["documenten", "example: then the concept-raadsinformatiebericht as .docx", "doc.rib", "ms"],
];

function cell(metric, build, unit) {
  const xs = results[metric]?.[build];
  if (!xs?.length) return { text: "—" };
  const m = median(xs);
  const n = xs.length < opts.runs && unit !== "bytes" ? ` (n=${xs.length})` : "";
  return { text: `${fmt[unit](m)}${n}`, value: m };
}

function printTable(builds, tw) {
  const cols = ["measurement", ...builds.map((b) => b.name)];
  if (builds.length > 1) cols.push("current ÷ baseline");
  const rows = [];
  for (const [scenario, label, metric, unit] of ROWS) {
    if (!opts.only.includes(scenario)) continue;
    const cells = builds.map((b) => cell(metric, b.name, unit));
    const row = [label, ...cells.map((c) => c.text)];
    if (builds.length > 1) {
      const [c, base] = cells;
      row.push(c.value !== undefined && base.value ? `${(c.value / base.value).toFixed(2)}×` : "—");
    }
    rows.push(row);
  }
  if (tw && opts.only.includes("start")) {
    const river = cell("start.data", "tiddlywiki", "ms");
    const ratio = (metric, b) => {
      const v = cell(metric, b, "ms").value;
      return v !== undefined && river.value ? `${(v / river.value).toFixed(2)}×` : "—";
    };
    rows.push([`TiddlyWiki ${tw.version} empty.html (${group(tw.bytes)} bytes): first start → story river`, river.text, ...builds.slice(1).map(() => ""), ...(builds.length > 1 ? [""] : [])]);
    rows.push(["first start data ÷ TiddlyWiki", ...builds.map((b) => ratio("start.data", b.name)), ...(builds.length > 1 ? [""] : [])]);
    if (opts.only.includes("reopen")) rows.push(["reopen data ÷ TiddlyWiki", ...builds.map((b) => ratio("reopen.data", b.name)), ...(builds.length > 1 ? [""] : [])]);
  }
  const width = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join(" | ")} |`;
  console.log(line(cols));
  console.log(`|${width.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------- main

/**
 * One benchmark at a time on this machine: two would share the worktrees and the cores (and
 * measure each other). Waits for a running one; a lock of a process that is gone is taken over.
 */
async function lockBench() {
  const lock = join(BENCH_DIR, "bench.lock");
  let told = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      process.on("exit", () => rmSync(lock, { force: true }));
      for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
      return;
    } catch {
      const pid = Number.parseInt(readFileSync(lock, "utf8"), 10);
      let alive = false;
      try {
        alive = Number.isInteger(pid) && pid !== process.pid && process.kill(pid, 0);
      } catch {}
      if (!alive) {
        rmSync(lock, { force: true });
        continue;
      }
      if (!told) log(`another benchmark is running (pid ${pid}); waiting for it to finish`);
      told = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

await lockBench();
const meta = { date: new Date().toISOString(), runs: opts.runs, seed: opts.seed, key: opts.key };
const started = Date.now();
const builds = resolveBuilds();
for (const b of builds) {
  const bytes = readFileSync(b.file);
  record("size.bytes", b.name, bytes.length);
  record("size.gzip", b.name, gzipSync(bytes, { level: 9 }).length);
}
let tw = null;
if (opts.only.includes("start")) {
  tw = await step("tiddlywiki", "render empty.html", async () => tiddlywikiFile());
  if (tw) tw.bytes = statSync(tw.file).size;
}
meta.builds = builds.map((b) => ({ name: b.name, label: b.label, file: b.file }));
log(`builds: ${builds.map((b) => `${b.name} = ${b.label}`).join("; ")}`);
log(`runs per measurement: ${opts.runs}; scenarios: ${opts.only.join(", ")}`);

if (opts.only.includes("start")) {
  log("scenario start (first start, fresh profile) …");
  await scenarioStart(builds, tw);
}
if (opts.only.includes("reopen")) {
  log("scenario reopen (example stored) …");
  await scenarioReopen(builds);
}
if (opts.only.includes("large")) {
  log("scenario large (generated workspace) …");
  await scenarioLarge(builds);
}
if (opts.only.includes("documenten")) {
  log("scenario documenten (Word and Excel of the example) …");
  await scenarioDocumenten(builds);
}

console.log("");
console.log(`Afsprakenmonitor benchmark, ${meta.date}, medians of ${opts.runs} runs, headless Chromium, file://`);
for (const b of builds) console.log(`  ${b.name}: ${b.label}`);
if (meta.large) {
  console.log(`  large workspace: ${group(meta.large.changes)} changes, ${group(meta.large.bytes)} bytes (seed ${opts.seed}); import file ${group(meta.large.plusChanges)} changes, ${group(meta.large.plusBytes)} bytes`);
}
console.log(`  typed character: "${opts.key}"; a step slower than ${SLOW_MS / 1000} s is measured once per build (n=1)`);
console.log("");
printTable(builds, tw);
if (notes.length) {
  console.log("");
  for (const n of notes) console.log(`note: ${n}`);
}
console.log(`\n(${((Date.now() - started) / 60000).toFixed(1)} min)`);
writeFileSync(opts.json, JSON.stringify({ meta, notes, results }, null, 2));
