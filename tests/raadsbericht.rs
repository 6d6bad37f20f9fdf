//! The concept-raadsinformatiebericht on the Heemstede example, against the seed's bericht of
//! 25 maart 2025: the nine items it highlights under "Wat wij hebben bereikt in 2024" with its own
//! text, the two rood items with oorzaak and actie, the counts of the Monitor, the plans for 2025,
//! a section for the Woonzorg Nederland workspace, and the sections in the seed's order.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::model::{Status, Werkruimte};
use afsprakenmonitor::domain::report::monitor::monitor;
use afsprakenmonitor::domain::report::raadsbericht::{raadsbericht, raadsbericht_document, Raadsbericht};
use afsprakenmonitor::domain::report::{self, Telling};
use afsprakenmonitor::domain::schema::ItemSoort;
use documentmodel::document::{Blok, Document};
use serde_json::{json, Value};
use uuid::Uuid;

mod domain {
    pub use afsprakenmonitor::domain::*;
}
#[path = "../src/ui/teksten/documenten.rs"]
mod documenten_teksten;

const WR: Uuid = Uuid::from_u128(0x5249_4230);
const WZ: Uuid = Uuid::from_u128(0x5249_4231);

fn heemstede() -> History {
    Voorbeeld::Heemstede.bouw(WR)
}

fn rib_seed() -> Value {
    serde_json::from_str(include_str!("../src/domain/examples/heemstede_rib_2024.json")).unwrap()
}

fn bericht(h: &History, andere: &[&History]) -> Raadsbericht {
    raadsbericht(h, &monitor(h, 2024, None), andere)
}

fn document(r: &Raadsbericht) -> Document {
    let d = documenten_teksten::NL;
    raadsbericht_document(r, &d.rib, &d.woorden, &|s| format!("[{}]", s.code()), &|s| format!("<{}>", s.code()), &|d| format!("op {d}"))
}

fn koppen(d: &Document, niveau: u8) -> Vec<String> {
    d.blokken.iter().filter_map(|b| match b {
        Blok::Kop { niveau: n, tekst } if *n == niveau => Some(tekst.clone()),
        _ => None,
    }).collect()
}

#[test]
fn the_nine_highlighted_items_with_the_seeds_own_text_in_the_monitors_order() {
    let h = heemstede();
    let r = bericht(&h, &[]);
    let seed = rib_seed();
    let punten = seed["hoogtepunten_2024"].as_array().unwrap();
    assert_eq!(r.bereikt.len(), 9);
    let codes: Vec<&str> = r.bereikt.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(codes, ["J 2.8", "J 3.4", "J 3.6", "J 3.8", "J 3.9", "J 4.3", "J 4.4", "J 4.5", "5.2.3"]);
    for (u, p) in r.bereikt.iter().zip(punten) {
        assert_eq!(u.tekst, p["tekst"].as_str().unwrap(), "{}", u.code);
    }
    // Marked in the data: a change like any other.
    let j = Werkruimte::new(&h).jaarafspraken().into_iter().find(|j| j.code == "J 2.8" && j.jaar == Some(2024)).unwrap();
    assert!(j.uitgelicht);
}

#[test]
fn the_counts_are_the_monitors_and_rood_comes_before_geel_with_oorzaak_and_actie() {
    let h = heemstede();
    let m = monitor(&h, 2024, None);
    let r = raadsbericht(&h, &m, &[]);
    assert_eq!(r.telling, m.telling);
    assert_eq!(r.telling, Telling::van_lijst(report::jaarafspraken(&h, Some(2024)).iter()));
    let rood: Vec<&str> = r.aandacht.iter().filter(|a| a.status == Status::Rood).map(|a| a.code.as_str()).collect();
    assert_eq!(rood, ["J 1.8", "J 1.9"], "the two rood items the bericht names");
    let rang = |s: Status| if s == Status::Rood { 0 } else { 1 };
    assert!(r.aandacht.windows(2).all(|w| rang(w[0].status) <= rang(w[1].status)), "rood before geel");
    assert_eq!(r.aandacht.len(), r.telling.van(Status::Rood) + r.telling.van(Status::Geel));
    assert!(r.aandacht.iter().all(|a| !a.oorzaak.is_empty() || !a.actie.is_empty()), "each with oorzaak or actie");
}

