//! [`compile`]: every loaded [`Record`] checked as a whole (unique ids,
//! resolvable references, known cue classes, no name shared within a type)
//! and compiled into a table of folded patterns, each with the entities it
//! names ([`Compiled`]): the names as written and the variants
//! [`variants`](super::variants) derives.

use super::affixes::Affixes;
use super::cues::Cues;
use super::entities::{lang_column, Lang, Record};
use super::variants::{fold_name, letter_variants, nisba_forms, space_variants, surname_alternatives};
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

    // Explicit names, folded; clashes within one type are errors.
    struct Explicit {
        entity: u32,
        cue: Option<u16>,
    }
    let mut explicit: HashMap<String, Vec<Explicit>> = HashMap::default();
    for (i, r) in records.iter().enumerate() {
        for name in &r.names {
            let folded = fold_name(&name.surface);
            if folded.is_empty() {
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
            let entry = explicit.entry(folded).or_default();
            if let Some(other) = entry.iter().find(|e| {
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
            if !entry.iter().any(|e| e.entity as usize == i && e.cue == cue) {
                entry.push(Explicit { entity: i as u32, cue });
            }
        }
    }

    // The first words of people's names, to tell a compound surname from a
    // second first name.
    let first_words: rustc_hash::FxHashSet<String> = records
        .iter()
        .filter(|r| r.kind == EntityType::Person)
        .flat_map(|r| r.names.iter())
        .filter_map(|n| fold_name(&n.surface).split_once(' ').map(|(f, _)| f.to_string()))
        .collect();
    let mut table: HashMap<String, usize> = HashMap::default();
    let mut out = Compiled::default();
    let mut add = |out: &mut Compiled, pattern: String, r: VariantRef| {
        let idx = *table.entry(pattern).or_insert_with_key(|p| {
            out.patterns.push(p.clone());
            out.refs.push(Vec::new());
            out.patterns.len() - 1
        });
        let refs = &mut out.refs[idx];
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
    let collides = |variant: &str, entity: u32| -> bool {
        explicit
            .get(variant)
            .is_some_and(|v| v.iter().any(|e| e.entity != entity && e.cue.is_none()))
    };

    for (i, r) in records.iter().enumerate() {
        let entity = i as u32;
        let letters = matches!(r.kind, EntityType::Person | EntityType::Gpe);
        for name in &r.names {
            let folded = fold_name(&name.surface);
            let cue = name.cue.as_deref().and_then(|c| cues.class_index(c));
            let lang = name.lang.bit();
            add(
                &mut out,
                folded.clone(),
                VariantRef {
                    entity,
                    kind: VariantKind::Explicit,
                    cue,
                    langs: lang,
                },
            );
            // (variant, orthography): spacing variants keep the name's own;
            // Arabic-writer spellings are Arabic.
            let mut derived: Vec<(String, u8)> = space_variants(&folded).into_iter().map(|v| (v, lang)).collect();
            // A surname with a space before its compound ending, or without
            // a long vowel; an Arabic nationality in all its forms.
            if r.kind == EntityType::Person {
                if let Some((head, last)) = folded.rsplit_once(' ') {
                    derived.extend(
                        surname_alternatives(last, affixes)
                            .into_iter()
                            .map(|alt| (format!("{head} {alt}"), lang)),
                    );
                }
            }
            if r.kind == EntityType::Norp && name.lang == Lang::Ar {
                derived.extend(nisba_forms(&folded, affixes).into_iter().map(|v| (v, lang)));
            }
            // A ZWNJ in a name also stands for a space (`احمدی‌نژاد` is
            // often typed `احمدی نژاد`).
            if name.surface.contains('\u{200C}') {
                derived.push((fold_name(&name.surface.replace('\u{200C}', " ")), lang));
            }
            if letters {
                let base: Vec<String> = std::iter::once(folded.clone())
                    .chain(derived.iter().map(|(v, _)| v.clone()))
                    .collect();
                for v in base {
                    // A spelling an Arabic-alphabet writer might use that
                    // is a common word (گینه → کینه "hatred") is dropped.
                    for l in letter_variants(&v) {
                        if !l.contains(' ') && frequent.contains(&l, None) {
                            out.dropped.push((r.id.clone(), l));
                        } else {
                            derived.push((l, Lang::Ar.bit()));
                        }
                    }
                }
            }
            let mut elided = Vec::new();
            for v in derived.iter().map(|(v, _)| v).chain(std::iter::once(&folded)) {
                if let Some(rest) = v.strip_prefix("ال") {
                    if rest.chars().count() >= 2 {
                        elided.push((format!("ل{rest}"), Lang::Ar.bit()));
                    }
                }
            }
            for (variants, kind) in [(derived, VariantKind::Derived), (elided, VariantKind::ElidedArticle)] {
                for (v, langs) in variants {
                    if v == folded {
                        continue;
                    }
                    if collides(&v, entity) {
                        out.dropped.push((r.id.clone(), v));
                        continue;
                    }
                    add(&mut out, v, VariantRef { entity, kind, cue, langs });
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
                    let mut partials = vec![(last.to_string(), lang)];
                    partials.extend(surname_alternatives(last, affixes).into_iter().map(|alt| (alt, lang)));
                    // A Persian compound surname of two words after a first
                    // name (`اکبر هاشمی رفسنجانی` → `هاشمی رفسنجانی`): when
                    // the word before the last is nobody's first name.
                    if head.contains(' ') && !last.contains(' ') && !first_words.contains(before_last) {
                        partials.push((folded[folded.len() - last.len() - 1 - before_last.len()..].to_string(), lang));
                    }
                    // A surname joined by a ZWNJ, typed with a space.
                    let written = name.surface.trim().rsplit(' ').next().unwrap_or("");
                    if written.contains('\u{200C}') {
                        partials.push((fold_name(&written.replace('\u{200C}', " ")), lang));
                    }
                    partials.extend(letter_variants(last).into_iter().map(|v| (v, Lang::Ar.bit())));
                    for (p, langs) in partials {
                        if p.chars().count() < 3 || affixes.stop_partial.contains(&p) {
                            continue;
                        }
                        // A surname that is a common word (ظریف, باور)
                        // names the person only where the full name stands
                        // in the same text, even when the person is `known`.
                        let kind = if frequent.contains(&p, None) {
                            VariantKind::PartialCommon
                        } else {
                            VariantKind::Partial
                        };
                        if collides(&p, entity) {
                            out.dropped.push((r.id.clone(), p));
                            continue;
                        }
                        add(
                            &mut out,
                            p,
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
