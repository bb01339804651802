//! Resolution: from raw automaton and DATE matches over the folded text to
//! the final, non-overlapping entity mentions.
//!
//! In order:
//! 1. **Word boundaries**, checked on every raw match before anything else:
//!    a name must start and end at a word edge. Arabic proclitics (و ف, then
//!    ب ل ك) may stand joined before it and stay outside the span
//!    (`وعلييف` → `علييف`); Persian suffixes may follow it and stay outside
//!    (`ارمنی‌ها` → `ارمنی`): any listed suffix after a ZWNJ, the plural
//!    `ها`/`های` also with no ZWNJ, the ezafe `ی` after a final `ا` or `و`.
//! 2. **Cues**: a name marked `[cue:CLASS]` counts only after a cue phrase of
//!    that class (`خبرگزاری «تاس»`), after `از`/`و` that follows an accepted
//!    organisation (`به گزارش مجاهدت از مشرق`), or after a dateline place at
//!    the start of a line (`بروكسل-سانا`).
//! 3. **Partial names**: a surname alone counts when the same person is named
//!    in full anywhere in the text, or the person is flagged `known`.
//! 4. **Overlaps**: the longest candidate wins; among candidates of the same
//!    span, a satisfied cue beats a plain name, which beats a derived
//!    spelling, which beats a surname alone; then the entity loaded first.
//! 5. **Outlets named in no gazetteer**, after an attribution cue
//!    (`crate::outlets`): ORG with no id.
//! 6. **People named in no gazetteer**, by title and quote rules
//!    (`crate::names`).
//!
//! Each sentence's language (`crate::language`) decides which affixes may
//! join a name: Arabic proclitics in Arabic, Persian suffixes in Persian,
//! both where undecided; a name joined to an affix that makes a more
//! frequent common word is that word, and a name listed only for the other
//! language is none where it is a common word of this one.

use crate::analysis::Analysis;
use crate::dates::DateMatch;
use crate::edges::{char_before, is_word, left_edge, right_edge, start_with_proclitic, word_end};
use crate::gazetteer::{CuePosition, VariantKind};
use crate::language::{Language, Languages};
use crate::model::{EntityId, Resolver};
use crate::names::Taken;
use crate::normalize::Normalized;
use crate::output::{Entity, EntityType, Span};
use std::collections::BTreeMap;
use std::sync::Arc;

/// What a candidate mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Name {
        entity: EntityId,
        kind: VariantKind,
        cue: Option<u16>,
        langs: u8,
    },
    /// Index into the document's DATE matches.
    Date(u32),
    /// A person named in no gazetteer (found by title and quote rules),
    /// with an index into the document's list of their affiliations.
    Unknown(u32),
    /// An outlet named in no gazetteer, after an attribution cue.
    Outlet,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The name's span in the folded text.
    start: u32,
    end: u32,
    /// The start of the word the name stands in: before any proclitic.
    ext_start: u32,
    source: Source,
    keep: bool,
}

impl Candidate {
    fn rank(&self) -> u8 {
        match self.source {
            Source::Name { cue: Some(_), .. } => 0,
            Source::Name { kind, .. } => match kind {
                VariantKind::Explicit => 1,
                VariantKind::Derived | VariantKind::ElidedArticle => 2,
                VariantKind::Partial | VariantKind::PartialCommon | VariantKind::PartialKnown => 3,
            },
            Source::Date(_) | Source::Unknown(_) | Source::Outlet => 1,
        }
    }

    fn entity(&self) -> Option<EntityId> {
        match self.source {
            Source::Name { entity, .. } => Some(entity),
            Source::Date(_) | Source::Unknown(_) | Source::Outlet => None,
        }
    }
}

/// Quotes, brackets and spaces that may stand between a cue and its name.
fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '«' | '»' | '"' | '“' | '”' | '„' | '\'' | '‘' | '’' | '(' | ')' | '[' | ']' | '<' | '>'
    )
}

