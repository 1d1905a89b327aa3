//! The public pages of the participant side: the front page with its code form, and
//! withdrawing one's answers.

use maud::{html, Markup};

use super::participant_page;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{self, csrf_field, error_summary, field, FieldError, InputKind};

/// The front page: type the workshop code (when the camera fails), or log in as staff.
pub fn home_page(lang: Lang, typed: &str, errors: &[FieldError]) -> Markup {
    let title = layout::title_with_errors(lang, &lang.t("home-title"), errors);
    let body = html! {
        (error_summary(lang, errors))
        h1 { (lang.t("home-title")) }
        p { (lang.t("home-intro")) }
        (code_form(lang, typed, errors))
        h2 { (lang.t("home-withdraw-heading")) }
        p { a href="/trak-tilbage" { (lang.t("home-withdraw-link")) } }
        p class="staff-link" { a href="/login" { (lang.t("home-staff-link")) } }
    };
    participant_page(lang, &title, body)
}

/// The withdrawal form.
pub fn withdraw_page(lang: Lang, csrf: &CsrfToken, typed: &str, errors: &[FieldError]) -> Markup {
    let title = layout::title_with_errors(lang, &lang.t("withdraw-title"), errors);
    let body = html! {
        (error_summary(lang, errors))
        h1 { (lang.t("withdraw-title")) }
        p { (lang.t("withdraw-intro")) }
        form method="post" action="/trak-tilbage" novalidate {
            (csrf_field(csrf))
            (field(lang, "code", "withdraw-code-label", typed, errors).hint("withdraw-code-hint").render())
            button type="submit" class="button warning" { (lang.t("withdraw-button")) }
        }
    };
    participant_page(lang, &title, body)
}

/// "Vil du slette dine svar?": asked once, after the code was found and before anything is
/// deleted. The code goes along in a hidden field; "Nej" leads away and deletes nothing.
pub fn withdraw_confirm_page(
    lang: Lang, csrf: &CsrfToken, code: &str, workshop_title: &str,
) -> Markup {
    let body = html! {
        h1 { (lang.t("withdraw-confirm-title")) }
        p { (lang.t_args("withdraw-confirm-text", &[("workshop", workshop_title.into())])) }
        p { (lang.t("withdraw-confirm-final")) }
        form method="post" action="/trak-tilbage" {
            (csrf_field(csrf))
            input type="hidden" name="code" value=(code);
            input type="hidden" name="confirm" value="yes";
            button type="submit" class="button warning" { (lang.t("withdraw-confirm-button")) }
        }
        p { a href="/" { (lang.t("withdraw-confirm-cancel")) } }
    };
    participant_page(lang, &lang.t("withdraw-confirm-title"), body)
}

/// After a withdrawal.
pub fn withdrawn_page(lang: Lang) -> Markup {
    let body = html! {
        div class="panel confirmation" {
            h1 { (lang.t("withdrawn-title")) }
            p { (lang.t("withdrawn-text")) }
        }
    };
    participant_page(lang, &lang.t("withdrawn-title"), body)
}

/// The front page's code form.
pub fn code_form(lang: Lang, typed: &str, errors: &[FieldError]) -> Markup {
    html! {
        form method="get" action="/j" novalidate {
            (field(lang, "code", "code-label", typed, errors).hint("code-hint").kind(InputKind::Numeric).render())
            button type="submit" class="button" { (lang.t("code-button")) }
        }
    }
}
