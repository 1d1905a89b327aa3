//! [`Visit`]: what every participant page needs, extracted once: the workshop of the code in
//! the URL (counting wrong codes against the guesser), its questions in the page's language,
//! and the visitor's participant record and answers when the participant cookie says they
//! joined.

use std::future::Future;
use std::pin::Pin;

use actix_web::cookie::Cookie;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};

use crate::config::RuntimeSettings;
use crate::db::{Db, QuestionId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::store::{self, Answer, Participant};
use crate::survey::{self, JoinCode, Question, Translations, Workshop, WorkshopStatus};
use crate::throttle::{self, Limit};
use crate::web::client_ip;
use crate::web::layout::see_other;
use crate::web::ui::Display;

/// Wrong codes per client address in a window. Generous: 15 phones behind one workshop Wi-Fi
/// typing a code wrong now and then never reach it, while guessing 10^8 codes stays hopeless.
const JOIN_CLIENT_LIMIT: Limit = Limit { max: 60, window: chrono::Duration::minutes(10) };
/// Wrong codes from everyone together: stops guessing spread over many addresses.
const JOIN_GLOBAL_LIMIT: Limit = Limit { max: 2000, window: chrono::Duration::minutes(10) };

/// The cookie that ties a phone to its participant record (scoped to `/j/{code}`).
pub(super) const PARTICIPANT_COOKIE: &str = "deltag_p";

/// The participant cookie for a workshop's pages. 90 days: people come back days later to
/// change an answer; no timeout on the day.
pub(super) fn participant_cookie(
    settings: &RuntimeSettings, code: &str, token: String,
) -> Cookie<'static> {
    crate::web::cookie(settings, PARTICIPANT_COOKIE.into(), token, format!("/j/{code}"), Some(90))
}

/// Finds the workshop of a code, counting wrong codes against the client and globally.
/// Draft and unknown codes are 404 (and count as wrong); closed ones 410.
pub(super) async fn workshop_for(
    req: &HttpRequest, db: &Db, settings: &RuntimeSettings, code: &str,
) -> Result<Workshop, AppError> {
    let client = throttle::key("join-client", &client_ip(req, settings));
    let code = code.to_owned();
    db.run(move |conn| {
        let blocked = throttle::blocked_for(conn, &client, JOIN_CLIENT_LIMIT)?
            .max(throttle::blocked_for(conn, "join-global", JOIN_GLOBAL_LIMIT)?);
        if let Some(retry_after) = blocked {
            return Err(AppError::TooManyRequests { retry_after });
        }
        let found = match JoinCode::parse(&code) {
            Some(c) => survey::find_workshop_by_code(conn, c.as_str())?,
            None => None,
        };
        match found {
            Some(w) if w.status == WorkshopStatus::Open => Ok(w),
            Some(w) if w.status.is_closed() => Err(AppError::Gone),
            _ => {
                throttle::record_failure(conn, &client, JOIN_CLIENT_LIMIT.window)?;
                throttle::record_failure(conn, "join-global", JOIN_GLOBAL_LIMIT.window)?;
                Err(AppError::NotFound)
            }
        }
    })
    .await
}

/// The workshop, its questions, and the visitor's participant record (if they joined). The
/// workshop and questions are localized: their texts in the page's language, Danish where
/// they have no translation (`translations` tells which, for `lang="da"`).
pub(super) struct Visit {
    /// The page's language.
    pub lang: Lang,
    /// The database.
    pub db: web::Data<Db>,
    pub workshop: Workshop,
    pub questions: Vec<Question>,
    pub translations: Translations,
    /// The participant and their cookie token.
    pub participant: Option<(Participant, String)>,
    pub answers: Vec<Answer>,
    /// Questions in their easy-read version (a display choice, kept in a cookie).
    pub easy_read: bool,
}

impl FromRequest for Visit {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Visit::load(&req).await })
    }
}

impl Visit {
    async fn load(req: &HttpRequest) -> Result<Visit, AppError> {
        let missing = || AppError::Internal(anyhow::anyhow!("app data missing"));
        let db = req.app_data::<web::Data<Db>>().cloned().ok_or_else(missing)?;
        let settings = req.app_data::<web::Data<RuntimeSettings>>().ok_or_else(missing)?;
        let code = req.match_info().get("code").unwrap_or_default();
        let lang = Lang::from_request(req);
        let easy_read = Display::from_request(req).easy_read();
        let workshop = workshop_for(req, &db, settings, code).await?;
        let token = req.cookie(PARTICIPANT_COOKIE).map(|c| c.value().to_owned());
        let handle = db.clone();
        handle
            .run(move |conn| {
                let questions = survey::list_questions(conn, &workshop.id)?;
                let participant = match token {
                    Some(t) => store::find(conn, &workshop.id, &t)?.map(|p| (p, t)),
                    None => None,
                };
                let answers = match &participant {
                    Some((p, _)) => store::answers_of(conn, &p.id)?,
                    None => Vec::new(),
                };
                let (workshop, questions, translations) =
                    survey::localized_survey(conn, &workshop, &questions, lang)?;
                Ok::<_, AppError>(Visit {
                    lang,
                    db,
                    workshop,
                    questions,
                    translations,
                    participant,
                    answers,
                    easy_read,
                })
            })
            .await
    }

    /// The answer to a question, if given.
    pub fn answer_to(&self, question_id: &QuestionId) -> Option<&Answer> {
        self.answers.iter().find(|a| &a.question_id == question_id)
    }

    /// The question at a position.
    pub fn question_at(&self, position: i32) -> Option<&Question> {
        self.questions.iter().find(|q| q.position == position)
    }

    /// The participant has sent their answers (they may still change them).
    pub fn finished(&self) -> bool {
        self.participant.as_ref().is_some_and(|(p, _)| p.finished_at.is_some())
    }

    /// The first question without an answer, or the check page.
    pub fn next_stop(&self) -> String {
        let code = &self.workshop.join_code;
        match self.questions.iter().find(|q| self.answer_to(&q.id).is_none()) {
            Some(q) => format!("/j/{code}/q/{}", q.position),
            None => format!("/j/{code}/check"),
        }
    }

    /// Without a participant cookie, participant pages send people back to the start page.
    pub fn to_start(&self) -> HttpResponse {
        see_other(&format!("/j/{}", self.workshop.join_code))
    }
}
