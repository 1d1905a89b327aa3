//! The dependency rules of `src/`, checked on every run (see README, "Architecture"):
//! - `web` (the shell) and `db` know no feature, and `db` does not know `error` or `web`;
//! - a feature (and the `cli` and `demo` tools) uses another feature only through what that
//!   feature re-exports, never its `store`, `routes` or `views` modules;
//! - stores do not use web types.

use std::path::{Path, PathBuf};

/// The features: folders of `src/` with their own routes, stores or views.
const FEATURES: [&str; 10] = [
    "audit",
    "auth",
    "cluster",
    "demo",
    "export",
    "participant",
    "room",
    "settings",
    "survey",
    "themes",
];

/// Modules of a feature that no other feature may use.
const INTERNALS: [&str; 3] = ["store", "routes", "views"];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The feature (or top-level module) a file of `src/` belongs to: `survey` for
/// `src/survey/routes/tracks.rs`, `startup` for `src/startup.rs`.
fn owner(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("inside src");
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `crate::a::b…` path a file names, as its segments (`use crate::survey::{store, X}`
/// gives `[survey, store]` and `[survey, X]`). Comments are skipped.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let code: Vec<&str> = text.lines().map(|line| line.split("//").next().unwrap_or("")).collect();
    let code = code.join("\n");
    let mut out = Vec::new();
    {
        let mut rest = code.as_str();
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let head: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segments: Vec<String> =
                head.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect();
            // A group: `crate::survey::{store, views::x}` names each member.
            let after = &rest[head.len()..];
            if head.ends_with("::") && after.starts_with('{') {
                let group: String = after[1..].chars().take_while(|c| *c != '}').collect();
                for member in group.split(',') {
                    let member = member.trim();
                    let first = member.split("::").next().unwrap_or("").trim();
                    if !first.is_empty() {
                        let mut path = segments.clone();
                        path.push(first.split(' ').next().unwrap_or(first).to_owned());
                        out.push(path);
                    }
                }
                continue;
            }
            if !segments.is_empty() {
                segments.truncate(3);
                out.push(segments);
            }
        }
    }
    out
}

/// The broken rules of one file, in words.
fn violations(owner: &str, file: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let is_store = file.contains("/store/") || file.ends_with("/store.rs");
    for path in crate_paths(text) {
        let target = path[0].as_str();
        let is_feature = FEATURES.contains(&target);
        if (owner == "web" || owner == "db") && is_feature {
            found.push(format!("{file}: the shell module `{owner}` uses feature `{target}`"));
        }
        if owner == "db" && (target == "error" || target == "web") {
            found.push(format!("{file}: `db` uses `{target}`"));
        }
        if is_store && target == "web" {
            found.push(format!("{file}: a store uses `web`"));
        }
        let owner_is_feature = FEATURES.contains(&owner) || owner == "cli";
        if owner_is_feature && is_feature && target != owner {
            if let Some(inner) = path.get(1).filter(|m| INTERNALS.contains(&m.as_str())) {
                found.push(format!(
                    "{file}: `{owner}` reaches into `{target}::{inner}`; use what `{target}` re-exports"
                ));
            }
        }
    }
    found
}

#[test]
fn dependencies_point_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = rust_files(&src);
    assert!(files.len() > 50, "found only {} files in src/", files.len());
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        let name = file.to_string_lossy().replace('\\', "/");
        broken.extend(violations(&owner(&src, file), &name, &text));
    }
    assert!(broken.is_empty(), "dependency rules broken:\n{}", broken.join("\n"));
}

#[test]
fn the_check_catches_each_kind_of_break() {
    let cases = [
        ("themes", "src/themes/routes/board.rs", "use crate::survey::store as survey_store;"),
        ("themes", "src/themes/routes/board.rs", "use crate::survey::{self, store};"),
        ("export", "src/export/mod.rs", "let x = crate::participant::views::display_answer(l);"),
        ("cli", "src/cli/commands.rs", "crate::auth::store::create_user(conn)"),
        ("web", "src/web/pages.rs", "use crate::participant::views;"),
        ("db", "src/db/mod.rs", "use crate::error::AppError;"),
        ("survey", "src/survey/store/workshops.rs", "use crate::web::Lang;"),
        ("export", "src/export/mod.rs", "use crate::themes::{\n    self,\n    store,\n};"),
    ];
    for (owner, file, line) in cases {
        assert!(!violations(owner, file, line).is_empty(), "not caught: {line} in {file}");
    }
    let fine = [
        ("themes", "src/themes/routes/board.rs", "use crate::survey::{self, Topic};"),
        ("themes", "src/themes/routes/board.rs", "use crate::themes::store::{self, Theme};"),
        (
            "startup",
            "src/startup.rs",
            "(crate::survey::routes::routes, crate::survey::routes::ROUTES),",
        ),
        ("survey", "src/survey/views/mod.rs", "// crate::auth::store is not used here"),
    ];
    for (owner, file, line) in fine {
        assert_eq!(violations(owner, file, line), Vec::<String>::new(), "{line}");
    }
}
