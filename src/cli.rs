//! The operator's command line: `deltag [serve|migrate|user|list|backup]`. Every flag has a
//! `DELTAG_*` environment twin.

use std::io::{BufRead, Write};
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::auth::domain::{Email, NewPassword, PersonName, Role};
use crate::auth::{password, store as auth_store};
use crate::config::Settings;
use crate::db::{DatabaseUrl, Db, DbConnection};
use crate::startup::Application;
use crate::survey::store as survey_store;

/// deltag: participation tracks — surveys on phones, theme boards, exports.
#[derive(Debug, Parser)]
#[command(name = "deltag", version, about)]
pub struct Cli {
    /// Database: sqlite://PATH or postgres://USER@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "DELTAG_DATABASE_URL",
        default_value = "sqlite://deltag.db"
    )]
    pub database_url: String,
    /// Public address of the site (join links, QR codes, Origin check). Default: http://BIND.
    #[arg(long, global = true, env = "DELTAG_BASE_URL")]
    pub base_url: Option<url::Url>,
    /// Outgoing mail server, e.g. smtp://user:pass@host:587?tls=required.
    #[arg(long, global = true, env = "DELTAG_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender address of outgoing mail.
    #[arg(
        long,
        global = true,
        env = "DELTAG_MAIL_FROM",
        default_value = "deltag <deltag@localhost>"
    )]
    pub mail_from: String,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// List tracks, topics and workshops.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Load the demo participation track (2023) and demo accounts; safe to run again.
    Demo,
    /// Export a workshop, a topic or a whole track (and optionally mail it).
    Export {
        /// A workshop's id (see `deltag list`).
        #[arg(long, group = "scope")]
        workshop: Option<String>,
        /// A topic's id.
        #[arg(long, group = "scope")]
        topic: Option<String>,
        /// A track's id.
        #[arg(long, group = "scope")]
        track: Option<String>,
        /// docx, xlsx, csv, json, md or html.
        #[arg(long, value_parser = ["docx", "xlsx", "csv", "json", "md", "html"])]
        format: String,
        /// The file to write.
        #[arg(long)]
        out: std::path::PathBuf,
        /// Also mail the file to this address (repeatable).
        #[arg(long)]
        mail_to: Vec<String>,
    },
    /// Delete answers whose retention period after the workshop closed has passed.
    Purge,
    /// Theme suggestions for scripting and evaluation.
    #[command(subcommand)]
    Themes(ThemesCommand),
    /// Print every route the server answers (method and path), for tools and tests.
    Routes {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a consistent copy of the SQLite database while the server runs.
    Backup {
        /// The new file (must not exist).
        #[arg(long)]
        out: std::path::PathBuf,
    },
}

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
    /// Load the demo track and accounts first (see `deltag demo`).
    #[arg(long, env = "DELTAG_DEMO", default_value_t = false)]
    pub demo: bool,
    /// Accessibility statement: the responsible public body.
    #[arg(
        long,
        env = "DELTAG_A11Y_ORGANISATION",
        default_value = "Rådet for Socialt Udsatte"
    )]
    pub a11y_organisation: String,
    /// Accessibility statement: e-mail address for feedback.
    #[arg(long, env = "DELTAG_A11Y_EMAIL")]
    pub a11y_email: Option<String>,
    /// Accessibility statement: phone number for feedback.
    #[arg(long, env = "DELTAG_A11Y_PHONE")]
    pub a11y_phone: Option<String>,
    /// Accessibility statement: compliance with EN 301 549 (full, partial, none).
    #[arg(
        long,
        env = "DELTAG_A11Y_COMPLIANCE",
        value_enum,
        default_value = "partial"
    )]
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

/// `deltag themes …`
#[derive(Debug, Subcommand)]
pub enum ThemesCommand {
    /// Propose themes for the answers in FILE (one answer per line); needs no database.
    Suggest {
        /// UTF-8 text file, one answer per line.
        #[arg(long)]
        input: std::path::PathBuf,
        /// Number of themes (default: chosen from the number of answers).
        #[arg(long)]
        k: Option<usize>,
        /// English stemming and stop words instead of Danish.
        #[arg(long)]
        english: bool,
        /// Print JSON: {"themes":[{"label","keywords","members"}],"unassigned":[...]}.
        #[arg(long)]
        json: bool,
    },
}

