//! Report and analysis exports, read back with real readers: what reaches the Partnership holds
//! no individual answer and no count from 1 to 4; what reaches the council's analysts holds
//! every answer with a respondent ID, numbers where numbers belong, and personal data masked.

use std::io::Read;

use deltag::auth::Role;
use deltag::db::schema::{audit_events, quotes};
use deltag::db::{AnswerId, Backend, TopicId};
use deltag::participant::domain::{AnswerText, AnswerValue, ChoiceValue, EnteredBy, YesNo};
use deltag::participant::store::{self as participant_store, NewAnswer};
use deltag::participant::Source;
use deltag::survey::domain::WorkshopStatus;
use deltag::themes::store as themes_store;
use diesel::prelude::*;

use crate::helpers::{spawn_app, text_of, TestApp};
use crate::on_both_backends;
use crate::survey_helpers::{long_text, seed_workshop, title, Seeded};

/// Twelve people on phones: six texts (a formula, an e-mail address, a CPR number, a phone
/// number), "Hvor bor du nu?" answered 9 / 3 / 0, a multiple choice, a scale; five pasted
/// flipchart statements; a theme with six answers and two statements, an empty sub-theme, key
/// points, an approved quote with an e-mail address, an approved plain quote and a draft.
pub struct Fixture {
    pub s: Seeded,
    pub topic: TopicId,
}

pub const TEXTS: [&str; 6] = [
    "=HYPERLINK(\"http://evil.example\",\"klik\")",
    "-5 grader om natten i skuret",
    "Ring til Kim på 22 33 44 55",
    "Et hjem er et sted med ro",
    "Skriv til jens.hansen@example.dk",
    "Mit CPR-nummer er 010190-1234",
];

fn save(
    conn: &mut deltag::db::DbConnection, p: &deltag::db::ParticipantId, q: &deltag::db::QuestionId,
    v: AnswerValue, by: EnteredBy, key: String,
) -> AnswerId {
    let answer = NewAnswer {
        participant_id: p,
        question_id: q,
        value: &v,
        entered_by: by,
        user_id: None,
        submission_key: &key,
    };
    participant_store::save_answer(conn, &answer).expect("save");
    deltag::db::schema::answers::table
        .filter(deltag::db::schema::answers::submission_key.eq(&key))
        .select(deltag::db::schema::answers::id)
        .first(conn)
        .expect("id")
}

