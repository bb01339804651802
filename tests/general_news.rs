//! Precision on general news (issue 11): public NER corpora the crate was
//! never tuned on, read from outside the repository (third-party text never
//! enters it). `python3 tools/general_news.py prepare` writes them to
//! `target/general_news/` (the Wojood sample for Arabic, PEYMA for Persian;
//! not ARMAN or ANERcorp, which we keep for an independent check); CI does
//! so and sets `NAMYAB_GENERAL_NEWS` to that directory, which makes the data
//! required. Without it the test says it was skipped and how to run it.
//!
//! Type-agnostic precision: a prediction counts when it overlaps any gold
//! span of any label. PEYMA annotates no nationalities or named events, so
//! for Persian the floor is on the predictions of types it annotates; the
//! precision over all predictions is printed and has a lower floor.

use serde_json::Value;
use std::path::PathBuf;

struct Score {
    predictions: usize,
    correct: usize,
    annotated: usize,
    annotated_correct: usize,
    persons: usize,
    persons_found: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.correct as f64 / self.predictions.max(1) as f64
    }
    fn annotated_precision(&self) -> f64 {
        self.annotated_correct as f64 / self.annotated.max(1) as f64
    }
    fn person_recall(&self) -> f64 {
        self.persons_found as f64 / self.persons.max(1) as f64
    }
}

/// Scores one prepared language file; `unannotated` are our types the
/// corpus does not annotate.
fn score(path: &std::path::Path, unannotated: &[&str]) -> Score {
    let ex = namyab::default_extractor();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut s = Score {
        predictions: 0,
        correct: 0,
        annotated: 0,
        annotated_correct: 0,
        persons: 0,
        persons_found: 0,
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: Value = serde_json::from_str(line).unwrap();
        let doc = record["text"].as_str().unwrap();
        let gold: Vec<(usize, usize, &str)> = record["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["start"].as_u64().unwrap() as usize,
                    g["end"].as_u64().unwrap() as usize,
                    g["label"].as_str().unwrap(),
                )
            })
            .collect();
        let found = ex.entities(doc);
        for e in &found {
            let hit = gold.iter().any(|&(gs, ge, _)| gs < e.span.end && e.span.start < ge);
            s.predictions += 1;
            s.correct += usize::from(hit);
            if !unannotated.contains(&e.entity_type.as_str()) {
                s.annotated += 1;
                s.annotated_correct += usize::from(hit);
            }
        }
        for &(gs, ge, label) in &gold {
            if label.starts_with("PER") {
                s.persons += 1;
                s.persons_found += usize::from(
                    found
                        .iter()
                        .any(|e| e.entity_type == namyab::EntityType::Person && gs < e.span.end && e.span.start < ge),
                );
            }
        }
    }
    s
}

#[test]
fn precision_on_general_news() {
    let required = std::env::var_os("NAMYAB_GENERAL_NEWS");
    let dir = required
        .clone()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/general_news"));
    let (ar, fa) = (dir.join("ar.jsonl"), dir.join("fa.jsonl"));
    if !ar.exists() || !fa.exists() {
        assert!(
            required.is_none(),
            "NAMYAB_GENERAL_NEWS={} holds no ar.jsonl and fa.jsonl: run python3 tools/general_news.py prepare --out {}",
            dir.display(),
            dir.display()
        );
        eprintln!(
            "general news: skipped (no data in {}; run python3 tools/general_news.py prepare)",
            dir.display()
        );
        return;
    }
    let ar = score(&ar, &[]);
    let fa = score(&fa, &["NORP", "EVENT"]);
    eprintln!(
        "general news: ar precision {:.3} over {} predictions, people found {:.3}; \
         fa precision {:.3} over {} ({:.3} over the {} of annotated types), people found {:.3}",
        ar.precision(),
        ar.predictions,
        ar.person_recall(),
        fa.precision(),
        fa.predictions,
        fa.annotated_precision(),
        fa.annotated,
        fa.person_recall()
    );
    assert!(
        ar.predictions > 1000 && fa.predictions > 5000,
        "too few predictions: is the data complete?"
    );
    // Floors a little under what the crate reaches (ar 0.960; fa 0.915, and
    // 0.970 over annotated types; people found ar 0.051, fa 0.182): a change
    // that costs precision fails here.
    assert!(ar.precision() >= 0.95, "Arabic general-news precision {:.3} < 0.95", ar.precision());
    assert!(
        fa.annotated_precision() >= 0.955,
        "Persian precision {:.3} < 0.955",
        fa.annotated_precision()
    );
    assert!(
        fa.precision() >= 0.90,
        "Persian precision over all types {:.3} < 0.90",
        fa.precision()
    );
    assert!(fa.person_recall() >= 0.16, "Persian people found {:.3} < 0.16", fa.person_recall());
    assert!(ar.person_recall() >= 0.04, "Arabic people found {:.3} < 0.04", ar.person_recall());
}
