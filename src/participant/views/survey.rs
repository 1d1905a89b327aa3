//! The survey as a participant goes through it: start, one page per question, check, thanks.

use maud::{html, Markup};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use super::{answer_markup, participant_page, participant_page_with};
use crate::i18n::Lang;
use crate::participant::domain::{YesNo, OTHER_KEY};
use crate::participant::store::Answer;
use crate::survey::{Question, QuestionKind, TextField, Translations, Workshop, SCALE_KEYS};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{self, csrf_field, error_summary, FieldError};

/// The id (and name) of the "Andet" text box; an error about its words links to it.
pub const OTHER_TEXT_ID: &str = "other";

/// Roughly a minute a question, at least two.
fn minutes(questions: usize) -> usize {
    questions.max(2)
}

/// What the start page knows about the visitor.
pub struct StartState {
    /// They have joined already; where to continue.
    pub resume: Option<String>,
    /// They have sent their answers (scanned the code again after finishing).
    pub finished: bool,
    /// The phone was just cleared for the next person: say so.
    pub cleared: bool,
    /// A fresh token for the consent form (becomes their participant token).
    pub start_token: String,
}

/// The first page after scanning.
pub fn start_page(
    lang: Lang, csrf: &CsrfToken, workshop: &Workshop, questions: usize, state: &StartState,
    tr: &Translations,
) -> Markup {
    let code = &workshop.join_code;
    let intro_lang = tr.fallback_lang(workshop.id.as_str(), TextField::Intro);
    let body = html! {
        h1 lang=[tr.fallback_lang(workshop.id.as_str(), TextField::Title)] { (workshop.title) }
        @if state.cleared {
            p class="notice" role="status" { (lang.t("clear-done")) }
        }
        @if state.finished {
            // Scanned again after sending: the answers are in; they may still change them.
            div class="panel confirmation" {
                p { strong { (lang.t("start-finished")) } }
                p { (lang.t("start-finished-change")) }
            }
            p { a class="button" href=(format!("/j/{code}/check")) { (lang.t("change-link")) } }
            p { a href=(format!("/j/{code}/tak")) { (lang.t("start-finished-code")) } }
            p { a href=(format!("/j/{code}/ryd")) { (lang.t("start-someone-else")) } }
        }
        @for para in workshop.intro.split("\n\n").filter(|p| !p.trim().is_empty()) {
            p lang=[intro_lang] { (para) }
        }
        ul class="facts" {
            li { (lang.t_args("start-time", &[("minutes", minutes(questions).into())])) }
            li { (lang.t("start-anonymous")) }
            @let brand = crate::web::ui::current().brand;
            @let organisation = if brand.organisation.is_empty() { crate::settings::DEFAULT_ORGANISATION } else { brand.organisation.as_str() };
            li { (lang.t_args("start-use", &[("organisation", organisation.into())])) }
            @if let Some(email) = &brand.email {
                li {
                    (lang.t("start-contact")) " " a href=(format!("mailto:{email}")) { (email) }
                    @if let Some(phone) = &brand.phone {
                        " " (lang.t("start-contact-or")) " " a href=(format!("tel:{}", phone.replace(' ', ""))) { (phone) }
                    }
                }
            }
            li { (lang.t_args("start-retention", &[("days", workshop.retention_days.into())])) }
            li { (lang.t("start-skip")) }
        }
        @if !state.finished {
            @if let Some(resume) = &state.resume {
                p { a class="button" href=(resume) { (lang.t("start-resume")) } }
                p { a href=(format!("/j/{code}/check")) { (lang.t("start-see-answers")) } }
            } @else {
                form method="post" action=(format!("/j/{code}/start")) {
                    (csrf_field(csrf))
                    input type="hidden" name="start_token" value=(state.start_token);
                    button type="submit" class="button" { (lang.t("start-consent")) }
                }
            }
        }
    };
    participant_page(lang, &workshop.title, body)
}

/// Everything the question page shows.
pub struct QuestionView<'a> {
    /// Workshop.
    pub workshop: &'a Workshop,
    /// The question.
    pub question: &'a Question,
    /// How many questions in all.
    pub total: usize,
    /// Current values (saved answer, or what was typed before an error).
    pub answer: Option<&'a str>,
    /// Chosen option keys.
    pub chosen: Vec<String>,
    /// "Andet" text.
    pub other: Option<&'a str>,
    /// A fresh key for this form.
    pub submission_key: String,
    /// Came from the check page.
    pub back_to_check: bool,
    /// Show the easy-read prompt (the visitor's display choice).
    pub easy_read: bool,
    /// Errors.
    pub errors: &'a [FieldError],
    /// Staff preview: the form does not post.
    pub preview: bool,
    /// Which texts of `workshop` and `question` are translated into the page's language
    /// (the others show in Danish and are marked `lang="da"`).
    pub translations: &'a Translations,
}

