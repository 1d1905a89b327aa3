//! The summary model every export renders: what the Partnership's report needs, already safe to
//! leave the facilitator view. Counts below 5 read "< 5" (with complementary suppression so a
//! total cannot give them away), personal data is masked, only approved quotes are included,
//! and how each answer was entered stays visible.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use serde::Serialize;

use super::counts::{count, suppress, Count};
use super::store::{Board, Material};
use crate::db::{AnswerId, ParticipantId, TopicId, TrackId, WorkshopId};
use crate::i18n::Lang;
use crate::participant::{Answer, ChoiceValue, EnteredBy, YesNo};
use crate::survey::{Question, QuestionKind, Topic, Workshop};
use crate::themes::{pii, Theme};

/// What an export covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One workshop.
    Workshop(WorkshopId),
    /// One topic with its workshops.
    Topic(TopicId),
    /// A whole track.
    Track(TrackId),
}

/// The scope as exported.
#[derive(Debug, Clone, Serialize)]
pub struct ScopeInfo {
    /// workshop | topic | track.
    pub kind: &'static str,
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
}

/// The whole export.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Format version of this document.
    pub format: &'static str,
    /// The document title.
    pub title: String,
    /// What it covers.
    pub scope: ScopeInfo,
    /// When it was made (UTC).
    pub generated_at: NaiveDateTime,
    /// Language of the texts.
    pub language: &'static str,
    /// "Om deltagelsessporet".
    pub about: About,
    /// Per topic.
    pub topics: Vec<TopicSummary>,
    /// Every answer (personal data masked).
    pub answers: Vec<AnswerRow>,
    /// How the material was gathered.
    pub method_note: String,
    /// What was done to protect participants.
    pub privacy_note: String,
}

/// Facts for "Om deltagelsessporet".
#[derive(Debug, Clone, Serialize)]
pub struct About {
    /// Topic titles.
    pub topics: Vec<String>,
    /// Number of workshops.
    pub workshops: u64,
    /// Participants with answers.
    pub participants: Count,
    /// First workshop date.
    pub first_date: Option<NaiveDateTime>,
    /// Last workshop date.
    pub last_date: Option<NaiveDateTime>,
    /// Answers by how they were entered: self, scribe, read_aloud.
    pub entered: Vec<EnteredCount>,
}

/// Answers entered one way.
#[derive(Debug, Clone, Serialize)]
pub struct EnteredCount {
    /// How.
    pub entered_by: EnteredBy,
    /// Readable label.
    pub label: String,
    /// How many.
    pub answers: Count,
}

/// One topic.
#[derive(Debug, Clone, Serialize)]
pub struct TopicSummary {
    /// Id.
    pub id: String,
    /// Title ("Fra bolig til hjem").
    pub title: String,
    /// Description.
    pub description: String,
    /// Its workshops (in scope).
    pub workshops: Vec<WorkshopInfo>,
    /// Participants with answers, all workshops together.
    pub participants: Count,
    /// Key points about the whole topic.
    pub key_points: Vec<String>,
    /// Themes with their key points, quotes and counts.
    pub themes: Vec<ThemeSummary>,
    /// Tallies of the closed questions.
    pub closed_questions: Vec<ClosedQuestion>,
}

/// A workshop in an export.
#[derive(Debug, Clone, Serialize)]
pub struct WorkshopInfo {
    /// Id.
    pub id: String,
    /// Title (its focus).
    pub title: String,
    /// Date.
    pub starts_at: Option<NaiveDateTime>,
    /// Place.
    pub location: String,
    /// Participants with answers.
    pub participants: Count,
}

/// A theme in an export.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeSummary {
    /// Title.
    pub title: String,
    /// Description.
    pub summary: String,
    /// Answers linked (in scope).
    pub answers: Count,
    /// Distinct participants behind them.
    pub participants: Count,
    /// Key points, in order (a numbered list).
    pub key_points: Vec<String>,
    /// Approved quotes only, masked.
    pub quotes: Vec<QuoteOut>,
    /// One level of sub-themes.
    pub sub_themes: Vec<ThemeSummary>,
}

/// An approved quote.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteOut {
    /// The quote, personal data masked.
    pub text: String,
    /// How the answer was made.
    pub entered_by: EnteredBy,
    /// "Deltagerens egne ord" or how a facilitator wrote it, so a paraphrase is never
    /// presented as a participant's own words.
    pub source: String,
}

/// A closed question's tally.
#[derive(Debug, Clone, Serialize)]
pub struct ClosedQuestion {
    /// Workshop title.
    pub workshop: String,
    /// The question.
    pub question: String,
    /// Kind.
    pub kind: QuestionKind,
    /// One row per option.
    pub rows: Vec<Tally>,
    /// Participants who answered (declined not counted).
    pub total: Count,
}

/// One option's count.
#[derive(Debug, Clone, Serialize)]
pub struct Tally {
    /// The option as people read it.
    pub label: String,
    /// How many chose it.
    pub count: Count,
}

