//! Reading an input and writing one document's extraction: shared by the
//! one-at-a-time commands (`main.rs`) and the batch runner (`batch.rs`).

use clap::ValueEnum;
use namyab::Extraction;
use serde::Serialize;
use std::io::{self, Read, Write};

/// How extractions are written.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Jsonl,
    Text,
    // spaCy's `Doc.to_json()` form, one document a line.
    Spacy,
    // One token a line with BIO tags and ids.
    Conll,
    // brat standoff annotations.
    Brat,
    // One right-to-left HTML page.
    Html,
    // brat records for `--out DIR` (chosen by `formats::run`, not by users).
    #[value(skip)]
    BratFiles,
}

/// One document as the JSON output writes it.
#[derive(Serialize)]
pub(crate) struct Document<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<&'a serde_json::Value>,
    #[serde(flatten)]
    pub(crate) extraction: &'a Extraction,
}

/// Why a command stopped.
pub(crate) enum Failure {
    BrokenPipe,
    Io(io::Error),
    Gazetteer(namyab::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Io(e)
        }
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        match e.io_error_kind() {
            Some(kind) => Failure::from(io::Error::from(kind)),
            None => Failure::Io(io::Error::other(e)),
        }
    }
}

/// Reads one input as UTF-8; the error message names what went wrong.
pub(crate) fn read_input(path: &std::path::Path, lossy: bool) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        if path.is_dir() {
            return Err("is a directory".to_string());
        }
        bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "not valid UTF-8 (first bad byte at offset {}); use --lossy to replace invalid bytes",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// One document's output: its name (a file) or id (a JSONL line), its text
/// and what was extracted.
pub(crate) fn write_document(
    out: &mut impl Write,
    format: Format,
    name: &str,
    id: Option<&serde_json::Value>,
    text: &str,
    x: &Extraction,
) -> Result<(), Failure> {
    let doc = Document {
        file: id.is_none().then_some(name),
        id,
        extraction: x,
    };
    let x_text = |_: &str, span: namyab::Span| text.get(span.range()).unwrap_or("");
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        Format::Jsonl => crate::formats::jsonl::write(out, doc.file, doc.id, x)?,
        Format::Spacy => crate::formats::spacy::write(out, name, id, text, x)?,
        Format::Conll => crate::formats::conll::write(out, name, id, text, x)?,
        Format::Brat => crate::formats::brat::write(out, name, id, text, x)?,
        Format::BratFiles => crate::formats::brat::write_record(out, name, id, text, x)?,
        Format::Html => crate::formats::html::write(out, name, id, text, x)?,
        Format::Text => {
            match id {
                Some(id) => writeln!(out, "# {name}: {id}")?,
                None => writeln!(out, "# {name}")?,
            }
            for e in &x.entities {
                writeln!(
                    out,
                    "{}\t{}..{}\t{}\t{}",
                    e.entity_type,
                    e.span.char_start,
                    e.span.char_end,
                    e.id.as_deref().unwrap_or("-"),
                    e.text
                )?;
            }
            for e in &x.events {
                let members = e
                    .members
                    .iter()
                    .map(|m| {
                        format!(
                            "{}:{} «{}»",
                            m.role.as_str(),
                            m.argument.id.as_deref().unwrap_or("-"),
                            m.argument.text
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" + ");
                writeln!(
                    out,
                    "event {}	{}{}	{}	{members}	trigger «{}» at {}..{}",
                    e.kind.as_str(),
                    e.status.as_str(),
                    modality_name(e.modality),
                    e.cameo,
                    x_text(name, e.trigger),
                    e.trigger.char_start,
                    e.trigger.char_end
                )?;
            }
            for r in &x.relations {
                let args = |v: &[namyab::Argument]| {
                    v.iter()
                        .map(|a| format!("{} «{}»", a.id.as_deref().unwrap_or("-"), a.text))
                        .collect::<Vec<_>>()
                        .join(" + ")
                };
                let status = r.status.as_str();
                let who = if r.mediators.is_empty() {
                    args(&r.participants)
                } else {
                    format!("{} | by {}", args(&r.parties), args(&r.mediators))
                };
                let modality = modality_name(r.modality);
                writeln!(
                    out,
                    "{}\t{status}{modality}\t{}\t{who}\ttrigger «{}» at {}..{}",
                    r.relation_type.as_str(),
                    r.cameo,
                    x_text(name, r.trigger),
                    r.trigger.char_start,
                    r.trigger.char_end
                )?;
            }
        }
    }
    Ok(())
}

/// The modality after the status in the text format: ` phone`, or nothing.
fn modality_name(m: Option<namyab::Modality>) -> String {
    m.map(|m| format!(" {}", m.as_str())).unwrap_or_default()
}
