//! One case per gazetteer loading error: the message names the file, line,
//! column and value at fault, and nothing is half-loaded (the build fails).

use namyab::{EntityType, Extractor, GazetteerEntry};

fn error_of(text: &str) -> namyab::Error {
    Extractor::builder().add_gazetteer_str("user.tsv", text).build().unwrap_err()
}

#[test]
fn each_error_names_file_line_column_and_value() {
    let h = "id\ttype\tfa\tar\taffiliation\n";
    let cases: &[(&str, String, &str)] = &[
        (
            "no header",
            "# only a comment\n".into(),
            "user.tsv: no header line (expected a line naming the columns, such as `id\\ttype\\tfa\\tar`)",
        ),
        (
            "unknown column",
            "id\ttype\tfa\tcolour\n".into(),
            "user.tsv:1: unknown column `colour`",
        ),
        (
            "duplicate column",
            "id\ttype\tfa\tfa\n".into(),
            "user.tsv:1: column `fa` appears twice in the header",
        ),
        (
            "missing type column",
            "id\tfa\n".into(),
            "user.tsv:1: the header lacks the required column `type`",
        ),
        (
            "no name column",
            "id\ttype\n".into(),
            "user.tsv:1: the header names no name column (`fa`, `ar` or `latin`)",
        ),
        (
            "wrong cell count",
            format!("{h}a_b\tGPE\tالف\n"),
            "user.tsv:2: 3 cells where the header has 5",
        ),
        ("empty id", format!("{h}\tGPE\tالف\t\t\n"), "user.tsv:2: column `id`: empty id"),
        (
            "bad id",
            format!("{h}Foo-Bar\tGPE\tالف\t\t\n"),
            "user.tsv:2: column `id`: id `Foo-Bar` is not snake case ASCII (a-z, 0-9 and single `_`)",
        ),
        (
            "unknown type",
            format!("{h}zahl\tPLANET\tزحل\t\t\n"),
            "user.tsv:2: column `type`: unknown entity type `PLANET` (expected PERSON, GPE, LOC, ORG, FAC, NORP or EVENT)",
        ),
        ("no names", format!("{h}zahl\tLOC\t\t\t\n"), "user.tsv:2: entity `zahl` has no name"),
        (
            "empty name",
            format!("{h}zahl\tLOC\tزحل||کیوان\t\t\n"),
            "user.tsv:2: column `fa`: empty name in `` (two `|` with nothing between, or only a marker)",
        ),
        (
            "name folds to nothing",
            format!("{h}zahl\tLOC\t\u{200c}\u{064e}\t\t\n"),
            "user.tsv:2: column `fa`: name `\u{200c}\u{064e}` folds to nothing",
        ),
        (
            "bad marker",
            format!("{h}zahl\tLOC\tزحل [hint:x]\t\t\n"),
            "user.tsv:2: column `fa`: malformed marker in `زحل [hint:x]` (expected `NAME [cue:CLASS]`)",
        ),
        (
            "unknown cue class",
            format!("{h}zahl\tLOC\tزحل [cue:planet]\t\t\n"),
            "user.tsv:2: column `fa`: unknown cue class `planet` in `زحل` (classes are defined in cues.tsv)",
        ),
        (
            "unresolved affiliation",
            format!("{h}zahl\tLOC\tزحل\t\tsolar_system\n"),
            "user.tsv:2: column `affiliation`: `solar_system` is not the id of any loaded entity",
        ),
        (
            "duplicate id in user file",
            format!("{h}zahl\tLOC\tزحل\t\t\nzahl\tLOC\tکیوان\t\t\n"),
            "user.tsv:3: column `id`: duplicate id `zahl` (first defined at user.tsv:2)",
        ),
        (
            "name clash within a type",
            format!("{h}baku_two\tGPE\tباکو\t\t\n"),
            "user.tsv:2: column `fa`: name `باکو` of `baku_two` is also a name of `baku` (gazetteers/places.tsv:",
        ),
        (
            "unknown flag",
            "id\ttype\tfa\tflags\nzahl\tPERSON\tزحل کیوان\tfamous\n".into(),
            "user.tsv:2: column `flags`: unknown flag `famous` (expected `known`, `nopartial` or `shared`)",
        ),
        (
            "malformed role",
            "id\ttype\tfa\troles\nzahl\tPERSON\tزحل کیوان\tminister\n".into(),
            "user.tsv:2: column `roles`: malformed role `minister` (expected ROLE@ID:FROM..TO)",
        ),
        (
            "bad role date",
            "id\ttype\tfa\troles\nzahl\tPERSON\tزحل کیوان\tminister@armenia:2021-13..\n".into(),
            "user.tsv:2: column `roles`: bad date `2021-13` (expected YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
        (
            "role dates out of order",
            "id\ttype\tfa\troles\nzahl\tPERSON\tزحل کیوان\tminister@armenia:2022..2021\n".into(),
            "user.tsv:2: column `roles`: role `minister@armenia:2022..2021` ends before it starts",
        ),
        (
            "unresolved role org",
            "id\ttype\tfa\troles\nzahl\tPERSON\tزحل کیوان\tminister@atlantis:2021..\n".into(),
            "user.tsv:2: column `roles`: `atlantis` is not the id of any loaded entity",
        ),
    ];
    for (what, text, want) in cases {
        let msg = error_of(text).to_string();
        assert!(msg.starts_with(want), "{what}:\n  want {want}\n  got  {msg}");
    }
}

#[test]
fn error_accessors_name_the_place() {
    let e = error_of("id\ttype\tfa\nzahl\tPLANET\tزحل\n");
    assert_eq!(e.file(), "user.tsv");
    assert_eq!(e.line(), Some(2));
    assert_eq!(e.column(), Some("type"));
}

#[test]
fn missing_and_non_utf8_files() {
    let e = Extractor::builder()
        .add_gazetteer_file("/nonexistent/namyab.tsv")
        .build()
        .unwrap_err();
    assert!(e.to_string().starts_with("/nonexistent/namyab.tsv: cannot read the file:"), "{e}");
    let dir = std::env::temp_dir().join(format!("namyab-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("latin1.tsv");
    std::fs::write(&path, b"id\ttype\tfa\nx\tGPE\t\xe9\n").unwrap();
    let e = Extractor::builder().add_gazetteer_file(&path).build().unwrap_err();
    assert!(
        e.to_string().ends_with("the file is not valid UTF-8 (first bad byte at offset 17)"),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn entries_added_in_code_are_checked_too() {
    let e = Extractor::builder()
        .add_entry(GazetteerEntry::new("Bad Id", EntityType::Gpe).name("جایی"))
        .build()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "<entry 1 `Bad Id`>: column `id`: id `Bad Id` is not snake case ASCII (a-z, 0-9 and single `_`)"
    );
    let e = Extractor::builder()
        .add_entry(GazetteerEntry::new("nowhere", EntityType::Gpe))
        .build()
        .unwrap_err();
    assert_eq!(e.to_string(), "<entry 1 `nowhere`>: column `name`: entity `nowhere` has no name");
}

#[test]
fn replacing_a_default_entry_and_turning_defaults_off() {
    // A user entry with a default id replaces the default one.
    let ex = Extractor::builder()
        .add_gazetteer_str("mine.tsv", "id\ttype\tfa\nbaku\tGPE\tباکوی نو\n")
        .build()
        .unwrap();
    assert!(ex.extract("باکو").entities.is_empty());
    assert_eq!(ex.extract("باکوی نو").entities[0].id.as_deref(), Some("baku"));
    // With the defaults off only the user's names are known; references must
    // resolve among them.
    let ex = Extractor::builder()
        .defaults(false)
        .add_gazetteer_str("mine.tsv", "id\ttype\tfa\naltai\tGPE\tآلتای\n")
        .build()
        .unwrap();
    assert_eq!(ex.entity_count(), 1);
    assert!(ex.extract("باکو").entities.is_empty());
    let e = Extractor::builder()
        .defaults(false)
        .add_gazetteer_str("mine.tsv", "id\ttype\tfa\taffiliation\naltai\tGPE\tآلتای\trussia\n")
        .build()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "mine.tsv:2: column `affiliation`: `russia` is not the id of any loaded entity"
    );
}
