//! Topics in the builder: `/staff/tracks/{id}/topics/new` and `/staff/topics/{id}/edit`.

use super::builder::{Builder, FormTarget};
use crate::audit::{Action, Trail};
use crate::db::{DbConnection, TopicId, TrackId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::forms::TopicInput;
use crate::survey::store::{self, Topic, TopicFields, Track};
use crate::survey::views;
use crate::web::layout::FieldError;

/// The topic form: a new topic of a track, or an existing topic.
pub(super) struct Topics;

/// What the topic form is about.
pub(super) enum TopicTarget {
    New(Track),
    Edit(Topic),
}

impl Builder for Topics {
    type Parent = TrackId;
    type Id = TopicId;
    type Target = TopicTarget;
    type Input = TopicInput;
    type Parsed = TopicFields;

    fn load_new(conn: &mut DbConnection, track: TrackId) -> Result<TopicTarget, AppError> {
        let track = store::find_track(conn, &track)?.ok_or(AppError::NotFound)?;
        Ok(TopicTarget::New(track))
    }

    fn load_edit(conn: &mut DbConnection, id: TopicId) -> Result<TopicTarget, AppError> {
        let topic = store::find_topic(conn, &id)?.ok_or(AppError::NotFound)?;
        Ok(TopicTarget::Edit(topic))
    }

    fn blank(_: &TopicTarget) -> TopicInput {
        TopicInput::default()
    }

    fn stored(_: &mut DbConnection, target: &TopicTarget) -> Result<TopicInput, AppError> {
        Ok(match target {
            TopicTarget::Edit(t) => {
                TopicInput { title: t.title.clone(), description: t.description.clone() }
            }
            TopicTarget::New(_) => TopicInput::default(),
        })
    }

    fn parse(
        lang: Lang, _: &TopicTarget, input: &TopicInput,
    ) -> Result<TopicFields, Vec<FieldError>> {
        input.parse(lang)
    }

    fn form(
        lang: Lang, target: &TopicTarget, input: &TopicInput, errors: &[FieldError],
    ) -> (FormTarget, maud::Markup) {
        let (heading, action) = match target {
            TopicTarget::New(track) => ("topic-new", format!("/staff/tracks/{}/topics", track.id)),
            TopicTarget::Edit(topic) => ("topic-edit", format!("/staff/topics/{}", topic.id)),
        };
        let fields = views::topic_fields(lang, &input.title, &input.description, errors);
        let back = "/staff".into();
        (FormTarget { heading, action, back }, fields)
    }

    fn save(
        conn: &mut DbConnection, trail: &mut Trail, target: TopicTarget, fields: TopicFields,
    ) -> Result<String, AppError> {
        match target {
            TopicTarget::New(track) => {
                let id = store::create_topic(conn, &track.id, &fields)?;
                trail.record(Action::TopicCreate, &id, fields.title.as_str());
            }
            TopicTarget::Edit(topic) => {
                store::update_topic(conn, &topic.id, &fields)?;
                trail.record(Action::TopicUpdate, &topic.id, fields.title.as_str());
            }
        }
        Ok("/staff".into())
    }
}
