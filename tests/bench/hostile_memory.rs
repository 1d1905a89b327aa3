//! Issue 17, part 5: the server's resident memory under hostile inputs. Starts the release
//! `deltag serve --demo` on a fresh SQLite database, reads its `VmRSS` (and thread count) from
//! `/proc/<pid>/status` every 50 ms, and replays one hostile phase after another: parallel
//! logins for unknown accounts, parallel wrong passwords for a known one, 10 MB bodies (with a
//! `Content-Length` and chunked), bodies just under the cap, wrong join codes, long URLs and
//! headers, and a burst of connections. Each phase reports the resident memory before it, its
//! peak and 2 s after it; the run ends with the idle, peak and after-idle figures overall. The
//! whole replay runs twice by default (`--rounds`), each round from fresh addresses: memory
//! that is bounded comes back to the same size after the second round, a leak does not.
//!
//! Every client acts like a browser: `Accept-Encoding: gzip, deflate, br, zstd`, its own
//! cookies (the CSRF cookie from a real page), the hidden CSRF field and `Origin` on posts.
//! Attackers come from several loopback addresses (127.x.y.z), as a distributed attacker
//! would, so the per-address login budget does not hide the hashing from the measurement.
//!
//! Nothing here fails on time: it reports figures.
//!
//! cargo bench --bench hostile_memory
//! cargo bench --bench hostile_memory -- --unknown 400 --wrong 200 --idle 15 --rounds 2

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt;

#[path = "browser.rs"]
#[allow(dead_code)]
mod browser;
use browser::{
    arg, browser_headers, csrf, hidden, page_text, BROWSER_ACCEPT_ENCODING, PAGE_ACCEPT,
};

/// The demo account whose password the wrong-password phase guesses.
const KNOWN_EMAIL: &str = "facilitator@demo.deltag.dk";

/// `VmRSS` and `Threads` of a process, in KiB and threads.
fn status_of(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("Threads:"))
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Samples the server every 50 ms and keeps the highest resident size and thread count since
/// the last [`Sampler::reset`].
struct Sampler {
    pid: u32,
    peak_kib: AtomicU64,
    peak_threads: AtomicU64,
    stop: AtomicBool,
}

