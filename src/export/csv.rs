//! The answers as CSV: UTF-8 with a BOM (so Danish Excel shows æøå), one row per answer, and
//! no cell that a spreadsheet could take for a formula.

use super::Summary;
use crate::i18n::Lang;

/// Neutralises a cell that begins with `=`, `+`, `-`, `@`, TAB or CR by prefixing `'`, so
/// participants' text never becomes a formula (LimeSurvey's CVE-2019-16184 was exactly this).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The Fluent keys of the column headings.
pub const HEADER_KEYS: [&str; 9] = [
    "doc-col-workshop",
    "doc-col-number",
    "doc-col-question",
    "doc-col-type",
    "doc-col-answer",
    "doc-col-entered",
    "doc-col-themes",
    "doc-col-created",
    "doc-col-updated",
];

/// The column headings in `lang`.
pub fn header(lang: Lang) -> Vec<String> {
    HEADER_KEYS.iter().map(|k| lang.t(k)).collect()
}

/// Renders the answers.
pub fn render(summary: &Summary, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = ::csv::WriterBuilder::new().from_writer(&mut out);
        w.write_record(header(lang))?;
        for a in &summary.answers {
            let cells = [
                a.workshop.clone(),
                a.question_position.to_string(),
                a.question.clone(),
                a.kind.as_str().to_owned(),
                a.value.clone(),
                a.entered_by_label.clone(),
                a.themes.join("; "),
                a.created_at.format("%Y-%m-%d %H:%M").to_string(),
                a.updated_at.format("%Y-%m-%d %H:%M").to_string(),
            ];
            w.write_record(cells.iter().map(|c| neutralise(c)))?;
        }
        w.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(super::neutralise(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(super::neutralise("Helt almindelig tekst"), "Helt almindelig tekst");
    }
}
