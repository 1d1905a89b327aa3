//! Participant routes. Everything hangs off `/j/{code}`; the participant cookie is scoped to
//! that path, so one phone can take part in several workshops.

use actix_web::cookie::Cookie;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::domain::{
    normalise_withdrawal_code, parse_answer, withdrawal_code, AnswerInput, AnswerProblem,
    AnswerValue, EnteredBy, QuestionRules, TextProblem,
};
use super::store::{self, Answer, Participant, SaveError, Saved, Source};
use super::views;
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::survey::domain::{JoinCode, WorkshopStatus};
use crate::survey::store::{self as survey_store, Question, Translations, Workshop};
use crate::throttle::{self, Limit};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, FieldError};
use crate::web::{client_ip, random_token, Form, Lang};

crate::routes! {
    get "/j" => get_code;
    get "/j/{code}" => get_start;
    post "/j/{code}/start" => post_start;
    get "/j/{code}/q/{position}" => get_question;
    post "/j/{code}/q/{position}" => post_question;
    get "/j/{code}/check" => get_check;
    post "/j/{code}/finish" => post_finish;
    get "/j/{code}/tak" => get_thanks;
    post "/j/{code}/clear" => post_clear;
    get "/j/{code}/qr.svg" => get_qr;
    get "/trak-tilbage" => get_withdraw;
    post "/trak-tilbage" => post_withdraw;
    get "/trak-tilbage/slettet" => get_withdrawn;
}

/// Wrong codes per client address in a window. Generous: 15 phones behind one workshop Wi-Fi
/// typing a code wrong now and then never reach it, while guessing 10^8 codes stays hopeless.
const JOIN_CLIENT_LIMIT: Limit = Limit {
    max: 60,
    window: chrono::Duration::minutes(10),
};
/// Wrong codes from everyone together: stops guessing spread over many addresses.
const JOIN_GLOBAL_LIMIT: Limit = Limit {
    max: 2000,
    window: chrono::Duration::minutes(10),
};
/// Wrong withdrawal codes per client address.
const WITHDRAW_LIMIT: Limit = Limit {
    max: 20,
    window: chrono::Duration::minutes(15),
};

const PARTICIPANT_COOKIE: &str = "deltag_p";

fn cookie_path(code: &str) -> String {
    format!("/j/{code}")
}

