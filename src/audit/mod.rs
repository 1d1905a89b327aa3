//! The audit trail: who did what, to what, when. A change and its records are written in one
//! write transaction ([`change`]), so neither exists without the other; no record ever holds
//! answer text. Admins read the trail at `/admin/audit` as sentences in plain words
//! (`words`), filtered and paged in the database, and download it as CSV; events older than
//! the retention period are purged every hour ([`purge`]).

mod csv;
pub mod domain;
mod read;
pub mod routes;
pub mod store;
mod views;
mod words;

use chrono::{Months, NaiveDateTime};

use crate::db::{Db, DbConnection, UserId};
use crate::error::AppError;

pub use domain::{Filter, Group, Person};
pub use store::{record, AuditEvent};

crate::text_enum! {
    /// What was done. The stored name reads `thing.verb`.
    pub enum Action {
        Login = "auth.login", Logout = "auth.logout", Activate = "auth.activate",
        UserInvite = "user.invite", UserReinvite = "user.reinvite", UserRole = "user.role",
        UserDisable = "user.disable", UserEnable = "user.enable",
        UserAddCli = "user.add.cli",
        TrackCreate = "track.create", TrackUpdate = "track.update", TopicCreate = "topic.create",
        TopicUpdate = "topic.update",
        WorkshopCreate = "workshop.create", WorkshopUpdate = "workshop.update",
        WorkshopStatus = "workshop.status", WorkshopTranslate = "workshop.translate",
        QuestionCreate = "question.create", QuestionUpdate = "question.update", QuestionMove = "question.move",
        QuestionDelete = "question.delete", QuestionTranslate = "question.translate",
        AnswersAssist = "answers.assist", AnswersPaste = "answers.paste",
        AnswerCorrect = "answer.correct", AnswerDelete = "answer.delete",
        ThemeCreate = "theme.create", ThemeRename = "theme.rename", ThemeMove = "theme.move",
        ThemeDelete = "theme.delete", ThemeMerge = "theme.merge", ThemeAssign = "theme.assign",
        BoardUndo = "board.undo",
        KeyPointCreate = "key_point.create", KeyPointUpdate = "key_point.update",
        KeyPointMove = "key_point.move", KeyPointDelete = "key_point.delete",
        QuoteCreate = "quote.create", QuoteUpdate = "quote.update",
        QuoteApprove = "quote.approve", QuoteUnapprove = "quote.unapprove", QuoteDelete = "quote.delete",
        SuggestionAccept = "suggestion.accept", SuggestionReject = "suggestion.reject",
        Export = "export", MailSent = "mail.sent", MailFailed = "mail.failed",
        DemoLoad = "demo.load",
        AnswersDeleted = "answers.deleted", RetentionExtend = "workshop.retention",
        WorkshopAttendance = "workshop.attendance",
        WallLink = "wall.link", WallRevoke = "wall.revoke", WallSettings = "wall.settings",
        WallTimer = "wall.timer", WallCard = "wall.card",
        RoundOpen = "round.open", RoundClose = "round.close", RoundHands = "round.hands",
        AnswersRead = "answers.read", SettingsChange = "settings.change", MailTest = "mail.test",
        PasswordResetAsk = "auth.reset.ask", PasswordReset = "auth.reset",
        SecondFactorEnable = "auth.2fa.enable", SecondFactorReset = "auth.2fa.reset",
        RecoveryCodeUsed = "auth.2fa.recovery", RecoveryCodesNew = "auth.2fa.codes",
        AuditExport = "audit.export",
    }
}

/// The records a change leaves; written after it, in the same transaction.
#[derive(Debug, Default)]
pub struct Trail {
    events: Vec<(Action, String, String)>,
}

impl Trail {
    /// Notes that `action` was done to `subject` (an id or a name), with a short `detail`.
    pub fn record(&mut self, action: Action, subject: impl ToString, detail: impl Into<String>) {
        self.events.push((action, subject.to_string(), detail.into()));
    }
}

/// Runs `f` as `by` in one write transaction, then writes the records `f` left in its
/// [`Trail`]: the change and its audit records are stored together or not at all.
pub async fn change<T, F>(db: &Db, by: &UserId, f: F) -> Result<T, AppError>
where
    F: FnOnce(&mut DbConnection, &mut Trail) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let by = by.clone();
    db.write(move |conn| {
        let mut trail = Trail::default();
        let value = f(conn, &mut trail)?;
        for (action, subject, detail) in &trail.events {
            record(conn, Some(&by), *action, subject, detail)?;
        }
        Ok::<_, AppError>(value)
    })
    .await
}

/// A detail that names things, as a JSON object (`{"from":"Ensomhed","into":"Fællesskab"}`):
/// the trail can then say in words what was done even after the things are renamed or
/// deleted. Names only, never answer text.
pub fn names(pairs: &[(&str, &str)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(key, value)| ((*key).to_owned(), serde_json::Value::String((*value).to_owned())))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// Notes that `by` read individual answers of `subject` (a workshop or a topic): once per view
/// of a page that shows them, after it was found, so an admin can see who saw what.
pub async fn answers_read(db: &Db, by: &UserId, subject: impl ToString) -> Result<(), AppError> {
    let (by, subject) = (by.clone(), subject.to_string());
    db.write(move |conn| record(conn, Some(&by), Action::AnswersRead, &subject, "")).await
}

/// Deletes the events older than `months` before `now`; the number deleted. The hourly purge
/// of `serve` calls it, so the trail keeps no more than it promises.
pub fn purge(
    conn: &mut DbConnection, months: u32, now: NaiveDateTime,
) -> diesel::QueryResult<usize> {
    let cutoff = now.checked_sub_months(Months::new(months)).unwrap_or(NaiveDateTime::MIN);
    store::delete_older_than(conn, cutoff)
}
