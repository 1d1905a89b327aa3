//! Tokenising: lower-casing, splitting, stop words, Snowball stemming and
//! character n-grams.

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

/// Language of the answers; selects stop-word list and stemmer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Danish (default): Danish stop words and the Snowball Danish stemmer.
    #[default]
    Danish,
    /// English: English stop words and the Snowball English (Porter2) stemmer.
    English,
}

/// Common Danish function words and light verbs. Content words that carry
/// themes in workshop answers ("hjælp", "bolig", "ensom", "føler") are kept.
pub const DANISH_STOP_WORDS: &[&str] = &[
    "ad", "af", "aldrig", "alle", "alt", "altid", "anden", "andet", "andre", "at", "bare", "begge",
    "blev", "blive", "bliver", "blevet", "både", "da", "de", "dem", "den", "denne", "der", "deres",
    "derfor", "det", "dette", "dig", "din", "dine", "disse", "dit", "dog", "du", "efter",
    "egentlig", "eller", "ellers", "en", "end", "ene", "eneste", "enten", "er", "et", "faktisk",
    "fik", "for", "fordi", "fra", "få", "får", "før", "gik", "gjorde", "godt", "gør", "gøre", "gå",
    "går", "ham", "han", "hans", "har", "havde", "have", "hele", "helt", "hende", "hendes", "her",
    "hos", "hun", "hvad", "hvem", "hver", "hvilke", "hvilken", "hvis", "hvor", "hvordan",
    "hvorfor", "hvornår", "i", "igen", "ikke", "ind", "ingen", "intet", "jeg", "jer", "jeres",
    "jo", "kan", "kom", "komme", "kommer", "kun", "kunne", "lidt", "lige", "man", "mange", "med",
    "meget", "mellem", "men", "mens", "mere", "mest", "mig", "min", "mine", "mit", "mod", "må",
    "måske", "ned", "nej", "noget", "nogen", "nogle", "nok", "nu", "når", "og", "også", "om",
    "omkring", "op", "os", "over", "osv", "på", "sagde", "sig", "sige", "siger", "siden", "sin",
    "sine", "sit", "skal", "skulle", "som", "stadig", "så", "sådan", "thi", "til", "ud", "uden",
    "under", "var", "ved", "vi", "via", "vil", "ville", "vor", "vores", "være", "været", "ja",
    "jamen", "altså", "dér", "hvilket", "hvorhen", "inden", "sgu", "især", "sammen", "selv",
    "dertil", "derefter", "først",
];

/// Common English function words.
pub const ENGLISH_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "also",
    "us",
    "im",
    "ive",
    "id",
    "ll",
    "re",
    "ve",
    "don",
    "didn",
    "doesn",
    "isn",
    "wasn",
    "let",
    "get",
    "got",
    "may",
    "might",
    "must",
    "shall",
    "yes",
    "okay",
    "ok",
    "please",
    "thanks",
    "hi",
    "hello",
];

/// Longest text (in bytes, ≈ 800 words) that is read; the rest is ignored so
/// a pasted novel cannot blow up time or memory (10,000 answers × 5 kB keeps
/// the feature matrix in the low hundreds of MB at worst). Cut on a char
/// boundary.
const MAX_TEXT_BYTES: usize = 5_000;
/// Longest word (in chars) kept; longer "words" are usually URLs or keyboard mash.
const MAX_WORD_CHARS: usize = 40;

/// One content word: its stem (feature) and lower-cased surface form (for labels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Snowball stem, used as the word feature.
    pub stem: String,
    /// Lower-cased word as written, used for char n-grams and readable labels.
    pub surface: String,
}

/// Language-specific tokeniser (stop words + stemmer).
pub struct Tokenizer {
    stemmer: Stemmer,
    stop: &'static [&'static str],
}

impl Tokenizer {
    /// Creates a tokeniser for `language`.
    pub fn new(language: Language) -> Self {
        let (alg, stop) = match language {
            Language::Danish => (Algorithm::Danish, DANISH_STOP_WORDS),
            Language::English => (Algorithm::English, ENGLISH_STOP_WORDS),
        };
        Tokenizer { stemmer: Stemmer::create(alg), stop }
    }

    fn is_stop(&self, word: &str) -> bool {
        // ~170 entries: a linear scan is as fast as hashing at this size.
        self.stop.contains(&word)
    }

