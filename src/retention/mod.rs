//! Retention: when a closed workshop's retention period ends, what identifies a person goes,
//! and what was found stays. The individual answers, the participants (with their withdrawal
//! codes) and the quotes never approved are deleted; the workshop's findings (theme, people and
//! statement counts, closed-question tallies), its approved quotes with the themes they stood
//! under, the key points, and what the room said of them in member checks and votes (as counts)
//! are kept, so a report exported after reads as before, plus a line saying when the answers
//! were deleted.
//!
//! Uses the other features only through what they re-export.

use chrono::NaiveDateTime;

use crate::audit::{self, Action};
use crate::db::{write_transaction, DbConnection, WorkshopId};
use crate::error::AppError;
use crate::survey;

/// Deletes the individual answers of every workshop whose retention period has passed at
/// `now`, each in its own transaction with its audit record. Returns the workshops done.
pub fn delete_expired_answers(
    conn: &mut DbConnection, now: NaiveDateTime,
) -> Result<Vec<WorkshopId>, AppError> {
    let due: Vec<WorkshopId> = survey::closed_workshops(conn)?
        .into_iter()
        .filter(|w| w.answers_deleted_on().is_some_and(|at| at <= now))
        .map(|w| w.id)
        .collect();
    for id in &due {
        delete_answers(conn, id, now)?;
    }
    Ok(due)
}

/// Keeps a workshop's findings and approved quotes, then deletes its individual answers.
pub fn delete_answers(
    conn: &mut DbConnection, workshop: &WorkshopId, now: NaiveDateTime,
) -> Result<(), AppError> {
    write_transaction(conn, |conn| {
        let findings = crate::export::workshop_findings(conn, workshop)?;
        crate::export::keep_findings(conn, workshop, &findings)?;
        crate::themes::keep_approved_quotes(conn, workshop)?;
        crate::room::keep_round_counts(conn, workshop)?;
        let people = crate::participant::delete_everyone(conn, workshop)?;
        let attendance = i32::try_from(findings.people_with_answers).unwrap_or(i32::MAX);
        survey::mark_answers_deleted(conn, workshop, now, attendance)?;
        let detail = format!("{people} participant(s)");
        audit::record(conn, None, Action::AnswersDeleted, workshop.as_str(), &detail)?;
        Ok(())
    })
}
