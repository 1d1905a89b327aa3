//! Time-based one-time codes (RFC 6238) as every authenticator app makes them: HMAC-SHA-1,
//! six digits, 30-second steps. The arithmetic is `totp-rs`'s; what is ours is the secret's
//! form, the window (the step before and after now, for a phone's clock that is a little off)
//! and never accepting a step twice.

use totp_rs::{Algorithm, TOTP};

/// Seconds per time step: what every authenticator app uses.
pub const STEP_SECONDS: u64 = 30;

/// Bytes of a new secret: 160 bits, RFC 4226's recommendation.
const SECRET_BYTES: usize = 20;

/// The name apps show above the codes.
const ISSUER: &str = "deltag";

/// A TOTP secret as apps take it by hand: base32 (RFC 4648) without padding.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    base32: String,
    bytes: Vec<u8>,
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never in a log.
        f.write_str("Secret(…)")
    }
}

impl Secret {
    /// A new random secret.
    pub fn generate() -> Secret {
        use rand::RngCore;
        let mut bytes = vec![0u8; SECRET_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Secret { base32: encode(&bytes), bytes }
    }

    /// A stored secret; `None` unless it is base32 of at least 128 bits (RFC 4226's minimum).
    pub fn parse(base32: &str) -> Option<Secret> {
        let bytes = totp_rs::Secret::Encoded(base32.to_owned()).to_bytes().ok()?;
        (bytes.len() >= 16).then(|| Secret { base32: base32.to_owned(), bytes })
    }

    /// The base32 text, for the database.
    pub fn as_str(&self) -> &str {
        &self.base32
    }

    /// The secret as a person types it into an app: groups of four ("ABCD EFGH …").
    pub fn grouped(&self) -> String {
        let chars: Vec<char> = self.base32.chars().collect();
        chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
    }

    fn totp(&self, account: &str) -> TOTP {
        // Unchecked only because the checks are ours: the length above, and no ':' in the
        // label, which would split it.
        TOTP::new_unchecked(
            Algorithm::SHA1,
            6,
            0,
            STEP_SECONDS,
            self.bytes.clone(),
            Some(ISSUER.to_owned()),
            account.replace(':', " "),
        )
    }

    /// The `otpauth://totp/…` link an app reads from the QR code; names the account so the
    /// person can tell their codes apart.
    pub fn otpauth_url(&self, account: &str) -> String {
        self.totp(account).get_url()
    }

    /// The code for Unix time `unix`, as the app would show it (only tests need it: the
    /// server never makes a code for anyone).
    #[cfg(test)]
    fn code_at(&self, unix: u64) -> String {
        self.totp("").generate(unix)
    }

    /// The step whose code `code` is, among the step of `unix` and the one before and after;
    /// only steps after `last_step` count, so a code that was accepted once (or an older one)
    /// never is again. Compared in constant time.
    pub fn accepts(&self, code: &TotpCode, unix: u64, last_step: Option<i64>) -> Option<i64> {
        let totp = self.totp("");
        let now = unix / STEP_SECONDS;
        [now.checked_sub(1), Some(now), Some(now + 1)]
            .into_iter()
            .flatten()
            .filter_map(|step| i64::try_from(step).ok().map(|signed| (step, signed)))
            .filter(|(_, signed)| last_step.is_none_or(|last| *signed > last))
            .find(|(step, _)| totp.check(&code.0, step * STEP_SECONDS))
            .map(|(_, signed)| signed)
    }
}

/// Base32 without padding, as apps and `otpauth` links want it.
fn encode(bytes: &[u8]) -> String {
    TOTP::new_unchecked(Algorithm::SHA1, 6, 0, STEP_SECONDS, bytes.to_vec(), None, String::new())
        .get_secret_base32()
}

/// Six digits as typed: spaces and dashes are ignored ("123 456").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpCode(String);

impl TotpCode {
    /// `None` unless six digits remain.
    pub fn parse(input: &str) -> Option<TotpCode> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        (digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then_some(TotpCode(digits))
    }
}

/// Now in Unix seconds (0 if the clock is before 1970, which then accepts no code).
pub fn unix_now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1: the secret "12345678901234567890" at 59 s and 1111111109 s
    /// gives 94287082 and 07081804 in eight digits; six digits are their last six.
    #[test]
    fn codes_follow_rfc_6238() {
        let secret = Secret::parse(&encode(b"12345678901234567890")).expect("a valid secret");
        assert_eq!(secret.code_at(59), "287082");
        assert_eq!(secret.code_at(1_111_111_109), "081804");
    }

    #[test]
    fn a_code_is_good_one_step_either_side_and_only_once() {
        let secret = Secret::generate();
        let t = 1_800_000_000;
        let step = (t / STEP_SECONDS) as i64;
        let code = |at| TotpCode::parse(&secret.code_at(at)).expect("six digits");
        assert_eq!(secret.accepts(&code(t), t, None), Some(step));
        assert_eq!(secret.accepts(&code(t - 30), t, None), Some(step - 1), "phone a bit slow");
        assert_eq!(secret.accepts(&code(t + 30), t, None), Some(step + 1), "phone a bit fast");
        assert_eq!(secret.accepts(&code(t - 60), t, None), None, "too old");
        assert_eq!(secret.accepts(&code(t), t, Some(step)), None, "already used");
        assert_eq!(secret.accepts(&code(t - 30), t, Some(step)), None, "older than the last");
        assert_eq!(secret.accepts(&code(t + 30), t, Some(step)), Some(step + 1));
    }

    #[test]
    fn secrets_and_codes_parse() {
        let secret = Secret::generate();
        assert_eq!(secret.as_str().len(), 32);
        assert_eq!(Secret::parse(secret.as_str()), Some(secret.clone()));
        assert_eq!(secret.grouped().split(' ').count(), 8);
        assert_eq!(Secret::parse("ABCD"), None, "too short");
        assert_eq!(Secret::parse("not base32!"), None);
        assert!(TotpCode::parse(" 123 456 ").is_some());
        assert!(TotpCode::parse("123-456").is_some());
        for bad in ["", "12345", "1234567", "12345a", "١٢٣٤٥٦"] {
            assert_eq!(TotpCode::parse(bad), None, "{bad}");
        }
        let url = secret.otpauth_url("anna@example.dk");
        assert!(url.starts_with("otpauth://totp/deltag:anna%40example.dk?secret="), "{url}");
        assert!(url.contains("issuer=deltag"), "{url}");
    }
}
