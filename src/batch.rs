//! `namyab extract`'s pipeline (part of the command-line tool, not the
//! library): a reader thread splits the inputs into documents, `jobs` worker
//! threads share one `Extractor` and extract and format a document each, and
//! the calling thread writes the results out in input order.
//!
//! Channels are bounded, so a slow writer holds the readers back rather than
//! filling memory. When the output goes away (a closed pipe), the writer
//! stops, the workers see their results refused and stop, and the reader sees
//! its documents refused and stops.
//!
//! A document that cannot be read or parsed is handled as `--on-error`
//! says ([`OnError`]); with `--line-buffered` the output is flushed after
//! every document, so that a process feeding namyab one line at a time
//! (Python, Spark's `RDD.pipe`) reads each reply at once.

use crate::documents::{read_input, write_document, Failure, Format};
use clap::ValueEnum;
use crossbeam_channel::{bounded, Receiver, Sender};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use namyab::Extractor;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to do with an input that cannot be read or parsed (a missing file,
/// invalid UTF-8, a line that is not a JSON object with a string `text`).
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum OnError {
    /// Report it on stderr and go on; exit 1 at the end.
    Report,
    /// Stop at the first one: everything before it is written; exit 1.
    Fail,
    /// Write `{"id": …, "error": …}` (`{"file": …, "error": …}` for a
    /// whole file) in its place, in input order, and go on; exit 0.
    Record,
    /// Report it on stderr only and go on; exit 0.
    Skip,
}

/// How `namyab extract` runs over its inputs.
#[derive(Clone, Copy)]
pub(crate) struct Options {
    pub(crate) lossy: bool,
    pub(crate) jsonl: bool,
    pub(crate) jobs: usize,
    pub(crate) format: Format,
    pub(crate) on_error: OnError,
    /// Flush the output after every document.
    pub(crate) line_buffered: bool,
    /// Show progress even when stderr is not a terminal (as log lines).
    pub(crate) progress: bool,
}

/// One document to extract.
struct Doc {
    seq: usize,
    name: String,
    body: Body,
    /// Bytes of input it takes up, for the progress line.
    bytes: u64,
}

enum Body {
    /// A whole file.
    Text(String),
    /// A JSONL line and its number, parsed by the worker.
    Line(Vec<u8>, usize),
}

/// What became of one item of the input, in input order by `seq`; each
/// with the bytes of input it took up.
enum Done {
    /// A formatted document.
    Output(Vec<u8>, u64),
    /// A large document, extracted but left for the writer to format
    /// straight into the output, so that its output (several times the
    /// text) is never held in memory whole.
    Large(Box<Extracted>, u64),
    /// An input that could not be read or parsed.
    Failed(Box<Failed>, u64),
}

/// A document the writer formats itself.
struct Extracted {
    name: String,
    id: Option<serde_json::Value>,
    text: String,
    extraction: namyab::Extraction,
}

/// An input that could not be read or parsed.
struct Failed {
    /// The file.
    name: String,
    /// The line of a JSONL input, and the line's id: its own if the line
    /// was a JSON object with one, else `FILE:LINE`.
    line: Option<(usize, serde_json::Value)>,
    message: String,
}

impl Failed {
    fn whole_file(name: &str, message: String) -> Failed {
        Failed {
            name: name.to_string(),
            line: None,
            message,
        }
    }

    fn line(name: &str, n: usize, id: Option<serde_json::Value>, message: String) -> Failed {
        let id = id.unwrap_or_else(|| line_id(name, n));
        Failed {
            name: name.to_string(),
            line: Some((n, id)),
            message,
        }
    }

    /// The message for stderr: `FILE[:LINE]: what went wrong`.
    fn report(&self) -> String {
        match &self.line {
            Some((n, _)) => format!("{}:{n}: {}", self.name, self.message),
            None => format!("{}: {}", self.name, self.message),
        }
    }

    /// The record that stands in the output in place of the document.
    fn record(&self) -> ErrorRecord<'_> {
        ErrorRecord {
            id: self.line.as_ref().map(|(_, id)| id),
            file: self.line.is_none().then_some(self.name.as_str()),
            error: self.report(),
        }
    }
}

/// `{"id": …, "error": …}`, or `{"file": …, "error": …}` for a whole file.
#[derive(serde::Serialize)]
struct ErrorRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    error: String,
}

/// The id of a JSONL line that has none: `FILE:LINE`, unique across the
/// files of one run (`-` for standard input).
fn line_id(name: &str, n: usize) -> serde_json::Value {
    serde_json::Value::from(format!("{name}:{n}"))
}

/// From this length, a document's output is formatted by the writer rather
/// than buffered by its worker (see `Done::Large`).
const LARGE_DOCUMENT: usize = 1 << 20;

