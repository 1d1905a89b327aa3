//! Pages of the survey feature.

use maud::{html, Markup};

use super::store::{grouped_code, Overview};
use crate::auth::views::staff_page;
use crate::auth::Staff;
use crate::web::csrf::CsrfToken;
use crate::web::Lang;

/// The locale key for a workshop status.
pub fn status_key(status: &str) -> &'static str {
    match status {
        "open" => "status-open",
        "closed" => "status-closed",
        "archived" => "status-archived",
        _ => "status-draft",
    }
}

/// The staff start page: every track with its topics and workshops.
pub fn dashboard(lang: Lang, staff: &Staff, csrf: &CsrfToken, overview: &Overview) -> Markup {
    let title = lang.t("dashboard-title");
    staff_page(
        lang,
        staff,
        csrf,
        &title,
        html! {
            h1 { (title) }
            @if overview.tracks.is_empty() {
                p { (lang.t("dashboard-empty")) }
            }
            @for track in &overview.tracks {
                section aria-labelledby=(format!("track-{}", track.id)) {
                    h2 id=(format!("track-{}", track.id)) { (track.title) }
                    @for topic in overview.topics.iter().filter(|t| t.track_id == track.id) {
                        h3 { (lang.t("topic-prefix")) " " (topic.title) }
                        @let workshops: Vec<_> = overview.workshops.iter().filter(|w| w.topic_id == topic.id).collect();
                        @if workshops.is_empty() {
                            p class="hint" { (lang.t("topic-no-workshops")) }
                        } @else {
                            ul class="card-list" {
                                @for w in workshops {
                                    li class="card" {
                                        p class="card-title" { (w.title) }
                                        p class="hint" {
                                            (lang.t(status_key(&w.status)))
                                            @if let Some(at) = w.starts_at { " · " (at.format("%d.%m.%Y %H:%M")) }
                                            @if !w.location.is_empty() { " · " (w.location) }
                                            @if w.status == "open" { " · " (lang.t("join-code")) " " (grouped_code(&w.join_code)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        },
    )
}