/// `deltag user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a staff account. Without --password-stdin it prints an invitation link.
    Add {
        /// E-mail address (the login).
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// admin, facilitator or viewer.
        #[arg(long, value_parser = ["admin", "facilitator", "viewer"])]
        role: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

const DEFAULT_BASE: &str = "http://127.0.0.1:8080";

impl Cli {
    fn base_url(&self) -> String {
        self.base_url
            .as_ref()
            .map(|u| u.as_str().trim_end_matches('/').to_owned())
            .unwrap_or_else(|| DEFAULT_BASE.to_owned())
    }

    fn db(&self) -> anyhow::Result<Db> {
        let url = DatabaseUrl::parse(&self.database_url)?;
        let db = Db::connect(&url, 2)?;
        db.migrate()?;
        Ok(db)
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        None => serve(
            &cli,
            &ServeArgs {
                bind: "127.0.0.1:8080".into(),
                ..default_serve_args()
            },
        ),
        Some(Command::Serve(args)) => serve(&cli, args),
        Some(Command::Migrate) => migrate(&cli),
        Some(Command::User(UserCommand::Add {
            email,
            name,
            role,
            password_stdin,
        })) => user_add(&cli, email, name, role, *password_stdin),
        Some(Command::List { json }) => list(&cli, *json),
        Some(Command::Backup { out }) => backup(&cli, out),
        Some(Command::Demo) => demo(&cli),
        Some(Command::Export {
            workshop,
            topic,
            track,
            format,
            out,
            mail_to,
        }) => {
            let scope = match (workshop, topic, track) {
                (Some(id), None, None) => crate::export::Scope::Workshop(id.clone()),
                (None, Some(id), None) => crate::export::Scope::Topic(id.clone()),
                (None, None, Some(id)) => crate::export::Scope::Track(id.clone()),
                _ => anyhow::bail!("give exactly one of --workshop, --topic or --track"),
            };
            export(&cli, &scope, format, out, mail_to)
        }
        Some(Command::Purge) => purge(&cli),
        Some(Command::Routes { json }) => routes(*json),
        Some(Command::Themes(ThemesCommand::Suggest {
            input,
            k,
            english,
            json,
        })) => themes_suggest(input, *k, *english, *json),
    }
}

/// `deltag routes`: the route table, one `METHOD path` a line (or JSON). Needs no database.
fn routes(json: bool) -> anyhow::Result<()> {
    let table = crate::startup::route_table();
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &table)?;
        writeln!(out)?;
    } else {
        for route in table {
            writeln!(out, "{} {}", route.method, route.path)?;
        }
    }
    Ok(())
}

fn default_serve_args() -> ServeArgs {
    // The same defaults clap applies, for plain `deltag` without a subcommand.
    match Cli::try_parse_from(["deltag", "serve"]) {
        Ok(Cli {
            command: Some(Command::Serve(args)),
            ..
        }) => args,
        _ => ServeArgs {
            pool_size: 8,
            session_idle_minutes: 240,
            session_absolute_hours: 12,
            ..ServeArgs::default()
        },
    }
}

fn serve(cli: &Cli, args: &ServeArgs) -> anyhow::Result<()> {
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
        statement: args.statement(),
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
            print_demo(&base, &info);
        }
        let mut out = std::io::stdout().lock();
        writeln!(out, "deltag is running at {base}/")?;
        if auth_store::count_users(&mut conn)? == 0 {
            let token = auth_store::create_invitation(&mut conn, None, None)?;
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

fn migrate(cli: &Cli) -> anyhow::Result<()> {
    let url = DatabaseUrl::parse(&cli.database_url)?;
    let db = Db::connect(&url, 1)?;
    let applied = db.migrate()?;
    if applied.is_empty() {
        println!("The database is up to date.");
    } else {
        println!(
            "Applied {} migration(s): {}",
            applied.len(),
            applied.join(", ")
        );
    }
    Ok(())
}

fn user_add(
    cli: &Cli,
    email: &str,
    name: &str,
    role: &str,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let email =
        Email::parse(email).ok_or_else(|| anyhow::anyhow!("{email:?} is not an e-mail address"))?;
    let name = PersonName::parse(name)
        .ok_or_else(|| anyhow::anyhow!("the name must be 1 to 100 characters"))?;
    let role = Role::parse(role).ok_or_else(|| anyhow::anyhow!("unknown role {role:?}"))?;
    let hash = if password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let pw = line.trim_end_matches(['\r', '\n']);
        let pw = NewPassword::parse(pw, pw).map_err(|_| {
            anyhow::anyhow!(
                "the password must be {} to 256 characters",
                NewPassword::MIN_CHARS
            )
        })?;
        Some(password::hash_sync(pw.expose()).map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?)
    } else {
        None
    };
    let db = cli.db()?;
    let mut conn = db.get()?;
    let user = crate::db::write_transaction(&mut conn, |conn: &mut DbConnection| {
        let user = auth_store::create_user(conn, &email, &name, role, hash.as_deref())?;
        crate::audit::record(conn, None, "user.add.cli", &user.id, role.as_str())?;
        Ok::<_, anyhow::Error>(user)
    })?;
    println!("Added {} <{}> as {}.", user.name, user.email, role);
    if hash.is_none() {
        let token = auth_store::create_invitation(&mut conn, Some(&user.id), None)?;
        println!("Send them this one-time link to choose a password (valid for 7 days):");
        println!("  {}/setup/{}", cli.base_url(), token);
    }
    Ok(())
}

