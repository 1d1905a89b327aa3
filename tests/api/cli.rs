//! The operator CLI, run as the real binary.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

use deltag::auth::Role;
use deltag::db::schema::{topics, tracks, users, workshops};
use deltag::db::{new_id, now, Backend};
use diesel::prelude::*;

use crate::helpers::{direct_connection, spawn_app, spawn_on, text_of, TestDb};
use crate::on_both_backends;

fn deltag(db_url: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_deltag"));
    cmd.args(args).env("DELTAG_DATABASE_URL", db_url).env("RUST_LOG", "warn");
    cmd
}

fn run(db_url: &str, args: &[&str]) -> Output {
    deltag(db_url, args).output().expect("run deltag")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Kills the child when the test ends, pass or fail.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn serve_prints_a_setup_link_that_works(backend: Backend) {
    let db = TestDb::new(backend);
    let mut child = Child(
        deltag(&db.url, &["serve", "--bind", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn"),
    );
    let stdout = child.0.stdout.take().expect("stdout");
    let link = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|line| {
            line.trim()
                .strip_prefix("http://")
                .filter(|l| l.contains("/setup/"))
                .map(|l| format!("http://{l}"))
        })
        .expect("a set-up link is printed");
    let res = reqwest::get(&link).await.expect("get set-up page");
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(text_of(&page, "h1").as_deref(), Some("Opret den første administrator"));
    let health = link.split("/setup/").next().unwrap_or_default().to_owned() + "/healthz";
    assert_eq!(reqwest::get(&health).await.expect("healthz").status().as_u16(), 200);
}

async fn migrate_twice_is_harmless(backend: Backend) {
    let db = TestDb::new(backend);
    let first = run(&db.url, &["migrate"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let versions = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
        .expect("dir")
        .count();
    assert!(
        stdout(&first).contains(&format!("Applied {versions} migration")),
        "{}",
        stdout(&first)
    );
    let second = run(&db.url, &["migrate"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stdout(&second).contains("up to date"));
}

async fn user_add_refuses_a_duplicate_email_and_writes_nothing(backend: Backend) {
    let db = TestDb::new(backend);
    let mut child = deltag(
        &db.url,
        &[
            "user",
            "add",
            "--email",
            "Lise@Example.dk",
            "--name",
            "Lise",
            "--role",
            "facilitator",
            "--password-stdin",
        ],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("spawn");
    child.stdin.take().expect("stdin").write_all(b"en rigtig lang adgangskode\n").expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));

    let invite = run(
        &db.url,
        &["user", "add", "--email", "bo@example.dk", "--name", "Bo", "--role", "viewer"],
    );
    assert!(invite.status.success());
    assert!(stdout(&invite).contains("/setup/"), "prints an invitation link");

    let dup = run(
        &db.url,
        &["user", "add", "--email", "lise@example.dk", "--name", "Lise 2", "--role", "admin"],
    );
    assert!(!dup.status.success());
    assert!(stderr(&dup).contains("already exists"), "{}", stderr(&dup));
    let bad = run(
        &db.url,
        &["user", "add", "--email", "ikke-en-adresse", "--name", "X", "--role", "admin"],
    );
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("not an e-mail address"));
    let bad_role =
        run(&db.url, &["user", "add", "--email", "x@example.dk", "--name", "X", "--role", "root"]);
    assert!(!bad_role.status.success());

    let mut conn = direct_connection(&db.url);
    let rows: Vec<(String, String, Option<String>)> = users::table
        .order(users::email)
        .select((users::email, users::role, users::password_hash))
        .load(&mut conn)
        .expect("users");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.as_str(), rows[0].2.is_none()),
        ("bo@example.dk", "viewer", true)
    );
    assert_eq!((rows[1].0.as_str(), rows[1].1.as_str()), ("lise@example.dk", "facilitator"));
    assert!(rows[1].2.as_deref().unwrap_or_default().starts_with("$argon2id$"));
}

#[test]
fn unknown_url_schemes_are_refused_without_creating_a_file() {
    let dir = tempfile::tempdir().expect("dir");
    for url in
        ["mysql://root@localhost/deltag", "deltag.db", "sqlite:deltag.db", "file:///tmp/x.db"]
    {
        let out = deltag(url, &["migrate"]).current_dir(dir.path()).output().expect("run");
        assert!(!out.status.success(), "{url} must be refused");
        assert!(stderr(&out).contains("unsupported database URL"), "{url}: {}", stderr(&out));
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("read").collect();
    assert!(left.is_empty(), "no file was created: {left:?}");
}

#[test]
fn an_unreachable_postgres_is_a_clear_error() {
    let out = run("postgres://postgres@127.0.0.1:1/deltag", &["migrate"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot connect to the postgres database"), "{}", stderr(&out));
    let out = run("postgres://postgres:hemmelig@127.0.0.1:1/deltag", &["list"]);
    assert!(!stderr(&out).contains("hemmelig"), "passwords are never printed");
}

fn seed_workshop(
    conn: &mut deltag::db::DbConnection, status: &str, code: &str,
) -> (String, String, String) {
    let (track, topic, workshop) = (new_id(), new_id(), new_id());
    let at = now();
    diesel::insert_into(tracks::table)
        .values((
            tracks::id.eq(&track),
            tracks::title.eq("Deltagelsessporet 2023"),
            tracks::year.eq(2023),
            tracks::created_at.eq(at),
            tracks::updated_at.eq(at),
        ))
        .execute(conn)
        .expect("track");
    diesel::insert_into(topics::table)
        .values((
            topics::id.eq(&topic),
            topics::track_id.eq(&track),
            topics::title.eq("Fra bolig til hjem"),
            topics::created_at.eq(at),
            topics::updated_at.eq(at),
        ))
        .execute(conn)
        .expect("topic");
    diesel::insert_into(workshops::table)
        .values((
            workshops::id.eq(&workshop),
            workshops::topic_id.eq(&topic),
            workshops::title.eq("Den rette boligløsning"),
            workshops::status.eq(status),
            workshops::join_code.eq(code),
            workshops::created_at.eq(at),
            workshops::updated_at.eq(at),
        ))
        .execute(conn)
        .expect("workshop");
    (track, topic, workshop)
}

async fn list_json_has_the_documented_shape(backend: Backend) {
    let db = TestDb::new(backend);
    assert!(run(&db.url, &["migrate"]).status.success());
    let (track, topic, workshop) =
        seed_workshop(&mut direct_connection(&db.url), "open", "48210937");
    let out = run(&db.url, &["--base-url", "https://deltag.example.dk/", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        doc["tracks"],
        serde_json::json!([{"id": track, "title": "Deltagelsessporet 2023"}])
    );
    assert_eq!(
        doc["topics"],
        serde_json::json!([{"id": topic, "track_id": track, "title": "Fra bolig til hjem"}])
    );
    assert_eq!(
        doc["workshops"],
        serde_json::json!([{
            "id": workshop, "topic_id": topic, "title": "Den rette boligløsning", "status": "open",
            "join_code": "48210937", "join_url": "https://deltag.example.dk/j/48210937"
        }])
    );
    let text = run(&db.url, &["list"]);
    assert!(stdout(&text).contains("Tema: Fra bolig til hjem"));
}

async fn backup_while_serving_then_restore(backend: Backend) {
    let app = spawn_app(backend).await;
    let user = app.create_user(Role::Admin);
    let out_dir = tempfile::tempdir().expect("dir");
    let backup = out_dir.path().join("backup.db");
    let backup_arg = backup.to_str().expect("utf-8 path");
    let out = run(&app.test_db.url, &["backup", "--out", backup_arg]);
    if backend == Backend::Postgres {
        assert!(!out.status.success());
        assert!(stderr(&out).contains("pg_dump"), "{}", stderr(&out));
        assert!(!backup.exists());
        return;
    }
    assert!(out.status.success(), "{}", stderr(&out));
    // Keep writing to the live database: the backup must not see it.
    seed_workshop(&mut app.conn(), "draft", "11112222");
    let again = run(&app.test_db.url, &["backup", "--out", backup_arg]);
    assert!(!again.status.success(), "never overwrites an existing file");

    // Restore: a server on the copied file has the account, and nothing written later.
    let restored_dir = tempfile::tempdir().expect("dir");
    let restored_path = restored_dir.path().join("deltag.db");
    std::fs::copy(&backup, &restored_path).expect("copy");
    let restored = spawn_on(TestDb::sqlite_at(&restored_path), |_| {});
    assert_eq!(restored.login(&user.email, &user.password).await.status().as_u16(), 303);
    let n: i64 = workshops::table.count().get_result(&mut *restored.conn()).expect("count");
    assert_eq!(n, 0);
}

on_both_backends!(
    serve_prints_a_setup_link_that_works,
    migrate_twice_is_harmless,
    user_add_refuses_a_duplicate_email_and_writes_nothing,
    list_json_has_the_documented_shape,
    backup_while_serving_then_restore,
);

async fn demo_loads_once_and_export_writes_every_answer(backend: Backend) {
    let db = TestDb::new(backend);
    let first = run(&db.url, &["demo"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("facilitator@demo.deltag.dk"));
    let join = stdout(&first)
        .lines()
        .find_map(|l| l.split_whitespace().find(|w| w.contains("/j/")).map(str::to_owned))
        .expect("join url printed");
    let again = run(&db.url, &["demo"]);
    assert!(stdout(&again).contains("loaded already"));

    let mut conn = direct_connection(&db.url);
    use deltag::db::schema::{answers, participants, questions};
    let texts: i64 = answers::table
        .inner_join(questions::table)
        .filter(questions::kind.eq_any(["short_text", "long_text"]))
        .filter(answers::declined.eq(false))
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert!(texts >= 60, "at least 60 free-text answers, got {texts}");
    let statuses: Vec<String> = workshops::table
        .order(workshops::starts_at)
        .select(workshops::status)
        .load(&mut conn)
        .expect("statuses");
    assert_eq!(statuses, ["closed", "closed", "closed", "open"]);
    assert!(join.ends_with(&format!(
        "/j/{}",
        workshops::table
            .filter(workshops::status.eq("open"))
            .select(workshops::join_code)
            .first::<String>(&mut conn)
            .expect("code")
    )));
    let by_staff: i64 = answers::table
        .filter(answers::entered_by.ne("self"))
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert!(by_staff > 0, "some answers were entered by facilitators");
    let total: i64 = answers::table.count().get_result(&mut conn).expect("count");
    assert!(participants::table.count().get_result::<i64>(&mut conn).expect("count") >= 54);

    let (workshop, title): (String, String) = workshops::table
        .order(workshops::starts_at)
        .select((workshops::id, workshops::title))
        .first(&mut conn)
        .expect("w");
    let dir = tempfile::tempdir().expect("dir");
    let out_file = dir.path().join("answers.json");
    let out = run(
        &db.url,
        &[
            "export",
            "--workshop",
            &workshop,
            "--format",
            "json",
            "--out",
            out_file.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).expect("file")).expect("json");
    assert_eq!(doc["scope"]["title"], title.as_str());
    let exported = doc["answers"].as_array().expect("answers");
    let in_db: i64 = answers::table
        .inner_join(questions::table)
        .filter(questions::workshop_id.eq(&workshop))
        .count()
        .get_result(&mut conn)
        .expect("count");
    assert_eq!(exported.len() as i64, in_db);
    assert!(in_db < total);
    for a in exported {
        for field in
            ["respondent", "question", "kind", "answer", "entered_by", "created_at", "updated_at"]
        {
            assert!(!a[field].is_null(), "{field} in {a}");
        }
    }
    let missing = run(
        &db.url,
        &[
            "export",
            "--workshop",
            "nope",
            "--format",
            "json",
            "--out",
            out_file.to_str().expect("path"),
        ],
    );
    assert!(!missing.status.success());
}

on_both_backends!(demo_loads_once_and_export_writes_every_answer);
