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
use crate::db::{Db, DbConnection, QuestionId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::store::{self, Answer, Participant};
use crate::survey::{self, JoinCode, Question, Translations, Workshop, WorkshopStatus};
use crate::throttle::{self, Limit, Pacer};
use crate::web::client_ip;
use crate::web::layout::see_other;
use crate::web::ui::Display;

/// Wrong codes per client address in a window before that address's lookups are paced.
/// Generous: 15 phones behind one workshop Wi-Fi typing a code wrong now and then never reach
/// it, and even past it they are slowed (one lookup a second), never refused.
const JOIN_CLIENT_LIMIT: Limit = Limit { max: 60, window: chrono::Duration::minutes(10) };
/// Wrong codes from everyone together: past it, every address that has guessed wrong at all
/// in the window is paced, so spreading a guess over many addresses buys one quick guess each.
const JOIN_GLOBAL_LIMIT: Limit = Limit { max: 2000, window: chrono::Duration::minutes(10) };
/// The global counter's key.
const JOIN_GLOBAL_KEY: &str = "join-global";
/// A paced address looks up one code per second (3,600 an hour against 10^8 codes), and
/// queues at most 30 seconds before being asked to come back.
pub const JOIN_PACE: (std::time::Duration, std::time::Duration) =
    (std::time::Duration::from_secs(1), std::time::Duration::from_secs(30));

/// The cookie that ties a phone to its participant record (scoped to `/j/{code}`).
pub(super) const PARTICIPANT_COOKIE: &str = "deltag_p";

/// The participant cookie for a workshop's pages. 90 days: people come back days later to
/// change an answer; no timeout on the day.
pub(super) fn participant_cookie(
    settings: &RuntimeSettings, code: &str, token: String,
) -> Cookie<'static> {
    crate::web::cookie(settings, PARTICIPANT_COOKIE.into(), token, format!("/j/{code}"), Some(90))
}

/// What a join code leads to, and whether the asking client is to be paced.
pub(super) struct Lookup {
    found: Option<Workshop>,
    /// The visitor's participant record (an open workshop and a matching cookie).
    pub participant: Option<(Participant, String)>,
    paced: bool,
}

/// Looks a code up for the client `client_key` (see [`client_key`]). A draft, unknown or
/// malformed code counts as a wrong guess, against the client and globally. Nothing here
/// refuses anyone: a right code is always found, and a participant who joined is never
/// paced; a client with too many wrong guesses is marked for pacing, right code or wrong.
pub(super) fn lookup(
    conn: &mut DbConnection, client_key: &str, code: &str, token: Option<String>,
) -> Result<Lookup, AppError> {
    lookup_where(conn, client_key, code, token, Writes::Allowed)?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("lookup refused to write")))
}

/// Whether a lookup may record a wrong guess where it runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Writes {
    Allowed,
    /// On a web worker ([`Db::idle_sqlite_connection`]): a lookup that has to count a wrong
    /// guess gives `None` and is run again where a write may wait.
    Refused,
}

fn lookup_where(
    conn: &mut DbConnection, client_key: &str, code: &str, token: Option<String>, writes: Writes,
) -> Result<Option<Lookup>, AppError> {
    let found = match JoinCode::parse(code) {
        Some(c) => survey::find_workshop_by_code(conn, c.as_str())?,
        None => None,
    };
    let participant = match (&found, token) {
        (Some(w), Some(t)) if w.status == WorkshopStatus::Open => {
            store::find(conn, &w.id, &t)?.map(|p| (p, t))
        }
        _ => None,
    };
    if participant.is_some() {
        return Ok(Some(Lookup { found, participant, paced: false }));
    }
    let known =
        found.as_ref().is_some_and(|w| w.status == WorkshopStatus::Open || w.status.is_closed());
    if !known {
        if writes == Writes::Refused {
            return Ok(None);
        }
        throttle::record_failure(conn, client_key, JOIN_CLIENT_LIMIT.window)?;
        throttle::record_failure(conn, JOIN_GLOBAL_KEY, JOIN_GLOBAL_LIMIT.window)?;
    }
    let mine = throttle::failures(conn, client_key, JOIN_CLIENT_LIMIT.window)?;
    let paced = mine >= JOIN_CLIENT_LIMIT.max
        || (mine > 0
            && throttle::failures(conn, JOIN_GLOBAL_KEY, JOIN_GLOBAL_LIMIT.window)?
                >= JOIN_GLOBAL_LIMIT.max);
    Ok(Some(Lookup { found, participant, paced }))
}

