//! Staff pages of the survey builder: the overview, tracks, topics, workshops and their
//! questions, the printouts. Viewers read; admins and facilitators change (the `Editor`
//! extractor refuses everyone else before a handler runs). One file per resource.

mod builder;
mod overview;
mod printouts;
mod questions;
mod topics;
mod tracks;
mod translations;
mod workshops;

use builder::{get_edit, get_new, post_edit, post_new};
use questions::Questions;
use topics::Topics;
use tracks::Tracks;
use workshops::Workshops;

crate::routes! {
    get "/staff" => overview::get_dashboard;
    get "/staff/tracks/new" => get_new::<Tracks>;
    post "/staff/tracks" => post_new::<Tracks>;
    get "/staff/tracks/{id}/edit" => get_edit::<Tracks>;
    post "/staff/tracks/{id}" => post_edit::<Tracks>;
    get "/staff/tracks/{id}/topics/new" => get_new::<Topics>;
    post "/staff/tracks/{id}/topics" => post_new::<Topics>;
    get "/staff/topics/{id}/edit" => get_edit::<Topics>;
    post "/staff/topics/{id}" => post_edit::<Topics>;
    get "/staff/topics/{id}/workshops/new" => get_new::<Workshops>;
    post "/staff/topics/{id}/workshops" => post_new::<Workshops>;
    get "/staff/workshops/{id}" => workshops::get_workshop;
    post "/staff/workshops/{id}" => post_edit::<Workshops>;
    get "/staff/workshops/{id}/edit" => get_edit::<Workshops>;
    post "/staff/workshops/{id}/status" => workshops::post_status;
    get "/staff/workshops/{id}/questions/new" => get_new::<Questions>;
    post "/staff/workshops/{id}/questions" => post_new::<Questions>;
    get "/staff/workshops/{id}/poster" => printouts::get_poster;
    get "/staff/workshops/{id}/cards" => printouts::get_cards;
    get "/staff/questions/{id}/edit" => get_edit::<Questions>;
    post "/staff/questions/{id}" => post_edit::<Questions>;
    post "/staff/questions/{id}/move" => questions::post_move;
    post "/staff/questions/{id}/delete" => questions::post_delete;
}
