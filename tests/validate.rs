//! Bad input never panics and never yields a partial result: it gets a typed error with a Dutch
//! message that names the place.

use afsprakenmonitor::domain::change::Actor;
use afsprakenmonitor::domain::examples::Voorbeeld;
use afsprakenmonitor::domain::format::{export, to_json, ExportSoort};
use afsprakenmonitor::domain::history::{History, InsertError};
use afsprakenmonitor::domain::merge;
use afsprakenmonitor::domain::validate::{lees_bestand, lees_bestand_met_history, FoutSoort};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;
use uuid::Uuid;

fn small_export() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let h = Voorbeeld::Woonzorg.bouw(Uuid::from_u128(5));
        to_json(&export(&h, ExportSoort::Uitwisseling, &Actor::new("Gemeente Heemstede", "Test"), 1))
    })
}

fn value() -> Value {
    serde_json::from_str(small_export()).unwrap()
}

fn err(v: &Value) -> afsprakenmonitor::domain::validate::ImportFout {
    lees_bestand(&v.to_string()).expect_err("must be refused")
}

#[test]
fn not_json() {
    let e = lees_bestand("dit is geen json").unwrap_err();
    assert_eq!(e.soort, FoutSoort::GeenJson);
    assert!(e.bericht.contains("geen geldig JSON"));
    assert_eq!(lees_bestand("").unwrap_err().soort, FoutSoort::GeenJson);
}

#[test]
fn truncated() {
    let t = small_export();
    let e = lees_bestand(&t[..t.len() / 2]).unwrap_err();
    assert_eq!(e.soort, FoutSoort::Afgebroken);
    assert!(e.bericht.contains("niet compleet"));
    assert!(e.plaats.unwrap().starts_with("regel "));
}

#[test]
fn foreign_json() {
    for t in [r#"{"hello": "world"}"#, "[1,2,3]", "42", r#"{"formaat": "iets anders", "versie": 1}"#] {
        let e = lees_bestand(t).unwrap_err();
        assert_eq!(e.soort, FoutSoort::Vreemd, "{t}");
        assert!(e.bericht.contains("geen bestand van de Afsprakenmonitor"));
    }
}

#[test]
fn newer_version() {
    let mut v = value();
    v["versie"] = json!(7);
    let e = err(&v);
    assert_eq!(e.soort, FoutSoort::NieuwereVersie);
    assert!(e.bericht.contains("nieuwere versie"));
    v["versie"] = json!(0);
    assert_eq!(err(&v).soort, FoutSoort::OnbekendeVersie);
}

#[test]
fn wrong_types_name_the_place_and_the_item() {
    let mut v = value();
    let i = v["wijzigingen"].as_array().unwrap().iter().position(|c| c["soort"] == "kaderafspraak" && c["veld"] == "titel").unwrap();
    v["wijzigingen"][i]["waarde"] = json!(12);
    let e = err(&v);
    assert_eq!(e.soort, FoutSoort::VerkeerdeWaarde);
    let plaats = e.plaats.unwrap();
    assert!(plaats.starts_with(&format!("wijzigingen[{i}].waarde")), "{plaats}");
    assert!(plaats.contains("veld titel"), "{plaats}");
    assert!(e.bericht.contains("tekst"));

    let mut v = value();
    v["wijzigingen"][3]["tijd"] = json!("gisteren");
    assert_eq!(err(&v).plaats.unwrap(), "wijzigingen[3].tijd".to_string() + &label_suffix(&value(), 3));

    let mut v = value();
    v["wijzigingen"] = json!({"a": 1});
    assert_eq!(err(&v).soort, FoutSoort::VerkeerdeWaarde);
}

fn label_suffix(v: &Value, i: usize) -> String {
    let item = v["wijzigingen"][i]["item"].as_str().unwrap();
    let label = v["wijzigingen"].as_array().unwrap().iter().find(|c| c["item"] == item && c["veld"] == "code" && c["waarde"].as_str().is_some_and(|s| !s.is_empty()))
        .or_else(|| v["wijzigingen"].as_array().unwrap().iter().find(|c| c["item"] == item && ["titel", "naam", "term"].contains(&c["veld"].as_str().unwrap())));
    label.map(|c| format!(" ({})", c["waarde"].as_str().unwrap())).unwrap_or_default()
}

