//! `--format brat`: brat standoff annotations (`.ann`).
//!
//! Fields are separated by tabs (two spaces in these docs).
//!
//! - `T` lines: each mention (`T1  PERSON 0 8  باشينيان`), and each event
//!   trigger typed by its event kind (`T9  meeting 21 29  اجتماعاً`);
//! - `E` lines: each event, its trigger and members by role
//!   (`E1  meeting:T9 Participant:T1 Participant2:T2 Mediator:T5 Place:T3`),
//!   with `A` lines for its `Status` and `Modality`;
//! - `R` lines: each `met_with` pair (`Arg1`, `Arg2`) and each
//!   `mediated_by` pair of a party (`Arg1`) and a mediator (`Arg2`);
//! - `#` lines: `AnnotatorNotes` with each mention's id (and the state a
//!   capital stands for), and each relation's and event's status, modality
//!   and CAMEO code.
//!
//! Offsets are chars, counting a CR LF pair as one char, as brat reads the
//! `.txt` (Python, universal newlines); the text of every `T` line is the
//! text between its offsets. A span that would hold a line break (none of
//! the extractor's do) is left out, since a `T` line cannot carry one.
//!
//! brat needs the `.txt` beside the `.ann`, with the same text. With
//! `--out DIR`, namyab writes both for each document, `DIR/NAME.txt` (the
//! text exactly as read) and `DIR/NAME.ann`, and `DIR/annotation.conf`
//! declaring the types: NAME is the file's stem, or the JSONL id, with any
//! character other than a letter, digit, `-`, `_` or `.` replaced by `_`
//! and `-2`, `-3` … added to a name already written. Without `--out`, each
//! document's annotations go to standard output after a header line
//! `# NAME` (not brat syntax: `grep -v '^# '` drops it), so for one text
//! file `namyab extract --format brat a.txt | grep -v '^# ' > a.ann` gives
//! the `.ann` of `a.txt`. An input that cannot be read, with `--on-error
//! record`, is a `# NAME` line and a `# error: …` line, or with `--out DIR`
//! its JSON record appended to `DIR/errors.jsonl`.

use super::tokens::Chars;
use namyab::{Entity, EntityType, Extraction, Span};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The `annotation.conf` written by `--out DIR`.
pub(crate) const ANNOTATION_CONF: &str = "\
# Types of namyab's brat output (namyab extract --format brat --out DIR).
[entities]
PERSON
GPE
LOC
ORG
FAC
NORP
DATE
EVENT

[relations]
met_with	Arg1:<ENTITY>, Arg2:<ENTITY>
mediated_by	Arg1:<ENTITY>, Arg2:<ENTITY>
<OVERLAP>	Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
meeting	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
call	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
talks	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
negotiation	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
visit	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
summit	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
signing	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
press_conference	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>
mediation	Participant*:<ENTITY>, Host*:<ENTITY>, Mediator*:<ENTITY>, Announcer*:<ENTITY>, Place?:<ENTITY>, Date?:<ENTITY>

[attributes]
Status	Arg:<EVENT>, Value:occurred|planned
Modality	Arg:<EVENT>, Value:phone|in_person|unspecified
";

/// Writes one document's annotations after a `# NAME` header line.
pub(crate) fn write(out: &mut impl Write, name: &str, id: Option<&Value>, text: &str, x: &Extraction) -> io::Result<()> {
    writeln!(out, "# {}", super::label(name, id).replace(['\n', '\r'], " "))?;
    out.write_all(ann(text, x).as_bytes())
}

/// One document for `--out DIR`: a JSON line read back by [`Files`].
#[derive(Serialize, Deserialize)]
struct Record {
    stem: String,
    text: String,
    ann: String,
}

/// Writes one document as a record for [`Files`].
pub(crate) fn write_record(out: &mut impl Write, name: &str, id: Option<&Value>, text: &str, x: &Extraction) -> io::Result<()> {
    let stem = match id {
        Some(_) => super::label(name, id),
        None if name == "-" => "stdin".to_string(),
        None => Path::new(name)
            .file_stem()
            .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned()),
    };
    let record = Record {
        stem: file_name(&stem),
        text: text.to_string(),
        ann: ann(text, x),
    };
    serde_json::to_writer(&mut *out, &record)?;
    writeln!(out)
}

