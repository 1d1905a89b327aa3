//! The summary as a Word document, in the shape of the report's "Deltagelsesperspektiv"
//! sections. Written as WordprocessingML: built-in heading styles with outline levels (so the
//! navigation pane works), real numbered and bulleted lists, tables for closed questions, and
//! the export language as the document language. No crate writes this well and small, so it is written here.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::summary::{ClosedQuestion, Summary, ThemeSummary};
use super::xml::escape as esc;
use crate::i18n::Lang;

/// The document language tag for Word.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da-DK",
        Lang::En => "en-GB",
    }
}

/// Runs for a text, with line breaks kept.
fn runs(text: &str, italic: bool) -> String {
    let props = if italic { "<w:rPr><w:i/></w:rPr>" } else { "" };
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let br = if i > 0 { "<w:br/>" } else { "" };
            format!("<w:r>{props}{br}<w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(line))
        })
        .collect()
}

/// Builds `word/document.xml` and the numbering it needs.
struct Doc {
    body: String,
    /// One numbering instance per numbered list, so each list starts at 1.
    numbered_lists: u32,
}

const BULLETS: u32 = 1;

impl Doc {
    fn para(&mut self, style: Option<&str>, text: &str) {
        self.para_with(style, &runs(text, false));
    }

    fn para_with(&mut self, style: Option<&str>, runs: &str) {
        let ppr =
            style.map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")).unwrap_or_default();
        self.body.push_str(&format!("<w:p>{ppr}{runs}</w:p>"));
    }

    fn list(&mut self, items: &[String], numbered: bool) {
        if items.is_empty() {
            return;
        }
        let num = if numbered {
            self.numbered_lists += 1;
            BULLETS + self.numbered_lists
        } else {
            BULLETS
        };
        for item in items {
            self.body.push_str(&format!(
                "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}</w:p>",
                runs(item, false)
            ));
        }
    }

    /// A closed question's tally as a table that stays on one page with its heading: every
    /// row but the last keeps with the next, and no row splits across pages.
    fn table(&mut self, lang: Lang, q: &ClosedQuestion) {
        let cell = |text: &str, width: u32, bold: bool, keep: bool| {
            let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
            let ppr = if keep { "<w:pPr><w:keepNext/></w:pPr>" } else { "" };
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr><w:p>{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>",
                esc(text)
            )
        };
        let row = |label: &str, value: &str, bold: bool, keep: bool, header: bool| {
            let trpr = if header {
                "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            } else {
                "<w:trPr><w:cantSplit/></w:trPr>"
            };
            format!(
                "<w:tr>{trpr}{}{}</w:tr>",
                cell(label, 6500, bold, keep),
                cell(value, 1500, bold, keep)
            )
        };
        let mut xml = String::from(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"6500\"/><w:gridCol w:w=\"1500\"/></w:tblGrid>",
        );
        xml.push_str(&row(&lang.t("doc-col-answer"), &lang.t("doc-col-people"), true, true, true));
        for r in &q.rows {
            xml.push_str(&row(&r.label, &r.count.display, false, true, false));
        }
        xml.push_str(&row(&lang.t("doc-total-people"), &q.total.display, true, false, false));
        xml.push_str("</w:tbl>");
        self.body.push_str(&xml);
        // Word needs a paragraph between consecutive tables.
        self.para(None, "");
    }

    fn theme(&mut self, lang: Lang, t: &ThemeSummary, level: u8) {
        self.para(Some(&format!("Heading{level}")), &t.title);
        if !t.summary.is_empty() {
            self.para(None, &t.summary);
        }
        self.para_with(None, &runs(&t.evidence, true));
        self.list(&t.key_points, true);
        for q in &t.quotes {
            self.para(
                Some("Quote"),
                &lang.t_args("doc-quote", &[("text", q.text.as_str().into())]),
            );
            self.para_with(Some("QuoteSource"), &runs(&format!("— {}", q.source), false));
        }
        for s in &t.sub_themes {
            self.theme(lang, s, level + 1);
        }
    }
}

fn date(d: Option<chrono::NaiveDateTime>) -> String {
    d.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_else(|| "–".into())
}

