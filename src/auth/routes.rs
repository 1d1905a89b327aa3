//! Login, logout, set-up and invitation links, and the admin's user pages.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::domain::{Email, NewPassword, PasswordProblem, PersonName, Role};
use super::session::{removal_cookie, session_cookie, Staff};
use super::store::{self, AcceptError, Acceptance, CreateUserError};
use super::{password, views};
use crate::audit;
use crate::config::RuntimeSettings;
use crate::db::Db;
use crate::error::AppError;
use crate::throttle::{self, Limit};
use crate::web::csrf::CsrfToken;
use crate::web::layout::{html_response, html_status, see_other, FieldError};
use crate::web::{client_ip, safe_next, Form, Lang};

crate::routes! {
    get "/login" => get_login;
    post "/login" => post_login;
    post "/logout" => post_logout;
    get "/setup/{token}" => get_setup;
    post "/setup/{token}" => post_setup;
    get "/admin/users" => get_users;
    post "/admin/users" => post_users;
    post "/admin/users/{id}/role" => post_user_role;
    post "/admin/users/{id}/disable" => post_user_disable;
    post "/admin/users/{id}/enable" => post_user_enable;
    post "/admin/users/{id}/invitation" => post_user_invitation;
}

/// Failed logins per account before it must wait; per client address (a whole office may
/// share one). Neither locks anyone out for longer than the window.
const ACCOUNT_LIMIT: Limit = Limit {
    max: 10,
    window: chrono::Duration::minutes(15),
};
const CLIENT_LIMIT: Limit = Limit {
    max: 100,
    window: chrono::Duration::minutes(15),
};

#[derive(Deserialize)]
struct LoginQuery {
    next: Option<String>,
    logged_out: Option<String>,
}

async fn get_login(
    lang: Lang,
    csrf: CsrfToken,
    query: web::Query<LoginQuery>,
    staff: Option<Staff>,
) -> HttpResponse {
    if staff.is_some() {
        return see_other("/staff");
    }
    let next = safe_next(query.next.as_deref());
    let notice = query
        .logged_out
        .as_ref()
        .map(|_| lang.t("login-logged-out"));
    html_response(views::login_page(
        lang,
        &csrf,
        &views::LoginForm {
            email: "",
            next: next.as_deref(),
            errors: &[],
            notice,
        },
    ))
}

#[derive(Deserialize)]
struct LoginInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

async fn post_login(
    req: HttpRequest,
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    Form(input): Form<LoginInput>,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(input.next.as_deref());
    let rerender = |status, errors: Vec<FieldError>| {
        html_status(
            status,
            views::login_page(
                lang,
                &csrf,
                &views::LoginForm {
                    email: &input.email,
                    next: next.as_deref(),
                    errors: &errors,
                    notice: None,
                },
            ),
        )
    };
    let mut errors = Vec::new();
    if input.email.trim().is_empty() {
        errors.push(FieldError {
            field: "email",
            message: lang.t("login-error-email-missing"),
        });
    }
    if input.password.is_empty() {
        errors.push(FieldError {
            field: "password",
            message: lang.t("login-error-password-missing"),
        });
    }
    if !errors.is_empty() {
        return Ok(rerender(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            errors,
        ));
    }

    let email = input.email.trim().to_lowercase();
    let account_key = throttle::key("login-account", &email);
    let client_key = throttle::key("login-client", &client_ip(&req, &settings));
    let (keys, lookup_email) = ((account_key.clone(), client_key.clone()), email.clone());
    let (blocked, user) = db
        .run(move |conn| {
            let blocked = throttle::blocked_for(conn, &keys.0, ACCOUNT_LIMIT)?
                .max(throttle::blocked_for(conn, &keys.1, CLIENT_LIMIT)?);
            let user = store::find_user_by_email(conn, &lookup_email)?;
            Ok::<_, AppError>((blocked, user))
        })
        .await?;
    if let Some(seconds) = blocked {
        let minutes = seconds.div_ceil(60).to_string();
        let message = lang.t_args(
            "login-error-throttled",
            &[("minutes", minutes.as_str().into())],
        );
        let mut res = rerender(
            actix_web::http::StatusCode::TOO_MANY_REQUESTS,
            vec![FieldError {
                field: "email",
                message,
            }],
        );
        res.headers_mut().insert(
            actix_web::http::header::RETRY_AFTER,
            actix_web::http::header::HeaderValue::from(seconds),
        );
        return Ok(res);
    }

    // Unknown, disabled and not-yet-activated accounts are checked against a dummy hash, so
    // every failure takes as long and reads the same.
    let usable = user.filter(|u| !u.disabled && u.password_hash.is_some());
    let hash = usable.as_ref().and_then(|u| u.password_hash.clone());
    let verified = password::verify(input.password.clone(), hash).await?;
    let Some(user) = usable.filter(|_| verified) else {
        db.run(move |conn| {
            throttle::record_failure(conn, &account_key, ACCOUNT_LIMIT.window)?;
            throttle::record_failure(conn, &client_key, CLIENT_LIMIT.window)
        })
        .await?;
        let message = lang.t("login-error-wrong");
        return Ok(rerender(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            vec![FieldError {
                field: "email",
                message,
            }],
        ));
    };

    let old_session = req
        .cookie(&crate::web::cookie_name(
            &settings,
            super::session::SESSION_COOKIE,
        ))
        .map(|c| crate::web::token_hash(c.value()));
    let user_id = user.id.clone();
    let token = db
        .write(move |conn| {
            if let Some(old) = &old_session {
                store::delete_session(conn, old)?;
            }
            throttle::reset(conn, &account_key)?;
            let token = store::create_session(conn, &user_id)?;
            audit::record(conn, Some(&user_id), "auth.login", &user_id, "")?;
            Ok::<_, AppError>(token)
        })
        .await?;
    let mut res = see_other(next.as_deref().unwrap_or("/staff"));
    res.add_cookie(&session_cookie(&settings, token))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(res)
}

