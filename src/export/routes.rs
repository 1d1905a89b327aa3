//! The export page: download a scope in any format, or mail it.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::views::{self, PageState};
use super::{store, Format, Scope};
use crate::audit::{self, Action};
use crate::auth::{Editor, Staff};
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::mail::{Attached, MailError, Mailer};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, FieldError};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::Form;

crate::routes! {
    get "/staff/export" => get_export;
    get "/staff/export/download" => get_download;
    post "/staff/export/mail" => post_mail;
}

#[derive(Deserialize)]
struct ExportQuery {
    scope: String,
    id: String,
    format: Option<String>,
}

impl ExportQuery {
    fn scope(&self) -> Result<Scope, AppError> {
        Scope::parse(&self.scope, &self.id).ok_or(AppError::NotFound)
    }
}

async fn scope_title(db: &Db, scope: &Scope) -> Result<String, AppError> {
    let scope = scope.clone();
    db.run(move |conn| store::scope_title(conn, &scope)).await
}

async fn get_export(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    q: web::Query<ExportQuery>,
    done: Done,
) -> Result<HttpResponse, AppError> {
    let title = scope_title(&db, &q.scope()?).await?;
    let state = PageState {
        notice: done.message(lang),
        errors: &[],
        to: "",
    };
    let page = views::page(lang, &staff, &csrf, (&q.scope, &q.id), &title, state);
    Ok(html_response(page))
}

/// Downloads are reads, open to every staff role; each is audited.
async fn get_download(
    lang: Lang,
    staff: Staff,
    db: web::Data<Db>,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = q.scope()?;
    let format = q
        .format
        .as_deref()
        .and_then(Format::parse)
        .ok_or(AppError::BadRequest("format"))?;
    let user = staff.id().clone();
    let (name, bytes) = db
        .run(move |conn| super::export(conn, &scope, format, Some(&user), lang))
        .await?;
    let disposition = if format == Format::Html {
        "inline"
    } else {
        "attachment"
    };
    let mut res = HttpResponse::Ok();
    res.content_type(format.content_type()).insert_header((
        header::CONTENT_DISPOSITION,
        format!("{disposition}; filename=\"{name}\""),
    ));
    if format == Format::Html {
        res.insert_header((
            header::CONTENT_SECURITY_POLICY,
            super::html::content_security_policy(),
        ));
    }
    Ok(res.body(bytes))
}

#[derive(Deserialize)]
struct MailInput {
    scope: String,
    id: String,
    format: String,
    #[serde(default)]
    to: String,
}

/// Parses "a@x.dk, b@y.dk" into addresses.
pub fn recipients(text: &str) -> Option<Vec<String>> {
    let list: Vec<String> = text
        .split([',', ';', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| crate::auth::domain::Email::parse(s).map(|e| e.as_str().to_owned()))
        .collect::<Option<Vec<_>>>()?;
    (!list.is_empty() && list.len() <= 20).then_some(list)
}

/// Mails the export to the given addresses; the mail and its outcome are audited.
async fn post_mail(
    lang: Lang,
    csrf: CsrfToken,
    editor: Editor,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    Form(input): Form<MailInput>,
) -> Result<HttpResponse, AppError> {
    let scope = Scope::parse(&input.scope, &input.id).ok_or(AppError::NotFound)?;
    let format = Format::parse(&input.format).ok_or(AppError::BadRequest("format"))?;
    let title = scope_title(&db, &scope).await?;
    let fail = |message: String| {
        let errors = [FieldError::new("to", message)];
        let state = PageState {
            notice: None,
            errors: &errors,
            to: &input.to,
        };
        let page = views::page(
            lang,
            &editor,
            &csrf,
            (&input.scope, &input.id),
            &title,
            state,
        );
        html_status(StatusCode::UNPROCESSABLE_ENTITY, page)
    };
    let Some(to) = recipients(&input.to) else {
        return Ok(fail(lang.t("export-mail-error-to")));
    };
    let mailer = match Mailer::new(
        settings.settings.smtp_url.as_deref(),
        &settings.settings.mail_from,
    ) {
        Ok(m) => m,
        Err(MailError::NotConfigured) => return Ok(fail(lang.t("export-mail-error-config"))),
        Err(e) => {
            let message = format!("{} ({e})", lang.t("export-mail-error-config"));
            return Ok(fail(message));
        }
    };
    let user = editor.id().clone();
    let subject = lang.t_args("export-mail-subject", &[("scope", title.as_str().into())]);
    let text = lang.t("export-mail-body");
    // Built and mailed outside a write transaction: SMTP must never hold the write lock.
    let sent = db
        .run(move |conn| {
            let (name, bytes) = super::export(conn, &scope, format, Some(&user), lang)?;
            let attached = Attached {
                name: &name,
                content_type: format.content_type(),
                bytes,
            };
            let result = mailer.send(&to, &subject, &text, Some(attached));
            let outcome = if result.is_ok() {
                Action::MailSent
            } else {
                Action::MailFailed
            };
            audit::record(conn, Some(&user), outcome, &name, &to.join(", "))?;
            Ok::<_, AppError>(result)
        })
        .await?;
    match sent {
        Ok(()) => {
            let back = format!("/staff/export?scope={}&id={}", input.scope, input.id);
            Ok(see_other_with(&back, Notice::MailSent))
        }
        Err(e) => {
            tracing::warn!(error = %e, "mail refused");
            Ok(fail(format!("{} {e}", lang.t("export-mail-error-refused"))))
        }
    }
}
