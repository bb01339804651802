//! The default gazetteers compiled at build time.
//!
//! `build.rs` includes this module and the ones the model's compile path
//! needs, runs that path over the default data files ([`Defaults::compile`]:
//! the same `gazetteer::compile`, `Trie::new` and `Frequent::parse` that
//! [`Model::new`](crate::model::Model::new) runs) and writes what it
//! produces to two files in `$OUT_DIR`:
//! - `model.bin`: every number, `u32` little-endian; a string is its
//!   `(offset, length)` in `model.txt`;
//! - `model.txt`: every string, one after the other.
//!
//! The crate includes them (`include_bytes!`, `include_str!`) and decodes
//! them when the default extractor is built ([`Defaults::read`]). Because
//! `model.txt` is included as a `&str`, the compiler has checked it is
//! UTF-8, so decoding copies strings without validating them again; the
//! frequent words are not copied at all but slices of
//! `gazetteers/frequent.tsv`, which the crate includes anyway.
//!
//! The TSV files stay the only source: `build.rs` reruns whenever one of
//! them, or a module it includes, changes. The unit tests below check
//! that the decoded defaults equal those compiled at run time.

use crate::error::Error;
use crate::gazetteer::{self, fold_name, Affixes, Compiled, Cues, Lang, Name, Origin, Record, Role, VariantKind, VariantRef};
use crate::language::{Frequent, DEFAULT_FREQUENT};
use crate::matcher::Trie;
use crate::output::EntityType;

/// What the default data files compile to: the parts of the model that
/// take time to build.
#[derive(Debug, Clone)]
pub(crate) struct Defaults {
    pub(crate) compiled: Compiled,
    pub(crate) trie: Trie,
    /// The folded names of each record ([`person_names`]).
    pub(crate) person_names: Vec<Vec<String>>,
    pub(crate) frequent: Frequent,
    /// The text `frequent` was read from, whose slices its words are.
    #[cfg_attr(not(test), allow(dead_code))]
    frequent_source: &'static str,
}

impl Defaults {
    /// Compiles the default data files, as the run-time path does.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn compile(cues: &Cues, affixes: &Affixes) -> Result<Defaults, Error> {
        let mut records = Vec::new();
        for (name, text) in gazetteer::DEFAULT_FILES {
            records.extend(gazetteer::parse_entities(name, text)?);
        }
        // Taken once: a `const` may stand at more than one address.
        let frequent_source = DEFAULT_FREQUENT.1;
        let frequent = Frequent::parse(DEFAULT_FREQUENT.0, frequent_source)?;
        let compiled = gazetteer::compile(records, cues, affixes, &frequent)?;
        let trie = Trie::new(&compiled.patterns);
        let person_names = person_names(&compiled.records);
        Ok(Defaults {
            compiled,
            trie,
            person_names,
            frequent,
            frequent_source,
        })
    }

    /// The snapshot: `(model.bin, model.txt)`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn write(&self) -> (Vec<u8>, String) {
        let mut w = Writer::default();
        w.u32(MAGIC);
        self.compiled.put(&mut w);
        self.trie.put(&mut w);
        self.person_names.put(&mut w);
        self.frequent.write_snapshot(&mut w, self.frequent_source);
        w.u32(MAGIC);
        (w.bytes, w.text)
    }

    /// Decodes a snapshot [`write`](Self::write) made. Panics on a
    /// snapshot that is not one, which `build.rs` never writes.
    pub(crate) fn read(bytes: &'static [u8], text: &'static str) -> Defaults {
        let mut r = Reader { bytes, at: 0, text };
        assert_eq!(r.u32(), MAGIC, "model snapshot: bad header");
        let compiled = Compiled::get(&mut r);
        let trie = Trie::get(&mut r);
        let person_names = Vec::get(&mut r);
        let frequent_source = DEFAULT_FREQUENT.1;
        let frequent = Frequent::read_snapshot(&mut r, frequent_source);
        assert_eq!(r.u32(), MAGIC, "model snapshot: bad trailer");
        assert_eq!(r.at, bytes.len(), "model snapshot: trailing bytes");
        Defaults {
            compiled,
            trie,
            person_names,
            frequent,
            frequent_source,
        }
    }
}

