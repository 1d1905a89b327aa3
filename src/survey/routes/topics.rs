//! Topics in the builder: `/staff/tracks/{id}/topics/new` and `/staff/topics/{id}/edit`.

use super::builder::{Builder, FormTarget, Subject};
use crate::audit::{Action, Trail};
use crate::db::{DbConnection, TopicId, TrackId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::forms::TopicInput;
use crate::survey::store::{self, Topic, TopicFields, Track};
use crate::survey::views;
use crate::web::layout::FieldError;
use diesel::QueryResult;

/// The topic form: a new topic of a track, or an existing topic.
pub(super) struct Topics;

impl Builder for Topics {
    type Parent = TrackId;
    type Id = TopicId;
    type Target = Subject<Track, Topic>;
    type Input = TopicInput;
    type Parsed = TopicFields;

    fn load_new(conn: &mut DbConnection, track: TrackId) -> QueryResult<Option<Self::Target>> {
        Ok(store::find_track(conn, &track)?.map(Subject::New))
    }

    fn load_edit(conn: &mut DbConnection, id: TopicId) -> QueryResult<Option<Self::Target>> {
        Ok(store::find_topic(conn, &id)?.map(Subject::Edit))
    }

    fn blank(_: &Self::Target) -> TopicInput {
        TopicInput::default()
    }

    fn stored(_: &mut DbConnection, target: &Self::Target) -> Result<TopicInput, AppError> {
        Ok(match target {
            Subject::Edit(t) => TopicInput {
                title: t.title.clone(),
                description: t.description.clone(),
                same_people: t.same_people.then(|| "on".into()),
            },
            Subject::New(_) => TopicInput::default(),
        })
    }

    fn parse(
        lang: Lang, _: &Self::Target, input: &TopicInput,
    ) -> Result<TopicFields, Vec<FieldError>> {
        input.parse(lang)
    }

    fn form(
        lang: Lang, target: &Self::Target, input: &TopicInput, errors: &[FieldError],
    ) -> (FormTarget, maud::Markup) {
        let (heading, action) = match target {
            Subject::New(track) => ("topic-new", format!("/staff/tracks/{}/topics", track.id)),
            Subject::Edit(topic) => ("topic-edit", format!("/staff/topics/{}", topic.id)),
        };
        let fields = views::topic_fields(lang, input, errors);
        let back = "/staff".into();
        (FormTarget { heading, action, back }, fields)
    }

    fn save(
        conn: &mut DbConnection, trail: &mut Trail, target: Self::Target, fields: TopicFields,
    ) -> Result<String, AppError> {
        match target {
            Subject::New(track) => {
                let id = store::create_topic(conn, &track.id, &fields)?;
                trail.record(Action::TopicCreate, &id, fields.title.as_str());
            }
            Subject::Edit(topic) => {
                store::update_topic(conn, &topic.id, &fields)?;
                trail.record(Action::TopicUpdate, &topic.id, fields.title.as_str());
            }
        }
        Ok("/staff".into())
    }
}
