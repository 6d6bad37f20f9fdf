//! The screens' numbers and lists on the Heemstede example.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::history::History;
use afsprakenmonitor::domain::model::{Jaarafspraak, Status, Werkruimte};
use afsprakenmonitor::domain::report::{self, Filter, Kolom, Telling};
use afsprakenmonitor::domain::schema::{ItemSoort, VeldType};
use afsprakenmonitor::domain::time::parse_datum;
use afsprakenmonitor::domain::validate::controleer_waarde;
use proptest::prelude::*;
use serde_json::json;
use uuid::Uuid;

const WR: Uuid = Uuid::from_u128(0x4845_454d);

fn heemstede() -> History {
    Voorbeeld::Heemstede.bouw(WR)
}

fn by_code(h: &History, code: &str) -> Jaarafspraak {
    Werkruimte::new(h).jaarafspraken().into_iter().find(|j| j.code == code).unwrap_or_else(|| panic!("{code}"))
}

fn codes(js: &[Jaarafspraak]) -> Vec<&str> {
    js.iter().map(|j| j.code.as_str()).collect()
}

fn g() -> Actor {
    Actor::new("Gemeente Heemstede", "beleidsmedewerker")
}

#[test]
fn per_thema_counts_add_up() {
    let h = heemstede();
    let rows = report::per_thema(&h, Some(2024));
    assert_eq!(rows.len(), 6, "five themes and the rows without theme");
    let totaal: usize = rows.iter().map(|(_, t)| t.totaal()).sum();
    assert_eq!(totaal, 32 + 3);
    let nummers: Vec<Option<String>> = rows.iter().map(|(t, _)| t.as_ref().map(|t| t.nummer.clone())).collect();
    assert_eq!(nummers, [Some("1".into()), Some("2".into()), Some("3".into()), Some("4".into()), Some("5".into()), None]);
    let (_, zonder) = rows.last().unwrap();
    assert_eq!(zonder.totaal(), 3, "5.2.3, M1, M2");
    let (_, t1) = &rows[0];
    assert_eq!(t1.rood, 2, "J 1.8 and J 1.9");
    assert_eq!(t1.van(Status::Rood), 2);
    assert_eq!(*t1, Telling { groen: 0, geel: 0, rood: 2, niet_beoordeeld: 7 });
    // The 2025 plans have no theme yet; all years together add up too.
    let alle: usize = report::per_thema(&h, None).iter().map(|(_, t)| t.totaal()).sum();
    assert_eq!(alle, Werkruimte::new(&h).jaarafspraken().len());
    assert_eq!(report::jaren(&h), [2024, 2025]);
}

#[test]
fn per_trekker_sorted_and_complete() {
    let h = heemstede();
    let rows = report::per_trekker(&h, Some(2024));
    let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    let mut sorted = labels.clone();
    sorted.sort_by_key(|l| report::vouw(l));
    assert_eq!(labels, sorted);
    assert!(labels.contains(&"Pré Wonen") && labels.contains(&"Corporaties") && labels.contains(&"Gemeente"));
    assert_eq!(rows.iter().map(|(_, t)| t.totaal()).sum::<usize>(), 35);
    let corporaties = &rows.iter().find(|(l, _)| l == "Corporaties").unwrap().1;
    assert_eq!(corporaties.rood, 2);
}

#[test]
fn aandacht_is_rood_then_geel() {
    let mut h = heemstede();
    assert_eq!(codes(&report::aandacht(&h, Some(2024))), ["J 1.8", "J 1.9"]);
    let j21 = by_code(&h, "J 2.1").id;
    h.apply(&g(), 1, j21, ItemSoort::Jaarafspraak, "status", json!("geel")).unwrap();
    assert_eq!(codes(&report::aandacht(&h, Some(2024))), ["J 1.8", "J 1.9", "J 2.1"]);
    assert!(report::aandacht(&h, Some(2025)).is_empty());
}

