//! Scores the extractor on the seed articles against `seeds/gold`, counting
//! as `../shared/eval/score.py` does: entities on exact (char span, type),
//! a prediction overlapping an optional gold span neither rewarded nor
//! punished; linking accuracy on matched spans whose gold has an id.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;

#[derive(Default, Clone, Copy)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn r(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

struct Scores {
    by_type: BTreeMap<String, Prf>,
    all: Prf,
    link_ok: usize,
    link_total: usize,
    errors: Vec<String>,
}

fn score() -> Scores {
    let gold_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/gold");
    let mut s = Scores {
        by_type: BTreeMap::new(),
        all: Prf::default(),
        link_ok: 0,
        link_total: 0,
        errors: Vec::new(),
    };
    let mut docs: Vec<_> = fs::read_dir(&gold_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    docs.sort();
    assert_eq!(docs.len(), 5, "five gold documents");
    for path in docs {
        let gold: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let doc = gold["doc"].as_str().unwrap();
        let text = fs::read_to_string(gold_dir.join("..").join(doc)).unwrap();
        let x = namyab::extract(&text);
        let gents = gold["entities"].as_array().unwrap();
        let key = |e: &Value| (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        let required: HashMap<(usize, usize, String), &Value> = gents
            .iter()
            .filter(|e| !e["optional"].as_bool().unwrap_or(false))
            .map(|e| {
                let (a, b) = key(e);
                ((a, b, e["type"].as_str().unwrap().to_string()), e)
            })
            .collect();
        let optional: Vec<(usize, usize)> = gents.iter().filter(|e| e["optional"].as_bool().unwrap_or(false)).map(key).collect();
        let gold_spans: HashSet<(usize, usize)> = required.keys().map(|(a, b, _)| (*a, *b)).collect();
        let mut matched = HashSet::new();
        for e in &x.entities {
            // spans are exact: the byte range is the surface, the char range agrees
            assert_eq!(&text[e.span.range()], e.text);
            assert_eq!(text[..e.span.start].chars().count(), e.span.char_start);
            assert_eq!(text[..e.span.end].chars().count(), e.span.char_end);
            let (a, b) = (e.span.char_start, e.span.char_end);
            let t = e.entity_type.as_str().to_string();
            let k = (a, b, t.clone());
            if let Some(g) = required.get(&k) {
                matched.insert(k);
                s.by_type.entry(t).or_default().tp += 1;
                s.all.tp += 1;
                if let Some(gid) = g["id"].as_str() {
                    s.link_total += 1;
                    if e.id.as_deref() == Some(gid) {
                        s.link_ok += 1;
                    } else {
                        s.errors.push(format!("link {doc}: {} gold={gid} pred={:?}", e.text, e.id));
                    }
                }
                continue;
            }
            if optional.iter().any(|&(oa, ob)| a < ob && oa < b) && !gold_spans.contains(&(a, b)) {
                continue;
            }
            s.by_type.entry(t.clone()).or_default().fp += 1;
            s.all.fp += 1;
            s.errors.push(format!("FP {doc}: [{a},{b}) {t} {:?} id={:?}", e.text, e.id));
        }
        for (k, g) in &required {
            if !matched.contains(k) {
                s.by_type.entry(k.2.clone()).or_default().fn_ += 1;
                s.all.fn_ += 1;
                s.errors
                    .push(format!("FN {doc}: [{},{}) {} {:?}", k.0, k.1, k.2, g["text"].as_str().unwrap()));
            }
        }
    }
    s
}

#[test]
fn seed_entities_meet_the_thresholds() {
    let s = score();
    for (t, p) in &s.by_type {
        println!(
            "{t:8} P={:.3} R={:.3} F1={:.3} (tp={} fp={} fn={})",
            p.p(),
            p.r(),
            p.f1(),
            p.tp,
            p.fp,
            p.fn_
        );
    }
    let link = s.link_ok as f64 / s.link_total.max(1) as f64;
    println!("ALL      P={:.3} R={:.3} F1={:.3}", s.all.p(), s.all.r(), s.all.f1());
    println!("linking  {link:.3} ({}/{})", s.link_ok, s.link_total);
    for e in &s.errors {
        println!("  {e}");
    }
    assert!(s.all.f1() >= 0.95, "entity F1 {:.3} < 0.95", s.all.f1());
    assert!(link >= 0.97, "linking accuracy {link:.3} < 0.97");
}
