//! The individual answers as Excel: "Læs først" (what the file holds and that it is for
//! internal use), one row per respondent, one row per answer, and the report's aggregates
//! (themes and closed questions, suppressed as in the report). Every sheet has a frozen header
//! row and filters; text is always written as text, never as a formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::counts::Count;
use super::dataset::{Cell, Dataset};
use super::summary::ThemeSummary;
use super::xml::clean;
use crate::i18n::Lang;

/// The columns of the sheets below the respondents, as Fluent keys; [`width`] sizes them.
const ANSWER_COLUMNS: &str = "data-col-respondent data-col-source doc-col-workshop doc-col-number doc-col-question doc-col-type data-col-number doc-col-answer doc-col-entered doc-col-themes doc-col-created doc-col-updated";
const THEME_COLUMNS: &str = "doc-col-topic doc-col-parent-theme doc-col-theme doc-col-answers doc-col-participants doc-col-statements doc-col-key-points doc-col-quotes";
const TALLY_COLUMNS: &str =
    "doc-col-topic doc-col-workshop doc-col-question doc-col-answer doc-col-people";

/// How wide a column of this kind is, in characters.
fn width(key: &str) -> f64 {
    match key {
        "doc-col-number" => 5.0,
        "data-col-number" | "doc-col-answers" | "doc-col-quotes" => 8.0,
        "doc-col-participants" | "doc-col-statements" | "doc-col-people" => 10.0,
        "data-col-respondent" | "doc-col-type" => 16.0,
        "doc-col-created" | "doc-col-updated" => 17.0,
        "data-col-source" => 18.0,
        "doc-col-workshop" => 28.0,
        "doc-col-entered" | "doc-col-themes" | "doc-col-topic" | "doc-col-parent-theme" => 30.0,
        "doc-col-theme" => 36.0,
        "doc-col-question" => 42.0,
        "doc-col-answer" => 50.0,
        "doc-col-key-points" => 70.0,
        _ => 20.0,
    }
}

/// Writes the header row of these Fluent keys (separated by spaces).
fn header_keys(
    sheet: &mut Worksheet, lang: Lang, keys: &str, bold: &Format,
) -> Result<(), XlsxError> {
    let columns: Vec<(String, f64)> =
        keys.split_whitespace().map(|k| (lang.t(k), width(k))).collect();
    header(sheet, &columns, bold)
}

