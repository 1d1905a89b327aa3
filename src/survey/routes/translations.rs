//! The translation fieldsets of the workshop and question forms: saving what was typed and
//! showing what is stored. Both run inside the handler's database closure.

use std::collections::HashMap;

use crate::audit::{Action, Trail};
use crate::db::{DbConnection, WorkshopId};
use crate::survey::domain::ChoiceOption;
use crate::survey::forms::Typed;
use crate::survey::store::{self, TextField, Translations};
use crate::survey::views::{translated_name, translation_langs};

/// Saves typed translations of `subject` (a workshop, or a question of `workshop`), with one
/// audit record per language that changed.
pub(super) fn save(
    conn: &mut DbConnection, trail: &mut Trail, (workshop, subject): (&WorkshopId, &str),
    action: Action, typed: &Typed,
) -> diesel::QueryResult<()> {
    for (text_lang, texts) in typed {
        if store::save_translations(conn, workshop, subject, *text_lang, texts)? {
            trail.record(action, subject, text_lang.code());
        }
    }
    Ok(())
}

/// The stored translations of a workshop or question as form values (`prompt_en` …); option
/// labels one per line in the order of the Danish `options`.
pub(super) fn as_input(
    conn: &mut DbConnection, subject: &str, fields: &[TextField], options: &[ChoiceOption],
) -> diesel::QueryResult<HashMap<String, String>> {
    let mut values = HashMap::new();
    for text_lang in translation_langs() {
        let tr: Translations = store::load_translations(conn, &[subject], text_lang)?;
        for &field in fields {
            let value = if field == TextField::Options {
                let mut lines: Vec<&str> =
                    options.iter().map(|o| tr.option(subject, &o.key).unwrap_or("")).collect();
                while lines.last().is_some_and(|l| l.is_empty()) {
                    lines.pop();
                }
                lines.join("\n")
            } else {
                tr.get(subject, field).unwrap_or("").to_owned()
            };
            values.insert(translated_name(field, text_lang).to_owned(), value);
        }
    }
    Ok(values)
}
