//! `namyab extract`'s pipeline (part of the command-line tool, not the
//! library): a reader thread splits the inputs into documents, `jobs` worker
//! threads share one `Extractor` and extract and format a document each, and
//! the calling thread writes the results out in input order.
//!
//! Channels are bounded, so a slow writer holds the readers back rather than
//! filling memory. When the output goes away (a closed pipe), the writer
//! stops, the workers see their results refused and stop, and the reader sees
//! its documents refused and stops.

use crate::documents::{read_input, write_document, Failure, Format};
use namyab::Extractor;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One document to extract.
struct Doc {
    seq: usize,
    name: String,
    body: Body,
}

enum Body {
    /// A whole file.
    Text(String),
    /// A JSONL line and its number, parsed by the worker.
    Line(Vec<u8>, usize),
}

/// What became of one item of the input, in input order by `seq`.
enum Done {
    /// A formatted document, and the length of its text.
    Output(Vec<u8>, usize),
    /// A large document, extracted but left for the writer to format
    /// straight into the output, so that its output (several times the
    /// text) is never held in memory whole.
    Large(Box<Extracted>),
    /// An input that could not be read or parsed: the message for stderr.
    Error(String),
}

/// A document the writer formats itself.
struct Extracted {
    name: String,
    id: Option<serde_json::Value>,
    text: String,
    extraction: namyab::Extraction,
}

/// From this length, a document's output is formatted by the writer rather
/// than buffered by its worker (see `Done::Large`).
const LARGE_DOCUMENT: usize = 1 << 20;

/// Extracts every document of `files` and writes them to `out` in input
/// order. Returns whether any input failed.
pub(crate) fn run<W: Write>(
    ex: &Extractor,
    files: Vec<PathBuf>,
    lossy: bool,
    jsonl: bool,
    jobs: usize,
    format: Format,
    out: &mut W,
) -> Result<bool, Failure> {
    let files = if files.is_empty() { vec![PathBuf::from("-")] } else { files };
    let jobs = jobs.max(1);
    let (work_tx, work_rx) = sync_channel::<Doc>(jobs * 4);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = sync_channel::<(usize, Done)>(jobs * 4);
    std::thread::scope(|scope| {
        let reader_done = done_tx.clone();
        scope.spawn(move || read_all(&files, lossy, jsonl, &work_tx, &reader_done));
        for _ in 0..jobs {
            let done = done_tx.clone();
            let work = Arc::clone(&work_rx);
            scope.spawn(move || work_on(ex, format, lossy, &work, &done));
        }
        // Only the threads hold the channels now: when the workers are gone
        // the reader's sends fail, and when everyone is gone the writer's
        // receive ends.
        drop(work_rx);
        drop(done_tx);
        write_in_order(done_rx, format, out)
    })
}

fn work_on(ex: &Extractor, format: Format, lossy: bool, work: &Mutex<Receiver<Doc>>, done: &SyncSender<(usize, Done)>) {
    loop {
        let next = match work.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(doc) = next else { return };
        let (id, text) = match doc.body {
            Body::Text(text) => (None, text),
            Body::Line(line, n) => match parse_line(&line, lossy) {
                Ok((id, text)) => (
                    Some(id.unwrap_or_else(|| serde_json::Value::from(format!("{}:{n}", doc.name)))),
                    text,
                ),
                Err(msg) => {
                    if done.send((doc.seq, Done::Error(format!("{}:{n}: {msg}", doc.name)))).is_err() {
                        return;
                    }
                    continue;
                }
            },
        };
        let x = ex.extract(&text);
        if text.len() >= LARGE_DOCUMENT {
            let large = Extracted {
                name: doc.name,
                id,
                text,
                extraction: x,
            };
            if done.send((doc.seq, Done::Large(Box::new(large)))).is_err() {
                return;
            }
            continue;
        }
        let mut buf = Vec::new();
        let result = match write_document(&mut buf, format, &doc.name, id.as_ref(), &text, &x) {
            Ok(()) => Done::Output(buf, text.len()),
            Err(_) => Done::Error(format!("{}: cannot format the output", doc.name)),
        };
        if done.send((doc.seq, result)).is_err() {
            return;
        }
    }
}

