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
        if !name.ends_with(".tsv")
            || [
                "cues.tsv",
                "affixes.tsv",
                "dates.tsv",
                "triggers.tsv",
                "titles.tsv",
                "languages.tsv",
                "frequent.tsv",
            ]
            .contains(&name.as_str())
        {
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

/// The gold id rule: Latin diacritics fold to their base letter (NFKD with
/// the marks dropped; ı → i, ø → o, ß → ss, æ → ae), then each run of other
/// characters is one `_`.
fn gold_id(name: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let lower = name.to_lowercase();
    let mut letters = String::new();
    for c in lower.chars() {
        match c {
            'ı' => letters.push('i'),
            'ø' => letters.push('o'),
            'ß' => letters.push_str("ss"),
            'æ' => letters.push_str("ae"),
            'œ' => letters.push_str("oe"),
            'ə' => letters.push('e'),
            _ => letters.push(c),
        }
    }
    let folded: String = letters.nfkd().filter(|c| !is_combining_mark(*c)).collect();
    snake(&folded)
}

/// Each run of characters other than `a-z0-9` as one `_`.
fn snake(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Regression: ids were made by dropping every letter with a diacritic
/// (`recep_tayyip_erdo_an`, `asunci_n`) where the gold writes
/// `recep_tayyip_erdogan`. No id may be such a broken form of its own Latin
/// name.
#[test]
fn ids_fold_latin_diacritics() {
    assert_eq!(gold_id("Recep Tayyip Erdoğan"), "recep_tayyip_erdogan");
    assert_eq!(gold_id("Mevlüt Çavuşoğlu"), "mevlut_cavusoglu");
    assert_eq!(gold_id("Washington, D.C."), "washington_d_c");
    for file in ["people", "places", "organizations"] {
        let path = format!("{}/gazetteers/{file}.tsv", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let mut rows = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let header: Vec<&str> = rows.next().unwrap().split('\t').collect();
        let latin = header.iter().position(|h| *h == "latin").unwrap();
        let mut checked = 0;
        for row in rows {
            let cells: Vec<&str> = row.split('\t').collect();
            let id = cells[0];
            for name in cells.get(latin).copied().unwrap_or("").split('|').filter(|n| !n.is_empty()) {
                let broken = snake(&name.to_lowercase());
                let right = gold_id(name);
                assert!(
                    broken == right || id != broken,
                    "{file}.tsv: id `{id}` should be `{right}` (from `{name}`)"
                );
                checked += usize::from(broken != right);
            }
        }
        if file == "people" {
            assert!(checked >= 20, "{checked} names with diacritics in people.tsv");
        }
    }
    // Generated places name their Wikipedia title in the overlay's notes.
    let overlay = std::fs::read_to_string(format!("{}/tools/places_overlay.tsv", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for row in overlay.lines() {
        let cells: Vec<&str> = row.split('\t').collect();
        let Some(title) = row
            .split("Wikipedia: ")
            .nth(1)
            .map(|t| t.split(['\t', '|', ';']).next().unwrap_or("").trim())
        else {
            continue;
        };
        let broken = snake(&title.to_lowercase());
        assert!(
            broken == gold_id(title) || cells.get(1) != Some(&broken.as_str()),
            "places_overlay.tsv: id `{broken}` should be `{}`",
            gold_id(title)
        );
    }
}
