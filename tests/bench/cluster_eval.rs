//! Evaluation harness for theme suggestions against labelled public sets.
//!
//! ```text
//! cargo bench --bench cluster_eval
//! ```
//!
//! Data is read in place (never copied) from `$DELTAG_EVAL_DIR`, else
//! `../shared/eval` relative to the working directory, else `/work/shared/eval`.
//!
//! Optional environment:
//! * `DELTAG_EVAL_SEEDS=N` — also run each quality set with N seeds and report
//!   the mean ± standard deviation (k-means on this data is seed-sensitive).
//! * `DELTAG_TUNE="word=1,char=1,dims=60,bigrams=0,min_n=3,max_n=5,n_init=4,power=3,oversample=10,max_df=0.5,min_df=2"`
//!   — override tuning knobs for experiments (any subset).
//! * `DELTAG_EVAL_ONLY=sib|banking|speed|e5` — run one part only.
//! * `DELTAG_MODEL_PATH` — the e5 model's weights; with them the e5 engine is measured too
//!   (unsupervised and guided, against TF-IDF in the same run).

use std::collections::HashMap;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::Instant;

use deltag::cluster::semantic::{self, EngineName, Model, ThemeText};
use deltag::cluster::{suggest_tuned, Suggestions, Tuning};
use deltag::cluster::{Language, SuggestOptions};

type Res<T> = Result<T, Box<dyn Error>>;

/// Labelled texts.
struct Set {
    texts: Vec<String>,
    labels: Vec<String>,
}

fn eval_dir() -> PathBuf {
    if let Ok(d) = std::env::var("DELTAG_EVAL_DIR") {
        return PathBuf::from(d);
    }
    let rel = PathBuf::from("../shared/eval");
    if rel.is_dir() {
        rel
    } else {
        PathBuf::from("/work/shared/eval")
    }
}

/// Reads `text_col`/`label_col` from a CSV-quoted file with header.
fn read_table(path: &Path, delimiter: u8, text_col: &str, label_col: &str) -> Res<Set> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_path(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| -> Res<usize> {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no column {name}", path.display()).into())
    };
    let (ti, li) = (col(text_col)?, col(label_col)?);
    let mut set = Set { texts: Vec::new(), labels: Vec::new() };
    for rec in rdr.records() {
        let rec = rec?;
        set.texts.push(rec.get(ti).unwrap_or("").to_string());
        set.labels.push(rec.get(li).unwrap_or("").to_string());
    }
    Ok(set)
}

fn load_sib(dir: &Path) -> Res<Set> {
    let mut all = Set { texts: Vec::new(), labels: Vec::new() };
    for split in ["train", "dev", "test"] {
        let s = read_table(
            &dir.join("sib200-dan").join(format!("{split}.tsv")),
            b'\t',
            "text",
            "category",
        )?;
        all.texts.extend(s.texts);
        all.labels.extend(s.labels);
    }
    Ok(all)
}

fn load_banking(dir: &Path, split: &str) -> Res<Set> {
    read_table(&dir.join("banking77").join(format!("{split}.csv")), b',', "text", "category")
}

/// Maps string labels to dense ids (first-seen order).
fn ids<S: AsRef<str>>(labels: &[S]) -> Vec<usize> {
    let mut map: HashMap<&str, usize> = HashMap::new();
    labels
        .iter()
        .map(|l| {
            let next = map.len();
            *map.entry(l.as_ref()).or_insert(next)
        })
        .collect()
}

/// Predicted cluster per text; all unassigned texts share one extra cluster.
fn predicted(s: &Suggestions, n: usize) -> Vec<usize> {
    let mut out = vec![s.themes.len(); n];
    for (c, t) in s.themes.iter().enumerate() {
        for &m in &t.members {
            out[m] = c;
        }
    }
    out
}

/// Contingency table (pair → count) and the two marginals.
type Contingency = (HashMap<(usize, usize), f64>, Vec<f64>, Vec<f64>);

fn contingency(a: &[usize], b: &[usize]) -> Contingency {
    let na = a.iter().max().map_or(0, |m| m + 1);
    let nb = b.iter().max().map_or(0, |m| m + 1);
    let mut table = HashMap::new();
    let mut ra = vec![0.0; na];
    let mut rb = vec![0.0; nb];
    for (&x, &y) in a.iter().zip(b) {
        *table.entry((x, y)).or_insert(0.0) += 1.0;
        ra[x] += 1.0;
        rb[y] += 1.0;
    }
    (table, ra, rb)
}

