// The B1 glossary of the screens (docs/woordenlijst.md) on screen: on every view, a term of the
// UI (werkruimte, peilmoment, signaalwaarde, tertiaal, trekker, indicator) that the view shows is
// explained there (marked, with its explanation on focus); one word per thing.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";

import { ROOT, VIEWS, appPerSuite, axeViolations, expectHeading, openApp } from "./helpers.mjs";

/** The terms of the table "Vaktermen" in docs/woordenlijst.md, with their explanation. */
function vaktermen() {
  const doc = readFileSync(join(ROOT, "docs", "woordenlijst.md"), "utf8");
  const deel = doc.slice(doc.indexOf("## Vaktermen"), doc.indexOf("## Andere woorden"));
  return deel
    .split("\n")
    .filter((r) => r.startsWith("|"))
    .slice(2)
    .map((r) => r.split("|").map((c) => c.trim()))
    .map(([, woord, uitleg]) => ({ woord, uitleg }));
}

const ALLE = [...VIEWS, { hash: "#/werkruimtes", h1: "Werkruimtes" }, { hash: "#/instellingen", h1: "Instellingen" }];

describe("the terms of the screens are explained where they are used", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));
  const termen = vaktermen();

  test("the glossary has the six terms", () => {
    assert.deepEqual(termen.map((t) => t.woord), ["werkruimte", "peilmoment", "signaalwaarde", "tertiaal", "trekker", "indicator"]);
  });

  for (const view of ALLE) {
    test(`${view.hash}: every term on the page is explained on the page`, async () => {
      const page = app.page;
      await openApp(page, url, view.hash);
      await expectHeading(page, view.h1);
      await page.waitForTimeout(100);
      const { tekst, uitgelegd } = await page.evaluate(() => ({
        tekst: document.querySelector("main").innerText.toLowerCase(),
        uitgelegd: [...document.querySelectorAll("main .begrip")].map((b) => ({
          woord: b.querySelector(".begrip-woord").textContent.toLowerCase(),
          uitleg: b.querySelector(".begrip-uitleg").textContent,
        })),
      }));
      for (const { woord, uitleg } of termen) {
        if (!new RegExp(`(^|[^\\p{L}])${woord}([^\\p{L}]|$)`, "u").test(tekst)) continue;
        const hier = uitgelegd.find((u) => u.woord === woord);
        assert.ok(hier, `${view.hash} uses “${woord}” without explaining it`);
        assert.equal(hier.uitleg, uitleg);
      }
    });
  }

  test("a term's explanation shows on keyboard focus", async () => {
    const page = app.page;
    await openApp(page, url, "#/planning");
    const woord = page.locator("main .begrip-woord", { hasText: "tertiaal" }).first();
    await woord.focus();
    const uitleg = woord.locator("xpath=..").locator(".begrip-uitleg");
    assert.equal(await uitleg.isVisible(), true);
    assert.match(await uitleg.textContent(), /periode van vier maanden/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("one word per thing: Opslaan, Alle jaren, peilmomenten", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken");
    assert.equal((await page.locator("#f-jaar option").first().textContent()).trim(), "Alle jaren");
    await openApp(page, url, "#/instellingen");
    await expectHeading(page, "Instellingen");
    const knoppen = await page.locator("main button").allTextContents();
    assert.ok(knoppen.includes("Opslaan"));
    assert.ok(!knoppen.some((k) => /bewaren/i.test(k)), knoppen.join(" | "));
    await openApp(page, url, "#/peilmomenten");
    await expectHeading(page, "Peilmomenten");
    assert.doesNotMatch(await page.locator("main").innerText(), /eerdere stand|latere stand/i);
  });
});
