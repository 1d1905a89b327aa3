//! `/staff`: every track with its topics and workshops.

use actix_web::{web, HttpResponse};

use crate::auth::{Role, Staff, StaffContext};
use crate::config::RuntimeSettings;
use crate::error::AppError;
use crate::survey::{store, views};
use crate::web::layout::html_response;

pub(super) async fn get_dashboard(
    cx: StaffContext<Staff>, settings: web::Data<RuntimeSettings>,
) -> Result<HttpResponse, AppError> {
    let overview = cx.db.run(store::overview).await?;
    // Admins are told while the statement and privacy text lack an e-mail or phone.
    let contact_missing = cx.who.role() == Role::Admin
        && crate::settings::current(&cx.db, &settings, None).await?.contact_missing();
    Ok(html_response(views::dashboard(cx.lang, &cx.who, &cx.csrf, &overview, contact_missing)))
}
