//! Test helper: decode the QR code contained in an SVG image.
//!
//! Made for the SVG that the `qrcode` crate (0.14, `svg` feature) renders:
//!
//! ```text
//! <?xml version="1.0" standalone="yes"?><svg xmlns="http://www.w3.org/2000/svg"
//!  version="1.1" width="222" height="222" viewBox="0 0 222 222" shape-rendering="crispEdges">
//! <rect x="0" y="0" width="222" height="222" fill="#fff"/>
//! <path fill="#000" d="M24 24h6v6H24V24M30 24h6v6H30V24 ..."/></svg>
//! ```
//!
//! i.e. a light background and ONE `<path>` holding every dark module as its
//! own closed rectangle subpath (`M{x} {y}h{w}v{h}H{x}V{y}`). The helper
//! rasterises that path into a greyscale bitmap (with an added white quiet
//! zone) and decodes the bitmap with [`rqrr`]. Only dependencies: `std` and
//! `rqrr` (which can be used with `default-features = false`).

/// Pixels per QR module in the rasterised bitmap.
const PX_PER_MODULE: f64 = 8.0;
/// White margin added around the drawing, in modules (the QR spec asks for 4).
const QUIET_ZONE_MODULES: f64 = 4.0;
/// Upper bound for either side of the bitmap, to fail fast on absurd input.
const MAX_SIDE_PX: usize = 4096;

