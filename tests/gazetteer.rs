//! The default gazetteers as a whole.

use namyab::{EntityType, Extractor};

fn label(t: EntityType) -> &'static str {
    t.as_str()
}

#[test]
fn every_gold_entity_id_is_present_with_the_same_facts() {
    let ex = namyab::default_extractor();
    let tsv = include_str!("../seeds/gold/ENTITIES.tsv");
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (id, ty, aff, met) = (col("id"), col("type"), col("affiliation"), col("metonym_of"));
    let mut n = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| cells.get(i).copied().filter(|c| !c.is_empty());
        let info = ex.entity(cells[id]).unwrap_or_else(|| panic!("missing id {}", cells[id]));
        assert_eq!(label(info.entity_type()), cells[ty], "{}", cells[id]);
        assert_eq!(info.affiliation(), cell(aff), "{} affiliation", cells[id]);
        assert_eq!(info.metonym_of(), cell(met), "{} metonym_of", cells[id]);
        n += 1;
    }
    assert!(n >= 68);
}

#[test]
fn default_gazetteers_are_broad() {
    let ex = namyab::default_extractor();
    assert!(ex.entity_count() >= 1000, "{}", ex.entity_count());
    assert!(ex.variant_count() >= 8000, "{}", ex.variant_count());
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Extractor>();
    check::<namyab::Extraction>();
    check::<namyab::Error>();
    check::<namyab::ExtractorBuilder>();
}

#[test]
fn one_extractor_shared_by_threads_gives_identical_results() {
    let text = include_str!("../seeds/003_16b6482d6bae7f5d.txt");
    let ex = namyab::default_extractor();
    let expected = ex.extract(text);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..8).map(|_| s.spawn(|| ex.extract(text))).collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), expected);
        }
    });
}

/// Every entity file: names in the right script per column, ids unique over
/// all files, a provenance column; the rest (references resolve, no clash
/// within a type, role dates ordered, cells well formed) is the loader's
/// job, and `default_gazetteers_are_broad` builds the defaults.
#[test]
fn every_gazetteer_file_is_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
    let mut ids = std::collections::HashMap::new();
    let mut problems = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".tsv") || ["cues.tsv", "affixes.tsv", "dates.tsv", "triggers.tsv", "titles.tsv"].contains(&name.as_str()) {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let mut header: Option<Vec<&str>> = None;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let Some(h) = &header else {
                assert!(cells.contains(&"source"), "{name}: no provenance column `source`");
                header = Some(cells);
                continue;
            };
            let cell = |col: &str| h.iter().position(|c| *c == col).map(|i| cells[i]).unwrap_or("");
            let id = cell("id");
            if let Some(first) = ids.insert(id.to_string(), format!("{name}:{}", n + 1)) {
                problems.push(format!("{name}:{}: id `{id}` also at {first}", n + 1));
            }
            let names = |col: &str| -> Vec<String> {
                cell(col)
                    .split('|')
                    .map(|s| s.split('[').next().unwrap().trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            };
            for n_ in names("fa") {
                if n_.chars().any(|c| matches!(c, 'ي' | 'ك' | 'ى') || c.is_ascii_alphabetic()) {
                    problems.push(format!("{name}:{}: Persian name `{n_}` has Arabic or Latin letters", n + 1));
                }
            }
            for n_ in names("ar") {
                if n_
                    .chars()
                    .any(|c| matches!(c, 'ی' | 'ک' | 'پ' | 'چ' | 'ژ' | 'گ') || c.is_ascii_alphabetic())
                {
                    problems.push(format!("{name}:{}: Arabic name `{n_}` has Persian or Latin letters", n + 1));
                }
            }
            for n_ in names("latin") {
                if n_.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
                    problems.push(format!("{name}:{}: Latin name `{n_}` has Arabic-script letters", n + 1));
                }
            }
        }
    }
    assert!(files >= 4, "{files} entity files");
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}
