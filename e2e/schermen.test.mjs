// The screens as a newcomer reads them: the detail page in reading order with its history in the
// words of the forms; "Wat is er veranderd" with user edits only, per agreement, not printed; the
// planning board without words broken mid-word or badges sticking out, with a tertiaal to change
// by keyboard; and lists that count in good Dutch and fit the first screen.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { appPerSuite, axeViolations, expectHeading, openApp, opgeslagen, wieBenIk } from "./helpers.mjs";

async function detail(page, url, code) {
  await openApp(page, url, `#/afspraken?zoek=${encodeURIComponent(code)}`);
  await page.locator(`li.afspraak-regel[data-code="${code}"] a`).click();
  await page.locator("#afspraak-kop", { hasText: code }).waitFor();
}

/** In the page: the words of `selector`'s texts that are split over two lines. */
function gebrokenWoorden(selector) {
  const uit = [];
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of n.textContent.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const regels = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (regels.size > 1) {
          const s = getComputedStyle(n.parentElement);
          // Split at a hyphenation point of a Dutch word (where the browser can hyphenate): allowed.
          const afgebroken = s.hyphens === "auto" && n.parentElement.closest("[lang]")?.lang === "nl";
          uit.push({ woord: m[0], afgebroken });
        }
      }
    }
  }
  return uit;
}

describe("the detail page", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("reads in order: the agreement, then status and voortgang, then editing, then history", async () => {
    const page = app.page;
    await wieBenIk(page, url, { partij: "Gemeente Heemstede", naam: "Anna Jansen" });
    await detail(page, url, "J 1.9");
    const volgorde = await page.evaluate(() => {
      const plek = (sel) => {
        const el = document.querySelector(sel);
        return el ? [...document.querySelectorAll("main *")].indexOf(el) : -1;
      };
      return ["#afspraak-kop", "#afspraak-kenmerken", "#tekst-kop", "dl.gegevens", "#huidige-status", "#status-kop", "#voortgang-kop", "#bewerk-kop", "#geschiedenis-kop"].map(plek);
    });
    assert.ok(volgorde.every((p) => p >= 0), JSON.stringify(volgorde));
    assert.deepEqual([...volgorde].sort((x, y) => x - y), volgorde, "in reading order");
    // No button inside a heading.
    assert.equal(await page.locator("main :is(h1, h2, h3) button").count(), 0);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("text areas fill the width of their form; cause and action show once", async () => {
    const page = app.page;
    // J 1.9 is rood: the form shows cause and action.
    for (const id of ["#oorzaak", "#actie", "#voortgang-tekst", "#reactie-tekst"]) {
      const [veld, form] = await page.locator(id).evaluate((el) => [el.getBoundingClientRect().width, el.closest("form").getBoundingClientRect().width]);
      assert.ok(veld >= 0.95 * form, `${id} is ${veld} of ${form} px`);
    }
    const oorzaak = await page.locator("#oorzaak").inputValue();
    assert.ok(oorzaak.length > 10);
    assert.equal(await page.locator(".toelichting").isVisible(), false, "on screen only in the form");
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator(".toelichting").isVisible(), true, "on paper as text");
    await page.emulateMedia({ media: "screen" });
  });

  test("Geschiedenis uses the labels of the form and leaves out fields a user never edits", async () => {
    const page = app.page;
    await page.locator("#status-geel").check();
    await page.click("#status-opslaan");
    await page.locator(".samenvatting .status-geel").waitFor();
    const tekst = await page.locator("#geschiedenis").textContent();
    assert.match(tekst, /Status: Geel/);
    assert.match(tekst, /Anna Jansen \(Gemeente Heemstede\)/);
    for (const intern of [/\bauteur\b/i, /\bvolgorde\b/i, /vervolg op: \(leeg\)/i, /regel uit de monitor/i, /: \(leeg\)/]) {
      assert.doesNotMatch(tekst, intern);
    }
    const wat = await page.locator("#geschiedenis tbody td:nth-child(3)").allTextContents();
    assert.ok(wat.length > 5);
    for (const regel of wat) assert.match(regel, /^(Voortgang – )?[A-Z][a-z ]+: /, "labels start with a capital");
    assert.deepEqual(seen.errors, []);
  });
});

