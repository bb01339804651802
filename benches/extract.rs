//! First benches: the automaton over folded seed text (`match`), and the
//! whole pipeline (`extract`), both in bytes per second. Match counts are
//! asserted so a broken gazetteer cannot look fast.
//!
//! Run: `cargo bench --bench extract`

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::fs;

fn seeds() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench(c: &mut Criterion) {
    let text = seeds();
    let ex = namyab::default_extractor();
    let folded = namyab::normalize(&text);
    let raw = ex.raw_match_count(folded.as_str());
    let entities = ex.extract(&text).entities.len();
    assert!(raw > 500, "raw matches {raw}");
    assert!(entities >= 350, "entities {entities}");

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("seeds", |b| b.iter(|| black_box(namyab::normalize(black_box(&text)))));
    g.finish();

    let mut g = c.benchmark_group("match");
    g.throughput(Throughput::Bytes(folded.as_str().len() as u64));
    g.bench_function("seeds", |b| {
        b.iter(|| {
            let n = ex.raw_match_count(black_box(folded.as_str()));
            assert_eq!(n, raw);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("seeds", |b| {
        b.iter(|| {
            let x = ex.extract(black_box(&text));
            assert_eq!(x.entities.len(), entities);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
