//! Participant pages: one question per page, plain words, big targets, no JavaScript needed;
//! and the staff pages that show or enter participants' answers.

mod public;
mod staff;
mod survey;

use maud::{html, Markup};

use super::domain::{ChoiceValue, YesNo, OTHER_KEY};
use super::store::Answer;
use crate::i18n::Lang;
use crate::survey::{Question, QuestionKind, Translations};
use crate::web::layout;

pub use public::{code_form, home_page, withdraw_confirm_page, withdraw_page, withdrawn_page};
pub use staff::{
    answers_live, answers_page, assist_page, correct_page, paste_page, tally_rows, AssistPage,
};
pub use survey::{
    check_page, clear_page, question_page, start_page, thanks_page, QuestionView, StartState,
    OTHER_TEXT_ID,
};

/// The answer as a person reads it ("Ikke besvaret", the text, the chosen options …).
pub fn display_answer(lang: Lang, question: &Question, answer: Option<&Answer>) -> String {
    answer_parts(lang, question, answer)
        .into_iter()
        .map(|(text, _)| text)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The answer in parts, each with the option key it shows (for choices), so a page can mark
/// an option label that fell back to Danish.
fn answer_parts(
    lang: Lang, question: &Question, answer: Option<&Answer>,
) -> Vec<(String, Option<String>)> {
    let Some(answer) = answer else {
        return vec![(lang.t("answer-none"), None)];
    };
    if answer.declined {
        return vec![(lang.t("answer-declined"), None)];
    }
    if answer.value.is_empty() {
        return vec![(lang.t("answer-none"), None)];
    }
    match question.kind {
        QuestionKind::ShortText | QuestionKind::LongText => vec![(answer.value.clone(), None)],
        QuestionKind::Scale => {
            let words = question.scale_words(lang);
            let n = answer.value.parse::<usize>().ok().filter(|n| (1..=5).contains(n));
            match n {
                // The key lets the check page mark a word that shows in Danish.
                Some(n) => vec![(
                    format!("{n} – {}", words[n - 1]),
                    question.own_scale_word(&answer.value).map(|_| answer.value.clone()),
                )],
                None => vec![(answer.value.clone(), None)],
            }
        }
        QuestionKind::YesNo => vec![(
            YesNo::ALL
                .into_iter()
                .find(|v| v.as_str() == answer.value)
                .map(|v| lang.t(v.label_key()))
                .unwrap_or_default(),
            None,
        )],
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            let value: ChoiceValue = serde_json::from_str(&answer.value)
                .unwrap_or(ChoiceValue { choices: vec![], other: None });
            let options = question.options();
            let mut parts: Vec<(String, Option<String>)> = value
                .choices
                .iter()
                .filter_map(|k| {
                    options
                        .iter()
                        .find(|o| &o.key == k)
                        .map(|o| (o.label.clone(), Some(o.key.clone())))
                })
                .collect();
            if let Some(other) = value.other {
                parts.push((format!("{}: {}", lang.t("answer-other"), other), None));
            }
            parts
        }
    }
}

/// The options of a closed question with their tally keys, as people read them.
pub fn option_labels(lang: Lang, q: &Question) -> Vec<(String, String)> {
    match q.kind {
        QuestionKind::Scale => {
            let words = q.scale_words(lang);
            (1..=5u8).zip(words).map(|(n, w)| (n.to_string(), format!("{n} – {w}"))).collect()
        }
        QuestionKind::YesNo => {
            YesNo::ALL.iter().map(|v| (v.as_str().to_owned(), lang.t(v.label_key()))).collect()
        }
        _ => {
            let mut out: Vec<(String, String)> =
                q.options().iter().map(|o| (o.key.clone(), o.label.clone())).collect();
            if q.allow_other {
                out.push((OTHER_KEY.to_owned(), lang.t("answer-other")));
            }
            out
        }
    }
}

/// The answer on the check page: like [`display_answer`], with `lang="da"` on option labels
/// that have no translation into the page's language.
pub(super) fn answer_markup(
    lang: Lang, question: &Question, answer: Option<&Answer>, tr: &Translations,
) -> Markup {
    let parts = answer_parts(lang, question, answer);
    html! {
        @for (i, (text, key)) in parts.iter().enumerate() {
            @if i > 0 { ", " }
            @match key {
                Some(key) => span lang=[tr.option_fallback_lang(question.id.as_str(), key)] { (text) },
                None => (text),
            }
        }
    }
}

/// A page of the participant's journey (no staff navigation; the read-aloud button).
pub(super) fn participant_page(lang: Lang, title: &str, main: Markup) -> Markup {
    layout::page(lang, title, None, main)
}

/// A page of the participant's journey that also loads `scripts` (see [`layout::page_with`]).
pub(super) fn participant_page_with(
    lang: Lang, title: &str, main: Markup, scripts: &[&str],
) -> Markup {
    layout::page_with(lang, title, None, main, scripts)
}
