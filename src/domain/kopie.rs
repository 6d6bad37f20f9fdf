//! Duplicating a workspace: the same content and history under a new workspace id.

use uuid::Uuid;

use super::change::Change;
use super::history::History;

/// A copy of `bron` as workspace `nieuw`. Change ids are derived anew (uuid v5 of the new
/// workspace id and the old change id), `volgt` is mapped along, and the workspace item gets the
/// new id; other item ids stay, so references between items keep working.
pub fn kopie_als(bron: &History, nieuw: Uuid) -> History {
    let oud = bron.werkruimte();
    let map = |id: Uuid| Uuid::new_v5(&nieuw, id.as_bytes());
    let changes = bron.changes().into_iter().map(|c| Change {
        id: map(c.id),
        werkruimte: nieuw,
        item: if c.item == oud { nieuw } else { c.item },
        volgt: c.volgt.iter().map(|v| map(*v)).collect(),
        gezien: c.gezien.as_ref().map(|g| g.iter().map(|v| map(*v)).collect()),
        ..c.clone()
    });
    History::from_changes(nieuw, changes).expect("a copy of a valid history is valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::examples::Voorbeeld;
    use crate::domain::model::Werkruimte;

    #[test]
    fn copy_shows_the_same_and_shares_no_change_ids() {
        let a = Voorbeeld::Heemstede.bouw(Uuid::from_u128(1));
        let b = kopie_als(&a, Uuid::from_u128(2));
        assert_eq!(b.len(), a.len());
        assert!(a.changes().iter().all(|c| !b.contains(&c.id)));
        assert_eq!(Werkruimte::new(&a).jaarafspraken(), Werkruimte::new(&b).jaarafspraken());
        assert_eq!(Werkruimte::new(&a).info().titel, Werkruimte::new(&b).info().titel);
    }
}
