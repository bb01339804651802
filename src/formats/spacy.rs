//! `--format spacy`: one JSON object a line, in the form of spaCy's
//! `Doc.to_json()` (checked against spaCy 3.8), so that
//! `Doc(nlp.vocab).from_json(obj, validate=True)` loads it:
//!
//! - `text`: the original text;
//! - `tokens`: `{"id", "start", "end"}` in chars, from the tokenizer of
//!   [`tokens`](super::tokens), plus the white-space tokens spaCy makes of
//!   every gap other than one plain space after a token;
//! - `ents`: `{"start", "end", "label", "kb_id"}` in chars (`kb_id` is our
//!   id, `""` for none);
//! - `sents`: `{"start", "end"}` in chars;
//! - `spans.namyab`: the same mentions with their `kb_id`, because spaCy's
//!   `from_json` keeps the label of `ents` but not their `kb_id`;
//! - `namyab`: `{"file" or "id", "relations", "events"}` as in the JSON
//!   output (offsets in bytes and chars). `from_json` ignores it (also with
//!   `validate=True`); `doc._.namyab = obj["namyab"]` keeps it with the
//!   `Doc`. It is not under `_`, because spaCy 3.8's `from_json` fails on a
//!   `_` key whose extension is not registered yet.

use super::tokens::{self, is_space, Chars};
use namyab::Extraction;
use serde_json::Value;
use std::io::{self, Write};

/// Writes one document as one line, streamed (a `serde_json::Value` of
/// every token took a third of a gigabyte for a 1.3 MB text).
pub(crate) fn write(out: &mut impl Write, name: &str, id: Option<&Value>, text: &str, x: &Extraction) -> io::Result<()> {
    let words = tokens::tokenize(text, &super::mention_edges(x));
    let sents = tokens::sentences(text, &words, |b| super::inside_mention(x, b));
    let chars = Chars::new(text, false);
    debug_assert_eq!(
        text.chars().filter(|&c| !is_space(c)).count(),
        words.iter().map(|w| text[w.clone()].chars().count()).sum::<usize>()
    );

    out.write_all(b"{\"text\":")?;
    serde_json::to_writer(&mut *out, text)?;
    out.write_all(b",\"ents\":")?;
    write_ents(out, x)?;
    if !sents.is_empty() {
        out.write_all(b",\"sents\":[")?;
        for (i, s) in sents.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let (start, end) = (chars.at(words[s.start].start), chars.at(words[s.end - 1].end));
            write!(out, "{sep}{{\"start\":{start},\"end\":{end}}}")?;
        }
        out.write_all(b"]")?;
    }

    // spaCy's tokens: each word, then the gap after it unless it is empty
    // or one plain space (a gap before the first word is a token too).
    out.write_all(b",\"tokens\":[")?;
    let mut n = 0;
    let mut token = |out: &mut dyn Write, start: usize, end: usize| {
        let sep = if n == 0 { "" } else { "," };
        let r = write!(out, "{sep}{{\"id\":{n},\"start\":{},\"end\":{}}}", chars.at(start), chars.at(end));
        n += 1;
        r
    };
    let mut pos = 0;
    for w in &words {
        if pos < w.start {
            token(out, pos, w.start)?;
        }
        token(out, w.start, w.end)?;
        pos = w.end;
        if text[pos..].starts_with(' ') {
            pos += 1;
        }
    }
    if pos < text.len() {
        token(out, pos, text.len())?;
    }
    out.write_all(b"],\"spans\":{\"namyab\":")?;
    write_ents(out, x)?;
    out.write_all(b"},\"namyab\":{")?;
    match id {
        Some(id) => {
            out.write_all(b"\"id\":")?;
            serde_json::to_writer(&mut *out, id)?;
        }
        None => {
            out.write_all(b"\"file\":")?;
            serde_json::to_writer(&mut *out, name)?;
        }
    }
    out.write_all(b",\"relations\":")?;
    serde_json::to_writer(&mut *out, &x.relations)?;
    out.write_all(b",\"events\":")?;
    serde_json::to_writer(&mut *out, &x.events)?;
    out.write_all(b"}}\n")
}

/// The mentions as spaCy spans: `{"start", "end", "label", "kb_id"}`.
fn write_ents(out: &mut impl Write, x: &Extraction) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, e) in x.entities.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        write!(
            out,
            "{sep}{{\"start\":{},\"end\":{},\"label\":\"{}\",\"kb_id\":",
            e.span.char_start,
            e.span.char_end,
            e.entity_type.as_str()
        )?;
        serde_json::to_writer(&mut *out, e.id.as_deref().unwrap_or(""))?;
        out.write_all(b"}")?;
    }
    out.write_all(b"]")
}
