// The year cycle as a gemeente runs it on the Heemstede example: prepare 2025 from 2024 (choices,
// preview, apply, undo, done twice makes nothing twice), see each agreement's line through the
// years on its detail page and a kaderafspraak per year, record a 2025 voorjaar peilmoment,
// write voortgang afterwards with its own date and round, edit and remove notes with their
// history, and read older files and older stored data. axe-core on every new view.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";

import { ROOT, appPerSuite, axeViolations, openApp, opgeslagen, wieBenIk } from "./helpers.mjs";

const GEMEENTE = { partij: "Gemeente Heemstede", naam: "Gert Jansen" };
const VOORBEELDEN = join(ROOT, "src", "domain", "examples");

/** The codes of the 2024 jaarafspraken of the example, monitor rows included. */
function codes2024() {
  const j = JSON.parse(readFileSync(join(VOORBEELDEN, "heemstede_jaarafspraken_2024.json"), "utf8"));
  return [...j.jaarafspraken, ...j.overige_regels].map((r) => r.code);
}

const regel = (page, code) => page.locator(`fieldset.nj-regel[data-code="${code}"]`);

/** The codes of the jaarafspraken of a year in the list. */
async function codesVan(page, url, jaar) {
  await openApp(page, url, `#/afspraken?jaar=${jaar}`);
  await page.locator("section[aria-labelledby=jaar-kop] li.afspraak-regel").first().waitFor();
  return page.locator("section[aria-labelledby=jaar-kop] li.afspraak-regel").evaluateAll((els) => els.map((e) => e.dataset.code));
}

async function openAfspraak(page, url, code, jaar) {
  await openApp(page, url, `#/afspraken?jaar=${jaar}`);
  await page.locator(`li.afspraak-regel[data-code="${code}"] a`).first().click();
  await page.locator("#afspraak-kop", { hasText: code }).waitFor();
}

