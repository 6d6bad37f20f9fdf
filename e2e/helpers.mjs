// Shared helpers for the end-to-end tests (node:test + playwright-core + Debian's chromium).
//
// The tests open the real deliverable, dist/afsprakenmonitor.html, over file:// in headless
// Chromium with a fresh profile, exactly as a user would by double-clicking it on a file share.
//
//   const app = await launch();                      // fresh browser profile
//   const url = copyToFreshFolder();                 // dist file ALONE in a folder with a space
//   const seen = watch(app.page);                    // console errors, page errors, requests
//   await openApp(app.page, url, "#/afspraken");     // navigate and wait until mounted
//   assert.deepEqual(seen.errors, []);
//   assert.deepEqual(seen.foreignRequests(url), []);
//   assert.deepEqual(await axeViolations(app.page), []);
//   await app.close();

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The file under test; `AFSPRAKENMONITOR_DIST` points at another build (such as an older one). */
export const DIST_FILE = process.env.AFSPRAKENMONITOR_DIST || join(ROOT, "dist", "afsprakenmonitor.html");
export const FILE_NAME = "afsprakenmonitor.html";

/** Present once the app has mounted (set by the root <main> of the UI). */
export const MOUNTED = "[data-app-mounted]";

/**
 * Every view of the app: the routing and accessibility tests run over all of them.
 * Add a view here when the UI gets one. `h1` is (the start of) the page heading that view shows.
 */
export const VIEWS = [
  { hash: "#/", h1: "Overzicht" },
  { hash: "#/afspraken", h1: "Afspraken" },
  { hash: "#/planning", h1: "Planning per tertiaal" },
  { hash: "#/nieuw-jaar", h1: "Nieuw jaar voorbereiden" },
  { hash: "#/peilmomenten", h1: "Peilmomenten" },
  { hash: "#/monitor", h1: "Monitor" },
  { hash: "#/overleggen", h1: "Overleggen" },
  { hash: "#/delen", h1: "Delen" },
  { hash: "#/begrippen", h1: "Begrippen" },
  { hash: "#/beheer", h1: "Gegevens beheren" },
  { hash: "#/tabel", h1: "Afspraken uit een tabel" },
  { hash: "#/nieuwe-werkruimte", h1: "Nieuwe werkruimte" },
];

/** The WCAG levels checked with axe-core. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export const CHROMIUM = process.env.CHROMIUM_BIN || "/usr/bin/chromium";

/** Flags for Debian's chromium: headless, as root, and no traffic of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Folders made by these helpers; removed when the process exits. */
const scratch = new Set();
process.on("exit", () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system temp dir whose name contains spaces. */
export function freshFolder(label = "Afsprakenmonitor map met spaties") {
  const dir = mkdtempSync(join(tmpdir(), `${label} `));
  scratch.add(dir);
  return dir;
}

/** Fails with a helpful message when the release file has not been built. */
export function requireDistFile() {
  if (!existsSync(DIST_FILE)) {
    throw new Error(`${DIST_FILE} does not exist: run scripts/build.sh first`);
  }
  return DIST_FILE;
}

/**
 * Copies dist/afsprakenmonitor.html ALONE into a fresh folder with a space in its name.
 * Returns the file:// URL (a string) of the copy.
 */
export function copyToFreshFolder(label) {
  const dir = freshFolder(label);
  const target = join(dir, FILE_NAME);
  cpSync(requireDistFile(), target);
  return pathToFileURL(target).href;
}

/**
 * Launches headless Chromium with a fresh, empty profile. Chromium on file:// shares one
 * localStorage/IndexedDB between all file:// pages, so a fresh profile means fresh storage.
 *
 * Options: any Playwright context option (e.g. { bypassCSP: true }), plus `profileDir` to start
 * again on the profile of an earlier launch (to test what survives a browser restart; close the
 * earlier launch with `close({ keepProfile: true })` first).
 * Returns { context, page, profileDir, close({ keepProfile }) }.
 */
export async function launch({ profileDir: reuse, ...options } = {}) {
  const profileDir = reuse ?? mkdtempSync(join(tmpdir(), "afsprakenmonitor-profiel-"));
  scratch.add(profileDir);
  const context = await chromium.launchPersistentContext(profileDir, contextOptions(options));
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) {
        rmSync(profileDir, { recursive: true, force: true });
        scratch.delete(profileDir);
      }
    },
  };
}

/**
 * Starts recording on `page`: console errors, uncaught page errors, CSP violations and every
 * request. Call before navigating.
 */
