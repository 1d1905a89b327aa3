//! The room: what a workshop puts on the projector and what facilitators see change live.
//! A wall per workshop behind a revocable link (capability URL) that shows only what a
//! facilitator let through, the wall's control page with the moderation list, and the event
//! streams of both (see `web::live`).
//!
//! Other features use the room through what is re-exported here.

pub mod domain;
pub mod routes;
pub mod store;
pub mod views;

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::db::{DbConnection, ParticipantId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::participant::{self, Answer, Progress};
use crate::survey::{self, Question, Workshop};
use crate::themes::pii;
use domain::{card_state, wall_words, CardState};
pub use domain::{parse_dots, DotsProblem, ItemTally, RoundKind, Verdict};
use store::Wall;
pub use store::{
    answers_of as round_answers_of, decide, keep_round_counts, latest_round, new_link, open_round,
    record_hands, room_said, save_dots, save_verdicts, NewItem, PersonsAnswers, RoomSaid, Round,
    RoundItem, Said,
};
pub use views::{check_line, round_page, RoundPage};
use views::{CardRow, ModerationQuestion, Shown, WallQuestion, CARDS_ON_WALL, WORDS_ON_WALL};

/// The join block on the wall.
pub struct JoinBlock {
    /// The QR code as a `data:` URI.
    pub qr_src: String,
    /// The join link the QR code holds.
    pub url: String,
    /// The short address to type.
    pub address: String,
    /// The code, grouped for reading aloud.
    pub code: String,
}

/// Everything the wall shows, drawn from the real tables.
pub struct WallContent {
    /// The workshop's title.
    pub workshop_title: String,
    /// The join block, unless hidden.
    pub join: Option<JoinBlock>,
    /// Seconds left on the timer, while it runs.
    pub timer_secs: Option<i64>,
    /// "14 har åbnet · 11 i gang · 9 er færdige".
    pub progress_line: String,
    /// The questions shown.
    pub questions: Vec<WallQuestion>,
    /// The room's newest member check or vote, while it is open or was opened the last hours.
    pub round: Option<views::RoundOnWall>,
}

/// A round stays on the wall this long after it opened (closed ones too: the room sees the
/// result).
const ROUND_ON_WALL: chrono::TimeDelta = chrono::TimeDelta::hours(8);

/// The newest round as the wall shows it: items with tallies, a vote ranked by dots.
pub fn round_on_wall(
    conn: &mut DbConnection, workshop: &Workshop, join: &JoinBase<'_>, now: NaiveDateTime,
) -> Result<Option<views::RoundOnWall>, AppError> {
    let Some((round, items)) = store::latest_round(conn, &workshop.id)? else {
        return Ok(None);
    };
    if now - round.opened_at > ROUND_ON_WALL {
        return Ok(None);
    }
    let tallies = store::tallies(conn, &round.id)?;
    let mut items: Vec<(String, ItemTally)> = items
        .into_iter()
        .map(|i| {
            let t = tallies.get(&i.id).copied().unwrap_or_default();
            (i.text, t)
        })
        .collect();
    if round.kind == RoundKind::Vote {
        // Most dots first; a tie keeps the order the facilitator gave.
        items.sort_by_key(|(_, t)| std::cmp::Reverse(t.dots));
    }
    let url = format!("{}/j/{}/rum", join.base_url, workshop.join_code);
    let open = round.closed_at.is_none();
    Ok(Some(views::RoundOnWall {
        kind: round.kind,
        open,
        qr_src: if open { Some(survey::qr::join_qr_data_uri(&url)?) } else { None },
        address: url.trim_start_matches("https://").trim_start_matches("http://").to_owned(),
        url,
        items,
    }))
}

/// Where the join link points: the server's base URL, for the wall's join block.
pub struct JoinBase<'a> {
    /// `https://deltag.example.dk`.
    pub base_url: &'a str,
}

/// A free-text answer's text, when it has one to show (not declined, not blank).
fn text_of(q: &Question, a: &Answer) -> Option<String> {
    (q.kind.is_text() && !a.declined && !a.value.trim().is_empty()).then(|| a.value.clone())
}

/// A free-text question's answers (by its index among the workshop's questions), each with
/// where it stands and whose it is.
type QuestionCards = (usize, Vec<(CardRow, ParticipantId)>);