pub fn seed(app: &TestApp) -> Fixture {
    let s = seed_workshop(app, WorkshopStatus::Open);
    let mut conn = app.conn();
    let qs = deltag::survey::store::list_questions(&mut conn, &s.workshop_id).expect("questions");
    let (q1, q3, q4, q5, q6) = (&qs[0], &qs[2], &qs[3], &qs[4], &qs[5]);
    let w = &s.workshop_id;
    let mut texts = Vec::new();
    for i in 0..12 {
        let token = format!("phone-{w}-{i}");
        let p = participant_store::join(&mut conn, w, &token, Source::Phone).expect("join");
        let by = if i == 3 { EnteredBy::Scribe } else { EnteredBy::Participant };
        if let Some(text) = TEXTS.get(i) {
            let v = AnswerValue::Text(AnswerText::parse(text).expect("text"));
            texts.push(save(&mut conn, &p.id, &q1.id, v, by, format!("t-{w}-{i}")));
        }
        let choice = if i < 9 { "o1" } else { "o2" };
        let v = AnswerValue::Choice(ChoiceValue { choices: vec![choice.into()], other: None });
        save(&mut conn, &p.id, &q3.id, v, by, format!("c-{w}-{i}"));
        let many: Vec<String> =
            if i % 2 == 0 { vec!["o1".into(), "o3".into()] } else { vec!["o2".into()] };
        let v = AnswerValue::Choice(ChoiceValue { choices: many, other: None });
        save(&mut conn, &p.id, &q4.id, v, by, format!("m-{w}-{i}"));
        let v = AnswerValue::Scale(if i < 6 { 4 } else { 5 });
        save(&mut conn, &p.id, &q5.id, v, by, format!("s-{w}-{i}"));
        let v = AnswerValue::YesNo(if i < 2 { YesNo::No } else { YesNo::Yes });
        save(&mut conn, &p.id, &q6.id, v, by, format!("y-{w}-{i}"));
    }
    let key = deltag::participant::domain::SubmissionKey::parse("flipchartnotes-0001-fixture")
        .expect("key");
    let lines = ["Ro", "Egen nøgle", "Naboer der hilser", "Et sted til hunden", "Lys"]
        .map(|l| AnswerText::parse(l).expect("line"))
        .to_vec();
    let facilitator = app.create_user(Role::Facilitator);
    participant_store::save_statements(&mut conn, (w, &q1.id), &key, lines, &facilitator.id)
        .expect("statements");
    let statements: Vec<AnswerId> = deltag::db::schema::answers::table
        .inner_join(deltag::db::schema::participants::table)
        .filter(deltag::db::schema::participants::source.eq("flipchart"))
        .filter(deltag::db::schema::participants::workshop_id.eq(w))
        .select(deltag::db::schema::answers::id)
        .load(&mut conn)
        .expect("statements");
    assert_eq!(statements.len(), 5);
    let topic = deltag::survey::store::find_workshop(&mut conn, w).expect("w").expect("w").topic_id;
    let theme =
        themes_store::create_theme(&mut conn, &topic, &title("DEN RETTE BOLIGLØSNING"), None)
            .expect("theme");
    themes_store::create_theme(&mut conn, &topic, &title("Tom"), Some(&theme)).expect("sub");
    let linked: Vec<AnswerId> = texts.iter().chain(&statements[..2]).cloned().collect();
    themes_store::assign(&mut conn, &theme, &linked, None).expect("assign");
    for point in ["Se mig som et menneske", "Lyt til mig"] {
        themes_store::add_key_point(&mut conn, &topic, Some(&theme), &long_text(point))
            .expect("kp");
    }
    themes_store::add_key_point(&mut conn, &topic, None, &long_text("Bolig først")).expect("kp");
    let quote = |s: &str| deltag::text::QuoteText::parse(s).expect("quote text");
    for (answer, text) in [(&texts[3], TEXTS[3]), (&texts[4], TEXTS[4])] {
        let id = themes_store::create_quote(&mut conn, answer, &quote(text), None)
            .expect("quote")
            .expect("answer");
        themes_store::set_quote_approved(&mut conn, &id, true, 1, None)
            .expect("approve")
            .expect("no conflict");
    }
    themes_store::create_quote(&mut conn, &texts[2], &quote(TEXTS[2]), None)
        .expect("draft")
        .expect("answer");
    Fixture { s, topic }
}

pub async fn download(app: &TestApp, route: &str, topic: &str, format: &str) -> Vec<u8> {
    let res =
        app.get(&format!("/staff/export/{route}?scope=topic&id={topic}&format={format}")).await;
    assert_eq!(res.status().as_u16(), 200, "{route} {format}");
    res.bytes().await.expect("body").to_vec()
}

/// The paragraphs of a DOCX as (style, text), and its tables as rows of cell texts.
pub struct Docx {
    pub paragraphs: Vec<(String, String)>,
    pub tables: Vec<Vec<Vec<String>>>,
    pub document: String,
}

pub fn read_docx(bytes: &[u8]) -> Docx {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut document = String::new();
    zip.by_name("word/document.xml")
        .expect("document")
        .read_to_string(&mut document)
        .expect("utf-8");
    let doc = roxmltree::Document::parse(&document).expect("document.xml parses");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let text = |n: roxmltree::Node| -> String {
        n.descendants().filter(|n| n.has_tag_name((w, "t"))).filter_map(|n| n.text()).collect()
    };
    let paragraphs = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "p")))
        .filter(|p| !p.ancestors().any(|a| a.has_tag_name((w, "tbl"))))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((w, "pStyle")))
                .and_then(|n| n.attribute((w, "val")))
                .unwrap_or("")
                .to_owned();
            (style, text(p))
        })
        .collect();
    let tables = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "tbl")))
        .map(|t| {
            t.children()
                .filter(|r| r.has_tag_name((w, "tr")))
                .map(|r| r.children().filter(|c| c.has_tag_name((w, "tc"))).map(text).collect())
                .collect()
        })
        .collect();
    drop(doc);
    Docx { paragraphs, tables, document }
}

impl Docx {
    pub fn with_style(&self, style: &str) -> Vec<&str> {
        self.paragraphs.iter().filter(|(s, _)| s == style).map(|(_, t)| t.as_str()).collect()
    }

