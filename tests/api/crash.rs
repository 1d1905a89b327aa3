//! Never lose an acknowledged answer: under load, kill -9 the real server at random moments,
//! restart it, and check that every answer that got its 303 is stored and the database is
//! intact. `DELTAG_CRASH_ROUNDS` (default 3) sets how many kills; CI runs the short version.

use std::collections::HashSet;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use deltag::db::schema::answers;
use deltag::db::{run_migrations, Backend};
use deltag::survey::domain::{QuestionKind, WorkshopStatus};
use deltag::survey::store::{self, QuestionFields, TopicFields, TrackFields, WorkshopFields};
use deltag::text::{PromptText, Text, Title};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::Rng;

use crate::helpers::{direct_connection, new_client, TestDb};
use crate::on_both_backends;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn start(url: &str, port: u16) -> Server {
    let child = Command::new(env!("CARGO_BIN_EXE_deltag"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--workers", "2"])
        .env("DELTAG_DATABASE_URL", url)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn deltag");
    let server = Server(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Ok(res) = reqwest::get(format!("http://127.0.0.1:{port}/healthz")).await {
            if res.status().is_success() {
                return server;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up");
}

fn hidden(page: &str, name: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse(&format!("input[name={name}]")).ok()?;
    let value = doc.select(&sel).next()?.value().attr("value").map(str::to_owned);
    value
}

/// How a phone's journey ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Outcome {
    /// All six answers acknowledged.
    Done,
    /// The connection failed: the server was killed under it (expected, once per round).
    CutOff,
    /// The server answered something a phone should never see (a 4xx or 5xx on a valid form,
    /// a page without its form): a real error.
    Unexpected(u16),
}

/// A request's status, or `CutOff` when the connection failed.
fn status_of(res: Result<reqwest::Response, reqwest::Error>) -> Result<reqwest::Response, Outcome> {
    res.map_err(|_| Outcome::CutOff)
}

/// One phone: joins, then answers the six text questions with unique texts; records each
/// text whose post was acknowledged with a 303, and says how its journey ended.
async fn phone(base: String, code: String, tag: String, acked: Arc<Mutex<Vec<String>>>) -> Outcome {
    let (client, jar) = new_client();
    let expect = |res: reqwest::Response, status: u16| {
        let got = res.status().as_u16();
        if got == status {
            Ok(res)
        } else {
            Err(Outcome::Unexpected(got))
        }
    };
    let body =
        |res: reqwest::Response| async move { res.text().await.map_err(|_| Outcome::CutOff) };
    let go = async {
        let start = expect(status_of(client.get(format!("{base}/j/{code}")).send().await)?, 200)?;
        let start = body(start).await?;
        let token = hidden(&start, "start_token").ok_or(Outcome::Unexpected(200))?;
        let url = reqwest::Url::parse(&base).map_err(|_| Outcome::Unexpected(0))?;
        let csrf = reqwest::cookie::CookieStore::cookies(&*jar, &url)
            .and_then(|h| h.to_str().ok().map(str::to_owned))
            .and_then(|h| {
                h.split("; ").find_map(|kv| kv.strip_prefix("deltag_csrf=").map(str::to_owned))
            })
            .ok_or(Outcome::Unexpected(200))?;
        let res = client
            .post(format!("{base}/j/{code}/start"))
            .header("origin", base.as_str())
            .form(&[("start_token", token.as_str()), ("csrf_token", &csrf)])
            .send()
            .await;
        expect(status_of(res)?, 303)?;
        for n in 1..=6 {
            let path = format!("{base}/j/{code}/q/{n}");
            let page = body(expect(status_of(client.get(&path).send().await)?, 200)?).await?;
            let key = hidden(&page, "submission_key").ok_or(Outcome::Unexpected(200))?;
            let qid = hidden(&page, "question_id").ok_or(Outcome::Unexpected(200))?;
            let text = format!("{tag}-q{n}");
            let res = client
                .post(&path)
                .header("origin", base.as_str())
                .form(&[
                    ("answer", text.as_str()),
                    ("action", "save"),
                    ("submission_key", &key),
                    ("question_id", &qid),
                    ("csrf_token", &csrf),
                ])
                .send()
                .await;
            expect(status_of(res)?, 303)?;
            if let Ok(mut acked) = acked.lock() {
                acked.push(text);
            }
        }
        Ok::<(), Outcome>(())
    };
    match go.await {
        Ok(()) => Outcome::Done,
        Err(outcome) => outcome,
    }
}

fn seed(url: &str) -> String {
    let mut conn = direct_connection(url);
    run_migrations(&mut conn).expect("migrate");
    let title = |s: &str| Title::parse(s).expect("title");
    let track = TrackFields { title: title("Crash"), year: 2026 };
    let track = store::create_track(&mut conn, &track).expect("track");
    let topic =
        TopicFields { title: title("Crash"), description: Text::default(), same_people: false };
    let topic = store::create_topic(&mut conn, &track, &topic).expect("topic");
    let w = store::create_workshop(
        &mut conn,
        &topic,
        &WorkshopFields {
            title: title("Crash"),
            intro: Text::default(),
            starts_at: None,
            location: None,
            retention_days: 90,
        },
    )
    .expect("workshop");
    for n in 1..=6 {
        let q = QuestionFields {
            kind: QuestionKind::ShortText,
            prompt: PromptText::parse(&format!("Spørgsmål {n}")).unwrap_or_default(),
            help_text: Text::default(),
            easy_read_prompt: None,
            options: Default::default(),
            allow_other: false,
            required: false,
        };
        store::add_question(&mut conn, &w, &q).expect("question");
    }
    store::set_status(&mut conn, &w, WorkshopStatus::Open).expect("open");
    store::find_workshop(&mut conn, &w).expect("find").expect("some").join_code
}

async fn acknowledged_answers_survive_kill_9(backend: Backend) {
    let rounds: usize =
        std::env::var("DELTAG_CRASH_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let db = TestDb::new(backend);
    let code = seed(&db.url);
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let acked = Arc::new(Mutex::new(Vec::new()));
    let mut phones_started = 0usize;
    let mut outcomes: std::collections::HashMap<Outcome, usize> = Default::default();
    for round in 0..rounds {
        let mut server = start(&db.url, port).await;
        let mut tasks = Vec::new();
        for i in 0..24 {
            tasks.push(tokio::spawn(phone(
                base.clone(),
                code.clone(),
                format!("r{round}-p{i}"),
                acked.clone(),
            )));
            phones_started += 1;
        }
        // Kill at a random moment once answers are flowing in this round.
        let before = acked.lock().expect("lock").len();
        let deadline = Instant::now() + Duration::from_secs(20);
        while acked.lock().expect("lock").len() < before + 20 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let wait = rand::thread_rng().gen_range(0..400);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        // SIGKILL: no shutdown, no flush, mid-request.
        server.0.kill().expect("kill -9");
        let _ = server.0.wait();
        for t in tasks {
            *outcomes.entry(t.await.expect("phone task")).or_default() += 1;
        }
        let expected: Vec<String> = acked.lock().expect("lock").clone();
        let stored_list: Vec<String> = answers::table
            .select(answers::value)
            .load::<String>(&mut direct_connection(&db.url))
            .expect("answers");
        let stored: HashSet<String> = stored_list.iter().cloned().collect();
        let lost: Vec<&String> = expected.iter().filter(|t| !stored.contains(*t)).collect();
        assert!(
            lost.is_empty(),
            "round {round}: {} acknowledged answers lost: {lost:?}",
            lost.len()
        );
        // Every text is unique to one phone and question: stored twice would be a duplicate.
        assert_eq!(stored.len(), stored_list.len(), "round {round}: an answer was stored twice");
    }
    // The phones' errors, counted: a cut-off connection is the kill; anything else is a bug.
    let unexpected: Vec<_> =
        outcomes.iter().filter(|(o, _)| matches!(o, Outcome::Unexpected(_))).collect();
    assert!(unexpected.is_empty(), "phones met errors: {outcomes:?}");
    let total = acked.lock().expect("lock").len();
    assert!(total > 0, "the load acknowledged some answers ({phones_started} phones)");
    let mut conn = direct_connection(&db.url);
    match backend {
        Backend::Sqlite => {
            #[derive(QueryableByName)]
            struct Check {
                #[diesel(sql_type = diesel::sql_types::Text)]
                integrity_check: String,
            }
            let check: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
                .load(&mut conn)
                .expect("integrity_check");
            assert_eq!(
                check.iter().map(|c| c.integrity_check.as_str()).collect::<Vec<_>>(),
                ["ok"]
            );
        }
        Backend::Postgres => {
            conn.batch_execute("SELECT 1").expect("database answers");
        }
    }
    // No answer without its participant or question, no duplicate per participant and question.
    let orphans: i64 = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM answers a LEFT JOIN participants p ON p.id = a.participant_id WHERE p.id IS NULL",
    )
    .get_result::<Count>(&mut conn)
    .map(|c| c.n)
    .expect("orphans");
    assert_eq!(orphans, 0);
    let without_question: i64 = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM answers a LEFT JOIN questions q ON q.id = a.question_id WHERE q.id IS NULL",
    )
    .get_result::<Count>(&mut conn)
    .map(|c| c.n)
    .expect("answers without their question");
    assert_eq!(without_question, 0);
    let duplicates: i64 = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM (SELECT participant_id, question_id FROM answers \
         GROUP BY participant_id, question_id HAVING COUNT(*) > 1) AS d",
    )
    .get_result::<Count>(&mut conn)
    .map(|c| c.n)
    .expect("duplicates");
    assert_eq!(duplicates, 0, "one answer per participant and question");
    let done = outcomes.get(&Outcome::Done).copied().unwrap_or(0);
    let cut = outcomes.get(&Outcome::CutOff).copied().unwrap_or(0);
    eprintln!(
        "{backend}: {rounds} kills, {total} acknowledged answers, none lost, no duplicates; \
         phones: {done} finished, {cut} cut off by a kill, 0 errors"
    );
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

on_both_backends!(acknowledged_answers_survive_kill_9);
