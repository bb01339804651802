//! `--format conll`: one token a line, five tab-separated columns, a blank
//! line after each sentence (tabs shown here as two spaces):
//!
//! ```text
//! # newdoc id = seeds/002_b1c21fa5bc2a7c4b.txt
//! باشينيان  0  8  nikol_pashinyan  B-PERSON
//! و  9  10  _  O
//! علييف  10  15  ilham_aliyev  B-PERSON
//! ```
//!
//! The columns are the token, its char offsets (start, end: Unicode scalar
//! values, half-open), the entity id (`_` outside a mention or for a
//! mention with no id) and the BIO tag, last, where CoNLL readers look for
//! it. Each document starts with a `# newdoc id = …` line (its JSONL id, or
//! its file name). Tokens never hold white space, so a comment line is the
//! only line that starts with `# ` (a `#` token's line starts with `#` and
//! a tab). Tokens come from the tokenizer of
//! [`tokens`](super::tokens), which splits a joined proclitic or suffix off
//! a mention, so every mention is a `B-` token followed by `I-` tokens whose
//! text, from the first token's start to the last one's end, is exactly the
//! mention.

use super::tokens::{self, Chars};
use namyab::Extraction;
use serde_json::Value;
use std::io::{self, Write};

/// Writes one document.
pub(crate) fn write(out: &mut impl Write, name: &str, id: Option<&Value>, text: &str, x: &Extraction) -> io::Result<()> {
    let words = tokens::tokenize(text, &super::mention_edges(x));
    let sents = tokens::sentences(text, &words, |b| super::inside_mention(x, b));
    let chars = Chars::new(text, false);
    writeln!(out, "# newdoc id = {}", one_line(&super::label(name, id)))?;
    let mut e = 0;
    for s in sents {
        for w in &words[s] {
            while e < x.entities.len() && x.entities[e].span.end <= w.start {
                e += 1;
            }
            let (tag, kb) = match x.entities.get(e) {
                Some(m) if m.span.start <= w.start && w.end <= m.span.end => {
                    let bio = if m.span.start == w.start { "B" } else { "I" };
                    (format!("{bio}-{}", m.entity_type), m.id.as_deref().unwrap_or("_"))
                }
                _ => ("O".to_string(), "_"),
            };
            writeln!(out, "{}\t{}\t{}\t{kb}\t{tag}", &text[w.clone()], chars.at(w.start), chars.at(w.end))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A label on one line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
