//! The report model that Word, the print page and Markdown render: what the Partnership's
//! report needs and nothing more. Aggregates, key points and approved quotes only, never an
//! individual answer. Every count says what it counts (people, answers, statements); counts
//! below 5 are suppressed, with complementary suppression wherever cells add up to a shown
//! total; personal data is masked. Built from [`Findings`], which are the same before and
//! after retention deletes the raw answers, so the report reads the same too.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::Serialize;

use super::counts::{count, suppress, Count};
use super::findings::{Evidence, Findings, Tally};
use super::said;
use super::store::{Board, Material, Row};
use crate::db::{QuoteId, ThemeId, TopicId, TrackId, WorkshopId};
use crate::i18n::Lang;
pub use crate::participant::option_labels;
use crate::participant::EnteredBy;
use crate::survey::{Question, QuestionKind, Topic, Workshop};
use crate::themes::{pii, QuoteRow, Theme};

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

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Format version of this document.
    pub format: &'static str,
    /// The document title.
    pub title: String,
    /// The organisation that made it (the site's settings; empty when unknown).
    pub organisation: String,
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
    /// One line per workshop whose individual answers were deleted, saying when.
    pub answers_deleted: Vec<String>,
    /// How the material was gathered.
    pub method_note: String,
    /// What was done to protect participants.
    pub privacy_note: String,
}

/// Facts for "Om deltagelsessporet".
#[derive(Debug, Clone, Serialize)]
pub struct About {
    /// Each topic with its people, e.g. "Fra bolig til hjem: 12 deltagere".
    pub topics: Vec<String>,
    /// Number of workshops.
    pub workshops: u64,
    /// First workshop date.
    pub first_date: Option<NaiveDateTime>,
    /// Last workshop date.
    pub last_date: Option<NaiveDateTime>,
    /// Answers from people by how they were entered, and the flipchart statements.
    pub entered: Vec<EnteredCount>,
}

/// Answers entered one way (or the flipchart statements).
#[derive(Debug, Clone, Serialize)]
pub struct EnteredCount {
    /// How (`None` for flipchart statements).
    pub entered_by: Option<EnteredBy>,
    /// The line as people read it: "Skrevet af deltageren: 45 svar".
    pub line: String,
    /// How many.
    pub count: Count,
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
    /// Its workshops had the same people, counted once.
    pub same_people: bool,
    /// The people who took part.
    pub people: Count,
    /// The same in words: "12 deltagere, de samme på begge workshops".
    pub people_line: String,
    /// Its workshops (in scope).
    pub workshops: Vec<WorkshopInfo>,
    /// Key points about the whole topic.
    pub key_points: Vec<String>,
    /// Themes with their key points, quotes and counts (none without content).
    pub themes: Vec<ThemeSummary>,
    /// Tallies of the closed questions.
    pub closed_questions: Vec<ClosedQuestion>,
}

/// A workshop in a report: "Den rette boligløsning (14.03.2023, København): 12 deltagere".
#[derive(Debug, Clone, Serialize)]
pub struct WorkshopInfo {
    /// Id.
    pub id: String,
    /// The people who took part.
    pub people: Count,
    /// Title, date, place and people, as the report says it.
    pub line: String,
}

/// A theme in a report.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeSummary {
    /// Title, as the facilitators wrote it.
    pub title: String,
    /// Description.
    pub summary: String,
    /// Answers from people.
    pub answers: Count,
    /// The people behind them.
    pub people: Count,
    /// True when `people` is a lower bound: the same people took part in several workshops,
    /// and a person on a phone cannot be recognised from one workshop to the next.
    pub people_at_least: bool,
    /// Statements from flipchart notes.
    pub statements: Count,
    /// What it holds in words: "23 svar fra 9 deltagere og 6 udsagn fra flipover".
    pub evidence: String,
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
    /// How it was given.
    pub entered_by: EnteredBy,
    /// "Deltagerens egne ord", how a facilitator wrote it, or "Udsagn fra flipover", so a
    /// paraphrase is never presented as a participant's own words.
    pub source: String,
}

/// A closed question's tally: one row per option, then those who would not or did not answer;
/// the total is the workshop's people.
#[derive(Debug, Clone, Serialize)]
pub struct ClosedQuestion {
    /// Workshop title.
    pub workshop: String,
    /// The question.
    pub question: String,
    /// Kind.
    pub kind: QuestionKind,
    /// The rows.
    pub rows: Vec<TallyRow>,
    /// The people of the workshop.
    pub total: Count,
    /// When no option was chosen by 5 or more, the table would show nothing but "< 5": this
    /// sentence stands in its place.
    pub instead: Option<String>,
}