fn skip_back(s: &str, mut at: usize, gap: impl Fn(char) -> bool) -> usize {
    while let Some(c) = char_before(s, at) {
        if !gap(c) {
            break;
        }
        at -= c.len_utf8();
    }
    at
}

/// Whether the name `f[s..e]` starts or ends inside one original character
/// (a lam-alef ligature `ﻻ` folds to two letters, `ل` + `ا`): no span of
/// the original can hold it.
fn splits_a_character(norm: &Normalized, s: usize, e: usize) -> bool {
    let f = norm.as_str();
    // the folded character at `at` comes from the same original one as the
    // folded character before it
    let inside = |at: usize| {
        at > 0 && at < f.len() && char_before(f, at).is_some_and(|c| norm.original_start(at - c.len_utf8()) == norm.original_start(at))
    };
    inside(s) || inside(e)
}

/// Whether a surname alone stands right after the first name of some other
/// known person that is none of this person's and no mention itself: then
/// it is the surname of someone else (`بهرام یلدیریم` is not Binali
/// Yıldırım; `علييف وباشينيان` are two).
fn part_of_another_name(m: Resolver<'_>, f: &str, c: &Candidate, entity: EntityId, cands: &[Candidate]) -> bool {
    let before = f[..c.ext_start as usize].trim_end_matches(' ');
    if before.len() + 1 != c.ext_start as usize {
        return false;
    }
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| !is_word(ch))
        .map_or(0, |(i, ch)| i + ch.len_utf8());
    let word = &before[from..];
    // a first name (not `با`, not a title such as `امام`), and no mention
    // of its own (`علييف وباشينيان` are two people)
    if !m.names.is_first_name(word) {
        return false;
    }
    // candidates are sorted by start: look back only over those starting
    // at or before the word, as far as a name reaches
    let upto = cands.partition_point(|o| o.start as usize <= from);
    if cands[..upto]
        .iter()
        .rev()
        .take_while(|o| o.start as usize + MAX_NAME_BYTES > from)
        .any(|o| o.end as usize >= before.len())
    {
        return false;
    }
    !m.names.in_own_name(entity, word)
}

/// Longer than any name: how far back a mention may start and still cover
/// a given word.
const MAX_NAME_BYTES: usize = 512;

/// The length from which a text that ends inside a word is taken as cut off.
const CUT_OFF_MIN_BYTES: usize = 400;

/// The Zipf frequency from which a common word is never part of a name the
/// title rule finds (when every word of the name is one).
const TITLE_COMMON_ZIPF: f32 = 4.5;

/// Whether `f[s..e]` is part of an e-mail or web address (`info@irna.ir`,
/// `www.irna.ir`, `irna.ir/news`): a `@` or `/` joined to it, or a `.`
/// between it and a letter.
fn in_address(f: &str, s: usize, e: usize) -> bool {
    let before = f[..s].chars().rev();
    let mut before2 = before.clone().skip(1);
    let after = f[e..].chars();
    let mut after2 = after.clone().skip(1);
    let joined = |c: Option<char>, next: Option<char>| match c {
        Some('@' | '/') => true,
        Some('.') => next.is_some_and(|n| n.is_ascii_alphanumeric()),
        _ => false,
    };
    joined(before.clone().next(), before2.next()) || joined(after.clone().next(), after2.next())
}

