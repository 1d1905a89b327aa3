//! The export page: download a scope in any format, or mail it.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use maud::html;
use serde::Deserialize;

use super::{Format, Scope};
use crate::auth::views::staff_page;
use crate::auth::Staff;
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::mail::{Attached, MailError, Mailer};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{
    csrf_field, error_summary, html_response, html_status, see_other, FieldError,
};
use crate::web::{Form, Lang};

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
    done: Option<String>,
}

async fn scope_title(db: &Db, scope: &Scope) -> Result<String, AppError> {
    let scope = scope.clone();
    db.run(move |conn| {
        let o = crate::survey::store::overview(conn)?;
        let title = match &scope {
            Scope::Workshop(id) => o
                .workshops
                .iter()
                .find(|w| &w.id == id)
                .map(|w| w.title.clone()),
            Scope::Topic(id) => o
                .topics
                .iter()
                .find(|t| &t.id == id)
                .map(|t| t.title.clone()),
            Scope::Track(id) => o
                .tracks
                .iter()
                .find(|t| &t.id == id)
                .map(|t| t.title.clone()),
        };
        title.ok_or(AppError::NotFound)
    })
    .await
}

/// What the export page shows besides the scope: a notice, or the mail form's errors and text.
struct PageState<'a> {
    notice: Option<String>,
    errors: &'a [FieldError],
    to: &'a str,
}

fn page(
    lang: Lang,
    staff: &Staff,
    csrf: &CsrfToken,
    q: &ExportQuery,
    title: &str,
    state: PageState<'_>,
) -> maud::Markup {
    let PageState { notice, errors, to } = state;
    let heading = lang.t_args("export-title", &[("scope", title.into())]);
    staff_page(
        lang,
        staff,
        csrf,
        &heading,
        html! {
            a class="back-link" href="/staff" { (lang.t("nav-overview")) }
            (error_summary(lang, errors))
            @if let Some(n) = notice { p class="notice" role="status" { (n) } }
            h1 { (heading) }
            p { (lang.t("export-intro")) }
            ul class="link-list" {
                @for f in Format::ALL {
                    li { a href=(format!("/staff/export/download?scope={}&id={}&format={}", q.scope, q.id, f.as_str())) { (lang.t(&format!("export-format-{}", f.as_str()))) } }
                }
            }
            @if staff.role().can_edit() {
                h2 { (lang.t("export-mail-heading")) }
                form method="post" action="/staff/export/mail" novalidate {
                    (csrf_field(csrf))
                    input type="hidden" name="scope" value=(q.scope);
                    input type="hidden" name="id" value=(q.id);
                    div class="field" {
                        label for="format" { (lang.t("export-mail-format")) }
                        select id="format" name="format" {
                            @for f in Format::ALL { option value=(f.as_str()) { (lang.t(&format!("export-format-{}", f.as_str()))) } }
                        }
                    }
                    (crate::web::layout::Field { lang, name: "to", label: &lang.t("export-mail-to"), hint: Some(&lang.t("export-mail-to-hint")),
                        value: to, kind: crate::web::layout::InputKind::Text, autocomplete: "off", errors }.render())
                    button type="submit" class="button" { (lang.t("export-mail-send")) }
                }
            }
        },
    )
}

async fn get_export(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = Scope::parse(&q.scope, &q.id).ok_or(AppError::NotFound)?;
    let title = scope_title(&db, &scope).await?;
    let notice = (q.done.as_deref() == Some("sent")).then(|| lang.t("export-mail-sent"));
    Ok(html_response(page(
        lang,
        &staff,
        &csrf,
        &q,
        &title,
        PageState {
            notice,
            errors: &[],
            to: "",
        },
    )))
}

/// Downloads are reads, open to every staff role; each is audited.
async fn get_download(
    lang: Lang,
    staff: Staff,
    db: web::Data<Db>,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = Scope::parse(&q.scope, &q.id).ok_or(AppError::NotFound)?;
    let format = q
        .format
        .as_deref()
        .and_then(Format::parse)
        .ok_or(AppError::BadRequest("format"))?;
    let user = staff.user.id.clone();
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

async fn post_mail(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    Form(input): Form<MailInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_editor()?;
    let scope = Scope::parse(&input.scope, &input.id).ok_or(AppError::NotFound)?;
    let format = Format::parse(&input.format).ok_or(AppError::BadRequest("format"))?;
    let query = ExportQuery {
        scope: input.scope.clone(),
        id: input.id.clone(),
        format: None,
        done: None,
    };
    let title = scope_title(&db, &scope).await?;
    let fail = |message: String| {
        let errors = [FieldError {
            field: "to",
            message,
        }];
        html_status(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            page(
                lang,
                &staff,
                &csrf,
                &query,
                &title,
                PageState {
                    notice: None,
                    errors: &errors,
                    to: &input.to,
                },
            ),
        )
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
            return Ok(fail(format!(
                "{} ({e})",
                lang.t("export-mail-error-config")
            )))
        }
    };
    let user = staff.user.id.clone();
    let (recipients_for_audit, subject) = (
        to.join(", "),
        lang.t_args("export-mail-subject", &[("scope", title.as_str().into())]),
    );
    let text = lang.t("export-mail-body");
    let sent = db
        .run(move |conn| {
            let (name, bytes) = super::export(conn, &scope, format, Some(&user), lang)?;
            let result = mailer.send(
                &to,
                &subject,
                &text,
                Some(Attached {
                    name: &name,
                    content_type: format.content_type(),
                    bytes,
                }),
            );
            let outcome = if result.is_ok() {
                "mail.sent"
            } else {
                "mail.failed"
            };
            crate::audit::record(conn, Some(&user), outcome, &name, &recipients_for_audit)?;
            Ok::<_, AppError>(result)
        })
        .await?;
    match sent {
        Ok(()) => Ok(see_other(&format!(
            "/staff/export?scope={}&id={}&done=sent",
            input.scope, input.id
        ))),
        Err(e) => {
            tracing::warn!(error = %e, "mail refused");
            Ok(fail(format!("{} {e}", lang.t("export-mail-error-refused"))))
        }
    }
}
