//! The suggestions page.

use maud::{html, Markup};

use crate::auth::{staff_page, Staff};
use crate::cluster::semantic::EngineName;
use crate::i18n::Lang;
use crate::survey::Topic;
use crate::themes::store::BoardAnswer;
use crate::web::csrf::CsrfToken;
use crate::web::layout::csrf_field;

/// A proposal on the suggestions page.
pub struct Proposal<'a> {
    /// Label from the most distinctive terms.
    pub label: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// Member answers.
    pub members: Vec<&'a BoardAnswer>,
    /// 2–3 representative answers.
    pub representatives: Vec<&'a BoardAnswer>,
}

/// The suggestions page: proposals for the unsorted answers, each to accept (renamed) or reject.
/// `page` holds the topic, the number of themes asked for, the proposals and how many answers
/// are unsorted.
pub fn suggestions_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken,
    (topic, k, proposals, unsorted): (&Topic, usize, &[Proposal<'_>], usize), engine: EngineName,
) -> Markup {
    let title = lang.t("suggest-title");
    let base = format!("/staff/topics/{}", topic.id);
    let body = html! {
        a class="back-link" href=(format!("{base}/board")) { (lang.t("board-back")) }
        h1 { (title) }
        p { (lang.t_args("suggest-intro", &[("count", unsorted.into())])) }
        @match engine {
            EngineName::E5 => p class="hint" { (lang.t("guesses-engine-e5")) },
            EngineName::Tfidf => div class="notice" {
                p { (lang.t("guesses-engine-tfidf")) }
                p { (lang.t("guesses-need-model")) }
            },
        }
        p class="row-actions" {
            @if k > 2 { a href=(format!("{base}/suggestions?k={}", k - 1)) { (lang.t("suggest-fewer")) } }
            span { (lang.t_args("suggest-k", &[("k", k.into())])) }
            @if k < 30 { a href=(format!("{base}/suggestions?k={}", k + 1)) { (lang.t("suggest-more")) } }
        }
        @if proposals.is_empty() { p { (lang.t("suggest-none")) } }
        @for (i, p) in proposals.iter().enumerate() {
            section class="card" aria-labelledby=(format!("p-{i}")) {
                h2 id=(format!("p-{i}")) { (p.label) }
                p class="hint" { (lang.t_args("suggest-size", &[("count", p.members.len().into())])) " · " (p.keywords.join(", ")) }
                ul { @for r in &p.representatives { li { (r.value) } } }
                details {
                    summary { (lang.t("suggest-all-members")) }
                    ul { @for m in &p.members { li { (m.value) } } }
                }
                form method="post" action=(format!("{base}/suggestions/accept")) {
                    (csrf_field(csrf))
                    @for m in &p.members { input type="hidden" name="answer" value=(m.id); }
                    div class="field" {
                        label for=(format!("p-title-{i}")) { (lang.t("suggest-name")) }
                        input type="text" id=(format!("p-title-{i}")) name="title" value=(p.label.to_uppercase());
                    }
                    button type="submit" class="button" { (lang.t("suggest-accept")) }
                }
                form method="post" action=(format!("{base}/suggestions/reject")) {
                    (csrf_field(csrf))
                    @for m in &p.members { input type="hidden" name="answer" value=(m.id); }
                    button type="submit" class="button secondary" { (lang.t("suggest-reject")) }
                }
            }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}
