// What axe-core does not catch: a visible focus on every element of every view, no sideways
// scrolling at 320 px (WCAG 1.4.10), focus on the page heading after a page opens, buttons whose
// name says what they act on, and a message that shows next to the action and goes with the page.

import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { VIEWS, appPerSuite, axeViolations, expectHeading, openApp, opgeslagen, wieBenIk } from "./helpers.mjs";

/** Every view plus the ones outside `VIEWS` and a detail page (found by the code J 2.8). */
const ALLE = [...VIEWS, { hash: "#/werkruimtes", h1: "Werkruimtes" }, { hash: "#/instellingen", h1: "Instellingen" }];

async function openDetail(page, url, code = "J 2.8") {
  await openApp(page, url, `#/afspraken?zoek=${encodeURIComponent(code)}`);
  const link = page.locator(`li.afspraak-regel[data-code="${code}"] a`);
  await link.waitFor();
  await link.click();
  await page.locator("#afspraak-kop", { hasText: code }).waitFor();
}

/**
 * In the page: the focus ring of the focused element. Visible means an outline of at least 2 px
 * or a box-shadow ring, in a colour with at least 3:1 contrast against what lies behind it.
 */
function focusRing() {
  const el = document.activeElement;
  const kleur = (s) => {
    const m = s.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (x, y) => {
    const [l1, l2] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (l1 + 0.05) / (l2 + 0.05);
  };
  // What lies behind the ring: the first ancestor with an opaque background.
  let bg = { r: 255, g: 255, b: 255, a: 1 };
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = kleur(getComputedStyle(n).backgroundColor);
    if (c && c.a > 0.5) {
      bg = c;
      break;
    }
  }
  const s = getComputedStyle(el);
  const ringen = [];
  if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) ringen.push(kleur(s.outlineColor));
  for (const m of s.boxShadow.matchAll(/rgba?\([^)]+\)[^,]*?(\d+(?:\.\d+)?)px(?=\s*(?:,|$))/g)) {
    if (parseFloat(m[1]) >= 2) ringen.push(kleur(m[0]));
  }
  const beste = Math.max(0, ...ringen.filter((c) => c && c.a > 0.5).map((c) => contrast(c, bg)));
  const naam = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"`;
  return { naam, beste, outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, achter: `rgb(${bg.r},${bg.g},${bg.b})` };
}

/** Tabs through the whole page from the top and returns the focus ring of every stop. */
async function tabOverAlles(page) {
  // Tab starts from a point before the skip link (a same-page navigation keeps the old one).
  await page.evaluate(() => {
    const begin = document.createElement("span");
    begin.tabIndex = -1;
    begin.id = "tab-begin";
    document.body.prepend(begin);
    begin.focus();
    window.scrollTo(0, 0);
  });
  const gezien = [];
  const eerste = new Set();
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press("Tab");
    const sleutel = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.dataset.tabStop) el.dataset.tabStop = String(Math.random());
      return el.dataset.tabStop;
    });
    if (sleutel === null || eerste.has(sleutel)) break;
    eerste.add(sleutel);
    gezien.push(await page.evaluate(focusRing));
  }
  await page.evaluate(() => document.getElementById("tab-begin")?.remove());
  return gezien;
}

describe("focus is visible on every focusable element (WCAG 2.4.7, 1.4.11)", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  for (const view of ALLE) {
    test(`every Tab stop on ${view.hash} has a ring of 3:1 or more`, async () => {
      await openApp(app.page, url, view.hash);
      await expectHeading(app.page, view.h1);
      const stops = await tabOverAlles(app.page);
      assert.ok(stops.length >= 11, `only ${stops.length} Tab stops`);
      const slecht = stops.filter((s) => s.beste < 3);
      assert.deepEqual(slecht, []);
    });
  }

  test("every Tab stop on a detail page has a ring of 3:1 or more", async () => {
    await openDetail(app.page, url);
    const stops = await tabOverAlles(app.page);
    assert.ok(stops.length >= 20);
    assert.deepEqual(stops.filter((s) => s.beste < 3), []);
  });
});

