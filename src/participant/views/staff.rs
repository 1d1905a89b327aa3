//! Staff pages about participants' answers: reading a workshop's answers, entering the answers
//! of someone who said them aloud, pasting flipchart notes.

use std::collections::HashMap;

use maud::{html, Markup};

use super::{display_answer, option_labels};
use crate::auth::{staff_page, staff_page_with, Staff};
use crate::i18n::Lang;
use crate::participant::domain::{tally_keys, ChoiceValue, Person};
use crate::participant::domain::{EnteredBy, YesNo};
use crate::participant::store::{Answer, Progress};
use crate::survey::{Question, QuestionKind, Workshop};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{
    self, csrf_field, described_by, error_message, error_summary, textarea, FieldError,
};

/// The answers of a workshop, by question: how far the phones have come, closed questions as
/// a tally of people per option, free text (and "Andet" words) as cards.
///
/// The part below the heading follows the workshop live (`live.js`, an event stream that sends
/// [`answers_live`] drawn afresh); without JavaScript the page is the same, as of loading.
pub fn answers_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, (workshop, questions): (&Workshop, &[Question]),
    answers: &[(Answer, i32)], (progress, since): (Progress, i64),
) -> Markup {
    let title = lang.t_args("answers-title", &[("workshop", workshop.title.as_str().into())]);
    let body = html! {
        a class="back-link" href=(format!("/staff/workshops/{}", workshop.id)) { (workshop.title) }
        h1 { (title) }
        p class="hint" { (lang.t("answers-live-hint")) }
        div data-live-src=(format!("/staff/workshops/{}/answers/events", workshop.id))
            data-live-since=(since) {
            (answers_live(lang, questions, answers, (progress, staff.role().can_edit())))
        }
    };
    staff_page_with(lang, staff, csrf, &title, body, &["live"])
}

