//! Pages of the second factor: the code step of logging in, setting it up, the recovery codes
//! (shown once) and the account page.

use maud::{html, Markup};

use super::staff_page;
use crate::auth::second_factor::{RecoveryCode, Secret, SETUP_PATH};
use crate::auth::session::Staff;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{self, csrf_field, error_summary, field, FieldError, InputKind};

/// Where the code page's forms post.
pub const CODE_PATH: &str = "/login/code";

/// Where new recovery codes are asked for.
pub const CODES_PATH: &str = "/account/second-factor/codes";

/// What the code page shows.
pub struct CodeForm<'a> {
    /// Where to go after login.
    pub next: Option<&'a str>,
    /// Errors (`code` or `recovery`).
    pub errors: &'a [FieldError],
}

/// The second step of logging in: the code from the app, or a recovery code behind "Brug en
/// gendannelseskode" (a disclosure that works without JavaScript, open when it has an error).
pub fn code_page(lang: Lang, csrf: &CsrfToken, form: &CodeForm<'_>) -> Markup {
    let title = layout::title_with_errors(lang, &lang.t("sf-code-title"), form.errors);
    let recovery_open = form.errors.iter().any(|e| e.field == "recovery");
    let next =
        html! { @if let Some(next) = form.next { input type="hidden" name="next" value=(next); } };
    let body = html! {
        (error_summary(lang, form.errors))
        h1 { (lang.t("sf-code-title")) }
        p { (lang.t("sf-code-intro")) }
        form method="post" action=(CODE_PATH) novalidate {
            (csrf_field(csrf))
            (next)
            (field(lang, "code", "sf-code-label", "", form.errors).hint("sf-code-hint").kind(InputKind::Numeric).autocomplete("one-time-code").render())
            button type="submit" class="button" { (lang.t("sf-code-button")) }
        }
        details class="recovery" open[recovery_open] {
            summary { (lang.t("sf-use-recovery")) }
            p { (lang.t("sf-recovery-intro")) }
            form method="post" action=(CODE_PATH) novalidate {
                (csrf_field(csrf))
                (next)
                (field(lang, "recovery", "sf-recovery-label", "", form.errors).hint("sf-recovery-hint").render())
                button type="submit" class="button secondary" { (lang.t("sf-recovery-button")) }
            }
            p { (lang.t("sf-no-phone-no-codes")) }
        }
    };
    layout::page(lang, &title, None, body)
}

/// What the set-up page shows.
pub struct SetupPage<'a> {
    /// The secret being set up.
    pub secret: &'a Secret,
    /// The `otpauth://` link the QR code carries.
    pub otpauth_url: &'a str,
    /// The account must have a second factor before anything else: no staff menu then, only
    /// logout (every other page would lead back here).
    pub forced: bool,
    /// The account has a factor already: this sets up a new phone.
    pub replacing: bool,
    /// Errors of the code field.
    pub errors: &'a [FieldError],
}

/// Setting the second factor up: what to install, the QR code (and the secret as text), and a
/// field for the first code, which confirms it.
pub fn setup_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, page: &SetupPage<'_>,
) -> Result<Markup, AppError> {
    let heading =
        lang.t(if page.replacing { "sf-setup-title-new-phone" } else { "sf-setup-title" });
    let title = layout::title_with_errors(lang, &heading, page.errors);
    let intro = match (page.forced, page.replacing, staff.role()) {
        (true, _, crate::auth::Role::Admin) => "sf-setup-intro-admin",
        (true, _, _) => "sf-setup-intro-required",
        (false, true, _) => "sf-setup-intro-new-phone",
        (false, false, _) => "sf-setup-intro",
    };
    let qr = qr_svg(page.otpauth_url, &lang.t("sf-qr-alt"))?;
    let body = html! {
        (error_summary(lang, page.errors))
        h1 { (heading) }
        p { (lang.t(intro)) }
        ol class="setup-steps" {
            li {
                h2 { (lang.t("sf-step-app")) }
                p { (lang.t("sf-step-app-text")) }
            }
            li {
                h2 { (lang.t("sf-step-scan")) }
                p { (lang.t("sf-step-scan-text")) }
                (qr)
                p { (lang.t("sf-step-type-text")) }
                p { code class="secret-text" id="secret" { (page.secret.grouped()) } }
                p class="hint" { (lang.t("sf-step-type-hint")) }
            }
            li {
                h2 { (lang.t("sf-step-confirm")) }
                form method="post" action=(SETUP_PATH) novalidate {
                    (csrf_field(csrf))
                    (field(lang, "code", "sf-code-label", "", page.errors).hint("sf-step-confirm-hint").kind(InputKind::Numeric).autocomplete("one-time-code").render())
                    button type="submit" class="button" { (lang.t("sf-setup-button")) }
                }
            }
        }
    };
    Ok(if page.forced {
        layout::page(lang, &title, Some(enrol_nav(lang, staff, csrf)), body)
    } else {
        staff_page(lang, staff, csrf, &title, body)
    })
}

