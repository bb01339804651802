//! Table-driven resolution cases (`tests/cases/entities.json`): each names
//! the rule it exercises and lists the expected mentions in order as
//! `[type, id or null, surface]`. Surfaces are checked against the text via
//! the returned spans, so a case cannot carry a wrong offset.

use serde_json::Value;

#[test]
fn entity_cases() {
    let cases: Value = serde_json::from_str(include_str!("cases/entities.json")).unwrap();
    let mut failures = Vec::new();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 30);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let want: Vec<(String, Option<String>, String)> = case["entities"]
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
        let got: Vec<(String, Option<String>, String)> = x
            .entities
            .iter()
            .map(|e| (e.entity_type.as_str().to_string(), e.id.clone(), text[e.span.range()].to_string()))
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
