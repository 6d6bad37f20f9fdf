// Firefox ESR for the end-to-end tests, driven over WebDriver (geckodriver) with a small client
// of our own: no browser download, no extra package. Used by e2e/firefox.test.mjs.
//
//   const ff = await firefox({ profiel });        // geckodriver + headless Firefox ESR
//   await ff.open(url + "#/");                     // navigates and waits for the mount signal
//   await ff.klik("#status-opslaan");
//   await ff.wacht(() => document.querySelector(".status-rood"));
//   await ff.sluit();
//
// Firefox gives every file:// path its own storage only with security.fileuri.strict_origin_policy
// on, which is its default; WebDriver clients turn it off, so it is set to true here explicitly
// (and remote.prefs.recommended=false keeps geckodriver from setting its own preferences).

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);

export const FIREFOX = process.env.FIREFOX_BIN || ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => existsSync(p)) || "firefox-esr";
export const GECKODRIVER = process.env.GECKODRIVER_BIN || [join(process.env.HOME || "/root", ".cargo/bin/geckodriver"), "/usr/local/bin/geckodriver", "/usr/bin/geckodriver"].find((p) => existsSync(p)) || "geckodriver";

/** Whether Firefox and geckodriver are there (scripts/setup.sh installs both). */
export function firefoxAanwezig() {
  return spawnSync(FIREFOX, ["--version"]).status === 0 && spawnSync(GECKODRIVER, ["--version"]).status === 0;
}

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function vrijePoort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** A new empty folder for a Firefox profile (kept when `close({ houdProfiel })`). */
export function nieuwProfiel() {
  return mkdtempSync(join(tmpdir(), "afsprakenmonitor-firefox-"));
}

/**
 * Starts geckodriver and a headless Firefox on `profiel` (a folder; a fresh one by default), with
 * downloads going to `downloads` without asking. Returns the session helpers.
 */