impl Sampler {
    fn start(pid: u32) -> Arc<Sampler> {
        let s = Arc::new(Sampler {
            pid,
            peak_kib: AtomicU64::new(0),
            peak_threads: AtomicU64::new(0),
            stop: AtomicBool::new(false),
        });
        let bg = s.clone();
        std::thread::spawn(move || {
            while !bg.stop.load(Ordering::Relaxed) {
                bg.sample();
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        s
    }

    fn sample(&self) -> (u64, u64) {
        let (rss, threads) = status_of(self.pid);
        self.peak_kib.fetch_max(rss, Ordering::Relaxed);
        self.peak_threads.fetch_max(threads, Ordering::Relaxed);
        (rss, threads)
    }

    /// Starts a new peak from the current figures, which it returns.
    fn reset(&self) -> (u64, u64) {
        let (rss, threads) = status_of(self.pid);
        self.peak_kib.store(rss, Ordering::Relaxed);
        self.peak_threads.store(threads, Ordering::Relaxed);
        (rss, threads)
    }

    fn peak(&self) -> (u64, u64) {
        self.sample();
        (self.peak_kib.load(Ordering::Relaxed), self.peak_threads.load(Ordering::Relaxed))
    }
}

/// The server process, stopped however the run ends (a panic included).
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A browser on the loopback address `source`: its own cookies, no redirects followed.
fn browser_from(source: IpAddr) -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    (browser_with(source, jar.clone()), jar)
}

/// A browser on `source` with the cookies of `jar` and connections of its own.
fn browser_with(source: IpAddr, jar: Arc<reqwest::cookie::Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .default_headers(browser_headers(BROWSER_ACCEPT_ENCODING, PAGE_ACCEPT))
        .local_address(source)
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The `n`th address of the attackers' block `block` (127.`block`.x.y).
fn source(block: u8, n: usize) -> IpAddr {
    IpAddr::V4(Ipv4Addr::new(127, block, (n / 250) as u8, (n % 250 + 1) as u8))
}

/// Status codes seen in a phase; `None` for a connection the server closed or refused.
type Outcomes = BTreeMap<Option<u16>, u64>;

fn outcomes(all: Vec<Option<u16>>) -> Outcomes {
    let mut out = Outcomes::new();
    for status in all {
        *out.entry(status).or_default() += 1;
    }
    out
}

fn describe(outcomes: &Outcomes) -> String {
    outcomes
        .iter()
        .map(|(status, n)| match status {
            Some(code) => format!("{n}× {code}"),
            None => format!("{n}× closed"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

async fn join_all(tasks: Vec<tokio::task::JoinHandle<Option<u16>>>) -> Vec<Option<u16>> {
    let mut out = Vec::with_capacity(tasks.len());
    for t in tasks {
        out.push(t.await.ok().flatten());
    }
    out
}

/// `n` browsers load the login page, then all post their logins at once; browser `i` comes
/// from `source(block, i / per_source)` and logs in as `email(i)`.
async fn parallel_logins(
    base: &str, n: usize, block: u8, per_source: usize, email: impl Fn(usize) -> String,
) -> Vec<Option<u16>> {
    let barrier = Arc::new(tokio::sync::Barrier::new(n));
    let tasks = (0..n)
        .map(|i| {
            let (base, email, barrier) = (base.to_owned(), email(i), barrier.clone());
            tokio::spawn(async move {
                let (c, jar) = browser_from(source(block, i / per_source));
                let page = c.get(format!("{base}/login")).send().await.ok();
                let token = csrf(&jar, &base);
                barrier.wait().await;
                let (_, token) = (page?, token?);
                let form = [
                    ("email", email),
                    ("password", format!("not the password {i}")),
                    ("csrf_token", token),
                ];
                let res =
                    c.post(format!("{base}/login")).header("origin", &base).form(&form).send();
                let res = res.await.ok()?;
                Some(res.status().as_u16())
            })
        })
        .collect();
    join_all(tasks).await
}

/// A browser that has joined the open workshop: its cookies, address, CSRF token and first
/// question. Each hostile post goes over a fresh connection ([`Phone::client`]): the server
/// closes a connection whose body it refused, and a browser would not reuse it either.
struct Phone {
    jar: Arc<reqwest::cookie::Jar>,
    from: IpAddr,
    origin: String,
    csrf: String,
    question_id: String,
    submission_key: String,
}

impl Phone {
    fn client(&self) -> reqwest::Client {
        browser_with(self.from, self.jar.clone())
    }

    /// Posts an urlencoded `body` as this phone's browser would; the status, if any.
    async fn post_form_bytes(&self, url: &str, body: Vec<u8>) -> Option<u16> {
        let res = self
            .client()
            .post(url)
            .header("origin", &self.origin)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await;
        res.ok().map(|r| r.status().as_u16())
    }
}

async fn join(base: &str, code: &str, from: IpAddr) -> Option<Phone> {
    let (c, jar) = browser_from(from);
    let start = page_text(c.get(format!("{base}/j/{code}")).send().await.ok()?).await?;
    let token = hidden(&start, "start_token")?;
    let csrf = csrf(&jar, base)?;
    c.post(format!("{base}/j/{code}/start"))
        .header("origin", base)
        .form(&[("start_token", token.as_str()), ("csrf_token", &csrf)])
        .send()
        .await
        .ok()?;
    let page = page_text(c.get(format!("{base}/j/{code}/q/1")).send().await.ok()?).await?;
    Some(Phone {
        jar,
        from,
        origin: base.to_owned(),
        csrf,
        question_id: hidden(&page, "question_id")?,
        submission_key: hidden(&page, "submission_key")?,
    })
}

/// Form-encodes `pairs` (percent-encoding every byte that needs it).
fn form_body(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let enc = |s: &str| {
                percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC)
                    .to_string()
            };
            format!("{}={}", enc(k), enc(v))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// The size of a big body.
const BIG: usize = 10 * 1024 * 1024;

/// `n` posts of 10 MB at once to `url` from joined phones, with a `Content-Length`.
async fn big_posts(phones: &[Arc<Phone>], url: &str, n: usize) -> Vec<Option<u16>> {
    let tasks = (0..n)
        .map(|i| {
            let (phone, url) = (phones[i % phones.len()].clone(), url.to_owned());
            tokio::spawn(async move {
                let mut body = format!("csrf_token={}&answer=", phone.csrf).into_bytes();
                body.resize(BIG, b'a');
                phone.post_form_bytes(&url, body).await
            })
        })
        .collect();
    join_all(tasks).await
}

/// `n` posts of 10 MB at once to `path`, chunked (no size given, as a client that hides it
/// would), each over its own connection with the phone's cookie and origin.
async fn chunked_posts(phones: &[Arc<Phone>], port: u16, path: &str, n: usize) -> Vec<Option<u16>> {
    use tokio::io::AsyncReadExt;
    let tasks = (0..n)
        .map(|i| {
            let (phone, path) = (phones[i % phones.len()].clone(), path.to_owned());
            tokio::spawn(async move {
                let socket = tokio::net::TcpSocket::new_v4().ok()?;
                socket.bind((phone.from, 0).into()).ok()?;
                let stream = socket.connect(([127, 0, 0, 1], port).into()).await.ok()?;
                let (mut rx, mut tx) = stream.into_split();
                let head = format!(
                    "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {}\r\n\
                     Cookie: deltag_csrf={}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
                     Accept-Encoding: {BROWSER_ACCEPT_ENCODING}\r\nTransfer-Encoding: chunked\r\n\r\n",
                    phone.origin, phone.csrf
                );
                let first = format!("csrf_token={}&answer=", phone.csrf);
                let send = tokio::spawn(async move {
                    tx.write_all(head.as_bytes()).await?;
                    let chunk = vec![b'a'; 1024 * 1024];
                    let mut sent = 0;
                    while sent < BIG {
                        let piece = if sent == 0 { first.as_bytes() } else { &chunk[..] };
                        tx.write_all(format!("{:x}\r\n", piece.len()).as_bytes()).await?;
                        tx.write_all(piece).await?;
                        tx.write_all(b"\r\n").await?;
                        sent += piece.len();
                    }
                    tx.write_all(b"0\r\n\r\n").await
                });
                let mut answer = vec![0u8; 64];
                let read = tokio::time::timeout(Duration::from_secs(60), rx.read(&mut answer));
                let read = read.await.ok()?.ok()?;
                send.abort();
                let line = String::from_utf8_lossy(&answer[..read]).into_owned();
                line.split_whitespace().nth(1).and_then(|s| s.parse().ok())
            })
        })
        .collect();
    join_all(tasks).await
}

/// One answer post per phone at once, each just under the 256 KiB body cap.
async fn near_cap_answers(phones: &[Arc<Phone>], url: &str) -> Vec<Option<u16>> {
    let tasks = phones
        .iter()
        .map(|phone| {
            let (phone, url) = (phone.clone(), url.to_owned());
            tokio::spawn(async move {
                let answer = "æ".repeat(250 * 1024 / 6);
                let body = form_body(&[
                    ("answer", &answer),
                    ("action", "save"),
                    ("submission_key", &phone.submission_key),
                    ("question_id", &phone.question_id),
                    ("csrf_token", &phone.csrf),
                ]);
                phone.post_form_bytes(&url, body.into_bytes()).await
            })
        })
        .collect();
    join_all(tasks).await
}

/// `n` wrong join codes, `in_flight` at a time, from `sources` addresses in turn.
async fn wrong_codes(
    base: &str, n: usize, in_flight: usize, block: u8, sources: usize,
) -> Vec<Option<u16>> {
    let clients: Vec<reqwest::Client> =
        (0..sources).map(|s| browser_from(source(block, s)).0).collect();
    let next = Arc::new(AtomicU64::new(0));
    let tasks = (0..in_flight)
        .map(|_| {
            let (base, clients, next) = (base.to_owned(), clients.clone(), next.clone());
            tokio::spawn(async move {
                let mut seen = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                    if i >= n {
                        return seen;
                    }
                    let code = format!("{:08}", rand::random::<u32>() % 100_000_000);
                    let res = clients[i % clients.len()].get(format!("{base}/j/{code}")).send();
                    seen.push(res.await.ok().map(|r| r.status().as_u16()));
                }
            })
        })
        .collect::<Vec<_>>();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap_or_default());
    }
    all
}

/// `n` requests at once with a 64 KB path, and `n` with 32 headers of 4 KB each.
async fn long_requests(base: &str, n: usize, block: u8) -> Vec<Option<u16>> {
    let path = "a".repeat(64 * 1024);
    let value = "v".repeat(4 * 1024);
    let mut tasks = Vec::new();
    for i in 0..2 * n {
        let (base, path, value) = (base.to_owned(), path.clone(), value.clone());
        tasks.push(tokio::spawn(async move {
            let (c, _) = browser_from(source(block, i));
            let req = if i % 2 == 0 {
                c.get(format!("{base}/j/{path}"))
            } else {
                (0..32)
                    .fold(c.get(format!("{base}/")), |r, h| r.header(format!("x-long-{h}"), &value))
            };
            req.send().await.ok().map(|r| r.status().as_u16())
        }));
    }
    join_all(tasks).await
}

/// `held` connections that send half a request line and hold on for `hold`, while `pages`
/// browsers load the start page at once; all from the addresses of `block`.
async fn connection_burst(
    base: &str, port: u16, code: &str, block: u8, (held, pages): (usize, usize), hold: Duration,
) -> Vec<Option<u16>> {
    let mut streams = Vec::new();
    for i in 0..held {
        let socket = tokio::net::TcpSocket::new_v4().ok();
        let bound = socket.filter(|s| s.bind((source(block, i), 0).into()).is_ok());
        let Some(socket) = bound else { continue };
        if let Ok(mut stream) = socket.connect(([127, 0, 0, 1], port).into()).await {
            let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").await;
            streams.push(stream);
        }
    }
    let opened = streams.len();
    let tasks: Vec<_> = (0..pages)
        .map(|i| {
            let url = format!("{base}/j/{code}");
            tokio::spawn(async move {
                let (c, _) = browser_from(source(block, held + i));
                let res = c.get(url).send().await.ok()?;
                let status = res.status().as_u16();
                page_text(res).await?;
                Some(status)
            })
        })
        .collect();
    let mut seen = join_all(tasks).await;
    tokio::time::sleep(hold).await;
    drop(streams);
    // The held connections count as closed; report how many were opened.
    seen.extend(std::iter::repeat_n(Some(0), opened));
    seen
}

/// One row of the phase table.
struct Row {
    phase: String,
    requests: usize,
    outcomes: Outcomes,
    before: u64,
    peak: u64,
    after: u64,
    threads: u64,
}

async fn phase<F, Fut>(sampler: &Sampler, rows: &mut Vec<Row>, name: &str, run: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Vec<Option<u16>>>,
{
    let (before, _) = sampler.reset();
    let t = Instant::now();
    let seen = run().await;
    let took = t.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (peak, threads) = sampler.peak();
    let (after, _) = status_of(sampler.pid);
    let row = Row {
        phase: name.to_owned(),
        requests: seen.len(),
        outcomes: outcomes(seen),
        before,
        peak,
        after,
        threads,
    };
    eprintln!(
        "{name}: {:.1}s, {}; {:.0} → peak {:.0} → {:.0} MiB, {} threads",
        took.as_secs_f64(),
        describe(&row.outcomes),
        mib(before),
        mib(peak),
        mib(after),
        threads
    );
    rows.push(row);
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let unknown = arg("--unknown", 400) as usize;
    let wrong = arg("--wrong", 200) as usize;
    let idle_secs = arg("--idle", 15);
    let rounds = arg("--rounds", 2).clamp(1, 20);
    let held = arg("--held", 2000) as usize;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let url = format!("sqlite://{}/hostile.db", dir.path().display());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("free port: {e}"));
    let out_path = dir.path().join("server.out");
    let out = std::fs::File::create(&out_path).unwrap_or_else(|e| panic!("{e}"));
    let server = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_deltag"))
            .args(["serve", "--demo", "--bind", &format!("127.0.0.1:{port}")])
            .env("DELTAG_DATABASE_URL", &url)
            .env("RUST_LOG", "error")
            .env("DELTAG_A11Y_EMAIL", "tilgaengelighed@example.dk")
            .env("DELTAG_A11Y_PHONE", "70 00 00 00")
            .stdout(Stdio::from(out))
            .spawn()
            .unwrap_or_else(|e| panic!("{e}")),
    );
    let pid = server.0.id();
    let base = format!("http://127.0.0.1:{port}");
    let until = Instant::now() + Duration::from_secs(60);
    while !reqwest::get(format!("{base}/healthz")).await.is_ok_and(|r| r.status().is_success()) {
        assert!(Instant::now() < until, "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let printed = std::fs::read_to_string(&out_path).unwrap_or_default();
    let code = printed
        .lines()
        .find_map(|l| l.split("/j/").nth(1))
        .map(|c| c.trim().to_owned())
        .unwrap_or_else(|| panic!("no join link in the demo's output:\n{printed}"));

    // Idle: the demo loaded, one page of each kind served, then quiet.
    let (c, _) = browser_from(source(9, 0));
    for path in ["/", "/login", &format!("/j/{code}")] {
        let _ = c.get(format!("{base}{path}")).send().await.map(|r| r.bytes());
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let sampler = Sampler::start(pid);
    let (idle, idle_threads) = sampler.reset();
    eprintln!("idle: {:.1} MiB, {idle_threads} threads", mib(idle));

    let mut rows = Vec::new();
    let mut afters = Vec::new();
    for round in 1..=rounds {
        // Each round's attackers come from addresses of their own (127.{10 r + k}.x.y), so the
        // per-address budgets of the rounds before do not spare the server the work.
        let block = |k: u8| 10 * round as u8 + k;
        let name = |phase: &str| match rounds {
            1 => phase.to_owned(),
            _ => format!("{round}: {phase}"),
        };
        phase(
            &sampler,
            &mut rows,
            &name(&format!("{unknown} parallel logins, unknown accounts")),
            || parallel_logins(&base, unknown, block(1), 100, |i| format!("nobody{i}@example.org")),
        )
        .await;
        phase(
            &sampler,
            &mut rows,
            &name(&format!("{wrong} parallel logins, known account, wrong passwords")),
            || parallel_logins(&base, wrong, block(2), 100, |_| KNOWN_EMAIL.to_owned()),
        )
        .await;

        let mut phones = Vec::new();
        for i in 0..100 {
            if let Some(p) = join(&base, &code, source(block(3), i)).await {
                phones.push(Arc::new(p));
            }
        }
        assert!(!phones.is_empty(), "no phone could join the demo's open workshop");
        let answer_url = format!("{base}/j/{code}/q/1");
        let login_url = format!("{base}/login");
        let answer_path = format!("/j/{code}/q/1");
        phase(&sampler, &mut rows, &name("20 × 10 MB to /login, Content-Length"), || {
            big_posts(&phones, &login_url, 20)
        })
        .await;
        phase(&sampler, &mut rows, &name("20 × 10 MB to an answer, chunked"), || {
            chunked_posts(&phones, port, &answer_path, 20)
        })
        .await;
        let near_cap = format!("{} answers of 250 KB (under the cap) at once", phones.len());
        phase(&sampler, &mut rows, &name(&near_cap), || near_cap_answers(&phones, &answer_url))
            .await;
        drop(phones);
        phase(
            &sampler,
            &mut rows,
            &name("1,400 wrong join codes, 100 in flight, 20 addresses"),
            || wrong_codes(&base, 1400, 100, block(4), 20),
        )
        .await;
        phase(&sampler, &mut rows, &name("200 × 64 KB URL, 200 × 128 KB of headers"), || {
            long_requests(&base, 200, block(5))
        })
        .await;
        phase(
            &sampler,
            &mut rows,
            &name(&format!("{held} half-open connections for 5 s, 500 pages at once")),
            || connection_burst(&base, port, &code, block(6), (held, 500), Duration::from_secs(5)),
        )
        .await;
        tokio::time::sleep(Duration::from_secs(idle_secs)).await;
        let (after, after_threads) = sampler.sample();
        eprintln!(
            "after round {round} and {idle_secs} s idle: {:.1} MiB, {after_threads} threads",
            mib(after)
        );
        afters.push((after, after_threads));
    }
    sampler.stop.store(true, Ordering::Relaxed);
    let overall_peak = (
        rows.iter().map(|r| r.peak).max().unwrap_or(idle),
        rows.iter().map(|r| r.threads).max().unwrap_or(idle_threads),
    );

    // The real account still gets in from an address of its own.
    let (c, jar) = browser_from(source(250, 0));
    let _ = c.get(format!("{base}/login")).send().await;
    let form = [
        ("email", "admin@demo.deltag.dk".to_owned()),
        ("password", "demo-admin-2023".to_owned()),
        ("csrf_token", csrf(&jar, &base).unwrap_or_default()),
    ];
    let admin = c.post(format!("{base}/login")).header("origin", &base).form(&form).send().await;
    let admin = admin.ok().map(|r| r.status().as_u16());

    println!();
    println!(
        "| phase | requests | answers | before MiB | peak MiB | after 2 s MiB | peak threads |"
    );
    println!("|---|---:|---|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {:.0} | {:.0} | {:.0} | {} |",
            r.phase,
            r.requests,
            describe(&r.outcomes),
            mib(r.before),
            mib(r.peak),
            mib(r.after),
            r.threads
        );
    }
    println!();
    println!("| server resident memory | MiB | threads |");
    println!("|---|---:|---:|");
    println!("| idle (demo loaded, before the first probe) | {:.1} | {idle_threads} |", mib(idle));
    println!("| peak (sampled every 50 ms) | {:.1} | {} |", mib(overall_peak.0), overall_peak.1);
    for (round, (after, threads)) in afters.iter().enumerate() {
        println!(
            "| after round {} and {idle_secs} s idle | {:.1} | {threads} |",
            round + 1,
            mib(*after)
        );
    }
    println!();
    println!(
        "(\"0\" in the last phase: the half-open connections it held; \"closed\": no response.)"
    );
    println!(
        "The real admin's login afterwards, from an address of its own: {admin:?} (303 = in)."
    );
}
