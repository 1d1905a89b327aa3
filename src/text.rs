//! Text that staff type into forms, parsed once: a [`Title`] or a [`Text`] of at most `MAX`
//! characters. Holding one means it passed the rules, so stores and views never check again.

use std::fmt;

use diesel::backend::Backend;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text as SqlText;

/// A title or name: 1–200 characters after trimming, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, diesel::expression::AsExpression)]
#[diesel(sql_type = SqlText)]
pub struct Title(String);

impl Title {
    /// The most characters a title may have.
    pub const MAX: usize = 200;

    /// Trims and checks.
    pub fn parse(input: &str) -> Option<Title> {
        let t = input.trim();
        let n = t.chars().count();
        ((1..=Self::MAX).contains(&n) && !t.chars().any(char::is_control))
            .then(|| Title(t.to_owned()))
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

/// Free text staff write (an intro, a description, a key point): trimmed, `\r\n` folded to
/// `\n`, at most `MAX` characters, no control characters but line breaks and tabs. May be
/// empty; [`Text::non_empty`] says when it must not be.
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
    /// Folds line breaks, trims and checks.
    pub fn parse(input: &str) -> Option<Self> {
        let folded = input.replace("\r\n", "\n").replace('\r', "\n");
        let t = folded.trim();
        (t.chars().count() <= MAX && !t.chars().any(|c| c.is_control() && c != '\n' && c != '\t'))
            .then(|| Text(t.to_owned()))
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
}
