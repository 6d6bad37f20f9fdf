// Every edit form writes only what the user changed. For each form: open it, change one field,
// save → exactly one new stored change, of that field; open it again and save without changing
// anything → no new stored change. The changes are counted in the browser's own storage
// (IndexedDB `afsprakenmonitor`, store `wijzigingen`), read over the DevTools protocol so the
// page keeps its real Content-Security-Policy.
//
// Also on the Delen page: a file in which a known change was altered is refused with the place of
// that change, and the import screen says that the party in a file is not checked.

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";

import { appPerSuite, axeViolations, freshFolder, openApp, IK } from "./helpers.mjs";

const NIETS = "U hebt niets veranderd";

/** Every stored change: { id, item, veld, waarde }. */
async function opgeslagen(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open("afsprakenmonitor");
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const alle = db.transaction("wijzigingen", "readonly").objectStore("wijzigingen").getAll();
          alle.onsuccess = () => {
            db.close();
            resolve(
              alle.result.map((r) => {
                const c = JSON.parse(r.json);
                return { id: c.id, item: c.item, veld: c.veld, waarde: c.waarde };
              }),
            );
          };
          alle.onerror = () => {
            db.close();
            reject(alle.error);
          };
        };
      }),
  );
}

/** The ids of the stored changes now. */
async function ids(page) {
  return new Set((await opgeslagen(page)).map((c) => c.id));
}

/**
 * The changes stored since `voor` (a set of ids), once storage is quiet: at least `verwacht`
 * new ones, the saving state says everything is saved, and two reads in a row agree.
 */
async function nieuwSinds(page, voor, verwacht) {
  let vorige = -1;
  for (let poging = 0; poging < 60; poging++) {
    await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
    const nieuw = (await opgeslagen(page)).filter((c) => !voor.has(c.id));
    if (nieuw.length >= verwacht && nieuw.length === vorige) return nieuw;
    vorige = nieuw.length;
    await page.waitForTimeout(250);
  }
  return (await opgeslagen(page)).filter((c) => !voor.has(c.id));
}

/** Waits until the screen has been updated twice: a form that just opened has put the focus on
 * its first field (which it does in an animation frame), so typing goes where the test aims. */