/// Every free-text answer of `questions` with where it stands on `wall`, newest first per
/// question.
fn cards(
    conn: &mut DbConnection, wall: &Wall, questions: &[Question], answers: &[(Answer, i32)],
) -> Result<Vec<QuestionCards>, AppError> {
    let decisions = store::decisions(conn, &wall.workshop_id)?;
    let mut out = Vec::new();
    for (i, q) in questions.iter().enumerate().filter(|(_, q)| q.kind.is_text()) {
        let mut rows: Vec<(&Answer, String)> = answers
            .iter()
            .filter(|(a, _)| a.question_id == q.id)
            .filter_map(|(a, _)| text_of(q, a).map(|t| (a, t)))
            .collect();
        rows.sort_by_key(|(a, _)| std::cmp::Reverse(a.updated_at));
        let rows = rows
            .into_iter()
            .map(|(a, text)| {
                let flagged = !pii::kinds(&text).is_empty();
                let decision = decisions.get(&a.id).copied();
                let state = card_state(flagged, decision, a.updated_at, wall.let_all_through);
                (CardRow { answer_id: a.id.to_string(), text, state }, a.participant_id.clone())
            })
            .collect();
        out.push((i, rows));
    }
    Ok(out)
}

/// The wall's content for `wall`, read now.
pub fn wall_content(
    conn: &mut DbConnection, lang: Lang, wall: &Wall, join: &JoinBase<'_>, now: NaiveDateTime,
) -> Result<WallContent, AppError> {
    let (workshop, questions) =
        survey::workshop_with_questions(conn, &wall.workshop_id)?.ok_or(AppError::NotFound)?;
    let answers = participant::workshop_answers(conn, &workshop.id)?;
    let progress = participant::progress(conn, &workshop.id)?;
    let cards = cards(conn, wall, &questions, &answers)?;
    let mut by_question: HashMap<usize, Vec<(CardRow, ParticipantId)>> =
        cards.into_iter().collect();
    let shown_questions = questions
        .iter()
        .enumerate()
        .filter(|(_, q)| wall.question_id.as_ref().is_none_or(|only| *only == q.id));
    let mut on_wall = Vec::new();
    for (i, q) in shown_questions {
        let shown = if q.kind.is_text() {
            let rows = by_question.remove(&i).unwrap_or_default();
            let rows: Vec<(CardRow, ParticipantId)> =
                rows.into_iter().filter(|(c, _)| c.state == CardState::Shown).collect();
            if wall.word_view {
                let texts: Vec<(&ParticipantId, &str)> =
                    rows.iter().map(|(c, who)| (who, c.text.as_str())).collect();
                Shown::Words(wall_words(&texts, WORDS_ON_WALL))
            } else {
                Shown::Cards(rows.into_iter().take(CARDS_ON_WALL).map(|(c, _)| c.text).collect())
            }
        } else {
            let these: Vec<&Answer> =
                answers.iter().filter(|(a, _)| a.question_id == q.id).map(|(a, _)| a).collect();
            let (rows, people) = participant::tally_rows(lang, q, &these);
            Shown::Bars { rows, people }
        };
        on_wall.push(WallQuestion { prompt: q.prompt.clone(), shown });
    }
    Ok(WallContent {
        workshop_title: workshop.title.as_str().to_owned(),
        join: wall.show_join.then(|| join_block(&workshop, join)).transpose()?,
        timer_secs: wall
            .timer_ends_at
            .map(|end| (end - now).num_seconds())
            .filter(|secs| *secs > 0),
        progress_line: progress_line(lang, progress),
        questions: on_wall,
        round: round_on_wall(conn, &workshop, join, now)?,
    })
}

fn join_block(workshop: &Workshop, join: &JoinBase<'_>) -> Result<JoinBlock, AppError> {
    let url = format!("{}/j/{}", join.base_url, workshop.join_code);
    Ok(JoinBlock {
        qr_src: survey::qr::join_qr_data_uri(&url)?,
        address: format!("{}/j", join.base_url)
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .to_owned(),
        code: survey::grouped_code(&workshop.join_code),
        url,
    })
}

/// "14 har åbnet · 11 i gang · 9 er færdige".
pub fn progress_line(lang: Lang, progress: Progress) -> String {
    lang.t_args(
        "answers-progress",
        &[
            ("opened", progress.opened.into()),
            ("answering", progress.answering.into()),
            ("finished", progress.finished.into()),
        ],
    )
}

/// The moderation list: every free-text question of the workshop with its answers and where
/// each stands.
pub fn moderation(
    conn: &mut DbConnection, wall: &Wall,
) -> Result<Vec<ModerationQuestion>, AppError> {
    let (_, questions) =
        survey::workshop_with_questions(conn, &wall.workshop_id)?.ok_or(AppError::NotFound)?;
    let answers = participant::workshop_answers(conn, &wall.workshop_id)?;
    let cards = cards(conn, wall, &questions, &answers)?;
    Ok(cards
        .into_iter()
        .filter_map(|(i, rows)| {
            let q = questions.get(i)?;
            Some(ModerationQuestion {
                prompt: format!("{}. {}", q.position, q.prompt),
                cards: rows.into_iter().map(|(c, _)| c).collect(),
            })
        })
        .collect())
}
