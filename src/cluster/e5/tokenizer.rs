//! XLM-R's SentencePiece unigram tokenizer, from the weights file's tables: each code point
//! normalised by the file's table (NFKC-like: full-width letters, ligatures), runs of spaces
//! made one, a leading "▁" added and spaces written as "▁", then the most probable split into
//! pieces (Viterbi over piece scores; a character no piece covers is the unknown piece).

use super::file::Vocabulary;

/// SentencePiece's word-start mark, "▁".
const META: char = '\u{2581}';

/// The content pieces of `text` (no `<s>`/`</s>`), as ids.
pub fn content_ids(v: &Vocabulary, text: &str) -> Vec<u32> {
    // Normalise code point by code point, then collapse runs of spaces.
    let mut chars: Vec<char> = Vec::with_capacity(text.len() + 1);
    for ch in text.chars() {
        match v.normalise.get(&u32::from(ch)) {
            Some(to) => chars.extend(to.iter().filter_map(|cp| char::from_u32(*cp))),
            None => chars.push(ch),
        }
    }
    chars.dedup_by(|b, a| *a == ' ' && *b == ' ');
    // The byte string the pieces are looked up in, and where each character starts in it.
    let mut bytes = String::with_capacity(chars.len() * 3 + 3);
    let mut starts = Vec::with_capacity(chars.len() + 2);
    if chars.first() != Some(&' ') {
        starts.push(0);
        bytes.push(META);
    }
    for ch in &chars {
        starts.push(bytes.len());
        bytes.push(if *ch == ' ' { META } else { *ch });
    }
    starts.push(bytes.len());
    let bytes = bytes.as_bytes();
    let n = starts.len() - 1;

    // Viterbi: best[i] is the best score of a split of the first i characters.
    let mut best = vec![f32::NEG_INFINITY; n + 1];
    let mut piece = vec![v.unk; n + 1];
    let mut from = vec![0usize; n + 1];
    best[0] = 0.0;
    for i in 0..n {
        if best[i] == f32::NEG_INFINITY {
            continue;
        }
        for e in i + 1..=n {
            let span = &bytes[starts[i]..starts[e]];
            if span.len() > v.max_piece_bytes {
                break;
            }
            if let Some(&id) = v.pieces.get(span) {
                if id == v.unk {
                    continue;
                }
                let score = best[i] + v.scores[id as usize];
                if score > best[e] {
                    (best[e], piece[e], from[e]) = (score, id, i);
                }
            }
        }
        let unknown = best[i] + v.unk_score;
        if unknown > best[i + 1] {
            (best[i + 1], piece[i + 1], from[i + 1]) = (unknown, v.unk, i);
        }
    }
    let mut ids = Vec::new();
    let mut at = n;
    while at > 0 {
        ids.push(piece[at]);
        at = from[at];
    }
    ids.reverse();
    ids
}
