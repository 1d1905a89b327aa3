//! Tracks, topics, workshops and their questions: the structure a facilitator prepares, its
//! translations, and the printouts that bring people in.
//!
//! Other features use the survey through the functions and types re-exported here, never
//! through `store` directly.

pub mod domain;
pub mod forms;
pub mod qr;
pub mod routes;
pub mod store;
pub mod views;

pub use domain::{ChoiceOption, ChoiceOptions, JoinCode, QuestionKind, WorkshopStatus, SCALE_KEYS};
pub use store::{
    add_question, closed_workshops, create_topic, create_track, create_workshop,
    default_scale_words, find_question, find_topic, find_track, find_workshop,
    find_workshop_by_code, grouped_code, list_questions, list_tracks, localized_survey,
    mark_answers_deleted, options_translation, overview, question_with_workshop, save_translations,
    scale_points, set_attendance, set_status, workshop_with_questions, workshops_of_topic,
    Overview, Question, QuestionFields, TextField, Topic, TopicFields, Track, TrackFields,
    TranslatedText, Translations, Workshop, WorkshopFields,
};
pub use views::retention_line;