#[test]
fn duplicate_ids() {
    let mut v = value();
    let mut dup = v["wijzigingen"][2].clone();
    dup["waarde"] = json!("iets anders");
    v["wijzigingen"].as_array_mut().unwrap().push(dup);
    let e = err(&v);
    assert_eq!(e.soort, FoutSoort::DubbeleId);
    // The place names the second one, its item and its field.
    let n = v["wijzigingen"].as_array().unwrap().len() - 1;
    let veld = v["wijzigingen"][2]["veld"].as_str().unwrap().to_string();
    assert_eq!(e.plaats.unwrap(), format!("wijzigingen[{n}].id{}, veld {veld}", label_suffix(&v, 2)));
    // An identical duplicate is harmless.
    let mut v = value();
    let same = v["wijzigingen"][2].clone();
    v["wijzigingen"].as_array_mut().unwrap().push(same);
    assert!(lees_bestand(&v.to_string()).is_ok());
}

#[test]
fn dangling_references() {
    let mut v = value();
    let i = v["wijzigingen"].as_array().unwrap().iter().position(|c| c["veld"] == "partijen" && c["waarde"].as_array().is_some_and(|a| !a.is_empty())).unwrap();
    v["wijzigingen"][i]["waarde"] = json!([Uuid::new_v4().to_string()]);
    let e = err(&v);
    assert_eq!(e.soort, FoutSoort::LosseVerwijzing);
    assert!(e.bericht.contains("niet in het bestand"));

    let mut v = value();
    v["wijzigingen"][1]["volgt"] = json!([Uuid::new_v4().to_string()]);
    assert_eq!(err(&v).soort, FoutSoort::LosseVerwijzing);
}

#[test]
fn absurd_sizes() {
    // A 50 MB string.
    let mut v = value();
    let i = v["wijzigingen"].as_array().unwrap().iter().position(|c| c["veld"] == "titel").unwrap();
    v["wijzigingen"][i]["waarde"] = json!("x".repeat(50 * 1024 * 1024));
    let e = lees_bestand(&v.to_string()).unwrap_err();
    assert_eq!(e.soort, FoutSoort::TeGroot);
    // 10,000-deep nesting.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(lees_bestand(&deep).unwrap_err().soort, FoutSoort::TeGroot);
    let mut v = value();
    let nested: Value = serde_json::from_str(&format!("{}1{}", "[".repeat(100), "]".repeat(100))).unwrap();
    v["wijzigingen"][0]["waarde"] = nested;
    assert!(lees_bestand(&v.to_string()).is_err());
    // Over the file size limit.
    assert_eq!(lees_bestand(&" ".repeat(65 * 1024 * 1024)).unwrap_err().soort, FoutSoort::TeGroot);
}

#[test]
fn messages_are_dutch_and_say_where() {
    let mut v = value();
    v["wijzigingen"][0]["soort"] = json!("spaceship");
    let e = err(&v);
    assert!(e.to_string().contains("Onbekende soort"));
    assert!(e.to_string().contains("plaats: wijzigingen[0].soort"));
}

/// One random damage to a valid file.
#[derive(Clone, Debug)]
enum Damage {
    Truncate(usize),
    FlipByte(usize, u8),
    SetField { change: usize, field: usize, value: usize },
    DropField { change: usize, field: usize },
    InsertText(usize, String),
}

const FIELDS: [&str; 11] = ["id", "werkruimte", "item", "soort", "veld", "waarde", "tijd", "partij", "auteur", "volgt", "prive"];

fn junk(i: usize) -> Value {
    match i % 12 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(1.5e300),
        4 => json!("x"),
        5 => json!([]),
        6 => json!({}),
        7 => json!(Uuid::new_v4().to_string()),
        8 => json!(["a", 1]),
        9 => json!("niet_beoordeeld"),
        10 => json!(u64::MAX),
        _ => json!({"status": "paars"}),
    }
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(|i| Damage::Truncate(i.index(small_export().len()))),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Damage::FlipByte(i.index(small_export().len()), b)),
        (0usize..200, 0..FIELDS.len(), 0usize..12).prop_map(|(change, field, value)| Damage::SetField { change, field, value }),
        (0usize..200, 0..FIELDS.len()).prop_map(|(change, field)| Damage::DropField { change, field }),
        (any::<prop::sample::Index>(), ".{0,8}").prop_map(|(i, s)| Damage::InsertText(i.index(small_export().len()), s)),
    ]
}

