// Agreements from a table: a new workspace for another gemeente in one flow, then 10
// kaderafspraken and 10 jaarafspraken from a table pasted as Word/Excel would (a real paste
// event with text/html and text/plain), by keyboard, in a few actions after the paste; the
// preview names each problem with row and column; undo in one click; a CSV given to the import
// page goes to the table page; after a reload the agreements are there and their export reads
// into a fresh browser.

import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";

import { appPerSuite, axeViolations, expectHeading, exporteer, freshFolder, IK, launch, copyToFreshFolder, openApp, opgeslagen, wieBenIk } from "./helpers.mjs";

/** A Word-like table: merged theme rows, paragraphs in cells, non-breaking spaces, a status
 * column of fill colours only. */
function tabelHtml() {
  const kleuren = ["#00B050", "#FFFF00", "#FF0000"];
  let rijen = "<tr><td><p><b>Nr</b></p></td><td><p><b>Afspraak</b></p></td><td><b>Trekker</b></td><td><b>Kaderafspraak</b></td><td><b>Prioriteit</b></td><td><b>Status</b></td></tr>";
  for (const thema of [1, 2]) {
    rijen += `<tr><td colspan=6><p><b>${thema}&nbsp;${thema === 1 ? "Passend wonen" : "Duurzaam wonen"}</b></p></td></tr>`;
    for (let i = 1; i <= 5; i++) {
      rijen += `<tr><td>K${thema}.${i}</td><td><p>Kader ${thema}.${i} Bloemendaal</p><p>Toelichting bij kader&nbsp;${i}.</p></td><td>Corporaties</td><td></td><td></td><td></td></tr>`;
    }
    for (let i = 1; i <= 5; i++) {
      rijen += `<tr><td>J${thema}.${i}</td><td>Jaarafspraak ${thema}.${i} Bloemendaal</td><td>Elan Wonen</td><td>K${thema}.${i}</td><td>T${(i % 3) + 1}</td><td style="background:${kleuren[i % 3]}"></td></tr>`;
    }
  }
  return `<html><body><!--StartFragment--><table class=MsoTableGrid border=1>${rijen}</table><!--EndFragment--></body></html>`;
}

/** The plain text a paste carries beside the HTML. */
const tabelTekst = "Nr\tAfspraak\nK1.1\tKader 1.1 Bloemendaal\n";

