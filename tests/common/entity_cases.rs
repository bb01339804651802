//! The entity case runner shared by `tests/resolution.rs` and
//! `tests/common_words.rs`: each case names the rule it exercises and lists
//! the expected mentions in order as `[type, id or null, surface]`; surfaces
//! are read from the text through the returned spans, so a case cannot carry
//! a wrong offset.

use serde_json::Value;

type Mention = (String, Option<String>, String);

/// Runs every case of a JSON array; returns one message per failing case.
pub fn failures(cases: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases.as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let want: Vec<Mention> = case["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_str().unwrap().to_string(),
                    e[1].as_str().map(str::to_string),
                    e[2].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let x = namyab::extract(text);
        for e in &x.entities {
            assert_eq!(&text[e.span.range()], e.text, "{name}: span and text disagree");
            assert_eq!(text[..e.span.start].chars().count(), e.span.char_start, "{name}");
            assert_eq!(text[..e.span.end].chars().count(), e.span.char_end, "{name}");
        }
        let got: Vec<Mention> = x
            .entities
            .iter()
            .map(|e| {
                (
                    e.entity_type.as_str().to_string(),
                    e.id.as_deref().map(str::to_string),
                    text[e.span.range()].to_string(),
                )
            })
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    failures
}
