//! Translations of the survey's own texts (workshop titles and intros, questions, help,
//! options) into the other interface languages. Danish is the base text, kept in the
//! workshop and question rows; a page in another language shows each text translated where
//! it can and in Danish (marked `lang="da"`) where it cannot.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;

use super::{Question, Workshop};
use crate::db::schema::translations;
use crate::db::{now, DbConnection, WorkshopId};
use crate::i18n::Lang;
use crate::survey::domain::{ChoiceOption, QuestionKind, SCALE_KEYS};

// ---- translations ---------------------------------------------------------------------------

crate::text_enum! {
    /// A text of the survey that can be translated: a workshop's title and start-page text, a
    /// question, its help, its easy-read version, and its option labels (stored as a JSON
    /// object option key → label). The Danish text lives in the base columns; other languages
    /// in `translations`, one row per subject, language and field. The stored name is also
    /// the stem of the form field: `prompt_en`.
    pub enum TextField {
        Title = "title", Intro = "intro",
        Prompt = "prompt", HelpText = "help_text", EasyReadPrompt = "easy_read_prompt",
        Options = "options",
    }
}

impl TextField {
    /// The translatable texts of a workshop.
    pub const WORKSHOP: [TextField; 2] = [TextField::Title, TextField::Intro];
    /// The translatable texts of a question.
    pub const QUESTION: [TextField; 4] =
        [TextField::Prompt, TextField::HelpText, TextField::EasyReadPrompt, TextField::Options];
}

/// The translations of some workshops and questions into one language. Danish is the base
/// language: for it this is always empty and every text is the base text.
#[derive(Debug, Clone)]
pub struct Translations {
    lang: Lang,
    /// (subject id, field) → text; never empty, never [`TextField::Options`].
    texts: HashMap<(String, TextField), String>,
    /// Question id → option key → label; labels never empty.
    options: HashMap<String, BTreeMap<String, String>>,
}

impl Translations {
    /// No translations: every text shows in Danish.
    pub fn none(lang: Lang) -> Translations {
        Translations { lang, texts: HashMap::new(), options: HashMap::new() }
    }

    /// The language these are in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The translated text, if there is one.
    pub fn get(&self, subject_id: &str, field: TextField) -> Option<&str> {
        self.texts.get(&(subject_id.to_owned(), field)).map(String::as_str)
    }

    /// The translated label of one option, if there is one.
    pub fn option(&self, question_id: &str, key: &str) -> Option<&str> {
        self.options.get(question_id).and_then(|o| o.get(key)).map(String::as_str)
    }

    /// The translated option labels of a question (option key → label).
    pub fn options_of(&self, question_id: &str) -> Option<&BTreeMap<String, String>> {
        self.options.get(question_id)
    }

    /// `Some("da")` when a text shows in Danish on a page in another language (it fell
    /// back), so the element can carry `lang="da"` and be read aloud in Danish (WCAG 3.1.2).
    pub fn fallback_lang(&self, subject_id: &str, field: TextField) -> Option<&'static str> {
        (self.lang != Lang::Da && self.get(subject_id, field).is_none()).then_some(Lang::Da.code())
    }

    /// Like [`Translations::fallback_lang`], for one option label.
    pub fn option_fallback_lang(&self, question_id: &str, key: &str) -> Option<&'static str> {
        (self.lang != Lang::Da && self.option(question_id, key).is_none())
            .then_some(Lang::Da.code())
    }

    fn insert(&mut self, subject_id: String, field: TextField, text: String) {
        if text.trim().is_empty() {
            return;
        }
        if field == TextField::Options {
            let labels: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_default();
            let labels: BTreeMap<String, String> =
                labels.into_iter().filter(|(_, label)| !label.trim().is_empty()).collect();
            if !labels.is_empty() {
                self.options.insert(subject_id, labels);
            }
        } else {
            self.texts.insert((subject_id, field), text);
        }
    }
}

impl Workshop {
    /// The workshop with its texts in the language of `tr`, each in Danish where it has no
    /// translation.
    pub fn localized(&self, tr: &Translations) -> Workshop {
        let mut w = self.clone();
        if let Some(t) = tr.get(self.id.as_str(), TextField::Title) {
            w.title = t.to_owned();
        }
        if let Some(t) = tr.get(self.id.as_str(), TextField::Intro) {
            w.intro = t.to_owned();
        }
        w
    }
}

