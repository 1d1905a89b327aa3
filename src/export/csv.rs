//! The individual answers as CSV, one row per respondent: UTF-8 with a BOM (so Danish Excel
//! shows æøå), the notice that it holds individual answers for internal use on the first row,
//! the headings on the second, and no cell that a spreadsheet could take for a formula.

use super::dataset::{Cell, Dataset};
use super::xml::clean;
use crate::i18n::Lang;

/// Neutralises a cell that begins with `=`, `+`, `-`, `@`, TAB or CR by prefixing `'`, so
/// participants' text never becomes a formula (LimeSurvey's CVE-2019-16184 was exactly this).
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// The headings: respondent, source, workshops, then one per column of the dataset.
pub fn header(lang: Lang, data: &Dataset) -> Vec<String> {
    let mut out =
        vec![lang.t("data-col-respondent"), lang.t("data-col-source"), lang.t("doc-col-workshop")];
    out.extend(data.columns.iter().map(|c| c.header.clone()));
    out
}

/// Renders the respondents.
pub fn render(data: &Dataset, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = ::csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
        w.write_record([neutralise(&data.notice)])?;
        w.write_record(header(lang, data).iter().map(|h| neutralise(&clean(h))))?;
        for r in &data.respondents {
            let mut cells = vec![r.id.clone(), r.source.clone(), r.workshops.clone()];
            cells.extend(r.values.iter().map(|c| match c {
                Cell::Empty => String::new(),
                Cell::Number(n) => n.to_string(),
                Cell::Text(t) => t.clone(),
            }));
            w.write_record(cells.iter().map(|c| neutralise(&clean(c))))?;
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
