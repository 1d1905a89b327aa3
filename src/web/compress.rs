//! Gzip for whole response bodies, done on the worker that made the page.
//!
//! actix-web's `Compress` hands every body chunk of 1 KB or more to the blocking thread pool
//! and back: for a 2 KB page that round trip costs more than the compression itself, and the
//! pool is the one database calls wait for. Pages, CSS, SVG and exports up to
//! [`IN_PLACE_LIMIT`] are complete in memory when they leave the handler, so they are
//! compressed here in one go; streamed or larger bodies are left to `Compress`, which runs
//! after this.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use flate2::{Compress, Compression, Crc, FlushCompress, Status};
use std::cell::RefCell;

use super::assets::accepts_gzip;

/// Bodies smaller than this go out as they are: gzip's own 18 bytes and the work outweigh
/// what it saves.
const WORTH_COMPRESSING: usize = 512;
/// Larger bodies would hold up the worker (and every request waiting on it) for milliseconds.
const IN_PLACE_LIMIT: usize = 256 * 1024;

/// The middleware.
pub async fn compress_whole_bodies(
    req: ServiceRequest, next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let gzip = accepts_gzip(req.request());
    let res = next.call(req).await?;
    let compressible = !res.headers().contains_key(header::CONTENT_ENCODING)
        && res.headers().get(header::CONTENT_TYPE).is_some_and(is_text);
    if !compressible {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (mut head, body) = res.into_parts();
    head.headers_mut().append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    let body = match body.try_into_bytes() {
        Ok(bytes) if gzip && (WORTH_COMPRESSING..=IN_PLACE_LIMIT).contains(&bytes.len()) => {
            match gzip_fast(&bytes) {
                Some(packed) => {
                    head.headers_mut()
                        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                    BoxBody::new(packed)
                }
                None => BoxBody::new(bytes),
            }
        }
        Ok(bytes) => BoxBody::new(bytes),
        Err(stream) => BoxBody::new(stream),
    };
    Ok(ServiceResponse::new(req, head.set_body(body)))
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
