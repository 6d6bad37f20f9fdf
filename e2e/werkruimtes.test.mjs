// Workspaces: create empty, add an example again, rename, duplicate, delete (asks first, can be
// restored), switch; all of it still there after a reload.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { axeViolations, openApp, appPerSuite, IK } from "./helpers.mjs";

const kaarten = (page) => page.locator("#werkruimte-lijst > li");
const kaart = (page, titel) => page.locator("#werkruimte-lijst > li", { has: page.locator("h3", { hasText: titel }) });

describe("workspaces", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the first start has the Heemstede example", async () => {
    await openApp(app.page, url, "#/werkruimtes");
    await kaart(app.page, "Heemstede").first().waitFor();
    assert.equal(await kaarten(app.page).count(), 1);
    assert.deepEqual(await axeViolations(app.page), []);
  });

  test("create an empty workspace; it opens", async () => {
    const page = app.page;
    await openApp(page, url, "#/werkruimtes");
    await page.click("#werkruimte-lijst ~ section button[type=submit]");
    await page.locator("#nieuw-titel-fout").waitFor();
    await page.fill("#nieuw-titel", "Prestatieafspraken Zandvoort 2026");
    await page.press("#nieuw-titel", "Enter");
    await page.locator(".kop-werkruimte", { hasText: "Zandvoort" }).waitFor();
    await openApp(page, url, "#/werkruimtes");
    await kaart(page, "Zandvoort").waitFor();
    assert.equal(await kaarten(page).count(), 2);
  });

  test("rename, duplicate and switch", async () => {
    const page = app.page;
    const z = kaart(page, "Zandvoort");
    await z.getByRole("button", { name: "Naam wijzigen" }).click();
    await z.locator("input[type=text]").fill("Afspraken Zandvoort 2026–2029");
    await z.locator("input[type=text]").press("Enter");
    await kaart(page, "Afspraken Zandvoort 2026–2029").waitFor();
    await kaart(page, "Heemstede").getByRole("button", { name: "Kopie maken" }).click();
    await kaart(page, "(kopie)").waitFor();
    assert.equal(await kaarten(page).count(), 3);
    await kaart(page, "(kopie)").getByRole("button", { name: "Openen" }).click();
    await page.locator(".kop-werkruimte", { hasText: "(kopie)" }).waitFor();
    // The copy has the example's agreements.
    await openApp(page, url, "#/afspraken");
    await page.locator('li.afspraak-regel[data-code="J 1.9"]').first().waitFor();
  });

  test("delete asks first, and can be restored", async () => {
    const page = app.page;
    await openApp(page, url, "#/werkruimtes");
    const z = kaart(page, "Zandvoort");
    await z.getByRole("button", { name: "Verwijderen" }).click();
    const vraag = z.getByRole("alertdialog");
    await vraag.waitFor();
    assert.match(await vraag.textContent(), /Weet u zeker/);
    await vraag.getByRole("button", { name: "Annuleren" }).click();
    assert.equal(await kaarten(page).count(), 3);
    await z.getByRole("button", { name: "Verwijderen" }).click();
    await z.getByRole("button", { name: "Ja, verwijderen" }).click();
    await page.locator("#verwijderd-kop").waitFor();
    assert.equal(await kaarten(page).count(), 2);
    await page.locator("section[aria-labelledby=verwijderd-kop]").getByRole("button", { name: "Herstellen" }).click();
    await kaart(page, "Zandvoort").waitFor();
    assert.equal(await kaarten(page).count(), 3);
  });

  test("an example can always be added again", async () => {
    const page = app.page;
    await page.getByRole("button", { name: /Voorbeeld toevoegen: Heemstede – Woonzorg/ }).click();
    await page.locator(".kop-werkruimte", { hasText: "Woonzorg" }).waitFor();
    await openApp(page, url, "#/werkruimtes");
    assert.equal(await kaarten(page).count(), 4);
  });

  test("after a reload all workspaces are still there", async () => {
    const page = app.page;
    await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
    await page.reload();
    await kaart(page, "Zandvoort").waitFor();
    assert.equal(await kaarten(page).count(), 4);
    assert.deepEqual(await axeViolations(page), []);
  });
});