/// Extracts every document of `files` and writes them to `out` in input
/// order. Returns whether the exit status should say an input failed.
pub(crate) fn run<W: Write>(ex: &Extractor, files: Vec<PathBuf>, opts: Options, out: &mut W) -> Result<bool, Failure> {
    let files = if files.is_empty() { vec![PathBuf::from("-")] } else { files };
    let jobs = opts.jobs.max(1);
    let total = total_size(&files);
    let (work_tx, work_rx) = bounded::<Doc>(jobs * 4);
    let (done_tx, done_rx) = bounded::<(usize, Done)>(jobs * 4);
    std::thread::scope(|scope| {
        let reader_done = done_tx.clone();
        scope.spawn(move || read_all(&files, opts.lossy, opts.jsonl, &work_tx, &reader_done));
        for _ in 0..jobs {
            let done = done_tx.clone();
            let work = work_rx.clone();
            scope.spawn(move || work_on(ex, opts.format, opts.lossy, &work, &done));
        }
        // Only the threads hold the channels now: when the workers are gone
        // the reader's sends fail, and when everyone is gone the writer's
        // receive ends.
        drop(work_rx);
        drop(done_tx);
        write_in_order(done_rx, opts, total, out)
    })
}

/// The size of the input when every input is a regular file.
fn total_size(files: &[PathBuf]) -> Option<u64> {
    files
        .iter()
        .map(|f| {
            if f.as_os_str() == "-" {
                return None;
            }
            std::fs::metadata(f).ok().filter(|m| m.is_file()).map(|m| m.len())
        })
        .sum()
}

fn work_on(ex: &Extractor, format: Format, lossy: bool, work: &Receiver<Doc>, done: &Sender<(usize, Done)>) {
    for doc in work {
        let (id, text) = match doc.body {
            Body::Text(text) => (None, text),
            Body::Line(line, n) => match parse_line(&line, lossy) {
                Ok((id, text)) => (Some(id.unwrap_or_else(|| line_id(&doc.name, n))), text),
                Err((id, msg)) => {
                    let failed = Failed::line(&doc.name, n, id, msg);
                    if done.send((doc.seq, Done::Failed(Box::new(failed), doc.bytes))).is_err() {
                        return;
                    }
                    continue;
                }
            },
        };
        let x = ex.extract(&text);
        let result = if text.len() >= LARGE_DOCUMENT {
            let large = Extracted {
                name: doc.name,
                id,
                text,
                extraction: x,
            };
            Done::Large(Box::new(large), doc.bytes)
        } else {
            let mut buf = Vec::new();
            match write_document(&mut buf, format, &doc.name, id.as_ref(), &text, &x) {
                Ok(()) => Done::Output(buf, doc.bytes),
                Err(_) => {
                    let failed = Failed::whole_file(&doc.name, "cannot format the output".to_string());
                    Done::Failed(Box::new(failed), doc.bytes)
                }
            }
        };
        if done.send((doc.seq, result)).is_err() {
            return;
        }
    }
}

/// Splits the inputs into documents. Stops when the workers or the writer
/// are gone.
fn read_all(files: &[PathBuf], lossy: bool, jsonl: bool, work: &Sender<Doc>, done: &Sender<(usize, Done)>) {
    let mut seq = 0;
    let mut next_seq = || {
        seq += 1;
        seq - 1
    };
    let failed = |seq: usize, f: Failed| done.send((seq, Done::Failed(Box::new(f), 0))).is_ok();
    for path in files {
        let name = path.display().to_string();
        if !jsonl {
            let sent = match read_input(path, lossy) {
                Ok(text) => work
                    .send(Doc {
                        seq: next_seq(),
                        name,
                        bytes: text.len() as u64,
                        body: Body::Text(text),
                    })
                    .is_ok(),
                Err(msg) => failed(next_seq(), Failed::whole_file(&name, msg)),
            };
            if !sent {
                return;
            }
            continue;
        }
        let reader: Box<dyn Read> = match open(path) {
            Ok(r) => r,
            Err(msg) => {
                if !failed(next_seq(), Failed::whole_file(&name, msg)) {
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
                    let _ = failed(next_seq(), Failed::line(&name, n, None, format!("cannot read: {e}")));
                    break;
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let doc = Doc {
                seq: next_seq(),
                name: name.clone(),
                bytes: line.len() as u64,
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

/// A JSONL line: its `id` (any JSON value, if present) and its `text`; or
/// what is wrong with it, with the line's id when it has one.
#[allow(clippy::type_complexity)]
fn parse_line(line: &[u8], lossy: bool) -> Result<(Option<serde_json::Value>, String), (Option<serde_json::Value>, String)> {
    let line = match std::str::from_utf8(line) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) if lossy => String::from_utf8_lossy(line),
        Err(e) => {
            return Err((
                None,
                format!(
                    "not valid UTF-8 (first bad byte at offset {} of the line); use --lossy to replace invalid bytes",
                    e.valid_up_to()
                ),
            ))
        }
    };
    let value: serde_json::Value = serde_json::from_str(&line).map_err(|e| (None, format!("not a JSON line: {e}")))?;
    let serde_json::Value::Object(mut obj) = value else {
        return Err((None, "not a JSON object".to_string()));
    };
    let id = obj.remove("id");
    match obj.remove("text") {
        Some(serde_json::Value::String(text)) => Ok((id, text)),
        _ => Err((id, "no string field `text`".to_string())),
    }
}

/// Writes results as they complete, each in its input order. Returns
/// whether an input failed in a way the exit status reports.
fn write_in_order<W: Write>(done: Receiver<(usize, Done)>, opts: Options, total: Option<u64>, out: &mut W) -> Result<bool, Failure> {
    let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
    let mut next = 0;
    let mut failed = false;
    let mut progress = Progress::new(opts.progress, total);
    for (seq, d) in done {
        pending.insert(seq, d);
        while let Some(d) = pending.remove(&next) {
            next += 1;
            let bytes = match d {
                Done::Output(buf, bytes) => {
                    out.write_all(&buf)?;
                    bytes
                }
                Done::Large(d, bytes) => {
                    write_document(out, opts.format, &d.name, d.id.as_ref(), &d.text, &d.extraction)?;
                    bytes
                }
                Done::Failed(f, bytes) => {
                    match opts.on_error {
                        OnError::Record => write_record(out, opts.format, &f)?,
                        OnError::Report | OnError::Skip | OnError::Fail => {
                            out.flush()?;
                            progress.suspend(|| eprintln!("namyab: {}", f.report()));
                        }
                    }
                    match opts.on_error {
                        OnError::Fail => {
                            progress.finish();
                            return Ok(true);
                        }
                        OnError::Report => failed = true,
                        OnError::Record | OnError::Skip => {}
                    }
                    bytes
                }
            };
            if opts.line_buffered {
                out.flush()?;
            }
            progress.tick(bytes);
        }
    }
    progress.finish();
    Ok(failed)
}

/// The record of a failed input, in the output's format.
fn write_record<W: Write>(out: &mut W, format: Format, f: &Failed) -> Result<(), Failure> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &f.record())?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, &f.record())?;
            writeln!(out)?;
        }
        Format::Text => writeln!(out, "# {}: error: {}", f.name, f.report())?,
        other => crate::formats::write_failure(out, other, &f.name, f.line.as_ref().map(|(_, id)| id), &f.report())?,
    }
    Ok(())
}

