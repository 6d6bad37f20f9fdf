//! The Monitor on the Heemstede example, against the seed's Monitor 2024: every jaarafspraak of
//! 2024 and the three other rows once, in the seed's order, with its trekker, prioriteit and
//! voortgang; the counts; a peilmoment; and the CSV and HTML writers.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::model::{Prioriteit, Status, Werkruimte};
use afsprakenmonitor::domain::report::lijst::als_csv;
use afsprakenmonitor::domain::report::monitor::{als_html, monitor, Kolomnamen};
use afsprakenmonitor::domain::report::{self, peilmoment_standen};
use afsprakenmonitor::domain::schema::ItemSoort;
use serde_json::{json, Value};
use uuid::Uuid;

const WR: Uuid = Uuid::from_u128(0x4d4f_4e49);

fn heemstede() -> History {
    Voorbeeld::Heemstede.bouw(WR)
}

/// The seed's rows of 2024 as transcribed: jaarafspraken, then the other rows.
fn seed() -> Vec<Value> {
    let j: Value = serde_json::from_str(include_str!("../src/domain/examples/heemstede_jaarafspraken_2024.json")).unwrap();
    j["jaarafspraken"].as_array().unwrap().iter().chain(j["overige_regels"].as_array().unwrap()).cloned().collect()
}

const KOLOMMEN: Kolomnamen<'static> = Kolomnamen {
    nr: "Nr.",
    jaarafspraak: "Jaarafspraak",
    trekker: "Trekker",
    prioriteit: "Prioriteit",
    status: "Status",
    voortgang: "Realisatie/voortgang",
    oorzaak: "Oorzaak",
    actie: "Actie",
    zonder_thema: "Zonder thema",
    overige: "Overige afspraken en monitor",
};

#[test]
fn every_row_of_the_seed_once_in_its_order_with_trekker_prioriteit_and_voortgang() {
    let h = heemstede();
    let m = monitor(&h, 2024, None);
    let regels: Vec<_> = m.regels().collect();
    let seed = seed();
    let codes: Vec<&str> = regels.iter().map(|r| r.code.as_str()).collect();
    let seed_codes: Vec<&str> = seed.iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, seed_codes);
    assert_eq!(m.overige.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["5.2.3", "M1", "M2"]);
    for (r, s) in regels.iter().zip(&seed) {
        assert_eq!(r.trekker, s["trekker"].as_str().unwrap(), "{}", r.code);
        assert_eq!(r.prioriteit, Prioriteit::parse(s["prioriteit"].as_str().unwrap()).tekst(), "{}", r.code);
        let voortgang = s["voortgang"].as_str().unwrap();
        if !voortgang.is_empty() {
            assert!(r.voortgang.iter().any(|v| v.tekst == voortgang), "{}: the seed's voortgang", r.code);
        }
        assert!(r.voortgang.iter().all(|v| !v.datum.is_empty()), "{}: every entry is dated", r.code);
        assert!(r.voortgang.windows(2).all(|w| w[0].datum <= w[1].datum), "{}: oldest first", r.code);
    }
    // Themes in the agreement's order, each with its subthemes; no jaarafspraak without a theme.
    let nummers: Vec<&str> = m.themas.iter().map(|t| t.thema.as_ref().unwrap().nummer.as_str()).collect();
    assert_eq!(nummers, ["1", "2", "3", "4"]);
    assert_eq!(m.themas[0].subthemas[0].subthema.as_ref().unwrap().nummer, "1.1");
    assert_eq!(m.jaar, 2024);
    assert_eq!(m.werkruimte.gemeente, "Heemstede");
}