async fn post_logout(
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let session_id = staff.session_id.clone();
    let user_id = staff.user.id.clone();
    db.write(move |conn| {
        store::delete_session(conn, &session_id)?;
        audit::record(conn, Some(&user_id), "auth.logout", &user_id, "")
    })
    .await?;
    let mut res = see_other("/login?logged_out=1");
    res.add_cookie(&removal_cookie(&settings))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(res)
}

async fn load_invitation(
    db: &Db,
    token: String,
) -> Result<(store::Invitation, Option<store::User>), AppError> {
    db.run(move |conn| {
        let inv = store::find_live_invitation(conn, &token)?.ok_or(AppError::NotFound)?;
        let user = match &inv.user_id {
            Some(uid) => Some(store::find_user(conn, uid)?.ok_or(AppError::NotFound)?),
            None => None,
        };
        // An invited account that was disabled meanwhile cannot be activated.
        if user.as_ref().is_some_and(|u| u.disabled) {
            return Err(AppError::NotFound);
        }
        Ok((inv, user))
    })
    .await
}

async fn get_setup(
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let (_, user) = load_invitation(&db, token.clone()).await?;
    Ok(html_response(views::setup_page(
        lang,
        &csrf,
        &views::SetupForm {
            token: &token,
            invited: user.as_ref(),
            name: "",
            email: "",
            errors: &[],
        },
    )))
}

#[derive(Deserialize)]
struct SetupInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

async fn post_setup(
    lang: Lang,
    csrf: CsrfToken,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    token: web::Path<String>,
    Form(input): Form<SetupInput>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let (_, invited) = load_invitation(&db, token.clone()).await?;
    let mut errors = Vec::new();
    let (name, email) = if invited.is_none() {
        let name = PersonName::parse(&input.name);
        if name.is_none() {
            errors.push(FieldError {
                field: "name",
                message: lang.t("error-name"),
            });
        }
        let email = Email::parse(&input.email);
        if email.is_none() {
            errors.push(FieldError {
                field: "email",
                message: lang.t("error-email"),
            });
        }
        (name, email)
    } else {
        (None, None)
    };
    let password = match NewPassword::parse(&input.password, &input.confirm) {
        Ok(p) => Some(p),
        Err(problem) => {
            let (field, key) = match problem {
                PasswordProblem::TooShort => ("password", "error-password-short"),
                PasswordProblem::TooLong => ("password", "error-password-long"),
                PasswordProblem::Mismatch => ("confirm", "error-password-mismatch"),
            };
            let min = NewPassword::MIN_CHARS.to_string();
            errors.push(FieldError {
                field,
                message: lang.t_args(key, &[("min", min.as_str().into())]),
            });
            None
        }
    };
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return Ok(html_status(
            actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
            views::setup_page(
                lang,
                &csrf,
                &views::SetupForm {
                    token: &token,
                    invited: invited.as_ref(),
                    name: &input.name,
                    email: &input.email,
                    errors: &errors,
                },
            ),
        ));
    };
    let hash = password::hash(password.expose().to_owned()).await?;
    let session = db
        .write(move |conn| {
            let acceptance = match (&name, &email) {
                (Some(name), Some(email)) => Acceptance::FirstAdmin { email, name },
                _ => Acceptance::Invited,
            };
            let user = match store::accept_invitation(conn, &token, acceptance, &hash) {
                Ok(user) => user,
                Err(AcceptError::Dead) => return Err(AppError::NotFound),
                Err(AcceptError::Create(CreateUserError::DuplicateEmail)) => {
                    return Err(AppError::BadRequest("duplicate e-mail"))
                }
                Err(AcceptError::Create(CreateUserError::Db(e)) | AcceptError::Db(e)) => {
                    return Err(e.into())
                }
            };
            audit::record(conn, Some(&user.id), "auth.activate", &user.id, "")?;
            Ok(store::create_session(conn, &user.id)?)
        })
        .await?;
    let mut res = see_other("/staff");
    res.add_cookie(&session_cookie(&settings, session))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(res)
}

