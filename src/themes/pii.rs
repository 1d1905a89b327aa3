//! Personal data in free text: CPR numbers, Danish phone numbers, e-mail addresses, common
//! Danish person names. Flags are
//! shown on the board and the matches are masked in exports; they never block an answer.
//!
//! People write numbers every way a keyboard allows, so the text is first brought to one form
//! (full-width digits to ASCII, every dash to `-`, every space to ` `, invisible characters
//! dropped) and matches are mapped back to the original text: what is masked is exactly what
//! was written, zero-width spaces and all.

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
    /// A Danish first name or surname on Danmarks Statistik's lists (see `names`).
    Name,
}

impl PiiKind {
    /// Locale key of the flag.
    pub fn label_key(self) -> &'static str {
        match self {
            PiiKind::Cpr => "pii-cpr",
            PiiKind::Phone => "pii-phone",
            PiiKind::Email => "pii-email",
            PiiKind::Name => "pii-name",
        }
    }

    /// What replaces a match in exports.
    pub fn mask(self) -> &'static str {
        match self {
            PiiKind::Cpr => "[CPR-nummer]",
            PiiKind::Phone => "[telefonnummer]",
            PiiKind::Email => "[e-mail]",
            PiiKind::Name => "[navn]",
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
    let view = Normalized::of(text);
    let mut found = emails(&view.text);
    let names = super::names::find(&view.text);
    let names = names.into_iter().map(|range| PiiMatch { kind: PiiKind::Name, range });
    for m in digit_runs(&view.text).into_iter().chain(names) {
        if found.iter().any(|f| f.range.start < m.range.end && m.range.start < f.range.end) {
            continue;
        }
        found.push(m);
    }
    found.sort_by_key(|m| m.range.start);
    found.into_iter().map(|m| PiiMatch { kind: m.kind, range: view.original(m.range) }).collect()
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

/// A text in one form for matching, and where each of its bytes came from.
struct Normalized {
    text: String,
    /// For each byte of `text`: the original byte range of the character it came from.
    from: Vec<(usize, usize)>,
}

impl Normalized {
    fn of(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut from = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let Some(n) = normal_char(c) else { continue };
            let span = (at, at + c.len_utf8());
            text.push(n);
            from.extend(std::iter::repeat_n(span, n.len_utf8()));
        }
        Normalized { text, from }
    }

    /// The original byte range of a range of the normalized text.
    fn original(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.from.get(range.start).map_or(0, |s| s.0);
        let end = range.end.checked_sub(1).and_then(|e| self.from.get(e)).map_or(start, |s| s.1);
        start..end
    }
}

/// One character as matching sees it; `None` drops it (it is invisible).
fn normal_char(c: char) -> Option<char> {
    Some(match c {
        // Zero-width space, non-joiner, joiner, word joiner, byte order mark, soft hyphen.
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        // Full-width digits, plus and at sign (East Asian keyboards).
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        '\u{FF0B}' => '+',
        '\u{FF20}' => '@',
        // Hyphens, en and em dashes, minus.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        // No-break, thin and other fixed-width spaces.
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        c => c,
    })
}

fn is_email_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// Up to two spaces before or after an `@` are allowed (`anna @ example.dk`).
fn emails(text: &str) -> Vec<PiiMatch> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let before = text[..at].trim_end_matches(' ');
        let after_at = &text[at + 1..];
        let after = after_at.trim_start_matches(' ');
        if at - before.len() > 2 || after_at.len() - after.len() > 2 {
            continue;
        }
        let domain_at = text.len() - after.len();
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map(|(i, _)| i)
            .unwrap_or(before.len());
        let end = after
            .char_indices()
            .take_while(|(_, c)| is_email_char(*c))
            .last()
            .map(|(i, c)| domain_at + i + c.len_utf8())
            .unwrap_or(domain_at);
        let domain = text[domain_at..end].trim_end_matches('.');
        let end = domain_at + domain.len();
        let local = &before[start..];
        let dot = domain.rfind('.');
        if !local.is_empty() && dot.is_some_and(|d| d > 0 && domain.len() - d > 2) {
            out.push(PiiMatch { kind: PiiKind::Email, range: start..end });
        }
    }
    out
}

/// Words that may be glued to a number without a space (`mobil22334455`, `tlf.22334455`).
const NUMBER_WORDS: [&str; 9] =
    ["mobil", "mob", "tlf", "tel", "telefon", "nr", "nummer", "cpr", "cprnr"];