/// A scale face: a circle with eyes and a mouth that smiles more with the score.
fn face(score: u8) -> Markup {
    let curve = match score {
        1 => 20,
        2 => 24,
        3 => 27,
        4 => 31,
        _ => 35,
    };
    let mouth = format!("M12 27 Q20 {curve} 28 27");
    html! {
        svg class="face" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false" {
            circle cx="20" cy="20" r="18" fill="#fff6c8" stroke="#1b1b1b" stroke-width="2" {}
            circle cx="14" cy="16" r="2.2" fill="#1b1b1b" {}
            circle cx="26" cy="16" r="2.2" fill="#1b1b1b" {}
            path d=(mouth) fill="none" stroke="#1b1b1b" stroke-width="2.4" stroke-linecap="round" {}
        }
    }
}

/// One question page.
pub fn question_page(lang: Lang, csrf: &CsrfToken, v: &QuestionView<'_>) -> Markup {
    let q = v.question;
    let tr = v.translations;
    let code = &v.workshop.join_code;
    let (prompt, prompt_field) = match (&q.easy_read_prompt, v.easy_read) {
        (Some(easy), true) if !easy.is_empty() => (easy.clone(), TextField::EasyReadPrompt),
        _ => (q.prompt.clone(), TextField::Prompt),
    };
    let prompt_lang = tr.fallback_lang(q.id.as_str(), prompt_field);
    let progress =
        lang.t_args("progress", &[("current", q.position.into()), ("total", v.total.into())]);
    let title = layout::title_with_errors(lang, &prompt, v.errors);
    let error = v.errors.first();
    let back = if v.preview {
        format!("/staff/workshops/{}", v.workshop.id)
    } else if v.back_to_check {
        format!("/j/{code}/check")
    } else if q.position > 1 {
        format!("/j/{code}/q/{}", q.position - 1)
    } else {
        format!("/j/{code}")
    };
    let action = format!("/j/{code}/q/{}", q.position);
    let here = if v.back_to_check { format!("{action}?ret=check") } else { action.clone() };
    let here = utf8_percent_encode(&here, NON_ALPHANUMERIC);
    let has_easy = q.easy_read_prompt.as_deref().is_some_and(|e| !e.is_empty());
    let hint_id = "answer-hint";
    let described = match (q.help_text.is_empty(), error.is_some()) {
        (true, false) => None,
        (false, false) => Some(hint_id.to_owned()),
        (true, true) => Some("answer-error".to_owned()),
        (false, true) => Some(format!("{hint_id} answer-error")),
    };
    let error_line = html! {
        @if let Some(e) = error {
            p class="error-message" id="answer-error" { span class="visually-hidden" { (lang.t("error-prefix")) " " } (e.message) }
        }
    };
    let hint = html! {
        @if !q.help_text.is_empty() {
            p class="hint" id=(hint_id) lang=[tr.fallback_lang(q.id.as_str(), TextField::HelpText)] { (q.help_text) }
        }
    };
    let caption = html! { span class="caption" { (progress) } };
    let kind = q.kind;
    let field_class = if error.is_some() { "field field-error" } else { "field" };
    let body = html! {
        a class="back-link" href=(back) { (lang.t("back")) }
        (error_summary(lang, v.errors))
        // A display choice, like text size: it holds for the following questions too.
        @if has_easy && !v.preview {
            p class="easy-toggle" {
                @if v.easy_read { a href=(format!("/let-laest/fra?tilbage={here}")) { (lang.t("easy-read-off")) } }
                @else { a href=(format!("/let-laest/til?tilbage={here}")) { (lang.t("easy-read-on")) } }
            }
        }
        form method=(if v.preview { "get" } else { "post" }) action=(if v.preview { String::new() } else { action.clone() }) novalidate
            data-keep=[(!v.preview).then(|| format!("{code}:{}", q.position))]
            data-unsent=[(!v.preview).then(|| lang.t("answer-unsent"))] {
            @if !v.preview { (csrf_field(csrf)) }
            input type="hidden" name="submission_key" value=(v.submission_key);
            input type="hidden" name="question_id" value=(q.id);
            @if v.back_to_check { input type="hidden" name="ret" value="check"; }
            @match kind {
                QuestionKind::ShortText | QuestionKind::LongText => {
                    div class=(field_class) {
                        (caption)
                        h1 class="question" lang=[prompt_lang] { label for="answer" { (prompt) } }
                        (hint) (error_line)
                        @if kind == QuestionKind::ShortText {
                            input type="text" id="answer" name="answer" value=(v.answer.unwrap_or(""))
                                autocomplete="off" aria-describedby=[described.as_deref()] aria-invalid=[error.map(|_| "true")];
                        } @else {
                            textarea id="answer" name="answer" rows="6" autocomplete="off"
                                aria-describedby=[described.as_deref()] aria-invalid=[error.map(|_| "true")] { (v.answer.unwrap_or("")) }
                        }
                    }
                }
                _ => {
                    div class=(field_class) {
                        fieldset aria-describedby=[described.as_deref()] {
                            legend { (caption) h1 class="question" lang=[prompt_lang] { (prompt) } }
                            (hint) (error_line)
                            (choices(lang, q, (v.answer.unwrap_or(""), &v.chosen, v.other), tr, v.errors))
                        }
                    }
                }
            }
            div class="actions" {
                @if v.preview {
                    p class="notice" { (lang.t("preview-no-save")) }
                    p {
                        @if q.position > 1 { a href=(format!("?n={}", q.position - 1)) { (lang.t("preview-previous")) } " " }
                        @if (q.position as usize) < v.total { a href=(format!("?n={}", q.position + 1)) { (lang.t("preview-next")) } }
                    }
                } @else {
                    button type="submit" class="button" name="action" value="save" { (lang.t("continue")) }
                    button type="submit" class="button secondary" name="action" value="decline" { (lang.t("decline")) }
                }
            }
        }
    };
    // Staff preview posts nothing: nothing to keep.
    let scripts: &[&str] = if v.preview { &[] } else { &["keep"] };
    participant_page_with(lang, &title, body, scripts)
}

