//! QR codes for join links: error correction M (a scratched or creased poster still reads) and
//! the standard 4-module quiet zone, as SVG so it prints sharp at any size.

use crate::error::AppError;

/// The SVG of a QR code for `url`.
pub fn join_qr_svg(url: &str) -> Result<String, AppError> {
    let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("QR code for {url}: {e}")))?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .quiet_zone(true)
        .min_dimensions(240, 240)
        .build())
}

/// The same QR code as a `data:` URI, for pages that print it (the poster, the table cards,
/// the wall): no second request, and a draft's code never has to be answered publicly. A wall
/// draws it again on every change, so the last few are kept: the same link always gives the
/// same code.
pub fn join_qr_data_uri(url: &str) -> Result<String, AppError> {
    use base64::Engine as _;
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    /// Links whose codes are kept; a full cache starts again (a few workshops a day).
    const KEEP: usize = 64;
    static MADE: LazyLock<Mutex<HashMap<String, String>>> = LazyLock::new(Default::default);
    if let Some(uri) = MADE.lock().ok().and_then(|m| m.get(url).cloned()) {
        return Ok(uri);
    }
    let svg = join_qr_svg(url)?;
    let uri = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(svg)
    );
    if let Ok(mut made) = MADE.lock() {
        if made.len() >= KEEP {
            made.clear();
        }
        made.insert(url.to_owned(), uri.clone());
    }
    Ok(uri)
}
