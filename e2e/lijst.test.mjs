// The afspraken list while searching: the list follows every keystroke, the search reaches the
// URL when the user stops typing or leaves the field (so a reload and Back keep it), and rows that
// stay in the list keep their elements (only what changed is drawn again).

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { appPerSuite, openApp } from "./helpers.mjs";

describe("searching the afspraken list", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  test("the search reaches the URL once typing stops, and survives a reload", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken");
    await page.locator("li.afspraak-regel").first().waitFor();
    await page.locator("#zoek").pressSequentially("woonw");
    // The list follows at once.
    await page.locator('section[aria-labelledby=jaar-kop] li.afspraak-regel[data-code="J 2.8"]').waitFor();
    await page.waitForURL(/zoek=woonw/);
    await page.reload();
    await page.locator('section[aria-labelledby=jaar-kop] li.afspraak-regel[data-code="J 2.8"]').waitFor();
    assert.equal(await page.locator("#zoek").inputValue(), "woonw");
    assert.equal(await page.locator("section[aria-labelledby=jaar-kop] li.afspraak-regel").count(), 1);
  });

  test("choosing a result right after typing keeps the search for Back", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken");
    await page.locator("li.afspraak-regel").first().waitFor();
    await page.locator("#zoek").fill("");
    await page.locator("#zoek").pressSequentially("standpl");
    const hit = page.locator('li.afspraak-regel[data-code="J 2.8"] a');
    await hit.waitFor();
    // No pause: the field is left for the result at once.
    await hit.click();
    await page.locator("#afspraak-kop", { hasText: "J 2.8" }).waitFor();
    await page.goBack();
    await page.locator("main h1", { hasText: "Afspraken" }).waitFor();
    assert.match(page.url(), /zoek=standpl/);
    assert.equal(await page.locator("#zoek").inputValue(), "standpl");
    await page.locator('li.afspraak-regel[data-code="J 2.8"]').waitFor();
  });

  test("Back and forward set the search field to what the URL says", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?zoek=woonwagen");
    await page.locator('li.afspraak-regel[data-code="J 2.8"]').waitFor();
    assert.equal(await page.locator("#zoek").inputValue(), "woonwagen");
    await page.locator("#f-status").selectOption("rood");
    await page.waitForURL(/status=rood/);
    await page.goBack();
    await page.waitForURL((u) => !/status=rood/.test(u.toString()));
    assert.equal(await page.locator("#zoek").inputValue(), "woonwagen");
    await page.evaluate(() => (location.hash = "#/afspraken?zoek=lift"));
    await page.waitForFunction(() => document.querySelector("#zoek")?.value === "lift");
  });

  test("rows that stay in the list keep their elements while typing", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken");
    await page.locator("li.afspraak-regel").first().waitFor();
    await page.locator("#zoek").fill("");
    const eerste = page.locator("section[aria-labelledby=jaar-kop] li.afspraak-regel").first();
    await eerste.waitFor();
    const code = await eerste.getAttribute("data-code");
    // Mark the element itself; a row drawn again would be a new element without the mark.
    await eerste.evaluate((li) => (li.dataset.gemerkt = "ja"));
    const titel = (await eerste.locator(".afspraak-titel").textContent()).trim();
    // A letter of its own title: this row stays in the list.
    const letter = titel.replace(/[^a-z]/gi, "").slice(-1).toLowerCase();
    await page.locator("#zoek").pressSequentially(letter);
    // The URL is written after the list was drawn for the typed letter.
    await page.waitForURL(new RegExp(`zoek=${letter}`));
    const zelfde = page.locator(`section[aria-labelledby=jaar-kop] li.afspraak-regel[data-code="${code}"]`);
    await zelfde.waitFor();
    assert.equal(await zelfde.getAttribute("data-gemerkt"), "ja");
  });
});