    pub fn text(&self) -> String {
        let mut all: Vec<String> = self.paragraphs.iter().map(|(_, t)| t.clone()).collect();
        for t in &self.tables {
            for r in t {
                all.push(r.join(" | "));
            }
        }
        all.join("\n")
    }
}

/// Every count a report states about people, answers or statements: a number followed by one
/// of those words ("12 deltagere", "6 svar", "5 udsagn"), and every number alone in a table's
/// count cell. None may be 1–4.
pub fn small_counts(text: &str, table_cells: &[String]) -> Vec<String> {
    const WORDS: [&str; 8] = [
        "deltagere",
        "deltager",
        "svar",
        "udsagn",
        "personer",
        "participants",
        "answers",
        "statements",
    ];
    let mut out = Vec::new();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    for pair in tokens.windows(2) {
        let word = pair[1].trim_matches(|c: char| !c.is_alphanumeric());
        let number = pair[0].trim_start_matches(['(', '»']).trim_end_matches([',', ':', ')']);
        let digits = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
        if WORDS.contains(&word) && digits {
            if let Ok(n) = number.parse::<u32>() {
                if (1..5).contains(&n) {
                    out.push(format!("{} {}", pair[0], pair[1]));
                }
            }
        }
    }
    for cell in table_cells {
        if let Ok(n) = cell.trim().parse::<u32>() {
            if (1..5).contains(&n) {
                out.push(format!("cell {cell}"));
            }
        }
    }
    out
}

/// The count cells (every cell but the first of each row) of the DOCX tables.
pub fn docx_count_cells(docx: &Docx) -> Vec<String> {
    docx.tables.iter().flatten().flat_map(|row| row.iter().skip(1).cloned()).collect()
}

/// The numbers a print page shows: the SVG bar labels.
pub fn html_count_cells(html: &str) -> Vec<String> {
    let doc = crate::helpers::html(html);
    let sel = scraper::Selector::parse("svg text").expect("selector");
    doc.select(&sel).map(|t| t.text().collect::<String>()).collect()
}

/// The count cells of the Markdown tables.
pub fn md_count_cells(md: &str) -> Vec<String> {
    md.lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .filter_map(|l| l.trim_matches('|').rsplit('|').next().map(|c| c.trim().to_owned()))
        .collect()
}

const PII: [&str; 3] = ["22 33 44 55", "jens.hansen@example.dk", "010190-1234"];

