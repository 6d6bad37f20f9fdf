//! The year cycle: preparing a new year from the year before (proposal, preview, apply, undo,
//! done twice makes nothing twice, two parties doing it at once), an agreement's line through the
//! years, a kaderafspraak per year, and comparing two years.

use std::collections::BTreeSet;

use afsprakenmonitor::domain::change::{Actor, Change, Tijd};
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::format::{self, ExportSoort};
use afsprakenmonitor::domain::formulier::schrijf;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::jaarcyclus::{
    self, bewerkingen, kader_per_jaar, kandidaten_uit, lijn, tertiaal_van, vergelijk_jaren, vervolg_id, voorbeeld, Keuze, Plan, UitKader,
};
use afsprakenmonitor::domain::merge;
use afsprakenmonitor::domain::model::{Jaarafspraak, Status, Werkruimte};
use afsprakenmonitor::domain::report;
use afsprakenmonitor::domain::schema::ItemSoort;
use afsprakenmonitor::domain::time::parse_datum;
use afsprakenmonitor::domain::validate::lees_bestand_met_history;
use proptest::prelude::*;
use serde_json::json;
use uuid::Uuid;

const WR: Uuid = Uuid::from_u128(0x15_2024_2025);

fn t(n: i64) -> Tijd {
    parse_datum("2025-01-10").unwrap() + n * 60_000
}

fn gemeente() -> Actor {
    Actor::new("Gemeente Heemstede", "Beleidsmedewerker wonen")
}

fn alle(h: &History) -> Vec<Jaarafspraak> {
    Werkruimte::new(h).jaarafspraken()
}

fn van_jaar(h: &History, jaar: i64) -> Vec<Jaarafspraak> {
    alle(h).into_iter().filter(|j| j.jaar == Some(jaar)).collect()
}

fn code(h: &History, c: &str, jaar: i64) -> Uuid {
    van_jaar(h, jaar).into_iter().find(|j| j.code == c).unwrap_or_else(|| panic!("{c} in {jaar}")).id
}

/// Applies a plan as the app does: one write of all its edits.
fn pas_toe(h: &mut History, plan: &Plan, wie: &Actor, tijd: Tijd) -> Vec<Change> {
    let b = bewerkingen(h, plan);
    let (gemaakt, geweigerd) = schrijf(h, wie, tijd, b, false);
    assert_eq!(geweigerd, None, "every change of the plan can be read back by the others");
    gemaakt
}

fn voorstel(h: &History, jaar: i64) -> Plan {
    Plan::voorgesteld(jaar, &kandidaten_uit(h, &alle(h), jaar))
}

#[test]
fn every_jaarafspraak_of_the_year_before_is_listed_and_unfinished_ones_are_proposed() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let j22 = code(&h, "J 2.2", 2024);
    schrijf(&mut h, &gemeente(), t(0), vec![(j22, ItemSoort::Jaarafspraak, "status", json!("groen"))], false);
    let k = kandidaten_uit(&h, &alle(&h), 2025);
    assert_eq!(k.len(), van_jaar(&h, 2024).len());
    for c in &k {
        let verwacht = if c.afspraak.status == Status::Groen { Keuze::Afgerond } else { Keuze::Voortzetten };
        assert_eq!(c.voorstel, verwacht, "{}", c.afspraak.code);
        assert!(c.vervolg.is_empty());
    }
    let rood = k.iter().find(|c| c.afspraak.code == "J 1.8").unwrap();
    assert_eq!((rood.afspraak.status, rood.voorstel), (Status::Rood, Keuze::Voortzetten));
    assert_eq!(k.iter().find(|c| c.afspraak.id == j22).unwrap().voorstel, Keuze::Afgerond);
}

