//! Firefox keeps the data of a file opened from disk per exact path: moved or renamed, the file
//! finds only the untouched example. This notice says where the data is and offers to read the
//! user's backup here; it stays until the user acts.

use leptos::prelude::*;

use crate::ui::components::focus::na_navigatie;
use crate::ui::router::navigate;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

#[component]
pub fn VerplaatstMelding() -> impl IntoView {
    let app = use_app();
    let w = t().werkruimtes;
    move || {
        app.mogelijk_verplaatst.get().then(|| view! {
            <section class="melding verplaatst niet-afdrukken" aria-labelledby="verplaatst-kop" id="verplaatst">
                <h2 id="verplaatst-kop">{w.verplaatst_kop}</h2>
                <p>{w.verplaatst_uitleg}</p>
                <p><strong>{w.verplaatst_waar}</strong></p>
                <p class="knoppen">
                    <button class="knop" type="button" id="verplaatst-inlezen" on:click=move |_| {
                        na_navigatie("import-bestand");
                        navigate("/delen");
                    }>{w.verplaatst_inlezen}</button>
                    <button class="knop knop-secundair" type="button" id="verplaatst-hier" on:click=move |_| app.verplaatst_afgehandeld()>
                        {w.verplaatst_hier_beginnen}
                    </button>
                </p>
            </section>
        })
    }
}
