//! Texts about conflicts (two values at once, or a delete against work it did not see), deleted
//! agreements, and long lists shown in parts.

pub struct Conflicten {
    /// The marker on an agreement with an open conflict.
    pub label: &'static str,
    /// Filter: only agreements with a conflict.
    pub alleen_conflict: &'static str,
    /// Overzicht: how many agreements have an open conflict. {} = number.
    pub open_aantal: &'static str,
    pub open_geen: &'static str,
    pub open_bekijken: &'static str,
    pub overzicht_kop: &'static str,
    /// Long lists: {} shown of {}.
    pub getoond: &'static str,
    /// Button: show {} more.
    pub toon_meer: &'static str,
    pub toon_alles: &'static str,
    /// Delete against work. {} = party that deleted, {} = code.
    pub verwijderd_door: &'static str,
    /// {} = party, {} = what they did.
    pub intussen: &'static str,
    pub intussen_voortgang: &'static str,
    pub intussen_reactie: &'static str,
    pub intussen_indicator: &'static str,
    pub intussen_meting: &'static str,
    /// {} = field name.
    pub intussen_veld: &'static str,
    pub verwijder_uitleg: &'static str,
    pub behouden: &'static str,
    pub toch_verwijderen: &'static str,
    pub behouden_gedaan: &'static str,
    pub verwijderd_gedaan: &'static str,
    pub verwijder_kop: &'static str,
    /// History: marks the value that is shown now.
    pub huidig: &'static str,
    pub geschiedenis_volgorde: &'static str,
    pub soort_jaarafspraak: &'static str,
    pub soort_kaderafspraak: &'static str,
    /// Preview section heading and help.
    pub voorbeeld_kop: &'static str,
    pub voorbeeld_hulp: &'static str,
}

pub const NL: Conflicten = Conflicten {
    label: "Conflict",
    alleen_conflict: "Alleen afspraken met een conflict",
    open_aantal: "Er zijn {} afspraken met een conflict. Kies bij elke afspraak welke waarde klopt.",
    open_geen: "Geen conflicten.",
    open_bekijken: "Bekijk de afspraken met een conflict",
    overzicht_kop: "Conflicten",
    getoond: "{} van de {} getoond.",
    toon_meer: "Toon nog {}",
    toon_alles: "Toon alles",
    verwijderd_door: "{} heeft {} verwijderd.",
    intussen: "{} heeft er intussen {}.",
    intussen_voortgang: "voortgang aan toegevoegd",
    intussen_reactie: "een reactie bij gezet",
    intussen_indicator: "een indicator aan toegevoegd",
    intussen_meting: "een meting bij gezet",
    intussen_veld: "‘{}’ van gewijzigd",
    verwijder_uitleg: "Daarom is de afspraak nog niet weg. Kies of de afspraak blijft of toch weg moet. Uw keuze gaat mee als u deelt.",
    behouden: "Afspraak behouden",
    toch_verwijderen: "Toch verwijderen",
    behouden_gedaan: "De afspraak blijft. Het conflict is opgelost.",
    verwijderd_gedaan: "De afspraak is verwijderd. U kunt haar terugzetten bij Beheer.",
    verwijder_kop: "Verwijderd, maar er is intussen aan gewerkt",
    huidig: "nu",
    geschiedenis_volgorde: "Nieuwste bovenaan. Een wijziging staat altijd boven de wijziging die de schrijver kende, ook als de klok van zijn computer anders stond. ‘Nu’ staat bij de waarde die nu geldt.",
    soort_jaarafspraak: "jaarafspraak",
    soort_kaderafspraak: "kaderafspraak",
    voorbeeld_kop: "Verwijderd terwijl iemand eraan werkte",
    voorbeeld_hulp: "Deze afspraken zijn door de een verwijderd, terwijl de ander eraan werkte. Ze blijven zichtbaar en gemarkeerd tot iemand kiest: behouden of toch verwijderen.",
};

pub const EN: Conflicten = Conflicten {
    label: "Conflict",
    alleen_conflict: "Only agreements with a conflict",
    open_aantal: "{} agreements have a conflict. Choose the right value on each agreement.",
    open_geen: "No conflicts.",
    open_bekijken: "View the agreements with a conflict",
    overzicht_kop: "Conflicts",
    getoond: "Showing {} of {}.",
    toon_meer: "Show {} more",
    toon_alles: "Show all",
    verwijderd_door: "{} deleted {}.",
    intussen: "Meanwhile {} {}.",
    intussen_voortgang: "added progress to it",
    intussen_reactie: "added a comment to it",
    intussen_indicator: "added an indicator to it",
    intussen_meting: "added a measurement to it",
    intussen_veld: "changed its ‘{}’",
    verwijder_uitleg: "That is why the agreement is not gone yet. Choose whether it stays or is deleted after all. Your choice travels when you share.",
    behouden: "Keep agreement",
    toch_verwijderen: "Delete after all",
    behouden_gedaan: "The agreement stays. The conflict is resolved.",
    verwijderd_gedaan: "The agreement is deleted. You can restore it in Beheer.",
    verwijder_kop: "Deleted, but someone worked on it meanwhile",
    huidig: "now",
    geschiedenis_volgorde: "Newest first. A change is always listed above the change its author knew, whatever the clock of their computer said. ‘Now’ marks the value that holds now.",
    soort_jaarafspraak: "annual agreement",
    soort_kaderafspraak: "framework agreement",
    voorbeeld_kop: "Deleted while someone worked on it",
    voorbeeld_hulp: "One party deleted these agreements while another worked on them. They stay visible and marked until someone chooses: keep, or delete after all.",
};
