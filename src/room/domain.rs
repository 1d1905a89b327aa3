//! The wall's rules: who may see a card, which words may stand on it, how long the timer has.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;

use crate::cluster::tokenize::Tokenizer;
use crate::cluster::Language;
use crate::db::ParticipantId;

/// The secret of a wall link: 24 random bytes, URL-safe base64 (32 characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WallToken(String);

impl WallToken {
    /// A fresh token.
    pub fn generate() -> WallToken {
        use base64::Engine as _;
        use rand::RngCore as _;
        let mut bytes = [0u8; 24];
        rand::thread_rng().fill_bytes(&mut bytes);
        WallToken(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
    }

    /// A token from a URL; `None` unless it looks like one of ours (nothing else is looked up).
    pub fn parse(s: &str) -> Option<WallToken> {
        let ok =
            s.len() == 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| WallToken(s.to_owned()))
    }

    /// The token as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A facilitator's decision about one free-text answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Let through, for the answer as it was then.
    Shown {
        /// The answer's `updated_at` when it was let through.
        version: NaiveDateTime,
    },
    /// Taken down; it stays down.
    TakenDown,
}

/// Where a free-text answer stands on the wall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardState {
    /// Waits for a facilitator.
    Waiting,
    /// On the wall.
    Shown,
    /// Taken down by a facilitator.
    TakenDown,
    /// May hold personal data (a CPR number, a phone number, an e-mail address): never shown.
    Flagged,
}

/// The rule of the wall: nothing flagged, nothing taken down, and otherwise only what a
/// facilitator let through as it is now, unless the room lets everything through.
pub fn card_state(
    flagged: bool, decision: Option<Decision>, answer_updated_at: NaiveDateTime,
    let_all_through: bool,
) -> CardState {
    match decision {
        _ if flagged => CardState::Flagged,
        Some(Decision::TakenDown) => CardState::TakenDown,
        Some(Decision::Shown { version }) if version == answer_updated_at => CardState::Shown,
        _ if let_all_through => CardState::Shown,
        _ => CardState::Waiting,
    }
}

/// A word on the word view, with how many people used it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WallWord {
    /// The form most people wrote.
    pub word: String,
    /// People who used it (one person counts once, however often they wrote it).
    pub people: usize,
}

/// People a word must come from before the word view shows it: one person's word alone could
/// point at them.
pub const MIN_PEOPLE_PER_WORD: usize = 2;

/// The words of the let-through texts, without stop words, grouped by stem, each counted
/// once per person; only words used by at least [`MIN_PEOPLE_PER_WORD`] people, the most used
/// first (ties alphabetically), at most `limit`.
pub fn wall_words(texts: &[(&ParticipantId, &str)], limit: usize) -> Vec<WallWord> {
    let tokenizer = Tokenizer::new(Language::Danish);
    let mut people: HashMap<String, HashSet<&ParticipantId>> = HashMap::new();
    let mut forms: HashMap<String, HashMap<String, usize>> = HashMap::new();
    for (who, text) in texts {
        for token in tokenizer.tokenize(text) {
            if token.surface.chars().count() < 3 {
                continue;
            }
            people.entry(token.stem.clone()).or_default().insert(*who);
            *forms.entry(token.stem).or_default().entry(token.surface).or_default() += 1;
        }
    }
    let mut words: Vec<WallWord> = people
        .into_iter()
        .filter(|(_, who)| who.len() >= MIN_PEOPLE_PER_WORD)
        .map(|(stem, who)| {
            let word = forms
                .get(&stem)
                .and_then(|f| f.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))))
                .map_or(stem.clone(), |(w, _)| w.clone());
            WallWord { word, people: who.len() }
        })
        .collect();
    words.sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.word.cmp(&b.word)));
    words.truncate(limit);
    words
}