/// Finds the workshop of a code, counting wrong codes against the client and globally.
/// Draft and unknown codes are 404 (and count as wrong); closed ones 410.
async fn workshop_for(
    req: &HttpRequest,
    db: &Db,
    settings: &RuntimeSettings,
    code: &str,
) -> Result<Workshop, AppError> {
    let client = throttle::key("join-client", &client_ip(req, settings));
    let code = code.to_owned();
    db.run(move |conn| {
        let blocked = throttle::blocked_for(conn, &client, JOIN_CLIENT_LIMIT)?.max(
            throttle::blocked_for(conn, "join-global", JOIN_GLOBAL_LIMIT)?,
        );
        if let Some(retry_after) = blocked {
            return Err(AppError::TooManyRequests { retry_after });
        }
        let found = match JoinCode::parse(&code) {
            Some(c) => survey_store::find_workshop_by_code(conn, c.as_str())?,
            None => None,
        };
        match found {
            Some(w) if w.status() == WorkshopStatus::Open => Ok(w),
            Some(w)
                if matches!(
                    w.status(),
                    WorkshopStatus::Closed | WorkshopStatus::Archived
                ) =>
            {
                Err(AppError::Gone)
            }
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
struct Context {
    workshop: Workshop,
    questions: Vec<Question>,
    translations: Translations,
    participant: Option<(Participant, String)>,
    answers: Vec<Answer>,
}

async fn context(
    req: &HttpRequest,
    db: &Db,
    settings: &RuntimeSettings,
    code: &str,
    lang: Lang,
) -> Result<Context, AppError> {
    let workshop = workshop_for(req, db, settings, code).await?;
    let token = req.cookie(PARTICIPANT_COOKIE).map(|c| c.value().to_owned());
    let (workshop, questions, translations, participant, answers) = db
        .run(move |conn| {
            let workshop_id = workshop.id.clone();
            let questions = survey_store::list_questions(conn, &workshop_id)?;
            let (workshop, questions, translations) =
                survey_store::localized_survey(conn, &workshop, &questions, lang)?;
            let participant = match token {
                Some(t) => store::find(conn, &workshop_id, &t)?.map(|p| (p, t)),
                None => None,
            };
            let answers = match &participant {
                Some((p, _)) => store::answers_of(conn, &p.id)?,
                None => Vec::new(),
            };
            Ok::<_, AppError>((workshop, questions, translations, participant, answers))
        })
        .await?;
    Ok(Context {
        workshop,
        questions,
        translations,
        participant,
        answers,
    })
}

impl Context {
    fn answer_to(&self, question_id: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question_id == question_id)
    }

    /// The first question without an answer, or the check page.
    fn next_stop(&self) -> String {
        let code = &self.workshop.join_code;
        match self
            .questions
            .iter()
            .find(|q| self.answer_to(&q.id).is_none())
        {
            Some(q) => format!("/j/{code}/q/{}", q.position),
            None => format!("/j/{code}/check"),
        }
    }

    fn require_participant(&self) -> Result<&(Participant, String), AppError> {
        self.participant
            .as_ref()
            .ok_or_else(|| AppError::LoginRequired {
                next: String::new(),
            })
    }
}

/// Without a participant cookie, participant pages send people back to the start page.
fn to_start(code: &str) -> HttpResponse {
    see_other(&format!("/j/{code}"))
}

#[derive(Deserialize)]
struct CodeQuery {
    code: Option<String>,
}

/// `GET /j?code=…`: the front page's form.
async fn get_code(lang: Lang, query: web::Query<CodeQuery>) -> HttpResponse {
    // Plain `/j` (a printed short address, or a bookmark): the form, without an error.
    let Some(typed) = query.code.clone() else {
        return crate::web::layout::html_response(crate::web::pages::home_page(lang, "", &[]));
    };
    match JoinCode::parse(&typed) {
        Some(code) => see_other(&format!("/j/{}", code.as_str())),
        None => {
            let errors = [FieldError {
                field: "code",
                message: lang.t("code-error"),
            }];
            html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                crate::web::pages::home_page(lang, &typed, &errors),
            )
        }
    }
}

async fn get_start(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let ctx = context(&req, &db, &settings, &code, lang).await?;
    let state = views::StartState {
        resume: ctx.participant.as_ref().map(|_| ctx.next_stop()),
        start_token: random_token(32),
    };
    Ok(html_response(views::start_page(
        lang,
        &csrf,
        &ctx.workshop,
        ctx.questions.len(),
        &state,
        &ctx.translations,
    )))
}

#[derive(Deserialize)]
struct StartInput {
    start_token: String,
}

fn participant_cookie(settings: &RuntimeSettings, code: &str, token: String) -> Cookie<'static> {
    // 90 days: people come back days later to change an answer; no timeout on the day.
    crate::web::cookie(
        settings,
        PARTICIPANT_COOKIE.into(),
        token,
        cookie_path(code),
        Some(90),
    )
}

async fn post_start(
    req: HttpRequest,
    lang: Lang,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    code: web::Path<String>,
    Form(input): Form<StartInput>,
) -> Result<HttpResponse, AppError> {
    let ctx = context(&req, &db, &settings, &code, lang).await?;
    if ctx.participant.is_some() {
        return Ok(see_other(&ctx.next_stop()));
    }
    let token = input.start_token;
    if token.len() < 32
        || token.len() > 64
        || !token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(AppError::BadRequest("bad start token"));
    }
    let (workshop_id, t) = (ctx.workshop.id.clone(), token.clone());
    let language = lang.code();
    db.run(move |conn| {
        let p = store::join(conn, &workshop_id, &t, Source::Phone)?;
        diesel::update(crate::db::schema::participants::table.find(&p.id))
            .set(crate::db::schema::participants::language.eq(language))
            .execute(conn)
    })
    .await
    .map_err(|e| match e {
        AppError::Database(diesel::result::Error::NotFound) => {
            AppError::BadRequest("token of another workshop")
        }
        other => other,
    })?;
    let first = ctx.questions.first().map(|q| q.position).unwrap_or(1);
    let mut res = see_other(&format!("/j/{}/q/{first}", ctx.workshop.join_code));
    res.add_cookie(&participant_cookie(
        &settings,
        &ctx.workshop.join_code,
        token,
    ))
    .map_err(|e| AppError::Internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(res)
}

use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};