#[test]
fn the_counts_are_those_of_the_rows_and_match_the_overzicht() {
    let h = heemstede();
    let m = monitor(&h, 2024, None);
    assert_eq!(m.telling.totaal(), m.regels().count());
    for s in Status::ALL {
        assert_eq!(m.telling.van(s), m.regels().filter(|r| r.status == s).count());
    }
    let overzicht: usize = report::per_thema(&h, Some(2024)).iter().map(|(_, t)| t.van(Status::Rood)).sum();
    assert_eq!(m.telling.van(Status::Rood), overzicht);
    // Geel and rood rows carry their oorzaak and actie.
    for r in m.regels().filter(|r| matches!(r.status, Status::Geel | Status::Rood)) {
        let j = Werkruimte::new(&h).jaarafspraak(r.id);
        assert_eq!((r.oorzaak.as_str(), r.actie.as_str()), (j.oorzaak.as_str(), j.actie.as_str()));
    }
    // Another year has its own rows only.
    let m25 = monitor(&h, 2025, None);
    assert!(m25.regels().all(|r| Werkruimte::new(&h).jaarafspraak(r.id).jaar == Some(2025)));
    assert!(m25.regels().count() > 0);
}

#[test]
fn at_a_peilmoment_the_frozen_status_and_the_voortgang_up_to_its_date() {
    let mut h = heemstede();
    let a = Actor::new("Gemeente Heemstede", "Test");
    let j18 = Werkruimte::new(&h).jaarafspraken().into_iter().find(|j| j.code == "J 1.8").unwrap();
    let p = Uuid::new_v4();
    h.apply(&a, 10, p, ItemSoort::Peilmoment, "naam", json!("Najaar 2024")).unwrap();
    h.apply(&a, 11, p, ItemSoort::Peilmoment, "datum", json!("2099-12-01")).unwrap();
    h.apply(&a, 12, p, ItemSoort::Peilmoment, "standen", peilmoment_standen(&h, Some(2024))).unwrap();
    let voor = j18.status;
    let nieuw = if voor == Status::Groen { Status::Rood } else { Status::Groen };
    h.apply(&a, 13, j18.id, ItemSoort::Jaarafspraak, "status", json!(nieuw.code())).unwrap();
    // A voortgang entry after the peilmoment's date.
    let v = Uuid::new_v4();
    for (veld, w) in [("afspraak", json!(j18.id.to_string())), ("datum", json!("2100-01-05")), ("partij", json!("Gemeente")), ("tekst", json!("Later geschreven."))] {
        h.apply(&a, 14, v, ItemSoort::Voortgang, veld, w).unwrap();
    }
    // A jaarafspraak made after it.
    let later = Uuid::new_v4();
    h.apply(&a, 15, later, ItemSoort::Jaarafspraak, "code", json!("J 9.9")).unwrap();
    h.apply(&a, 15, later, ItemSoort::Jaarafspraak, "jaar", json!(2024)).unwrap();

    let nu = monitor(&h, 2024, None);
    let rij = |m: &report::monitor::Monitor| m.regels().find(|r| r.id == j18.id).cloned().unwrap();
    assert_eq!(rij(&nu).status, nieuw);
    assert!(rij(&nu).voortgang.iter().any(|v| v.tekst == "Later geschreven."));
    assert!(nu.regels().any(|r| r.code == "J 9.9"));

    assert_eq!(Werkruimte::new(&h).peilmomenten()[0].naam, "Najaar 2024");
    let toen = monitor(&h, 2024, Some(p));
    assert_eq!(toen.peilmoment.as_ref().unwrap().datum, "2099-12-01");
    assert_eq!(rij(&toen).status, voor);
    assert!(!rij(&toen).voortgang.iter().any(|v| v.tekst == "Later geschreven."));
    assert!(!toen.regels().any(|r| r.code == "J 9.9"));
    assert_eq!(toen.telling.totaal(), nu.telling.totaal() - 1);
}

