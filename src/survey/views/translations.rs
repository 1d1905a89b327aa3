//! The translation fieldsets of the workshop and question forms: one per language other than
//! Danish, with the same texts as the Danish fields, all optional.

use std::collections::HashMap;
use std::sync::LazyLock;

use maud::{html, Markup};

use crate::i18n::{Lang, LANGS};
use crate::survey::domain::ChoiceOption;
use crate::survey::store::TextField;
use crate::web::layout::FieldError;

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
    TRANSLATED_NAMES.get(&(field, text_lang)).map(String::as_str).unwrap_or(field.as_str())
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
        // The same field holds a scale's five words.
        TextField::Options => "field-options-translated",
    }
}

/// One language's fieldset: the same texts as the Danish fields, all optional. The inputs
/// carry the language they are typed in (`lang="en"`), so spelling checks and screen readers
/// use the right one; labels stay in the interface language.
pub(super) fn translation_fieldset(
    lang: Lang, text_lang: Lang, fields: &[TextField], values: &HashMap<String, String>,
    danish_options: Option<&[ChoiceOption]>, errors: &[FieldError],
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