/// Decodes the QR code drawn in `svg` and returns its content as a string.
///
/// What is read from the SVG:
/// * the `viewBox` of the root `<svg>` element (or, without one, its numeric
///   `width`/`height`, a `px` suffix allowed), giving the drawing area;
/// * the `d` attribute of its single `<path>` element, taken as the dark
///   modules. The path commands `M m L l H h V v Z z` are supported (the
///   `qrcode` crate uses `M h v H V`); every subpath is implicitly closed, as
///   SVG does when filling, and filled with the path's `fill-rule`
///   (`nonzero`, the SVG default, or `evenodd`);
/// * everything else (the background `<rect>`, colours) is taken to be light.
///
/// The path is rasterised at about 8 px per module (the module size is taken
/// from the shortest edge in the path) with a white margin of 4 modules added
/// around the drawing, so a code rendered with or without its own quiet zone
/// decodes alike. The bitmap is then handed to `rqrr`.
///
/// # Errors
///
/// Returns `Err` with a description when the SVG has no `<svg>` element or
/// usable size, has no or several `<path>` elements, has path data that is
/// malformed or uses unsupported commands (curves, arcs), would rasterise to
/// an absurd size, or when `rqrr` finds no QR code, more than one, or cannot
/// decode it.
pub fn decode_qr_svg(svg: &str) -> Result<String, String> {
    let svg_attrs = find_elements(svg, "svg")?
        .into_iter()
        .next()
        .ok_or_else(|| "no <svg> element found".to_string())?;
    let (vb_x, vb_y, vb_w, vb_h) = view_box(&svg_attrs)?;

    let paths = find_elements(svg, "path")?;
    let path_attrs = match paths.as_slice() {
        [one] => one,
        [] => return Err("no <path> element found in the SVG".to_string()),
        many => {
            return Err(format!(
                "expected exactly one <path> element (the dark modules), found {}",
                many.len()
            ));
        }
    };
    if attr(path_attrs, "fill").is_some_and(|f| f.trim() == "none") {
        return Err("the <path> has fill=\"none\"; nothing is drawn".to_string());
    }
    let d = attr(path_attrs, "d").ok_or_else(|| "the <path> has no d attribute".to_string())?;
    let even_odd = match attr(path_attrs, "fill-rule").map(str::trim) {
        None | Some("nonzero") | Some("inherit") => false,
        Some("evenodd") => true,
        Some(other) => return Err(format!("unsupported fill-rule {other:?}")),
    };

    let subpaths = parse_path(d)?;
    let edges = edges_of(&subpaths);
    if edges.is_empty() {
        return Err("the <path> draws nothing (no edges)".to_string());
    }

    // Module size = shortest non-zero edge extent (each module is drawn as
    // its own rectangle by the qrcode crate).
    let module = edges
        .iter()
        .flat_map(|e| [(e.x1 - e.x0).abs(), (e.y1 - e.y0).abs()])
        .filter(|len| *len > 1e-9)
        .fold(f64::INFINITY, f64::min);
    if !module.is_finite() {
        return Err("could not determine the module size from the path".to_string());
    }
    let scale = PX_PER_MODULE / module; // pixels per user unit
    let pad = (QUIET_ZONE_MODULES * PX_PER_MODULE).ceil() as usize;
    let draw_w = (vb_w * scale).ceil();
    let draw_h = (vb_h * scale).ceil();
    let limit = (MAX_SIDE_PX - 2 * pad) as f64;
    if !(draw_w >= 1.0 && draw_h >= 1.0 && draw_w <= limit && draw_h <= limit) {
        return Err(format!(
            "bitmap size {draw_w}x{draw_h} px (viewBox {vb_w}x{vb_h}, module {module}) \
             is out of range (1..={limit})"
        ));
    }
    let (draw_w, draw_h) = (draw_w as usize, draw_h as usize);
    let (img_w, img_h) = (draw_w + 2 * pad, draw_h + 2 * pad);

    // Scanline fill: `dark[y * img_w + x]` for the padded bitmap.
    let mut dark = vec![false; img_w * img_h];
    let mut crossings: Vec<(f64, i32)> = Vec::new();
    for py in 0..draw_h {
        let cy = vb_y + (py as f64 + 0.5) / scale;
        crossings.clear();
        for e in &edges {
            let (lo, hi) = if e.y0 < e.y1 { (e.y0, e.y1) } else { (e.y1, e.y0) };
            if e.y0 == e.y1 || cy < lo || cy >= hi {
                continue;
            }
            let x = e.x0 + (cy - e.y0) * (e.x1 - e.x0) / (e.y1 - e.y0);
            crossings.push((x, if e.y1 > e.y0 { 1 } else { -1 }));
        }
        crossings.sort_by(|a, b| a.0.total_cmp(&b.0));
        let row = (py + pad) * img_w;
        let mut winding = 0i32;
        for (i, &(x, dir)) in crossings.iter().enumerate() {
            winding += dir;
            let inside = if even_odd { winding % 2 != 0 } else { winding != 0 };
            let Some(&(next_x, _)) = crossings.get(i + 1) else {
                break;
            };
            if !inside {
                continue;
            }
            // Pixels whose centre lies in [x, next_x).
            let from = ((x - vb_x) * scale - 0.5).ceil().max(0.0) as usize;
            let to = ((next_x - vb_x) * scale - 0.5).ceil().max(0.0) as usize;
            for px in from.min(draw_w)..to.min(draw_w) {
                dark[row + px + pad] = true;
            }
        }
    }

    let mut img = rqrr::PreparedImage::prepare_from_greyscale(img_w, img_h, |x, y| {
        if dark[y * img_w + x] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    match grids.as_slice() {
        [] => Err(format!("rqrr found no QR code in the {img_w}x{img_h} px rasterised SVG")),
        [grid] => grid
            .decode()
            .map(|(_meta, content)| content)
            .map_err(|e| format!("rqrr found a QR code but could not decode it: {e}")),
        many => Err(format!("rqrr found {} QR codes, expected one", many.len())),
    }
}

/// One straight edge of the path, in user units.
struct Edge {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// Every subpath closed (fill semantics), as a list of edges.
fn edges_of(subpaths: &[Vec<(f64, f64)>]) -> Vec<Edge> {
    let mut edges = Vec::new();
    for pts in subpaths {
        for (i, &(x0, y0)) in pts.iter().enumerate() {
            let (x1, y1) = pts[(i + 1) % pts.len()];
            if (x0, y0) != (x1, y1) {
                edges.push(Edge { x0, y0, x1, y1 });
            }
        }
    }
    edges
}

/// The drawing area `(x, y, w, h)` in user units.
fn view_box(attrs: &[(String, String)]) -> Result<(f64, f64, f64, f64), String> {
    if let Some(vb) = attr(attrs, "viewBox") {
        let nums = vb
            .split(|c: char| c.is_ascii_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse::<f64>().map_err(|_| format!("bad viewBox number {s:?} in {vb:?}")))
            .collect::<Result<Vec<f64>, String>>()?;
        return match nums.as_slice() {
            &[x, y, w, h] if w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite() => {
                Ok((x, y, w, h))
            }
            _ => Err(format!("unusable viewBox {vb:?}")),
        };
    }
    let dim = |name: &str| -> Result<f64, String> {
        let raw =
            attr(attrs, name).ok_or_else(|| format!("<svg> has neither viewBox nor {name}"))?;
        let num = raw.trim().trim_end_matches("px").trim();
        match num.parse::<f64>() {
            Ok(v) if v > 0.0 && v.is_finite() => Ok(v),
            _ => Err(format!("unusable <svg> {name}={raw:?} (and no viewBox)")),
        }
    };
    Ok((0.0, 0.0, dim("width")?, dim("height")?))
}

/// Value of attribute `name` in a parsed attribute list.
fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// Attribute lists of every `<tag ...>` start tag in `doc` (minimal XML
/// scanning: enough for generated SVG; entities are not expanded).
fn find_elements(doc: &str, tag: &str) -> Result<Vec<Vec<(String, String)>>, String> {
    let open = format!("<{tag}");
    let mut found = Vec::new();
    let mut rest = doc;
    while let Some(pos) = rest.find(&open) {
        let after = &rest[pos + open.len()..];
        match after.chars().next() {
            Some(c) if c.is_ascii_whitespace() || c == '>' || c == '/' => {
                let (attrs, consumed) =
                    parse_attrs(after).map_err(|e| format!("malformed <{tag}> start tag: {e}"))?;
                found.push(attrs);
                rest = &after[consumed..];
            }
            // e.g. "<pathological" when looking for "<path"
            _ => rest = after,
        }
    }
    Ok(found)
}

/// Parses `name="value"` pairs up to the end of a start tag. Returns them and
/// the number of bytes consumed (including the closing `>`).
fn parse_attrs(s: &str) -> Result<(Vec<(String, String)>, usize), String> {
    let bytes = s.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            None => return Err("unterminated start tag".to_string()),
            Some(b'>') => return Ok((attrs, i + 1)),
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') => return Ok((attrs, i + 2)),
            _ => {}
        }
        let name_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let name = &s[name_start..i];
        if name.is_empty() {
            return Err(format!("unexpected character at byte {i}"));
        }
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            return Err(format!("attribute {name:?} has no value"));
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let quote = match bytes.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => q,
            _ => return Err(format!("attribute {name:?} value is not quoted")),
        };
        i += 1;
        let value_start = i;
        while i < bytes.len() && bytes[i] != quote {
            i += 1;
        }
        if i >= bytes.len() {
            return Err(format!("attribute {name:?} value is unterminated"));
        }
        attrs.push((name.to_string(), s[value_start..i].to_string()));
        i += 1;
    }
}