/// The only way out while a factor must be set up: logging out.
fn enrol_nav(lang: Lang, staff: &Staff, csrf: &CsrfToken) -> Markup {
    html! {
        nav class="staff-nav" aria-label=(lang.t("nav-label")) {
            ul {
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

/// The QR code of `url` as inline SVG, one path of dark modules on white with the standard
/// quiet zone, named by `label` for screen readers (the secret is also on the page as text).
fn qr_svg(url: &str, label: &str) -> Result<Markup, AppError> {
    use std::fmt::Write as _;
    const QUIET: usize = 4;
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code of a second factor: {e}")))?;
    let width = code.width();
    let size = width + 2 * QUIET;
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            // Writing to a String cannot fail.
            let _ = write!(path, "M{x} {y}h1v1h-1z");
        }
    }
    Ok(html! {
        svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {size} {size}"))
            width="192" height="192" role="img" aria-labelledby="qr-title" shape-rendering="crispEdges" {
            title id="qr-title" { (label) }
            rect width=(size) height=(size) fill="#fff" {}
            path d=(path) fill="#000" {}
        }
    })
}

/// Ten new recovery codes, shown once: after setting the factor up (`just_enabled`) or when
/// asked for new ones.
pub fn codes_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, codes: &[RecoveryCode], just_enabled: bool,
) -> Markup {
    let heading = lang.t(if just_enabled { "sf-enabled-title" } else { "sf-new-codes-title" });
    let body = html! {
        h1 { (heading) }
        @if just_enabled { p { (lang.t("sf-enabled-text")) } }
        h2 { (lang.t("sf-codes-heading")) }
        p { (lang.t("sf-codes-text")) }
        p { strong { (lang.t("sf-codes-once")) } }
        ol class="recovery-codes" {
            @for code in codes { li { code { (code.display()) } } }
        }
        p class="hint" { (lang.t("sf-codes-print")) }
        a class="button" href="/staff" { (lang.t("sf-continue")) }
    };
    staff_page(lang, staff, csrf, &heading, body)
}

/// What the account page shows.
pub struct AccountPage {
    /// When the second factor was set up; `None`: not set up.
    pub enabled_at: Option<chrono::NaiveDateTime>,
    /// Unused recovery codes.
    pub unused_codes: i64,
    /// The person just logged in with a recovery code.
    pub recovery_used: bool,
}

/// "Din konto": who you are, and your second factor: set it up, move it to a new phone, or
/// make new recovery codes.
pub fn account_page(lang: Lang, staff: &Staff, csrf: &CsrfToken, page: &AccountPage) -> Markup {
    let left = || [("count", fluent_bundle::FluentValue::from(page.unused_codes))];
    let body = html! {
        @if page.recovery_used {
            div class="notice" role="status" {
                p { (lang.t_args("sf-recovery-used", &left())) }
                p { (lang.t("sf-recovery-used-lost")) }
            }
        }
        h1 { (lang.t("account-title")) }
        p { (lang.t_args("account-who", &[
            ("name", staff.user.name.as_str().into()),
            ("email", staff.user.email.as_str().into()),
            ("role", lang.t(staff.role().label_key()).into()),
        ])) }
        h2 { (lang.t("sf-account-heading")) }
        @match page.enabled_at {
            Some(at) => {
                p { (lang.t_args("sf-account-on", &[("date", lang.long_date(at.date()).into())])) }
                p { (lang.t_args("sf-account-codes-left", &left())) }
                p { a href=(SETUP_PATH) { (lang.t("sf-account-new-phone")) } }
                h3 { (lang.t("sf-account-new-codes-heading")) }
                p { (lang.t("sf-account-new-codes-text")) }
                form method="post" action=(CODES_PATH) {
                    (csrf_field(csrf))
                    button type="submit" class="button secondary" { (lang.t("sf-account-new-codes-button")) }
                }
            }
            None => {
                p { (lang.t("sf-account-off")) }
                a class="button" href=(SETUP_PATH) { (lang.t("sf-account-turn-on")) }
            }
        }
    };
    staff_page(lang, staff, csrf, &lang.t("account-title"), body)
}

/// "Totrinsbekræftelse" under an account's status on the users page, when it has one.
pub fn factor_note(lang: Lang, has_factor: bool) -> Markup {
    html! { @if has_factor { br; span class="hint" { (lang.t("sf-users-on")) } } }
}

/// The admin's reset of another person's second factor: it opens to say what it does, and
/// only then offers the button (a `details` and a plain form, no JavaScript).
pub fn reset_control(lang: Lang, csrf: &CsrfToken, user: &crate::auth::store::User) -> Markup {
    let name = || [("name", user.name.as_str().into())];
    html! {
        details class="confirm-delete" {
            summary {
                (lang.t("sf-reset")) span class="visually-hidden" { ": " (user.name) }
            }
            p { (lang.t_args("sf-reset-warning", &name())) }
            form method="post" action=(format!("/admin/users/{}/second-factor/reset", user.id)) {
                (csrf_field(csrf))
                button type="submit" class="button warning" { (lang.t_args("sf-reset-confirm", &name())) }
            }
        }
    }
}
