//! Room load (issue 14): N phones answer in one workshop while 3 walls and 2 facilitator pages
//! (the live answers page and the wall's moderation list) follow their event streams, all
//! against the real `deltag` release binary on loopback. Each phone joins, answers the long-text
//! question with a text of its own (letters and spaces only, so nothing looks like personal
//! data) and the yes/no question, with think time, the phones arriving evenly over a ramp. The
//! wall lets every free-text answer through. Before the phones come the facilitator opens a
//! dot vote over the topic's key points; after answering, each phone opens the room's page
//! (`/j/{code}/rum`) and gives its 3 dots by a fixed pattern (phone `n` the `n`-th of
//! [`PATTERNS`], over the key points in the page's order).
//!
//! For each text answer it times, per stream, from the moment the phone's browser got the
//! post's 303 to the first SSE message on that stream holding the answer's text, and counts
//! the (answer, stream) pairs never seen within 10 s after the last post. For the votes, taken
//! in the order their 303s arrived, it times per wall from a vote's 303 to the first message
//! whose ranking shows at least as many dots in all as the votes acked up to and including
//! that one, and counts the (vote, wall) pairs never reached. After the run each wall's last
//! message must give every key point the dots the phones gave it; the table says so, with a
//! line "MISMATCH" when not. It prints markdown:
//! those latencies, the answer and vote posts, the errors, SSE messages per stream, and per server
//! process its memory (VmRSS before the phones, VmHWM at the end), its established TCP
//! connections at the peak and after the phones left, its open file descriptors, and the
//! warnings it logged. Prints figures only: nothing here fails on wall-clock time.
//!
//! Every phone sends what a browser sends (`Accept-Encoding: gzip, deflate, br, zstd`,
//! `Accept`, `Accept-Language`, a user agent, its cookies, `Origin` on posts); streams are
//! read as an EventSource reads them (`Accept: text/event-stream`, reconnecting after the
//! stream's `retry:` with `Last-Event-ID`).
//!
//! cargo bench --bench room_load -- --phones 200 --ramp 20
//! cargo bench --bench room_load -- --phones 200 --ramp 20 --replicas 2
//!     (a second server process on the same database: phones post to replica 1, walls and
//!      facilitator pages follow replica 2, so every event crosses replicas)
//! DELTAG_LOAD_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//!     cargo bench --bench room_load -- --phones 200 --ramp 20 --replicas 2
//!     (on a fresh PostgreSQL database on that server, dropped after; the URL's own database
//!      is only used to create it, or `postgres` when that one does not exist.
//!      DELTAG_BENCH_KEEP_POSTGRES=1 keeps it.)
//! Other flags: --think-min MS --think-max MS (default 300 and 1500), --settle S (default 10).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use deltag::auth::domain::{Email, PersonName, Role};
use deltag::auth::{password, store as auth_store};
use deltag::db::schema::walls;
use deltag::db::{run_migrations, DatabaseUrl, WorkshopId};
use deltag::survey::domain::{QuestionKind, WorkshopStatus};
use deltag::survey::store::{self, QuestionFields, TopicFields, TrackFields, WorkshopFields};
use deltag::text::{LongText, PromptText, Text, Title};
use diesel::prelude::*;

/// Every text answer starts with this; a letter code of fixed width follows.
#[path = "browser.rs"]
mod browser;
use browser::{
    arg, browser_headers, client, csrf, hidden, page_text, think, BROWSER_ACCEPT_ENCODING,
};

const PREFIX: &str = "Svar fra telefon ";
/// Walls in the room.
const WALLS: usize = 3;
/// The facilitator's password.
const PASSWORD: &str = "en lang og god adgangskode til belastning";
/// The topic's key points, voted on (plain letters: the wall shows them as they are).
const KEY_POINTS: [&str; 4] = [
    "Et hjem er mere end fire vægge",
    "Støtten skal blive til man er klar",
    "Ro om natten",
    "Plads til venner og familie",
];
/// Dots each person has in the vote.
const DOTS: i64 = 3;
/// How phone `n` gives its dots: `PATTERNS[n % 7]`, over the key points in the page's order.
/// Each gives all [`DOTS`].
const PATTERNS: [[i64; KEY_POINTS.len()]; 7] = [
    [3, 0, 0, 0],
    [0, 2, 1, 0],
    [1, 1, 1, 0],
    [0, 0, 2, 1],
    [1, 0, 0, 2],
    [0, 1, 0, 2],
    [2, 0, 1, 0],
];

/// Locks, also after another task panicked holding the lock.
fn with<T, R>(m: &Mutex<T>, f: impl FnOnce(&mut T) -> R) -> R {
    let mut guard = m.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut guard)
}

/// Letters per code: enough for every phone, at least three.
fn code_width(phones: usize) -> usize {
    let mut width = 3;
    while 26usize.pow(width as u32) < phones {
        width += 1;
    }
    width
}