/// One row of a tally.
#[derive(Debug, Clone, Serialize)]
pub struct TallyRow {
    /// The option as people read it.
    pub label: String,
    /// How many.
    pub count: Count,
}

/// A count as it stands in a sentence: "12", "færre end 5".
fn words(lang: Lang, c: &Count) -> String {
    match c.value {
        Some(n) => n.to_string(),
        None if c.display == super::counts::PROTECTING => lang.t("doc-count-protecting"),
        None => lang.t_args("doc-fewer-than", &[("limit", super::counts::MIN_COUNT.into())]),
    }
}

/// The findings of every workshop in the material: kept ones where the answers were deleted,
/// computed from the answers otherwise.
pub fn findings_by_workshop(material: &Material) -> HashMap<WorkshopId, Findings> {
    // The rows grouped by workshop in one pass, and each workshop counted against its own
    // topic's links only: the work follows the material, never workshops × rows.
    let mut rows_of: HashMap<&WorkshopId, Vec<&Row>> = HashMap::new();
    for r in &material.rows {
        rows_of.entry(&r.question.workshop_id).or_default().push(r);
    }
    let links_of: HashMap<&TopicId, &Board> =
        material.topics.iter().map(|(t, b)| (&t.id, b)).collect();
    material
        .workshops
        .iter()
        .map(|w| {
            let findings = material.kept.get(&w.id).cloned().unwrap_or_else(|| {
                let rows = rows_of.get(&w.id).map_or(&[][..], Vec::as_slice);
                let links = links_of.get(&w.topic_id).map_or(&[][..], |b| b.links.as_slice());
                Findings::of(rows.iter().copied(), links.iter().map(|(t, a)| (t, a)))
            });
            (w.id.clone(), findings)
        })
        .collect()
}

/// The people who took part in a workshop: as the facilitator set it, else those who answered.
pub fn workshop_people(w: &Workshop, f: &Findings) -> u64 {
    w.attendance.map_or(f.people_with_answers, |a| u64::try_from(a).unwrap_or(0))
}

/// Builds the report of what `material` holds, with its texts in `lang`. Pure: the material
/// was read by [`super::store::load`].
/// "Udarbejdet af …" under a report's title, when the organisation is known.
pub fn made_by(organisation: &str, lang: Lang) -> Option<String> {
    (!organisation.is_empty())
        .then(|| lang.t_args("doc-made-by", &[("organisation", organisation.into())]))
}

pub fn build(material: &Material, lang: Lang) -> Summary {
    let findings = findings_by_workshop(material);
    let topics: Vec<TopicSummary> = material
        .topics
        .iter()
        .map(|(topic, board)| {
            let workshops: Vec<&Workshop> =
                material.workshops.iter().filter(|w| w.topic_id == topic.id).collect();
            let questions: Vec<&Question> = material
                .questions
                .iter()
                .filter(|q| workshops.iter().any(|w| w.id == q.workshop_id))
                .collect();
            topic_summary(lang, (topic, board), &workshops, &questions, &findings)
        })
        .collect();
    let all: Vec<&Findings> = findings.values().collect();
    let mut entered: Vec<(Option<EnteredBy>, String, u64)> = EnteredBy::ALL
        .iter()
        .map(|e| {
            let n = all.iter().map(|f| f.answers_entered(*e)).sum();
            (Some(*e), lang.t(e.label_key()), n)
        })
        .collect();
    entered.push((None, lang.t("doc-statements-label"), all.iter().map(|f| f.statements).sum()));
    let dates: Vec<NaiveDateTime> = material.workshops.iter().filter_map(|w| w.starts_at).collect();
    let answers_deleted = material
        .workshops
        .iter()
        .filter_map(|w| {
            let at = w.answers_deleted_at?;
            Some(lang.t_args(
                "doc-answers-deleted",
                &[
                    ("workshop", w.title.as_str().into()),
                    ("date", lang.long_date(at.date()).into()),
                ],
            ))
        })
        .collect();
    Summary {
        format: "deltag.report.v2",
        title: lang.t_args("doc-title", &[("scope", material.scope.title.as_str().into())]),
        organisation: String::new(),
        generated_at: crate::db::now(),
        language: lang.code(),
        about: About {
            topics: topics.iter().map(|t| format!("{}: {}", t.title, t.people_line)).collect(),
            workshops: material.workshops.len() as u64,
            first_date: dates.iter().min().copied(),
            last_date: dates.iter().max().copied(),
            entered: entered
                .into_iter()
                .map(|(by, label, n)| {
                    let c = count(n);
                    let line = lang.t_args(
                        if by.is_some() { "doc-entered-count" } else { "doc-statements-count" },
                        &[("label", label.into()), ("count", words(lang, &c).into())],
                    );
                    EnteredCount { entered_by: by, line, count: c }
                })
                .collect(),
        },
        topics,
        answers_deleted,
        method_note: lang.t("export-method-note"),
        privacy_note: lang.t("export-privacy-note"),
        scope: material.scope.clone(),
    }
}

