//! Gzip or zstd for whole response bodies, done on the worker that made the page.
//!
//! actix-web's `Compress` hands every body chunk of 1 KB or more to the blocking thread pool
//! and back: for a 2 KB page that round trip costs more than the compression itself, and the
//! pool is the one database calls wait for. Pages, CSS, SVG and exports up to
//! [`IN_PLACE_LIMIT`] are complete in memory when they leave the handler, so they are
//! compressed here in one go; streamed or larger bodies are left to `Compress`, which runs
//! after this.
//!
//! Browsers that offer zstd (current Chrome, Edge, Firefox, Safari) get it at zstd's fast
//! level -1: a 2 KB page in about half the time gzip's fastest level takes, to the same size
//! (measured: 5.3 against 9.3 µs, 1,345 against 1,295 bytes). Older browsers get gzip.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use flate2::{Compress, Compression, Crc, FlushCompress, Status};
use std::cell::RefCell;

use super::assets::accepts;

/// Bodies smaller than this go out as they are: gzip's own 18 bytes and the work outweigh
/// what it saves.
const WORTH_COMPRESSING: usize = 512;
/// Larger bodies would hold up the worker (and every request waiting on it) for milliseconds.
const IN_PLACE_LIMIT: usize = 256 * 1024;

/// The middleware.
pub async fn compress_whole_bodies(
    req: ServiceRequest, next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let coding = Coding::offered(req.request());
    let res = next.call(req).await?;
    let compressible = !res.headers().contains_key(header::CONTENT_ENCODING)
        && res.headers().get(header::CONTENT_TYPE).is_some_and(is_text);
    if !compressible {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (mut head, body) = res.into_parts();
    head.headers_mut().append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    let body = match (body.try_into_bytes(), coding) {
        (Ok(bytes), Some(coding))
            if (WORTH_COMPRESSING..=IN_PLACE_LIMIT).contains(&bytes.len()) =>
        {
            match coding.pack(&bytes) {
                Some(packed) => {
                    head.headers_mut().insert(header::CONTENT_ENCODING, coding.header());
                    BoxBody::new(packed)
                }
                None => BoxBody::new(bytes),
            }
        }
        (Ok(bytes), _) => BoxBody::new(bytes),
        (Err(stream), _) => BoxBody::new(stream),
    };
    Ok(ServiceResponse::new(req, head.set_body(body)))
}

/// The content codings made here, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coding {
    Zstd,
    Gzip,
}

impl Coding {
    /// The coding to answer `req` in, if it offers one made here.
    fn offered(req: &actix_web::HttpRequest) -> Option<Coding> {
        [Coding::Zstd, Coding::Gzip].into_iter().find(|c| accepts(req, c.name()))
    }

    fn name(self) -> &'static str {
        match self {
            Coding::Zstd => "zstd",
            Coding::Gzip => "gzip",
        }
    }

    fn header(self) -> HeaderValue {
        HeaderValue::from_static(self.name())
    }

    fn pack(self, body: &[u8]) -> Option<Vec<u8>> {
        match self {
            Coding::Zstd => zstd_fast(body),
            Coding::Gzip => gzip_fast(body),
        }
    }
}

/// Text formats worth compressing (images other than SVG, DOCX and XLSX are packed already).
fn is_text(content_type: &HeaderValue) -> bool {
    let Ok(value) = content_type.to_str() else { return false };
    let essence = value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    essence.starts_with("text/")
        || matches!(
            essence.as_str(),
            "application/json" | "application/javascript" | "image/svg+xml" | "application/xml"
        )
}

thread_local! {
    /// One deflate state per worker thread, reset for every body: setting one up costs more
    /// than compressing a 2 KB page with it.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::fast(), false));
}

thread_local! {
    /// One zstd context per worker thread, for the same reason.
    static ZSTD: RefCell<Option<zstd::bulk::Compressor<'static>>> =
        RefCell::new(zstd::bulk::Compressor::new(ZSTD_LEVEL).ok());
}

/// zstd's first fast level, which gives a little size for speed.
const ZSTD_LEVEL: i32 = -1;

