//! Parsed values of the theme board.

crate::text_enum! {
    /// Where a quote is on its way to the report: proposed as the answer was given (draft),
    /// edited to leave out names and places (redacted, to be approved again), or approved.
    /// Only approved quotes ever leave the board.
    pub enum QuoteStatus { Draft = "draft", Redacted = "redacted", Approved = "approved", }
}
