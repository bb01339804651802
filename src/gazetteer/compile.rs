//! [`compile`]: every loaded [`Record`] checked as a whole (unique ids,
//! resolvable references, known cue classes, no name shared within a type)
//! and compiled into a table of folded patterns, each with the entities it
//! names ([`Compiled`]): the names as written and the variants
//! [`variants`](super::variants) derives.

use super::affixes::Affixes;
use super::cues::Cues;
use super::entities::{lang_column, Lang, Record};
use super::variants::{
    fold_name, fold_name_into, letter_variants_into, nisba_forms, space_variants_into, surname_alternatives_into, Strings,
};
use crate::error::{Detail, Error};
use crate::language::Frequent;
use crate::output::EntityType;
use rustc_hash::FxHashMap as HashMap;

/// How a pattern names an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum VariantKind {
    /// A name as written in the file (folded, spaces as written).
    Explicit,
    /// A derived spelling: a space dropped, or Persian letters as an
    /// Arabic-alphabet writer spells them.
    Derived,
    /// An `ال` name with its alef elided after the preposition ل
    /// (`للاتحاد` = ل + `لاتحاد`); only counts right after a ل.
    ElidedArticle,
    /// A person's surname alone.
    Partial,
    /// A person's surname alone that is also a common word: it names them
    /// only where their full name stands in the same text.
    PartialCommon,
    /// The surname alone of a head of state or government, foreign
    /// minister or secretary-general since 2000 that names no one and
    /// nothing else: it names them anywhere, as for a `known` person.
    PartialKnown,
}

/// One entity a pattern names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VariantRef {
    pub entity: u32,
    pub kind: VariantKind,
    pub cue: Option<u16>,
    /// The orthographies the pattern comes from, a set of `Lang::bit`s:
    /// Arabic `روسية` and Persian `روسیه` fold alike but name different
    /// entities, and the spelling in the text tells which.
    pub langs: u8,
}

/// Records compiled into a pattern table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Compiled {
    pub records: Vec<Record>,
    /// Folded patterns, deduplicated.
    pub patterns: Vec<String>,
    /// For each pattern, the entities it names.
    pub refs: Vec<Vec<VariantRef>>,
    /// Derived variants dropped because they equal another entity's name or
    /// a frequent common word: `(entity id, variant)`.
    pub dropped: Vec<(String, String)>,
}