/// One answer as raw data.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    /// Workshop title.
    pub workshop: String,
    /// Question position.
    pub question_position: i32,
    /// The question.
    pub question: String,
    /// Kind.
    pub kind: QuestionKind,
    /// The answer as people read it, personal data masked.
    pub value: String,
    /// How it was made.
    pub entered_by: EnteredBy,
    /// Readable label of how it was entered.
    pub entered_by_label: String,
    /// Themes it belongs to.
    pub themes: Vec<String>,
    /// First saved (UTC).
    pub created_at: NaiveDateTime,
    /// Last changed (UTC).
    pub updated_at: NaiveDateTime,
}

/// Builds the summary of what `material` holds, with its texts in `lang`. Pure: the
/// material was read by [`super::store::load`].
pub fn build(material: &Material, lang: Lang) -> Summary {
    let Material { scope, topics, workshops, rows } = material;
    let in_scope: HashMap<&AnswerId, &Answer> = rows.iter().map(|(a, _)| (&a.id, a)).collect();
    // Theme titles per answer, for the raw data.
    let mut theme_titles: HashMap<&AnswerId, Vec<String>> = HashMap::new();
    let mut topic_summaries = Vec::new();
    for (topic, board) in topics {
        for (theme, answer) in &board.links {
            if let Some(t) = board.themes.iter().find(|t| &t.id == theme) {
                theme_titles.entry(answer).or_default().push(t.title.clone());
            }
        }
        let topic_workshops: Vec<&Workshop> =
            workshops.iter().filter(|w| w.topic_id == topic.id).collect();
        topic_summaries.push(topic_summary(
            lang,
            (topic, board),
            &topic_workshops,
            rows,
            &in_scope,
        ));
    }

    let people: HashSet<&ParticipantId> = rows.iter().map(|(a, _)| &a.participant_id).collect();
    let entered_cells: Vec<u64> = EnteredBy::ALL
        .iter()
        .map(|e| rows.iter().filter(|(a, _)| a.entered_by == *e).count() as u64)
        .collect();
    let (entered_counts, _) = suppress(&entered_cells, Some(rows.len() as u64));
    let dates: Vec<NaiveDateTime> = workshops.iter().filter_map(|w| w.starts_at).collect();
    let workshop_title: HashMap<&WorkshopId, &str> =
        workshops.iter().map(|w| (&w.id, w.title.as_str())).collect();
    Summary {
        format: "deltag.summary.v1",
        title: lang.t_args("doc-title", &[("scope", scope.title.as_str().into())]),
        generated_at: crate::db::now(),
        language: lang.code(),
        about: About {
            topics: topics.iter().map(|(t, _)| t.title.clone()).collect(),
            workshops: workshops.len() as u64,
            participants: count(people.len() as u64),
            first_date: dates.iter().min().copied(),
            last_date: dates.iter().max().copied(),
            entered: EnteredBy::ALL
                .iter()
                .zip(entered_counts)
                .map(|(e, c)| EnteredCount {
                    entered_by: *e,
                    label: lang.t(e.label_key()),
                    answers: c,
                })
                .collect(),
        },
        topics: topic_summaries,
        answers: rows
            .iter()
            .map(|(a, q)| AnswerRow {
                workshop: workshop_title
                    .get(&q.workshop_id)
                    .map(|t| (*t).to_owned())
                    .unwrap_or_default(),
                question_position: q.position,
                question: q.prompt.clone(),
                kind: q.kind,
                value: pii::mask(&crate::participant::display_answer(lang, q, Some(a))),
                entered_by: a.entered_by,
                entered_by_label: lang.t(a.entered_by.label_key()),
                themes: theme_titles.get(&a.id).cloned().unwrap_or_default(),
                created_at: a.created_at,
                updated_at: a.updated_at,
            })
            .collect(),
        method_note: lang.t("export-method-note"),
        privacy_note: lang.t("export-privacy-note"),
        scope: scope.clone(),
    }
}

