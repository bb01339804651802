//! The command line, run as a user would.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

fn namyab() -> Command {
    Command::new(env!("CARGO_BIN_EXE_namyab"))
}

fn seed(name: &str) -> String {
    format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("namyab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn extract_json_on_a_seed() {
    let out = namyab().args(["extract", &seed("002_b1c21fa5bc2a7c4b.txt")]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v["entities"][0];
    assert_eq!(first["id"], "nikol_pashinyan");
    assert_eq!(first["type"], "PERSON");
    assert_eq!(first["text"], "باشينيان");
    assert_eq!((first["start"].as_u64(), first["end"].as_u64()), (Some(0), Some(16)));
    assert_eq!((first["char_start"].as_u64(), first["char_end"].as_u64()), (Some(0), Some(8)));
    assert!(v["relations"].is_array());
    // NORP mentions carry a null id
    let norp = v["entities"].as_array().unwrap().iter().find(|e| e["type"] == "NORP").unwrap();
    assert!(norp["id"].is_null());
}

#[test]
fn jsonl_has_one_line_per_input_with_its_file() {
    let (a, b) = (seed("000_50b681de6fdc2e0c.txt"), seed("004_58d6aff16bf38ad7.txt"));
    let out = namyab().args(["extract", "--format", "jsonl", &a, &b]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(v["file"], b.as_str());
    assert!(!v["entities"].as_array().unwrap().is_empty());
}

#[test]
fn stdin_and_text_format() {
    let mut child = namyab()
        .args(["extract", "--format", "text"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("دیدار لاوروف و بایراموف در باکو".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# -\n\
         PERSON\t6..12\tsergey_lavrov\tلاوروف\n\
         PERSON\t15..23\tjeyhun_bayramov\tبایراموف\n\
         GPE\t27..31\tbaku\tباکو\n\
         event meeting\toccurred in_person\t040\tparticipant:sergey_lavrov «لاوروف» + participant:jeyhun_bayramov «بایراموف»\ttrigger «دیدار» at 0..5\n\
         met-with\toccurred in_person\t040\tsergey_lavrov «لاوروف» + jeyhun_bayramov «بایراموف»\ttrigger «دیدار» at 0..5\n"
    );
}

#[test]
fn one_participant_in_a_place_is_no_relation() {
    let mut child = namyab()
        .args(["extract", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("دیدار لاوروف در باکو".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["relations"], serde_json::json!([]));
    assert_eq!(v["entities"].as_array().unwrap().len(), 2);
}

#[test]
fn a_bad_input_is_reported_and_the_rest_still_processed() {
    let bad = scratch("latin1.txt");
    std::fs::write(&bad, b"abc\xff").unwrap();
    let good = seed("001_43bb6cb116c00e72.txt");
    let missing = "/nonexistent/article.txt";
    let dir = std::env::temp_dir();
    let out = namyab()
        .args([
            "extract",
            "--format",
            "jsonl",
            missing,
            bad.to_str().unwrap(),
            dir.to_str().unwrap(),
            &good,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("namyab: /nonexistent/article.txt: cannot read:"), "{stderr}");
    assert!(
        stderr.contains("not valid UTF-8 (first bad byte at offset 3); use --lossy"),
        "{stderr}"
    );
    assert!(stderr.contains(": is a directory"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    // an unreadable file (reading /proc/self/mem from offset 0 fails, even as root)
    let out = namyab().args(["extract", "/proc/self/mem", &good]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("namyab: /proc/self/mem: cannot read:"), "{stderr}");
    assert!(!out.stdout.is_empty());
    // --lossy replaces the bad byte instead
    let out = namyab().args(["extract", "--lossy", bad.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
}

#[test]
fn closed_stdout_is_not_an_error() {
    let big = scratch("big.txt");
    let text = std::fs::read_to_string(seed("000_50b681de6fdc2e0c.txt")).unwrap();
    std::fs::write(&big, text.repeat(200)).unwrap();
    let mut child = namyab()
        .args(["extract", "--format", "jsonl", big.to_str().unwrap(), big.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn gazetteer_dump_and_check() {
    let out = namyab().args(["gazetteer", "dump"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("id\ttype\tsurface\n"));
    assert!(text.contains("\nnikol_pashinyan\tPERSON\tباشینیان\n"));

    let good = scratch("good.tsv");
    std::fs::write(
        &good,
        "id\ttype\tfa\taffiliation\ncaucasus_dialogue_forum\tORG\tکانون گفتگوی قفقاز\tarmenia\n",
    )
    .unwrap();
    let out = namyab().args(["gazetteer", "check", good.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("ok: "));

    let bad = scratch("bad.tsv");
    std::fs::write(&bad, "id\ttype\tfa\nx\tPLANET\tزحل\n").unwrap();
    let out = namyab().args(["gazetteer", "check", bad.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("bad.tsv:2: column `type`: unknown entity type `PLANET`"),
        "{stderr}"
    );
}

#[test]
fn perturb_reports_per_file() {
    let out = namyab().args(["perturb", &seed("003_16b6482d6bae7f5d.txt")]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .ends_with("003_16b6482d6bae7f5d.txt: same answer under every rewrite\n"));
}

#[test]
fn jobs_keep_input_order_and_give_the_same_output() {
    let mut files: Vec<String> = std::fs::read_dir(format!("{}/seeds", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    // each seed three times, and a missing file in the middle
    let mut args: Vec<String> = ["extract", "--format", "jsonl"].iter().map(|s| s.to_string()).collect();
    for _ in 0..3 {
        args.extend(files.iter().cloned());
    }
    args.insert(8, "/nonexistent/x.txt".to_string());
    let one = namyab().args(&args).args(["--jobs", "1"]).output().unwrap();
    for jobs in ["2", "3", "0"] {
        let many = namyab().args(&args).args(["--jobs", jobs]).output().unwrap();
        assert_eq!(many.status.code(), Some(1));
        assert_eq!(many.stdout, one.stdout, "--jobs {jobs}");
        assert_eq!(many.stderr, one.stderr, "--jobs {jobs}");
    }
    let text = String::from_utf8(one.stdout).unwrap();
    let order: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want: Vec<String> = (0..3).flat_map(|_| files.iter().cloned()).collect();
    assert_eq!(order, want);
}

#[test]
fn jsonl_input_one_document_per_line_with_its_id() {
    let input = concat!(
        "{\"id\": 7, \"text\": \"دیدار لاوروف و بایراموف در باکو\"}\n",
        "\n",
        "{\"text\": \"الرئيس إلهام علييف\"}\n",
        "not json\n",
        "{\"id\": \"x\"}\n",
        "{\"id\": \"last\", \"text\": \"ایروان\"}\n",
    );
    let path = scratch("docs.jsonl");
    std::fs::write(&path, input).unwrap();
    for jobs in ["1", "2"] {
        let out = namyab()
            .args([
                "extract",
                "--input",
                "jsonl",
                "--format",
                "jsonl",
                "--jobs",
                jobs,
                path.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("docs.jsonl:4: not a JSON line"), "{stderr}");
        assert!(stderr.contains("docs.jsonl:5: no string field `text`"), "{stderr}");
        let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["id"], 7);
        assert!(lines[0].get("file").is_none());
        assert_eq!(lines[0]["relations"][0]["type"], "met-with");
        assert!(lines[1]["id"].as_str().unwrap().ends_with("docs.jsonl:3"));
        assert_eq!(lines[1]["entities"][0]["id"], "ilham_aliyev");
        assert_eq!(lines[2]["id"], "last");
        assert_eq!(lines[2]["entities"][0]["id"], "yerevan");
    }
}

#[test]
fn fold_prints_each_line_folded() {
    let mut child = namyab().arg("fold").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("عليٌّ‌اف كـبير ۱۲۳\nالأرمينية\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "علیاف کبیر 123\nالارمینیه\n");
}

/// The generators under `tools/` fold names in Python (`gen_places.fold`);
/// it must agree with the crate's fold on every name the gazetteers hold.
#[test]
fn the_tools_fold_as_the_crate_does() {
    let root = env!("CARGO_MANIFEST_DIR");
    // tools/ is in the repository, not in the published package
    if !std::path::Path::new(&format!("{root}/tools")).exists() && !std::path::Path::new(&format!("{root}/.git")).exists() {
        eprintln!("tools/ is not in the package: the fold check runs in the repository");
        return;
    }
    let mut names = String::new();
    for file in ["places", "people", "organizations", "nationalities"] {
        let text = std::fs::read_to_string(format!("{root}/gazetteers/{file}.tsv")).unwrap();
        for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
            for cell in line.split('\t').skip(2).take(2) {
                for name in cell.split('|') {
                    let name = name.split('[').next().unwrap().trim();
                    if !name.is_empty() {
                        names.push_str(name);
                        names.push('\n');
                    }
                }
            }
        }
    }
    let run = |mut cmd: Command| {
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = names.clone();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
        let mut out = String::new();
        child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        writer.join().unwrap();
        assert!(child.wait().unwrap().success());
        out
    };
    let mut crate_fold = namyab();
    crate_fold.arg("fold");
    let mut python = Command::new("python3");
    python.args([
        "-c",
        "import sys; sys.path.insert(0, sys.argv[1]); from fold import fold\nfor l in sys.stdin.read().splitlines(): print(fold(l))",
        &format!("{root}/tools"),
    ]);
    let (a, b) = (run(crate_fold), run(python));
    let diffs: Vec<(&str, &str)> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).take(5).collect();
    assert!(diffs.is_empty() && a.lines().count() == b.lines().count(), "{diffs:?}");
    assert!(a.lines().count() > 10_000);
}

/// Every `--on-error` mode on the same input: two good documents around
/// three bad ones (not JSON, no text, a missing file), with one and two
/// workers.
#[test]
fn on_error_modes() {
    let input = concat!(
        "{\"id\": \"first\", \"text\": \"گفتگوی بایراموف و میرزویان در ایروان\"}\n",
        "not json\n",
        "{\"id\": 42}\n",
        "{\"text\": \"وصل الرئيس إلهام علييف إلى باكو\"}\n",
    );
    let path = scratch("on_error.jsonl");
    std::fs::write(&path, input).unwrap();
    let file = path.to_str().unwrap();
    let missing = "/nonexistent/more.jsonl";
    // (mode, exit code, ids in the output, messages on stderr)
    let cases: [(&str, i32, Vec<serde_json::Value>, usize); 4] = [
        ("report", 1, vec!["first".into(), format!("{file}:4").into()], 3),
        ("fail", 1, vec!["first".into()], 1),
        (
            "record",
            0,
            vec![
                "first".into(),
                format!("{file}:2").into(),
                42.into(),
                format!("{file}:4").into(),
                serde_json::Value::Null,
            ],
            0,
        ),
        ("skip", 0, vec!["first".into(), format!("{file}:4").into()], 3),
    ];
    for (mode, code, ids, messages) in cases {
        for jobs in ["1", "2"] {
            let out = namyab()
                .args([
                    "extract",
                    "--input",
                    "jsonl",
                    "--format",
                    "jsonl",
                    "--jobs",
                    jobs,
                    "--on-error",
                    mode,
                    file,
                    missing,
                ])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(code), "{mode}");
            let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let got: Vec<serde_json::Value> = lines.iter().map(|l| l.get("id").cloned().unwrap_or_default()).collect();
            assert_eq!(got, ids, "{mode} --jobs {jobs}");
            let stderr = String::from_utf8(out.stderr).unwrap();
            assert_eq!(
                stderr.lines().filter(|l| l.starts_with("namyab: ")).count(),
                messages,
                "{mode}: {stderr}"
            );
            if mode == "record" {
                assert_eq!(
                    lines[1]["error"],
                    format!("{file}:2: not a JSON line: expected ident at line 1 column 2")
                );
                assert_eq!(lines[2]["error"], format!("{file}:3: no string field `text`"));
                assert!(lines[2].get("entities").is_none());
                assert_eq!(lines[4]["file"], missing);
                assert!(lines[4]["error"]
                    .as_str()
                    .unwrap()
                    .starts_with("/nonexistent/more.jsonl: cannot read:"));
                assert_eq!(lines[3]["entities"][0]["id"], "ilham_aliyev");
            }
            if mode == "fail" {
                assert!(stderr.contains(&format!("{file}:2: not a JSON line")), "{stderr}");
            }
        }
    }
}

/// Lines without an id are known as FILE:LINE, so two files give different
/// ids for their first lines.
#[test]
fn ids_of_lines_without_one_name_their_file() {
    let (a, b) = (scratch("part-a.jsonl"), scratch("part-b.jsonl"));
    std::fs::write(&a, "{\"text\": \"باکو\"}\n").unwrap();
    std::fs::write(&b, "{\"text\": \"ایروان\"}\n").unwrap();
    let out = namyab()
        .args([
            "extract",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, [format!("{}:1", a.display()), format!("{}:1", b.display())]);
}

/// With `--line-buffered`, namyab answers each line as it comes, while its
/// standard input stays open: it can run as a co-process.
#[test]
fn line_buffered_answers_each_line_at_once() {
    let mut child = namyab()
        .args(["extract", "--input", "jsonl", "--format", "jsonl", "--line-buffered"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for (id, text, want) in [(1, "سفر لاوروف به باکو", "sergey_lavrov"), (2, "زار علييف يريفان", "ilham_aliyev")]
    {
        writeln!(stdin, "{{\"id\": {id}, \"text\": \"{text}\"}}").unwrap();
        stdin.flush().unwrap();
        // the reply comes while stdin is still open
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("no reply before stdin closed");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], id);
        assert_eq!(v["entities"][0]["id"], want);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

/// `--progress` with stderr not a terminal: log lines, the last with the
/// documents, the percentage of the known input size and the time left.
#[test]
fn progress_forced_into_a_log() {
    let path = scratch("progress.jsonl");
    std::fs::write(&path, "{\"id\": 1, \"text\": \"باکو\"}\n{\"id\": 2, \"text\": \"ایروان\"}\n").unwrap();
    let out = namyab()
        .args([
            "extract",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--progress",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("namyab: 2 documents, 0.0 MB, "), "{stderr}");
    assert!(last.contains("100.0% of 0.0 MB, ETA 0 s"), "{stderr}");
    // without --progress, nothing on stderr when it is not a terminal
    let out = namyab()
        .args(["extract", "--input", "jsonl", "--format", "jsonl", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty());
}
