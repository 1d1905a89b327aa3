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
