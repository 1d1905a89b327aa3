use std::process::{Command, Stdio};

use deltag::auth::Role;
use deltag::db::schema::audit_events;
use deltag::db::Backend;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, spawn_app_with, text_of};
use crate::on_both_backends;

pub(crate) struct Sink {
    child: std::process::Child,
    dir: tempfile::TempDir,
    pub(crate) port: u16,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn smtp_sink(refuse: bool) -> Sink {
    let dir = tempfile::tempdir().expect("dir");
    let mut args = vec![
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py").to_owned(),
        "--dir".into(),
        dir.path().display().to_string(),
    ];
    if refuse {
        args.push("--refuse".into());
    }
    let mut child = Command::new("python3")
        .args(&args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 with aiosmtpd (pip install aiosmtpd)");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().expect("stdout")),
        &mut line,
    )
    .expect("port");
    let port = line.trim().parse().unwrap_or_else(|_| panic!("SMTP sink did not start: {line:?}"));
    Sink { child, dir, port }
}

pub(crate) fn messages(sink: &Sink) -> Vec<String> {
    std::fs::read_dir(sink.dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| std::fs::read_to_string(e.path()).expect("eml"))
        .collect()
}

async fn exports_are_mailed_through_a_real_smtp_server(backend: Backend) {
    let sink = smtp_sink(false);
    let port = sink.port;
    let app = spawn_app_with(backend, |s| {
        s.site.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.site.mail_from = Some("deltag <deltag@example.dk>".into());
    })
    .await;
    let f = crate::reports::seed(&app);
    let me = app.login_as(Role::Facilitator).await;
    let res = app
        .post_form(
            "/staff/export/mail",
            &[
                ("scope", "topic"),
                ("id", &f.topic),
                ("format", "xlsx"),
                ("to", "analytiker@example.dk, leder@example.dk"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("/staff/export?scope=topic&id={}&done=sent", f.topic));
    let mails = messages(&sink);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(mail.starts_with("X-Envelope-To: analytiker@example.dk, leder@example.dk"));
    assert!(
        mail.contains("Content-Disposition: attachment;")
            && mail.contains("deltag-svar-fra-bolig-til-hjem.xlsx"),
        "{mail}"
    );
    assert!(mail.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    let sent: i64 = audit_events::table
        .filter(audit_events::user_id.eq(&me.id))
        .filter(audit_events::action.eq("mail.sent"))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(sent, 1);
    // Bad addresses: 422, nothing sent.
    let res = app
        .post_form(
            "/staff/export/mail",
            &[("scope", "topic"), ("id", &f.topic), ("format", "csv"), ("to", "ikke en adresse")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(messages(&sink).len(), 1);
    // Viewers may download but not mail.
    let viewer = app.other_client();
    viewer.login_as(Role::Viewer).await;
    let res = viewer
        .post_form(
            "/staff/export/mail",
            &[("scope", "topic"), ("id", &f.topic), ("format", "csv"), ("to", "a@example.dk")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
}

async fn a_refusing_or_missing_mail_server_is_an_error_not_a_success(backend: Backend) {
    let sink = smtp_sink(true);
    let port = sink.port;
    let app =
        spawn_app_with(backend, |s| s.site.smtp_url = Some(format!("smtp://127.0.0.1:{port}")))
            .await;
    let f = crate::reports::seed(&app);
    app.login_as(Role::Facilitator).await;
    let res = app
        .post_form(
            "/staff/export/mail",
            &[("scope", "topic"), ("id", &f.topic), ("format", "docx"), ("to", "a@example.dk")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap_or_default();
    assert!(text_of(&page, ".error-summary")
        .unwrap_or_default()
        .contains("Mailserveren tog ikke imod e-mailen"));
    assert!(messages(&sink).is_empty());
    let failed: i64 = audit_events::table
        .filter(audit_events::action.eq("mail.failed"))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(failed, 1);

    let unconfigured = spawn_app(app.test_db.backend).await;
    let g = crate::reports::seed(&unconfigured);
    unconfigured.login_as(Role::Admin).await;
    let res = unconfigured
        .post_form(
            "/staff/export/mail",
            &[("scope", "topic"), ("id", &g.topic), ("format", "csv"), ("to", "a@example.dk")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap_or_default().contains("DELTAG_SMTP_URL"));
}

async fn the_cli_exports_every_scope_and_mails(backend: Backend) {
    let sink = smtp_sink(false);
    let app = spawn_app(backend).await;
    let f = crate::reports::seed(&app);
    let dir = tempfile::tempdir().expect("dir");
    for (flag, id) in [("--workshop", f.s.workshop_id.as_str()), ("--topic", f.topic.as_str())] {
        let out = dir.path().join(format!("{}.docx", &flag[2..]));
        let status = Command::new(env!("CARGO_BIN_EXE_deltag"))
            .args([
                "export",
                flag,
                id,
                "--format",
                "docx",
                "--out",
                out.to_str().expect("path"),
                "--mail-to",
                "staff@example.dk",
            ])
            .env("DELTAG_DATABASE_URL", &app.test_db.url)
            .env("DELTAG_SMTP_URL", format!("smtp://127.0.0.1:{}", sink.port))
            .env("RUST_LOG", "warn")
            .output()
            .expect("run");
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
        assert!(zip::ZipArchive::new(std::fs::File::open(&out).expect("file")).is_ok());
    }
    assert_eq!(messages(&sink).len(), 2);
    let refused = Command::new(env!("CARGO_BIN_EXE_deltag"))
        .args([
            "export",
            "--topic",
            &f.topic,
            "--format",
            "csv",
            "--out",
            dir.path().join("x.csv").to_str().expect("path"),
            "--mail-to",
            "staff@example.dk",
        ])
        .env("DELTAG_DATABASE_URL", &app.test_db.url)
        .env_remove("DELTAG_SMTP_URL")
        .output()
        .expect("run");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("mail is not set up"));
}

on_both_backends!(
    exports_are_mailed_through_a_real_smtp_server,
    a_refusing_or_missing_mail_server_is_an_error_not_a_success,
    the_cli_exports_every_scope_and_mails,
);

async fn staff_invitations_use_the_same_mailer(backend: Backend) {
    let sink = smtp_sink(false);
    let port = sink.port;
    let app =
        spawn_app_with(backend, |s| s.site.smtp_url = Some(format!("smtp://127.0.0.1:{port}")))
            .await;
    app.login_as(Role::Admin).await;
    let res = app
        .post_form(
            "/admin/users",
            &[("name", "Ny Kollega"), ("email", "ny@example.dk"), ("role", "facilitator")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let page = res.text().await.unwrap_or_default();
    assert_eq!(
        text_of(&page, ".notice").as_deref(),
        Some("Linket er også sendt til ny@example.dk.")
    );
    let link = crate::helpers::attr_of(&page, "#invite-link", "value").expect("link shown too");
    let mails = messages(&sink);
    assert_eq!(mails.len(), 1);
    assert!(mails[0].starts_with("X-Envelope-To: ny@example.dk"));
    // The body may be quoted-printable: compare without soft line breaks.
    assert!(
        mails[0].replace("=\r\n", "").contains(link.rsplit('/').next().unwrap_or("-")),
        "the mail carries the link"
    );
}

on_both_backends!(staff_invitations_use_the_same_mailer);
