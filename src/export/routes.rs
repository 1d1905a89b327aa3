//! The export page: download a scope in any format, or mail it.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::views::{self, PageState};
use super::{recipients, store, Format, Scope};
use crate::audit::{self, Action};
use crate::auth::{Editor, Signed, Staff, StaffContext};
use crate::config::RuntimeSettings;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::mail::{Attached, MailError, Mailer};
use crate::web::layout::{form_response, FieldError};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::Form;

crate::routes! {
    get "/staff/export" => get_export;
    get "/staff/export/download" => get_download;
    get "/staff/export/data" => get_data;
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

    /// The format asked for, if it is of the kind this route serves.
    fn format(&self, analysis: bool) -> Result<Format, AppError> {
        self.format
            .as_deref()
            .and_then(Format::parse)
            .filter(|f| f.is_analysis() == analysis)
            .ok_or(AppError::BadRequest("format"))
    }
}

/// The scope's title, and when its closed workshops' individual answers go (or went).
async fn scope_title<R: Signed>(
    cx: &StaffContext<R>, scope: &Scope,
) -> Result<(String, Vec<String>), AppError> {
    let scope = scope.clone();
    let (title, workshops) = cx.db.run(move |conn| store::scope_title(conn, &scope)).await?;
    let lines = workshops
        .iter()
        .filter(|w| w.status.is_closed())
        .map(|w| format!("{}: {}", w.title, crate::survey::retention_line(cx.lang, w)))
        .collect();
    Ok((title, lines))
}

/// The export page of a scope, with a notice or the mail form's errors (422).
fn page<R: Signed>(
    cx: &StaffContext<R>, (scope, id): (&str, &str), title: &str, state: PageState<'_>,
) -> HttpResponse {
    let errors = state.errors;
    form_response(errors, views::page(cx.lang, cx.staff(), &cx.csrf, (scope, id), title, state))
}

async fn get_export(
    cx: StaffContext<Staff>, q: web::Query<ExportQuery>, done: Done,
    settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let (title, retention) = scope_title(&cx, &q.scope()?).await?;
    let mail_ready = crate::settings::current(&cx.db, &settings, None).await?.mail_ready();
    let notice = done.message(cx.lang);
    let state = PageState { retention, notice, errors: &[], to: "", mail_ready };
    Ok(page(&cx, (&q.scope, &q.id), &title, state))
}

/// A report download (Word, print page, Markdown): aggregates only, open to every staff role;
/// each is audited.
async fn get_download(
    cx: StaffContext<Staff>, q: web::Query<ExportQuery>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let format = q.format(false)?;
    download(&cx, &settings, q.scope()?, format).await
}

/// An analysis download (Excel, CSV, JSON): the individual answers, for facilitators and
/// admins only; each is audited.
async fn get_data(
    cx: StaffContext<Editor>, q: web::Query<ExportQuery>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let format = q.format(true)?;
    download(&cx, &settings, q.scope()?, format).await
}

async fn download<R: Signed>(
    cx: &StaffContext<R>, settings: &RuntimeSettings, scope: Scope, format: Format,
) -> Result<HttpResponse, AppError> {
    let (user, lang) = (cx.staff().id().clone(), cx.lang);
    let organisation = crate::settings::current(&cx.db, settings, None).await?.organisation.value;
    let (name, bytes) = cx
        .db
        .run(move |conn| super::export(conn, &scope, format, Some(&user), lang, &organisation))
        .await?;
    let disposition = if format == Format::Html { "inline" } else { "attachment" };
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

/// The mailer, or why mail cannot be sent (for the form).
fn mailer(lang: Lang, site: &crate::settings::Site) -> Result<Mailer, String> {
    site.mailer().map_err(|e| match e {
        MailError::NotConfigured => lang.t("export-mail-error-config"),
        e => format!("{} ({e})", lang.t("export-mail-error-config")),
    })
}

/// Builds the export and mails it; the mail and its outcome are audited. Built and mailed
/// outside a write transaction: SMTP must never hold the write lock.
async fn mail(
    cx: &StaffContext<Editor>, (scope, format, title): (Scope, Format, &str), mailer: Mailer,
    to: Vec<String>, organisation: String,
) -> Result<Result<(), MailError>, AppError> {
    let (user, lang) = (cx.staff().id().clone(), cx.lang);
    let subject = lang.t_args("export-mail-subject", &[("scope", title.into())]);
    let text = lang.t("export-mail-body");
    cx.db
        .run(move |conn| {
            let (name, bytes) =
                super::export(conn, &scope, format, Some(&user), lang, &organisation)?;
            let content_type = format.content_type();
            let attached = Attached { name: &name, content_type, bytes };
            let result = mailer.send(&to, &subject, &text, Some(attached));
            let outcome = match result {
                Ok(()) => Action::MailSent,
                Err(_) => Action::MailFailed,
            };
            audit::record(conn, Some(&user), outcome, &name, &to.join(", "))?;
            Ok::<_, AppError>(result)
        })
        .await
}

/// Mails the export to the given addresses.
async fn post_mail(
    cx: StaffContext<Editor>, settings: web::Data<RuntimeSettings>, Form(input): Form<MailInput>,
) -> Result<HttpResponse, AppError> {
    let scope = Scope::parse(&input.scope, &input.id).ok_or(AppError::NotFound)?;
    let format = Format::parse(&input.format).ok_or(AppError::BadRequest("format"))?;
    let (title, retention) = scope_title(&cx, &scope).await?;
    let site = crate::settings::current(&cx.db, &settings, None).await?;
    let fail = |message: String| {
        let errors = [FieldError::new("to", message)];
        let state = PageState {
            retention: retention.clone(),
            notice: None,
            errors: &errors,
            to: &input.to,
            mail_ready: site.mail_ready(),
        };
        page(&cx, (&input.scope, &input.id), &title, state)
    };
    let Some(to) = recipients(&input.to) else {
        return Ok(fail(cx.lang.t("export-mail-error-to")));
    };
    let mailer = match mailer(cx.lang, &site) {
        Ok(mailer) => mailer,
        Err(message) => return Ok(fail(message)),
    };
    match mail(&cx, (scope, format, &title), mailer, to, site.organisation.value.clone()).await? {
        Ok(()) => {
            let back = format!("/staff/export?scope={}&id={}", input.scope, input.id);
            Ok(see_other_with(&back, Notice::MailSent))
        }
        Err(e) => {
            tracing::warn!(error = %e, "mail refused");
            let refused = cx.lang.t("export-mail-error-refused");
            Ok(fail(format!("{refused} {e}")))
        }
    }
}
