//! Recovery codes: ten per account, each good for one login when the phone is lost. Shown once
//! when made; only a hash is stored.

use crate::db::UserId;

/// How many codes an account gets at a time.
pub const COUNT: usize = 10;

/// Characters of a code: no 0/O, 1/I/L, so a code copied by hand from paper reads back.
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// Characters per code: 10 of 31, about 50 bits.
const LENGTH: usize = 10;

/// One recovery code, normalised (upper case, no dash).
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(String);

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never in a log.
        f.write_str("RecoveryCode(…)")
    }
}

impl RecoveryCode {
    /// A new random code.
    pub fn generate() -> RecoveryCode {
        use rand::Rng;
        let mut rng = rand::rngs::OsRng;
        let code =
            (0..LENGTH).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect();
        RecoveryCode(code)
    }

    /// Ten new codes.
    pub fn generate_set() -> Vec<RecoveryCode> {
        (0..COUNT).map(|_| RecoveryCode::generate()).collect()
    }

    /// A code as typed: case, spaces and dashes do not matter. `None` unless it could be one.
    pub fn parse(input: &str) -> Option<RecoveryCode> {
        let code: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        (code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b)))
            .then_some(RecoveryCode(code))
    }

    /// What is stored: SHA-256 of the account and the code, so equal codes of two accounts
    /// never share a hash.
    pub fn hash(&self, user: &UserId) -> String {
        crate::crypto::token_hash(&format!("{user}:{}", self.0))
    }

    /// The code as shown: two groups of five ("K7QMX-2XPDA").
    pub fn display(&self) -> String {
        let (a, b) = self.0.split_at(LENGTH / 2);
        format!("{a}-{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_however_they_are_typed() {
        let codes = RecoveryCode::generate_set();
        assert_eq!(codes.len(), 10);
        for code in &codes {
            let shown = code.display();
            assert_eq!(shown.len(), 11);
            assert_eq!(RecoveryCode::parse(&shown).as_ref(), Some(code));
            assert_eq!(
                RecoveryCode::parse(&shown.to_lowercase().replace('-', " ")).as_ref(),
                Some(code)
            );
        }
        assert_eq!(RecoveryCode::parse("ABCDE-FGHJ"), None, "too short");
        assert_eq!(RecoveryCode::parse("ABCDE-FGHJ0"), None, "0 is never in a code");
        let user = UserId::generate();
        let other = UserId::generate();
        assert_ne!(codes[0].hash(&user), codes[0].hash(&other));
    }
}