/// A zstd frame (RFC 8878) of `body`, with its size in the header as browsers expect.
fn zstd_fast(body: &[u8]) -> Option<Vec<u8>> {
    ZSTD.with_borrow_mut(|zstd| zstd.as_mut()?.compress(body).ok())
}

/// Gzip (RFC 1952) at flate2's fast level, the level `Compress` uses too: the fixed 10-byte
/// header (no name, no time), raw deflate from the thread's reused state, CRC-32 and length.
fn gzip_fast(body: &[u8]) -> Option<Vec<u8>> {
    const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let length = u32::try_from(body.len()).ok()?;
    let mut out = Vec::with_capacity(body.len() / 2 + 64);
    out.extend_from_slice(&HEADER);
    DEFLATE.with_borrow_mut(|deflate| {
        deflate.reset();
        loop {
            let read = usize::try_from(deflate.total_in()).ok()?;
            let rest = body.get(read..)?;
            match deflate.compress_vec(rest, &mut out, FlushCompress::Finish).ok()? {
                Status::StreamEnd => return Some(()),
                // Out of room: grow and go on.
                Status::Ok | Status::BufError => out.reserve(out.capacity().max(256)),
            }
        }
    })?;
    let mut crc = Crc::new();
    crc.update(body);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out.extend_from_slice(&length.to_le_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn gzip_fast_round_trips() {
        let page = "<p>Hvad betyder et hjem for dig?</p>".repeat(100);
        let packed = gzip_fast(page.as_bytes()).unwrap_or_default();
        assert!(packed.len() < page.len() / 5, "{} bytes", packed.len());
        let mut unpacked = String::new();
        flate2::read::GzDecoder::new(packed.as_slice())
            .read_to_string(&mut unpacked)
            .unwrap_or_default();
        assert_eq!(unpacked, page);
    }

    #[test]
    fn the_reused_state_compresses_every_body_whole() {
        // Big enough to need more room than first reserved, and different each time.
        for n in [1, 700, 40_000] {
            let body: String = (0..n).map(|i| char::from(b'a' + (i * 7 % 26) as u8)).collect();
            let packed = gzip_fast(body.as_bytes()).unwrap_or_default();
            let mut unpacked = String::new();
            flate2::read::GzDecoder::new(packed.as_slice())
                .read_to_string(&mut unpacked)
                .unwrap_or_default();
            assert_eq!(unpacked, body, "{n} characters");
        }
    }

    #[test]
    fn zstd_round_trips_with_the_reused_context() {
        for n in [600, 2_000, 200_000] {
            let body: String = (0..n).map(|i| char::from(b'a' + (i * 11 % 26) as u8)).collect();
            let packed = zstd_fast(body.as_bytes()).unwrap_or_default();
            assert!(packed.len() < body.len(), "{n} characters packed to {}", packed.len());
            let unpacked = zstd::stream::decode_all(packed.as_slice()).unwrap_or_default();
            assert_eq!(unpacked, body.as_bytes(), "{n} characters");
        }
    }

    #[test]
    fn zstd_is_preferred_where_offered_and_refusals_are_honoured() {
        use actix_web::test::TestRequest;
        for (offered, coding) in [
            ("gzip, deflate, br, zstd", Some(Coding::Zstd)),
            ("gzip, deflate, br", Some(Coding::Gzip)),
            ("zstd;q=0, gzip", Some(Coding::Gzip)),
            ("br", None),
            ("identity", None),
        ] {
            let req = TestRequest::default()
                .insert_header((header::ACCEPT_ENCODING, offered))
                .to_http_request();
            assert_eq!(Coding::offered(&req), coding, "{offered}");
        }
    }

    #[test]
    fn only_text_is_compressed() {
        for (value, text) in [
            ("text/html; charset=utf-8", true),
            ("Text/CSS", true),
            ("image/svg+xml", true),
            ("application/json", true),
            ("image/png", false),
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
        ] {
            assert_eq!(is_text(&HeaderValue::from_static(value)), text, "{value}");
        }
    }
}