#[test]
fn zoek_ignores_case_and_accents_and_needs_every_word() {
    let h = heemstede();
    let f = Filter { zoek: "pre wonen".into(), ..Filter::default() };
    let gevonden: Vec<Jaarafspraak> =
        Werkruimte::new(&h).jaarafspraken().into_iter().filter(|j| f.past_jaar(&h, j)).collect();
    assert!(codes(&gevonden).contains(&"J 1.4"));
    let f = Filter { zoek: "FRIENDS pré".into(), ..Filter::default() };
    let gevonden: Vec<Jaarafspraak> =
        Werkruimte::new(&h).jaarafspraken().into_iter().filter(|j| f.past_jaar(&h, j)).collect();
    assert_eq!(codes(&gevonden), ["J 1.4"]);
    let f = Filter { zoek: "friends zzzonbekend".into(), ..Filter::default() };
    assert!(!f.past_jaar(&h, &by_code(&h, "J 1.4")));
    assert_eq!(report::vouw("Pré Wonen – Ĳsselmeer"), "pre wonen - ijsselmeer");
}

#[test]
fn filter_parts_narrow_the_groups() {
    let h = heemstede();
    let w = Werkruimte::new(&h);
    let alles = report::gegroepeerd_jaar(&h, &Filter::default());
    assert_eq!(alles.iter().map(|g| g.items.len()).sum::<usize>(), w.jaarafspraken().len());
    assert!(alles.iter().all(|g| !g.items.is_empty()));
    assert_eq!(alles[0].subthema.as_ref().unwrap().nummer, "1.1");
    let laatste = alles.last().unwrap();
    assert!(laatste.thema.is_none() && laatste.subthema.is_none());

    let rood = Filter { jaar: Some(2024), status: Some(Status::Rood), ..Filter::default() };
    let groepen = report::gegroepeerd_jaar(&h, &rood);
    assert_eq!(groepen.len(), 2, "J 1.8 in 1.4, J 1.9 in 1.5");
    assert_eq!(groepen.iter().map(|g| g.thema.as_ref().unwrap().nummer.as_str()).collect::<Vec<_>>(), ["1", "1"]);

    let thema2 = w.themas().into_iter().find(|t| t.nummer == "2").unwrap();
    let f = Filter { thema: Some(thema2.id), jaar: Some(2024), ..Filter::default() };
    let n: usize = report::gegroepeerd_jaar(&h, &f).iter().map(|g| g.items.len()).sum();
    assert_eq!(n, 8);
    let pre = w.partijen().into_iter().find(|p| p.naam == "Pré Wonen").unwrap();
    let f = Filter { partij: Some(pre.id), trekker: Some("pre wonen".into()), ..Filter::default() };
    let js: Vec<Jaarafspraak> = w.jaarafspraken().into_iter().filter(|j| f.past_jaar(&h, j)).collect();
    assert_eq!(codes(&js), ["J 1.4", "J 2.1"]);
    let f = Filter { prioriteit: Some("doorlopend".into()), jaar: Some(2024), ..Filter::default() };
    let js: Vec<Jaarafspraak> = w.jaarafspraken().into_iter().filter(|j| f.past_jaar(&h, j)).collect();
    assert_eq!(codes(&js), ["J 1.6", "J 1.9", "J 2.4"]);

    // Kaderafspraken: the theme filters directly, the status through their jaarafspraken.
    let kader = report::gegroepeerd_kader(&h, &Filter::default());
    assert_eq!(kader.iter().map(|g| g.items.len()).sum::<usize>(), w.kaderafspraken().len());
    // The example's sources link no 2024 jaarafspraak to a kaderafspraak; a user links J 1.9 to
    // K1.12. Of the two rood jaarafspraken only J 1.9 names a kaderafspraak then.
    assert!(report::gegroepeerd_kader(&h, &rood).is_empty());
    let k112 = w.kaderafspraken().into_iter().find(|k| k.code == "K1.12").unwrap().id;
    let mut h = h.clone();
    let j19 = by_code(&h, "J 1.9").id;
    h.apply(&Actor::new("Gemeente Heemstede", "Test"), 1, j19, ItemSoort::Jaarafspraak, "kaderafspraken", serde_json::json!([k112.to_string()])).unwrap();
    let via_rood = report::gegroepeerd_kader(&h, &rood);
    let ks: Vec<&str> = via_rood.iter().flat_map(|g| &g.items).map(|k| k.code.as_str()).collect();
    assert_eq!(ks, ["K1.12"]);
    assert_eq!(by_code(&h, "J 1.9").kaderafspraken, [via_rood[0].items[0].id]);
}

