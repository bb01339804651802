//! The pipeline stage by stage over the bench corpus (`benches/corpus`,
//! 1.3 MB of Persian and Arabic articles, extracted one article at a time),
//! and the cost of building an extractor. Every throughput is in bytes of
//! the *original* text, so stages compare directly; every group asserts a
//! count, so a broken gazetteer cannot look fast.
//!
//! Run: `cargo bench --bench extract`

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use namyab::{Extractor, ExtractorBuilder};

fn stages(c: &mut Criterion) {
    let articles = common::corpus();
    let bytes = common::bytes(&articles);
    let ex = namyab::default_extractor();

    let folded: Vec<namyab::Normalized> = articles.iter().map(|a| namyab::normalize(a)).collect();
    let folded_bytes: usize = folded.iter().map(|n| n.as_str().len()).sum();
    let raw: usize = folded.iter().map(|n| ex.raw_match_count(n.as_str())).sum();
    let entities: Vec<Vec<namyab::Entity>> = articles.iter().map(|a| ex.entities(a)).collect();
    let n_entities: usize = entities.iter().map(Vec::len).sum();
    let n_relations: usize = articles.iter().zip(&entities).map(|(a, e)| ex.relations(a, e).len()).sum();
    assert!(folded_bytes > 1_000_000, "folded bytes {folded_bytes}");
    assert!(raw > 20_000, "raw matches {raw}");
    assert!(n_entities > 15_000, "entities {n_entities}");
    assert!(n_relations > 500, "relations {n_relations}");
    eprintln!(
        "corpus: {} articles, {bytes} bytes ({folded_bytes} folded), {raw} raw matches, {n_entities} entities, {n_relations} relations",
        articles.len()
    );

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("news", |b| {
        b.iter(|| {
            let n: usize = articles.iter().map(|a| namyab::normalize(black_box(a)).as_str().len()).sum();
            assert_eq!(n, folded_bytes);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("match");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("news", |b| {
        b.iter(|| {
            let n: usize = folded.iter().map(|f| ex.raw_match_count(black_box(f.as_str()))).sum();
            assert_eq!(n, raw);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("relations");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("news", |b| {
        b.iter(|| {
            let n: usize = articles
                .iter()
                .zip(&entities)
                .map(|(a, e)| ex.relations(black_box(a), e).len())
                .sum();
            assert_eq!(n, n_relations);
        })
    });
    g.finish();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("news", |b| {
        b.iter(|| {
            let (mut e, mut r) = (0, 0);
            for a in &articles {
                let x = ex.extract(black_box(a));
                e += x.entities.len();
                r += x.relations.len();
            }
            assert_eq!((e, r), (n_entities, n_relations));
        })
    });
    g.bench_function("entities_only", |b| {
        b.iter(|| {
            let n: usize = articles.iter().map(|a| ex.entities(black_box(a)).len()).sum();
            assert_eq!(n, n_entities);
        })
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers");
    let gazetteer_bytes: u64 = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    let variants = namyab::default_extractor().variant_count();
    let places = std::fs::read_to_string(format!("{dir}/places.tsv")).unwrap();

    let mut g = c.benchmark_group("build");
    g.throughput(Throughput::Bytes(gazetteer_bytes));
    g.bench_function("default", |b| {
        b.iter(|| {
            let ex = Extractor::builder().build().unwrap();
            assert_eq!(ex.variant_count(), variants);
        })
    });
    g.throughput(Throughput::Bytes(places.len() as u64));
    g.bench_function("custom_places_only", |b| {
        b.iter(|| {
            let ex = ExtractorBuilder::new()
                .defaults(false)
                .add_gazetteer_str("places.tsv", black_box(places.clone()))
                .build()
                .unwrap();
            assert!(ex.entity_count() > 800);
        })
    });
    g.finish();
    let ex = namyab::default_extractor();
    eprintln!(
        "default extractor: {} entities, {} variants, memory_usage() {} bytes",
        ex.entity_count(),
        ex.variant_count(),
        ex.memory_usage()
    );
}

criterion_group!(benches, stages, build);
criterion_main!(benches);