/// The folded names of each record, for people (empty for other
/// entities): what `model::Names` derives its word sets from.
pub(crate) fn person_names(records: &[Record]) -> Vec<Vec<String>> {
    records
        .iter()
        .map(|r| match r.kind {
            EntityType::Person => r.names.iter().map(|n| fold_name(&n.surface)).collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// First and last word of a snapshot ("namy").
const MAGIC: u32 = u32::from_le_bytes(*b"namy");

/// Encodes a snapshot (in `build.rs` and the tests).
#[derive(Debug, Default)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Writer {
    bytes: Vec<u8>,
    text: String,
}

#[cfg_attr(not(test), allow(dead_code))]
impl Writer {
    pub(crate) fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// A length or an index, which must fit in a `u32`.
    pub(crate) fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("model snapshot: length over u32"));
    }

    /// A slice of numbers, length first.
    pub(crate) fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        for &x in v {
            self.u32(x);
        }
    }

    /// A string, as its place in the text.
    pub(crate) fn str(&mut self, s: &str) {
        self.len(self.text.len());
        self.len(s.len());
        self.text.push_str(s);
    }
}

/// Decodes a snapshot.
#[derive(Debug)]
pub(crate) struct Reader {
    bytes: &'static [u8],
    at: usize,
    text: &'static str,
}

impl Reader {
    pub(crate) fn u32(&mut self) -> u32 {
        let b = &self.bytes[self.at..self.at + 4];
        self.at += 4;
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    pub(crate) fn len(&mut self) -> usize {
        self.u32() as usize
    }

    /// `n` records of `K` numbers each, as one slice of bytes.
    pub(crate) fn raw<const K: usize>(&mut self, n: usize) -> &'static [u8] {
        let b = &self.bytes[self.at..self.at + n * K * 4];
        self.at += b.len();
        b
    }

    /// A slice [`Writer::u32s`] wrote.
    pub(crate) fn u32s(&mut self) -> Vec<u32> {
        let n = self.len();
        self.raw::<1>(n)
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    }

    /// A string, borrowed from the text.
    pub(crate) fn str(&mut self) -> &'static str {
        let (at, len) = (self.len(), self.len());
        &self.text[at..at + len]
    }
}

/// A value in a snapshot.
pub(crate) trait Snap: Sized {
    #[cfg_attr(not(test), allow(dead_code))]
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader) -> Self;
}

impl Snap for u32 {
    fn put(&self, w: &mut Writer) {
        w.u32(*self)
    }
    fn get(r: &mut Reader) -> u32 {
        r.u32()
    }
}

impl Snap for usize {
    fn put(&self, w: &mut Writer) {
        w.len(*self)
    }
    fn get(r: &mut Reader) -> usize {
        r.len()
    }
}

impl Snap for bool {
    fn put(&self, w: &mut Writer) {
        w.u32(u32::from(*self))
    }
    fn get(r: &mut Reader) -> bool {
        r.u32() != 0
    }
}

impl Snap for String {
    fn put(&self, w: &mut Writer) {
        w.str(self)
    }
    fn get(r: &mut Reader) -> String {
        r.str().to_string()
    }
}

impl<T: Snap> Snap for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.u32(0),
            Some(v) => {
                w.u32(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<T> {
        match r.u32() {
            0 => None,
            _ => Some(T::get(r)),
        }
    }
}

impl<T: Snap> Snap for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.len(self.len());
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Vec<T> {
        let n = r.len();
        (0..n).map(|_| T::get(r)).collect()
    }
}

impl<A: Snap, B: Snap> Snap for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> (A, B) {
        let a = A::get(r);
        (a, B::get(r))
    }
}

/// Every entity type, by its number in a snapshot.
const TYPES: [EntityType; 8] = [
    EntityType::Person,
    EntityType::Gpe,
    EntityType::Loc,
    EntityType::Org,
    EntityType::Fac,
    EntityType::Norp,
    EntityType::Date,
    EntityType::Event,
];