async function schermKlaar(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function meldt(page, tekst) {
  await page.locator("#melding", { hasText: tekst }).waitFor();
}

/**
 * The check for one form. `open()` opens it (on the page it is on), `wijzig()` changes one field,
 * `bewaar()` saves. Saving unchanged must store nothing; after the change, exactly one change of
 * field `veld` is stored.
 */
async function controleer(page, { open, wijzig, bewaar, veld, meldingNiets = true }) {
  const voor = await ids(page);
  await open();
  await schermKlaar(page);
  await bewaar();
  if (meldingNiets) await meldt(page, NIETS);
  assert.deepEqual(await nieuwSinds(page, voor, 0), [], "saving an untouched form stores nothing");
  await open();
  await schermKlaar(page);
  await wijzig();
  await bewaar();
  const nieuw = await nieuwSinds(page, voor, 1);
  assert.deepEqual(
    nieuw.map((c) => c.veld),
    [veld],
    `exactly one change, of ${veld}: ${JSON.stringify(nieuw)}`,
  );
  return nieuw[0];
}

async function openAfspraak(page, url, code) {
  await openApp(page, url, "#/afspraken");
  await page.locator(`li.afspraak-regel[data-code="${code}"] a`).first().click();
  await page.locator("#afspraak-kop", { hasText: code }).waitFor();
}

describe("edit forms write only what changed", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("Gegevens bewerken: a field that was never set is not written (M1 has no text or priority)", async () => {
    const page = app.page;
    await openAfspraak(page, url, "M1");
    const knop = page.getByRole("button", { name: "Gegevens bewerken" });
    const c = await controleer(page, {
      open: async () => {
        await knop.click();
        await page.locator("#bewerk-titel").waitFor();
      },
      wijzig: () => page.fill("#bewerk-titel", "Voortgang sociale woningbouwlocaties en projecten"),
      bewaar: async () => {
        await page.click("#bewerk-opslaan");
        await page.locator("#bewerk-titel").waitFor({ state: "detached" });
      },
      veld: "titel",
    });
    assert.equal(c.waarde, "Voortgang sociale woningbouwlocaties en projecten");
    await page.locator("#afspraak-kop", { hasText: "en projecten" }).waitFor();
    assert.deepEqual(seen.errors, []);
  });

  test("status form: an untouched status is not written again; a new one is one change", async () => {
    const page = app.page;
    await openAfspraak(page, url, "J 1.9");
    const huidig = await page.locator('input[name="status"]:checked').getAttribute("value");
    const ander = huidig === "groen" ? "niet_beoordeeld" : "groen";
    const c = await controleer(page, {
      open: async () => {},
      wijzig: () => page.locator(`#status-${ander}`).check(),
      bewaar: () => page.click("#status-opslaan"),
      veld: "status",
    });
    assert.equal(c.waarde, ander);
    // The form stays open: saving it again right away stores nothing either.
    const voor = await ids(page);
    await page.click("#status-opslaan");
    await meldt(page, NIETS);
    assert.deepEqual(await nieuwSinds(page, voor, 0), []);
  });

  test("status form: changing only the cause of a geel item writes only the cause", async () => {
    const page = app.page;
    await openAfspraak(page, url, "J 1.9");
    await page.locator("#status-geel").check();
    await page.fill("#oorzaak", "Minder woningen vrijgekomen.");
    await page.fill("#actie", "Bespreken in het ambtelijk overleg.");
    await page.click("#status-opslaan");
    await page.locator(".samenvatting .status-geel").waitFor();
    await nieuwSinds(page, await ids(page), 0);
    await openAfspraak(page, url, "J 1.9");
    await controleer(page, {
      open: async () => {},
      wijzig: () => page.fill("#oorzaak", "Minder woningen vrijgekomen dan verwacht."),
      bewaar: () => page.click("#status-opslaan"),
      veld: "oorzaak",
    });
  });

  test("links: ticking a box off and on again is no change; one box is one change", async () => {
    const page = app.page;
    await openAfspraak(page, url, "J 1.9");
    const knop = page.getByRole("button", { name: "Thema, partijen en koppelingen bewerken" });
    const eerste = page.locator("#koppel-partijen-0");
    const open = async () => {
      await knop.click();
      await eerste.waitFor();
    };
    const bewaar = async () => {
      await page.click("#koppel-opslaan");
      await eerste.waitFor({ state: "detached" });
    };
    const voor = await ids(page);
    await open();
    await eerste.click();
    await eerste.click();
    await bewaar();
    await meldt(page, NIETS);
    assert.deepEqual(await nieuwSinds(page, voor, 0), []);
    await controleer(page, { open, wijzig: () => eerste.click(), bewaar, veld: "partijen" });
  });

  test("Beheer: party, theme and subtheme", async () => {
    const page = app.page;
    await openApp(page, url, "#/beheer");
    await page.locator("#partij-lijst h3").first().waitFor();

    const partij = page.locator('form[aria-label="Partij bewerken"]');
    await controleer(page, {
      open: () => page.getByRole("button", { name: "Bewerken: Elan Wonen", exact: true }).click(),
      wijzig: () => partij.getByLabel("Korte naam", { exact: true }).fill("Elan"),
      bewaar: async () => {
        await partij.getByRole("button", { name: "Opslaan" }).click();
        await partij.waitFor({ state: "detached" });
      },
      veld: "kort",
    });

    const thema = page.locator('form[aria-label="Thema bewerken"]');
    await controleer(page, {
      open: () => page.locator("#thema-lijst > li").first().getByRole("button", { name: /^Bewerken: / }).click(),
      wijzig: async () => {
        const ambitie = thema.getByLabel("Ambitie", { exact: true });
        await ambitie.fill((await ambitie.inputValue()) + " Samen.");
      },
      bewaar: async () => {
        await thema.getByRole("button", { name: "Opslaan" }).click();
        await thema.waitFor({ state: "detached" });
      },
      veld: "ambitie",
    });

    const sub = page.locator('form[aria-label="Subthema bewerken"]');
    await controleer(page, {
      open: () => page.locator("#subthema-lijst > li").first().getByRole("button", { name: /^Bewerken: / }).click(),
      wijzig: async () => {
        const inleiding = sub.getByLabel("Inleiding", { exact: true });
        await inleiding.fill((await inleiding.inputValue()) + " Aangevuld.");
      },
      bewaar: async () => {
        await sub.getByRole("button", { name: "Opslaan" }).click();
        await sub.waitFor({ state: "detached" });
      },
      veld: "inleiding",
    });
    assert.deepEqual(seen.errors, []);
  });

  test("Beheer: indicator and measurement; a new measurement writes only its filled-in fields", async () => {
    const page = app.page;
    await openApp(page, url, "#/beheer");
    const ind = page.locator("li.indicator").filter({ has: page.locator("tbody tr") }).first();
    await ind.waitFor();
    const form = page.locator('form[aria-label="Indicator bewerken"]');
    await controleer(page, {
      open: () => ind.getByRole("button", { name: /^Bewerken: / }).first().click(),
      wijzig: async () => {
        const t = form.getByLabel("Toelichting", { exact: true });
        await t.fill((await t.inputValue()) + " Bijgewerkt.");
      },
      bewaar: async () => {
        await form.getByRole("button", { name: "Opslaan" }).click();
        await form.waitFor({ state: "detached" });
      },
      veld: "toelichting",
    });

    const meting = page.locator('form[aria-label="Meting bewerken"]');
    await controleer(page, {
      open: () => ind.locator("tbody tr").first().getByRole("button", { name: /^Bewerken: / }).click(),
      wijzig: () => meting.getByLabel("Toelichting", { exact: true }).fill("Gemeten door de corporaties."),
      bewaar: async () => {
        await meting.getByRole("button", { name: "Opslaan" }).click();
        await meting.waitFor({ state: "detached" });
      },
      veld: "toelichting",
    });

    // A new measurement with a date and a value: indicator, date and value; no empty party or
    // explanation.
    const voor = await ids(page);
    await ind.getByRole("button", { name: "Meting toevoegen" }).click();
    const nieuw = ind.locator('form[aria-label="Meting toevoegen"]');
    await nieuw.waitFor();
    await schermKlaar(page);
    await nieuw.getByLabel("Datum (verplicht)").fill("2025-06-30");
    await nieuw.getByLabel("Waarde (verplicht)").fill("70");
    await nieuw.getByRole("button", { name: "Opslaan" }).click();
    await nieuw.waitFor({ state: "detached" });
    const velden = (await nieuwSinds(page, voor, 3)).map((c) => c.veld).sort();
    assert.deepEqual(velden, ["datum", "indicator", "waarde"]);
    assert.deepEqual(seen.errors, []);
  });

  test("Beheer: the workspace form stays open; each save writes only what changed since the last", async () => {
    const page = app.page;
    await openApp(page, url, "#/beheer");
    const wr = page.locator("#werkruimte form");
    await wr.waitFor();
    const c = await controleer(page, {
      open: async () => {},
      wijzig: () => wr.getByLabel("Gemeente", { exact: true }).fill("Gemeente Heemstede"),
      bewaar: () => wr.getByRole("button", { name: "Opslaan" }).click(),
      veld: "gemeente",
    });
    assert.equal(c.waarde, "Gemeente Heemstede");
    const voor = await ids(page);
    await wr.getByRole("button", { name: "Opslaan" }).click();
    await meldt(page, NIETS);
    assert.deepEqual(await nieuwSinds(page, voor, 0), []);
  });

  test("glossary: a term", async () => {
    const page = app.page;
    await openApp(page, url, "#/begrippen");
    const form = page.locator('form[aria-label="Begrip bewerken"]');
    await controleer(page, {
      open: () => page.getByRole("button", { name: "Bewerken: Statushouder", exact: true }).click(),
      wijzig: () => form.getByLabel("Bron", { exact: true }).fill("Eigen toelichting"),
      bewaar: async () => {
        await form.getByRole("button", { name: "Opslaan" }).click();
        await form.waitFor({ state: "detached" });
      },
      veld: "bron",
    });
  });

  test("meetings: a meeting", async () => {
    const page = app.page;
    await openApp(page, url, "#/overleggen");
    const regel = page.locator(".overleg-regel").first();
    await regel.waitFor();
    await controleer(page, {
      open: async () => {
        await regel.getByRole("button", { name: /^Bewerken/ }).click();
        await page.locator("#overleg-form").waitFor();
      },
      wijzig: async () => {
        const d = page.locator("#overleg-onderwerpen");
        await d.fill((await d.inputValue()) + "\nVoortgang indicatoren");
      },
      bewaar: async () => {
        await page.click("#overleg-opslaan");
        await page.locator("#overleg-form").waitFor({ state: "detached" });
      },
      veld: "onderwerpen",
    });
  });

  test("a field the user chooses right after a form opens keeps the focus (the form's own focus move is skipped)", async () => {
    const page = app.page;
    await openApp(page, url, "#/overleggen");
    await page.locator(".overleg-regel").first().waitFor();
    // Open the form and, before the next frame, put the focus in another field: as a fast click does.
    const focus = await page.evaluate(async () => {
      document.querySelector(".overleg-regel button[aria-expanded]").click();
      for (let i = 0; i < 20 && !document.getElementById("overleg-jaar"); i++) await Promise.resolve();
      const jaar = document.getElementById("overleg-jaar");
      if (!jaar) return "form not yet drawn";
      jaar.focus();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return document.activeElement.id;
    });
    assert.equal(focus, "overleg-jaar");
    // Without a move of the user's own, the form puts the focus on its first field.
    await page.locator("#overleg-form button", { hasText: "Annuleren" }).click();
    await page.locator(".overleg-regel button[aria-expanded]").first().click();
    await page.waitForFunction(() => document.activeElement?.id === "overleg-naam");
  });

  test("workspaces: renaming to the same name writes nothing", async () => {
    const page = app.page;
    await openApp(page, url, "#/werkruimtes");
    const kaart = () => page.locator("#werkruimte-lijst > li").first();
    await kaart().waitFor();
    await controleer(page, {
      open: () => kaart().getByRole("button", { name: "Naam wijzigen" }).click(),
      wijzig: () => kaart().getByLabel("Nieuwe naam").fill("Prestatieafspraken Heemstede (eigen kopie)"),
      bewaar: async () => {
        await kaart().getByRole("button", { name: "Opslaan" }).click();
        await kaart().getByLabel("Nieuwe naam").waitFor({ state: "detached" });
      },
      veld: "titel",
      meldingNiets: false,
    });
    await page.locator("#werkruimte-lijst h3", { hasText: "(eigen kopie)" }).waitFor();
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreignRequests(url), []);
  });
});

