//! The built-in examples hold what the source documents hold.

use afsprakenmonitor::domain::examples::{heemstede, woonzorg, Voorbeeld};
use afsprakenmonitor::domain::model::{Prioriteit, Status, Werkruimte};
use uuid::Uuid;

fn id() -> Uuid {
    Uuid::from_u128(0x1234)
}

#[test]
fn heemstede_counts_match_the_source() {
    let h = heemstede(id()).expect("example builds");
    let w = Werkruimte::new(&h);
    assert_eq!(w.info().titel, "Prestatieafspraken 2024 t/m 2027 Heemstede");
    assert_eq!(w.info().periode_van, Some(2024));
    assert_eq!(w.info().periode_tot, Some(2027));
    assert_eq!(w.themas().len(), 5);
    assert_eq!(w.subthemas().len(), 13);
    assert_eq!(w.kaderafspraken().len(), 42);
    let j2024: Vec<_> = w.jaarafspraken().into_iter().filter(|j| j.jaar == Some(2024) && !j.monitorregel).collect();
    assert_eq!(j2024.len(), 32);
    let regels: Vec<String> = w.jaarafspraken().into_iter().filter(|j| j.monitorregel).map(|j| j.code).collect();
    assert_eq!(regels, ["5.2.3", "M1", "M2"]);
    assert_eq!(w.partijen().len(), 5);
    assert!(w.begrippen().len() >= 7, "both glossaries");
    assert_eq!(w.overleggen().len(), 8);
    assert!(w.indicatoren().len() >= 3);
    // Every subtheme belongs to a theme, every jaarafspraak 2024 has trekker and prioriteit.
    assert!(w.subthemas().iter().all(|s| s.thema.is_some()));
    assert!(j2024.iter().all(|j| !j.trekker.is_empty() && j.prioriteit != Prioriteit::Geen));
}

#[test]
fn heemstede_statuses_only_where_the_source_states_them() {
    let h = heemstede(id()).unwrap();
    let w = Werkruimte::new(&h);
    let rood: Vec<String> = w.jaarafspraken().into_iter().filter(|j| j.status == Status::Rood).map(|j| j.code).collect();
    assert_eq!(rood, ["J 1.8", "J 1.9"]);
    for j in w.jaarafspraken() {
        if j.status == Status::Rood {
            assert!(!j.oorzaak.is_empty() && !j.actie.is_empty(), "{} needs cause and action", j.code);
        } else {
            assert_eq!(j.status, Status::NietBeoordeeld, "{}", j.code);
        }
    }
}

#[test]
fn heemstede_keeps_source_oddities_as_labels() {
    let h = heemstede(id()).unwrap();
    let w = Werkruimte::new(&h);
    let codes: Vec<String> = w.kaderafspraken().into_iter().map(|k| k.code).collect();
    assert!(codes.contains(&"K1.12".to_string()));
    assert!(codes.contains(&"K.1.14".to_string()));
    // The 2025 plans reuse codes with another meaning: both exist, as different items.
    let j45: Vec<_> = w.jaarafspraken().into_iter().filter(|j| j.code == "J 4.5").collect();
    assert_eq!(j45.len(), 2);
    assert_ne!(j45[0].jaar, j45[1].jaar);
    // Free-text priorities stay free text.
    let prios: Vec<Prioriteit> = w.jaarafspraken().into_iter().map(|j| j.prioriteit).collect();
    assert!(prios.contains(&Prioriteit::Anders("Zie Haarlem".into())));
    assert!(prios.contains(&Prioriteit::Anders("Te bepalen in Werkgroep Duurzaamheid".into())));
    assert!(prios.contains(&Prioriteit::T1) && prios.contains(&Prioriteit::Doorlopend));
}

#[test]
fn heemstede_indicators_and_signals() {
    let h = heemstede(id()).unwrap();
    let w = Werkruimte::new(&h);
    let by_code = |code: &str| w.jaarafspraken().into_iter().find(|j| j.code == code).unwrap().id;
    let j19 = w.indicatoren().into_iter().find(|i| i.afspraak == Some(by_code("J 1.9"))).expect("J 1.9 indicator");
    assert_eq!(j19.doel, Some(70.0));
    let waarden: Vec<f64> = w.metingen_van(j19.id).iter().filter_map(|m| m.waarde).collect();
    assert_eq!(waarden.len(), 2);
    assert!(waarden.contains(&71.0) && waarden.contains(&40.0));
    let j24 = w.indicatoren().into_iter().find(|i| i.afspraak == Some(by_code("J 2.4"))).expect("J 2.4 indicator");
    assert_eq!(j24.signaalwaarde, Some(65.0));
    assert_eq!(w.metingen_van(j24.id).len(), 3);
    // Pré Wonen's 40 % is past the signal value; nothing of J 2.4 is.
    let buiten = w.buiten_signaal();
    assert_eq!(buiten.len(), 1);
    assert_eq!(buiten[0].1.waarde, Some(40.0));
    // K 1.1: at least 120 social new-build homes.
    let k11 = w.kaderafspraken().into_iter().find(|k| k.code == "K 1.1").unwrap();
    assert!(w.indicatoren().iter().any(|i| i.afspraak == Some(k11.id) && i.doel == Some(120.0)));
}