impl Snap for EntityType {
    fn put(&self, w: &mut Writer) {
        w.len(TYPES.iter().position(|t| t == self).expect("every type is in TYPES"))
    }
    fn get(r: &mut Reader) -> EntityType {
        TYPES[r.len()]
    }
}

const LANGS: [Lang; 3] = [Lang::Fa, Lang::Ar, Lang::Latin];

impl Snap for Lang {
    fn put(&self, w: &mut Writer) {
        w.len(LANGS.iter().position(|l| l == self).expect("every language is in LANGS"))
    }
    fn get(r: &mut Reader) -> Lang {
        LANGS[r.len()]
    }
}

impl Snap for Name {
    fn put(&self, w: &mut Writer) {
        self.surface.put(w);
        self.lang.put(w);
        self.cue.put(w);
    }
    fn get(r: &mut Reader) -> Name {
        Name {
            surface: Snap::get(r),
            lang: Snap::get(r),
            cue: Snap::get(r),
        }
    }
}

impl Snap for Role {
    fn put(&self, w: &mut Writer) {
        self.role.put(w);
        self.of.put(w);
        self.from.put(w);
        self.to.put(w);
    }
    fn get(r: &mut Reader) -> Role {
        Role {
            role: Snap::get(r),
            of: Snap::get(r),
            from: Snap::get(r),
            to: Snap::get(r),
        }
    }
}

impl Snap for Origin {
    fn put(&self, w: &mut Writer) {
        self.file.put(w);
        self.line.put(w);
    }
    fn get(r: &mut Reader) -> Origin {
        Origin {
            file: Snap::get(r),
            line: Snap::get(r),
        }
    }
}

impl Snap for Record {
    fn put(&self, w: &mut Writer) {
        self.id.put(w);
        self.kind.put(w);
        self.names.put(w);
        self.affiliation.put(w);
        self.metonym_of.put(w);
        self.roles.put(w);
        self.known.put(w);
        self.nopartial.put(w);
        self.shared.put(w);
        self.origin.put(w);
    }
    fn get(r: &mut Reader) -> Record {
        Record {
            id: Snap::get(r),
            kind: Snap::get(r),
            names: Snap::get(r),
            affiliation: Snap::get(r),
            metonym_of: Snap::get(r),
            roles: Snap::get(r),
            known: Snap::get(r),
            nopartial: Snap::get(r),
            shared: Snap::get(r),
            origin: Snap::get(r),
        }
    }
}

const KINDS: [VariantKind; 6] = [
    VariantKind::Explicit,
    VariantKind::Derived,
    VariantKind::ElidedArticle,
    VariantKind::Partial,
    VariantKind::PartialCommon,
    VariantKind::PartialKnown,
];

/// No cue, in the cue number of a [`VariantRef`].
const NO_CUE: u32 = u32::MAX;

impl Snap for VariantRef {
    /// Three numbers: the entity; the kind and the orthographies; the cue.
    fn put(&self, w: &mut Writer) {
        w.u32(self.entity);
        let kind = KINDS.iter().position(|k| *k == self.kind).expect("every kind is in KINDS") as u32;
        w.u32(kind | u32::from(self.langs) << 8);
        w.u32(self.cue.map_or(NO_CUE, u32::from));
    }
    fn get(r: &mut Reader) -> VariantRef {
        let entity = r.u32();
        let kind_langs = r.u32();
        let cue = r.u32();
        VariantRef {
            entity,
            kind: KINDS[(kind_langs & 0xff) as usize],
            langs: (kind_langs >> 8) as u8,
            cue: (cue != NO_CUE).then_some(cue as u16),
        }
    }
}

