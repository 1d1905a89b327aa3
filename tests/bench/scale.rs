//! Scale benchmark: what one topic costs must follow that topic, not the database. Times, in
//! one run on one machine, the board of one topic (the data the board page loads and counts),
//! the staff answers page of one of its workshops, its Word export (DOCX bytes) and its Excel
//! export in two databases holding the same topic: one with nothing else, one with 200 other
//! workshops of 100 answers each (in other tracks and topics, with their own themes, links, key
//! points and approved quotes). The two are timed run for run in turn, so a busy moment on the
//! machine hits both alike; medians and their ratio are printed as a markdown table.
//! Everything is seeded and read through the app's own migrations and store functions, on real
//! SQLite files (and PostgreSQL databases when asked). Prints figures only: nothing here fails
//! on wall-clock time.
//!
//! This module is the whole measurement; `scale_bench` runs only it, and `load --scale` runs it
//! after the page and post ceilings, so every figure of issue 13 comes from one run.
//!
//! cargo bench --bench scale_bench
//! DELTAG_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!     cargo bench --bench scale_bench     (also on two fresh PostgreSQL databases, dropped after)
//! DELTAG_BENCH_SQLITE_DIR=/some/empty/folder cargo bench --bench scale_bench  (keeps the files)

use diesel::connection::SimpleConnection;
use diesel::RunQueryDsl;
use std::time::{Duration, Instant};

use deltag::db::{
    run_migrations, write_transaction, AnswerId, DatabaseUrl, DbConnection, TopicId, TrackId,
    WorkshopId,
};
use deltag::error::AppError;
use deltag::export::{dataset, summary, Format, Scope};
use deltag::i18n::Lang;
use deltag::participant::domain::{AnswerText, AnswerValue, ChoiceValue, EnteredBy};
use deltag::participant::store::{self as participant_store, NewAnswer};
use deltag::participant::Source;
use deltag::survey::domain::{options_from_lines, QuestionKind, WorkshopStatus};
use deltag::survey::store::{
    self as survey_store, QuestionFields, TopicFields, TrackFields, WorkshopFields,
};
use deltag::text::{PromptText, Text, Title};
use deltag::themes::store::{self as themes_store, BoardData};

/// Workshops of the topic measured.
const TOPIC_WORKSHOPS: usize = 2;
/// Workshops elsewhere in the database for the second measurement.
const OTHER_WORKSHOPS: usize = 200;
/// The other workshops are spread over this many tracks of this many topics.
const OTHER_TRACKS: usize = 4;
const TOPICS_PER_TRACK: usize = 5;
/// People per workshop; each answers two questions, so 100 answers per workshop.
const PEOPLE: usize = 50;
/// Themes per topic.
const THEMES: usize = 6;
/// Repetitions per measurement (the median is reported).
const RUNS: usize = 31;
/// Runs before measuring: PostgreSQL plans a prepared statement afresh for its first five
/// executions before it may settle on a generic plan.
const WARM_UP: usize = 6;

fn title(s: &str) -> Title {
    Title::parse(s).unwrap_or_else(|| panic!("title {s:?}"))
}

fn internal(what: &str) -> impl Fn(String) -> AppError + '_ {
    move |e| AppError::Internal(anyhow::anyhow!("{what}: {e}"))
}

