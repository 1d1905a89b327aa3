//! Each event as a sentence in plain words: who did what, to which workshop, topic, theme,
//! question or person, by name ("Anna Jensen slog emnet «Ensomhed» sammen med «Fællesskab»").
//! Names come from the things themselves ([`wanted`] says which to look up for a page), or
//! from the detail when the record kept them; a thing that is gone is said to be deleted.
//! Older records (before details named things) still read well, with fewer names.

use fluent_bundle::FluentValue;

mod phrases;
#[cfg(test)]
mod tests;

use phrases::{lower_first, named, phrase, role_words, tidy, CLAUSE_END};

use super::store::names::{Named, Names, Thing};
use super::{Action, AuditEvent};
use crate::i18n::Lang;

/// The things an event points at: to look up, for a whole page at once, before its sentence
/// is written.
pub(super) fn wanted(e: &AuditEvent) -> Vec<(Thing, String)> {
    use Action::*;
    let subject = |thing: Thing| (thing, e.subject.clone());
    let mut out: Vec<(Thing, String)> =
        e.user_id.iter().map(|u| (Thing::User, u.to_string())).collect();
    out.extend(match e.action {
        Login | Logout | Activate | UserInvite | UserReinvite | UserRole | UserDisable
        | UserEnable | UserAddCli | PasswordResetAsk | PasswordReset | SecondFactorEnable
        | SecondFactorReset | RecoveryCodeUsed | RecoveryCodesNew => vec![subject(Thing::User)],
        TrackCreate | TrackUpdate | DemoLoad => vec![subject(Thing::Track)],
        TopicCreate | TopicUpdate => vec![subject(Thing::Topic)],
        WorkshopCreate => {
            let source =
                e.detail.strip_prefix("copy of ").map(|id| (Thing::Workshop, id.to_owned()));
            std::iter::once(subject(Thing::Workshop)).chain(source).collect()
        }
        WorkshopUpdate | WorkshopStatus | WorkshopTranslate | WorkshopAttendance
        | RetentionExtend | AnswersDeleted | WallLink | WallRevoke | WallSettings | WallTimer
        | RoundClose => vec![subject(Thing::Workshop)],
        QuestionCreate | QuestionUpdate | QuestionMove | QuestionDelete | QuestionTranslate
        | AnswersPaste => vec![subject(Thing::Question)],
        AnswersAssist => vec![subject(Thing::Participant)],
        AnswerCorrect | AnswerDelete | WallCard => vec![subject(Thing::Answer)],
        AnswersRead | SuggestionAccept | SuggestionReject => {
            vec![subject(Thing::Workshop), subject(Thing::Topic), subject(Thing::Theme)]
        }
        ThemeCreate | ThemeRename | ThemeMove | ThemeDelete | ThemeAssign => {
            vec![subject(Thing::Theme)]
        }
        ThemeMerge => {
            let into = field(&e.detail, "into_id").unwrap_or_else(|| e.detail.clone());
            vec![subject(Thing::Theme), (Thing::Theme, into)]
        }
        BoardUndo => vec![subject(Thing::UndoStep)],
        KeyPointCreate | KeyPointUpdate | KeyPointMove => {
            vec![subject(Thing::KeyPoint), subject(Thing::Round)]
        }
        KeyPointDelete | QuoteDelete => {
            field(&e.detail, "topic").map(|t| (Thing::Topic, t)).into_iter().collect()
        }
        QuoteCreate | QuoteUpdate | QuoteApprove | QuoteUnapprove => vec![subject(Thing::Quote)],
        Export => vec![subject(Thing::Workshop), subject(Thing::Topic), subject(Thing::Track)],
        RoundOpen => vec![subject(Thing::Round)],
        RoundHands => vec![subject(Thing::RoundItem)],
        MailSent | MailFailed | MailTest | SettingsChange | AuditExport => Vec::new(),
    });
    out
}

