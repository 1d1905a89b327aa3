//! Parsed staff-account values: once you hold one, it is valid.

crate::text_enum! {
    /// A staff member's role, most powerful first: admins manage users and do everything a
    /// facilitator does; facilitators prepare workshops, enter answers, build themes, export;
    /// viewers read workshops, answers and themes and change nothing.
    pub enum Role labelled "role" { Admin = "admin", Facilitator = "facilitator", Viewer = "viewer", }
}

impl Role {
    /// May change workshops, answers, themes.
    pub fn can_edit(self) -> bool {
        matches!(self, Role::Admin | Role::Facilitator)
    }
}

/// A normalised e-mail address (trimmed, lower-case): one account per address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain` with a dot in the domain, no spaces, at most 254 characters.
    pub fn parse(input: &str) -> Option<Email> {
        let email = input.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let ok = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && email.chars().count() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        ok.then_some(Email(email))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's display name: 1–100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    /// Trims and checks.
    pub fn parse(input: &str) -> Option<PersonName> {
        let name = input.trim();
        let len = name.chars().count();
        ((1..=100).contains(&len) && !name.chars().any(char::is_control))
            .then(|| PersonName(name.to_owned()))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets our rules: 12 to 256 characters. Long passphrases are welcome;
/// no composition rules (they make passwords worse, NIST SP 800-63B).
pub struct NewPassword(String);

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than 12 characters.
    TooShort,
    /// More than 256 characters.
    TooLong,
    /// The two entries differ.
    Mismatch,
}

impl NewPassword {
    /// Minimum length in characters.
    pub const MIN_CHARS: usize = 12;

    /// Checks the rules, and that the confirmation matches.
    pub fn parse(password: &str, confirm: &str) -> Result<NewPassword, PasswordProblem> {
        let len = password.chars().count();
        if len < Self::MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if len > 256 {
            return Err(PasswordProblem::TooLong);
        }
        if password != confirm {
            return Err(PasswordProblem::Mismatch);
        }
        Ok(NewPassword(password.to_owned()))
    }

    /// The password.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse("  Anna@Example.DK ").map(|e| e.0), Some("anna@example.dk".into()));
        for bad in ["", "anna", "anna@", "@example.dk", "an na@example.dk", "a@b", "a@b.", "a@.b"] {
            assert!(Email::parse(bad).is_none(), "{bad} should be refused");
        }
    }

    #[test]
    fn passwords_need_length_and_a_matching_confirmation() {
        assert_eq!(NewPassword::parse("kort", "kort").err(), Some(PasswordProblem::TooShort));
        assert_eq!(
            NewPassword::parse("en lang sætning", "en lang sætnin").err(),
            Some(PasswordProblem::Mismatch)
        );
        assert!(NewPassword::parse("æøåæøåæøåæøå", "æøåæøåæøåæøå").is_ok());
    }

    #[test]
    fn names_and_roles() {
        assert!(PersonName::parse("   ").is_none());
        assert!(PersonName::parse("Bo\u{0}").is_none());
        assert_eq!(Role::parse("viewer"), Some(Role::Viewer));
        assert_eq!(Role::parse("root"), None);
        assert!(Role::Facilitator.can_edit() && !Role::Viewer.can_edit());
    }
}