/// Finds the entities of one analysed document.
pub(crate) fn entities(m: Resolver<'_>, doc: &Analysis<'_>) -> Vec<Entity> {
    let (text, norm, starts) = (doc.text, &doc.norm, &doc.starts[..]);
    let f = norm.as_str();
    if f.trim().is_empty() {
        return Vec::new();
    }
    let mut cands: Vec<Candidate> = Vec::new();

    // 1. Raw matches, word edges first.
    let mut raw: Vec<(usize, usize, usize)> = Vec::new();
    for &s in starts {
        m.names.walk(f, s, |e, p| raw.push((s, e, p)));
    }
    let languages = Languages::detect(text, norm, m.languages);
    for (s, e, p) in raw {
        let refs = m.names.refs(p);
        let name_chars = f[s..e].chars().count();
        let lang = languages.at(s);
        let Some((ext_start, lam)) = left_edge(m.affixes, f, s, name_chars, lang != Some(Language::Persian)) else {
            continue;
        };
        if !right_edge(m.affixes, text, norm, s, e, lang != Some(Language::Arabic)) {
            continue;
        }
        if in_address(f, ext_start, e) || splits_a_character(norm, s, e) {
            continue;
        }
        let word_end = word_end(f, e);
        let word = &f[ext_start..word_end];
        // A name with a clitic or suffix joined that makes a common word at
        // least as frequent as the name is that word (`باكرا` is no
        // `اكرا`); `والعراق` is rarer than `العراق` and stays a name.
        if word.len() > e - s && m.frequent.contains(word, lang) && m.frequent.zipf(word, lang) >= m.frequent.zipf(&f[s..e], lang) {
            continue;
        }
        // In Persian, a name that is also an adjective, right before a
        // copula, is the adjective (`بر این موضع مصر هستیم`).
        if lang == Some(Language::Persian) && word.len() == e - ext_start && m.frequent.ambiguous(word, Language::Persian) {
            let next = f[word_end..].trim_start_matches(' ');
            let next = &next[..next.find(|c: char| !is_word(c)).unwrap_or(next.len())];
            if m.languages.is_copula(next) {
                continue;
            }
        }
        // A name listed only for the other language is none where it is a
        // common word of this one (Persian `مالت` Malta in Arabic text).
        let foreign_word = |langs: u8| lang.is_some_and(|l| langs & l.bit() == 0 && langs & 3 != 0 && m.frequent.contains(word, Some(l)));
        for r in refs {
            if r.kind == VariantKind::ElidedArticle && !lam {
                continue;
            }
            if foreign_word(r.langs) {
                continue;
            }
            cands.push(Candidate {
                start: s as u32,
                end: e as u32,
                ext_start: ext_start as u32,
                source: Source::Name {
                    entity: EntityId(r.entity),
                    kind: r.kind,
                    cue: r.cue,
                    langs: r.langs,
                },
                keep: true,
            });
        }
    }
    let mut dates: Vec<DateMatch> = Vec::new();
    m.dates.find(f, starts, m.affixes, &mut dates);
    for (i, d) in dates.iter().enumerate() {
        if (languages.at(d.start) == Some(Language::Arabic) && m.dates.not_in_arabic(&f[d.start..d.end]))
            || m.dates.weekday_named_for(f, d.start, d.end)
        {
            continue;
        }
        cands.push(Candidate {
            start: d.start as u32,
            end: d.end as u32,
            ext_start: d.start as u32,
            source: Source::Date(i as u32),
            keep: true,
        });
    }
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end), c.rank()));

    // 2–3. Cues and partial names.
    let mut full: Vec<EntityId> = cands
        .iter()
        .filter_map(|c| match c.source {
            Source::Name {
                entity, kind, cue: None, ..
            } if !matches!(kind, VariantKind::Partial | VariantKind::PartialCommon | VariantKind::PartialKnown) => Some(entity),
            _ => None,
        })
        .collect();
    full.sort_unstable();
    full.dedup();
    for i in 0..cands.len() {
        let c = cands[i];
        let Source::Name { entity, kind, cue, .. } = c.source else {
            continue;
        };
        let partial = matches!(kind, VariantKind::Partial | VariantKind::PartialCommon | VariantKind::PartialKnown);
        if partial && part_of_another_name(m, f, &c, entity, &cands) {
            cands[i].keep = false;
            continue;
        }
        let keep = match (cue, kind) {
            (Some(class), _) => cue_satisfied(m, text, norm, &cands[..i], &c, class),
            (None, VariantKind::Partial) => m.names.record(entity).known || full.binary_search(&entity).is_ok(),
            (None, VariantKind::PartialCommon) => full.binary_search(&entity).is_ok(),
            (None, VariantKind::PartialKnown) => true,
            _ => true,
        };
        cands[i].keep = keep;
    }
    cands.retain(|c| c.keep);

    // 4. Overlaps: longest first; on the same span, a name spelled in the
    // mention's own orthography first.
    // The orthography only decides between candidates of one span, so it
    // is looked at only there (candidates are still sorted by span).
    let mut script = Script::new(text);
    let same_span = |a: &Candidate, b: &Candidate| a.start == b.start && a.end == b.end;
    let tied: Vec<bool> = (0..cands.len())
        .map(|i| (i > 0 && same_span(&cands[i - 1], &cands[i])) || cands.get(i + 1).is_some_and(|n| same_span(n, &cands[i])))
        .collect();
    let mut keyed: Vec<(Candidate, u8)> = cands
        .into_iter()
        .zip(tied)
        .map(|(c, tied)| {
            let mismatch = match c.source {
                Source::Name { langs, .. } if tied => {
                    let orig = norm.to_original(c.start as usize..c.end as usize);
                    u8::from(langs & script.of(&text[orig]) == 0)
                }
                _ => 0,
            };
            (c, mismatch)
        })
        .collect();
    keyed.sort_by_key(|(c, mismatch)| {
        (
            std::cmp::Reverse(c.end - c.start),
            c.rank().min(1),
            *mismatch,
            c.rank(),
            c.start,
            c.entity().unwrap_or(EntityId::MAX),
        )
    });
    let cands = keyed.into_iter().map(|(c, _)| c);
    let mut taken: BTreeMap<u32, u32> = BTreeMap::new();
    let mut accepted: Vec<Candidate> = Vec::new();
    for c in cands {
        let (s, e) = (c.ext_start, c.end);
        let clash_before = taken.range(..e).next_back().is_some_and(|(_, &end)| end > s);
        if clash_before {
            continue;
        }
        taken.insert(s, e);
        accepted.push(c);
    }
    accepted.sort_by_key(|c| c.start);

    // 5. Outlets named in no gazetteer, after an attribution cue.
    {
        // A date inside a quoted outlet name is part of it (`«دیده‌بان امروز»`).
        let overlaps = |s: usize, e: usize| {
            accepted
                .iter()
                .any(|c| (c.ext_start as usize) < e && s < c.end as usize && !matches!(c.source, Source::Date(_)))
        };
        let outlets = m.outlets.find(f, m.affixes, m.frequent, &overlaps);
        if !outlets.is_empty() {
            accepted.retain(|c| {
                !matches!(c.source, Source::Date(_)) || !outlets.iter().any(|&(s, e)| (c.start as usize) < e && s < c.end as usize)
            });
            for (s, e) in outlets {
                accepted.push(Candidate {
                    start: s as u32,
                    end: e as u32,
                    ext_start: s as u32,
                    source: Source::Outlet,
                    keep: true,
                });
            }
            accepted.sort_by_key(|c| c.start);
        }
    }

    // 6. People named in no gazetteer, by title and quote rules.
    let mut unknowns: Vec<Option<Arc<str>>> = Vec::new();
    let taken: Vec<Taken> = accepted
        .iter()
        .map(|c| {
            let kind = match c.source {
                Source::Name { entity, .. } => Some(m.names.record(entity).kind),
                _ => None,
            };
            Taken {
                start: c.ext_start as usize,
                end: c.end as usize,
                person: kind == Some(EntityType::Person),
                affiliates: matches!(kind, Some(EntityType::Gpe | EntityType::Org | EntityType::Norp)),
            }
        })
        .collect();
    // Very frequent (Zipf 4.5 and up: once in 30,000 words) and in no known
    // person's name: `چنین`, `ملت`, `باشم`, but not `سامر` or `کامران`.
    let common = |w: &str| m.frequent.contains(w, None) && m.frequent.zipf(w, None) >= TITLE_COMMON_ZIPF && !m.names.in_a_person_name(w);
    let unknown = m.titles.find(f, &taken, &common);
    if !unknown.is_empty() {
        for (s, e, side) in unknown {
            // The side a title names: a state (a capital as its state), an
            // organisation, or the state of a nationality.
            let side = side.and_then(|i| match accepted[i].source {
                Source::Name { entity, .. } => {
                    let r = m.names.shared(entity);
                    match m.names.record(entity).kind {
                        EntityType::Norp => r.affiliation.clone(),
                        EntityType::Gpe if r.affiliation.is_some() && r.metonym_of.is_none() => r.affiliation.clone(),
                        EntityType::Gpe => Some(r.metonym_of.clone().unwrap_or_else(|| r.id.clone())),
                        _ => Some(r.id.clone()),
                    }
                }
                _ => None,
            });
            unknowns.push(side);
            accepted.push(Candidate {
                start: s as u32,
                end: e as u32,
                ext_start: s as u32,
                source: Source::Unknown(unknowns.len() as u32 - 1),
                keep: true,
            });
        }
        accepted.sort_by_key(|c| c.start);
    }

    // A word cut off at the end of a truncated text is not tagged: a text
    // of some length that stops inside a word (`… رئیس‌جمهور ایرا` would
    // give a wrong `ایران` as often as a right one).
    if text.len() >= CUT_OFF_MIN_BYTES && text.chars().next_back().is_some_and(is_word) {
        if let Some(last) = accepted.last() {
            if norm.to_original(last.start as usize..last.end as usize).end == text.len() {
                accepted.pop();
            }
        }
    }

    // Output, with char offsets from one walk over the text.
    let mut out = Vec::with_capacity(accepted.len());
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut advance = |to: usize| {
        chars += text[byte..to].chars().count();
        byte = to;
        chars
    };
    for c in accepted {
        let mut span = norm.to_original(c.start as usize..c.end as usize);
        if matches!(c.source, Source::Date(_)) && text[..span.end].chars().next_back().is_some_and(char::is_alphabetic) {
            // The fold drops a tatweel: a date's last letter takes it back
            // (`1445 هـ`, the era written with a tatweel).
            span.end += text[span.end..].chars().take_while(|&ch| ch == '\u{0640}').count() * '\u{0640}'.len_utf8();
        }
        let char_start = advance(span.start);
        let char_end = advance(span.end);
        let span = Span {
            start: span.start,
            end: span.end,
            char_start,
            char_end,
        };
        let surface = text[span.range()].to_string();
        match c.source {
            Source::Name { entity, .. } => {
                let kind = m.names.record(entity).kind;
                let r = m.names.shared(entity);
                out.push(Entity {
                    id: kind.is_linked().then(|| r.id.clone()),
                    entity_type: kind,
                    text: surface,
                    span,
                    affiliation: r.affiliation.clone(),
                    metonym_of: r.metonym_of.clone(),
                    value: None,
                });
            }
            Source::Outlet => out.push(Entity {
                id: None,
                entity_type: EntityType::Org,
                text: surface,
                span,
                affiliation: None,
                metonym_of: None,
                value: None,
            }),
            Source::Unknown(i) => out.push(Entity {
                id: None,
                entity_type: EntityType::Person,
                text: surface,
                span,
                affiliation: unknowns[i as usize].clone(),
                metonym_of: None,
                value: None,
            }),
            Source::Date(i) => out.push(Entity {
                id: None,
                entity_type: EntityType::Date,
                text: surface,
                span,
                affiliation: None,
                metonym_of: None,
                value: dates[i as usize].value.clone(),
            }),
        }
    }
    out
}

