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
    let _ = writeln!(out, "*{}*\n", esc(&t.evidence));
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
    if let Some(line) = super::summary::made_by(&s.organisation, lang) {
        let _ = writeln!(out, "{}\n", esc(&line));
    }
    let _ = writeln!(out, "## {}\n", lang.t("doc-about"));
    let _ = writeln!(
        out,
        "{}\n",
        lang.t_args(
            "doc-about-text",
            &[
                ("workshops", s.about.workshops.to_string().into()),
                ("from", date(s.about.first_date).into()),
                ("to", date(s.about.last_date).into()),
            ],
        )
    );
    for t in &s.about.topics {
        let _ = writeln!(out, "- {}", esc(t));
    }
    let _ = writeln!(out, "\n{}\n", lang.t("doc-entered-intro"));
    for e in &s.about.entered {
        let _ = writeln!(out, "- {}", esc(&e.line));
    }
    out.push('\n');
    for line in &s.answers_deleted {
        let _ = writeln!(out, "*{}*\n", esc(line));
    }
    for t in &s.topics {
        let _ =
            writeln!(out, "## {}\n", lang.t_args("doc-topic", &[("title", esc(&t.title).into())]));
        if !t.description.is_empty() {
            let _ = writeln!(out, "{}\n", esc(&t.description));
        }
        let _ = writeln!(out, "{}\n", esc(&t.people_line));
        for w in &t.workshops {
            let _ = writeln!(out, "- {}", esc(&w.line));
        }
        out.push('\n');
        if !t.key_points.is_empty() {
            let _ = writeln!(out, "### {}\n", lang.t("doc-key-points"));
            for (i, k) in t.key_points.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", i + 1, esc(k));
            }
            out.push('\n');
        }
        for th in &t.themes {
            theme(&mut out, lang, th, 3);
        }
        if !t.closed_questions.is_empty() {
            let _ = writeln!(out, "### {}\n", lang.t("doc-closed-questions"));
        }
        for q in &t.closed_questions {
            let _ = writeln!(out, "#### {} ({})\n", esc(&q.question), esc(&q.workshop));
            if let Some(sentence) = &q.instead {
                let _ = writeln!(out, "{}\n", esc(sentence));
                continue;
            }
            let _ = writeln!(
                out,
                "| {} | {} |\n|---|---:|",
                esc(&lang.t("doc-col-answer")),
                esc(&lang.t("doc-col-people"))
            );
            for r in &q.rows {
                let _ = writeln!(out, "| {} | {} |", esc(&r.label), esc(&r.count.display));
            }
            let _ = writeln!(
                out,
                "| {} | {} |\n",
                esc(&lang.t("doc-total-people")),
                esc(&q.total.display)
            );
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
    super::xml::clean(&out).into_owned()
}
