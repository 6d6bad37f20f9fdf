// The monitoring screens: the planning per tertiaal, peilmomenten (record, compare, reload) and the
// meeting cycle with its generated, printable agenda. Run on the single file over file://, with
// the Heemstede example that a first start creates. Done with the keyboard where a user would.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { ROOT, axeViolations, openApp, appPerSuite, IK } from "./helpers.mjs";

const VOORBEELDEN = join(ROOT, "src", "domain", "examples");
const lees = (naam) => JSON.parse(readFileSync(join(VOORBEELDEN, naam), "utf8"));

/** The codes of the 2024 jaarafspraken of the Heemstede example, monitor rows included. */
function codes2024() {
  const j = lees("heemstede_jaarafspraken_2024.json");
  return [...j.jaarafspraken, ...j.overige_regels].map((r) => r.code);
}

const opgeslagen = (page) => page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();

/** Opens J 1.8 from the list with the keyboard and sets its status. */
async function zetStatusJ18(page, url, status) {
  await openApp(page, url, "#/afspraken");
  const link = page.locator('li.afspraak-regel[data-code="J 1.8"] a');
  await link.focus();
  await page.keyboard.press("Enter");
  await page.locator("#afspraak-kop", { hasText: "J 1.8" }).waitFor();
  await page.locator(`#status-${status}`).focus();
  await page.keyboard.press("Space");
  if (status === "geel" || status === "rood") {
    await page.locator("#oorzaak").fill("Wachten op de regio.");
    await page.locator("#actie").fill("Corporaties bespreken het in T3.");
  }
  await page.locator("#status-opslaan").focus();
  await page.keyboard.press("Enter");
  await page.locator(`.samenvatting .status-${status}`).waitFor();
  await opgeslagen(page);
}

