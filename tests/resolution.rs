//! Table-driven resolution cases (`tests/cases/entities.json`): each names
//! the rule it exercises and lists the expected mentions in order as
//! `[type, id or null, surface]`. Surfaces are checked against the text via
//! the returned spans, so a case cannot carry a wrong offset.

use serde_json::Value;

#[path = "common/entity_cases.rs"]
mod entity_cases;

#[test]
fn entity_cases() {
    let cases: Value = serde_json::from_str(include_str!("cases/entities.json")).unwrap();
    assert!(cases.as_array().unwrap().len() >= 30);
    let failures = entity_cases::failures(&cases);
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

/// DATE mentions carry an ISO 8601 value as far as the text says; Solar
/// Hijri dates are converted; weekdays and relative dates carry none.
#[test]
fn date_values() {
    type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
    let cases: &[Case] = &[
        ("امضای بیانیه در ۹ نوامبر ۲۰۲۰ انجام شد", &[("۹ نوامبر ۲۰۲۰", Some("2020-11-09"))]),
        ("چهارم آبان ۱۳۹۹ توافق شد", &[("چهارم آبان ۱۳۹۹", Some("2020-10-25"))]),
        (
            "في شهر تشرين الأول 2022 وأيار 2023",
            &[("تشرين الأول 2022", Some("2022-10")), ("أيار 2023", Some("2023-05"))],
        ),
        ("در سال 1994 و روز دوشنبه", &[("1994", Some("1994")), ("دوشنبه", None)]),
        ("امروز و در 19 سپتامبر", &[("امروز", None), ("19 سپتامبر", Some("--09-19"))]),
        ("في 8 آب 2025 في واشنطن", &[("8 آب 2025", Some("2025-08-08"))]),
    ];
    for (text, want) in cases {
        let x = namyab::extract(text);
        let got: Vec<(&str, Option<&str>)> = x
            .entities
            .iter()
            .filter(|e| e.entity_type == namyab::EntityType::Date)
            .map(|e| (&text[e.span.range()], e.value.as_deref()))
            .collect();
        assert_eq!(&got, want, "{text}");
    }
}

/// Table-driven DATE cases (`tests/cases/dates.json`): each lists every DATE
/// of its text in order as `[start, end, surface, value]`, byte offsets into
/// the original text; the surface is checked against the text, so a case
/// cannot carry a wrong offset.
#[test]
fn date_cases() {
    let cases: Value = serde_json::from_str(include_str!("cases/dates.json")).unwrap();
    let cases = cases.as_array().unwrap();
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let want: Vec<(usize, usize, String, Option<String>)> = case["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let (start, end) = (d[0].as_u64().unwrap() as usize, d[1].as_u64().unwrap() as usize);
                let surface = d[2].as_str().unwrap().to_string();
                assert_eq!(text.get(start..end), Some(surface.as_str()), "{name}: the case's offsets");
                (start, end, surface, d[3].as_str().map(str::to_string))
            })
            .collect();
        let got: Vec<(usize, usize, String, Option<String>)> = namyab::extract(text)
            .entities
            .iter()
            .filter(|e| e.entity_type == namyab::EntityType::Date)
            .map(|e| (e.span.start, e.span.end, e.text.clone(), e.value.clone()))
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} date cases pass; failing:\n{}",
        cases.len() - failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// An entry added in code with an Arabic name is an Arabic name: found in
/// Arabic text even where the name is also a common Arabic word (an entry
/// is the user's own choice), as the same row in an `ar` column is.
#[test]
fn an_arabic_entry_added_in_code_is_arabic() {
    use namyab::{EntityType, Extractor, GazetteerEntry};
    let text = "وأعلنت حركة الأمل أنها ستشارك في الانتخابات.";
    let from_entry = Extractor::builder()
        .defaults(false)
        .add_entry(GazetteerEntry::new("amal_movement", EntityType::Org).name("الأمل"))
        .build()
        .unwrap();
    let from_file = Extractor::builder()
        .defaults(false)
        .add_gazetteer_str("mine.tsv", "id\ttype\tar\namal_movement\tORG\tالأمل\n")
        .build()
        .unwrap();
    for ex in [&from_entry, &from_file] {
        let x = ex.extract(text);
        let found: Vec<(&str, Option<&str>)> = x.entities.iter().map(|e| (&text[e.span.range()], e.id.as_deref())).collect();
        assert_eq!(found, [("الأمل", Some("amal_movement"))]);
    }
}