impl Question {
    /// The question with its texts and option labels in the language of `tr`, each in Danish
    /// where it has no translation. Option keys stay, so answers mean the same in every
    /// language.
    pub fn localized(&self, tr: &Translations) -> Question {
        let (mut q, id) = (self.clone(), self.id.as_str());
        if let Some(t) = tr.get(id, TextField::Prompt) {
            q.prompt = t.to_owned();
        }
        if let Some(t) = tr.get(id, TextField::HelpText) {
            q.help_text = t.to_owned();
        }
        if let Some(t) = tr.get(id, TextField::EasyReadPrompt) {
            q.easy_read_prompt = Some(t.to_owned());
        }
        if tr.options_of(id).is_some() {
            for o in &mut q.options.0 {
                if let Some(label) = tr.option(id, &o.key) {
                    o.label = label.to_owned();
                }
            }
            // A scale with the default words has no options of its own; its translated words
            // become its words in this language (the other points keep this language's
            // defaults).
            if q.kind == QuestionKind::Scale {
                for key in SCALE_KEYS {
                    if let (Some(label), None) = (tr.option(id, key), q.own_scale_word(key)) {
                        q.options
                            .0
                            .push(ChoiceOption { key: key.to_owned(), label: label.to_owned() });
                    }
                }
            }
        }
        q
    }
}

/// The translations of `subject_ids` (workshops and questions) into `lang`, in one query.
/// Danish is the base language: nothing to load.
pub fn load_translations(
    conn: &mut DbConnection, subject_ids: &[&str], lang: Lang,
) -> QueryResult<Translations> {
    let mut tr = Translations::none(lang);
    if lang == Lang::Da || subject_ids.is_empty() {
        return Ok(tr);
    }
    let rows: Vec<(String, TextField, String)> = translations::table
        .filter(translations::lang.eq(lang.code()))
        .filter(translations::subject_id.eq_any(subject_ids))
        .select((translations::subject_id, translations::field, translations::text))
        .load(conn)?;
    for (subject, field, text) in rows {
        tr.insert(subject, field, text);
    }
    Ok(tr)
}

/// A workshop with its questions, localized for a page in `lang` (one query for the
/// translations; none for Danish).
pub fn localized_survey(
    conn: &mut DbConnection, workshop: &Workshop, questions: &[Question], lang: Lang,
) -> QueryResult<(Workshop, Vec<Question>, Translations)> {
    let ids: Vec<&str> = std::iter::once(workshop.id.as_str())
        .chain(questions.iter().map(|q| q.id.as_str()))
        .collect();
    let tr = load_translations(conn, &ids, lang)?;
    let questions = questions.iter().map(|q| q.localized(&tr)).collect();
    Ok((workshop.localized(&tr), questions, tr))
}

/// One translated text to save; an empty text means "no translation".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslatedText {
    /// Which text.
    pub field: TextField,
    /// The translation; for [`TextField::Options`] a JSON object option key → label.
    pub text: String,
}

/// The translated options of a question as stored: a JSON object option key → label, only
/// the non-empty labels; "" when none is translated.
pub fn options_translation(labels: &BTreeMap<String, String>) -> String {
    let labels: BTreeMap<&String, &String> =
        labels.iter().filter(|(_, l)| !l.trim().is_empty()).collect();
    if labels.is_empty() {
        String::new()
    } else {
        serde_json::to_string(&labels).unwrap_or_default()
    }
}

