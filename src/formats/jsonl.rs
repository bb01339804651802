//! The JSONL writer: one document's extraction as one line, byte for byte
//! what `serde_json::to_writer` makes of it (a test compares the two on every
//! document of the bench corpus), written by hand: keys and enum names are
//! written as the constants they are, strings with no character to escape
//! (nearly all: ids are ASCII, mentions are letters) are copied whole, and
//! numbers go through `itoa`. The serde path escaped every key and number
//! one character at a time, a sixth of a whole run.

use namyab::{Argument, Entity, Event, Evidence, Extraction, Relation, Span};
use std::io::{self, Write};

/// Writes `{"file"|"id": …, "entities": […], "relations": […], "events":
/// […]}` and a newline, as the `jsonl` format does.
pub(crate) fn write(out: &mut impl Write, file: Option<&str>, id: Option<&serde_json::Value>, x: &Extraction) -> io::Result<()> {
    let mut w = Json { out };
    w.raw(b"{")?;
    let mut first = true;
    if let Some(file) = file {
        w.raw(b"\"file\":")?;
        w.str(file)?;
        first = false;
    }
    if let Some(id) = id {
        if !first {
            w.raw(b",")?;
        }
        w.raw(b"\"id\":")?;
        serde_json::to_writer(&mut *w.out, id).map_err(io::Error::from)?;
        first = false;
    }
    if !first {
        w.raw(b",")?;
    }
    w.raw(b"\"entities\":[")?;
    for (i, e) in x.entities.iter().enumerate() {
        w.comma(i)?;
        w.entity(e)?;
    }
    w.raw(b"],\"relations\":[")?;
    for (i, r) in x.relations.iter().enumerate() {
        w.comma(i)?;
        w.relation(r)?;
    }
    w.raw(b"],\"events\":[")?;
    for (i, e) in x.events.iter().enumerate() {
        w.comma(i)?;
        w.event(e)?;
    }
    w.raw(b"]}\n")
}

struct Json<'w, W: Write> {
    out: &'w mut W,
}