export function watch(page) {
  const seen = {
    errors: [],
    requests: [],
    /** Requests to anything other than the file itself (any hash) or data:/blob: URLs. */
    foreignRequests(fileUrl) {
      const own = stripHash(fileUrl);
      return seen.requests.filter(
        (u) => stripHash(u) !== own && !u.startsWith("data:") && !u.startsWith("blob:"),
      );
    },
    /** Forget what was seen so far (e.g. after a deliberate step). */
    clear() {
      seen.errors.length = 0;
      seen.requests.length = 0;
    },
  };
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => seen.errors.push(`pageerror: ${err.message}`));
  page.on("request", (req) => seen.requests.push(req.url()));
  page.on("requestfailed", (req) => {
    // A failed load of anything but the page itself is an error (and a foreign request).
    if (stripHash(req.url()) !== stripHash(page.url())) seen.errors.push(`requestfailed: ${req.url()}`);
  });
  return seen;
}

export function stripHash(url) {
  const i = url.indexOf("#");
  return i === -1 ? url : url.slice(0, i);
}

/** Navigates to fileUrl + hash and waits until the app has mounted. */
export async function openApp(page, fileUrl, hash = "") {
  await page.goto(stripHash(fileUrl) + hash);
  await waitForMount(page);
}

export async function waitForMount(page) {
  await page.waitForSelector(MOUNTED, { state: "attached" });
}

/** The text of the page heading (first h1 inside the main content). */
export async function heading(page) {
  return (await page.locator("main h1").first().textContent())?.trim();
}

/**
 * Waits until the page heading (main h1) starts with `text` (case-sensitive; routes render
 * asynchronously) and returns the full heading text. Fails (times out) when it never does.
 */
export async function expectHeading(page, text) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await page.locator("main h1", { hasText: new RegExp(`^\\s*${escaped}`) }).first().waitFor();
  return heading(page);
}

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core on the current page and returns the violations as short, readable objects.
 * axe is evaluated through the DevTools protocol, which the page's CSP does not block, so the
 * page keeps its real Content-Security-Policy.
 */
export async function axeViolations(page, tags = AXE_TAGS) {
  const loaded = await page.evaluate(() => typeof window.axe === "object");
  if (!loaded) {
    await page.evaluate(AXE_SOURCE);
    if (!(await page.evaluate(() => typeof window.axe === "object"))) throw new Error("axe-core did not load");
  }
  const result = await page.evaluate(
    (runOnly) => window.axe.run(document, { runOnly: { type: "tag", values: runOnly }, resultTypes: ["violations"] }),
    tags,
  );
  if (!Array.isArray(result.violations) || !Array.isArray(result.passes)) throw new Error("axe-core returned no result");
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
}

/**
 * Opens Chromium again on an existing profile folder (restart, or after a crash), with the same
 * flags as `launch`. Returns { context, page }.
 */
export async function reopen(profileDir, options = {}) {
  const context = await chromium.launchPersistentContext(profileDir, contextOptions(options));
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/** The browser and context settings every test uses; `options` may override them. */
function contextOptions(options) {
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    viewport: { width: 1280, height: 800 },
    ...options,
  };
}

/**
 * For a `describe` block: before its tests, a fresh copy of the file in a folder with a space, a
 * browser with a fresh profile, and a watch on its page; after them, the browser is closed.
 * Returns an object whose fields `app`, `url` and `seen` are set before the first test.
 * `{ wie: IK }`: the user says who they are first (an edit asks for it otherwise).
 */
export function appPerSuite({ wie } = {}) {
  const suite = {};
  before(async () => {
    suite.url = copyToFreshFolder();
    suite.app = await launch();
    suite.seen = watch(suite.app.page);
    if (wie) await wieBenIk(suite.app.page, suite.url, wie);
  });
  after(async () => {
    await suite.app?.close();
  });
  return suite;
}

// ---------------------------------------------------------------------------------------------
// Parties exchanging files (delen, conflicten): each helper takes the page and the app's URL.

/** A user of the example: every change is stored under a party and a name. */
export const IK = { partij: "Gemeente Heemstede", naam: "Tess Tester" };

/** Says who the user is, unless the header already knows. */
export async function alsWieOnbekend(page, url, wie = IK) {
  await openApp(page, url, "#/");
  if ((await page.locator(".kop-wie-leeg").count()) > 0) await wieBenIk(page, url, wie);
}

/** Sets who the user is (party and name) on the Instellingen page. */
export async function wieBenIk(page, url, { partij, naam }) {
  await openApp(page, url, "#/instellingen");
  await page.locator("#partij").selectOption(partij);
  await page.locator("#naam").fill(naam);
  await page.locator("#naam").press("Enter");
  await page.locator(".kop-wie", { hasText: `${naam} (${partij})` }).waitFor();
}

/** Waits until the header says everything is stored. */
export async function opgeslagen(page) {
  await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
}

/** Exports from the Delen page into `map`; returns { name, path, json }. */
export async function exporteer(page, url, map, label, soort = "uitwisseling") {
  await opgeslagen(page);
  await openApp(page, url, "#/delen");
  await page.locator("main h1", { hasText: "Delen" }).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(`#export-${soort}`)]);
  const name = download.suggestedFilename();
  const path = join(map, `${label}-${name}`);
  await download.saveAs(path);
  return { name, path, json: JSON.parse(readFileSync(path, "utf8")) };
}
