//! Tests of the parsed answers (`domain.rs`).

use super::*;

fn opts() -> Vec<ChoiceOption> {
    vec![
        ChoiceOption { key: "o1".into(), label: "Ja".into() },
        ChoiceOption { key: "o2".into(), label: "Nej".into() },
    ]
}

fn rules(kind: QuestionKind, options: &[ChoiceOption], required: bool) -> QuestionRules<'_> {
    QuestionRules { kind, options, allow_other: true, required }
}

fn text(s: &str) -> AnswerInput {
    AnswerInput { answer: Some(s.into()), ..AnswerInput::default() }
}

#[test]
fn text_answers_are_checked_and_kept_literally() {
    let r = rules(QuestionKind::LongText, &[], true);
    assert_eq!(
        parse_answer(&r, &text("  <b>hej</b>\r\nigen ")),
        Ok(AnswerValue::Text(AnswerText("<b>hej</b>\nigen".into())))
    );
    assert_eq!(parse_answer(&r, &text("   ")), Err(AnswerProblem::Missing));
    assert_eq!(
        parse_answer(&r, &text("a\u{0}b")),
        Err(AnswerProblem::Text(TextProblem::ControlCharacters))
    );
    assert_eq!(
        parse_answer(&r, &text("a\u{1b}[31m")),
        Err(AnswerProblem::Text(TextProblem::ControlCharacters))
    );
    let exactly = "æ".repeat(MAX_ANSWER_CHARS);
    assert!(parse_answer(&r, &text(&exactly)).is_ok(), "counted in characters, not bytes");
    assert_eq!(
        parse_answer(&r, &text(&(exactly + "x"))),
        Err(AnswerProblem::Text(TextProblem::TooLong))
    );
    let optional = rules(QuestionKind::ShortText, &[], false);
    assert_eq!(parse_answer(&optional, &text("")), Ok(AnswerValue::Blank));
}

