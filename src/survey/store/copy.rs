//! "Kopiér workshop": a workshop's questions, their translations and its settings in a new
//! draft workshop of the same topic. Four workshops on one theme used to mean typing the
//! questions four times.

use std::collections::HashMap;

use diesel::prelude::*;

use super::workshops::{create_workshop, find_workshop, WorkshopFields};
use crate::db::schema::{questions, translations};
use crate::db::{now, DbConnection, QuestionId, WorkshopId};
use crate::error::AppError;
use crate::text::{LongText, Title};

/// One question row as it is copied: everything but its id, workshop and times.
type QuestionRow = (QuestionId, i32, String, String, String, Option<String>, String, bool, bool);

/// The title of a copy: "Kopi af …", shortened to fit a title.
pub fn copy_title(of: &str) -> Option<Title> {
    let prefixed = format!("Kopi af {of}");
    let fitted: String = prefixed.chars().take(Title::MAX).collect();
    Title::parse(&fitted).or_else(|| Title::parse(of))
}

/// Copies workshop `id` into a new draft of the same topic (new id and join code, no date, no
/// answers, no participants) with its questions in order and every translation of its texts.
/// 404 when there is no such workshop.
pub fn copy_workshop(conn: &mut DbConnection, id: &WorkshopId) -> Result<WorkshopId, AppError> {
    let source = find_workshop(conn, id)?.ok_or(AppError::NotFound)?;
    let fields = WorkshopFields {
        title: copy_title(&source.title).ok_or(AppError::BadRequest("title"))?,
        intro: LongText::parse(&source.intro).ok_or(AppError::BadRequest("intro"))?,
        starts_at: None,
        location: Title::parse(&source.location),
        retention_days: source.retention_days,
    };
    let copy = create_workshop(conn, &source.topic_id, &fields)?;
    let rows: Vec<QuestionRow> = questions::table
        .filter(questions::workshop_id.eq(id))
        .order(questions::position)
        .select((
            questions::id,
            questions::position,
            questions::kind,
            questions::prompt,
            questions::help_text,
            questions::easy_read_prompt,
            questions::options,
            questions::allow_other,
            questions::required,
        ))
        .load(conn)?;
    let mut new_ids: HashMap<String, String> = HashMap::new();
    new_ids.insert(id.to_string(), copy.to_string());
    let at = now();
    for (old, position, kind, prompt, help, easy, options, other, required) in rows {
        let new = QuestionId::generate();
        diesel::insert_into(questions::table)
            .values((
                questions::id.eq(&new),
                questions::workshop_id.eq(&copy),
                questions::position.eq(position),
                questions::kind.eq(kind),
                questions::prompt.eq(prompt),
                questions::help_text.eq(help),
                questions::easy_read_prompt.eq(easy),
                questions::options.eq(options),
                questions::allow_other.eq(other),
                questions::required.eq(required),
                questions::created_at.eq(at),
                questions::updated_at.eq(at),
            ))
            .execute(conn)?;
        new_ids.insert(old.to_string(), new.to_string());
    }
    let texts: Vec<(String, String, String, String)> = translations::table
        .filter(translations::workshop_id.eq(id))
        .select((
            translations::subject_id,
            translations::lang,
            translations::field,
            translations::text,
        ))
        .load(conn)?;
    for (subject, lang, field, text) in texts {
        // The workshop's own title is a new one ("Kopi af …"): its translation is left for
        // the facilitator to write, rather than a translation of the old title.
        if subject == id.as_str() && field == "title" {
            continue;
        }
        let Some(new_subject) = new_ids.get(&subject) else { continue };
        diesel::insert_into(translations::table)
            .values((
                translations::subject_id.eq(new_subject),
                translations::workshop_id.eq(&copy),
                translations::lang.eq(lang),
                translations::field.eq(field),
                translations::text.eq(text),
                translations::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(copy)
}
