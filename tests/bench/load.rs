//! Journey load generator: N phones play the real participant journey against the real
//! `deltag` binary on loopback (join, consent, six questions, check, finish) with think time,
//! arriving evenly over a ramp. Reports journeys, answers per second, p50/p95/p99 per step,
//! errors and the server's peak memory; then, in the same run, the answer-post ceiling of
//! deltag against a bare actix-web handler (the machine's HTTP ceiling) and a bare SQLite
//! insert loop at the same durability (the disk's ceiling).
//!
//! Every client sends what a phone's browser sends: `Accept-Encoding: gzip, deflate, br, zstd`,
//! `Accept`, `Accept-Language`, a user agent, its cookies, and `Origin` on posts; bodies are
//! decoded as a browser would.
//!
//! cargo bench --bench load -- --phones 100 --ramp 10
//! cargo bench --bench load -- --phones 2000 --ramp 120
//! cargo bench --bench load -- --phones 0          (only the same-run ceilings)
//! cargo bench --bench load -- --phones 0 --scale  (and then the scale measurement of
//!                                                   `scale.rs`: every issue-13 figure in one run)

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use deltag::db::{run_migrations, DatabaseUrl};
use deltag::survey::domain::{QuestionKind, WorkshopStatus};
use deltag::survey::store::{self, QuestionFields, TopicFields, TrackFields, WorkshopFields};
use deltag::text::{PromptText, Text, Title};
use diesel::connection::SimpleConnection;

#[path = "scale.rs"]
mod scale;

#[path = "browser.rs"]
mod browser;
use browser::{
    arg, client, client_accepting, csrf, hidden, page_text, think, BROWSER_ACCEPT_ENCODING,
};

type Samples = Arc<Mutex<BTreeMap<&'static str, Vec<Duration>>>>;

