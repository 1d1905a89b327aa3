//! Run-time settings. Every value has a default and an environment twin (`DELTAG_*`), read
//! by clap in `cli.rs`; tests build [`Settings`] directly.

use std::time::Duration;

/// Open connections at most by default: twice a national event's 2,000 phones, 45–60 MB.
pub const DEFAULT_MAX_CONNECTIONS: usize = 4096;

/// Everything the server needs to know at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `sqlite://PATH` or `postgres://…`.
    pub database_url: String,
    /// Address to listen on, e.g. `127.0.0.1:8080` (port 0 picks a free port).
    pub bind: String,
    /// The public address people use (`https://deltag.example.dk`). Join links, QR codes and the
    /// Origin check use it. `None`: derived from the bound address.
    pub base_url: Option<url::Url>,
    /// Database connections per replica.
    pub pool_size: u32,
    /// A staff session ends after this long without a request.
    pub session_idle: Duration,
    /// A staff session ends this long after login, however busy.
    pub session_absolute: Duration,
    /// Take the client address from `Forwarded` / `X-Forwarded-For` (only behind a proxy you
    /// run; otherwise clients could pick their own address and dodge throttling).
    pub trust_forwarded: bool,
    /// HTTP worker threads (`None`: one per core).
    pub workers: Option<usize>,
    /// Open connections at most, over all workers; more wait in the listen queue until one
    /// closes. Each costs 11–15 KB while open, and malloc keeps what a burst used, so this is
    /// what bounds the memory a flood of connections can take.
    pub max_connections: usize,
    /// Site settings given by flags or environment: each one set here wins over the settings
    /// page (which shows it as set by the server).
    pub site: ServerSite,
    /// How a client that guessed too many wrong codes is paced: one code lookup per `.0`,
    /// queueing at most `.1`. Not a flag: tests shorten it to keep their runs short.
    pub join_pace: (Duration, Duration),
    /// The e5 model's weights file; `None` or a missing file: suggestions use TF-IDF.
    pub model_path: Option<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://deltag.db".into(),
            bind: "127.0.0.1:8080".into(),
            base_url: None,
            pool_size: 8,
            session_idle: Duration::from_secs(4 * 3600),
            session_absolute: Duration::from_secs(12 * 3600),
            trust_forwarded: false,
            workers: None,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            site: ServerSite::default(),
            join_pace: crate::participant::JOIN_PACE,
            model_path: None,
        }
    }
}

/// How far the site meets EN 301 549 / WCAG 2.1 AA, in the Danish statement's three steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Compliance {
    /// Overholder standarden fuldt ud.
    Full,
    /// Overholder standarden delvist (de fleste krav).
    Partial,
    /// Overholder ikke standarden.
    None,
}

/// Site settings the server fixes (flags, environment). `None`: the settings page decides
/// (or the default applies). See `settings::Site`.
#[derive(Debug, Clone, Default)]
pub struct ServerSite {
    /// The organisation running the track.
    pub organisation: Option<String>,
    /// Its short name, for the header.
    pub short_name: Option<String>,
    /// E-mail for feedback (accessibility statement, privacy text).
    pub email: Option<String>,
    /// Phone for feedback.
    pub phone: Option<String>,
    /// Default retention of a new workshop's answers, in days after it closes.
    pub retention_days: Option<i32>,
    /// Retention of the audit trail, in months.
    pub audit_months: Option<u32>,
    /// `smtp://user:pass@host:587?tls=required`.
    pub smtp_url: Option<String>,
    /// The sender of outgoing mail.
    pub mail_from: Option<String>,
    /// The accessibility statement's compliance status.
    pub compliance: Option<Compliance>,
    /// When the statement was prepared or last reviewed.
    pub prepared: Option<chrono::NaiveDate>,
    /// How the site was evaluated.
    pub evaluation: Option<String>,
    /// Content that is not accessible.
    pub known_issues: Option<Vec<String>>,
    /// Every role must use a second factor, not only admins.
    pub second_factor_for_all: Option<bool>,
}

/// The settings the running server derived: the base URL is always known here.
#[derive(Debug, Clone)]
pub struct RuntimeSettings {
    /// What the operator configured.
    pub settings: Settings,
    /// The effective public base URL, without a trailing slash.
    pub base_url: String,
    /// `scheme://host[:port]` of the base URL, compared with the `Origin` header.
    pub origin: String,
    /// True when the base URL is https: cookies get `Secure` and the `__Host-` prefix, HSTS is sent.
    pub secure: bool,
}

impl RuntimeSettings {
    /// Fixes the base URL: the configured one, or `http://` + the bound address.
    pub fn new(settings: Settings, bound: std::net::SocketAddr) -> Self {
        let (base_url, origin, secure) = match &settings.base_url {
            Some(url) => (
                url.as_str().trim_end_matches('/').to_owned(),
                url.origin().ascii_serialization(),
                url.scheme() == "https",
            ),
            None => {
                let origin = default_origin(bound);
                (origin.clone(), origin, false)
            }
        };
        RuntimeSettings { settings, base_url, origin, secure }
    }

    /// The participant join URL for a code.
    pub fn join_url(&self, code: &str) -> String {
        format!("{}/j/{}", self.base_url, code)
    }
}

/// `http://HOST:PORT` for a bound socket; a wildcard address becomes `localhost` so the
/// printed link works.
pub fn default_origin(bound: std::net::SocketAddr) -> String {
    match bound.ip() {
        ip if ip.is_unspecified() => format!("http://localhost:{}", bound.port()),
        std::net::IpAddr::V6(ip) => format!("http://[{}]:{}", ip, bound.port()),
        ip => format!("http://{}:{}", ip, bound.port()),
    }
}