describe("nieuw jaar voorbereiden: 2024 → 2025 in the example", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("every 2024 jaarafspraak is listed with its status; unfinished ones are proposed to continue", async () => {
    const page = app.page;
    await wieBenIk(page, url, GEMEENTE);
    // The example's sources link no 2024 jaarafspraak to a kaderafspraak; the user links J 2.6
    // to K 2.7 (both "Ouder worden & prettig wonen").
    await openAfspraak(page, url, "J 2.6", 2024);
    await page.getByRole("button", { name: "Thema, partijen en koppelingen bewerken" }).click();
    await page.locator("#koppel-kaders").getByLabel(/^K 2\.7 /).check();
    await page.click("#koppel-opslaan");
    await page.locator("dl.gegevens", { hasText: "K 2.7" }).waitFor();
    await openApp(page, url, "#/planning");
    await page.locator("#nieuw-jaar-link").click();
    await page.locator("main h1", { hasText: "Nieuw jaar voorbereiden" }).waitFor();
    // 2025 is proposed: the first year not prepared yet.
    assert.equal(await page.locator("#nj-jaar").inputValue(), "2025");
    await page.locator("#nj-afspraken-kop", { hasText: "Van 2024 naar 2025" }).waitFor();
    const codes = await page.locator("fieldset.nj-regel").evaluateAll((els) => els.map((e) => e.dataset.code));
    assert.deepEqual([...codes].sort(), [...codes2024()].sort());
    // J 1.8 is rood, the rest niet beoordeeld: all proposed to continue.
    assert.match(await regel(page, "J 1.8").textContent(), /Rood/);
    assert.equal(await page.locator('fieldset.nj-regel input[value="voortzetten"]:checked').count(), codes.length);
    // The RIB's own J 4.5 of 2025 means something else: carrying 2024's J 4.5 is flagged.
    assert.match(await page.locator("#nj-waarschuwingen").textContent(), /J 4\.5/);
    assert.match(await page.locator("#nj-aantal").textContent(), new RegExp(`Er komen ${codes.length} jaarafspraken bij voor 2025`));
    assert.deepEqual(await axeViolations(page), []);
  });

  test("choices: afgerond, anders with a new title, a prioriteit, one from a kaderafspraak; the preview follows", async () => {
    const page = app.page;
    const n = codes2024().length;
    // 2024's J 4.5 (Werkgroep Duurzaamheid) is done.
    await regel(page, "J 4.5").locator('input[value="afgerond"]').check();
    assert.equal(await page.locator("#nj-waarschuwingen").count(), 0);
    // J 2.2 goes on with another title.
    await regel(page, "J 2.2").locator('input[value="anders"]').check();
    const titel = regel(page, "J 2.2").locator('input[id^="anders-titel-"]');
    await titel.fill("Korte lijntjes met de regio");
    await titel.press("Tab");
    // J 1.8 gets T2.
    await regel(page, "J 1.8").locator('select[id^="prio-"]').selectOption("T2");
    // A new jaarafspraak from K 2.9 (Wmo-overleg).
    const k29 = page.locator('#nj-kader li[data-code="K 2.9"]');
    await k29.locator('input[type="checkbox"]').check();
    await k29.locator('input[id^="kader-code-"]').fill("J 2.9");
    await k29.locator('input[id^="kader-code-"]').press("Tab");
    await page.locator("#nj-aantal", { hasText: `Er komen ${n} jaarafspraken bij voor 2025` }).waitFor();
    const delen = await page.locator("#nj-delen").textContent();
    assert.match(delen, new RegExp(`${n - 2} voortgezet`));
    assert.match(delen, /1 voortgezet met een andere code, titel of tekst/);
    assert.match(delen, /1 nieuw uit een kaderafspraak/);
    assert.match(delen, /1 afgerond/);
    await page.locator("#nj-nieuw summary").click();
    await page.locator("#nj-nieuw li").first().waitFor();
    const lijst = await page.locator("#nj-nieuw").textContent();
    assert.match(lijst, /J 2\.2 Korte lijntjes met de regio — vervolg op J 2\.2 Korte lijntjes \(2024\)/);
    assert.match(lijst, /J 1\.8 .* prioriteit T2/);
    assert.match(lijst, /J 2\.9 Wmo-overleg — uit K 2\.9/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("apply makes the year; undo takes it back in one step; applying again makes the same", async () => {
    const page = app.page;
    const n = codes2024().length;
    await page.click("#nj-toepassen");
    await page.locator("#nj-klaar-kop", { hasText: `${n} jaarafspraken voor 2025 gemaakt` }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "nj-klaar-kop");
    await opgeslagen(page);
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#nj-ongedaan").click();
    await page.locator("#nj-ongedaan-klaar", { hasText: "ongedaan gemaakt" }).waitFor();
    await opgeslagen(page);
    assert.equal((await codesVan(page, url, 2025)).length, 5, "only the RIB's 2025 plans are left");
    // The choices again, applied again.
    await openApp(page, url, "#/nieuw-jaar?jaar=2025");
    await regel(page, "J 4.5").locator('input[value="afgerond"]').check();
    await regel(page, "J 1.8").locator('select[id^="prio-"]').selectOption("T2");
    await page.locator('#nj-kader li[data-code="K 2.9"] input[type="checkbox"]').check();
    await page.locator('#nj-kader li[data-code="K 2.9"] input[id^="kader-code-"]').fill("J 2.9");
    await page.locator('#nj-kader li[data-code="K 2.9"] input[id^="kader-code-"]').press("Tab");
    await page.locator("#nj-aantal", { hasText: `Er komen ${n} jaarafspraken` }).waitFor();
    await page.click("#nj-toepassen");
    await page.locator("#nj-klaar-kop").waitFor();
    await opgeslagen(page);
    const in2025 = await codesVan(page, url, 2025);
    assert.equal(in2025.length, 5 + n);
    assert.equal(in2025.filter((c) => c === "J 1.8").length, 1);
  });

  test("done twice makes nothing twice", async () => {
    const page = app.page;
    await openApp(page, url, "#/nieuw-jaar?jaar=2025");
    // Only 2024's J 4.5, left out last time, is proposed again; the rest is there already.
    const n = codes2024().length;
    await page.locator("#nj-aantal", { hasText: "Er komt 1 jaarafspraak bij voor 2025" }).waitFor();
    assert.match(await page.locator("#nj-delen").textContent(), new RegExp(`${n - 1} al voortgezet`));
    assert.match(await page.locator('#nj-kader li[data-code="K 2.9"]').textContent(), /Al gemaakt voor 2025/);
    await regel(page, "J 4.5").locator('input[value="afgerond"]').check();
    await page.locator("#nj-aantal", { hasText: "Er komt niets bij" }).waitFor();
    assert.equal(await page.locator("#nj-toepassen").isDisabled(), true);
    // Continued ones say where they went.
    assert.equal(await page.locator("fieldset.nj-regel .nj-al").count(), n - 1);
    assert.match(await regel(page, "J 1.8").locator(".nj-al").textContent(), /Al voortgezet in 2025: J 1\.8/);
    const voor = await codesVan(page, url, 2025);
    await openApp(page, url, "#/nieuw-jaar?jaar=2025");
    await page.locator("#nj-aantal", { hasText: "Er komt 1 jaarafspraak bij" }).waitFor();
    assert.deepEqual(await codesVan(page, url, 2025), voor);
  });

  test("the line through the years on the detail pages", async () => {
    const page = app.page;
    // Set a status in 2025.
    await openAfspraak(page, url, "J 1.8", 2025);
    assert.match(await page.locator("#afspraak-kenmerken").textContent(), /Prioriteit: T2/);
    assert.match(await page.locator(".samenvatting").textContent(), /Niet beoordeeld/);
    assert.equal(await page.locator("#voortgang li").count(), 0, "no voortgang carried over");
    await page.locator("#status-geel").check();
    await page.fill("#oorzaak", "Nog geen nieuwbouwproject met anterieure overeenkomst.");
    await page.fill("#actie", "Gemeente neemt het op in de eerstvolgende overeenkomst.");
    await page.click("#status-opslaan");
    await page.locator(".samenvatting .status-geel").waitFor();
    const rijen = page.locator("#jaarlijn tbody tr");
    assert.deepEqual(await rijen.evaluateAll((els) => els.map((e) => e.dataset.jaar)), ["2024", "2025"]);
    assert.match(await rijen.nth(0).textContent(), /J 1\.8 .*Rood/);
    assert.match(await rijen.nth(1).textContent(), /deze afspraak.*Geel/);
    assert.deepEqual(await axeViolations(page), []);
    // From 2024: 2024 → 2025, with 2025's status.
    await rijen.nth(0).locator("a").click();
    await page.locator(".samenvatting .status-rood").waitFor();
    const terug = page.locator("#jaarlijn tbody tr");
    await terug.nth(1).locator(".status-geel").waitFor();
    assert.match(await terug.nth(0).textContent(), /deze afspraak/);
    // The RIB's J 4.5 of 2025 continues nothing.
    await openApp(page, url, "#/afspraken?jaar=2025&zoek=warmteprogramma");
    await page.locator('li.afspraak-regel[data-code="J 4.5"] a').click();
    await page.locator("#jaarlijn-alleen").waitFor();
    // K 2.7 per year: J 2.6 in 2024 and its continuation in 2025.
    await openApp(page, url, "#/afspraken?zoek=prettig%20wonen");
    await page.locator('li.afspraak-regel[data-code="K 2.7"] a').first().click();
    await page.locator("#afspraak-kop", { hasText: "K 2.7" }).waitFor();
    const k27 = page.locator("#kader-per-jaar tbody tr");
    assert.match(await k27.nth(0).textContent(), /J 2\.6 Ouder worden & prettig wonen.*Niet beoordeeld/);
    assert.match(await k27.nth(1).textContent(), /J 2\.6 Ouder worden & prettig wonen/);
    assert.match(await k27.nth(2).textContent(), /geen/);
    // A kaderafspraak per year: K 2.9 has the new J 2.9 in 2025.
    await openApp(page, url, "#/afspraken?zoek=Wmo-overleg");
    await page.locator('section[aria-labelledby=kader-kop] li.afspraak-regel[data-code="K 2.9"] a, li.afspraak-regel[data-code="K 2.9"] a').first().click();
    await page.locator("#afspraak-kop", { hasText: "K 2.9" }).waitFor();
    const jaren = page.locator("#kader-per-jaar tbody tr");
    assert.deepEqual(await jaren.evaluateAll((els) => els.map((e) => e.dataset.jaar)), ["2024", "2025", "2026", "2027"]);
    assert.match(await jaren.nth(1).textContent(), /J 2\.9 Wmo-overleg/);
    assert.match(await jaren.nth(0).textContent(), /geen/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("a 2025 voorjaar peilmoment: year and round set when made, shown in lists, used to compare", async () => {
    const page = app.page;
    await openApp(page, url, "#/peilmomenten");
    await page.locator("#peil-naam").fill("Voorjaar 2025");
    await page.locator("#peil-datum").fill("2025-04-15");
    assert.equal(await page.locator("#peil-ronde").inputValue(), "voorjaar");
    await page.locator("#peil-jaar").selectOption("2025");
    await page.click("#peil-vastleggen");
    const p = page.locator(".peil-regel", { hasText: "Voorjaar 2025" });
    await p.waitFor();
    assert.match(await p.locator(".peil-jaar-ronde").textContent(), /2025 · Voorjaar/);
    await opgeslagen(page);
    assert.deepEqual(await axeViolations(page), []);
    // J 1.8 of 2025 changes after it: the comparison with now is of 2025 only.
    await openAfspraak(page, url, "J 1.8", 2025);
    await page.locator("#status-groen").check();
    await page.click("#status-opslaan");
    await page.locator(".samenvatting .status-groen").waitFor();
    await opgeslagen(page);
    await openApp(page, url, "#/peilmomenten");
    await p.locator("a", { hasText: "Vergelijk met nu" }).click();
    const rij = page.locator("#verschillen tbody tr");
    await rij.first().waitFor();
    assert.deepEqual(await rij.evaluateAll((els) => els.map((e) => e.dataset.code)), ["J 1.8"]);
    assert.match(await rij.first().textContent(), /Geel.*wordt.*Groen/s);
    // The Overzicht lists it under 2025.
    await openApp(page, url, "#/");
    await page.locator("#vj-later").selectOption("2025");
    await page.locator("#vj-eerder").selectOption("2024");
    await page.locator('.jaar-peil[data-jaar="2025"]', { hasText: "Voorjaar 2025 · Voorjaar · 15-04-2025" }).waitFor();
    assert.match(await page.locator("#jaren-voortgezet").textContent(), new RegExp(`${codes2024().length - 1} van de ${codes2024().length + 5} jaarafspraken van 2025`));
    assert.deepEqual(await axeViolations(page), []);
  });

  test("and on to 2026: the line runs through three years", async () => {
    const page = app.page;
    await openApp(page, url, "#/nieuw-jaar");
    await page.locator("#nj-afspraken-kop", { hasText: "Van 2025 naar 2026" }).waitFor();
    assert.equal(await page.locator("#nj-jaar").inputValue(), "2026");
    // J 1.8 is groen in 2025: proposed as done. Carry it anyway.
    assert.equal(await regel(page, "J 1.8").locator('input[value="afgerond"]').isChecked(), true);
    await regel(page, "J 1.8").locator('input[value="voortzetten"]').check();
    await page.click("#nj-toepassen");
    await page.locator("#nj-klaar-kop", { hasText: "voor 2026 gemaakt" }).waitFor();
    await opgeslagen(page);
    await openAfspraak(page, url, "J 1.8", 2026);
    const rijen = page.locator("#jaarlijn tbody tr");
    assert.deepEqual(await rijen.evaluateAll((els) => els.map((e) => e.dataset.jaar)), ["2024", "2025", "2026"]);
    assert.match(await rijen.nth(1).textContent(), /Groen/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("after a reload everything is still there", async () => {
    const page = app.page;
    await opgeslagen(page);
    await page.reload();
    const in2025 = await codesVan(page, url, 2025);
    assert.equal(in2025.length, 5 + codes2024().length);
    await openApp(page, url, "#/peilmomenten");
    await page.locator(".peil-regel", { hasText: "Voorjaar 2025" }).locator(".peil-jaar-ronde", { hasText: "2025 · Voorjaar" }).waitFor();
    await openAfspraak(page, url, "J 1.8", 2025);
    await page.locator("#jaarlijn tbody tr").nth(1).locator(".status-groen").waitFor();
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});

describe("voortgang and reacties with their own date and round; edit and remove with history", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("a T2 note written afterwards: the date is chosen, the round follows it", async () => {
    const page = app.page;
    await wieBenIk(page, url, GEMEENTE);
    await openAfspraak(page, url, "J 2.8", 2024);
    assert.match(await page.locator("#voortgang-datum").inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await page.fill("#voortgang-tekst", "Projectgroep woonwagens gestart.");
    await page.locator("#voortgang-datum").fill("2024-06-30");
    assert.equal(await page.locator("#voortgang-ronde").inputValue(), "T2");
    await page.click("#voortgang-toevoegen");
    const n = page.locator("#voortgang li", { hasText: "Projectgroep woonwagens gestart." });
    await n.waitFor();
    assert.match(await n.locator(".tijdlijn-kop").textContent(), /30-06-2024 · T2 · Gemeente Heemstede \(Gert Jansen\)/);
    // A chosen round stays when the date changes.
    await page.locator("#voortgang-ronde").selectOption("najaar");
    await page.locator("#voortgang-datum").fill("2024-03-01");
    assert.equal(await page.locator("#voortgang-ronde").inputValue(), "najaar");
    assert.deepEqual(await axeViolations(page), []);
  });

  test("only the author can edit; an edit keeps the earlier text in the history", async () => {
    const page = app.page;
    // The Monitor's own note is not ours: no edit or remove.
    const monitor = page.locator("#voortgang li", { hasText: "Monitor Prestatieafspraken 2024" }).first();
    await monitor.waitFor();
    assert.equal(await monitor.getByRole("button").count(), 0);
    const id = await page.locator("#voortgang li", { hasText: "Projectgroep woonwagens gestart." }).getAttribute("data-notitie");
    const n = page.locator(`#voortgang li[data-notitie="${id}"]`);
    await n.getByRole("button", { name: "Bewerk voortgang van 30-06-2024" }).click();
    const tekst = n.locator("textarea");
    await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await tekst.fill("Projectgroep woonwagens gestart; eerste gesprek met bewoners gepland.");
    assert.deepEqual(await axeViolations(page), []);
    await n.getByRole("button", { name: "Opslaan" }).click();
    const nieuw = page.locator("#voortgang li", { hasText: "eerste gesprek met bewoners gepland" });
    await nieuw.waitFor();
    assert.match(await nieuw.locator(".tijdlijn-kop").textContent(), /bewerkt/);
    await nieuw.locator(".eerdere-versies summary").click();
    assert.match(await nieuw.locator(".eerdere-versies").textContent(), /Gert Jansen \(Gemeente Heemstede\).*Projectgroep woonwagens gestart\./s);
    assert.match(await page.locator("#geschiedenis").textContent(), /Voortgang – Tekst: Projectgroep woonwagens gestart\./);
    await opgeslagen(page);
  });

  test("remove a note and bring it back", async () => {
    const page = app.page;
    const n = page.locator("#voortgang li", { hasText: "eerste gesprek met bewoners gepland" });
    await n.getByRole("button", { name: "Verwijder voortgang van 30-06-2024" }).click();
    await n.waitFor({ state: "detached" });
    assert.match(await page.locator("#geschiedenis").textContent(), /Voortgang – Verwijderd: ja/);
    await page.locator("#voortgang-verwijderd").getByRole("button", { name: /Ongedaan maken/ }).click();
    await page.locator("#voortgang li", { hasText: "eerste gesprek met bewoners gepland" }).waitFor();
    await opgeslagen(page);
  });

  test("a reactie is edited and removed by its author in the same way", async () => {
    const page = app.page;
    await page.fill("#reactie-tekst", "Wij willen graag meedenken.");
    await page.click("#reactie-plaatsen");
    await page.locator("#reacties li", { hasText: "Wij willen graag meedenken." }).waitFor();
    const id = await page.locator("#reacties li", { hasText: "Wij willen graag meedenken." }).getAttribute("data-notitie");
    const r = page.locator(`#reacties li[data-notitie="${id}"]`);
    await r.getByRole("button", { name: /^Bewerk reactie van / }).click();
    await r.locator("textarea").fill("Wij willen graag meedenken over de locaties.");
    await r.getByRole("button", { name: "Opslaan" }).click();
    const nieuw = page.locator("#reacties li", { hasText: "over de locaties" });
    await nieuw.waitFor();
    await nieuw.locator(".eerdere-versies summary").click();
    assert.match(await nieuw.locator(".eerdere-versies").textContent(), /Wij willen graag meedenken\./);
    assert.match(await page.locator("#geschiedenis").textContent(), /Reacties – Tekst: Wij willen graag meedenken\./);
    await nieuw.getByRole("button", { name: /^Verwijder reactie van / }).click();
    await nieuw.waitFor({ state: "detached" });
    await page.locator("#reacties-verwijderd").getByRole("button", { name: /Ongedaan maken/ }).click();
    await page.locator("#reacties li", { hasText: "over de locaties" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await opgeslagen(page);
  });

  test("after a reload the notes keep their date, round and history", async () => {
    const page = app.page;
    await page.reload();
    await openAfspraak(page, url, "J 2.8", 2024);
    const n = page.locator("#voortgang li", { hasText: "eerste gesprek met bewoners gepland" });
    assert.match(await n.locator(".tijdlijn-kop").textContent(), /30-06-2024 · T2 .*bewerkt/);
    await page.locator("#reacties li", { hasText: "over de locaties" }).waitFor();
    assert.deepEqual(seen.errors, []);
  });
});

describe("older files and older stored data", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the committed format-1 export imports; its peilmomenten get the year they froze", async () => {
    const page = app.page;
    await wieBenIk(page, url, GEMEENTE);
    await openApp(page, url, "#/delen");
    await page.setInputFiles("#import-bestand", join(ROOT, "tests", "data", "heemstede-formaat-1.json"));
    await page.locator("#import-nieuwe-werkruimte").waitFor({ timeout: 30_000 });
    await page.click("#nieuwe-werkruimte-toevoegen");
    await page.locator("#melding", { hasText: "toegevoegd en geopend" }).waitFor();
    await opgeslagen(page);
    await openApp(page, url, "#/peilmomenten");
    await page.locator(".peil-regel", { hasText: "Voorjaarsoverleg 2025" }).locator(".peil-jaar-ronde", { hasText: "2024 · ronde onbekend" }).waitFor();
    await page.locator(".peil-regel", { hasText: "Stand alle jaren" }).locator(".peil-jaar-ronde", { hasText: "alle jaren" }).waitFor();
    // The same workspace in format 2 (worked on since): only its one new change comes in.
    await openApp(page, url, "#/delen");
    await page.setInputFiles("#import-bestand", join(ROOT, "tests", "data", "heemstede-formaat-2.json"));
    await page.locator("#import-voorbeeld").waitFor({ timeout: 30_000 });
    assert.equal(await page.locator("#import-fout").count(), 0);
    const tekst = await page.locator("#import-voorbeeld").textContent();
    assert.match(tekst, /Conflicten: 0\./);
    await page.click("#import-toepassen");
    await page.locator("#import-toegepast").waitFor();
    await opgeslagen(page);
  });

  test("a peilmoment stored by an older version gets its year on the next start", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?jaar=2024");
    const href = await page.locator('li.afspraak-regel[data-code="J 1.8"] a').first().getAttribute("href");
    const j18 = href.split("/").pop();
    // Write a peilmoment as the format-2 app stored it: no year, nothing else.
    await page.evaluate(async (j18) => {
      const werkruimte = JSON.parse(localStorage.getItem("afsprakenmonitor.instellingen")).actieve_werkruimte;
      const db = await new Promise((ok, fout) => {
        const r = indexedDB.open("afsprakenmonitor");
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fout(r.error);
      });
      const item = crypto.randomUUID();
      const tijd = Date.parse("2025-04-20T10:00:00Z");
      const velden = [
        ["naam", "Oud peilmoment"],
        ["datum", "2025-04-20"],
        ["standen", { [j18]: { status: "rood", voortgang: null, oorzaak: null, actie: null } }],
      ];
      await new Promise((ok, fout) => {
        const tx = db.transaction(["wijzigingen", "sinds", "opnames", "meta"], "readwrite");
        // As the app does when stored changes change under it: no quick-start copy, a new
        // generation, so the next start reads every change.
        tx.objectStore("opnames").delete(werkruimte);
        tx.objectStore("meta").put(Math.random(), `opname-generatie:${werkruimte}`);
        for (const [veld, waarde] of velden) {
          const c = { id: crypto.randomUUID(), werkruimte, item, soort: "peilmoment", veld, waarde, tijd, partij: "Gemeente Heemstede", auteur: "Oud", volgt: [] };
          const record = { id: c.id, werkruimte, json: JSON.stringify(c) };
          tx.objectStore("wijzigingen").add(record);
          tx.objectStore("sinds").add(record);
        }
        tx.oncomplete = ok;
        tx.onerror = () => fout(tx.error);
      });
      db.close();
    }, j18);
    await page.reload();
    await openApp(page, url, "#/peilmomenten");
    await page.locator(".peil-regel", { hasText: "Oud peilmoment" }).locator(".peil-jaar-ronde", { hasText: "2024 · ronde onbekend" }).waitFor();
    await opgeslagen(page);
    // The added year is stored: after another start it is read, not made again.
    const jaren = await page.evaluate(async () => {
      const db = await new Promise((ok) => {
        const r = indexedDB.open("afsprakenmonitor");
        r.onsuccess = () => ok(r.result);
      });
      const alle = await new Promise((ok) => {
        const r = db.transaction("wijzigingen").objectStore("wijzigingen").getAll();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return alle.map((r) => JSON.parse(r.json)).filter((c) => c.soort === "peilmoment" && c.veld === "jaar" && c.auteur.includes("formaat 3")).length;
    });
    assert.ok(jaren >= 1);
    assert.deepEqual(seen.errors, []);
  });
});

describe("a kaderafspraak's indicator over the period", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("K 1.1: measurements per year as a chart and a table, and whether the pace reaches 120 by 2027", async () => {
    const page = app.page;
    await wieBenIk(page, url, GEMEENTE);
    await openApp(page, url, "#/afspraken?zoek=K%201.1");
    await page.locator('li.afspraak-regel[data-code="K 1.1"] a').first().click();
    await page.locator("#afspraak-kop", { hasText: "K 1.1" }).waitFor();
    const tempo = page.locator(".tempo");
    await tempo.waitFor();
    assert.match(await tempo.textContent(), /Doel eind 2027: 120 woningen/);
    assert.match(await tempo.textContent(), /nog geen metingen/);
    // Two measurements, all parties together: 25 at the end of 2024, 45 at the end of 2025.
    await page.getByRole("link", { name: "Indicator en metingen bewerken: 120 nieuwbouwwoningen sociale huur" }).click();
    const ind = page.locator("li.indicator", { has: page.locator("h3", { hasText: "120 nieuwbouwwoningen sociale huur" }) });
    for (const [datum, waarde] of [["2024-12-31", "25"], ["2025-12-31", "45"]]) {
      await ind.getByRole("button", { name: "Meting toevoegen" }).click();
      const mf = ind.locator('form[aria-label="Meting toevoegen"]');
      await mf.getByLabel("Datum (verplicht)").fill(datum);
      await mf.getByLabel("Waarde (verplicht)").fill(waarde);
      await mf.getByRole("button", { name: "Opslaan" }).click();
      await ind.locator("tbody tr", { hasText: datum.split("-").reverse().join("-") }).waitFor();
    }
    await opgeslagen(page);
    await openApp(page, url, "#/afspraken?zoek=K%201.1");
    await page.locator('li.afspraak-regel[data-code="K 1.1"] a').first().click();
    await tempo.locator(".tempo-oordeel", { hasText: "Achter op schema" }).waitFor();
    // Half the period, 45 of 120: at this pace about 90 by the end of 2027.
    assert.match(await tempo.locator(".tempo-oordeel").textContent(), /eind 2027 ongeveer 90 woningen\. Het doel is 120 woningen/);
    assert.equal(await tempo.locator(".tempo-oordeel").getAttribute("data-haalt"), "false");
    // The chart has a text alternative, and the numbers are in a table.
    const svg = tempo.locator("svg.tempo-grafiek");
    assert.equal(await svg.getAttribute("role"), "img");
    assert.match(await svg.locator("desc").textContent(), /per jaar, 2024 tot en met 2027, met het doel 120 woningen als lijn/);
    assert.equal(await svg.locator("rect.tempo-staaf").count(), 2);
    const rijen = await tempo.locator("table tbody tr").evaluateAll((els) => els.map((e) => [...e.children].map((c) => c.textContent.trim()).join(" ")));
    assert.deepEqual(rijen, ["2024 25 woningen 31-12-2024", "2025 45 woningen 31-12-2025", "2026 – –", "2027 – –"]);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
  });
});
