//! Staff pages for tracks, topics and workshops.

use actix_web::{web, HttpResponse};

use super::{store, views};
use crate::auth::Staff;
use crate::db::Db;
use crate::error::AppError;
use crate::web::csrf::CsrfToken;
use crate::web::layout::html_response;
use crate::web::Lang;

/// Registers the routes.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff", web::get().to(get_dashboard));
}

async fn get_dashboard(
    lang: Lang,
    csrf: CsrfToken,
    staff: Staff,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let overview = db.run(store::overview).await?;
    Ok(html_response(views::dashboard(
        lang, &staff, &csrf, &overview,
    )))
}
