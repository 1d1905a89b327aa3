//! Pages of the survey feature.

use maud::{html, Markup};

use super::store::{grouped_code, Overview};
use crate::auth::views::staff_page;
use crate::auth::Staff;
use crate::web::csrf::CsrfToken;
use crate::web::Lang;

/// The locale key for a workshop status.
pub fn status_key(status: &str) -> &'static str {
    match status {
        "open" => "status-open",
        "closed" => "status-closed",
        "archived" => "status-archived",
        _ => "status-draft",
    }
}

/// The staff start page: every track with its topics and workshops.
pub fn dashboard(lang: Lang, staff: &Staff, csrf: &CsrfToken, overview: &Overview) -> Markup {
    let title = lang.t("dashboard-title");
    staff_page(
        lang,
        staff,
        csrf,
        &title,
        html! {
            h1 { (title) }
            @if overview.tracks.is_empty() {
                p { (lang.t("dashboard-empty")) }
            }
            @if staff.role().can_edit() {
                p { a class="button" href="/staff/tracks/new" { (lang.t("track-new")) } }
            }
            @for track in &overview.tracks {
                section aria-labelledby=(format!("track-{}", track.id)) {
                    h2 id=(format!("track-{}", track.id)) { (track.title) }
                    p { a href=(format!("/staff/export?scope=track&id={}", track.id)) { (lang.t("export-link")) span class="visually-hidden" { ": " (track.title) } } }
                    @if staff.role().can_edit() {
                        p class="row-actions" {
                            a href=(format!("/staff/tracks/{}/edit", track.id)) { (lang.t("edit")) span class="visually-hidden" { ": " (track.title) } }
                            a href=(format!("/staff/tracks/{}/topics/new", track.id)) { (lang.t("topic-new")) span class="visually-hidden" { ": " (track.title) } }
                        }
                    }
                    @for topic in overview.topics.iter().filter(|t| t.track_id == track.id) {
                        h3 { (lang.t("topic-prefix")) " " (topic.title) }
                        p class="row-actions" {
                            a href=(format!("/staff/topics/{}/board", topic.id)) { (lang.t("board-link")) span class="visually-hidden" { ": " (topic.title) } }
                            a href=(format!("/staff/export?scope=topic&id={}", topic.id)) { (lang.t("export-link")) span class="visually-hidden" { ": " (topic.title) } }
                        }
                        @if staff.role().can_edit() {
                            p class="row-actions" {
                                a href=(format!("/staff/topics/{}/edit", topic.id)) { (lang.t("edit")) span class="visually-hidden" { ": " (topic.title) } }
                                a href=(format!("/staff/topics/{}/workshops/new", topic.id)) { (lang.t("workshop-new")) span class="visually-hidden" { ": " (topic.title) } }
                            }
                        }
                        @let workshops: Vec<_> = overview.workshops.iter().filter(|w| w.topic_id == topic.id).collect();
                        @if workshops.is_empty() {
                            p class="hint" { (lang.t("topic-no-workshops")) }
                        } @else {
                            ul class="card-list" {
                                @for w in workshops {
                                    li class="card" {
                                        p class="card-title" { a href=(format!("/staff/workshops/{}", w.id)) { (w.title) } }
                                        p class="hint" {
                                            (lang.t(status_key(&w.status)))
                                            @if let Some(at) = w.starts_at { " · " (at.format("%d.%m.%Y %H:%M")) }
                                            @if !w.location.is_empty() { " · " (w.location) }
                                            @if w.status == "open" { " · " (lang.t("join-code")) " " (grouped_code(&w.join_code)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

// ---- forms and workshop pages -----------------------------------------------------------------

use std::collections::HashMap;
use std::sync::LazyLock;

use super::domain::{ChoiceOption, QuestionKind};
use super::store::{Question, TextField, Workshop};
use crate::participant::store::Answer;
use crate::web::i18n::LANGS;
use crate::web::layout::{self, csrf_field, error_summary, Field, FieldError, InputKind};

/// A labelled textarea with hint and error.
pub fn textarea(
    lang: Lang,
    name: &'static str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    rows: u8,
    errors: &[FieldError],
) -> Markup {
    let error = errors.iter().find(|e| e.field == name);
    let hint_id = format!("{name}-hint");
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (label) }
            @if let Some(h) = hint { p class="hint" id=(hint_id) { (h) } }
            @if let Some(e) = error { p class="error-message" { span class="visually-hidden" { (lang.t("error-prefix")) " " } (e.message) } }
            textarea id=(name) name=(name) rows=(rows) aria-describedby=[hint.map(|_| hint_id.as_str())] aria-invalid=[error.map(|_| "true")] { (value) }
        }
    }
}

/// A simple titled form page (track, topic, workshop, question).
/// The parts of a form page.
pub struct FormPage<'a> {
    /// The `<h1>`.
    pub heading: &'a str,
    /// Where the form posts.
    pub action: &'a str,
    /// The back link.
    pub back: &'a str,
    /// Validation errors.
    pub errors: &'a [FieldError],
    /// The fields.
    pub fields: Markup,
}

pub fn form_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, page: FormPage<'_>) -> Markup {
    let FormPage {
        heading,
        action,
        back,
        errors,
        fields,
    } = page;
    let button = lang.t("save");
    let title = layout::title_with_errors(lang, heading, errors);
    staff_page(
        lang,
        staff,
        csrf,
        &title,
        html! {
            a class="back-link" href=(back) { (lang.t("back")) }
            (error_summary(lang, errors))
            h1 { (heading) }
            form method="post" action=(action) novalidate {
                (csrf_field(csrf))
                (fields)
                button type="submit" class="button" { (button) }
            }
        },
    )
}

/// Fields of the track form.
pub fn track_fields(lang: Lang, title: &str, year: &str, errors: &[FieldError]) -> Markup {
    html! {
        (Field { lang, name: "title", label: &lang.t("field-title"), hint: Some(&lang.t("track-title-hint")), value: title, kind: InputKind::Text, autocomplete: "off", errors }.render())
        (Field { lang, name: "year", label: &lang.t("field-year"), hint: None, value: year, kind: InputKind::Numeric, autocomplete: "off", errors }.render())
    }
}

/// Fields of the topic form.
pub fn topic_fields(lang: Lang, title: &str, description: &str, errors: &[FieldError]) -> Markup {
    html! {
        (Field { lang, name: "title", label: &lang.t("field-title"), hint: Some(&lang.t("topic-title-hint")), value: title, kind: InputKind::Text, autocomplete: "off", errors }.render())
        (textarea(lang, "description", &lang.t("field-description"), None, description, 4, errors))
    }
}

/// Typed values of the workshop form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct WorkshopInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Start-page text.
    #[serde(default)]
    pub intro: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub date: String,
    /// HH:MM.
    #[serde(default)]
    pub time: String,
    /// Place.
    #[serde(default)]
    pub location: String,
    /// Days.
    #[serde(default)]
    pub retention_days: String,
    /// Every other field of the form: the translations (`title_en`, `intro_en`, see
    /// [`translated_name`]) and the CSRF token.
    #[serde(flatten)]
    pub translated: HashMap<String, String>,
}

/// Fields of the workshop form.
pub fn workshop_fields(lang: Lang, v: &WorkshopInput, errors: &[FieldError]) -> Markup {
    html! {
        (Field { lang, name: "title", label: &lang.t("field-title"), hint: Some(&lang.t("workshop-title-hint")), value: &v.title, kind: InputKind::Text, autocomplete: "off", errors }.render())
        (textarea(lang, "intro", &lang.t("field-intro"), Some(&lang.t("workshop-intro-hint")), &v.intro, 4, errors))
        div class="field" {
            label for="date" { (lang.t("field-date")) }
            input type="date" id="date" name="date" value=(v.date);
        }
        div class="field" {
            label for="time" { (lang.t("field-time")) }
            input type="time" id="time" name="time" value=(v.time);
        }
        (Field { lang, name: "location", label: &lang.t("field-location"), hint: None, value: &v.location, kind: InputKind::Text, autocomplete: "off", errors }.render())
        (Field { lang, name: "retention_days", label: &lang.t("field-retention"), hint: Some(&lang.t("retention-hint")), value: &v.retention_days, kind: InputKind::Numeric, autocomplete: "off", errors }.render())
        @for other in translation_langs() {
            (translation_fieldset(lang, other, &TextField::WORKSHOP, &v.translated, None, errors))
        }
    }
}

/// Typed values of the question form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct QuestionInput {
    /// Kind.
    #[serde(default)]
    pub kind: String,
    /// Prompt.
    #[serde(default)]
    pub prompt: String,
    /// Help.
    #[serde(default)]
    pub help_text: String,
    /// Easy-read prompt.
    #[serde(default)]
    pub easy_read_prompt: String,
    /// One option per line.
    #[serde(default)]
    pub options: String,
    /// Checkbox.
    pub allow_other: Option<String>,
    /// Checkbox.
    pub required: Option<String>,
    /// Every other field of the form: the translations (`prompt_en`, `options_en`, see
    /// [`translated_name`]) and the CSRF token.
    #[serde(flatten)]
    pub translated: HashMap<String, String>,
}

/// Fields of the question form; `structure` false shows kind and options read-only. The
/// translations follow in one fieldset per language; their options are always editable (a
/// label's wording may change on a live survey), and while the Danish options are read-only
/// `danish_options` lists them for reference.
pub fn question_fields(
    lang: Lang,
    v: &QuestionInput,
    structure: bool,
    danish_options: &[ChoiceOption],
    errors: &[FieldError],
) -> Markup {
    let with_options =
        structure || QuestionKind::parse(&v.kind).is_some_and(QuestionKind::has_options);
    let fields: Vec<TextField> = TextField::QUESTION
        .into_iter()
        .filter(|f| *f != TextField::Options || with_options)
        .collect();
    let reference = (!structure).then_some(danish_options);
    html! {
        @if structure {
            div class="field" {
                label for="kind" { (lang.t("field-kind")) }
                select id="kind" name="kind" {
                    @for k in QuestionKind::ALL {
                        option value=(k.as_str()) selected[v.kind == k.as_str()] { (lang.t(k.label_key())) }
                    }
                }
            }
        } @else {
            p class="panel" { (lang.t("question-locked")) }
        }
        (textarea(lang, "prompt", &lang.t("field-prompt"), Some(&lang.t("prompt-hint")), &v.prompt, 2, errors))
        (textarea(lang, "help_text", &lang.t("field-help"), None, &v.help_text, 2, errors))
        (textarea(lang, "easy_read_prompt", &lang.t("field-easy-read"), Some(&lang.t("easy-read-hint")), &v.easy_read_prompt, 2, errors))
        @if structure {
            (textarea(lang, "options", &lang.t("field-options"), Some(&lang.t("options-hint")), &v.options, 5, errors))
            div class="field checkbox" {
                input type="checkbox" id="allow_other" name="allow_other" value="on" checked[v.allow_other.is_some()];
                label for="allow_other" { (lang.t("field-allow-other")) }
            }
            div class="field checkbox" {
                input type="checkbox" id="required" name="required" value="on" checked[v.required.is_some()];
                label for="required" { (lang.t("field-required")) }
            }
        }
        @for other in translation_langs() {
            (translation_fieldset(lang, other, &fields, &v.translated, reference, errors))
        }
    }
}

// ---- translations of the survey's own texts ---------------------------------------------------

/// The languages a survey's texts can be translated into: every interface language but
/// Danish, the base language. A new entry in `LANGS` gets its fieldset without more code.
pub fn translation_langs() -> impl Iterator<Item = Lang> {
    LANGS.into_iter().filter(|l| *l != Lang::Da)
}

/// Form field names of translations, made once: `{field}_{code}`, e.g. `prompt_en`.
static TRANSLATED_NAMES: LazyLock<HashMap<(TextField, Lang), String>> = LazyLock::new(|| {
    TextField::WORKSHOP
        .into_iter()
        .chain(TextField::QUESTION)
        .flat_map(|f| {
            translation_langs().map(move |l| ((f, l), format!("{}_{}", f.as_str(), l.code())))
        })
        .collect()
});

/// The form field (and element id) of one translated text, e.g. `prompt_en`.
pub fn translated_name(field: TextField, text_lang: Lang) -> &'static str {
    TRANSLATED_NAMES
        .get(&(field, text_lang))
        .map(String::as_str)
        .unwrap_or(field.as_str())
}

/// The legend of a language's fieldset, e.g. "Engelsk (English)".
pub fn translation_legend(lang: Lang, text_lang: Lang) -> String {
    lang.t(&format!("translation-legend-{}", text_lang.code()))
}

fn field_label_key(field: TextField) -> &'static str {
    match field {
        TextField::Title => "field-title",
        TextField::Intro => "field-intro",
        TextField::Prompt => "field-prompt",
        TextField::HelpText => "field-help",
        TextField::EasyReadPrompt => "field-easy-read",
        TextField::Options => "field-options",
    }
}

/// One language's fieldset: the same texts as the Danish fields, all optional. The inputs
/// carry the language they are typed in (`lang="en"`), so spelling checks and screen readers
/// use the right one; labels stay in the interface language.
fn translation_fieldset(
    lang: Lang,
    text_lang: Lang,
    fields: &[TextField],
    values: &HashMap<String, String>,
    danish_options: Option<&[ChoiceOption]>,
    errors: &[FieldError],
) -> Markup {
    let code = text_lang.code();
    html! {
        fieldset class="field translation" {
            legend { (translation_legend(lang, text_lang)) }
            p class="hint" { (lang.t("translation-hint")) }
            @for field in fields {
                @let name = translated_name(*field, text_lang);
                @let value = values.get(name).map(String::as_str).unwrap_or("");
                @let error = errors.iter().find(|e| e.field == name);
                @let is_options = *field == TextField::Options;
                @let hint_id = format!("{name}-hint");
                @let error_id = format!("{name}-error");
                @let described: Vec<&str> = [is_options.then_some(hint_id.as_str()), error.map(|_| error_id.as_str())].into_iter().flatten().collect();
                @let described = (!described.is_empty()).then(|| described.join(" "));
                div class={ "field" @if error.is_some() { " field-error" } } {
                    label for=(name) { (lang.t(field_label_key(*field))) }
                    @if is_options {
                        p class="hint" id=(hint_id) { (lang.t("translation-options-hint")) }
                        @if let Some(options) = danish_options.filter(|o| !o.is_empty()) {
                            p class="hint" { (lang.t("translation-options-danish")) }
                            ol class="hint" lang="da" {
                                @for o in options { li { (o.label) } }
                            }
                        }
                    }
                    @if let Some(e) = error {
                        p class="error-message" id=(error_id) { span class="visually-hidden" { (lang.t("error-prefix")) " " } (e.message) }
                    }
                    @if *field == TextField::Title {
                        input type="text" id=(name) name=(name) value=(value) lang=(code) autocomplete="off"
                            aria-describedby=[described.as_deref()] aria-invalid=[error.map(|_| "true")];
                    } @else {
                        textarea id=(name) name=(name) lang=(code)
                            rows=(match field { TextField::Intro => 4, TextField::Options => 5, _ => 2 })
                            aria-describedby=[described.as_deref()] aria-invalid=[error.map(|_| "true")] { (value) }
                    }
                }
            }
        }
    }
}

/// What the workshop page shows.
pub struct WorkshopPage<'a> {
    /// Workshop.
    pub workshop: &'a Workshop,
    /// Its topic's title.
    pub topic_title: &'a str,
    /// Questions with their answer counts.
    pub questions: &'a [(Question, i64)],
    /// Participants with answers.
    pub participants: i64,
    /// The join URL.
    pub join_url: String,
    /// A notice after an action.
    pub notice: Option<String>,
}

/// The facilitator's workshop page: status, join details, questions, answers so far.
pub fn workshop_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, p: &WorkshopPage<'_>) -> Markup {
    let w = p.workshop;
    let editor = staff.role().can_edit();
    let status = w.status();
    let draft = status == super::domain::WorkshopStatus::Draft;
    let base = format!("/staff/workshops/{}", w.id);
    let moves: Vec<(super::domain::WorkshopStatus, &str)> = super::domain::WorkshopStatus::ALL
        .into_iter()
        .filter(|to| status.can_move_to(*to))
        .map(|to| {
            (
                to,
                match to {
                    super::domain::WorkshopStatus::Open => "workshop-open-action",
                    super::domain::WorkshopStatus::Closed => "workshop-close-action",
                    super::domain::WorkshopStatus::Archived => "workshop-archive-action",
                    super::domain::WorkshopStatus::Draft => "workshop-draft-action",
                },
            )
        })
        .collect();
    staff_page(
        lang,
        staff,
        csrf,
        &w.title,
        html! {
            a class="back-link" href="/staff" { (lang.t("nav-overview")) }
            @if let Some(n) = &p.notice { p class="notice" role="status" { (n) } }
            span class="caption" { (lang.t("topic-prefix")) " " (p.topic_title) }
            h1 { (w.title) }
            dl class="summary" {
                div class="summary-row" { dt { (lang.t("field-status")) } dd class="summary-value" { (lang.t(status_key(&w.status))) } }
                div class="summary-row" { dt { (lang.t("join-code")) } dd class="summary-value code" { (grouped_code(&w.join_code)) } }
                div class="summary-row" { dt { (lang.t("join-link")) } dd class="summary-value" { code { (p.join_url) } } }
                @if let Some(at) = w.starts_at { div class="summary-row" { dt { (lang.t("field-date")) } dd class="summary-value" { (at.format("%d.%m.%Y %H:%M")) } } }
                @if !w.location.is_empty() { div class="summary-row" { dt { (lang.t("field-location")) } dd class="summary-value" { (w.location) } } }
                div class="summary-row" { dt { (lang.t("participants-count")) } dd class="summary-value" { (p.participants) } }
            }
            ul class="link-list" {
                li { a href=(format!("{base}/preview")) { (lang.t("workshop-preview")) } }
                li { a href=(format!("{base}/poster")) { (lang.t("workshop-poster")) } }
                li { a href=(format!("{base}/cards")) { (lang.t("workshop-cards")) } }
                li { a href=(format!("{base}/answers")) { (lang.t("workshop-answers")) } }
                li { a href=(format!("/staff/export?scope=workshop&id={}", w.id)) { (lang.t("export-link")) } }
                @if editor {
                    li { a href=(format!("{base}/edit")) { (lang.t("workshop-edit")) } }
                    @if status.accepts_answers() { li { a href=(format!("{base}/assist")) { (lang.t("workshop-assist")) } } }
                }
            }
            @if editor && !moves.is_empty() {
                div class="status-actions" {
                    @for (to, key) in &moves {
                        form method="post" action=(format!("{base}/status")) class="inline-form" {
                            (csrf_field(csrf))
                            input type="hidden" name="to" value=(to.as_str());
                            button type="submit" class="button secondary" { (lang.t(key)) }
                        }
                    }
                }
            }
            h2 { (lang.t("questions-heading")) }
            @if p.questions.is_empty() { p { (lang.t("questions-empty")) } }
            ol class="question-list" {
                @for (q, count) in p.questions {
                    li class="card" {
                        p class="card-title" { (q.prompt) }
                        p class="hint" { (lang.t(q.kind().label_key())) @if q.required { " · " (lang.t("field-required")) } " · " (lang.t_args("answers-count", &[("count", (*count).into())])) }
                        @if editor {
                            div class="row-actions" {
                                a href=(format!("/staff/questions/{}/edit", q.id)) { (lang.t("edit")) span class="visually-hidden" { ": " (q.prompt) } }
                                @if q.kind().is_text() && status.accepts_answers() {
                                    a href=(format!("/staff/questions/{}/paste", q.id)) { (lang.t("paste-notes")) span class="visually-hidden" { ": " (q.prompt) } }
                                }
                                @for (dir, key) in [("up", "move-up"), ("down", "move-down")] {
                                    form method="post" action=(format!("/staff/questions/{}/move", q.id)) class="inline-form" {
                                        (csrf_field(csrf))
                                        input type="hidden" name="direction" value=(dir);
                                        button type="submit" class="link-button" { (lang.t(key)) span class="visually-hidden" { ": " (q.prompt) } }
                                    }
                                }
                                @if *count == 0 {
                                    form method="post" action=(format!("/staff/questions/{}/delete", q.id)) class="inline-form" {
                                        (csrf_field(csrf))
                                        button type="submit" class="link-button" { (lang.t("delete")) span class="visually-hidden" { ": " (q.prompt) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if editor { p { a class="button" href=(format!("{base}/questions/new")) { (lang.t("question-add")) } } }
            @if editor && !draft { p class="hint" { (lang.t("questions-live-hint")) } }
        },
    )
}

/// The answers of a workshop, by question.
pub fn answers_page(
    lang: Lang,
    staff: &Staff,
    csrf: &CsrfToken,
    workshop: &Workshop,
    questions: &[Question],
    answers: &[(Answer, i32)],
) -> Markup {
    let title = lang.t_args(
        "answers-title",
        &[("workshop", workshop.title.as_str().into())],
    );
    staff_page(
        lang,
        staff,
        csrf,
        &title,
        html! {
            a class="back-link" href=(format!("/staff/workshops/{}", workshop.id)) { (workshop.title) }
            h1 { (title) }
            @for q in questions {
                @let these: Vec<&Answer> = answers.iter().filter(|(a, _)| a.question_id == q.id).map(|(a, _)| a).collect();
                section {
                    h2 { (q.position) ". " (q.prompt) }
                    @if these.is_empty() { p class="hint" { (lang.t("answers-none-yet")) } }
                    ul class="answer-list" {
                        @for a in these {
                            li class="card" {
                                p class="answer-text" { (crate::participant::views::display_answer(lang, q, Some(a))) }
                                p class="hint" {
                                    (crate::participant::domain::EnteredBy::parse(&a.entered_by).map(|e| lang.t(e.label_key())).unwrap_or_default())
                                    " · " (a.updated_at.format("%d.%m.%Y %H:%M"))
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}

/// Three pictogram steps for the poster: scan, tap the link, answer.
fn pictogram(step: u8) -> Markup {
    html! {
        svg class="pictogram" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false" {
            rect x="12" y="3" width="24" height="42" rx="4" fill="none" stroke="#1b1b1b" stroke-width="3" {}
            @match step {
                1 => { rect x="17" y="12" width="14" height="14" fill="none" stroke="#1b1b1b" stroke-width="2.5" {} rect x="21" y="16" width="6" height="6" fill="#1b1b1b" {} }
                2 => { path d="M17 24 h14" stroke="#0a4a8a" stroke-width="3" {} path d="M24 30 l4 8 2-3 4 4" fill="none" stroke="#1b1b1b" stroke-width="2.5" {} }
                _ => { path d="M17 14 h14 M17 21 h14 M17 28 h8" stroke="#1b1b1b" stroke-width="2.5" {} path d="M26 34 l3 3 6-7" fill="none" stroke="#0b6b3a" stroke-width="3" {} }
            }
        }
    }
}

/// The A4 poster: big QR code, the short address, the code, the title and three steps.
pub fn poster_page(lang: Lang, workshop: &Workshop, join_url: &str, base_url: &str) -> Markup {
    let code = &workshop.join_code;
    layout::page(
        lang,
        &lang.t_args(
            "poster-title",
            &[("workshop", workshop.title.as_str().into())],
        ),
        None,
        html! {
            div class="poster" {
                h1 { (workshop.title) }
                p class="poster-lead" { (lang.t("poster-lead")) }
                img class="poster-qr" src=(format!("/j/{code}/qr.svg")) alt=(lang.t_args("qr-alt", &[("url", join_url.into())]));
                ol class="steps" {
                    li { (pictogram(1)) span { (lang.t("poster-step-1")) } }
                    li { (pictogram(2)) span { (lang.t("poster-step-2")) } }
                    li { (pictogram(3)) span { (lang.t("poster-step-3")) } }
                }
                p class="poster-fallback" { (lang.t("poster-no-camera")) " " strong { (base_url.trim_start_matches("https://").trim_start_matches("http://")) } }
                p class="poster-code" { (lang.t("join-code")) " " strong { (grouped_code(code)) } }
            }
        },
    )
}

/// A sheet of 8 table cards (2 × 4 on A4), each with a small QR code and the code.
pub fn cards_page(lang: Lang, workshop: &Workshop, join_url: &str, base_url: &str) -> Markup {
    let code = &workshop.join_code;
    layout::page(
        lang,
        &lang.t_args(
            "cards-title",
            &[("workshop", workshop.title.as_str().into())],
        ),
        None,
        html! {
            h1 class="visually-hidden" { (lang.t_args("cards-title", &[("workshop", workshop.title.as_str().into())])) }
            ul class="cards-sheet" {
                @for _ in 0..8 {
                    li class="table-card" {
                        img src=(format!("/j/{code}/qr.svg")) alt=(lang.t_args("qr-alt", &[("url", join_url.into())]));
                        div {
                            p class="card-title" { (workshop.title) }
                            p { (lang.t("poster-no-camera")) " " strong { (base_url.trim_start_matches("https://").trim_start_matches("http://")) } }
                            p { (lang.t("join-code")) " " strong { (grouped_code(code)) } }
                        }
                    }
                }
            }
        },
    )
}

/// Assisted entry: every question on one page, and how the answers were given.
pub fn assist_page(
    lang: Lang,
    staff: &Staff,
    csrf: &CsrfToken,
    workshop: &Workshop,
    questions: &[Question],
    key: &str,
    errors: &[FieldError],
) -> Markup {
    let title = layout::title_with_errors(lang, &lang.t("assist-title"), errors);
    staff_page(
        lang,
        staff,
        csrf,
        &title,
        html! {
            a class="back-link" href=(format!("/staff/workshops/{}", workshop.id)) { (workshop.title) }
            (error_summary(lang, errors))
            h1 { (lang.t("assist-title")) }
            p { (lang.t("assist-intro")) }
            form method="post" action=(format!("/staff/workshops/{}/assist", workshop.id)) novalidate {
                (csrf_field(csrf))
                input type="hidden" name="submission_key" value=(key);
                fieldset class="field" {
                    legend { (lang.t("assist-how")) }
                    @for (value, label) in [("scribe", "entered-scribe"), ("read_aloud", "entered-read-aloud")] {
                        div class="choice" {
                            input type="radio" id=(format!("entered-{value}")) name="entered_by" value=(value) checked[value == "scribe"];
                            label for=(format!("entered-{value}")) { (lang.t(label)) }
                        }
                    }
                }
                @for q in questions {
                    @let name = format!("q{}", q.position);
                    @let error = errors.iter().find(|e| e.field == name.as_str());
                    div class={ "field" @if error.is_some() { " field-error" } } id=(name) {
                        @match q.kind() {
                            QuestionKind::ShortText | QuestionKind::LongText => {
                                label for=(format!("{name}-answer")) { (q.position) ". " (q.prompt) }
                                @if let Some(e) = error { p class="error-message" { (e.message) } }
                                textarea id=(format!("{name}-answer")) name=(format!("{name}.answer")) rows="3" {}
                            }
                            kind => {
                                fieldset {
                                    legend { (q.position) ". " (q.prompt) }
                                    @if let Some(e) = error { p class="error-message" { (e.message) } }
                                    @let (input_type, field) = if kind == QuestionKind::MultipleChoice { ("checkbox", "choice") } else { ("radio", "answer") };
                                    @let values: Vec<(String, String)> = match kind {
                                        QuestionKind::Scale => (1..=5).map(|n| (n.to_string(), format!("{n} – {}", lang.t(&format!("scale-{n}"))))).collect(),
                                        QuestionKind::YesNo => crate::participant::domain::YesNo::ALL.iter().map(|v| (v.as_str().to_owned(), lang.t(v.label_key()))).collect(),
                                        _ => q.options().into_iter().map(|o| (o.key, o.label)).collect(),
                                    };
                                    @for (i, (value, label)) in values.iter().enumerate() {
                                        div class="choice" {
                                            input type=(input_type) id=(format!("{name}-{i}")) name=(format!("{name}.{field}")) value=(value);
                                            label for=(format!("{name}-{i}")) { (label) }
                                        }
                                    }
                                    @if q.allow_other && kind.has_options() {
                                        div class="choice" {
                                            input type=(input_type) id=(format!("{name}-other")) name=(format!("{name}.{field}")) value="other";
                                            label for=(format!("{name}-other")) { (lang.t("answer-other")) }
                                        }
                                        label for=(format!("{name}-other-text")) { (lang.t("answer-other-label")) }
                                        input type="text" id=(format!("{name}-other-text")) name=(format!("{name}.other"));
                                    }
                                }
                            }
                        }
                    }
                }
                button type="submit" class="button" { (lang.t("assist-save")) }
            }
        },
    )
}

/// Pasting flipchart notes into a question: one statement per line.
pub fn paste_page(
    lang: Lang,
    staff: &Staff,
    csrf: &CsrfToken,
    workshop: &Workshop,
    question: &Question,
    typed: (&str, &str, &[FieldError]),
) -> Markup {
    let (key, notes, errors) = typed;
    let title = layout::title_with_errors(lang, &lang.t("paste-title"), errors);
    staff_page(
        lang,
        staff,
        csrf,
        &title,
        html! {
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
        },
    )
}
