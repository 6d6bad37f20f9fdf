// The main journey as a user does it: choose who you are, find an agreement by search, set it to
// rood with cause and action, add voortgang, record a peilmoment, compare, reload, and find it
// all still there. Done with the keyboard where a user would type.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { axeViolations, openApp, appPerSuite } from "./helpers.mjs";

describe("main journey", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("first start shows the Heemstede example and asks who you are", async () => {
    const page = app.page;
    await openApp(page, url, "#/");
    await page.locator("main h1", { hasText: "Overzicht" }).waitFor();
    assert.match(await page.locator(".kop-werkruimte").textContent(), /Heemstede/);
    // J 1.8 and J 1.9 are rood in the example, with their cause.
    const aandacht = page.locator("#aandacht");
    await aandacht.waitFor();
    assert.match(await aandacht.textContent(), /J 1\.8/);
    assert.match(await aandacht.textContent(), /J 1\.9/);
    assert.match(await aandacht.textContent(), /Rood/);
    await page.locator(".kop-wie-leeg").click();
    await page.locator("#partij").selectOption("Pré Wonen");
    await page.locator("#naam").fill("Sanne de Vries");
    await page.locator("#naam").press("Enter");
    await page.locator(".kop-wie", { hasText: "Sanne de Vries (Pré Wonen)" }).waitFor();
  });

  test("find an agreement by search, set it to rood with cause and action, add voortgang", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken");
    await page.locator("#zoek").fill("woonwagen");
    await page.waitForURL(/zoek=woonwagen/);
    const hit = page.locator('li.afspraak-regel[data-code="J 2.8"] a');
    await hit.waitFor();
    assert.equal(await page.locator("section[aria-labelledby=jaar-kop] li.afspraak-regel").count(), 1);
    await hit.focus();
    await page.keyboard.press("Enter");
    await page.locator("#afspraak-kop", { hasText: "J 2.8" }).waitFor();

    // Rood without cause/action is refused next to the fields.
    await page.locator("#status-rood").check();
    await page.click("#status-opslaan");
    await page.locator("#oorzaak-fout").waitFor();
    await page.locator("#actie-fout").waitFor();
    await page.fill("#oorzaak", "Geen locatie gevonden voor extra standplaatsen.");
    await page.fill("#actie", "Projectgroep zoekt in T2 twee locaties.");
    await page.click("#status-opslaan");
    await page.locator(".samenvatting .status-rood").waitFor();
    await page.fill("#voortgang-tekst", "Gesprek met bewoners gepland.");
    await page.click("#voortgang-toevoegen");
    const entry = page.locator("#voortgang li", { hasText: "Gesprek met bewoners gepland." });
    await entry.waitFor();
    assert.match(await entry.textContent(), /Pré Wonen/);
    // The history says who did what.
    assert.match(await page.locator("#geschiedenis").textContent(), /Sanne de Vries \(Pré Wonen\)/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("link an agreement to parties; an agreement past its signal value is marked in the list", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?zoek=woonwagen");
    await page.locator('li.afspraak-regel[data-code="J 2.8"] a').click();
    await page.getByRole("button", { name: "Thema, partijen en koppelingen bewerken" }).click();
    const partijen = page.locator("#koppel-partijen");
    await partijen.getByLabel("Bewonersraad Elan Wonen").check();
    await page.click("#koppel-opslaan");
    await page.locator("dl.gegevens", { hasText: "Bewonersraad Elan Wonen" }).waitFor();
    await openApp(page, url, "#/afspraken");
    const j19 = page.locator('li.afspraak-regel[data-code="J 1.9"]');
    await j19.locator(".label-signaal").waitFor();
    assert.match(await j19.textContent(), /voorbij de signaalwaarde/);
    assert.equal(await page.locator('li.afspraak-regel[data-code="J 2.4"] .label-signaal').count(), 0);
  });

  test("the filters live in the URL and survive a reload", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?status=rood");
    await page.locator('li.afspraak-regel[data-code="J 2.8"]').waitFor();
    const codes = await page.locator("section[aria-labelledby=jaar-kop] li.afspraak-regel").evaluateAll((els) => els.map((e) => e.dataset.code));
    assert.deepEqual(codes.sort(), ["J 1.8", "J 1.9", "J 2.8"]);
    await page.reload();
    await page.locator('li.afspraak-regel[data-code="J 2.8"]').waitFor();
    assert.equal(await page.locator("#f-status").inputValue(), "rood");
  });

  test("a voortgang entry can be deleted and brought back", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?zoek=woonwagen");
    await page.locator('li.afspraak-regel[data-code="J 2.8"] a').click();
    const entry = page.locator("#voortgang li", { hasText: "Gesprek met bewoners gepland." });
    await entry.getByRole("button", { name: /^Verwijder voortgang van / }).click();
    await entry.waitFor({ state: "detached" });
    const weg = page.locator("#voortgang-verwijderd");
    await weg.getByRole("button", { name: /Ongedaan maken/ }).click();
    await page.locator("#voortgang li", { hasText: "Gesprek met bewoners gepland." }).waitFor();
    assert.equal(await page.locator("#voortgang-verwijderd").count(), 0);
  });

  test("after a reload everything is still there", async () => {
    const page = app.page;
    await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
    await page.reload();
    await openApp(page, url, "#/afspraken?zoek=woonwagen");
    await page.locator('li.afspraak-regel[data-code="J 2.8"] a').click();
    await page.locator(".samenvatting .status-rood").waitFor();
    await page.locator("#voortgang li", { hasText: "Gesprek met bewoners gepland." }).waitFor();
    assert.match(await page.locator(".toelichting").textContent(), /Projectgroep zoekt in T2/);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});
