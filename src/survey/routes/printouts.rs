//! The printouts of a workshop: the A4 poster and the table cards.

use actix_web::{web, HttpResponse};

use crate::auth::{Staff, StaffContext};
use crate::config::RuntimeSettings;
use crate::db::WorkshopId;
use crate::error::AppError;
use crate::survey::{store, views, Workshop};
use crate::web::layout::html_response;

/// A printout page of a workshop, from its join URL and the site's address.
type Printout = fn(crate::i18n::Lang, &Workshop, &str, &str, &str) -> maud::Markup;

async fn printout(
    cx: StaffContext<Staff>, settings: web::Data<RuntimeSettings>, id: web::Path<WorkshopId>,
    render: Printout,
) -> Result<HttpResponse, AppError> {
    let w = cx.db.find(move |conn| store::find_workshop(conn, &id)).await?;
    let join_url = settings.join_url(&w.join_code);
    let qr = crate::survey::qr::join_qr_data_uri(&join_url)?;
    Ok(html_response(render(cx.lang, &w, &join_url, &settings.base_url, &qr)))
}

pub(super) async fn get_poster(
    cx: StaffContext<Staff>, settings: web::Data<RuntimeSettings>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    printout(cx, settings, id, views::poster_page).await
}

pub(super) async fn get_cards(
    cx: StaffContext<Staff>, settings: web::Data<RuntimeSettings>, id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    printout(cx, settings, id, views::cards_page).await
}
