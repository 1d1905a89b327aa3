//! Cluster labels from class-based TF-IDF (c-TF-IDF, as in BERTopic) over the
//! stemmed words, shown with their most frequent surface form.

use std::collections::HashMap;

use super::tokenize::{Language, Token};

/// Label and keywords of one cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Top 2–3 keywords joined, first letter upper-case.
    pub label: String,
    /// Most distinctive words (surface forms), best first.
    pub keywords: Vec<String>,
}

/// Number of keywords joined into the label.
const LABEL_WORDS: usize = 3;

/// Labels each cluster (`clusters[c]` = document indexes into `docs`).
///
/// c-TF-IDF weight of stem `t` in cluster `c`: `tf(t,c) / |c| · ln(1 + A / f(t))`
/// where `A` is the average number of words per cluster and `f(t)` the
/// frequency of `t` over all clusters. Unlike BERTopic, `tf` counts each stem
/// at most once per answer, so one long answer repeating a word cannot
/// dominate its theme's label. Stems used by at least two answers of the
/// cluster are preferred, since a word only one person used rarely names a
/// shared theme.
pub fn label_clusters(
    docs: &[Vec<Token>], clusters: &[Vec<usize>], n_keywords: usize, language: Language,
) -> Vec<Label> {
    // Stem ids in first-seen order (deterministic), surface-form counts.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut stems: Vec<&str> = Vec::new();
    let mut surfaces: Vec<HashMap<&str, usize>> = Vec::new();
    // Per cluster: sorted (stem id, number of member answers using it).
    let mut cluster_tf: Vec<Vec<(usize, usize)>> = Vec::with_capacity(clusters.len());
    for members in clusters {
        let mut seen: Vec<usize> = Vec::new();
        for &m in members {
            let Some(doc) = docs.get(m) else { continue };
            let mut in_doc: Vec<usize> = Vec::with_capacity(doc.len());
            for tok in doc {
                let id = *ids.entry(tok.stem.as_str()).or_insert_with(|| {
                    stems.push(tok.stem.as_str());
                    surfaces.push(HashMap::new());
                    stems.len() - 1
                });
                *surfaces[id].entry(tok.surface.as_str()).or_insert(0) += 1;
                in_doc.push(id);
            }
            in_doc.sort_unstable();
            in_doc.dedup();
            seen.extend(in_doc);
        }
        seen.sort_unstable();
        let mut tf: Vec<(usize, usize)> = Vec::new();
        for id in seen {
            match tf.last_mut() {
                Some((last, c)) if *last == id => *c += 1,
                _ => tf.push((id, 1)),
            }
        }
        cluster_tf.push(tf);
    }
    let mut total = vec![0usize; stems.len()];
    for tf in &cluster_tf {
        for &(id, c) in tf {
            total[id] += c;
        }
    }
    let n_clusters = clusters.len().max(1);
    let avg_words = total.iter().sum::<usize>() as f64 / n_clusters as f64;

    cluster_tf
        .iter()
        .zip(clusters)
        .map(|(tf, members)| {
            let words: usize = tf.iter().map(|&(_, c)| c).sum();
            let mut scored: Vec<(f64, bool, usize)> = tf
                .iter()
                .map(|&(id, c)| {
                    let w =
                        c as f64 / words.max(1) as f64 * (1.0 + avg_words / total[id] as f64).ln();
                    let shared = c >= 2 || members.len() < 2;
                    (w, shared, id)
                })
                .collect();
            // Shared stems first, then weight, then stem text for stable ties.
            scored.sort_by(|a, b| {
                b.1.cmp(&a.1).then(b.0.total_cmp(&a.0)).then(stems[a.2].cmp(stems[b.2]))
            });
            let keywords: Vec<String> = scored
                .iter()
                .take(n_keywords)
                .map(|&(_, _, id)| best_surface(&surfaces[id]).to_string())
                .collect();
            let label = if keywords.is_empty() {
                match language {
                    Language::Danish => "Diverse".to_string(),
                    Language::English => "Miscellaneous".to_string(),
                }
            } else {
                capitalize(&keywords[..keywords.len().min(LABEL_WORDS)].join(", "))
            };
            Label { label, keywords }
        })
        .collect()
}

/// Most frequent surface form; ties go to the alphabetically first.
fn best_surface<'a>(forms: &HashMap<&'a str, usize>) -> &'a str {
    forms.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map_or("", |(s, _)| *s)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokenize::Tokenizer;
    use super::*;

    #[test]
    fn picks_distinctive_word_and_surface_form() {
        let t = Tokenizer::new(Language::Danish);
        let texts = [
            "Ensomheden er det værste, jeg savner venner",
            "Ensomheden om aftenen, ingen venner at snakke med",
            "Jeg har ingen venner og føler ensomheden",
            "Kommunen svarer ikke, sagsbehandleren er væk",
            "Sagsbehandleren på kommunen lytter ikke",
            "Kommunen sender breve jeg ikke forstår",
        ];
        let docs: Vec<Vec<Token>> = texts.iter().map(|s| t.tokenize(s)).collect();
        let labels = label_clusters(&docs, &[vec![0, 1, 2], vec![3, 4, 5]], 4, Language::Danish);
        assert_eq!(labels.len(), 2);
        // Surface forms, not stems ("ensomheden", not "ensom").
        assert!(labels[0].keywords[..2].contains(&"ensomheden".to_string()));
        assert!(labels[0].keywords[..2].contains(&"venner".to_string()));
        assert_eq!(labels[1].keywords[0], "kommunen");
        assert!(labels[1].label.starts_with("Kommunen, sagsbehandleren"));
        assert!(!labels[1].keywords.contains(&"venner".to_string()));
    }

    #[test]
    fn empty_cluster_gets_fallback_label() {
        let labels = label_clusters(&[], &[vec![]], 5, Language::Danish);
        assert_eq!(labels[0].label, "Diverse");
        assert!(labels[0].keywords.is_empty());
    }

    #[test]
    fn capitalizes_non_ascii() {
        assert_eq!(capitalize("ønsker, bolig"), "Ønsker, bolig");
        assert_eq!(capitalize(""), "");
    }
}
