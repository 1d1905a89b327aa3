//! `/staff`: every track with its topics and workshops.

use actix_web::HttpResponse;

use crate::auth::{Staff, StaffContext};
use crate::error::AppError;
use crate::survey::{store, views};
use crate::web::layout::html_response;

pub(super) async fn get_dashboard(cx: StaffContext<Staff>) -> Result<HttpResponse, AppError> {
    let overview = cx.db.run(store::overview).await?;
    Ok(html_response(views::dashboard(cx.lang, &cx.who, &cx.csrf, &overview)))
}
