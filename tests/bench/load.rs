//! Journey load generator: N phones play the real participant journey against the real
//! `deltag` binary on loopback (join, consent, six questions, check, finish) with think time,
//! arriving evenly over a ramp. Reports journeys, answers per second, p50/p95/p99 per step,
//! errors and the server's peak memory; then, in the same run, the answer-post ceiling of
//! deltag against a bare actix-web handler (the machine's HTTP ceiling) and a bare SQLite
//! insert loop at the same durability (the disk's ceiling).
//!
//! cargo bench --bench load -- --phones 100 --ramp 10
//! cargo bench --bench load -- --phones 2000 --ramp 120

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use deltag::db::{run_migrations, DatabaseUrl};
use deltag::survey::domain::{QuestionKind, WorkshopStatus};
use deltag::survey::store::{self, QuestionFields, TopicFields, TrackFields, WorkshopFields};
use deltag::text::{PromptText, Text, Title};
use diesel::connection::SimpleConnection;
use rand::Rng;

type Samples = Arc<Mutex<BTreeMap<&'static str, Vec<Duration>>>>;

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

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

fn hidden(page: &str, name: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse(&format!("input[name={name}]")).ok()?;
    let value = doc.select(&sel).next()?.value().attr("value").map(str::to_owned);
    value
}

fn client() -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let c = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar.clone())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    (c, jar)
}