/// One topic: its people, its workshops with their people, its themes with what they hold,
/// its key points and the tallies of its closed questions.
fn topic_summary(
    lang: Lang, (topic, board): (&Topic, &Board), workshops: &[&Workshop], questions: &[&Question],
    findings: &HashMap<WorkshopId, Findings>,
) -> TopicSummary {
    let empty = Findings::default();
    let of = |w: &Workshop| findings.get(&w.id).unwrap_or(&empty);
    let per_workshop: Vec<u64> = workshops.iter().map(|w| workshop_people(w, of(w))).collect();
    // The same people in every workshop are counted once; otherwise workshops add up, and a
    // small workshop must not be readable from the topic's total.
    let (workshop_counts, people) = if topic.same_people {
        let most = per_workshop.iter().copied().max().unwrap_or(0);
        (per_workshop.iter().map(|&n| count(n)).collect(), count(most))
    } else {
        let total = per_workshop.iter().sum();
        let (cells, total) = suppress(&per_workshop, Some(total));
        (cells, total.unwrap_or_else(|| count(0)))
    };
    let people_line = if topic.same_people && workshops.len() > 1 {
        lang.t_args("doc-people-same", &[("people", words(lang, &people).into())])
    } else {
        lang.t_args("doc-people", &[("people", words(lang, &people).into())])
    };
    let workshop_infos = workshops
        .iter()
        .zip(workshop_counts)
        .map(|(w, c)| WorkshopInfo {
            id: w.id.to_string(),
            line: workshop_line(lang, w, &c),
            people: c,
        })
        .collect();
    let evidence_of = |theme: &Theme| -> (Evidence, bool) {
        let mut sum = Evidence::default();
        let mut most_people = 0;
        let mut contributing = 0;
        for w in workshops {
            if let Some(e) = of(w).themes.get(&theme.id) {
                sum.add(e);
                most_people = most_people.max(e.people);
                contributing += usize::from(e.people > 0);
            }
        }
        if topic.same_people && contributing > 1 {
            sum.people = most_people;
            return (sum, true);
        }
        (sum, false)
    };
    let in_scope = |q: &QuoteRow| workshops.iter().any(|w| w.id == q.workshop_id);
    let quotes_of: HashMap<&ThemeId, Vec<&QuoteId>> =
        board.quote_themes.iter().fold(HashMap::new(), |mut m, (t, q)| {
            m.entry(t).or_default().push(q);
            m
        });
    let theme_summary = |t: &Theme, sub_themes: Vec<ThemeSummary>| -> Option<ThemeSummary> {
        let (evidence, at_least) = evidence_of(t);
        let ids = quotes_of.get(&t.id).cloned().unwrap_or_default();
        let mut quotes: Vec<&QuoteRow> =
            board.quotes.iter().filter(|q| ids.contains(&&q.id) && in_scope(q)).collect();
        quotes.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        let key_points: Vec<String> = board
            .key_points
            .iter()
            .filter(|k| k.theme_id.as_ref() == Some(&t.id))
            .map(|k| said::key_point_line(lang, board, k))
            .collect();
        let holds_nothing = evidence.is_empty()
            && key_points.is_empty()
            && quotes.is_empty()
            && t.summary.trim().is_empty()
            && sub_themes.is_empty();
        if holds_nothing {
            return None;
        }
        let (answers, people, statements) =
            (count(evidence.answers), count(evidence.people), count(evidence.statements));
        Some(ThemeSummary {
            title: t.title.clone(),
            summary: pii::mask(&t.summary),
            evidence: said::theme_evidence(
                lang,
                board,
                &t.id,
                evidence_line(lang, (&answers, &people, &statements), at_least),
            ),
            answers,
            people,
            people_at_least: at_least,
            statements,
            key_points,
            quotes: quotes
                .into_iter()
                .map(|q| QuoteOut {
                    text: pii::mask(&q.text),
                    entered_by: q.entered_by,
                    source: quote_source(lang, q),
                })
                .collect(),
            sub_themes,
        })
    };
    let themes = board
        .themes
        .iter()
        .filter(|t| t.parent_id.is_none())
        .filter_map(|t| {
            let subs = board
                .themes
                .iter()
                .filter(|c| c.parent_id.as_ref() == Some(&t.id))
                .filter_map(|c| theme_summary(c, Vec::new()))
                .collect();
            theme_summary(t, subs)
        })
        .collect();
    let closed_questions = workshops
        .iter()
        .flat_map(|w| {
            let f = of(w);
            let people = workshop_people(w, f);
            questions.iter().filter(move |q| q.workshop_id == w.id && !q.kind.is_text()).filter_map(
                move |q| {
                    let tally = f.tallies.get(&q.id)?;
                    Some(closed_question(lang, w, q, tally, people))
                },
            )
        })
        .collect();
    TopicSummary {
        id: topic.id.to_string(),
        title: topic.title.clone(),
        description: topic.description.clone(),
        same_people: topic.same_people,
        people,
        people_line,
        workshops: workshop_infos,
        key_points: board
            .key_points
            .iter()
            .filter(|k| k.theme_id.is_none())
            .map(|k| said::key_point_line(lang, board, k))
            .collect(),
        themes,
        closed_questions,
    }
}