fn entropy(counts: &[f64], n: f64) -> f64 {
    counts.iter().filter(|&&c| c > 0.0).map(|&c| -(c / n) * (c / n).ln()).sum()
}

/// Normalised mutual information, arithmetic-mean normalisation
/// (scikit-learn's default `average_method="arithmetic"`).
fn nmi(truth: &[usize], pred: &[usize]) -> f64 {
    let n = truth.len() as f64;
    let (table, ra, rb) = contingency(truth, pred);
    let (ha, hb) = (entropy(&ra, n), entropy(&rb, n));
    if ha == 0.0 && hb == 0.0 {
        return 1.0;
    }
    let mi: f64 =
        table.iter().map(|(&(i, j), &nij)| nij / n * (n * nij / (ra[i] * rb[j])).ln()).sum();
    let denom = (ha + hb) / 2.0;
    if denom <= 0.0 {
        0.0
    } else {
        (mi / denom).max(0.0)
    }
}

fn comb2(x: f64) -> f64 {
    x * (x - 1.0) / 2.0
}

/// Adjusted Rand index (Hubert & Arabie).
fn ari(truth: &[usize], pred: &[usize]) -> f64 {
    let n = truth.len() as f64;
    let (table, ra, rb) = contingency(truth, pred);
    let index: f64 = table.values().map(|&x| comb2(x)).sum();
    let sa: f64 = ra.iter().map(|&x| comb2(x)).sum();
    let sb: f64 = rb.iter().map(|&x| comb2(x)).sum();
    let expected = sa * sb / comb2(n);
    let max = (sa + sb) / 2.0;
    if (max - expected).abs() < 1e-12 {
        1.0
    } else {
        (index - expected) / (max - expected)
    }
}

/// VmHWM (peak resident set) of this process in MiB.
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Resets VmHWM so each set's peak is its own (Linux ≥ 4.0; ignored elsewhere).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn tuning_from_env(opts: &mut SuggestOptions) -> Tuning {
    let mut t = Tuning::default();
    let Ok(spec) = std::env::var("DELTAG_TUNE") else {
        return t;
    };
    for kv in spec.split(',').filter(|s| !s.is_empty()) {
        let Some((k, v)) = kv.split_once('=') else {
            eprintln!("ignoring {kv}");
            continue;
        };
        let f: f64 = v.trim().parse().unwrap_or(f64::NAN);
        match k.trim() {
            "word" => t.word_weight = f,
            "char" => t.char_weight = f,
            "bigrams" => t.bigrams = f > 0.0,
            "min_n" => t.char_min_n = f as usize,
            "max_n" => t.char_max_n = f as usize,
            "n_init" => t.n_init = f as usize,
            "power" => t.power_iters = f as usize,
            "oversample" => t.oversample = f as usize,
            "max_df" => t.max_df_ratio = f,
            "min_df" => t.min_df = f as usize,
            "max_iter" => t.max_iter = f as usize,
            "dims" => opts.dims = f as usize,
            other => eprintln!("unknown knob {other}"),
        }
    }
    t
}

struct Row {
    name: String,
    n: usize,
    k: usize,
    nmi: f64,
    ari: f64,
    secs: f64,
    peak: f64,
    unassigned: usize,
}

fn run(name: &str, set: &Set, k: Option<usize>, lang: Language, seed: u64) -> Row {
    let mut opts = SuggestOptions { k, language: lang, seed, ..SuggestOptions::default() };
    let tuning = tuning_from_env(&mut opts);
    let texts: Vec<&str> = set.texts.iter().map(String::as_str).collect();
    reset_peak();
    let start = Instant::now();
    let s = suggest_tuned(&texts, &opts, &tuning);
    let secs = start.elapsed().as_secs_f64();
    let peak = peak_mib();
    let truth = ids(&set.labels);
    let pred = predicted(&s, texts.len());
    Row {
        name: name.to_string(),
        n: texts.len(),
        k: s.themes.len(),
        nmi: nmi(&truth, &pred),
        ari: ari(&truth, &pred),
        secs,
        peak,
        unassigned: s.unassigned.len(),
    }
}

fn mean_std(xs: &[f64]) -> (f64, f64) {
    let n = xs.len().max(1) as f64;
    let m = xs.iter().sum::<f64>() / n;
    let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n;
    (m, v.sqrt())
}

