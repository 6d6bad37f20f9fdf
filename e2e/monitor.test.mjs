// The Monitor for the raad and the list for Excel, from the Heemstede example: every 2024 row
// in the seed's order with trekker, prioriteit, status and voortgang; printing (A4, no
// navigation, the title with the year above every table); copying as an HTML table; the CSV of
// the afspraken list as filtered. Done with the keyboard where a user would.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";

import { ROOT, appPerSuite, axeViolations, freshFolder, openApp } from "./helpers.mjs";

const jaar2024 = JSON.parse(readFileSync(join(ROOT, "src", "domain", "examples", "heemstede_jaarafspraken_2024.json"), "utf8"));
const SEED = [...jaar2024.jaarafspraken, ...jaar2024.overige_regels];

describe("the Monitor", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("every 2024 row once, in the seed's order, with trekker, prioriteit and voortgang", async () => {
    const page = app.page;
    await openApp(page, url, "#/monitor?jaar=2024");
    await page.locator("#monitor-kop", { hasText: "Monitor prestatieafspraken Heemstede 2024" }).waitFor();
    const rijen = page.locator("#monitor table.monitor-tabel tbody tr");
    const codes = await rijen.evaluateAll((trs) => trs.map((tr) => tr.dataset.code));
    assert.deepEqual(codes, SEED.map((r) => r.code));
    const cellen = await rijen.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.replace(/\s+/g, " ").trim())));
    for (const [i, r] of SEED.entries()) {
      const [, , trekker, prioriteit, status, voortgang] = cellen[i];
      assert.equal(trekker, r.trekker, r.code);
      if (r.prioriteit && r.prioriteit !== "-") assert.equal(prioriteit, r.prioriteit, r.code);
      assert.match(status, /Groen|Geel|Rood|Niet beoordeeld/, r.code);
      const eerste = r.voortgang.split("\n")[0].replace(/^- /, "").trim();
      if (eerste) assert.ok(voortgang.includes(eerste), `${r.code}: ${eerste}`);
    }
    // The counts above the tables add up to the rows, each status with its word.
    const aantallen = await page.locator(".monitor-aantallen li").evaluateAll((lis) => lis.map((li) => Number(li.querySelector(".monitor-aantal").textContent.replace(/\D/g, ""))));
    assert.equal(aantallen.reduce((a, b) => a + b, 0), SEED.length);
    // Rood rows carry oorzaak and actie.
    const j18 = page.locator('tr[data-code="J 1.8"] .kol-status');
    assert.match(await j18.textContent(), /Oorzaak/);
    assert.match(await j18.textContent(), /Actie/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("choosing the year with the keyboard, and a year without rows", async () => {
    const page = app.page;
    await openApp(page, url, "#/monitor?jaar=2024");
    await page.locator("#monitor-jaar").focus();
    await page.locator("#monitor-jaar").selectOption("2025");
    await page.waitForURL(/#\/monitor\?jaar=2025$/);
    await page.locator("#monitor-kop", { hasText: "2025" }).waitFor();
    assert.ok((await page.locator("#monitor tbody tr").count()) > 0);
    assert.equal(await page.locator('#monitor tbody tr[data-code="J 1.1"]').count(), 0);
    assert.equal(await page.title(), "Monitor 2025 – Afsprakenmonitor");
  });

  test("prints as the document: no navigation or buttons, the title with the year above each table", async () => {
    const page = app.page;
    await openApp(page, url, "#/monitor?jaar=2024");
    await page.locator("#monitor-kop").waitFor();
    await page.emulateMedia({ media: "print" });
    try {
      for (const sel of ["nav", "header.kop", "#monitor-afdrukken", "#monitor-jaar", "main > h1"]) {
        assert.equal(await page.locator(sel).first().isVisible(), false, sel);
      }
      const koppen = page.locator("#monitor tr.alleen-afdruk th");
      assert.equal(await koppen.count(), await page.locator("#monitor table").count());
      assert.ok(await koppen.first().isVisible());
      assert.match(await koppen.first().textContent(), /Monitor prestatieafspraken Heemstede 2024 · Stand van \d\d-\d\d-\d{4}/);
      // Table headers repeat on every page; rows are not split.
      assert.equal(await page.locator("#monitor thead").first().evaluate((e) => getComputedStyle(e).display), "table-header-group");
      assert.equal(await page.locator("#monitor tbody tr").first().evaluate((e) => getComputedStyle(e).breakInside), "avoid");
      const pdf = await page.pdf({ preferCSSPageSize: true });
      assert.ok(pdf.length > 10_000);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  test("copies the tables as HTML for Word", async () => {
    const page = app.page;
    await openApp(page, url, "#/monitor?jaar=2024");
    await page.locator("#monitor-kop").waitFor();
    // Records what the page puts on the clipboard (the headless browser has no clipboard to read).
    await page.evaluate(() => {
      window.__klembord = null;
      navigator.clipboard.write = async (items) => {
        const item = items[0];
        window.__klembord = {};
        for (const type of item.types) window.__klembord[type] = await (await item.getType(type)).text();
      };
    });
    await page.locator("#monitor-kopieer").focus();
    await page.keyboard.press("Enter");
    await page.locator("#monitor-melding", { hasText: "op het klembord" }).waitFor();
    const klembord = await page.evaluate(() => window.__klembord);
    assert.ok(klembord["text/html"].includes("<table"));
    assert.equal((klembord["text/html"].match(/<tr><td>/g) ?? []).length, SEED.length);
    assert.ok(klembord["text/html"].includes("<h1>Monitor prestatieafspraken Heemstede 2024</h1>"));
    assert.match(klembord["text/html"], /✗ Rood/);
    assert.match(klembord["text/plain"], /Heemstede 2024/);
  });

  test("the afspraken list as filtered downloads as CSV that Dutch Excel opens", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?jaar=2024&status=rood");
    await page.locator("#aantal", { hasText: "gevonden" }).waitFor();
    const zichtbaar = await page.locator("li.afspraak-regel").evaluateAll((lis) => lis.map((li) => li.dataset.code));
    await page.locator("#lijst-csv").focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    assert.match(download.suggestedFilename(), /^afspraken-heemstede-\d{4}-\d\d-\d\d\.csv$/);
    const pad = join(freshFolder("csv"), download.suggestedFilename());
    await download.saveAs(pad);
    const bytes = readFileSync(pad);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with BOM");
    const tekst = bytes.toString("utf8").slice(1);
    assert.ok(tekst.endsWith("\r\n"));
    const kop = tekst.split("\r\n")[0].split(";");
    assert.deepEqual(kop.slice(0, 3), ["Soort", "Nr.", "Titel"]);
    // One row per agreement shown (a field with a line break is quoted, so split on rows carefully).
    const codes = [...tekst.matchAll(/\r\n(?:Jaarafspraak|Kaderafspraak);([^;]*);/g)].map((m) => m[1]);
    assert.deepEqual(codes, zichtbaar);
    assert.ok(tekst.includes(";Rood;"));
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});
