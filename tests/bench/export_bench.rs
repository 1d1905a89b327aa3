//! Export benchmark: 10,000 answers (5,000 participants × 2 questions) with 20 themes, key
//! points and quotes, exported to XLSX and DOCX from a real SQLite file. Reports the time to
//! build the summary model, to render each format, and ratios against rendering the same model
//! as JSON (the baseline, measured in the same run).
//!
//! cargo bench --bench export_bench

use std::time::{Duration, Instant};

use deltag::db::{run_migrations, write_transaction, AnswerId, DatabaseUrl, DbConnection, TopicId};
use deltag::export::{summary, Format, Scope};
use deltag::participant::domain::{AnswerText, AnswerValue, ChoiceValue, EnteredBy};
use deltag::participant::store::{self as participant_store, NewAnswer};
use deltag::participant::Source;
use deltag::survey::domain::{options_from_lines, QuestionKind, WorkshopStatus};
use deltag::survey::store::{
    self as survey_store, QuestionFields, TopicFields, TrackFields, WorkshopFields,
};
use deltag::text::{PromptText, Text, Title};
use deltag::themes::store as themes_store;

fn title(s: &str) -> Title {
    Title::parse(s).unwrap_or_else(|| panic!("title {s:?}"))
}

const PARTICIPANTS: usize = 5_000;
const RUNS: usize = 5;

fn seed(conn: &mut DbConnection) -> TopicId {
    write_transaction(conn, |conn| {
        let track = survey_store::create_track(conn, &TrackFields { title: title("Benchmark"), year: 2026 })?;
        let topic = survey_store::create_topic(conn, &track, &TopicFields { title: title("Fra bolig til hjem"), description: Text::default(), same_people: false })?;
        let w = survey_store::create_workshop(conn, &topic, &WorkshopFields { title: title("Stor workshop"), intro: Text::default(), starts_at: None, location: None, retention_days: 90 })?;
        let prompt = |s: &str| PromptText::parse_non_empty(s).unwrap_or_else(|| panic!("prompt {s:?}"));
        let text = QuestionFields { kind: QuestionKind::LongText, prompt: prompt("Hvad er et hjem?"), help_text: Text::default(), easy_read_prompt: None, options: Default::default(), allow_other: false, required: true };
        let choice = QuestionFields { kind: QuestionKind::SingleChoice, prompt: prompt("Hvor bor du?"), options: options_from_lines("Egen bolig\nHerberg\nHos venner\nPå gaden", &[]), ..text.clone() };
        survey_store::add_question(conn, &w, &text)?;
        survey_store::add_question(conn, &w, &choice)?;
        survey_store::set_status(conn, &w, WorkshopStatus::Open).map_err(|_| diesel::result::Error::RollbackTransaction)?;
        let qs = survey_store::list_questions(conn, &w)?;
        let themes: Vec<_> = (0..20).map(|i| themes_store::create_theme(conn, &topic, &title(&format!("EMNE {i}")), None).map_err(|_| diesel::result::Error::RollbackTransaction)).collect::<Result<_, _>>()?;
        for (i, t) in themes.iter().enumerate() {
            let point = Text::parse(&format!("Hovedpointe {i}: støtte skal tage udgangspunkt i mennesket")).unwrap_or_default();
            themes_store::add_key_point(conn, &topic, Some(t), &point)?;
        }
        let mut linked: Vec<Vec<AnswerId>> = vec![Vec::new(); themes.len()];
        for p in 0..PARTICIPANTS {
            let part = participant_store::join(conn, &w, &format!("bench-{p}"), Source::Phone)?;
            let words = format!("Svar nummer {p}: jeg vil have en bolig med ro, tæt på mit netværk, og en fast kontaktperson der lytter. Ring ikke på 22 33 44 55.");
            let values = [
                AnswerValue::Text(AnswerText::parse(&words).map_err(|_| diesel::result::Error::RollbackTransaction)?),
                AnswerValue::Choice(ChoiceValue { choices: vec![format!("o{}", p % 4 + 1)], other: None }),
            ];
            for (q, v) in qs.iter().zip(values.iter()) {
                participant_store::save_answer(conn, &NewAnswer { participant_id: &part.id, question_id: &q.id, value: v, entered_by: EnteredBy::Participant, user_id: None, submission_key: &format!("b-{p}-{}", q.position) })
                    .map_err(|_| diesel::result::Error::RollbackTransaction)?;
            }
        }
        let answers: Vec<(AnswerId, String)> = {
            use deltag::db::schema::answers;
            use diesel::prelude::*;
            answers::table.filter(answers::question_id.eq(&qs[0].id)).select((answers::id, answers::value)).load(conn)?
        };
        for (i, (id, _)) in answers.iter().enumerate() {
            linked[i % themes.len()].push(id.clone());
        }
        for (t, ids) in themes.iter().zip(&linked) {
            themes_store::assign(conn, t, ids, None)?;
        }
        for (id, value) in answers.iter().take(40) {
            let text = Text::parse(value).unwrap_or_default();
            let _ = value;
            let q = themes_store::create_quote(conn, id, &text, None)?.ok_or(diesel::result::Error::NotFound)?;
            themes_store::set_quote_approved(conn, &q, true, 1, None)?.map_err(|_| diesel::result::Error::RollbackTransaction)?;
        }
        Ok(topic)
    })
    .unwrap_or_else(|e: diesel::result::Error| panic!("seeding failed: {e}"))
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let url = DatabaseUrl::parse(&format!("sqlite://{}/bench.db", dir.path().display()))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut conn = url.establish().unwrap_or_else(|e| panic!("{e}"));
    run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let topic = seed(&mut conn);
    eprintln!("seeded {} answers in {:.1} s", PARTICIPANTS * 2, started.elapsed().as_secs_f64());
    let scope = Scope::Topic(topic);

    let mut build = Vec::new();
    let mut rendered: Vec<(Format, Vec<Duration>, usize)> =
        [Format::Json, Format::Xlsx, Format::Docx, Format::Csv]
            .into_iter()
            .map(|f| (f, Vec::new(), 0))
            .collect();
    for _ in 0..RUNS {
        let t = Instant::now();
        let material =
            deltag::export::store::load(&mut conn, &scope).unwrap_or_else(|e| panic!("{e:?}"));
        let s = summary::build(&material, deltag::i18n::Lang::Da);
        let data = deltag::export::dataset::build(&material, deltag::i18n::Lang::Da, s.clone());
        build.push(t.elapsed());
        for (format, times, size) in rendered.iter_mut() {
            let t = Instant::now();
            let rendered = format.render_report(&s).or_else(|| format.render_dataset(&data));
            let bytes =
                rendered.unwrap_or_else(|| panic!("no renderer")).unwrap_or_else(|e| panic!("{e}"));
            times.push(t.elapsed());
            *size = bytes.len();
        }
    }
    let build = median(build);
    let json = median(rendered[0].1.clone());
    println!("| step ({} answers, median of {RUNS}) | ms | bytes | render ÷ JSON render | whole export (build + render) ms |", PARTICIPANTS * 2);
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| build report and dataset models (SQLite) | {:.0} | | | |",
        build.as_secs_f64() * 1e3
    );
    for (format, times, size) in &rendered {
        let m = median(times.clone());
        println!(
            "| render {} | {:.0} | {} | {:.2} | {:.0} |",
            format.as_str(),
            m.as_secs_f64() * 1e3,
            size,
            m.as_secs_f64() / json.as_secs_f64(),
            (build + m).as_secs_f64() * 1e3
        );
    }
}
