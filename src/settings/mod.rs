//! Site settings an admin changes in the browser (`/admin/settings`): the organisation, how to
//! reach it, retention defaults, mail, the accessibility statement. Stored in the database, so
//! every replica sees them; a server flag or environment variable still wins over the page.
//! The accessibility statement (`/tilgaengelighed`) is built from them.

pub mod domain;
mod form;
pub mod routes;
pub mod store;
mod views;

use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

pub use domain::{
    Key, Setting, Site, Source, DEFAULT_AUDIT_MONTHS, DEFAULT_ORGANISATION, DEFAULT_RETENTION_DAYS,
};

use crate::config::{RuntimeSettings, ServerSite};
use crate::db::{Db, DbConnection};
use crate::error::AppError;
use crate::web::ui::{BrandNames, Branding};

/// Saves `value` for `key` unless a value is saved already (demo data).
pub fn save_if_unset(conn: &mut DbConnection, key: Key, value: &str) -> diesel::QueryResult<bool> {
    store::save_if_unset(conn, key, value)
}

/// Whether every role must use a second factor: the server's flag, else the one saved row.
/// Read on staff requests of accounts without a factor, so it reads that row alone.
pub fn second_factor_for_all(
    conn: &mut DbConnection, server: &ServerSite,
) -> diesel::QueryResult<bool> {
    if let Some(fixed) = server.second_factor_for_all {
        return Ok(fixed);
    }
    Ok(store::saved_value(conn, Key::SecondFactorForAll)?.is_some_and(|v| v == "true"))
}

/// The settings in force, read from the database now.
pub fn load(conn: &mut DbConnection, server: &ServerSite) -> diesel::QueryResult<Site> {
    Ok(Site::resolve(&store::saved(conn)?, server))
}

/// [`load`] from a handler, keeping this server's page shell (footer, header) up to date.
pub async fn current(
    db: &Db, settings: &RuntimeSettings, branding: Option<&Branding>,
) -> Result<Site, AppError> {
    let server = settings.settings.site.clone();
    let site = db.run(move |conn| load(conn, &server)).await?;
    if let Some(branding) = branding {
        branding.set(brand_names(&site));
    }
    Ok(site)
}

/// What the page shell shows of `site`.
pub fn brand_names(site: &Site) -> BrandNames {
    BrandNames {
        organisation: site.organisation.value.clone(),
        header: site.header_name().to_owned(),
        email: site.contact_email.value.clone(),
        phone: site.contact_phone.value.clone(),
    }
}

/// When this server last read the names from the database.
#[derive(Debug)]
pub struct BrandingAge(std::sync::Mutex<Option<Instant>>);

impl BrandingAge {
    /// Never read yet.
    pub fn new() -> BrandingAge {
        BrandingAge(std::sync::Mutex::new(None))
    }
}

impl Default for BrandingAge {
    fn default() -> Self {
        Self::new()
    }
}

/// How stale the footer's and header's names may get on a replica that did not save them.
const BRANDING_FRESH: Duration = Duration::from_secs(15);

/// Middleware: before a request, re-reads the organisation's names when they are older than
/// [`BRANDING_FRESH`] (one small query per replica every 15 s, never per request), so a change
/// saved on another replica shows here too. A failed read keeps the old names.
pub async fn keep_branding_fresh(
    req: ServiceRequest, next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let parts = (
        req.app_data::<web::Data<BrandingAge>>().cloned(),
        req.app_data::<web::Data<Branding>>().cloned(),
        req.app_data::<web::Data<Db>>().cloned(),
        req.app_data::<web::Data<RuntimeSettings>>().cloned(),
    );
    if let (Some(age), Some(branding), Some(db), Some(settings)) = parts {
        let due = match age.0.lock() {
            Ok(mut last) => {
                let due = last.is_none_or(|at| at.elapsed() > BRANDING_FRESH);
                if due {
                    *last = Some(Instant::now());
                }
                due
            }
            Err(_) => false,
        };
        if due {
            if let Err(e) = current(&db, &settings, Some(&branding)).await {
                tracing::warn!(error = %e, "could not read the site settings");
            }
        }
    }
    next.call(req).await
}
