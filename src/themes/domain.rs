//! Parsed values of the theme board.

crate::text_enum! {
    /// Where a quote is on its way to the report. Only approved quotes ever leave the board.
    pub enum QuoteStatus {
        /// Proposed as the answer was given.
        Draft = "draft",
        /// Edited (names and places left out); must be approved again.
        Redacted = "redacted",
        /// Approved for the report.
        Approved = "approved",
    }
}