fn apply(d: &Damage) -> String {
    let t = small_export();
    match d {
        Damage::Truncate(n) => {
            let mut n = *n;
            while !t.is_char_boundary(n) { n -= 1; }
            t[..n].to_string()
        }
        Damage::FlipByte(i, b) => {
            let mut bytes = t.as_bytes().to_vec();
            bytes[*i] = *b;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        Damage::SetField { change, field, value } => {
            let mut v = value_of(t);
            let n = v["wijzigingen"].as_array().unwrap().len();
            v["wijzigingen"][change % n][FIELDS[*field]] = junk(*value);
            v.to_string()
        }
        Damage::DropField { change, field } => {
            let mut v = value_of(t);
            let n = v["wijzigingen"].as_array().unwrap().len();
            v["wijzigingen"][change % n].as_object_mut().unwrap().remove(FIELDS[*field]);
            v.to_string()
        }
        Damage::InsertText(i, s) => {
            let mut i = *i;
            while !t.is_char_boundary(i) { i -= 1; }
            format!("{}{}{}", &t[..i], s, &t[i..])
        }
    }
}

fn value_of(t: &str) -> Value {
    serde_json::from_str(t).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    /// Damaged files: either refused with a message and a place, or (when the damage happened to
    /// keep the file valid, e.g. inside a text) read whole.
    #[test]
    fn damaged_files_are_refused_whole_or_read_whole(d in damage()) {
        let text = apply(&d);
        match lees_bestand_met_history(&text) {
            Err(e) => {
                prop_assert!(!e.bericht.is_empty());
                prop_assert!(e.bericht.ends_with('.'));
            }
            Ok((b, h)) => {
                prop_assert_eq!(h.len(), {
                    let mut ids: Vec<_> = b.wijzigingen.iter().map(|c| c.id).collect();
                    ids.sort(); ids.dedup(); ids.len()
                });
            }
        }
    }

    /// Arbitrary text never panics.
    #[test]
    fn arbitrary_text_is_refused(s in ".{0,200}") {
        prop_assert!(lees_bestand(&s).is_err());
    }

    /// Arbitrary JSON values never panic and are refused.
    #[test]
    fn arbitrary_json_is_refused(v in arb_json()) {
        prop_assert!(lees_bestand(&v.to_string()).is_err());
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        ".{0,10}".prop_map(Value::String),
        Just(json!("afsprakenmonitor")),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(prop_oneof![Just("formaat".to_string()), Just("versie".to_string()), Just("wijzigingen".to_string()), "[a-z]{1,6}"], inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn a_file_saved_again_by_another_tool_still_matches() {
    // 79.0 written as 79 (and back) is the same change, not a different one with the same id.
    use afsprakenmonitor::domain::history::History;
    use afsprakenmonitor::domain::schema::ItemSoort;
    let wr = Uuid::from_u128(77);
    let mut h = History::new(wr);
    let item = Uuid::from_u128(78);
    let c = h.apply(&Actor::new("Gemeente", "g"), 1, item, ItemSoort::Meting, "waarde", json!(79.0)).unwrap();
    let mut again = c.clone();
    again.waarde = json!(79);
    assert_eq!(h.insert(again), Ok(false));
    let mut other = c.clone();
    other.waarde = json!(80);
    assert!(h.insert(other).is_err());
}

/// The file of `h` as JSON, with `pas_aan` applied to the change at the first position where
/// `kies` holds; returns the file and that position.
fn aangepast(h: &History, kies: impl Fn(&Value) -> bool, pas_aan: impl Fn(&mut Value)) -> (Value, usize) {
    let mut v: Value = serde_json::from_str(&to_json(&export(h, ExportSoort::Uitwisseling, &Actor::new("Gemeente Heemstede", "Test"), 1))).unwrap();
    let n = v["wijzigingen"].as_array().unwrap().iter().position(kies).expect("a change to tamper with");
    pas_aan(&mut v["wijzigingen"][n]);
    (v, n)
}

#[test]
fn a_tampered_file_says_which_change_item_and_field() {
    let h = Voorbeeld::Heemstede.bouw(Uuid::from_u128(9));
    // A file whose status of a jaarafspraak was changed afterwards, under the same change id.
    let (v, n) = aangepast(&h, |c| c["soort"] == "jaarafspraak" && c["veld"] == "status", |c| {
        c["waarde"] = json!(if c["waarde"] == "rood" { "groen" } else { "rood" })
    });
    let (bestand, inkomend) = lees_bestand_met_history(&v.to_string()).expect("the file itself is sound");
    let voorbeeld = merge::voorbeeld(Some(&h), &inkomend);
    let fout = voorbeeld.fout.clone().expect("refused");
    assert!(matches!(fout, InsertError::AndereInhoud(_)));
    let volgorde: Vec<Uuid> = bestand.wijzigingen.iter().map(|c| c.id).collect();
    let e = merge::weigering(&h, &inkomend, &volgorde, &fout);
    assert_eq!(e.soort, FoutSoort::DubbeleId);
    let code = label_suffix(&v, n);
    assert!(code.starts_with(" (J "), "{code}");
    assert_eq!(e.plaats.as_deref(), Some(format!("wijzigingen[{n}].waarde{code}, veld status").as_str()));
    assert!(e.bericht.contains("Een wijziging in dit bestand"), "{}", e.bericht);
    assert!(!e.bericht.contains("onderdeel"), "{}", e.bericht);
    // Applying it is refused in the same way; nothing changes.
    let mut kopie = h.clone();
    assert_eq!(merge::toepassen(&mut kopie, &inkomend), Err(fout));
    assert_eq!(kopie, h);

    // A change relabelled to another author names the part that differs.
    let (v, n) = aangepast(&h, |c| c["soort"] == "kaderafspraak" && c["veld"] == "titel", |c| c["auteur"] = json!("Iemand anders"));
    let (bestand, inkomend) = lees_bestand_met_history(&v.to_string()).unwrap();
    let fout = merge::voorbeeld(Some(&h), &inkomend).fout.expect("refused");
    let volgorde: Vec<Uuid> = bestand.wijzigingen.iter().map(|c| c.id).collect();
    let plaats = merge::weigering(&h, &inkomend, &volgorde, &fout).plaats.unwrap();
    assert_eq!(plaats, format!("wijzigingen[{n}].auteur{}, veld titel", label_suffix(&v, n)));
}

/// Reading in steps gives the same as reading at once, and a place inside a change is counted
/// from the start of the file.
#[test]
fn reading_in_steps_is_reading_at_once() {
    use afsprakenmonitor::domain::validate::Lezer;
    let h = Voorbeeld::Heemstede.bouw(Uuid::from_u128(7));
    let tekst = to_json(&export(&h, ExportSoort::Uitwisseling, &Actor::default(), 0));
    let (b1, h1) = lees_bestand_met_history(&tekst).unwrap();
    let mut lezer = Lezer::begin(&tekst).unwrap();
    assert!(lezer.aantal() > 1000);
    let mut vorige = 0.0;
    while !lezer.stap(97).unwrap() {
        assert!(lezer.deel() >= vorige && lezer.deel() < 1.0);
        vorige = lezer.deel();
    }
    assert_eq!(lezer.deel(), 1.0);
    let (b2, h2) = lezer.einde().unwrap();
    assert_eq!(b1, b2);
    assert_eq!(h1, h2);

    // A value nested too deep inside the 3rd change: refused, with the line of that change.
    let diep = format!("{}1{}", "[".repeat(300), "]".repeat(300));
    let mut regels: Vec<String> = tekst.lines().map(str::to_string).collect();
    let derde = regels.iter().enumerate().filter(|(_, r)| r.contains("\"waarde\":")).nth(2).unwrap().0;
    regels[derde] = regels[derde].split("\"waarde\":").next().unwrap().to_string() + "\"waarde\": " + &diep + ",";
    let kapot = regels.join("\n");
    let fout = lees_bestand_met_history(&kapot).unwrap_err();
    assert!(fout.bericht.contains("te diep genest"), "{fout}");
    assert!(fout.plaats.as_deref().unwrap().starts_with(&format!("regel {}, kolom ", derde + 1)), "{fout:?}");
}