/// A topic in `track` with `workshops` open workshops of [`PEOPLE`] people answering a free-text
/// and a choice question, [`THEMES`] themes holding the text answers, a key point per theme and
/// two approved quotes per workshop. Returns the topic and its workshops.
fn seed_topic(
    conn: &mut DbConnection, track: &TrackId, name: &str, workshops: usize,
) -> Result<(TopicId, Vec<WorkshopId>), AppError> {
    let fields =
        TopicFields { title: title(name), description: Text::default(), same_people: false };
    let topic = survey_store::create_topic(conn, track, &fields)?;
    let themes: Vec<_> = (0..THEMES)
        .map(|i| themes_store::create_theme(conn, &topic, &title(&format!("EMNE {i}")), None))
        .collect::<Result<_, _>>()?;
    for (i, t) in themes.iter().enumerate() {
        let point =
            Text::parse(&format!("Hovedpointe {i}: støtten skal tage udgangspunkt i mennesket"))
                .unwrap_or_default();
        themes_store::add_key_point(conn, &topic, Some(t), &point)?;
    }
    let prompt = |s: &str| PromptText::parse_non_empty(s).unwrap_or_else(|| panic!("prompt {s:?}"));
    let text = QuestionFields {
        kind: QuestionKind::LongText,
        prompt: prompt("Hvad er et hjem?"),
        help_text: Text::default(),
        easy_read_prompt: None,
        options: Default::default(),
        allow_other: false,
        required: true,
    };
    let choice = QuestionFields {
        kind: QuestionKind::SingleChoice,
        prompt: prompt("Hvor bor du?"),
        options: options_from_lines("Egen bolig\nHerberg\nHos venner\nPå gaden", &[]),
        ..text.clone()
    };
    let mut ids = Vec::with_capacity(workshops);
    for n in 0..workshops {
        let w = survey_store::create_workshop(
            conn,
            &topic,
            &WorkshopFields {
                title: title(&format!("{name}, workshop {n}")),
                intro: Text::default(),
                starts_at: None,
                location: None,
                retention_days: 90,
            },
        )?;
        survey_store::add_question(conn, &w, &text)?;
        survey_store::add_question(conn, &w, &choice)?;
        survey_store::set_status(conn, &w, WorkshopStatus::Open)
            .map_err(|e| internal("open")(e.to_string()))?;
        let qs = survey_store::list_questions(conn, &w)?;
        let mut texts: Vec<AnswerId> = Vec::with_capacity(PEOPLE);
        for p in 0..PEOPLE {
            let token = format!("bench-{w}-{p}");
            let part = participant_store::join(conn, &w, &token, Source::Phone)?;
            let words = format!(
                "Svar {p}: en bolig med ro, tæt på mit netværk, og en fast kontaktperson der lytter."
            );
            let values = [
                AnswerValue::Text(
                    AnswerText::parse(&words).map_err(|e| internal("text")(format!("{e:?}")))?,
                ),
                AnswerValue::Choice(ChoiceValue {
                    choices: vec![format!("o{}", p % 4 + 1)],
                    other: None,
                }),
            ];
            for (q, v) in qs.iter().zip(values.iter()) {
                let key = format!("{token}-{}", q.position);
                let answer = NewAnswer {
                    participant_id: &part.id,
                    question_id: &q.id,
                    value: v,
                    entered_by: EnteredBy::Participant,
                    user_id: None,
                    submission_key: &key,
                };
                participant_store::save_answer(conn, &answer)
                    .map_err(|e| internal("answer")(format!("{e:?}")))?;
            }
            texts.push(answer_of(conn, &part.id, &qs[0].id)?);
        }
        for (i, t) in themes.iter().enumerate() {
            let mine: Vec<AnswerId> = texts.iter().skip(i).step_by(THEMES).cloned().collect();
            themes_store::assign(conn, t, &mine, None)?;
        }
        for a in texts.iter().take(2) {
            let quote =
                Text::parse("En bolig med ro og en kontaktperson der lytter.").unwrap_or_default();
            let q = themes_store::create_quote(conn, a, &quote, None)?.ok_or(AppError::NotFound)?;
            themes_store::set_quote_approved(conn, &q, true, 1, None)?
                .map_err(|_| internal("approve")("conflict".into()))?;
        }
        ids.push(w);
    }
    Ok((topic, ids))
}

/// The id of a participant's answer to a question.
fn answer_of(
    conn: &mut DbConnection, participant: &deltag::db::ParticipantId,
    question: &deltag::db::QuestionId,
) -> Result<AnswerId, AppError> {
    use deltag::db::schema::answers;
    use diesel::prelude::*;
    Ok(answers::table
        .filter(answers::participant_id.eq(participant))
        .filter(answers::question_id.eq(question))
        .select(answers::id)
        .first(conn)?)
}

fn create_track(conn: &mut DbConnection, name: &str) -> Result<TrackId, AppError> {
    Ok(survey_store::create_track(conn, &TrackFields { title: title(name), year: 2026 })?)
}