#[test]
fn csv_opens_in_dutch_excel_and_never_runs_a_formula() {
    let csv = als_csv(&[
        vec!["Nr.".into(), "Titel".into()],
        vec!["J 1.1".into(), "Inzet op ‘echte’ sociale huur; ook \"flex\"\nTweede regel".into()],
        vec!["=SOM(A1)".into(), "-5".into()],
    ]);
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(
        csv,
        "\u{feff}Nr.;Titel\r\nJ 1.1;\"Inzet op ‘echte’ sociale huur; ook \"\"flex\"\"\nTweede regel\"\r\n'=SOM(A1);'-5\r\n"
    );
}

#[test]
fn html_escapes_every_text_and_words_every_status() {
    let mut h = heemstede();
    let a = Actor::new("Gemeente Heemstede", "Test");
    let j = Werkruimte::new(&h).jaarafspraken().into_iter().find(|j| j.code == "J 1.1").unwrap();
    h.apply(&a, 10, j.id, ItemSoort::Jaarafspraak, "titel", json!("<script>alert(1)</script> & \"meer\"")).unwrap();
    let m = monitor(&h, 2024, None);
    let html = als_html(&m, &KOLOMMEN, |s| format!("[{}]", s.code()));
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;meer&quot;"));
    assert_eq!(html.matches("<table").count(), m.themas.iter().map(|t| t.subthemas.len()).sum::<usize>() + 1);
    assert_eq!(html.matches("<tr><td>").count(), m.regels().count());
    assert!(html.contains("[rood]"));
    assert!(html.contains("<h2>1 Passend wonen voor iedereen</h2>"));
    assert!(html.contains("<h2>Overige afspraken en monitor</h2>"));
}

#[test]
fn the_list_as_filtered_gives_one_row_per_agreement_with_every_column() {
    use afsprakenmonitor::domain::report::lijst::{lijst_rijen, LijstKoppen};
    use afsprakenmonitor::domain::report::{Filter, Zoekcache};
    let h = heemstede();
    let koppen = LijstKoppen {
        soort: "Soort", code: "Nr.", titel: "Titel", tekst: "Tekst", thema: "Thema", subthema: "Subthema", partijen: "Partijen",
        trekker: "Trekker", prioriteit: "Prioriteit", jaar: "Jaar", status: "Status", oorzaak: "Oorzaak", actie: "Actie",
        laatste_voortgang: "Laatste voortgang", voortgang_datum: "Datum voortgang", kaderafspraken: "Kaderafspraken",
        soort_jaar: "Jaarafspraak", soort_kader: "Kaderafspraak",
    };
    let f = Filter::from_query("jaar=2024&status=rood");
    let (jaar, kader) = report::gegroepeerd(&h, &f, &mut Zoekcache::default());
    let rijen = lijst_rijen(&h, &jaar, &kader, &koppen, |s| s.code().to_string());
    let rood: Vec<_> = report::jaarafspraken(&h, Some(2024)).into_iter().filter(|j| j.status == Status::Rood).collect();
    assert_eq!(rijen.len(), 1 + rood.len() + kader.iter().map(|g| g.items.len()).sum::<usize>());
    assert!(rijen.iter().all(|r| r.len() == 16));
    assert_eq!(rijen[0][1], "Nr.");
    let j18 = rijen.iter().find(|r| r[1] == "J 1.8").expect("J 1.8 is rood in the example");
    let j = Werkruimte::new(&h).jaarafspraken().into_iter().find(|j| j.code == "J 1.8").unwrap();
    assert_eq!((j18[0].as_str(), j18[9].as_str(), j18[10].as_str()), ("Jaarafspraak", "2024", "rood"));
    assert_eq!(j18[7], report::trekker(&h, &j));
    assert_eq!(j18[11], j.oorzaak);
    assert!(j18[4].starts_with("1 "), "theme: {}", j18[4]);
    let kaders: Vec<String> = j.kaderafspraken.iter().map(|k| Werkruimte::new(&h).kaderafspraak(*k).code).collect();
    assert_eq!(j18[15], kaders.join(", "));
    assert!(!j18[13].is_empty() && !j18[14].is_empty(), "latest voortgang with its date");
}
