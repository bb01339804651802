//! Relation cases as data, every case asserted exactly: sentences and short
//! wire articles written for the tests in Persian and Arabic, each with the
//! relations a reader following the gold guidelines annotates (`relations`),
//! those a reader may or may not annotate (`optional`) and the traps that
//! must not come out (`forbidden`). Compared as `score.py` compares
//! documents: met-with as unordered pairs, mediated-by as (party pair,
//! mediator), each with its status; modality too for met-with; ids mapped
//! through `metonym_of`. The files and their first-run scores are listed in
//! `tests/cases/README.md`. A case marked `known_failure` (with the reason)
//! must still fail; every other case must be exactly right.

mod common;

use common::{check_case, Counts};
use serde_json::Value;

/// Every case file: (name, contents).
const FILES: &[(&str, &str)] = &[
    ("relations.json", include_str!("cases/relations.json")),
    ("relations_by_convention.json", include_str!("cases/relations_by_convention.json")),
    ("relations_news_fa.json", include_str!("cases/relations_news_fa.json")),
    ("relations_news_ar.json", include_str!("cases/relations_news_ar.json")),
    ("wire_articles_fa.json", include_str!("cases/wire_articles_fa.json")),
    ("wire_articles_ar.json", include_str!("cases/wire_articles_ar.json")),
    ("relations_regressions.json", include_str!("cases/relations_regressions.json")),
];

#[test]
fn relation_cases() {
    let mut all = Counts::default();
    let mut failures = Vec::new();
    let mut known = Vec::new();
    let (mut fa, mut ar, mut negatives, mut total) = (0, 0, 0, 0);
    for (file, text) in FILES {
        let cases: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut counts = Counts::default();
        let mut passed = 0;
        for case in cases.as_array().unwrap() {
            let name = case["name"].as_str().unwrap();
            let text = case["text"].as_str().unwrap();
            total += 1;
            match case["lang"].as_str() {
                Some("fa") => fa += 1,
                Some("ar") => ar += 1,
                other => panic!("{file} {name}: lang {other:?}"),
            }
            let forbids = case["forbidden"].as_array().is_some_and(|f| !f.is_empty());
            if case["relations"].as_array().unwrap().is_empty() || forbids {
                negatives += 1;
            }
            let x = namyab::extract(text);
            // Evidence spans are real: the trigger inside its sentence, each
            // argument's text where its span says.
            for r in &x.relations {
                for a in r.participants.iter().chain(&r.parties).chain(&r.mediators) {
                    assert_eq!(&text[a.span.range()], a.text, "{file} {name}");
                }
                assert!(text[r.sentence.range()].contains(&text[r.trigger.range()]), "{file} {name}");
                assert!(r.event < x.events.len(), "{file} {name}");
            }
            let problems = check_case(case, &x, &mut counts);
            // A case the code does not get right yet says why in
            // `known_failure`; it must still fail, so that a fix removes the
            // mark.
            match (case["known_failure"].as_str(), problems.is_empty()) {
                (None, true) => passed += 1,
                (None, false) => failures.push(format!("{file} {name}:\n    {}", problems.join("\n    "))),
                (Some(why), false) => known.push(format!("{file} {name} ({why}):\n    {}", problems.join("\n    "))),
                (Some(_), true) => failures.push(format!("{file} {name}: passes now; remove its known_failure")),
            }
        }
        let (f1, f1s) = counts.f1();
        println!(
            "{file}: {passed}/{} cases exactly right; F1 {f1:.3}, with status {f1s:.3}",
            cases.as_array().unwrap().len()
        );
        all.tp += counts.tp;
        all.fp += counts.fp;
        all.fn_ += counts.fn_;
        all.tp_s += counts.tp_s;
        all.fp_s += counts.fp_s;
        all.fn_s += counts.fn_s;
    }
    let (f1, f1s) = all.f1();
    println!("all {total} cases (fa {fa}, ar {ar}, negatives and near misses {negatives}): F1 {f1:.3}, with status {f1s:.3}");
    println!("known failures: {}", known.len());
    for k in &known {
        println!("{k}");
    }
    for f in &failures {
        println!("{f}");
    }
    assert!(fa >= 150 && ar >= 150 && negatives * 3 >= total, "the case set shrank");
    assert!(known.len() <= 9, "more known failures than when they were marked");
    // Every case is a regression case: none may drift.
    assert!(failures.is_empty(), "{} cases not exactly right (see above)", failures.len());
}
