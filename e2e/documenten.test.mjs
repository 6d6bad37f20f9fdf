// The Word and Excel files, from the Heemstede example, reached with the keyboard alone: the
// Monitor as .docx, the concept-raadsinformatiebericht as .docx (with an item the user highlights
// and the Woonzorg Nederland workspace included), the afspraken list as filtered as .xlsx. The documents module is a second
// wasm in the file that is not started until the first of these is asked for. Each downloaded
// file is read back by LibreOffice (soffice --headless, installed by scripts/setup.sh).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, test } from "node:test";

import { IK, appPerSuite, axeViolations, freshFolder, openApp, opgeslagen } from "./helpers.mjs";

const DATUM = /\d{4}-\d\d-\d\d/.source;

/** Presses Tab until `selector` has the focus (as a keyboard user gets there). */
async function tabNaar(page, selector, max = 150) {
  await page.locator("main h1").first().focus();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${selector} not reached with Tab`);
}

/** Presses Enter on the focused button and saves the download; its path. */
async function downloadMetEnter(page, label) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const pad = join(freshFolder(label), download.suggestedFilename());
  await download.saveAs(pad);
  return { pad, naam: download.suggestedFilename() };
}

/** LibreOffice converts `pad` to `naar` in a folder of its own; the converted file's text. */
function soffice(pad, naar, extensie) {
  const map = freshFolder("soffice");
  // The profile as a proper file URL: the folder's name has a space, and LibreOffice waits for
  // ever on a profile URL it cannot use.
  const profiel = pathToFileURL(join(map, "profiel")).href;
  execFileSync("soffice", [`-env:UserInstallation=${profiel}`, "--headless", "--norestore", "--convert-to", naar, "--outdir", map, pad], { stdio: "pipe", timeout: 120_000 });
  const naam = pad.split("/").pop().replace(/\.[a-z]+$/, `.${extensie}`);
  return readFileSync(join(map, naam), "utf8");
}

describe("Word and Excel files", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the documents module is not started when the app starts", async () => {
    const page = app.page;
    await openApp(page, url, "#/monitor?jaar=2024");
    await page.locator("#monitor-kop").waitFor();
    assert.equal(await page.locator("#afsprakenmonitor-documenten-wasm").count(), 1, "its data block is still there, undecoded");
    assert.equal(await page.evaluate(() => typeof window.afsprakenmonitorDocumenten), "function");
  });

  test("the Monitor downloads as a Word file with its tables, reached by keyboard", async () => {
    const page = app.page;
    await openApp(page, url, "#/monitor?jaar=2024");
    await page.locator("#monitor-kop").waitFor();
    await tabNaar(page, "#monitor-word");
    const { pad, naam } = await downloadMetEnter(page, "docx");
    assert.match(naam, new RegExp(`^monitor-heemstede-2024-${DATUM}\\.docx$`));
    await page.locator("#monitor-melding", { hasText: naam }).waitFor();
    assert.equal(await page.locator("#afsprakenmonitor-documenten-wasm").count(), 0, "the module was started");
    assert.equal(readFileSync(pad).subarray(0, 2).toString("latin1"), "PK");
    const tekst = soffice(pad, "txt:Text", "txt");
    assert.match(tekst, /Monitor prestatieafspraken Heemstede 2024/);
    for (const code of ["J 1.1", "J 1.8", "M1"]) assert.ok(tekst.includes(code), code);
    assert.match(tekst, /✗ Rood/);
    assert.match(tekst, /Stand van zaken/);
    assert.deepEqual(await axeViolations(page), []);
  });

  test("the afspraken list as filtered downloads as an Excel file, reached by keyboard", async () => {
    const page = app.page;
    await openApp(page, url, "#/afspraken?jaar=2024&status=rood");
    await page.locator("#aantal", { hasText: "gevonden" }).waitFor();
    const zichtbaar = await page.locator("li.afspraak-regel").evaluateAll((lis) => lis.map((li) => li.dataset.code));
    assert.ok(zichtbaar.length > 0);
    await tabNaar(page, "#lijst-xlsx");
    const { pad, naam } = await downloadMetEnter(page, "xlsx");
    assert.match(naam, new RegExp(`^afspraken-heemstede-${DATUM}\\.xlsx$`));
    await page.locator("#lijst-melding", { hasText: naam }).waitFor();
    const csv = soffice(pad, "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false", "csv");
    const kop = csv.split("\n")[0].split(";");
    assert.deepEqual(kop.slice(0, 3), ["Soort", "Nr.", "Titel"]);
    const codes = [...csv.matchAll(/\n(?:Jaarafspraak|Kaderafspraak);([^;]*);/g)].map((m) => m[1]);
    assert.deepEqual(codes, zichtbaar);
    assert.ok(csv.includes(";Rood;"));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });

  test("a highlighted item and another workspace reach the concept-raadsinformatiebericht", async () => {
    const page = app.page;
    // Highlight J 1.1 with a short text, by keyboard, on its detail page.
    await openApp(page, url, "#/afspraken?jaar=2024&zoek=J%201.1");
    await page.locator("li.afspraak-regel[data-code='J 1.1'] a").first().click();
    await page.locator("#uitlichten-kop").waitFor();
    await page.locator("#uitgelicht").focus();
    await page.keyboard.press("Space");
    await page.locator("#uitgelicht-tekst").focus();
    await page.keyboard.type("Zeventig nieuwe sociale huurwoningen opgeleverd.");
    await page.locator("#uitlichten-opslaan").focus();
    await page.keyboard.press("Enter");
    await page.locator("#uitlichten-sectie", { hasText: "Het uitlichten is opgeslagen." }).waitFor();
    await opgeslagen(page);
    assert.deepEqual(await axeViolations(page), []);
    // Stored: after a reload the mark and the text are still there.
    await page.reload();
    await page.locator("#uitlichten-kop").waitFor();
    assert.equal(await page.locator("#uitgelicht").isChecked(), true);
    assert.equal(await page.locator("#uitgelicht-tekst").inputValue(), "Zeventig nieuwe sociale huurwoningen opgeleverd.");

    // A second workspace: the Woonzorg Nederland example; then back to Heemstede.
    await openApp(page, url, "#/werkruimtes");
    await page.getByRole("button", { name: /Voorbeeld toevoegen: Heemstede – Woonzorg/ }).click();
    await page.locator(".kop-werkruimte", { hasText: "Woonzorg" }).waitFor();
    await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
    await openApp(page, url, "#/werkruimtes");
    await page.locator("#werkruimte-lijst > li", { has: page.locator("h3", { hasText: "Prestatieafspraken 2024 t/m 2027 Heemstede" }) }).getByRole("button", { name: "Openen" }).click();
    await page.locator(".kop-werkruimte", { hasText: "Heemstede" }).waitFor();

    await openApp(page, url, "#/monitor?jaar=2024");
    await page.locator("#monitor-kop").waitFor();
    const woonzorg = page.locator("#monitor-andere input[type=checkbox]");
    assert.equal(await woonzorg.count(), 1, "the other workspace can be included");
    await woonzorg.focus();
    await page.keyboard.press("Space");
    assert.equal(await woonzorg.isChecked(), true);
    await tabNaar(page, "#monitor-rib");
    const { pad, naam } = await downloadMetEnter(page, "rib");
    assert.match(naam, new RegExp(`^raadsinformatiebericht-concept-heemstede-2024-${DATUM}\\.docx$`));
    await page.locator("#monitor-melding", { hasText: naam }).waitFor();
    const tekst = soffice(pad, "txt:Text", "txt");
    const volgorde = ["Onderwerp", "Aanleiding", "Stand van zaken jaarafspraken 2024", "Wat wij hebben bereikt in 2024", "J 1.1 ", "Zeventig nieuwe sociale huurwoningen opgeleverd.", "J 2.8 ", "Wat wij in 2025 willen realiseren", "Heemstede – Woonzorg Nederland", "Inventarisatie locatie- en verdichtingskansen", "Bijlagen"];
    let vanaf = 0;
    for (const deel of volgorde) {
      const i = tekst.indexOf(deel, vanaf);
      assert.ok(i >= 0, `${deel} after the previous part`);
      vanaf = i + deel.length;
    }
    assert.match(tekst, /Er zijn 35 jaarafspraken voor 2024\. Daarvan zijn er \d+ groen, \d+ geel en 2 rood\./);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});