/// The live part of the answers page: progress, then each question's tally or cards.
pub fn answers_live(
    lang: Lang, questions: &[Question], answers: &[(Answer, i32)],
    (progress, editor): (Progress, bool),
) -> Markup {
    html! {
        p class="progress-line" {
            (lang.t_args("answers-progress", &[
                ("opened", progress.opened.into()),
                ("answering", progress.answering.into()),
                ("finished", progress.finished.into()),
            ]))
            @if progress.entered_for > 0 {
                " · " (lang.t_args("answers-progress-entered", &[("count", progress.entered_for.into())]))
            }
        }
        @for q in questions {
            @let these: Vec<&Answer> = answers.iter().filter(|(a, _)| a.question_id == q.id).map(|(a, _)| a).collect();
            section aria-labelledby=(format!("q-{}", q.position)) {
                h2 id=(format!("q-{}", q.position)) { (q.position) ". " (q.prompt) }
                @if these.is_empty() {
                    p class="hint" { (lang.t("answers-none-yet")) }
                } @else if q.kind.is_text() {
                    (answer_cards(lang, q, &these, editor))
                } @else {
                    (tally(lang, q, &these))
                    @let other: Vec<&Answer> = these.iter().copied().filter(|a| other_words(a).is_some()).collect();
                    @if !other.is_empty() {
                        h3 { (lang.t("answers-other-words")) }
                        ul class="answer-list" {
                            @for a in other {
                                li class="card" { p class="answer-text" { (other_words(a).unwrap_or_default()) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Free-text answers, one card each, with how and when they were given.
/// Answers a facilitator entered can be corrected or deleted by an editor; a participant's own
/// words never are.
fn answer_cards(lang: Lang, q: &Question, answers: &[&Answer], editor: bool) -> Markup {
    html! {
        ul class="answer-list" {
            @for a in answers {
                li class="card" {
                    p class="answer-text" { (display_answer(lang, q, Some(a))) }
                    p class="hint" {
                        (lang.t(a.entered_by.label_key()))
                        " · " (a.updated_at.format("%d.%m.%Y %H:%M"))
                        @if editor && a.entered_by != EnteredBy::Participant {
                            " · " a href=(format!("/staff/answers/{}/correct", a.id)) {
                                (lang.t("correct-link"))
                                span class="visually-hidden" { ": " (a.value.chars().take(40).collect::<String>()) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Correcting or deleting an answer a facilitator entered: the words, and why (kept in the
/// audit trail).
pub fn correct_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken,
    (workshop, question, answer): (&Workshop, &Question, &Answer), (value, reason): (&str, &str),
    errors: &[FieldError],
) -> Markup {
    let title = lang.t("correct-title");
    let body = html! {
        a class="back-link" href=(format!("/staff/workshops/{}/answers", workshop.id)) { (lang.t_args("answers-title", &[("workshop", workshop.title.as_str().into())])) }
        (error_summary(lang, errors))
        h1 { (title) }
        p { (question.prompt) }
        p class="hint" { (lang.t(answer.entered_by.label_key())) " · " (answer.created_at.format("%d.%m.%Y %H:%M")) }
        form method="post" action=(format!("/staff/answers/{}/correct", answer.id)) {
            (csrf_field(csrf))
            (textarea(lang, "value", &lang.t("correct-value"), None, value, 4, errors))
            (layout::field(lang, "reason", "correct-reason", reason, errors).hint("correct-reason-hint").render())
            button type="submit" class="button" name="action" value="save" { (lang.t("correct-save")) }
            " "
            details class="danger-zone" {
                summary { (lang.t("correct-delete-open")) }
                p { (lang.t("correct-delete-warning")) }
                button type="submit" class="button warning" name="action" value="delete" { (lang.t("correct-delete")) }
            }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}

/// The words someone wrote under "Andet" in a choice answer.
fn other_words(answer: &Answer) -> Option<String> {
    serde_json::from_str::<ChoiceValue>(&answer.value).ok()?.other
}

/// People per option of a closed question as people read the options (plus those who would
/// not answer, when any), and how many people answered it.
pub fn tally_rows(lang: Lang, q: &Question, answers: &[&Answer]) -> (Vec<(String, u64)>, u64) {
    let mut cells: HashMap<String, u64> = HashMap::new();
    let mut declined = 0u64;
    for a in answers {
        if a.declined {
            declined += 1;
            continue;
        }
        for key in tally_keys(q.kind, &a.value) {
            *cells.entry(key).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, u64)> = option_labels(lang, q)
        .into_iter()
        .map(|(key, label)| (label, cells.get(&key).copied().unwrap_or(0)))
        .collect();
    if declined > 0 {
        rows.push((lang.t("answer-declined"), declined));
    }
    (rows, answers.len() as u64)
}

/// People per option of a closed question, as a table with a bar per row (the number is the
/// text; the bar only draws it), plus those who would not answer.
fn tally(lang: Lang, q: &Question, answers: &[&Answer]) -> Markup {
    let (rows, people) = tally_rows(lang, q, answers);
    html! {
        table class="tally" {
            caption class="visually-hidden" { (lang.t("answers-tally-caption")) }
            thead { tr {
                th scope="col" { (lang.t("answers-tally-option")) }
                th scope="col" class="num" { (lang.t("answers-tally-people")) }
                th scope="col" { span class="visually-hidden" { (lang.t("answers-tally-bar")) } }
            } }
            tbody {
                @for (label, n) in &rows {
                    tr {
                        th scope="row" { (label) }
                        td class="num" { (n) }
                        td { meter min="0" max=(people.max(1)) value=(n) aria-hidden="true" {} }
                    }
                }
            }
        }
        p class="hint" {
            (lang.t_args("answers-tally-total", &[("people", people.into())]))
            @if q.kind == QuestionKind::MultipleChoice { " " (lang.t("answers-tally-multiple")) }
        }
    }
}

/// What the assisted-entry page shows.
pub struct AssistPage<'a> {
    /// The workshop and its questions.
    pub workshop: &'a Workshop,
    /// Its questions.
    pub questions: &'a [Question],
    /// The form's submission key.
    pub key: &'a str,
    /// Who the answers are for.
    pub person: Person,
    /// The numbered people to choose from, each with whether they have answers here.
    pub persons: &'a [(i32, bool)],
    /// The number a new person gets.
    pub next_number: i32,
    /// The form's values by field name (as posted, or the person's stored answers).
    pub values: &'a HashMap<String, Vec<String>>,
    /// The form's errors.
    pub errors: &'a [FieldError],
}

/// "Deltager 4".
fn person_name(lang: Lang, n: i32) -> String {
    lang.t_args("person-name", &[("number", n.into())])
}

/// Assisted entry: who is answering, every question on one page, and how the answers were
/// given.
pub fn assist_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, p: &AssistPage<'_>) -> Markup {
    let (workshop, errors) = (p.workshop, p.errors);
    let heading = match p.person {
        Person::New => {
            lang.t_args("assist-title-new", &[("person", person_name(lang, p.next_number).into())])
        }
        Person::Numbered(n) => {
            lang.t_args("assist-title-person", &[("person", person_name(lang, n).into())])
        }
    };
    let title = layout::title_with_errors(lang, &heading, errors);
    let value =
        |name: &str| p.values.get(name).and_then(|v| v.first()).map(String::as_str).unwrap_or("");
    let has = |name: &str, v: &str| p.values.get(name).is_some_and(|vs| vs.iter().any(|x| x == v));
    let action = format!("/staff/workshops/{}/assist", workshop.id);
    let body = html! {
        a class="back-link" href=(format!("/staff/workshops/{}", workshop.id)) { (workshop.title) }
        (error_summary(lang, errors))
        h1 { (heading) }
        p { (lang.t("assist-intro")) }
        form method="get" action=(action) class="inline-fields" {
            div class="field" {
                label for="person" { (lang.t("assist-who")) }
                select id="person" name="person" {
                    option value="new" selected[p.person == Person::New] { (lang.t_args("assist-new-person", &[("person", person_name(lang, p.next_number).into())])) }
                    @for (n, here) in p.persons {
                        option value=(n) selected[p.person == Person::Numbered(*n)] {
                            (person_name(lang, *n))
                            @if !*here { " " (lang.t("assist-person-elsewhere")) }
                        }
                    }
                }
            }
            button type="submit" class="button secondary" { (lang.t("assist-choose")) }
        }
        form method="post" action=(action) novalidate {
            (csrf_field(csrf))
            input type="hidden" name="submission_key" value=(p.key);
            input type="hidden" name="person" value=(match p.person { Person::New => "new".to_owned(), Person::Numbered(n) => n.to_string() });
            @if matches!(p.person, Person::Numbered(_)) { p class="hint" { (lang.t("assist-existing-hint")) } }
            fieldset class="field" {
                legend { (lang.t("assist-how")) }
                @let by = if value("entered_by").is_empty() { "scribe" } else { value("entered_by") };
                @for (v, label) in [("scribe", "entered-scribe"), ("read_aloud", "entered-read_aloud")] {
                    div class="choice" {
                        input type="radio" id=(format!("entered-{v}")) name="entered_by" value=(v) checked[v == by];
                        label for=(format!("entered-{v}")) { (lang.t(label)) }
                    }
                }
            }
            @for q in p.questions {
                @let name = format!("q{}", q.position);
                @let error = errors.iter().find(|e| e.field == name.as_str());
                div class={ "field" @if error.is_some() { " field-error" } } id=(name) {
                    @match q.kind {
                        QuestionKind::ShortText | QuestionKind::LongText => {
                            label for=(format!("{name}-answer")) { (q.position) ". " (q.prompt) }
                            (error_message(lang, &name, error))
                            textarea id=(format!("{name}-answer")) name=(format!("{name}.answer")) rows="3" aria-describedby=[described_by(None, &name, error)] aria-invalid=[error.map(|_| "true")] { (value(&format!("{name}.answer"))) }
                        }
                        kind => {
                            fieldset {
                                legend { (q.position) ". " (q.prompt) }
                                (error_message(lang, &name, error))
                                @let (input_type, field) = if kind == QuestionKind::MultipleChoice { ("checkbox", "choice") } else { ("radio", "answer") };
                                @let field_name = format!("{name}.{field}");
                                @let values: Vec<(String, String)> = match kind {
                                    QuestionKind::Scale => (1..=5).zip(q.scale_words(lang)).map(|(n, w)| (n.to_string(), format!("{n} – {w}"))).collect(),
                                    QuestionKind::YesNo => YesNo::ALL.iter().map(|v| (v.as_str().to_owned(), lang.t(v.label_key()))).collect(),
                                    _ => q.options().iter().map(|o| (o.key.clone(), o.label.clone())).collect(),
                                };
                                @for (i, (v, label)) in values.iter().enumerate() {
                                    div class="choice" {
                                        input type=(input_type) id=(format!("{name}-{i}")) name=(field_name) value=(v) checked[has(&field_name, v)];
                                        label for=(format!("{name}-{i}")) { (label) }
                                    }
                                }
                                @if q.allow_other && kind.has_options() {
                                    div class="choice" {
                                        input type=(input_type) id=(format!("{name}-other")) name=(field_name) value="other" checked[has(&field_name, "other")];
                                        label for=(format!("{name}-other")) { (lang.t("answer-other")) }
                                    }
                                    label for=(format!("{name}-other-text")) { (lang.t("answer-other-label")) }
                                    input type="text" id=(format!("{name}-other-text")) name=(format!("{name}.other")) value=(value(&format!("{name}.other")));
                                }
                            }
                        }
                    }
                }
            }
            button type="submit" class="button" { (lang.t("assist-save")) }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}

/// Pasting flipchart notes into a question: one statement per line.
pub fn paste_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, workshop: &Workshop, question: &Question,
    typed: (&str, &str, &[FieldError]),
) -> Markup {
    let (key, notes, errors) = typed;
    let title = layout::title_with_errors(lang, &lang.t("paste-title"), errors);
    let body = html! {
        a class="back-link" href=(format!("/staff/workshops/{}", workshop.id)) { (workshop.title) }
        (error_summary(lang, errors))
        span class="caption" { (question.prompt) }
        h1 { (lang.t("paste-title")) }
        form method="post" action=(format!("/staff/questions/{}/paste", question.id)) novalidate {
            (csrf_field(csrf))
            input type="hidden" name="submission_key" value=(key);
            (textarea(lang, "notes", &lang.t("paste-label"), Some(&lang.t("paste-hint")), notes, 12, errors))
            button type="submit" class="button" { (lang.t("paste-save")) }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}