/// The 200 other workshops, in other tracks and topics.
fn seed_others(conn: &mut DbConnection) -> Result<(), AppError> {
    let per_topic = OTHER_WORKSHOPS / (OTHER_TRACKS * TOPICS_PER_TRACK);
    for t in 0..OTHER_TRACKS {
        write_transaction(conn, |conn| {
            let track = create_track(conn, &format!("Andet spor {t}"))?;
            for n in 0..TOPICS_PER_TRACK {
                seed_topic(conn, &track, &format!("Andet tema {t}.{n}"), per_topic)?;
            }
            Ok::<_, AppError>(())
        })?;
    }
    Ok(())
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// What is measured: the board, the answers page, the Word and the Excel export of the topic.
const STEPS: [&str; 4] = [
    "board (BoardData::load and theme counts)",
    "answers page of one workshop (questions and answers)",
    "Word export (load, report model, DOCX bytes)",
    "Excel export (load, dataset model, XLSX bytes)",
];

/// One database with the topic measured in it.
struct Side {
    url: DatabaseUrl,
    conn: DbConnection,
    topic: TopicId,
    workshop: WorkshopId,
}

impl Side {
    /// A migrated database at `url` holding the topic measured.
    fn seeded(url: &str) -> Side {
        let url = DatabaseUrl::parse(url).unwrap_or_else(|e| panic!("{e}"));
        let mut conn = url.establish().unwrap_or_else(|e| panic!("{e}"));
        run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
        let (topic, workshops) = write_transaction(&mut conn, |conn| {
            let track = create_track(conn, "Deltagelsessporet")?;
            seed_topic(conn, &track, "Fra bolig til hjem", TOPIC_WORKSHOPS)
        })
        .unwrap_or_else(|e| panic!("seeding the topic: {e:?}"));
        Side { url, conn, topic, workshop: workshops[0].clone() }
    }

    /// A fresh connection, as a server's pool holds: not the one that did the seeding (on
    /// PostgreSQL its backend keeps what tens of thousands of inserts left behind).
    fn reconnect(&mut self) {
        self.conn = self.url.establish().unwrap_or_else(|e| panic!("{e}"));
    }

    /// Runs step `i` of [`STEPS`] once and says how long it took.
    fn time(&mut self, i: usize) -> Duration {
        let (conn, topic, scope) = (&mut self.conn, &self.topic, Scope::Topic(self.topic.clone()));
        let t = Instant::now();
        let size = match i {
            0 => {
                let data = BoardData::load(conn, topic).unwrap_or_else(|e| panic!("board: {e:?}"));
                let counts = themes_store::counts(&data.answers, &data.links);
                data.unsorted().len() + counts.len() + data.answers.len()
            }
            1 => {
                let (w, qs) = survey_store::workshop_with_questions(conn, &self.workshop)
                    .unwrap_or_else(|e| panic!("questions: {e}"))
                    .unwrap_or_else(|| panic!("no workshop"));
                let answers = participant_store::workshop_answers(conn, &w.id)
                    .unwrap_or_else(|e| panic!("answers: {e}"));
                qs.len() + answers.len()
            }
            2 => {
                let material =
                    deltag::export::store::load(conn, &scope).unwrap_or_else(|e| panic!("{e:?}"));
                let report = summary::build(&material, Lang::Da);
                let bytes = Format::Docx.render_report(&report).unwrap_or_else(|| panic!("docx"));
                bytes.unwrap_or_else(|e| panic!("docx: {e}")).len()
            }
            _ => {
                let material =
                    deltag::export::store::load(conn, &scope).unwrap_or_else(|e| panic!("{e:?}"));
                let report = summary::build(&material, Lang::Da);
                let data = dataset::build(&material, Lang::Da, report);
                let bytes = Format::Xlsx.render_dataset(&data).unwrap_or_else(|| panic!("xlsx"));
                bytes.unwrap_or_else(|e| panic!("xlsx: {e}")).len()
            }
        };
        let took = t.elapsed();
        std::hint::black_box(size);
        took
    }
}

/// Seeds the same topic into two databases and 200 other workshops into the second, then times
/// every step on both, alternating run by run so that a busy moment on the machine hits both
/// sides alike, and prints the medians and their ratio.
fn run(label: &str, (alone_url, crowded_url): (&str, &str)) {
    let mut alone = Side::seeded(alone_url);
    let mut crowded = Side::seeded(crowded_url);
    let started = Instant::now();
    seed_others(&mut crowded.conn).unwrap_or_else(|e| panic!("seeding the others: {e:?}"));
    eprintln!(
        "{label}: seeded {OTHER_WORKSHOPS} other workshops ({} answers) in {:.1} s",
        OTHER_WORKSHOPS * PEOPLE * 2,
        started.elapsed().as_secs_f64()
    );
    alone.reconnect();
    crowded.reconnect();
    // A production PostgreSQL keeps its planner statistics current (autovacuum analyses
    // tables after bulk inserts); a test server may run without autovacuum, so both sides are
    // analysed here. SQLite plans without statistics (deltag never runs ANALYZE there).
    if label == "PostgreSQL" {
        for side in [&mut alone, &mut crowded] {
            side.conn.batch_execute("ANALYZE").unwrap_or_else(|e| panic!("analyze: {e}"));
        }
        pin_backends(&mut [&mut alone, &mut crowded]);
    }
    println!();
    println!(
        "{label}: one topic of {TOPIC_WORKSHOPS} workshops ({} answers), median of {RUNS} runs",
        TOPIC_WORKSHOPS * PEOPLE * 2
    );
    println!();
    println!(
        "| step | alone (ms) | with {OTHER_WORKSHOPS} other workshops × {} answers (ms) | with ÷ alone |",
        PEOPLE * 2
    );
    println!("|---|---:|---:|---:|");
    for (i, step) in STEPS.iter().enumerate() {
        // Warm caches and prepared statements first, as on a running server.
        for _ in 0..WARM_UP {
            alone.time(i);
            crowded.time(i);
        }
        let (mut a, mut c) = (Vec::with_capacity(RUNS), Vec::with_capacity(RUNS));
        for _ in 0..RUNS {
            a.push(alone.time(i));
            c.push(crowded.time(i));
        }
        let (a, c) = (median(a).as_secs_f64() * 1e3, median(c).as_secs_f64() * 1e3);
        println!("| {step} | {a:.2} | {c:.2} | {:.2} |", c / a);
    }
}

/// Puts this thread on the first core and both PostgreSQL backends on the last one.
///
/// Left to the scheduler, one backend tends to land on the bench's own core and the other on
/// the idle one; a round trip to the second then costs ~50 µs more (a cross-core wake-up) on
/// every query, whatever the query. Measured on 2 cores before pinning: the board 1.56–1.83×
/// "slower" with 200 other workshops, and 1.65× the other way round when the "alone" slot
/// was a second connection to the crowded database. Pinned, the two are timed alike.
fn pin_backends(sides: &mut [&mut Side]) {
    #[derive(diesel::QueryableByName)]
    struct Backend {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        pid: i32,
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 {
        return;
    }
    let taskset = |core: usize, pid: u32| {
        std::process::Command::new("taskset")
            .args(["-pc", &core.to_string(), &pid.to_string()])
            .output()
            .is_ok_and(|out| out.status.success())
    };
    let mut pinned = taskset(0, std::process::id());
    for side in sides.iter_mut() {
        let backend: Backend = diesel::sql_query("SELECT pg_backend_pid() AS pid")
            .get_result(&mut side.conn)
            .unwrap_or_else(|e| panic!("backend pid: {e}"));
        pinned &= u32::try_from(backend.pid).is_ok_and(|pid| taskset(cores - 1, pid));
    }
    if pinned {
        eprintln!("PostgreSQL: this bench on core 0, both backends on core {}", cores - 1);
    } else {
        eprintln!(
            "PostgreSQL: could not pin the backends (taskset); ratios include placement noise"
        );
    }
}

/// A fresh PostgreSQL database next to `base`, dropped with the value.
struct PgBench {
    base: String,
    name: String,
    url: String,
}

impl PgBench {
    fn create(base: &str) -> PgBench {
        use diesel::connection::SimpleConnection;
        use diesel::Connection;
        let name = format!("deltag_bench_{}", uuid::Uuid::now_v7().simple());
        let mut admin = diesel::PgConnection::establish(base)
            .unwrap_or_else(|e| panic!("cannot reach DELTAG_BENCH_POSTGRES_URL: {e}"));
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("create database: {e}"));
        let mut url = url::Url::parse(base).unwrap_or_else(|e| panic!("postgres url: {e}"));
        url.set_path(&format!("/{name}"));
        if !url.query().is_some_and(|q| q.contains("sslmode")) {
            url.query_pairs_mut().append_pair("sslmode", "disable");
        }
        PgBench { base: base.to_owned(), name, url: url.to_string() }
    }
}

impl Drop for PgBench {
    fn drop(&mut self) {
        use diesel::connection::SimpleConnection;
        use diesel::Connection;
        // DELTAG_BENCH_KEEP_POSTGRES=1 leaves the databases for EXPLAIN, and says which they are.
        if std::env::var_os("DELTAG_BENCH_KEEP_POSTGRES").is_some() {
            eprintln!("kept PostgreSQL database {}", self.name);
            return;
        }
        if let Ok(mut admin) = diesel::PgConnection::establish(&self.base) {
            let _ =
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// Runs the measurement on SQLite files, and on PostgreSQL when `DELTAG_BENCH_POSTGRES_URL`
/// is set, printing one markdown table per backend.
pub fn run_all() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    // DELTAG_BENCH_SQLITE_DIR keeps the seeded files there, e.g. to read query plans with
    // `sqlite3 crowded.db 'EXPLAIN QUERY PLAN …'`; by default they go with the temp folder.
    let folder = std::env::var("DELTAG_BENCH_SQLITE_DIR")
        .map_or_else(|_| dir.path().to_path_buf(), std::path::PathBuf::from);
    let file = |name: &str| format!("sqlite://{}/{name}.db", folder.display());
    run("SQLite", (&file("alone"), &file("crowded")));
    if let Ok(base) = std::env::var("DELTAG_BENCH_POSTGRES_URL") {
        let (alone, crowded) = (PgBench::create(&base), PgBench::create(&base));
        run("PostgreSQL", (&alone.url, &crowded.url));
    }
}
