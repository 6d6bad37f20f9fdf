//! Rendering imported and typed text: always as text (never as HTML), with paragraphs, bullet
//! lines, and glossary terms marked and explained on hover and focus.

use leptos::prelude::*;

/// A glossary term with its explanation.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub term: String,
    pub uitleg: String,
}

/// Text with paragraphs (`\n\n`) and bullet lines (`- `). Glossary terms, when given, are marked.
#[component]
pub fn Tekst(#[prop(into)] tekst: String, #[prop(optional)] begrippen: Vec<Term>) -> impl IntoView {
    let alineas: Vec<String> = tekst.split("\n\n").map(str::to_string).filter(|a| !a.trim().is_empty()).collect();
    alineas
        .into_iter()
        .map(|a| {
            let regels: Vec<&str> = a.lines().collect();
            if !regels.is_empty() && regels.iter().all(|r| r.trim_start().starts_with("- ")) {
                let items: Vec<_> = regels
                    .iter()
                    .map(|r| {
                        let r = r.trim_start().trim_start_matches("- ").to_string();
                        view! { <li>{markeer(&r, &begrippen)}</li> }
                    })
                    .collect();
                view! { <ul>{items}</ul> }.into_any()
            } else {
                let delen: Vec<_> = regels
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let r = r.trim_start_matches("- ").to_string();
                        let lijn = if r.len() != regels[i].len() { format!("• {r}") } else { r };
                        view! { {(i > 0).then(|| view! { <br/> })}{markeer(&lijn, &begrippen)} }
                    })
                    .collect();
                view! { <p>{delen}</p> }.into_any()
            }
        })
        .collect_view()
}

/// Splits a line into plain text and marked glossary terms (first occurrence per term).
///
/// A term such as "Doorstroming/doorstromer" is also found by each of its parts, and quotes
/// around a term ("'Echte sociale huur'") do not count.
fn markeer(regel: &str, begrippen: &[Term]) -> AnyView {
    if begrippen.is_empty() {
        return regel.to_string().into_any();
    }
    let lower = regel.to_lowercase();
    // Find the earliest match of any term (longest first at the same place).
    let mut best: Option<(usize, usize, &Term)> = None;
    for b in begrippen {
        for k in zoekvormen(&b.term) {
            if k.chars().count() < 3 {
                continue;
            }
            let Some(p) = lower.find(&k) else { continue };
            // Only on word boundaries, and only where lowercase maps byte-for-byte.
            let eind = p + k.len();
            let voor_ok = p == 0 || !lower[..p].chars().next_back().is_some_and(char::is_alphanumeric);
            let na_ok = eind >= lower.len() || !lower[eind..].chars().next().is_some_and(char::is_alphanumeric);
            if voor_ok && na_ok && lower.len() == regel.len() && regel.is_char_boundary(p) && regel.is_char_boundary(eind) {
                let beter = match best {
                    None => true,
                    Some((bp, bl, _)) => p < bp || (p == bp && k.len() > bl),
                };
                if beter {
                    best = Some((p, k.len(), b));
                }
            }
        }
    }
    match best {
        None => regel.to_string().into_any(),
        Some((p, l, b)) => {
            let voor = regel[..p].to_string();
            let woord = regel[p..p + l].to_string();
            let na = regel[p + l..].to_string();
            let rest: Vec<Term> = begrippen.iter().filter(|x| x.term != b.term).cloned().collect();
            view! {
                {voor}
                <Begrip woord=woord uitleg=b.uitleg.clone()/>
                {markeer(&na, &rest)}
            }
            .into_any()
        }
    }
}

/// The lowercase forms a term is found by: the whole term and, for "a/b", each part; without
/// surrounding quotes.
fn zoekvormen(term: &str) -> Vec<String> {
    let schoon = |s: &str| s.trim().trim_matches(|c: char| "'\"‘’“”„".contains(c)).trim().to_lowercase();
    let mut v = vec![schoon(term)];
    if term.contains('/') {
        v.extend(term.split('/').map(schoon));
    }
    v.retain(|s| !s.is_empty());
    v.dedup();
    v
}

thread_local! {
    static VOLGNUMMER: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static ESCAPE_ACTIEF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks that Escape closed the explanations shown on hover or focus (WCAG 1.4.13); they show
/// again when the pointer moves to something else or the focus moves.
const DICHT: &str = "data-begrip-dicht";

fn installeer_escape() {
    if ESCAPE_ACTIEF.with(|a| a.replace(true)) {
        return;
    }
    let root = || web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    // The listeners live as long as the page.
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            if let Some(r) = root() {
                let _ = r.set_attribute(DICHT, "");
            }
        }
    });
    let heropen = move || {
        if let Some(r) = root().filter(|r| r.has_attribute(DICHT)) {
            let _ = r.remove_attribute(DICHT);
        }
    };
    let _ = window_event_listener(leptos::ev::mouseover, move |_| heropen());
    let _ = window_event_listener(leptos::ev::focusin, move |_| heropen());
}

/// A marked glossary term: a button in the running text. Its explanation shows on hover and on
/// focus (as a tooltip that does not take focus away), and stays open after a click or Enter
/// (aria-expanded). Escape closes it. Screen readers hear the explanation as the button's
/// description.
#[component]
fn Begrip(woord: String, uitleg: String) -> impl IntoView {
    installeer_escape();
    let n = VOLGNUMMER.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let uid = format!("begrip-uitleg-{n}");
    let open = RwSignal::new(false);
    view! {
        <span class="begrip" class:begrip-open=move || open.get()>
            <button type="button" class="begrip-woord" aria-expanded=move || open.get().to_string() aria-describedby=uid.clone()
                on:click=move |_| open.update(|o| *o = !*o)
                on:keydown=move |ev| if ev.key() == "Escape" { open.set(false); }>{woord}</button>
            <span class="begrip-uitleg" id=uid role="tooltip">{uitleg}</span>
        </span>
    }
}
