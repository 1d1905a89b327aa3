//! `deltag serve`: its flags (each with a `DELTAG_*` twin) and the running server, with the
//! hourly purge of expired answers.

use std::io::Write;
use std::time::Duration;

use clap::{Args, Parser};

use super::{Cli, Command};
use crate::auth;
use crate::config::Settings;
use crate::db::Db;
use crate::startup::Application;

/// Flags of `serve`.
#[derive(Debug, Args, Default)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "DELTAG_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Database connections per replica.
    #[arg(long, env = "DELTAG_POOL_SIZE", default_value_t = 8)]
    pub pool_size: u32,
    /// Minutes without a request before a staff session ends.
    #[arg(long, env = "DELTAG_SESSION_IDLE_MINUTES", default_value_t = 240)]
    pub session_idle_minutes: u64,
    /// Hours after login when a staff session ends regardless.
    #[arg(long, env = "DELTAG_SESSION_ABSOLUTE_HOURS", default_value_t = 12)]
    pub session_absolute_hours: u64,
    /// Trust X-Forwarded-For / Forwarded for the client address (only behind your own proxy).
    #[arg(long, env = "DELTAG_TRUST_FORWARDED", default_value_t = false)]
    pub trust_forwarded: bool,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "DELTAG_WORKERS")]
    pub workers: Option<usize>,
    /// Open connections at most (all workers together); more wait until one closes.
    #[arg(long, env = "DELTAG_MAX_CONNECTIONS", default_value_t = crate::config::DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: usize,
    /// Load the demo track and accounts first (see `deltag demo`).
    #[arg(long, env = "DELTAG_DEMO", default_value_t = false)]
    pub demo: bool,
    /// Accessibility statement: the responsible public body.
    #[arg(long, env = "DELTAG_A11Y_ORGANISATION", default_value = "Rådet for Socialt Udsatte")]
    pub a11y_organisation: String,
    /// Accessibility statement: e-mail address for feedback.
    #[arg(long, env = "DELTAG_A11Y_EMAIL")]
    pub a11y_email: Option<String>,
    /// Accessibility statement: phone number for feedback.
    #[arg(long, env = "DELTAG_A11Y_PHONE")]
    pub a11y_phone: Option<String>,
    /// Accessibility statement: compliance with EN 301 549 (full, partial, none).
    #[arg(long, env = "DELTAG_A11Y_COMPLIANCE", value_enum, default_value = "partial")]
    pub a11y_compliance: Option<crate::config::Compliance>,
    /// Accessibility statement: date prepared or last reviewed (YYYY-MM-DD).
    #[arg(long, env = "DELTAG_A11Y_PREPARED")]
    pub a11y_prepared: Option<chrono::NaiveDate>,
    /// Accessibility statement: how the site was evaluated (default: deltag's own tests).
    #[arg(long, env = "DELTAG_A11Y_EVALUATION")]
    pub a11y_evaluation: Option<String>,
    /// Accessibility statement: content that is not accessible; repeat the flag, or separate
    /// items with `|` in the variable (default: deltag's known limits).
    #[arg(long, env = "DELTAG_A11Y_KNOWN_ISSUES", value_delimiter = '|')]
    pub a11y_known_issue: Vec<String>,
}

impl ServeArgs {
    fn statement(&self) -> crate::config::AccessibilityStatement {
        let defaults = crate::config::AccessibilityStatement::default();
        let non_empty = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
        let issues: Vec<String> = self
            .a11y_known_issue
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        crate::config::AccessibilityStatement {
            organisation: if self.a11y_organisation.trim().is_empty() {
                defaults.organisation
            } else {
                self.a11y_organisation.trim().to_owned()
            },
            email: non_empty(&self.a11y_email),
            phone: non_empty(&self.a11y_phone),
            compliance: self.a11y_compliance.unwrap_or(defaults.compliance),
            prepared: self.a11y_prepared.unwrap_or(defaults.prepared),
            evaluation: non_empty(&self.a11y_evaluation),
            known_issues: (!issues.is_empty()).then_some(issues),
        }
    }
}

pub(super) fn default_serve_args() -> ServeArgs {
    // The same defaults clap applies, for plain `deltag` without a subcommand.
    match Cli::try_parse_from(["deltag", "serve"]) {
        Ok(Cli { command: Some(Command::Serve(args)), .. }) => args,
        _ => ServeArgs {
            pool_size: 8,
            session_idle_minutes: 240,
            session_absolute_hours: 12,
            max_connections: crate::config::DEFAULT_MAX_CONNECTIONS,
            ..ServeArgs::default()
        },
    }
}

pub(super) fn serve(cli: &Cli, args: &ServeArgs) -> anyhow::Result<()> {
    let settings = Settings {
        database_url: cli.database_url.clone(),
        bind: args.bind.clone(),
        base_url: cli.base_url.clone(),
        smtp_url: cli.smtp_url.clone(),
        mail_from: cli.mail_from.clone(),
        pool_size: args.pool_size,
        session_idle: Duration::from_secs(args.session_idle_minutes * 60),
        session_absolute: Duration::from_secs(args.session_absolute_hours * 3600),
        trust_forwarded: args.trust_forwarded,
        workers: args.workers,
        max_connections: args.max_connections,
        statement: args.statement(),
        model_path: Some(cli.model_path()),
        ..Settings::default()
    };
    if settings.statement.email.is_none() || settings.statement.phone.is_none() {
        tracing::warn!(
            "the accessibility statement has no e-mail or no phone for feedback; the law asks \
             for both (set DELTAG_A11Y_EMAIL and DELTAG_A11Y_PHONE)"
        );
    }
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings)?;
        let base = app.settings().base_url.clone();
        let mut conn = app.db().get()?;
        if args.demo {
            let info = crate::demo::load(&mut conn)?;
            super::commands::print_demo(&base, &info);
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "deltag is running at {base}/")?;
        if auth::count_users(&mut conn)? == 0 {
            let token = auth::create_invitation(&mut conn, None, None)?;
            writeln!(
                out,
                "No staff account exists yet. Open this one-time link to create the first admin:"
            )?;
            writeln!(out, "  {base}/setup/{token}")?;
        }
        drop(conn);
        drop(out);
        spawn_purger(app.db().clone());
        app.run_until_stopped().await?;
        Ok(())
    })
}

/// Deletes expired answers once an hour while the server runs, so the retention period the
/// start page promises is kept without a cron job.
fn spawn_purger(db: Db) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let due =
                |conn: &mut _| crate::retention::delete_expired_answers(conn, crate::db::now());
            match db.run(due).await {
                Ok(done) if done.is_empty() => {}
                Ok(done) => tracing::info!(workshops = done.len(), "deleted expired answers"),
                Err(e) => tracing::warn!(error = %e.chain(), "purge failed"),
            }
        }
    });
}