/// Parses SVG path data made of straight segments (`M m L l H h V v Z z`)
/// into subpaths, each a list of absolute points.
fn parse_path(d: &str) -> Result<Vec<Vec<(f64, f64)>>, String> {
    let tokens = tokenize_path(d)?;
    let mut subpaths: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    let (mut cx, mut cy) = (0.0f64, 0.0f64);
    let (mut sx, mut sy) = (0.0f64, 0.0f64);
    let mut cmd: Option<char> = None;
    let mut i = 0;

    let num_at = |i: usize| -> Result<f64, String> {
        match tokens.get(i) {
            Some(PathToken::Num(v)) => Ok(*v),
            Some(PathToken::Cmd(c)) => Err(format!("expected a number, found command {c:?}")),
            None => Err("path data ends in the middle of a command".to_string()),
        }
    };

    while i < tokens.len() {
        let c = match tokens[i] {
            PathToken::Cmd(c) => {
                i += 1;
                c
            }
            // Implicit repetition of the previous command.
            PathToken::Num(_) => match cmd {
                Some('M') => 'L',
                Some('m') => 'l',
                Some(c) if c != 'Z' && c != 'z' => c,
                _ => return Err("path data has a number where a command is expected".to_string()),
            },
        };
        match c {
            'M' | 'm' => {
                let (x, y) = (num_at(i)?, num_at(i + 1)?);
                i += 2;
                if c == 'm' {
                    cx += x;
                    cy += y;
                } else {
                    (cx, cy) = (x, y);
                }
                if current.len() > 1 {
                    subpaths.push(std::mem::take(&mut current));
                }
                current.clear();
                current.push((cx, cy));
                (sx, sy) = (cx, cy);
            }
            'L' | 'l' | 'H' | 'h' | 'V' | 'v' => {
                if current.is_empty() {
                    // A drawing command after Z (or at the start) begins at
                    // the current point.
                    current.push((cx, cy));
                }
                match c {
                    'L' => {
                        (cx, cy) = (num_at(i)?, num_at(i + 1)?);
                        i += 2;
                    }
                    'l' => {
                        cx += num_at(i)?;
                        cy += num_at(i + 1)?;
                        i += 2;
                    }
                    'H' => {
                        cx = num_at(i)?;
                        i += 1;
                    }
                    'h' => {
                        cx += num_at(i)?;
                        i += 1;
                    }
                    'V' => {
                        cy = num_at(i)?;
                        i += 1;
                    }
                    _ => {
                        cy += num_at(i)?;
                        i += 1;
                    }
                }
                current.push((cx, cy));
            }
            'Z' | 'z' => {
                if current.len() > 1 {
                    subpaths.push(std::mem::take(&mut current));
                }
                current.clear();
                (cx, cy) = (sx, sy);
            }
            other => {
                return Err(format!(
                    "unsupported path command {other:?} (only M m L l H h V v Z z are handled)"
                ));
            }
        }
        cmd = Some(c);
    }
    if current.len() > 1 {
        subpaths.push(current);
    }
    if subpaths.iter().flatten().any(|(x, y)| !x.is_finite() || !y.is_finite()) {
        return Err("path data contains a non-finite coordinate".to_string());
    }
    Ok(subpaths)
}

