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
