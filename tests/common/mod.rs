//! Helpers shared by the relation tests.

/// The state an id counts as in a relation: a capital's `metonym_of`, else
/// the id itself (ids not in the gazetteers, and `text:` keys, unchanged).
pub fn state_of(id: &str) -> String {
    namyab::default_extractor()
        .entity(id)
        .and_then(|e| e.metonym_of())
        .unwrap_or(id)
        .to_string()
}

/// Every unordered pair of distinct ids, each mapped by [`state_of`].
pub fn pairs(ids: &[String]) -> Vec<Vec<String>> {
    let mut ids: Vec<String> = ids.iter().map(|i| state_of(i)).collect();
    ids.sort();
    ids.dedup();
    let mut out = Vec::new();
    for i in 0..ids.len() {
        for j in i + 1..ids.len() {
            out.push(vec![ids[i].clone(), ids[j].clone()]);
        }
    }
    out
}

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A relation key: `met-with` with an unordered pair, `mediated-by` with a
/// party pair and the mediator; ids mapped by [`state_of`], unknown people
/// as `text:<surface>`.
pub type Key = (String, Vec<String>, String);

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|x| x.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// The keys of one annotated relation (`args`, or `parties` and `mediator`).
pub fn gold_keys(r: &Value) -> Vec<Key> {
    match r["type"].as_str().unwrap() {
        "met-with" => pairs(&strs(&r["args"]))
            .into_iter()
            .map(|p| ("met-with".to_string(), p, String::new()))
            .collect(),
        "mediated-by" => {
            let m = state_of(r["mediator"].as_str().unwrap());
            let parties: Vec<String> = strs(&r["parties"]).into_iter().filter(|p| state_of(p) != m).collect();
            pairs(&parties)
                .into_iter()
                .map(|p| ("mediated-by".to_string(), p, m.clone()))
                .collect()
        }
        other => panic!("unknown relation type {other}"),
    }
}

fn arg_ids(v: &[namyab::Argument]) -> Vec<String> {
    v.iter()
        .map(|a| a.id.as_deref().map_or_else(|| format!("text:{}", a.text), str::to_string))
        .collect()
}

fn name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v).unwrap().as_str().unwrap_or("").to_string()
}

/// The predicted keys with their statuses and (for `met-with`) modalities.
pub fn predicted_keys(x: &namyab::Extraction) -> BTreeMap<Key, BTreeSet<(String, String)>> {
    let mut out: BTreeMap<Key, BTreeSet<(String, String)>> = BTreeMap::new();
    for r in &x.relations {
        let status = name(r.status);
        let modality = r.modality.map(name).unwrap_or_default();
        let keys: Vec<Key> = match r.relation_type {
            namyab::RelationType::MetWith => pairs(&arg_ids(&r.participants))
                .into_iter()
                .map(|p| ("met-with".to_string(), p, String::new()))
                .collect(),
            namyab::RelationType::MediatedBy => arg_ids(&r.mediators)
                .iter()
                .flat_map(|m| {
                    let m = state_of(m);
                    let parties: Vec<String> = arg_ids(&r.parties).into_iter().filter(|p| state_of(p) != m).collect();
                    pairs(&parties).into_iter().map(move |p| ("mediated-by".to_string(), p, m.clone()))
                })
                .collect(),
            other => panic!("a relation type the gold has no key for: {other:?}"),
        };
        for k in keys {
            out.entry(k).or_default().insert((status.clone(), modality.clone()));
        }
    }
    out
}

/// Counts over a set of cases, without and with status.
#[derive(Default, Debug)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub tp_s: usize,
    pub fp_s: usize,
    pub fn_s: usize,
}

impl Counts {
    pub fn f1(&self) -> (f64, f64) {
        let f = |tp: usize, fp: usize, fn_: usize| 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64;
        (f(self.tp, self.fp, self.fn_), f(self.tp_s, self.fp_s, self.fn_s))
    }
}

/// Checks one case (`relations` required, `optional`, `forbidden`, as in
/// `tests/cases/relations_by_convention.json`) against an extraction:
/// every required key with its status (and, for `met-with`, its modality),
/// nothing that is neither required nor optional (a status counts as
/// optional when the key is optional with that status or none), nothing
/// forbidden. As the gold guidelines say, a `met-with` between a mediator
/// and a party of a required mediation is optional. Returns the problems
/// found and adds to `counts`.
pub fn check_case(case: &Value, x: &namyab::Extraction, counts: &mut Counts) -> Vec<String> {
    let mut req: BTreeMap<Key, BTreeSet<(String, String)>> = BTreeMap::new();
    for r in case["relations"].as_array().unwrap() {
        let status = r["status"].as_str().unwrap_or("occurred").to_string();
        let modality = r["modality"].as_str().unwrap_or("").to_string();
        for k in gold_keys(r) {
            req.entry(k).or_default().insert((status.clone(), modality.clone()));
        }
    }
    let mut opt: BTreeMap<Key, Option<String>> = BTreeMap::new();
    for r in case["optional"].as_array().into_iter().flatten() {
        for k in gold_keys(r) {
            opt.insert(k, r["status"].as_str().map(str::to_string));
        }
    }
    for k in req.keys().filter(|k| k.0 == "mediated-by") {
        for p in &k.1 {
            let mut pair = vec![p.clone(), k.2.clone()];
            pair.sort();
            opt.entry(("met-with".to_string(), pair, String::new())).or_insert(None);
        }
    }
    let pred = predicted_keys(x);
    let mut problems = Vec::new();
    for (k, want) in &req {
        match pred.get(k) {
            None => {
                counts.fn_ += 1;
                counts.fn_s += want.len();
                problems.push(format!("missing {k:?} {want:?}"));
            }
            Some(got) => {
                counts.tp += 1;
                let want_status: BTreeSet<&String> = want.iter().map(|(s, _)| s).collect();
                let got_status: BTreeSet<&String> = got.iter().map(|(s, _)| s).collect();
                counts.tp_s += want_status.intersection(&got_status).count();
                counts.fn_s += want_status.difference(&got_status).count();
                if want_status != got_status {
                    let extra: Vec<&&String> = got_status.difference(&want_status).collect();
                    let optional = extra
                        .iter()
                        .all(|s| opt.get(k).is_some_and(|o| o.as_ref().is_none_or(|o| o == **s)));
                    if !want_status.is_subset(&got_status) || !optional {
                        counts.fp_s += extra.len();
                        problems.push(format!("status {k:?}: want {want:?} got {got:?}"));
                    }
                }
                if k.0 == "met-with" {
                    for (s, m) in want.iter().filter(|(_, m)| !m.is_empty()) {
                        if !got.iter().any(|(gs, gm)| gs == s && gm == m) && got.iter().any(|(gs, _)| gs == s) {
                            problems.push(format!("modality {k:?}: want {want:?} got {got:?}"));
                        }
                    }
                }
            }
        }
    }
    for (k, got) in &pred {
        if !req.contains_key(k) && !opt.contains_key(k) {
            counts.fp += 1;
            counts.fp_s += got.len();
            problems.push(format!("extra {k:?} {got:?}"));
        }
    }
    for r in case["forbidden"].as_array().into_iter().flatten() {
        let status = r["status"].as_str();
        for k in gold_keys(r) {
            if pred
                .get(&k)
                .is_some_and(|got| status.is_none_or(|s| got.iter().any(|(gs, _)| gs == s)))
            {
                problems.push(format!("forbidden {k:?} {}", status.unwrap_or("")));
            }
        }
    }
    problems
}
