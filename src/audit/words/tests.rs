//! Every action reads as a whole sentence in both languages, with its things found or gone.

use chrono::NaiveDate;

use super::super::store::names::{Named, Names, Thing};
use super::super::{names as detail_names, Action, AuditEvent};
use super::{sentence, CLAUSE_END};
use crate::db::{AuditEventId, UserId};
use crate::i18n::Lang;

/// An event of `action` by user `u1` on `s1`, with a detail like the ones recorded.
fn event(action: Action) -> AuditEvent {
    use Action::*;
    let detail = match action {
        UserInvite | UserRole | UserAddCli => "viewer".to_owned(),
        WorkshopStatus => "open".to_owned(),
        WorkshopTranslate | QuestionTranslate => "en".to_owned(),
        WorkshopAttendance => "12".to_owned(),
        RetentionExtend => "+90 days".to_owned(),
        AnswersDeleted => "3 participant(s)".to_owned(),
        AnswersAssist => "scribe 4".to_owned(),
        AnswersPaste => "5".to_owned(),
        AnswerCorrect | AnswerDelete | QuoteApprove => "Stavefejl".to_owned(),
        ThemeCreate | ThemeDelete | TrackCreate | TopicCreate => "Ensomhed".to_owned(),
        ThemeRename => detail_names(&[("from", "Ensomhed"), ("to", "Alene")]),
        ThemeMerge => detail_names(&[("from", "Ensomhed"), ("into", "Fællesskab")]),
        ThemeAssign => "add 3 answer(s)".to_owned(),
        BoardUndo => "merge Ensomhed → Fællesskab".to_owned(),
        KeyPointMove | ThemeMove | QuestionMove => "up".to_owned(),
        KeyPointDelete | QuoteDelete => detail_names(&[("topic", "t1")]),
        SuggestionAccept => "guided: 12 answer(s) at 80 % or more".to_owned(),
        SuggestionReject => "3f2a".to_owned(),
        Export => "topic docx".to_owned(),
        MailSent | MailFailed | MailTest => "a@example.dk, b@example.dk".to_owned(),
        SettingsChange => "retention_months, smtp_url".to_owned(),
        WallTimer => "10 min".to_owned(),
        WallCard => "shown".to_owned(),
        RoundOpen => "vote over 5 items".to_owned(),
        RoundHands => "3/2/1".to_owned(),
        _ => String::new(),
    };
    AuditEvent {
        id: AuditEventId::generate(),
        user_id: UserId::parse("u1"),
        action,
        subject: "s1".to_owned(),
        detail,
        at: NaiveDate::from_ymd_opt(2026, 12, 1)
            .and_then(|d| d.and_hms_opt(14, 3, 0))
            .unwrap_or_default(),
    }
}

/// Every thing found: `s1` as each kind, the topic `t1`, the acting user `u1`.
fn everything() -> Names {
    let mut names = Names::default();
    let found = |name: &str, place: &str| Named { name: name.to_owned(), place: place.to_owned() };
    for thing in [
        Thing::User,
        Thing::Track,
        Thing::Topic,
        Thing::Workshop,
        Thing::Question,
        Thing::Theme,
        Thing::KeyPoint,
        Thing::Quote,
        Thing::Answer,
        Thing::Participant,
        Thing::Round,
        Thing::RoundItem,
        Thing::UndoStep,
    ] {
        names.insert(thing, "s1", found("Bo Bolig", "Den rette boligløsning"));
    }
    names.insert(Thing::Topic, "t1", found("Fra bolig til hjem", ""));
    names.insert(Thing::User, "u1", found("Anna Jensen", ""));
    names
}

/// A sentence reads whole: no key, no Fluent brace, no marker; a capital first, a full stop last.
fn assert_whole(text: &str, what: &str) {
    assert!(
        !text.contains("audit-") && !text.contains('{') && !text.contains('}'),
        "{what}: {text}"
    );
    assert!(!text.contains(CLAUSE_END), "{what}: marker left in {text:?}");
    assert!(text.chars().next().is_some_and(char::is_uppercase), "{what}: {text}");
    assert!(text.ends_with('.'), "{what}: {text}");
}

#[test]
fn every_action_reads_as_a_sentence_in_both_languages() {
    for names in [everything(), Names::default()] {
        for action in Action::ALL {
            let e = event(*action);
            let (da, en) = (sentence(Lang::Da, &e, &names), sentence(Lang::En, &e, &names));
            assert_whole(&da, action.as_str());
            assert_whole(&en, action.as_str());
            assert_ne!(da, en, "{action}: the English is written");
        }
    }
}

#[test]
fn names_are_used_and_gone_things_said_so() {
    let names = everything();
    let say = |action, names: &Names| sentence(Lang::Da, &event(action), names);
    assert_eq!(
        say(Action::ThemeMerge, &names),
        "Anna Jensen slog emnet «Ensomhed» sammen med «Fællesskab»."
    );
    assert_eq!(
        say(Action::ThemeRename, &names),
        "Anna Jensen omdøbte emnet «Ensomhed» til «Alene»."
    );
    assert_eq!(
        say(Action::AnswersPaste, &names),
        "Anna Jensen satte 5 udsagn fra flipover ind under spørgsmålet «Bo Bolig» i workshoppen \
         «Den rette boligløsning»."
    );
    assert_eq!(
        say(Action::KeyPointDelete, &names),
        "Anna Jensen slettede en hovedpointe i temaet «Fra bolig til hjem»."
    );
    let gone = Names::default();
    // Danish closes the clause when the sentence goes on, and not at its end.
    assert_eq!(
        say(Action::Export, &gone),
        "En bruger, der siden er slettet, hentede et tema, der siden er slettet, som en Word-fil."
    );
    assert_eq!(
        sentence(Lang::En, &event(Action::Export), &gone),
        "A user who has since been deleted downloaded a topic that has since been deleted as a \
         Word file."
    );
    assert_eq!(
        say(Action::WallLink, &gone),
        "En bruger, der siden er slettet, lavede et nyt link til væggen for en workshop, der \
         siden er slettet."
    );
    // A merge recorded before details named things: the ids, looked up.
    let mut old = event(Action::ThemeMerge);
    old.detail = "into1".to_owned();
    let mut names = Names::default();
    names.insert(Thing::Theme, "into1", Named { name: "Fællesskab".into(), place: String::new() });
    assert_eq!(
        sentence(Lang::Da, &old, &names),
        "En bruger, der siden er slettet, slog et emne, der siden er slettet, sammen med \
         «Fællesskab»."
    );
}

#[test]
fn a_settings_change_names_the_settings_as_the_page_does() {
    let mut e = event(Action::SettingsChange);
    e.detail = "organisation, audit_months, a_newer_setting".to_owned();
    assert_eq!(
        sentence(Lang::Da, &e, &everything()),
        "Anna Jensen ændrede indstillingerne: organisationens navn, måneder loggen gemmes, \
         a_newer_setting."
    );
}
