// Foundation: the single file starts from file://, loads nothing from outside, routes by hash
// and has no WCAG 2.1 A/AA violations that axe-core can find.

import assert from "node:assert/strict";
import { mkdirSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

import {
  VIEWS,
  axeViolations,
  copyToFreshFolder,
  expectHeading,
  freshFolder,
  heading,
  launch,
  MOUNTED,
  openApp,
  watch,
  appPerSuite,
} from "./helpers.mjs";

describe("single file from file://", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the copy lives alone in a folder whose path contains a space", () => {
    const path = fileURLToPath(url);
    assert.match(dirname(path), / /);
    assert.equal(basename(path), "afsprakenmonitor.html");
  });

  test("the app mounts, without errors and without any request but the file itself", async () => {
    await openApp(app.page, url);
    assert.equal(await app.page.locator(MOUNTED).count(), 1);
    assert.equal(await app.page.locator("main#inhoud").count(), 1);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
    const resources = await app.page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => e.name).filter((n) => !/^(data|blob):/.test(n)),
    );
    assert.deepEqual(resources, []);
  });

  test("the page carries a Content-Security-Policy that forbids remote loads", async () => {
    const csp = await app.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.ok(csp, "CSP meta tag missing");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'none'/);
    assert.match(csp, /script-src [^;]*'sha256-/);
    assert.doesNotMatch(csp, /https?:/);
    // The CSP is enforced: a connection attempt from the page is refused.
    const refused = await app.page.evaluate(async () => {
      try {
        await fetch("https://example.invalid/");
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(refused, true);
    seen.clear(); // the refused fetch logs a CSP message on purpose
  });

  test("html has lang=nl and a title", async () => {
    assert.equal(await app.page.getAttribute("html", "lang"), "nl");
    assert.match(await app.page.title(), /Afsprakenmonitor/);
  });

  test("a deep link survives a reload", async () => {
    const view = VIEWS.find((v) => v.hash !== "#/");
    await openApp(app.page, url, view.hash);
    assert.ok((await expectHeading(app.page, view.h1)).startsWith(view.h1));
    await app.page.reload();
    await app.page.waitForSelector(MOUNTED, { state: "attached" });
    assert.ok((await expectHeading(app.page, view.h1)).startsWith(view.h1));
    assert.equal(new URL(app.page.url()).hash, view.hash);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });

  test("back and forward move between views", async () => {
    const [first, second] = VIEWS;
    await openApp(app.page, url, first.hash);
    assert.ok((await expectHeading(app.page, first.h1)).startsWith(first.h1));

    // Follow the menu link, as a user would.
    await app.page.locator(`nav a[href="${second.hash}"]`).click();
    assert.ok((await expectHeading(app.page, second.h1)).startsWith(second.h1));
    assert.equal(new URL(app.page.url()).hash, second.hash);
    assert.equal(await app.page.getAttribute(`nav a[href="${second.hash}"]`, "aria-current"), "page");

    await app.page.goBack();
    assert.ok((await expectHeading(app.page, first.h1)).startsWith(first.h1));
    assert.equal(new URL(app.page.url()).hash, first.hash);

    await app.page.goForward();
    assert.ok((await expectHeading(app.page, second.h1)).startsWith(second.h1));
    assert.equal(new URL(app.page.url()).hash, second.hash);

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });

  test("an unknown route shows a not-found page with a way back", async () => {
    await openApp(app.page, url, "#/bestaat-niet");
    assert.notEqual(await heading(app.page), undefined);
    assert.ok((await app.page.locator('main a[href="#/"]').count()) >= 1);
    assert.deepEqual(seen.errors, []);
  });
});

describe("a copy moved to another folder", () => {
  test("still opens", async () => {
    const firstUrl = copyToFreshFolder("Afsprakenmonitor eerste map");
    const elsewhere = join(freshFolder("Gedeelde schijf"), "Team Wonen", "Monitor 2025");
    mkdirSync(elsewhere, { recursive: true });
    const moved = join(elsewhere, "afsprakenmonitor.html");
    renameSync(fileURLToPath(firstUrl), moved);
    const movedUrl = pathToFileURL(moved).href;

    const app = await launch();
    try {
      const seen = watch(app.page);
      await openApp(app.page, movedUrl, VIEWS[0].hash);
      assert.ok((await expectHeading(app.page, VIEWS[0].h1)).startsWith(VIEWS[0].h1));
      // Chromium keeps the data per browser profile, not per path: no notice about a moved file.
      assert.equal(await app.page.locator("#verplaatst").count(), 0);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.foreignRequests(movedUrl), []);
    } finally {
      await app.close();
    }
  });
});

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  for (const view of VIEWS) {
    test(`no violations on ${view.hash}`, async () => {
      const seen = watch(app.page);
      await openApp(app.page, url, view.hash);
      await expectHeading(app.page, view.h1);
      assert.deepEqual(await axeViolations(app.page), []);
      assert.deepEqual(seen.errors, []);
    });
  }
});

describe("start-up in other browsers", () => {
  test("starts without Uint8Array.fromBase64 (browsers before 2025)", async () => {
    const url = copyToFreshFolder();
    const app = await launch();
    try {
      await app.context.addInitScript(() => {
        delete Uint8Array.fromBase64;
      });
      const seen = watch(app.page);
      await openApp(app.page, url, VIEWS[0].hash);
      assert.ok((await expectHeading(app.page, VIEWS[0].h1)).startsWith(VIEWS[0].h1));
      assert.equal(await app.page.evaluate(() => typeof Uint8Array.fromBase64), "undefined");
      assert.deepEqual(seen.errors, []);
    } finally {
      await app.close();
    }
  });

  test("without DecompressionStream it says so in Dutch instead of showing a blank page", async () => {
    const url = copyToFreshFolder();
    const app = await launch();
    try {
      await app.context.addInitScript(() => {
        delete window.DecompressionStream;
      });
      await app.page.goto(url);
      const alert = app.page.locator('[role="alert"]', { hasText: "kon niet starten" });
      await alert.waitFor();
      assert.match(await alert.textContent(), /Afsprakenmonitor kon niet starten/);
      assert.equal(await app.page.locator(MOUNTED).count(), 0);
    } finally {
      await app.close();
    }
  });
});