impl<W: Write> Json<'_, W> {
    fn raw(&mut self, b: &[u8]) -> io::Result<()> {
        self.out.write_all(b)
    }

    fn comma(&mut self, i: usize) -> io::Result<()> {
        if i > 0 {
            self.raw(b",")?;
        }
        Ok(())
    }

    /// A JSON string: copied whole when nothing in it needs escaping, else
    /// escaped by serde_json itself, so that the escapes are the same.
    fn str(&mut self, s: &str) -> io::Result<()> {
        if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
            return serde_json::to_writer(&mut *self.out, s).map_err(io::Error::from);
        }
        self.raw(b"\"")?;
        self.raw(s.as_bytes())?;
        self.raw(b"\"")
    }

    fn opt_str(&mut self, s: Option<&str>) -> io::Result<()> {
        match s {
            Some(s) => self.str(s),
            None => self.raw(b"null"),
        }
    }

    fn num(&mut self, n: usize) -> io::Result<()> {
        let mut buf = itoa::Buffer::new();
        self.raw(buf.format(n).as_bytes())
    }

    /// `"start":…,"end":…,"char_start":…,"char_end":…`
    fn span_fields(&mut self, s: &Span) -> io::Result<()> {
        self.raw(b"\"start\":")?;
        self.num(s.start)?;
        self.raw(b",\"end\":")?;
        self.num(s.end)?;
        self.raw(b",\"char_start\":")?;
        self.num(s.char_start)?;
        self.raw(b",\"char_end\":")?;
        self.num(s.char_end)
    }

    fn span(&mut self, s: &Span) -> io::Result<()> {
        self.raw(b"{")?;
        self.span_fields(s)?;
        self.raw(b"}")
    }

    fn entity(&mut self, e: &Entity) -> io::Result<()> {
        self.raw(b"{\"id\":")?;
        self.opt_str(e.id.as_deref())?;
        self.raw(b",\"type\":")?;
        self.str(e.entity_type.as_str())?;
        self.raw(b",\"text\":")?;
        self.str(&e.text)?;
        self.raw(b",")?;
        self.span_fields(&e.span)?;
        if let Some(a) = &e.affiliation {
            self.raw(b",\"affiliation\":")?;
            self.str(a)?;
        }
        if let Some(m) = &e.metonym_of {
            self.raw(b",\"metonym_of\":")?;
            self.str(m)?;
        }
        if let Some(v) = &e.value {
            self.raw(b",\"value\":")?;
            self.str(v)?;
        }
        self.raw(b"}")
    }

    fn opt_entity(&mut self, e: Option<&Entity>) -> io::Result<()> {
        match e {
            Some(e) => self.entity(e),
            None => self.raw(b"null"),
        }
    }

    /// An argument's fields, without braces (a member writes its role first).
    fn argument_fields(&mut self, a: &Argument) -> io::Result<()> {
        self.raw(b"\"id\":")?;
        self.opt_str(a.id.as_deref())?;
        self.raw(b",\"type\":")?;
        self.str(a.entity_type.as_str())?;
        self.raw(b",\"text\":")?;
        self.str(&a.text)?;
        self.raw(b",")?;
        self.span_fields(&a.span)?;
        if let Some(m) = &a.mention_id {
            self.raw(b",\"mention_id\":")?;
            self.str(m)?;
        }
        Ok(())
    }

    fn arguments(&mut self, key: &[u8], args: &[Argument]) -> io::Result<()> {
        if args.is_empty() {
            return Ok(());
        }
        self.raw(key)?;
        for (i, a) in args.iter().enumerate() {
            self.comma(i)?;
            self.raw(b"{")?;
            self.argument_fields(a)?;
            self.raw(b"}")?;
        }
        self.raw(b"]")
    }

    fn evidence(&mut self, evidence: &[Evidence]) -> io::Result<()> {
        self.raw(b",\"evidence\":[")?;
        for (i, e) in evidence.iter().enumerate() {
            self.comma(i)?;
            self.raw(b"{\"trigger\":")?;
            self.span(&e.trigger)?;
            self.raw(b",\"sentence\":")?;
            self.span(&e.sentence)?;
            self.raw(b"}")?;
        }
        self.raw(b"]")
    }

    /// `"status":…[,"modality":…],"cameo":…,"trigger":…,"sentence":…,"place":…,"date":…,"evidence":[…]`,
    /// the fields relations and events share, in their order.
    #[allow(clippy::too_many_arguments)]
    fn statement(
        &mut self,
        status: namyab::Status,
        modality: Option<namyab::Modality>,
        cameo: &str,
        trigger: &Span,
        sentence: &Span,
        place: Option<&Entity>,
        date: Option<&Entity>,
        evidence: &[Evidence],
    ) -> io::Result<()> {
        self.raw(b"\"status\":")?;
        self.str(status.as_str())?;
        if let Some(m) = modality {
            self.raw(b",\"modality\":")?;
            self.str(m.as_str())?;
        }
        self.raw(b",\"cameo\":")?;
        self.str(cameo)?;
        self.raw(b",\"trigger\":")?;
        self.span(trigger)?;
        self.raw(b",\"sentence\":")?;
        self.span(sentence)?;
        self.raw(b",\"place\":")?;
        self.opt_entity(place)?;
        self.raw(b",\"date\":")?;
        self.opt_entity(date)?;
        self.evidence(evidence)
    }

    fn relation(&mut self, r: &Relation) -> io::Result<()> {
        self.raw(b"{\"type\":")?;
        self.str(r.relation_type.as_str())?;
        self.arguments(b",\"participants\":[", &r.participants)?;
        self.arguments(b",\"parties\":[", &r.parties)?;
        self.arguments(b",\"mediators\":[", &r.mediators)?;
        self.raw(b",")?;
        self.statement(
            r.status,
            r.modality,
            r.cameo,
            &r.trigger,
            &r.sentence,
            r.place.as_ref(),
            r.date.as_ref(),
            &r.evidence,
        )?;
        self.raw(b",\"event\":")?;
        self.num(r.event)?;
        self.raw(b"}")
    }

    fn event(&mut self, e: &Event) -> io::Result<()> {
        self.raw(b"{\"kind\":")?;
        self.str(e.kind.as_str())?;
        self.raw(b",\"members\":[")?;
        for (i, m) in e.members.iter().enumerate() {
            self.comma(i)?;
            self.raw(b"{\"role\":")?;
            self.str(m.role.as_str())?;
            self.raw(b",")?;
            self.argument_fields(&m.argument)?;
            self.raw(b"}")?;
        }
        self.raw(b"],")?;
        self.statement(
            e.status,
            e.modality,
            e.cameo,
            &e.trigger,
            &e.sentence,
            e.place.as_ref(),
            e.date.as_ref(),
            &e.evidence,
        )?;
        self.raw(b"}")
    }
}

#[cfg(test)]
mod tests {
    /// The hand writer gives exactly what serde_json gives, on every
    /// document of the bench corpus and on texts that need escaping.
    #[test]
    fn same_bytes_as_serde() {
        let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/benches/corpus/news.jsonl")).unwrap_or_default();
        let mut texts: Vec<String> = corpus
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        texts.push("«لاوروف» گفت: \"باکو\" \\ ایروان\u{1}\tتهران\n".to_string());
        texts.push(String::new());
        let mut relations = 0;
        for (i, text) in texts.iter().enumerate() {
            let x = namyab::extract(text);
            relations += x.relations.len();
            let id = serde_json::Value::from(format!("doc \"{i}\""));
            for (file, id) in [(None, Some(&id)), (Some("a/b\\c.txt"), None)] {
                let doc = crate::documents::Document { file, id, extraction: &x };
                let mut want = serde_json::to_vec(&doc).unwrap();
                want.push(b'\n');
                let mut got = Vec::new();
                super::write(&mut got, file, id, &x).unwrap();
                assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap(), "{text}");
            }
        }
        assert!(texts.len() < 3 || relations > 1000, "{relations}");
    }
}
