//! `/staff`: every track with its topics and workshops.

use actix_web::{web, HttpResponse};

use crate::auth::Staff;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::{store, views};
use crate::web::csrf::CsrfToken;
use crate::web::layout::html_response;

pub(super) async fn get_dashboard(
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
