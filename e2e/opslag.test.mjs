// Storage a user can trust: edits survive a reload, a killed browser and a restart; two tabs see
// each other's edits; a full disk or blocked storage is said plainly and nothing is lost silently;
// data of a newer version is left untouched.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";

import { copyToFreshFolder, launch, openApp, reopen, watch, alsWieOnbekend } from "./helpers.mjs";

/** Kills (SIGKILL) every process whose command line names the profile folder: a browser crash. */
function killBrowser(profileDir) {
  let killed = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (cmdline.includes(profileDir) && Number(pid) !== process.pid) {
      try {
        process.kill(Number(pid), "SIGKILL");
        killed += 1;
      } catch {
        // already gone
      }
    }
  }
  return killed;
}

/** Waits until the app has stored every edit. */
async function saved(page) {
  await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
}

async function openAgreement(page, url, code) {
  await alsWieOnbekend(page, url);
  await openApp(page, url, "#/afspraken");
  await page.locator(`li.afspraak-regel[data-code="${code}"] a`).first().click();
  await page.locator("#afspraak-kop").waitFor();
}

async function addVoortgang(page, text) {
  await page.fill("#voortgang-tekst", text);
  await page.click("#voortgang-toevoegen");
  await page.locator("#voortgang li", { hasText: text }).waitFor();
}