/// The throttle key of the asking client (a hash of its address).
pub(super) fn client_key(req: &HttpRequest, settings: &RuntimeSettings) -> String {
    throttle::key("join-client", &client_ip(req, settings))
}

impl Lookup {
    /// Waits for the client's slot when it is paced, then gives the open workshop: a closed
    /// one is 410, a draft or unknown one 404 (the same answer, so drafts stay hidden).
    pub(super) async fn settle(
        self, req: &HttpRequest, client_key: &str,
    ) -> Result<(Workshop, Option<(Participant, String)>), AppError> {
        if self.paced {
            let pacer = req
                .app_data::<web::Data<Pacer>>()
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("pacer missing")))?;
            let wait = pacer.book(client_key).ok_or(AppError::TooManyRequests {
                retry_after: pacer.patience().as_secs().max(1),
            })?;
            actix_web::rt::time::sleep(wait).await;
        }
        match self.found {
            Some(w) if w.status == WorkshopStatus::Open => Ok((w, self.participant)),
            Some(w) if w.status.is_closed() => Err(AppError::Gone),
            _ => Err(AppError::NotFound),
        }
    }
}

/// Finds the open workshop of a code for a visitor without a participant cookie (the code
/// form, the QR code), counting and pacing as [`lookup`] says.
pub(super) async fn workshop_for(
    req: &HttpRequest, db: &Db, settings: &RuntimeSettings, code: &str,
) -> Result<Workshop, AppError> {
    let key = client_key(req, settings);
    let (client, code) = (key.clone(), code.to_owned());
    let found = db.run(move |conn| lookup(conn, &client, &code, None)).await?;
    Ok(found.settle(req, &key).await?.0)
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
        Box::pin(async move { Visit::load(&req, true).await })
    }
}

/// A [`Visit`] for saving an answer: everything but the participant's earlier answers, which
/// the post does not show (`answers` is empty). Saves a query on the busiest write path.
pub(super) struct AnsweringVisit(pub Visit);

impl FromRequest for AnsweringVisit {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Visit::load(&req, false).await.map(AnsweringVisit) })
    }
}

impl Visit {
    async fn load(req: &HttpRequest, with_answers: bool) -> Result<Visit, AppError> {
        let missing = || AppError::Internal(anyhow::anyhow!("app data missing"));
        let db = req.app_data::<web::Data<Db>>().cloned().ok_or_else(missing)?;
        let settings = req.app_data::<web::Data<RuntimeSettings>>().ok_or_else(missing)?;
        let code = req.match_info().get("code").unwrap_or_default();
        let lang = Lang::from_request(req);
        let easy_read = Display::from_request(req).easy_read();
        let token = req.cookie(PARTICIPANT_COOKIE).map(|c| c.value().to_owned());
        let (key, code) = (client_key(req, settings), code.to_owned());
        let client = key.clone();
        // One read for everything a participant page needs: on the worker itself when it can
        // (SQLite, a connection free, nothing to count), else on the blocking pool.
        let read = move |conn: &mut DbConnection, writes: Writes| {
            let Some(found) = lookup_where(conn, &client, &code, token.clone(), writes)? else {
                return Ok(None);
            };
            let survey = match &found.found {
                Some(w) if w.status == WorkshopStatus::Open => {
                    let questions = survey::list_questions(conn, &w.id)?;
                    let answers = match &found.participant {
                        Some((p, _)) if with_answers => store::answers_of(conn, &p.id)?,
                        _ => Vec::new(),
                    };
                    Some((survey::localized_survey(conn, w, &questions, lang)?, answers))
                }
                _ => None,
            };
            Ok::<_, AppError>(Some((found, survey)))
        };
        let here = match db.idle_sqlite_connection() {
            Some(mut conn) => read(&mut conn, Writes::Refused)?,
            None => None,
        };
        let (found, survey) = match here {
            Some(loaded) => loaded,
            None => db
                .run(move |conn| read(conn, Writes::Allowed))
                .await?
                .ok_or_else(|| AppError::Internal(anyhow::anyhow!("participant page unloaded")))?,
        };
        let (_, participant) = found.settle(req, &key).await?;
        let ((workshop, questions, translations), answers) =
            survey.ok_or_else(|| AppError::Internal(anyhow::anyhow!("open workshop unloaded")))?;
        Ok(Visit { lang, db, workshop, questions, translations, participant, answers, easy_read })
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
