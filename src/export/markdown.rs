//! The summary as Markdown, in the shape of the report's "Deltagelsesperspektiv" sections.

use std::fmt::Write;

use super::summary::{Summary, ThemeSummary};
use crate::i18n::Lang;

fn date(d: Option<chrono::NaiveDateTime>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_else(|| "–".into())
}

/// Escapes characters with a meaning in Markdown.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out.replace('\n', "  \n")
}

fn theme(out: &mut String, lang: Lang, t: &ThemeSummary, level: usize) {
    let _ = writeln!(out, "{} {}\n", "#".repeat(level), esc(&t.title));
    if !t.summary.is_empty() {
        let _ = writeln!(out, "{}\n", esc(&t.summary));
    }
    let _ = writeln!(
        out,
        "*{}*\n",
        lang.t_args(
            "doc-theme-counts",
            &[
                ("answers", t.answers.display.as_str().into()),
                ("participants", t.participants.display.as_str().into()),
            ],
        )
    );
    for (i, k) in t.key_points.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, esc(k));
    }
    if !t.key_points.is_empty() {
        out.push('\n');
    }
    for q in &t.quotes {
        let _ = writeln!(
            out,
            "> {}  \n> — {}\n",
            lang.t_args("doc-quote", &[("text", esc(&q.text).into())]),
            esc(&q.source)
        );
    }
    for s in &t.sub_themes {
        theme(out, lang, s, level + 1);
    }
}

/// Renders the summary.
pub fn render(s: &Summary, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(&s.title));
    let _ = writeln!(out, "## {}\n", lang.t("doc-about"));
    let topics = s.about.topics.iter().map(|t| esc(t)).collect::<Vec<_>>().join(", ");
    let _ = writeln!(
        out,
        "{}\n",
        lang.t_args(
            "doc-about-facts",
            &[
                ("topics", topics.into()),
                ("workshops", s.about.workshops.to_string().into()),
                ("participants", s.about.participants.display.as_str().into()),
                ("from", date(s.about.first_date).into()),
                ("to", date(s.about.last_date).into()),
            ],
        )
    );
    for e in &s.about.entered {
        let _ = writeln!(
            out,
            "- {}",
            lang.t_args(
                "doc-entered-count",
                &[("label", esc(&e.label).into()), ("answers", e.answers.display.as_str().into()),],
            )
        );
    }
    out.push('\n');
    for t in &s.topics {
        let _ =
            writeln!(out, "## {}\n", lang.t_args("doc-topic", &[("title", esc(&t.title).into())]));
        if !t.description.is_empty() {
            let _ = writeln!(out, "{}\n", esc(&t.description));
        }
        for w in &t.workshops {
            let when = format!("{}, {}", date(w.starts_at), esc(&w.location));
            let _ = writeln!(
                out,
                "- {}",
                lang.t_args(
                    "doc-workshop-line",
                    &[
                        ("workshop", esc(&w.title).into()),
                        ("when", when.into()),
                        ("participants", w.participants.display.as_str().into()),
                    ],
                )
            );
        }
        out.push('\n');
        for (i, k) in t.key_points.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, esc(k));
        }
        if !t.key_points.is_empty() {
            out.push('\n');
        }
        for th in &t.themes {
            theme(&mut out, lang, th, 3);
        }
        for q in &t.closed_questions {
            let _ = writeln!(out, "#### {} ({})\n", esc(&q.question), esc(&q.workshop));
            let _ = writeln!(
                out,
                "| {} | {} |\n|---|---:|",
                esc(&lang.t("doc-col-answer")),
                esc(&lang.t("doc-col-count"))
            );
            for r in &q.rows {
                let _ = writeln!(out, "| {} | {} |", esc(&r.label), r.count.display);
            }
            let _ = writeln!(out, "| {} | {} |\n", esc(&lang.t("doc-total")), q.total.display);
        }
    }
    let _ = writeln!(
        out,
        "## {}\n\n{}\n\n## {}\n\n{}",
        lang.t("doc-method"),
        esc(&s.method_note),
        lang.t("doc-privacy"),
        esc(&s.privacy_note)
    );
    out
}