/** Pastes into the table page's paste box as a browser does: a paste event with clipboard data. */
async function plak(page, html, tekst) {
  await page.locator("#tabel-plakken").focus();
  await page.locator("#tabel-plakken").evaluate((el, [html, tekst]) => {
    const dt = new DataTransfer();
    if (html) dt.setData("text/html", html);
    dt.setData("text/plain", tekst);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [html, tekst]);
}

async function aantalAfspraken(page, url) {
  await openApp(page, url, "#/afspraken?jaar=alle");
  await page.locator("li.afspraak-regel").first().waitFor();
  return page.locator("li.afspraak-regel").count();
}

describe("agreements from a table", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));
  const map = freshFolder("tabel export");
  // The year the table page proposes: one of the workspace's period (2025–2028).
  let jaar;

  test("a new workspace in one flow, then 10 K + 10 J from a pasted table, by keyboard", async () => {
    const page = app.page;
    await openApp(page, url, "#/werkruimtes");
    await page.locator("#nieuw-met-tabel").focus();
    await page.keyboard.press("Enter");
    await expectHeading(page, "Nieuwe werkruimte");
    assert.deepEqual(await axeViolations(page), []);
    // Submitting without a title names the field.
    await page.locator("#nw-maken").focus();
    await page.keyboard.press("Enter");
    await page.locator("#nw-titel-fout").waitFor();
    await page.locator("#nw-titel").focus();
    await page.keyboard.type("Prestatieafspraken Bloemendaal 2025");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Bloemendaal");
    await page.locator("#nw-van").fill("2025");
    await page.locator("#nw-tot").fill("2028");
    await page.locator("#nw-partijen-corporatie").fill("Elan Wonen\nPré Wonen");
    await page.locator("#nw-partijen-huurdersorganisatie").fill("Huurdersvereniging Bloemendaal");
    await page.locator("#nw-themas").fill("1 Passend wonen\n2 Duurzaam wonen");
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#nw-maken").focus();
    await page.keyboard.press("Enter");
    await expectHeading(page, "Afspraken uit een tabel");
    await page.locator(".kop-werkruimte", { hasText: "Bloemendaal" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await plak(page, tabelHtml(), tabelTekst);
    // From here the user's actions are counted.
    let acties = 0;
    await page.locator("#tabel-gevonden", { hasText: "23 rijen en 6 kolommen" }).waitFor();
    assert.equal(await page.locator("#tabel-kolom-0").inputValue(), "code");
    assert.equal(await page.locator("#tabel-kolom-3").inputValue(), "kaderafspraak");
    await page.locator("#tabel-aantallen", { hasText: "10 kaderafspraken en 10 jaarafspraken" }).waitFor();
    assert.equal(await page.locator("#tabel-nieuwe-themas").count(), 0, "themes matched by number");
    jaar = Number(await page.locator("#tabel-jaar").inputValue());
    assert.ok(jaar >= 2025 && jaar <= 2028, `${jaar} is in the period`);
    await page.locator("#tabel-problemen", { hasText: "Geen rijen met een probleem." }).waitFor();
    assert.equal(await page.locator("#tabel-rijen tr[data-uitkomst=kop]").count(), 2);
    assert.deepEqual(await axeViolations(page), []);
    // The status column holds only colours: read them as statuses (keyboard: Space).
    await page.locator("#tabel-kleur").focus();
    await page.keyboard.press("Space");
    acties++;
    await page.locator("#tabel-rijen .status-groen").first().waitFor();
    assert.ok((await page.locator("#tabel-rijen tr", { hasText: "(uit de kleur)" }).count()) >= 9);
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#tabel-maken", { hasText: "Maak 20 afspraken" }).focus();
    await page.keyboard.press("Enter");
    acties++;
    await page.locator("#tabel-gemaakt", { hasText: "Gemaakt: 10 kaderafspraken en 10 jaarafspraken." }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await opgeslagen(page);
    await page.locator("#tabel-naar-afspraken").focus();
    await page.keyboard.press("Enter");
    acties++;
    await expectHeading(page, "Afspraken");
    assert.ok(acties <= 10, `${acties} actions after the paste`);
    console.log(`# actions after the paste: ${acties}`);

    // After a reload everything is there, in the proposed year.
    await page.reload();
    assert.equal(await aantalAfspraken(page, url), 20);
    await openApp(page, url, `#/afspraken?jaar=${jaar}`);
    await page.locator('li.afspraak-regel[data-code="J1.2"]').waitFor();
    const { json, path } = await exporteer(page, url, map, "bloemendaal");
    assert.equal(json.formaat, "afsprakenmonitor");
    const soorten = (s) => new Set(json.wijzigingen.filter((c) => c.soort === s).map((c) => c.item)).size;
    assert.equal(soorten("kaderafspraak"), 10);
    assert.equal(soorten("jaarafspraak"), 10);
    assert.equal(soorten("partij"), 4, "no party twice: the gemeente, Elan Wonen, Pré Wonen, the tenants");
    assert.equal(soorten("thema"), 2, "no theme twice");
    // The export reads into a fresh browser as a new workspace.
    const ander = await launch();
    try {
      const url2 = copyToFreshFolder();
      await openApp(ander.page, url2, "#/delen");
      await ander.page.setInputFiles("#import-bestand", path);
      await ander.page.locator("main", { hasText: "Prestatieafspraken Bloemendaal 2025" }).waitFor();
      assert.equal(await ander.page.locator("#import-fout").count(), 0);
    } finally {
      await ander.close();
    }
    assert.deepEqual(seen.errors, []);
  });

  test("problems are named by row and column; rows added to the workspace; one click undoes the import", async () => {
    const page = app.page;
    await openApp(page, url, "#/tabel");
    await expectHeading(page, "Afspraken uit een tabel");
    const tsv = `Nr\tAfspraak\tJaar\tThema\nJ1.6\tNieuw in 2029\t2029\t1\nJ1.7\tZonder jaar\tvolgend jaar\t1\nJ1.2\tBestaat al\t${jaar}\t1\n`;
    await plak(page, null, tsv);
    await page.locator("#tabel-aantallen", { hasText: "0 kaderafspraken en 1 jaarafspraken" }).waitFor();
    const problemen = page.locator("#tabel-problemen");
    await problemen.locator("li", { hasText: "Rij 3, kolom C (Jaar): “volgend jaar” is geen jaar." }).waitFor();
    await problemen.locator("li", { hasText: "Rij 4, kolom A (Nr): code J1.2 bestaat al in deze werkruimte." }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#tabel-maken").focus();
    await page.keyboard.press("Enter");
    await page.locator("#tabel-gemaakt", { hasText: "0 kaderafspraken en 1 jaarafspraken" }).waitFor();
    await opgeslagen(page);
    assert.equal(await aantalAfspraken(page, url), 21);
    await openApp(page, url, "#/tabel");
    // The page starts fresh; the last import is still the one to undo from the Delen page too.
    await plak(page, null, "Nr\tAfspraak\tJaar\nJ3.1\tTijdelijk\t2027\n");
    await page.locator("#tabel-maken").click();
    await page.locator("#tabel-ongedaan").focus();
    await page.keyboard.press("Enter");
    await page.locator("#tabel-gemaakt", { hasText: "De import is ongedaan gemaakt." }).waitFor();
    await opgeslagen(page);
    assert.equal(await aantalAfspraken(page, url), 21);
    await page.reload();
    assert.equal(await aantalAfspraken(page, url), 21, "undone in storage too");
  });

  test("a CSV from Dutch Excel given to the import page goes to the table page", async () => {
    const page = app.page;
    const csv = "Nr;Afspraak;Trekker;Jaar\r\nJ2.6;Caf\xe9 voor ouderen;Pr\xe9 Wonen;2026\r\n";
    const pad = join(map, "afspraken 2026.csv");
    writeFileSync(pad, Buffer.from(csv, "latin1"));
    await openApp(page, url, "#/delen");
    await page.setInputFiles("#import-bestand", pad);
    await expectHeading(page, "Afspraken uit een tabel");
    await page.locator("#tabel-gevonden", { hasText: "2 rijen en 4 kolommen" }).waitFor();
    await page.locator("#tabel-rijen td", { hasText: "Café voor ouderen" }).waitFor();
    // An empty paste says what is wrong, and nothing changes.
    await plak(page, "<table><tr><td>&nbsp;</td></tr></table>", " ");
    await page.locator("#tabel-fout", { hasText: "Er staat geen tabel in." }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });

  test("an .xlsx file with a status of colours only, read by the documents module", async () => {
    const page = app.page;
    await openApp(page, url, "#/tabel");
    await expectHeading(page, "Afspraken uit een tabel");
    const voor = await aantalAfspraken(page, url);
    await openApp(page, url, "#/tabel");
    const pad = join(dirname(fileURLToPath(import.meta.url)), "data", "afspraken-kleuren.xlsx");
    await page.setInputFiles("#tabel-bestand", pad);
    let acties = 0;
    await page.locator("#tabel-gevonden", { hasText: "7 rijen en 5 kolommen" }).waitFor();
    await page.locator("#tabel-rijen td", { hasText: "Werkboekafspraak 1 met een tweede regel" }).waitFor();
    await page.locator("#tabel-kleur").focus();
    await page.keyboard.press("Space");
    acties++;
    await page.locator("#tabel-rijen .status-rood").first().waitFor();
    assert.equal(await page.locator("#tabel-rijen .status-groen").count(), 2);
    assert.deepEqual(await axeViolations(page), []);
    await page.locator("#tabel-maken", { hasText: "Maak 6 afspraken" }).focus();
    await page.keyboard.press("Enter");
    acties++;
    await page.locator("#tabel-gemaakt", { hasText: "0 kaderafspraken en 6 jaarafspraken" }).waitFor();
    await opgeslagen(page);
    assert.ok(acties <= 10);
    console.log(`# actions after choosing the .xlsx file: ${acties}`);
    assert.equal(await aantalAfspraken(page, url), voor + 6);
    assert.deepEqual(seen.errors, []);
  });
});
