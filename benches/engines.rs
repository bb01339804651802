//! Matching engines on the same folded names (the default gazetteers'
//! 15.7k distinct variants) and the same folded text (the bench corpus as
//! one haystack). Throughput is in bytes of the folded text.
//!
//! Two kinds of search:
//! - `overlapping/*`: every name at every position, as an Aho-Corasick
//!   crate gives it; aho-corasick's DFA and contiguous NFA, daachorse's
//!   `CharwiseDoubleArrayAhoCorasick`, and aho-corasick over the text folded
//!   once more into one byte per letter (`onebyte_*`, conversion timed
//!   apart as `onebyte_convert`). All must report the same count.
//! - `word_starts/*`: names that start at a word start or after a joined
//!   proclitic, which is all the crate keeps: namyab's own trie
//!   (`Extractor::raw_match_count`) against aho-corasick's DFA walked
//!   anchored from the same positions through its `Automaton` trait. Both
//!   must report the same count.
//!
//! Run: `cargo bench --bench engines`

mod common;

use aho_corasick::automaton::Automaton;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind, StartKind};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use std::collections::HashMap;

/// Matches of an anchored aho-corasick automaton from `start` that begin
/// exactly there.
fn anchored_count<A: Automaton>(a: &A, hay: &[u8], start: usize) -> usize {
    let mut n = 0;
    let Ok(mut sid) = a.start_state(Anchored::Yes) else { return 0 };
    for (i, &b) in hay[start..].iter().enumerate() {
        sid = a.next_state(Anchored::Yes, sid, b);
        if a.is_special(sid) {
            if a.is_dead(sid) {
                break;
            }
            if a.is_match(sid) {
                for k in 0..a.match_len(sid) {
                    if a.pattern_len(a.match_pattern(sid, k)) == i + 1 {
                        n += 1;
                    }
                }
            }
        }
    }
    n
}

fn engines(c: &mut Criterion) {
    let patterns = common::default_patterns();
    let articles = common::corpus();
    let hay: String = articles
        .iter()
        .map(|a| namyab::normalize(a).as_str().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let bytes = hay.len() as u64;

    let ac = |kind| {
        AhoCorasick::builder()
            .kind(Some(kind))
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap()
    };
    let t = std::time::Instant::now();
    let dfa = ac(AhoCorasickKind::DFA);
    let dfa_build = t.elapsed();
    let t = std::time::Instant::now();
    let nfa = ac(AhoCorasickKind::ContiguousNFA);
    let nfa_build = t.elapsed();
    let t = std::time::Instant::now();
    let daac: CharwiseDoubleArrayAhoCorasick<u32> = CharwiseDoubleArrayAhoCorasick::new(&patterns).unwrap();
    let daac_build = t.elapsed();

    // One byte per letter: every char of a name gets a byte 1..=254, any
    // other char 255.
    let mut alphabet: HashMap<char, u8> = HashMap::new();
    for p in &patterns {
        for ch in p.chars() {
            let next = alphabet.len() + 1;
            alphabet
                .entry(ch)
                .or_insert_with(|| u8::try_from(next).expect("at most 254 letters in the names"));
        }
    }
    let to_bytes = |s: &str| -> Vec<u8> { s.chars().map(|ch| alphabet.get(&ch).copied().unwrap_or(255)).collect() };
    let byte_patterns: Vec<Vec<u8>> = patterns.iter().map(|p| to_bytes(p)).collect();
    let byte_hay = to_bytes(&hay);
    let ac_bytes = |kind| {
        AhoCorasick::builder()
            .kind(Some(kind))
            .match_kind(MatchKind::Standard)
            .build(&byte_patterns)
            .unwrap()
    };
    let t = std::time::Instant::now();
    let dfa1 = ac_bytes(AhoCorasickKind::DFA);
    let dfa1_build = t.elapsed();
    let nfa1 = ac_bytes(AhoCorasickKind::ContiguousNFA);

    let overlapping = dfa.find_overlapping_iter(&hay).count();
    assert!(overlapping > 50_000, "{overlapping}");
    assert_eq!(nfa.find_overlapping_iter(&hay).count(), overlapping);
    assert_eq!(daac.find_overlapping_iter(&hay).count(), overlapping);
    assert_eq!(dfa1.find_overlapping_iter(&byte_hay).count(), overlapping);
    assert_eq!(nfa1.find_overlapping_iter(&byte_hay).count(), overlapping);

    let ex = namyab::default_extractor();
    let positions = ex.word_starts(&hay);
    let anchored_dfa = aho_corasick::dfa::DFA::builder()
        .match_kind(MatchKind::Standard)
        .start_kind(StartKind::Anchored)
        .build(&patterns)
        .unwrap();
    let at_starts = ex.raw_match_count(&hay);
    assert!(at_starts > 20_000, "{at_starts}");
    assert_eq!(
        positions
            .iter()
            .map(|&s| anchored_count(&anchored_dfa, hay.as_bytes(), s))
            .sum::<usize>(),
        at_starts
    );

    eprintln!(
        "{} names, {} letters; {bytes} bytes; {overlapping} overlapping matches, {at_starts} at {} word starts",
        patterns.len(),
        alphabet.len(),
        positions.len()
    );
    eprintln!(
        "build: ac DFA {dfa_build:?} ({} bytes), ac contiguous NFA {nfa_build:?} ({} bytes), daachorse {daac_build:?} ({} bytes), ac DFA one-byte {dfa1_build:?} ({} bytes), ac anchored DFA ({} bytes), namyab trie ({} bytes with the variant table)",
        dfa.memory_usage(),
        nfa.memory_usage(),
        daac.heap_bytes(),
        dfa1.memory_usage(),
        anchored_dfa.memory_usage(),
        ex.memory_usage()
    );

    let mut g = c.benchmark_group("engines");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("overlapping/ac_dfa", |b| {
        b.iter(|| assert_eq!(dfa.find_overlapping_iter(black_box(&hay)).count(), overlapping))
    });
    g.bench_function("overlapping/ac_contiguous_nfa", |b| {
        b.iter(|| assert_eq!(nfa.find_overlapping_iter(black_box(&hay)).count(), overlapping))
    });
    g.bench_function("overlapping/daachorse_charwise", |b| {
        b.iter(|| assert_eq!(daac.find_overlapping_iter(black_box(&hay)).count(), overlapping))
    });
    g.bench_function("overlapping/onebyte_convert", |b| {
        b.iter(|| assert_eq!(to_bytes(black_box(&hay)).len(), byte_hay.len()))
    });
    g.bench_function("overlapping/onebyte_ac_dfa", |b| {
        b.iter(|| assert_eq!(dfa1.find_overlapping_iter(black_box(&byte_hay)).count(), overlapping))
    });
    g.bench_function("overlapping/onebyte_ac_contiguous_nfa", |b| {
        b.iter(|| assert_eq!(nfa1.find_overlapping_iter(black_box(&byte_hay)).count(), overlapping))
    });
    g.bench_function("word_starts/namyab_trie", |b| {
        b.iter(|| assert_eq!(ex.raw_match_count(black_box(&hay)), at_starts))
    });
    g.bench_function("word_starts/ac_dfa_anchored", |b| {
        b.iter(|| {
            let n: usize = ex
                .word_starts(black_box(&hay))
                .into_iter()
                .map(|s| anchored_count(&anchored_dfa, hay.as_bytes(), s))
                .sum();
            assert_eq!(n, at_starts);
        })
    });
    g.finish();
}

criterion_group!(benches, engines);
criterion_main!(benches);