fn seed(url: &str) -> String {
    let mut conn =
        DatabaseUrl::parse(url).and_then(|u| u.establish()).unwrap_or_else(|e| panic!("{e}"));
    run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let title = |s: &str| Title::parse(s).unwrap_or_else(|| panic!("title {s:?}"));
    let track = TrackFields { title: title("Load"), year: 2026 };
    let track = store::create_track(&mut conn, &track).unwrap_or_else(|e| panic!("{e}"));
    let topic =
        TopicFields { title: title("Load"), description: Text::default(), same_people: false };
    let topic = store::create_topic(&mut conn, &track, &topic).unwrap_or_else(|e| panic!("{e}"));
    let w = store::create_workshop(
        &mut conn,
        &topic,
        &WorkshopFields {
            title: title("Load"),
            intro: Text::default(),
            starts_at: None,
            location: None,
            retention_days: 90,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for n in 1..=6 {
        let q = QuestionFields {
            kind: QuestionKind::LongText,
            prompt: PromptText::parse(&format!("Spørgsmål {n}")).unwrap_or_default(),
            help_text: Text::default(),
            easy_read_prompt: None,
            options: Default::default(),
            allow_other: false,
            required: false,
        };
        store::add_question(&mut conn, &w, &q).unwrap_or_else(|e| panic!("{e}"));
    }
    store::set_status(&mut conn, &w, WorkshopStatus::Open).unwrap_or_else(|e| panic!("{e}"));
    store::find_workshop(&mut conn, &w).ok().flatten().map(|w| w.join_code).unwrap_or_default()
}

/// The server process, stopped however the run ends (a panic included).
struct KillOnDrop(std::process::Child);

impl KillOnDrop {
    fn stop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn timed<T>(
    samples: &Samples, step: &'static str, f: impl std::future::Future<Output = Option<T>>,
) -> Option<T> {
    let t = Instant::now();
    let out = f.await;
    if out.is_some() {
        if let Ok(mut s) = samples.lock() {
            s.entry(step).or_default().push(t.elapsed());
        }
    }
    out
}

/// One phone's whole journey; true when it reached the thank-you page.
async fn journey(base: String, code: String, samples: Samples, think_ms: (u64, u64)) -> bool {
    let (c, jar) = client();
    let get = |url: String, expect: u16| {
        let c = c.clone();
        async move {
            let res = c.get(url).send().await.ok()?;
            (res.status().as_u16() == expect).then_some(())?;
            page_text(res).await
        }
    };
    let run = async {
        let start = timed(&samples, "1 start page", get(format!("{base}/j/{code}"), 200)).await?;
        let token = hidden(&start, "start_token")?;
        let csrf = csrf(&jar, &base)?;
        think(think_ms).await;
        let post = |url: String, form: Vec<(&'static str, String)>| {
            let (c, origin) = (c.clone(), base.clone());
            async move {
                c.post(url)
                    .header("origin", origin)
                    .form(&form)
                    .send()
                    .await
                    .ok()
                    .filter(|r| r.status().as_u16() == 303)
                    .map(|_| ())
            }
        };
        timed(
            &samples,
            "2 consent",
            post(
                format!("{base}/j/{code}/start"),
                vec![("start_token", token), ("csrf_token", csrf.clone())],
            ),
        )
        .await?;
        for n in 1..=6 {
            let page =
                timed(&samples, "3 question page", get(format!("{base}/j/{code}/q/{n}"), 200))
                    .await?;
            let (key, qid) = (hidden(&page, "submission_key")?, hidden(&page, "question_id")?);
            think(think_ms).await;
            let form = vec![
                ("answer", format!("Et svar på spørgsmål {n}")),
                ("action", "save".into()),
                ("submission_key", key),
                ("question_id", qid),
                ("csrf_token", csrf.clone()),
            ];
            timed(&samples, "4 answer post", post(format!("{base}/j/{code}/q/{n}"), form)).await?;
        }
        timed(&samples, "5 check page", get(format!("{base}/j/{code}/check"), 200)).await?;
        think(think_ms).await;
        timed(
            &samples,
            "6 finish",
            post(format!("{base}/j/{code}/finish"), vec![("csrf_token", csrf.clone())]),
        )
        .await?;
        timed(&samples, "7 thank-you page", get(format!("{base}/j/{code}/tak"), 200)).await?;
        Some(())
    };
    run.await.is_some()
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

fn peak_rss_mib(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// A phone that has joined: its client, its CSRF token, and the question IDs by position.
struct Joined {
    c: reqwest::Client,
    csrf: String,
    questions: Vec<(u32, String)>,
}

/// Opens the start page, says yes and reads the six question pages once.
async fn join(base: &str, code: &str, accept_encoding: &str) -> Option<Joined> {
    let (c, jar) = client_accepting(accept_encoding);
    let start = page_text(c.get(format!("{base}/j/{code}")).send().await.ok()?).await?;
    let token = hidden(&start, "start_token")?;
    let csrf = csrf(&jar, base)?;
    c.post(format!("{base}/j/{code}/start"))
        .header("origin", base)
        .form(&[("start_token", token.as_str()), ("csrf_token", &csrf)])
        .send()
        .await
        .ok()?;
    let mut questions = Vec::new();
    for n in 1..=6 {
        let page = page_text(c.get(format!("{base}/j/{code}/q/{n}")).send().await.ok()?).await?;
        questions.push((n, hidden(&page, "question_id")?));
    }
    Some(Joined { c, csrf, questions })
}

/// A fresh submission key, as the question page would have given (16 random bytes, base64url).
fn submission_key() -> String {
    use base64::Engine as _;
    let bytes: [u8; 16] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Latencies and count of a closed-loop run.
#[derive(Default)]
struct Run {
    done: u64,
    bytes: u64,
    times: Vec<Duration>,
}

impl Run {
    fn merge(&mut self, other: Run) {
        self.done += other.done;
        self.bytes += other.bytes;
        self.times.extend(other.times);
    }

    fn rate(&self, secs: u64) -> f64 {
        self.done as f64 / secs as f64
    }

    fn pct(&mut self, p: f64) -> f64 {
        self.times.sort();
        pct(&self.times, p)
    }
}

/// Runs `workers` closed loops of `step` until `secs` have passed, then merges their runs.
async fn closed_loops<S, F>(workers: Vec<S>, secs: u64, step: F) -> Run
where
    S: Send + 'static,
    F: Fn(
            &S,
            usize,
        ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Option<u64>> + Send + '_>>
        + Send
        + Sync
        + Copy
        + 'static,
{
    let until = Instant::now() + Duration::from_secs(secs);
    let tasks: Vec<_> = workers
        .into_iter()
        .map(|state| {
            tokio::spawn(async move {
                let mut run = Run::default();
                let mut i = 0;
                while Instant::now() < until {
                    let t = Instant::now();
                    if let Some(bytes) = step(&state, i).await {
                        run.done += 1;
                        run.bytes += bytes;
                        run.times.push(t.elapsed());
                    }
                    i += 1;
                }
                run
            })
        })
        .collect();
    let mut all = Run::default();
    for t in tasks {
        if let Ok(run) = t.await {
            all.merge(run);
        }
    }
    all
}

/// `workers` phones that joined asking for `accept_encoding`, each with its first question page.
async fn page_phones(
    base: &str, code: &str, workers: usize, accept_encoding: &str,
) -> Vec<(Arc<Joined>, String)> {
    let mut phones = Vec::new();
    for _ in 0..workers {
        if let Some(j) = join(base, code, accept_encoding).await {
            phones.push((Arc::new(j), format!("{base}/j/{code}/q/1")));
        }
    }
    phones
}

/// The phones reloading their question page for `secs`; bytes counted as sent over the wire.
async fn page_round(phones: &[(Arc<Joined>, String)], secs: u64) -> Run {
    closed_loops(phones.to_vec(), secs, |(j, url), _| {
        Box::pin(async move {
            let res = j.c.get(url).send().await.ok()?;
            (res.status().as_u16() == 200).then_some(())?;
            Some(res.bytes().await.ok()?.len() as u64)
        })
    })
    .await
}

/// Question pages per second as browsers ask for them and uncompressed, in alternating
/// one-second rounds (which goes first alternates too), so warm-up and a neighbour's noise on
/// the machine fall on both alike.
async fn page_ceilings(base: &str, code: &str, workers: usize, secs: u64) -> (Run, Run) {
    let browser_phones = page_phones(base, code, workers, BROWSER_ACCEPT_ENCODING).await;
    let plain_phones = page_phones(base, code, workers, "identity").await;
    let (mut browser, mut plain) = (Run::default(), Run::default());
    for round in 0..secs {
        if round % 2 == 0 {
            browser.merge(page_round(&browser_phones, 1).await);
            plain.merge(page_round(&plain_phones, 1).await);
        } else {
            plain.merge(page_round(&plain_phones, 1).await);
            browser.merge(page_round(&browser_phones, 1).await);
        }
    }
    (browser, plain)
}

/// `workers` joined phones for posting answers.
async fn post_phones(base: &str, code: &str, workers: usize) -> Vec<(Arc<Joined>, String, String)> {
    let mut phones = Vec::new();
    for _ in 0..workers {
        if let Some(j) = join(base, code, BROWSER_ACCEPT_ENCODING).await {
            phones.push((Arc::new(j), base.to_owned(), code.to_owned()));
        }
    }
    phones
}

/// Answer posts with no think time for `secs`: the phones post answers to their six questions
/// in turn, each post a new form (a fresh submission key), as fast as the server acknowledges
/// them with 303.
async fn post_round(phones: &[(Arc<Joined>, String, String)], secs: u64) -> Run {
    closed_loops(phones.to_vec(), secs, |(j, base, code), i| {
        Box::pin(async move {
            let (n, qid) = &j.questions[i % j.questions.len()];
            let key = submission_key();
            let form = [
                ("answer", "Et svar, der bliver gemt"),
                ("action", "save"),
                ("submission_key", key.as_str()),
                ("question_id", qid.as_str()),
                ("csrf_token", j.csrf.as_str()),
            ];
            let res =
                j.c.post(format!("{base}/j/{code}/q/{n}"))
                    .header("origin", base.as_str())
                    .form(&form)
                    .send()
                    .await
                    .ok()?;
            (res.status().as_u16() == 303).then_some(0)
        })
    })
    .await
}

/// Answer posts per second against the bare SQLite loop, in alternating one-second rounds
/// (the server idles while the loop runs), so both meet the same machine.
async fn post_and_sqlite_ceilings(
    base: &str, code: &str, workers: usize, secs: u64, dir: &std::path::Path,
) -> (Run, f64) {
    let phones = post_phones(base, code, workers).await;
    let mut bare = BareSqlite::open(dir);
    let (mut posts, mut inserts) = (Run::default(), 0);
    for round in 0..secs {
        if round % 2 == 0 {
            posts.merge(post_round(&phones, 1).await);
            inserts += bare.run(Duration::from_secs(1));
        } else {
            inserts += bare.run(Duration::from_secs(1));
            posts.merge(post_round(&phones, 1).await);
        }
    }
    (posts, inserts as f64 / secs as f64)
}

/// The same posts against a bare actix-web handler that reads the body and answers 303.
async fn bare_actix_ceiling(workers: usize, secs: u64) -> Run {
    use actix_web::{web, App, HttpResponse, HttpServer};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    let server = HttpServer::new(|| {
        App::new().route(
            "/j/bare/q/{n}",
            web::post().to(|_: web::Bytes| async {
                HttpResponse::SeeOther().insert_header(("location", "/j/bare/q/2")).finish()
            }),
        )
    })
    .workers(2)
    .tcp_nodelay(true)
    .listen(listener)
    .unwrap_or_else(|e| panic!("{e}"))
    .run();
    let handle = server.handle();
    tokio::spawn(server);
    let base = format!("http://127.0.0.1:{port}");
    let clients: Vec<_> = (0..workers).map(|_| (client().0, base.clone())).collect();
    let run = closed_loops(clients, secs, |(c, base), _| {
        Box::pin(async move {
            let key = submission_key();
            let form = [
                ("answer", "Et svar, der bliver gemt"),
                ("action", "save"),
                ("submission_key", key.as_str()),
                ("question_id", "q"),
                ("csrf_token", "x"),
            ];
            let res = c
                .post(format!("{base}/j/bare/q/1"))
                .header("origin", base.as_str())
                .header("cookie", "deltag_csrf=x")
                .form(&form)
                .send()
                .await
                .ok()?;
            (res.status().as_u16() == 303).then_some(0)
        })
    })
    .await;
    handle.stop(true).await;
    run
}

/// One SQLite connection inserting one row per transaction, WAL and synchronous=FULL as
/// deltag uses them: the disk's limit for one durable write at a time.
struct BareSqlite {
    conn: deltag::db::DbConnection,
    next: u64,
}

impl BareSqlite {
    fn open(dir: &std::path::Path) -> BareSqlite {
        let url = DatabaseUrl::parse(&format!("sqlite://{}/bare.db", dir.display()))
            .unwrap_or_else(|e| panic!("{e}"));
        let mut conn = url.establish().unwrap_or_else(|e| panic!("{e}"));
        conn.batch_execute("CREATE TABLE t (id TEXT PRIMARY KEY, value TEXT NOT NULL)")
            .unwrap_or_else(|e| panic!("{e}"));
        BareSqlite { conn, next: 0 }
    }

    /// Inserts for `time`; returns how many.
    fn run(&mut self, time: Duration) -> u64 {
        let until = Instant::now() + time;
        let start = self.next;
        while Instant::now() < until {
            self.conn
                .batch_execute(&format!(
                    "BEGIN IMMEDIATE; INSERT INTO t VALUES ('{}', 'Et svar'); COMMIT;",
                    self.next
                ))
                .unwrap_or_else(|e| panic!("{e}"));
            self.next += 1;
        }
        self.next - start
    }
}

/// The journeys and their table.
async fn run_journeys(
    base: &str, code: &str, url: &str, phones: usize, ramp: u64, think_ms: (u64, u64),
    server: &std::process::Child,
) {
    let samples: Samples = Arc::default();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..phones {
        let (base, code, samples) = (base.to_owned(), code.to_owned(), samples.clone());
        let arrive = Duration::from_secs_f64(ramp as f64 * i as f64 / phones.max(1) as f64);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(arrive).await;
            journey(base, code, samples, think_ms).await
        }));
    }
    let mut completed = 0;
    for t in tasks {
        if t.await.unwrap_or(false) {
            completed += 1;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let peak = peak_rss_mib(server.id());
    let samples = samples.lock().map(|s| s.clone()).unwrap_or_default();
    let answers = samples.get("4 answer post").map(Vec::len).unwrap_or(0);
    println!(
        "## {phones} phones arriving over {ramp} s, think time {}–{} ms ({})",
        think_ms.0,
        think_ms.1,
        if url.starts_with("sqlite") { "SQLite" } else { "PostgreSQL" }
    );
    println!();
    println!("completed journeys: {completed}/{phones}; errors: {}; answers: {answers} in {elapsed:.1} s = {:.1} answers/s; server peak memory: {peak:.0} MiB", phones - completed, answers as f64 / elapsed);
    println!();
    println!("| step | requests | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (step, times) in &samples {
        let mut t = times.clone();
        t.sort();
        println!(
            "| {step} | {} | {:.1} | {:.1} | {:.1} | {:.1} |",
            t.len(),
            pct(&t, 0.5),
            pct(&t, 0.95),
            pct(&t, 0.99),
            pct(&t, 1.0)
        );
    }
    println!();
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let phones = arg("--phones", 100) as usize;
    let ramp = arg("--ramp", 10);
    let think_ms = (arg("--think-min", 300), arg("--think-max", 1500));
    let ceiling_secs = arg("--ceiling-secs", 10);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = std::env::var("DELTAG_LOAD_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}/load.db", dir.path().display()));
    let code = seed(&url);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(18080);
    let mut server = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_deltag"))
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .env("DELTAG_DATABASE_URL", &url)
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let base = format!("http://127.0.0.1:{port}");
    while reqwest::get(format!("{base}/healthz"))
        .await
        .map(|r| !r.status().is_success())
        .unwrap_or(true)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    if phones > 0 {
        run_journeys(&base, &code, &url, phones, ramp, think_ms, &server.0).await;
    }

    let workers = 16;
    let backend = if url.starts_with("sqlite") { "SQLite" } else { "PostgreSQL" };
    // Pages: what a browser asks for against the same page uncompressed.
    let (mut browser, mut plain) = page_ceilings(&base, &code, workers, ceiling_secs).await;
    println!("| question page, {workers} connections, {ceiling_secs} alternating 1 s rounds each | pages/s | p50 ms | p99 ms | bytes/page |");
    println!("|---|---:|---:|---:|---:|");
    for (name, run) in [
        ("Accept-Encoding: gzip, deflate, br, zstd", &mut browser),
        ("uncompressed (identity)", &mut plain),
    ] {
        let bytes = run.bytes as f64 / run.done.max(1) as f64;
        println!(
            "| {name} | {:.0} | {:.2} | {:.2} | {bytes:.0} |",
            run.rate(ceiling_secs),
            run.pct(0.5),
            run.pct(0.99)
        );
    }
    println!(
        "| **browser ÷ uncompressed** | **{:.2}** | | | |",
        browser.rate(ceiling_secs) / plain.rate(ceiling_secs).max(1e-9)
    );
    println!();

    let (mut deltag, sqlite) =
        post_and_sqlite_ceilings(&base, &code, workers, ceiling_secs, dir.path()).await;
    server.stop();
    let mut bare = bare_actix_ceiling(workers, ceiling_secs).await;
    let rate = deltag.rate(ceiling_secs);
    println!("| answer posts ({workers} clients, no think time, {ceiling_secs} 1 s rounds alternating with the SQLite loop, {backend}) | per second | p50 ms | p99 ms | deltag ÷ this |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| deltag answer posts (durable: 303 only after the commit) | {rate:.0} | {:.2} | {:.2} | 1.00 |",
        deltag.pct(0.5),
        deltag.pct(0.99)
    );
    println!(
        "| bare actix-web handler (reads the body, answers 303) | {:.0} | {:.2} | {:.2} | {:.2} |",
        bare.rate(ceiling_secs),
        bare.pct(0.5),
        bare.pct(0.99),
        rate / bare.rate(ceiling_secs).max(1e-9)
    );
    println!(
        "| bare SQLite insert loop (WAL, synchronous=FULL, 1 row per transaction) | {sqlite:.0} | | | {:.2} |",
        rate / sqlite
    );
    if std::env::args().any(|a| a == "--scale") {
        println!();
        scale::run_all();
    }
}