/// The progress report on stderr: a live line (indicatif) when stderr is a
/// terminal; with `--progress` and stderr a file or pipe, a log line every
/// ten seconds and one at the end. Shows documents, bytes, rate and elapsed
/// time, and with a known input size (files, not standard input) the
/// percentage and the time left.
struct Progress {
    bar: Option<ProgressBar>,
    /// Log lines rather than a live line.
    log: bool,
    last_log: Instant,
    docs: usize,
}

/// How often `--progress` writes a log line when stderr is not a terminal.
const LOG_EVERY: Duration = Duration::from_secs(10);

impl Progress {
    fn new(forced: bool, total: Option<u64>) -> Progress {
        let tty = io::stderr().is_terminal();
        let bar = (tty || forced).then(|| {
            let target = if tty {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            };
            let (bar, template) = match total {
                Some(total) => (
                    ProgressBar::with_draw_target(Some(total), target),
                    "namyab: {msg} {binary_bytes}/{binary_total_bytes} ({percent}%) {binary_bytes_per_sec}, {elapsed} elapsed, ETA {eta}",
                ),
                None => (
                    ProgressBar::with_draw_target(None, target),
                    "namyab: {msg} {binary_bytes}, {binary_bytes_per_sec}, {elapsed} elapsed",
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.set_message("0 documents,");
            bar
        });
        Progress {
            bar,
            log: !tty,
            last_log: Instant::now(),
            docs: 0,
        }
    }

    fn tick(&mut self, bytes: u64) {
        let Some(bar) = &self.bar else { return };
        self.docs += 1;
        bar.inc(bytes);
        if !self.log {
            bar.set_message(format!("{} documents,", self.docs));
        } else if self.last_log.elapsed() >= LOG_EVERY {
            self.last_log = Instant::now();
            eprintln!("{}", self.log_line(bar));
        }
    }

    /// One log line, from the bar's own estimates.
    fn log_line(&self, bar: &ProgressBar) -> String {
        let done = bar.position();
        let secs = bar.elapsed().as_secs_f64();
        let rate = done as f64 / secs.max(1e-9) / 1e6;
        let head = format!(
            "namyab: {} documents, {:.1} MB, {rate:.1} MB/s, {secs:.0} s elapsed",
            self.docs,
            done as f64 / 1e6
        );
        match bar.length() {
            Some(total) if total > 0 => format!(
                "{head}, {:.1}% of {:.1} MB, ETA {} s",
                100.0 * done as f64 / total as f64,
                total as f64 / 1e6,
                bar.eta().as_secs()
            ),
            _ => head,
        }
    }

    /// Runs `f` (which writes to stderr) with the live line out of the way.
    fn suspend(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(bar) if !self.log => bar.suspend(f),
            _ => f(),
        }
    }

    fn finish(&mut self) {
        let Some(bar) = &self.bar else { return };
        if self.log {
            eprintln!("{}", self.log_line(bar));
        } else {
            bar.set_message(format!("{} documents,", self.docs));
            bar.finish();
        }
    }
}