#[derive(Deserialize)]
struct QuestionQuery {
    ret: Option<String>,
    #[serde(rename = "let")]
    easy: Option<String>,
}

async fn get_question(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    path: web::Path<(String, i32)>,
    query: web::Query<QuestionQuery>,
) -> Result<HttpResponse, AppError> {
    let (code, position) = path.into_inner();
    let ctx = context(&req, &db, &settings, &code, lang).await?;
    if ctx.participant.is_none() {
        return Ok(to_start(&ctx.workshop.join_code));
    }
    let question = ctx
        .questions
        .iter()
        .find(|q| q.position == position)
        .ok_or(AppError::NotFound)?;
    let saved = ctx.answer_to(&question.id).filter(|a| !a.declined);
    let (answer, chosen, other) = saved_values(question, saved);
    let view = views::QuestionView {
        workshop: &ctx.workshop,
        question,
        total: ctx.questions.len(),
        answer: answer.as_deref(),
        chosen,
        other: other.as_deref(),
        submission_key: random_token(16),
        back_to_check: query.ret.as_deref() == Some("check"),
        easy_read: query.easy.is_some(),
        errors: &[],
        preview: false,
        translations: &ctx.translations,
    };
    Ok(html_response(views::question_page(lang, &csrf, &view)))
}

/// The form values that show a saved answer again.
fn saved_values(
    question: &Question,
    saved: Option<&Answer>,
) -> (Option<String>, Vec<String>, Option<String>) {
    let Some(a) = saved else {
        return (None, Vec::new(), None);
    };
    if question.kind().has_options() {
        let value: super::domain::ChoiceValue =
            serde_json::from_str(&a.value).unwrap_or(super::domain::ChoiceValue {
                choices: vec![],
                other: None,
            });
        let mut chosen = value.choices.clone();
        if value.other.is_some() {
            chosen.push(super::domain::OTHER_KEY.to_owned());
        }
        let answer = chosen.first().cloned();
        (answer, chosen, value.other)
    } else {
        (Some(a.value.clone()), Vec::new(), None)
    }
}

#[derive(Deserialize)]
struct QuestionPost {
    submission_key: Option<String>,
    question_id: String,
    action: Option<String>,
    ret: Option<String>,
    #[serde(rename = "let")]
    easy: Option<String>,
    answer: Option<String>,
    #[serde(default)]
    choice: Vec<String>,
    other: Option<String>,
}

impl QuestionPost {
    fn input(&self) -> AnswerInput {
        AnswerInput {
            answer: self.answer.clone(),
            choice: self.choice.clone(),
            other: self.other.clone(),
        }
    }
}

