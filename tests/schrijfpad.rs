//! The write path: every change the app makes can be exported and read back by another party.
//!
//! `History::make_change` checks a new change as an import does (the field exists for its kind,
//! the value fits the field, a reference points to an item of an allowed kind that the other
//! parties also receive). The property: whatever sequence of edits is tried, with values that fit
//! and values that do not, the edits that are accepted always give an export that imports, and
//! the edits that fit are never refused.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::format::{export, to_json, ExportSoort};
use afsprakenmonitor::domain::history::{History, InsertError};
use afsprakenmonitor::domain::schema::{ItemSoort, VeldType};
use afsprakenmonitor::domain::validate::{controleer_waarde, lees_bestand_met_history, WaardeFout};
use proptest::prelude::*;
use serde_json::{json, Value};
use uuid::Uuid;

/// One attempted edit: which item (index into a small pool), which kind and field (indexes),
/// and a value made from a seed.
#[derive(Clone, Debug)]
struct Poging {
    item: usize,
    soort: usize,
    veld: usize,
    waarde: WaardeZaad,
    prive: bool,
}

#[derive(Clone, Debug)]
enum WaardeZaad {
    Null,
    Tekst(String),
    Getal(f64),
    Jaar(i64),
    JaNee(bool),
    Datum(u8, u8),
    /// A reference to an item of the pool (or a random id when the index is past it).
    Id(usize),
    Ids(Vec<usize>),
    Teksten(Vec<String>),
    /// A word of the field's list of choices, or not.
    Keuze(usize),
    Object,
}

fn zaad() -> impl Strategy<Value = WaardeZaad> {
    prop_oneof![
        Just(WaardeZaad::Null),
        "[a-z ]{0,12}".prop_map(WaardeZaad::Tekst),
        (-1e6f64..1e6).prop_map(WaardeZaad::Getal),
        (1800i64..2300).prop_map(WaardeZaad::Jaar),
        any::<bool>().prop_map(WaardeZaad::JaNee),
        (0u8..15, 0u8..35).prop_map(|(m, d)| WaardeZaad::Datum(m, d)),
        (0usize..14).prop_map(WaardeZaad::Id),
        prop::collection::vec(0usize..14, 0..4).prop_map(WaardeZaad::Ids),
        prop::collection::vec("[a-z]{0,6}", 0..3).prop_map(WaardeZaad::Teksten),
        (0usize..6).prop_map(WaardeZaad::Keuze),
        Just(WaardeZaad::Object),
    ]
}

fn poging() -> impl Strategy<Value = Poging> {
    (0usize..12, 0usize..ItemSoort::ALL.len(), 0usize..12, zaad(), prop::bool::weighted(0.1))
        .prop_map(|(item, soort, veld, waarde, prive)| Poging { item, soort, veld, waarde, prive })
}