describe("Wat is er veranderd", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  test("the untouched example shows no changes; a user edit shows under its agreement", async () => {
    const page = app.page;
    await openApp(page, url, "#/");
    await expectHeading(page, "Overzicht");
    const sectie = page.locator("#gewijzigd-sectie");
    await sectie.locator("#gewijzigd-leeg").waitFor();
    assert.doesNotMatch(await sectie.textContent(), /auteur|volgorde/);
    await wieBenIk(page, url, { partij: "Pré Wonen", naam: "Sanne de Vries" });
    // A peilmoment today: what changes after it counts as changed since the last peilmoment.
    await openApp(page, url, "#/peilmomenten");
    await page.locator("#peil-naam").fill("Bestuurlijk overleg");
    await page.locator("#peil-vastleggen").click();
    await page.locator(".peil-regel", { hasText: "Bestuurlijk overleg" }).waitFor();
    await detail(page, url, "J 2.8");
    await page.locator("#status-groen").check();
    await page.click("#status-opslaan");
    await page.locator(".samenvatting .status-groen").waitFor();
    await page.fill("#voortgang-tekst", "Locatie gevonden.");
    await page.click("#voortgang-toevoegen");
    await page.locator("#voortgang li", { hasText: "Locatie gevonden." }).waitFor();
    await opgeslagen(page);
    await openApp(page, url, "#/");
    const groepen = page.locator("#gewijzigd > li");
    await groepen.first().waitFor();
    assert.equal(await groepen.count(), 1, "one agreement");
    const groep = await groepen.first().textContent();
    assert.match(groep, /J 2\.8/);
    assert.match(groep, /Status: Groen/);
    assert.match(groep, /Voortgang – Tekst: Locatie gevonden\./);
    assert.match(groep, /Sanne de Vries \(Pré Wonen\)/);
    assert.doesNotMatch(groep, /Auteur|Datum|Partij|Afspraak:/);
    // The moments to choose from.
    const opties = await page.locator("#sinds option").allTextContents();
    assert.ok(opties.some((o) => /afgelopen week/.test(o)));
    assert.ok(opties.some((o) => /laatste peilmoment \(Bestuurlijk overleg/.test(o)), opties.join(" | "));
    await page.locator("#sinds").selectOption("peilmoment");
    await page.locator("#gewijzigd > li", { hasText: "J 2.8" }).waitFor();
    assert.equal(await page.locator("#gewijzigd > li").count(), 1);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("it is not printed", async () => {
    const page = app.page;
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.locator("#gewijzigd-sectie").isVisible(), false);
    await page.emulateMedia({ media: "screen" });
    assert.equal(await page.locator("#gewijzigd-sectie").isVisible(), true);
  });
});

describe("Wat is er veranderd, just after midnight", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  test("a peilmoment of today includes what was done today, also in the first hour of the day", async () => {
    const page = app.page;
    // 00:30 in Amsterdam (the tests' time zone) is 23:30 UTC of the day before.
    await page.clock.setFixedTime(new Date("2026-12-07T23:30:00Z"));
    await wieBenIk(page, url, { partij: "Pré Wonen", naam: "Sanne de Vries" });
    await openApp(page, url, "#/peilmomenten");
    await page.locator("#peil-naam").fill("Nachtelijk overleg");
    await page.locator("#peil-vastleggen").click();
    await page.locator(".peil-regel", { hasText: "Nachtelijk overleg" }).waitFor();
    await detail(page, url, "J 2.8");
    await page.locator("#status-groen").check();
    await page.click("#status-opslaan");
    await page.locator(".samenvatting .status-groen").waitFor();
    await opgeslagen(page);
    await openApp(page, url, "#/");
    const opties = await page.locator("#sinds option").allTextContents();
    assert.ok(opties.some((o) => /laatste peilmoment \(Nachtelijk overleg, 08-12-2026\)/.test(o)), opties.join(" | "));
    await page.locator("#sinds").selectOption("peilmoment");
    await page.locator("#gewijzigd > li", { hasText: "J 2.8" }).waitFor();
  });
});