fn list(cli: &Cli, json: bool) -> anyhow::Result<()> {
    let db = cli.db()?;
    let overview = survey_store::overview(&mut *db.get()?)?;
    let base = cli.base_url();
    let join_url = |w: &survey_store::Workshop| {
        (w.status == "open").then(|| format!("{base}/j/{}", w.join_code))
    };
    if json {
        let doc = serde_json::json!({
            "tracks": overview.tracks.iter().map(|t| serde_json::json!({"id": t.id, "title": t.title})).collect::<Vec<_>>(),
            "topics": overview.topics.iter().map(|t| serde_json::json!({"id": t.id, "track_id": t.track_id, "title": t.title})).collect::<Vec<_>>(),
            "workshops": overview.workshops.iter().map(|w| serde_json::json!({
                "id": w.id, "topic_id": w.topic_id, "title": w.title, "status": w.status,
                "join_code": w.join_code, "join_url": join_url(w),
            })).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
        return Ok(());
    }
    if overview.tracks.is_empty() {
        println!("No tracks yet.");
    }
    for track in &overview.tracks {
        println!("{} ({})  [{}]", track.title, track.year, track.id);
        for topic in overview.topics.iter().filter(|t| t.track_id == track.id) {
            println!("  Tema: {}  [{}]", topic.title, topic.id);
            for w in overview.workshops.iter().filter(|w| w.topic_id == topic.id) {
                let link = join_url(w).map(|u| format!("  {u}")).unwrap_or_default();
                println!("    {} ({}){}  [{}]", w.title, w.status, link, w.id);
            }
        }
    }
    Ok(())
}

fn backup(cli: &Cli, out: &std::path::Path) -> anyhow::Result<()> {
    use diesel::connection::SimpleConnection;
    use diesel::RunQueryDsl;
    if out.exists() {
        anyhow::bail!("{} exists already; choose a new file name", out.display());
    }
    let url = DatabaseUrl::parse(&cli.database_url)?;
    if url.sqlite_path().is_none() {
        anyhow::bail!(
            "backup copies SQLite databases; for PostgreSQL use pg_dump (see README, \"Backup and restore\")"
        );
    }
    let db = Db::connect(&url, 1)?;
    let mut conn = db.get()?;
    let target = out
        .to_str()
        .ok_or_else(|| anyhow::anyhow!("the file name must be UTF-8"))?;
    // VACUUM INTO writes a consistent snapshot while other connections keep writing.
    diesel::sql_query("VACUUM INTO ?")
        .bind::<diesel::sql_types::Text, _>(target)
        .execute(&mut *conn)?;
    drop(conn);
    let check = DatabaseUrl::parse(&format!("sqlite://{target}"))?.establish()?;
    let mut check = check;
    check.batch_execute("PRAGMA quick_check")?;
    println!("Backup written to {} (integrity checked).", out.display());
    Ok(())
}

fn print_demo(base: &str, info: &crate::demo::DemoInfo) {
    if info.loaded_now {
        println!("Loaded the demo: Deltagelsessporet 2023, two topics, four workshops.");
    } else {
        println!("The demo is loaded already.");
    }
    println!(
        "Facilitator login: {} / {}  ({base}/login)",
        crate::demo::FACILITATOR_EMAIL,
        crate::demo::FACILITATOR_PASSWORD
    );
    println!(
        "Admin login:       {} / {}",
        crate::demo::ADMIN_EMAIL,
        crate::demo::ADMIN_PASSWORD
    );
    if let Some(code) = &info.open_join_code {
        println!("Answer as a participant (open workshop): {base}/j/{code}");
    }
}

fn demo(cli: &Cli) -> anyhow::Result<()> {
    let db = cli.db()?;
    let info = crate::demo::load(&mut *db.get()?)?;
    print_demo(&cli.base_url(), &info);
    Ok(())
}

fn export(
    cli: &Cli,
    scope: &crate::export::Scope,
    format: &str,
    out: &std::path::Path,
    mail_to: &[String],
) -> anyhow::Result<()> {
    let format = crate::export::Format::parse(format)
        .ok_or_else(|| anyhow::anyhow!("unknown format {format:?}"))?;
    // Check the mail settings before doing the work, so a typo fails fast.
    let mailer = if mail_to.is_empty() {
        None
    } else {
        Some(crate::mail::Mailer::new(
            cli.smtp_url.as_deref(),
            &cli.mail_from,
        )?)
    };
    let recipients = if mail_to.is_empty() {
        Vec::new()
    } else {
        crate::export::routes::recipients(&mail_to.join(",")).ok_or_else(|| {
            anyhow::anyhow!("not a list of e-mail addresses: {}", mail_to.join(", "))
        })?
    };
    let db = cli.db()?;
    let (name, bytes) =
        crate::export::export(&mut *db.get()?, scope, format, None, crate::web::Lang::Da).map_err(
            |e| match e {
                crate::error::AppError::NotFound => {
                    anyhow::anyhow!("nothing with that id (see `deltag list`)")
                }
                other => anyhow::anyhow!(other.chain()),
            },
        )?;
    write_new_file(out, &bytes)?;
    println!("Wrote {} ({} bytes).", out.display(), bytes.len());
    if let Some(mailer) = mailer {
        let result = mailer.send(
            &recipients,
            &format!("deltag: {name}"),
            "Eksporten fra deltag er vedhæftet.",
            Some(crate::mail::Attached {
                name: &name,
                content_type: format.content_type(),
                bytes,
            }),
        );
        let outcome = if result.is_ok() {
            "mail.sent"
        } else {
            "mail.failed"
        };
        crate::audit::record(
            &mut *db.get()?,
            None,
            outcome,
            &name,
            &recipients.join(", "),
        )?;
        result?;
        println!("Mailed to {}.", recipients.join(", "));
    }
    Ok(())
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
fn write_new_file(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}

fn purge(cli: &Cli) -> anyhow::Result<()> {
    let db = cli.db()?;
    let n = crate::survey::store::purge_expired(&mut *db.get()?, crate::db::now())?;
    println!("Deleted the answers of {n} participant(s) whose retention period has passed.");
    Ok(())
}

/// Deletes expired answers once an hour while the server runs, so the retention period the
/// start page promises is kept without a cron job.
fn spawn_purger(db: Db) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            match db
                .run(|conn| crate::survey::store::purge_expired(conn, crate::db::now()))
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(participants = n, "purged expired answers"),
                Err(e) => tracing::warn!(error = %e.chain(), "purge failed"),
            }
        }
    });
}

fn themes_suggest(
    input: &std::path::Path,
    k: Option<usize>,
    english: bool,
    json: bool,
) -> anyhow::Result<()> {
    use crate::cluster::{suggest, Language, SuggestOptions};
    let text = std::fs::read_to_string(input)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", input.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    let language = if english {
        Language::English
    } else {
        Language::Danish
    };
    let result = suggest(
        &lines,
        &SuggestOptions {
            k,
            language,
            ..SuggestOptions::default()
        },
    );
    if json {
        let doc = serde_json::json!({
            "themes": result.themes.iter().map(|t| serde_json::json!({
                "label": t.label, "keywords": t.keywords, "members": t.members,
            })).collect::<Vec<_>>(),
            "unassigned": result.unassigned,
        });
        println!("{}", serde_json::to_string(&doc)?);
        return Ok(());
    }
    for t in &result.themes {
        println!(
            "{} ({} answers): {}",
            t.label,
            t.members.len(),
            t.keywords.join(", ")
        );
        for r in &t.representatives {
            println!("  - {}", lines.get(*r).unwrap_or(&""));
        }
    }
    if !result.unassigned.is_empty() {
        println!("Unassigned: {} line(s)", result.unassigned.len());
    }
    Ok(())
}
