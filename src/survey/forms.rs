//! The builder's forms as posted, and their parsing into the fields the store takes. A form
//! that fails comes back with every field's message; the typed values are kept to show again.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use super::domain::{
    options_from_lines, scale_words_from_lines, ChoiceOption, ChoiceOptions, QuestionKind,
};
use super::store::{
    default_scale_words, options_translation, scale_points, QuestionFields, TextField, TopicFields,
    TrackFields, TranslatedText, WorkshopFields,
};
use super::views::{translated_name, translation_langs, translation_legend};
use crate::i18n::Lang;
use crate::text::{HelpText, LongText, PromptText, Text, Title};
use crate::web::layout::FieldError;
use crate::web::Checks;

/// The track form.
#[derive(Debug, Default, Deserialize)]
pub struct TrackInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Year.
    #[serde(default)]
    pub year: String,
}

impl TrackInput {
    /// A title, and a year from 2000 to 2100.
    pub fn parse(&self, lang: Lang) -> Result<TrackFields, Vec<FieldError>> {
        let mut checks = Checks::new(lang);
        let title = checks.field("title", Title::parse(&self.title), "error-title");
        let year = self.year.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
        let year = checks.field("year", year, "error-year");
        checks.finish(title.zip(year).map(|(title, year)| TrackFields { title, year }))
    }
}

/// The topic form.
#[derive(Debug, Default, Deserialize)]
pub struct TopicInput {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Description.
    #[serde(default)]
    pub description: String,
    /// "on" when the topic's workshops have the same people.
    pub same_people: Option<String>,
}

