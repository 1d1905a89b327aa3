//! Parsed values of the survey feature: join codes, question kinds, workshop status, options.

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;
use serde::{Deserialize, Serialize};

use crate::db::MultiBackend;

/// The digits people type when the camera fails: 8 digits, shown as "4821 0937".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinCode(String);

impl JoinCode {
    /// Number of digits.
    pub const LEN: usize = 8;

    /// Accepts what people type: digits with any spaces, dashes or dots between them.
    pub fn parse(input: &str) -> Option<JoinCode> {
        let digits: String =
            input.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}')).collect();
        (digits.len() == Self::LEN && digits.chars().all(|c| c.is_ascii_digit()))
            .then_some(JoinCode(digits))
    }

    /// A random code (the caller checks it is free among live workshops).
    pub fn random() -> JoinCode {
        use rand::Rng;
        let mut rng = rand::rngs::OsRng;
        JoinCode((0..Self::LEN).map(|_| char::from(b'0' + rng.gen_range(0..10u8))).collect())
    }

    /// The bare digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "4821 0937".
    pub fn grouped(&self) -> String {
        format!("{} {}", &self.0[..4], &self.0[4..])
    }
}

crate::text_enum! {
    /// Where a workshop is in its life: being prepared (questions can change freely), open for
    /// answers, closed (facilitators work with the answers), or put away.
    pub enum WorkshopStatus labelled "status" { Draft = "draft", Open = "open", Closed = "closed", Archived = "archived", }
}

impl WorkshopStatus {
    /// Allowed moves: draft → open → closed → archived, plus re-opening a closed workshop
    /// (a workshop day that runs over) and back to draft while nobody has answered.
    pub fn can_move_to(self, to: WorkshopStatus) -> bool {
        use WorkshopStatus::*;
        matches!(
            (self, to),
            (Draft, Open) | (Open, Closed) | (Closed, Open) | (Closed, Archived) | (Open, Draft)
        )
    }

    /// Join code works and answers are accepted.
    pub fn accepts_answers(self) -> bool {
        self == WorkshopStatus::Open
    }

    /// Draft or open: its join code is reserved.
    pub fn is_live(self) -> bool {
        matches!(self, WorkshopStatus::Draft | WorkshopStatus::Open)
    }

    /// Closed or archived: no more answers.
    pub fn is_closed(self) -> bool {
        matches!(self, WorkshopStatus::Closed | WorkshopStatus::Archived)
    }
}

crate::text_enum! {
    /// The kind of a question: one line or several lines of text; one or any of several
    /// options; 1–5 shown as faces with words; Ja / Nej / Ved ikke.
    pub enum QuestionKind labelled "kind" {
        ShortText = "short_text", LongText = "long_text",
        SingleChoice = "single_choice", MultipleChoice = "multiple_choice",
        Scale = "scale", YesNo = "yes_no",
    }
}

impl QuestionKind {
    /// Has a list of options.
    pub fn has_options(self) -> bool {
        matches!(self, QuestionKind::SingleChoice | QuestionKind::MultipleChoice)
    }

    /// Free text (shown on the theme board).
    pub fn is_text(self) -> bool {
        matches!(self, QuestionKind::ShortText | QuestionKind::LongText)
    }
}

/// One option of a choice question. The key is stable: answers store it, so a label can be
/// corrected without changing what earlier answers mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    /// Stable key ("o1", "o2", …).
    pub key: String,
    /// What people read.
    pub label: String,
}

/// The options of a choice question, stored as a JSON array of [`ChoiceOption`]s. Stored text
/// that is not such an array fails the query: it is never read as "no options".
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(transparent)]
pub struct ChoiceOptions(pub Vec<ChoiceOption>);

impl std::ops::Deref for ChoiceOptions {
    type Target = [ChoiceOption];
    fn deref(&self) -> &[ChoiceOption] {
        &self.0
    }
}

impl<DB> FromSql<Text, DB> for ChoiceOptions
where
    DB: Backend,
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        Ok(ChoiceOptions(serde_json::from_str(&String::from_sql(bytes)?)?))
    }
}

impl ToSql<Text, Sqlite> for ChoiceOptions {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(serde_json::to_string(&self.0)?);
        Ok(IsNull::No)
    }
}

impl ToSql<Text, Pg> for ChoiceOptions {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        serde_json::to_writer(out, &self.0)?;
        Ok(IsNull::No)
    }
}

impl ToSql<Text, MultiBackend> for ChoiceOptions {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Text, self));
        Ok(IsNull::No)
    }
}