async fn reports_hold_no_answer_and_no_small_count(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = seed(&app);
    let me = app.login_as(Role::Viewer).await;
    let topic = f.topic.to_string();

    let page = app.get_html(&format!("/staff/export?scope=topic&id={topic}")).await;
    assert!(
        page.contains("format=docx") && !page.contains("/staff/export/data"),
        "viewers get report formats only"
    );

    // Word.
    let docx = read_docx(&download(&app, "download", &topic, "docx").await);
    assert_eq!(docx.with_style("Title"), ["Deltagelsesperspektiv: Fra bolig til hjem"]);
    assert!(docx
        .with_style("Heading1")
        .starts_with(&["Om deltagelsessporet", "Tema: Fra bolig til hjem"]));
    let h2 = docx.with_style("Heading2");
    assert_eq!(h2.first(), Some(&"Hovedpointer"), "topic key points under their own heading");
    assert!(h2.contains(&"DEN RETTE BOLIGLØSNING"), "theme names as written: {h2:?}");
    assert!(!docx.with_style("Heading3").contains(&"Tom"), "no empty sub-themes");
    let text = docx.text();
    assert!(text.contains("12 deltagere"), "people counted as people: {text}");
    assert!(
        text.contains("6 svar fra 6 deltagere og færre end 5 udsagn fra flipover"),
        "a theme says what it holds: {text}"
    );
    assert_eq!(
        docx.with_style("Quote"),
        ["»Et hjem er et sted med ro«", "»Skriv til [e-mail]«"],
        "approved quotes only, masked"
    );
    for answer in TEXTS.iter().filter(|t| !t.starts_with("Et hjem")) {
        assert!(!text.contains(answer), "no individual answer in a report: {answer}");
    }
    for p in PII {
        assert!(!docx.document.contains(p), "{p} is masked");
    }
    assert!(
        docx.document.contains("<w:cantSplit/>") && docx.document.contains("<w:keepNext/>"),
        "tables keep together"
    );
    let small = small_counts(&text, &docx_count_cells(&docx));
    assert!(small.is_empty(), "no count from 1 to 4 in Word: {small:?}");
    // 9 / 3 / 0: the 3 is hidden and the 9 with it, so the table says nothing and becomes a
    // sentence.
    assert!(docx.tables.iter().all(|t| t.iter().all(|r| r[0] != "Egen bolig")));
    let after = docx
        .paragraphs
        .iter()
        .skip_while(|(_, t)| t != "Hvor bor du nu? (Den rette boligløsning)")
        .nth(1)
        .map(|(_, t)| t.as_str());
    assert_eq!(
        after,
        Some("Fordelingen vises ikke, fordi nogle af svarene er givet af færre end 5. 12 deltagere var med.")
    );
    let support = docx.tables.iter().find(|t| t.iter().any(|r| r[0] == "Familie")).expect("tally");
    let cells: Vec<(&str, &str)> = support.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    assert_eq!(
        cells,
        [
            ("Svar", "Deltagere"),
            ("Familie", "6"),
            ("Venner", "6"),
            ("Sagsbehandler", "6"),
            ("Andet", "0"),
            ("Ville ikke svare", "0"),
            ("Svarede ikke", "0"),
            ("Deltagere i alt", "12"),
        ]
    );

    // The print page and Markdown.
    let html = String::from_utf8(download(&app, "download", &topic, "html").await).expect("utf-8");
    let page_text = text_of(&html, "main").unwrap_or_default();
    assert!(small_counts(&page_text, &html_count_cells(&html)).is_empty(), "print page");
    assert!(html.contains(":focus { outline: none; }"), "no focus ring around the title in print");
    let md = String::from_utf8(download(&app, "download", &topic, "md").await).expect("utf-8");
    assert!(small_counts(&md, &md_count_cells(&md)).is_empty(), "markdown: {md}");
    assert!(md.contains("### Hovedpointer\n\n1. Bolig først"));
    for body in [&html, &md] {
        for p in PII {
            assert!(!body.contains(p), "{p} is masked");
        }
        assert!(!body.contains("-5 grader"), "no individual answer");
    }

    // Analysis formats are not for viewers, and a refusal is not an export.
    for format in ["xlsx", "csv", "json"] {
        let res =
            app.get(&format!("/staff/export/data?scope=topic&id={topic}&format={format}")).await;
        assert_eq!(res.status().as_u16(), 403, "{format}");
        let res = app
            .get(&format!("/staff/export/download?scope=topic&id={topic}&format={format}"))
            .await;
        assert_eq!(res.status().as_u16(), 400, "{format} is not a report format");
    }
    let exports: i64 = audit_events::table
        .filter(audit_events::user_id.eq(&me.id))
        .filter(audit_events::action.eq("export"))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(exports, 3, "every report download is audited, refusals are not");
}