/// `lang="da"` for a scale word that shows in Danish on a page in another language: the
/// question's own Danish word without a translation (a default word is in the page's language).
fn scale_word_lang(q: &Question, tr: &Translations, key: &str) -> Option<&'static str> {
    q.own_scale_word(key).and(tr.option_fallback_lang(q.id.as_str(), key))
}

fn choices(
    lang: Lang, q: &Question, (current, chosen, other): (&str, &[String], Option<&str>),
    tr: &Translations, errors: &[FieldError],
) -> Markup {
    match q.kind {
        QuestionKind::Scale => html! {
            div class="choices scale" {
                @for ((n, key), word) in (1u8..=5).zip(SCALE_KEYS).zip(q.scale_words(lang)) {
                    @let id = format!("answer-{n}");
                    div class="choice" {
                        input type="radio" id=(id) name="answer" value=(n) checked[current == key];
                        label for=(id) { (face(n)) span { (n) " – " span lang=[scale_word_lang(q, tr, key)] { (word) } } }
                    }
                }
            }
        },
        QuestionKind::YesNo => html! {
            div class="choices" {
                @for v in YesNo::ALL {
                    @let id = format!("answer-{}", v.as_str());
                    div class="choice" {
                        input type="radio" id=(id) name="answer" value=(v.as_str()) checked[current == v.as_str()];
                        label for=(id) { (lang.t(v.label_key())) }
                    }
                }
            }
        },
        kind => {
            let multi = kind == QuestionKind::MultipleChoice;
            let (input_type, name) =
                if multi { ("checkbox", "choice") } else { ("radio", "answer") };
            let is_chosen = |key: &str| chosen.iter().any(|c| c == key);
            html! {
                @if multi { p class="hint" { (lang.t("choose-any")) } }
                div class="choices" {
                    @for (i, o) in q.options().iter().enumerate() {
                        @let id = format!("answer-{}", i + 1);
                        div class="choice" {
                            input type=(input_type) id=(id) name=(name) value=(o.key) checked[is_chosen(&o.key)];
                            label for=(id) lang=[tr.option_fallback_lang(q.id.as_str(), &o.key)] { (o.label) }
                        }
                    }
                    @if q.allow_other {
                        div class="choice" {
                            input type=(input_type) id="answer-other" name=(name) value=(OTHER_KEY) checked[is_chosen(OTHER_KEY)];
                            label for="answer-other" { (lang.t("answer-other")) }
                        }
                        // Words typed here count even when "Andet" is not picked.
                        @let invalid = errors.iter().any(|e| e.field == OTHER_TEXT_ID);
                        div class="other-text" {
                            label for=(OTHER_TEXT_ID) { (lang.t("answer-other-label")) }
                            input type="text" id=(OTHER_TEXT_ID) name="other" value=(other.unwrap_or("")) autocomplete="off"
                                aria-describedby=[invalid.then_some("answer-error")] aria-invalid=[invalid.then_some("true")];
                        }
                    }
                }
            }
        }
    }
}

