//! `/admin/audit`: the newest 300 events, for admins.

use actix_web::{web, HttpResponse};

use super::{store, views};
use crate::auth::Admin;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::csrf::CsrfToken;
use crate::web::layout::html_response;

crate::routes! {
    get "/admin/audit" => get_audit;
}

async fn get_audit(
    lang: Lang,
    csrf: CsrfToken,
    admin: Admin,
    db: web::Data<Db>,
) -> Result<HttpResponse, AppError> {
    let events = db
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
    Ok(html_response(views::audit_page(
        lang, &admin, &csrf, &events,
    )))
}
