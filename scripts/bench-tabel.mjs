#!/usr/bin/env node
// Benchmark (not a test) of agreements from a table: pasting 1,000 rows (a Word-like HTML table
// with its plain text, 6 columns, paragraphs in cells) on #/tabel of a fresh copy of
// dist/afsprakenmonitor.html, until the table is read (mark am-tabel-gelezen), the preview is
// made (am-tabel-voorbeeld) and the preview is on screen (#tabel-aantallen says 1000); then
// "Maak 1000 afspraken" until the result shows. Prints the medians of N runs (default 5).
//
//   node scripts/bench-tabel.mjs [--runs N] [--rows N]

import { copyToFreshFolder, launch, openApp, wieBenIk, IK } from "../e2e/helpers.mjs";

const arg = (naam, standaard) => {
  const i = process.argv.indexOf(naam);
  return i > 0 ? Number(process.argv[i + 1]) : standaard;
};
const RUNS = arg("--runs", 5);
const ROWS = arg("--rows", 1000);

function tabel(n) {
  let html = "<table><tr><td>Nr</td><td>Afspraak</td><td>Trekker</td><td>Prioriteit</td><td>Jaar</td><td>Status</td></tr>";
  let tekst = "Nr\tAfspraak\tTrekker\tPrioriteit\tJaar\tStatus\n";
  for (let i = 0; i < n; i++) {
    const code = `J${(i % 5) + 1}.${i + 100}`;
    html += `<tr><td>${code}</td><td><p>Afspraak ${i} over wonen</p><p>Met een toelichting&nbsp;van twee zinnen. Zo ziet een echte cel eruit.</p></td><td>Corporaties</td><td>T${(i % 3) + 1}</td><td>2026</td><td>${["groen", "geel", "rood"][i % 3]}</td></tr>`;
    tekst += `${code}\tAfspraak ${i} over wonen\tCorporaties\tT${(i % 3) + 1}\t2026\tgroen\n`;
  }
  return { html: html + "</table>", tekst };
}

const mediaan = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const { html, tekst } = tabel(ROWS);
const uit = { gelezen: [], voorbeeld: [], getoond: [], gemaakt: [] };
for (let r = 0; r < RUNS; r++) {
  const app = await launch();
  try {
    const url = copyToFreshFolder("bench tabel");
    await wieBenIk(app.page, url, IK);
    await openApp(app.page, url, "#/tabel");
    const page = app.page;
    await page.locator("#tabel-plakken").waitFor();
    const t = await page.locator("#tabel-plakken").evaluate(async (el, [html, tekst, rows]) => {
      performance.clearMarks();
      const begin = performance.now();
      const dt = new DataTransfer();
      dt.setData("text/html", html);
      dt.setData("text/plain", tekst);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      await new Promise((klaar) => {
        const kijk = () => (document.querySelector("#tabel-aantallen")?.textContent.includes(String(rows)) ? klaar() : requestAnimationFrame(kijk));
        kijk();
      });
      const mark = (n) => performance.getEntriesByName(n)[0]?.startTime - begin;
      return { gelezen: mark("am-tabel-gelezen"), voorbeeld: mark("am-tabel-voorbeeld"), getoond: performance.now() - begin };
    }, [html, tekst, ROWS]);
    const gemaakt = await page.evaluate(async () => {
      const begin = performance.now();
      document.querySelector("#tabel-maken").click();
      await new Promise((klaar) => {
        const kijk = () => (document.querySelector("#tabel-gemaakt") ? klaar() : requestAnimationFrame(kijk));
        kijk();
      });
      return performance.now() - begin;
    });
    for (const k of ["gelezen", "voorbeeld", "getoond"]) uit[k].push(t[k]);
    uit.gemaakt.push(gemaakt);
  } finally {
    await app.close();
  }
}
console.log(`${ROWS} rows pasted, median of ${RUNS} runs (ms):`);
console.log(`  read (table in memory)      ${mediaan(uit.gelezen).toFixed(0)}`);
console.log(`  preview made                ${mediaan(uit.voorbeeld).toFixed(0)}`);
console.log(`  preview on screen           ${mediaan(uit.getoond).toFixed(0)}`);
console.log(`  made, result on screen      ${mediaan(uit.gemaakt).toFixed(0)}`);
