//! Parsed values of the theme board.

use serde::Deserialize;

use crate::db::ThemeId;

crate::text_enum! {
    /// Where a quote is on its way to the report: proposed as the answer was given (draft),
    /// edited to leave out names and places (redacted, to be approved again), or approved.
    /// Only approved quotes ever leave the board.
    pub enum QuoteStatus { Draft = "draft", Redacted = "redacted", Approved = "approved", }
}

/// What the assign form asks for, as posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AssignAction {
    /// Put them in the chosen theme too.
    Add,
    /// Put them in the chosen theme and take them out of the one being viewed (a split).
    Move,
    /// Take them out of the one being viewed.
    Remove,
    /// Make a new theme and put them in it.
    New,
}

/// What happens to the chosen answers on the board, with the themes it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reassignment {
    /// Put them in `to` too (an answer may stand in several themes).
    Add {
        /// The theme they join.
        to: ThemeId,
    },
    /// Put them in `to` and take them out of `from`: how a theme is split.
    Move {
        /// The theme they leave.
        from: ThemeId,
        /// The theme they join.
        to: ThemeId,
    },
    /// Take them out of `from`, back to the pile if they are in no other theme.
    Remove {
        /// The theme they leave.
        from: ThemeId,
    },
}

impl Reassignment {
    /// The action with the themes it needs (no action is "add"); `None` when one is missing.
    pub fn parse(
        action: Option<AssignAction>, to: Option<ThemeId>, from: Option<ThemeId>,
    ) -> Option<Self> {
        Some(match action.unwrap_or(AssignAction::Add) {
            AssignAction::Add => Reassignment::Add { to: to? },
            AssignAction::Move => Reassignment::Move { from: from?, to: to? },
            AssignAction::Remove => Reassignment::Remove { from: from? },
            AssignAction::New => return None,
        })
    }

    /// The theme the answers join, if any.
    pub fn to(&self) -> Option<&ThemeId> {
        match self {
            Reassignment::Add { to } | Reassignment::Move { to, .. } => Some(to),
            Reassignment::Remove { .. } => None,
        }
    }

    /// The theme the answers leave, if any.
    pub fn from(&self) -> Option<&ThemeId> {
        match self {
            Reassignment::Move { from, .. } | Reassignment::Remove { from } => Some(from),
            Reassignment::Add { .. } => None,
        }
    }

    /// As posted (for the audit record).
    pub fn name(&self) -> &'static str {
        match self {
            Reassignment::Add { .. } => "add",
            Reassignment::Move { .. } => "move",
            Reassignment::Remove { .. } => "remove",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reassignment_needs_the_themes_its_action_names() {
        let (a, b) = (ThemeId::generate(), ThemeId::generate());
        let parse = |action, to: Option<&ThemeId>, from: Option<&ThemeId>| {
            Reassignment::parse(action, to.cloned(), from.cloned())
        };
        assert_eq!(parse(None, Some(&a), None), Some(Reassignment::Add { to: a.clone() }));
        assert_eq!(parse(Some(AssignAction::Add), None, Some(&b)), None);
        assert_eq!(parse(Some(AssignAction::Move), Some(&a), None), None);
        assert_eq!(
            parse(Some(AssignAction::Move), Some(&a), Some(&b)),
            Some(Reassignment::Move { from: b.clone(), to: a.clone() })
        );
        assert_eq!(parse(Some(AssignAction::Remove), None, None), None);
        assert_eq!(
            parse(Some(AssignAction::Remove), Some(&a), Some(&b)),
            Some(Reassignment::Remove { from: b.clone() })
        );
    }
}