#[test]
fn applying_the_plan_makes_continuations_and_nothing_twice() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let j18 = code(&h, "J 1.8", 2024);
    let j22 = code(&h, "J 2.2", 2024);
    let k15 = Werkruimte::new(&h).kaderafspraken().into_iter().find(|k| k.code == "K 1.5").unwrap();
    let mut plan = voorstel(&h, 2025);
    for r in &mut plan.regels {
        if r.bron == j18 {
            r.prioriteit = "T2".into();
        }
        if r.bron == j22 {
            r.keuze = Keuze::Anders;
            r.aanpassing.titel = "Urgentieregeling herzien".into();
            r.aanpassing.tekst = "Nieuwe tekst voor 2025.".into();
        }
    }
    let afgerond = plan.regels.iter().filter(|r| r.keuze == Keuze::Afgerond).count();
    plan.uit_kader.push(UitKader { kader: k15.id, code: "J 1.20".into(), titel: String::new(), prioriteit: "T3".into() });
    let vooraf = voorbeeld(&h, &plan);
    let n2024 = van_jaar(&h, 2024).len();
    assert_eq!(vooraf.nieuw.len(), n2024 - afgerond + 1);
    assert_eq!(vooraf.afgerond.len(), afgerond);
    let voor_2025: BTreeSet<Uuid> = van_jaar(&h, 2025).iter().map(|j| j.id).collect();

    let gemaakt = pas_toe(&mut h, &plan, &gemeente(), t(1));
    assert!(!gemaakt.is_empty());
    let w = Werkruimte::new(&h);
    let nieuw: Vec<Jaarafspraak> = van_jaar(&h, 2025).into_iter().filter(|j| !voor_2025.contains(&j.id)).collect();
    assert_eq!(nieuw.len(), vooraf.nieuw.len(), "the preview shows what is made");
    // J 1.8 continues: same content, vorige back, chosen prioriteit, status niet beoordeeld,
    // no voortgang.
    let oud = w.jaarafspraak(j18);
    let n18 = w.jaarafspraak(vervolg_id(j18, 2025));
    assert_eq!((n18.jaar, n18.vorige, &n18.code, &n18.titel, &n18.tekst), (Some(2025), Some(j18), &oud.code, &oud.titel, &oud.tekst));
    assert_eq!((&n18.partijen, n18.subthema, &n18.kaderafspraken, &n18.trekker), (&oud.partijen, oud.subthema, &oud.kaderafspraken, &oud.trekker));
    assert_eq!(n18.prioriteit.tekst(), "T2");
    assert_eq!(n18.status, Status::NietBeoordeeld);
    assert!((n18.oorzaak.is_empty(), n18.actie.is_empty()) == (true, true));
    assert!(w.voortgang_van(n18.id).is_empty());
    // Anders: carried with the new title and text.
    let n22 = w.jaarafspraak(vervolg_id(j22, 2025));
    assert_eq!((n22.titel.as_str(), n22.tekst.as_str(), n22.vorige), ("Urgentieregeling herzien", "Nieuwe tekst voor 2025.", Some(j22)));
    // From a kaderafspraak: linked, under its subtheme, with the kaderafspraak's title.
    let uk = w.jaarafspraak(jaarcyclus::uit_kader_id(k15.id, 2025));
    assert_eq!((uk.kaderafspraken.clone(), uk.subthema, uk.titel.clone(), uk.code.clone()), (vec![k15.id], k15.subthema, k15.titel.clone(), "J 1.20".to_string()));
    // Nothing written that was not asked: no empty prioriteit, no status.
    assert!(gemaakt.iter().all(|c| c.veld != "status" && !(c.veld == "prioriteit" && c.waarde == json!(""))));

    // 2024's J 4.5 carried next to the RIB's own J 4.5 of 2025 (another meaning): the preview
    // warned that the code is taken.
    let warmte = van_jaar(&h, 2025).into_iter().find(|j| j.titel.starts_with("Warmteprogramma")).unwrap().id;
    let j45 = code(&h, "J 4.5", 2024);
    assert!(vooraf.zelfde_code(&alle(&h)).contains(&(vervolg_id(j45, 2025), warmte)));
    assert_eq!(Werkruimte::new(&h).jaarafspraak(warmte).vorige, None, "never guessed to continue it");

    // Done twice: nothing new.
    let plan2 = voorstel(&h, 2025);
    let tweede = voorbeeld(&h, &plan2);
    assert!(tweede.is_leeg(), "{:?}", tweede.nieuw);
    assert_eq!(tweede.al_gedaan.len(), n2024 - afgerond, "carried ones are listed as done");
    let mut plan3 = plan.clone();
    plan3.uit_kader[0].titel = "Iets anders".into();
    let aantal = h.len();
    assert!(pas_toe(&mut h, &plan3, &gemeente(), t(2)).is_empty());
    assert_eq!(h.len(), aantal);
    // And the candidates for 2025 name their continuation.
    let k = kandidaten_uit(&h, &alle(&h), 2025);
    assert_eq!(k.iter().find(|c| c.afspraak.id == j18).unwrap().vervolg.iter().map(|s| s.id).collect::<Vec<_>>(), vec![n18.id]);
}

