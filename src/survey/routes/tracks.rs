//! Tracks in the builder: `/staff/tracks/new` and `/staff/tracks/{id}/edit`.

use super::builder::{Builder, FormTarget};
use crate::audit::{Action, Trail};
use crate::db::{DbConnection, TrackId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::survey::forms::TrackInput;
use crate::survey::store::{self, Track, TrackFields};
use crate::survey::views;
use crate::web::layout::FieldError;
use diesel::QueryResult;

/// The track form; its target is the track being changed, or none for a new one.
pub(super) struct Tracks;

impl Builder for Tracks {
    type Parent = ();
    type Id = TrackId;
    type Target = Option<Track>;
    type Input = TrackInput;
    type Parsed = TrackFields;

    fn load_new(_: &mut DbConnection, _: ()) -> QueryResult<Option<Option<Track>>> {
        Ok(Some(None))
    }

    fn load_edit(conn: &mut DbConnection, id: TrackId) -> QueryResult<Option<Option<Track>>> {
        Ok(store::find_track(conn, &id)?.map(Some))
    }

    fn blank(_: &Option<Track>) -> TrackInput {
        TrackInput { year: chrono::Utc::now().format("%Y").to_string(), ..TrackInput::default() }
    }

    fn stored(_: &mut DbConnection, track: &Option<Track>) -> Result<TrackInput, AppError> {
        Ok(match track {
            Some(t) => TrackInput { title: t.title.clone(), year: t.year.to_string() },
            None => Self::blank(track),
        })
    }

    fn parse(
        lang: Lang, _: &Option<Track>, input: &TrackInput,
    ) -> Result<TrackFields, Vec<FieldError>> {
        input.parse(lang)
    }

    fn form(
        lang: Lang, track: &Option<Track>, input: &TrackInput, errors: &[FieldError],
    ) -> (FormTarget, maud::Markup) {
        let target = FormTarget {
            heading: if track.is_some() { "track-edit" } else { "track-new" },
            action: track
                .as_ref()
                .map_or("/staff/tracks".into(), |t| format!("/staff/tracks/{}", t.id)),
            back: "/staff".into(),
        };
        (target, views::track_fields(lang, &input.title, &input.year, errors))
    }

    fn save(
        conn: &mut DbConnection, trail: &mut Trail, track: Option<Track>, fields: TrackFields,
    ) -> Result<String, AppError> {
        match track {
            None => {
                let id = store::create_track(conn, &fields)?;
                trail.record(Action::TrackCreate, &id, fields.title.as_str());
            }
            Some(t) => {
                store::update_track(conn, &t.id, &fields)?;
                trail.record(Action::TrackUpdate, &t.id, fields.title.as_str());
            }
        }
        Ok("/staff".into())
    }
}
