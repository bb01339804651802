//! `--format html`: one standalone right-to-left page for all the documents
//! of a run (`dir="rtl"`, inline CSS, no script, no external resource, so
//! it works offline). Each document is an `<article>` (`lang` `fa` or `ar`
//! from its letters) holding:
//! - its text, with each mention a `<mark class="ent TYPE">` whose `title`
//!   (shown on hover) gives the type and the id, each trigger a
//!   `<mark class="trigger">`, and each sentence that is evidence of an
//!   event or relation a `<span class="evidence">`;
//! - its events and relations, listed with their members, status, modality
//!   and CAMEO code, and every piece of evidence quoted with its trigger
//!   marked and a link to the trigger in the text.
//!
//! All text is HTML-escaped.

use namyab::{Extraction, Span};
use serde_json::Value;
use std::io::{self, Write};

const STYLE: &str = "
body { font-family: 'Vazirmatn', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', Tahoma, sans-serif; line-height: 2.1; margin: 1.5em auto; max-width: 60em; padding: 0 1em; color: #1b1b1b; background: #fcfcfa; }
h1 { font-size: 1.3em; margin: 0; }
h2 { font-size: 1.1em; border-bottom: 1px solid #ccc; direction: ltr; text-align: right; }
h3 { font-size: 1em; margin-bottom: 0.2em; }
article { margin-bottom: 3em; }
.text { white-space: pre-wrap; }
.legend mark { margin-inline-end: 0.4em; }
mark { color: inherit; border-radius: 0.25em; padding: 0 0.1em; }
mark.ent { border-bottom: 2px solid rgba(0,0,0,0.35); cursor: help; }
.PERSON { background: #fde2a8; }
.GPE { background: #bfe3c0; }
.LOC { background: #cde9e2; }
.ORG { background: #c8d9f5; }
.FAC { background: #e3d3f2; }
.NORP { background: #f6cfd9; }
.DATE { background: #e6e6e6; }
.EVENT { background: #f3e5c9; }
mark.trigger { background: none; outline: 2px solid #c0392b; font-weight: bold; }
.evidence { background: #fff7cf; box-shadow: 0 0 0 1px #eadf9c; }
ol { padding-inline-start: 1.5em; }
li { margin-bottom: 0.6em; }
.kind { font-weight: bold; }
.meta { color: #555; font-size: 0.9em; }
.id { font-family: monospace; font-size: 0.85em; color: #444; }
.member { display: inline-block; margin: 0.1em 0 0.1em 0.6em; padding: 0 0.4em; border: 1px solid #ddd; border-radius: 0.3em; background: #fff; line-height: 1.8; }
p.error { color: #a00; }
blockquote { margin: 0.2em 1.5em; padding: 0 0.6em; border-inline-start: 3px solid #eadf9c; background: #fffbe6; }
";

const TYPES: [&str; 8] = ["PERSON", "GPE", "LOC", "ORG", "FAC", "NORP", "DATE", "EVENT"];

/// The page's head and legend, before the first document.
pub(crate) fn begin(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>namyab</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>نام‌یاب — namyab</h1>\n<p class=\"legend\">"
    )?;
    for t in TYPES {
        write!(out, "<mark class=\"ent {t}\" title=\"{t}\">{t}</mark>")?;
    }
    writeln!(
        out,
        "<mark class=\"trigger\" title=\"trigger\">trigger</mark> <span class=\"evidence\">evidence</span></p></header>"
    )
}

/// The end of the page, after the last document.
pub(crate) fn end(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</body>\n</html>")
}

/// An input that could not be read or parsed (`--on-error record`).
pub(crate) fn write_failure(out: &mut impl Write, label: &str, message: &str) -> io::Result<()> {
    writeln!(
        out,
        "<article class=\"error\" dir=\"rtl\">\n<h2>{}</h2>\n<p class=\"error\"><bdi>{}</bdi></p>\n</article>",
        escape(label),
        escape(message)
    )
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// `fa` when Persian letters (پ چ ژ گ ک ی) outnumber the Arabic-only ones
/// (ي ك ة), else `ar`.
fn language(text: &str) -> &'static str {
    let (mut fa, mut ar) = (0, 0);
    for c in text.chars() {
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => fa += 1,
            'ي' | 'ك' | 'ة' => ar += 1,
            _ => {}
        }
    }
    if fa >= ar && fa > 0 {
        "fa"
    } else {
        "ar"
    }
}

/// A stable anchor prefix for one document (FNV-1a of its label and text),
/// so that anchors are unique on a page of many documents however many
/// threads formatted them.
fn anchor(label: &str, text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in label.bytes().chain([0]).chain(text.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("d{:012x}", h >> 16)
}

/// One layer of marks in the text: spans in byte offsets, sorted by start,
/// each with its opening tag.
struct Layer {
    spans: Vec<(Span, String)>,
    close: &'static str,
    disjoint: bool,
}

impl Layer {
    fn new(spans: Vec<(Span, String)>, close: &'static str) -> Layer {
        let disjoint = spans.windows(2).all(|w| w[0].0.end <= w[1].0.start);
        Layer { spans, close, disjoint }
    }

    /// The first span holding `a..b`: found by binary search when the spans
    /// do not overlap (mentions never do), else by a scan.
    fn at(&self, a: usize, b: usize) -> Option<usize> {
        let holds = |s: &Span| s.start <= a && b <= s.end;
        if self.disjoint {
            let i = self.spans.partition_point(|(s, _)| s.start <= a);
            (i > 0 && holds(&self.spans[i - 1].0)).then(|| i - 1)
        } else {
            self.spans.iter().position(|(s, _)| holds(s))
        }
    }
}

/// Writes one document as an `<article>`.
pub(crate) fn write(out: &mut impl Write, name: &str, id: Option<&Value>, text: &str, x: &Extraction) -> io::Result<()> {
    let label = super::label(name, id);
    let doc = anchor(&label, text);
    let slice = |s: Span| text.get(s.range()).unwrap_or("");

    // the evidence sentences and triggers of events and relations, once each
    let mut sentences: Vec<Span> = Vec::new();
    let mut triggers: Vec<Span> = Vec::new();
    let evidence = x
        .events
        .iter()
        .flat_map(|e| &e.evidence)
        .chain(x.relations.iter().flat_map(|r| &r.evidence));
    for ev in evidence {
        if !sentences.contains(&ev.sentence) {
            sentences.push(ev.sentence);
        }
        if !triggers.contains(&ev.trigger) {
            triggers.push(ev.trigger);
        }
    }
    sentences.sort();
    triggers.sort();
    let trigger_id = |s: Span| format!("{doc}-t{}", triggers.iter().position(|t| *t == s).unwrap_or(0));
    let layers = [
        Layer::new(
            sentences.iter().map(|s| (*s, "<span class=\"evidence\">".to_string())).collect(),
            "</span>",
        ),
        Layer::new(x.entities.iter().map(|e| (e.span, entity_open(e))).collect(), "</mark>"),
        Layer::new(
            triggers
                .iter()
                .map(|t| (*t, format!("<mark class=\"trigger\" id=\"{}\" title=\"trigger\">", trigger_id(*t))))
                .collect(),
            "</mark>",
        ),
    ];

    writeln!(
        out,
        "<article id=\"{doc}\" lang=\"{}\" dir=\"rtl\">\n<h2>{}</h2>",
        language(text),
        escape(&label)
    )?;
    write!(out, "<div class=\"text\">")?;
    let mut bounds: Vec<usize> = vec![0, text.len()];
    for l in &layers {
        for (s, _) in &l.spans {
            bounds.extend([s.start, s.end]);
        }
    }
    bounds.retain(|&b| b <= text.len() && text.is_char_boundary(b));
    bounds.sort_unstable();
    bounds.dedup();
    let mut open: [Option<usize>; 3] = [None; 3];
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        let now = [layers[0].at(a, b), layers[1].at(a, b), layers[2].at(a, b)];
        if let Some(k) = (0..3).find(|&k| now[k] != open[k]) {
            for j in (k..3).rev() {
                if open[j].is_some() {
                    out.write_all(layers[j].close.as_bytes())?;
                }
            }
            for j in k..3 {
                if let Some(i) = now[j] {
                    out.write_all(layers[j].spans[i].1.as_bytes())?;
                }
            }
            open = now;
        }
        out.write_all(escape(&text[a..b]).as_bytes())?;
    }
    for j in (0..3).rev() {
        if open[j].is_some() {
            out.write_all(layers[j].close.as_bytes())?;
        }
    }
    writeln!(out, "</div>")?;

    // one piece of evidence quoted: its sentence, the trigger marked and
    // linked to the trigger in the text
    let quote = |ev: &namyab::Evidence| {
        let s = ev.sentence;
        let t = ev.trigger;
        if s.start <= t.start && t.end <= s.end {
            format!(
                "<blockquote>{}<a href=\"#{}\"><mark class=\"trigger\">{}</mark></a>{}</blockquote>",
                escape(text.get(s.start..t.start).unwrap_or("")),
                trigger_id(t),
                escape(slice(t)),
                escape(text.get(t.end..s.end).unwrap_or(""))
            )
        } else {
            format!(
                "<blockquote>{} <a href=\"#{}\"><mark class=\"trigger\">{}</mark></a></blockquote>",
                escape(slice(s)),
                trigger_id(t),
                escape(slice(t))
            )
        }
    };
    // one member of an event or relation: a box of its own, so that the
    // right-to-left names and left-to-right ids of several members do not
    // reorder across each other
    let member = |role: &str, ty: namyab::EntityType, text: &str, id: Option<&str>| {
        let id = escape(id.unwrap_or("—"));
        format!(
            "<span class=\"member\"><bdi class=\"meta\">{role}</bdi> <mark class=\"ent {ty}\" title=\"{ty} · {id}\">{}</mark> <bdi class=\"id\" dir=\"ltr\">{id}</bdi></span>",
            escape(text)
        )
    };
    let head = |kind: &str, status: &str, modality: Option<namyab::Modality>, cameo: &str, link: String| {
        format!(
            "<div class=\"head\"><bdi class=\"kind\">{kind}</bdi> <bdi class=\"meta\">{status}{} · CAMEO {cameo}{link}</bdi></div>",
            modality.map_or(String::new(), |m| format!(" · {}", self::modality(m)))
        )
    };
    if !x.events.is_empty() {
        writeln!(out, "<section class=\"events\"><h3>Events</h3>\n<ol>")?;
        for (i, e) in x.events.iter().enumerate() {
            write!(
                out,
                "<li id=\"{doc}-e{i}\">{}<div class=\"members\">",
                head(e.kind.as_str(), e.status.as_str(), e.modality, e.cameo, String::new())
            )?;
            for m in &e.members {
                let a = &m.argument;
                write!(out, "{}", member(m.role.as_str(), a.entity_type, &a.text, a.id.as_deref()))?;
            }
            for (what, p) in [("place", &e.place), ("date", &e.date)] {
                if let Some(p) = p {
                    write!(
                        out,
                        "{}",
                        member(what, p.entity_type, &p.text, p.id.as_deref().or(p.value.as_deref()))
                    )?;
                }
            }
            write!(out, "</div>")?;
            for ev in &e.evidence {
                write!(out, "{}", quote(ev))?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ol></section>")?;
    }
    if !x.relations.is_empty() {
        writeln!(out, "<section class=\"relations\"><h3>Relations</h3>\n<ol>")?;
        for r in &x.relations {
            let link = format!(" · <a href=\"#{doc}-e{}\">event {}</a>", r.event, r.event + 1);
            write!(
                out,
                "<li>{}<div class=\"members\">",
                head(r.relation_type.as_str(), r.status.as_str(), r.modality, r.cameo, link)
            )?;
            let groups: [(&str, &[namyab::Argument]); 3] =
                [("participant", &r.participants), ("party", &r.parties), ("mediator", &r.mediators)];
            for (what, args) in groups {
                for a in args {
                    write!(out, "{}", member(what, a.entity_type, &a.text, a.id.as_deref()))?;
                }
            }
            write!(out, "</div>")?;
            for ev in &r.evidence {
                write!(out, "{}", quote(ev))?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ol></section>")?;
    }
    writeln!(out, "</article>")
}

/// The opening tag of a mention: its type as a class, type and id in the
/// title.
fn entity_open(e: &namyab::Entity) -> String {
    let mut title = e.entity_type.as_str().to_string();
    if let Some(id) = e.id.as_deref() {
        title.push_str(" · ");
        title.push_str(id);
    }
    if let Some(state) = e.metonym_of.as_deref() {
        title.push_str(" → ");
        title.push_str(state);
    }
    if let Some(v) = e.value.as_deref() {
        title.push_str(" · ");
        title.push_str(v);
    }
    format!("<mark class=\"ent {}\" title=\"{}\">", e.entity_type, escape(&title))
}

/// A modality for a reader: `in person`.
fn modality(m: namyab::Modality) -> String {
    m.as_str().replace('_', " ")
}
