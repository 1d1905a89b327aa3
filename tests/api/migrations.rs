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