enum PathToken {
    Cmd(char),
    Num(f64),
}

/// Splits path data into command letters and numbers (handles `,`/space
/// separators, signs, decimals, exponents, and `1.5.5`-style runs).
fn tokenize_path(d: &str) -> Result<Vec<PathToken>, String> {
    let bytes = d.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() || b == b',' {
            i += 1;
        } else if b.is_ascii_alphabetic() && b != b'e' && b != b'E' {
            tokens.push(PathToken::Cmd(b as char));
            i += 1;
        } else if b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.') {
            let start = i;
            if matches!(b, b'+' | b'-') {
                i += 1;
            }
            let mut seen_dot = false;
            while i < bytes.len() && (bytes[i].is_ascii_digit() || (bytes[i] == b'.' && !seen_dot))
            {
                seen_dot |= bytes[i] == b'.';
                i += 1;
            }
            if i < bytes.len() && matches!(bytes[i], b'e' | b'E') {
                let mut j = i + 1;
                if j < bytes.len() && matches!(bytes[j], b'+' | b'-') {
                    j += 1;
                }
                if j < bytes.len() && bytes[j].is_ascii_digit() {
                    i = j;
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            let text = &d[start..i];
            let value = text
                .parse::<f64>()
                .map_err(|_| format!("bad number {text:?} in path data at byte {start}"))?;
            tokens.push(PathToken::Num(value));
        } else {
            return Err(format!(
                "unexpected character {:?} in path data at byte {i}",
                d[i..].chars().next().unwrap_or('?')
            ));
        }
    }
    Ok(tokens)
}