fn waarde(z: &WaardeZaad, t: VeldType, pool: &[Uuid]) -> Value {
    let id = |i: usize| pool.get(i).copied().unwrap_or_else(Uuid::new_v4).to_string();
    match z {
        WaardeZaad::Null => Value::Null,
        WaardeZaad::Tekst(s) => json!(s),
        WaardeZaad::Getal(x) => json!(x),
        WaardeZaad::Jaar(y) => json!(y),
        WaardeZaad::JaNee(b) => json!(b),
        WaardeZaad::Datum(m, d) => json!(format!("2025-{m:02}-{d:02}")),
        WaardeZaad::Id(i) => json!(id(*i)),
        WaardeZaad::Ids(is) => json!(is.iter().map(|i| id(*i)).collect::<Vec<_>>()),
        WaardeZaad::Teksten(ts) => json!(ts),
        WaardeZaad::Keuze(i) => match t {
            VeldType::Keuze(opties) => json!(opties.get(*i).copied().unwrap_or("onbekend")),
            _ => json!("onbekend"),
        },
        WaardeZaad::Object => json!({ pool[0].to_string(): { "status": "geel" } }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn accepted_edits_always_export_and_import(pogingen in prop::collection::vec(poging(), 1..60)) {
        let wr = Uuid::new_v4();
        let mut h = History::new(wr);
        let actor = Actor::new("Gemeente Heemstede", "Test");
        let a = h.apply(&actor, 1, wr, ItemSoort::Werkruimte, "titel", json!("Proef")).unwrap();
        prop_assert_eq!(a.veld, "titel");
        // A pool of item ids; the kind of each is fixed by the first accepted change.
        let pool: Vec<Uuid> = std::iter::once(wr).chain((1..12).map(|_| Uuid::new_v4())).collect();
        for (n, p) in pogingen.iter().enumerate() {
            let item = pool[p.item];
            let soort = if item == wr { ItemSoort::Werkruimte } else { h.soort(item).unwrap_or(ItemSoort::ALL[p.soort]) };
            if soort == ItemSoort::Werkruimte && item != wr {
                continue;
            }
            let velden = soort.velden();
            let (veld, t) = if p.veld < velden.len() { (velden[p.veld].naam, velden[p.veld].soort) } else { ("bestaat_niet", VeldType::Tekst) };
            let w = waarde(&p.waarde, t, &pool);
            match h.make_change(&actor, 10 + n as i64, item, soort, veld, w.clone()) {
                Ok(mut c) => {
                    // "Alleen voor ons" is chosen when an item is made, as the Reacties form does.
                    if p.prive && soort == ItemSoort::Reactie && !h.exists(item) {
                        c.prive = true;
                    }
                    h.insert(c).unwrap();
                }
                Err(InsertError::OnbekendVeld { .. }) => prop_assert_eq!(veld, "bestaat_niet"),
                Err(InsertError::OngeldigeWaarde { fout, .. }) => prop_assert_eq!(Err::<(), WaardeFout>(fout.clone()), controleer_waarde(&w, t)),
                Err(InsertError::LosseVerwijzing { naar, .. }) => {
                    prop_assert!(!h.exists(naar) || h.is_prive(naar) || !matches!(t, VeldType::Verwijzing(s) | VeldType::Verwijzingen(s) if h.soort(naar).is_some_and(|k| s.contains(&k))));
                }
                Err(e) => prop_assert!(false, "unexpected refusal: {e}"),
            }
        }
        for soort in [ExportSoort::Uitwisseling, ExportSoort::Reservekopie] {
            let b = export(&h, soort, &actor, 1_742_900_000_000);
            let tekst = to_json(&b);
            let gelezen = lees_bestand_met_history(&tekst);
            prop_assert!(gelezen.is_ok(), "own {soort:?} export refused: {:?}", gelezen.err());
        }
    }
}

#[test]
fn a_wrong_field_value_or_reference_is_refused_and_says_what() {
    let wr = Uuid::new_v4();
    let mut h = History::new(wr);
    let actor = Actor::new("Gemeente Heemstede", "Test");
    let j = Uuid::new_v4();
    h.apply(&actor, 1, j, ItemSoort::Jaarafspraak, "code", json!("J 1.1")).unwrap();
    let e = h.make_change(&actor, 2, j, ItemSoort::Jaarafspraak, "statsu", json!("geel")).unwrap_err();
    assert_eq!(e, InsertError::OnbekendVeld { soort: ItemSoort::Jaarafspraak, veld: "statsu".into() });
    let e = h.make_change(&actor, 2, j, ItemSoort::Jaarafspraak, "status", json!("oranje")).unwrap_err();
    assert!(matches!(&e, InsertError::OngeldigeWaarde { fout: WaardeFout::GeenKeuze(_), .. }), "{e:?}");
    assert!(e.to_string().contains("groen, geel, rood"), "{e}");
    let e = h.make_change(&actor, 2, j, ItemSoort::Jaarafspraak, "jaar", json!("2025")).unwrap_err();
    assert!(matches!(e, InsertError::OngeldigeWaarde { fout: WaardeFout::GeenJaar, .. }));
    // A voortgang note of an agreement that is not in the workspace.
    let v = Uuid::new_v4();
    let weg = Uuid::new_v4();
    let e = h.make_change(&actor, 2, v, ItemSoort::Voortgang, "afspraak", json!(weg.to_string())).unwrap_err();
    assert_eq!(e, InsertError::LosseVerwijzing { item: v, veld: "afspraak".into(), naar: weg });
    // A public note on a private reactie would reach the others without what it points to.
    let r = Uuid::new_v4();
    let mut c = h.make_change(&actor, 3, r, ItemSoort::Reactie, "afspraak", json!(j.to_string())).unwrap();
    c.prive = true;
    h.insert(c).unwrap();
    assert!(h.make_change(&actor, 4, r, ItemSoort::Reactie, "tekst", json!("Alleen voor ons")).unwrap().prive);
    // Nothing refused was added.
    assert_eq!(h.changes().len(), 2);
}
