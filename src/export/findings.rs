//! What one workshop's answers show, in numbers: computed from the answers while they exist,
//! and kept (as JSON in `workshop_findings`) when retention deletes them, so a report built
//! before and after reads the same. Exact numbers: suppression happens when a report is built.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::store::Row;
use crate::db::{AnswerId, ParticipantId, QuestionId, ThemeId};
use crate::participant::{tally_keys, EnteredBy};

/// The key of the "Andet" cell of a choice question's tally.
pub use crate::participant::OTHER_KEY as OTHER;

/// What one workshop's answers show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Findings {
    /// People with at least one answer: phones and people a facilitator entered answers for,
    /// never lines of flipchart notes.
    pub people_with_answers: u64,
    /// Answers from people, by how they were entered (`self`, `scribe`, `read_aloud`).
    pub answers: BTreeMap<String, u64>,
    /// Statements from pasted flipchart notes.
    pub statements: u64,
    /// What each theme holds from this workshop.
    pub themes: BTreeMap<ThemeId, Evidence>,
    /// The closed questions' answers.
    pub tallies: BTreeMap<QuestionId, Tally>,
}

/// What a theme holds: answers, the people behind them, and flipchart statements.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Answers from people.
    pub answers: u64,
    /// Distinct people behind them.
    pub people: u64,
    /// Statements from flipchart notes.
    pub statements: u64,
}

impl Evidence {
    /// Adds another workshop's evidence of the same theme. People are added up: in different
    /// workshops they are different participants (see [`Evidence::people`]).
    pub fn add(&mut self, other: &Evidence) {
        self.answers += other.answers;
        self.people += other.people;
        self.statements += other.statements;
    }

    /// Nothing in it.
    pub fn is_empty(&self) -> bool {
        self.answers == 0 && self.statements == 0
    }
}

/// How a closed question was answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// People per option key (scale "1".."5", yes/no values, choice keys and [`OTHER`]).
    pub cells: BTreeMap<String, u64>,
    /// People who gave an answer.
    pub answered: u64,
    /// People who chose "Vil ikke svare".
    pub declined: u64,
}

impl Findings {
    /// What these answers (all of one workshop) show, with the board's theme links.
    pub fn of<'a>(
        rows: impl IntoIterator<Item = &'a Row>,
        links: impl IntoIterator<Item = (&'a ThemeId, &'a AnswerId)>,
    ) -> Findings {
        let rows: Vec<&Row> = rows.into_iter().collect();
        let by_id: HashMap<&AnswerId, &Row> = rows.iter().map(|r| (&r.answer.id, *r)).collect();
        let mut out = Findings::default();
        let people: HashSet<&ParticipantId> =
            rows.iter().filter(|r| !r.is_statement()).map(|r| &r.answer.participant_id).collect();
        out.people_with_answers = people.len() as u64;
        for r in &rows {
            if r.is_statement() {
                out.statements += 1;
            } else {
                *out.answers.entry(r.answer.entered_by.as_str().to_owned()).or_default() += 1;
            }
        }
        let mut theme_people: HashMap<&ThemeId, HashSet<&ParticipantId>> = HashMap::new();
        for (theme, answer) in links {
            let Some(r) = by_id.get(answer) else { continue };
            let evidence = out.themes.entry(theme.clone()).or_default();
            if r.is_statement() {
                evidence.statements += 1;
            } else {
                evidence.answers += 1;
                theme_people.entry(theme).or_default().insert(&r.answer.participant_id);
            }
        }
        for (theme, people) in theme_people {
            if let Some(e) = out.themes.get_mut(theme) {
                e.people = people.len() as u64;
            }
        }
        for r in rows.iter().filter(|r| !r.is_statement() && !r.question.kind.is_text()) {
            let tally = out.tallies.entry(r.question.id.clone()).or_default();
            if r.answer.declined {
                tally.declined += 1;
                continue;
            }
            let keys = tally_keys(r.question.kind, &r.answer.value);
            if keys.is_empty() {
                continue;
            }
            tally.answered += 1;
            for key in keys {
                *tally.cells.entry(key).or_default() += 1;
            }
        }
        out
    }

    /// Answers from people, all ways of entering together.
    pub fn answers_from_people(&self) -> u64 {
        self.answers.values().sum()
    }

    /// Answers entered one way.
    pub fn answers_entered(&self, by: EnteredBy) -> u64 {
        self.answers.get(by.as_str()).copied().unwrap_or(0)
    }
}