/// A submission key as our forms make them: 16 random bytes, URL-safe base64.
fn valid_key(key: &str) -> bool {
    (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The message for an answer problem the participant can fix.
pub fn problem_message(lang: Lang, problem: AnswerProblem) -> Option<String> {
    Some(match problem {
        AnswerProblem::Missing => lang.t("answer-error-missing"),
        AnswerProblem::OtherMissing => lang.t("answer-error-other"),
        AnswerProblem::Text(TextProblem::TooLong) => lang.t("answer-error-too-long"),
        AnswerProblem::Text(TextProblem::ControlCharacters) => lang.t("answer-error-characters"),
        AnswerProblem::Tampered => return None,
    })
}

async fn post_question(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    path: web::Path<(String, i32)>,
    Form(post): Form<QuestionPost>,
) -> Result<HttpResponse, AppError> {
    let (code, _) = path.into_inner();
    let ctx = context(&req, &db, &settings, &code, lang).await?;
    let key = post
        .submission_key
        .clone()
        .filter(|k| valid_key(k))
        .ok_or(AppError::BadRequest("missing submission key"))?;
    // The question they saw, even if the survey was reordered since.
    let question = ctx
        .questions
        .iter()
        .find(|q| q.id == post.question_id)
        .ok_or(AppError::BadRequest("question of another workshop"))?;
    let Ok((participant, _)) = ctx.require_participant() else {
        return Ok(to_start(&ctx.workshop.join_code));
    };
    let value = if post.action.as_deref() == Some("decline") {
        Ok(AnswerValue::Declined)
    } else {
        let options = question.options();
        let rules = QuestionRules {
            kind: question.kind(),
            options: &options,
            allow_other: question.allow_other,
            required: question.required,
        };
        parse_answer(&rules, &post.input())
    };
    let value = match value {
        Ok(v) => v,
        Err(problem) => {
            let message =
                problem_message(lang, problem).ok_or(AppError::BadRequest("impossible answer"))?;
            let errors = [FieldError {
                field: "answer",
                message,
            }];
            let mut chosen = post.choice.clone();
            chosen.extend(post.answer.clone());
            let view = views::QuestionView {
                workshop: &ctx.workshop,
                question,
                total: ctx.questions.len(),
                answer: post.answer.as_deref(),
                chosen,
                other: post.other.as_deref(),
                submission_key: random_token(16),
                back_to_check: post.ret.as_deref() == Some("check"),
                easy_read: post.easy.is_some(),
                errors: &errors,
                preview: false,
                translations: &ctx.translations,
            };
            return Ok(html_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::question_page(lang, &csrf, &view),
            ));
        }
    };
    let (participant_id, question_id) = (participant.id.clone(), question.id.clone());
    let saved = db
        .run(move |conn| {
            store::save_answer(
                conn,
                &store::NewAnswer {
                    participant_id: &participant_id,
                    question_id: &question_id,
                    value: &value,
                    entered_by: EnteredBy::Participant,
                    user_id: None,
                    submission_key: &key,
                },
            )
        })
        .await;
    match saved {
        Ok(Saved::New | Saved::Replay) => {}
        Err(AppError::Internal(e)) if e.downcast_ref::<SaveError>().is_some() => {
            return Err(AppError::BadRequest("submission key reused"))
        }
        Err(e) => return Err(e),
    }
    let code = &ctx.workshop.join_code;
    let next = if post.ret.as_deref() == Some("check") {
        format!("/j/{code}/check")
    } else {
        match ctx
            .questions
            .iter()
            .find(|q| q.position > question.position)
        {
            Some(q) => format!("/j/{code}/q/{}", q.position),
            None => format!("/j/{code}/check"),
        }
    };
    Ok(see_other(&next))
}

impl From<SaveError> for AppError {
    fn from(err: SaveError) -> Self {
        match err {
            SaveError::KeyReused => AppError::Internal(anyhow::Error::new(SaveError::KeyReused)),
            SaveError::Db(e) => AppError::Database(e),
        }
    }
}

fn check_rows(ctx: &Context) -> Vec<(&Question, Option<&Answer>)> {
    ctx.questions
        .iter()
        .map(|q| (q, ctx.answer_to(&q.id)))
        .collect()
}

async fn get_check(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let ctx = context(&req, &db, &settings, &code, lang).await?;
    if ctx.participant.is_none() {
        return Ok(to_start(&ctx.workshop.join_code));
    }
    Ok(html_response(views::check_page(
        lang,
        &csrf,
        &ctx.workshop,
        &check_rows(&ctx),
        &ctx.translations,
        &[],
    )))
}

async fn post_finish(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let ctx = context(&req, &db, &settings, &code, lang).await?;
    let Ok((participant, token)) = ctx.require_participant() else {
        return Ok(to_start(&ctx.workshop.join_code));
    };
    let missing: Vec<FieldError> = ctx
        .questions
        .iter()
        .filter(|q| q.required && ctx.answer_to(&q.id).is_none())
        .map(|q| FieldError {
            field: "",
            message: lang.t_args("check-missing", &[("question", q.prompt.as_str().into())]),
        })
        .collect();
    if !missing.is_empty() {
        let errors: Vec<FieldError> = missing;
        return Ok(html_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::check_page(
                lang,
                &csrf,
                &ctx.workshop,
                &check_rows(&ctx),
                &ctx.translations,
                &errors,
            ),
        ));
    }
    let (id, withdrawal) = (participant.id.clone(), withdrawal_code(token));
    db.run(move |conn| store::finish(conn, &id, &withdrawal))
        .await?;
    Ok(see_other(&format!("/j/{}/tak", ctx.workshop.join_code)))
}

