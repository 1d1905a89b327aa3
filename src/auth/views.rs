//! Pages of the auth feature.

pub mod second_factor;

use maud::{html, Markup};

use super::domain::Role;
use super::session::Staff;
use super::store::User;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{self, csrf_field, error_summary, field, FieldError, InputKind};

/// The staff navigation bar: sections, the user's name, and a logout button.
pub fn staff_nav(lang: Lang, staff: &Staff, csrf: &CsrfToken) -> Markup {
    html! {
        nav class="staff-nav" aria-label=(lang.t("nav-label")) {
            ul {
                li { a href="/staff" { (lang.t("nav-overview")) } }
                @if staff.role() == Role::Admin {
                    li { a href="/admin/users" { (lang.t("nav-users")) } }
                    li { a href="/admin/audit" { (lang.t("nav-audit")) } }
                    li { a href="/admin/settings" { (lang.t("nav-settings")) } }
                }
                li { a href="/account" { (lang.t("nav-account")) } }
                li class="nav-user" { (staff.user.name) " (" (lang.t(staff.role().label_key())) ")" }
                li {
                    form method="post" action="/logout" class="inline-form" {
                        (csrf_field(csrf))
                        button type="submit" class="link-button" { (lang.t("nav-logout")) }
                    }
                }
            }
        }
    }
}

/// A page with the staff navigation.
pub fn staff_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, title: &str, main: Markup,
) -> Markup {
    layout::page(lang, title, Some(staff_nav(lang, staff, csrf)), main)
}

/// A staff page that also loads the static `scripts` (see [`layout::page_with`]).
pub fn staff_page_with(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, title: &str, main: Markup, scripts: &[&str],
) -> Markup {
    layout::page_with(lang, title, Some(staff_nav(lang, staff, csrf)), main, scripts)
}

/// What the login form shows.
pub struct LoginForm<'a> {
    /// Typed e-mail (kept after an error).
    pub email: &'a str,
    /// Where to go after login.
    pub next: Option<&'a str>,
    /// Errors.
    pub errors: &'a [FieldError],
    /// A notice above the form ("Du er logget ud").
    pub notice: Option<String>,
}

/// The login page.
pub fn login_page(lang: Lang, csrf: &CsrfToken, form: &LoginForm<'_>) -> Markup {
    let title = layout::title_with_errors(lang, &lang.t("login-title"), form.errors);
    let body = html! {
        (error_summary(lang, form.errors))
        @if let Some(notice) = &form.notice { p class="notice" role="status" { (notice) } }
        h1 { (lang.t("login-title")) }
        p { (lang.t("login-intro")) }
        form method="post" action="/login" novalidate {
            (csrf_field(csrf))
            @if let Some(next) = form.next { input type="hidden" name="next" value=(next); }
            (field(lang, "email", "field-email", form.email, form.errors).kind(InputKind::Email).autocomplete("username").render())
            (field(lang, "password", "field-password", "", form.errors).kind(InputKind::Password).autocomplete("current-password").render())
            button type="submit" class="button" { (lang.t("login-button")) }
        }
        p { a href="/login/glemt" { (lang.t("login-forgot-link")) } }
    };
    layout::page(lang, &title, None, body)
}

/// "Glemt adgangskode": the form when mail can be sent (or the answer after it), else who to
/// ask.
pub fn forgot_page(lang: Lang, csrf: &CsrfToken, mail_ready: bool, sent: bool) -> Markup {
    let body = html! {
        h1 { (lang.t("forgot-title")) }
        @if sent {
            p class="notice" role="status" { (lang.t("forgot-sent")) }
        } @else if mail_ready {
            p { (lang.t("forgot-intro")) }
            form method="post" action="/login/glemt" novalidate {
                (csrf_field(csrf))
                (field(lang, "email", "field-email", "", &[]).kind(InputKind::Email).autocomplete("username").render())
                button type="submit" class="button" { (lang.t("forgot-send")) }
            }
        } @else {
            p { (lang.t("forgot-no-mail")) }
        }
        p { a href="/login" { (lang.t("forgot-back")) } }
    };
    layout::page(lang, &lang.t("forgot-title"), None, body)
}