impl Snap for Compiled {
    fn put(&self, w: &mut Writer) {
        self.records.put(w);
        self.patterns.put(w);
        self.refs.put(w);
        self.dropped.put(w);
    }
    fn get(r: &mut Reader) -> Compiled {
        Compiled {
            records: Snap::get(r),
            patterns: Snap::get(r),
            refs: Snap::get(r),
            dropped: Snap::get(r),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extraction, Extractor};

    /// Writing the defaults and reading them back gives them again.
    #[test]
    fn defaults_read_back_as_written() {
        let (cues, affixes) = (
            Cues::parse(gazetteer::DEFAULT_CUES.0, gazetteer::DEFAULT_CUES.1).unwrap(),
            Affixes::parse(gazetteer::DEFAULT_AFFIXES.0, gazetteer::DEFAULT_AFFIXES.1).unwrap(),
        );
        let d = Defaults::compile(&cues, &affixes).unwrap();
        let (bin, txt) = d.write();
        let back = Defaults::read(Box::leak(bin.into_boxed_slice()), Box::leak(txt.into_boxed_str()));
        assert!(back.compiled == d.compiled, "compiled records and patterns");
        assert!(back.trie == d.trie, "trie");
        assert!(back.person_names == d.person_names, "person names");
        assert!(back.frequent == d.frequent, "frequent words");
    }

    /// The default extractor, from the snapshot `build.rs` wrote, equals
    /// the one compiled at run time in everything the stages read, and
    /// extracts the same from the seeds and the bench corpus.
    #[test]
    fn snapshot_equals_the_run_time_compile() {
        let snap = Extractor::builder().build().unwrap();
        let run = Extractor::builder().without_snapshot().build().unwrap();
        let (s, r) = (snap.model(), run.model());
        assert!(r.names.patterns().len() > 50_000);
        assert!(s.names == r.names, "names: records, patterns, refs, dropped, trie, person words");
        assert!(s.frequent == r.frequent, "frequent words");

        assert!(snap.variants().eq(run.variants()));
        assert!(snap.dropped_variants().eq(run.dropped_variants()));
        assert!(snap.common_word_names().eq(run.common_word_names()));
        assert_eq!(snap.entity_count(), run.entity_count());
        for rec in r.names.records() {
            let (a, b) = (snap.entity(&rec.id).unwrap(), run.entity(&rec.id).unwrap());
            assert_eq!(a.id(), b.id());
            assert_eq!(a.entity_type(), b.entity_type());
            assert_eq!(a.affiliation(), b.affiliation());
            assert_eq!(a.metonym_of(), b.metonym_of());
            assert!(a.names().eq(b.names()), "{}", rec.id);
            assert!(a.roles().eq(b.roles()), "{}", rec.id);
        }
        let source = DEFAULT_FREQUENT.1;
        let mut looked_up = 0;
        for line in source.lines().filter(|l| !l.starts_with('#')) {
            let Some(word) = line.split('\t').nth(1) else { continue };
            for lang in [
                None,
                Some(crate::language::Language::Persian),
                Some(crate::language::Language::Arabic),
            ] {
                assert_eq!(s.frequent.contains(word, lang), r.frequent.contains(word, lang), "{word}");
                assert_eq!(s.frequent.zipf(word, lang), r.frequent.zipf(word, lang), "{word}");
                if let Some(lang) = lang {
                    assert_eq!(s.frequent.ambiguous(word, lang), r.frequent.ambiguous(word, lang), "{word}");
                }
            }
            looked_up += 1;
        }
        assert!(looked_up > 50_000, "{looked_up}");

        let root = env!("CARGO_MANIFEST_DIR");
        let mut texts: Vec<String> = std::fs::read_dir(format!("{root}/seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let corpus = std::fs::read_to_string(format!("{root}/benches/corpus/news.jsonl")).unwrap();
        for line in corpus.lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            texts.push(doc["text"].as_str().unwrap().to_string());
        }
        assert!(texts.len() > 100, "{}", texts.len());
        let mut found = 0;
        for text in &texts {
            let (a, b): (Extraction, Extraction) = (snap.extract(text), run.extract(text));
            assert!(a == b, "{text}");
            assert_eq!(
                snap.raw_match_count(crate::normalize(text).as_str()),
                run.raw_match_count(crate::normalize(text).as_str())
            );
            found += a.entities.len();
        }
        assert!(found > 10_000, "{found}");
    }
}