fn csrf(jar: &reqwest::cookie::Jar, base: &str) -> Option<String> {
    let url = reqwest::Url::parse(base).ok()?;
    let header = reqwest::cookie::CookieStore::cookies(jar, &url)?;
    let value = header
        .to_str()
        .ok()?
        .split("; ")
        .find_map(|kv| kv.strip_prefix("deltag_csrf=").map(str::to_owned));
    value
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

async fn think(range: (u64, u64)) {
    let ms = rand::thread_rng().gen_range(range.0..=range.1.max(range.0));
    tokio::time::sleep(Duration::from_millis(ms)).await;
}

/// One phone's whole journey; true when it reached the thank-you page.
async fn journey(base: String, code: String, samples: Samples, think_ms: (u64, u64)) -> bool {
    let (c, jar) = client();
    let get = |url: String, expect: u16| {
        let c = c.clone();
        async move {
            let res = c.get(url).send().await.ok()?;
            (res.status().as_u16() == expect).then_some(())?;
            res.text().await.ok()
        }
    };
    let run = async {
        let start = timed(&samples, "1 start page", get(format!("{base}/j/{code}"), 200)).await?;
        let token = hidden(&start, "start_token")?;
        let csrf = csrf(&jar, &base)?;
        think(think_ms).await;
        let post = |url: String, form: Vec<(&'static str, String)>| {
            let c = c.clone();
            async move {
                c.post(url)
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

/// Answer posts per second with no think time: `workers` phones each re-answering question 1.
async fn post_ceiling(base: &str, code: &str, workers: usize, secs: u64) -> f64 {
    let count = Arc::new(Mutex::new(0u64));
    let until = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (base, code, count) = (base.to_owned(), code.to_owned(), count.clone());
        tasks.push(tokio::spawn(async move {
            let (c, jar) = client();
            let Some(start) = c.get(format!("{base}/j/{code}")).send().await.ok() else {
                return;
            };
            let Some(token) = start.text().await.ok().and_then(|p| hidden(&p, "start_token"))
            else {
                return;
            };
            let Some(csrf) = csrf(&jar, &base) else {
                return;
            };
            let _ = c
                .post(format!("{base}/j/{code}/start"))
                .form(&[("start_token", token.as_str()), ("csrf_token", &csrf)])
                .send()
                .await;
            let posted = repost_question(&c, &format!("{base}/j/{code}/q/1"), &csrf, until).await;
            if let Ok(mut n) = count.lock() {
                *n += posted;
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let n = count.lock().map(|n| *n).unwrap_or(0);
    n as f64 / secs as f64
}

/// The same loop against a bare actix-web handler: GET a tiny form, POST it, 303.
async fn bare_actix_ceiling(workers: usize, secs: u64) -> f64 {
    use actix_web::{web, App, HttpResponse, HttpServer};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    let server = HttpServer::new(|| {
        App::new()
            .route("/j/bare", web::get().to(|| async { HttpResponse::Ok().body(r#"<input name="start_token" value="t">"#) }))
            .route("/j/bare/start", web::post().to(|| async { HttpResponse::SeeOther().insert_header(("location", "/")).insert_header(("set-cookie", "deltag_csrf=x; Path=/")).finish() }))
            .route("/j/bare/q/1", web::get().to(|| async { HttpResponse::Ok().body(r#"<input name="submission_key" value="k"><input name="question_id" value="q">"#) }))
            .route("/j/bare/q/1", web::post().to(|_: web::Bytes| async { HttpResponse::SeeOther().insert_header(("location", "/")).finish() }))
    })
    .workers(2)
    .listen(listener)
    .unwrap_or_else(|e| panic!("{e}"))
    .run();
    let handle = server.handle();
    tokio::spawn(server);
    // The bare server sets the csrf cookie on the consent post; fetch the start page first.
    let base = format!("http://127.0.0.1:{port}");
    let (c, _) = client();
    let _ = c.get(format!("{base}/j/bare")).header("cookie", "deltag_csrf=x").send().await;
    let rate = post_ceiling_with_cookie(&base, workers, secs).await;
    handle.stop(true).await;
    rate
}

async fn post_ceiling_with_cookie(base: &str, workers: usize, secs: u64) -> f64 {
    let count = Arc::new(Mutex::new(0u64));
    let until = Instant::now() + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for _ in 0..workers {
        let (base, count) = (base.to_owned(), count.clone());
        tasks.push(tokio::spawn(async move {
            let (c, _) = client();
            let posted = repost_question(&c, &format!("{base}/j/bare/q/1"), "x", until).await;
            if let Ok(mut n) = count.lock() {
                *n += posted;
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let n = count.lock().map(|n| *n).unwrap_or(0);
    n as f64 / secs as f64
}

/// Fetches the question page at `url` and posts an answer to it, again and again until
/// `until`; returns how many posts were acknowledged with 303.
async fn repost_question(c: &reqwest::Client, url: &str, csrf: &str, until: Instant) -> u64 {
    let mut posted = 0;
    while Instant::now() < until {
        let Some(page) = c.get(url).send().await.ok() else {
            continue;
        };
        let Some(page) = page.text().await.ok() else {
            continue;
        };
        let (Some(key), Some(qid)) =
            (hidden(&page, "submission_key"), hidden(&page, "question_id"))
        else {
            continue;
        };
        let res = c
            .post(url)
            .form(&[
                ("answer", "x"),
                ("action", "save"),
                ("submission_key", &key),
                ("question_id", &qid),
                ("csrf_token", csrf),
            ])
            .send()
            .await;
        if res.is_ok_and(|r| r.status().as_u16() == 303) {
            posted += 1;
        }
    }
    posted
}

/// Inserts per second on one SQLite connection, one transaction per row, WAL and
/// synchronous=FULL as deltag uses them.
fn sqlite_ceiling(dir: &std::path::Path, secs: u64) -> f64 {
    let url = DatabaseUrl::parse(&format!("sqlite://{}/bare.db", dir.display()))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut conn = url.establish().unwrap_or_else(|e| panic!("{e}"));
    conn.batch_execute("CREATE TABLE t (id TEXT PRIMARY KEY, value TEXT NOT NULL)")
        .unwrap_or_else(|e| panic!("{e}"));
    let until = Instant::now() + Duration::from_secs(secs);
    let mut n = 0u64;
    while Instant::now() < until {
        conn.batch_execute(&format!(
            "BEGIN IMMEDIATE; INSERT INTO t VALUES ('{n}', 'Et svar'); COMMIT;"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        n += 1;
    }
    n as f64 / secs as f64
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
    let mut server = Command::new(env!("CARGO_BIN_EXE_deltag"))
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env("DELTAG_DATABASE_URL", &url)
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let base = format!("http://127.0.0.1:{port}");
    while reqwest::get(format!("{base}/healthz"))
        .await
        .map(|r| !r.status().is_success())
        .unwrap_or(true)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let samples: Samples = Arc::default();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..phones {
        let (base, code, samples) = (base.clone(), code.clone(), samples.clone());
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

    let workers = 16;
    let deltag = post_ceiling(&base, &code, workers, ceiling_secs).await;
    let _ = server.kill();
    let _ = server.wait();
    let bare = bare_actix_ceiling(workers, ceiling_secs).await;
    let sqlite = sqlite_ceiling(dir.path(), ceiling_secs);
    println!("| ceiling ({workers} clients, no think time, {ceiling_secs} s) | per second | deltag ÷ this |");
    println!("|---|---:|---:|");
    println!("| deltag answer posts (GET form + POST, durable write) | {deltag:.0} | 1.00 |");
    println!(
        "| bare actix-web handler (same GET + POST, no work) | {bare:.0} | {:.2} |",
        deltag / bare
    );
    println!("| bare SQLite insert loop (WAL, synchronous=FULL, 1 row per transaction) | {sqlite:.0} | {:.2} |", deltag / sqlite);
}