/// What the set-up / invitation form shows.
pub struct SetupForm<'a> {
    /// The link token (posted back in the URL).
    pub token: &'a str,
    /// The invited account; None for the first admin, who types name and e-mail.
    pub invited: Option<&'a User>,
    /// Typed name.
    pub name: &'a str,
    /// Typed e-mail.
    pub email: &'a str,
    /// Errors.
    pub errors: &'a [FieldError],
}

/// The page where the first admin, or an invited user, chooses a password.
pub fn setup_page(lang: Lang, csrf: &CsrfToken, form: &SetupForm<'_>) -> Markup {
    let heading = match form.invited {
        None => lang.t("setup-title-first"),
        Some(_) => lang.t("setup-title-invited"),
    };
    let title = layout::title_with_errors(lang, &heading, form.errors);
    let min = super::domain::NewPassword::MIN_CHARS.to_string();
    let body = html! {
        (error_summary(lang, form.errors))
        h1 { (heading) }
        @match form.invited {
            None => p { (lang.t("setup-intro-first")) },
            Some(user) => p { (lang.t_args("setup-intro-invited", &[("name", user.name.as_str().into()), ("email", user.email.as_str().into())])) },
        }
        form method="post" action=(format!("/setup/{}", form.token)) novalidate {
            (csrf_field(csrf))
            @if form.invited.is_none() {
                (field(lang, "name", "field-name", form.name, form.errors).autocomplete("name").render())
                (field(lang, "email", "field-email", form.email, form.errors).kind(InputKind::Email).autocomplete("username").render())
            }
            (field(lang, "password", "field-new-password", "", form.errors).hint_text(lang.t_args("password-hint", &[("min", min.as_str().into())])).kind(InputKind::Password).autocomplete("new-password").render())
            (field(lang, "confirm", "field-confirm-password", "", form.errors).kind(InputKind::Password).autocomplete("new-password").render())
            button type="submit" class="button" { (lang.t("setup-button")) }
        }
    };
    layout::page(lang, &title, None, body)
}

/// The admin's list of users, with the add form and per-user actions.
pub struct UsersPage<'a> {
    /// Every account.
    pub users: &'a [User],
    /// Add-user form: typed values and errors.
    pub name: &'a str,
    /// Typed e-mail.
    pub email: &'a str,
    /// Chosen role.
    pub role: Role,
    /// Errors of the add form.
    pub errors: &'a [FieldError],
    /// A notice after an action.
    pub notice: Option<String>,
    /// A fresh invitation link to hand over (shown once).
    pub new_link: Option<(&'a User, String)>,
    /// The accounts with a second factor.
    pub with_second_factor: &'a std::collections::HashSet<crate::db::UserId>,
}

fn status_label(lang: Lang, user: &User) -> String {
    if user.disabled {
        lang.t("user-status-disabled")
    } else if user.password_hash.is_none() {
        lang.t("user-status-invited")
    } else {
        lang.t("user-status-active")
    }
}