/// Parses the builder's textarea (one option per line) into options, keeping the keys of
/// labels that already existed.
pub fn options_from_lines(text: &str, existing: &[ChoiceOption]) -> ChoiceOptions {
    let mut next = existing
        .iter()
        .filter_map(|o| o.key.strip_prefix('o').and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    let mut out: Vec<ChoiceOption> = Vec::new();
    let labels = text.lines().map(crate::text::clean_typed).filter(|l| !l.is_empty());
    for label in labels {
        if out.iter().any(|o| o.label == label) {
            continue;
        }
        let key = match existing.iter().find(|o| o.label == label) {
            Some(o) => o.key.clone(),
            None => {
                next += 1;
                format!("o{next}")
            }
        };
        out.push(ChoiceOption { key, label: label.chars().take(200).collect() });
    }
    ChoiceOptions(out)
}

/// The points of a 1–5 scale. Their words are stored as the question's options under these
/// keys (translated like option labels); a point without a word shows the default
/// (`scale-1` … `scale-5` of the page's language).
pub const SCALE_KEYS: [&str; 5] = ["1", "2", "3", "4", "5"];

/// The five words of a scale, typed one per line in the question form. Nothing typed, or the
/// five default words, is `Some` of no options: the defaults, in every language. Five lines is
/// `Some` of those words under [`SCALE_KEYS`]. Any other number of lines, a word of more than
/// 200 characters or one with control characters is `None`.
pub fn scale_words_from_lines(text: &str, defaults: &[String; 5]) -> Option<ChoiceOptions> {
    let words: Vec<String> =
        text.lines().map(crate::text::clean_typed).filter(|l| !l.is_empty()).collect();
    if words.is_empty() || (words.len() == 5 && words.iter().zip(defaults).all(|(w, d)| w == d)) {
        return Some(ChoiceOptions::default());
    }
    let fits = |w: &String| w.chars().count() <= 200 && !w.chars().any(char::is_control);
    (words.len() == 5 && words.iter().all(fits)).then(|| {
        ChoiceOptions(
            SCALE_KEYS
                .iter()
                .zip(words)
                .map(|(key, label)| ChoiceOption { key: (*key).to_owned(), label })
                .collect(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_accept_what_people_type() {
        assert_eq!(JoinCode::parse("4821 0937").map(|c| c.0), Some("48210937".into()));
        assert_eq!(JoinCode::parse("4821-0937").map(|c| c.grouped()), Some("4821 0937".into()));
        for bad in ["", "4821093", "482109371", "4821O937", "abcd efgh", "٤٨٢١٠٩٣٧"] {
            assert!(JoinCode::parse(bad).is_none(), "{bad}");
        }
        let random = JoinCode::random();
        assert!(JoinCode::parse(random.as_str()).is_some());
    }

    #[test]
    fn status_moves() {
        use WorkshopStatus::*;
        assert!(
            Draft.can_move_to(Open) && Open.can_move_to(Closed) && Closed.can_move_to(Archived)
        );
        assert!(
            !Draft.can_move_to(Closed)
                && !Archived.can_move_to(Open)
                && !Open.can_move_to(Archived)
        );
    }

    #[test]
    fn scale_words_are_five_or_the_defaults() {
        let defaults =
            ["Meget dårligt", "Dårligt", "Hverken godt eller dårligt", "Godt", "Meget godt"]
                .map(str::to_owned);
        assert_eq!(scale_words_from_lines(" \n", &defaults), Some(ChoiceOptions::default()));
        assert_eq!(
            scale_words_from_lines(&defaults.join("\r\n"), &defaults),
            Some(ChoiceOptions::default()),
            "the defaults as typed are the defaults"
        );
        let own = "Slet ikke vigtigt\nLidt vigtigt\n\nNoget vigtigt\nVigtigt\nMeget vigtigt\n";
        let words = scale_words_from_lines(own, &defaults).expect("five words");
        let pairs: Vec<(&str, &str)> =
            words.iter().map(|o| (o.key.as_str(), o.label.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("1", "Slet ikke vigtigt"),
                ("2", "Lidt vigtigt"),
                ("3", "Noget vigtigt"),
                ("4", "Vigtigt"),
                ("5", "Meget vigtigt")
            ]
        );
        assert_eq!(scale_words_from_lines("En\nTo\nTre\nFire", &defaults), None);
        assert_eq!(scale_words_from_lines("1\n2\n3\n4\n5\n6", &defaults), None);
        let long = format!("{}\nb\nc\nd\ne", "x".repeat(201));
        assert_eq!(scale_words_from_lines(&long, &defaults), None);
    }

    #[test]
    fn options_keep_their_keys_when_edited() {
        let first = options_from_lines("Ja\n\n Nej \nJa\n", &[]);
        assert_eq!(
            first.0,
            vec![
                ChoiceOption { key: "o1".into(), label: "Ja".into() },
                ChoiceOption { key: "o2".into(), label: "Nej".into() },
            ]
        );
        let second = options_from_lines("Nej\nMåske\nJa", &first);
        let keys: Vec<_> = second.iter().map(|o| (o.key.as_str(), o.label.as_str())).collect();
        assert_eq!(keys, [("o2", "Nej"), ("o3", "Måske"), ("o1", "Ja")]);
    }
}

/// An admin's "keep the answers longer": how many more days, one of [`Extension::OFFERED`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
pub struct Extension {
    /// As posted.
    days: i32,
}

impl Extension {
    /// The periods a workshop's answers may be kept longer by.
    pub const OFFERED: [i32; 3] = [30, 90, 365];

    /// The days, if they are one of the offered periods.
    pub fn days(self) -> Option<i32> {
        Self::OFFERED.contains(&self.days).then_some(self.days)
    }
}
