//! The output types read back what they write: a Rust user of the JSONL
//! needs no types of their own.

/// Every seed article and the texts of the relation and article cases,
/// through the library's `Serialize` and back.
#[test]
fn extractions_read_back_equal() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    for file in [
        "relations.json",
        "articles.json",
        "relations_news_fa.json",
        "relations_news_ar.json",
    ] {
        let path = format!("{}/tests/cases/{file}", env!("CARGO_MANIFEST_DIR"));
        let cases: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        texts.extend(cases.iter().map(|c| c["text"].as_str().unwrap().to_string()));
    }
    let (mut relations, mut members) = (0, 0);
    for text in &texts {
        let x = namyab::extract(text);
        let json = serde_json::to_string(&x).unwrap();
        let back: namyab::Extraction = serde_json::from_str(&json).unwrap();
        assert_eq!(back, x);
        relations += x.relations.len();
        members += x.events.iter().map(|e| e.members.len()).sum::<usize>();
    }
    assert!(relations > 100 && members > 300, "{relations} {members}");
}

/// The command line's JSONL, read line by line as `Extraction`.
#[test]
#[cfg(feature = "cli")]
fn cli_jsonl_lines_read_as_extractions() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_50b681de6fdc2e0c.txt");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_namyab"))
        .args(["extract", "--format", "jsonl", seed])
        .output()
        .unwrap();
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).unwrap();
    let x: namyab::Extraction = serde_json::from_str(line.trim()).unwrap();
    let text = std::fs::read_to_string(seed).unwrap();
    assert_eq!(x, namyab::extract(&text));
}

/// A code the crate never writes is an error that says which.
#[test]
fn unknown_cameo_code_is_an_error() {
    let x = namyab::extract("دیدار لاوروف و بایراموف در باکو");
    let json = serde_json::to_string(&x).unwrap().replace("\"cameo\":\"040\"", "\"cameo\":\"999\"");
    let err = serde_json::from_str::<namyab::Extraction>(&json).unwrap_err().to_string();
    assert!(err.contains("unknown CAMEO code `999`"), "{err}");
}
