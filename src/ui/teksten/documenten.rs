//! Texts of the Word and Excel files: the buttons that make them, and the words inside the
//! files that do not come from the data ([`DocumentWoorden`], used by the domain's
//! `report::documenten`).

pub use crate::domain::report::documenten::DocumentWoorden;

pub struct Documenten {
    pub word_monitor: &'static str,
    pub word_monitor_uitleg: &'static str,
    pub excel: &'static str,
    pub excel_uitleg: &'static str,
    /// While the documents module starts and the file is made.
    pub bezig: &'static str,
    /// {} = file name.
    pub klaar: &'static str,
    /// {} = the reason.
    pub mislukt: &'static str,
    pub woorden: DocumentWoorden,
}

pub const NL: Documenten = Documenten {
    word_monitor: "Download als Word",
    word_monitor_uitleg: "De monitor als Word-bestand, met dezelfde tabellen. U kunt de tekst daarna zelf aanpassen.",
    excel: "Download als Excel",
    excel_uitleg: "De afspraken die u nu ziet, met alle kolommen, filters en een blad met aantallen per thema en per trekker.",
    bezig: "Het bestand wordt gemaakt …",
    klaar: "Klaar: {} staat bij uw downloads.",
    mislukt: "Het bestand kon niet worden gemaakt. De reden: {}",
    woorden: DocumentWoorden {
        gemaakt_op: "Gemaakt op {} met de Afsprakenmonitor.",
        werkruimte: "Werkruimte: {}",
        telling_kop: "Stand van zaken",
        kol_status: "Status",
        kol_aantal: "Aantal",
        kol_betekenis: "Wat het betekent",
        totaal: "Totaal",
        nr: "Nr.",
        jaarafspraak: "Jaarafspraak",
        trekker: "Trekker",
        prioriteit: "Prioriteit",
        voortgang: "Realisatie en voortgang",
        oorzaak: "Oorzaak",
        actie: "Actie",
        geen_voortgang: "Nog geen voortgang.",
        zonder_thema: "Zonder thema",
        overige: "Overige afspraken en monitor",
        blad_afspraken: "Afspraken",
        blad_tellingen: "Aantallen",
        thema: "Thema",
    },
};

pub const EN: Documenten = Documenten {
    word_monitor: "Download as Word",
    word_monitor_uitleg: "The monitor as a Word file, with the same tables. You can edit the text afterwards.",
    excel: "Download as Excel",
    excel_uitleg: "The agreements you see now, with every column, filters and a sheet with counts per theme and per lead party.",
    bezig: "Making the file …",
    klaar: "Done: {} is in your downloads.",
    mislukt: "The file could not be made. The reason: {}",
    woorden: DocumentWoorden {
        gemaakt_op: "Made on {} with the Afsprakenmonitor.",
        werkruimte: "Workspace: {}",
        telling_kop: "State of affairs",
        kol_status: "Status",
        kol_aantal: "Number",
        kol_betekenis: "What it means",
        totaal: "Total",
        nr: "No.",
        jaarafspraak: "Annual agreement",
        trekker: "Lead party",
        prioriteit: "Priority",
        voortgang: "Results and progress",
        oorzaak: "Cause",
        actie: "Action",
        geen_voortgang: "No progress yet.",
        zonder_thema: "Without a theme",
        overige: "Other agreements and monitor",
        blad_afspraken: "Agreements",
        blad_tellingen: "Counts",
        thema: "Theme",
    },
};
