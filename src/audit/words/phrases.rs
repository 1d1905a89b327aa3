//! The pieces sentences are made of: things as noun phrases ("emnet «Ensomhed»"), or the
//! words for things that are gone, with the end of their clause marked so Danish can close it
//! with a comma; names, roles and long prompts as they read mid-sentence.

use super::super::store::names::{Named, Thing};
use crate::auth::Role;
use crate::i18n::Lang;

/// Ends the words for something gone ("et emne, der siden er slettet"): where the sentence
/// goes on after them, Danish closes the clause with a comma ("…, der siden er slettet, blev
/// slettet"); English does not.
pub(super) const CLAUSE_END: char = '\u{2063}';

/// The text with each [`CLAUSE_END`] made into the language's punctuation, or dropped.
pub(super) fn tidy(lang: Lang, text: &str) -> String {
    let end = lang.t("audit-clause-end");
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != CLAUSE_END {
            out.push(c);
            continue;
        }
        let mut after = chars.clone();
        if after.next() == Some(' ') && after.next().is_some_and(char::is_alphabetic) {
            out.push_str(&end);
        }
    }
    out
}

/// A found thing as a noun phrase ("emnet «Ensomhed»"), or the words for one that is gone
/// ("et emne, der siden er slettet").
pub(super) fn phrase(lang: Lang, thing: Thing, found: Option<&Named>) -> String {
    let Some(n) = found else {
        let words = lang.t(match thing {
            Thing::User => "audit-gone-user",
            Thing::Track => "audit-gone-track",
            Thing::Topic | Thing::UndoStep => "audit-gone-topic",
            Thing::Workshop | Thing::Round | Thing::RoundItem => "audit-gone-workshop",
            Thing::Question => "audit-gone-question",
            Thing::Theme => "audit-gone-theme",
            Thing::KeyPoint => "audit-gone-key-point",
            Thing::Quote => "audit-gone-quote",
            Thing::Answer => "audit-gone-answer",
            Thing::Participant => "audit-gone-person",
        });
        return format!("{words}{CLAUSE_END}");
    };
    let with = |key: &str, name: &str, place: &str| {
        lang.t_args(key, &[("name", name.into()), ("place", place.into())])
    };
    match thing {
        Thing::User => n.name.clone(),
        Thing::Track | Thing::Topic | Thing::Workshop | Thing::Theme => named(lang, thing, &n.name),
        Thing::Question => with("audit-the-question", &short(&n.name), &n.place),
        Thing::KeyPoint => with("audit-the-key-point", "", &n.place),
        Thing::Quote => with("audit-the-quote", "", &n.place),
        Thing::Answer => with("audit-the-answer", "", &n.place),
        Thing::Participant if n.name.is_empty() => with("audit-a-person-in", "", &n.place),
        Thing::Participant => with("audit-the-person", &n.name, &n.place),
        Thing::Round | Thing::RoundItem => named(lang, Thing::Workshop, &n.place),
        Thing::UndoStep => named(lang, Thing::Topic, &n.place),
    }
}

/// A thing by the name the record kept ("workshoppen «Bolig»").
pub(super) fn named(lang: Lang, thing: Thing, name: &str) -> String {
    let key = match thing {
        Thing::Track => "audit-the-track",
        Thing::Topic => "audit-the-topic",
        Thing::Workshop => "audit-the-workshop",
        Thing::Theme => "audit-the-theme",
        Thing::Question => "audit-the-question-alone",
        _ => "audit-named",
    };
    lang.t_args(key, &[("name", short(name).into())])
}

/// A long text (a question's prompt) cut to a readable length.
fn short(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// "Sagt af deltageren, …" in the middle of a sentence.
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A stored role ("viewer") in words, as it reads mid-sentence ("læser").
pub(super) fn role_words(lang: Lang, stored: &str) -> String {
    match Role::parse(stored) {
        Some(role) => lower_first(&lang.t(role.label_key())),
        None => stored.to_owned(),
    }
}
