//! Parsed values of the survey feature: join codes, question kinds, workshop status, options.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The digits people type when the camera fails: 8 digits, shown as "4821 0937".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoinCode(String);

impl JoinCode {
    /// Number of digits.
    pub const LEN: usize = 8;

    /// Accepts what people type: digits with any spaces, dashes or dots between them.
    pub fn parse(input: &str) -> Option<JoinCode> {
        let digits: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
            .collect();
        (digits.len() == Self::LEN && digits.chars().all(|c| c.is_ascii_digit()))
            .then_some(JoinCode(digits))
    }

    /// A random code (the caller checks it is free among live workshops).
    pub fn random() -> JoinCode {
        use rand::Rng;
        let mut rng = rand::rngs::OsRng;
        JoinCode(
            (0..Self::LEN)
                .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
                .collect(),
        )
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

/// Where a workshop is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkshopStatus {
    /// Being prepared; questions can change freely.
    Draft,
    /// Participants answer.
    Open,
    /// No more answers; facilitators work with them.
    Closed,
    /// Put away.
    Archived,
}

impl WorkshopStatus {
    /// Every status.
    pub const ALL: [WorkshopStatus; 4] = [
        WorkshopStatus::Draft,
        WorkshopStatus::Open,
        WorkshopStatus::Closed,
        WorkshopStatus::Archived,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            WorkshopStatus::Draft => "draft",
            WorkshopStatus::Open => "open",
            WorkshopStatus::Closed => "closed",
            WorkshopStatus::Archived => "archived",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<WorkshopStatus> {
        Self::ALL.into_iter().find(|st| st.as_str() == s)
    }

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
}

impl fmt::Display for WorkshopStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One line of text.
    ShortText,
    /// Several lines of text.
    LongText,
    /// One of several options.
    SingleChoice,
    /// Any of several options.
    MultipleChoice,
    /// 1–5, shown as faces with words.
    Scale,
    /// Ja / Nej / Ved ikke.
    YesNo,
}

impl QuestionKind {
    /// Every kind, in the order the builder offers them.
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::ShortText,
        QuestionKind::LongText,
        QuestionKind::SingleChoice,
        QuestionKind::MultipleChoice,
        QuestionKind::Scale,
        QuestionKind::YesNo,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => "long_text",
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::Scale => "scale",
            QuestionKind::YesNo => "yes_no",
        }
    }

    /// Parses the stored form.
    pub fn parse(s: &str) -> Option<QuestionKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Has a list of options.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice
        )
    }

    /// Free text (shown on the theme board).
    pub fn is_text(self) -> bool {
        matches!(self, QuestionKind::ShortText | QuestionKind::LongText)
    }

    /// Locale key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            QuestionKind::ShortText => "kind-short-text",
            QuestionKind::LongText => "kind-long-text",
            QuestionKind::SingleChoice => "kind-single-choice",
            QuestionKind::MultipleChoice => "kind-multiple-choice",
            QuestionKind::Scale => "kind-scale",
            QuestionKind::YesNo => "kind-yes-no",
        }
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

/// Parses the builder's textarea (one option per line) into options, keeping the keys of
/// labels that already existed.
pub fn options_from_lines(text: &str, existing: &[ChoiceOption]) -> Vec<ChoiceOption> {
    let mut next = existing
        .iter()
        .filter_map(|o| o.key.strip_prefix('o').and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    let mut out: Vec<ChoiceOption> = Vec::new();
    for label in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
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
        out.push(ChoiceOption {
            key,
            label: label.chars().take(200).collect(),
        });
    }
    out
}

/// A title: 1–200 characters, no control characters.
pub fn parse_title(input: &str) -> Option<String> {
    let t = input.trim();
    let n = t.chars().count();
    ((1..=200).contains(&n) && !t.chars().any(char::is_control)).then(|| t.to_owned())
}

/// Free text a facilitator writes (intro, help): at most `max` characters, no control
/// characters except line breaks and tabs; `\r\n` becomes `\n`.
pub fn parse_text(input: &str, max: usize) -> Option<String> {
    let t = input.replace("\r\n", "\n").replace('\r', "\n");
    let t = t.trim();
    (t.chars().count() <= max && !t.chars().any(|c| c.is_control() && c != '\n' && c != '\t'))
        .then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_accept_what_people_type() {
        assert_eq!(
            JoinCode::parse("4821 0937").map(|c| c.0),
            Some("48210937".into())
        );
        assert_eq!(
            JoinCode::parse("4821-0937").map(|c| c.grouped()),
            Some("4821 0937".into())
        );
        for bad in [
            "",
            "4821093",
            "482109371",
            "4821O937",
            "abcd efgh",
            "٤٨٢١٠٩٣٧",
        ] {
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
    fn options_keep_their_keys_when_edited() {
        let first = options_from_lines("Ja\n\n Nej \nJa\n", &[]);
        assert_eq!(
            first,
            vec![
                ChoiceOption {
                    key: "o1".into(),
                    label: "Ja".into()
                },
                ChoiceOption {
                    key: "o2".into(),
                    label: "Nej".into()
                },
            ]
        );
        let second = options_from_lines("Nej\nMåske\nJa", &first);
        let keys: Vec<_> = second
            .iter()
            .map(|o| (o.key.as_str(), o.label.as_str()))
            .collect();
        assert_eq!(keys, [("o2", "Nej"), ("o3", "Måske"), ("o1", "Ja")]);
    }

    #[test]
    fn texts_are_checked() {
        assert_eq!(parse_text("a\r\nb", 10).as_deref(), Some("a\nb"));
        assert!(parse_text("a\u{0}b", 10).is_none());
        assert!(parse_text("abc", 2).is_none());
        assert!(parse_title("  ").is_none());
    }
}
