//! The printouts of a workshop: the A4 poster and the table cards.

use actix_web::{web, HttpResponse};

use crate::auth::Staff;
use crate::config::RuntimeSettings;
use crate::db::{Db, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::store::{self, Workshop};
use crate::survey::views;
use crate::web::layout::html_response;

/// Which printout.
#[derive(Clone, Copy)]
enum Printout {
    Poster,
    Cards,
}

async fn printout(
    lang: Lang,
    db: &Db,
    settings: &RuntimeSettings,
    id: WorkshopId,
    which: Printout,
) -> Result<HttpResponse, AppError> {
    let w: Workshop = db
        .run(move |conn| store::find_workshop(conn, &id))
        .await?
        .ok_or(AppError::NotFound)?;
    let join_url = settings.join_url(&w.join_code);
    let page = match which {
        Printout::Poster => views::poster_page(lang, &w, &join_url, &settings.base_url),
        Printout::Cards => views::cards_page(lang, &w, &join_url, &settings.base_url),
    };
    Ok(html_response(page))
}

pub(super) async fn get_poster(
    lang: Lang,
    _staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    printout(lang, &db, &settings, id.into_inner(), Printout::Poster).await
}

pub(super) async fn get_cards(
    lang: Lang,
    _staff: Staff,
    db: web::Data<Db>,
    settings: web::Data<RuntimeSettings>,
    id: web::Path<WorkshopId>,
) -> Result<HttpResponse, AppError> {
    printout(lang, &db, &settings, id.into_inner(), Printout::Cards).await
}
