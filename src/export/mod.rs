//! Exports. `store` reads what a scope holds; one summary model ([`summary::Summary`]) is built
//! from it, with small counts suppressed, personal data masked and only approved quotes; one
//! module per format renders it. No format queries the database its own way.

pub mod counts;
pub mod csv;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod routes;
pub mod store;
pub mod summary;
mod views;
pub mod xlsx;

pub use summary::{Scope, Summary};

use crate::audit::{self, Action};
use crate::db::{DbConnection, UserId};
use crate::error::AppError;
use crate::i18n::Lang;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Word, for the report text.
    Docx,
    /// Excel, for the numbers.
    Xlsx,
    /// The answers, for analysts.
    Csv,
    /// The whole summary model.
    Json,
    /// Markdown.
    Markdown,
    /// A print page (save as PDF from the browser).
    Html,
}

impl Format {
    /// Every format, in the order the export page offers them.
    pub const ALL: [Format; 6] =
        [Format::Docx, Format::Xlsx, Format::Csv, Format::Json, Format::Markdown, Format::Html];

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

    /// Renders the summary with the document's own texts in the language it was built in.
    pub fn render(self, summary: &Summary) -> anyhow::Result<Vec<u8>> {
        let lang = Lang::from_code(summary.language).unwrap_or(Lang::Da);
        Ok(match self {
            Format::Docx => docx::render(summary, lang)?,
            Format::Xlsx => xlsx::render(summary, lang)?,
            Format::Csv => csv::render(summary, lang)?,
            Format::Json => serde_json::to_vec_pretty(summary)?,
            Format::Markdown => markdown::render(summary, lang).into_bytes(),
            Format::Html => html::render(summary, lang).into_bytes(),
        })
    }

    /// A file name for the scope, e.g. `deltag-fra-bolig-til-hjem.docx`.
    pub fn file_name(self, summary: &Summary) -> String {
        let slug: String = summary
            .scope
            .title
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
        format!("deltag-{slug}.{}", self.as_str())
    }
}

/// Builds, renders and audits one export in `lang`; returns the file name and bytes.
pub fn export(
    conn: &mut DbConnection, scope: &Scope, format: Format, user: Option<&UserId>, lang: Lang,
) -> Result<(String, Vec<u8>), AppError> {
    let summary = summary::build(&store::load(conn, scope)?, lang);
    let bytes = format.render(&summary).map_err(AppError::Internal)?;
    let detail = format!("{} {}", summary.scope.kind, format.as_str());
    audit::record(conn, user, Action::Export, &summary.scope.id, &detail)?;
    Ok((format.file_name(&summary), bytes))
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
