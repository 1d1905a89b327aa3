//! What the room said of a theme or key point (member checks, dot votes), in the report's
//! words: "Bekræftet af deltagerne: 11 af 13 ja, 2 delvist", "3 prikker fra 1 deltager i
//! afstemningen".

use super::store::Board;
use crate::db::ThemeId;
use crate::i18n::Lang;
use crate::room::ItemTally;
use crate::themes::{pii, KeyPoint};

/// A key point as the report says it: its words, personal data masked, and what the room said
/// when it was put to them ("… (Bekræftet af deltagerne: 11 af 13 ja, 2 delvist)").
pub fn key_point_line(lang: Lang, board: &Board, k: &KeyPoint) -> String {
    let said: Vec<String> = [
        board.room.checked_points.get(&k.id).map(|c| confirmed_line(lang, c)),
        board.room.voted_points.get(&k.id).map(|v| dots_line(lang, v)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if said.is_empty() {
        pii::mask(&k.text)
    } else {
        format!("{} ({})", pii::mask(&k.text), said.join("; "))
    }
}

/// A theme's evidence line followed by what the room said of the theme, as sentences.
pub fn theme_evidence(lang: Lang, board: &Board, theme: &ThemeId, evidence: String) -> String {
    [
        Some(evidence),
        board.room.checked_themes.get(theme).map(|c| confirmed_line(lang, c)),
        board.room.voted_themes.get(theme).map(|v| dots_line(lang, v)),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(". ")
}

/// "9 prikker fra 5 deltagere i afstemningen" (a dot vote).
pub fn dots_line(lang: Lang, v: &ItemTally) -> String {
    lang.t_args("export-dots", &[("dots", v.dots.into()), ("people", v.voters.into())])
}

/// "Bekræftet af deltagerne: 11 af 13 ja, 2 delvist" (phones and the show of hands).
pub fn confirmed_line(lang: Lang, c: &ItemTally) -> String {
    lang.t_args(
        "export-confirmed",
        &[
            ("yes", c.yes.into()),
            ("answered", c.answered().into()),
            ("partly", c.partly.into()),
            ("no", c.no.into()),
        ],
    )
}
