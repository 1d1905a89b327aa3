//! The staff start page.

use maud::{html, Markup};

use crate::auth::{staff_page, Staff};
use crate::i18n::Lang;
use crate::survey::domain::WorkshopStatus;
use crate::survey::store::{grouped_code, Overview};
use crate::web::csrf::CsrfToken;

/// The staff start page: every track with its topics and workshops.
pub fn dashboard(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, overview: &Overview, contact_missing: bool,
) -> Markup {
    let title = lang.t("dashboard-title");
    let body = html! {
        h1 { (title) }
        @if contact_missing {
            div class="panel retention-warning" role="note" {
                h2 { (lang.t("settings-contact-missing-heading")) }
                p { (lang.t("settings-contact-missing-text")) " " a href="/admin/settings" { (lang.t("settings-contact-missing-link")) } }
            }
        }
        @let now = crate::db::now();
        @let near: Vec<_> = overview.workshops.iter().filter(|w| w.deletion_is_near(now)).collect();
        @if !near.is_empty() {
            div class="panel retention-warning" role="note" {
                h2 { (lang.t("retention-warning-heading")) }
                ul {
                    @for w in near {
                        li {
                            a href=(format!("/staff/workshops/{}", w.id)) { (w.title) } ": "
                            (super::retention_line(lang, w)) " "
                            a href=(format!("/staff/export?scope=workshop&id={}", w.id)) { (lang.t("retention-warning-export")) span class="visually-hidden" { ": " (w.title) } }
                        }
                    }
                }
            }
        }
        @if overview.tracks.is_empty() {
            p { (lang.t("dashboard-empty")) }
        }
        @if staff.role().can_edit() {
            p { a class="button" href="/staff/tracks/new" { (lang.t("track-new")) } }
        }
        @for track in &overview.tracks {
            section aria-labelledby=(format!("track-{}", track.id)) {
                h2 id=(format!("track-{}", track.id)) { (track.title) }
                p { a href=(format!("/staff/export?scope=track&id={}", track.id)) { (lang.t("export-link")) span class="visually-hidden" { ": " (track.title) } } }
                @if staff.role().can_edit() {
                    p class="row-actions" {
                        a href=(format!("/staff/tracks/{}/edit", track.id)) { (lang.t("edit")) span class="visually-hidden" { ": " (track.title) } }
                        a href=(format!("/staff/tracks/{}/topics/new", track.id)) { (lang.t("topic-new")) span class="visually-hidden" { ": " (track.title) } }
                    }
                }
                @for topic in overview.topics.iter().filter(|t| t.track_id == track.id) {
                    h3 { (lang.t("topic-prefix")) " " (topic.title) }
                    p class="row-actions" {
                        a href=(format!("/staff/topics/{}/board", topic.id)) { (lang.t("board-link")) span class="visually-hidden" { ": " (topic.title) } }
                        a href=(format!("/staff/export?scope=topic&id={}", topic.id)) { (lang.t("export-link")) span class="visually-hidden" { ": " (topic.title) } }
                    }
                    @if staff.role().can_edit() {
                        p class="row-actions" {
                            a href=(format!("/staff/topics/{}/edit", topic.id)) { (lang.t("edit")) span class="visually-hidden" { ": " (topic.title) } }
                            a href=(format!("/staff/topics/{}/workshops/new", topic.id)) { (lang.t("workshop-new")) span class="visually-hidden" { ": " (topic.title) } }
                        }
                    }
                    @let workshops: Vec<_> = overview.workshops.iter().filter(|w| w.topic_id == topic.id).collect();
                    @if workshops.is_empty() {
                        p class="hint" { (lang.t("topic-no-workshops")) }
                    } @else {
                        ul class="card-list" {
                            @for w in workshops {
                                li class="card" {
                                    p class="card-title" { a href=(format!("/staff/workshops/{}", w.id)) { (w.title) } }
                                    p class="hint" {
                                        span class={ "badge status-" (w.status.as_str()) } { (lang.t(w.status.label_key())) }
                                        @if let Some(at) = w.starts_at { " · " (at.format("%d.%m.%Y %H:%M")) }
                                        @if !w.location.is_empty() { " · " (w.location) }
                                        @if w.status == WorkshopStatus::Open { " · " (lang.t("join-code")) " " (grouped_code(&w.join_code)) }
                                    }
                                    @if w.status != WorkshopStatus::Draft {
                                        @let c = overview.counts.get(&w.id).copied().unwrap_or_default();
                                        p class="hint" {
                                            (lang.t_args("overview-counts", &[("people", c.people.into()), ("answers", c.answers.into())]))
                                            @if c.statements > 0 { " " (lang.t_args("answers-count-statements", &[("count", c.statements.into())])) }
                                            ". " (super::retention_line(lang, w))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    staff_page(lang, staff, csrf, &title, body)
}
