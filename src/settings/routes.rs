//! `/admin/settings` (admins) and the accessibility statement built from the settings.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::form::SettingsInput;
use super::{current, store, views, Site};
use crate::audit::Action;
use crate::auth::{Admin, StaffContext};
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::layout::{form_response, html_response, html_status, FieldError};
use crate::web::notice::{see_other_with, Done, Notice};
use crate::web::ui::Branding;
use crate::web::Form;

crate::routes! {
    get "/tilgaengelighed" => get_statement;
    get "/admin/settings" => get_settings;
    post "/admin/settings" => post_settings;
    post "/admin/settings/test-mail" => post_test_mail;
}

/// `GET /tilgaengelighed`: the accessibility statement.
async fn get_statement(
    lang: Lang, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let site = current(&db, &settings, None).await?;
    Ok(html_response(views::statement_page(lang, &settings.base_url, &site)))
}

async fn get_settings(
    cx: StaffContext<Admin>, settings: web::Data<RuntimeSettings>, done: Done,
) -> Result<HttpResponse, AppError> {
    let site = current(&cx.db, &settings, None).await?;
    let input = SettingsInput::from_site(&site);
    let state = views::SettingsState {
        site: &site,
        input: &input,
        errors: &[],
        notice: done.message(cx.lang),
        mail_to: &cx.staff().user.email,
    };
    Ok(html_response(views::settings_page(cx.lang, cx.staff(), &cx.csrf, &state)))
}

async fn post_settings(
    cx: StaffContext<Admin>, settings: web::Data<RuntimeSettings>, branding: web::Data<Branding>,
    Form(input): Form<SettingsInput>,
) -> Result<HttpResponse, AppError> {
    let site = current(&cx.db, &settings, None).await?;
    let changes = match input.parse(cx.lang, &site) {
        Ok(changes) => changes,
        Err(errors) => {
            let state = views::SettingsState {
                site: &site,
                input: &input,
                errors: &errors,
                notice: None,
                mail_to: &cx.staff().user.email,
            };
            let page = views::settings_page(cx.lang, cx.staff(), &cx.csrf, &state);
            return Ok(form_response(&errors, page));
        }
    };
    let by = cx.staff().id().clone();
    cx.change(move |conn, trail| {
        let changed = store::save(conn, &changes, &by)?;
        if !changed.is_empty() {
            // Names only: a value (the mail password above all) never enters the trail.
            let names: Vec<&str> = changed.iter().map(|k| k.as_str()).collect();
            trail.record(Action::SettingsChange, "site", names.join(", "));
        }
        Ok(())
    })
    .await?;
    current(&cx.db, &settings, Some(&branding)).await?;
    Ok(see_other_with("/admin/settings", Notice::Saved))
}

#[derive(Deserialize)]
struct TestMailInput {
    #[serde(default)]
    to: String,
}

/// Sends a short mail with the saved settings, so an admin knows they work.
async fn post_test_mail(
    cx: StaffContext<Admin>, settings: web::Data<RuntimeSettings>, Form(input): Form<TestMailInput>,
) -> Result<HttpResponse, AppError> {
    let site = current(&cx.db, &settings, None).await?;
    let lang = cx.lang;
    let to = crate::auth::domain::Email::parse(&input.to);
    let refuse = |status: StatusCode, message: String, to: &str| {
        let errors = [FieldError::new("to", message)];
        page_with_error(&cx, &site, &errors, to, status)
    };
    let Some(to) = to else {
        return Ok(refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang.t("settings-mail-to-error"),
            &input.to,
        ));
    };
    let mailer = match site.mailer() {
        Ok(mailer) => mailer,
        Err(e) => {
            let message = format!("{} ({e})", lang.t("settings-mail-not-ready"));
            return Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, message, to.as_str()));
        }
    };
    let (subject, text) = (lang.t("settings-mail-test-subject"), lang.t("settings-mail-test-body"));
    let address = to.as_str().to_owned();
    let sent = web::block(move || mailer.send(&[address], &subject, &text, None))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("mail task failed: {e}")))?;
    let outcome = if sent.is_ok() { Action::MailTest } else { Action::MailFailed };
    let recipient = to.as_str().to_owned();
    cx.change(move |_, trail| {
        trail.record(outcome, "test", recipient);
        Ok(())
    })
    .await?;
    match sent {
        Ok(()) => Ok(see_other_with("/admin/settings", Notice::MailTested)),
        Err(e) => {
            tracing::warn!(error = %e, "test mail failed");
            let message = format!("{} ({e})", lang.t("settings-mail-test-failed"));
            Ok(refuse(StatusCode::BAD_GATEWAY, message, to.as_str()))
        }
    }
}

/// The settings page again with the test-mail form's error.
fn page_with_error(
    cx: &StaffContext<Admin>, site: &Site, errors: &[FieldError], to: &str, status: StatusCode,
) -> HttpResponse {
    let input = SettingsInput::from_site(site);
    let state = views::SettingsState { site, input: &input, errors, notice: None, mail_to: to };
    html_status(status, views::settings_page(cx.lang, cx.staff(), &cx.csrf, &state))
}