/// Guided top-1 and top-2: the share of texts whose true theme is ranked first, and within
/// the first two; and the mean stated confidence of the first (to compare with top-1).
fn guided(
    set: &Set, themes: &[(String, ThemeText)], engine: Option<&Model>, lang: Language,
) -> (f64, f64, f64, f64) {
    let texts: Vec<&str> = set.texts.iter().map(String::as_str).collect();
    let theme_texts: Vec<ThemeText> = themes.iter().map(|(_, t)| t.clone()).collect();
    let start = Instant::now();
    let (ranked, name) = match engine {
        Some(m) => (semantic::rank_e5(m, &texts, &theme_texts), EngineName::E5),
        None => (semantic::rank_tfidf(&texts, &theme_texts, lang), EngineName::Tfidf),
    };
    let secs = start.elapsed().as_secs_f64();
    let (mut top1, mut top2, mut conf) = (0usize, 0usize, 0.0f64);
    for (ranks, label) in ranked.iter().zip(&set.labels) {
        let key = |i: usize| ranks.get(i).map(|r| themes[r.theme].0.as_str());
        top1 += usize::from(key(0) == Some(label.as_str()));
        top2 += usize::from(key(0) == Some(label.as_str()) || key(1) == Some(label.as_str()));
        conf += f64::from(semantic::confidence(ranks, name));
    }
    let n = ranked.len().max(1) as f64;
    (top1 as f64 / n, top2 as f64 / n, conf / n, secs)
}

/// SIB-200's themes file: category key, Danish name and one line of description.
fn sib_themes(dir: &Path) -> Res<Vec<(String, ThemeText)>> {
    let path = dir.join("sib200-dan").join("themes.tsv");
    let mut rdr = csv::ReaderBuilder::new().delimiter(b'\t').from_path(&path)?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec?;
        let field = |i: usize| rec.get(i).unwrap_or("").to_string();
        out.push((field(0), ThemeText { name: field(1), description: field(2), examples: vec![] }));
    }
    Ok(out)
}

/// BANKING77's category names as themes ("card_arrival" → "card arrival"), no description.
fn banking_themes(set: &Set) -> Vec<(String, ThemeText)> {
    let mut keys: Vec<&String> = set.labels.iter().collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .map(|k| (k.clone(), ThemeText { name: k.replace('_', " "), ..ThemeText::default() }))
        .collect()
}

/// The e5 engine against TF-IDF on the same sets, and its speed.
fn e5_report(dir: &Path, model: &Model) -> Res<()> {
    let sib = load_sib(dir)?;
    let train = load_banking(dir, "train")?;
    println!("\n### Unsupervised (k-means, k = true number of topics)\n");
    println!("| set | engine | n | NMI | ARI | seconds incl. embedding |");
    println!("|---|---|---:|---:|---:|---:|");
    for (name, set, k, lang) in [
        ("SIB-200 Danish (all)", &sib, 7, Language::Danish),
        ("BANKING77 train", &train, 77, Language::English),
    ] {
        let texts: Vec<&str> = set.texts.iter().map(String::as_str).collect();
        let truth = ids(&set.labels);
        let start = Instant::now();
        let s = semantic::cluster_e5(model, &texts, Some(k), 42);
        let secs = start.elapsed().as_secs_f64();
        let pred = predicted(&s, texts.len());
        let (n, a) = (nmi(&truth, &pred), ari(&truth, &pred));
        println!("| {name} | e5 | {} | {n:.3} | {a:.3} | {secs:.1} |", texts.len());
        let r = run(name, set, Some(k), lang, SuggestOptions::default().seed);
        println!("| {name} | tfidf | {} | {:.3} | {:.3} | {:.1} |", r.n, r.nmi, r.ari, r.secs);
    }
    println!("\n### Guided (each text ranked against the named themes)\n");
    println!("| set | engine | top-1 | top-2 | mean confidence | seconds |");
    println!("|---|---|---:|---:|---:|---:|");
    let sib_themes = sib_themes(dir)?;
    let banking_themes = banking_themes(&train);
    for (name, set, themes, lang) in [
        ("SIB-200 Danish (all, themes.tsv)", &sib, &sib_themes, Language::Danish),
        ("BANKING77 train (category names)", &train, &banking_themes, Language::English),
    ] {
        for (engine, m) in [("e5", Some(model)), ("tfidf", None)] {
            let (t1, t2, conf, secs) = guided(set, themes, m, lang);
            println!("| {name} | {engine} | {t1:.3} | {t2:.3} | {conf:.3} | {secs:.1} |");
        }
    }
    println!("\n### Speed (2 cores)\n");
    let answers: Vec<&str> = train.texts.iter().take(1000).map(String::as_str).collect();
    let start = Instant::now();
    let vectors = model.embed(&answers);
    let embed = start.elapsed().as_secs_f64();
    let one = Instant::now();
    let _ = model.embed(&answers[..1]);
    let single = one.elapsed().as_secs_f64() * 1000.0;
    let themes: Vec<String> = banking_themes.iter().take(20).map(|(_, t)| t.text()).collect();
    let theme_refs: Vec<&str> = themes.iter().map(String::as_str).collect();
    let start = Instant::now();
    let theme_vectors = model.embed(&theme_refs);
    let theme_secs = start.elapsed().as_secs_f64() * 1000.0;
    let runs = 21;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let ranked = semantic::rank_vectors(&vectors, &theme_vectors, &vec![Vec::new(); 20]);
            std::hint::black_box(ranked);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("| step | time |");
    println!("|---|---:|");
    println!("| embed 1,000 answers (BANKING77) | {embed:.2} s ({:.1} ms each) |", embed);
    println!("| embed one answer alone | {single:.1} ms |");
    println!("| embed 20 theme texts | {theme_secs:.0} ms |");
    println!(
        "| rank 1,000 stored cards against 20 themes (median of {runs}) | {:.2} ms |",
        times[runs / 2]
    );
    Ok(())
}