/// Whether a number may start at byte `i`: after a non-alphanumeric character, or right after
/// one of [`NUMBER_WORDS`].
fn number_may_start(text: &str, i: usize) -> bool {
    let before = &text[..i];
    match before.chars().next_back() {
        None => true,
        Some(c) if !c.is_alphanumeric() => true,
        Some(c) if c.is_alphabetic() => {
            // The word glued to the number: the letters since the last non-letter.
            let word_start = before.trim_end_matches(char::is_alphabetic).len();
            let word = before[word_start..].to_lowercase();
            let clear_before =
                before[..word_start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            clear_before && NUMBER_WORDS.contains(&word.as_str())
        }
        Some(_) => false,
    }
}

/// Runs of digits joined by spaces (up to three), dashes, dots or slashes, with an optional
/// +45 / 0045 prefix.
fn digit_runs(text: &str) -> Vec<PiiMatch> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            || (bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        if !(starts && text.is_char_boundary(i) && number_may_start(text, i)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut groups: Vec<usize> = vec![0];
        let mut end = i;
        let mut j = i;
        if bytes[j] == b'+' {
            j += 1;
        }
        while j < bytes.len() {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
                if let Some(g) = groups.last_mut() {
                    *g += 1;
                }
                j += 1;
                end = j;
                continue;
            }
            let gap = separator_len(&bytes[j..]);
            if gap > 0 && bytes.get(j + gap).is_some_and(u8::is_ascii_digit) {
                groups.push(0);
                j += gap;
            } else {
                break;
            }
        }
        let boundary_after = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if boundary_after && !looks_like_a_date(&groups, &digits) {
            if let Some(kind) = classify(&digits, bytes[start] == b'+') {
                out.push(PiiMatch { kind, range: start..end });
            }
        }
        i = end.max(i + 1);
    }
    out
}

/// The length of a separator between digit groups at the start of `rest`: one dash, dot or
/// slash (with spaces around it), or one to three spaces; 0 when there is none.
fn separator_len(rest: &[u8]) -> usize {
    let spaces = |from: usize| rest[from..].iter().take_while(|b| **b == b' ').count();
    let lead = spaces(0);
    match rest.get(lead) {
        Some(b'-' | b'.' | b'/') if lead <= 1 => {
            let trail = spaces(lead + 1);
            if trail <= 1 {
                lead + 1 + trail
            } else {
                0
            }
        }
        _ if (1..=3).contains(&lead) => lead,
        _ => 0,
    }
}

/// A day, a month and a four-digit year (`24/12/2023`, `24.12.2023`): a date, not a phone.
fn looks_like_a_date(groups: &[usize], digits: &str) -> bool {
    let [d, m, 4] = groups else { return false };
    if !(1..=2).contains(d) || !(1..=2).contains(m) {
        return false;
    }
    let number = |from: usize, len: usize| digits.get(from..from + len)?.parse::<u32>().ok();
    let (day, month) = (number(0, *d), number(*d, *m));
    day.is_some_and(|d| (1..=31).contains(&d)) && month.is_some_and(|m| (1..=12).contains(&m))
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

    #[test]
    fn numbers_are_found_however_they_are_typed() {
        for text in [
            "cpr 010190–1234",           // en dash
            "cpr 010190 – 1234",         // spaced en dash
            "cpr ０１０１９０-１２３４", // full-width digits
            "cpr 0101\u{200B}90-1234",   // a zero-width space inside
            "cpr 010190\u{00A0}1234",    // a no-break space
        ] {
            assert_eq!(kinds(text), [PiiKind::Cpr], "{text:?}");
        }
        for text in [
            "ring 22  33 44 55",
            "ring 22/33/44/55",
            "mobil22334455",
            "Tlf.22334455",
            "tlf: 22 33 44 55",
            "ring 2233\u{200B}4455",
            "ring ２２３３４４５５",
            "ring +45 22 33 44 55",
            "ring ＋45 22334455",
        ] {
            assert_eq!(kinds(text), [PiiKind::Phone], "{text:?}");
        }
        for text in ["anna @ example.dk", "anna@ example.dk", "anna ＠example.dk"] {
            assert_eq!(kinds(text), [PiiKind::Email], "{text:?}");
        }
    }

    #[test]
    fn ordinary_numbers_stay_unflagged() {
        for text in [
            "den 24/12/2023 var jeg der",
            "den 24.12.2023",
            "fra 2.3.2019 til 28-11-2020",
            "jeg fik 25000 kr",
            "bus 22 og 33",
            "abc22334455",
            "kl. 10.30 i 2023",
            "x @  @ example",
        ] {
            assert_eq!(kinds(text), [], "{text:?}");
        }
    }

    #[test]
    fn names_are_flagged_and_masked_beside_the_rest() {
        assert_eq!(kinds("Jeg fik hjælp af Mette Hansen"), [PiiKind::Name]);
        assert_eq!(
            mask("Ring til Lars Nielsen på 22 33 44 55 eller lars@example.dk"),
            "Ring til [navn] på [telefonnummer] eller [e-mail]"
        );
        assert_eq!(kinds("Hans bror hjalp mig med at finde et sted"), []);
    }

    #[test]
    fn masks_cover_exactly_what_was_written() {
        assert_eq!(mask("ring 22/33/44/55 nu"), "ring [telefonnummer] nu");
        assert_eq!(mask("ring 2233\u{200B}4455."), "ring [telefonnummer].");
        assert_eq!(mask("mit nr ０１０１９０–１２３４ ja"), "mit nr [CPR-nummer] ja");
        assert_eq!(mask("skriv anna @ example.dk!"), "skriv [e-mail]!");
        assert_eq!(mask("mobil22334455"), "mobil[telefonnummer]");
    }
}
