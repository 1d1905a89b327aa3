use std::collections::BTreeSet;
use std::path::Path;

use deltag::db::{revert_all_migrations, run_migrations, Backend};
use diesel::connection::SimpleConnection;

use crate::helpers::{direct_connection, TestDb};
use crate::on_both_backends;

fn versions(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("migrations dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn migrations_are_paired_with_up_and_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let sqlite = versions(&root.join("sqlite"));
    let postgres = versions(&root.join("postgres"));
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres, "every migration exists for both backends");
    for backend in ["sqlite", "postgres"] {
        for version in &sqlite {
            for file in ["up.sql", "down.sql"] {
                let path = root.join(backend).join(version).join(file);
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(!text.trim().is_empty(), "{} is missing or empty", path.display());
            }
        }
    }
}

async fn migrations_go_up_down_and_up_again(backend: Backend) {
    let db = TestDb::new(backend);
    let mut conn = direct_connection(&db.url);
    let applied = run_migrations(&mut conn).expect("up");
    assert!(!applied.is_empty());
    conn.batch_execute("SELECT COUNT(*) FROM answers").expect("answers table exists");
    let reverted = revert_all_migrations(&mut conn).expect("down");
    assert_eq!(reverted, applied.len());
    assert!(conn.batch_execute("SELECT COUNT(*) FROM answers").is_err(), "down removed the tables");
    let again = run_migrations(&mut conn).expect("up again");
    assert_eq!(again, applied);
    assert!(run_migrations(&mut conn).expect("no-op").is_empty(), "a second run applies nothing");
}

on_both_backends!(migrations_go_up_down_and_up_again);

/// `2026-12-02-000001_clean_text` removes from stored answers and quotes exactly the
/// characters `clean_typed` strips at input, and nothing else.
async fn the_clean_text_migration_removes_what_input_cleaning_strips(backend: Backend) {
    use deltag::db::schema::{answers, quotes};
    use deltag::survey::domain::WorkshopStatus;
    use diesel::prelude::*;

    let app = crate::helpers::spawn_app(backend).await;
    let s = crate::survey_helpers::seed_workshop(&app, WorkshopStatus::Open);
    let q1 = app.join_workshop(&s.code).await;
    app.answer(&q1, &[("answer", "tekst"), ("action", "save")]).await;
    let q3 = format!("/j/{}/q/3", s.code);
    app.answer(&q3, &[("answer", "other"), ("other", "andet"), ("action", "save")]).await;
    let q2 = format!("/j/{}/q/2", s.code);
    app.answer(&q2, &[("answer", "Ren tekst \u{200F}שלום\u{FFFD}"), ("action", "save")]).await;

    let stripped: String = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|c| deltag::text::is_stripped(*c))
        .collect();
    assert_eq!(stripped.chars().count(), 75, "the set the migration lists");
    // Stored before input was cleaned: every stripped character between kept ones.
    let dirty = format!("Jeg{stripped} bor\u{2029}her");
    let rows: Vec<(String, String)> = answers::table
        .order(answers::created_at)
        .select((answers::id, answers::value))
        .load(&mut *app.conn())
        .expect("answers");
    assert_eq!(rows.len(), 3);
    let (text_id, choice_id, clean_id) = (&rows[0].0, &rows[1].0, &rows[2].0);
    let clean_before = rows[2].1.clone();
    diesel::update(answers::table.find(text_id))
        .set(answers::value.eq(&dirty))
        .execute(&mut *app.conn())
        .expect("dirty text");
    let choice = serde_json::json!({ "choices": [], "other": dirty }).to_string();
    diesel::update(answers::table.find(choice_id))
        .set(answers::value.eq(&choice))
        .execute(&mut *app.conn())
        .expect("dirty choice");
    let at = deltag::db::now();
    let question: String = answers::table
        .find(text_id)
        .select(answers::question_id)
        .first(&mut *app.conn())
        .expect("question");
    diesel::insert_into(quotes::table)
        .values((
            quotes::id.eq("quote-1"),
            quotes::answer_id.eq(text_id),
            quotes::workshop_id.eq(&s.workshop_id),
            quotes::question_id.eq(&question),
            quotes::entered_by.eq("self"),
            quotes::text.eq(&dirty),
            quotes::status.eq("draft"),
            quotes::version.eq(1),
            quotes::created_at.eq(at),
            quotes::updated_at.eq(at),
        ))
        .execute(&mut *app.conn())
        .expect("quote");

    let folder = if backend == Backend::Sqlite { "sqlite" } else { "postgres" };
    let up = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(folder)
        .join("2026-12-02-000001_clean_text/up.sql");
    let sql = std::fs::read_to_string(up).expect("up.sql");
    app.conn().batch_execute(&sql).expect("the migration runs on stored data");

    let expected = deltag::text::clean_typed(&dirty);
    assert_eq!(expected, "Jeg bor\u{2029}her");
    let value = |id: &str| -> String {
        answers::table.find(id).select(answers::value).first(&mut *app.conn()).expect("value")
    };
    assert_eq!(value(text_id), expected);
    let other: serde_json::Value = serde_json::from_str(&value(choice_id)).expect("still JSON");
    assert_eq!(other["other"], expected);
    assert_eq!(value(clean_id), clean_before, "marks and replacement characters stay");
    let quote: String =
        quotes::table.find("quote-1").select(quotes::text).first(&mut *app.conn()).expect("quote");
    assert_eq!(quote, expected);
}

on_both_backends!(the_clean_text_migration_removes_what_input_cleaning_strips);
