// Conflicts between parties, through the real UI with two browser profiles (exchange scenarios
// 12, 14 and 15): a delete against another party's voortgang is named as a conflict in both
// directions, the agreement stays in view and marked (list, Overzicht, Planning) until someone
// keeps or deletes it, that choice travels, and a deleted agreement can be restored from Beheer.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { axeViolations, copyToFreshFolder, exporteer as exporteerNaar, freshFolder, launch, openApp, opgeslagen, watch, wieBenIk as wieBenIkOp } from "./helpers.mjs";

const GEMEENTE = { partij: "Gemeente Heemstede", naam: "Gert Jansen" };
const ELAN = { partij: "Elan Wonen", naam: "Eva Elan" };

describe("conflicten: delete against edit, conflicts in sight", () => {
  let url;
  let map;
  let A;
  let B;
  const files = {};

  before(async () => {
    url = copyToFreshFolder();
    map = freshFolder("Afsprakenmonitor conflicten");
    A = await launch();
    B = await launch();
    watch(A.page);
    watch(B.page);
  });

  after(async () => {
    await A?.close();
    await B?.close();
  });

  const wieBenIk = (page, wie) => wieBenIkOp(page, url, wie);
  const exporteer = (page, label) => exporteerNaar(page, url, map, label);

  async function kiesBestand(page, path) {
    await openApp(page, url, "#/delen");
    await page.setInputFiles("#import-bestand", path);
  }

  async function voorbeeld(page) {
    await page.locator("#import-voorbeeld, #import-fout").first().waitFor({ timeout: 30_000 });
    if (await page.locator("#import-fout").count()) assert.fail(await page.locator("#import-fout").textContent());
  }

  async function toepassen(page) {
    await page.click("#import-toepassen");
    await page.locator("#import-toegepast").waitFor();
    await opgeslagen(page);
  }

  async function openAfspraak(page, code) {
    await openApp(page, url, "#/afspraken?jaar=2024");
    await page.locator(`li.afspraak-regel[data-code="${code}"] a`).first().click();
    await page.locator("#afspraak-kop", { hasText: code }).waitFor();
  }

  const regel = (page, code) => page.locator(`li.afspraak-regel[data-code="${code}"]`);

  test("two parties start from the same copy", async () => {
    await wieBenIk(A.page, GEMEENTE);
    await wieBenIk(B.page, ELAN);
    files.a1 = await exporteer(A.page, "a1");
    await kiesBestand(B.page, files.a1.path);
    await B.page.locator("#import-nieuwe-werkruimte").waitFor();
    await B.page.click("#nieuwe-werkruimte-toevoegen");
    await B.page.locator("#melding", { hasText: "toegevoegd en geopend" }).waitFor();
    await opgeslagen(B.page);
  });

  test("A deletes J 3.10 while B adds voortgang to it", async () => {
    await openAfspraak(A.page, "J 3.10");
    await A.page.getByRole("button", { name: "Verwijderen", exact: true }).last().click();
    await A.page.locator("#verwijderd-melding").waitFor();
    await opgeslagen(A.page);
    await openApp(A.page, url, "#/afspraken?jaar=2024");
    assert.equal(await regel(A.page, "J 3.10").count(), 0);

    await openAfspraak(B.page, "J 3.10");
    await B.page.fill("#voortgang-tekst", "Gesprek met de gemeente gepland");
    await B.page.click("#voortgang-toevoegen");
    await B.page.locator("#voortgang li", { hasText: "Gesprek met de gemeente gepland" }).waitFor();
    files.a2 = await exporteer(A.page, "a2");
    files.b2 = await exporteer(B.page, "b2");
    const delete_ = files.a2.json.wijzigingen.find((c) => c.veld === "verwijderd" && c.waarde === true);
    assert.ok(Array.isArray(delete_.gezien) && delete_.gezien.length > 0, "the delete records what it saw");
    assert.equal(files.a2.json.versie, 4);
  });

  test("B imports A's file: the preview names the conflict, and J 3.10 stays in view, marked", async () => {
    const page = B.page;
    await kiesBestand(page, files.a2.path);
    await voorbeeld(page);
    const vc = page.locator("#import-verwijder-conflicten");
    await vc.waitFor();
    const tekst = await vc.textContent();
    assert.match(tekst, /Gemeente Heemstede heeft J 3\.10 verwijderd\./);
    assert.match(tekst, /Elan Wonen heeft er intussen voortgang aan toegevoegd\./);
    // Not shown as a plain change "verwijderd: nee → ja".
    assert.equal(await page.locator('#gewijzigde-velden tr[data-veld="verwijderd"]').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await toepassen(page);

    await openApp(page, url, "#/afspraken?jaar=2024");
    await regel(page, "J 3.10").locator(".label-conflict").waitFor();
    // The filter "met conflict" shows it.
    await openApp(page, url, "#/afspraken?conflict=ja");
    await regel(page, "J 3.10").waitFor();
    assert.equal(await page.locator("#f-conflict").isChecked(), true);
    // The Overzicht counts it and links to the filter.
    await openApp(page, url, "#/");
    assert.match(await page.locator("#conflict-aantal").textContent(), /1 afspraken met een conflict/);
    assert.equal(await page.getAttribute("#conflict-link", "href"), "#/afspraken?conflict=ja");
    // The planning board marks it.
    await openApp(page, url, "#/planning?jaar=2024");
    await page.locator('.planning-kaart[data-code="J 3.10"] .label-conflict').waitFor();
    // The detail page says who did what and offers the choice.
    await openAfspraak(page, "J 3.10");
    const melding = page.locator("#verwijder-conflict");
    await melding.waitFor();
    assert.match(await melding.textContent(), /Gemeente Heemstede heeft J 3\.10 verwijderd/);
    await page.locator("#voortgang li", { hasText: "Gesprek met de gemeente gepland" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });

  test("A imports B's file: the same conflict; A deletes after all, and the choice travels", async () => {
    const page = A.page;
    await kiesBestand(page, files.b2.path);
    await voorbeeld(page);
    const tekst = await page.locator("#import-verwijder-conflicten").textContent();
    assert.match(tekst, /Elan Wonen heeft er intussen voortgang aan toegevoegd/);
    assert.match(await page.locator("#nieuwe-items").textContent(), /J 3\.10/);
    await toepassen(page);
    await openApp(page, url, "#/afspraken?jaar=2024");
    await regel(page, "J 3.10").locator(".label-conflict").waitFor();

    await openAfspraak(page, "J 3.10");
    await page.click("#conflict-verwijderen");
    await page.locator("#verwijder-conflict").waitFor({ state: "detached" });
    await opgeslagen(page);
    await openApp(page, url, "#/afspraken?jaar=2024");
    assert.equal(await regel(page, "J 3.10").count(), 0);
    await openApp(page, url, "#/");
    await page.locator("#conflict-aantal", { hasText: "Geen conflicten" }).waitFor();

    files.a3 = await exporteer(page, "a3");
    await kiesBestand(B.page, files.a3.path);
    await voorbeeld(B.page);
    assert.equal(await B.page.locator("#import-verwijder-conflicten").count(), 0);
    await B.page.locator('#gewijzigde-velden tr[data-veld="verwijderd"]').waitFor();
    await toepassen(B.page);
    await openApp(B.page, url, "#/afspraken?jaar=2024");
    await B.page.locator("#aantal").waitFor();
    assert.equal(await regel(B.page, "J 3.10").count(), 0);
  });

  test("a deleted agreement is listed in Beheer and can be put back", async () => {
    const page = A.page;
    await openApp(page, url, "#/beheer");
    const item = page.locator("#verwijderd li.beheer-item", { hasText: "J 3.10" });
    await item.waitFor();
    assert.match(await item.textContent(), /jaarafspraak/);
    await item.getByRole("button").click();
    await opgeslagen(page);
    await openApp(page, url, "#/afspraken?jaar=2024");
    await regel(page, "J 3.10").waitFor();
    assert.equal(await regel(page, "J 3.10").locator(".label-conflict").count(), 0);
  });

  test("the history lists the current value and explains the order", async () => {
    await openAfspraak(A.page, "J 3.10");
    const tabel = A.page.locator("#geschiedenis");
    await tabel.locator("tr.huidig").first().waitFor();
    assert.match(await A.page.locator("section[aria-labelledby=geschiedenis-kop]").textContent(), /Nieuwste bovenaan/);
  });
});