/// The users page.
pub fn users_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, page: &UsersPage<'_>) -> Markup {
    let title = layout::title_with_errors(lang, &lang.t("users-title"), page.errors);
    let body = html! {
        (error_summary(lang, page.errors))
        @if let Some(notice) = &page.notice { p class="notice" role="status" { (notice) } }
        h1 { (lang.t("users-title")) }
        @if let Some((user, link)) = &page.new_link {
            div class="panel" role="status" {
                h2 { (lang.t_args("invite-link-title", &[("name", user.name.as_str().into())])) }
                p { (lang.t("invite-link-text")) }
                div class="field copy-link" {
                    label for="invite-link" { (lang.t_args("invite-link-label", &[("name", user.name.as_str().into())])) }
                    input id="invite-link" type="text" readonly value=(link);
                }
                button type="button" class="button secondary" data-copy="invite-link"
                    data-copied=(lang.t("invite-copied")) hidden { (lang.t("invite-copy")) }
                p id="invite-link-status" class="hint" aria-live="polite" {}
            }
        }
        // A card per person rather than a table: names and addresses stay whole at 320 px
        // and at 400 % zoom, and the actions sit under whom they act on.
        ul class="user-list" aria-label=(lang.t("users-title")) {
            @for user in page.users {
                @let has_factor = page.with_second_factor.contains(&user.id);
                li class="card user-card" {
                    h2 class="user-name" { (user.name) }
                    dl class="user-facts" {
                        div { dt { (lang.t("field-email")) } dd { (email_with_breaks(&user.email)) } }
                        div { dt { (lang.t("field-role")) } dd { (lang.t(user.role.label_key())) } }
                        div { dt { (lang.t("users-status")) } dd { (status_label(lang, user)) (second_factor::factor_note(lang, has_factor)) } }
                    }
                    div class="row-actions" { (user_actions(lang, csrf, staff, user)) }
                    @if has_factor && user.id != staff.user.id {
                        (second_factor::reset_control(lang, csrf, user))
                    }
                }
            }
        }
        h2 id="add-user" { (lang.t("users-add-title")) }
        p { (lang.t("users-add-intro")) }
        form method="post" action="/admin/users" novalidate {
            (csrf_field(csrf))
            (field(lang, "name", "field-name", page.name, page.errors).render())
            (field(lang, "email", "field-email", page.email, page.errors).kind(InputKind::Email).render())
            (role_select(lang, "role", page.role))
            button type="submit" class="button" { (lang.t("users-add-button")) }
        }
    };
    staff_page_with(lang, staff, csrf, &title, body, &["copy"])
}

/// An address that may wrap after `@` and before each `.` (inside a word only when one part
/// alone is wider than the screen).
fn email_with_breaks(email: &str) -> Markup {
    let dotted = |text: &str| {
        html! {
            @for (i, part) in text.split('.').enumerate() {
                @if i > 0 { wbr; "." }
                (part)
            }
        }
    };
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    html! {
        (dotted(local))
        @if !domain.is_empty() { "@" wbr; (dotted(domain)) }
    }
}

fn role_select(lang: Lang, id: &str, selected: Role) -> Markup {
    html! {
        div class="field" {
            label for=(id) { (lang.t("field-role")) }
            select id=(id) name="role" {
                @for &role in Role::ALL {
                    option value=(role.as_str()) selected[role == selected] { (lang.t(role.label_key())) }
                }
            }
        }
    }
}

fn user_actions(lang: Lang, csrf: &CsrfToken, staff: &Staff, user: &User) -> Markup {
    let is_self = user.id == staff.user.id;
    let role_id = format!("role-{}", user.id);
    html! {
        @if is_self {
            span class="hint" { (lang.t("users-you")) }
        } @else {
            form method="post" action=(format!("/admin/users/{}/role", user.id)) class="row-form" {
                (csrf_field(csrf))
                label for=(role_id) class="visually-hidden" { (lang.t_args("users-role-for", &[("name", user.name.as_str().into())])) }
                select id=(role_id) name="role" {
                    @for &role in Role::ALL {
                        option value=(role.as_str()) selected[role == user.role] { (lang.t(role.label_key())) }
                    }
                }
                button type="submit" class="button secondary" { (lang.t("users-change-role")) }
            }
            form method="post" action=(format!("/admin/users/{}/{}", user.id, if user.disabled { "enable" } else { "disable" })) class="row-form" {
                (csrf_field(csrf))
                button type="submit" class={ "button " @if user.disabled { "secondary" } @else { "warning" } } {
                    @if user.disabled { (lang.t("users-enable")) } @else { (lang.t("users-disable")) }
                    span class="visually-hidden" { " " (user.name) }
                }
            }
            @if user.password_hash.is_none() && !user.disabled {
                form method="post" action=(format!("/admin/users/{}/invitation", user.id)) class="row-form" {
                    (csrf_field(csrf))
                    button type="submit" class="button secondary" {
                        (lang.t("users-new-link")) span class="visually-hidden" { " " (user.name) }
                    }
                }
            }
        }
    }
}
