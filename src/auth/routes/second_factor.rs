//! `/account` and `/account/second-factor`: the account page, setting a second factor up (also
//! for a new phone) and new recovery codes. The set-up pages take [`AnySession`], so a person
//! who must set a factor up before anything else can reach them.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::audit::Action;
use crate::auth::second_factor::store::{self, Confirmed};
use crate::auth::second_factor::totp::unix_now;
use crate::auth::second_factor::{Gate, RecoveryCode, TotpCode};
use crate::auth::views::second_factor::{
    account_page, codes_page, setup_page, AccountPage, SetupPage,
};
use crate::auth::{AnySession, Staff, StaffContext};
use crate::error::AppError;
use crate::web::layout::{form_response, html_response, see_other, FieldError};
use crate::web::Form;

#[derive(Deserialize)]
pub(super) struct AccountQuery {
    /// `used` right after a login with a recovery code.
    recovery: Option<String>,
}

pub(super) async fn get_account(
    cx: StaffContext<Staff>, query: web::Query<AccountQuery>,
) -> Result<HttpResponse, AppError> {
    let user = cx.staff().id().clone();
    let (enabled_at, unused_codes) = cx
        .db
        .run(move |conn| {
            Ok::<_, diesel::result::Error>((
                store::enabled_at(conn, &user)?,
                store::unused_recovery_codes(conn, &user)?,
            ))
        })
        .await?;
    let page = AccountPage {
        enabled_at,
        unused_codes,
        recovery_used: query.recovery.as_deref() == Some("used"),
    };
    Ok(html_response(account_page(cx.lang, cx.staff(), &cx.csrf, &page)))
}

/// The set-up page with `errors`: the secret waiting for its first code (made now if none is).
async fn setup(
    cx: &StaffContext<AnySession>, errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let user = cx.staff().id().clone();
    let (secret, enabled) = cx
        .db
        .write(move |conn| {
            let secret = store::setup_secret(conn, &user)?;
            Ok::<_, diesel::result::Error>((secret, store::enabled_at(conn, &user)?.is_some()))
        })
        .await?;
    let url = secret.otpauth_url(&cx.staff().user.email);
    let page = SetupPage {
        secret: &secret,
        otpauth_url: &url,
        forced: cx.who.gate == Gate::MustEnrol,
        replacing: enabled,
        errors,
    };
    Ok(form_response(errors, setup_page(cx.lang, cx.staff(), &cx.csrf, &page)?))
}

pub(super) async fn get_setup(cx: StaffContext<AnySession>) -> Result<HttpResponse, AppError> {
    setup(&cx, &[]).await
}

#[derive(Deserialize)]
pub(super) struct ConfirmInput {
    #[serde(default)]
    code: String,
}

/// Confirms the set-up with the app's first code; answers with the recovery codes, once (only
/// their hashes are kept, so this POST answers with a page, as an invitation link does).
pub(super) async fn post_setup(
    cx: StaffContext<AnySession>, Form(input): Form<ConfirmInput>,
) -> Result<HttpResponse, AppError> {
    let lang = cx.lang;
    let Some(code) = TotpCode::parse(&input.code) else {
        return setup(&cx, &[FieldError::new("code", lang.t("sf-error-code-form"))]).await;
    };
    let user = cx.staff().id().clone();
    let session = cx.staff().session_id.clone();
    let confirmed = cx
        .change(move |conn, trail| {
            let confirmed = store::confirm_setup(conn, &user, &session, &code, unix_now())?;
            if let Confirmed::Enabled(_) = &confirmed {
                trail.record(Action::SecondFactorEnable, &user, "");
                trail.record(Action::RecoveryCodesNew, &user, "");
            }
            Ok(confirmed)
        })
        .await?;
    match confirmed {
        Confirmed::Enabled(codes) => Ok(codes_response(&cx, &codes, true)),
        Confirmed::WrongCode => {
            setup(&cx, &[FieldError::new("code", lang.t("sf-error-setup-wrong"))]).await
        }
        Confirmed::NothingWaiting => Ok(see_other("/account")),
    }
}

/// Ten new recovery codes (the old ones stop working); shown once.
pub(super) async fn post_codes(cx: StaffContext<Staff>) -> Result<HttpResponse, AppError> {
    let user = cx.staff().id().clone();
    let codes = cx
        .change(move |conn, trail| {
            if store::enabled_at(conn, &user)?.is_none() {
                return Ok(None);
            }
            let codes = store::replace_recovery_codes(conn, &user)?;
            trail.record(Action::RecoveryCodesNew, &user, "");
            Ok(Some(codes))
        })
        .await?;
    match codes {
        Some(codes) => Ok(codes_response(&cx, &codes, false)),
        None => Ok(see_other("/account")),
    }
}

fn codes_response<R: crate::auth::Signed>(
    cx: &StaffContext<R>, codes: &[RecoveryCode], just_enabled: bool,
) -> HttpResponse {
    html_response(codes_page(cx.lang, cx.staff(), &cx.csrf, codes, just_enabled))
}