/// One string field of a detail that names things as JSON ([`super::names`]).
pub(super) fn field(detail: &str, key: &str) -> Option<String> {
    if !detail.starts_with('{') {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(detail).ok()?;
    value.get(key)?.as_str().map(str::to_owned)
}

/// Who did it: a name, "the system" for what nobody did by hand, or a deleted account.
pub(super) fn actor(lang: Lang, e: &AuditEvent, names: &Names) -> String {
    tidy(lang, &who(lang, e, names))
}

/// [`actor`], with the end of a clause marked.
fn who(lang: Lang, e: &AuditEvent, names: &Names) -> String {
    match &e.user_id {
        None => lang.t("audit-system"),
        Some(id) => phrase(lang, Thing::User, names.get(Thing::User, id)),
    }
}

/// The event as a sentence, beginning with a capital letter.
pub(super) fn sentence(lang: Lang, e: &AuditEvent, names: &Names) -> String {
    let say = Say { lang, e, names, who: who(lang, e, names) };
    let text = tidy(lang, &say.sentence());
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// What a sentence is written from.
struct Say<'a> {
    lang: Lang,
    e: &'a AuditEvent,
    names: &'a Names,
    who: String,
}

/// A Fluent argument.
type Arg<'a> = (&'a str, FluentValue<'a>);

impl Say<'_> {
    /// The text of `key`, with who did it and `args`.
    /// The settings a change names, as the settings page calls them ("organisationens navn,
    /// måneder loggen gemmes"); a name this version does not know stays as stored.
    fn setting_names(&self, stored: &str) -> String {
        let lower_first = |label: String| {
            let mut chars = label.chars();
            chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
        };
        stored
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .map(|name| match crate::settings::Key::parse(name) {
                Some(key) => lower_first(self.lang.t(key.label_key())),
                None => name.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn t(&self, key: &str, args: &[Arg<'_>]) -> String {
        let mut all: Vec<Arg<'_>> = vec![("who", self.who.as_str().into())];
        all.extend(args.iter().cloned());
        self.lang.t_args(key, &all)
    }

    /// `key` said about `thing` (a noun phrase).
    fn about(&self, key: &str, thing: String) -> String {
        self.t(key, &[("thing", thing.into())])
    }

    /// The thing `id` of kind `thing` as a noun phrase, or the words for one that is gone.
    fn thing(&self, thing: Thing, id: &str) -> String {
        phrase(self.lang, thing, self.names.get(thing, id))
    }

    /// The event's subject as a `thing`.
    fn subject(&self, thing: Thing) -> String {
        self.thing(thing, &self.e.subject)
    }

    /// The subject named as the record named it (`name`, e.g. the title saved), else as it is
    /// now, else as gone.
    fn titled(&self, thing: Thing, name: &str) -> String {
        if name.is_empty() {
            return self.subject(thing);
        }
        named(self.lang, thing, name)
    }

    /// The first of `things` the subject is found as (an id names one kind of thing only).
    fn found_as(&self, things: &[Thing]) -> Option<(Thing, &Named)> {
        things.iter().find_map(|t| self.names.get(*t, &self.e.subject).map(|n| (*t, n)))
    }

    fn sentence(&self) -> String {
        use Action::*;
        let (lang, d) = (self.lang, self.e.detail.as_str());
        let user = || self.subject(Thing::User);
        let number = |text: &str| -> i64 {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            digits.parse().unwrap_or(0)
        };
        match self.e.action {
            Login => self.t("audit-ev-login", &[("user", user().into())]),
            Logout => self.t("audit-ev-logout", &[("user", user().into())]),
            Activate => self.t("audit-ev-activate", &[("user", user().into())]),
            PasswordResetAsk => self.t("audit-ev-reset-ask", &[("user", user().into())]),
            PasswordReset => self.t("audit-ev-reset", &[("user", user().into())]),
            SecondFactorEnable => self.t("audit-ev-2fa-enable", &[("user", user().into())]),
            SecondFactorReset => self.t("audit-ev-2fa-reset", &[("user", user().into())]),
            RecoveryCodeUsed => self.t("audit-ev-2fa-recovery", &[("user", user().into())]),
            RecoveryCodesNew => self.t("audit-ev-2fa-codes", &[("user", user().into())]),
            UserReinvite => self.t("audit-ev-user-reinvite", &[("user", user().into())]),
            UserDisable => self.t("audit-ev-user-disable", &[("user", user().into())]),
            UserEnable => self.t("audit-ev-user-enable", &[("user", user().into())]),
            UserInvite | UserRole | UserAddCli => {
                let key = match self.e.action {
                    UserInvite => "audit-ev-user-invite",
                    UserRole => "audit-ev-user-role",
                    _ => "audit-ev-user-add-cli",
                };
                self.t(key, &[("user", user().into()), ("role", role_words(lang, d).into())])
            }
            TrackCreate => self.about("audit-ev-create", self.titled(Thing::Track, d)),
            TrackUpdate => self.about("audit-ev-update", self.titled(Thing::Track, d)),
            TopicCreate => self.about("audit-ev-create", self.titled(Thing::Topic, d)),
            TopicUpdate => self.about("audit-ev-update", self.titled(Thing::Topic, d)),
            WorkshopCreate => match d.strip_prefix("copy of ") {
                Some(source) => self.t(
                    "audit-ev-workshop-copy",
                    &[
                        ("thing", self.subject(Thing::Workshop).into()),
                        ("source", self.thing(Thing::Workshop, source).into()),
                    ],
                ),
                None => self.about("audit-ev-create", self.titled(Thing::Workshop, d)),
            },
            WorkshopUpdate => self.about("audit-ev-update", self.titled(Thing::Workshop, d)),
            WorkshopStatus => {
                let key = match d {
                    "open" => "audit-ev-workshop-open",
                    "closed" => "audit-ev-workshop-closed",
                    "draft" => "audit-ev-workshop-draft",
                    _ => "audit-ev-workshop-archived",
                };
                self.about(key, self.subject(Thing::Workshop))
            }
            WorkshopTranslate | QuestionTranslate => {
                let thing = match self.e.action {
                    WorkshopTranslate => Thing::Workshop,
                    _ => Thing::Question,
                };
                let language = match d {
                    "en" => lang.t("audit-language-en"),
                    other => other.to_owned(),
                };
                let args = [("thing", self.subject(thing).into()), ("language", language.into())];
                self.t("audit-ev-translate", &args)
            }
            WorkshopAttendance => self.t(
                "audit-ev-attendance",
                &[("thing", self.subject(Thing::Workshop).into()), ("count", number(d).into())],
            ),
            RetentionExtend => self.t(
                "audit-ev-retention",
                &[("thing", self.subject(Thing::Workshop).into()), ("days", number(d).into())],
            ),
            AnswersDeleted => self.t(
                "audit-ev-answers-deleted",
                &[("thing", self.subject(Thing::Workshop).into()), ("people", number(d).into())],
            ),
            QuestionCreate => self.about("audit-ev-question-create", self.subject(Thing::Question)),
            QuestionUpdate => self.about("audit-ev-update", self.subject(Thing::Question)),
            QuestionMove => self.moved(d, self.subject(Thing::Question)),
            QuestionDelete => {
                let thing = match d {
                    "" => lang.t("audit-a-question"),
                    prompt => named(lang, Thing::Question, prompt),
                };
                self.about("audit-ev-delete", thing)
            }
            AnswersAssist => {
                let how = d.split(' ').next().unwrap_or_default();
                let how = match how {
                    "self" | "scribe" | "read_aloud" => {
                        lower_first(&lang.t(&format!("entered-{how}")))
                    }
                    other => other.to_owned(),
                };
                let args =
                    [("thing", self.subject(Thing::Participant).into()), ("how", how.into())];
                self.t("audit-ev-assist", &args)
            }
            AnswersPaste => self.t(
                "audit-ev-paste",
                &[("thing", self.subject(Thing::Question).into()), ("count", number(d).into())],
            ),
            AnswerCorrect => self.t(
                "audit-ev-answer-correct",
                &[("thing", self.subject(Thing::Answer).into()), ("reason", d.into())],
            ),
            AnswerDelete => self.t("audit-ev-answer-delete", &[("reason", d.into())]),
            AnswersRead => {
                let place = match self.found_as(&[Thing::Workshop, Thing::Topic]) {
                    Some((thing, n)) => phrase(lang, thing, Some(n)),
                    None => format!("{}{CLAUSE_END}", lang.t("audit-gone-place")),
                };
                self.about("audit-ev-answers-read", place)
            }
            ThemeCreate => self.about("audit-ev-create", self.titled(Thing::Theme, d)),
            ThemeRename => match (field(d, "from"), field(d, "to")) {
                (Some(from), Some(to)) if from != to => {
                    self.t("audit-ev-theme-rename", &[("from", from.into()), ("to", to.into())])
                }
                (_, Some(to)) => self.about("audit-ev-update", named(lang, Thing::Theme, &to)),
                _ => self.about("audit-ev-update", self.titled(Thing::Theme, d)),
            },
            ThemeMove => self.moved(d, self.subject(Thing::Theme)),
            ThemeDelete => {
                let thing = match d {
                    "" => lang.t("audit-a-theme"),
                    title => named(lang, Thing::Theme, title),
                };
                self.about("audit-ev-delete", thing)
            }
            ThemeMerge => self.merge(d),
            ThemeAssign => {
                let mut words = d.split(' ');
                let (how, count) = (words.next().unwrap_or_default(), number(d));
                let key = match how {
                    "move" => "audit-ev-assign-move",
                    "remove" => "audit-ev-assign-remove",
                    _ => "audit-ev-assign-add",
                };
                let args = [("thing", self.subject(Thing::Theme).into()), ("count", count.into())];
                self.t(key, &args)
            }
            BoardUndo => {
                let (kind, summary) = d.split_once(' ').unwrap_or((d, ""));
                let step = match kind {
                    "assign" | "move" | "remove" | "new" | "rename" | "delete" | "merge"
                    | "approve" => {
                        lang.t_args(&format!("undo-step-{kind}"), &[("themes", summary.into())])
                    }
                    _ => d.to_owned(),
                };
                let args = [("thing", self.subject(Thing::UndoStep).into()), ("step", step.into())];
                self.t("audit-ev-undo", &args)
            }
            KeyPointCreate => {
                self.about("audit-ev-key-point-create", self.subject(Thing::KeyPoint))
            }
            KeyPointUpdate => self.about("audit-ev-update", self.subject(Thing::KeyPoint)),
            KeyPointMove if d.starts_with("vote order") => {
                self.about("audit-ev-vote-order", self.subject(Thing::Round))
            }
            KeyPointMove => self.moved(d, self.subject(Thing::KeyPoint)),
            KeyPointDelete => {
                self.about("audit-ev-delete", self.deleted_in(d, "audit-a-key-point"))
            }
            QuoteCreate => self.about("audit-ev-quote-create", self.subject(Thing::Quote)),
            QuoteUpdate => self.about("audit-ev-update", self.subject(Thing::Quote)),
            QuoteApprove if d.is_empty() => {
                self.about("audit-ev-quote-approve", self.subject(Thing::Quote))
            }
            QuoteApprove => self.t(
                "audit-ev-quote-approve-why",
                &[("thing", self.subject(Thing::Quote).into()), ("reason", d.into())],
            ),
            QuoteUnapprove => self.about("audit-ev-quote-unapprove", self.subject(Thing::Quote)),
            QuoteDelete => self.about("audit-ev-delete", self.deleted_in(d, "audit-a-quote")),
            SuggestionAccept => self.accepted(d),
            SuggestionReject if d.starts_with("guided: answer ") => {
                self.about("audit-ev-guess-reject", self.subject(Thing::Theme))
            }
            SuggestionReject => {
                self.about("audit-ev-suggestion-reject", self.subject(Thing::Topic))
            }
            Export => self.export(d),
            MailSent | MailFailed => {
                let key = match self.e.action {
                    MailSent => "audit-ev-mail-sent",
                    _ => "audit-ev-mail-failed",
                };
                self.t(key, &[("file", self.e.subject.as_str().into()), ("to", d.into())])
            }
            MailTest => self.t("audit-ev-mail-test", &[("to", d.into())]),
            AuditExport => self.t("audit-ev-audit-export", &[]),
            DemoLoad => self.about("audit-ev-demo", self.subject(Thing::Track)),
            SettingsChange if d.trim().is_empty() => self.t("audit-ev-settings-some", &[]),
            SettingsChange => {
                self.t("audit-ev-settings", &[("names", self.setting_names(d).into())])
            }
            WallLink => self.about("audit-ev-wall-link", self.subject(Thing::Workshop)),
            WallRevoke => self.about("audit-ev-wall-revoke", self.subject(Thing::Workshop)),
            WallSettings => self.about("audit-ev-wall-settings", self.subject(Thing::Workshop)),
            WallTimer if number(d) == 0 => {
                self.about("audit-ev-wall-timer-stop", self.subject(Thing::Workshop))
            }
            WallTimer => self.t(
                "audit-ev-wall-timer",
                &[("thing", self.subject(Thing::Workshop).into()), ("minutes", number(d).into())],
            ),
            WallCard => {
                let key = if d == "shown" { "audit-ev-wall-show" } else { "audit-ev-wall-hide" };
                self.about(key, self.subject(Thing::Answer))
            }
            RoundOpen => {
                let key = match d.starts_with("vote") {
                    true => "audit-ev-round-vote",
                    false => "audit-ev-round-check",
                };
                let args =
                    [("thing", self.subject(Thing::Round).into()), ("count", number(d).into())];
                self.t(key, &args)
            }
            RoundClose => self.about("audit-ev-round-close", self.subject(Thing::Workshop)),
            RoundHands => {
                let mut hands = d.split('/').map(number);
                let mut next = || hands.next().unwrap_or(0);
                let (yes, partly, no) = (next(), next(), next());
                self.t(
                    "audit-ev-round-hands",
                    &[
                        ("thing", self.subject(Thing::RoundItem).into()),
                        ("yes", yes.into()),
                        ("partly", partly.into()),
                        ("no", no.into()),
                    ],
                )
            }
        }
    }

    /// Moved one place up or down.
    fn moved(&self, direction: &str, thing: String) -> String {
        let key = if direction == "up" { "audit-ev-move-up" } else { "audit-ev-move-down" };
        self.about(key, thing)
    }

    /// Something deleted that the record placed in a topic (`{"topic": id}`); `alone` is the
    /// words for it without a place.
    fn deleted_in(&self, detail: &str, alone: &str) -> String {
        let topic = field(detail, "topic").and_then(|t| self.names.get(Thing::Topic, &t).cloned());
        match topic {
            Some(t) => self.lang.t_args(&format!("{alone}-in"), &[("place", t.name.into())]),
            None => self.lang.t(alone),
        }
    }

    /// Two themes merged: the names the record kept, else the ones found.
    fn merge(&self, detail: &str) -> String {
        let lang = self.lang;
        let from = match field(detail, "from") {
            Some(name) => named(lang, Thing::Theme, &name),
            None => self.subject(Thing::Theme),
        };
        let into = match field(detail, "into") {
            Some(name) => lang.t_args("audit-named", &[("name", name.into())]),
            None => match self.names.get(Thing::Theme, detail) {
                Some(n) => lang.t_args("audit-named", &[("name", n.name.as_str().into())]),
                None => phrase(lang, Thing::Theme, None),
            },
        };
        self.t("audit-ev-theme-merge", &[("from", from.into()), ("into", into.into())])
    }

    /// A suggestion taken: a new theme from the suggestions page (detail: its title), one
    /// answer into a suggested theme, or every sure suggestion of a topic at once.
    fn accepted(&self, detail: &str) -> String {
        let number = |text: &str| text.trim().parse::<i64>().unwrap_or(0);
        if detail == "guided: 1 answer" {
            return self.about("audit-ev-guess-accept", self.subject(Thing::Theme));
        }
        if let Some(rest) = detail.strip_prefix("guided: ") {
            let count = rest.split(' ').next().map(number).unwrap_or(0);
            let percent = rest.split(" at ").nth(1).and_then(|p| p.split(' ').next()).map(number);
            let args = [
                ("thing", self.subject(Thing::Topic).into()),
                ("count", count.into()),
                ("percent", percent.unwrap_or(0).into()),
            ];
            return self.t("audit-ev-guess-accept-all", &args);
        }
        self.about("audit-ev-suggestion-new", self.titled(Thing::Theme, detail))
    }

    /// A download: the scope (workshop, topic or track) and the format, saying when the file
    /// held individual answers.
    fn export(&self, detail: &str) -> String {
        let lang = self.lang;
        let (kind, format) = detail.split_once(' ').unwrap_or(("", detail));
        let thing = match kind {
            "workshop" => Thing::Workshop,
            "track" => Thing::Track,
            _ => Thing::Topic,
        };
        let format_words = match format {
            "docx" | "html" | "md" | "xlsx" | "csv" | "json" => {
                lang.t(&format!("audit-format-{format}"))
            }
            other => other.to_owned(),
        };
        let key = match format {
            "xlsx" | "csv" | "json" => "audit-ev-export-data",
            _ => "audit-ev-export",
        };
        let args = [("thing", self.subject(thing).into()), ("format", format_words.into())];
        self.t(key, &args)
    }
}
