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

/// A normalised e-mail address (trimmed, Unicode NFC, lower-case): one account per address,
/// however the keyboard composed "ø" or "é".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

/// `input` as addresses are stored and compared: trimmed, NFC, lower-case. Logins look up
/// what they were given in this form too.
pub fn normalise_email(input: &str) -> String {
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(input.trim());
    // Lower-casing can leave a string that is no longer NFC (rare); normalise once more.
    let lower = nfc.to_lowercase();
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&lower).into_owned()
}

impl Email {
    /// Accepts `local@domain` with a dot in the domain, no spaces, at most 254 characters.
    pub fn parse(input: &str) -> Option<Email> {
        let email = normalise_email(input);
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

/// A new password that meets our rules: 12 to 256 characters, not only spaces or invisible
/// characters, and not a common password or an easily guessed pattern. Long passphrases are
/// welcome; no composition rules (they make passwords worse, NIST SP 800-63B).
pub struct NewPassword(String);

/// Why a new password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than 12 characters.
    TooShort,
    /// Only spaces, or control or other invisible characters in it.
    Invisible,
    /// A common password, a word with a few changes, or a pattern (`123456789012`, a keyboard
    /// row): the first thing an attacker tries.
    Common,
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
        if password.chars().all(char::is_whitespace) || password.chars().any(char::is_control) {
            return Err(PasswordProblem::Invisible);
        }
        if zxcvbn::zxcvbn(password, &[]).score() < zxcvbn::Score::Three {
            return Err(PasswordProblem::Common);
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
        // "Søren" with a composed ø and "René" with e + combining acute are the same address.
        let nfd = "rene\u{301}@example.dk";
        assert_eq!(Email::parse(nfd), Email::parse("René@example.dk"));
        assert_eq!(Email::parse(nfd).map(|e| e.0), Some("ren\u{e9}@example.dk".into()));
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
        assert!(NewPassword::parse("ærø og æbleskiver", "ærø og æbleskiver").is_ok());
        for invisible in
            ["\0".repeat(12), " ".repeat(14), "\u{3000}".repeat(12), "ab\u{7}cdefghijkl".into()]
        {
            assert_eq!(
                NewPassword::parse(&invisible, &invisible).err(),
                Some(PasswordProblem::Invisible),
                "{invisible:?}"
            );
        }
        for common in
            ["passwordpassword", "123456789012", "qwertyuiopasdf", "aaaaaaaaaaaa", "Password1234"]
        {
            assert_eq!(
                NewPassword::parse(common, common).err(),
                Some(PasswordProblem::Common),
                "{common}"
            );
        }
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
