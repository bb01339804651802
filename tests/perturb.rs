//! The same article, however it is typed: every seed, every written
//! article and every relation case, rewritten with Arabic or Persian letters, ZWNJ or none, harakat,
//! tatweel, presentation forms, three digit sets, NBSP, bidi marks and CRLF,
//! gives the same entities (types, ids, spans over the corresponding text)
//! and relations.

use serde_json::Value;

fn texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    for p in seeds {
        out.push((
            p.file_name().unwrap().to_string_lossy().to_string(),
            std::fs::read_to_string(&p).unwrap(),
        ));
    }
    for file in [
        include_str!("cases/articles.json"),
        include_str!("cases/relations.json"),
        include_str!("cases/relations_by_convention.json"),
        include_str!("cases/relations_news_fa.json"),
        include_str!("cases/relations_news_ar.json"),
        include_str!("cases/wire_articles_fa.json"),
        include_str!("cases/wire_articles_ar.json"),
        include_str!("cases/relations_regressions.json"),
    ] {
        let cases: Value = serde_json::from_str(file).unwrap();
        for c in cases.as_array().unwrap() {
            out.push((c["name"].as_str().unwrap().to_string(), c["text"].as_str().unwrap().to_string()));
        }
    }
    out
}

#[test]
fn every_text_extracts_the_same_however_typed() {
    let ex = namyab::default_extractor();
    let mut failures = Vec::new();
    let texts = texts();
    assert!(texts.len() >= 100);
    for (name, text) in &texts {
        for p in namyab::perturb::perturbations(text) {
            let x = ex.extract(&p.text);
            for e in &x.entities {
                assert_eq!(&p.text[e.span.range()], e.text);
            }
        }
        for (perturbation, diffs) in namyab::perturb::check_perturbations(ex, text) {
            failures.push(format!("{name} / {perturbation}: {}", diffs.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
