//! What a page says after a change: the redirect after a POST carries `?done=CODE`, and the
//! page it leads to shows the [`Notice`] of that code. One list for every feature, so a code
//! means one thing everywhere and an unknown code is simply ignored.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse};

use super::layout::see_other;
use crate::error::AppError;
use crate::i18n::Lang;

macro_rules! notices {
    ($($(#[$doc:meta])* $variant:ident = $code:literal => $key:literal,)+) => {
        /// A notice shown after a change.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Notice {
            $($(#[$doc])* $variant,)+
        }

        impl Notice {
            /// The value of `?done=`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Notice::$variant => $code,)+
                }
            }

            /// The notice of a `?done=` value.
            pub fn parse(code: &str) -> Option<Notice> {
                match code {
                    $($code => Some(Notice::$variant),)+
                    _ => None,
                }
            }

            /// The locale key of its message.
            pub fn message_key(self) -> &'static str {
                match self {
                    $(Notice::$variant => $key,)+
                }
            }
        }
    };
}

notices! {
    /// A form was saved.
    Saved = "saved" => "notice-saved",
    /// A workshop opened for answers.
    Opened = "opened" => "notice-opened",
    /// A workshop closed for answers.
    Closed = "closed" => "notice-closed",
    /// A workshop was archived.
    Archived = "archived" => "notice-archived",
    /// A workshop went back to draft.
    Drafted = "drafted" => "notice-drafted",
    /// A workshop cannot go back to draft: it has answers.
    HasAnswers = "has-answers" => "notice-has-answers",
    /// How many took part was saved.
    Attendance = "attendance" => "notice-attendance",
    /// A workshop's answers are kept longer.
    RetentionExtended = "retention" => "notice-retention",
    /// A workshop cannot open: it has no questions.
    NoQuestions = "no-questions" => "notice-no-questions",
    /// A facilitator entered someone's answers.
    Assisted = "assist" => "notice-assist",
    /// Flipchart notes were pasted.
    Pasted = "paste" => "notice-paste",
    /// Answers were put in (or taken out of) a theme.
    Assigned = "assigned" => "board-done-assigned",
    /// A workshop was copied (its copy's page says so).
    Copied = "copied" => "notice-copied",
    /// An entered answer was put right.
    AnswerCorrected = "corrected" => "notice-answer-corrected",
    /// An entered answer was deleted.
    AnswerDeleted = "answer-deleted" => "notice-answer-deleted",
    /// A board change was undone.
    Undone = "undone" => "board-done-undone",
    /// An admin took someone's second factor away.
    SecondFactorReset = "second-factor-reset" => "notice-second-factor-reset",
    /// "Fortryd" on an approval after retention deleted the workshop's answers.
    UndoTooLate = "undo-too-late" => "board-done-undo-too-late",
    /// "Fortryd" a second time.
    AlreadyUndone = "undone-before" => "board-done-undone-before",
    /// One answer was taken out of one theme.
    Unlinked = "unlinked" => "board-done-unlinked",
    /// A theme was made or changed.
    ThemeSaved = "theme" => "board-done-theme",
    /// Two themes became one.
    Merged = "merged" => "board-done-merged",
    /// A theme was deleted.
    ThemeDeleted = "deleted" => "board-done-deleted",
    /// A key point was made or changed.
    KeyPointSaved = "key-point" => "board-done-key-point",
    /// A suggested theme was accepted.
    SuggestionAccepted = "accepted" => "board-done-accepted",
    /// A suggested theme was rejected.
    SuggestionRejected = "rejected" => "board-done-rejected",
    /// A suggested theme was said not to fit a card.
    GuessRejected = "guess-rejected" => "board-done-guess-rejected",
    /// "Put all sure ones in": none was that sure.
    NoGuessSure = "none-sure" => "board-done-none-sure",
    /// A quote was made or changed.
    QuoteSaved = "quote" => "board-done-quote",
    /// Someone else changed it first.
    Conflict = "conflict" => "conflict",
    /// A user's role changed.
    RoleChanged = "role" => "users-done-role",
    /// A user was disabled.
    UserDisabled = "disable" => "users-done-disable",
    /// A user was enabled.
    UserEnabled = "enable" => "users-done-enable",
    /// An export was mailed.
    MailSent = "sent" => "export-mail-sent",
    /// A test mail went out.
    MailTested = "mail-test" => "settings-mail-test-sent",
    /// A shared phone was cleared for the next person.
    PhoneCleared = "cleared" => "clear-done",
}

impl Notice {
    /// The message, in the page's language.
    pub fn message(self, lang: Lang) -> String {
        lang.t(self.message_key())
    }
}

/// The `?done=` of a request: the notice to show, if it names one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Done(pub Option<Notice>);

impl Done {
    /// The message to show, in the page's language.
    pub fn message(self, lang: Lang) -> Option<String> {
        self.0.map(|n| n.message(lang))
    }
}

impl FromRequest for Done {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let notice = url::form_urlencoded::parse(req.query_string().as_bytes())
            .find(|(k, _)| k == "done")
            .and_then(|(_, v)| Notice::parse(&v));
        ready(Ok(Done(notice)))
    }
}

/// `path` with `done=` set to the notice (after `?` or `&`).
pub fn with_notice(path: &str, notice: Notice) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}done={}", notice.code())
}

/// `303 See Other` to `path` with `done=` set to the notice.
pub fn see_other_with(path: &str, notice: Notice) -> HttpResponse {
    see_other(&with_notice(path, notice))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_ones_are_none() {
        for n in [Notice::Saved, Notice::Conflict, Notice::MailSent, Notice::Assisted] {
            assert_eq!(Notice::parse(n.code()), Some(n));
        }
        assert_eq!(Notice::parse("nonsense"), None);
        let res = see_other_with("/a?b=1", Notice::Saved);
        assert_eq!(
            res.headers().get("location").and_then(|v| v.to_str().ok()),
            Some("/a?b=1&done=saved")
        );
    }
}
