//! The admin's audit page: a filter form (GET, works without JavaScript), the events as
//! sentences under a heading per day, the raw record one click away in a `<details>`, paging
//! links that keep the filter, and a link to the same events as CSV.

use maud::{html, Markup};

use super::read::{Line, Page, PER_PAGE};
use super::{Filter, Group, Person};
use crate::auth::{staff_page, Staff};
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::{
    described_by, error_message, error_summary, title_with_errors, FieldError,
};

/// What the page shows: the events found, the filter they were found with, and the dates as
/// typed (kept in the form even when they could not be read).
pub(super) struct AuditView<'a> {
    /// The events and the people to choose from.
    pub page: &'a Page,
    /// The filter the events were found with.
    pub filter: &'a Filter,
    /// "From" and "to" as typed.
    pub typed: (&'a str, &'a str),
    /// How long events are kept (the settings').
    pub months: u32,
}

/// The whole page.
pub(super) fn audit_page(
    lang: Lang, staff: &Staff, csrf: &CsrfToken, view: &AuditView<'_>, errors: &[FieldError],
) -> Markup {
    let heading = lang.t("audit-title");
    let title = title_with_errors(lang, &heading, errors);
    let months = i64::from(view.months);
    let body = html! {
        (error_summary(lang, errors))
        h1 { (heading) }
        p { (lang.t("audit-intro")) }
        p class="hint" { (lang.t_args("audit-kept", &[("months", months.into())])) }
        (filter_form(lang, view, errors))
        (events(lang, view))
    };
    staff_page(lang, staff, csrf, &title, body)
}

/// The filter: person, kind, from and to, and one button.
fn filter_form(lang: Lang, view: &AuditView<'_>, errors: &[FieldError]) -> Markup {
    let filter = view.filter;
    let chosen_person = filter.person.as_ref().map(Person::value);
    html! {
        h2 id="audit-filter-heading" { (lang.t("audit-filter-heading")) }
        form class="filters audit-filters" method="get" action="/admin/audit" aria-labelledby="audit-filter-heading" {
            div class="field" {
                label for="person" { (lang.t("audit-person")) }
                select id="person" name="person" {
                    option value="" { (lang.t("audit-person-all")) }
                    @for (id, name) in &view.page.people {
                        option value=(id) selected[chosen_person == Some(id.as_str())] { (name) }
                    }
                    option value=(Person::SYSTEM) selected[filter.person == Some(Person::System)] {
                        (lang.t("audit-person-system"))
                    }
                }
            }
            div class="field" {
                label for="kind" { (lang.t("audit-kind")) }
                select id="kind" name="kind" {
                    option value="" { (lang.t("audit-kind-all")) }
                    @for group in Group::ALL {
                        option value=(group.as_str()) selected[filter.group == Some(*group)] {
                            (lang.t(group.label_key()))
                        }
                    }
                }
            }
            (date_field(lang, ("from", "audit-from"), view.typed.0, errors))
            (date_field(lang, ("to", "audit-to"), view.typed.1, errors))
            div class="field audit-show" {
                button type="submit" class="button" { (lang.t("audit-show")) }
            }
        }
        @if *filter != Filter::default() {
            p { a href="/admin/audit" { (lang.t("audit-clear")) } }
        }
    }
}

/// A labelled date field with its error.
fn date_field(
    lang: Lang, (name, label): (&'static str, &str), value: &str, errors: &[FieldError],
) -> Markup {
    let error = errors.iter().find(|e| e.field == name);
    let described = described_by(None, name, error);
    html! {
        div class={ "field" @if error.is_some() { " field-error" } } {
            label for=(name) { (lang.t(label)) }
            (error_message(lang, name, error))
            input type="date" id=(name) name=(name) value=(value.trim())
                aria-describedby=[described] aria-invalid=[error.map(|_| "true")];
        }
    }
}

/// The events found: how many, the CSV link, a heading per day, paging.
fn events(lang: Lang, view: &AuditView<'_>) -> Markup {
    let page = view.page;
    let first = (page.number - 1) * PER_PAGE + 1;
    let last = first + i64::try_from(page.lines.len()).unwrap_or(PER_PAGE) - 1;
    let csv = format!("/admin/audit.csv{}", query(view.filter, None));
    html! {
        h2 id="audit-events-heading" { (lang.t("audit-events-heading")) }
        p {
            (lang.t_args("audit-count", &[("count", page.total.into())]))
            @if page.total > PER_PAGE && !page.lines.is_empty() {
                " " (lang.t_args("audit-showing", &[("first", first.into()), ("last", last.into())]))
            }
            @if !page.lines.is_empty() { " " (lang.t("audit-newest-first")) }
        }
        @if page.total > 0 {
            p { a href=(csv) { (lang.t_args("audit-csv", &[("count", page.total.into())])) } }
        }
        @if page.lines.is_empty() && page.total > 0 {
            p { (lang.t("audit-page-empty")) }
        }
        @for day in days(&page.lines) {
            h3 class="audit-day" { (lang.long_date(day[0].at.date())) }
            ol class="audit-list" {
                @for line in day { (event(lang, line)) }
            }
        }
        (pager(lang, view.filter, page))
    }
}

/// The lines in runs of the same day.
fn days(lines: &[Line]) -> Vec<&[Line]> {
    lines.chunk_by(|a, b| a.at.date() == b.at.date()).collect()
}

/// One event: the time, the sentence, and the raw record folded away.
fn event(lang: Lang, line: &Line) -> Markup {
    let time = line.at.format("%H:%M").to_string();
    html! {
        li class="audit-event" {
            time class="audit-time" datetime=(line.at.format("%Y-%m-%dT%H:%M:%SZ").to_string()) { (time) }
            div class="audit-body" {
                p class="audit-sentence" { (line.sentence) }
                details class="audit-raw" {
                    summary {
                        (lang.t("audit-raw"))
                        span class="visually-hidden" { " " (lang.t_args("audit-raw-at", &[("time", time.as_str().into())])) }
                    }
                    dl {
                        dt { (lang.t("audit-raw-code")) }
                        dd { code { (line.action) } }
                        dt { (lang.t("audit-raw-subject")) }
                        dd { @if line.subject.is_empty() { "–" } @else { code { (line.subject) } } }
                        @if !line.detail.is_empty() {
                            dt { (lang.t("audit-raw-detail")) }
                            dd { code { (line.detail) } }
                        }
                    }
                }
            }
        }
    }
}

/// "Nyere hændelser" and "Ældre hændelser", keeping the filter.
fn pager(lang: Lang, filter: &Filter, page: &Page) -> Markup {
    let newer = (page.number > 1).then(|| page.number - 1);
    let older = (page.number * PER_PAGE < page.total).then(|| page.number + 1);
    html! {
        @if newer.is_some() || older.is_some() {
            nav class="pager" aria-label=(lang.t("audit-pages")) {
                @if let Some(n) = newer {
                    a rel="prev" href=(format!("/admin/audit{}", query(filter, Some(n)))) { (lang.t("audit-newer")) }
                }
                @if let Some(n) = older {
                    a rel="next" href=(format!("/admin/audit{}", query(filter, Some(n)))) { (lang.t("audit-older")) }
                }
            }
        }
    }
}

/// `?person=…&kind=…&page=2`, or nothing when there is nothing to keep.
fn query(filter: &Filter, page: Option<i64>) -> String {
    let mut pairs = filter.query_pairs();
    if let Some(n) = page.filter(|n| *n > 1) {
        pairs.push(("page", n.to_string()));
    }
    if pairs.is_empty() {
        return String::new();
    }
    let encoded = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
    format!("?{encoded}")
}
