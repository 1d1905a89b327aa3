//! Participant routes. Everything a participant sees hangs off `/j/{code}`; the participant
//! cookie is scoped to that path, so one phone can take part in several workshops. The staff
//! pages that read or enter participants' answers live here too: they write participants and
//! answers, which this feature owns.

mod answers;
mod assist;
mod context;
mod corrections;
mod finish;
mod join;
mod paste;
mod questions;
mod room;
mod withdraw;

pub use context::JOIN_PACE;

use crate::error::AppError;
use crate::participant::store::SaveError;

crate::routes! {
    get "/" => join::get_home;
    get "/j" => join::get_code;
    get "/j/{code}" => join::get_start;
    post "/j/{code}/start" => join::post_start;
    get "/j/{code}/q/{position}" => questions::get_question;
    post "/j/{code}/q/{position}" => questions::post_question;
    get "/j/{code}/check" => finish::get_check;
    post "/j/{code}/finish" => finish::post_finish;
    get "/j/{code}/tak" => finish::get_thanks;
    get "/j/{code}/ryd" => finish::get_clear;
    post "/j/{code}/clear" => finish::post_clear;
    get "/j/{code}/qr.svg" => join::get_qr;
    get "/j/{code}/rum" => room::get_round;
    post "/j/{code}/rum" => room::post_round;
    get "/trak-tilbage" => withdraw::get_withdraw;
    post "/trak-tilbage" => withdraw::post_withdraw;
    get "/trak-tilbage/slettet" => withdraw::get_withdrawn;
    get "/staff/workshops/{id}/preview" => answers::get_preview;
    get "/staff/workshops/{id}/answers" => answers::get_answers;
    get "/staff/workshops/{id}/answers/events" => answers::get_answers_events;
    get "/staff/workshops/{id}/assist" => assist::get_assist;
    post "/staff/workshops/{id}/assist" => assist::post_assist;
    get "/staff/questions/{id}/paste" => paste::get_paste;
    post "/staff/questions/{id}/paste" => paste::post_paste;
    get "/staff/answers/{id}/correct" => corrections::get_correct;
    post "/staff/answers/{id}/correct" => corrections::post_correct;
}

/// A submission key used for another answer is a client error; the rest is the database's.
impl From<SaveError> for AppError {
    fn from(err: SaveError) -> Self {
        match err {
            SaveError::KeyReused => AppError::BadRequest("submission key reused"),
            SaveError::Db(e) => AppError::Database(e),
        }
    }
}
