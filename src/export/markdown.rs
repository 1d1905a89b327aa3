//! The summary as Markdown, in the shape of the report's "Deltagelsesperspektiv" sections.

use std::fmt::Write;

use super::summary::{Summary, ThemeSummary};

fn date(d: Option<chrono::NaiveDateTime>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string())
        .unwrap_or_else(|| "–".into())
}

/// Escapes characters with a meaning in Markdown.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out.replace('\n', "  \n")
}

fn theme(out: &mut String, t: &ThemeSummary, level: usize) {
    let _ = writeln!(out, "{} {}\n", "#".repeat(level), esc(&t.title));
    if !t.summary.is_empty() {
        let _ = writeln!(out, "{}\n", esc(&t.summary));
    }
    let _ = writeln!(
        out,
        "*{} svar fra {} deltagere*\n",
        t.answers.display, t.participants.display
    );
    for (i, k) in t.key_points.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, esc(k));
    }
    if !t.key_points.is_empty() {
        out.push('\n');
    }
    for q in &t.quotes {
        let _ = writeln!(out, "> »{}«  \n> — {}\n", esc(&q.text), esc(&q.source));
    }
    for s in &t.sub_themes {
        theme(out, s, level + 1);
    }
}

/// Renders the summary.
pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(&s.title));
    let _ = writeln!(out, "## Om deltagelsessporet\n");
    let _ = writeln!(
        out,
        "Temaer: {}. Workshops: {}. Deltagere med svar: {}. Periode: {} – {}.\n",
        s.about
            .topics
            .iter()
            .map(|t| esc(t))
            .collect::<Vec<_>>()
            .join(", "),
        s.about.workshops,
        s.about.participants.display,
        date(s.about.first_date),
        date(s.about.last_date)
    );
    for e in &s.about.entered {
        let _ = writeln!(out, "- {}: {} svar", esc(&e.label), e.answers.display);
    }
    out.push('\n');
    for t in &s.topics {
        let _ = writeln!(out, "## Tema: {}\n", esc(&t.title));
        if !t.description.is_empty() {
            let _ = writeln!(out, "{}\n", esc(&t.description));
        }
        for w in &t.workshops {
            let _ = writeln!(
                out,
                "- {} ({}, {}): {} deltagere",
                esc(&w.title),
                date(w.starts_at),
                esc(&w.location),
                w.participants.display
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
            theme(&mut out, th, 3);
        }
        for q in &t.closed_questions {
            let _ = writeln!(out, "#### {} ({})\n", esc(&q.question), esc(&q.workshop));
            let _ = writeln!(out, "| Svar | Antal |\n|---|---:|");
            for r in &q.rows {
                let _ = writeln!(out, "| {} | {} |", esc(&r.label), r.count.display);
            }
            let _ = writeln!(out, "| I alt | {} |\n", q.total.display);
        }
    }
    let _ = writeln!(
        out,
        "## Metode\n\n{}\n\n## Beskyttelse af deltagerne\n\n{}",
        esc(&s.method_note),
        esc(&s.privacy_note)
    );
    out
}
