//! Counts that may leave deltag: below [`MIN_COUNT`] they read "< 5", and a total never lets
//! a hidden cell be worked out (complementary suppression). A cell hidden only to protect
//! another reads "–", never "< 5": it may well be 9, and a report must not say otherwise.

use serde::Serialize;

/// Counts smaller than this are never shown.
pub const MIN_COUNT: u64 = 5;

/// A count that may be suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The number, or None when suppressed.
    pub value: Option<u64>,
    /// What to print: the number, or "< 5".
    pub display: String,
}

impl Count {
    fn shown(n: u64) -> Count {
        Count { value: Some(n), display: n.to_string() }
    }

    fn hidden() -> Count {
        Count { value: None, display: format!("< {MIN_COUNT}") }
    }

    /// Hidden so that a small cell cannot be worked out from the others and the total.
    fn protecting() -> Count {
        Count { value: None, display: PROTECTING.to_owned() }
    }
}

/// How a cell hidden only to protect another reads.
pub const PROTECTING: &str = "–";

/// Suppresses small cells and, if a total is shown, protects them against being worked out
/// from it: hidden cells are added, smallest first, until what the total reveals about them
/// (their sum) is itself 0 or at least the limit. A total below the limit is hidden itself.
/// Zero is shown (it reveals nobody).
pub fn suppress(cells: &[u64], total: Option<u64>) -> (Vec<Count>, Option<Count>) {
    let small: Vec<bool> = cells.iter().map(|&n| n > 0 && n < MIN_COUNT).collect();
    let mut hidden = small.clone();
    let total_hidden = total.is_some_and(|t| t > 0 && t < MIN_COUNT);
    if total.is_some() && !total_hidden {
        loop {
            let hidden_sum: u64 =
                cells.iter().zip(&hidden).filter(|(_, h)| **h).map(|(n, _)| *n).sum();
            if hidden_sum == 0 || hidden_sum >= MIN_COUNT {
                break;
            }
            let partner = cells
                .iter()
                .enumerate()
                .filter(|(i, n)| !hidden[*i] && **n > 0)
                .min_by_key(|(_, n)| **n)
                .map(|(i, _)| i);
            match partner {
                Some(i) => hidden[i] = true,
                None => break,
            }
        }
    }
    let counts = cells
        .iter()
        .zip(hidden.iter().zip(&small))
        .map(|(&n, (&h, &s))| match (h, s) {
            (true, true) => Count::hidden(),
            (true, false) => Count::protecting(),
            _ => Count::shown(n),
        })
        .collect();
    let total = total.map(|t| if total_hidden { Count::hidden() } else { Count::shown(t) });
    (counts, total)
}

/// One count on its own (no total to protect against).
pub fn count(n: u64) -> Count {
    if n > 0 && n < MIN_COUNT {
        Count::hidden()
    } else {
        Count::shown(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(cs: &[Count]) -> Vec<Option<u64>> {
        cs.iter().map(|c| c.value).collect()
    }

    #[test]
    fn small_counts_are_hidden_and_cannot_be_worked_out() {
        let (cells, total) = suppress(&[12, 3, 7, 0], Some(22));
        assert_eq!(shown(&cells), [Some(12), None, None, Some(0)], "3 hidden, and 7 with it");
        let (cells, _) = suppress(&[12, 7, 0], Some(19));
        assert_eq!(shown(&cells), [Some(12), Some(7), Some(0)], "nothing small, nothing hidden");
        assert_eq!(total.map(|t| t.display), Some("22".into()));
        let (cells, _) = suppress(&[2, 3, 9], Some(14));
        assert_eq!(
            shown(&cells),
            [None, None, Some(9)],
            "two hidden cells summing to 5 protect each other"
        );
        let (cells, _) = suppress(&[9, 2, 1, 0], Some(12));
        assert_eq!(
            shown(&cells),
            [None, None, None, Some(0)],
            "2 + 1 = 3 would be readable from the total"
        );
        let (cells, _) = suppress(&[12, 3, 7, 0], Some(22));
        assert_eq!(
            cells.iter().map(|c| c.display.as_str()).collect::<Vec<_>>(),
            ["12", "< 5", "–", "0"],
            "the 7 hidden to protect the 3 does not claim to be below 5"
        );
        let (cells, total) = suppress(&[1, 2], Some(3));
        assert_eq!(shown(&cells), [None, None]);
        assert_eq!(total.map(|t| t.display), Some("< 5".into()));
        assert_eq!(count(4).display, "< 5");
        assert_eq!(count(5).display, "5");
        assert_eq!(count(0).display, "0");
    }
}
