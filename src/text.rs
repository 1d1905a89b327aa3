//! Text that staff type into forms, parsed once: a [`Title`] or a [`Text`] of at most `MAX`
//! characters. Holding one means it passed the rules, so stores and views never check again.
//! [`clean_typed`] is the first step of every such parse, and of participants' answers too.

use std::fmt;

use diesel::backend::Backend;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text as SqlText;

/// Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
/// One of these in an answer can reverse the order in which the rest of a staff page, an
/// export row or a quote is shown, so typed text never keeps them. The marks U+200E, U+200F
/// and U+061C stay: they only nudge neutral characters next to them and are part of ordinary
/// right-to-left typing.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Unicode noncharacters (U+FDD0–U+FDEF, and the last two code points of every plane, U+FFFE,
/// U+FFFF, U+1FFFE … U+10FFFF). They are never text, and XML (Word and Excel files) refuses
/// them, so one would break an export.
pub fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (u32::from(c) & 0xFFFE) == 0xFFFE
}

/// Characters [`clean_typed`] removes wherever they are: [`is_bidi_control`] and
/// [`is_noncharacter`]. The migration `2026-12-02-000001_clean_text` removes the same set
/// from answers and quotes stored before.
pub fn is_stripped(c: char) -> bool {
    is_bidi_control(c) || is_noncharacter(c)
}

/// Characters that show nothing: Unicode whitespace, zero-width space, zero-width (non-)joiner,
/// word joiner, the invisible maths operators, Mongolian vowel separator, byte order mark and
/// soft hyphen. A text of only these is empty: an answer of three zero-width spaces is no
/// answer.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// The first step of parsing anything a person typed (answers, "Andet", pasted notes, quotes,
/// titles and texts staff write): `\r\n` and `\r` become `\n`, [`is_stripped`] characters are
/// removed, and [`is_invisible`] characters are trimmed from both ends, so a text of only
/// invisible characters becomes empty. Inside the text invisible characters stay (a
/// zero-width joiner holds emoji and some scripts together). Control characters stay for the
/// caller to refuse: they are a 422 with the text kept, not something to drop silently.
pub fn clean_typed(input: &str) -> String {
    let folded = input.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = folded.chars().filter(|c| !is_stripped(*c)).collect();
    kept.trim_matches(is_invisible).to_owned()
}

/// A title or name: 1–200 characters after [`clean_typed`], no control characters.
#[derive(Debug, Clone, PartialEq, Eq, diesel::expression::AsExpression)]
#[diesel(sql_type = SqlText)]
pub struct Title(String);

impl Title {
    /// The most characters a title may have.
    pub const MAX: usize = 200;

    /// Cleans ([`clean_typed`]) and checks.
    pub fn parse(input: &str) -> Option<Title> {
        let t = clean_typed(input);
        let n = t.chars().count();
        ((1..=Self::MAX).contains(&n) && !t.chars().any(char::is_control)).then_some(Title(t))
    }

    /// The title.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The title as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Free text staff write (an intro, a description, a key point): cleaned ([`clean_typed`]), at
/// most `MAX` characters, no control characters but line breaks and tabs. May be empty;
/// [`Text::non_empty`] says when it must not be.
#[derive(Debug, Clone, PartialEq, Eq, Default, diesel::expression::AsExpression)]
#[diesel(sql_type = SqlText)]
pub struct Text<const MAX: usize>(String);

/// A topic's description, a workshop's intro, a theme's summary, a key point.
pub type LongText = Text<2000>;
/// Help under a question.
pub type HelpText = Text<1000>;
/// A question, or its easy-read version.
pub type PromptText = Text<500>;
/// A quote, as long as an answer may be.
pub type QuoteText = Text<5000>;

impl<const MAX: usize> Text<MAX> {
    /// Cleans ([`clean_typed`]) and checks.
    pub fn parse(input: &str) -> Option<Self> {
        let t = clean_typed(input);
        (t.chars().count() <= MAX && !t.chars().any(|c| c.is_control() && c != '\n' && c != '\t'))
            .then_some(Text(t))
    }

