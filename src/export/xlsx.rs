//! The summary as Excel: the answers, the themes (counts and key points) and the closed
//! questions' tallies, each sheet with a frozen header row and filters. Text is always written
//! as text, never as a formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::counts::Count;
use super::summary::{Summary, ThemeSummary};
use crate::i18n::Lang;

/// Writes the header row; `columns` are Fluent keys and widths.
fn header(
    sheet: &mut Worksheet, lang: Lang, columns: &[(&str, f64)], bold: &Format,
) -> Result<(), XlsxError> {
    for (i, (key, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, lang.t(key), bold)?;
        sheet.set_column_width(i as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn write_count(sheet: &mut Worksheet, row: u32, col: u16, c: &Count) -> Result<(), XlsxError> {
    match c.value {
        Some(v) => sheet.write_number(row, col, v as f64)?,
        None => sheet.write_string(row, col, &c.display)?,
    };
    Ok(())
}

fn theme_rows(
    sheet: &mut Worksheet, row: &mut u32, topic: &str, t: &ThemeSummary, parent: Option<&str>,
) -> Result<(), XlsxError> {
    sheet.write_string(*row, 0, topic)?;
    sheet.write_string(*row, 1, parent.unwrap_or(""))?;
    sheet.write_string(*row, 2, &t.title)?;
    write_count(sheet, *row, 3, &t.answers)?;
    write_count(sheet, *row, 4, &t.participants)?;
    sheet.write_string(
        *row,
        5,
        t.key_points
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{}. {k}", i + 1))
            .collect::<Vec<_>>()
            .join("\n"),
    )?;
    sheet.write_number(*row, 6, t.quotes.len() as f64)?;
    *row += 1;
    for s in &t.sub_themes {
        theme_rows(sheet, row, topic, s, Some(&t.title))?;
    }
    Ok(())
}

/// Renders the workbook.
pub fn render(s: &Summary, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    let answers = book.add_worksheet().set_name(lang.t("doc-sheet-answers"))?;
    header(
        answers,
        lang,
        &[
            ("doc-col-workshop", 28.0),
            ("doc-col-number", 5.0),
            ("doc-col-question", 40.0),
            ("doc-col-type", 14.0),
            ("doc-col-answer", 60.0),
            ("doc-col-entered", 30.0),
            ("doc-col-themes", 30.0),
            ("doc-col-created", 17.0),
            ("doc-col-updated", 17.0),
        ],
        &bold,
    )?;
    for (i, a) in s.answers.iter().enumerate() {
        let r = i as u32 + 1;
        answers.write_string(r, 0, &a.workshop)?;
        answers.write_number(r, 1, f64::from(a.question_position))?;
        answers.write_string(r, 2, &a.question)?;
        answers.write_string(r, 3, a.kind.as_str())?;
        answers.write_string_with_format(r, 4, &a.value, &wrap)?;
        answers.write_string(r, 5, &a.entered_by_label)?;
        answers.write_string(r, 6, a.themes.join("; "))?;
        answers.write_string(r, 7, a.created_at.format("%Y-%m-%d %H:%M").to_string())?;
        answers.write_string(r, 8, a.updated_at.format("%Y-%m-%d %H:%M").to_string())?;
    }
    answers.autofilter(0, 0, s.answers.len() as u32, 8)?;

    let themes = book.add_worksheet().set_name(lang.t("doc-sheet-themes"))?;
    header(
        themes,
        lang,
        &[
            ("doc-col-topic", 30.0),
            ("doc-col-parent-theme", 30.0),
            ("doc-col-theme", 36.0),
            ("doc-col-answers", 8.0),
            ("doc-col-participants", 10.0),
            ("doc-col-key-points", 70.0),
            ("doc-col-quotes", 8.0),
        ],
        &bold,
    )?;
    let mut row = 1;
    for t in &s.topics {
        for th in &t.themes {
            theme_rows(themes, &mut row, &t.title, th, None)?;
        }
    }
    themes.autofilter(0, 0, row.saturating_sub(1).max(1), 6)?;

    let tallies = book.add_worksheet().set_name(lang.t("doc-closed-questions"))?;
    header(
        tallies,
        lang,
        &[
            ("doc-col-topic", 30.0),
            ("doc-col-workshop", 28.0),
            ("doc-col-question", 44.0),
            ("doc-col-answer", 30.0),
            ("doc-col-count", 8.0),
        ],
        &bold,
    )?;
    let total = lang.t("doc-total");
    let mut row = 1;
    for t in &s.topics {
        for q in &t.closed_questions {
            for cell in q
                .rows
                .iter()
                .map(|r| (&r.label, &r.count))
                .chain(std::iter::once((&total, &q.total)))
            {
                tallies.write_string(row, 0, &t.title)?;
                tallies.write_string(row, 1, &q.workshop)?;
                tallies.write_string(row, 2, &q.question)?;
                tallies.write_string(row, 3, cell.0)?;
                write_count(tallies, row, 4, cell.1)?;
                row += 1;
            }
        }
    }
    tallies.autofilter(0, 0, row.saturating_sub(1).max(1), 4)?;
    Ok(book.save_to_buffer()?)
}
