//! End-to-end tests of [`suggest`](super::suggest).

use super::*;

/// 30 workshop-style answers (with typos: "lejlihed", "fælleskab",
/// "jobcentret"), 10 per theme: housing, loneliness/community, meeting the
/// social system. As in a real workshop prompted by a question, answers on a
/// theme mostly share a few anchor words, but many also mention words of
/// other themes ("gaden", "hjemløs", "kontanthjælp").
const WORKSHOP: [(&str, usize); 30] = [
    ("Det er næsten umuligt at finde en bolig man kan betale", 0),
    ("Huslejen er alt for høj, man har ikke råd til en bolig", 0),
    ("Jeg stod på ventelisten til en lejlighed i fire år", 0),
    ("Der mangler billige boliger i København", 0),
    ("Vi har brug for flere små lejligheder til unge", 0),
    ("Boligen var det første skridt væk fra gaden", 0),
    ("Jeg fik endelig min egen lejlihed efter to år", 0),
    ("Husleje og depositum er for dyrt når man ingen penge har", 0),
    ("Der skal bygges billige boliger til hjemløse", 0),
    ("Jeg boede på herberg fordi der ikke var nogen bolig", 0),
    ("Jeg følte mig meget ensom, jeg havde ingen venner", 1),
    ("Ensomheden er det værste ved at være hjemløs", 1),
    ("Fællesskabet på værestedet betyder alt for mig", 1),
    ("Det er svært at få nye venner når man skammer sig", 1),
    ("Jeg savner min familie og mine venner", 1),
    ("På værestedet møder jeg andre og får et fællesskab", 1),
    ("Ensomhed om aftenen er hårdt, ingen venner at snakke med", 1),
    ("Et fællesskab hvor man bliver set og hørt", 1),
    ("Vennerne fra gaden er min familie nu", 1),
    ("Jeg er ensom og mangler et fælleskab", 1),
    ("Sagsbehandleren på kommunen lytter ikke til mig", 2),
    ("Jeg har haft seks forskellige sagsbehandlere på to år", 2),
    ("Kommunen sender breve jeg ikke forstår", 2),
    ("Det tager måneder før jobcentret svarer", 2),
    ("Mødet med kommunen føles som et forhør", 2),
    ("Systemet er for kompliceret og man bliver sendt rundt i kommunen", 2),
    ("Min sagsbehandler hjalp mig med at søge kontanthjælp", 2),
    ("Der er for mange skemaer og regler i kommunen", 2),
    ("Jobcenteret krævede møder jeg ikke kunne nå", 2),
    ("Sagsbehandlerne skifter hele tiden og ingen kender min sag", 2),
];

fn workshop_texts() -> Vec<&'static str> {
    WORKSHOP.iter().map(|(t, _)| *t).collect()
}

/// Share of answers in the majority true theme of their cluster.
fn purity(s: &Suggestions) -> f64 {
    let mut correct = 0;
    for t in &s.themes {
        let mut counts = [0usize; 3];
        for &m in &t.members {
            counts[WORKSHOP[m].1] += 1;
        }
        correct += counts.iter().max().copied().unwrap_or(0);
    }
    correct as f64 / WORKSHOP.len() as f64
}

#[test]
fn recovers_workshop_themes() {
    let texts = workshop_texts();
    let opts = SuggestOptions { k: Some(3), ..SuggestOptions::default() };
    let s = suggest(&texts, &opts);
    assert_eq!(s.themes.len(), 3);
    assert!(s.unassigned.is_empty());
    let p = purity(&s);
    assert!(p >= 0.8, "purity {p}: {s:#?}");
    // Each theme's representatives are its own members.
    for t in &s.themes {
        assert!(!t.representatives.is_empty() && t.representatives.len() <= 3);
        assert!(t.representatives.iter().all(|r| t.members.contains(r)));
        assert!(!t.keywords.is_empty());
    }
    let all_labels: String = s.themes.iter().map(|t| t.label.to_lowercase()).collect();
    assert!(all_labels.contains("kommunen") || all_labels.contains("sagsbehandler"));
}

#[test]
fn default_k_on_workshop_and_determinism() {
    let texts = workshop_texts();
    let opts = SuggestOptions::default();
    let a = suggest(&texts, &opts);
    let b = suggest(&texts, &opts);
    assert_eq!(a, b);
    assert_eq!(a.themes.len(), default_k(30));
    let total: usize = a.themes.iter().map(|t| t.members.len()).sum();
    assert_eq!(total + a.unassigned.len(), 30);
}

#[test]
fn json_shape() {
    let texts = ["bolig bolig", "ensom ensom", "", "bolig husleje"];
    let s = suggest(&texts, &SuggestOptions::default());
    let json = serde_json::to_value(&s).unwrap_or_default();
    assert!(json["themes"].is_array());
    assert_eq!(json["unassigned"], serde_json::json!([2]));
    let theme = &json["themes"][0];
    for key in ["label", "keywords", "members", "representatives"] {
        assert!(!theme[key].is_null(), "missing {key}");
    }
}

#[test]
fn default_k_values() {
    assert_eq!(default_k(0), 0);
    assert_eq!(default_k(1), 1);
    assert_eq!(default_k(2), 2);
    assert_eq!(default_k(10), 2);
    assert_eq!(default_k(50), 5);
    assert_eq!(default_k(100), 7);
    assert_eq!(default_k(10_000), 12);
}

#[test]
fn empty_input() {
    let s = suggest(&[], &SuggestOptions::default());
    assert!(s.themes.is_empty() && s.unassigned.is_empty());
}