    /// Like [`Text::parse`], refusing an empty text.
    pub fn parse_non_empty(input: &str) -> Option<Self> {
        Self::parse(input).and_then(Self::non_empty)
    }

    /// None when empty.
    pub fn non_empty(self) -> Option<Self> {
        (!self.0.is_empty()).then_some(self)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Empty after trimming.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl<const MAX: usize> fmt::Display for Text<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Both are stored as they are: as text.
impl<DB: Backend> ToSql<SqlText, DB> for Title
where
    str: ToSql<SqlText, DB>,
{
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
        <str as ToSql<SqlText, DB>>::to_sql(&self.0, out)
    }
}

impl<DB: Backend, const MAX: usize> ToSql<SqlText, DB> for Text<MAX>
where
    str: ToSql<SqlText, DB>,
{
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, DB>) -> serialize::Result {
        <str as ToSql<SqlText, DB>>::to_sql(&self.0, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_checked() {
        assert_eq!(Text::<10>::parse("a\r\nb").map(Text::into_string), Some("a\nb".into()));
        assert!(Text::<10>::parse("a\u{0}b").is_none());
        assert!(Text::<2>::parse("abc").is_none());
        assert!(Text::<2>::parse("  ").is_some_and(|t| t.is_empty()));
        assert!(Text::<2>::parse_non_empty("  ").is_none());
        assert!(Title::parse("  ").is_none());
        assert!(Title::parse("a\tb").is_none());
        assert_eq!(Title::parse(" Ét emne ").map(Title::into_string), Some("Ét emne".into()));
        assert!(
            Title::parse(&"æ".repeat(200)).is_some() && Title::parse(&"æ".repeat(201)).is_none()
        );
    }

    #[test]
    fn typed_text_loses_reordering_controls_and_noncharacters() {
        // An override (U+202E … U+202C) would show the rest of the line backwards.
        assert_eq!(clean_typed("Jeg bor \u{202E}kiab\u{202C} i en bil"), "Jeg bor kiab i en bil");
        for c in
            ['\u{202A}', '\u{202B}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
        {
            assert_eq!(clean_typed(&format!("a{c}b")), "ab", "U+{:04X}", u32::from(c));
        }
        for c in ['\u{FDD0}', '\u{FDEF}', '\u{FFFE}', '\u{FFFF}', '\u{1FFFE}', '\u{10FFFF}'] {
            assert_eq!(clean_typed(&format!("a{c}b")), "ab", "U+{:04X}", u32::from(c));
        }
        // Neighbours of the removed ranges, right-to-left marks and joiners stay.
        for kept in [
            "\u{2029}",
            "\u{202F}",
            "\u{2065}",
            "\u{206A}",
            "\u{FDCF}",
            "\u{FDF0}",
            "\u{FFFD}",
            "\u{1FFFD}",
            "שלום\u{200F}!",
            "👩\u{200D}👧",
            "می\u{200C}خواهم",
        ] {
            assert_eq!(clean_typed(&format!("a{kept}b")), format!("a{kept}b"));
        }
        assert_eq!(clean_typed("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(Text::<20>::parse("ok\u{202E}ko").map(Text::into_string), Some("okko".into()));
        assert_eq!(
            Title::parse("\u{2067}Emne\u{2069}").map(Title::into_string),
            Some("Emne".into())
        );
    }

    #[test]
    fn only_invisible_characters_is_empty() {
        for blank in [
            "\u{200B}\u{200B}",
            " \u{FEFF} ",
            "\u{00AD}",
            "\u{2060}\u{200C}\u{200D}",
            "\u{3000}\u{00A0}\u{2007}\n\t",
            "\u{202E}\u{200B}",
        ] {
            assert_eq!(clean_typed(blank), "", "{blank:?}");
        }
        assert_eq!(clean_typed("\u{200B}hej\u{200B}med\u{FEFF}"), "hej\u{200B}med");
        assert!(Title::parse("\u{200B}").is_none());
        assert!(Text::<10>::parse_non_empty("\u{FEFF}\u{00AD}").is_none());
    }
}