/// "23 svar fra 9 deltagere og 6 udsagn fra flipover", leaving out what is zero.
pub fn evidence_line(
    lang: Lang, (answers, people, statements): (&Count, &Count, &Count), at_least: bool,
) -> String {
    let mut parts = Vec::new();
    if answers.value != Some(0) {
        // "at least" only reads right in front of a number.
        let key = if at_least && people.value.is_some() {
            "doc-evidence-answers-at-least"
        } else {
            "doc-evidence-answers"
        };
        parts.push(lang.t_args(
            key,
            &[("answers", words(lang, answers).into()), ("people", words(lang, people).into())],
        ));
    }
    if statements.value != Some(0) {
        parts.push(
            lang.t_args(
                "doc-evidence-statements",
                &[("statements", words(lang, statements).into())],
            ),
        );
    }
    match parts.len() {
        0 => lang.t("doc-evidence-none"),
        1 => parts.remove(0),
        _ => lang.t_args(
            "doc-evidence-both",
            &[("first", parts[0].clone().into()), ("second", parts[1].clone().into())],
        ),
    }
}

/// "Title (date, place): 12 deltagere".
fn workshop_line(lang: Lang, w: &Workshop, people: &Count) -> String {
    let mut when =
        w.starts_at.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_else(|| "–".into());
    if !w.location.is_empty() {
        when.push_str(", ");
        when.push_str(&w.location);
    }
    lang.t_args(
        "doc-workshop-line",
        &[
            ("workshop", w.title.as_str().into()),
            ("when", when.into()),
            ("people", words(lang, people).into()),
        ],
    )
}

fn quote_source(lang: Lang, q: &QuoteRow) -> String {
    if q.from_flipchart {
        return lang.t("export-quote-flipchart");
    }
    match q.entered_by {
        EnteredBy::Participant => lang.t("export-quote-own-words"),
        by => lang.t(by.label_key()),
    }
}

fn closed_question(
    lang: Lang, w: &Workshop, q: &Question, tally: &Tally, people: u64,
) -> ClosedQuestion {
    let options = option_labels(lang, q);
    let cells: BTreeMap<&str, u64> = tally.cells.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let option_cells: Vec<u64> =
        options.iter().map(|(k, _)| cells.get(k.as_str()).copied().unwrap_or(0)).collect();
    // Those who would not or did not answer complete the table to the workshop's people, so a
    // hidden cell cannot be worked out from the others and the total.
    let not_answered = people.saturating_sub(tally.answered + tally.declined);
    let (option_counts, declined, not_answered) = if q.kind == QuestionKind::MultipleChoice {
        // Several options per person: option cells do not add up to anything shown.
        let (rest, _) = suppress(&[tally.answered, tally.declined, not_answered], Some(people));
        let option_counts = option_cells.iter().map(|&n| count(n)).collect::<Vec<_>>();
        (option_counts, rest[1].clone(), rest[2].clone())
    } else {
        let mut all = option_cells.clone();
        all.extend([tally.declined, not_answered]);
        let (mut shown, _) = suppress(&all, Some(people));
        let not = shown.pop().unwrap_or_else(|| count(0));
        let dec = shown.pop().unwrap_or_else(|| count(0));
        (shown, dec, not)
    };
    let total = count(people);
    let instead = (!option_counts.iter().any(|c| c.value.is_some_and(|v| v > 0)))
        .then(|| lang.t_args("doc-table-suppressed", &[("people", words(lang, &total).into())]));
    let mut rows: Vec<TallyRow> = options
        .into_iter()
        .zip(option_counts)
        .map(|((_, label), count)| TallyRow { label, count })
        .collect();
    rows.push(TallyRow { label: lang.t("doc-row-declined"), count: declined });
    rows.push(TallyRow { label: lang.t("doc-row-not-answered"), count: not_answered });
    ClosedQuestion {
        workshop: w.title.clone(),
        question: q.prompt.clone(),
        kind: q.kind,
        rows,
        total,
        instead,
    }
}
