//! The participant side: join by QR code or typed code, consent, one question per page, check
//! answers, finish, withdraw, clear a shared phone; and the staff pages that read or enter
//! participants' answers (assisted entry, pasted flipchart notes).
//!
//! Other features use participants and answers through what is re-exported here.

pub mod domain;
pub mod routes;
pub mod store;
pub mod views;

pub use domain::{
    tally_keys, AnswerText, AnswerValue, ChoiceValue, EnteredBy, Person, Source, YesNo, OTHER_KEY,
};
pub use routes::JOIN_PACE;
pub use store::{
    delete_everyone, finish, join, person, progress, save_answer, workshop_answers, Answer,
    NewAnswer, Progress,
};
pub use views::{display_answer, option_labels, tally_rows};
