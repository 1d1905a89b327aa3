//! The summary as a print page: A4 print CSS and SVG bar charts for closed questions, so a
//! browser saves it as a good-looking PDF. The stylesheet is inside the file, so the page also
//! works when opened from disk or mailed.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::summary::{ClosedQuestion, Summary, ThemeSummary};
use super::xml::clean;
use crate::i18n::Lang;

const PRINT_CSS: &str = "
@page { size: A4; margin: 20mm 18mm; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #1b1b1b; line-height: 1.45; overflow-wrap: anywhere; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.9rem; } h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 2px solid #0b4f6c; }
h3 { font-size: 1.15rem; text-transform: none; } h4 { font-size: 1rem; }
blockquote { margin: 0.75rem 0; padding-left: 1rem; border-left: 4px solid #0b4f6c; font-style: italic; }
blockquote footer { font-style: normal; color: #4a4a4a; font-size: 0.9rem; }
.meta { color: #4a4a4a; }
figure { margin: 1rem 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0; border-bottom: 1px solid #b1b4b6; }
@media print { body { margin: 0; max-width: none; } h2, h3, h4 { break-after: avoid; } :focus { outline: none; } }
h1:focus { outline: none; }
";

/// The Content-Security-Policy for serving the print page: nothing may load or run; only its
/// own stylesheet, allowed by hash (the site-wide policy would block an inline style, and the
/// style has to be inline so the file also works from disk or mail).
pub fn content_security_policy() -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(PRINT_CSS));
    format!(
        "default-src 'none'; style-src 'sha256-{hash}'; img-src data:; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'"
    )
}

fn date(d: Option<chrono::NaiveDateTime>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_else(|| "–".into())
}

/// A horizontal bar chart; suppressed counts get no bar and say "< 5".
fn chart(lang: Lang, q: &ClosedQuestion) -> Markup {
    let max = q.rows.iter().filter_map(|r| r.count.value).max().unwrap_or(1).max(1) as f64;
    let row_h = 26.0;
    let height = row_h * q.rows.len() as f64 + 8.0;
    html! {
        figure {
            svg width="640" height=(height) viewBox=(format!("0 0 640 {height}")) role="img" aria-label=(q.question) {
                @for (i, r) in q.rows.iter().enumerate() {
                    @let y = 4.0 + row_h * i as f64;
                    @let w = r.count.value.map(|v| 300.0 * v as f64 / max).unwrap_or(0.0);
                    text x="0" y=(y + 17.0) font-size="13" fill="#1b1b1b" { (r.label.chars().take(38).collect::<String>()) }
                    rect x="260" y=(y + 4.0) width=(w) height="16" fill="#0b4f6c" {}
                    text x=(266.0 + w) y=(y + 17.0) font-size="13" fill="#1b1b1b" { (r.count.display) }
                }
            }
            figcaption class="meta" { (lang.t_args("doc-total-people-value", &[("total", q.total.display.as_str().into())])) }
        }
    }
}

fn theme(lang: Lang, t: &ThemeSummary, sub: bool) -> Markup {
    html! {
        @if sub { h4 { (t.title) } } @else { h3 { (t.title) } }
        @if !t.summary.is_empty() { p { (t.summary) } }
        p class="meta" { (t.evidence) }
        @if !t.key_points.is_empty() { ol { @for k in &t.key_points { li { (k) } } } }
        @for q in &t.quotes {
            blockquote { p { (lang.t_args("doc-quote", &[("text", q.text.as_str().into())])) } footer { (q.source) } }
        }
        @for s in &t.sub_themes { (theme(lang, s, true)) }
    }
}

/// Renders the print page.
pub fn render(s: &Summary, lang: Lang) -> String {
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (s.title) }
                style { (PreEscaped(PRINT_CSS)) }
            }
            body {
                main {
                    h1 tabindex="-1" autofocus { (s.title) }
                    @if let Some(line) = super::summary::made_by(&s.organisation, lang) { p { (line) } }
                    h2 { (lang.t("doc-about")) }
                    p {
                        (lang.t_args("doc-about-text", &[
                            ("workshops", s.about.workshops.to_string().into()),
                            ("from", date(s.about.first_date).into()),
                            ("to", date(s.about.last_date).into()),
                        ]))
                    }
                    ul { @for t in &s.about.topics { li { (t) } } }
                    p { (lang.t("doc-entered-intro")) }
                    ul { @for e in &s.about.entered { li { (e.line) } } }
                    @for line in &s.answers_deleted { p class="meta" { (line) } }
                    @for t in &s.topics {
                        h2 { (lang.t_args("doc-topic", &[("title", t.title.as_str().into())])) }
                        @if !t.description.is_empty() { p { (t.description) } }
                        p { (t.people_line) }
                        ul { @for w in &t.workshops { li { (w.line) } } }
                        @if !t.key_points.is_empty() {
                            h3 { (lang.t("doc-key-points")) }
                            ol { @for k in &t.key_points { li { (k) } } }
                        }
                        @for th in &t.themes { (theme(lang, th, false)) }
                        @if !t.closed_questions.is_empty() {
                            h3 { (lang.t("doc-closed-questions")) }
                            @for q in &t.closed_questions {
                                h4 { (q.question) " (" (q.workshop) ")" }
                                @match &q.instead {
                                    Some(sentence) => p { (sentence) },
                                    None => (chart(lang, q)),
                                }
                            }
                        }
                    }
                    h2 { (lang.t("doc-method")) }
                    p { (s.method_note) }
                    h2 { (lang.t("doc-privacy")) }
                    p { (s.privacy_note) }
                }
            }
        }
    };
    clean(&page.into_string()).into_owned()
}