/// A file name from a document name: letters, digits, `-`, `_` and `.`
/// kept, anything else `_`, never empty or hidden.
fn file_name(stem: &str) -> String {
    let s: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim_start_matches('.');
    if s.is_empty() {
        "document".to_string()
    } else {
        s.to_string()
    }
}

/// The writer `--out DIR` hands the batch runner: it reads the records of
/// [`write_record`] and writes `DIR/NAME.txt` and `DIR/NAME.ann` for each.
pub(crate) struct Files {
    dir: PathBuf,
    pending: Vec<u8>,
    used: HashSet<String>,
}

impl Files {
    pub(crate) fn new(dir: &Path) -> Files {
        Files {
            dir: dir.to_path_buf(),
            pending: Vec::new(),
            used: HashSet::new(),
        }
    }

    fn write_files(&mut self, line: &[u8]) -> io::Result<()> {
        let v: Value = serde_json::from_slice(line)?;
        if v.get("error").is_some() {
            // an input that could not be read (`--on-error record`)
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(self.dir.join("errors.jsonl"))?;
            return f.write_all(line);
        }
        let r: Record = serde_json::from_value(v)?;
        let mut stem = r.stem.clone();
        let mut n = 1;
        while !self.used.insert(stem.clone()) {
            n += 1;
            stem = format!("{}-{n}", r.stem);
        }
        std::fs::write(self.dir.join(format!("{stem}.txt")), r.text)?;
        std::fs::write(self.dir.join(format!("{stem}.ann")), r.ann)
    }

    /// Writes what is left; every record ends with a newline, so nothing
    /// should be.
    pub(crate) fn finish(&mut self) -> io::Result<()> {
        if self.pending.iter().any(|b| !b.is_ascii_whitespace()) {
            let line = std::mem::take(&mut self.pending);
            self.write_files(&line)?;
        }
        Ok(())
    }
}

