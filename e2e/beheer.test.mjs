// Managing data and the glossary: add a term and find it marked in an agreement, edit a party,
// the workspace, themes; add an indicator with a measurement past its signal value and see it on
// the overview; delete and undo; reload and find it all still there. Accessibility of both pages
// with their forms open and with error messages showing.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { axeViolations, openApp, appPerSuite, IK } from "./helpers.mjs";

const TERM = "Instandhoudingstermijn";
const TERM_UITLEG = "De periode waarin een nieuwe sociale huurwoning sociale huur moet blijven.";
const PARTIJ = "Elan Wonen Kennemerland";
const INDICATOR = "Sociale huur met instandhoudingstermijn";

/**
 * Waits until the element with the focus has an id that passes `test` (a string: equal; a
 * RegExp: matches). The app moves the focus once the screen has been updated.
 */
async function waitForFocus(page, test) {
  const [source, flags, exact] = typeof test === "string" ? ["", "", test] : [test.source, test.flags, null];
  await page.waitForFunction(
    ([source, flags, exact]) => {
      const id = document.activeElement?.id ?? "";
      return exact !== null ? id === exact : new RegExp(source, flags).test(id);
    },
    [source, flags, exact],
    { timeout: 5000 },
  );
}

/** Goes to an agreement's detail page through the list, as a user would. */
async function openAfspraak(page, url, code) {
  await openApp(page, url, "#/afspraken");
  await page.locator(`li.afspraak-regel[data-code="${code}"] a`).first().click();
  await page.locator("#afspraak-kop", { hasText: code }).waitFor();
}

async function waitSaved(page) {
  await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
}