describe("reflow at 320 CSS pixels (WCAG 1.4.10)", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  /** The page is no wider than the window; what scrolls sideways is a labelled, focusable region. */
  async function geenZijwaarts(page) {
    return page.evaluate(() => {
      const breed = document.documentElement.scrollWidth;
      const regio = [];
      for (const el of document.querySelectorAll("main *")) {
        const s = getComputedStyle(el);
        if (el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(s.overflowX) && s.display !== "none") {
          const naam = el.getAttribute("aria-label") || (el.getAttribute("aria-labelledby") && document.getElementById(el.getAttribute("aria-labelledby"))?.textContent);
          if (el.getAttribute("role") !== "region" || !naam || el.tabIndex !== 0) regio.push(el.outerHTML.slice(0, 80));
        }
      }
      return { breed, venster: window.innerWidth, regio };
    });
  }

  for (const view of ALLE) {
    test(`${view.hash} does not scroll sideways at 320 px`, async () => {
      await app.page.setViewportSize({ width: 320, height: 640 });
      await openApp(app.page, url, view.hash);
      await expectHeading(app.page, view.h1);
      const r = await geenZijwaarts(app.page);
      assert.ok(r.breed <= r.venster, `${view.hash} is ${r.breed} px wide at ${r.venster} px`);
      assert.deepEqual(r.regio, []);
      assert.deepEqual(await axeViolations(app.page), []);
    });
  }

  test("a detail page does not scroll sideways at 320 px, also with its forms open", async () => {
    await app.page.setViewportSize({ width: 320, height: 640 });
    await openDetail(app.page, url, "J 1.9");
    await app.page.getByRole("button", { name: "Gegevens bewerken" }).click();
    await app.page.locator("#bewerk-titel").waitFor();
    const r = await geenZijwaarts(app.page);
    assert.ok(r.breed <= r.venster, `detail page is ${r.breed} px wide at ${r.venster} px`);
    assert.deepEqual(r.regio, []);
    assert.deepEqual(await axeViolations(app.page), []);
  });
});

describe("focus after opening a page, and names that say what a button acts on", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  test("a detail page opened from the list puts focus on its heading; the next Tab stays in the page", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?zoek=woonwagen");
    const link = page.locator('li.afspraak-regel[data-code="J 2.8"] a');
    await link.focus();
    await page.keyboard.press("Enter");
    await page.locator("#afspraak-kop", { hasText: "J 2.8" }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "afspraak-kop");
    await page.keyboard.press("Tab");
    const inMain = await page.evaluate(() => !!document.activeElement.closest("main") && !document.activeElement.closest("header"));
    assert.ok(inMain, "the first Tab after the heading goes into the page");
  });

  test("a page opened from the menu puts focus on its heading", async () => {
    const page = app.page;
    await page.locator('nav a[href="#/planning"]').click();
    await expectHeading(page, "Planning");
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  });

  test("a voortgang entry's delete button names the entry by its date", async () => {
    const page = app.page;
    await wieBenIk(page, url, { partij: "Pré Wonen", naam: "Sanne de Vries" });
    await openDetail(page, url, "J 2.8");
    await page.fill("#voortgang-tekst", "Gesprek met bewoners gepland.");
    await page.click("#voortgang-toevoegen");
    const entry = page.locator("#voortgang li", { hasText: "Gesprek met bewoners gepland." });
    await entry.waitFor();
    const datum = (await entry.locator(".tijdlijn-kop strong").textContent()).trim();
    assert.match(datum, /^\d\d-\d\d-\d{4}$/);
    await entry.getByRole("button", { name: `Verwijder voortgang van ${datum}`, exact: true }).waitFor();
  });
});

describe("a message shows next to the action and goes with the page", () => {
  const suite = appPerSuite();
  let app, url;
  before(() => ({ app, url } = suite));

  test("saving a status shows the message inside the status section, in view and in a live region", async () => {
    const page = app.page;
    await wieBenIk(page, url, { partij: "Pré Wonen", naam: "Sanne de Vries" });
    await openDetail(page, url, "J 2.8");
    await page.locator("#status-groen").check();
    await page.click("#status-opslaan");
    const melding = page.locator("#status-sectie .melding", { hasText: "De status is gewijzigd." });
    await melding.waitFor();
    assert.ok(await melding.isVisible());
    const inBeeld = await melding.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inBeeld, "the message is in view");
    assert.equal(await melding.evaluate((el) => !!el.closest('[aria-live="polite"]')), true);
    // Not (also) at the top of the page.
    assert.equal(await page.locator("main > .meldingen .melding", { hasText: "De status is gewijzigd." }).count(), 0);
    await opgeslagen(page);
  });

  test("the message is gone on the next page", async () => {
    const page = app.page;
    await page.locator('nav a[href="#/planning"]').click();
    await expectHeading(page, "Planning");
    assert.equal(await page.getByText("De status is gewijzigd.").count(), 0);
    await page.goBack();
    await page.locator("#afspraak-kop", { hasText: "J 2.8" }).waitFor();
    assert.equal(await page.getByText("De status is gewijzigd.").count(), 0);
  });
});