#[test]
fn only_empty_texts() {
    let s = suggest(&["", "   ", "😀🏠", "og det er", "123"], &SuggestOptions::default());
    assert!(s.themes.is_empty());
    assert_eq!(s.unassigned, vec![0, 1, 2, 3, 4]);
}

#[test]
fn single_text() {
    let s = suggest(&["Jeg mangler en bolig"], &SuggestOptions::default());
    assert_eq!(s.themes.len(), 1);
    assert_eq!(s.themes[0].members, vec![0]);
    assert_eq!(s.themes[0].representatives, vec![0]);
    assert!(s.themes[0].label.starts_with(char::is_uppercase));
}

#[test]
fn identical_texts() {
    let texts = vec!["Ingen bolig og ingen venner"; 50];
    let s = suggest(&texts, &SuggestOptions { k: Some(5), ..SuggestOptions::default() });
    // Nothing distinguishes them: one theme, nobody lost.
    assert_eq!(s.themes.len(), 1);
    assert_eq!(s.themes[0].members.len(), 50);
    assert!(s.unassigned.is_empty());
}

#[test]
fn more_k_than_texts() {
    let s = suggest(
        &["bolig", "venner", "kommunen"],
        &SuggestOptions { k: Some(10), ..SuggestOptions::default() },
    );
    let total: usize = s.themes.iter().map(|t| t.members.len()).sum();
    assert_eq!(total, 3);
    assert!(s.themes.len() <= 3);
}

#[test]
fn emoji_and_very_long_texts() {
    let long = "Boligen er for dyr og kommunen hjælper ikke. ".repeat(5_000);
    let weird = "🏠🏠🏠 bolig!!! 🙁 ".repeat(100);
    let mut texts = workshop_texts();
    texts.push(&long);
    texts.push(&weird);
    texts.push("\u{0}\u{200b}\t\n");
    let s = suggest(&texts, &SuggestOptions::default());
    let total: usize = s.themes.iter().map(|t| t.members.len()).sum();
    assert_eq!(total + s.unassigned.len(), texts.len());
    assert!(s.unassigned.contains(&32));
}

#[test]
fn zero_options_do_not_panic() {
    let texts = workshop_texts();
    let s = suggest(&texts, &SuggestOptions { k: Some(0), dims: 0, ..SuggestOptions::default() });
    assert_eq!(s.themes.len(), 1);
}

#[test]
fn english_mode() {
    let texts = [
        "my card has not arrived yet",
        "when will my new card arrive",
        "card still not arrived after a week",
        "how do I top up my account",
        "top up with bank transfer failed",
        "my top up is pending",
    ];
    let s = suggest(
        &texts,
        &SuggestOptions { k: Some(2), language: Language::English, ..SuggestOptions::default() },
    );
    assert_eq!(s.themes.len(), 2);
    let mut groups: Vec<Vec<usize>> = s.themes.iter().map(|t| t.members.clone()).collect();
    groups.sort();
    assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4, 5]]);
}

#[test]
fn workshop_themes_robust_across_seeds() {
    let texts = workshop_texts();
    let purities: Vec<f64> = (0..10)
        .map(|seed| {
            let opts = SuggestOptions { k: Some(3), seed, ..SuggestOptions::default() };
            purity(&suggest(&texts, &opts))
        })
        .collect();
    let mean = purities.iter().sum::<f64>() / purities.len() as f64;
    eprintln!("workshop purity per seed: {purities:?}, mean {mean:.3}");
    assert!(mean >= 0.8, "mean purity {mean}: {purities:?}");
    assert!(purities.iter().all(|&p| p >= 0.65), "{purities:?}");
}

#[test]
fn random_junk_never_panics() {
    // Poor man's fuzzing: random mixes of letters, æøå, emoji, combining
    // marks, digits, punctuation and whitespace, with random options.
    let pool: Vec<char> = "abcæøåÆØÅ éü1 2.,!?\t\n😀🏠\u{301}\u{200b}ßİ-_/'\"".chars().collect();
    let mut rng = kmeans::SplitMix64::new(99);
    for round in 0..40 {
        let n = rng.below(40);
        let texts: Vec<String> = (0..n)
            .map(|_| {
                let len = rng.below(60);
                (0..len).map(|_| pool[rng.below(pool.len())]).collect()
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let opts = SuggestOptions {
            k: if round % 3 == 0 { None } else { Some(rng.below(15)) },
            language: if round % 2 == 0 { Language::Danish } else { Language::English },
            dims: rng.below(120),
            seed: rng.next_u64(),
        };
        let s = suggest(&refs, &opts);
        let mut seen: Vec<usize> = s
            .themes
            .iter()
            .flat_map(|t| t.members.iter().copied())
            .chain(s.unassigned.iter().copied())
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..n).collect::<Vec<_>>(), "every text exactly once");
        assert!(s.themes.iter().all(|t| !t.members.is_empty()));
    }
}

#[test]
fn many_long_texts_are_all_placed() {
    let long = "Boligen er for dyr, kommunen hjælper ikke og jeg er ensom. ".repeat(2_000);
    let texts: Vec<&str> =
        (0..200).map(|i| if i % 2 == 0 { long.as_str() } else { WORKSHOP[i % 30].0 }).collect();
    let s = suggest(&texts, &SuggestOptions::default());
    let total: usize = s.themes.iter().map(|t| t.members.len()).sum();
    assert_eq!(total + s.unassigned.len(), 200);
}
