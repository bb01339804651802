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
    rel: Prf,
    rel_status: Prf,
    by_type: BTreeMap<String, Prf>,
    all: Prf,
    link_ok: usize,
    link_total: usize,
    errors: Vec<String>,
}

fn score() -> Scores {
    let gold_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/gold");
    let metonyms: HashMap<String, String> = fs::read_to_string(gold_dir.join("ENTITIES.tsv"))
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            c.get(4).filter(|m| !m.is_empty()).map(|m| (c[0].to_string(), m.to_string()))
        })
        .collect();
    let mut s = Scores {
        rel: Prf::default(),
        rel_status: Prf::default(),
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
        score_relations(&gold, &x, &metonyms, &mut s);
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

type RelKey = (String, Vec<String>, String);

/// Relation keys as score.py builds them: met-with as unordered pairs,
/// mediated-by as (unordered party pair, mediator), ids through metonyms.
fn keys(kind: &str, args: &[String], mediators: &[String], status: &str, metonyms: &HashMap<String, String>) -> Vec<(RelKey, String)> {
    let map = |i: &String| metonyms.get(i).cloned().unwrap_or_else(|| i.clone());
    let mut ids: Vec<String> = args.iter().map(map).collect();
    ids.sort();
    ids.dedup();
    let mut out = Vec::new();
    let pairs = |ids: &[String]| {
        let mut v = Vec::new();
        for i in 0..ids.len() {
            for j in i + 1..ids.len() {
                v.push(vec![ids[i].clone(), ids[j].clone()]);
            }
        }
        v
    };
    if kind == "met-with" {
        for p in pairs(&ids) {
            out.push(((kind.to_string(), p, String::new()), status.to_string()));
        }
    } else {
        for m in mediators.iter().map(map) {
            let parties: Vec<String> = ids.iter().filter(|p| **p != m).cloned().collect();
            for p in pairs(&parties) {
                out.push(((kind.to_string(), p, m.clone()), status.to_string()));
            }
        }
    }
    out
}

fn score_relations(gold: &Value, x: &namyab::Extraction, metonyms: &HashMap<String, String>, s: &mut Scores) {
    let strs = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let (mut req, mut opt, mut req_status) = (HashSet::new(), HashSet::new(), HashSet::new());
    for r in gold["relations"].as_array().unwrap() {
        let kind = r["type"].as_str().unwrap();
        let args = if kind == "met-with" {
            strs(&r["args"])
        } else {
            strs(&r["parties"])
        };
        let meds = r["mediator"].as_str().map(|m| vec![m.to_string()]).unwrap_or_default();
        for (k, st) in keys(kind, &args, &meds, r["status"].as_str().unwrap_or("occurred"), metonyms) {
            if r["optional"].as_bool().unwrap_or(false) {
                opt.insert(k);
            } else {
                req.insert(k.clone());
                req_status.insert((k, st));
            }
        }
    }
    let opt: HashSet<RelKey> = opt.difference(&req).cloned().collect();
    let (mut pred, mut pred_status) = (HashSet::new(), HashSet::new());
    for r in &x.relations {
        let ids = |v: &[namyab::Argument]| {
            v.iter()
                .map(|a| a.id.as_deref().map_or_else(|| format!("text:{}", a.text), str::to_string))
                .collect::<Vec<_>>()
        };
        let status = serde_json::to_value(r.status).unwrap().as_str().unwrap().to_string();
        let args = [ids(&r.participants), ids(&r.parties)].concat();
        for (k, st) in keys(r.relation_type.as_str(), &args, &ids(&r.mediators), &status, metonyms) {
            if !opt.contains(&k) {
                pred.insert(k.clone());
                pred_status.insert((k, st));
            }
        }
    }
    s.rel.tp += req.intersection(&pred).count();
    s.rel.fp += pred.difference(&req).count();
    s.rel.fn_ += req.difference(&pred).count();
    s.rel_status.tp += req_status.intersection(&pred_status).count();
    s.rel_status.fp += pred_status.difference(&req_status).count();
    s.rel_status.fn_ += req_status.difference(&pred_status).count();
    for k in pred.difference(&req) {
        s.errors.push(format!("relation FP {}: {k:?}", gold["doc"]));
    }
    for k in req.difference(&pred) {
        s.errors.push(format!("relation FN {}: {k:?}", gold["doc"]));
    }
}

#[test]
fn seed_relations_are_exact() {
    let s = score();
    println!("relations P={:.3} R={:.3} F1={:.3}", s.rel.p(), s.rel.r(), s.rel.f1());
    println!(
        "with status P={:.3} R={:.3} F1={:.3}",
        s.rel_status.p(),
        s.rel_status.r(),
        s.rel_status.f1()
    );
    for e in s.errors.iter().filter(|e| e.starts_with("relation")) {
        println!("  {e}");
    }
    // The seeds are where the rules were first written: every relation,
    // with its status, must be right.
    assert!(
        s.rel.fp == 0 && s.rel.fn_ == 0 && s.rel_status.fp == 0 && s.rel_status.fn_ == 0,
        "seed relations not exactly right: F1 {:.3}, with status {:.3}",
        s.rel.f1(),
        s.rel_status.f1()
    );
}

#[test]
fn seed_entities_are_exact() {
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
    assert!(
        s.all.fp == 0 && s.all.fn_ == 0,
        "seed entities not exactly right: F1 {:.3}",
        s.all.f1()
    );
    assert_eq!(s.link_ok, s.link_total, "linking accuracy {link:.3}");
}