#[test]
fn filter_query_examples() {
    let f = Filter { jaar: Some(2024), status: Some(Status::Rood), zoek: "doorstroming".into(), ..Filter::default() };
    assert_eq!(f.to_query(), "jaar=2024&status=rood&zoek=doorstroming");
    assert_eq!(Filter::from_query("?jaar=2024&status=rood&zoek=doorstroming"), f);
    assert_eq!(Filter::from_query("zoek=pr%C3%A9+wonen&onbekend=1&status=paars").zoek, "pré wonen");
    assert_eq!(Filter::from_query("zoek=100%&jaar=x"), Filter { zoek: "100%".into(), ..Filter::default() });
    assert_eq!(Filter::default().to_query(), "");
    assert!(Filter::from_query("").is_leeg());
}

fn filter_strategy() -> impl Strategy<Value = Filter> {
    let tekst = || prop_oneof![any::<String>(), "[&=%#+? a-zé€😀]{0,12}"];
    let niet_leeg = move || tekst().prop_filter("non-empty", |s| !s.is_empty());
    (
        proptest::option::of(any::<i64>()),
        proptest::option::of(any::<u128>().prop_map(Uuid::from_u128)),
        proptest::option::of(any::<u128>().prop_map(Uuid::from_u128)),
        proptest::option::of(niet_leeg()),
        proptest::option::of(proptest::sample::select(Status::ALL.to_vec())),
        proptest::option::of(niet_leeg()),
        tekst(),
        any::<bool>(),
    )
        .prop_map(|(jaar, thema, partij, trekker, status, prioriteit, zoek, conflict)| Filter {
            jaar,
            thema,
            partij,
            trekker,
            status,
            prioriteit,
            zoek,
            conflict,
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn filter_round_trips_through_the_query(f in filter_strategy()) {
        let q = f.to_query();
        prop_assert!(!q.contains('#') && !q.contains(' ') && !q.contains('+'));
        prop_assert_eq!(q.split('&').filter(|p| !p.is_empty()).count(), q.matches('=').count());
        prop_assert_eq!(Filter::from_query(&q), f.clone());
        prop_assert_eq!(Filter::from_query(&format!("?{q}")).to_query(), q);
    }

    #[test]
    fn any_query_reads_without_panic(q in any::<String>()) {
        let f = Filter::from_query(&q);
        prop_assert_eq!(Filter::from_query(&f.to_query()), f);
    }
}

#[test]
fn planning_has_every_jaarafspraak_once() {
    let h = heemstede();
    let p = report::planning(&h, Some(2024));
    assert_eq!(p.iter().map(|(k, _)| *k).collect::<Vec<_>>(), Kolom::ALL);
    let mut ids: Vec<Uuid> = p.iter().flat_map(|(_, js)| js.iter().map(|j| j.id)).collect();
    assert_eq!(ids.len(), 35);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 35);
    let kolom = |code: &str| p.iter().find(|(_, js)| js.iter().any(|j| j.code == code)).unwrap().0;
    assert_eq!(kolom("J 3.1"), Kolom::T1, "T1 en daarna doorlopend");
    assert_eq!(kolom("J 1.9"), Kolom::Doorlopend, "Doorlopend – monitor");
    assert_eq!(kolom("J 1.6"), Kolom::Doorlopend);
    assert_eq!(kolom("J 1.7"), Kolom::Overig, "Zie Haarlem");
    assert_eq!(kolom("J 3.2"), Kolom::Overig, "Kan per direct");
    assert_eq!(kolom("M1"), Kolom::Overig, "no prioriteit");
    assert_eq!(kolom("J 1.4"), Kolom::T2);
    assert_eq!(kolom("J 1.1"), Kolom::T3);
    assert_eq!(Kolom::van_tekst("t2/t3"), Kolom::T2);
    assert_eq!(report::planning(&h, Some(1999)).len(), 5);
}

#[test]
fn peilmoment_standen_are_valid_and_compare() {
    let mut h = heemstede();
    let voor = report::peilmoment_standen(&h, Some(2024));
    controleer_waarde(&voor, VeldType::Standen).unwrap();
    assert_eq!(voor.as_object().unwrap().len(), 35);
    let j19 = by_code(&h, "J 1.9");
    let s = &voor[j19.id.to_string()];
    assert_eq!(s["status"], "rood");
    assert!(s["oorzaak"].as_str().unwrap().contains("primaire doelgroep"));
    assert!(s["voortgang"].is_string());
    controleer_waarde(&report::huidige_standen(&h), VeldType::Standen).unwrap();

    // Freeze it in a peilmoment, as the app does.
    let pm = Uuid::from_u128(77);
    h.apply(&g(), 1, pm, ItemSoort::Peilmoment, "standen", voor.clone()).unwrap();
    assert_eq!(h.value(pm, "standen"), Some(&voor));

    assert!(report::vergelijk_standen(&voor, &voor, &h).is_empty());
    let j23 = by_code(&h, "J 2.3");
    h.apply(&g(), 2, j23.id, ItemSoort::Jaarafspraak, "status", json!("groen")).unwrap();
    let na = report::peilmoment_standen(&h, Some(2024));
    let diff = report::vergelijk_standen(&voor, &na, &h);
    assert_eq!(diff.len(), 1);
    assert_eq!(diff[0].afspraak, j23.id);
    assert_eq!(diff[0].code, "J 2.3");
    assert_eq!((diff[0].status_voor, diff[0].status_na), (Some(Status::NietBeoordeeld), Some(Status::Groen)));
    assert_eq!(diff[0].voortgang_voor, diff[0].voortgang_na);

    // A new voortgang text shows as a difference too; a 2025 item only on one side as well.
    let v = Uuid::from_u128(78);
    h.apply(&g(), 3, v, ItemSoort::Voortgang, "afspraak", json!(j19.id.to_string())).unwrap();
    h.apply(&g(), 3, v, ItemSoort::Voortgang, "datum", json!("2025-06-01")).unwrap();
    h.apply(&g(), 3, v, ItemSoort::Voortgang, "tekst", json!("Nieuwe cijfers")).unwrap();
    let diff = report::vergelijk_standen(&voor, &report::huidige_standen(&h), &h);
    let codes: Vec<&str> = diff.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(&codes[..2], ["J 1.9", "J 2.3"]);
    assert_eq!(diff[0].voortgang_na.as_deref(), Some("Nieuwe cijfers"));
    assert!(diff[2..].iter().all(|d| d.status_voor.is_none() && d.status_na.is_some()));
}

#[test]
fn agenda_lists_rood_and_the_signal() {
    let mut h = heemstede();
    let a = report::agenda(&h, Some(2024), None);
    assert_eq!(codes(&a.aandacht), ["J 1.8", "J 1.9"]);
    assert_eq!(a.buiten_signaal.len(), 1);
    let (ind, m) = &a.buiten_signaal[0];
    assert_eq!(ind.afspraak, Some(by_code(&h, "J 1.9").id));
    assert_eq!(m.waarde, Some(40.0));
    let pre = Werkruimte::new(&h).partijen().into_iter().find(|p| p.naam == "Pré Wonen").unwrap();
    assert_eq!(m.partij, Some(pre.id));
    // The example's voortgang is the gemeente's monitor text: the gemeente's own items have it.
    assert!(!a.zonder_voortgang.iter().any(|j| j.code == "J 1.1"));
    assert!(a.zonder_voortgang.iter().any(|j| j.code == "J 1.4"));

    // Since the previous meeting: nothing is newer than the monitor, until Pré Wonen reports.
    let sinds = Some("2025-04-01");
    assert_eq!(report::agenda(&h, Some(2024), sinds).zonder_voortgang.len(), 35);
    let j14 = by_code(&h, "J 1.4").id;
    let v = Uuid::from_u128(79);
    let p = Actor::new("Pré Wonen", "p");
    h.apply(&p, 5, v, ItemSoort::Voortgang, "afspraak", json!(j14.to_string())).unwrap();
    h.apply(&p, 5, v, ItemSoort::Voortgang, "datum", json!("2025-05-01")).unwrap();
    h.apply(&p, 5, v, ItemSoort::Voortgang, "partij", json!("Pré Wonen")).unwrap();
    h.apply(&p, 5, v, ItemSoort::Voortgang, "tekst", json!("Twee contracten")).unwrap();
    let a = report::agenda(&h, Some(2024), sinds);
    assert_eq!(a.zonder_voortgang.len(), 34);
    assert!(!a.zonder_voortgang.iter().any(|j| j.id == j14));
    assert!(report::agenda(&h, Some(2025), None).buiten_signaal.is_empty());
}

#[test]
fn gewijzigd_sinds_newest_first() {
    let mut h = heemstede();
    let na_monitor = parse_datum("2025-04-01").unwrap();
    assert!(report::gewijzigd_sinds(&h, na_monitor).is_empty());
    let j = by_code(&h, "J 2.6").id;
    h.apply(&g(), na_monitor + 10, j, ItemSoort::Jaarafspraak, "status", json!("groen")).unwrap();
    h.apply(&g(), na_monitor + 20, j, ItemSoort::Jaarafspraak, "oorzaak", json!("x")).unwrap();
    let v = report::gewijzigd_sinds(&h, na_monitor);
    assert_eq!(v.iter().map(|c| c.veld.as_str()).collect::<Vec<_>>(), ["oorzaak", "status"]);
    assert_eq!(report::gewijzigd_sinds(&h, na_monitor + 10).len(), 1);
}

#[test]
fn dubbele_codes_per_year() {
    let mut h = heemstede();
    // The 2025 plans reuse 2024 codes with another meaning: not a duplicate (another year).
    assert!(report::dubbele_codes(&h).is_empty(), "{:?}", report::dubbele_codes(&h));
    let nieuw = Uuid::from_u128(80);
    h.apply(&g(), 1, nieuw, ItemSoort::Jaarafspraak, "jaar", json!(2024)).unwrap();
    h.apply(&g(), 1, nieuw, ItemSoort::Jaarafspraak, "code", json!("j  1.4")).unwrap();
    let d = report::dubbele_codes(&h);
    assert_eq!(d, [("J 1.4".to_string(), vec![by_code(&h, "J 1.4").id, nieuw])]);
}

/// The search cache gives the same answers as reading afresh, also after an edit of a note.
#[test]
fn search_cache_follows_edits() {
    use afsprakenmonitor::domain::change::Actor;
    use afsprakenmonitor::domain::report::Zoekcache;
    let mut h = heemstede();
    let mut cache = Zoekcache::default();
    let f = Filter { zoek: "zeldzaamwoord".into(), ..Filter::default() };
    let aantal = |h: &History, cache: &mut Zoekcache| report::gegroepeerd(h, &f, cache).0.iter().map(|g| g.items.len()).sum::<usize>();
    assert_eq!(aantal(&h, &mut cache), 0);
    let j = by_code(&h, "J 1.4");
    let notitie = Uuid::from_u128(77);
    let wie = Actor::new("Elan Wonen", "Eva");
    h.apply(&wie, 1, notitie, ItemSoort::Voortgang, "afspraak", serde_json::json!(j.id.to_string())).unwrap();
    h.apply(&wie, 2, notitie, ItemSoort::Voortgang, "tekst", serde_json::json!("Een ZELDZAAMWOORD")).unwrap();
    assert_eq!(aantal(&h, &mut cache), 1);
    assert_eq!(aantal(&h, &mut Zoekcache::default()), 1);
    h.apply(&wie, 3, notitie, ItemSoort::Voortgang, "verwijderd", serde_json::json!(true)).unwrap();
    assert_eq!(aantal(&h, &mut cache), 0);
}

#[test]
fn veranderd_per_afspraak_shows_user_edits_only_grouped_per_agreement() {
    let mut h = heemstede();
    // The example itself is no user edit.
    let (leeg, meer) = report::veranderd_per_afspraak(&h, 0, 10);
    assert!(leeg.is_empty(), "{leeg:?}");
    assert!(!meer);
    let j19 = by_code(&h, "J 1.9").id;
    let j28 = by_code(&h, "J 2.8").id;
    let t = parse_datum("2026-06-01").unwrap();
    h.apply(&g(), t, j19, ItemSoort::Jaarafspraak, "status", json!("groen")).unwrap();
    // A new voortgang entry of J 2.8: its stamps (agreement, party, author, date) are no news.
    let v = Uuid::from_u128(77);
    for (veld, waarde) in [("afspraak", json!(j28.to_string())), ("datum", json!("2026-06-02")), ("partij", json!("Pré Wonen")), ("auteur", json!("Sanne")), ("tekst", json!("Gesprek gepland."))] {
        h.apply(&g(), t + 1000, v, ItemSoort::Voortgang, veld, waarde).unwrap();
    }
    h.apply(&g(), t + 2000, j19, ItemSoort::Jaarafspraak, "status", json!("geel")).unwrap();
    let (groepen, meer) = report::veranderd_per_afspraak(&h, 0, 10);
    assert!(!meer);
    assert_eq!(groepen.iter().map(|g| g.afspraak).collect::<Vec<_>>(), vec![j19, j28]);
    // Of one field only the newest change.
    assert_eq!(groepen[0].wijzigingen.len(), 1);
    assert_eq!(groepen[0].wijzigingen[0].waarde, json!("geel"));
    assert_eq!(groepen[1].wijzigingen.iter().map(|c| c.veld.as_str()).collect::<Vec<_>>(), vec!["tekst"]);
    // Since a later moment, and at most one agreement.
    let (na, _) = report::veranderd_per_afspraak(&h, t + 1500, 10);
    assert_eq!(na.len(), 1);
    let (een, meer) = report::veranderd_per_afspraak(&h, 0, 1);
    assert_eq!(een.len(), 1);
    assert!(meer);
}

#[test]
fn zichtbare_wijziging_leaves_out_order_author_and_empty_firsts() {
    let h = heemstede();
    let verborgen: Vec<_> = h.changes().into_iter().filter(|c| !report::zichtbare_wijziging(c)).map(|c| c.veld.clone()).collect();
    assert!(verborgen.iter().any(|v| v == "volgorde"));
    assert!(verborgen.iter().all(|v| ["volgorde", "auteur", "monitorregel", "afspraak", "partij", "datum", "indicator"].contains(&v.as_str())), "{verborgen:?}");
    assert!(h.changes().into_iter().filter(|c| c.veld == "status").all(report::zichtbare_wijziging));
}