async fn analysis_exports_carry_respondents_numbers_and_options(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = seed(&app);
    let me = app.login_as(Role::Facilitator).await;
    let topic = f.topic.to_string();

    // JSON.
    let bytes = download(&app, "data", &topic, "json").await;
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.trim_start()
            .trim_start_matches('{')
            .trim_start()
            .starts_with("\"notice\": \"Enkelte svar til intern brug"),
        "the notice comes first: {}",
        &raw[..80.min(raw.len())]
    );
    let json: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(json["format"], "deltag.data.v1");
    let ids: Vec<&str> = json["respondents"]
        .as_array()
        .expect("respondents")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 17, "12 phones and 5 flipchart statements: {ids:?}");
    assert_eq!(ids[0], "W1-Tlf01");
    assert!(ids.contains(&"W1-Flip05"));
    let columns: Vec<&str> = json["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .filter_map(|c| c["key"].as_str())
        .collect();
    for key in ["W1.1", "W1.3", "W1.4.o1", "W1.4.o2", "W1.4.o3", "W1.4.other", "W1.5", "W1.5.text"]
    {
        assert!(columns.contains(&key), "{key} in {columns:?}");
    }
    let at = |key: &str| columns.iter().position(|c| *c == key).expect("column");
    let first = &json["respondents"][0]["values"];
    assert_eq!(first[at("W1.5")], 4, "the scale is a number");
    assert_eq!(first[at("W1.5.text")], "Godt", "with its words beside");
    assert_eq!(
        (first[at("W1.4.o1")].as_u64(), first[at("W1.4.o2")].as_u64()),
        (Some(1), Some(0)),
        "one 0/1 column per option"
    );
    let answers = json["answers"].as_array().expect("answers");
    assert!(answers.iter().any(|a| a["kind"] == "Lang tekst"), "kinds in words");
    assert!(answers.iter().any(|a| a["kind"] == "Skala 1-5 med ansigter" && a["number"] == 5));
    let all = serde_json::to_string(&json).expect("string");
    for p in PII {
        assert!(!all.contains(p), "{p} masked");
    }
    assert!(
        all.contains("[telefonnummer]") && all.contains("[e-mail]") && all.contains("[CPR-nummer]"),
        "{all}"
    );
    assert_eq!(json["report"]["topics"][0]["people"]["display"], "12");

    // CSV: BOM, the notice first, then the headings; formulas neutralised.
    let csv = download(&app, "data", &topic, "csv").await;
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF");
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(&csv[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert!(rows[0][0].starts_with("Enkelte svar til intern brug"));
    assert_eq!(&rows[1][0], "Deltager-ID");
    assert_eq!(rows.len(), 2 + 17);
    let q1 = rows[1].iter().position(|h| h.starts_with("W1.1 ")).expect("W1.1");
    let texts: Vec<&str> = rows[2..].iter().map(|r| &r[q1]).collect();
    assert!(texts.contains(&"'=HYPERLINK(\"http://evil.example\",\"klik\")"), "{texts:?}");
    assert!(texts.contains(&"'-5 grader om natten i skuret"));
    assert!(texts.iter().all(|v| !v.starts_with(['=', '+', '-', '@'])));
    let scale = rows[1]
        .iter()
        .position(|h| h.starts_with("W1.5 ") && !h.ends_with("(ord)"))
        .expect("scale");
    assert_eq!(&rows[2][scale], "4");

    // Excel: text stays text, numbers are numbers.
    let xlsx = download(&app, "data", &topic, "xlsx").await;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("xlsx");
    use calamine::Reader;
    assert_eq!(
        book.sheet_names(),
        ["Læs først", "Pr. person", "Alle svar", "Emner", "Lukkede spørgsmål"]
    );
    let first = book.worksheet_range("Læs først").expect("first");
    assert!(first
        .get((0, 0))
        .map(|c| c.to_string())
        .unwrap_or_default()
        .starts_with("Enkelte svar til intern brug"));
    let people = book.worksheet_range("Pr. person").expect("people");
    let header: Vec<String> =
        people.rows().next().expect("header").iter().map(|c| c.to_string()).collect();
    let scale =
        header.iter().position(|h| h.starts_with("W1.5 ") && !h.ends_with("(ord)")).expect("scale");
    assert!(
        matches!(people.get((1, scale)), Some(calamine::Data::Float(v)) if *v == 4.0),
        "a number cell"
    );
    let option = header.iter().position(|h| h.ends_with(": Familie")).expect("option column");
    assert!(matches!(people.get((1, option)), Some(calamine::Data::Float(v)) if *v == 1.0));
    let q1 = header.iter().position(|h| h.starts_with("W1.1 ")).expect("W1.1");
    let cells: Vec<String> = people.rows().skip(1).map(|r| r[q1].to_string()).collect();
    assert!(
        cells.contains(&"=HYPERLINK(\"http://evil.example\",\"klik\")".to_owned()),
        "stored as text, not a formula"
    );
    assert!(cells.iter().all(|c| PII.iter().all(|p| !c.contains(p))));
    let tallies = book.worksheet_range("Lukkede spørgsmål").expect("tallies");
    assert!(tallies.rows().any(|r| r[3] == "Herberg" && r[4] == "< 5"));

    let exports: i64 = audit_events::table
        .filter(audit_events::user_id.eq(&me.id))
        .filter(audit_events::action.eq("export"))
        .count()
        .get_result(&mut *app.conn())
        .expect("audit");
    assert_eq!(exports, 3, "every analysis export is audited");
}

/// Text stored before input was cleaned (a noncharacter, stray controls) never breaks a file:
/// every format still parses, and LibreOffice converts the Word file when it is installed.
async fn odd_characters_never_break_an_export(backend: Backend) {
    let app = spawn_app(backend).await;
    let f = seed(&app);
    let odd = "Et hjem\u{FFFF} er \u{1}ro\u{FFFE} og \u{202E}fred";
    diesel::update(quotes::table.filter(quotes::status.eq("approved")))
        .set(quotes::text.eq(odd))
        .execute(&mut *app.conn())
        .expect("older data");
    app.login_as(Role::Facilitator).await;
    let topic = f.topic.to_string();
    let docx_bytes = download(&app, "download", &topic, "docx").await;
    let docx = read_docx(&docx_bytes);
    assert!(
        docx.with_style("Quote").contains(&"»Et hjem er ro og fred«"),
        "{:?}",
        docx.with_style("Quote")
    );
    let html = String::from_utf8(download(&app, "download", &topic, "html").await).expect("utf-8");
    assert!(!html.contains('\u{FFFF}') && html.contains("Et hjem er ro og fred"));
    let xlsx = download(&app, "data", &topic, "xlsx").await;
    let book: Result<calamine::Xlsx<_>, _> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx.clone()));
    assert!(book.is_ok(), "the workbook opens");
    let Some(soffice) = which("soffice") else {
        assert!(
            std::env::var("CI").is_err(),
            "CI installs LibreOffice, so this check must run there"
        );
        eprintln!("soffice not installed: the LibreOffice conversions were not tried");
        return;
    };
    // LibreOffice opens each file and writes it out again.
    let dir = tempfile::tempdir().expect("dir");
    for (name, bytes, to) in [
        ("rapport.docx", docx_bytes, "pdf"),
        ("rapport.html", html.into_bytes(), "pdf"),
        ("svar.xlsx", xlsx, "csv"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("write");
        let out = std::process::Command::new(&soffice)
            .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
            .arg(dir.path())
            .arg(&path)
            .env("HOME", dir.path())
            .output()
            .expect("soffice runs");
        let stem = name.split('.').next().unwrap_or(name);
        let converted = dir.path().join(format!("{stem}.{to}"));
        let size = std::fs::metadata(&converted).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 100,
            "LibreOffice converts {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::remove_file(&converted).expect("remove");
    }
}

fn which(program: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|dir| std::path::Path::new(dir).join(program))
        .find(|p| p.is_file())
}