/// Writes the header row.
fn header(
    sheet: &mut Worksheet, columns: &[(String, f64)], bold: &Format,
) -> Result<(), XlsxError> {
    for (i, (title, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, clean(title), bold)?;
        sheet.set_column_width(i as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str) -> Result<(), XlsxError> {
    sheet.write_string(row, col, clean(value))?;
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
    text(sheet, *row, 0, topic)?;
    text(sheet, *row, 1, parent.unwrap_or(""))?;
    text(sheet, *row, 2, &t.title)?;
    write_count(sheet, *row, 3, &t.answers)?;
    write_count(sheet, *row, 4, &t.people)?;
    write_count(sheet, *row, 5, &t.statements)?;
    let points: Vec<String> =
        t.key_points.iter().enumerate().map(|(i, k)| format!("{}. {k}", i + 1)).collect();
    text(sheet, *row, 6, &points.join("\n"))?;
    sheet.write_number(*row, 7, t.quotes.len() as f64)?;
    *row += 1;
    for s in &t.sub_themes {
        theme_rows(sheet, row, topic, s, Some(&t.title))?;
    }
    Ok(())
}

/// Renders the workbook.
pub fn render(data: &Dataset, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();

    let first = book.add_worksheet().set_name(lang.t("data-sheet-read-first"))?;
    first.set_column_width(0, 100.0)?;
    first.write_string_with_format(0, 0, clean(&data.notice), &bold)?;
    if let Some(line) = super::summary::made_by(&data.organisation, lang) {
        text(first, 1, 0, &line)?;
    }
    text(first, 2, 0, &data.title)?;
    text(first, 3, 0, &lang.t("data-read-first-rows"))?;
    for (i, line) in data.answers_deleted.iter().enumerate() {
        text(first, 5 + i as u32, 0, line)?;
    }

    let people = book.add_worksheet().set_name(lang.t("data-sheet-respondents"))?;
    let mut columns: Vec<(String, f64)> =
        ["data-col-respondent", "data-col-source", "doc-col-workshop"]
            .iter()
            .map(|k| (lang.t(k), width(k)))
            .collect();
    columns.extend(
        data.columns.iter().map(|c| (c.header.clone(), if c.numeric { 12.0 } else { 36.0 })),
    );
    header(people, &columns, &bold)?;
    for (i, r) in data.respondents.iter().enumerate() {
        let row = i as u32 + 1;
        text(people, row, 0, &r.id)?;
        text(people, row, 1, &r.source)?;
        text(people, row, 2, &r.workshops)?;
        for (j, cell) in r.values.iter().enumerate() {
            let col = 3 + j as u16;
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => {
                    people.write_number(row, col, f64::from(*n))?;
                }
                Cell::Text(t) => text(people, row, col, t)?,
            }
        }
    }
    people.autofilter(0, 0, data.respondents.len().max(1) as u32, columns.len() as u16 - 1)?;

    let answers = book.add_worksheet().set_name(lang.t("data-sheet-answers"))?;
    header_keys(answers, lang, ANSWER_COLUMNS, &bold)?;
    for (i, a) in data.answers.iter().enumerate() {
        let r = i as u32 + 1;
        text(answers, r, 0, &a.respondent)?;
        text(answers, r, 1, &a.source)?;
        text(answers, r, 2, &a.workshop)?;
        answers.write_number(r, 3, f64::from(a.question_position))?;
        text(answers, r, 4, &a.question)?;
        text(answers, r, 5, &a.kind)?;
        if let Some(n) = a.number {
            answers.write_number(r, 6, f64::from(n))?;
        }
        answers.write_string_with_format(r, 7, clean(&a.answer), &wrap)?;
        text(answers, r, 8, &a.entered_by)?;
        text(answers, r, 9, &a.themes.join("; "))?;
        text(answers, r, 10, &a.created_at.format("%Y-%m-%d %H:%M").to_string())?;
        text(answers, r, 11, &a.updated_at.format("%Y-%m-%d %H:%M").to_string())?;
    }
    answers.autofilter(0, 0, data.answers.len().max(1) as u32, 11)?;

    let themes = book.add_worksheet().set_name(lang.t("doc-sheet-themes"))?;
    header_keys(themes, lang, THEME_COLUMNS, &bold)?;
    let mut row = 1;
    for t in &data.report.topics {
        for th in &t.themes {
            theme_rows(themes, &mut row, &t.title, th, None)?;
        }
    }
    themes.autofilter(0, 0, row.saturating_sub(1).max(1), 7)?;

    let tallies = book.add_worksheet().set_name(lang.t("doc-closed-questions"))?;
    header_keys(tallies, lang, TALLY_COLUMNS, &bold)?;
    let total = lang.t("doc-total-people");
    let mut row = 1;
    for t in &data.report.topics {
        for q in &t.closed_questions {
            for (label, count) in q
                .rows
                .iter()
                .map(|r| (&r.label, &r.count))
                .chain(std::iter::once((&total, &q.total)))
            {
                text(tallies, row, 0, &t.title)?;
                text(tallies, row, 1, &q.workshop)?;
                text(tallies, row, 2, &q.question)?;
                text(tallies, row, 3, label)?;
                write_count(tallies, row, 4, count)?;
                row += 1;
            }
        }
    }
    tallies.autofilter(0, 0, row.saturating_sub(1).max(1), 4)?;
    Ok(book.save_to_buffer()?)
}
