//! The formats other tools read (`--format spacy|conll|brat|html`), run as a
//! user would and loaded back by `tests/formats_check.py`: spaCy's
//! `Doc.from_json`, a CoNLL reader, brat's standoff rules, and the HTML page
//! as headless Chromium renders it.
//!
//! The Python checks need `python3` (or `NAMYAB_PYTHON`); the spaCy check
//! needs spaCy and the page check Chromium (`chromium` on the path, or
//! `NAMYAB_CHROMIUM`). Each is skipped with a message when its tool is
//! missing, unless `NAMYAB_REQUIRE_FORMAT_TOOLS` is set, as `.ci/run` does.
//! With `NAMYAB_BRAT_SERVER` set to the `server/src` of a brat checkout
//! (<https://github.com/nlplab/brat>, not a package, so not run by CI), the
//! brat directory is also read by brat's own parser and verifier.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn namyab() -> Command {
    Command::new(env!("CARGO_BIN_EXE_namyab"))
}

fn seed(name: &str) -> String {
    format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("namyab-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Documents written for these tests: a joined proclitic and a Persian
/// suffix next to a mention, characters HTML must escape, CR LF, NBSP, two
/// spaces and leading white space, an empty text, a numeric id.
const DOCS: &[(&str, &str)] = &[
    (
        "fa-1",
        "لاوروف و بایراموف روز دوشنبه در مسکو دیدار کردند. ارمنیها از این دیدار استقبال کردند.",
    ),
    (
        "ar-1",
        "واستقبل علييف وباشينيان في بروكسل، وقال ميشال إن الجانبين اتفقا على مواصلة المحادثات.",
    ),
    ("escape <&>", "<b>خبر</b> & \"نقل قول\" 'لاوروف' در باکو <script>alert(1)</script>"),
    ("7", "  دیدار لاوروف\r\nو بایراموف  در\u{a0}باکو.\r\nپایان\n"),
    ("empty", ""),
    (
        "fa-2",
        "پاشینیان گفت ارمنستان و آذربایجان با میانجیگری اتحادیه اروپا در بروکسل گفتگو خواهند کرد.",
    ),
];

/// Writes `DOCS` as JSONL (the id `7` as a number).
fn docs_jsonl(name: &str) -> PathBuf {
    let path = scratch(name);
    let mut s = String::new();
    for (id, text) in DOCS {
        let id = id
            .parse::<u64>()
            .map_or_else(|_| serde_json::Value::from(*id), serde_json::Value::from);
        s += &serde_json::json!({"id": id, "text": text}).to_string();
        s.push('\n');
    }
    std::fs::write(&path, s).unwrap();
    path
}

/// The seeds as a DOCS file whose ids are the paths given to namyab.
fn seeds_jsonl(name: &str) -> (PathBuf, Vec<String>) {
    let files: Vec<String> = std::fs::read_dir(format!("{}/seeds", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let path = scratch(name);
    let s: String = files
        .iter()
        .map(|f| serde_json::json!({"id": f, "text": std::fs::read_to_string(f).unwrap()}).to_string() + "\n")
        .collect();
    std::fs::write(&path, s).unwrap();
    (path, files)
}

fn run(args: &[&str]) -> Output {
    let out = namyab().args(args).output().unwrap();
    assert!(out.status.success(), "namyab {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// Runs namyab with `args` and saves its standard output as `name`.
fn save(name: &str, args: &[&str]) -> PathBuf {
    let path = scratch(name);
    std::fs::write(&path, run(args).stdout).unwrap();
    path
}

fn required() -> bool {
    std::env::var_os("NAMYAB_REQUIRE_FORMAT_TOOLS").is_some()
}

/// Runs `formats_check.py KIND DOCS JSONL OUT`; skipped (or failed under
/// `NAMYAB_REQUIRE_FORMAT_TOOLS`) when Python or a package it needs is
/// missing.
fn check(kind: &str, docs: &Path, jsonl: &Path, out: &Path) {
    let python = std::env::var("NAMYAB_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let script = format!("{}/tests/formats_check.py", env!("CARGO_MANIFEST_DIR"));
    let res = match Command::new(&python).arg(&script).arg(kind).arg(docs).arg(jsonl).arg(out).output() {
        Ok(res) => res,
        Err(e) => {
            assert!(!required(), "{python}: {e}");
            eprintln!("skipped: the {kind} check needs {python} ({e})");
            return;
        }
    };
    let stderr = String::from_utf8_lossy(&res.stderr);
    if res.status.code() == Some(77) {
        assert!(!required(), "{stderr}");
        eprintln!("skipped: {stderr}");
        return;
    }
    assert!(res.status.success(), "{kind} check failed: {stderr}");
    eprint!("{}", String::from_utf8_lossy(&res.stdout));
}

#[test]
fn conll_every_mention_is_a_bio_run_of_its_exact_text() {
    let docs = docs_jsonl("conll_docs.jsonl");
    let d = docs.to_str().unwrap();
    let jsonl = save("conll.json", &["extract", "--input", "jsonl", "--format", "jsonl", d]);
    let conll = save("conll.txt", &["extract", "--input", "jsonl", "--format", "conll", d]);
    let text = std::fs::read_to_string(&conll).unwrap();
    // the joined و and the Persian plural stand apart from the mentions
    assert!(text.contains("و\t14\t15\t_\tO\nباشينيان\t15\t23\tnikol_pashinyan\tB-PERSON\n"));
    assert!(text.contains("ارمنی\t50\t55\t_\tB-NORP\nها\t55\t57\t_\tO\n"));
    assert!(text.contains("اتحادیه\t47\t54\teuropean_union\tB-ORG\nاروپا\t55\t60\teuropean_union\tI-ORG\n"));
    // a word with no mention inside stays whole
    assert!(text.contains("واستقبل\t0\t7\t_\tO\n"));
    // one blank line after each sentence; the document with CR LF has three
    let doc7 = text.split("# newdoc id = ").find(|b| b.starts_with("7\n")).unwrap();
    assert_eq!(doc7.matches("\n\n").count(), 3, "{doc7}");
    check("conll", &docs, &jsonl, &conll);

    // the seeds, as files
    let (seeds, files) = seeds_jsonl("conll_seed_docs.jsonl");
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let jsonl = save("conll_seeds.json", &args);
    args[2] = "conll";
    let conll = save("conll_seeds.txt", &args);
    check("conll", &seeds, &jsonl, &conll);
}

#[test]
fn spacy_loads_with_doc_from_json() {
    let docs = docs_jsonl("spacy_docs.jsonl");
    let d = docs.to_str().unwrap();
    let jsonl = save("spacy.json", &["extract", "--input", "jsonl", "--format", "jsonl", d]);
    let spacy = save(
        "spacy.jsonl",
        &["extract", "--input", "jsonl", "--format", "spacy", "--jobs", "2", d],
    );
    let text = std::fs::read_to_string(&spacy).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    // char offsets, with our ids as kb_id
    assert_eq!(
        first["ents"][0],
        serde_json::json!({"start": 0, "end": 6, "label": "PERSON", "kb_id": "sergey_lavrov"})
    );
    assert_eq!(first["tokens"][1], serde_json::json!({"id": 1, "start": 7, "end": 8}));
    assert_eq!(first["namyab"]["id"], "fa-1");
    // the text with two spaces, NBSP and CR LF: spaCy's white-space tokens
    let doc7: serde_json::Value = serde_json::from_str(text.lines().nth(3).unwrap()).unwrap();
    let toks: Vec<(u64, u64)> = doc7["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(&toks[..4], [(0, 2), (2, 7), (8, 14), (14, 16)]);
    check("spacy", &docs, &jsonl, &spacy);

    let (seeds, files) = seeds_jsonl("spacy_seed_docs.jsonl");
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let jsonl = save("spacy_seeds.json", &args);
    args[2] = "spacy";
    let spacy = save("spacy_seeds.jsonl", &args);
    check("spacy", &seeds, &jsonl, &spacy);
}

#[test]
fn brat_on_standard_output_and_in_a_directory() {
    let docs = docs_jsonl("brat_docs.jsonl");
    let d = docs.to_str().unwrap();
    let jsonl = save("brat.json", &["extract", "--input", "jsonl", "--format", "jsonl", d]);
    let brat = save("brat.ann", &["extract", "--input", "jsonl", "--format", "brat", d]);
    let text = std::fs::read_to_string(&brat).unwrap();
    assert!(text.starts_with(
        "# fa-1\n\
         T1\tPERSON 0 6\tلاوروف\n\
         T2\tPERSON 9 17\tبایراموف\n"
    ));
    assert!(
        text.contains("E1\tmeeting:T6 Participant:T1 Participant2:T2 Place:T4 Date:T3\n"),
        "{text}"
    );
    assert!(
        text.contains("R1\tmet_with Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tsergey_lavrov\n"),
        "{text}"
    );
    // CR LF counts as one char, as brat reads the .txt: باکو at chars 31..35
    // of the original is at 30..34
    assert!(text.contains("T3\tGPE 30 34\tباکو\n"), "{text}");
    check("brat", &docs, &jsonl, &brat);

    let dir = scratch("brat_dir");
    let _ = std::fs::remove_dir_all(&dir);
    let out = run(&["extract", "--input", "jsonl", "--format", "brat", "--out", dir.to_str().unwrap(), d]);
    assert!(out.stdout.is_empty());
    check("brat-dir", &docs, &jsonl, &dir);
    assert!(dir.join("escape____.ann").is_file());

    // the seeds: one file, its .ann after the header
    let s = seed("003_16b6482d6bae7f5d.txt");
    let ann = run(&["extract", "--format", "brat", &s]).stdout;
    let ann = String::from_utf8(ann).unwrap();
    assert_eq!(ann.lines().next(), Some(format!("# {s}").as_str()));
    let (seeds, files) = seeds_jsonl("brat_seed_docs.jsonl");
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let jsonl = save("brat_seeds.json", &args);
    args[2] = "brat";
    let brat = save("brat_seeds.ann", &args);
    check("brat", &seeds, &jsonl, &brat);
}

#[test]
fn out_dir_goes_with_brat_only() {
    let out = namyab()
        .args([
            "extract",
            "--format",
            "json",
            "--out",
            scratch("nowhere").to_str().unwrap(),
            &seed("000_50b681de6fdc2e0c.txt"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out DIR goes with --format brat"));
}

#[test]
fn html_escapes_every_text() {
    let docs = docs_jsonl("html_docs.jsonl");
    let page = String::from_utf8(run(&["extract", "--input", "jsonl", "--format", "html", docs.to_str().unwrap()]).stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">"));
    assert!(page.ends_with("</body>\n</html>\n"));
    assert!(!page.contains("<script") && !page.contains("<b>"));
    assert!(page.contains("&lt;b&gt;خبر&lt;/b&gt; &amp; &quot;نقل قول&quot; &#39;"));
    assert!(page.contains("<h2>escape &lt;&amp;&gt;</h2>"));
    assert!(page.contains("<mark class=\"ent PERSON\" title=\"PERSON · sergey_lavrov\">لاوروف</mark>"));
    assert_eq!(page.matches("<article ").count(), DOCS.len());
    assert!(page.contains("<article id=\"d") && page.contains("lang=\"ar\" dir=\"rtl\">\n<h2>ar-1</h2>"));
    // no input at all: still one whole page
    let empty = scratch("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let page = String::from_utf8(run(&["extract", "--input", "jsonl", "--format", "html", empty.to_str().unwrap()]).stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n") && !page.contains("<article"));
}

/// Headless Chromium, if there is one.
fn chromium() -> Option<String> {
    if let Ok(c) = std::env::var("NAMYAB_CHROMIUM") {
        return Some(c);
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()))
        .map(str::to_string)
}

/// Renders `page` in headless Chromium with `extra` arguments.
fn render(chromium: &str, page: &Path, extra: &[&str]) -> Output {
    let profile = scratch(&format!("chromium-profile-{}", extra.len()));
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium: {}", String::from_utf8_lossy(&out.stderr));
    out
}

#[test]
fn html_page_as_chromium_renders_it() {
    let Some(chromium) = chromium() else {
        assert!(!required(), "no chromium on the path (apt-get install chromium)");
        eprintln!("skipped: no chromium on the path (apt-get install chromium, or set NAMYAB_CHROMIUM)");
        return;
    };
    let docs = docs_jsonl("chromium_docs.jsonl");
    let d = docs.to_str().unwrap();
    let jsonl = save("chromium.json", &["extract", "--input", "jsonl", "--format", "jsonl", d]);
    let page = save(
        "chromium.html",
        &["extract", "--input", "jsonl", "--format", "html", "--jobs", "2", d],
    );
    let dom = scratch("chromium_dom.html");
    std::fs::write(&dom, render(&chromium, &page, &["--dump-dom"]).stdout).unwrap();
    check("html", &docs, &jsonl, &dom);

    // a seed article: rendered, and a screenshot taken
    let (seeds, files) = seeds_jsonl("chromium_seed_docs.jsonl");
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let jsonl = save("chromium_seeds.json", &args);
    args[2] = "html";
    let page = save("chromium_seeds.html", &args);
    let dom = scratch("chromium_seeds_dom.html");
    std::fs::write(&dom, render(&chromium, &page, &["--dump-dom"]).stdout).unwrap();
    check("html", &seeds, &jsonl, &dom);
    let shot = scratch("chromium_seed.png");
    render(
        &chromium,
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1000,1400",
            "--hide-scrollbars",
        ],
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "screenshot of {} bytes",
        png.len()
    );
}

#[test]
fn conll_spacy_and_brat_on_the_bench_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/corpus/news.jsonl");
    if !corpus.is_file() {
        eprintln!("skipped: no bench corpus at {}", corpus.display());
        return;
    }
    let c = corpus.to_str().unwrap();
    let jsonl = save(
        "corpus.json",
        &["extract", "--input", "jsonl", "--format", "jsonl", "--jobs", "2", c],
    );
    for kind in ["conll", "spacy", "brat"] {
        let out = save(
            &format!("corpus.{kind}"),
            &["extract", "--input", "jsonl", "--format", kind, "--jobs", "2", c],
        );
        check(kind, &corpus, &jsonl, &out);
    }
}

#[test]
fn on_error_record_writes_each_formats_own_record() {
    let input = scratch("record.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"دیدار لاوروف\"}\nnot json\n{\"id\": \"c\", \"text\": \"باکو\"}\n",
    )
    .unwrap();
    let i = input.to_str().unwrap();
    let out = |format: &str| {
        String::from_utf8(run(&["extract", "--input", "jsonl", "--on-error", "record", "--format", format, i]).stdout).unwrap()
    };
    let bad = format!("{i}:2");
    let spacy = out("spacy");
    let lines: Vec<serde_json::Value> = spacy.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["id"], bad.as_str());
    assert!(lines[1]["error"].as_str().unwrap().contains("not a JSON line"));
    let conll = out("conll");
    assert!(
        conll.contains(&format!("# newdoc id = {bad}\n# error = {bad}: not a JSON line")),
        "{conll}"
    );
    assert!(conll.contains("# newdoc id = c\nباکو\t0\t4\tbaku\tB-GPE\n"));
    let brat = out("brat");
    assert!(brat.contains(&format!("# {bad}\n# error: {bad}: not a JSON line")), "{brat}");
    let html = out("html");
    assert_eq!(html.matches("<article").count(), 3);
    assert!(html.contains(&format!("<article class=\"error\" dir=\"rtl\">\n<h2>{bad}</h2>")));
    let dir = scratch("record_brat");
    let _ = std::fs::remove_dir_all(&dir);
    run(&[
        "extract",
        "--input",
        "jsonl",
        "--on-error",
        "record",
        "--format",
        "brat",
        "--out",
        dir.to_str().unwrap(),
        i,
    ]);
    assert!(dir.join("a.ann").is_file() && dir.join("c.txt").is_file());
    let errors = std::fs::read_to_string(dir.join("errors.jsonl")).unwrap();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&errors).unwrap()["id"], bad.as_str());
}
