//! Text made safe for the files we write. XML 1.0 cannot carry most control characters or the
//! noncharacters U+FFFE/U+FFFF at all (one of them makes a whole DOCX unreadable), and
//! bidirectional embedding, override and isolate controls could reorder what a reader sees.
//! Input is cleaned when it is typed; this also covers text stored before that.

use std::borrow::Cow;

/// Whether a character may stand in an export.
fn keeps(c: char) -> bool {
    let n = c as u32;
    let xml = matches!(c, '\t' | '\n' | '\r')
        || (0x20..=0xD7FF).contains(&n)
        || (0xE000..=0xFFFD).contains(&n)
        || (0x10000..=0x10FFFF).contains(&n);
    let noncharacter = (0xFDD0..=0xFDEF).contains(&n) || (n & 0xFFFE) == 0xFFFE;
    let bidi_control = (0x202A..=0x202E).contains(&n) || (0x2066..=0x2069).contains(&n);
    let c1_control = (0x7F..=0x9F).contains(&n);
    xml && !noncharacter && !bidi_control && !c1_control
}

/// The text without the characters an export cannot carry.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(keeps) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| keeps(*c)).collect())
    }
}

/// Cleaned and escaped for XML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| keeps(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_xml_cannot_carry_is_left_out() {
        let text = "a\u{0}b\u{1}c\u{FFFF}d\u{FFFE}e\u{FDD0}f\u{1FFFF}g\u{202E}h\u{2066}i\u{85}j";
        assert_eq!(clean(text), "abcdefghij");
        assert_eq!(escape("<Rød & \"blå\">\u{FFFF}"), "&lt;Rød &amp; &quot;blå&quot;&gt;");
        assert!(matches!(clean("Helt almindelig tekst æøå 🙂\n\t"), Cow::Borrowed(_)));
    }
}
