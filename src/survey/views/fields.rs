//! The fields of the builder's forms: track, topic, workshop and question.

use maud::{html, Markup};

use super::translations::{translation_fieldset, translation_langs};
use crate::i18n::Lang;
use crate::survey::domain::{ChoiceOption, QuestionKind};
use crate::survey::forms::{QuestionInput, TopicInput, WorkshopInput};
use crate::survey::store::TextField;
use crate::web::layout::{described_by, error_message, field, textarea, FieldError, InputKind};

/// Fields of the track form.
pub fn track_fields(lang: Lang, title: &str, year: &str, errors: &[FieldError]) -> Markup {
    html! {
        (field(lang, "title", "field-title", title, errors).hint("track-title-hint").render())
        (field(lang, "year", "field-year", year, errors).kind(InputKind::Numeric).render())
    }
}

/// Fields of the topic form.
pub fn topic_fields(lang: Lang, v: &TopicInput, errors: &[FieldError]) -> Markup {
    html! {
        (field(lang, "title", "field-title", &v.title, errors).hint("topic-title-hint").render())
        (textarea(lang, "description", &lang.t("field-description"), None, &v.description, 4, errors))
        div class="field checkbox" {
            input type="checkbox" id="same_people" name="same_people" value="on" checked[v.same_people.is_some()] aria-describedby="same_people-hint";
            label for="same_people" { (lang.t("field-same-people")) }
            p class="hint" id="same_people-hint" { (lang.t("same-people-hint")) }
        }
    }
}

/// Fields of the workshop form.
pub fn workshop_fields(lang: Lang, v: &WorkshopInput, errors: &[FieldError]) -> Markup {
    html! {
        (field(lang, "title", "field-title", &v.title, errors).hint("workshop-title-hint").render())
        (textarea(lang, "intro", &lang.t("field-intro"), Some(&lang.t("workshop-intro-hint")), &v.intro, 4, errors))
        div class="field" {
            label for="date" { (lang.t("field-date")) }
            input type="date" id="date" name="date" value=(v.date);
        }
        div class="field" {
            label for="time" { (lang.t("field-time")) }
            input type="time" id="time" name="time" value=(v.time);
        }
        (field(lang, "location", "field-location", &v.location, errors).render())
        (field(lang, "retention_days", "field-retention", &v.retention_days, errors).hint("retention-hint").kind(InputKind::Numeric).render())
        @for other in translation_langs() {
            (translation_fieldset(lang, other, &TextField::WORKSHOP, &v.translated, None, errors))
        }
    }
}

/// Fields of the question form; `structure` false shows kind, options and scale words
/// read-only. The translations follow in one fieldset per language; their options (or scale
/// words) are always editable (a label's wording may change on a live survey), and while the
/// Danish ones are read-only `danish_options` lists them for reference.
pub fn question_fields(
    lang: Lang, v: &QuestionInput, structure: bool, danish_options: &[ChoiceOption],
    errors: &[FieldError],
) -> Markup {
    let with_options = structure
        || QuestionKind::parse(&v.kind)
            .is_some_and(|k| k.has_options() || k == QuestionKind::Scale);
    let fields: Vec<TextField> = TextField::QUESTION
        .into_iter()
        .filter(|f| *f != TextField::Options || with_options)
        .collect();
    let reference = (!structure).then_some(danish_options);
    html! {
        @if structure {
            @let kind_error = errors.iter().find(|e| e.field == "kind");
            div class={ "field" @if kind_error.is_some() { " field-error" } } {
                label for="kind" { (lang.t("field-kind")) }
                (error_message(lang, "kind", kind_error))
                select id="kind" name="kind" aria-describedby=[described_by(None, "kind", kind_error)] aria-invalid=[kind_error.map(|_| "true")] {
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
            // Fields that only some kinds use, grouped under a heading that says which; with
            // builder.js only the chosen kind's group shows (and the others are not sent).
            fieldset class="kind-fields" data-kinds="single_choice multiple_choice" {
                legend { (lang.t("kind-fields-choice")) }
                (textarea(lang, "options", &lang.t("field-options"), Some(&lang.t("options-hint")), &v.options, 5, errors))
                div class="field checkbox" {
                    input type="checkbox" id="allow_other" name="allow_other" value="on" checked[v.allow_other.is_some()];
                    label for="allow_other" { (lang.t("field-allow-other")) }
                }
            }
            fieldset class="kind-fields" data-kinds="scale" {
                legend { (lang.t("kind-fields-scale")) }
                (textarea(lang, "scale_words", &lang.t("field-scale-words"), Some(&lang.t("scale-words-hint")), &v.scale_words, 5, errors))
            }
            script src=(crate::web::assets::url("builder")) defer {}
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