/// Splits the inputs into documents. Stops when the workers or the writer
/// are gone.
fn read_all(files: &[PathBuf], lossy: bool, jsonl: bool, work: &SyncSender<Doc>, done: &SyncSender<(usize, Done)>) {
    let mut seq = 0;
    let mut next_seq = || {
        seq += 1;
        seq - 1
    };
    for path in files {
        let name = path.display().to_string();
        if !jsonl {
            let sent = match read_input(path, lossy) {
                Ok(text) => work
                    .send(Doc {
                        seq: next_seq(),
                        name,
                        body: Body::Text(text),
                    })
                    .is_ok(),
                Err(msg) => done.send((next_seq(), Done::Error(format!("{name}: {msg}")))).is_ok(),
            };
            if !sent {
                return;
            }
            continue;
        }
        let reader: Box<dyn Read> = match open(path) {
            Ok(r) => r,
            Err(msg) => {
                if done.send((next_seq(), Done::Error(format!("{name}: {msg}")))).is_err() {
                    return;
                }
                continue;
            }
        };
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut n = 0;
        loop {
            let mut line = Vec::new();
            n += 1;
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    let _ = done.send((next_seq(), Done::Error(format!("{name}:{n}: cannot read: {e}"))));
                    break;
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let doc = Doc {
                seq: next_seq(),
                name: name.clone(),
                body: Body::Line(line, n),
            };
            if work.send(doc).is_err() {
                return;
            }
        }
    }
}

fn open(path: &Path) -> Result<Box<dyn Read>, String> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::stdin()));
    }
    if path.is_dir() {
        return Err("is a directory".to_string());
    }
    std::fs::File::open(path)
        .map(|f| Box::new(f) as Box<dyn Read>)
        .map_err(|e| format!("cannot read: {e}"))
}

/// A JSONL line: its `id` (any JSON value, if present) and its `text`.
fn parse_line(line: &[u8], lossy: bool) -> Result<(Option<serde_json::Value>, String), String> {
    let line = match std::str::from_utf8(line) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) if lossy => String::from_utf8_lossy(line),
        Err(e) => {
            return Err(format!(
                "not valid UTF-8 (first bad byte at offset {} of the line); use --lossy to replace invalid bytes",
                e.valid_up_to()
            ))
        }
    };
    let value: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("not a JSON line: {e}"))?;
    let serde_json::Value::Object(mut obj) = value else {
        return Err("not a JSON object".to_string());
    };
    match obj.remove("text") {
        Some(serde_json::Value::String(text)) => Ok((obj.remove("id"), text)),
        _ => Err("no string field `text`".to_string()),
    }
}

/// Writes results as they complete, each in its input order.
fn write_in_order<W: Write>(done: Receiver<(usize, Done)>, format: Format, out: &mut W) -> Result<bool, Failure> {
    let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0;
    let mut failed = false;
    let mut progress = Progress::new();
    for (seq, d) in done {
        pending.insert(seq, d);
        while let Some(d) = pending.remove(&next) {
            next += 1;
            match d {
                Done::Output(bytes, text_len) => {
                    out.write_all(&bytes)?;
                    progress.tick(text_len);
                }
                Done::Large(d) => {
                    write_document(out, format, &d.name, d.id.as_ref(), &d.text, &d.extraction)?;
                    progress.tick(d.text.len());
                }
                Done::Error(msg) => {
                    out.flush()?;
                    progress.clear();
                    eprintln!("namyab: {msg}");
                    failed = true;
                }
            }
        }
    }
    progress.finish();
    Ok(failed)
}

/// A one-line progress report on stderr, only when stderr is a terminal.
struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    docs: usize,
    bytes: usize,
    shown: bool,
}

impl Progress {
    fn new() -> Progress {
        let now = Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            start: now,
            last: now,
            docs: 0,
            bytes: 0,
            shown: false,
        }
    }

    fn line(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        format!("{} documents, {mb:.1} MB, {:.1} MB/s", self.docs, mb / secs)
    }

    fn tick(&mut self, bytes: usize) {
        self.docs += 1;
        self.bytes += bytes;
        if self.on && self.last.elapsed() >= Duration::from_millis(200) {
            self.last = Instant::now();
            eprint!("\r\x1b[2Knamyab: {}", self.line());
            self.shown = true;
        }
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            self.shown = false;
        }
    }

    fn finish(&mut self) {
        if self.shown {
            eprintln!("\r\x1b[2Knamyab: {}", self.line());
            self.shown = false;
        }
    }
}