#[test]
fn one_step_undone_leaves_the_workspace_as_before_and_can_be_done_again() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let voor = alle(&h);
    let mut plan = voorstel(&h, 2025);
    plan.regels[0].prioriteit = "T1".into();
    let gemaakt = pas_toe(&mut h, &plan, &gemeente(), t(1));
    let items: BTreeSet<Uuid> = gemaakt.iter().map(|c| c.item).collect();
    let items_v: Vec<Uuid> = items.iter().copied().collect();
    // Undone: the same agreements in view as before (what it made is deleted, and restorable).
    let terug = jaarcyclus::ongedaan(&h, &items_v);
    assert_eq!(terug.len(), items.len());
    schrijf(&mut h, &gemeente(), t(2), terug, false);
    assert_eq!(alle(&h), voor);
    assert!(jaarcyclus::ongedaan(&h, &items_v).is_empty(), "once");
    // Applied again, with another choice: the same items come back, with the new choice.
    plan.regels[0].prioriteit = "T3".into();
    let v = voorbeeld(&h, &plan);
    assert!(v.nieuw.iter().all(|n| n.terug));
    let opnieuw = pas_toe(&mut h, &plan, &gemeente(), t(3));
    assert_eq!(opnieuw.iter().map(|c| c.item).collect::<BTreeSet<_>>(), items, "the same items again");
    assert_eq!(opnieuw.iter().filter(|c| c.veld != "verwijderd").map(|c| c.veld.as_str()).collect::<Vec<_>>(), ["prioriteit"]);
    let eerste = vervolg_id(plan.regels[0].bron, 2025);
    assert_eq!(Werkruimte::new(&h).jaarafspraak(eerste).prioriteit.tekst(), "T3");
    assert_eq!(alle(&h).len(), voor.len() + items.len());
}

#[test]
fn a_deleted_continuation_comes_back_rather_than_twice() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let j18 = code(&h, "J 1.8", 2024);
    let plan = voorstel(&h, 2025);
    pas_toe(&mut h, &plan, &gemeente(), t(1));
    let n = vervolg_id(j18, 2025);
    schrijf(&mut h, &gemeente(), t(2), vec![(n, ItemSoort::Jaarafspraak, "verwijderd", json!(true))], false);
    let v = voorbeeld(&h, &voorstel(&h, 2025));
    let terug: Vec<_> = v.nieuw.iter().filter(|x| x.id == n).collect();
    assert_eq!(terug.len(), 1);
    assert!(terug[0].terug);
    let p = voorstel(&h, 2025);
    let c = pas_toe(&mut h, &p, &gemeente(), t(3));
    assert_eq!(c.len(), 1, "only brought back: {c:?}");
    assert!(!h.is_deleted(n));
    assert_eq!(van_jaar(&h, 2025).iter().filter(|j| j.vorige == Some(j18)).count(), 1);
}

#[test]
fn a_continuation_moved_to_another_year_is_not_made_again() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let j18 = code(&h, "J 1.8", 2024);
    let p = voorstel(&h, 2025);
    pas_toe(&mut h, &p, &gemeente(), t(1));
    let n = vervolg_id(j18, 2025);
    schrijf(&mut h, &gemeente(), t(2), vec![(n, ItemSoort::Jaarafspraak, "jaar", json!(2026)), (n, ItemSoort::Jaarafspraak, "vorige", serde_json::Value::Null)], false);
    let v = voorbeeld(&h, &voorstel(&h, 2025));
    assert!(v.al_gedaan.contains(&(j18, n)));
    assert!(!v.nieuw.iter().any(|x| x.id == n));
}

#[test]
fn a_continuation_made_by_hand_counts_as_done() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let j18 = code(&h, "J 1.8", 2024);
    let hand = Uuid::new_v4();
    let s = ItemSoort::Jaarafspraak;
    schrijf(&mut h, &gemeente(), t(0), vec![(hand, s, "jaar", json!(2025)), (hand, s, "code", json!("J 1.8")), (hand, s, "vorige", json!(j18.to_string()))], false);
    let v = voorbeeld(&h, &voorstel(&h, 2025));
    assert!(v.al_gedaan.contains(&(j18, hand)));
    assert!(!v.nieuw.iter().any(|n| n.vorige == Some(j18)));
}

