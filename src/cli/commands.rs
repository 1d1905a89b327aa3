//! The one-shot commands: migrate, user, list, backup, demo, export, purge (themes suggest is in suggest.rs).

use std::io::BufRead;

use super::Cli;
use crate::audit::{self, Action};
use crate::auth::domain::{Email, NewPassword, PersonName, Role};
use crate::auth::{self, password};
use crate::db::{DatabaseUrl, Db, DbConnection};
use crate::survey;

pub(super) fn migrate(cli: &Cli) -> anyhow::Result<()> {
    let url = DatabaseUrl::parse(&cli.database_url)?;
    let db = Db::connect(&url, 1)?;
    let applied = db.migrate()?;
    if applied.is_empty() {
        println!("The database is up to date.");
    } else {
        println!("Applied {} migration(s): {}", applied.len(), applied.join(", "));
    }
    Ok(())
}

pub(super) fn user_add(
    cli: &Cli, email: &str, name: &str, role: &str, password_stdin: bool,
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
            anyhow::anyhow!("the password must be {} to 256 characters", NewPassword::MIN_CHARS)
        })?;
        Some(password::hash_sync(pw.expose()).map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?)
    } else {
        None
    };
    let db = cli.db()?;
    let mut conn = db.get()?;
    let user = crate::db::write_transaction(&mut conn, |conn: &mut DbConnection| {
        let user = auth::create_user(conn, &email, &name, role, hash.as_deref())?;
        audit::record(conn, None, Action::UserAddCli, user.id.as_str(), role.as_str())?;
        Ok::<_, anyhow::Error>(user)
    })?;
    println!("Added {} <{}> as {}.", user.name, user.email, role);
    if hash.is_none() {
        let token = auth::create_invitation(&mut conn, Some(&user.id), None)?;
        println!("Send them this one-time link to choose a password (valid for 7 days):");
        println!("  {}/setup/{}", cli.base_url(), token);
    }
    Ok(())
}

pub(super) fn list(cli: &Cli, json: bool) -> anyhow::Result<()> {
    let db = cli.db()?;
    let overview = survey::overview(&mut *db.get()?)?;
    let base = cli.base_url();
    let join_url = |w: &survey::Workshop| {
        (w.status == survey::WorkshopStatus::Open).then(|| format!("{base}/j/{}", w.join_code))
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

pub(super) fn backup(cli: &Cli, out: &std::path::Path) -> anyhow::Result<()> {
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
    let target = out.to_str().ok_or_else(|| anyhow::anyhow!("the file name must be UTF-8"))?;
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

pub(super) fn print_demo(base: &str, info: &crate::demo::DemoInfo) {
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
    println!("Admin login:       {} / {}", crate::demo::ADMIN_EMAIL, crate::demo::ADMIN_PASSWORD);
    if let Some(code) = &info.open_join_code {
        println!("Answer as a participant (open workshop): {base}/j/{code}");
    }
}

pub(super) fn demo(cli: &Cli) -> anyhow::Result<()> {
    let db = cli.db()?;
    let info = crate::demo::load(&mut *db.get()?)?;
    print_demo(&cli.base_url(), &info);
    Ok(())
}

pub(super) fn export(
    cli: &Cli, scope: &crate::export::Scope, format: &str, out: &std::path::Path,
    mail_to: &[String],
) -> anyhow::Result<()> {
    let format = crate::export::Format::parse(format)
        .ok_or_else(|| anyhow::anyhow!("unknown format {format:?}"))?;
    let db = cli.db()?;
    // Check the mail settings (flags, else the settings page's) before doing the work, so a
    // typo fails fast.
    let mailer = if mail_to.is_empty() {
        None
    } else {
        Some(crate::settings::load(&mut *db.get()?, &cli.server_mail())?.mailer()?)
    };
    let recipients = if mail_to.is_empty() {
        Vec::new()
    } else {
        crate::export::recipients(&mail_to.join(",")).ok_or_else(|| {
            anyhow::anyhow!("not a list of e-mail addresses: {}", mail_to.join(", "))
        })?
    };
    let organisation =
        crate::settings::load(&mut *db.get()?, &cli.server_mail())?.organisation.value;
    let (name, bytes) = crate::export::export(
        &mut *db.get()?,
        scope,
        format,
        None,
        crate::i18n::Lang::Da,
        &organisation,
    )
    .map_err(|e| match e {
        crate::error::AppError::NotFound => {
            anyhow::anyhow!("nothing with that id (see `deltag list`)")
        }
        other => anyhow::anyhow!(other.chain()),
    })?;
    write_new_file(out, &bytes)?;
    println!("Wrote {} ({} bytes).", out.display(), bytes.len());
    if let Some(mailer) = mailer {
        let result = mailer.send(
            &recipients,
            &format!("deltag: {name}"),
            "Eksporten fra deltag er vedhæftet.",
            Some(crate::mail::Attached { name: &name, content_type: format.content_type(), bytes }),
        );
        let outcome = if result.is_ok() { Action::MailSent } else { Action::MailFailed };
        audit::record(&mut *db.get()?, None, outcome, &name, &recipients.join(", "))?;
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

pub(super) fn purge(cli: &Cli) -> anyhow::Result<()> {
    let db = cli.db()?;
    let done = crate::retention::delete_expired_answers(&mut *db.get()?, crate::db::now())?;
    println!(
        "Deleted the individual answers of {} workshop(s) whose retention period has passed; \
         their findings and approved quotes are kept.",
        done.len()
    );
    Ok(())
}