describe("planning per tertiaal", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("without a year it opens on the latest planned year, not on plans without a tertiaal", async () => {
    await openApp(app.page, url, "#/planning");
    await app.page.locator(".planning-kaart").first().waitFor();
    // The 2025 plans of the example have no prioriteit yet; the Monitor 2024 has.
    assert.equal(await app.page.locator("#planning-jaar").inputValue(), "2024");
  });

  test("shows every 2024 jaarafspraak of the Heemstede example exactly once", async () => {
    const page = app.page;
    await openApp(page, url, "#/planning?jaar=2024");
    await page.locator("main h1", { hasText: "Planning per tertiaal" }).waitFor();
    await page.locator(".planning-kaart").first().waitFor();
    const gezien = await page.locator(".planning-kaart").evaluateAll((els) => els.map((e) => e.dataset.code));
    const verwacht = codes2024();
    assert.equal(gezien.length, verwacht.length, "every jaarafspraak once");
    assert.deepEqual([...gezien].sort(), [...verwacht].sort());
    assert.equal(new Set(gezien).size, gezien.length);
  });

  test("puts each in its column, each column a section with a heading and a count", async () => {
    const page = app.page;
    const kolommen = page.locator("section.planning-kolom");
    assert.equal(await kolommen.count(), 5);
    const kolomVan = async (code) =>
      page.locator(`.planning-kaart[data-code="${code}"]`).evaluate((e) => e.closest("section").dataset.kolom);
    assert.equal(await kolomVan("J 2.2"), "T1");
    assert.equal(await kolomVan("J 3.1"), "T1"); // "T1 en daarna doorlopend"
    assert.equal(await kolomVan("J 1.4"), "T2");
    assert.equal(await kolomVan("J 1.1"), "T3");
    assert.equal(await kolomVan("J 1.6"), "doorlopend");
    assert.equal(await kolomVan("J 1.9"), "doorlopend"); // "Doorlopend – monitor"
    assert.equal(await kolomVan("J 1.7"), "anders"); // "Zie Haarlem"
    for (let i = 0; i < 5; i++) {
      const kolom = kolommen.nth(i);
      const kop = kolom.locator("h2");
      assert.equal(await kop.count(), 1);
      const n = await kolom.locator(".planning-kaart").count();
      assert.match(await kop.textContent(), new RegExp(`${n} afspra(ak|ken)`));
      assert.equal(await kolom.getAttribute("aria-labelledby"), await kop.getAttribute("id"));
    }
    // A card: code and title as a link to the detail page, status in words, trekker.
    const kaart = page.locator('.planning-kaart[data-code="J 1.8"]');
    assert.match(await kaart.locator("a").getAttribute("href"), /^#\/afspraak\//);
    assert.match(await kaart.textContent(), /Rood/);
    assert.match(await kaart.textContent(), /Corporaties/);
    assert.ok(await kaart.locator(".status svg").count());
  });

  test("the year is chosen in the URL and survives a reload", async () => {
    const page = app.page;
    await page.locator("#planning-jaar").selectOption("2025");
    await page.waitForURL(/#\/planning\?jaar=2025$/);
    await page.reload();
    await page.locator(".planning-kaart").first().waitFor();
    assert.equal(await page.locator("#planning-jaar").inputValue(), "2025");
    const n2025 = await page.locator(".planning-kaart").count();
    assert.ok(n2025 > 0 && n2025 < codes2024().length);
    assert.equal(await page.locator('.planning-kaart[data-code="J 1.8"]').count(), 0);
  });

  test("no axe violations, no errors, no requests", async () => {
    await openApp(app.page, url, "#/planning?jaar=2024");
    await app.page.locator(".planning-kaart").first().waitFor();
    assert.deepEqual(await axeViolations(app.page), []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});

describe("peilmomenten", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("record a peilmoment with the keyboard", async () => {
    const page = app.page;
    await openApp(page, url, "#/peilmomenten");
    await page.locator("main h1", { hasText: "Peilmomenten" }).waitFor();
    assert.match(await page.locator("#peil-datum").inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    // A name is required; the message sits next to the field.
    await page.locator("#peil-vastleggen").focus();
    await page.keyboard.press("Enter");
    await page.locator("#peil-naam-fout").waitFor();
    assert.equal(await page.locator("#peil-naam").getAttribute("aria-invalid"), "true");
    await page.locator("#peil-naam").focus();
    await page.keyboard.type("Ambtelijk 4");
    await page.keyboard.press("Enter");
    const regel = page.locator(".peil-regel", { hasText: "Ambtelijk 4" });
    await regel.waitFor();
    assert.match(await regel.textContent(), /jaarafspraken vastgelegd/);
    assert.match(await regel.textContent(), /Rood/);
    await opgeslagen(page);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("change J 1.8, compare now with the peilmoment: exactly J 1.8 differs", async () => {
    const page = app.page;
    await zetStatusJ18(page, url, "geel");
    await openApp(page, url, "#/peilmomenten");
    await page.locator(".peil-regel", { hasText: "Ambtelijk 4" }).waitFor();
    // The form proposes the newest peilmoment against now.
    assert.equal(await page.locator("#vergelijk-na").inputValue(), "nu");
    await page.locator("#vergelijk-knop").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/peilmomenten\?voor=[0-9a-f-]{36}&na=nu$/);
    const rijen = page.locator("#verschillen tbody tr");
    await rijen.first().waitFor();
    assert.deepEqual(await rijen.evaluateAll((els) => els.map((e) => e.dataset.code)), ["J 1.8"]);
    const status = await rijen.first().locator(".status-verloop").textContent();
    assert.match(status, /Rood.*wordt.*Geel/s);
    // Focus moved to the result.
    await page.waitForFunction((id) => document.activeElement?.id === id, "verschillen-kop");
    assert.deepEqual(await axeViolations(page), []);
  });

  test("after a reload the peilmoment and the comparison are still there", async () => {
    const page = app.page;
    await opgeslagen(page);
    const voor = new URL(page.url()).hash;
    await page.reload();
    await page.locator("#verschillen tbody tr").first().waitFor();
    assert.equal(new URL(page.url()).hash, voor);
    assert.deepEqual(await page.locator("#verschillen tbody tr").evaluateAll((els) => els.map((e) => e.dataset.code)), ["J 1.8"]);
    assert.equal(await page.locator(".peil-regel", { hasText: "Ambtelijk 4" }).count(), 1);
  });

  test("compare two peilmomenten; long voortgang is shortened and expands", async () => {
    const page = app.page;
    // Add voortgang to J 1.9 (long), then record a second round.
    await openApp(page, url, "#/afspraken");
    await page.locator('li.afspraak-regel[data-code="J 1.9"] a').click();
    await page.locator("#afspraak-kop", { hasText: "J 1.9" }).waitFor();
    const lang = "Pré Wonen heeft in oktober extra woningen aangeboden onder de aftoppingsgrenzen. ".repeat(4) + "EINDE";
    await page.locator("#voortgang-tekst").fill(lang);
    await page.locator("#voortgang-toevoegen").click();
    await page.locator("#voortgang li", { hasText: "EINDE" }).waitFor();
    await openApp(page, url, "#/peilmomenten");
    await page.locator("#peil-naam").fill("Ambtelijk 5");
    await page.locator("#peil-jaar").selectOption("2024");
    await page.locator("#peil-vastleggen").click();
    await page.locator(".peil-regel", { hasText: "Ambtelijk 5" }).waitFor();
    // Newest first.
    assert.match(await page.locator(".peil-regel").first().textContent(), /Ambtelijk 5/);
    const id = (naam) => page.locator(".peil-regel", { hasText: naam }).getAttribute("data-peil");
    await page.locator("#vergelijk-voor").selectOption(await id("Ambtelijk 4"));
    await page.locator("#vergelijk-na").selectOption(await id("Ambtelijk 5"));
    await page.locator("#vergelijk-knop").click();
    await page.waitForURL(new RegExp(`na=${await id("Ambtelijk 5")}$`));
    const rijen = page.locator("#verschillen tbody tr");
    await page.locator('#verschillen tbody tr[data-code="J 1.9"]').waitFor();
    assert.deepEqual((await rijen.evaluateAll((els) => els.map((e) => e.dataset.code))).sort(), ["J 1.8", "J 1.9"]);
    const cel = page.locator('#verschillen tbody tr[data-code="J 1.9"] td').nth(2);
    assert.ok(!(await cel.locator(".voortgang-kort").textContent()).includes("EINDE"));
    assert.equal(await cel.getByText("EINDE").isVisible(), false);
    await cel.locator("summary").focus();
    await page.keyboard.press("Enter");
    await cel.getByText(/EINDE/).waitFor({ state: "visible" });
  });

  test("delete a peilmoment and undo it", async () => {
    const page = app.page;
    const regel = page.locator(".peil-regel", { hasText: "Ambtelijk 5" });
    await regel.locator("button", { hasText: "Verwijderen" }).press("Enter");
    await page.locator("#peil-ongedaan-knop").waitFor();
    assert.equal(await regel.count(), 0);
    // The comparison says the peilmoment is gone.
    await page.locator("#vergelijking.melding-fout").waitFor();
    // Focus is on the undo button.
    await page.waitForFunction((id) => document.activeElement?.id === id, "peil-ongedaan-knop");
    await page.keyboard.press("Enter");
    await regel.waitFor();
    // Focus goes to the peilmoment that is back.
    await page.waitForFunction(() => document.activeElement?.closest(".peil-regel")?.textContent.includes("Ambtelijk 5"));
    await page.locator("#verschillen tbody tr").first().waitFor();
    await opgeslagen(page);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});

describe("overleggen and agenda", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the meeting cycle of the example, grouped by seizoen", async () => {
    const page = app.page;
    await openApp(page, url, "#/overleggen");
    await page.locator("main h1", { hasText: "Overleggen" }).waitFor();
    await page.locator("#seizoen-voorjaar").waitFor();
    const voorjaar = page.locator('section[aria-labelledby="seizoen-voorjaar"] .overleg-regel');
    const najaar = page.locator('section[aria-labelledby="seizoen-najaar"] .overleg-regel');
    assert.deepEqual(await voorjaar.evaluateAll((els) => els.map((e) => e.dataset.naam)), ["Ambtelijk 1", "Bestuurlijk 1", "Ambtelijk 2", "Ambtelijk 3"]);
    assert.deepEqual(await najaar.evaluateAll((els) => els.map((e) => e.dataset.naam)), ["Ambtelijk 4", "Bestuurlijk 2", "Ambtelijk 5", "Ambtelijk 6"]);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("create a meeting with the keyboard, then edit it", async () => {
    const page = app.page;
    await page.locator("#overleg-nieuw").focus();
    await page.keyboard.press("Enter");
    await page.locator("#overleg-naam").waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === id, "overleg-naam");
    await page.keyboard.type("Ambtelijk 7");
    await page.locator("#overleg-soort").selectOption("ambtelijk");
    await page.locator("#overleg-seizoen").selectOption("najaar");
    await page.locator("#overleg-jaar").fill("2024");
    await page.locator("#overleg-datum").fill("2024-11-15");
    await page.locator("#overleg-deelnemers").fill("Gemeente\nElan Wonen\nPré Wonen");
    await page.locator("#overleg-onderwerpen").fill("Voortgang jaarafspraken");
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#overleg-naam").focus();
    await page.keyboard.press("Enter");
    const regel = page.locator('.overleg-regel[data-naam="Ambtelijk 7"]');
    await regel.waitFor();
    assert.equal(await regel.evaluate((e) => e.closest("section").getAttribute("aria-labelledby")), "seizoen-najaar");
    assert.match(await regel.textContent(), /15-11-2024/);
    assert.match(await regel.textContent(), /Pré Wonen/);
    // An earlier meeting with a date, so the agenda knows "since when".
    await page.locator("#overleg-nieuw").click();
    await page.locator("#overleg-naam").fill("Ambtelijk 3b");
    await page.locator("#overleg-datum").fill("2024-09-01");
    await page.locator("#overleg-opslaan").click();
    await page.locator('.overleg-regel[data-naam="Ambtelijk 3b"]').waitFor();
    // Edit: the year is checked.
    await regel.locator("button", { hasText: "Bewerken" }).click();
    await page.locator("#overleg-jaar").fill("24");
    await page.locator("#overleg-opslaan").click();
    await page.locator("#overleg-jaar-fout").waitFor();
    await page.locator("#overleg-jaar").fill("2024");
    await page.locator("#overleg-naam").fill("Ambtelijk 7 (najaar)");
    await page.locator("#overleg-opslaan").click();
    await page.locator('.overleg-regel[data-naam="Ambtelijk 7 (najaar)"]').waitFor();
    await opgeslagen(page);
  });

  test("the agenda lists rood J 1.8 and J 1.9 with cause and action, and the Pré Wonen 40 % signal", async () => {
    const page = app.page;
    const regel = page.locator('.overleg-regel[data-naam="Ambtelijk 7 (najaar)"]');
    await regel.locator("a", { hasText: "Agenda maken" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#\/overleggen\?overleg=[0-9a-f-]{36}$/);
    await page.locator("#agenda-kop", { hasText: "Ambtelijk 7 (najaar)" }).waitFor();
    for (const code of ["J 1.8", "J 1.9"]) {
      const li = page.locator(`#agenda-aandacht li[data-code="${code}"]`);
      assert.match(await li.textContent(), /Rood/);
      assert.match(await li.textContent(), /Oorzaak/);
      assert.match(await li.textContent(), /Actie/);
    }
    const signalen = await page.locator("#agenda-signalen").textContent();
    assert.match(signalen, /J 1\.9/);
    assert.match(signalen, /Pré Wonen: 40 %/);
    assert.match(signalen, /signaalwaarde 70 %/);
    assert.doesNotMatch(signalen, /Elan Wonen: 71/);
    // Since the previous meeting with a date.
    assert.match(await page.locator("#agenda").textContent(), /sinds 01-09-2024/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("the agenda survives a reload and follows a status change", async () => {
    const page = app.page;
    const hash = new URL(page.url()).hash;
    await zetStatusJ18(page, url, "groen");
    await openApp(page, url, hash);
    await page.locator('#agenda-aandacht li[data-code="J 1.9"]').waitFor();
    assert.equal(await page.locator('#agenda-aandacht li[data-code="J 1.8"]').count(), 0);
    await zetStatusJ18(page, url, "rood");
    await openApp(page, url, hash);
    await page.locator('#agenda-aandacht li[data-code="J 1.8"]').waitFor();
  });

  test("the agenda prints on its own", async () => {
    const page = app.page;
    await page.evaluate(() => {
      window.__afgedrukt = 0;
      window.print = () => {
        window.__afgedrukt += 1;
      };
    });
    await page.locator("#agenda-afdrukken").click();
    await page.waitForFunction(() => window.__afgedrukt === 1);
    // A passing message (such as "saved") is not printed with the agenda.
    assert.equal(await page.locator("#melding").count(), 0);
    await page.emulateMedia({ media: "print" });
    try {
      assert.equal(await page.locator("#agenda").isVisible(), true);
      assert.equal(await page.locator('#agenda-aandacht li[data-code="J 1.9"]').isVisible(), true);
      assert.equal(await page.locator(".overleggen").isVisible(), false);
      assert.equal(await page.locator("#agenda-afdrukken").isVisible(), false);
      assert.equal(await page.locator("nav").isVisible(), false);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  test("delete a meeting and undo it", async () => {
    const page = app.page;
    await page.locator(".agenda a", { hasText: "Agenda sluiten" }).click();
    await page.waitForURL(/#\/overleggen$/);
    await page.locator("#agenda").waitFor({ state: "detached" });
    const regel = page.locator('.overleg-regel[data-naam="Ambtelijk 3b"]');
    // locator.press focuses the button as it is now (the list may have been redrawn) and presses Enter.
    await regel.locator("button", { hasText: "Verwijderen" }).press("Enter");
    await page.locator("#overleg-ongedaan-knop").waitFor();
    assert.equal(await regel.count(), 0);
    await page.waitForFunction((id) => document.activeElement?.id === id, "overleg-ongedaan-knop");
    await page.keyboard.press("Enter");
    await regel.waitFor();
    await page.waitForFunction(() => document.activeElement?.closest(".overleg-regel")?.dataset.naam === "Ambtelijk 3b");
    await opgeslagen(page);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});
