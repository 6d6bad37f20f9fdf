//! "… is verwijderd" with an undo button, in a live region, for the screens that delete items
//! from a list (peilmomenten, overleggen).

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::schema::ItemSoort;
use crate::ui::components::focus::focus_later;
use crate::ui::state::use_app;
use crate::ui::teksten::t;

/// What was deleted last on a screen, so it can be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Verwijderd {
    pub id: Uuid,
    pub soort: ItemSoort,
    pub tekst: String,
}

/// After a delete, focus moves to the undo button (the deleted row and its button are gone);
/// after undo, to the element with id `kop_prefix` + the item id (the heading of the item that is
/// back).
#[component]
pub fn Ongedaan(laatste: RwSignal<Option<Verwijderd>>, #[prop(into)] id: String, kop_prefix: &'static str) -> impl IntoView {
    let app = use_app();
    let knop_id = format!("{id}-knop");
    view! {
        <div aria-live="polite" id=id class="niet-afdrukken">
            {move || laatste.get().map(|v| {
                let (item, soort) = (v.id, v.soort);
                view! {
                    <div class="melding">
                        <p>{v.tekst}</p>
                        <button class="knop knop-secundair" type="button" id=knop_id.clone() on:click=move |_| {
                            app.herstel_item(item, soort);
                            laatste.set(None);
                            // The undo button goes; focus goes to the item that is back.
                            focus_later(format!("{kop_prefix}{item}"));
                        }>{t().algemeen.ongedaan_maken}</button>
                    </div>
                }
            })}
        </div>
    }
}
