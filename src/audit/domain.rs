//! What the audit page can be asked for: kinds of events in words (groups of actions, as
//! people think of them) and the filters the page and its CSV share.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::Action;
use crate::db::UserId;

crate::text_enum! {
    /// A kind of event, as the page's filter offers it.
    pub enum Group labelled "audit-group" {
        Accounts = "accounts", Survey = "survey", Answers = "answers", Themes = "themes",
        Room = "room", Export = "export", Settings = "settings",
    }
}

impl Group {
    /// The group an action belongs to. The match has no catch-all, so a new action cannot be
    /// added without choosing where the filter shows it.
    pub fn of(action: Action) -> Group {
        use Action::*;
        match action {
            Login | Logout | Activate | UserInvite | UserReinvite | UserRole | UserDisable
            | UserEnable | UserAddCli | PasswordResetAsk | PasswordReset | SecondFactorEnable
            | SecondFactorReset | RecoveryCodeUsed | RecoveryCodesNew => Group::Accounts,
            TrackCreate | TrackUpdate | TopicCreate | TopicUpdate | WorkshopCreate
            | WorkshopUpdate | WorkshopStatus | WorkshopTranslate | WorkshopAttendance
            | RetentionExtend | QuestionCreate | QuestionUpdate | QuestionMove | QuestionDelete
            | QuestionTranslate => Group::Survey,
            AnswersAssist | AnswersPaste | AnswerCorrect | AnswerDelete | AnswersRead
            | AnswersDeleted => Group::Answers,
            ThemeCreate | ThemeRename | ThemeMove | ThemeDelete | ThemeMerge | ThemeAssign
            | BoardUndo | KeyPointCreate | KeyPointUpdate | KeyPointMove | KeyPointDelete
            | QuoteCreate | QuoteUpdate | QuoteApprove | QuoteUnapprove | QuoteDelete
            | SuggestionAccept | SuggestionReject => Group::Themes,
            WallLink | WallRevoke | WallSettings | WallTimer | WallCard | RoundOpen
            | RoundClose | RoundHands => Group::Room,
            Export | MailSent | MailFailed | MailTest | AuditExport => Group::Export,
            SettingsChange | DemoLoad => Group::Settings,
        }
    }

    /// The actions of the group, for the database's `IN (…)`.
    pub fn actions(self) -> Vec<Action> {
        Action::ALL.iter().copied().filter(|a| Group::of(*a) == self).collect()
    }
}

/// Whose events to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Person {
    /// One staff member's.
    User(UserId),
    /// What nobody did by hand: the hourly purge, the command line.
    System,
}

impl Person {
    /// The value of the person select that chooses nobody in particular.
    pub const SYSTEM: &'static str = "system";

    /// The select's value.
    pub fn value(&self) -> &str {
        match self {
            Person::User(id) => id.as_str(),
            Person::System => Person::SYSTEM,
        }
    }
}

/// The events asked for. Every field narrows; none set is the whole trail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Whose.
    pub person: Option<Person>,
    /// Which kind.
    pub group: Option<Group>,
    /// From this day on (inclusive).
    pub from: Option<NaiveDate>,
    /// Up to and including this day.
    pub to: Option<NaiveDate>,
}

impl Filter {
    /// The first moment shown: the start of `from`.
    pub fn since(&self) -> Option<NaiveDateTime> {
        self.from.map(|d| d.and_time(NaiveTime::MIN))
    }

    /// The first moment no longer shown: the start of the day after `to`.
    pub fn until(&self) -> Option<NaiveDateTime> {
        self.to.and_then(|d| d.succ_opt()).map(|d| d.and_time(NaiveTime::MIN))
    }

    /// The filter as query pairs, for links that keep it (paging, the CSV).
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(p) = &self.person {
            pairs.push(("person", p.value().to_owned()));
        }
        if let Some(g) = self.group {
            pairs.push(("kind", g.as_str().to_owned()));
        }
        if let Some(d) = self.from {
            pairs.push(("from", d.format("%Y-%m-%d").to_string()));
        }
        if let Some(d) = self.to {
            pairs.push(("to", d.format("%Y-%m-%d").to_string()));
        }
        pairs
    }
}

/// A date as typed: `2026-12-01` (what `<input type=date>` sends) or `1.12.2026`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_in_exactly_one_group() {
        let mut all: Vec<Action> = Group::ALL.iter().flat_map(|g| g.actions()).collect();
        all.sort();
        let mut expected = Action::ALL.to_vec();
        expected.sort();
        assert_eq!(all, expected);
    }

    #[test]
    fn dates_bound_whole_days() {
        let d = |s| parse_date(s).expect("date");
        let f =
            Filter { from: Some(d("2026-12-01")), to: Some(d("1.12.2026")), ..Filter::default() };
        assert_eq!(f.since().map(|t| t.to_string()).as_deref(), Some("2026-12-01 00:00:00"));
        assert_eq!(f.until().map(|t| t.to_string()).as_deref(), Some("2026-12-02 00:00:00"));
        assert_eq!(parse_date("i går"), None);
    }
}
