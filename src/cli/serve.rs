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
    /// The organisation running the track (statement, exports, footer). Default: the settings
    /// page's, else Rådet for Socialt Udsatte. Every flag below also wins over the settings page.
    #[arg(long, env = "DELTAG_A11Y_ORGANISATION")]
    pub a11y_organisation: Option<String>,
    /// The organisation's short name, for the staff header.
    #[arg(long, env = "DELTAG_ORGANISATION_SHORT")]
    pub organisation_short: Option<String>,
    /// Days a new workshop keeps its answers after it closes (default 90).
    #[arg(long, env = "DELTAG_RETENTION_DAYS", value_parser = clap::value_parser!(i32).range(1..=3650))]
    pub retention_days: Option<i32>,
    /// Months the audit trail is kept (default 12).
    #[arg(long, env = "DELTAG_AUDIT_MONTHS", value_parser = clap::value_parser!(u32).range(1..=120))]
    pub audit_months: Option<u32>,
    /// Every role must use a second factor at login, not only admins.
    #[arg(long, env = "DELTAG_SECOND_FACTOR_FOR_ALL")]
    pub second_factor_for_all: Option<bool>,
    /// Accessibility statement: e-mail address for feedback.
    #[arg(long, env = "DELTAG_A11Y_EMAIL")]
    pub a11y_email: Option<String>,
    /// Accessibility statement: phone number for feedback.
    #[arg(long, env = "DELTAG_A11Y_PHONE")]
    pub a11y_phone: Option<String>,
    /// Accessibility statement: compliance with EN 301 549 (full, partial, none).
    #[arg(long, env = "DELTAG_A11Y_COMPLIANCE", value_enum)]
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
    /// The site settings these flags fix (each one wins over the settings page).
    fn server_site(&self, cli: &Cli) -> crate::config::ServerSite {
        let non_empty =
            |s: &Option<String>| s.clone().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let issues: Vec<String> = self
            .a11y_known_issue
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        crate::config::ServerSite {
            organisation: non_empty(&self.a11y_organisation),
            short_name: non_empty(&self.organisation_short),
            email: non_empty(&self.a11y_email),
            phone: non_empty(&self.a11y_phone),
            retention_days: self.retention_days,
            audit_months: self.audit_months,
            compliance: self.a11y_compliance,
            prepared: self.a11y_prepared,
            evaluation: non_empty(&self.a11y_evaluation),
            known_issues: (!issues.is_empty()).then_some(issues),
            second_factor_for_all: self.second_factor_for_all,
            ..cli.server_mail()
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
        pool_size: args.pool_size,
        session_idle: Duration::from_secs(args.session_idle_minutes * 60),
        session_absolute: Duration::from_secs(args.session_absolute_hours * 3600),
        trust_forwarded: args.trust_forwarded,
        workers: args.workers,
        max_connections: args.max_connections,
        site: args.server_site(cli),
        model_path: Some(cli.model_path()),
        ..Settings::default()
    };
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings)?;
        let base = app.settings().base_url.clone();
        let mut conn = app.db().get()?;
        if crate::settings::load(&mut conn, &app.settings().settings.site)?.contact_missing() {
            tracing::warn!(
                "the accessibility statement has no e-mail or no phone for feedback; the law \
                 asks for both (an admin sets them at /admin/settings)"
            );
        }
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
        spawn_purger(app.db().clone(), app.settings().settings.site.clone());
        app.run_until_stopped().await?;
        Ok(())
    })
}

/// Deletes expired answers and audit events once an hour while the server runs, so the
/// retention periods the start page and the audit page promise are kept without a cron job.
fn spawn_purger(db: Db, server: crate::config::ServerSite) {
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
            // The period in force now: the settings page's (or the server's flag).
            let server = server.clone();
            let old = move |conn: &mut crate::db::DbConnection| {
                let months = crate::settings::load(conn, &server)?.audit_months.value;
                Ok::<_, crate::error::AppError>(crate::audit::purge(
                    conn,
                    months,
                    crate::db::now(),
                )?)
            };
            match db.write(old).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(events = n, "deleted old audit events"),
                Err(e) => tracing::warn!(error = %e.chain(), "audit purge failed"),
            }
        }
    });
}
