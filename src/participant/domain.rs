//! Parsed answers. A value of these types has passed every rule: length, characters, options.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::survey::domain::{ChoiceOption, QuestionKind};

/// The most characters one answer may have.
pub const MAX_ANSWER_CHARS: usize = 5000;

/// Free text from a participant or a facilitator: cleaned with [`crate::text::clean_typed`]
/// (line breaks folded, reordering controls and noncharacters removed, whitespace and
/// invisible characters trimmed, so only invisible characters is empty), at most
/// [`MAX_ANSWER_CHARS`] characters, no control characters but line breaks and tabs. HTML is
/// kept as typed: it is text, and every page escapes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerText(String);

/// Why a text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// Longer than the cap.
    TooLong,
    /// Holds NUL or another control character.
    ControlCharacters,
}

impl AnswerText {
    /// Parses; an empty result is allowed here (the caller decides whether it may be empty).
    pub fn parse(input: &str) -> Result<AnswerText, TextProblem> {
        let text = crate::text::clean_typed(input);
        if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(TextProblem::ControlCharacters);
        }
        if text.chars().count() > MAX_ANSWER_CHARS {
            return Err(TextProblem::TooLong);
        }
        Ok(AnswerText(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Empty after trimming.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Ja / Nej / Ved ikke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YesNo {
    /// Ja.
    Yes,
    /// Nej.
    No,
    /// Ved ikke.
    DontKnow,
}

impl YesNo {
    /// Every answer in display order.
    pub const ALL: [YesNo; 3] = [YesNo::Yes, YesNo::No, YesNo::DontKnow];

    /// Stored and posted form.
    pub fn as_str(self) -> &'static str {
        match self {
            YesNo::Yes => "yes",
            YesNo::No => "no",
            YesNo::DontKnow => "dont_know",
        }
    }

    /// Locale key.
    pub fn label_key(self) -> &'static str {
        match self {
            YesNo::Yes => "answer-yes",
            YesNo::No => "answer-no",
            YesNo::DontKnow => "answer-dont-know",
        }
    }

    fn parse(s: &str) -> Option<YesNo> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The stored form of a choice answer (JSON in `answers.value`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceValue {
    /// Option keys.
    pub choices: Vec<String>,
    /// "Andet: …" text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

/// The keys a stored closed answer counts under in a tally: the scale step, the yes/no value,
/// the chosen options and [`OTHER_KEY`] for "Andet". Nothing for text, declined or unreadable
/// answers.
pub fn tally_keys(kind: crate::survey::QuestionKind, value: &str) -> Vec<String> {
    use crate::survey::QuestionKind;
    match kind {
        QuestionKind::Scale | QuestionKind::YesNo if !value.is_empty() => vec![value.to_owned()],
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            match serde_json::from_str::<ChoiceValue>(value) {
                Ok(v) => {
                    let mut keys = v.choices;
                    if v.other.is_some() && !keys.iter().any(|k| k == OTHER_KEY) {
                        keys.push(OTHER_KEY.to_owned());
                    }
                    keys
                }
                Err(_) => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

/// A checked answer, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    /// Text kinds.
    Text(AnswerText),
    /// Choice kinds.
    Choice(ChoiceValue),
    /// 1–5.
    Scale(u8),
    /// Ja / Nej / Ved ikke.
    YesNo(YesNo),
    /// "Vil ikke svare".
    Declined,
    /// An optional question left blank.
    Blank,
}

impl AnswerValue {
    /// `(value, declined)` as stored.
    pub fn to_storage(&self) -> (String, bool) {
        match self {
            AnswerValue::Text(t) => (t.as_str().to_owned(), false),
            AnswerValue::Choice(c) => (serde_json::to_string(c).unwrap_or_default(), false),
            AnswerValue::Scale(n) => (n.to_string(), false),
            AnswerValue::YesNo(v) => (v.as_str().to_owned(), false),
            AnswerValue::Declined => (String::new(), true),
            AnswerValue::Blank => (String::new(), false),
        }
    }
}

/// What a participant posted for one question.
#[derive(Debug, Default, Deserialize)]
pub struct AnswerInput {
    /// Text, scale number or yes/no value.
    #[serde(default)]
    pub answer: Option<String>,
    /// Chosen option keys (repeated field).
    #[serde(default)]
    pub choice: Vec<String>,
    /// "Andet" text.
    #[serde(default)]
    pub other: Option<String>,
}

/// The key of the "Andet" choice in forms.
pub const OTHER_KEY: &str = "other";

/// Why an answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    /// Required, and nothing was given: 422, ask again.
    Missing,
    /// "Andet" chosen without saying what: 422.
    OtherMissing,
    /// One option chosen and words typed under "Andet" on a single-choice question: 422, the
    /// person says which they meant (both stay in the form).
    OtherConflict,
    /// Too long or bad characters: 422 with the text kept.
    Text(TextProblem),
    /// A value no form of ours can send (unknown option, scale 9): 400.
    Tampered,
}

impl AnswerProblem {
    /// The locale key of the message for a problem the person can fix; None for a value no
    /// form of ours sends (answered with 400).
    pub fn message_key(self) -> Option<&'static str> {
        Some(match self {
            AnswerProblem::Missing => "answer-error-missing",
            AnswerProblem::OtherMissing => "answer-error-other",
            AnswerProblem::OtherConflict => "answer-error-other-conflict",
            AnswerProblem::Text(TextProblem::TooLong) => "answer-error-too-long",
            AnswerProblem::Text(TextProblem::ControlCharacters) => "answer-error-characters",
            AnswerProblem::Tampered => return None,
        })
    }

    /// The message in `lang`, or 400 for a tampered value.
    pub fn message(self, lang: crate::i18n::Lang) -> Result<String, crate::error::AppError> {
        self.message_key()
            .map(|key| lang.t(key))
            .ok_or(crate::error::AppError::BadRequest("impossible answer"))
    }
}

/// The rules of one question.
pub struct QuestionRules<'a> {
    /// Kind.
    pub kind: QuestionKind,
    /// Options of choice kinds.
    pub options: &'a [ChoiceOption],
    /// "Andet" offered.
    pub allow_other: bool,
    /// Must be answered (or declined).
    pub required: bool,
}

impl QuestionRules<'_> {
    /// Nothing given: a problem when required, else a blank answer.
    fn blank(&self) -> Result<AnswerValue, AnswerProblem> {
        if self.required {
            Err(AnswerProblem::Missing)
        } else {
            Ok(AnswerValue::Blank)
        }
    }
}

/// Checks a posted answer against its question.
pub fn parse_answer(
    rules: &QuestionRules<'_>, input: &AnswerInput,
) -> Result<AnswerValue, AnswerProblem> {
    let raw = input.answer.as_deref().unwrap_or("");
    match rules.kind {
        QuestionKind::ShortText | QuestionKind::LongText => {
            let text = AnswerText::parse(raw).map_err(AnswerProblem::Text)?;
            if text.is_empty() {
                return rules.blank();
            }
            Ok(AnswerValue::Text(text))
        }
        QuestionKind::Scale => match raw.trim() {
            "" => rules.blank(),
            v => match v.parse::<u8>() {
                Ok(n @ 1..=5) => Ok(AnswerValue::Scale(n)),
                _ => Err(AnswerProblem::Tampered),
            },
        },
        QuestionKind::YesNo => match raw.trim() {
            "" => rules.blank(),
            v => YesNo::parse(v).map(AnswerValue::YesNo).ok_or(AnswerProblem::Tampered),
        },
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => choice(rules, input, raw),
    }
}

/// A choice answer. Words typed under "Andet" always count: with nothing else picked they are
/// the answer (as if "Andet" were ticked); next to ticked boxes they are one more; next to
/// another single choice the person is asked which they meant, with both kept in the form.
fn choice(
    rules: &QuestionRules<'_>, input: &AnswerInput, raw: &str,
) -> Result<AnswerValue, AnswerProblem> {
    let single = rules.kind == QuestionKind::SingleChoice;
    let mut picked: Vec<&str> = input.choice.iter().map(String::as_str).collect();
    // Radio buttons post `answer`; checkboxes post repeated `choice`.
    if !raw.is_empty() {
        picked.push(raw);
    }
    picked.sort_unstable();
    picked.dedup();
    if single && picked.len() > 1 {
        return Err(AnswerProblem::Tampered);
    }
    let ticked_other = picked.contains(&OTHER_KEY);
    let typed = AnswerText::parse(input.other.as_deref().unwrap_or(""));
    if !rules.allow_other {
        // No form of ours shows "Andet" then: anything posted for it was not typed by anyone.
        if ticked_other || typed.as_ref().map_or(true, |t| !t.is_empty()) {
            return Err(AnswerProblem::Tampered);
        }
    }
    let typed = typed.map_err(AnswerProblem::Text)?;
    let keys: Vec<String> =
        picked.iter().filter(|k| **k != OTHER_KEY).map(|k| (*k).to_owned()).collect();
    if keys.iter().any(|k| !rules.options.iter().any(|o| &o.key == k)) {
        return Err(AnswerProblem::Tampered);
    }
    if single && !keys.is_empty() && !typed.is_empty() {
        return Err(AnswerProblem::OtherConflict);
    }
    if ticked_other && typed.is_empty() {
        return Err(AnswerProblem::OtherMissing);
    }
    let other = (!typed.is_empty()).then(|| typed.as_str().to_owned());
    if keys.is_empty() && other.is_none() {
        return rules.blank();
    }
    // Keep the question's option order, not the order of the form fields.
    let choices =
        rules.options.iter().filter(|o| keys.contains(&o.key)).map(|o| o.key.clone()).collect();
    Ok(AnswerValue::Choice(ChoiceValue { choices, other }))
}

crate::text_enum! {
    /// How an answer was made: the participant typed it ("self"); the participant said it and
    /// a facilitator wrote it down ("scribe"); or the question was read aloud and a facilitator
    /// typed the answer ("read_aloud").
    pub enum EnteredBy labelled "entered" { Participant = "self", Scribe = "scribe", ReadAloud = "read_aloud", }
}

/// A token our forms carry: `N` random bytes as URL-safe base64 when made, and when posted
/// back at least `N` and at most 64 such characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormToken<const N: usize>(String);

/// The key of one answer form: a resent form carries the same key, so the answer is stored
/// once.
pub type SubmissionKey = FormToken<16>;

/// The start form's token: it becomes the participant's secret, so a double tap on "Ja" finds
/// the same participant.
pub type StartToken = FormToken<32>;

impl<const N: usize> FormToken<N> {
    /// Checks the shape of a posted token.
    pub fn parse(input: &str) -> Option<Self> {
        let ok = (N..=64).contains(&input.len())
            && input.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| FormToken(input.to_owned()))
    }

    /// A fresh token for a new form.
    pub fn generate() -> Self {
        FormToken(crate::crypto::random_token(N))
    }

    /// A key derived from this one for part `n` of the same form (one per answer).
    pub fn part(&self, n: impl std::fmt::Display) -> String {
        format!("{}:{n}", self.0)
    }

    /// The token.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The token as an owned string (for a cookie).
    pub fn into_string(self) -> String {
        self.0
    }
}

crate::text_enum! {
    /// Where a participant comes from: their own phone, a facilitator who entered their
    /// answers, or one line of pasted flipchart notes.
    pub enum Source { Phone = "phone", Assisted = "assisted", Flipchart = "flipchart", }
}

/// Crockford's base32: no I, L, O, U, so codes read aloud and typed survive.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The participant's withdrawal code, derived from their secret token, so the thank-you page can
/// show it again while the phone keeps its cookie, and the server stores only its hash.
/// 8 characters (40 bits), shown as "K7QM-2XPD".
pub fn withdrawal_code(participant_token: &str) -> String {
    let digest = Sha256::digest(format!("withdraw:{participant_token}").as_bytes());
    let mut bits: u64 = 0;
    for b in &digest[..5] {
        bits = (bits << 8) | u64::from(*b);
    }
    let chars: String =
        (0..8).rev().map(|i| CROCKFORD[((bits >> (i * 5)) & 31) as usize] as char).collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

/// Normalises a typed withdrawal code ("k7qm 2xpd", "K7QM-2XPO") to its canonical form.
pub fn normalise_withdrawal_code(input: &str) -> Option<String> {
    let chars: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    (chars.len() == 8 && chars.bytes().all(|b| CROCKFORD.contains(&b)))
        .then(|| format!("{}-{}", &chars[..4], &chars[4..]))
}

#[cfg(test)]
#[path = "domain_tests.rs"]
mod tests;

/// Who a facilitator enters answers for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    /// Someone not numbered yet: they get the next number.
    New,
    /// "Deltager n".
    Numbered(i32),
}

impl Person {
    /// `new` (or nothing) or a number from 1 to 10,000; `None` for anything else.
    pub fn parse(value: Option<&str>) -> Option<Person> {
        match value.unwrap_or("new") {
            "new" | "" => Some(Person::New),
            n => n.parse::<i32>().ok().filter(|n| (1..=10_000).contains(n)).map(Person::Numbered),
        }
    }
}

/// The assisted-entry page's `?person=new` or `?person=4`.
#[derive(Debug, Default, Deserialize)]
pub struct PersonChoice {
    /// As asked for.
    pub person: Option<String>,
}
