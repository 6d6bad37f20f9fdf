// Sharing by email (the Delen page): export for other parties and as a backup, import with a
// preview before anything changes, conflicts shown side by side and resolved, undo, compare
// without merging, bad files refused with a Dutch message, and a large file read with progress.
//
// Two browser profiles play two parties: A is the gemeente, B a huurdersorganisatie. Files go
// from one to the other as downloads and uploads, as they would by email.

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { axeViolations, copyToFreshFolder, exporteer as exporteerNaar, freshFolder, launch, openApp, opgeslagen, watch, wieBenIk as wieBenIkOp } from "./helpers.mjs";

const GEMEENTE = { partij: "Gemeente Heemstede", naam: "Gert Jansen" };
const HUURDERS = { partij: "Bewonerskern Pré Zuid-Kennemerland", naam: "Bea Bakker" };

describe("delen: exchanging files between two parties", () => {
  let url;
  let map;
  let A;
  let B;
  let seenA;
  let seenB;
  const files = {};

  before(async () => {
    url = copyToFreshFolder();
    map = freshFolder("Afsprakenmonitor bijlagen");
    A = await launch();
    B = await launch();
    seenA = watch(A.page);
    seenB = watch(B.page);
  });

  after(async () => {
    await A?.close();
    await B?.close();
  });

  const wieBenIk = (page, wie) => wieBenIkOp(page, url, wie);

  async function naarDelen(page) {
    await openApp(page, url, "#/delen");
    await page.locator("main h1", { hasText: "Delen" }).waitFor();
  }

  const exporteer = (page, label, soort) => exporteerNaar(page, url, map, label, soort);

  async function kiesBestand(page, path) {
    await naarDelen(page);
    await page.setInputFiles("#import-bestand", path);
  }

  /** Waits for the preview; fails at once with the message when the file was refused. */
  async function voorbeeld(page, timeout = 30_000) {
    await page.locator("#import-voorbeeld, #import-fout").first().waitFor({ timeout });
    const fout = page.locator("#import-fout");
    if (await fout.count()) assert.fail(`import refused: ${await fout.textContent()}`);
  }

  async function openAfspraak(page, code) {
    await openApp(page, url, "#/afspraken");
    await page.locator(`li.afspraak-regel[data-code="${code}"] a`).first().click();
    await page.locator("#afspraak-kop", { hasText: code }).waitFor();
  }

  async function zetStatus(page, code, status, oorzaak, actie) {
    await openAfspraak(page, code);
    await page.locator(`#status-${status}`).check();
    if (oorzaak) {
      await page.fill("#oorzaak", oorzaak);
      await page.fill("#actie", actie);
    }
    await page.click("#status-opslaan");
    await page.locator(`.samenvatting .status-${status}`).waitFor();
    await opgeslagen(page);
  }

  async function voortgang(page, code, tekst) {
    await openAfspraak(page, code);
    await page.fill("#voortgang-tekst", tekst);
    await page.click("#voortgang-toevoegen");
    await page.locator("#voortgang li", { hasText: tekst }).waitFor();
    await opgeslagen(page);
  }

  const ids = (file) => new Set(file.json.wijzigingen.map((c) => c.id));

  test("the empty page explains export and import, and has no axe violations", async () => {
    await wieBenIk(A.page, GEMEENTE);
    await naarDelen(A.page);
    assert.match(await A.page.locator(".delen-export").textContent(), /alleen voor ons/);
    assert.match(await A.page.locator(".delen-export").textContent(), /Reservekopie/);
    // The file chooser has a label and only accepts JSON.
    assert.equal(await A.page.locator("label[for=import-bestand]").count(), 1);
    assert.equal(await A.page.getAttribute("#import-bestand", "accept"), ".json,application/json");
    assert.equal(await A.page.locator("#importzone").count(), 1);
    assert.deepEqual(await axeViolations(A.page), []);
  });

  test("export for other parties: file name by title, date and party; JSON of the app", async () => {
    files.a1 = await exporteer(A.page, "a1");
    assert.match(files.a1.name, /^prestatieafspraken-heemstede-\d{4}-\d{2}-\d{2}-gemeente-heemstede\.json$/);
    assert.equal(files.a1.json.formaat, "afsprakenmonitor");
    assert.equal(files.a1.json.soort, "uitwisseling");
    assert.equal(files.a1.json.geexporteerd_door.partij, GEMEENTE.partij);
    assert.ok(files.a1.json.wijzigingen.length > 100);
    const backup = await exporteer(A.page, "a1-backup", "reservekopie");
    assert.equal(backup.json.soort, "reservekopie");
    assert.equal(backup.json.werkruimte, files.a1.json.werkruimte);
  });

  test("a broken or foreign file gets a clear Dutch message and changes nothing", async () => {
    await wieBenIk(B.page, HUURDERS);
    const voor = await exporteer(B.page, "b0");
    files.b0 = voor;
    const tekst = readFileSync(files.a1.path, "utf8");
    const afgebroken = join(map, "afgebroken.json");
    writeFileSync(afgebroken, tekst.slice(0, Math.floor(tekst.length / 2)));
    await kiesBestand(B.page, afgebroken);
    const fout = B.page.locator("#import-fout[role=alert]");
    await fout.waitFor();
    assert.match(await fout.textContent(), /niet compleet/);
    assert.match(await fout.textContent(), /regel \d+, kolom \d+/);
    assert.match(await fout.textContent(), /Er is niets veranderd/);
    assert.deepEqual(await axeViolations(B.page), []);

    // Dropped on the drop zone instead of chosen: the same check.
    const vreemd = JSON.stringify({ hallo: "wereld" });
    await B.page.evaluate((inhoud) => {
      const dt = new DataTransfer();
      dt.items.add(new File([inhoud], "vreemd.json", { type: "application/json" }));
      const zone = document.querySelector("#importzone");
      zone.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, vreemd);
    await B.page.locator("#import-fout", { hasText: "geen bestand van de Afsprakenmonitor" }).waitFor();

    const na = await exporteer(B.page, "b0-na");
    assert.deepEqual(ids(na), ids(voor));
  });

  test("a file of a workspace B does not have is added as a new workspace, never merged", async () => {
    const page = B.page;
    const lijstVoor = await werkruimtes(page);
    await kiesBestand(page, files.a1.path);
    await page.locator("#import-nieuwe-werkruimte").waitFor();
    assert.match(await page.locator("#import-info").textContent(), /Gert Jansen \(Gemeente Heemstede\)/);
    // B has its own Heemstede example with the same title: it is not offered for merging.
    assert.equal(await page.locator("#import-toepassen").count(), 0);
    await page.click("#nieuwe-werkruimte-toevoegen");
    await page.locator("#melding", { hasText: "toegevoegd en geopend" }).waitFor();
    await opgeslagen(page);
    const lijstNa = await werkruimtes(page);
    assert.equal(lijstNa, lijstVoor + 1);
    // B's copy now exports the same changes as A's file.
    files.b1 = await exporteer(page, "b1");
    assert.equal(files.b1.json.werkruimte, files.a1.json.werkruimte);
    assert.deepEqual(ids(files.b1), ids(files.a1));
  });

  async function werkruimtes(page) {
    await openApp(page, url, "#/werkruimtes");
    await page.locator("#werkruimte-lijst").waitFor();
    return page.locator("#werkruimte-lijst > li").count();
  }

  test("importing a file whose changes are all known says so and changes nothing", async () => {
    await kiesBestand(B.page, files.a1.path);
    await B.page.locator("#niets-nieuw", { hasText: "Dit bestand bevat niets nieuws" }).waitFor();
    assert.equal(await B.page.locator("#import-toepassen").count(), 0);
    // One's own export, too.
    await kiesBestand(A.page, files.a1.path);
    await A.page.locator("#niets-nieuw").waitFor();
  });

  test("a file of a workspace that is not open opens it first; a deleted one is named as deleted", async () => {
    const page = B.page;
    const kaart = (wr) => page.locator(`#werkruimte-lijst > li[data-werkruimte="${wr}"]`);
    const eigen = files.b0.json.werkruimte;
    // B opens its own example; A's file belongs to the other workspace, which is opened for it.
    await werkruimtes(page);
    await kaart(eigen).getByRole("button", { name: "Openen" }).click();
    await page.locator("main h1", { hasText: "Overzicht" }).waitFor();
    await kiesBestand(page, files.a1.path);
    await page.locator("#import-geopend").waitFor();
    await page.locator("#niets-nieuw").waitFor();
    assert.match(await page.locator("#import-geopend").textContent(), /is nu geopend/);

    // B deletes its own example, then chooses an old file of it.
    await werkruimtes(page);
    await kaart(eigen).getByRole("button", { name: "Verwijderen" }).click();
    await page.getByRole("button", { name: "Ja, verwijderen" }).click();
    await kaart(eigen).waitFor({ state: "detached" });
    await kiesBestand(page, files.b0.path);
    const verwijderd = page.locator("#import-verwijderd");
    await verwijderd.waitFor();
    assert.match(await verwijderd.textContent(), /U hebt deze werkruimte verwijderd/);
    assert.equal(await page.locator("#nieuwe-werkruimte-toevoegen").count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.click("#import-herstellen");
    await page.locator("#niets-nieuw").waitFor();
    assert.equal(await werkruimtes(page), 2);

    // Back to the shared workspace for the rest.
    await kaart(files.a1.json.werkruimte).getByRole("button", { name: "Openen" }).click();
    await page.locator("main h1", { hasText: "Overzicht" }).waitFor();
  });

  test("both parties edit: the same status differently, and voortgang on other agreements", async () => {
    await zetStatus(A.page, "J 1.9", "geel", "Pré Wonen haalt 40 % van de opgave.", "Extra overleg in T2.");
    await voortgang(A.page, "J 2.3", "Gemeente: notitie voortgang J 2.3");
    await zetStatus(B.page, "J 1.9", "groen");
    await voortgang(B.page, "J 1.4", "Bewonerskern: voortgang J 1.4");
    files.a2 = await exporteer(A.page, "a2");
    files.b2 = await exporteer(B.page, "b2");
  });

  test("the preview lists new items, changed fields and the conflict with both values, before anything changes", async () => {
    const page = A.page;
    await kiesBestand(page, files.b2.path);
    await voorbeeld(page);
    // New: B's voortgang, attributed to B's author and party.
    const nieuw = page.locator("#nieuwe-items");
    assert.match(await nieuw.textContent(), /J 1\.4/);
    assert.match(await nieuw.textContent(), /voortgang/);
    assert.match(await nieuw.textContent(), /Bea Bakker \(Bewonerskern Pré Zuid-Kennemerland\)/);
    // The conflict: both values side by side, each with who set it.
    const conflict = page.locator('#import-conflicten .conflict-voorbeeld[data-veld="status"]');
    await conflict.waitFor();
    const tekst = await conflict.textContent();
    assert.match(tekst, /J 1\.9/);
    assert.match(tekst, /In uw werkruimte/);
    assert.match(tekst, /In het bestand/);
    assert.match(tekst, /Geel/);
    assert.match(tekst, /Groen/);
    assert.match(tekst, /Gert Jansen \(Gemeente Heemstede\)/);
    assert.match(tekst, /Bea Bakker/);
    assert.deepEqual(await axeViolations(page), []);

    // Compare without merging: shows the differences, changes nothing.
    await page.click("#import-vergelijken");
    const vergelijking = page.locator("#vergelijking");
    await vergelijking.waitFor();
    assert.match(await page.locator("#alleen-bestand").textContent(), /J 1\.4/);
    assert.match(await page.locator("#alleen-hier").textContent(), /J 2\.3/);
    assert.match(await page.locator('#verschillen tr[data-veld="status"]').textContent(), /J 1\.9/);
    assert.deepEqual(await axeViolations(page), []);
    await page.click("#import-vergelijken");

    // Nothing changed yet: the export is as before.
    const nogNiets = await exporteer(page, "a2-nog-niets");
    assert.deepEqual(ids(nogNiets), ids(files.a2));
  });

  test("apply, resolve with a typed value, then undo with one click restores the copy as it was", async () => {
    const page = A.page;
    await kiesBestand(page, files.b2.path);
    await voorbeeld(page);
    await page.click("#import-toepassen");
    await page.locator("#import-toegepast").waitFor();
    const conflict = page.locator('#conflicten-oplossen section.conflict[data-veld="status"]');
    await conflict.waitFor();
    await opgeslagen(page);
    assert.deepEqual(await axeViolations(page), []);
    // A new value instead of one of the two: a choice list for a status.
    await conflict.locator("select").selectOption("niet_beoordeeld");
    await conflict.getByRole("button", { name: "Deze waarde gebruiken" }).click();
    await conflict.locator(".opgelost", { hasText: "Niet beoordeeld" }).waitFor();
    await opgeslagen(page);
    // Undo takes away the import and the choice made after it.
    await page.click("#import-ongedaan");
    await page.locator("#melding", { hasText: "ongedaan gemaakt" }).waitFor();
    await opgeslagen(page);
    const terug = await exporteer(page, "a2-na-ongedaan");
    assert.deepEqual(ids(terug), ids(files.a2));
    await openAfspraak(page, "J 1.9");
    await page.locator(".samenvatting .status-geel").waitFor();
    assert.equal(await page.locator("#conflicten").count(), 0);
  });

  test("apply again and resolve the conflict by picking a value; the choice travels with the export", async () => {
    const page = A.page;
    await kiesBestand(page, files.b2.path);
    await voorbeeld(page);
    await page.click("#import-toepassen");
    const conflict = page.locator('#conflicten-oplossen section.conflict[data-veld="status"]');
    await conflict.waitFor();
    assert.match(await conflict.textContent(), /Geel/);
    assert.match(await conflict.textContent(), /Groen/);
    await conflict.locator("button.conflict-kies[data-waarde='\"geel\"']").click();
    await conflict.locator(".opgelost", { hasText: "Geel" }).waitFor();
    await page.locator("#alles-opgelost").waitFor();
    await opgeslagen(page);
    files.a3 = await exporteer(page, "a3");
    // A's copy has everything of both, plus the choice.
    for (const id of ids(files.b2)) assert.ok(ids(files.a3).has(id));
    for (const id of ids(files.a2)) assert.ok(ids(files.a3).has(id));
    assert.equal(files.a3.json.wijzigingen.length, new Set([...ids(files.a2), ...ids(files.b2)]).size + 1);
  });

  test("the other party imports it: no conflict, and both copies end identical", async () => {
    const page = B.page;
    await kiesBestand(page, files.a3.path);
    await voorbeeld(page);
    assert.equal(await page.locator("#import-conflicten").count(), 0);
    const rij = page.locator('#gewijzigde-velden tr[data-veld="status"]');
    assert.match(await rij.textContent(), /J 1\.9/);
    assert.match(await rij.textContent(), /Groen/);
    assert.match(await rij.textContent(), /Geel/);
    assert.match(await rij.textContent(), /Gert Jansen \(Gemeente Heemstede\)/);
    await page.click("#import-toepassen");
    await page.locator("#import-toegepast").waitFor();
    assert.equal(await page.locator("#conflicten-oplossen").count(), 0);
    files.b3 = await exporteer(page, "b3");
    assert.deepEqual(ids(files.b3), ids(files.a3));

    // Each side imports the other's last file: nothing new.
    await kiesBestand(A.page, files.b3.path);
    await A.page.locator("#niets-nieuw").waitFor();
    await kiesBestand(B.page, files.a3.path);
    await B.page.locator("#niets-nieuw").waitFor();

    // Same state on both sides: J 1.9 is geel without conflict, both voortgang entries are there.
    for (const p of [A.page, B.page]) {
      await openAfspraak(p, "J 1.9");
      await p.locator(".samenvatting .status-geel").waitFor();
      assert.equal(await p.locator("#conflicten").count(), 0);
      await openAfspraak(p, "J 1.4");
      await p.locator("#voortgang li", { hasText: "Bewonerskern: voortgang J 1.4" }).waitFor();
      await openAfspraak(p, "J 2.3");
      await p.locator("#voortgang li", { hasText: "Gemeente: notitie voortgang J 2.3" }).waitFor();
    }
  });

  test("a new agreement whose code already exists is pointed out in the preview", async () => {
    const page = A.page;
    const item = randomUUID();
    const wr = files.b3.json.werkruimte;
    const tijd = Date.now();
    const velden = { code: "J 1.9", titel: "Een tweede J 1.9 van een andere partij" };
    const extra = Object.entries(velden).map(([veld, waarde], i) => ({
      id: randomUUID(), werkruimte: wr, item, soort: "jaarafspraak", veld, waarde, tijd: tijd + i, partij: "Elan Wonen", auteur: "Eva de Groot",
    }));
    const path = voegToe(files.b3.path, join(map, "dubbele-code.json"), extra);
    await kiesBestand(page, path);
    await voorbeeld(page);
    const rij = page.locator(`#nieuwe-items tr[data-item="${item}"]`);
    assert.match(await rij.textContent(), /Let op: de code J 1\.9 komt vaker voor/);
    assert.match(await rij.textContent(), /Eva de Groot \(Elan Wonen\)/);
    // Keyboard users land on the result, and reach the buttons from there.
    await page.waitForFunction(() => document.activeElement?.id === "import-resultaat");
    await page.click("#import-annuleren");
    await page.waitForFunction(() => document.activeElement?.id === "import-bestand");
  });

  test("a large file (about 20 MB) is read with progress and the preview appears", async () => {
    const page = A.page;
    const groot = maakGrootBestand(files.a3, join(map, "groot.json"), 20 * 1024 * 1024);
    await naarDelen(page);
    await page.evaluate(() => {
      window.__voortgang = [];
      new MutationObserver(() => {
        const p = document.querySelector("#import-voortgang");
        if (p) window.__voortgang.push(Number(p.value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const start = Date.now();
    await page.setInputFiles("#import-bestand", groot.path);
    await voorbeeld(page, 120_000);
    const voorbeeldMs = Date.now() - start;
    const gezien = await page.evaluate(() => window.__voortgang);
    assert.ok(gezien.length >= 3, `progress was shown (${gezien.length} updates)`);
    assert.ok(gezien.some((v) => v > 0 && v < 80), "progress while reading");
    assert.match(await page.locator("#import-samenvatting").textContent(), new RegExp(`Nieuwe wijzigingen: ${groot.nieuw}\\.`));
    const t2 = Date.now();
    await page.click("#import-toepassen");
    await page.locator("#import-toegepast").waitFor({ timeout: 120_000 });
    const toepassenMs = Date.now() - t2;
    await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor({ timeout: 120_000 });
    const opslaanMs = Date.now() - t2;
    console.log(
      `large file: ${(groot.bytes / 1024 / 1024).toFixed(1)} MB, ${groot.nieuw} new changes; ` +
        `read+check+preview ${voorbeeldMs} ms, apply on screen ${toepassenMs} ms, stored ${opslaanMs} ms`,
    );
  });

  test("no errors and no requests to anywhere", () => {
    assert.deepEqual(seenA.errors, []);
    assert.deepEqual(seenB.errors, []);
    assert.deepEqual(seenA.foreignRequests(url), []);
    assert.deepEqual(seenB.foreignRequests(url), []);
  });
});

/** Writes the exported file at `bron` with `extra` changes added at the end of `wijzigingen`
 * (the last field). The exported text is kept as it is. Returns the new path. */
function voegToe(bron, path, extra) {
  const origineel = readFileSync(bron, "utf8").trimEnd();
  assert.ok(origineel.endsWith("]\n}"), "wijzigingen is the last field of an export");
  const kop = origineel.slice(0, origineel.lastIndexOf("]")).trimEnd();
  writeFileSync(path, `${kop},\n${extra.map((c) => JSON.stringify(c)).join(",\n")}\n]\n}\n`);
  return path;
}

/**
 * Writes `file` plus many voortgang entries on one agreement until the file is about `bytes`
 * large. Returns { path, bytes, nieuw } (nieuw: the number of added changes).
 */
function maakGrootBestand(file, path, bytes) {
  const wr = file.json.werkruimte;
  const afspraak = file.json.wijzigingen.find((c) => c.soort === "jaarafspraak" && c.veld === "code" && c.waarde === "J 2.3").item;
  const tekst = "Voortgang uit een groot bestand. ".repeat(8);
  let tijd = Date.now() - 86_400_000;
  const extra = [];
  let grootte = statSync(file.path).size;
  while (grootte < bytes) {
    const item = randomUUID();
    const velden = { afspraak, datum: "2025-03-25", partij: "Elan Wonen", auteur: "Eva de Groot", tekst: `${tekst}${extra.length}` };
    for (const [veld, waarde] of Object.entries(velden)) {
      const c = { id: randomUUID(), werkruimte: wr, item, soort: "voortgang", veld, waarde, tijd: tijd++, partij: "Elan Wonen", auteur: "Eva de Groot" };
      extra.push(c);
      grootte += JSON.stringify(c).length + 2;
    }
  }
  voegToe(file.path, path, extra);
  return { path, bytes: statSync(path).size, nieuw: extra.length };
}
