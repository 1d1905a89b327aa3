//! The trail as CSV, for a spreadsheet: UTF-8 with a BOM (so Danish Excel shows æøå), one row
//! per event with the time, who, the event in words and the raw record. Names come from
//! people (a staff member may call themselves "=SUM(A1)"), so every cell is neutralised the
//! way the analysis export does it.

use super::read::Line;
use crate::export::csv::neutralise;
use crate::export::xml::clean;
use crate::i18n::Lang;

/// Renders the lines, newest first as given.
pub(super) fn render(lang: Lang, lines: &[Line]) -> anyhow::Result<Vec<u8>> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        let header = [
            "audit-csv-time",
            "audit-csv-who",
            "audit-csv-event",
            "audit-csv-code",
            "audit-csv-subject",
            "audit-csv-detail",
        ];
        w.write_record(header.iter().map(|key| neutralise(&lang.t(key))))?;
        for l in lines {
            let at = l.at.format("%Y-%m-%d %H:%M:%S").to_string();
            let cells =
                [at.as_str(), &l.who, &l.sentence, l.action.as_str(), &l.subject, &l.detail];
            w.write_record(cells.iter().map(|c| neutralise(&clean(c))))?;
        }
        w.flush()?;
    }
    Ok(out)
}