export async function firefox({ profiel = nieuwProfiel(), downloads = mkdtempSync(join(tmpdir(), "afsprakenmonitor-downloads-")) } = {}) {
  const poort = await vrijePoort();
  const driver = spawn(GECKODRIVER, ["--port", String(poort), "--allow-system-access"], { stdio: ["ignore", "ignore", "pipe"] });
  let driverLog = "";
  driver.stderr.on("data", (d) => (driverLog += d));
  const basis = `http://127.0.0.1:${poort}`;
  const vraag = async (methode, pad, body) => {
    const r = await fetch(basis + pad, {
      method: methode,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const j = await r.json();
    if (j.value && j.value.error) {
      const e = new Error(`${methode} ${pad}: ${j.value.error}: ${j.value.message}`);
      e.webdriver = j.value.error;
      throw e;
    }
    return j.value;
  };
  // geckodriver needs a moment to listen.
  for (let i = 0; ; i++) {
    try {
      await vraag("GET", "/status");
      break;
    } catch (e) {
      if (i > 100) throw new Error(`geckodriver did not start: ${e.message}\n${driverLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const sessie = await vraag("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        browserName: "firefox",
        acceptInsecureCerts: false,
        "moz:firefoxOptions": {
          binary: FIREFOX,
          args: ["-headless", "-profile", profiel],
          prefs: {
            "remote.prefs.recommended": false,
            "security.fileuri.strict_origin_policy": true,
            "browser.download.dir": downloads,
            "browser.download.folderList": 2,
            "browser.download.useDownloadDir": true,
            "browser.download.always_ask_before_handling_new_types": false,
            "browser.helperApps.neverAsk.saveToDisk": "application/json",
            "browser.download.alwaysOpenPanel": false,
            "browser.shell.checkDefaultBrowser": false,
            "browser.startup.homepage_override.mstone": "ignore",
            "datareporting.policy.dataSubmissionEnabled": false,
            "toolkit.telemetry.reportingpolicy.firstRun": false,
            "app.update.disabledForTesting": true,
            "network.proxy.type": 0,
          },
        },
        timeouts: { script: 30000, pageLoad: 30000, implicit: 0 },
      },
    },
  });
  const id = sessie.sessionId;
  const s = (pad) => `/session/${id}${pad}`;

  const ff = {
    profiel,
    downloads,
    /** Runs a function in the page (given as a function or its source) with arguments. */
    async js(fn, ...args) {
      const bron = typeof fn === "function" ? `return (${fn}).apply(null, arguments);` : fn;
      return vraag("POST", s("/execute/sync"), { script: bron, args });
    },
    /** As `js`, for a function that returns a promise. */
    async jsAsync(fn, ...args) {
      const bron = `const klaar = arguments[arguments.length - 1];
        Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1)))
          .then((v) => klaar({ ok: v }), (e) => klaar({ fout: String(e && e.stack || e) }));`;
      const r = await vraag("POST", s("/execute/async"), { script: bron, args });
      if (r && r.fout) throw new Error(r.fout);
      return r && r.ok;
    },
    /** Waits until `fn` (run in the page) returns something truthy; returns that. */
    async wacht(fn, { tijd = 20000, wat = String(fn), args = [] } = {}) {
      const eind = Date.now() + tijd;
      let laatste;
      for (;;) {
        try {
          const v = await ff.js(fn, ...args);
          if (v) return v;
        } catch (e) {
          laatste = e;
          if (!/JavaScript error|stale|no such|undefined|null/.test(e.message)) throw e;
        }
        if (Date.now() > eind) throw new Error(`timed out waiting for ${wat}${laatste ? ` (${laatste.message})` : ""}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Navigates to `url` and waits until the app has mounted. */
    async open(url) {
      await vraag("POST", s("/url"), { url });
      await ff.wacht(() => document.querySelector("[data-app-mounted]"), { wat: "the app to mount" });
    },
    /** Reloads the page and waits until the app has mounted again. */
    async herlaad() {
      await vraag("POST", s("/refresh"), {});
      await ff.wacht(() => document.querySelector("[data-app-mounted]"), { wat: "the app to mount" });
    },
    async element(css) {
      await ff.wacht((c) => document.querySelector(c), { args: [css], wat: css });
      const e = await vraag("POST", s("/element"), { using: "css selector", value: css });
      if (!e || !e[ELEMENT]) throw new Error(`element ${css}: ${JSON.stringify(e)}`);
      return e[ELEMENT];
    },
    /** Clicks the element, as a user does (scrolled into view, real pointer events). */
    async klik(css) {
      const e = await ff.element(css);
      await vraag("POST", s(`/element/${e}/click`), {});
    },
    /** Types text into a field (after clearing it). */
    async typ(css, tekst, { wis = true } = {}) {
      const e = await ff.element(css);
      if (wis) await vraag("POST", s(`/element/${e}/clear`), {});
      await vraag("POST", s(`/element/${e}/value`), { text: tekst });
    },
    /** Chooses an option of a <select> by its value, as a user does (change event). */
    async kies(css, waarde) {
      await ff.element(css);
      await ff.js(
        (c, w) => {
          const el = document.querySelector(c);
          el.focus();
          el.value = w;
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        },
        css,
        waarde,
      );
    },
    /** Chooses a file in an <input type="file">. */
    async bestand(css, pad) {
      const e = await ff.element(css);
      await vraag("POST", s(`/element/${e}/value`), { text: pad });
    },
    /** The text of the first element matching `css` ("" when there is none). */
    async tekst(css) {
      return ff.js((c) => document.querySelector(c)?.textContent ?? "", css);
    },
    /** Presses a key (WebDriver key value, e.g. "\uE004" for Tab) as the keyboard does. */
    async toets(waarde) {
      await vraag("POST", s("/actions"), {
        actions: [{ type: "key", id: "toetsenbord", actions: [{ type: "keyDown", value: waarde }, { type: "keyUp", value: waarde }] }],
      });
    },
    /** Sets the size of the window (CSS pixels of the viewport are a little less). */
    async venster(breedte, hoogte) {
      await vraag("POST", s("/window/rect"), { width: breedte, height: hoogte });
    },
    /** A new tab; returns its handle. */
    async nieuwTabblad() {
      const r = await vraag("POST", s("/window/new"), { type: "tab" });
      return r.handle;
    },
    async huidigTabblad() {
      return vraag("GET", s("/window"));
    },
    async naarTabblad(handle) {
      await vraag("POST", s("/window"), { handle });
    },
    /** Runs axe-core in the page (WebDriver scripts are not bound by the page's CSP). */
    async axe(tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) {
      const geladen = await ff.js(() => typeof window.axe === "object");
      if (!geladen) await ff.js(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") + "\nreturn true;");
      const r = await ff.jsAsync(
        (t) => window.axe.run(document, { runOnly: { type: "tag", values: t }, resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }))),
        tags,
      );
      return r;
    },
    /** Ends the session; the profile is removed unless `houdProfiel`. */
    async sluit({ houdProfiel = false } = {}) {
      try {
        await vraag("DELETE", s(""));
      } catch {
        // already gone
      }
      const weg = new Promise((r) => (driver.exitCode !== null ? r() : driver.once("exit", r)));
      driver.kill();
      await weg;
      // The next Firefox on this profile starts only once this one has let go of it.
      for (let i = 0; i < 100 && existsSync(join(profiel, "lock")); i++) await new Promise((r) => setTimeout(r, 100));
      if (!houdProfiel) rmSync(profiel, { recursive: true, force: true });
    },
  };
  return ff;
}
