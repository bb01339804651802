//! The output formats other tools read (`namyab extract --format
//! spacy|conll|brat|html`), one module each. Each writer is a function of
//! one document (its name, its JSONL id, its text and its extraction)
//! writing to an `impl Write`, called by `documents::write_document` like
//! the JSON writers; `run` adds what surrounds the documents (the HTML page
//! around them, the brat files of `--out`).
//!
//! Offsets: spaCy, CoNLL and brat count chars (Unicode scalar values), not
//! bytes; brat also counts a CR LF pair as one char, as it reads the `.txt`
//! with universal newlines.

pub(crate) mod brat;
pub(crate) mod conll;
pub(crate) mod html;
pub(crate) mod jsonl;
pub(crate) mod spacy;
pub(crate) mod tokens;

use crate::documents::{Failure, Format};
use namyab::Extraction;
use serde_json::{json, Value};
use std::io::{self, Write};
use std::path::Path;

/// What a document is called in the output: its JSONL id (a string as is,
/// another value as JSON), or else its file name.
pub(crate) fn label(name: &str, id: Option<&serde_json::Value>) -> String {
    match id {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => name.to_string(),
    }
}

/// Every byte offset where a mention begins or ends: the tokenizer splits
/// there.
pub(crate) fn mention_edges(x: &Extraction) -> Vec<usize> {
    x.entities.iter().flat_map(|e| [e.span.start, e.span.end]).collect()
}

/// Whether byte offset `b` falls strictly inside a mention.
pub(crate) fn inside_mention(x: &Extraction, b: usize) -> bool {
    let i = x.entities.partition_point(|e| e.span.end <= b);
    x.entities.get(i).is_some_and(|e| e.span.start < b && b < e.span.end)
}

/// Runs `batch` (which writes every document in `format`) with what the
/// format needs around it: the page of `html`, or with `--out DIR` for
/// `brat`, a writer that turns each document into `DIR/NAME.txt` and
/// `DIR/NAME.ann` (and writes `DIR/annotation.conf`).
pub(crate) fn run(
    format: Format,
    out_dir: Option<&Path>,
    out: &mut dyn Write,
    batch: impl FnOnce(Format, &mut dyn Write) -> Result<bool, Failure>,
) -> Result<bool, Failure> {
    match (format, out_dir) {
        (Format::Brat, Some(dir)) => {
            std::fs::create_dir_all(dir)?;
            std::fs::write(dir.join("annotation.conf"), brat::ANNOTATION_CONF)?;
            let mut files = brat::Files::new(dir);
            let failed = batch(Format::BratFiles, &mut files)?;
            files.finish()?;
            Ok(failed)
        }
        (Format::Html, _) => {
            html::begin(out)?;
            let failed = batch(format, out)?;
            html::end(out)?;
            Ok(failed)
        }
        _ => batch(format, out),
    }
}

/// An input that could not be read or parsed, written in its document's
/// place (`--on-error record`): `name` is its file, `id` its JSONL line's id,
/// `message` the report. `spacy` writes the JSON record of the `jsonl`
/// format, `{"id": …, "error": …}` (`{"file": …, "error": …}` for a whole
/// file); `conll` a document of two comment lines, `# newdoc id = …` and
/// `# error = …`; `brat` the `# NAME` header and a `# error: …` line (with
/// `--out DIR`, the JSON record is appended to `DIR/errors.jsonl`); `html`
/// an article saying what went wrong.
pub(crate) fn write_failure(out: &mut impl Write, format: Format, name: &str, id: Option<&Value>, message: &str) -> io::Result<()> {
    let label = label(name, id).replace(['\n', '\r'], " ");
    let message = message.replace(['\n', '\r'], " ");
    match format {
        Format::Conll => writeln!(out, "# newdoc id = {label}\n# error = {message}\n"),
        Format::Brat => writeln!(out, "# {label}\n# error: {message}"),
        Format::Html => html::write_failure(out, &label, &message),
        Format::Text => writeln!(out, "# {name}: error: {message}"),
        Format::Json | Format::Jsonl | Format::Spacy | Format::BratFiles => {
            let record = match id {
                Some(id) => json!({"id": id, "error": message}),
                None => json!({"file": name, "error": message}),
            };
            serde_json::to_writer(&mut *out, &record)?;
            writeln!(out)
        }
    }
}
