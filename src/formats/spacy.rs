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
use serde_json::{json, Value};
use std::io::{self, Write};

/// Writes one document as one line.
pub(crate) fn write(out: &mut impl Write, name: &str, id: Option<&Value>, text: &str, x: &Extraction) -> io::Result<()> {
    let words = tokens::tokenize(text, &super::mention_edges(x));
    let sents = tokens::sentences(text, &words, |b| super::inside_mention(x, b));
    let chars = Chars::new(text, false);

    // spaCy's tokens: each word, then the gap after it unless it is empty
    // or one plain space (a gap before the first word is a token too).
    let mut toks: Vec<Value> = Vec::with_capacity(words.len() * 2);
    let mut push = |start: usize, end: usize| {
        let id = toks.len();
        toks.push(json!({"id": id, "start": chars.at(start), "end": chars.at(end)}));
    };
    let mut pos = 0;
    for w in &words {
        if pos < w.start {
            push(pos, w.start);
        }
        push(w.start, w.end);
        pos = w.end;
        if text[pos..].starts_with(' ') {
            pos += 1;
        }
    }
    if pos < text.len() {
        push(pos, text.len());
    }
    debug_assert_eq!(
        text.chars().filter(|&c| !is_space(c)).count(),
        words.iter().map(|w| text[w.clone()].chars().count()).sum::<usize>()
    );

    let ents: Vec<Value> = x
        .entities
        .iter()
        .map(|e| {
            json!({
                "start": e.span.char_start,
                "end": e.span.char_end,
                "label": e.entity_type.as_str(),
                "kb_id": e.id.as_deref().unwrap_or(""),
            })
        })
        .collect();
    let sents: Vec<Value> = sents
        .iter()
        .map(|s| json!({"start": chars.at(words[s.start].start), "end": chars.at(words[s.end - 1].end)}))
        .collect();
    let mut namyab = serde_json::Map::new();
    match id {
        Some(id) => namyab.insert("id".into(), id.clone()),
        None => namyab.insert("file".into(), Value::from(name)),
    };
    namyab.insert("relations".into(), serde_json::to_value(&x.relations)?);
    namyab.insert("events".into(), serde_json::to_value(&x.events)?);
    let mut doc = json!({
        "text": text,
        "ents": ents,
        "tokens": toks,
        "spans": {"namyab": ents},
        "namyab": namyab,
    });
    if !sents.is_empty() {
        doc["sents"] = Value::from(sents);
    }
    serde_json::to_writer(&mut *out, &doc)?;
    writeln!(out)
}