/// Phone `n`'s code: `n` in base 26 with the letters a–z, `width` letters.
fn letters(mut n: usize, width: usize) -> String {
    let mut out = vec![b'a'; width];
    for slot in out.iter_mut().rev() {
        *slot = b'a' + (n % 26) as u8;
        n /= 26;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The phone a code belongs to.
fn phone_of(code: &[u8]) -> Option<usize> {
    code.iter()
        .try_fold(0usize, |n, b| b.is_ascii_lowercase().then(|| n * 26 + (b - b'a') as usize))
}

/// Phone `n`'s text answer.
fn answer_text(n: usize, width: usize) -> String {
    format!("{PREFIX}{}", letters(n, width))
}

/// The phones whose answers appear in `html`.
fn phones_in(html: &str, width: usize) -> impl Iterator<Item = usize> + '_ {
    html.match_indices(PREFIX).filter_map(move |(at, _)| {
        let code = html.as_bytes().get(at + PREFIX.len()..at + PREFIX.len() + width)?;
        // A longer code would be another text; there is none, but do not misread one.
        let next = html.as_bytes().get(at + PREFIX.len() + width);
        if next.is_some_and(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        phone_of(code)
    })
}

/// What the bench needs of the seeded workshop.
struct Seeded {
    code: String,
    workshop: WorkshopId,
    email: String,
}

/// An open workshop with a long-text and a yes/no question, its topic's key points, and a
/// facilitator account.
fn seed(url: &str) -> Seeded {
    let mut conn =
        DatabaseUrl::parse(url).and_then(|u| u.establish()).unwrap_or_else(|e| panic!("{e}"));
    run_migrations(&mut conn).unwrap_or_else(|e| panic!("{e}"));
    let title = |s: &str| Title::parse(s).unwrap_or_else(|| panic!("title {s:?}"));
    let prompt = |s: &str| PromptText::parse_non_empty(s).unwrap_or_else(|| panic!("prompt {s:?}"));
    let track = TrackFields { title: title("Rummet"), year: 2026 };
    let track = store::create_track(&mut conn, &track).unwrap_or_else(|e| panic!("{e}"));
    let topic =
        TopicFields { title: title("Rummet"), description: Text::default(), same_people: false };
    let topic = store::create_topic(&mut conn, &track, &topic).unwrap_or_else(|e| panic!("{e}"));
    for point in KEY_POINTS {
        let text = LongText::parse(point).unwrap_or_else(|| panic!("key point {point:?}"));
        deltag::themes::add_key_point(&mut conn, &topic, None, &text)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let workshop = store::create_workshop(
        &mut conn,
        &topic,
        &WorkshopFields {
            title: title("Rummet under belastning"),
            intro: Text::default(),
            starts_at: None,
            location: None,
            retention_days: 90,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let text = QuestionFields {
        kind: QuestionKind::LongText,
        prompt: prompt("Hvad skal der til for at du føler dig hjemme?"),
        help_text: Text::default(),
        easy_read_prompt: None,
        options: Default::default(),
        allow_other: false,
        required: false,
    };
    let yes_no = QuestionFields {
        kind: QuestionKind::YesNo,
        prompt: prompt("Har du været med før?"),
        ..text.clone()
    };
    for q in [&text, &yes_no] {
        store::add_question(&mut conn, &workshop, q).unwrap_or_else(|e| panic!("{e}"));
    }
    store::set_status(&mut conn, &workshop, WorkshopStatus::Open).unwrap_or_else(|e| panic!("{e}"));
    let code = store::find_workshop(&mut conn, &workshop)
        .ok()
        .flatten()
        .map(|w| w.join_code)
        .unwrap_or_else(|| panic!("the workshop just made"));
    let email = format!("facilitator-{}@example.dk", uuid::Uuid::now_v7().simple());
    let hash = password::hash_sync(PASSWORD).unwrap_or_else(|e| panic!("{e}"));
    auth_store::create_user(
        &mut conn,
        &Email::parse(&email).unwrap_or_else(|| panic!("email {email:?}")),
        &PersonName::parse("Facilitator Belastning").unwrap_or_else(|| panic!("name")),
        Role::Facilitator,
        Some(&hash),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    Seeded { code, workshop, email }
}

/// The wall link's token, as the control page would show it.
fn wall_token(url: &str, workshop: &WorkshopId) -> String {
    let mut conn =
        DatabaseUrl::parse(url).and_then(|u| u.establish()).unwrap_or_else(|e| panic!("{e}"));
    let token: Option<String> = walls::table
        .find(workshop)
        .select(walls::token)
        .first(&mut conn)
        .unwrap_or_else(|e| panic!("wall row: {e}"));
    token.unwrap_or_else(|| panic!("the wall has no link"))
}

/// A fresh PostgreSQL database on the server of a URL; dropped with the value.
struct FreshPostgres {
    admin: String,
    name: String,
    url: String,
}

impl FreshPostgres {
    fn create(server: &str) -> FreshPostgres {
        use diesel::connection::SimpleConnection;
        let mut base = url::Url::parse(server).unwrap_or_else(|e| panic!("postgres url: {e}"));
        let (admin, mut conn) = match diesel::PgConnection::establish(server) {
            Ok(conn) => (server.to_owned(), conn),
            Err(_) => {
                base.set_path("/postgres");
                let conn = diesel::PgConnection::establish(base.as_str())
                    .unwrap_or_else(|e| panic!("cannot reach {base}: {e}"));
                (base.to_string(), conn)
            }
        };
        let name = format!("deltag_roomload_{}", uuid::Uuid::now_v7().simple());
        conn.batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("create database: {e}"));
        base.set_path(&format!("/{name}"));
        // Loopback with trust auth: no TLS (as the test harness does).
        if !base.query().is_some_and(|q| q.contains("sslmode")) {
            base.query_pairs_mut().append_pair("sslmode", "disable");
        }
        FreshPostgres { admin, name, url: base.to_string() }
    }
}

impl Drop for FreshPostgres {
    fn drop(&mut self) {
        use diesel::connection::SimpleConnection;
        if std::env::var_os("DELTAG_BENCH_KEEP_POSTGRES").is_some() {
            eprintln!("kept PostgreSQL database {}", self.name);
            return;
        }
        if let Ok(mut admin) = diesel::PgConnection::establish(&self.admin) {
            let _ =
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// One `deltag serve` process; killed with the value.
struct Server {
    child: Child,
    port: u16,
    base: String,
    log: PathBuf,
}

impl Server {
    fn start(url: &str, log: PathBuf) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap_or_else(|e| panic!("free port: {e}"));
        let out = std::fs::File::create(&log).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
        let err = out.try_clone().unwrap_or_else(|e| panic!("{e}"));
        let child = Command::new(env!("CARGO_BIN_EXE_deltag"))
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .env("DELTAG_DATABASE_URL", url)
            .env("RUST_LOG", "warn")
            .env("NO_COLOR", "1")
            // The statement's contact lines, so the log holds only what the load brings.
            .env("DELTAG_A11Y_EMAIL", "tilgaengelighed@example.dk")
            .env("DELTAG_A11Y_PHONE", "70 00 00 00")
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        Server { child, port, base: format!("http://127.0.0.1:{port}"), log }
    }

    /// Waits for `/healthz`.
    async fn ready(&mut self) {
        let until = Instant::now() + Duration::from_secs(60);
        loop {
            let ok = reqwest::get(format!("{}/healthz", self.base))
                .await
                .is_ok_and(|r| r.status().is_success());
            if ok {
                return;
            }
            let log = || std::fs::read_to_string(&self.log).unwrap_or_default();
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server exited ({status}):\n{}", log());
            }
            if Instant::now() > until {
                panic!("the server did not answer /healthz within 60 s:\n{}", log());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Lines the server logged at WARN or ERROR.
    fn warnings(&self) -> Vec<String> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("WARN") || l.contains("ERROR"))
            .map(str::to_owned)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `/proc/{pid}/status` figure in MiB.
fn status_mib(pid: u32, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// Established TCP connections whose local port is `port` (the server's side of each).
fn established(pid: u32, port: u16) -> usize {
    std::fs::read_to_string(format!("/proc/{pid}/net/tcp"))
        .unwrap_or_default()
        .lines()
        .skip(1)
        .filter(|line| {
            let mut fields = line.split_whitespace();
            let local = fields.nth(1).unwrap_or_default();
            let state = fields.nth(1).unwrap_or_default();
            let local_port = local.rsplit(':').next().and_then(|p| u16::from_str_radix(p, 16).ok());
            state == "01" && local_port == Some(port)
        })
        .count()
}

/// Open file descriptors of a process.
fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map(|d| d.count()).unwrap_or(0)
}

/// An EventSource: no overall timeout (the stream is meant to stay open), the page's cookies.
fn stream_client(jar: Option<Arc<reqwest::cookie::Jar>>) -> reqwest::Client {
    let mut b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(browser_headers(BROWSER_ACCEPT_ENCODING, "text/event-stream"))
        .connect_timeout(Duration::from_secs(10));
    if let Some(jar) = jar {
        b = b.cookie_provider(jar);
    }
    b.build().unwrap_or_else(|e| panic!("{e}"))
}

/// GET a page that must answer 200.
async fn get_page(c: &reqwest::Client, url: String) -> Option<String> {
    let res = c.get(url).send().await.ok()?;
    (res.status().as_u16() == 200).then_some(())?;
    page_text(res).await
}

/// POST a form as the browser does (with `Origin`); Some when it answered 303, with the
/// moment the response arrived.
async fn post_form(
    c: &reqwest::Client, origin: &str, url: String, form: &[(&str, &str)],
) -> Option<Instant> {
    let res = c.post(url).header("origin", origin).form(form).send().await.ok()?;
    let arrived = Instant::now();
    let ok = res.status().as_u16() == 303;
    // Read the (empty) body so the connection goes back to the pool.
    let _ = res.bytes().await;
    ok.then_some(arrived)
}

/// The facilitator logs in on `base`, makes the wall link, lets everything through and opens a
/// dot vote over the key points; returns the browser's cookie jar (the session works on every
/// replica: it lives in the database).
async fn facilitator(base: &str, seeded: &Seeded) -> Arc<reqwest::cookie::Jar> {
    let (c, jar) = client();
    get_page(&c, format!("{base}/login")).await.unwrap_or_else(|| panic!("GET /login"));
    let token = csrf(&jar, base).unwrap_or_else(|| panic!("no CSRF cookie after GET /login"));
    let login = [("email", seeded.email.as_str()), ("password", PASSWORD), ("csrf_token", &token)];
    post_form(&c, base, format!("{base}/login"), &login)
        .await
        .unwrap_or_else(|| panic!("POST /login did not answer 303"));
    let wall = format!("{base}/staff/workshops/{}/wall", seeded.workshop);
    post_form(&c, base, format!("{wall}/link"), &[("csrf_token", &token)])
        .await
        .unwrap_or_else(|| panic!("POST wall/link did not answer 303"));
    let settings = [
        ("show_join", "yes"),
        ("view", "cards"),
        ("let_all_through", "yes"),
        ("csrf_token", &token),
    ];
    post_form(&c, base, format!("{wall}/settings"), &settings)
        .await
        .unwrap_or_else(|| panic!("POST wall/settings did not answer 303"));
    let dots = DOTS.to_string();
    let vote = [("kind", "vote"), ("about", "key-points"), ("dots", &dots), ("csrf_token", &token)];
    post_form(&c, base, format!("{wall}/round"), &vote)
        .await
        .unwrap_or_else(|| panic!("POST wall/round (the vote) did not answer 303"));
    jar
}

/// What one stream received.
struct Watch {
    /// When each phone's answer first appeared, by phone.
    first: Vec<Option<Instant>>,
    /// SSE messages with data (drawings, `gone`).
    messages: u64,
    /// Bytes received, keep-alive comments included.
    bytes: u64,
    /// Times the stream ended or failed and was opened again.
    reconnects: u64,
    /// Messages whose id was not above the one before.
    ids_not_rising: u64,
    /// `gone` messages.
    gone: u64,
    /// Why the stream failed, when it did.
    failures: Vec<String>,
    /// Messages showing the vote: when each arrived and the most dots in all shown so far (on
    /// this stream, up to that message).
    dots: Vec<(Instant, i64)>,
    /// The dots per key point in the last message (None when it showed no vote).
    last_ranking: Option<BTreeMap<String, i64>>,
}

impl Watch {
    fn new(phones: usize) -> Watch {
        Watch {
            first: vec![None; phones],
            messages: 0,
            bytes: 0,
            reconnects: 0,
            ids_not_rising: 0,
            gone: 0,
            failures: Vec::new(),
            dots: Vec::new(),
            last_ranking: None,
        }
    }
}

/// Follows an event stream as an EventSource does, for as long as the task runs.
async fn follow(c: reqwest::Client, url: String, width: usize, watch: Arc<Mutex<Watch>>) {
    let mut last: Option<i64> = None;
    loop {
        let mut req = c.get(&url);
        if let Some(id) = last {
            req = req.header("last-event-id", id.to_string());
        }
        match req.send().await {
            Ok(res) => {
                let kind = res.headers().get("content-type").and_then(|v| v.to_str().ok());
                let encoding = res.headers().get("content-encoding").and_then(|v| v.to_str().ok());
                if res.status().as_u16() != 200
                    || kind != Some("text/event-stream")
                    || encoding.is_some_and(|e| e != "identity")
                {
                    let why = format!("{} {kind:?} {encoding:?}", res.status());
                    with(&watch, |w| w.failures.push(why));
                } else {
                    read_stream(res, width, &watch, &mut last).await;
                }
            }
            Err(e) => with(&watch, |w| w.failures.push(e.to_string())),
        }
        with(&watch, |w| w.reconnects += 1);
        // `retry: 3000`.
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
}

/// Reads one connection of a stream until it ends.
async fn read_stream(
    mut res: reqwest::Response, width: usize, watch: &Mutex<Watch>, last: &mut Option<i64>,
) {
    let mut buffer: Vec<u8> = Vec::new();
    loop {
        let chunk = match res.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => return,
            Err(e) => {
                with(watch, |w| w.failures.push(format!("stream: {e}")));
                return;
            }
        };
        let at = Instant::now();
        buffer.extend_from_slice(&chunk);
        with(watch, |w| w.bytes += chunk.len() as u64);
        while let Some(end) = buffer.windows(2).position(|w| w == b"\n\n") {
            let block: Vec<u8> = buffer.drain(..end + 2).collect();
            let block = String::from_utf8_lossy(&block);
            let (mut id, mut event, mut data, mut lines) = (None, "message", String::new(), 0);
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id: ") {
                    id = v.trim().parse::<i64>().ok();
                } else if let Some(v) = line.strip_prefix("event: ") {
                    event = if v == "gone" { "gone" } else { "other" };
                } else if let Some(v) = line.strip_prefix("data: ").or(line.strip_prefix("data:")) {
                    if lines > 0 {
                        data.push('\n');
                    }
                    data.push_str(v);
                    lines += 1;
                }
            }
            if lines == 0 {
                continue;
            }
            let ranking = vote_ranking(&data);
            with(watch, |w| {
                w.messages += 1;
                if let Some(r) = &ranking {
                    let shown = r.values().sum::<i64>();
                    let most = w.dots.last().map_or(shown, |(_, m)| shown.max(*m));
                    w.dots.push((at, most));
                }
                w.last_ranking = ranking;
                if event == "gone" {
                    w.gone += 1;
                }
                if let Some(id) = id {
                    if last.is_some_and(|l| id <= l) {
                        w.ids_not_rising += 1;
                    }
                    *last = Some(id);
                }
                for phone in phones_in(&data, width) {
                    if let Some(slot @ None) = w.first.get_mut(phone) {
                        *slot = Some(at);
                    }
                }
            });
        }
    }
}

/// The vote's ranking in a wall message, dots by key point: the `wall-bar-label` and
/// `wall-bar-n` ("12 prikker", "1 prik") of each item of the `wall-ranking` list in the
/// `wall-round` section. None when the message shows no vote.
fn vote_ranking(html: &str) -> Option<BTreeMap<String, i64>> {
    let section = html.find("wall-round\"")?;
    let rest = &html[section..];
    let start = rest.find("<ol class=\"wall-bars wall-ranking\"")?;
    let rest = &rest[start..];
    let list = &rest[..rest.find("</ol>")? + "</ol>".len()];
    let doc = scraper::Html::parse_fragment(list);
    let sel = |s: &str| scraper::Selector::parse(s).ok();
    let (items, label, n) = (sel("li")?, sel(".wall-bar-label")?, sel(".wall-bar-n")?);
    let mut out = BTreeMap::new();
    for item in doc.select(&items) {
        let text = |s: &scraper::Selector| -> Option<String> {
            Some(item.select(s).next()?.text().collect::<String>().trim().to_owned())
        };
        let dots = text(&n)?.split_whitespace().next()?.parse::<i64>().ok()?;
        *out.entry(text(&label)?).or_default() += dots;
    }
    Some(out)
}

/// The vote form on `/j/{code}/rum`: the round's id and, in the page's order, each key point's
/// field name (`d-{item}`) and text (its label).
fn vote_form(page: &str) -> Option<(String, Vec<(String, String)>)> {
    let round = hidden(page, "round_id")?;
    let doc = scraper::Html::parse_document(page);
    let selects = scraper::Selector::parse("select[name^=\"d-\"]").ok()?;
    let mut items = Vec::new();
    for select in doc.select(&selects) {
        let name = select.value().attr("name")?.to_owned();
        let id = select.value().attr("id")?;
        let label = scraper::Selector::parse(&format!("label[for=\"{id}\"]")).ok()?;
        let text = doc.select(&label).next()?.text().collect::<String>().trim().to_owned();
        items.push((name, text));
    }
    Some((round, items))
}

/// One phone's acked vote.
#[derive(Clone)]
struct Vote {
    /// When its 303 arrived.
    acked: Instant,
    /// The dots it gave, by key point text.
    dots: Vec<(String, i64)>,
}

/// What the phones did.
#[derive(Default)]
struct Tally {
    /// When each phone's text answer post got its 303.
    posted: Vec<Option<Instant>>,
    /// Answer posts, send to 303.
    post_times: Vec<Duration>,
    text_answers: u64,
    yes_no_answers: u64,
    /// Phones that stopped, by the step they stopped at.
    errors: BTreeMap<&'static str, u64>,
    /// The votes that got their 303 to `?sendt`.
    votes: Vec<Vote>,
    /// Vote posts sent.
    vote_posts: u64,
    /// Vote posts, send to 303.
    vote_times: Vec<Duration>,
    /// Vote posts that did not answer 303 to `?sendt`, by what they answered.
    vote_errors: BTreeMap<String, u64>,
}

/// POSTs a vote as the browser does; the moment its 303 to `?sendt` arrived, or what came
/// instead.
async fn post_vote(
    c: &reqwest::Client, origin: &str, url: String, form: &[(String, String)],
) -> Result<Instant, String> {
    let res = c.post(url).header("origin", origin).form(form).send().await.map_err(|e| {
        format!("no response ({})", if e.is_timeout() { "timeout" } else { "error" })
    })?;
    let arrived = Instant::now();
    let status = res.status().as_u16();
    let sent = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .is_some_and(|l| l.ends_with("?sendt"));
    let _ = res.bytes().await;
    match (status, sent) {
        (303, true) => Ok(arrived),
        (303, false) => Err("303 not to ?sendt (not stored)".to_owned()),
        (other, _) => Err(other.to_string()),
    }
}

/// One phone: join, answer the text question and the yes/no question, then give its dots in
/// the room's vote.
async fn phone(
    base: &str, code: &str, n: usize, width: usize, think_ms: (u64, u64), tally: &Mutex<Tally>,
) -> Result<(), &'static str> {
    let (c, jar) = client();
    let start = get_page(&c, format!("{base}/j/{code}")).await.ok_or("start page")?;
    let token = hidden(&start, "start_token").ok_or("start page without start_token")?;
    let csrf = csrf(&jar, base).ok_or("no CSRF cookie")?;
    think(think_ms).await;
    let consent = [("start_token", token.as_str()), ("csrf_token", &csrf)];
    post_form(&c, base, format!("{base}/j/{code}/start"), &consent).await.ok_or("consent post")?;
    let answers = [(1, answer_text(n, width)), (2, "yes".to_owned())];
    for (q, answer) in answers {
        let page = get_page(&c, format!("{base}/j/{code}/q/{q}")).await.ok_or("question page")?;
        let key = hidden(&page, "submission_key").ok_or("question page without key")?;
        let qid = hidden(&page, "question_id").ok_or("question page without id")?;
        think(think_ms).await;
        let form = [
            ("answer", answer.as_str()),
            ("action", "save"),
            ("submission_key", &key),
            ("question_id", &qid),
            ("csrf_token", &csrf),
        ];
        let sent = Instant::now();
        let url = format!("{base}/j/{code}/q/{q}");
        let arrived = post_form(&c, base, url, &form).await.ok_or("answer post")?;
        with(tally, |t| {
            t.post_times.push(arrived - sent);
            if q == 1 {
                t.posted[n] = Some(arrived);
                t.text_answers += 1;
            } else {
                t.yes_no_answers += 1;
            }
        });
    }
    // The room's vote, with the survey's participant cookie.
    think(think_ms).await;
    let room = format!("{base}/j/{code}/rum");
    let page = get_page(&c, room.clone()).await.ok_or("vote page")?;
    let (round, items) = vote_form(&page).ok_or("vote page without the vote")?;
    if items.len() != KEY_POINTS.len() {
        return Err("vote page with other key points");
    }
    think(think_ms).await;
    let given: Vec<(String, String, i64)> = items
        .into_iter()
        .zip(PATTERNS[n % PATTERNS.len()])
        .map(|((field, text), dots)| (field, text, dots))
        .collect();
    let mut form = vec![("round_id".to_owned(), round)];
    form.extend(given.iter().map(|(field, _, dots)| (field.clone(), dots.to_string())));
    form.push(("csrf_token".to_owned(), csrf));
    let sent = Instant::now();
    with(tally, |t| t.vote_posts += 1);
    match post_vote(&c, base, room, &form).await {
        Ok(acked) => with(tally, |t| {
            t.vote_times.push(acked - sent);
            let dots = given.into_iter().map(|(_, text, dots)| (text, dots)).collect();
            t.votes.push(Vote { acked, dots });
        }),
        Err(why) => {
            with(tally, |t| *t.vote_errors.entry(why).or_default() += 1);
            return Err("vote post");
        }
    }
    Ok(())
}

/// Highest figures seen while the phones were at it, per server.
#[derive(Default, Clone, Copy)]
struct Peak {
    connections: usize,
    fds: usize,
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1e3
}

/// Latencies of the posted answers on one stream, how many never appeared, and how many
/// appeared before their 303 reached the phone (counted as 0 ms).
fn latencies(posted: &[Option<Instant>], watch: &Watch) -> (Vec<Duration>, usize, usize) {
    let mut times = Vec::new();
    let (mut missing, mut early) = (0, 0);
    for (n, post) in posted.iter().enumerate() {
        let Some(post) = post else { continue };
        match watch.first.get(n).copied().flatten() {
            Some(seen) => {
                if seen < *post {
                    early += 1;
                }
                times.push(seen.saturating_duration_since(*post));
            }
            None => missing += 1,
        }
    }
    times.sort();
    (times, missing, early)
}

fn row(name: &str, watch: Option<&Watch>, times: &[Duration], missing: usize) {
    let (messages, mib, reconnects) =
        watch.map_or((String::new(), String::new(), String::new()), |w| {
            (
                w.messages.to_string(),
                format!("{:.1}", w.bytes as f64 / 1024.0 / 1024.0),
                w.reconnects.to_string(),
            )
        });
    println!(
        "| {name} | {messages} | {mib} | {reconnects} | {} | {missing} | {:.0} | {:.0} | {:.0} | {:.0} |",
        times.len(),
        pct(times, 0.5),
        pct(times, 0.95),
        pct(times, 0.99),
        pct(times, 1.0)
    );
}

/// Dots per key point the acked votes gave, every key point there (0 when none).
fn expected_dots(votes: &[Vote]) -> BTreeMap<String, i64> {
    let mut out: BTreeMap<String, i64> = KEY_POINTS.iter().map(|k| (k.to_string(), 0)).collect();
    for (text, dots) in votes.iter().flat_map(|v| &v.dots) {
        *out.entry(text.clone()).or_default() += dots;
    }
    out
}

/// Latencies of the votes (sorted by their 303) on one wall: each from its 303 to the first
/// message showing at least the dots of all votes acked up to it; how many never got there;
/// how many got there before their 303 (counted as 0 ms).
fn vote_latencies(votes: &[Vote], watch: &Watch) -> (Vec<Duration>, usize, usize) {
    let mut times = Vec::new();
    let (mut missing, mut early, mut cumulative) = (0, 0, 0);
    for vote in votes {
        cumulative += vote.dots.iter().map(|(_, d)| d).sum::<i64>();
        // `dots` holds the most shown so far: rising, so the first at or above is found so.
        let at = watch.dots.partition_point(|(_, most)| *most < cumulative);
        match watch.dots.get(at) {
            Some((seen, _)) => {
                if *seen < vote.acked {
                    early += 1;
                }
                times.push(seen.saturating_duration_since(vote.acked));
            }
            None => missing += 1,
        }
    }
    times.sort();
    (times, missing, early)
}

/// The votes: posts and errors, the latency per wall, and each wall's last ranking against the
/// dots the phones gave.
fn votes_tables(
    tally: &Tally, votes: &[Vote], expected: &BTreeMap<String, i64>,
    walls: &[(String, Arc<Mutex<Watch>>)], notes: &mut Vec<String>,
) {
    let mut vote_times = tally.vote_times.clone();
    vote_times.sort();
    let vote_errors: u64 = tally.vote_errors.values().sum();
    let error_list: Vec<String> =
        tally.vote_errors.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    println!("### Votes: {DOTS} dots per phone over {} key points", KEY_POINTS.len());
    println!();
    println!(
        "votes posted: {}; acked (303 to ?sendt): {}; vote errors: {vote_errors}{}; vote post → 303: p50 {:.0} ms, p95 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        tally.vote_posts,
        votes.len(),
        if error_list.is_empty() { String::new() } else { format!(" ({})", error_list.join(", ")) },
        pct(&vote_times, 0.5),
        pct(&vote_times, 0.95),
        pct(&vote_times, 0.99),
        pct(&vote_times, 1.0)
    );
    println!();
    println!("| stream | SSE messages | MiB received | reconnects | votes reached | never reached | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let (mut all_times, mut all_missing) = (Vec::new(), 0);
    let mut last = Vec::new();
    for (name, watch) in walls {
        with(watch, |w| {
            let (times, missing, early) = vote_latencies(votes, w);
            row(name, Some(w), &times, missing);
            if early > 0 {
                notes.push(format!(
                    "{name}: {early} votes reached before their 303 reached the phone (0 ms)"
                ));
            }
            all_times.extend(times);
            all_missing += missing;
            last.push(w.last_ranking.clone());
        });
    }
    all_times.sort();
    row(
        &format!("**all {} walls: (vote, wall) pairs**", walls.len()),
        None,
        &all_times,
        all_missing,
    );
    println!();
    println!(
        "Latency: votes in the order their 303s arrived; from a vote's 303 to the first SSE message on that wall whose ranking shows at least as many dots in all as the votes acked up to and including it (\"never reached\": not by the end)."
    );
    println!();
    let names: Vec<&str> = walls.iter().map(|(n, _)| n.as_str()).collect();
    println!("| key point | expected dots | {} |", names.join(" | "));
    println!("|---|---:|{}", "---:|".repeat(names.len()));
    let mut labels: Vec<&String> = expected.keys().collect();
    for seen in last.iter().flatten() {
        labels.extend(seen.keys().filter(|k| !expected.contains_key(*k)));
    }
    labels.sort();
    labels.dedup();
    let cell = |seen: &Option<BTreeMap<String, i64>>, label: &str| match seen {
        Some(r) => r.get(label).map_or("–".to_owned(), i64::to_string),
        None => "no vote shown".to_owned(),
    };
    for label in &labels {
        let seen: Vec<String> = last.iter().map(|r| cell(r, label)).collect();
        let want = expected.get(*label).map_or("–".to_owned(), i64::to_string);
        println!("| {label} | {want} | {} |", seen.join(" | "));
    }
    let sum = |r: &BTreeMap<String, i64>| r.values().sum::<i64>();
    let totals: Vec<String> =
        last.iter().map(|r| r.as_ref().map_or("–".to_owned(), |r| sum(r).to_string())).collect();
    println!("| **all** | {} | {} |", sum(expected), totals.join(" | "));
    println!();
    let wrong: Vec<&str> = names
        .iter()
        .zip(&last)
        .filter(|(_, seen)| seen.as_ref() != Some(expected))
        .map(|(name, _)| *name)
        .collect();
    if wrong.is_empty() {
        println!(
            "Each wall's last message gives every key point the dots the acked votes gave it."
        );
    } else {
        println!(
            "MISMATCH: the last message of {} does not give the key points the dots the acked votes gave them.",
            wrong.join(", ")
        );
    }
}

/// The sqlite file's folder or a fresh PostgreSQL database, and the URL to use.
fn database(dir: &Path) -> (Option<FreshPostgres>, String) {
    match std::env::var("DELTAG_LOAD_DATABASE_URL") {
        Ok(url) if url.starts_with("postgres") => {
            let pg = FreshPostgres::create(&url);
            let url = pg.url.clone();
            (Some(pg), url)
        }
        Ok(url) => (None, url),
        Err(_) => (None, format!("sqlite://{}/room.db", dir.display())),
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let phones = arg("--phones", 200) as usize;
    let ramp = arg("--ramp", 20);
    let replicas = arg("--replicas", 1).clamp(1, 2) as usize;
    let think_ms = (arg("--think-min", 300), arg("--think-max", 1500));
    let settle = Duration::from_secs(arg("--settle", 10));
    let width = code_width(phones);

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Declared before the servers, so it is dropped after they are killed.
    let (pg, url) = database(dir.path());
    let backend = if pg.is_some() || url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" };
    let seeded = seed(&url);
    let mut servers: Vec<Server> = (1..=replicas)
        .map(|n| Server::start(&url, dir.path().join(format!("replica-{n}.log"))))
        .collect();
    for s in &mut servers {
        s.ready().await;
    }
    let posts_to = servers[0].base.clone();
    let watch_replica = servers.len();
    let watched = servers[watch_replica - 1].base.clone();

    // The facilitator sets the room up on replica 1.
    let jar = facilitator(&posts_to, &seeded).await;
    let token = wall_token(&url, &seeded.workshop);
    let staff = format!("{watched}/staff/workshops/{}", seeded.workshop);
    let mut streams: Vec<(String, String, reqwest::Client)> = (1..=WALLS)
        .map(|n| (format!("wall {n}"), format!("{watched}/v/{token}/events"), stream_client(None)))
        .collect();
    streams.push((
        "answers page (staff)".into(),
        format!("{staff}/answers/events"),
        stream_client(Some(jar.clone())),
    ));
    streams.push((
        "moderation list (staff)".into(),
        format!("{staff}/wall/events"),
        stream_client(Some(jar.clone())),
    ));
    let mut watches = Vec::new();
    let mut followers = Vec::new();
    for (name, url, c) in streams {
        let watch = Arc::new(Mutex::new(Watch::new(phones)));
        followers.push(tokio::spawn(follow(c, url, width, watch.clone())));
        watches.push((name, watch));
    }
    // Every stream has drawn the room as it is before the first phone arrives, the walls with
    // the open vote.
    let until = Instant::now() + Duration::from_secs(20);
    let drawn = |i: usize, w: &Watch| w.messages > 0 && (i >= WALLS || w.last_ranking.is_some());
    while watches.iter().enumerate().any(|(i, (_, w))| with(w, |w| !drawn(i, w))) {
        if Instant::now() > until {
            for (name, w) in &watches {
                with(w, |w| {
                    let vote = w.last_ranking.is_some();
                    eprintln!(
                        "{name}: {} messages, vote shown: {vote}, {:?}",
                        w.messages, w.failures
                    )
                });
            }
            panic!("not every stream sent the current room (walls: with the vote) within 20 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let rss_before: Vec<f64> = servers.iter().map(|s| status_mib(s.pid(), "VmRSS:")).collect();
    let connections_before: Vec<usize> =
        servers.iter().map(|s| established(s.pid(), s.port)).collect();

    // Connections and descriptors, sampled while the phones answer.
    let peaks = Arc::new(Mutex::new(vec![Peak::default(); servers.len()]));
    let sampler = {
        let procs: Vec<(u32, u16)> = servers.iter().map(|s| (s.pid(), s.port)).collect();
        let peaks = peaks.clone();
        tokio::spawn(async move {
            loop {
                for (i, (pid, port)) in procs.iter().enumerate() {
                    let (connections, fds) = (established(*pid, *port), open_fds(*pid));
                    with(&peaks, |p| {
                        p[i].connections = p[i].connections.max(connections);
                        p[i].fds = p[i].fds.max(fds);
                    });
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        })
    };

    let tally = Arc::new(Mutex::new(Tally { posted: vec![None; phones], ..Tally::default() }));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for n in 0..phones {
        let (base, code, tally) = (posts_to.clone(), seeded.code.clone(), tally.clone());
        let arrive = Duration::from_secs_f64(ramp as f64 * n as f64 / phones.max(1) as f64);
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(arrive).await;
            if let Err(step) = phone(&base, &code, n, width, think_ms, &tally).await {
                with(&tally, |t| *t.errors.entry(step).or_default() += 1);
            }
        }));
    }
    for t in tasks {
        if t.await.is_err() {
            with(&tally, |t| *t.errors.entry("phone task panicked").or_default() += 1);
        }
    }
    let phones_done = started.elapsed();
    let (posted, mut votes) = with(&tally, |t| (t.posted.clone(), t.votes.clone()));
    votes.sort_by_key(|v| v.acked);
    let expected = expected_dots(&votes);
    let last_post = posted.iter().flatten().chain(votes.iter().map(|v| &v.acked)).max();
    let last_post = last_post.copied().unwrap_or_else(Instant::now);
    // Until every stream has shown every answer and every wall the votes' dots, or `settle`
    // after the last post.
    let deadline = last_post + settle;
    let all_seen = || {
        watches.iter().enumerate().all(|(i, (_, w))| {
            with(w, |w| {
                posted.iter().zip(&w.first).all(|(p, s)| p.is_none() || s.is_some())
                    && (i >= WALLS || w.last_ranking.as_ref() == Some(&expected))
            })
        })
    };
    while Instant::now() < deadline && !all_seen() {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let waited = last_post.elapsed();
    sampler.abort();
    let connections_after: Vec<usize> =
        servers.iter().map(|s| established(s.pid(), s.port)).collect();
    let fds_after: Vec<usize> = servers.iter().map(|s| open_fds(s.pid())).collect();
    let peak_rss: Vec<f64> = servers.iter().map(|s| status_mib(s.pid(), "VmHWM:")).collect();
    let rss_after: Vec<f64> = servers.iter().map(|s| status_mib(s.pid(), "VmRSS:")).collect();
    for f in &followers {
        f.abort();
    }

    // The table.
    let tally = with(&tally, std::mem::take);
    let errors: u64 = tally.errors.values().sum();
    let where_streams = if replicas == 2 {
        "phones and the facilitator's set-up on replica 1; walls and staff streams on replica 2"
    } else {
        "everything on one server"
    };
    println!(
        "## Room: {phones} phones arriving over {ramp} s, think time {}–{} ms, {WALLS} walls + 2 staff streams ({backend}, {replicas} replica{}: {where_streams})",
        think_ms.0,
        think_ms.1,
        if replicas == 1 { "" } else { "s" }
    );
    println!();
    let mut post_times = tally.post_times.clone();
    post_times.sort();
    let error_list: Vec<String> = tally.errors.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    println!(
        "phones: {phones} in {:.1} s; answers posted: {} text + {} yes/no; errors: {errors}{}; answer post → 303: p50 {:.0} ms, p95 {:.0} ms, p99 {:.0} ms, max {:.0} ms",
        phones_done.as_secs_f64(),
        tally.text_answers,
        tally.yes_no_answers,
        if error_list.is_empty() { String::new() } else { format!(" ({})", error_list.join(", ")) },
        pct(&post_times, 0.5),
        pct(&post_times, 0.95),
        pct(&post_times, 0.99),
        pct(&post_times, 1.0)
    );
    println!();
    println!("| stream | SSE messages | MiB received | reconnects | answers seen | never seen | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut wall_times = Vec::new();
    let mut wall_missing = 0;
    let mut notes = Vec::new();
    for (i, (name, watch)) in watches.iter().enumerate() {
        with(watch, |w| {
            let (times, missing, early) = latencies(&tally.posted, w);
            row(name, Some(w), &times, missing);
            if early > 0 {
                notes.push(format!(
                    "{name}: {early} answers appeared before their 303 reached the phone (0 ms)"
                ));
            }
            if i < WALLS {
                wall_times.extend(times);
                wall_missing += missing;
            }
            if w.ids_not_rising > 0 {
                notes.push(format!(
                    "{name}: {} message ids not above the one before",
                    w.ids_not_rising
                ));
            }
            if w.gone > 0 {
                notes.push(format!("{name}: {} `gone` messages", w.gone));
            }
            for f in w.failures.iter().take(3) {
                notes.push(format!("{name}: {f}"));
            }
        });
        if i + 1 == WALLS {
            wall_times.sort();
            row(
                &format!("**all {WALLS} walls: (answer, wall) pairs**"),
                None,
                &wall_times,
                wall_missing,
            );
        }
    }
    println!();
    println!(
        "Latency: from the phone receiving its text answer's 303 to the first SSE message on that stream holding the text (which must come: \"never seen\" counts pairs not seen {} s after the last post; waited {:.1} s).",
        settle.as_secs(),
        waited.as_secs_f64()
    );
    println!();
    votes_tables(&tally, &votes, &expected, &watches[..WALLS], &mut notes);
    println!();
    println!("| server | VmRSS before phones MiB | peak RSS (VmHWM) MiB | VmRSS after MiB | established connections: before phones / peak / after | peak open fds (after) | WARN/ERROR log lines |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let peaks = with(&peaks, |p| p.clone());
    for (i, s) in servers.iter().enumerate() {
        let role = match (replicas, i) {
            (1, _) => "replica 1 (everything)",
            (_, 0) => "replica 1 (phones post)",
            _ => "replica 2 (walls, staff streams)",
        };
        let warnings = s.warnings();
        println!(
            "| {role} | {:.0} | {:.0} | {:.0} | {} / {} / {} | {} ({}) | {} |",
            rss_before[i],
            peak_rss[i],
            rss_after[i],
            connections_before[i],
            peaks[i].connections,
            connections_after[i],
            peaks[i].fds,
            fds_after[i],
            warnings.len()
        );
        for w in warnings.iter().take(5) {
            notes.push(format!("replica {} logged: {w}", i + 1));
        }
    }
    if !notes.is_empty() {
        println!();
        for n in notes {
            println!("- {n}");
        }
    }
    drop(servers);
    drop(pg);
}