/// The check-your-answers page.
pub fn check_page(
    lang: Lang, csrf: &CsrfToken, workshop: &Workshop, rows: &[(&Question, Option<&Answer>)],
    tr: &Translations, errors: &[FieldError],
) -> Markup {
    let code = &workshop.join_code;
    let title = layout::title_with_errors(lang, &lang.t("check-title"), errors);
    let body = html! {
        (error_summary(lang, errors))
        h1 { (lang.t("check-title")) }
        p { (lang.t("check-intro")) }
        dl class="summary" {
            @for (q, a) in rows {
                div class="summary-row" id=(format!("q{}", q.position)) {
                    @let prompt_lang = tr.fallback_lang(q.id.as_str(), TextField::Prompt);
                    dt lang=[prompt_lang] { (q.prompt) }
                    dd class="summary-value" { (answer_markup(lang, q, *a, tr)) }
                    dd class="summary-action" {
                        a href=(format!("/j/{code}/q/{}?ret=check", q.position)) {
                            (lang.t("check-change")) span class="visually-hidden" { ": " span lang=[prompt_lang] { (q.prompt) } }
                        }
                    }
                }
            }
        }
        form method="post" action=(format!("/j/{code}/finish")) {
            (csrf_field(csrf))
            button type="submit" class="button" { (lang.t("check-finish")) }
        }
    };
    participant_page(lang, &title, body)
}

/// The thank-you page, with the withdrawal code and "Ryd telefonen".
/// While the room is asked something (a member check or a vote), the page leads there.
pub fn thanks_page(
    lang: Lang, workshop: &Workshop, withdrawal_code: &str, round_open: bool,
) -> Markup {
    let code = &workshop.join_code;
    let body = html! {
        div class="panel confirmation" {
            h1 { (lang.t("thanks-title")) }
            p { (lang.t("thanks-saved")) }
        }
        @if round_open {
            p class="round-open-now" {
                (lang.t("round-open-now")) " "
                a href=(format!("/j/{code}/rum")) { (lang.t("round-open-link")) }
            }
        }
        h2 { (lang.t("withdraw-heading")) }
        p { (lang.t("withdraw-explain")) }
        p class="withdrawal-code" { (withdrawal_code) }
        p { (lang.t("withdraw-where")) " " a href="/trak-tilbage" { (lang.t("withdraw-link")) } "." }
        h2 { (lang.t("change-heading")) }
        p { a href=(format!("/j/{code}/check")) { (lang.t("change-link")) } }
        h2 { (lang.t("clear-heading")) }
        p { (lang.t("clear-explain")) }
        p { a class="button secondary" href=(format!("/j/{code}/ryd")) { (lang.t("clear-button")) } }
    };
    participant_page(lang, &lang.t("thanks-title"), body)
}

/// "Ryd telefonen?": asks once before the phone forgets this participant (and, with
/// JavaScript, the words kept on it). Works without JavaScript: a form and a link.
pub fn clear_page(lang: Lang, csrf: &CsrfToken, code: &str) -> Markup {
    let body = html! {
        h1 { (lang.t("clear-confirm-title")) }
        p { (lang.t("clear-confirm-text")) }
        p { (lang.t("clear-confirm-code")) }
        form method="post" action=(format!("/j/{code}/clear")) data-forget {
            (csrf_field(csrf))
            button type="submit" class="button" { (lang.t("clear-confirm-button")) }
        }
        p { a href=(format!("/j/{code}/tak")) { (lang.t("clear-confirm-cancel")) } }
    };
    participant_page_with(lang, &lang.t("clear-confirm-title"), body, &["keep"])
}
