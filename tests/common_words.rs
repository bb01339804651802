//! Common words are not names (issue 11 §1): the frequent-word list over
//! every gazetteer, and table-driven cases (`tests/cases/common_words.json`,
//! same format as `entities.json`) for each rule: derived spellings that are
//! common words, clitics and suffixes by language, a name listed only for
//! the other language, outlets named by common words, and the title rule.

use serde_json::Value;

#[test]
fn no_default_name_is_a_common_word() {
    let ex = namyab::default_extractor();
    let found: Vec<(&str, &str)> = ex.common_word_names().collect();
    assert!(
        found.is_empty(),
        "single-word names that are frequent common words, with no cue (give each a [cue:CLASS], \
         or review it into tools/frequent_names.tsv and rerun tools/gen_frequent.py): {found:?}"
    );
}

#[test]
fn derived_spellings_that_are_common_words_are_dropped() {
    // گینه (Guinea) as an Arabic-alphabet writer spells it is کینه, "hatred".
    let ex = namyab::Extractor::builder()
        .defaults(false)
        .add_gazetteer_str("t.tsv", "id\ttype\tfa\nguinea\tGPE\tگینه\n")
        .build()
        .unwrap();
    assert!(ex.dropped_variants().any(|(id, v)| id == "guinea" && v == "کینه"));
    assert!(ex.variants().all(|(_, _, v)| v != "کینه"));
    assert_eq!(ex.entities("گینه و کینه").len(), 1);
}

#[test]
fn a_surname_that_is_a_common_word_needs_the_full_name() {
    // ظریف is "delicate": alone it names the minister only in a text that
    // names him in full.
    let ex = namyab::default_extractor();
    assert!(ex.entities("این کار ظریف است.").is_empty());
    let text = "محمدجواد ظریف به نیویورک رفت. ظریف گفت که سفر مفید بود.";
    let ids: Vec<Option<String>> = ex.entities(text).into_iter().map(|e| e.id.as_deref().map(str::to_string)).collect();
    assert_eq!(
        ids.iter().filter(|id| id.as_deref() == Some("mohammad_javad_zarif")).count(),
        2,
        "{ids:?}"
    );
}

#[path = "common/entity_cases.rs"]
mod entity_cases;

#[test]
fn common_word_cases() {
    let cases: Value = serde_json::from_str(include_str!("cases/common_words.json")).unwrap();
    assert!(cases.as_array().unwrap().len() >= 16);
    let failures = entity_cases::failures(&cases);
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
