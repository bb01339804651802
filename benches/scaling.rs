//! Scaling with the gazetteer: synthetic gazetteers of 1k, 10k, 100k and
//! 1M names. For each: the time to build an extractor from the TSV text
//! (`scaling_build/N`), its `memory_usage()` (printed), and the matcher's
//! throughput over the bench corpus (`scaling_match/N`, bytes of the
//! original text).
//!
//! Names are generated from a seeded PRNG: one to three words of three to
//! nine letters, drawn from Persian letters (Persian column) or Arabic
//! letters (Arabic column), alternating. One name in twenty is instead a word
//! pair taken from the corpus, so every size finds matches (their count is
//! asserted to grow with the size).
//!
//! Run: `cargo bench --bench scaling` (the 1M build takes a few seconds per
//! sample).

mod common;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::collections::HashSet;

const FA: &[char] = &[
    'ا', 'ب', 'پ', 'ت', 'ث', 'ج', 'چ', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ک', 'گ', 'ل',
    'م', 'ن', 'و', 'ه', 'ی',
];
const AR: &[char] = &[
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و',
    'ي', 'ة', 'أ', 'إ', 'ى',
];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A gazetteer TSV of `n` ORG entities with one name each.
fn gazetteer(n: usize, corpus_pairs: &[String]) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64);
    let mut seen: HashSet<String> = HashSet::with_capacity(n);
    let mut out = String::with_capacity(n * 40);
    out.push_str("id\ttype\tfa\tar\n");
    let mut i = 0;
    // A corpus pair is tried once per twentieth entity; if it is taken, a
    // generated name stands in (there are far fewer pairs than 50k).
    let mut pair_tried = false;
    while i < n {
        let fa = i % 2 == 0;
        let name = if i % 20 == 0 && !pair_tried && !corpus_pairs.is_empty() {
            pair_tried = true;
            corpus_pairs[rng.below(corpus_pairs.len())].clone()
        } else {
            let letters = if fa { FA } else { AR };
            let words = 1 + rng.below(3);
            (0..words)
                .map(|_| (0..3 + rng.below(7)).map(|_| letters[rng.below(letters.len())]).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Folded names must be distinct across entities.
        if !seen.insert(namyab::normalize(&name).as_str().to_string()) {
            continue;
        }
        let (fa_cell, ar_cell) = if fa { (name.as_str(), "") } else { ("", name.as_str()) };
        out.push_str(&format!("org_{i}\tORG\t{fa_cell}\t{ar_cell}\n"));
        i += 1;
        pair_tried = false;
    }
    out
}

fn scaling(c: &mut Criterion) {
    let articles = common::corpus();
    let bytes = common::bytes(&articles);
    let folded: Vec<namyab::Normalized> = articles.iter().map(|a| namyab::normalize(a)).collect();
    // Word pairs of the corpus, in first-seen order.
    let mut seen = HashSet::new();
    let pairs: Vec<String> = articles
        .iter()
        .flat_map(|a| {
            let words: Vec<&str> = a.split_whitespace().filter(|w| w.chars().all(char::is_alphabetic)).collect();
            words.windows(2).map(|w| format!("{} {}", w[0], w[1])).collect::<Vec<_>>()
        })
        .filter(|p| seen.insert(p.clone()))
        .collect();

    let mut build = c.benchmark_group("scaling_build");
    build.sample_size(10);
    let mut built = Vec::new();
    let mut last_matches = 0;
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let tsv = gazetteer(n, &pairs);
        let make = || {
            namyab::Extractor::builder()
                .defaults(false)
                .add_gazetteer_str("synthetic.tsv", tsv.clone())
                .build()
                .unwrap()
        };
        let t = std::time::Instant::now();
        let ex = make();
        let once = t.elapsed();
        let matches: usize = folded.iter().map(|f| ex.raw_match_count(f.as_str())).sum();
        assert!(ex.entity_count() == n);
        assert!(matches > last_matches, "{n} names: {matches} matches");
        last_matches = matches;
        eprintln!(
            "{n} names: {} variants, memory_usage() {} bytes, one build {once:?}, {matches} raw matches over the corpus",
            ex.variant_count(),
            ex.memory_usage()
        );
        build.throughput(Throughput::Bytes(tsv.len() as u64));
        build.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| b.iter(|| black_box(make())));
        built.push((n, ex, matches));
    }
    build.finish();

    let mut g = c.benchmark_group("scaling_match");
    g.throughput(Throughput::Bytes(bytes));
    for (n, ex, matches) in &built {
        g.bench_with_input(BenchmarkId::from_parameter(n), n, |b, _| {
            b.iter(|| {
                let m: usize = folded.iter().map(|f| ex.raw_match_count(black_box(f.as_str()))).sum();
                assert_eq!(m, *matches);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, scaling);
criterion_main!(benches);
