//! Hostile input next to ordinary news text, in bytes per second: time must
//! stay linear whatever arrives.
//!
//! Run: `cargo bench --bench adversarial`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn news() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let one: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    one.repeat(40) // about 1 MB
}

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("news_1mb", news()),
        ("one_letter_10mb", "ب".repeat(5_000_000)),
        ("zwnj_1mb", "\u{200C}".repeat(350_000)),
        ("combining_marks_1mb", "\u{064E}".repeat(500_000)),
        ("one_name_repeated_1m", "باکو ".repeat(1_000_000)),
        ("one_line_no_spaces_5mb", "الاتحادالأوروبيباكو".repeat(140_000)),
        ("nul_and_controls_1mb", "\0\u{1}\u{7}\u{1b}\u{7f}باکو\u{0}".repeat(60_000)),
        ("mixed_scripts_1mb", "Москва باکو Москва 北京 Baku «تاس» ۱۲ ١٢ 12 ".repeat(16_000)),
        (
            "triggers_and_names_1mb",
            "لاوروف و بایراموف دیدار کردند و با وساطت روسیه و ".repeat(11_000),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let ex = namyab::default_extractor();
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10);
    for (name, text) in inputs() {
        // sanity: never panics, spans valid (checked once, outside timing)
        let x = ex.extract(&text);
        assert!(x
            .entities
            .iter()
            .all(|e| text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end)));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("extract", name), &text, |b, t| {
            b.iter(|| black_box(ex.extract(black_box(t))))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
