//! What both load generators need to behave like a phone's browser: the command-line numbers,
//! the CSRF cookie, hidden form fields, bodies decoded as a browser decodes them, think time.
//! Included by `load.rs` and `room_load.rs` with `#[path]`.

use std::time::Duration;

use rand::Rng;

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
