//! `/admin/audit`: the trail in words, 50 events a page, filtered by person, kind and dates
//! (a GET form that works without JavaScript); `/admin/audit.csv`: the same events as CSV.
//! Admins only.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::domain::parse_date;
use super::{read, views, Filter, Group, Person};
use crate::auth::{Admin, StaffContext};
use crate::config::RuntimeSettings;
use crate::db::UserId;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::layout::{form_response, FieldError};

crate::routes! {
    get "/admin/audit" => get_audit;
    get "/admin/audit.csv" => get_audit_csv;
}

/// The query of the filter form, as typed: every field may be missing or empty.
#[derive(Debug, Default, Deserialize)]
struct AuditQuery {
    #[serde(default)]
    person: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: String,
}

/// What the query asks for: the filter, the page, and what was typed wrong. A date that
/// cannot be read is left out of the filter and said at its field; a person or kind that the
/// selects never offer is a bad request.
struct Asked {
    filter: Filter,
    page: i64,
    errors: Vec<FieldError>,
}

impl AuditQuery {
    fn parse(&self, lang: Lang) -> Result<Asked, AppError> {
        let person = match self.person.trim() {
            "" => None,
            Person::SYSTEM => Some(Person::System),
            id => Some(Person::User(UserId::parse(id).ok_or(AppError::BadRequest("person"))?)),
        };
        let group = match self.kind.trim() {
            "" => None,
            kind => Some(Group::parse(kind).ok_or(AppError::BadRequest("kind"))?),
        };
        let mut errors = Vec::new();
        let mut date = |name: &'static str, text: &str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let date = parse_date(text);
            if date.is_none() {
                errors.push(FieldError::new(name, lang.t("audit-error-date")));
            }
            date
        };
        let (from, mut to) = (date("from", &self.from), date("to", &self.to));
        if from.zip(to).is_some_and(|(f, t)| t < f) {
            errors.push(FieldError::new("to", lang.t("audit-error-order")));
            to = None;
        }
        let page = self.page.trim().parse::<i64>().unwrap_or(1).clamp(1, read::MAX_PAGE);
        Ok(Asked { filter: Filter { person, group, from, to }, page, errors })
    }
}

async fn get_audit(
    cx: StaffContext<Admin>, query: web::Query<AuditQuery>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let Asked { filter, page, errors } = query.parse(cx.lang)?;
    let (lang, shown) = (cx.lang, filter.clone());
    let found = cx.db.run(move |conn| read::page(conn, lang, &shown, page)).await?;
    let months = crate::settings::current(&cx.db, &settings, None).await?.audit_months.value;
    let typed = (query.from.as_str(), query.to.as_str());
    let view = views::AuditView { page: &found, filter: &filter, typed, months };
    Ok(form_response(&errors, views::audit_page(lang, cx.staff(), &cx.csrf, &view, &errors)))
}

async fn get_audit_csv(
    cx: StaffContext<Admin>, query: web::Query<AuditQuery>,
) -> Result<HttpResponse, AppError> {
    let asked = query.parse(cx.lang)?;
    if !asked.errors.is_empty() {
        return Err(AppError::BadRequest("date"));
    }
    let bytes = read::csv_file(&cx.db, cx.lang, asked.filter, cx.staff().id()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, "attachment; filename=\"deltag-log.csv\""))
        .body(bytes))
}