    /// Splits `text` into content tokens: lower-cased, split on anything that
    /// is not alphanumeric (æ, ø, å and other letters are alphanumeric), stop
    /// words, pure numbers and one-letter words dropped, then stemmed.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let text = truncate_on_char_boundary(text, MAX_TEXT_BYTES);
        let lower = text.to_lowercase();
        let mut out = Vec::new();
        for word in lower.split(|c: char| !c.is_alphanumeric()) {
            let n_chars = word.chars().count();
            if !(2..=MAX_WORD_CHARS).contains(&n_chars) {
                continue;
            }
            if word.chars().all(|c| c.is_numeric()) || self.is_stop(word) {
                continue;
            }
            let stem = self.stemmer.stem(word).into_owned();
            out.push(Token { stem, surface: word.to_string() });
        }
        out
    }
}

fn truncate_on_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Calls `f` with every character n-gram (`min_n..=max_n` chars) of `word`
/// padded as `<word>`. The padding marks word starts/ends so "<hjem" differs
/// from a "hjem" inside a compound like "hjemløshedserfaring".
pub fn for_each_char_ngram(word: &str, min_n: usize, max_n: usize, mut f: impl FnMut(&str)) {
    let padded = format!("<{word}>");
    // Byte offsets of every char boundary, so windows slice without allocating.
    let bounds: Vec<usize> =
        padded.char_indices().map(|(i, _)| i).chain(std::iter::once(padded.len())).collect();
    let n_chars = bounds.len() - 1;
    for n in min_n..=max_n {
        if n > n_chars {
            break;
        }
        for start in 0..=(n_chars - n) {
            f(&padded[bounds[start]..bounds[start + n]]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_stop_words_and_stems() {
        let t = Tokenizer::new(Language::Danish);
        let toks = t.tokenize("Jeg har ikke en bolig, og lejlighedens husleje er for dyr!");
        let stems: Vec<&str> = toks.iter().map(|t| t.stem.as_str()).collect();
        assert!(!stems.contains(&"jeg") && !stems.contains(&"og") && !stems.contains(&"ikke"));
        // Snowball Danish strips the "-ig" suffix: bolig → bol.
        assert_eq!(stems[0], "bol");
        // Inflected forms share a stem; the surface form is kept for labels.
        let plural = t.tokenize("lejligheder");
        assert_eq!(toks[1].stem, plural[0].stem);
        assert_eq!(toks[1].surface, "lejlighedens");
    }

    #[test]
    fn keeps_danish_letters() {
        let t = Tokenizer::new(Language::Danish);
        let toks = t.tokenize("Sagsbehandleren på kommunen GØR mig bange; hjemløshed ødelægger");
        let surfaces: Vec<&str> = toks.iter().map(|t| t.surface.as_str()).collect();
        assert!(surfaces.contains(&"hjemløshed"));
        assert!(surfaces.contains(&"ødelægger"));
        assert!(surfaces.contains(&"bange"));
        assert!(!surfaces.contains(&"på") && !surfaces.contains(&"gør"));
    }

    #[test]
    fn emoji_numbers_and_empty() {
        let t = Tokenizer::new(Language::Danish);
        assert!(t.tokenize("").is_empty());
        assert!(t.tokenize("😀😀 !!! 123 42").is_empty());
        let toks = t.tokenize("bolig😀bolig");
        assert_eq!(toks.len(), 2);
    }

    #[test]
    fn english_mode() {
        let t = Tokenizer::new(Language::English);
        let toks = t.tokenize("My cards were not arriving");
        let stems: Vec<&str> = toks.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, vec!["card", "not", "arriv"]);
    }

    #[test]
    fn char_ngrams_of_compound() {
        let mut grams = Vec::new();
        for_each_char_ngram("hjemløshedserfaring", 3, 5, |g| grams.push(g.to_string()));
        assert!(grams.contains(&"<hj".to_string()));
        assert!(grams.contains(&"løs".to_string()));
        assert!(grams.contains(&"erfar".to_string()));
        assert!(grams.contains(&"ing>".to_string()));
        // 21 padded chars: 19 trigrams + 18 four-grams + 17 five-grams.
        assert_eq!(grams.len(), 19 + 18 + 17);
        let mut short = Vec::new();
        for_each_char_ngram("ø", 3, 5, |g| short.push(g.to_string()));
        assert_eq!(short, vec!["<ø>"]);
    }

    #[test]
    fn very_long_text_is_bounded() {
        let t = Tokenizer::new(Language::Danish);
        let long = "bolig ".repeat(100_000);
        let toks = t.tokenize(&long);
        assert!(toks.len() <= MAX_TEXT_BYTES / 6 + 1);
        let mash = "æ".repeat(10_000);
        assert!(t.tokenize(&mash).is_empty());
    }
}
