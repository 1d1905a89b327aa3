use deltag::db::Backend;

use crate::helpers::{spawn_app, TestApp};
use crate::on_both_backends;

async fn health_is_ok_when_the_database_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 200);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["status"], "ok");
}

/// Breaks the database under the running server: PostgreSQL loses its database, SQLite's
/// file is overwritten with garbage.
fn break_database(app: &TestApp) {
    match app.test_db.backend {
        Backend::Postgres => app.test_db.drop_postgres_database(),
        Backend::Sqlite => {
            let path = app.test_db.sqlite_path().expect("sqlite path");
            std::fs::write(&path, vec![0x42u8; 64 * 1024]).expect("overwrite");
            for suffix in ["-wal", "-shm"] {
                let mut side = path.clone().into_os_string();
                side.push(suffix);
                let _ = std::fs::remove_file(side);
            }
        }
    }
}

async fn health_is_503_when_the_database_is_gone(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/healthz").await.status().as_u16(), 200);
    break_database(&app);
    let res = app.get("/healthz").await;
    assert_eq!(res.status().as_u16(), 503);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["status"], "unavailable");
}

on_both_backends!(health_is_ok_when_the_database_answers, health_is_503_when_the_database_is_gone);