#[test]
fn every_jaarafspraak_2024_has_monitor_voortgang() {
    let h = heemstede(id()).unwrap();
    let w = Werkruimte::new(&h);
    for j in w.jaarafspraken().into_iter().filter(|j| j.jaar == Some(2024) && !j.monitorregel) {
        assert!(!w.voortgang_van(j.id).is_empty(), "{} has voortgang", j.code);
    }
}

#[test]
fn texts_are_joined_and_mended() {
    let h = heemstede(id()).unwrap();
    let w = Werkruimte::new(&h);
    for k in w.kaderafspraken() {
        assert!(!k.tekst.contains("\n \n"), "{}", k.code);
        assert!(!k.tekst.contains("  "), "{} has double spaces", k.code);
        assert!(!k.tekst.trim().is_empty(), "{}", k.code);
    }
}

#[test]
fn woonzorg_builds() {
    let h = woonzorg(id()).expect("example builds");
    let w = Werkruimte::new(&h);
    assert!(w.info().titel.contains("Woonzorg Nederland"));
    assert!(w.partijen().iter().any(|p| p.naam == "Woonzorg Nederland"));
    assert!(!w.kaderafspraken().is_empty());
}

#[test]
fn examples_are_deterministic_per_workspace_and_distinct_between() {
    for v in Voorbeeld::ALL {
        assert_eq!(v.bouw(id()), v.bouw(id()));
        let a = v.bouw(id());
        let b = v.bouw(Uuid::from_u128(99));
        assert!(a.changes().iter().all(|c| !b.contains(&c.id)));
        assert!(a.conflicts().is_empty());
    }
}

#[test]
fn heemstede_reads_as_the_source_prints_it() {
    let h = heemstede(id()).unwrap();
    let w = Werkruimte::new(&h);
    // K 2.4 and K 2.5 are printed under 2.2 Wonen en zorg, after K 2.6 and K 2.7.
    let sub = |nummer: &str| w.subthemas().into_iter().find(|s| s.nummer == nummer).unwrap();
    let in_22: Vec<String> = w.kaderafspraken().into_iter().filter(|k| k.subthema == Some(sub("2.2").id)).map(|k| k.code).collect();
    assert_eq!(in_22, ["K 2.6", "K 2.7", "K 2.4", "K 2.5", "K 2.8", "K 2.9", "K 2.10"]);
    // The source gives J 1.9 a target (70 %), no signal value; toelichtingen hold source text only.
    let j19 = w.jaarafspraken().into_iter().find(|j| j.code == "J 1.9").unwrap();
    let ind = w.indicatoren_van(j19.id).pop().unwrap();
    assert_eq!((ind.doel, ind.signaalwaarde), (Some(70.0), None));
    for i in w.indicatoren() {
        for eigen in ["De Monitor 2024 noemt", "De bron noemt", "Dit staat hier"] {
            assert!(!i.toelichting.contains(eigen), "{}: {eigen}", i.naam);
        }
    }
    // The footnotes of the introduction and of subthemes 2.3 and 4.1.
    assert_eq!(w.info().voetnoten.len(), 2);
    assert!(w.info().voetnoten[1].starts_with("WIJ Heemstede"));
    assert!(sub("2.3").voetnoten[0].starts_with("Het Beleidskader gemeentelijk woonwagen"));
    assert!(sub("4.1").voetnoten[0].starts_with("Tenzij woningen"));
    // No link from a 2024 jaarafspraak to a kaderafspraak: the source states none.
    assert!(w.jaarafspraken().iter().filter(|j| j.jaar == Some(2024)).all(|j| j.kaderafspraken.is_empty()));
    // The description says why most of 2024 is niet beoordeeld.
    assert!(w.info().omschrijving.contains("niet beoordeeld") && w.info().omschrijving.contains("J 1.8 en J 1.9"));
}

#[test]
fn heemstede_2025_plans_sit_under_their_kaderafspraak() {
    let h = heemstede(id()).unwrap();
    let w = Werkruimte::new(&h);
    let j2025: Vec<_> = w.jaarafspraken().into_iter().filter(|j| j.jaar == Some(2025)).collect();
    for code in ["K 3.5", "K 3.7", "K 1.5"] {
        let j = j2025.iter().find(|j| j.code == code).unwrap();
        let k = w.kaderafspraken().into_iter().find(|k| k.code == code).unwrap();
        assert_eq!(j.kaderafspraken, [k.id], "{code}");
        assert_eq!(j.subthema, k.subthema, "{code} under the theme of its kaderafspraak");
        assert!(j.subthema.is_some());
    }
    // J 4.5 of 2025 reuses the code with another meaning: not a continuation.
    let warmte = j2025.iter().find(|j| j.code == "J 4.5").unwrap();
    assert_eq!(warmte.vorige, None);
    assert!(warmte.subthema.is_some());
    assert!(j2025.iter().all(|j| j.vorige.is_none()), "which 2024 items continue is not in the source");
}

#[test]
fn woonzorg_cites_the_raadsinformatiebericht() {
    let h = woonzorg(id()).unwrap();
    let w = Werkruimte::new(&h);
    assert!(h.changes().iter().all(|c| c.auteur == "Raadsinformatiebericht 25 maart 2025"));
    assert!(h.changes().iter().all(|c| afsprakenmonitor::domain::time::datum(c.tijd) == "2025-03-25"));
    assert!(w.info().omschrijving.contains("Meerjarige prestatieafspraken Heemstede 2024 t/m 2027 met Woonzorg Nederland"));
}