/// One topic: its workshops with their people, its themes with their evidence, its key
/// points and the tallies of its closed questions.
fn topic_summary(
    lang: Lang, (topic, board): (&Topic, &Board), workshops: &[&Workshop],
    rows: &[(Answer, Question)], in_scope: &HashMap<&AnswerId, &Answer>,
) -> TopicSummary {
    let theme_summary = |t: &Theme| -> ThemeSummary {
        let linked_ids: HashSet<&AnswerId> =
            board.links.iter().filter(|(th, _)| th == &t.id).map(|(_, a)| a).collect();
        let linked: Vec<&Answer> =
            linked_ids.iter().filter_map(|a| in_scope.get(a).copied()).collect();
        let people: HashSet<&ParticipantId> = linked.iter().map(|a| &a.participant_id).collect();
        ThemeSummary {
            title: t.title.clone(),
            summary: t.summary.clone(),
            answers: count(linked.len() as u64),
            participants: count(people.len() as u64),
            key_points: board
                .key_points
                .iter()
                .filter(|k| k.theme_id.as_ref() == Some(&t.id))
                .map(|k| pii::mask(&k.text))
                .collect(),
            quotes: board
                .quotes
                .iter()
                .filter(|q| {
                    linked_ids.contains(&q.answer_id) && in_scope.contains_key(&q.answer_id)
                })
                .map(|q| QuoteOut {
                    text: pii::mask(&q.text),
                    entered_by: q.entered_by,
                    source: quote_source(lang, q.entered_by),
                })
                .collect(),
            sub_themes: Vec::new(),
        }
    };
    let themes = board
        .themes
        .iter()
        .filter(|t| t.parent_id.is_none())
        .map(|t| ThemeSummary {
            sub_themes: board
                .themes
                .iter()
                .filter(|c| c.parent_id.as_ref() == Some(&t.id))
                .map(theme_summary)
                .collect(),
            ..theme_summary(t)
        })
        .collect();
    let people_of = |pick: &dyn Fn(&Question) -> bool| {
        rows.iter()
            .filter(|(_, q)| pick(q))
            .map(|(a, _)| &a.participant_id)
            .collect::<HashSet<_>>()
            .len() as u64
    };
    let per_workshop: Vec<u64> =
        workshops.iter().map(|w| people_of(&|q: &Question| q.workshop_id == w.id)).collect();
    let total_people = people_of(&|q: &Question| workshops.iter().any(|w| w.id == q.workshop_id));
    let (workshop_counts, topic_count) = suppress(&per_workshop, Some(total_people));
    TopicSummary {
        id: topic.id.to_string(),
        title: topic.title.clone(),
        description: topic.description.clone(),
        workshops: workshops
            .iter()
            .zip(workshop_counts)
            .map(|(w, c)| WorkshopInfo {
                id: w.id.to_string(),
                title: w.title.clone(),
                starts_at: w.starts_at,
                location: w.location.clone(),
                participants: c,
            })
            .collect(),
        participants: topic_count.unwrap_or_else(|| count(0)),
        key_points: board
            .key_points
            .iter()
            .filter(|k| k.theme_id.is_none())
            .map(|k| pii::mask(&k.text))
            .collect(),
        themes,
        closed_questions: closed_questions(lang, workshops, rows),
    }
}

fn quote_source(lang: Lang, entered_by: EnteredBy) -> String {
    match entered_by {
        EnteredBy::Participant => lang.t("export-quote-own-words"),
        by => lang.t(by.label_key()),
    }
}

fn closed_questions(
    lang: Lang, workshops: &[&Workshop], rows: &[(Answer, Question)],
) -> Vec<ClosedQuestion> {
    let mut out = Vec::new();
    for w in workshops {
        let mut seen: Vec<&Question> = Vec::new();
        for (_, q) in rows.iter().filter(|(_, q)| q.workshop_id == w.id && !q.kind.is_text()) {
            if !seen.iter().any(|s| s.id == q.id) {
                seen.push(q);
            }
        }
        for q in seen {
            let given: Vec<&Answer> = rows
                .iter()
                .filter(|(a, qq)| qq.id == q.id && !a.declined && !a.value.is_empty())
                .map(|(a, _)| a)
                .collect();
            let (labels, cells): (Vec<String>, Vec<u64>) = match q.kind {
                QuestionKind::Scale => (1..=5u8)
                    .map(|n| {
                        (
                            format!("{n} – {}", lang.t(&format!("scale-{n}"))),
                            given.iter().filter(|a| a.value == n.to_string()).count() as u64,
                        )
                    })
                    .unzip(),
                QuestionKind::YesNo => YesNo::ALL
                    .iter()
                    .map(|v| {
                        (
                            lang.t(v.label_key()),
                            given.iter().filter(|a| a.value == v.as_str()).count() as u64,
                        )
                    })
                    .unzip(),
                _ => {
                    let values: Vec<ChoiceValue> =
                        given.iter().filter_map(|a| serde_json::from_str(&a.value).ok()).collect();
                    let mut pairs: Vec<(String, u64)> = q
                        .options()
                        .iter()
                        .map(|o| {
                            (
                                o.label.clone(),
                                values.iter().filter(|v| v.choices.contains(&o.key)).count() as u64,
                            )
                        })
                        .collect();
                    if q.allow_other {
                        pairs.push((
                            lang.t("answer-other"),
                            values.iter().filter(|v| v.other.is_some()).count() as u64,
                        ));
                    }
                    pairs.into_iter().unzip()
                }
            };
            // Multiple choice cells do not add up to the total, so they cannot be worked out
            // from it; single answers can, and get complementary suppression.
            let total = given.len() as u64;
            let (counts, total_count) = if q.kind == QuestionKind::MultipleChoice {
                (cells.iter().map(|&n| count(n)).collect(), Some(count(total)))
            } else {
                suppress(&cells, Some(total))
            };
            out.push(ClosedQuestion {
                workshop: w.title.clone(),
                question: q.prompt.clone(),
                kind: q.kind,
                rows: labels
                    .into_iter()
                    .zip(counts)
                    .map(|(label, count)| Tally { label, count })
                    .collect(),
                total: total_count.unwrap_or_else(|| count(0)),
            });
        }
    }
    out
}