#[test]
fn the_plans_are_the_next_years_new_items_and_other_workspaces_get_a_section() {
    let h = heemstede();
    let wz = Voorbeeld::Woonzorg.bouw(WZ);
    let r = bericht(&h, &[&wz]);
    let titels: Vec<&str> = r.nieuw.iter().map(|u| u.titel.as_str()).collect();
    let seed = rib_seed();
    let seed_titels: Vec<&str> = seed["nieuw_2025"].as_array().unwrap().iter().map(|n| n["titel"].as_str().unwrap()).collect();
    assert_eq!(titels, seed_titels);
    assert_eq!(r.voortgezet, 0);
    assert_eq!(r.andere.len(), 1);
    let a = &r.andere[0];
    assert_eq!(a.titel, Voorbeeld::Woonzorg.titel());
    // Woonzorg Nederland has kaderafspraken only, as the bericht describes them.
    assert!(report::jaarafspraken(&wz, Some(2024)).is_empty());
    assert_eq!(a.telling, None);
    let kader: Vec<String> = Werkruimte::new(&wz).kaderafspraken().into_iter().map(|k| k.titel).collect();
    assert_eq!(a.afspraken.iter().map(|u| u.titel.clone()).collect::<Vec<_>>(), kader);
    assert_eq!(a.afspraken[0].titel, "Inventarisatie locatie- en verdichtingskansen");
    assert!(a.afspraken.iter().all(|u| !u.tekst.trim().is_empty()));
}

#[test]
fn the_document_has_the_seeds_sections_in_order_and_every_number_from_the_data() {
    let h = heemstede();
    let wz = Voorbeeld::Woonzorg.bouw(WZ);
    let r = bericht(&h, &[&wz]);
    let d = document(&r);
    assert_eq!(
        koppen(&d, 2),
        [
            "Onderwerp",
            "Aanleiding",
            "Hoe wij de afspraken volgen",
            "Stand van zaken jaarafspraken 2024",
            "Wat wij hebben bereikt in 2024",
            "Wat wij in 2025 willen realiseren",
            Voorbeeld::Woonzorg.titel(),
            "Bijlagen",
        ]
    );
    let tekst = d.platte_tekst();
    let t = &r.telling;
    let zin = format!(
        "Er zijn {} jaarafspraken voor 2024. Daarvan zijn er {} groen, {} geel en {} rood.",
        t.totaal(),
        t.van(Status::Groen),
        t.van(Status::Geel),
        t.van(Status::Rood)
    );
    assert!(tekst.contains(&zin), "{zin}");
    assert!(tekst.contains("Stand van zaken prestatieafspraken Heemstede 2024"));
    assert!(tekst.contains("Wij maken 5 nieuwe jaarafspraken voor 2025:"));
    let drie = koppen(&d, 3);
    for u in r.bereikt.iter().chain(&r.nieuw) {
        assert!(drie.contains(&u.kop()), "{}", u.kop());
    }
    assert!(tekst.contains("[rood]"), "the status in words");
    assert!(tekst.contains("hebben samen de Prestatieafspraken 2024 t/m 2027 Heemstede gemaakt."), "the aanleiding names the agreement");
    assert!(tekst.contains("De afspraken gelden van 2024 tot en met 2027."));
    assert!(tekst.contains("3. Monitor Prestatieafspraken Heemstede 2024"), "the bijlagen numbered");
    // Every number in the generated sentences is one of the data's.
    let getallen: Vec<u64> = tekst
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty() && s.len() < 4)
        .map(|s| s.parse().unwrap())
        .collect();
    assert!(getallen.contains(&(t.totaal() as u64)));
}

#[test]
fn highlighting_is_data_that_an_export_carries() {
    use afsprakenmonitor::domain::format::{export, to_json, ExportSoort};
    use afsprakenmonitor::domain::validate::lees_bestand_met_history;
    let mut h = heemstede();
    let a = Actor::new("Elan Wonen", "Test");
    let j = Werkruimte::new(&h).jaarafspraken().into_iter().find(|j| j.code == "J 1.1" && j.jaar == Some(2024)).unwrap();
    assert!(!j.uitgelicht);
    h.apply(&a, 10, j.id, ItemSoort::Jaarafspraak, "uitgelicht", json!(true)).unwrap();
    h.apply(&a, 11, j.id, ItemSoort::Jaarafspraak, "uitgelicht_tekst", json!("Zeventig woningen.")).unwrap();
    let r = bericht(&h, &[]);
    let u = r.bereikt.iter().find(|u| u.code == "J 1.1").unwrap();
    assert_eq!(u.tekst, "Zeventig woningen.");
    assert_eq!(r.bereikt[0].code, "J 1.1", "in the Monitor's order");
    let json = to_json(&export(&h, ExportSoort::Uitwisseling, &a, 1_742_900_000_000));
    let (_, h2) = lees_bestand_met_history(&json).expect("our own export imports");
    assert!(Werkruimte::new(&h2).jaarafspraak(j.id).uitgelicht);
}
