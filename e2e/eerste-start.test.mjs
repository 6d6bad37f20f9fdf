// The first hour: what the app is for and the choice between your own agreements and the
// example; the example notice only in the example, once per session until closed, in the
// current language; "Wie bent u?" asked before the first change is stored, never after; and
// switching to English asks for nothing.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { appPerSuite, axeViolations, expectHeading, launch, copyToFreshFolder, openApp, opgeslagen, watch } from "./helpers.mjs";

const VOORBEELD = "#voorbeeld-melding";

async function detail(page, url, code) {
  await openApp(page, url, `#/afspraken?zoek=${encodeURIComponent(code)}`);
  await page.locator(`li.afspraak-regel[data-code="${code}"] a`).click();
  await page.locator("#afspraak-kop", { hasText: code }).waitFor();
}

describe("first start and the example notice", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the first start says what the app is for and offers both ways in", async () => {
    const page = app.page;
    await openApp(page, url, "#/");
    const welkom = page.locator("#welkom");
    await welkom.waitFor();
    assert.match(await welkom.textContent(), /prestatieafspraken/);
    await welkom.getByRole("button", { name: "Begin met uw eigen afspraken" }).waitFor();
    await welkom.getByRole("button", { name: "Bekijk het voorbeeld" }).waitFor();
    assert.equal(await page.locator(VOORBEELD).count(), 0, "one notice at a time");
    assert.deepEqual(await axeViolations(page), []);
    await welkom.getByRole("button", { name: "Bekijk het voorbeeld" }).click();
    await page.locator(VOORBEELD, { hasText: "Dit is een voorbeeld" }).waitFor();
    assert.equal(await page.locator("#welkom").count(), 0);
  });

  test("the notice shows on the example's pages, in English in English mode", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken");
    await expectHeading(page, "Afspraken");
    await page.locator(VOORBEELD, { hasText: "Dit is een voorbeeld" }).waitFor();
    await openApp(page, url, "#/instellingen");
    await page.locator("#taal").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.locator(VOORBEELD, { hasText: "This is an example" }).waitFor();
    assert.doesNotMatch(await page.locator(VOORBEELD).textContent(), /Dit is een voorbeeld/);
    await page.locator("#taal").selectOption("nl");
    await page.waitForFunction(() => document.documentElement.lang === "nl");
  });

  test("closed, it stays away for the rest of the session", async () => {
    const page = app.page;
    await openApp(page, url, "#/");
    await page.locator(VOORBEELD).getByRole("button", { name: "Sluiten" }).click();
    await page.locator(VOORBEELD).waitFor({ state: "detached" });
    await openApp(page, url, "#/planning");
    await expectHeading(page, "Planning");
    assert.equal(await page.locator(VOORBEELD).count(), 0);
    await page.reload();
    await openApp(page, url, "#/");
    await expectHeading(page, "Overzicht");
    assert.equal(await page.locator(VOORBEELD).count(), 0);
    assert.deepEqual(seen.errors, []);
  });
});

describe("the example notice is not in a workspace of your own", () => {
  test("a new empty workspace shows no example notice; Begin met uw eigen afspraken leads there", async () => {
    const app = await launch();
    try {
      const url = copyToFreshFolder();
      const page = app.page;
      await openApp(page, url, "#/");
      await page.getByRole("button", { name: "Begin met uw eigen afspraken" }).click();
      await expectHeading(page, "Werkruimtes");
      await page.waitForFunction(() => document.activeElement?.id === "nieuw-titel");
      await page.keyboard.type("Onze afspraken 2026");
      await page.keyboard.press("Enter");
      // Creating is a change: who you are is asked first.
      const dialoog = page.locator("#wie-dialoog");
      await dialoog.locator("#wie-partij").selectOption("Gemeente Heemstede");
      await dialoog.locator("#wie-naam").fill("Anna Jansen");
      await dialoog.getByRole("button", { name: "Opslaan en doorgaan" }).click();
      await page.locator(".kop-werkruimte", { hasText: "Onze afspraken 2026" }).waitFor();
      await expectHeading(page, "Overzicht");
      assert.equal(await page.locator(VOORBEELD).count(), 0);
      assert.equal(await page.getByText("Dit is een voorbeeld").count(), 0);
    } finally {
      await app.close();
    }
  });
});

