//! `deltag themes suggest`: theme suggestions for a file of answers, for evaluation and
//! scripts. Clusters the lines, or ranks given themes for each line (`--themes`), with the
//! e5 model when it is installed and TF-IDF otherwise; the output says which.

use std::path::Path;

use anyhow::{bail, Context};
use serde_json::json;

use crate::cluster::semantic::{self, EngineName, Model, ThemeText};
use crate::cluster::{suggest, Language, SuggestOptions};

/// `--engine`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EngineChoice {
    /// e5 when the model file is there, else TF-IDF.
    Auto,
    /// The e5 sentence model (fails without its file).
    E5,
    /// TF-IDF of words and character n-grams.
    Tfidf,
}

/// The command's arguments.
pub struct Request<'a> {
    pub input: &'a Path,
    pub k: Option<usize>,
    pub english: bool,
    pub themes: Option<&'a Path>,
    pub examples: Option<&'a Path>,
    pub engine: EngineChoice,
    pub json: bool,
    pub model: &'a Path,
}

pub(super) fn run(r: &Request<'_>) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(r.input)
        .with_context(|| format!("cannot read {}", r.input.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    let language = if r.english { Language::English } else { Language::Danish };
    let model = match r.engine {
        EngineChoice::Tfidf => None,
        EngineChoice::E5 => Some(Model::shared(r.model)?),
        EngineChoice::Auto => match Model::shared(r.model) {
            Ok(model) => Some(model),
            Err(e) => {
                eprintln!(
                    "Using TF-IDF: {e}. For suggestions that understand meaning, install the \
                     model (see the README) or point --model/DELTAG_MODEL_PATH at it."
                );
                None
            }
        },
    };
    let engine = if model.is_some() { EngineName::E5 } else { EngineName::Tfidf };
    match r.themes {
        Some(themes) => ranked(r, &lines, &read_themes(themes, r.examples)?, model, language),
        None => {
            let result = match model {
                Some(model) => semantic::cluster_e5(model, &lines, r.k, 42),
                None => suggest(&lines, &SuggestOptions { k: r.k, language, ..Default::default() }),
            };
            if r.json {
                let doc = json!({
                    "themes": result.themes.iter().map(|t| json!({
                        "label": t.label, "keywords": t.keywords, "members": t.members,
                    })).collect::<Vec<_>>(),
                    "unassigned": result.unassigned,
                    "engine": engine,
                });
                println!("{}", serde_json::to_string(&doc)?);
                return Ok(());
            }
            for t in &result.themes {
                println!("{} ({} answers): {}", t.label, t.members.len(), t.keywords.join(", "));
                for i in &t.representatives {
                    println!("  - {}", lines.get(*i).unwrap_or(&""));
                }
            }
            if !result.unassigned.is_empty() {
                println!("Unassigned: {} line(s)", result.unassigned.len());
            }
            Ok(())
        }
    }
}

/// Keys and texts of the themes file, with the examples file's answers under their theme.
fn read_themes(path: &Path, examples: Option<&Path>) -> anyhow::Result<Vec<(String, ThemeText)>> {
    let mut themes: Vec<(String, ThemeText)> = Vec::new();
    for row in tsv(path, &["theme", "name", "description"])? {
        let [key, name, description] = <[String; 3]>::try_from(row).unwrap_or_default();
        themes.push((key, ThemeText { name, description, examples: Vec::new() }));
    }
    if themes.is_empty() {
        bail!("{} lists no themes", path.display());
    }
    if let Some(path) = examples {
        for row in tsv(path, &["theme", "text"])? {
            let [key, text] = <[String; 2]>::try_from(row).unwrap_or_default();
            let Some((_, theme)) = themes.iter_mut().find(|(k, _)| *k == key) else {
                bail!("{}: the theme {key:?} is not in the themes file", path.display());
            };
            theme.examples.push(text);
        }
    }
    Ok(themes)
}

/// The named columns of a tab-separated file with a header row (CSV quoting allowed).
fn tsv(path: &Path, columns: &[&str]) -> anyhow::Result<Vec<Vec<String>>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .from_path(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let header = reader.headers()?.clone();
    let at: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| header.iter().position(|h| h.trim() == *c).unwrap_or(i))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("{}", path.display()))?;
        rows.push(at.iter().map(|i| record.get(*i).unwrap_or("").trim().to_owned()).collect());
    }
    Ok(rows)
}

fn ranked(
    r: &Request<'_>, lines: &[&str], themes: &[(String, ThemeText)], model: Option<&Model>,
    language: Language,
) -> anyhow::Result<()> {
    let texts: Vec<ThemeText> = themes.iter().map(|(_, t)| t.clone()).collect();
    let (ranked, engine) = match model {
        Some(model) => (semantic::rank_e5(model, lines, &texts), EngineName::E5),
        None => (semantic::rank_tfidf(lines, &texts, language), EngineName::Tfidf),
    };
    if r.json {
        let doc = json!({
            "assignments": ranked.iter().enumerate().map(|(line, ranks)| json!({
                "line": line,
                "themes": ranks.iter().map(|x| json!({
                    "theme": themes[x.theme].0, "score": (x.score * 1e4).round() / 1e4,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "engine": engine,
        });
        println!("{}", serde_json::to_string(&doc)?);
        return Ok(());
    }
    for (line, ranks) in lines.iter().zip(&ranked) {
        let best: Vec<String> = ranks
            .iter()
            .take(2)
            .map(|x| format!("{} {:.2}", themes[x.theme].1.name, x.score))
            .collect();
        println!("{line}\n  -> {}", best.join(", "));
    }
    Ok(())
}

/// `deltag themes embed`: gives every stored free-text answer its e5 vector (answers stored
/// before the model was installed, or made with another model), showing progress. The
/// server does the same in the background; this is for a large backlog at once.
pub(super) fn embed(cli: &super::Cli) -> anyhow::Result<()> {
    use crate::cluster::semantic::E5_MODEL_ID;
    use crate::db::{DatabaseUrl, Db};
    use crate::themes::guide::{embedder, store};
    use std::io::Write;
    let path = cli.model_path();
    let model = Model::shared(&path).with_context(|| {
        format!(
            "the e5 model is needed at {} (see the README: Installing the model)",
            path.display()
        )
    })?;
    let db = Db::connect(&DatabaseUrl::parse(&cli.database_url)?, 2)?;
    db.migrate()?;
    let total = store::count_pending(&mut *db.get()?, E5_MODEL_ID)?.max(0) as usize;
    let start = std::time::Instant::now();
    let mut done = 0usize;
    let mut err = std::io::stderr().lock();
    loop {
        let n = embedder::embed_pending(&db, model, 256)?;
        if n == 0 {
            break;
        }
        done += n;
        // A bar on one line, redrawn: [#####.....] 1,200 of 10,003 answers, 12 s.
        let width = 30;
        let filled = (done * width).checked_div(total.max(done)).unwrap_or(width);
        write!(
            err,
            "\r[{}{}] {done} of {} answers, {} s",
            "#".repeat(filled),
            ".".repeat(width - filled),
            total.max(done),
            start.elapsed().as_secs()
        )?;
        err.flush()?;
    }
    writeln!(err)?;
    println!("Embedded {done} answer(s) in {:.1} s.", start.elapsed().as_secs_f64());
    Ok(())
}
