//! Exports, of two kinds. **Report** formats (Word, the print page, Markdown) render the
//! report model ([`summary::Summary`]): aggregates with small counts suppressed, key points and
//! approved quotes, never an individual answer. **Analysis** formats (Excel, CSV, JSON) render
//! the dataset ([`dataset::Dataset`]): the individual answers for the council's own analysts,
//! masked, offered to facilitators and admins only, each file saying so first. `store` reads
//! what a scope holds; `findings` counts it; no format queries the database its own way.

pub mod counts;
pub mod csv;
pub mod dataset;
pub mod docx;
pub mod findings;
pub mod html;
pub mod markdown;
pub mod routes;
mod said;
pub mod store;
pub mod summary;
mod views;
pub mod xlsx;
pub mod xml;

pub use dataset::Dataset;
pub use findings::Findings;
pub use summary::{Scope, Summary};

use crate::audit::{self, Action};
use crate::db::{DbConnection, UserId, WorkshopId};
use crate::error::AppError;
use crate::i18n::Lang;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word, for the report text.
    Docx,
    /// A print page (save as PDF from the browser).
    Html,
    /// Markdown.
    Markdown,
    /// Excel: the individual answers, one row per person and one per answer.
    Xlsx,
    /// CSV: the individual answers, one row per person.
    Csv,
    /// JSON: the individual answers and the report's aggregates.
    Json,
}

impl Format {
    /// Every format, in the order the export page offers them.
    pub const ALL: [Format; 6] =
        [Format::Docx, Format::Html, Format::Markdown, Format::Xlsx, Format::Csv, Format::Json];

    /// The report formats: aggregates, key points and approved quotes only.
    pub const REPORT: [Format; 3] = [Format::Docx, Format::Html, Format::Markdown];

    /// The analysis formats: individual answers, for facilitators and admins.
    pub const ANALYSIS: [Format; 3] = [Format::Xlsx, Format::Csv, Format::Json];

    /// Holds individual answers.
    pub fn is_analysis(self) -> bool {
        Self::ANALYSIS.contains(&self)
    }

    /// The name used in URLs and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// Parses the name.
    pub fn parse(s: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The MIME type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// Renders a report format; `None` for an analysis format.
    pub fn render_report(self, summary: &Summary) -> Option<anyhow::Result<Vec<u8>>> {
        let lang = Lang::from_code(summary.language).unwrap_or(Lang::Da);
        Some(match self {
            Format::Docx => docx::render(summary, lang),
            Format::Markdown => Ok(markdown::render(summary, lang).into_bytes()),
            Format::Html => Ok(html::render(summary, lang).into_bytes()),
            Format::Xlsx | Format::Csv | Format::Json => return None,
        })
    }

    /// Renders an analysis format; `None` for a report format.
    pub fn render_dataset(self, data: &Dataset) -> Option<anyhow::Result<Vec<u8>>> {
        let lang = Lang::from_code(data.language).unwrap_or(Lang::Da);
        Some(match self {
            Format::Xlsx => xlsx::render(data, lang),
            Format::Csv => csv::render(data, lang),
            Format::Json => serde_json::to_vec_pretty(data).map_err(anyhow::Error::from),
            Format::Docx | Format::Markdown | Format::Html => return None,
        })
    }

    /// A file name for the scope, e.g. `deltag-fra-bolig-til-hjem.docx`; analysis files say
    /// what they hold: `deltag-svar-fra-bolig-til-hjem.xlsx`.
    pub fn file_name(self, scope_title: &str) -> String {
        let slug: String = scope_title
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'æ' => 'a',
                'ø' => 'o',
                'å' => 'a',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .take(8)
            .collect::<Vec<_>>()
            .join("-");
        let kind = if self.is_analysis() { "svar-" } else { "" };
        format!("deltag-{kind}{slug}.{}", self.as_str())
    }
}

/// Builds, renders and audits one export in `lang`; returns the file name and bytes.
pub fn export(
    conn: &mut DbConnection, scope: &Scope, format: Format, user: Option<&UserId>, lang: Lang,
    organisation: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let material = store::load(conn, scope)?;
    let mut summary = summary::build(&material, lang);
    summary.organisation = organisation.to_owned();
    let (scope_info, title) = (summary.scope.clone(), material.scope.title.clone());
    let rendered = if format.is_analysis() {
        format.render_dataset(&dataset::build(&material, lang, summary))
    } else {
        format.render_report(&summary)
    };
    let bytes = rendered
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no renderer for {}", format.as_str())))?
        .map_err(AppError::Internal)?;
    let detail = format!("{} {}", scope_info.kind, format.as_str());
    audit::record(conn, user, Action::Export, &scope_info.id, &detail)?;
    Ok((format.file_name(&title), bytes))
}

/// What one workshop's answers show now (its kept findings once its answers are deleted).
pub fn workshop_findings(
    conn: &mut DbConnection, workshop: &WorkshopId,
) -> Result<Findings, AppError> {
    let mut kept = store::kept_findings(conn, std::slice::from_ref(workshop))?;
    if let Some(f) = kept.remove(workshop) {
        return Ok(f);
    }
    let Some(w) = crate::survey::find_workshop(conn, workshop)? else {
        return Err(AppError::NotFound);
    };
    let rows = store::rows(conn, std::slice::from_ref(workshop))?;
    let links = crate::themes::links(conn, &w.topic_id)?;
    Ok(Findings::of(&rows, links.iter().map(|(t, a)| (t, a))))
}

/// Keeps what a workshop's answers show, before retention deletes them.
pub fn keep_findings(
    conn: &mut DbConnection, workshop: &WorkshopId, findings: &Findings,
) -> Result<(), AppError> {
    store::keep_findings(conn, workshop, findings)
}

impl Scope {
    /// From `workshop` / `topic` / `track` and an id.
    pub fn parse(kind: &str, id: &str) -> Option<Scope> {
        match kind {
            "workshop" => crate::db::WorkshopId::parse(id).map(Scope::Workshop),
            "topic" => crate::db::TopicId::parse(id).map(Scope::Topic),
            "track" => crate::db::TrackId::parse(id).map(Scope::Track),
            _ => None,
        }
    }
}

/// Parses "a@x.dk, b@y.dk" into addresses.
pub fn recipients(text: &str) -> Option<Vec<String>> {
    let list: Vec<String> = text
        .split([',', ';', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| crate::auth::domain::Email::parse(s).map(|e| e.as_str().to_owned()))
        .collect::<Option<Vec<_>>>()?;
    (!list.is_empty() && list.len() <= 20).then_some(list)
}