/// Saves the translations of one workshop or question into `lang` (delete + insert, inside
/// the caller's write transaction): an empty text removes the translation. Returns whether
/// anything changed, for the audit log.
pub fn save_translations(
    conn: &mut DbConnection, workshop_id: &WorkshopId, subject_id: &str, lang: Lang,
    texts: &[TranslatedText],
) -> QueryResult<bool> {
    if lang == Lang::Da {
        // Danish is the base text, kept in the workshop and question rows.
        return Ok(false);
    }
    let at = now();
    let mut changed = false;
    for t in texts {
        let row = translations::table.find((subject_id, lang.code(), t.field));
        let before: Option<String> = row.select(translations::text).first(conn).optional()?;
        let text = t.text.trim();
        if before.as_deref().unwrap_or("") == text {
            continue;
        }
        changed = true;
        diesel::delete(row).execute(conn)?;
        if !text.is_empty() {
            diesel::insert_into(translations::table)
                .values((
                    translations::subject_id.eq(subject_id),
                    translations::workshop_id.eq(workshop_id),
                    translations::lang.eq(lang.code()),
                    translations::field.eq(t.field),
                    translations::text.eq(text),
                    translations::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
    }
    Ok(changed)
}

/// Deletes every translation of a workshop or question.
pub fn delete_translations(conn: &mut DbConnection, subject_id: &str) -> QueryResult<usize> {
    diesel::delete(translations::table.filter(translations::subject_id.eq(subject_id)))
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{QuestionId, WorkshopId};

    fn question() -> Question {
        Question {
            id: QuestionId::parse("q1").expect("id"),
            workshop_id: WorkshopId::parse("w1").expect("id"),
            position: 1,
            kind: QuestionKind::SingleChoice,
            prompt: "Hvor bor du?".into(),
            help_text: "Vælg én.".into(),
            easy_read_prompt: None,
            options: serde_json::from_str(
                r#"[{"key":"o1","label":"Egen bolig"},{"key":"o2","label":"Herberg"}]"#,
            )
            .expect("options"),
            allow_other: false,
            required: false,
        }
    }

    #[test]
    fn translations_replace_texts_and_danish_fills_the_gaps() {
        let mut tr = Translations::none(Lang::En);
        tr.insert("q1".into(), TextField::Prompt, "Where do you live?".into());
        tr.insert("q1".into(), TextField::HelpText, "".into());
        tr.insert("q1".into(), TextField::Options, r#"{"o2":"Shelter","o9":"Gone"}"#.into());
        let q = question().localized(&tr);
        assert_eq!(q.prompt, "Where do you live?");
        assert_eq!(q.help_text, "Vælg én.", "an empty translation is none");
        let labels: Vec<(String, String)> =
            q.options().iter().map(|o| (o.key.clone(), o.label.clone())).collect();
        assert_eq!(labels, [("o1".into(), "Egen bolig".into()), ("o2".into(), "Shelter".into())]);
        assert_eq!(tr.fallback_lang("q1", TextField::Prompt), None);
        assert_eq!(tr.fallback_lang("q1", TextField::HelpText), Some("da"));
        assert_eq!(tr.option_fallback_lang("q1", "o1"), Some("da"));
        assert_eq!(tr.option_fallback_lang("q1", "o2"), None);

        // On a Danish page nothing falls back: Danish is the text itself.
        let da = Translations::none(Lang::Da);
        assert_eq!(da.fallback_lang("q1", TextField::Prompt), None);
        assert_eq!(question().localized(&da).prompt, "Hvor bor du?");
    }

    #[test]
    fn scale_words_come_from_the_question_its_translation_or_the_defaults() {
        let defaults =
            Question { kind: QuestionKind::Scale, options: Default::default(), ..question() };
        assert_eq!(defaults.scale_words(Lang::Da)[0], "Meget dårligt");
        assert_eq!(defaults.scale_words(Lang::En)[4], "Very good");
        let mut tr = Translations::none(Lang::En);
        tr.insert("q1".into(), TextField::Options, r#"{"1":"Not important at all"}"#.into());
        let en = defaults.localized(&tr).scale_words(Lang::En);
        assert_eq!([en[0].as_str(), en[1].as_str()], ["Not important at all", "Bad"]);
        let own = Question {
            options: serde_json::from_str(
                r#"[{"key":"1","label":"Slet ikke vigtigt"},{"key":"2","label":"Lidt vigtigt"},
                    {"key":"3","label":"Noget vigtigt"},{"key":"4","label":"Vigtigt"},
                    {"key":"5","label":"Meget vigtigt"}]"#,
            )
            .expect("options"),
            ..defaults.clone()
        };
        let en = own.localized(&tr).scale_words(Lang::En);
        assert_eq!(
            [en[0].as_str(), en[4].as_str()],
            ["Not important at all", "Meget vigtigt"],
            "an untranslated own word stays Danish"
        );
        assert_eq!(own.translatable_options().len(), 5);
        assert_eq!(defaults.translatable_options()[2].label, "Hverken godt eller dårligt");
    }

    #[test]
    fn option_translations_keep_only_labels() {
        let mut labels = BTreeMap::new();
        assert_eq!(options_translation(&labels), "");
        labels.insert("o1".to_owned(), " ".to_owned());
        assert_eq!(options_translation(&labels), "");
        labels.insert("o2".to_owned(), "Shelter".to_owned());
        assert_eq!(options_translation(&labels), r#"{"o2":"Shelter"}"#);
    }
}
