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
