//! The summary model every export renders: what the Partnership's report needs, already safe to
//! leave the facilitator view. Counts below 5 read "< 5" (with complementary suppression so a
//! total cannot give them away), personal data is masked, only approved quotes are included,
//! and how each answer was entered stays visible.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{answers, questions, workshops};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::participant::domain::{ChoiceValue, EnteredBy, YesNo};
use crate::participant::store::Answer;
use crate::survey::domain::QuestionKind;
use crate::survey::store::{self as survey_store, Question, Topic, Workshop};
use crate::themes::{pii, store as themes_store};
use crate::web::Lang;

/// Counts smaller than this are never shown.
pub const MIN_COUNT: u64 = 5;

/// A count that may be suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The number, or None when suppressed.
    pub value: Option<u64>,
    /// What to print: the number, or "< 5".
    pub display: String,
}

impl Count {
    fn shown(n: u64) -> Count {
        Count {
            value: Some(n),
            display: n.to_string(),
        }
    }

    fn hidden() -> Count {
        Count {
            value: None,
            display: format!("< {MIN_COUNT}"),
        }
    }
}

/// Suppresses small cells and, if a total is shown, protects them against being worked out
/// from it: hidden cells are added, smallest first, until what the total reveals about them
/// (their sum) is itself 0 or at least the limit. A total below the limit is hidden itself.
/// Zero is shown (it reveals nobody).
pub fn suppress(cells: &[u64], total: Option<u64>) -> (Vec<Count>, Option<Count>) {
    let mut hidden: Vec<bool> = cells.iter().map(|&n| n > 0 && n < MIN_COUNT).collect();
    let total_hidden = total.is_some_and(|t| t > 0 && t < MIN_COUNT);
    if total.is_some() && !total_hidden {
        loop {
            let hidden_sum: u64 = cells
                .iter()
                .zip(&hidden)
                .filter(|(_, h)| **h)
                .map(|(n, _)| *n)
                .sum();
            if hidden_sum == 0 || hidden_sum >= MIN_COUNT {
                break;
            }
            let partner = cells
                .iter()
                .enumerate()
                .filter(|(i, n)| !hidden[*i] && **n > 0)
                .min_by_key(|(_, n)| **n)
                .map(|(i, _)| i);
            match partner {
                Some(i) => hidden[i] = true,
                None => break,
            }
        }
    }
    let counts = cells
        .iter()
        .zip(&hidden)
        .map(|(&n, &h)| if h { Count::hidden() } else { Count::shown(n) })
        .collect();
    let total = total.map(|t| {
        if total_hidden {
            Count::hidden()
        } else {
            Count::shown(t)
        }
    });
    (counts, total)
}

/// One count on its own (no total to protect against).
pub fn count(n: u64) -> Count {
    if n > 0 && n < MIN_COUNT {
        Count::hidden()
    } else {
        Count::shown(n)
    }
}

/// What an export covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One workshop.
    Workshop(String),
    /// One topic with its workshops.
    Topic(String),
    /// A whole track.
    Track(String),
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
    /// self | scribe | read_aloud.
    pub entered_by: String,
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
    /// self | scribe | read_aloud.
    pub entered_by: String,
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
    pub kind: String,
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
    pub kind: String,
    /// The answer as people read it, personal data masked.
    pub value: String,
    /// self | scribe | read_aloud.
    pub entered_by: String,
    /// Readable label of how it was entered.
    pub entered_by_label: String,
    /// Themes it belongs to.
    pub themes: Vec<String>,
    /// First saved (UTC).
    pub created_at: NaiveDateTime,
    /// Last changed (UTC).
    pub updated_at: NaiveDateTime,
}

fn entered_label(lang: Lang, by: &str) -> String {
    lang.t(EnteredBy::parse(by)
        .unwrap_or(EnteredBy::Participant)
        .label_key())
}