on_both_backends!(
    reports_hold_no_answer_and_no_small_count,
    analysis_exports_carry_respondents_numbers_and_options,
    odd_characters_never_break_an_export,
);

/// The demo tells the 2023 story as the annual report does: two topics, each with two
/// workshops of the same people, 12 and 15 of them.
async fn the_demo_report_counts_the_people_the_annual_report_counts(backend: Backend) {
    let app = spawn_app(backend).await;
    deltag::demo::load(&mut app.conn()).expect("demo");
    app.login_as(Role::Viewer).await;
    let track: deltag::db::TrackId = deltag::db::schema::tracks::table
        .select(deltag::db::schema::tracks::id)
        .first(&mut *app.conn())
        .expect("track");
    let res = app.get(&format!("/staff/export/download?scope=track&id={track}&format=docx")).await;
    assert_eq!(res.status().as_u16(), 200);
    let docx = read_docx(&res.bytes().await.expect("body"));
    let text = docx.text();
    assert!(
        text.contains("Fra bolig til hjem: 12 deltagere, de samme på alle temaets workshops"),
        "{text}"
    );
    assert!(
        text.contains(
            "Brug af velfærdssystemets indsatser og ydelser blandt borgere i hjemløshed og sammenhæng i støtten: 15 deltagere, de samme på alle temaets workshops"
        ),
        "{text}"
    );
    let people_lines: Vec<&str> = docx
        .paragraphs
        .iter()
        .map(|(_, t)| t.as_str())
        .filter(|t| t.starts_with(char::is_numeric) && t.ends_with("alle temaets workshops"))
        .collect();
    assert_eq!(
        people_lines,
        [
            "12 deltagere, de samme på alle temaets workshops",
            "15 deltagere, de samme på alle temaets workshops"
        ],
        "each topic section says it too"
    );
    for kind in [
        "Skrevet af deltageren:",
        "Sagt af deltageren, skrevet af facilitator:",
        "Læst op for deltageren, skrevet af facilitator:",
        "Fra flipover:",
    ] {
        assert!(text.contains(kind), "the demo has answers given every way: {kind}");
    }
    assert!(
        small_counts(&text, &docx_count_cells(&docx)).is_empty(),
        "{:?}",
        small_counts(&text, &docx_count_cells(&docx))
    );
}

on_both_backends!(the_demo_report_counts_the_people_the_annual_report_counts);