/// Checks `records` as a whole and compiles them.
pub(crate) fn compile(records: Vec<Record>, cues: &Cues, affixes: &Affixes, frequent: &Frequent) -> Result<Compiled, Error> {
    // Ids are unique.
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(records.len(), Default::default());
    for (i, r) in records.iter().enumerate() {
        if let Some(&first) = by_id.get(r.id.as_str()) {
            return Err(Error::new(
                &r.origin.file,
                r.origin.line,
                Some("id"),
                Detail::DuplicateId {
                    id: r.id.clone(),
                    first: records[first].origin.to_string(),
                },
            ));
        }
        by_id.insert(&r.id, i);
    }
    // References resolve; cue classes exist.
    for r in &records {
        let at = |col: &str, d: Detail| Error::new(&r.origin.file, r.origin.line, Some(col), d);
        for (col, value) in [("affiliation", &r.affiliation), ("metonym_of", &r.metonym_of)] {
            if let Some(v) = value {
                if !by_id.contains_key(v.as_str()) {
                    return Err(at(col, Detail::UnresolvedId { value: v.clone() }));
                }
            }
        }
        for role in &r.roles {
            if !by_id.contains_key(role.of.as_str()) {
                return Err(at("roles", Detail::UnresolvedId { value: role.of.clone() }));
            }
        }
        for name in &r.names {
            if let Some(class) = &name.cue {
                if cues.class_index(class).is_none() {
                    return Err(at(
                        lang_column(name.lang),
                        Detail::UnknownCueClass {
                            class: class.clone(),
                            name: name.surface.clone(),
                        },
                    ));
                }
            }
        }
    }

    // Explicit names, folded once each (`folds`, in name order); clashes
    // within one type are errors. Every string is interned once: the maps
    // below are keyed by its id.
    let names: usize = records.iter().map(|r| r.names.len()).sum();
    let mut strs = Interner::with_capacity(names * 3, names * 40);
    let mut explicit: Vec<Explicit> = Vec::with_capacity(names);
    let mut folds: Vec<u32> = Vec::with_capacity(names);
    let mut buf = String::new();
    for (i, r) in records.iter().enumerate() {
        for name in &r.names {
            buf.clear();
            fold_name_into(&name.surface, &mut buf);
            if buf.is_empty() {
                return Err(Error::new(
                    &r.origin.file,
                    r.origin.line,
                    Some(lang_column(name.lang)),
                    Detail::NameFoldsToNothing {
                        name: name.surface.clone(),
                    },
                ));
            }
            let cue = name.cue.as_deref().and_then(|c| cues.class_index(c));
            let id = strs.intern(&buf);
            folds.push(id);
            if let Some(other) = strs.explicit(id, &explicit).find(|e| {
                let o = &records[e.entity as usize];
                e.entity as usize != i && o.kind == r.kind && e.cue.is_none() && cue.is_none()
            }) {
                let o = &records[other.entity as usize];
                return Err(Error::new(
                    &r.origin.file,
                    r.origin.line,
                    Some(lang_column(name.lang)),
                    Detail::NameClash {
                        name: name.surface.clone(),
                        id: r.id.clone(),
                        other: o.id.clone(),
                        other_at: o.origin.to_string(),
                        kind: r.kind.as_str(),
                    },
                ));
            }
            if !strs.explicit(id, &explicit).any(|e| e.entity as usize == i && e.cue == cue) {
                strs.add_explicit(
                    id,
                    Explicit {
                        entity: i as u32,
                        cue,
                        next: NIL,
                    },
                    &mut explicit,
                );
            }
        }
    }

    // The first words of people's names, to tell a compound surname from a
    // second first name.
    let mut first_words: rustc_hash::FxHashSet<&str> = Default::default();
    let mut k = 0;
    for r in &records {
        if r.kind == EntityType::Person {
            for &id in &folds[k..k + r.names.len()] {
                if let Some((f, _)) = strs.get(id).split_once(' ') {
                    first_words.insert(f);
                }
            }
        }
        k += r.names.len();
    }
    let first_words: rustc_hash::FxHashSet<String> = first_words.into_iter().map(str::to_string).collect();

    let mut out = Compiled::default();
    // The pattern of each interned string (`NO_PATTERN`: none yet).
    let mut pattern_of: Vec<u32> = Vec::new();
    let mut add = |out: &mut Compiled, strs: &Interner, id: u32, r: VariantRef| {
        let id = id as usize;
        if pattern_of.len() <= id {
            pattern_of.resize(strs.len().max(id + 1), NO_PATTERN);
        }
        if pattern_of[id] == NO_PATTERN {
            pattern_of[id] = out.patterns.len() as u32;
            out.patterns.push(strs.get(id as u32).to_string());
            out.refs.push(Vec::with_capacity(1));
        }
        let refs = &mut out.refs[pattern_of[id] as usize];
        match refs.iter_mut().find(|x| x.entity == r.entity && x.cue == r.cue) {
            Some(x) => {
                x.kind = x.kind.min(r.kind);
                x.langs |= r.langs;
            }
            None => refs.push(r),
        }
    };
    // A name another entity lists only behind a cue (`شیراک [cue:province]`)
    // leaves the variant free: the two never compete for the same mention.
    let collides =
        |strs: &Interner, id: u32, entity: u32| -> bool { strs.explicit(id, &explicit).any(|e| e.entity != entity && e.cue.is_none()) };

    let mut folded = String::new();
    let mut derived = Strings::default();
    let mut elided = Strings::default();
    let mut partials = Strings::default();
    let mut v = String::new();
    let mut k = 0;
    for (i, r) in records.iter().enumerate() {
        let entity = i as u32;
        let letters = matches!(r.kind, EntityType::Person | EntityType::Gpe);
        for name in &r.names {
            let fid = folds[k];
            k += 1;
            folded.clear();
            folded.push_str(strs.get(fid));
            let cue = name.cue.as_deref().and_then(|c| cues.class_index(c));
            let lang = name.lang.bit();
            add(
                &mut out,
                &strs,
                fid,
                VariantRef {
                    entity,
                    kind: VariantKind::Explicit,
                    cue,
                    langs: lang,
                },
            );
            // (variant, orthography): spacing variants keep the name's own;
            // Arabic-writer spellings are Arabic.
            derived.clear();
            space_variants_into(&folded, lang, &mut derived);
            // A surname with a space before its compound ending, or without
            // a long vowel; an Arabic nationality in all its forms.
            if r.kind == EntityType::Person {
                if let Some((head, last)) = folded.rsplit_once(' ') {
                    v.clear();
                    v.push_str(head);
                    v.push(' ');
                    surname_alternatives_into(&v, last, affixes, lang, &mut derived);
                }
            }
            if r.kind == EntityType::Norp && name.lang == Lang::Ar {
                for n in nisba_forms(&folded, affixes) {
                    derived.push(&n, lang);
                }
            }
            // A ZWNJ in a name also stands for a space (`احمدی‌نژاد` is
            // often typed `احمدی نژاد`).
            if name.surface.contains('\u{200C}') {
                derived.push(&fold_name(&name.surface.replace('\u{200C}', " ")), lang);
            }
            if letters {
                let base = derived.len();
                for j in 0..=base {
                    v.clear();
                    v.push_str(if j == 0 { &folded } else { derived.get(j - 1).0 });
                    let from = derived.len();
                    letter_variants_into(&v, Lang::Ar.bit(), &mut derived);
                    // A spelling an Arabic-alphabet writer might use that
                    // is a common word (گینه → کینه "hatred") is dropped.
                    let mut keep = from;
                    for m in from..derived.len() {
                        let (l, _) = derived.get(m);
                        if !l.contains(' ') && frequent.contains(l, None) {
                            out.dropped.push((r.id.clone(), l.to_string()));
                        } else {
                            derived.swap(keep, m);
                            keep += 1;
                        }
                    }
                    derived.truncate(keep);
                }
            }
            elided.clear();
            for (v, _) in derived.iter().chain(std::iter::once((folded.as_str(), 0))) {
                if let Some(rest) = v.strip_prefix("ال") {
                    if rest.chars().nth(1).is_some() {
                        elided.push_parts(&["ل", rest], Lang::Ar.bit());
                    }
                }
            }
            for (variants, kind) in [(&derived, VariantKind::Derived), (&elided, VariantKind::ElidedArticle)] {
                for (v, langs) in variants.iter() {
                    if v == folded {
                        continue;
                    }
                    let id = strs.intern(v);
                    if collides(&strs, id, entity) {
                        out.dropped.push((r.id.clone(), v.to_string()));
                        continue;
                    }
                    add(&mut out, &strs, id, VariantRef { entity, kind, cue, langs });
                }
            }
            // A person's surname alone.
            if r.kind == EntityType::Person && !r.nopartial && name.cue.is_none() {
                if let Some((head, last)) = folded.rsplit_once(' ') {
                    // A two-word surname (`نصر الله`, `آل ثانی`, `بن سلمان`):
                    // the last word alone is no surname.
                    let before_last = head.rsplit(' ').next().unwrap_or(head);
                    let two_words = head.contains(' ') || affixes.surname_lead.iter().any(|l| l == before_last);
                    let last = if two_words
                        && (affixes.surname_tail.iter().any(|t| t == last) || affixes.surname_lead.iter().any(|l| l == before_last))
                    {
                        &folded[folded.len() - last.len() - 1 - before_last.len()..]
                    } else {
                        last
                    };
                    partials.clear();
                    partials.push(last, lang);
                    surname_alternatives_into("", last, affixes, lang, &mut partials);
                    // A Persian compound surname of two words after a first
                    // name (`اکبر هاشمی رفسنجانی` → `هاشمی رفسنجانی`): when
                    // the word before the last is nobody's first name.
                    if head.contains(' ') && !last.contains(' ') && !first_words.contains(before_last) {
                        partials.push(&folded[folded.len() - last.len() - 1 - before_last.len()..], lang);
                    }
                    // A surname joined by a ZWNJ, typed with a space.
                    let written = name.surface.trim().rsplit(' ').next().unwrap_or("");
                    if written.contains('\u{200C}') {
                        partials.push(&fold_name(&written.replace('\u{200C}', " ")), lang);
                    }
                    letter_variants_into(last, Lang::Ar.bit(), &mut partials);
                    for (p, langs) in partials.iter() {
                        if p.chars().nth(2).is_none() || affixes.stop_partial.iter().any(|s| s == p) {
                            continue;
                        }
                        // A surname that is a common word (ظریف, باور)
                        // names the person only where the full name stands
                        // in the same text, even when the person is `known`.
                        let kind = if frequent.contains(p, None) {
                            VariantKind::PartialCommon
                        } else {
                            VariantKind::Partial
                        };
                        let id = strs.intern(p);
                        if collides(&strs, id, entity) {
                            out.dropped.push((r.id.clone(), p.to_string()));
                            continue;
                        }
                        add(
                            &mut out,
                            &strs,
                            id,
                            VariantRef {
                                entity,
                                kind,
                                cue: None,
                                langs,
                            },
                        );
                    }
                }
            }
        }
    }
    // The surname of a head of state or government, a foreign minister or
    // a secretary-general since 2000 names them alone when it names no one
    // and nothing else (`ماكرون`, `ستارمر`): it links like a `known` one.
    for refs in out.refs.iter_mut() {
        if let [r] = refs.as_mut_slice() {
            if r.kind == VariantKind::Partial && holds_top_office_since(&records[r.entity as usize], TOP_OFFICE_SINCE) {
                r.kind = VariantKind::PartialKnown;
            }
        }
    }
    out.records = records;
    Ok(out)
}

