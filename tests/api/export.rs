use std::io::Read;
use std::process::{Command, Stdio};

use deltag::auth::Role;
use deltag::db::schema::{answers, audit_events};
use deltag::db::Backend;
use deltag::participant::domain::{AnswerText, AnswerValue, ChoiceValue, EnteredBy};
use deltag::participant::store::{self as participant_store, NewAnswer};
use deltag::participant::Source;
use deltag::survey::domain::WorkshopStatus;
use deltag::themes::store as themes_store;
use diesel::prelude::*;

use crate::helpers::{location, spawn_app, spawn_app_with, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{long_text, seed_workshop, title, Seeded};

/// Twelve participants: texts with personal data and a formula, single-choice answers
/// 9 / 2 / 1 (so small cells must be hidden), one approved and one draft quote, a theme with a
/// key point.
struct Fixture {
    s: Seeded,
    topic: deltag::db::TopicId,
}

fn seed(app: &TestApp) -> Fixture {
    let s = seed_workshop(app, WorkshopStatus::Open);
    let mut conn = app.conn();
    let questions =
        deltag::survey::store::list_questions(&mut conn, &s.workshop_id).expect("questions");
    let (q1, q3) = (&questions[0], &questions[2]);
    let texts = [
        "=HYPERLINK(\"http://evil.example\",\"klik\")",
        "-5 grader om natten i skuret",
        "Ring til Kim på 22 33 44 55",
        "Et hjem er et sted med ro",
    ];
    let choices = ["o1", "o1", "o1", "o1", "o1", "o1", "o1", "o1", "o1", "o2", "o2", "o3"];
    let mut ids = Vec::new();
    for (i, choice) in choices.iter().enumerate() {
        let p = participant_store::join(
            &mut conn,
            &s.workshop_id,
            &format!("x-{}-{i}", s.workshop_id),
            Source::Phone,
        )
        .expect("join");
        let by = if i == 3 { EnteredBy::Scribe } else { EnteredBy::Participant };
        if let Some(text) = texts.get(i) {
            let v = AnswerValue::Text(AnswerText::parse(text).expect("text"));
            participant_store::save_answer(
                &mut conn,
                &NewAnswer {
                    participant_id: &p.id,
                    question_id: &q1.id,
                    value: &v,
                    entered_by: by,
                    user_id: None,
                    submission_key: &format!("t-{}-{i}", s.workshop_id),
                },
            )
            .expect("save");
            ids.push(
                answers::table
                    .filter(answers::participant_id.eq(&p.id))
                    .select(answers::id)
                    .first::<deltag::db::AnswerId>(&mut conn)
                    .expect("id"),
            );
        }
        let v = AnswerValue::Choice(ChoiceValue { choices: vec![(*choice).into()], other: None });
        participant_store::save_answer(
            &mut conn,
            &NewAnswer {
                participant_id: &p.id,
                question_id: &q3.id,
                value: &v,
                entered_by: by,
                user_id: None,
                submission_key: &format!("c-{}-{i}", s.workshop_id),
            },
        )
        .expect("save");
    }
    let topic = deltag::survey::store::find_workshop(&mut conn, &s.workshop_id)
        .expect("w")
        .expect("w")
        .topic_id;
    let theme =
        themes_store::create_theme(&mut conn, &topic, &title("DEN RETTE BOLIGLØSNING"), None)
            .expect("theme");
    themes_store::assign(&mut conn, &theme, &ids, None).expect("assign");
    let point = long_text("Se mig som et menneske");
    themes_store::add_key_point(&mut conn, &topic, Some(&theme), &point).expect("kp");
    let point = long_text("Lyt til mig");
    themes_store::add_key_point(&mut conn, &topic, Some(&theme), &point).expect("kp");
    let quote = |s: &str| deltag::text::QuoteText::parse(s).expect("quote text");
    let approved = themes_store::create_quote(
        &mut conn,
        &ids[3],
        &quote("Et hjem er et sted med ro"),
        texts[3],
        None,
    )
    .expect("quote");
    themes_store::set_quote_approved(&mut conn, &approved, true, 1)
        .expect("approve")
        .expect("no conflict");
    themes_store::create_quote(
        &mut conn,
        &ids[2],
        &quote("Ring til Kim på 22 33 44 55"),
        texts[2],
        None,
    )
    .expect("draft quote");
    Fixture { s, topic }
}

/// A spreadsheet cell as text (numbers print without ".0").
fn cell(data: &calamine::Data) -> String {
    data.to_string()
}

async fn download(app: &TestApp, topic: &str, format: &str) -> Vec<u8> {
    let res =
        app.get(&format!("/staff/export/download?scope=topic&id={topic}&format={format}")).await;
    assert_eq!(res.status().as_u16(), 200, "{format}");
    res.bytes().await.expect("body").to_vec()
}

async fn every_format_reads_back_and_is_safe(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = seed(&app);
    let me = app.login_as(Role::Viewer).await;

    // JSON: the whole model.
    let json: serde_json::Value =
        serde_json::from_slice(&download(&app, &f.topic, "json").await).expect("json");
    assert_eq!(json["format"], "deltag.summary.v1");
    let topic = &json["topics"][0];
    assert_eq!(topic["participants"]["display"], "12");
    let theme = &topic["themes"][0];
    assert_eq!(theme["title"], "DEN RETTE BOLIGLØSNING");
    assert_eq!(theme["answers"]["display"], "< 5", "4 answers in the theme");
    assert_eq!(theme["key_points"], serde_json::json!(["Se mig som et menneske", "Lyt til mig"]));
    let quotes: Vec<&str> = theme["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .filter_map(|q| q["text"].as_str())
        .collect();
    assert_eq!(quotes, ["Et hjem er et sted med ro"], "approved quotes only");
    assert_eq!(
        theme["quotes"][0]["source"], "Sagt af deltageren, skrevet af facilitator",
        "a paraphrase is never presented as own words"
    );
    let tally = topic["closed_questions"]
        .as_array()
        .expect("tallies")
        .iter()
        .find(|q| q["question"] == "Hvor bor du nu?")
        .expect("tally");
    let cells: Vec<&str> = tally["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["count"]["display"].as_str())
        .collect();
    assert_eq!(
        cells,
        ["< 5", "< 5", "< 5", "0"],
        "9 is hidden too, or 12 - 9 would reveal the small cells"
    );
    assert_eq!(tally["total"]["display"], "12");
    let all = serde_json::to_string(&json).expect("string");
    assert!(
        !all.contains("22 33 44 55") && all.contains("[telefonnummer]"),
        "personal data masked"
    );

    // CSV: BOM, a real CSV reader, formulas neutralised, personal data masked.
    let csv = download(&app, &f.topic, "csv").await;
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let mut reader = csv::Reader::from_reader(&csv[3..]);
    assert_eq!(
        reader.headers().expect("header").iter().collect::<Vec<_>>(),
        deltag::export::csv::header(deltag::i18n::Lang::Da)
    );
    let values: Vec<String> = reader.records().map(|r| r.expect("row")[4].to_owned()).collect();
    assert!(values.contains(&"'=HYPERLINK(\"http://evil.example\",\"klik\")".to_owned()));
    assert!(values.contains(&"'-5 grader om natten i skuret".to_owned()));
    assert!(values.contains(&"Ring til Kim på [telefonnummer]".to_owned()));
    assert!(values.iter().all(|v| !v.starts_with(['=', '+', '-', '@'])));

    // XLSX: read back with a spreadsheet reader.
    let xlsx = download(&app, &f.topic, "xlsx").await;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("xlsx");
    use calamine::Reader;
    assert_eq!(book.sheet_names(), ["Svar", "Emner", "Lukkede spørgsmål"]);
    let sheet = book.worksheet_range("Svar").expect("Svar");
    assert_eq!(sheet.get((0, 4)).map(|c| c.to_string()), Some("Svar".into()));
    let cells: Vec<String> = sheet.rows().skip(1).map(|r| r[4].to_string()).collect();
    assert!(
        cells.contains(&"=HYPERLINK(\"http://evil.example\",\"klik\")".to_owned()),
        "stored as text, not a formula"
    );
    assert!(cells.iter().all(|c| !c.contains("22 33 44 55")));
    let tallies = book.worksheet_range("Lukkede spørgsmål").expect("tallies");
    assert!(tallies.rows().any(|r| cell(&r[3]) == "I alt" && cell(&r[4]) == "12"));
    assert!(tallies.rows().any(|r| cell(&r[4]) == "< 5"));

    // DOCX: unzip and parse the XML.
    let docx = download(&app, &f.topic, "docx").await;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).expect(name).read_to_string(&mut s).expect("utf-8");
        s
    };
    let (document, styles, numbering) =
        (part("word/document.xml"), part("word/styles.xml"), part("word/numbering.xml"));
    let doc = roxmltree::Document::parse(&document).expect("document.xml parses");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let paragraphs: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "p")))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((w, "pStyle")))
                .and_then(|n| n.attribute((w, "val")))
                .unwrap_or("")
                .to_owned();
            let text = p
                .descendants()
                .filter(|n| n.has_tag_name((w, "t")))
                .filter_map(|n| n.text())
                .collect::<String>();
            (style, text)
        })
        .collect();
    let with_style = |s: &str| {
        paragraphs.iter().filter(|(st, _)| st == s).map(|(_, t)| t.as_str()).collect::<Vec<_>>()
    };
    assert_eq!(with_style("Title"), ["Deltagelsesperspektiv: Fra bolig til hjem"]);
    assert!(
        with_style("Heading1").starts_with(&["Om deltagelsessporet", "Tema: Fra bolig til hjem"])
    );
    assert!(with_style("Heading2").contains(&"DEN RETTE BOLIGLØSNING"));
    assert_eq!(with_style("Quote"), ["»Et hjem er et sted med ro«"]);
    assert!(!document.contains("22 33 44 55"));
    let numbered: Vec<&str> = paragraphs
        .iter()
        .filter(|(st, t)| {
            st == "ListParagraph" && (t == "Se mig som et menneske" || t == "Lyt til mig")
        })
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(numbered, ["Se mig som et menneske", "Lyt til mig"]);
    assert!(doc.descendants().any(|n| n.has_tag_name((w, "tbl"))), "closed questions as tables");
    let styles_doc = roxmltree::Document::parse(&styles).expect("styles parse");
    let heading1 = styles_doc
        .descendants()
        .find(|n| n.attribute((w, "styleId")) == Some("Heading1"))
        .expect("Heading1 style");
    assert!(
        heading1
            .descendants()
            .any(|n| n.has_tag_name((w, "outlineLvl")) && n.attribute((w, "val")) == Some("0")),
        "navigation pane"
    );
    assert!(
        heading1
            .descendants()
            .any(|n| n.has_tag_name((w, "name")) && n.attribute((w, "val")) == Some("heading 1")),
        "built-in heading style"
    );
    assert!(styles.contains(r#"w:lang w:val="da-DK""#));
    assert!(roxmltree::Document::parse(&numbering)
        .expect("numbering")
        .descendants()
        .any(|n| n.attribute((w, "val")) == Some("decimal")));

    // Markdown and the print page.
    let md = String::from_utf8(download(&app, &f.topic, "md").await).expect("utf-8");
    assert!(
        md.contains("## Tema: Fra bolig til hjem")
            && md.contains("1. Se mig som et menneske")
            && !md.contains("22 33 44 55")
    );
    let html = String::from_utf8(download(&app, &f.topic, "html").await).expect("utf-8");
    assert!(
        html.contains("@page { size: A4")
            && html.contains("<svg")
            && !html.contains("Ring til Kim")
    );
    assert_eq!(text_of(&html, "h1").as_deref(), Some("Deltagelsesperspektiv: Fra bolig til hjem"));

    let exports: i64 = audit_events::table
        .filter(audit_events::user_id.eq(&me.id))
        .filter(audit_events::action.eq("export"))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(exports, 6, "every export is audited");
    let _ = &f.s;
}

struct Sink {
    child: std::process::Child,
    dir: tempfile::TempDir,
    port: u16,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn smtp_sink(refuse: bool) -> Sink {
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

fn messages(sink: &Sink) -> Vec<String> {
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
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.mail_from = "deltag <deltag@example.dk>".into();
    })
    .await;
    let f = seed(&app);
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
        mail.contains(
            "Content-Disposition: attachment; filename=\"deltag-fra-bolig-til-hjem.xlsx\""
        ),
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
        spawn_app_with(backend, |s| s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
    let f = seed(&app);
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
    let g = seed(&unconfigured);
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
    let f = seed(&app);
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
    every_format_reads_back_and_is_safe,
    exports_are_mailed_through_a_real_smtp_server,
    a_refusing_or_missing_mail_server_is_an_error_not_a_success,
    the_cli_exports_every_scope_and_mails,
);

async fn staff_invitations_use_the_same_mailer(backend: Backend) {
    let sink = smtp_sink(false);
    let port = sink.port;
    let app =
        spawn_app_with(backend, |s| s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))).await;
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
    let link = text_of(&page, ".copy-link code").expect("link shown too");
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
