//! The room's question on a participant's phone: a member check or dot voting.

use maud::html;
use maud::Markup;

use crate::i18n::Lang;
use crate::room::domain::{RoundKind, Verdict};
use crate::web::csrf::CsrfToken;
use crate::web::layout::csrf_field;

/// What a participant's round page shows.
pub struct RoundPage<'a> {
    /// The join code (the page's address).
    pub code: &'a str,
    /// The open round and its items; `None` when nothing is asked now.
    pub round: Option<(&'a crate::room::store::Round, &'a [crate::room::store::RoundItem])>,
    /// What this person said before, by item: verdict, comment, dots.
    pub mine: &'a crate::room::store::PersonsAnswers,
    /// Errors of a vote that was not taken.
    pub errors: &'a [crate::web::layout::FieldError],
    /// Whether they just sent it.
    pub sent: bool,
}

/// The participant's page for the room's question: a member check (a fieldset of three
/// choices and an optional comment per theme or key point) or dot voting (a number per item),
/// on the same accessible pages as the survey, without JavaScript.
pub fn round_page(lang: Lang, csrf: &CsrfToken, page: &RoundPage<'_>) -> Markup {
    use crate::web::layout::{error_message, error_summary, title_with_errors};
    let action = format!("/j/{}/rum", page.code);
    let (title, body) = match page.round {
        None => {
            let title = lang.t("round-none-title");
            let body = html! {
                h1 { (title) }
                p { (lang.t("round-none-text")) }
                p { a href=(format!("/j/{}", page.code)) { (lang.t("round-back")) } }
            };
            (title, body)
        }
        Some((round, items)) if round.kind == RoundKind::Check => {
            let title = title_with_errors(lang, &lang.t("round-check-title"), page.errors);
            let body = html! {
                (error_summary(lang, page.errors))
                @if page.sent { p class="notice" role="status" { (lang.t("round-sent")) } }
                h1 { (lang.t("round-check-title")) }
                p { (lang.t("round-check-intro")) }
                form method="post" action=(action) {
                    (csrf_field(csrf))
                    input type="hidden" name="round_id" value=(round.id);
                    @for item in items {
                        @let (said, comment, _) = page.mine.get(&item.id).cloned().unwrap_or_default();
                        fieldset class="round-item" {
                            legend { (item.text) }
                            @for v in Verdict::ALL {
                                @let id = format!("v-{}-{}", item.id, v.as_str());
                                div class="choice" {
                                    input type="radio" id=(id) name=(format!("v-{}", item.id)) value=(v.as_str()) checked[said == Some(*v)];
                                    label for=(id) { (lang.t(v.label_key())) }
                                }
                            }
                            label for=(format!("c-{}", item.id)) { (lang.t("round-comment")) }
                            textarea id=(format!("c-{}", item.id)) name=(format!("c-{}", item.id)) rows="2" { (comment) }
                        }
                    }
                    button type="submit" class="button" { (lang.t("round-send")) }
                }
            };
            (title, body)
        }
        Some((round, items)) => {
            let title = title_with_errors(lang, &lang.t("round-vote-title"), page.errors);
            let error = page.errors.first();
            let body = html! {
                (error_summary(lang, page.errors))
                @if page.sent { p class="notice" role="status" { (lang.t("round-sent")) } }
                h1 { (lang.t("round-vote-title")) }
                p { (lang.t_args("round-vote-intro", &[("dots", round.dots.into())])) }
                form method="post" action=(action) {
                    (csrf_field(csrf))
                    input type="hidden" name="round_id" value=(round.id);
                    fieldset class=[error.map(|_| "has-error")] aria-describedby=[error.map(|_| "dots-error")] {
                        legend { (lang.t("round-vote-legend")) }
                        (error_message(lang, "dots", error))
                        @for (i, item) in items.iter().enumerate() {
                            @let given = page.mine.get(&item.id).map_or(0, |m| m.2);
                            div class="field" {
                                label for=(if i == 0 { "dots".to_owned() } else { format!("d-{}", item.id) }) { (item.text) }
                                select id=(if i == 0 { "dots".to_owned() } else { format!("d-{}", item.id) }) name=(format!("d-{}", item.id)) class="input-short" {
                                    @for n in 0..=round.dots {
                                        option value=(n) selected[n == given] { (lang.t_args("round-dots", &[("dots", n.into())])) }
                                    }
                                }
                            }
                        }
                    }
                    button type="submit" class="button" { (lang.t("round-vote-send")) }
                }
            };
            (title, body)
        }
    };
    crate::web::layout::page(lang, &title, None, body)
}
