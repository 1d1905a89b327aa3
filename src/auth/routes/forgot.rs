//! `/login/glemt`: "Glemt adgangskode". Whatever address is typed, the answer reads the same and
//! comes as fast: the mail (when the account exists, is active and has a password) is sent in
//! the background. The link is a one-hour, single-use set-up link (`/setup/{token}`).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::audit::{self, Action};
use crate::auth::domain::normalise_email;
use crate::auth::{store, views};
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::throttle;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, see_other};
use crate::web::{client_ip, Form};

/// Links per address and per client in an hour: enough for a mistyped attempt or two, too few
/// to fill someone's inbox.
const PER_ACCOUNT: i32 = 3;
const PER_CLIENT: i32 = 20;
const WINDOW: chrono::Duration = chrono::Duration::hours(1);

#[derive(Deserialize)]
pub(super) struct ForgotQuery {
    sendt: Option<String>,
}

pub(super) async fn get_forgot(
    lang: Lang, csrf: CsrfToken, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
    query: web::Query<ForgotQuery>,
) -> Result<HttpResponse, AppError> {
    let mail_ready = crate::settings::current(&db, &settings, None).await?.mail_ready();
    let sent = query.sendt.is_some();
    Ok(html_response(views::forgot_page(lang, &csrf, mail_ready, sent)))
}

#[derive(Deserialize)]
pub(super) struct ForgotInput {
    #[serde(default)]
    email: String,
}

pub(super) async fn post_forgot(
    req: HttpRequest, lang: Lang, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
    Form(input): Form<ForgotInput>,
) -> Result<HttpResponse, AppError> {
    let email = normalise_email(&input.email);
    let client = client_ip(&req, &settings);
    let site = crate::settings::current(&db, &settings, None).await?;
    if !site.mail_ready() {
        // The page offers no form then; a hand-made post changes nothing.
        return Ok(see_other("/login/glemt"));
    }
    let link = db
        .write(move |conn| {
            let keys = [
                (throttle::key("reset-account", &email), PER_ACCOUNT),
                (throttle::key("reset-client", &client), PER_CLIENT),
            ];
            for (key, max) in &keys {
                if throttle::failures(conn, key, WINDOW)? >= *max {
                    return Ok::<_, AppError>(None);
                }
            }
            for (key, _) in &keys {
                throttle::record_failure(conn, key, WINDOW)?;
            }
            let user = store::find_user_by_email(conn, &email)?
                .filter(|u| !u.disabled && u.password_hash.is_some());
            let Some(user) = user else { return Ok(None) };
            let token = store::create_reset_link(conn, &user.id)?;
            audit::record(conn, Some(&user.id), Action::PasswordResetAsk, user.id.as_str(), "")?;
            Ok(Some((user, token)))
        })
        .await?;
    if let (Some((user, token)), Ok(mailer)) = (link, site.mailer()) {
        let link = format!("{}/setup/{token}", settings.base_url);
        let subject = lang.t("forgot-mail-subject");
        let body =
            lang.t_args("forgot-mail-body", &[("name", user.name.into()), ("link", link.into())]);
        let to = vec![user.email];
        // In the background: the answer must not take longer when the account exists.
        actix_web::rt::spawn(async move {
            match web::block(move || mailer.send(&to, &subject, &body, None)).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "password reset mail failed"),
                Err(e) => tracing::warn!(error = %e, "password reset mail task failed"),
            }
        });
    }
    Ok(see_other("/login/glemt?sendt=1"))
}