describe("Wie bent u? before the first change", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("switching to English asks for no party", async () => {
    const page = app.page;
    await openApp(page, url, "#/instellingen");
    await page.locator("#taal").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await page.locator(".veld-fout").count(), 0);
    assert.equal(await page.locator("#wie-dialoog[open]").count(), 0);
    await page.locator("#taal").selectOption("nl");
    await page.waitForFunction(() => document.documentElement.lang === "nl");
  });

  test("a status change waits for the answer, and is stored with the party and name given", async () => {
    const page = app.page;
    await detail(page, url, "J 2.8");
    await page.locator("#status-groen").check();
    await page.click("#status-opslaan");
    const dialoog = page.locator("#wie-dialoog[open]");
    await dialoog.waitFor();
    assert.equal(await page.evaluate(() => !!document.activeElement.closest("#wie-dialoog")), true, "focus is in the dialog");
    // Nothing is stored before the answer.
    assert.equal(await page.locator(".samenvatting .status-groen").count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    // Without a party it cannot go on.
    await dialoog.getByRole("button", { name: "Opslaan en doorgaan" }).click();
    await dialoog.locator(".veld-fout", { hasText: "Kies uw partij." }).waitFor();
    await dialoog.locator("#wie-partij").selectOption("Pré Wonen");
    await dialoog.locator("#wie-naam").fill("Sanne de Vries");
    await dialoog.getByRole("button", { name: "Opslaan en doorgaan" }).click();
    await page.locator("#wie-dialoog[open]").waitFor({ state: "detached" });
    await page.locator(".samenvatting .status-groen").waitFor();
    await page.locator(".kop-wie", { hasText: "Sanne de Vries (Pré Wonen)" }).waitFor();
    const eerste = page.locator("#geschiedenis tbody tr").first();
    assert.match(await eerste.textContent(), /Sanne de Vries \(Pré Wonen\).*Status: Groen/);
    await opgeslagen(page);
  });

  test("the next change is not asked again", async () => {
    const page = app.page;
    await page.fill("#voortgang-tekst", "Overleg gepland.");
    await page.click("#voortgang-toevoegen");
    await page.locator("#voortgang li", { hasText: "Overleg gepland." }).waitFor();
    assert.equal(await page.locator("#wie-dialoog[open]").count(), 0);
    assert.match(await page.locator("#voortgang li", { hasText: "Overleg gepland." }).textContent(), /Pré Wonen/);
    assert.deepEqual(seen.errors, []);
  });
});

describe("Wie bent u?, cancelled", () => {
  test("a cancelled answer stores nothing and says so", async () => {
    const app = await launch();
    try {
      const url = copyToFreshFolder();
      const seen = watch(app.page);
      const page = app.page;
      await detail(page, url, "J 2.8");
      await page.fill("#voortgang-tekst", "Nooit opgeslagen.");
      await page.click("#voortgang-toevoegen");
      await page.locator("#wie-dialoog[open]").waitFor();
      await page.keyboard.press("Escape");
      await page.locator("#wie-dialoog[open]").waitFor({ state: "detached" });
      await page.getByText("Uw wijziging is niet opgeslagen.").waitFor();
      // The text is still in the field, nothing in the timeline.
      assert.equal(await page.locator("#voortgang-tekst").inputValue(), "Nooit opgeslagen.");
      assert.equal(await page.locator("#voortgang li", { hasText: "Nooit opgeslagen." }).count(), 0);
      await opgeslagen(page);
      await page.reload();
      await page.locator("#afspraak-kop", { hasText: "J 2.8" }).waitFor();
      assert.equal(await page.locator("#voortgang li", { hasText: "Nooit opgeslagen." }).count(), 0);
      assert.deepEqual(seen.errors, []);
    } finally {
      await app.close();
    }
  });
});
