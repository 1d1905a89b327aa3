//! Reading and writing tracks, topics, workshops and questions, and the translations of the
//! survey's own texts. Synchronous diesel functions, one file per resource.

mod copy;
mod questions;
mod tracks;
mod translations;
mod workshops;

use diesel::QueryResult;

use crate::db::DbConnection;

pub use copy::copy_workshop;
pub use questions::{
    add_question, count_answers_to, default_scale_words, delete_question, find_question,
    list_questions, question_with_workshop, scale_points, update_question, workshop_with_questions,
    Question, QuestionFields,
};
pub use tracks::{
    create_topic, create_track, find_topic, find_track, list_topics, list_tracks, update_topic,
    update_track, Topic, TopicFields, Track, TrackFields,
};
pub use translations::{
    delete_translations, load_translations, localized_survey, options_translation,
    save_translations, TextField, TranslatedText, Translations,
};
pub use workshops::{
    answer_counts, closed_workshops, count_answers, count_people, create_workshop,
    extend_retention, find_workshop, find_workshop_by_code, grouped_code, list_workshops,
    mark_answers_deleted, set_attendance, set_status, update_workshop, workshop_counts,
    workshops_of_topic, StatusError, Workshop, WorkshopCounts, WorkshopFields,
};

/// Tracks, topics and workshops together.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Tracks.
    pub tracks: Vec<Track>,
    /// Topics.
    pub topics: Vec<Topic>,
    /// Workshops.
    pub workshops: Vec<Workshop>,
    /// What each workshop with answers holds.
    pub counts: std::collections::HashMap<crate::db::WorkshopId, WorkshopCounts>,
}

/// Loads the [`Overview`].
pub fn overview(conn: &mut DbConnection) -> QueryResult<Overview> {
    Ok(Overview {
        tracks: list_tracks(conn)?,
        topics: list_topics(conn)?,
        workshops: list_workshops(conn)?,
        counts: workshop_counts(conn)?,
    })
}