describe("storage", () => {
  let url;
  before(() => {
    url = copyToFreshFolder();
  });

  test("an edit survives a reload and a browser restart with the same profile", async () => {
    const app = await launch();
    try {
      await openAgreement(app.page, url, "J 2.3");
      await addVoortgang(app.page, "Bewaard na herstart");
      await saved(app.page);
      await app.page.reload();
      await app.page.locator("#voortgang li", { hasText: "Bewaard na herstart" }).waitFor();
      await app.context.close();
      const again = await reopen(app.profileDir);
      await openAgreement(again.page, url, "J 2.3");
      await again.page.locator("#voortgang li", { hasText: "Bewaard na herstart" }).waitFor();
      await again.context.close();
    } finally {
      await app.close().catch(() => {});
    }
  });

  test("an edit survives the browser being killed right after it was saved", async () => {
    const app = await launch();
    try {
      await openAgreement(app.page, url, "J 1.4");
      await addVoortgang(app.page, "Vlak voor de crash");
      await saved(app.page);
      assert.ok(killBrowser(app.profileDir) > 0, "no browser process found to kill");
      await app.context.close().catch(() => {});
      const again = await reopen(app.profileDir);
      await openAgreement(again.page, url, "J 1.4");
      await again.page.locator("#voortgang li", { hasText: "Vlak voor de crash" }).waitFor();
      await again.context.close();
    } finally {
      await app.close().catch(() => {});
    }
  });

  test("two tabs on the same workspace see each other's edits", async () => {
    const app = await launch();
    try {
      await openAgreement(app.page, url, "J 3.4");
      const tweede = await app.context.newPage();
      await openAgreement(tweede, url, "J 3.4");
      await addVoortgang(app.page, "Uit het eerste tabblad");
      await tweede.locator("#voortgang li", { hasText: "Uit het eerste tabblad" }).waitFor({ timeout: 5000 });
      await addVoortgang(tweede, "Uit het tweede tabblad");
      await app.page.locator("#voortgang li", { hasText: "Uit het tweede tabblad" }).waitFor({ timeout: 5000 });
      // Neither overwrote the other: both entries stay, also after a reload.
      await saved(app.page);
      await saved(tweede);
      await app.page.reload();
      await app.page.locator("#voortgang li", { hasText: "Uit het eerste tabblad" }).waitFor();
      await app.page.locator("#voortgang li", { hasText: "Uit het tweede tabblad" }).waitFor();
    } finally {
      await app.close();
    }
  });

  test("a full disk is said plainly, the edit stays on screen and can be exported", async () => {
    const app = await launch();
    try {
      // After the start, every write fails as if the disk were full.
      await app.page.addInitScript(() => {
        const fail = () => {
          if (window.__afsprakenmonitorVol) throw new DOMException("De schijf is vol", "QuotaExceededError");
        };
        for (const name of ["put", "add"]) {
          const original = IDBObjectStore.prototype[name];
          IDBObjectStore.prototype[name] = function (...args) {
            fail();
            return original.apply(this, args);
          };
        }
      });
      await openAgreement(app.page, url, "J 2.6");
      await saved(app.page);
      await app.page.evaluate(() => {
        window.__afsprakenmonitorVol = true;
      });
      await app.page.fill("#voortgang-tekst", "Niet bewaard door volle schijf");
      await app.page.click("#voortgang-toevoegen");
      await app.page.locator('.opslaan-status[data-opslaan="mislukt"]').waitFor();
      const melding = app.page.locator("#melding");
      await melding.waitFor();
      assert.match(await melding.textContent(), /vol/i);
      // The edit is still on screen, and an export is offered.
      await app.page.locator("#voortgang li", { hasText: "Niet bewaard door volle schijf" }).waitFor();
      const [download] = await Promise.all([
        app.page.waitForEvent("download"),
        melding.getByRole("button", { name: /exporteren/i }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.json$/);
      // When space is back, the next edit stores the queued one too.
      await app.page.evaluate(() => {
        window.__afsprakenmonitorVol = false;
      });
      await addVoortgang(app.page, "Weer ruimte");
      await saved(app.page);
      await app.page.reload();
      await app.page.locator("#voortgang li", { hasText: "Niet bewaard door volle schijf" }).waitFor();
      await app.page.locator("#voortgang li", { hasText: "Weer ruimte" }).waitFor();
    } finally {
      await app.close();
    }
  });

  test("blocked storage: the app says so, keeps working in memory and offers an export", async () => {
    const app = await launch();
    try {
      await app.page.addInitScript(() => {
        Object.defineProperty(window, "indexedDB", {
          get() {
            throw new DOMException("Opslag geblokkeerd", "SecurityError");
          },
        });
      });
      const seen = watch(app.page);
      await openApp(app.page, url, "#/");
      const waarschuwing = app.page.locator("#opslag-waarschuwing");
      await waarschuwing.waitFor();
      assert.match(await waarschuwing.textContent(), /slaat uw werk niet op/i);
      assert.equal(await waarschuwing.getByRole("button").count(), 1);
      // Working in memory: the example is there and can be edited.
      await openAgreement(app.page, url, "J 1.1");
      await addVoortgang(app.page, "In het geheugen");
      assert.deepEqual(seen.foreignRequests(url), []);
    } finally {
      await app.close();
    }
  });

  test("data stored by a newer version is refused with a message and left untouched", async () => {
    const app = await launch();
    try {
      // Another (newer) version stored data: a database with a higher version number.
      await app.page.goto(url.split("#")[0] + "#/werkruimtes");
      await app.page.evaluate(async () => {
        for (const db of await indexedDB.databases()) indexedDB.deleteDatabase(db.name);
      });
      await app.page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const r = indexedDB.open("afsprakenmonitor", 99);
            r.onupgradeneeded = () => r.result.createObjectStore("toekomst").put("van later", "sleutel");
            r.onsuccess = () => {
              r.result.close();
              resolve();
            };
            r.onerror = () => reject(r.error);
          }),
      );
      await app.page.reload();
      const waarschuwing = app.page.locator("#opslag-waarschuwing");
      await waarschuwing.waitFor();
      assert.match(await waarschuwing.textContent(), /nieuwere versie/i);
      const intact = await app.page.evaluate(
        () =>
          new Promise((resolve) => {
            const r = indexedDB.open("afsprakenmonitor");
            r.onsuccess = () => {
              const db = r.result;
              const v = db.version;
              const tx = db.transaction("toekomst");
              const g = tx.objectStore("toekomst").get("sleutel");
              g.onsuccess = () => {
                db.close();
                resolve({ v, waarde: g.result });
              };
            };
          }),
      );
      assert.deepEqual(intact, { v: 99, waarde: "van later" });
    } finally {
      await app.close();
    }
  });
});
