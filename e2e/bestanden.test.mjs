// Two exports, two names: the file for other parties and the reservekopie (which holds what is
// "alleen voor ons") are named apart, and choosing the reservekopie says in one line that it is
// not for others.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { appPerSuite, exporteer, freshFolder, openApp, opgeslagen, wieBenIk } from "./helpers.mjs";

describe("export for others and reservekopie", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the two files get different names; the reservekopie's says so", async () => {
    const page = app.page;
    await wieBenIk(page, url, { partij: "Pré Wonen", naam: "Sanne de Vries" });
    // A reactie only for us.
    await openApp(page, url, "#/afspraken?zoek=woonwagen");
    await page.locator('li.afspraak-regel[data-code="J 2.8"] a').click();
    await page.fill("#reactie-tekst", "Intern: eerst met de directie bespreken.");
    await page.check("#reactie-prive");
    await page.click("#reactie-plaatsen");
    await page.locator("#reacties li", { hasText: "Intern" }).waitFor();
    await opgeslagen(page);

    const map = freshFolder("Exports");
    const voorAnderen = await exporteer(page, url, map, "a", "uitwisseling");
    const reservekopie = await exporteer(page, url, map, "b", "reservekopie");
    assert.notEqual(voorAnderen.name, reservekopie.name);
    assert.doesNotMatch(voorAnderen.name, /reservekopie/);
    assert.match(reservekopie.name, /^prestatieafspraken-heemstede-reservekopie-\d{4}-\d\d-\d\d-pre-wonen\.json$/);
    assert.equal(reservekopie.json.soort, "reservekopie");
    // The names are on the page before the choice, each by its button.
    assert.match(await page.locator("#export-naam-reservekopie").textContent(), /-reservekopie-/);
    assert.doesNotMatch(await page.locator("#export-naam").textContent(), /reservekopie/);
    // One line by the button: it holds what is only for us, not for others.
    const melding = page.locator(".delen-export .melding-hier .melding");
    await melding.waitFor();
    const tekst = await melding.textContent();
    assert.match(tekst, /alleen voor ons/);
    assert.match(tekst, /Stuur dit bestand niet naar andere partijen/);
    assert.deepEqual(seen.errors, []);
  });

  test("the reservekopie made from Instellingen has the same name and the same line", async () => {
    const page = app.page;
    await openApp(page, url, "#/instellingen");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Reservekopie maken" }).click()]);
    assert.match(download.suggestedFilename(), /-reservekopie-/);
    const melding = page.locator("#opslag-kop ~ .melding-hier .melding");
    await melding.waitFor();
    assert.match(await melding.textContent(), /alleen voor ons.*Stuur dit bestand niet naar andere partijen/);
  });
});
