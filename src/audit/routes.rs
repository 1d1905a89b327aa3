//! `/admin/audit`: the newest 300 events, for admins.

use actix_web::HttpResponse;

use super::{store, views};
use crate::auth::{Admin, StaffContext};
use crate::error::AppError;
use crate::web::layout::html_response;

crate::routes! {
    get "/admin/audit" => get_audit;
}

async fn get_audit(cx: StaffContext<Admin>) -> Result<HttpResponse, AppError> {
    let events = cx
        .db
        .run(|conn| {
            let names = crate::auth::user_names(conn)?;
            let events = store::recent(conn, 300)?
                .into_iter()
                .map(|e| {
                    let who = e.user_id.as_ref().and_then(|id| names.get(id).cloned());
                    (e, who)
                })
                .collect::<Vec<_>>();
            Ok::<_, AppError>(events)
        })
        .await?;
    let page = views::audit_page(cx.lang, cx.staff(), &cx.csrf, &events);
    Ok(html_response(page))
}
