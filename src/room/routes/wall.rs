//! The wall behind its link. The link is the only key: anyone holding it sees what the
//! facilitators let through, nothing else; a revoked or unknown link is 404 alike.

use std::rc::Rc;

use actix_web::{web, HttpRequest, HttpResponse};

use crate::config::RuntimeSettings;
use crate::db::events::latest_of_workshop;
use crate::db::{now, Db};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::room::domain::WallToken;
use crate::room::{store, views, wall_content, JoinBase, WallContent};
use crate::web::layout::html_response;
use crate::web::live::{event_stream, Drawn, Hub};

/// The wall of `token` drawn now, with the newest event id read before drawing; `None` for an
/// unknown or revoked link.
async fn draw(
    db: &Db, lang: Lang, base_url: String, token: &str,
) -> Result<Option<(i64, WallContent)>, AppError> {
    let Some(token) = WallToken::parse(token) else {
        return Ok(None);
    };
    db.run(move |conn| {
        let Some(wall) = store::wall_by_token(conn, &token)? else {
            return Ok(None);
        };
        let id = latest_of_workshop(conn, &wall.workshop_id)?;
        let content = wall_content(conn, lang, &wall, &JoinBase { base_url: &base_url }, now())?;
        Ok::<_, AppError>(Some((id, content)))
    })
    .await
}

/// The wall page.
pub(super) async fn get_wall(
    lang: Lang, db: web::Data<Db>, settings: web::Data<RuntimeSettings>, token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (since, content) =
        draw(&db, lang, settings.base_url.clone(), &token).await?.ok_or(AppError::NotFound)?;
    let events = format!("/v/{}/events", token.as_str());
    Ok(html_response(views::wall_page(lang, &content, &events, since)))
}

/// The wall's event stream: the live part drawn afresh after each change; `gone` when the
/// link is revoked.
pub(super) async fn get_events(
    req: HttpRequest, lang: Lang, db: web::Data<Db>, settings: web::Data<RuntimeSettings>,
    hub: web::Data<Hub>, token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let base_url = settings.base_url.clone();
    let workshop = {
        let parsed = WallToken::parse(&token).ok_or(AppError::NotFound)?;
        db.find(move |conn| store::wall_by_token(conn, &parsed)).await?.workshop_id
    };
    let draw: crate::web::live::Draw = Rc::new(move || {
        let (db, base_url, token) = (db.clone(), base_url.clone(), token.clone());
        Box::pin(async move {
            Ok(draw(&db, lang, base_url, &token).await?.map(|(id, content)| Drawn {
                id,
                html: views::wall_live(lang, &content).into_string(),
            }))
        })
    });
    event_stream(&req, &hub.into_inner(), vec![workshop], draw)
}