#[test]
fn choices_must_be_real_options() {
    let o = opts();
    let single = rules(QuestionKind::SingleChoice, &o, true);
    assert_eq!(
        parse_answer(&single, &text("o2")),
        Ok(AnswerValue::Choice(ChoiceValue { choices: vec!["o2".into()], other: None }))
    );
    assert_eq!(parse_answer(&single, &text("o9")), Err(AnswerProblem::Tampered));
    let other = AnswerInput {
        answer: Some("other".into()),
        other: Some(" ".into()),
        ..AnswerInput::default()
    };
    assert_eq!(parse_answer(&single, &other), Err(AnswerProblem::OtherMissing));
    let multi = rules(QuestionKind::MultipleChoice, &o, false);
    let input = AnswerInput {
        choice: vec!["o2".into(), "o1".into(), "o2".into()],
        ..AnswerInput::default()
    };
    let stored = parse_answer(&multi, &input).map(|v| v.to_storage().0);
    assert_eq!(stored.as_deref(), Ok(r#"{"choices":["o1","o2"]}"#));
    let two = AnswerInput {
        answer: Some("o1".into()),
        choice: vec!["o2".into()],
        ..AnswerInput::default()
    };
    assert_eq!(parse_answer(&single, &two), Err(AnswerProblem::Tampered));
}

fn with_other(answer: Option<&str>, choice: &[&str], other: &str) -> AnswerInput {
    AnswerInput {
        answer: answer.map(str::to_owned),
        choice: choice.iter().map(|c| (*c).to_owned()).collect(),
        other: Some(other.to_owned()),
    }
}

fn stored(r: &QuestionRules<'_>, input: &AnswerInput) -> Result<String, AnswerProblem> {
    parse_answer(r, input).map(|v| v.to_storage().0)
}

#[test]
fn words_typed_under_andet_are_never_dropped() {
    let o = opts();
    let multi = rules(QuestionKind::MultipleChoice, &o, false);
    // Typed, but the Andet box was not ticked: it counts as Andet, next to the ticked ones.
    assert_eq!(
        stored(&multi, &with_other(None, &["o2"], " I en bil ")).as_deref(),
        Ok(r#"{"choices":["o2"],"other":"I en bil"}"#)
    );
    assert_eq!(
        stored(&multi, &with_other(None, &[], "I en bil")).as_deref(),
        Ok(r#"{"choices":[],"other":"I en bil"}"#)
    );
    let single = rules(QuestionKind::SingleChoice, &o, true);
    // Nothing picked, words typed: the answer is "Andet: …".
    assert_eq!(
        stored(&single, &with_other(None, &[], "Hos min søster")).as_deref(),
        Ok(r#"{"choices":[],"other":"Hos min søster"}"#)
    );
    // Another option picked and words typed: ask which was meant.
    assert_eq!(
        parse_answer(&single, &with_other(Some("o1"), &[], "Hos min søster")),
        Err(AnswerProblem::OtherConflict)
    );
    assert_eq!(
        stored(&single, &with_other(Some("other"), &[], "Hos min søster")).as_deref(),
        Ok(r#"{"choices":[],"other":"Hos min søster"}"#)
    );
    // Andet picked, nothing typed (or only invisible characters): still asked for.
    for empty in ["", " \u{200B} "] {
        assert_eq!(
            parse_answer(&single, &with_other(Some("other"), &[], empty)),
            Err(AnswerProblem::OtherMissing)
        );
    }
    // Blank Andet text next to a pick is no conflict.
    assert_eq!(
        stored(&single, &with_other(Some("o1"), &[], "\u{FEFF}")).as_deref(),
        Ok(r#"{"choices":["o1"]}"#)
    );
    // A question without Andet has no field for it: posting one is not our form.
    let closed =
        QuestionRules { allow_other: false, ..rules(QuestionKind::MultipleChoice, &o, false) };
    assert_eq!(
        parse_answer(&closed, &with_other(None, &["o1"], "x")),
        Err(AnswerProblem::Tampered)
    );
    assert_eq!(
        stored(&closed, &with_other(None, &["o1"], "")).as_deref(),
        Ok(r#"{"choices":["o1"]}"#)
    );
}

#[test]
fn invisible_and_reordering_characters() {
    let required = rules(QuestionKind::LongText, &[], true);
    for blank in
        ["\u{200B}", "\u{200C}\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{3000}\u{00A0}"]
    {
        assert_eq!(parse_answer(&required, &text(blank)), Err(AnswerProblem::Missing), "{blank:?}");
    }
    let optional = rules(QuestionKind::ShortText, &[], false);
    assert_eq!(parse_answer(&optional, &text("\u{200B}\u{FEFF}")), Ok(AnswerValue::Blank));
    assert_eq!(stored(&required, &text("a\u{202E}b\u{2066}c\u{FFFF}")).as_deref(), Ok("abc"));
}

#[test]
fn scales_and_yes_no() {
    let r = rules(QuestionKind::Scale, &[], true);
    assert_eq!(parse_answer(&r, &text("4")), Ok(AnswerValue::Scale(4)));
    assert_eq!(parse_answer(&r, &text("6")), Err(AnswerProblem::Tampered));
    assert_eq!(parse_answer(&r, &text("")), Err(AnswerProblem::Missing));
    let yn = rules(QuestionKind::YesNo, &[], false);
    assert_eq!(parse_answer(&yn, &text("dont_know")), Ok(AnswerValue::YesNo(YesNo::DontKnow)));
    assert_eq!(parse_answer(&yn, &text("maybe")), Err(AnswerProblem::Tampered));
}

#[test]
fn form_tokens_have_our_shape() {
    let key = SubmissionKey::generate();
    assert_eq!(SubmissionKey::parse(key.as_str()), Some(key.clone()));
    assert_eq!(key.part(2), format!("{}:2", key.as_str()));
    for bad in ["", "short", "has space in it!!", &"a".repeat(65)] {
        assert!(SubmissionKey::parse(bad).is_none(), "{bad:?}");
    }
    assert!(StartToken::parse(SubmissionKey::generate().as_str()).is_none(), "too short");
    assert!(StartToken::parse(StartToken::generate().as_str()).is_some());
}

#[test]
fn withdrawal_codes_are_stable_and_forgiving() {
    let code = withdrawal_code("token-1");
    assert_eq!(code, withdrawal_code("token-1"));
    assert_ne!(code, withdrawal_code("token-2"));
    assert_eq!(code.len(), 9);
    let typed = code.to_lowercase().replace('-', " ");
    assert_eq!(normalise_withdrawal_code(&typed), Some(code));
    assert_eq!(normalise_withdrawal_code("OIL0-0000").as_deref(), Some("0110-0000"));
    assert_eq!(normalise_withdrawal_code("short"), None);
}