/// The orthography of a mention: Persian (`Lang::Fa` bit) when it has a
/// letter only Persian writes (پ چ ژ گ), Arabic when it has one only Arabic
/// writes (ة ى), otherwise the majority of the document (counted once, on
/// demand).
struct Script<'a> {
    text: &'a str,
    document: Option<u8>,
}

const FA_BIT: u8 = 1;
const AR_BIT: u8 = 2;
const LATIN_BIT: u8 = 4;
const ANY: u8 = 0xff;

impl<'a> Script<'a> {
    fn new(text: &'a str) -> Script<'a> {
        Script { text, document: None }
    }

    fn decide(fa: usize, ar: usize) -> Option<u8> {
        match (fa > 0, ar > 0) {
            (true, false) => Some(FA_BIT),
            (false, true) => Some(AR_BIT),
            _ if fa > 2 * ar && fa > 0 => Some(FA_BIT),
            _ if ar > 2 * fa && ar > 0 => Some(AR_BIT),
            _ => None,
        }
    }

    /// The bits a name's orthography must share with the mention's.
    fn of(&mut self, mention: &str) -> u8 {
        let (fa, ar) = crate::language::orthography_letters(mention);
        if let (true, false) | (false, true) = (fa > 0, ar > 0) {
            return Self::decide(fa, ar).unwrap_or(ANY) | LATIN_BIT;
        }
        let text = self.text;
        *self.document.get_or_insert_with(|| {
            let (fa, ar) = crate::language::orthography_letters(text);
            Self::decide(fa, ar).unwrap_or(ANY) | LATIN_BIT
        })
    }
}

/// Whether a cue of `class` licenses the candidate `c`; `earlier` are the
/// candidates that start before it, with their final `keep`.
fn cue_satisfied(m: Resolver<'_>, text: &str, norm: &Normalized, earlier: &[Candidate], c: &Candidate, class: u16) -> bool {
    let f = norm.as_str();
    let at = skip_back(f, c.ext_start as usize, is_gap);
    let phrase_ends_here = |phrase: &str, at: usize| -> Option<usize> {
        let head = f[..at].strip_suffix(phrase)?;
        // `لوكالة` style: a proclitic may be joined to the cue.
        start_with_proclitic(m.affixes, f, head.len())
    };
    // An earlier kept candidate of `kind` ending exactly at `end`.
    let ends_at = |end: usize, kind: EntityType| -> Option<&Candidate> {
        earlier.iter().rev().take_while(|o| o.start as usize + 1024 > end).find(|o| {
            o.keep && o.end as usize == end && matches!(o.source, Source::Name { entity, .. } if m.names.record(entity).kind == kind)
        })
    };
    for (cls, position, phrase) in &m.cues.phrases {
        if *cls != class {
            continue;
        }
        match position {
            CuePosition::Before => {
                if phrase_ends_here(phrase, at).is_some() {
                    return true;
                }
            }
            CuePosition::Chain => {
                if let Some(p) = phrase_ends_here(phrase, at) {
                    let p = skip_back(f, p, |ch| is_gap(ch) || matches!(ch, ',' | '،'));
                    if ends_at(p, EntityType::Org).is_some() {
                        return true;
                    }
                }
            }
            CuePosition::Dateline => {
                // Only spaces between the separator and the name: the gap
                // skipping above would eat the `(` of `إسطنبول (الأناضول)`.
                let at = skip_back(f, c.ext_start as usize, |ch| ch == ' ');
                let Some(p) = f[..at].strip_suffix(phrase.as_str()).map(str::len) else {
                    continue;
                };
                let p = skip_back(f, p, |ch| ch == ' ');
                if let Some(place) = ends_at(p, EntityType::Gpe) {
                    let orig = norm.original_start(place.ext_start as usize);
                    let before = text[..orig].trim_end_matches(|ch: char| ch.is_whitespace() && ch != '\n');
                    if before.is_empty() || before.ends_with('\n') {
                        return true;
                    }
                }
            }
        }
    }
    false
}