impl TopicInput {
    /// A title, a description (which may be empty) and whether the workshops share people.
    pub fn parse(&self, lang: Lang) -> Result<TopicFields, Vec<FieldError>> {
        let mut checks = Checks::new(lang);
        let title = checks.field("title", Title::parse(&self.title), "error-title");
        let description =
            checks.field("description", LongText::parse(&self.description), "error-text");
        let same_people = self.same_people.is_some();
        checks.finish(title.zip(description).map(|(title, description)| TopicFields {
            title,
            description,
            same_people,
        }))
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

impl WorkshopInput {
    /// The workshop's own fields; its translations are parsed with [`parse_translations`].
    pub fn parse(&self, lang: Lang) -> Result<WorkshopFields, Vec<FieldError>> {
        let mut checks = Checks::new(lang);
        let title = checks.field("title", Title::parse(&self.title), "error-title");
        let intro = checks.field("intro", LongText::parse(&self.intro), "error-text");
        let date = self.date.trim();
        let starts_at = if date.is_empty() {
            Some(None)
        } else {
            let time =
                NaiveTime::parse_from_str(self.time.trim(), "%H:%M").unwrap_or(NaiveTime::MIN);
            NaiveDate::parse_from_str(date, "%Y-%m-%d").ok().map(|d| Some(d.and_time(time)))
        };
        let starts_at = checks.field("date", starts_at, "error-date");
        let location = if self.location.trim().is_empty() {
            Some(None)
        } else {
            Title::parse(&self.location).map(Some)
        };
        let location = checks.field("location", location, "error-title");
        let retention = self.retention_days.trim();
        let retention_days = if retention.is_empty() {
            Some(90)
        } else {
            retention.parse::<i32>().ok().filter(|d| (1..=3650).contains(d))
        };
        let retention_days = checks.field("retention_days", retention_days, "error-retention");
        checks.finish((|| {
            Some(WorkshopFields {
                title: title?,
                intro: intro?,
                starts_at: starts_at?,
                location: location?,
                retention_days: retention_days?,
            })
        })())
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
    /// The five words of a scale, one per line (used when the kind is a scale).
    #[serde(default)]
    pub scale_words: String,
    /// Checkbox.
    pub allow_other: Option<String>,
    /// Checkbox.
    pub required: Option<String>,
    /// Every other field of the form: the translations (`prompt_en`, `options_en`, see
    /// [`translated_name`]) and the CSRF token.
    #[serde(flatten)]
    pub translated: HashMap<String, String>,
}

impl QuestionInput {
    /// The kind asked for; `None` for a kind no form of ours sends.
    pub fn kind(&self) -> Option<QuestionKind> {
        QuestionKind::parse(&self.kind)
    }

    /// The options the Danish field will have: for choice kinds, one per line, keeping the
    /// keys of `existing` labels; for a scale its own five words (none: the defaults).
    pub fn options(&self, existing: &[ChoiceOption]) -> ChoiceOptions {
        match self.kind() {
            Some(kind) if kind.has_options() => options_from_lines(&self.options, existing),
            Some(QuestionKind::Scale) => self.scale_options().unwrap_or_default(),
            _ => ChoiceOptions::default(),
        }
    }

    /// The typed scale words as stored; `None` when they are not five (or blank).
    fn scale_options(&self) -> Option<ChoiceOptions> {
        scale_words_from_lines(&self.scale_words, &default_scale_words(Lang::Da))
    }

    /// What the translation fields translate: the Danish options, or a scale's five words
    /// (its own or the defaults), so the defaults can be translated too.
    fn translatable_options(&self, existing: &[ChoiceOption]) -> Vec<ChoiceOption> {
        if self.kind() != Some(QuestionKind::Scale) {
            return self.options(existing).0;
        }
        let own = self.scale_options().unwrap_or_default();
        let words = default_scale_words(Lang::Da);
        let words: [String; 5] = std::array::from_fn(|i| {
            own.get(i).map_or_else(|| words[i].clone(), |o| o.label.clone())
        });
        scale_points(&words)
    }

    /// The question's own fields; `existing` keeps the keys of options that stay.
    pub fn parse(
        &self, lang: Lang, existing: &[ChoiceOption],
    ) -> Result<QuestionFields, Vec<FieldError>> {
        let mut checks = Checks::new(lang);
        let kind = checks.field("kind", self.kind(), "error-kind");
        let prompt =
            checks.field("prompt", PromptText::parse_non_empty(&self.prompt), "error-prompt");
        let help_text = checks.field("help_text", HelpText::parse(&self.help_text), "error-text");
        let easy = checks.field(
            "easy_read_prompt",
            PromptText::parse(&self.easy_read_prompt),
            "error-text",
        );
        let options = self.options(existing);
        let enough = !kind.is_some_and(QuestionKind::has_options) || options.len() >= 2;
        checks.field("options", enough.then_some(()), "error-options");
        let scale_ok = kind != Some(QuestionKind::Scale) || self.scale_options().is_some();
        checks.field("scale_words", scale_ok.then_some(()), "error-scale-words");
        checks.finish((|| {
            let kind = kind?;
            Some(QuestionFields {
                kind,
                prompt: prompt?,
                help_text: help_text?,
                easy_read_prompt: easy?.non_empty(),
                options,
                allow_other: kind.has_options() && self.allow_other.is_some(),
                required: self.required.is_some(),
            })
        })())
    }

    /// The translations of this form, matched to the options the Danish field will have (or
    /// a scale's five words).
    pub fn translations(
        &self, lang: Lang, existing: &[ChoiceOption],
    ) -> Result<Typed, Vec<FieldError>> {
        let options = self.translatable_options(existing);
        parse_translations(lang, &self.translated, &TextField::QUESTION, &options)
    }
}

/// What a form's translation fieldsets hold: per language, every translatable text ("" for
/// none).
pub type Typed = Vec<(Lang, Vec<TranslatedText>)>;

/// Both results, or the errors of both.
pub fn both<A, B>(
    a: Result<A, Vec<FieldError>>, b: Result<B, Vec<FieldError>>,
) -> Result<(A, B), Vec<FieldError>> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut errors = a.err().unwrap_or_default();
            errors.extend(b.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// The translated option labels typed one per line, in the order of the Danish `options`
/// (a blank line leaves that option in Danish), as stored: a JSON object option key → label.
/// None when there are more lines than options or a label is too long or has control
/// characters. A question without options ignores the field, as the Danish form does.
fn translated_options(raw: &str, options: &[ChoiceOption]) -> Option<String> {
    if options.is_empty() {
        return Some(String::new());
    }
    let mut lines: Vec<String> = raw.lines().map(crate::text::clean_typed).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if lines.len() > options.len() {
        return None;
    }
    let mut labels = BTreeMap::new();
    for (option, line) in options.iter().zip(lines) {
        if line.chars().count() > 200 || line.chars().any(char::is_control) {
            return None;
        }
        labels.insert(option.key.clone(), line);
    }
    Some(options_translation(&labels))
}

/// One translated text, checked with the limits of its Danish field; "" removes it.
fn translated_text(field: TextField, raw: &str, options: &[ChoiceOption]) -> Option<String> {
    match field {
        TextField::Title if raw.trim().is_empty() => Some(String::new()),
        TextField::Title => Title::parse(raw).map(Title::into_string),
        TextField::Intro => LongText::parse(raw).map(Text::into_string),
        TextField::Prompt | TextField::EasyReadPrompt => {
            PromptText::parse(raw).map(Text::into_string)
        }
        TextField::HelpText => HelpText::parse(raw).map(Text::into_string),
        TextField::Options => translated_options(raw, options),
    }
}

/// Checks the translations of `fields` in every language with the Danish fields' limits. All
/// are optional; an empty field removes its translation.
pub fn parse_translations(
    lang: Lang, input: &HashMap<String, String>, fields: &[TextField], options: &[ChoiceOption],
) -> Result<Typed, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut typed = Vec::new();
    for text_lang in translation_langs() {
        let mut texts = Vec::new();
        for &field in fields {
            let name = translated_name(field, text_lang);
            let raw = input.get(name).map(String::as_str).unwrap_or("");
            match translated_text(field, raw, options) {
                Some(text) => texts.push(TranslatedText { field, text }),
                None => {
                    let key = match field {
                        TextField::Title => "error-title",
                        TextField::Options => "error-translation-options",
                        _ => "error-text",
                    };
                    let legend = translation_legend(lang, text_lang);
                    errors.push(FieldError::new(name, format!("{legend}: {}", lang.t(key))));
                }
            }
        }
        typed.push((text_lang, texts));
    }
    if errors.is_empty() {
        Ok(typed)
    } else {
        Err(errors)
    }
}
