//! Danish person names in free text, for the personal-data flags.
//!
//! The names are Danmarks Statistik's yearly top-20 lists for the whole population (girls',
//! boys' and surnames, "Navne i hele befolkningen"): together about one Dane in three has one of
//! these first names or surnames. A few are also ordinary words ("hans" is "his", "per" is
//! "per", "jan." is January, "møller" are mills), and those count only when written as a name:
//! with a capital letter, not at the start of a sentence, or right before a surname.

/// First names on DST's top-20 lists (women's and men's) that are no ordinary Danish word.
const FIRST_NAMES: [&str; 37] = [
    "anne",
    "kirsten",
    "mette",
    "hanne",
    "anna",
    "helle",
    "susanne",
    "lene",
    "maria",
    "marianne",
    "lone",
    "camilla",
    "pia",
    "louise",
    "charlotte",
    "inge",
    "tina",
    "bente",
    "karen",
    "gitte",
    "peter",
    "michael",
    "jens",
    "lars",
    "thomas",
    "henrik",
    "søren",
    "christian",
    "martin",
    "niels",
    "anders",
    "morten",
    "jesper",
    "mads",
    "rasmus",
    "jørgen",
    "mikkel",
];

/// Surnames on DST's top-20 list that are no ordinary Danish word.
const SURNAMES: [&str; 19] = [
    "nielsen",
    "jensen",
    "hansen",
    "andersen",
    "pedersen",
    "christensen",
    "larsen",
    "sørensen",
    "rasmussen",
    "jørgensen",
    "petersen",
    "madsen",
    "kristensen",
    "olsen",
    "thomsen",
    "christiansen",
    "poulsen",
    "johansen",
    "mortensen",
];

/// Names on the lists that are also ordinary words: only a capitalised one inside a sentence,
/// or one right before a surname, is taken as a name.
const NAMES_THAT_ARE_WORDS: [&str; 4] = ["hans", "per", "jan", "møller"];

/// A word of the text: its byte range and itself.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphabetic() || (c == '-' && start.is_some());
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].trim_end_matches('-');
                out.push(Word { start: s, end: s + w.len(), text: w });
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word at byte `start` begins a sentence: nothing but spaces and quotes before it
/// since the text's start or a full stop, question or exclamation mark, or a line break.
fn starts_sentence(text: &str, start: usize) -> bool {
    let before =
        text[..start].trim_end_matches(|c: char| c.is_whitespace() || "\"'«»“”(".contains(c));
    before.is_empty()
        || before.ends_with(['.', '!', '?', ':', '\n'])
        || text[before.len()..start].contains('\n')
}

fn is_surname(word: &str) -> bool {
    let w = word.to_lowercase();
    SURNAMES.contains(&w.as_str()) || (w == "møller" && capitalised(word))
}

/// The byte ranges of person names in `text`: a first name, a surname, or both together.
pub fn find(text: &str) -> Vec<std::ops::Range<usize>> {
    let words = words(text);
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let low = w.text.to_lowercase();
        let next_is_surname = words.get(i + 1).is_some_and(|n| {
            is_surname(n.text) && text[w.end..n.start].chars().all(char::is_whitespace)
        });
        let listed = |part: &str| FIRST_NAMES.contains(&part);
        let first = listed(&low)
            || (low.contains('-') && low.split('-').all(listed))
            || (NAMES_THAT_ARE_WORDS.contains(&low.as_str())
                && capitalised(w.text)
                && (next_is_surname || !starts_sentence(text, w.start)));
        if first && next_is_surname {
            out.push(w.start..words[i + 1].end);
            i += 2;
            continue;
        }
        if first || is_surname(w.text) {
            out.push(w.start..w.end);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn first_names_surnames_and_full_names_are_found() {
        assert_eq!(names("Jeg talte med Mette om det"), ["Mette"]);
        assert_eq!(names("min sagsbehandler søren jensen ringede"), ["søren jensen"]);
        assert_eq!(names("Fru Nielsen på kontoret"), ["Nielsen"]);
        assert_eq!(names("Anne-Mette hjalp mig"), ["Anne-Mette"]);
        assert_eq!(names("et tre-fire gange"), Vec::<&str>::new());
        assert_eq!(names("Lars og Pia fra herberget"), ["Lars", "Pia"]);
        assert_eq!(names("Jeg bor på Nørrebro"), Vec::<&str>::new());
    }

    #[test]
    fn names_that_are_words_count_only_as_names() {
        assert_eq!(names("Jeg kender hans bror"), Vec::<&str>::new());
        assert_eq!(
            names("Hans bror sov på gaden"),
            Vec::<&str>::new(),
            "the sentence's first word"
        );
        assert_eq!(names("Så kom Hans og hjalp"), ["Hans"]);
        assert_eq!(names("Hans Hansen hjalp"), ["Hans Hansen"]);
        assert_eq!(names("100 kr. per dag"), Vec::<&str>::new());
        assert_eq!(names("Jeg ringede til Per i går"), ["Per"]);
        assert_eq!(names("den 3. jan. fik jeg nøglen"), Vec::<&str>::new());
        assert_eq!(names("der var gamle møller"), Vec::<&str>::new());
        assert_eq!(names("Jens Møller kom forbi"), ["Jens Møller"]);
    }
}