/// Whole minutes left on a timer ending at `ends_at` (rounded up; 0 when it has run out).
pub fn minutes_left(ends_at: NaiveDateTime, now: NaiveDateTime) -> i64 {
    let secs = (ends_at - now).num_seconds().max(0);
    (secs + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap_or_default()
    }

    #[test]
    fn flagged_and_taken_down_never_show_even_when_everything_is_let_through() {
        let t = at("2026-12-04 10:00:00");
        assert_eq!(
            card_state(true, Some(Decision::Shown { version: t }), t, true),
            CardState::Flagged
        );
        assert_eq!(card_state(false, Some(Decision::TakenDown), t, true), CardState::TakenDown);
        assert_eq!(card_state(false, None, t, true), CardState::Shown);
        assert_eq!(card_state(false, None, t, false), CardState::Waiting);
    }

    #[test]
    fn a_changed_answer_waits_again() {
        let (then, now) = (at("2026-12-04 10:00:00"), at("2026-12-04 10:05:00"));
        assert_eq!(
            card_state(false, Some(Decision::Shown { version: then }), then, false),
            CardState::Shown
        );
        assert_eq!(
            card_state(false, Some(Decision::Shown { version: then }), now, false),
            CardState::Waiting
        );
    }

    #[test]
    fn a_word_only_one_person_used_never_shows() {
        let (a, b) = (ParticipantId::generate(), ParticipantId::generate());
        let texts = [
            (&a, "Boligen var kold og boligen var lille"),
            (&b, "En kold bolig hjælper ingen"),
            (&a, "Sagsbehandleren ringede aldrig"),
        ];
        let words = wall_words(&texts, 10);
        let shown: Vec<&str> = words.iter().map(|w| w.word.as_str()).collect();
        assert!(shown.contains(&"kold"), "{shown:?}");
        assert!(words.iter().all(|w| w.people >= 2), "{words:?}");
        // Person a wrote "boligen" twice and b "bolig" once: two people, not three uses.
        assert_eq!(words.iter().find(|w| w.word.starts_with("bolig")).map(|w| w.people), Some(2));
        assert!(!shown.iter().any(|w| w.starts_with("sagsbehandler")), "{shown:?}");
        assert!(!shown.contains(&"og"), "stop words stay out: {shown:?}");
    }

    #[test]
    fn minutes_round_up_and_stop_at_zero() {
        let now = at("2026-12-04 10:00:00");
        assert_eq!(minutes_left(at("2026-12-04 10:00:01"), now), 1);
        assert_eq!(minutes_left(at("2026-12-04 10:10:00"), now), 10);
        assert_eq!(minutes_left(at("2026-12-04 09:59:00"), now), 0);
    }
}

crate::text_enum! {
    /// What a round asks the room.
    pub enum RoundKind { Check = "check", Vote = "vote", }
}

crate::text_enum! {
    /// A person's answer to "did we understand you right?".
    pub enum Verdict labelled "round-verdict" { Yes = "yes", Partly = "partly", No = "no", }
}

/// Most dots a round may give each person.
pub const MAX_DOTS: i32 = 10;

/// How one item fared: verdicts from phones plus the room's show of hands, or dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ItemTally {
    /// "Ja, det er rigtigt" (phones + hands).
    pub yes: i64,
    /// "Delvist".
    pub partly: i64,
    /// "Nej".
    pub no: i64,
    /// Dots given to it.
    pub dots: i64,
    /// People who gave it at least one dot.
    pub voters: i64,
}

impl ItemTally {
    /// People who answered the check for this item.
    pub fn answered(&self) -> i64 {
        self.yes + self.partly + self.no
    }
}

/// A person's dots as posted: every item's count must be a whole number from 0, and all of
/// them together at most the round's `dots`. `Err` carries the total they tried to give.
pub fn parse_dots(
    posted: &[(String, String)], items: &[String], dots: i32,
) -> Result<Vec<(String, i32)>, DotsProblem> {
    let mut out = Vec::new();
    for item in items {
        let field = format!("d-{item}");
        let value = posted.iter().find(|(k, _)| *k == field).map_or("0", |(_, v)| v.trim());
        let n: i32 = if value.is_empty() {
            0
        } else {
            value.parse().map_err(|_| DotsProblem::NotANumber)?
        };
        if !(0..=dots).contains(&n) {
            return Err(DotsProblem::NotANumber);
        }
        if n > 0 {
            out.push((item.clone(), n));
        }
    }
    let total: i32 = out.iter().map(|(_, n)| n).sum();
    if total > dots {
        return Err(DotsProblem::TooMany(total));
    }
    Ok(out)
}

/// Why a dot vote was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DotsProblem {
    /// A field held something other than a number the round allows.
    NotANumber,
    /// More dots than the round gives (the total tried).
    TooMany(i32),
}

#[cfg(test)]
mod round_tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn dots_add_up_to_at_most_the_round_s_number() {
        let items = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let ok = parse_dots(&posted(&[("d-a", "2"), ("d-b", "1"), ("d-c", "0")]), &items, 3);
        assert_eq!(ok, Ok(vec![("a".to_owned(), 2), ("b".to_owned(), 1)]));
        let too_many = parse_dots(&posted(&[("d-a", "2"), ("d-b", "2")]), &items, 3);
        assert_eq!(too_many, Err(DotsProblem::TooMany(4)));
        assert_eq!(parse_dots(&posted(&[("d-a", "-1")]), &items, 3), Err(DotsProblem::NotANumber));
        assert_eq!(parse_dots(&posted(&[("d-a", "to")]), &items, 3), Err(DotsProblem::NotANumber));
        // Fields for items not in the round are ignored; missing ones are 0.
        assert_eq!(parse_dots(&posted(&[("d-x", "3")]), &items, 3), Ok(vec![]));
    }
}