fn document(s: &Summary, lang: Lang) -> (String, u32) {
    let mut d = Doc { body: String::new(), numbered_lists: 0 };
    d.para(Some("Title"), &s.title);
    if let Some(line) = super::summary::made_by(&s.organisation, lang) {
        d.para(None, &line);
    }
    d.para(Some("Heading1"), &lang.t("doc-about"));
    d.para(
        None,
        &lang.t_args(
            "doc-about-text",
            &[
                ("workshops", s.about.workshops.to_string().into()),
                ("from", date(s.about.first_date).into()),
                ("to", date(s.about.last_date).into()),
            ],
        ),
    );
    d.list(&s.about.topics, false);
    d.para(None, &lang.t("doc-entered-intro"));
    let entered: Vec<String> = s.about.entered.iter().map(|e| e.line.clone()).collect();
    d.list(&entered, false);
    for line in &s.answers_deleted {
        d.para_with(None, &runs(line, true));
    }
    for t in &s.topics {
        d.para(Some("Heading1"), &lang.t_args("doc-topic", &[("title", t.title.as_str().into())]));
        if !t.description.is_empty() {
            d.para(None, &t.description);
        }
        d.para(None, &t.people_line);
        let workshops: Vec<String> = t.workshops.iter().map(|w| w.line.clone()).collect();
        d.list(&workshops, false);
        if !t.key_points.is_empty() {
            d.para(Some("Heading2"), &lang.t("doc-key-points"));
            d.list(&t.key_points, true);
        }
        for th in &t.themes {
            d.theme(lang, th, 2);
        }
        if !t.closed_questions.is_empty() {
            d.para(Some("Heading2"), &lang.t("doc-closed-questions"));
            for q in &t.closed_questions {
                d.para(Some("Heading3"), &format!("{} ({})", q.question, q.workshop));
                match &q.instead {
                    Some(sentence) => d.para(None, sentence),
                    None => d.table(lang, q),
                }
            }
        }
    }
    d.para(Some("Heading1"), &lang.t("doc-method"));
    d.para(None, &s.method_note);
    d.para(Some("Heading1"), &lang.t("doc-privacy"));
    d.para(None, &s.privacy_note);
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
<w:body>{}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1134\" w:bottom=\"1418\" w:left=\"1134\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        d.body
    );
    (xml, d.numbered_lists)
}

fn numbering(numbered_lists: u32) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
    );
    for i in 1..=numbered_lists {
        xml.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            BULLETS + i
        ));
    }
    xml.push_str("</w:numbering>");
    xml
}

fn heading_style(level: u8, size: u32) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"0B4F6C\"/><w:sz w:val=\"{size}\"/></w:rPr></w:style>",
        level - 1
    )
}

fn styles(lang: Lang) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:lang w:val=\"{locale}\" w:eastAsia=\"{locale}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"48\"/></w:rPr></w:style>\
{}{}{}\
<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"120\" w:after=\"0\"/><w:ind w:left=\"567\" w:right=\"567\"/></w:pPr><w:rPr><w:i/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"QuoteSource\"><w:name w:val=\"Quote Source\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"567\"/></w:pPr><w:rPr><w:color w:val=\"4A4A4A\"/><w:sz w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>\
<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
</w:tblBorders></w:tblPr></w:style>\
</w:styles>",
        heading_style(1, 32),
        heading_style(2, 28),
        heading_style(3, 24),
        locale = locale(lang)
    )
}

/// Renders the document.
pub fn render(s: &Summary, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let (document_xml, lists) = document(s, lang);
    let created = s.generated_at.format("%Y-%m-%dT%H:%M:%SZ");
    let parts: [(&str, String); 7] = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>"
                .to_owned(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>"
                .to_owned(),
        ),
        (
            "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
</Relationships>"
                .to_owned(),
        ),
        ("word/document.xml", document_xml),
        ("word/styles.xml", styles(lang)),
        ("word/numbering.xml", numbering(lists)),
        (
            "docProps/core.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:creator>deltag</dc:creator><dc:language>{}</dc:language>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created></cp:coreProperties>",
                esc(&s.title),
                locale(lang)
            ),
        ),
    ];
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in parts {
            zip.start_file(name, options)?;
            zip.write_all(content.as_bytes())?;
        }
        zip.finish()?;
    }
    Ok(buf.into_inner())
}