/// No pattern, no entry.
const NO_PATTERN: u32 = u32::MAX;
const NIL: u32 = u32::MAX;

/// An entity that lists a folded name explicitly, with the name's cue
/// class; `next` links the entries of one name.
#[derive(Debug, Clone, Copy)]
struct Explicit {
    entity: u32,
    cue: Option<u16>,
    next: u32,
}

/// Every folded string of a compilation, stored once in one buffer and
/// named by a dense `u32` id: the maps of `compile` are keyed by ids, so a
/// variant is hashed once and never allocated on its own.
struct Interner {
    text: String,
    entries: Vec<Interned>,
    /// Open addressing, linear probing: entry ids, `NIL` for empty slots.
    slots: Vec<u32>,
}

struct Interned {
    start: u32,
    end: u32,
    hash: u32,
    /// The first and last of the string's `Explicit` entries, or `NIL`.
    first: u32,
    last: u32,
}

impl Interner {
    fn with_capacity(strings: usize, bytes: usize) -> Interner {
        Interner {
            text: String::with_capacity(bytes),
            entries: Vec::with_capacity(strings),
            slots: vec![NIL; (strings * 2).next_power_of_two().max(64)],
        }
    }

    fn len(&self) -> usize {
        self.entries.len()
    }

    fn get(&self, id: u32) -> &str {
        let e = &self.entries[id as usize];
        &self.text[e.start as usize..e.end as usize]
    }