describe("glossary and managing data", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the glossary lists both sources of the example, A to Z, with a letter index and search", async () => {
    const page = app.page;
    await openApp(page, url, "#/begrippen");
    await page.locator("main h1", { hasText: "Begrippen" }).waitFor();
    const termen = page.locator("#begrippen-lijst h3");
    await termen.first().waitFor();
    const namen = await termen.allTextContents();
    assert.ok(namen.includes("Aftoppingsgrens"), namen.join(" | "));
    assert.ok(namen.includes("Aftoppingsgrenzen"), namen.join(" | "));
    // Alphabetical, quotes do not count: 'Echte sociale huur' is under E.
    const sleutel = (s) => s.replace(/^[^\p{L}\p{N}]+/u, "").toLowerCase();
    assert.deepEqual(namen.map(sleutel), [...namen.map(sleutel)].sort((a, b) => a.localeCompare(b, "nl")));
    assert.match(await page.locator("#letter-E + ul").textContent(), /Echte sociale huur/);
    // Each term shows its source; the two documents are both there.
    const bron = (term) => page.locator("li.begrip-item", { has: page.locator("h3", { hasText: new RegExp(`^${term}$`) }) }).locator(".begrip-bron");
    assert.match(await bron("Aftoppingsgrens").textContent(), /Prestatieafspraken 2024 t\/m 2027/);
    assert.match(await bron("Aftoppingsgrenzen").textContent(), /Monitor Prestatieafspraken 2024/);
    // The letter index moves the focus to the letter's heading.
    await page.locator('nav.letters a[href="#letter-S"]').click();
    await waitForFocus(page, "letter-S");
    assert.equal(new URL(page.url()).hash, "#/begrippen");
    // Search narrows the list and says how many were found.
    await page.getByLabel("Zoek een begrip").fill("verblijfsvergunning");
    await page.locator("#begrip-aantal", { hasText: "1 van de" }).waitFor();
    assert.deepEqual(await termen.allTextContents(), ["Statushouder"]);
    await page.getByLabel("Zoek een begrip").fill("bestaat-niet");
    await page.locator("#begrip-aantal", { hasText: "Geen begrip gevonden" }).waitFor();
    await page.getByLabel("Zoek een begrip").fill("");
    await page.locator("#begrip-aantal", { hasText: /^\d+ begrippen$/ }).waitFor();
    assert.deepEqual(seen.errors, []);
  });

  test("add a term: it is on the glossary page and marked in the agreement text", async () => {
    const page = app.page;
    await openApp(page, url, "#/begrippen");
    await page.locator("#nieuw-begrip").click();
    const form = page.locator('form[aria-label="Nieuw begrip"]');
    await form.waitFor();
    // The focus is in the first field; an empty form is refused next to the fields.
    await waitForFocus(page, /-term$/);
    await form.getByRole("button", { name: "Opslaan" }).click();
    await form.locator(".veld-fout", { hasText: "Vul het begrip in." }).waitFor();
    await form.locator(".veld-fout", { hasText: "Vul de uitleg in." }).waitFor();
    assert.equal(await form.getByLabel("Begrip (verplicht)", { exact: true }).getAttribute("aria-invalid"), "true");
    await waitForFocus(page, /-term$/);
    assert.deepEqual(await axeViolations(page), []);
    // A term that is already there with the same source is refused.
    await form.getByLabel("Begrip (verplicht)", { exact: true }).fill("statushouder");
    await form.getByLabel("Uitleg (verplicht)", { exact: true }).fill("Dubbel.");
    await form.getByLabel("Bron", { exact: true }).fill("Monitor Prestatieafspraken 2024");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await form.locator(".veld-fout", { hasText: "Dit begrip staat er al" }).waitFor();

    await form.getByLabel("Begrip (verplicht)", { exact: true }).fill(TERM);
    await form.getByLabel("Uitleg (verplicht)", { exact: true }).fill(TERM_UITLEG);
    await form.getByLabel("Bron", { exact: true }).fill("Eigen toelichting");
    await form.getByLabel("Bron", { exact: true }).press("Enter");
    const item = page.locator("li.begrip-item", { has: page.locator("h3", { hasText: TERM }) });
    await item.waitFor();
    assert.match(await item.textContent(), /Eigen toelichting/);
    assert.match(await page.locator("#letter-I + ul").textContent(), new RegExp(TERM));
    // The focus is back on the new term's edit button.
    await waitForFocus(page, /^bewerk-/);

    // K 1.2 says "… kwaliteit en instandhoudingstermijn": the word is marked there.
    await openAfspraak(page, url, "K 1.2");
    const woord = page.locator("section[aria-labelledby=tekst-kop] button.begrip-woord", { hasText: /instandhoudingstermijn/i });
    await woord.waitFor();
    const uitleg = page.locator("#" + (await woord.getAttribute("aria-describedby")));
    assert.equal(await uitleg.textContent(), TERM_UITLEG);
    assert.equal(await uitleg.isVisible(), false);
    // Shown on focus, hidden with Escape, pinned open with Enter.
    await woord.focus();
    await uitleg.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await uitleg.waitFor({ state: "hidden" });
    await page.keyboard.press("Enter");
    await page.locator('button.begrip-woord[aria-expanded="true"]').waitFor();
    await uitleg.waitFor({ state: "visible" });
    assert.deepEqual(await axeViolations(page), []);
    await page.keyboard.press("Escape");
    await page.locator('button.begrip-woord[aria-expanded="true"]').waitFor({ state: "detached" });
    // Shown on hover too, and Escape hides it without moving the pointer (WCAG 1.4.13).
    await page.locator("#afspraak-kop").click();
    await woord.hover();
    await uitleg.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await uitleg.waitFor({ state: "hidden" });
    await page.locator("#afspraak-kop").hover();
    await woord.hover();
    await uitleg.waitFor({ state: "visible" });
    assert.deepEqual(seen.errors, []);
  });

  test("edit a party name: the detail page shows the new name", async () => {
    const page = app.page;
    await openApp(page, url, "#/beheer");
    await page.locator("main h1", { hasText: "Gegevens beheren" }).waitFor();
    await page.getByRole("button", { name: "Bewerken: Elan Wonen", exact: true }).click();
    const form = page.locator('form[aria-label="Partij bewerken"]');
    const naam = form.getByLabel("Naam (verplicht)", { exact: true });
    assert.equal(await naam.inputValue(), "Elan Wonen");
    // Empty, or the name of another party: refused next to the field.
    await naam.fill("");
    await naam.press("Enter");
    await form.locator(".veld-fout", { hasText: "Vul een naam in." }).waitFor();
    await naam.fill("pré wonen");
    await naam.press("Enter");
    await form.locator(".veld-fout", { hasText: "Er is al een partij met deze naam." }).waitFor();
    await naam.fill(PARTIJ);
    await naam.press("Enter");
    await page.locator("#partij-lijst h3", { hasText: PARTIJ }).waitFor();
    await waitForFocus(page, await page.getByRole("button", { name: `Bewerken: ${PARTIJ}` }).getAttribute("id"));

    // K 1.1 is an agreement of gemeente, Elan Wonen and Pré Wonen.
    await openAfspraak(page, url, "K 1.1");
    assert.match(await page.locator("dl.gegevens").textContent(), new RegExp(PARTIJ));
    assert.deepEqual(seen.errors, []);
  });

  test("edit the workspace, add a theme and a subtheme", async () => {
    const page = app.page;
    await openApp(page, url, "#/beheer");
    const wr = page.locator("#werkruimte form");
    await wr.getByLabel("Periode vanaf (jaar)").fill("2028");
    await wr.getByRole("button", { name: "Opslaan" }).click();
    await wr.locator(".veld-fout", { hasText: "Het laatste jaar kan niet vóór het eerste jaar liggen." }).waitFor();
    await wr.getByLabel("Periode vanaf (jaar)").fill("twee");
    await wr.getByRole("button", { name: "Opslaan" }).click();
    await wr.locator(".veld-fout", { hasText: "Vul een jaartal in" }).waitFor();
    await wr.getByLabel("Periode vanaf (jaar)").fill("2024");
    await wr.getByLabel("Titel (verplicht)").fill("Prestatieafspraken Heemstede (bewerkt)");
    await wr.getByRole("button", { name: "Opslaan" }).click();
    await page.locator(".kop-werkruimte", { hasText: "Prestatieafspraken Heemstede (bewerkt)" }).waitFor();
    assert.equal(await wr.locator(".veld-fout").count(), 0);

    await page.locator("#nieuw-thema").click();
    const tf = page.locator('form[aria-label="Nieuw thema"]');
    await tf.getByLabel("Nummer").fill("1");
    await tf.getByLabel("Titel (verplicht)").fill("Dubbel nummer");
    await tf.getByRole("button", { name: "Opslaan" }).click();
    await tf.locator(".veld-fout", { hasText: "Er is al een thema met nummer 1." }).waitFor();
    await tf.getByLabel("Nummer").fill("6");
    await tf.getByLabel("Titel (verplicht)").fill("Wonen en werken");
    await tf.getByLabel("Nationale afspraken").fill("Eerste afspraak\n\nTweede afspraak\n");
    await tf.getByRole("button", { name: "Opslaan" }).click();
    const thema = page.locator("#thema-lijst li", { has: page.locator("h3", { hasText: "6 Wonen en werken" }) });
    await thema.waitFor();
    assert.match(await thema.textContent(), /Nationale afspraken: 2/);

    await page.locator("#nieuw-subthema").click();
    const sf = page.locator('form[aria-label="Nieuw subthema"]');
    await sf.getByRole("button", { name: "Opslaan" }).click();
    await sf.locator(".veld-fout", { hasText: "Kies het thema" }).waitFor();
    await sf.getByLabel("Thema (verplicht)").selectOption({ label: "6 Wonen en werken" });
    await sf.getByLabel("Nummer").fill("6.1");
    await sf.getByLabel("Titel (verplicht)").fill("Huisvesting van werknemers");
    await sf.getByRole("button", { name: "Opslaan" }).click();
    const sub = page.locator("#subthema-lijst li", { has: page.locator("h3", { hasText: "6.1 Huisvesting van werknemers" }) });
    await sub.waitFor();
    assert.match(await sub.textContent(), /Thema: 6 Wonen en werken/);
    assert.deepEqual(seen.errors, []);
  });

  test("add an indicator with a measurement past its signal value: the overview signals it", async () => {
    const page = app.page;
    await openApp(page, url, "#/beheer");
    await page.locator("#nieuwe-indicator").click();
    const form = page.locator('form[aria-label="Nieuwe indicator"]');
    const afspraak = form.getByLabel("Afspraak (verplicht)");
    const k12 = await afspraak.locator("option", { hasText: /^K 1\.2 / }).getAttribute("value");
    await afspraak.selectOption(k12);
    await form.getByLabel("Naam (verplicht)", { exact: true }).fill(INDICATOR);
    await form.getByLabel("Eenheid").fill("%");
    await form.getByLabel("Doel").fill("veel");
    await form.getByLabel("Signaalwaarde").fill("75,5");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await form.locator(".veld-fout", { hasText: "Vul een getal in, bijvoorbeeld 68,5." }).waitFor();
    await waitForFocus(page, /-doel$/);
    await form.getByLabel("Doel").fill("80");
    await form.getByLabel("Richting").selectOption("minimaal");
    await form.getByRole("button", { name: "Opslaan" }).click();
    const ind = page.locator("li.indicator", { has: page.locator("h3", { hasText: INDICATOR }) });
    await ind.waitFor();
    assert.match(await ind.locator("dl").textContent(), /minimaal 80 %/);
    assert.match(await ind.locator("dl").textContent(), /75,5 %/);
    assert.match(await ind.locator("dl").textContent(), /K 1\.2/);

    await ind.getByRole("button", { name: "Meting toevoegen" }).click();
    const mf = ind.locator('form[aria-label="Meting toevoegen"]');
    await mf.getByRole("button", { name: "Opslaan" }).click();
    await mf.locator(".veld-fout", { hasText: "Vul de datum van de meting in." }).waitFor();
    await mf.locator(".veld-fout", { hasText: "Vul de gemeten waarde in." }).waitFor();
    await mf.getByLabel("Datum (verplicht)").fill("2025-01-31");
    await mf.getByLabel("Partij").selectOption({ label: PARTIJ });
    await mf.getByLabel("Waarde (verplicht)").fill("68,5");
    await mf.getByRole("button", { name: "Opslaan" }).click();
    const rij = ind.locator("tbody tr", { hasText: "31-01-2025" });
    await rij.waitFor();
    assert.match(await rij.textContent(), /68,5 %/);
    assert.match(await rij.textContent(), new RegExp(PARTIJ));
    assert.match(await rij.textContent(), /Voorbij de signaalwaarde/);

    await openApp(page, url, "#/");
    const signaal = page.locator("#signalen li", { hasText: INDICATOR });
    await signaal.waitFor();
    assert.match(await signaal.textContent(), /68,5/);
    assert.match(await signaal.textContent(), /K 1\.2/);

    // From the agreement, a link leads to this indicator on the Beheer page.
    await openAfspraak(page, url, "K 1.2");
    await page.getByRole("link", { name: `Indicator en metingen bewerken: ${INDICATOR}` }).click();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("indicator-kop-"));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), INDICATOR);
    assert.match(new URL(page.url()).hash, /^#\/beheer\?indicator=/);
    assert.equal(await page.locator('nav a[href="#/beheer"]').getAttribute("aria-current"), "page");
    assert.deepEqual(seen.errors, []);
  });

  test("delete an item and undo; restore an item deleted earlier", async () => {
    const page = app.page;
    await openApp(page, url, "#/begrippen");
    const statushouder = page.locator("li.begrip-item", { has: page.locator("h3", { hasText: "Statushouder" }) });
    await statushouder.waitFor();
    await page.getByRole("button", { name: "Verwijderen: Statushouder" }).click();
    await statushouder.waitFor({ state: "detached" });
    await page.locator(".ongedaan-balk", { hasText: "„Statushouder” is verwijderd." }).waitFor();
    await waitForFocus(page, "ongedaan-knop");
    await page.keyboard.press("Enter");
    await statushouder.waitFor();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("bewerk-"));
    assert.equal(await page.locator(".ongedaan-balk").count(), 0);

    // A measurement deleted on the Beheer page, put back from "Verwijderde onderdelen".
    await openApp(page, url, "#/beheer");
    const ind = page.locator("li.indicator", { has: page.locator("h3", { hasText: INDICATOR }) });
    await ind.getByRole("button", { name: /^Verwijderen: 31-01-2025/ }).click();
    await ind.locator("tbody tr", { hasText: "31-01-2025" }).waitFor({ state: "detached" });
    const verwijderd = page.locator("#verwijderd");
    await verwijderd.locator("li", { hasText: INDICATOR }).waitFor();
    // The overview no longer signals it.
    await openApp(page, url, "#/");
    await page.locator("main h1", { hasText: "Overzicht" }).waitFor();
    assert.equal(await page.locator("#signalen li", { hasText: INDICATOR }).count(), 0);
    await openApp(page, url, "#/beheer");
    await page.locator("#verwijderd li", { hasText: INDICATOR }).getByRole("button", { name: /^Terugzetten/ }).click();
    await ind.locator("tbody tr", { hasText: "31-01-2025" }).waitFor();

    // Deleting a subtheme and undoing it from the bar.
    await page.getByRole("button", { name: "Verwijderen: 6.1 Huisvesting van werknemers" }).click();
    await page.locator("#ongedaan-knop").click();
    await page.locator("#subthema-lijst h3", { hasText: "6.1 Huisvesting van werknemers" }).waitFor();
    assert.deepEqual(seen.errors, []);
  });

  test("after a reload everything is still there", async () => {
    const page = app.page;
    await waitSaved(page);
    await page.reload();
    await openApp(page, url, "#/begrippen");
    await page.locator("li.begrip-item h3", { hasText: TERM }).waitFor();
    await page.locator("li.begrip-item h3", { hasText: "Statushouder" }).waitFor();
    await openApp(page, url, "#/beheer");
    await page.locator("#partij-lijst h3", { hasText: PARTIJ }).waitFor();
    await page.locator("#thema-lijst h3", { hasText: "6 Wonen en werken" }).waitFor();
    await page.locator("#subthema-lijst h3", { hasText: "6.1 Huisvesting van werknemers" }).waitFor();
    const ind = page.locator("li.indicator", { has: page.locator("h3", { hasText: INDICATOR }) });
    await ind.locator("tbody tr", { hasText: "68,5 %" }).waitFor();
    assert.equal(await page.locator("#werkruimte form").getByLabel("Periode vanaf (jaar)").inputValue(), "2024");
    await openApp(page, url, "#/");
    await page.locator("#signalen li", { hasText: INDICATOR }).waitFor();
    await openAfspraak(page, url, "K 1.2");
    await page.locator("button.begrip-woord", { hasText: /instandhoudingstermijn/i }).waitFor();
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });

  test("no axe violations on the glossary with its forms open", async () => {
    const page = app.page;
    await openApp(page, url, "#/begrippen");
    await page.locator("#begrippen-lijst h3").first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // One form at a time: the edit form of a term, with an error showing …
    await page.getByRole("button", { name: `Bewerken: ${TERM}` }).click();
    const form = page.locator('form[aria-label="Begrip bewerken"]');
    await form.getByLabel("Begrip (verplicht)", { exact: true }).fill("");
    await form.getByRole("button", { name: "Opslaan" }).click();
    await form.locator(".veld-fout").waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // … Cancel returns the focus to its edit button …
    await form.getByRole("button", { name: "Annuleren" }).click();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith("bewerk-"));
    // … and the form for a new term, with a search active.
    await page.locator("#nieuw-begrip").click();
    await page.locator('form[aria-label="Nieuw begrip"]').waitFor();
    await page.getByLabel("Zoek een begrip").fill("doelgroep");
    await page.locator("#begrip-aantal", { hasText: "van de" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel("Zoek een begrip").fill("");
    // Delete → the undo bar is showing.
    await page.getByRole("button", { name: "Verwijderen: Buurtvisie" }).click();
    await page.locator(".ongedaan-balk").waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#ongedaan-knop").click();
  });

  test("no axe violations on the Beheer page with its forms open and errors showing", async () => {
    const page = app.page;
    await openApp(page, url, "#/beheer");
    await page.locator("#partij-lijst h3").first().waitFor();
    assert.deepEqual(await axeViolations(page), []);
    for (const id of ["#nieuwe-partij", "#nieuw-thema", "#nieuw-subthema", "#nieuwe-indicator"]) {
      await page.locator(id).click();
    }
    await page.locator("li.indicator").first().getByRole("button", { name: "Meting toevoegen" }).click();
    for (const label of ["Nieuwe partij", "Nieuw thema", "Nieuw subthema", "Nieuwe indicator", "Meting toevoegen"]) {
      const form = page.locator(`form[aria-label="${label}"]`);
      await form.getByRole("button", { name: "Opslaan" }).click();
      await form.locator(".veld-fout").first().waitFor();
    }
    const ind = page.locator("li.indicator", { has: page.locator("h3", { hasText: INDICATOR }) });
    await ind.getByRole("button", { name: /^Bewerken: 31-01-2025/ }).click();
    await ind.locator('form[aria-label="Meting bewerken"]').waitFor();
    await page.locator("#werkruimte form").getByLabel("Titel (verplicht)").fill("");
    await page.locator("#werkruimte form").getByRole("button", { name: "Opslaan" }).click();
    await page.locator("#werkruimte .veld-fout").waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
  });

  test("the English texts are complete on both pages", async () => {
    const page = app.page;
    await openApp(page, url, "#/instellingen");
    await page.locator("#partij").selectOption({ index: 1 });
    await page.locator("#taal").selectOption("en");
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await openApp(page, url, "#/beheer");
    await page.locator("main h1", { hasText: "Manage data" }).waitFor();
    assert.equal(await page.locator('nav a[href="#/beheer"]').textContent(), "Manage");
    await openApp(page, url, "#/begrippen");
    await page.locator("main h1", { hasText: "Glossary" }).waitFor();
    await page.locator("#begrip-aantal", { hasText: /terms$/ }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
  });
});