async fn get_thanks(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let ctx = context(&req, &db, &settings, &code, lang).await?;
    match &ctx.participant {
        Some((p, token)) if p.finished_at.is_some() => Ok(html_response(views::thanks_page(
            lang,
            &csrf,
            &ctx.workshop,
            &withdrawal_code(token),
        ))),
        Some(_) => Ok(see_other(&format!("/j/{}/check", ctx.workshop.join_code))),
        None => Ok(to_start(&ctx.workshop.join_code)),
    }
}

/// "Ryd telefonen": forget this phone's participant, so the next person starts fresh.
async fn post_clear(
    settings: web::Data<RuntimeSettings>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = JoinCode::parse(&code).ok_or(AppError::NotFound)?;
    let mut removal = participant_cookie(&settings, code.as_str(), String::new());
    removal.make_removal();
    let mut res = see_other(&format!("/j/{}", code.as_str()));
    res.headers_mut().insert(
        header::HeaderName::from_static("clear-site-data"),
        header::HeaderValue::from_static("\"cookies\", \"storage\""),
    );
    res.add_cookie(&removal)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(res)
}

/// `GET /j/{code}/qr.svg`: the join URL as a QR code (error correction M, with quiet zone).
async fn get_qr(
    settings: web::Data<RuntimeSettings>,
    db: web::Data<Db>,
    code: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let code = JoinCode::parse(&code).ok_or(AppError::NotFound)?;
    let lookup = code.as_str().to_owned();
    let workshop = db
        .run(move |conn| survey_store::find_workshop_by_code(conn, &lookup))
        .await?
        .ok_or(AppError::NotFound)?;
    if !matches!(
        workshop.status(),
        WorkshopStatus::Draft | WorkshopStatus::Open
    ) {
        return Err(AppError::Gone);
    }
    let svg = crate::survey::qr::join_qr_svg(&settings.join_url(code.as_str()))?;
    Ok(HttpResponse::Ok().content_type("image/svg+xml").body(svg))
}

async fn get_withdraw(lang: Lang, csrf: CsrfToken) -> HttpResponse {
    html_response(views::withdraw_page(lang, &csrf, "", &[]))
}

#[derive(Deserialize)]
struct WithdrawInput {
    #[serde(default)]
    code: String,
}

async fn post_withdraw(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    Form(input): Form<WithdrawInput>,
) -> Result<HttpResponse, AppError> {
    let client = throttle::key("withdraw-client", &client_ip(&req, &settings));
    let code = normalise_withdrawal_code(&input.code);
    let deleted = db
        .run(move |conn| {
            if let Some(retry_after) = throttle::blocked_for(conn, &client, WITHDRAW_LIMIT)? {
                return Err(AppError::TooManyRequests { retry_after });
            }
            let deleted = match &code {
                Some(code) => store::withdraw(conn, code)?,
                None => false,
            };
            if !deleted {
                throttle::record_failure(conn, &client, WITHDRAW_LIMIT.window)?;
            }
            Ok(deleted)
        })
        .await?;
    if deleted {
        return Ok(see_other("/trak-tilbage/slettet"));
    }
    let errors = [FieldError {
        field: "code",
        message: lang.t("withdraw-error"),
    }];
    Ok(html_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::withdraw_page(lang, &csrf, &input.code, &errors),
    ))
}

async fn get_withdrawn(lang: Lang) -> HttpResponse {
    html_response(views::withdrawn_page(lang))
}
