//! Names of fields as users read them (in change history and import previews).

use super::{taal, Taal};

/// The user's word for a field name from the schema; unknown names are shown as they are.
pub fn veldnaam(veld: &str) -> String {
    let (nl, en) = match veld {
        "titel" => ("titel", "title"),
        "gemeente" => ("gemeente", "municipality"),
        "periode_van" => ("periode vanaf", "period from"),
        "periode_tot" => ("periode tot en met", "period until"),
        "inleiding" => ("inleiding", "introduction"),
        "naam" => ("naam", "name"),
        "kort" => ("korte naam", "short name"),
        "soort" => ("soort", "kind"),
        "volgorde" => ("volgorde", "order"),
        "nummer" => ("nummer", "number"),
        "ambitie" => ("ambitie", "ambition"),
        "nationaal" => ("nationale afspraken", "national agreements"),
        "gezamenlijk" => ("gezamenlijke ambities", "joint ambitions"),
        "thema" => ("thema", "theme"),
        "code" => ("code", "code"),
        "tekst" => ("tekst", "text"),
        "partijen" => ("partijen", "parties"),
        "subthema" => ("subthema", "subtheme"),
        "voetnoten" => ("voetnoten", "footnotes"),
        "jaar" => ("jaar", "year"),
        "kaderafspraken" => ("kaderafspraken", "framework agreements"),
        "trekker" => ("trekker", "lead party"),
        "trekker_partijen" => ("partijen van de trekker", "lead parties"),
        "prioriteit" => ("prioriteit", "priority"),
        "status" => ("status", "status"),
        "oorzaak" => ("oorzaak", "cause"),
        "actie" => ("actie", "action"),
        "vorige" => ("vervolg op", "continues"),
        "monitorregel" => ("regel uit de monitor", "monitor row"),
        "afspraak" => ("afspraak", "agreement"),
        "datum" => ("datum", "date"),
        "ronde" => ("ronde", "round"),
        "omschrijving" => ("omschrijving", "description"),
        "partij" => ("partij", "party"),
        "auteur" => ("auteur", "author"),
        "eenheid" => ("eenheid", "unit"),
        "doel" => ("doel", "target"),
        "richting" => ("richting", "direction"),
        "signaalwaarde" => ("signaalwaarde", "signal value"),
        "toelichting" => ("toelichting", "explanation"),
        "indicator" => ("indicator", "indicator"),
        "waarde" => ("waarde", "value"),
        "term" => ("term", "term"),
        "uitleg" => ("uitleg", "explanation"),
        "bron" => ("bron", "source"),
        "seizoen" => ("seizoen", "season"),
        "deelnemers" => ("deelnemers", "participants"),
        "onderwerpen" => ("onderwerpen", "topics"),
        "standen" => ("standen", "statuses"),
        "verwijderd" => ("verwijderd", "deleted"),
        _ => return veld.to_string(),
    };
    match taal() {
        Taal::Nl => nl.to_string(),
        Taal::En => en.to_string(),
    }
}

/// A field's name as the label of its form field, with a capital ("Oorzaak", "Trekker").
pub fn veldlabel(veld: &str) -> String {
    let naam = veldnaam(veld);
    let mut tekens = naam.chars();
    match tekens.next() {
        Some(eerste) => eerste.to_uppercase().chain(tekens).collect(),
        None => naam,
    }
}