/// Builds the summary of a scope with its texts in `lang`.
pub fn build(conn: &mut DbConnection, scope: &Scope, lang: Lang) -> Result<Summary, AppError> {
    let overview = survey_store::overview(conn)?;
    let (scope_info, topics, workshops): (ScopeInfo, Vec<Topic>, Vec<Workshop>) = match scope {
        Scope::Workshop(id) => {
            let w = overview
                .workshops
                .iter()
                .find(|w| &w.id == id)
                .cloned()
                .ok_or(AppError::NotFound)?;
            let t = overview
                .topics
                .iter()
                .find(|t| t.id == w.topic_id)
                .cloned()
                .ok_or(AppError::NotFound)?;
            (
                ScopeInfo {
                    kind: "workshop",
                    id: w.id.clone(),
                    title: w.title.clone(),
                },
                vec![t],
                vec![w],
            )
        }
        Scope::Topic(id) => {
            let t = overview
                .topics
                .iter()
                .find(|t| &t.id == id)
                .cloned()
                .ok_or(AppError::NotFound)?;
            let ws = overview
                .workshops
                .iter()
                .filter(|w| w.topic_id == t.id)
                .cloned()
                .collect();
            (
                ScopeInfo {
                    kind: "topic",
                    id: t.id.clone(),
                    title: t.title.clone(),
                },
                vec![t],
                ws,
            )
        }
        Scope::Track(id) => {
            let tr = overview
                .tracks
                .iter()
                .find(|t| &t.id == id)
                .cloned()
                .ok_or(AppError::NotFound)?;
            let ts: Vec<Topic> = overview
                .topics
                .iter()
                .filter(|t| t.track_id == tr.id)
                .cloned()
                .collect();
            let ws = overview
                .workshops
                .iter()
                .filter(|w| ts.iter().any(|t| t.id == w.topic_id))
                .cloned()
                .collect();
            (
                ScopeInfo {
                    kind: "track",
                    id: tr.id.clone(),
                    title: tr.title.clone(),
                },
                ts,
                ws,
            )
        }
    };
    let workshop_ids: Vec<String> = workshops.iter().map(|w| w.id.clone()).collect();
    let rows: Vec<(Answer, Question)> = answers::table
        .inner_join(questions::table.inner_join(workshops::table))
        .filter(workshops::id.eq_any(&workshop_ids))
        .order((
            workshops::starts_at,
            questions::position,
            answers::created_at,
        ))
        .select((Answer::as_select(), Question::as_select()))
        .load(conn)?;

    // Theme links per answer, for the raw data.
    let mut theme_titles: HashMap<String, Vec<String>> = HashMap::new();
    let mut topic_summaries = Vec::new();
    for topic in &topics {
        let themes = themes_store::list_themes(conn, &topic.id)?;
        let links = themes_store::links(conn, &topic.id)?;
        let kps = themes_store::list_key_points(conn, &topic.id)?;
        let quotes = themes_store::approved_quotes(conn, &topic.id)?;
        let quote_answers: HashMap<String, String> = quotes
            .iter()
            .map(|q| (q.id.clone(), q.answer_id.clone()))
            .collect();
        for (theme, answer) in &links {
            if let Some(t) = themes.iter().find(|t| &t.id == theme) {
                theme_titles
                    .entry(answer.clone())
                    .or_default()
                    .push(t.title.clone());
            }
        }
        let in_scope: HashMap<&str, &Answer> =
            rows.iter().map(|(a, _)| (a.id.as_str(), a)).collect();
        let theme_summary = |t: &themes_store::Theme| -> ThemeSummary {
            let linked: Vec<&Answer> = links
                .iter()
                .filter(|(th, _)| th == &t.id)
                .filter_map(|(_, a)| in_scope.get(a.as_str()).copied())
                .collect();
            let people: HashSet<&str> = linked.iter().map(|a| a.participant_id.as_str()).collect();
            let linked_ids: HashSet<&str> = links
                .iter()
                .filter(|(th, _)| th == &t.id)
                .map(|(_, a)| a.as_str())
                .collect();
            ThemeSummary {
                title: t.title.clone(),
                summary: t.summary.clone(),
                answers: count(linked.len() as u64),
                participants: count(people.len() as u64),
                key_points: kps
                    .iter()
                    .filter(|k| k.theme_id.as_deref() == Some(&t.id))
                    .map(|k| pii::mask(&k.text))
                    .collect(),
                quotes: quotes
                    .iter()
                    .filter(|q| {
                        quote_answers.get(&q.id).is_some_and(|a| {
                            linked_ids.contains(a.as_str()) && in_scope.contains_key(a.as_str())
                        })
                    })
                    .map(|q| QuoteOut {
                        text: pii::mask(&q.text),
                        entered_by: q.entered_by.clone(),
                        source: quote_source(lang, &q.entered_by),
                    })
                    .collect(),
                sub_themes: Vec::new(),
            }
        };
        let mut out_themes: Vec<ThemeSummary> = Vec::new();
        for t in themes.iter().filter(|t| t.parent_id.is_none()) {
            let mut s = theme_summary(t);
            s.sub_themes = themes
                .iter()
                .filter(|c| c.parent_id.as_deref() == Some(&t.id))
                .map(&theme_summary)
                .collect();
            out_themes.push(s);
        }
        let topic_workshops: Vec<&Workshop> = workshops
            .iter()
            .filter(|w| w.topic_id == topic.id)
            .collect();
        let per_workshop: Vec<u64> = topic_workshops
            .iter()
            .map(|w| {
                rows.iter()
                    .filter(|(_, q)| q.workshop_id == w.id)
                    .map(|(a, _)| a.participant_id.as_str())
                    .collect::<HashSet<_>>()
                    .len() as u64
            })
            .collect();
        let total_people = rows
            .iter()
            .filter(|(_, q)| topic_workshops.iter().any(|w| w.id == q.workshop_id))
            .map(|(a, _)| a.participant_id.as_str())
            .collect::<HashSet<_>>()
            .len() as u64;
        let (workshop_counts, topic_count) = suppress(&per_workshop, Some(total_people));
        topic_summaries.push(TopicSummary {
            id: topic.id.clone(),
            title: topic.title.clone(),
            description: topic.description.clone(),
            workshops: topic_workshops
                .iter()
                .zip(workshop_counts)
                .map(|(w, c)| WorkshopInfo {
                    id: w.id.clone(),
                    title: w.title.clone(),
                    starts_at: w.starts_at,
                    location: w.location.clone(),
                    participants: c,
                })
                .collect(),
            participants: topic_count.unwrap_or_else(|| count(0)),
            key_points: kps
                .iter()
                .filter(|k| k.theme_id.is_none())
                .map(|k| pii::mask(&k.text))
                .collect(),
            themes: out_themes,
            closed_questions: closed_questions(lang, &topic_workshops, &rows),
        });
    }

    let people: HashSet<&str> = rows
        .iter()
        .map(|(a, _)| a.participant_id.as_str())
        .collect();
    let mut entered: BTreeMap<String, u64> = BTreeMap::new();
    for (a, _) in &rows {
        *entered.entry(a.entered_by.clone()).or_default() += 1;
    }
    let entered_cells: Vec<u64> = EnteredBy::ALL
        .iter()
        .map(|e| entered.get(e.as_str()).copied().unwrap_or(0))
        .collect();
    let (entered_counts, _) = suppress(&entered_cells, Some(rows.len() as u64));
    let dates: Vec<NaiveDateTime> = workshops.iter().filter_map(|w| w.starts_at).collect();
    let workshop_title: HashMap<&str, &str> = workshops
        .iter()
        .map(|w| (w.id.as_str(), w.title.as_str()))
        .collect();
    Ok(Summary {
        format: "deltag.summary.v1",
        title: lang.t_args("doc-title", &[("scope", scope_info.title.as_str().into())]),
        generated_at: crate::db::now(),
        language: lang.code(),
        about: About {
            topics: topics.iter().map(|t| t.title.clone()).collect(),
            workshops: workshops.len() as u64,
            participants: count(people.len() as u64),
            first_date: dates.iter().min().copied(),
            last_date: dates.iter().max().copied(),
            entered: EnteredBy::ALL
                .iter()
                .zip(entered_counts)
                .map(|(e, c)| EnteredCount {
                    entered_by: e.as_str().to_owned(),
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
                    .get(q.workshop_id.as_str())
                    .map(|t| (*t).to_owned())
                    .unwrap_or_default(),
                question_position: q.position,
                question: q.prompt.clone(),
                kind: q.kind.clone(),
                value: pii::mask(&crate::participant::views::display_answer(lang, q, Some(a))),
                entered_by: a.entered_by.clone(),
                entered_by_label: entered_label(lang, &a.entered_by),
                themes: theme_titles.get(&a.id).cloned().unwrap_or_default(),
                created_at: a.created_at,
                updated_at: a.updated_at,
            })
            .collect(),
        method_note: lang.t("export-method-note"),
        privacy_note: lang.t("export-privacy-note"),
        scope: scope_info,
    })
}

fn quote_source(lang: Lang, entered_by: &str) -> String {
    match EnteredBy::parse(entered_by) {
        Some(EnteredBy::Participant) | None => lang.t("export-quote-own-words"),
        Some(by) => lang.t(by.label_key()),
    }
}

fn closed_questions(
    lang: Lang,
    workshops: &[&Workshop],
    rows: &[(Answer, Question)],
) -> Vec<ClosedQuestion> {
    let mut out = Vec::new();
    for w in workshops {
        let mut seen: Vec<&Question> = Vec::new();
        for (_, q) in rows
            .iter()
            .filter(|(_, q)| q.workshop_id == w.id && !q.kind().is_text())
        {
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
            let (labels, cells): (Vec<String>, Vec<u64>) = match q.kind() {
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
                    let values: Vec<ChoiceValue> = given
                        .iter()
                        .filter_map(|a| serde_json::from_str(&a.value).ok())
                        .collect();
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
            let (counts, total_count) = if q.kind() == QuestionKind::MultipleChoice {
                (
                    cells.iter().map(|&n| count(n)).collect(),
                    Some(count(total)),
                )
            } else {
                suppress(&cells, Some(total))
            };
            out.push(ClosedQuestion {
                workshop: w.title.clone(),
                question: q.prompt.clone(),
                kind: q.kind.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(cs: &[Count]) -> Vec<Option<u64>> {
        cs.iter().map(|c| c.value).collect()
    }

    #[test]
    fn small_counts_are_hidden_and_cannot_be_worked_out() {
        let (cells, total) = suppress(&[12, 3, 7, 0], Some(22));
        assert_eq!(
            shown(&cells),
            [Some(12), None, None, Some(0)],
            "3 hidden, and 7 with it"
        );
        let (cells, _) = suppress(&[12, 7, 0], Some(19));
        assert_eq!(
            shown(&cells),
            [Some(12), Some(7), Some(0)],
            "nothing small, nothing hidden"
        );
        assert_eq!(total.map(|t| t.display), Some("22".into()));
        let (cells, _) = suppress(&[2, 3, 9], Some(14));
        assert_eq!(
            shown(&cells),
            [None, None, Some(9)],
            "two hidden cells summing to 5 protect each other"
        );
        let (cells, _) = suppress(&[9, 2, 1, 0], Some(12));
        assert_eq!(
            shown(&cells),
            [None, None, None, Some(0)],
            "2 + 1 = 3 would be readable from the total"
        );
        let (cells, total) = suppress(&[1, 2], Some(3));
        assert_eq!(shown(&cells), [None, None]);
        assert_eq!(total.map(|t| t.display), Some("< 5".into()));
        assert_eq!(count(4).display, "< 5");
        assert_eq!(count(5).display, "5");
        assert_eq!(count(0).display, "0");
    }
}
