//! Personal data in free text: CPR numbers, Danish phone numbers, e-mail addresses. Flags are
//! shown on the board and the matches are masked in exports; they never block an answer.

/// A kind of personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PiiKind {
    /// A CPR number (a valid date and century digit; modulus 11 is never required, since
    /// numbers without it have been issued since 2007).
    Cpr,
    /// A Danish phone number (8 digits, optionally +45 / 0045).
    Phone,
    /// An e-mail address.
    Email,
}

impl PiiKind {
    /// Locale key of the flag.
    pub fn label_key(self) -> &'static str {
        match self {
            PiiKind::Cpr => "pii-cpr",
            PiiKind::Phone => "pii-phone",
            PiiKind::Email => "pii-email",
        }
    }

    /// What replaces a match in exports.
    pub fn mask(self) -> &'static str {
        match self {
            PiiKind::Cpr => "[CPR-nummer]",
            PiiKind::Phone => "[telefonnummer]",
            PiiKind::Email => "[e-mail]",
        }
    }
}

/// One match: its kind and byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PiiMatch {
    /// Kind.
    pub kind: PiiKind,
    /// Byte range.
    pub range: std::ops::Range<usize>,
}

/// Every match in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<PiiMatch> {
    let mut found = emails(text);
    for m in digit_runs(text) {
        if found.iter().any(|f| f.range.start < m.range.end && m.range.start < f.range.end) {
            continue;
        }
        found.push(m);
    }
    found.sort_by_key(|m| m.range.start);
    found
}

/// The kinds present in `text` (for badges).
pub fn kinds(text: &str) -> Vec<PiiKind> {
    let mut kinds: Vec<PiiKind> = find(text).into_iter().map(|m| m.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// `text` with every match replaced by its mask.
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in find(text) {
        out.push_str(&text[at..m.range.start]);
        out.push_str(m.kind.mask());
        at = m.range.end;
    }
    out.push_str(&text[at..]);
    out
}

fn is_email_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn emails(text: &str) -> Vec<PiiMatch> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map(|(i, _)| i)
            .unwrap_or(at);
        let end = text[at + 1..]
            .char_indices()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map(|(i, c)| at + 1 + i + c.len_utf8())
            .unwrap_or(at + 1);
        let domain = text[at + 1..end].trim_end_matches('.');
        let end = at + 1 + domain.len();
        let local = &text[start..at];
        let dot = domain.rfind('.');
        if !local.is_empty() && dot.is_some_and(|d| d > 0 && domain.len() - d > 2) {
            out.push(PiiMatch { kind: PiiKind::Email, range: start..end });
        }
    }
    out
}

/// Runs of digits joined by single spaces, dashes or dots, with an optional +45 / 0045 prefix.
fn digit_runs(text: &str) -> Vec<PiiMatch> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let boundary_before = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric());
        let starts = bytes[i].is_ascii_digit()
            || (bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !(starts && boundary_before) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut end = i;
        let mut j = i;
        if bytes[j] == b'+' {
            j += 1;
        }
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
                j += 1;
                end = j;
            } else if matches!(bytes[j], b' ' | b'-' | b'.')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let boundary_after = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if boundary_after {
            if let Some(kind) = classify(&digits, bytes[start] == b'+') {
                out.push(PiiMatch { kind, range: start..end });
            }
        }
        i = end.max(i + 1);
    }
    out
}

fn classify(digits: &str, plus: bool) -> Option<PiiKind> {
    let national = if plus {
        digits.strip_prefix("45")?
    } else if let Some(rest) = digits.strip_prefix("0045") {
        rest
    } else {
        digits
    };
    if national.len() == 10 && !plus && valid_cpr(national) {
        return Some(PiiKind::Cpr);
    }
    if national.len() == 8 && national.as_bytes()[0] >= b'2' {
        return Some(PiiKind::Phone);
    }
    None
}

/// A CPR number: DDMMYY, then a century digit that, with YY, gives a year in which DD-MM is a
/// real date.
pub fn valid_cpr(ten: &str) -> bool {
    let d: Vec<u32> = ten.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 {
        return false;
    }
    let (day, month, yy, century_digit) =
        (d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5], d[6]);
    let year = match century_digit {
        0..=3 => 1900 + yy,
        4 | 9 => {
            if yy <= 36 {
                2000 + yy
            } else {
                1900 + yy
            }
        }
        _ => {
            if yy <= 57 {
                2000 + yy
            } else {
                1800 + yy
            }
        }
    };
    chrono::NaiveDate::from_ymd_opt(year as i32, month, day).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_numbers_need_a_real_date_not_modulus_11() {
        assert!(valid_cpr("0101901234"));
        assert!(valid_cpr("2902004000"), "29 Feb 2000 with century digit 4");
        assert!(!valid_cpr("2902003000"), "29 Feb 1900 did not exist");
        assert!(!valid_cpr("3213901234"), "month 13");
        assert_eq!(kinds("Mit cpr er 010190-1234, ikke sig det"), [PiiKind::Cpr]);
        assert_eq!(kinds("cpr nummer har jeg ikke"), []);
        assert_eq!(kinds("sag 4599999999"), [], "not a date, not a phone");
    }

    #[test]
    fn phones_and_emails_are_found_and_masked() {
        assert_eq!(kinds("ring på 22 33 44 55"), [PiiKind::Phone]);
        assert_eq!(kinds("ring på +45 2233 4455 i morgen"), [PiiKind::Phone]);
        assert_eq!(kinds("0045 22334455"), [PiiKind::Phone]);
        assert_eq!(kinds("Jeg boede der i 12 år og 3 måneder"), []);
        assert_eq!(kinds("kl. 10.30 i 2023"), []);
        assert_eq!(kinds("skriv til jens.hansen@example.dk."), [PiiKind::Email]);
        assert_eq!(
            mask("Kim, ring på 22 33 44 55 eller skriv til kim@example.dk. Cpr 0101901234."),
            "Kim, ring på [telefonnummer] eller skriv til [e-mail]. Cpr [CPR-nummer]."
        );
        assert_eq!(mask("æøå 😊 intet her"), "æøå 😊 intet her");
    }
}