/// Two parties prepare 2025 from the same copy, each on their own, and exchange files.
#[test]
fn two_parties_carrying_the_same_agreement_make_one_item() {
    let basis = Voorbeeld::Heemstede.bouw(WR);
    let j22 = code(&basis, "J 2.2", 2024);
    let mut a = basis.clone();
    let mut b = basis.clone();
    let alleen = |h: &History, prio: &str| {
        let mut p = voorstel(h, 2025);
        p.regels.retain(|r| r.bron == j22);
        p.regels[0].keuze = Keuze::Voortzetten;
        p.regels[0].prioriteit = prio.into();
        p
    };
    pas_toe(&mut a, &alleen(&basis, "T1"), &gemeente(), t(1));
    pas_toe(&mut b, &alleen(&basis, "T1"), &Actor::new("Pré Wonen", "Adviseur"), t(2));
    let file = |h: &History| {
        let tekst = format::to_json(&format::export(h, ExportSoort::Uitwisseling, &gemeente(), t(9)));
        lees_bestand_met_history(&tekst).unwrap().1
    };
    let vb = merge::voorbeeld(Some(&a), &file(&b));
    assert!(vb.nieuwe_items.is_empty(), "no second J 2.2: {:?}", vb.nieuwe_items);
    assert!(vb.conflicten.is_empty());
    merge::toepassen(&mut a, &file(&b)).unwrap();
    let in_2025: Vec<_> = van_jaar(&a, 2025).into_iter().filter(|j| j.vorige == Some(j22)).collect();
    assert_eq!(in_2025.len(), 1);
    assert!(!in_2025[0].conflict);
    assert!(report::dubbele_codes(&a).iter().all(|(c, _)| c != "J 2.2"));

    // Different choices: still one item, the difference a visible conflict.
    let mut c = basis.clone();
    let mut d = basis.clone();
    pas_toe(&mut c, &alleen(&basis, "T1"), &gemeente(), t(1));
    pas_toe(&mut d, &alleen(&basis, "T3"), &Actor::new("Pré Wonen", "Adviseur"), t(2));
    let vb = merge::voorbeeld(Some(&c), &file(&d));
    assert!(vb.nieuwe_items.is_empty());
    assert_eq!(vb.conflicten.iter().map(|k| k.veld.as_str()).collect::<Vec<_>>(), ["prioriteit"]);
    merge::toepassen(&mut c, &file(&d)).unwrap();
    let n = vervolg_id(j22, 2025);
    assert!(Werkruimte::new(&c).jaarafspraak(n).conflict);
    assert_eq!(c.conflict(n, "prioriteit").unwrap().len(), 2);
}

/// One party carries by hand (a new jaarafspraak with the same code), the other with the
/// plan: two items, shown as a possible duplicate (the same code twice in one year).
#[test]
fn a_hand_made_copy_next_to_a_planned_one_is_shown_as_a_possible_duplicate() {
    let basis = Voorbeeld::Heemstede.bouw(WR);
    let j22 = code(&basis, "J 2.2", 2024);
    let mut a = basis.clone();
    let mut b = basis.clone();
    let mut p = voorstel(&basis, 2025);
    p.regels.retain(|r| r.bron == j22);
    pas_toe(&mut a, &p, &gemeente(), t(1));
    let hand = Uuid::new_v4();
    let s = ItemSoort::Jaarafspraak;
    schrijf(&mut b, &Actor::new("Elan Wonen", "M"), t(2), vec![(hand, s, "jaar", json!(2025)), (hand, s, "code", json!("J 2.2")), (hand, s, "titel", json!("Urgentie"))], false);
    merge::toepassen(&mut a, &b).unwrap();
    let dubbel = report::dubbele_codes(&a);
    assert!(dubbel.iter().any(|(c, ids)| c == "J 2.2" && ids.len() == 2), "{dubbel:?}");
}

#[test]
fn the_line_runs_through_the_years_both_ways() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let j18 = code(&h, "J 1.8", 2024);
    let p = voorstel(&h, 2025);
    pas_toe(&mut h, &p, &gemeente(), t(1));
    let n25 = vervolg_id(j18, 2025);
    schrijf(&mut h, &gemeente(), t(2), vec![(n25, ItemSoort::Jaarafspraak, "status", json!("geel"))], false);
    let p = voorstel(&h, 2026);
    pas_toe(&mut h, &p, &gemeente(), t(3));
    let n26 = vervolg_id(n25, 2026);
    for id in [j18, n25, n26] {
        let l = lijn(&h, id);
        assert_eq!(l.iter().map(|s| (s.id, s.jaar)).collect::<Vec<_>>(), vec![(j18, Some(2024)), (n25, Some(2025)), (n26, Some(2026))]);
        assert_eq!(l.iter().map(|s| s.status).collect::<Vec<_>>(), vec![Status::Rood, Status::Geel, Status::NietBeoordeeld]);
    }
    // The RIB's new J 4.5 of 2025 starts a line of its own.
    let los = van_jaar(&h, 2025).into_iter().find(|j| j.titel.starts_with("Warmteprogramma")).unwrap().id;
    let l = lijn(&h, los);
    assert_eq!(l.iter().map(|s| s.jaar).collect::<Vec<_>>(), vec![Some(2025), Some(2026)], "the 2025 J 4.5 does not continue the 2024 one");
    // A cycle made by hand does not hang.
    schrijf(&mut h, &gemeente(), t(4), vec![(j18, ItemSoort::Jaarafspraak, "vorige", json!(n26.to_string()))], false);
    assert_eq!(lijn(&h, n25).len(), 3);
}

