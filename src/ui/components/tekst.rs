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
            if regels.len() > 0 && regels.iter().all(|r| r.trim_start().starts_with("- ")) {
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
fn markeer(regel: &str, begrippen: &[Term]) -> AnyView {
    if begrippen.is_empty() {
        return regel.to_string().into_any();
    }
    let lower = regel.to_lowercase();
    // Find the earliest match of any term (longest first at the same place).
    let mut best: Option<(usize, usize, &Term)> = None;
    for b in begrippen {
        let k = b.term.to_lowercase();
        if k.chars().count() < 3 {
            continue;
        }
        if let Some(p) = lower.find(&k) {
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
            let uitleg = b.uitleg.clone();
            let label = format!("{woord}: {uitleg}");
            view! {
                {voor}
                <span class="begrip" tabindex="0" role="note" aria-label=label>
                    <span class="begrip-woord">{woord}</span>
                    <span class="begrip-uitleg" aria-hidden="true">{uitleg.clone()}</span>
                </span>
                {markeer(&na, &rest)}
            }
            .into_any()
        }
    }
}