#[derive(Deserialize)]
struct UsersQuery {
    done: Option<String>,
}

fn notice_for(lang: Lang, done: Option<&str>) -> Option<String> {
    let key = match done? {
        "role" => "users-done-role",
        "disable" => "users-done-disable",
        "enable" => "users-done-enable",
        _ => return None,
    };
    Some(lang.t(key))
}

async fn get_users(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    query: web::Query<UsersQuery>,
) -> Result<HttpResponse, AppError> {
    staff.require_admin()?;
    let users = db.run(store::list_users).await?;
    Ok(html_response(views::users_page(
        lang,
        &staff,
        &csrf,
        &views::UsersPage {
            users: &users,
            name: "",
            email: "",
            role: Role::Facilitator,
            errors: &[],
            notice: notice_for(lang, query.done.as_deref()),
            new_link: None,
        },
    )))
}

#[derive(Deserialize)]
struct AddUserInput {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

/// Creates an invited account and shows its link once. This is the one POST that answers with
/// a page instead of a redirect: only the link's hash is stored, so it cannot be shown later.
async fn post_users(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    Form(input): Form<AddUserInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_admin()?;
    let role = Role::parse(&input.role).ok_or(AppError::BadRequest("unknown role"))?;
    let mut errors = Vec::new();
    let name = PersonName::parse(&input.name);
    if name.is_none() {
        errors.push(FieldError {
            field: "name",
            message: lang.t("error-name"),
        });
    }
    let email = Email::parse(&input.email);
    if email.is_none() {
        errors.push(FieldError {
            field: "email",
            message: lang.t("error-email"),
        });
    }
    let admin_id = staff.user.id.clone();
    let created = match (name, email) {
        (Some(name), Some(email)) => Some(
            db.write(move |conn| {
                let user = match store::create_user(conn, &email, &name, role, None) {
                    Ok(user) => user,
                    Err(CreateUserError::DuplicateEmail) => return Ok(None),
                    Err(CreateUserError::Db(e)) => return Err(AppError::from(e)),
                };
                let token = store::create_invitation(conn, Some(&user.id), Some(&admin_id))?;
                audit::record(
                    conn,
                    Some(&admin_id),
                    "user.invite",
                    &user.id,
                    role.as_str(),
                )?;
                Ok(Some((user, token)))
            })
            .await?,
        ),
        _ => None,
    };
    let created = match created {
        Some(Some(pair)) => Some(pair),
        Some(None) => {
            errors.push(FieldError {
                field: "email",
                message: lang.t("error-email-taken"),
            });
            None
        }
        None => None,
    };
    let users = db.run(store::list_users).await?;
    let status = if errors.is_empty() {
        actix_web::http::StatusCode::OK
    } else {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let (name, email) = if errors.is_empty() {
        ("", "")
    } else {
        (input.name.as_str(), input.email.as_str())
    };
    let new_link = created
        .as_ref()
        .map(|(user, token)| (user, format!("{}/setup/{}", settings.base_url, token)));
    let notice = match &new_link {
        Some((user, link)) => mail_invitation(lang, &settings, user, link).await,
        None => None,
    };
    Ok(html_status(
        status,
        views::users_page(
            lang,
            &staff,
            &csrf,
            &views::UsersPage {
                users: &users,
                name,
                email,
                role,
                errors: &errors,
                notice,
                new_link,
            },
        ),
    ))
}

/// Mails an invitation link with the same mailer as exports, when mail is set up. The link is
/// shown on screen either way; the notice says whether the mail went out.
async fn mail_invitation(
    lang: Lang,
    settings: &RuntimeSettings,
    user: &store::User,
    link: &str,
) -> Option<String> {
    let mailer = match crate::mail::Mailer::new(
        settings.settings.smtp_url.as_deref(),
        &settings.settings.mail_from,
    ) {
        Ok(m) => m,
        Err(crate::mail::MailError::NotConfigured) => return None,
        Err(e) => return Some(format!("{} ({e})", lang.t("invite-mail-failed"))),
    };
    let to = vec![user.email.clone()];
    let subject = lang.t("invite-mail-subject");
    let body = lang.t_args(
        "invite-mail-body",
        &[("name", user.name.as_str().into()), ("link", link.into())],
    );
    let sent = actix_web::web::block(move || mailer.send(&to, &subject, &body, None)).await;
    Some(match sent {
        Ok(Ok(())) => lang.t_args("invite-mail-sent", &[("email", user.email.as_str().into())]),
        Ok(Err(e)) => format!("{} ({e})", lang.t("invite-mail-failed")),
        Err(_) => lang.t("invite-mail-failed"),
    })
}

#[derive(Deserialize)]
struct RoleInput {
    role: String,
}

async fn post_user_role(
    staff: Staff,
    db: web::Data<Db>,
    path: web::Path<String>,
    Form(input): Form<RoleInput>,
) -> Result<HttpResponse, AppError> {
    staff.require_admin()?;
    let role = Role::parse(&input.role).ok_or(AppError::BadRequest("unknown role"))?;
    let (user_id, admin_id) = (path.into_inner(), staff.user.id.clone());
    // Admins never change or disable themselves, so the acting admin always remains: the
    // product can never be left without an active admin.
    if user_id == admin_id {
        return Err(AppError::BadRequest("cannot change your own role"));
    }
    db.write(move |conn| {
        if store::set_role(conn, &user_id, role)? == 0 {
            return Err(AppError::NotFound);
        }
        audit::record(conn, Some(&admin_id), "user.role", &user_id, role.as_str())?;
        Ok(())
    })
    .await?;
    Ok(see_other("/admin/users?done=role"))
}

async fn set_disabled(
    staff: Staff,
    db: web::Data<Db>,
    user_id: String,
    disabled: bool,
) -> Result<HttpResponse, AppError> {
    staff.require_admin()?;
    if user_id == staff.user.id {
        return Err(AppError::BadRequest("cannot disable yourself"));
    }
    let admin_id = staff.user.id.clone();
    let action = if disabled { "disable" } else { "enable" };
    db.write(move |conn| {
        if store::set_disabled(conn, &user_id, disabled)? == 0 {
            return Err(AppError::NotFound);
        }
        audit::record(
            conn,
            Some(&admin_id),
            &format!("user.{action}"),
            &user_id,
            "",
        )?;
        Ok(())
    })
    .await?;
    Ok(see_other(&format!("/admin/users?done={action}")))
}

async fn post_user_disable(
    staff: Staff,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    set_disabled(staff, db, path.into_inner(), true).await
}

async fn post_user_enable(
    staff: Staff,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    set_disabled(staff, db, path.into_inner(), false).await
}

/// A new invitation link for an account that has not been activated; shown once.
async fn post_user_invitation(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    staff.require_admin()?;
    let (user_id, admin_id) = (path.into_inner(), staff.user.id.clone());
    let (user, token, users) = db
        .write(move |conn| {
            let user = store::find_user(conn, &user_id)?.ok_or(AppError::NotFound)?;
            if user.password_hash.is_some() || user.disabled {
                return Err(AppError::BadRequest("account is not awaiting activation"));
            }
            let token = store::create_invitation(conn, Some(&user.id), Some(&admin_id))?;
            audit::record(conn, Some(&admin_id), "user.reinvite", &user.id, "")?;
            Ok((user, token, store::list_users(conn)?))
        })
        .await?;
    let link = format!("{}/setup/{}", settings.base_url, token);
    Ok(html_response(views::users_page(
        lang,
        &staff,
        &csrf,
        &views::UsersPage {
            users: &users,
            name: "",
            email: "",
            role: Role::Facilitator,
            errors: &[],
            notice: None,
            new_link: Some((&user, link)),
        },
    )))
}
