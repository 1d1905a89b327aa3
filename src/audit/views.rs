//! The admin's audit page.

use maud::{html, Markup};

use super::AuditEvent;
use crate::auth::{staff_page, Staff};
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;

/// The newest events, each with the name of who did it (when known).
pub fn audit_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, events: &[(AuditEvent, Option<String>)],
) -> Markup {
    let title = lang.t("audit-title");
    let body = html! {
        h1 { (title) }
        div class="table-scroll" {
            table {
                thead { tr {
                    th scope="col" { (lang.t("audit-when")) }
                    th scope="col" { (lang.t("audit-who")) }
                    th scope="col" { (lang.t("audit-what")) }
                    th scope="col" { (lang.t("audit-subject")) }
                } }
                tbody {
                    @for (e, who) in events {
                        tr {
                            td { (e.at.format("%d.%m.%Y %H:%M:%S")) }
                            td { (who.as_deref().unwrap_or("–")) }
                            td { code { (e.action) } @if !e.detail.is_empty() { " " (e.detail) } }
                            td { code { (e.subject) } }
                        }
                    }
                }
            }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}
