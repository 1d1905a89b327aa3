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

use builder::{get_form, post_form, Edit, New};
use questions::Questions;
use topics::Topics;
use tracks::Tracks;
use workshops::Workshops;

crate::routes! {
    get "/staff" => overview::get_dashboard;
    get "/staff/tracks/new" => get_form::<Tracks, New>;
    post "/staff/tracks" => post_form::<Tracks, New>;
    get "/staff/tracks/{id}/edit" => get_form::<Tracks, Edit>;
    post "/staff/tracks/{id}" => post_form::<Tracks, Edit>;
    get "/staff/tracks/{id}/topics/new" => get_form::<Topics, New>;
    post "/staff/tracks/{id}/topics" => post_form::<Topics, New>;
    get "/staff/topics/{id}/edit" => get_form::<Topics, Edit>;
    post "/staff/topics/{id}" => post_form::<Topics, Edit>;
    get "/staff/topics/{id}/workshops/new" => get_form::<Workshops, New>;
    post "/staff/topics/{id}/workshops" => post_form::<Workshops, New>;
    get "/staff/workshops/{id}" => workshops::get_workshop;
    post "/staff/workshops/{id}" => post_form::<Workshops, Edit>;
    get "/staff/workshops/{id}/edit" => get_form::<Workshops, Edit>;
    post "/staff/workshops/{id}/status" => workshops::post_status;
    post "/staff/workshops/{id}/copy" => workshops::post_copy;
    post "/staff/workshops/{id}/attendance" => workshops::post_attendance;
    post "/staff/workshops/{id}/retention" => workshops::post_retention;
    get "/staff/workshops/{id}/questions/new" => get_form::<Questions, New>;
    post "/staff/workshops/{id}/questions" => post_form::<Questions, New>;
    get "/staff/workshops/{id}/poster" => printouts::get_poster;
    get "/staff/workshops/{id}/cards" => printouts::get_cards;
    get "/staff/questions/{id}/edit" => get_form::<Questions, Edit>;
    post "/staff/questions/{id}" => post_form::<Questions, Edit>;
    post "/staff/questions/{id}/move" => questions::post_move;
    post "/staff/questions/{id}/delete" => questions::post_delete;
}