fn main() -> Res<()> {
    let dir = eval_dir();
    let only = std::env::var("DELTAG_EVAL_ONLY").unwrap_or_default();
    let seeds: u64 =
        std::env::var("DELTAG_EVAL_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let want = |s: &str| only.is_empty() || only == s;
    let default_seed = SuggestOptions::default().seed;

    // Sanity checks of the metrics against hand-computed values.
    assert!((nmi(&[0, 0, 1, 1], &[1, 1, 0, 0]) - 1.0).abs() < 1e-12);
    assert!((ari(&[0, 0, 1, 1], &[0, 0, 1, 1]) - 1.0).abs() < 1e-12);
    assert!(ari(&[0, 0, 1, 1], &[0, 1, 0, 1]) < 0.0);

    let mut rows = Vec::new();
    let mut multi: Vec<String> = Vec::new();
    let quality: Vec<(&str, Option<Set>, usize, Language)> = vec![
        (
            "SIB-200 Danish (all)",
            if want("sib") { Some(load_sib(&dir)?) } else { None },
            7,
            Language::Danish,
        ),
        (
            "BANKING77 test",
            if want("banking") { Some(load_banking(&dir, "test")?) } else { None },
            77,
            Language::English,
        ),
    ];
    for (name, set, k, lang) in &quality {
        let Some(set) = set else { continue };
        rows.push(run(name, set, Some(*k), *lang, default_seed));
        if seeds > 0 {
            let rs: Vec<Row> =
                (0..seeds).map(|s| run(name, set, Some(*k), *lang, s * 7919 + 1)).collect();
            let (nm, ns) = mean_std(&rs.iter().map(|r| r.nmi).collect::<Vec<_>>());
            let (am, as_) = mean_std(&rs.iter().map(|r| r.ari).collect::<Vec<_>>());
            multi.push(format!("| {name} | {seeds} | {nm:.3} ± {ns:.3} | {am:.3} ± {as_:.3} |"));
        }
    }
    if want("speed") {
        let train = load_banking(&dir, "train")?;
        rows.push(run(
            "BANKING77 train (speed, k=77)",
            &train,
            Some(77),
            Language::English,
            default_seed,
        ));
        rows.push(run(
            "BANKING77 train (speed, default k)",
            &train,
            None,
            Language::English,
            default_seed,
        ));
    }

    println!("| set | n | themes | NMI | ARI | seconds | peak RSS MiB | unassigned |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.0} | {} |",
            r.name, r.n, r.k, r.nmi, r.ari, r.secs, r.peak, r.unassigned
        );
    }
    if want("e5") {
        match std::env::var_os("DELTAG_MODEL_PATH") {
            Some(path) => e5_report(&dir, Model::shared(Path::new(&path))?)?,
            None => println!("\n(e5 not measured: DELTAG_MODEL_PATH is not set)"),
        }
    }
    if !multi.is_empty() {
        println!();
        println!("| set | seeds | NMI mean ± sd | ARI mean ± sd |");
        println!("|---|---:|---:|---:|");
        for m in multi {
            println!("{m}");
        }
    }
    Ok(())
}
