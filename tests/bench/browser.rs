//! What both load generators need to behave like a phone's browser: the command-line numbers,
//! the CSRF cookie, hidden form fields, bodies decoded as a browser decodes them, think time.
//! Included by `load.rs` and `room_load.rs` with `#[path]`.

use std::sync::Arc;
use std::time::Duration;

use rand::Rng;

/// What every browser offers to decode.
pub const BROWSER_ACCEPT_ENCODING: &str = "gzip, deflate, br, zstd";

/// What a browser asks for when it loads a page.
pub const PAGE_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// The headers a phone's browser sends with each request: `accept_encoding` and `accept` as
/// given, its languages and user agent.
pub fn browser_headers(accept_encoding: &str, accept: &str) -> reqwest::header::HeaderMap {
    let mut h = reqwest::header::HeaderMap::new();
    let mut set = |name: &'static str, value: &str| {
        if let Ok(v) = reqwest::header::HeaderValue::from_str(value) {
            h.insert(name, v);
        }
    };
    set("accept-encoding", accept_encoding);
    set("accept", accept);
    set("accept-language", "da-DK,da;q=0.9,en;q=0.8");
    set("user-agent", "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
    h
}

/// A phone's browser loading pages: its own cookies, no redirects followed, browser headers
/// with `accept_encoding`.
pub fn client_accepting(accept_encoding: &str) -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let c = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar.clone())
        .default_headers(browser_headers(accept_encoding, PAGE_ACCEPT))
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    (c, jar)
}

/// [`client_accepting`] what every browser accepts.
pub fn client() -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    client_accepting(BROWSER_ACCEPT_ENCODING)
}

pub fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn csrf(jar: &reqwest::cookie::Jar, base: &str) -> Option<String> {
    let url = reqwest::Url::parse(base).ok()?;
    let header = reqwest::cookie::CookieStore::cookies(jar, &url)?;
    let value = header
        .to_str()
        .ok()?
        .split("; ")
        .find_map(|kv| kv.strip_prefix("deltag_csrf=").map(str::to_owned));
    value
}

pub fn hidden(page: &str, name: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(page);
    let sel = scraper::Selector::parse(&format!("input[name={name}]")).ok()?;
    let value = doc.select(&sel).next()?.value().attr("value").map(str::to_owned);
    value
}

/// The body as the browser shows it: decoded by its `Content-Encoding`.
pub async fn page_text(res: reqwest::Response) -> Option<String> {
    use std::io::Read;
    let encoding = res
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .to_owned();
    let bytes = res.bytes().await.ok()?;
    let mut out = String::new();
    match encoding.as_str() {
        "gzip" => flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut out).ok()?,
        "deflate" => flate2::read::ZlibDecoder::new(&bytes[..]).read_to_string(&mut out).ok()?,
        "zstd" => return String::from_utf8(zstd::stream::decode_all(&bytes[..]).ok()?).ok(),
        "identity" => return String::from_utf8(bytes.to_vec()).ok(),
        other => panic!("a browser cannot read Content-Encoding {other}"),
    };
    Some(out)
}

pub async fn think(range: (u64, u64)) {
    let ms = rand::thread_rng().gen_range(range.0..=range.1.max(range.0));
    tokio::time::sleep(Duration::from_millis(ms)).await;
}
