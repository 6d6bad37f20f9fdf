//! The file format: export then import gives back the same workspace; every export matches the
//! published JSON Schema; the schema and the code describe the same fields.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::format::{export, to_json, ExportSoort};
use afsprakenmonitor::domain::schema::ItemSoort;
use afsprakenmonitor::domain::validate::lees_bestand_met_history;
use serde_json::{json, Value};
use uuid::Uuid;

fn schema() -> Value {
    serde_json::from_str(include_str!("../docs/formaat.schema.json")).unwrap()
}

#[test]
fn export_then_import_gives_the_same_workspace() {
    for v in Voorbeeld::ALL {
        let h = v.bouw(Uuid::new_v4());
        let b = export(&h, ExportSoort::Uitwisseling, &Actor::new("Gemeente Heemstede", "Test"), 1_742_900_000_000);
        let text = to_json(&b);
        let (b2, h2) = lees_bestand_met_history(&text).expect("own export reads back");
        assert_eq!(b2, b);
        assert_eq!(h2, h);
        assert_eq!(h2.state_view(), h.state_view());
        // and once more: stable text
        assert_eq!(to_json(&b2), text);
    }
}

#[test]
fn exports_match_the_json_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("schema compiles");
    for v in Voorbeeld::ALL {
        let mut h = v.bouw(Uuid::new_v4());
        let j = Uuid::new_v4();
        let a = Actor::new("Pré Wonen", "Test");
        h.apply(&a, 1, j, ItemSoort::Jaarafspraak, "code", json!("J 9.9")).unwrap();
        h.apply(&a, 2, j, ItemSoort::Jaarafspraak, "status", json!("geel")).unwrap();
        h.apply(&a, 3, j, ItemSoort::Jaarafspraak, "status", json!("rood")).unwrap();
        h.apply(&a, 4, Uuid::new_v4(), ItemSoort::Peilmoment, "standen", json!({ j.to_string(): {"status": "rood", "voortgang": "x"} })).unwrap();
        for soort in [ExportSoort::Uitwisseling, ExportSoort::Reservekopie] {
            let value: Value = serde_json::from_str(&to_json(&export(&h, soort, &a, 5))).unwrap();
            let errors: Vec<String> = validator.iter_errors(&value).take(5).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
    }
}

#[test]
fn schema_rejects_what_validation_rejects() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let h = Voorbeeld::Woonzorg.bouw(Uuid::new_v4());
    let mut value: Value = serde_json::from_str(&to_json(&export(&h, ExportSoort::Uitwisseling, &Actor::default(), 5))).unwrap();
    value["wijzigingen"][0]["veld"] = json!("bestaat_niet");
    assert!(!validator.is_valid(&value));
    value["wijzigingen"][0]["veld"] = json!("titel");
    value["wijzigingen"][0]["waarde"] = json!(42);
    assert!(!validator.is_valid(&value));
    value["versie"] = json!(2);
    assert!(!validator.is_valid(&value));
}

#[test]
fn schema_and_code_name_the_same_kinds_and_fields() {
    let s = schema();
    let kinds: Vec<&str> = s["$defs"]["wijziging"]["properties"]["soort"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let code_kinds: Vec<&str> = ItemSoort::ALL.iter().map(|k| k.naam()).collect();
    assert_eq!(kinds, code_kinds);
    for rule in s["$defs"]["wijziging"]["allOf"].as_array().unwrap() {
        let kind = rule["if"]["properties"]["soort"]["const"].as_str().unwrap();
        let fields: Vec<&str> = rule["then"]["oneOf"].as_array().unwrap().iter().map(|f| f["properties"]["veld"]["const"].as_str().unwrap()).collect();
        let code: Vec<&str> = ItemSoort::from_naam(kind).unwrap().velden().iter().map(|v| v.naam).collect();
        assert_eq!(fields, code, "fields of {kind}");
    }
}

#[test]
fn private_changes_stay_out_of_exchange_exports() {
    let mut h = Voorbeeld::Heemstede.bouw(Uuid::new_v4());
    let j = h.items_of(ItemSoort::Jaarafspraak)[0];
    let a = Actor::new("Bewonersraad Elan Wonen", "BE");
    let r = Uuid::new_v4();
    for (veld, waarde) in [("afspraak", json!(j.to_string())), ("tekst", json!("Alleen voor ons"))] {
        let mut c = h.make_change(&a, 9, r, ItemSoort::Reactie, veld, waarde).unwrap();
        c.prive = true;
        h.insert(c).unwrap();
    }
    let uit = to_json(&export(&h, ExportSoort::Uitwisseling, &a, 10));
    assert!(!uit.contains("Alleen voor ons"));
    let backup = to_json(&export(&h, ExportSoort::Reservekopie, &a, 10));
    assert!(backup.contains("Alleen voor ons"));
    let (_, back) = lees_bestand_met_history(&backup).unwrap();
    assert_eq!(back, h);
}

#[test]
fn editing_a_private_item_keeps_it_private_and_exports_stay_valid() {
    let mut h = Voorbeeld::Heemstede.bouw(Uuid::new_v4());
    let j = h.items_of(ItemSoort::Jaarafspraak)[0];
    let a = Actor::new("Bewonersraad Elan Wonen", "BE");
    let r = Uuid::new_v4();
    for (veld, waarde) in [("afspraak", json!(j.to_string())), ("tekst", json!("Geheime eerste tekst"))] {
        let mut c = h.make_change(&a, 9, r, ItemSoort::Reactie, veld, waarde).unwrap();
        c.prive = true;
        h.insert(c).unwrap();
    }
    // A later edit of the private reactie is private too.
    let c = h.apply(&a, 10, r, ItemSoort::Reactie, "tekst", json!("Geheime tweede tekst")).unwrap();
    assert!(c.prive);
    let uit = to_json(&export(&h, ExportSoort::Uitwisseling, &a, 11));
    assert!(!uit.contains("Geheime"));
    // The shared file reads back whole: no reference to a left-out change.
    assert!(lees_bestand_met_history(&uit).is_ok());
}