#[test]
fn a_kaderafspraak_shows_its_jaarafspraken_per_year_of_the_period() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let k35 = Werkruimte::new(&h).kaderafspraken().into_iter().find(|k| k.code == "K 3.5").unwrap().id;
    let per = kader_per_jaar(&h, k35);
    assert_eq!(per.iter().map(|(j, _)| *j).collect::<Vec<_>>(), vec![Some(2024), Some(2025), Some(2026), Some(2027)]);
    let in2025: Vec<_> = per[1].1.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(in2025, ["K 3.5"], "the RIB's 2025 plan under K 3.5");
    let mut p = voorstel(&h, 2026);
    p.regels.clear();
    p.uit_kader.push(UitKader { kader: k35, ..Default::default() });
    pas_toe(&mut h, &p, &gemeente(), t(1));
    let per = kader_per_jaar(&h, k35);
    assert_eq!(per[2].1.len(), 1);
    assert_eq!(per[2].1[0].status, Status::NietBeoordeeld);
}

#[test]
fn two_years_compared() {
    let mut h = Voorbeeld::Heemstede.bouw(WR);
    let p = voorstel(&h, 2025);
    pas_toe(&mut h, &p, &gemeente(), t(1));
    let alle = alle(&h);
    let v = vergelijk_jaren(&alle, 2024, 2025);
    assert_eq!(v.eerder.1.totaal(), van_jaar(&h, 2024).len());
    assert_eq!(v.later.1.totaal(), van_jaar(&h, 2025).len());
    assert_eq!(v.voortgezet, voorstel(&h, 2025).regels.iter().filter(|r| r.keuze.neemt_mee()).count());
}

#[test]
fn tertiaal_of_a_date() {
    assert_eq!(tertiaal_van("2025-04-30"), Some("T1"));
    assert_eq!(tertiaal_van("2025-05-01"), Some("T2"));
    assert_eq!(tertiaal_van("2025-12-31"), Some("T3"));
    assert_eq!(tertiaal_van("2025-13-01"), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Whatever is chosen: applying makes exactly what the preview shows, applying again makes
    /// nothing, and every new jaarafspraak of the year points back to one of the year before.
    #[test]
    fn any_plan_applied_twice_makes_things_once(keuzes in prop::collection::vec(0usize..3, 60), kaders in prop::collection::vec(any::<bool>(), 40), prio in 0usize..4) {
        let mut h = Voorbeeld::Heemstede.bouw(WR);
        let mut plan = voorstel(&h, 2025);
        for (r, k) in plan.regels.iter_mut().zip(keuzes.iter().cycle()) {
            r.keuze = Keuze::ALL[*k];
            r.prioriteit = ["", "T1", "T2", "Doorlopend"][prio].to_string();
        }
        let ks = Werkruimte::new(&h).kaderafspraken();
        for (k, mee) in ks.iter().zip(kaders.iter()) {
            if *mee {
                plan.uit_kader.push(UitKader { kader: k.id, ..Default::default() });
            }
        }
        let voor: BTreeSet<Uuid> = h.all_items_of(ItemSoort::Jaarafspraak).into_iter().collect();
        let v = voorbeeld(&h, &plan);
        pas_toe(&mut h, &plan, &gemeente(), t(1));
        let na: BTreeSet<Uuid> = h.all_items_of(ItemSoort::Jaarafspraak).into_iter().collect();
        let nieuw: BTreeSet<Uuid> = na.difference(&voor).copied().collect();
        prop_assert_eq!(&nieuw, &v.nieuw.iter().map(|n| n.id).collect::<BTreeSet<_>>());
        let aantal = h.len();
        prop_assert!(pas_toe(&mut h, &plan, &gemeente(), t(2)).is_empty());
        prop_assert!(voorbeeld(&h, &plan).is_leeg());
        prop_assert_eq!(h.len(), aantal);
        let w = Werkruimte::new(&h);
        for id in &nieuw {
            let j = w.jaarafspraak(*id);
            prop_assert_eq!(j.jaar, Some(2025));
            prop_assert_eq!(j.status, Status::NietBeoordeeld);
            match j.vorige {
                Some(v) => prop_assert_eq!(w.jaarafspraak(v).jaar, Some(2024)),
                None => prop_assert_eq!(j.kaderafspraken.len(), 1),
            }
        }
    }
}