describe("the planning board", () => {
  const suite = appPerSuite();
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  for (const breed of [1366, 1024, 320]) {
    test(`at ${breed} px no word breaks mid-word and no badge sticks out of its card`, async () => {
      const page = app.page;
      await page.setViewportSize({ width: breed, height: 768 });
      await openApp(page, url, "#/planning?jaar=2024");
      await page.locator(".planning-kaart").first().waitFor();
      const gebroken = await page.evaluate(gebrokenWoorden, ".planning-kaart .afspraak-titel");
      assert.deepEqual(gebroken.filter((g) => !g.afgebroken), []);
      const uitstekend = await page.evaluate(() =>
        [...document.querySelectorAll(".planning-kaart")].flatMap((kaart) => {
          const k = kaart.getBoundingClientRect();
          return [...kaart.querySelectorAll(".status, .label, select")]
            .filter((b) => {
              const r = b.getBoundingClientRect();
              return r.right > k.right + 0.5 || r.left < k.left - 0.5;
            })
            .map((b) => `${kaart.dataset.code}: ${b.textContent.trim()}`);
        }),
      );
      assert.deepEqual(uitstekend, []);
    });
  }

  test("a card moves to another tertiaal with the keyboard; the focus stays on it", async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await wieBenIk(page, url, { partij: "Gemeente Heemstede", naam: "Anna Jansen" });
    await openApp(page, url, "#/planning?jaar=2024");
    const kaart = page.locator('[data-kolom="T1"] .planning-kaart').first();
    const code = await kaart.getAttribute("data-code");
    const keuze = kaart.getByLabel(`Tertiaal van ${code}`);
    await keuze.focus();
    await keuze.selectOption("T3");
    const verplaatst = page.locator(`[data-kolom="T3"] .planning-kaart[data-code="${code}"]`);
    await verplaatst.waitFor();
    assert.equal(await page.locator(`[data-kolom="T1"] .planning-kaart[data-code="${code}"]`).count(), 0);
    await page.waitForFunction((c) => document.activeElement?.closest(".planning-kaart")?.dataset.code === c, code);
    await opgeslagen(page);
    // Stored: after a reload it is still in T3, and the detail page says so.
    await page.reload();
    await page.locator(`[data-kolom="T3"] .planning-kaart[data-code="${code}"]`).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
  });
});

describe("lists", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  test("one found agreement is counted in the singular", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?zoek=woonwagen");
    await page.locator('li.afspraak-regel[data-code="J 2.8"]').waitFor();
    const aantal = await page.locator("#aantal").textContent();
    assert.match(aantal, /\b1 jaarafspraak\b/);
    assert.doesNotMatch(aantal, /\b1 (jaar|kader)afspraken\b/);
  });

  test("at 1366×768 the first agreement is on the first screen; the less used filters are folded", async () => {
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await openApp(page, url, "#/afspraken");
    // As after a first start: the user chose to look at the example.
    const welkom = page.getByRole("button", { name: "Bekijk het voorbeeld" });
    if (await welkom.count()) await welkom.click();
    const eerste = page.locator("li.afspraak-regel").first();
    await eerste.waitFor();
    const onder = await eerste.evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(onder <= 768, `first row ends at ${onder} px`);
    assert.equal(await page.locator("#f-partij").isVisible(), false);
    await page.getByText(/^Meer filters/).click();
    assert.equal(await page.locator("#f-partij").isVisible(), true);
    // A folded filter that is set opens its fold.
    await openApp(page, url, "#/afspraken?conflict=ja");
    await page.reload();
    await page.locator("#f-conflict").waitFor({ state: "visible" });
    assert.deepEqual(await axeViolations(page), []);
  });

  test("an empty workspace says so, and does not ask to change filters that are not set", async () => {
    const page = app.page;
    await wieBenIk(page, url, { partij: "Gemeente Heemstede", naam: "Anna Jansen" });
    await openApp(page, url, "#/werkruimtes");
    await page.fill("#nieuw-titel", "Leeg");
    await page.press("#nieuw-titel", "Enter");
    await page.locator(".kop-werkruimte", { hasText: "Leeg" }).waitFor();
    await openApp(page, url, "#/afspraken");
    const aantal = page.locator("#aantal");
    await aantal.filter({ hasText: "nog geen afspraken" }).waitFor();
    assert.doesNotMatch(await aantal.textContent(), /filters/);
    await openApp(page, url, "#/afspraken?status=rood");
    await aantal.filter({ hasText: "Pas de filters aan" }).waitFor();
  });
});