describe("a file with an altered change, and the party in a file", () => {
  const suite = appPerSuite({ wie: IK });
  let app, url, seen;
  before(() => ({ app, url, seen } = suite));

  test("the import screen says the party is not checked; an altered known change is refused with its place", async () => {
    const page = app.page;
    await openApp(page, url, "#/instellingen");
    await page.locator("#partij").selectOption("Gemeente Heemstede");
    await page.locator("#naam").fill("Gert Jansen");
    await page.locator("#naam").press("Enter");
    await page.locator(".kop-wie", { hasText: "Gert Jansen" }).waitFor();
    await openApp(page, url, "#/delen");
    await page.locator('.opslaan-status[data-opslaan="opgeslagen"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-uitwisseling")]);
    const map = freshFolder("Afsprakenmonitor bijlagen");
    const pad = join(map, download.suggestedFilename());
    await download.saveAs(pad);
    const bestand = JSON.parse(readFileSync(pad, "utf8"));

    // Someone alters a change after the export: the same id, other content.
    const lijst = bestand.wijzigingen;
    const n = lijst.findIndex((c) => c.soort === "jaarafspraak" && c.veld === "status");
    const item = lijst[n].item;
    const code = lijst.find((c) => c.item === item && c.veld === "code").waarde;
    lijst[n].waarde = lijst[n].waarde === "rood" ? "groen" : "rood";
    const aangepast = join(map, "aangepast.json");
    writeFileSync(aangepast, JSON.stringify(bestand));

    await page.setInputFiles("#import-bestand", aangepast);
    const fout = page.locator("#import-fout");
    await fout.waitFor();
    assert.match(await page.locator("#import-fout-bericht").textContent(), /Een wijziging in dit bestand/);
    assert.doesNotMatch(await page.locator("#import-fout-bericht").textContent(), /onderdeel/);
    assert.equal(
      (await page.locator("#import-fout-plaats code").textContent()).trim(),
      `wijzigingen[${n}].waarde (${code}), veld status`,
    );
    assert.match(await fout.textContent(), /Er is niets veranderd/);
    // The file's party is shown, and the screen says it is a label nobody checked.
    assert.match(await page.locator("#import-info").textContent(), /Gert Jansen \(Gemeente Heemstede\)/);
    assert.match(await page.locator("#partij-niet-gecontroleerd").textContent(), /^De partij in een bestand is niet gecontroleerd\./);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
  });
});