impl Write for Files {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        while let Some(i) = self.pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=i).collect();
            self.write_files(&line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The `.ann` of one document.
pub(crate) fn ann(text: &str, x: &Extraction) -> String {
    let mut a = Ann {
        text,
        chars: Chars::new(text, true),
        t: String::new(),
        rest: String::new(),
        notes: String::new(),
        n_t: 0,
        n_note: 0,
        n_attr: 0,
        mentions: HashMap::new(),
    };
    for e in &x.entities {
        if let Some(t) = a.mention(e.entity_type, e.span) {
            let mut note = e.id.as_deref().unwrap_or("").to_string();
            if let Some(state) = e.metonym_of.as_deref() {
                let _ = write!(note, " (for {state})");
            }
            if let Some(v) = e.value.as_deref() {
                note = v.to_string();
            }
            if !note.is_empty() {
                a.note(&t, &note);
            }
        }
    }
    let mut triggers: HashMap<(&str, usize, usize), String> = HashMap::new();
    for (i, ev) in x.events.iter().enumerate() {
        let kind = ev.kind.as_str();
        let key = (kind, ev.trigger.start, ev.trigger.end);
        let trigger = match triggers.get(&key) {
            Some(t) => Some(t.clone()),
            None => {
                let t = a.textbound(kind, ev.trigger);
                if let Some(t) = &t {
                    triggers.insert(key, t.clone());
                }
                t
            }
        };
        let Some(trigger) = trigger else { continue };
        let eid = format!("E{}", i + 1);
        let mut line = format!("{eid}\t{kind}:{trigger}");
        let mut seen: HashSet<(String, String)> = HashSet::new();
        let mut count: HashMap<String, usize> = HashMap::new();
        let mut arg = |a: &mut Ann, line: &mut String, role: String, ty: EntityType, span: Span| {
            let Some(t) = a.mention(ty, span) else { return };
            if !seen.insert((role.clone(), t.clone())) {
                return;
            }
            let n = count.entry(role.clone()).or_insert(0);
            *n += 1;
            let suffix = if *n == 1 { String::new() } else { n.to_string() };
            let _ = write!(line, " {role}{suffix}:{t}");
        };
        for m in &ev.members {
            let role = capitalized(m.role.as_str());
            arg(&mut a, &mut line, role, m.argument.entity_type, m.argument.span);
        }
        for (role, e) in [("Place", &ev.place), ("Date", &ev.date)] {
            if let Some(Entity { entity_type, span, .. }) = e {
                arg(&mut a, &mut line, role.to_string(), *entity_type, *span);
            }
        }
        let _ = writeln!(a.rest, "{line}");
        a.attribute("Status", &eid, ev.status.as_str());
        if let Some(m) = ev.modality {
            a.attribute("Modality", &eid, m.as_str());
        }
        a.note(&eid, &format!("cameo {}", ev.cameo));
    }
    let mut pairs: HashSet<(String, String, String)> = HashSet::new();
    let mut n_r = 0;
    for r in &x.relations {
        let (symmetric, left, right) = match r.relation_type {
            namyab::RelationType::MetWith => (true, &r.participants, &r.participants),
            namyab::RelationType::MediatedBy => (false, &r.parties, &r.mediators),
            _ => continue,
        };
        let kind = r.relation_type.as_str().replace('-', "_");
        for (i, p) in left.iter().enumerate() {
            for (j, q) in right.iter().enumerate() {
                if symmetric && j <= i {
                    continue;
                }
                let (Some(tp), Some(tq)) = (a.mention(p.entity_type, p.span), a.mention(q.entity_type, q.span)) else {
                    continue;
                };
                if tp == tq || !pairs.insert((kind.clone(), tp.clone(), tq.clone())) {
                    continue;
                }
                n_r += 1;
                let _ = writeln!(a.rest, "R{n_r}\t{kind} Arg1:{tp} Arg2:{tq}");
                let how = r.modality.map_or(String::new(), |m| format!(" {}", m.as_str()));
                a.note(
                    &format!("R{n_r}"),
                    &format!("{}{how}, cameo {}, event E{}", r.status.as_str(), r.cameo, r.event + 1),
                );
            }
        }
    }
    a.t + &a.rest + &a.notes
}

/// The `.ann` being built: `T` lines first, then `E`, `A` and `R` lines,
/// then notes.
struct Ann<'a> {
    text: &'a str,
    chars: Chars,
    t: String,
    rest: String,
    notes: String,
    n_t: usize,
    n_note: usize,
    n_attr: usize,
    /// The `T` of each mention already written, by type and byte span.
    mentions: HashMap<(EntityType, usize, usize), String>,
}

impl Ann<'_> {
    /// The `T` of a mention, written the first time.
    fn mention(&mut self, ty: EntityType, span: Span) -> Option<String> {
        if let Some(t) = self.mentions.get(&(ty, span.start, span.end)) {
            return Some(t.clone());
        }
        let t = self.textbound(ty.as_str(), span)?;
        self.mentions.insert((ty, span.start, span.end), t.clone());
        Some(t)
    }

    /// Writes a `T` line; `None` for a span holding a line break.
    fn textbound(&mut self, label: &str, span: Span) -> Option<String> {
        let s = self.text.get(span.range())?;
        if s.contains(['\n', '\r']) {
            return None;
        }
        self.n_t += 1;
        let t = format!("T{}", self.n_t);
        let _ = writeln!(
            self.t,
            "{t}\t{label} {} {}\t{s}",
            self.chars.at(span.start),
            self.chars.at(span.end)
        );
        Some(t)
    }

    fn note(&mut self, target: &str, note: &str) {
        self.n_note += 1;
        let _ = writeln!(
            self.notes,
            "#{}\tAnnotatorNotes {target}\t{}",
            self.n_note,
            note.replace(['\n', '\r', '\t'], " ")
        );
    }

    fn attribute(&mut self, name: &str, target: &str, value: &str) {
        self.n_attr += 1;
        let _ = writeln!(self.rest, "A{}\t{name} {target} {value}", self.n_attr);
    }
}

/// `participant` → `Participant`: brat's role names.
fn capitalized(s: &'static str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
