//! The audit trail: who did what, to what, when. A change and its records are written in one
//! write transaction ([`change`]), so neither exists without the other; no record ever holds
//! answer text. Admins read the trail at `/admin/audit`.

pub mod routes;
pub mod store;
mod views;

use crate::db::{Db, DbConnection, UserId};
use crate::error::AppError;

pub use store::{record, AuditEvent};

crate::text_enum! {
    /// What was done. The stored name reads `thing.verb`.
    pub enum Action {
        /// Signed in.
        Login = "auth.login",
        /// Signed out.
        Logout = "auth.logout",
        /// Chose a password from a set-up or invitation link.
        Activate = "auth.activate",
        /// An admin invited a user.
        UserInvite = "user.invite",
        /// An admin made a new link for an invited user.
        UserReinvite = "user.reinvite",
        /// An admin changed a role.
        UserRole = "user.role",
        /// An admin disabled an account.
        UserDisable = "user.disable",
        /// An admin enabled an account.
        UserEnable = "user.enable",
        /// An operator added an account on the command line.
        UserAddCli = "user.add.cli",
        /// A track was made.
        TrackCreate = "track.create",
        /// A track was changed.
        TrackUpdate = "track.update",
        /// A topic was made.
        TopicCreate = "topic.create",
        /// A topic was changed.
        TopicUpdate = "topic.update",
        /// A workshop was made.
        WorkshopCreate = "workshop.create",
        /// A workshop was changed.
        WorkshopUpdate = "workshop.update",
        /// A workshop changed status.
        WorkshopStatus = "workshop.status",
        /// A workshop's texts were translated.
        WorkshopTranslate = "workshop.translate",
        /// A question was added.
        QuestionCreate = "question.create",
        /// A question was changed.
        QuestionUpdate = "question.update",
        /// A question moved.
        QuestionMove = "question.move",
        /// A question was deleted.
        QuestionDelete = "question.delete",
        /// A question's texts were translated.
        QuestionTranslate = "question.translate",
        /// A facilitator entered someone's answers.
        AnswersAssist = "answers.assist",
        /// Flipchart notes were pasted.
        AnswersPaste = "answers.paste",
        /// A theme was made.
        ThemeCreate = "theme.create",
        /// A theme was renamed or described.
        ThemeRename = "theme.rename",
        /// A theme moved.
        ThemeMove = "theme.move",
        /// A theme was deleted.
        ThemeDelete = "theme.delete",
        /// Two themes became one.
        ThemeMerge = "theme.merge",
        /// Answers were put in or taken out of a theme.
        ThemeAssign = "theme.assign",
        /// A key point was written.
        KeyPointCreate = "key_point.create",
        /// A key point was changed.
        KeyPointUpdate = "key_point.update",
        /// A key point moved.
        KeyPointMove = "key_point.move",
        /// A key point was deleted.
        KeyPointDelete = "key_point.delete",
        /// An answer was proposed as a quote.
        QuoteCreate = "quote.create",
        /// A quote was edited.
        QuoteUpdate = "quote.update",
        /// A quote was approved for the report.
        QuoteApprove = "quote.approve",
        /// A quote's approval was taken back.
        QuoteUnapprove = "quote.unapprove",
        /// A quote was deleted.
        QuoteDelete = "quote.delete",
        /// A suggested theme was accepted.
        SuggestionAccept = "suggestion.accept",
        /// A suggested theme was rejected.
        SuggestionReject = "suggestion.reject",
        /// An export was downloaded or written.
        Export = "export",
        /// An export was mailed.
        MailSent = "mail.sent",
        /// Mailing an export failed.
        MailFailed = "mail.failed",
        /// The demo was loaded.
        DemoLoad = "demo.load",
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