    fn hash(s: &str) -> u32 {
        use std::hash::Hasher;
        let mut h = rustc_hash::FxHasher::default();
        h.write(s.as_bytes());
        (h.finish().wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
    }

    /// The slot of `s` (with hash `hash`): where it is, or the empty slot
    /// where it goes.
    fn slot(&self, s: &str, hash: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (hash as usize) & mask;
        loop {
            match self.slots[i] {
                NIL => return i,
                id => {
                    let e = &self.entries[id as usize];
                    if e.hash == hash && &self.text[e.start as usize..e.end as usize] == s {
                        return i;
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `s`, added if new.
    fn intern(&mut self, s: &str) -> u32 {
        let hash = Interner::hash(s);
        let i = self.slot(s, hash);
        if self.slots[i] != NIL {
            return self.slots[i];
        }
        let id = self.entries.len() as u32;
        let start = self.text.len() as u32;
        self.text.push_str(s);
        self.entries.push(Interned {
            start,
            end: self.text.len() as u32,
            hash,
            first: NIL,
            last: NIL,
        });
        self.slots[i] = id;
        if self.entries.len() * 2 > self.slots.len() {
            let mut slots = vec![NIL; self.slots.len() * 2];
            let mask = slots.len() - 1;
            for (id, e) in self.entries.iter().enumerate() {
                let mut i = (e.hash as usize) & mask;
                while slots[i] != NIL {
                    i = (i + 1) & mask;
                }
                slots[i] = id as u32;
            }
            self.slots = slots;
        }
        id
    }

    /// The entities that list string `id` explicitly, in the order added.
    fn explicit<'a>(&self, id: u32, all: &'a [Explicit]) -> impl Iterator<Item = &'a Explicit> + 'a {
        let mut at = self.entries[id as usize].first;
        std::iter::from_fn(move || {
            let e = all.get(at as usize)?;
            at = e.next;
            Some(e)
        })
    }

    fn add_explicit(&mut self, id: u32, e: Explicit, all: &mut Vec<Explicit>) {
        let new = all.len() as u32;
        all.push(Explicit { next: NIL, ..e });
        let entry = &mut self.entries[id as usize];
        match entry.last {
            NIL => entry.first = new,
            last => all[last as usize].next = new,
        }
        entry.last = new;
    }
}

/// Offices whose holders are named by surname alone in the news.
const TOP_OFFICES: &[&str] = &[
    "president",
    "prime_minister",
    "foreign_minister",
    "chancellor",
    "king",
    "emir",
    "supreme_leader",
    "secretary_general",
    "head_of_state",
    "crown_prince",
];
/// The year from which a top office makes its holder's surname enough.
const TOP_OFFICE_SINCE: u32 = 2000;

fn holds_top_office_since(r: &Record, year: u32) -> bool {
    r.kind == EntityType::Person
        && r.roles.iter().any(|role| {
            TOP_OFFICES.contains(&role.role.as_str())
                && role
                    .to
                    .as_deref()
                    .is_none_or(|to| to.get(..4).and_then(|y| y.parse::<u32>().ok()).is_some_and(|y| y >= year))
        })
}
