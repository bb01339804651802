//! What one event mention says beyond its words and its sides: where it
//! happened, whether it refers back to an event already told, whether it
//! was held by video, and who holds a role its text gives only by title.

use super::doc::{Arg, Doc};
use super::lexicon::{Kind, Word};
use super::participants::Group;
use super::scope::Scope;
use super::segment::words_between;
use super::types::EventKind;
use crate::output::EntityType;
use std::ops::Range;

/// How many words may stand between a demonstrative and the meeting word it
/// points back to (`در جریان این دوره از مذاکرات`).
const ANAPHORA_REACH: usize = 2;
/// How many words from an event word a video marker counts.
const REMOTE_REACH: usize = 2;

/// How many words stand between two trigger words, in either order.
pub(crate) fn apart(doc: &Doc<'_>, a: &Word, b: &Word) -> usize {
    if a.end <= b.start {
        words_between(doc.f, a.end, b.start)
    } else {
        words_between(doc.f, b.end, a.start)
    }
}

/// Where a listed event stands: from its trigger to the end of its list's
/// phrase (the next comma or full stop); an unlisted one, its words.
pub(crate) fn stretch(doc: &Doc<'_>, g: &Group<'_>) -> Range<usize> {
    let start = g.words.iter().map(|w| w.start).min().unwrap_or(0);
    let last = g.words.iter().map(|w| w.end).max().unwrap_or(start);
    match &g.own {
        Some(list) => {
            let end = list.iter().map(|a| doc.spans[a.index].end).max().unwrap_or(last).max(last);
            start..doc.f[end..].find(['،', ',', '.']).map_or(doc.f.len(), |i| end + i)
        }
        None => start..last,
    }
}

/// The place of an event mention (an entity index): the place of its
/// segment (`within`) nearest to it rather than to the other mentions
/// (`others`: `المحادثات بين A وB في بكين`; `التقى … في تبليسي، و…
/// مشاوراتهما في باكو`); for a listed event, in its stretch or before it
/// when no other mention comes first (`انطلقت في أبوظبي مفاوضات بين …`);
/// for a later clause, the sentence's earlier venue (`عقد X في الرياض
/// لقاءين …، ثم انطلقت المفاوضات`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn place(
    doc: &Doc<'_>,
    clause_start: usize,
    later: bool,
    sentence: &Range<usize>,
    (within, others): (&Range<usize>, &[Range<usize>]),
    scope: &Scope,
    g: &Group<'_>,
    participants: &[Arg<'_>],
) -> Option<usize> {
    let mine = stretch(doc, g);
    let gap = |r: &Range<usize>, at: usize| {
        if r.contains(&at) {
            0
        } else {
            words_between(doc.f, r.end.min(at), r.start.max(at))
        }
    };
    let first_mention = others.iter().all(|r| r.start > mine.start);
    let found = scope.places.iter().copied().find(|&i| {
        let at = doc.spans[i].start;
        let before_mine = g.own.is_some() && at < mine.start;
        within.contains(&at)
            && !participants.iter().any(|a| a.index == i)
            && others.iter().all(|r| gap(&mine, at) <= gap(r, at))
            && (!before_mine || first_mention)
    });
    found.or_else(|| {
        let sentence = doc.folded(sentence);
        (later && g.own.is_none())
            .then(|| {
                doc.entities_in(&(sentence.start..clause_start))
                    .find(|&i| doc.entities[i].entity_type == EntityType::Gpe && doc.after_word(i, 0, |k| k == Kind::PlacePrep))
            })
            .flatten()
    })
}

/// Whether a video marker stands by the mention (`نشست ویدیوکنفرانسی`,
/// `عبر الفيديو`): not in person, not by phone.
pub(crate) fn remote(doc: &Doc<'_>, words: &[Word], g: &Group<'_>) -> bool {
    words
        .iter()
        .any(|r| r.kind == Kind::Remote && g.words.iter().any(|t| apart(doc, r, t) <= REMOTE_REACH))
}

/// Whether the mention refers back to an event already told: a
/// demonstrative before it (`در این نشست`, `خلال الاتصال`) or in its form
/// (`در این دور`); or, naming one side or none, a joint press conference
/// (part of the visit told) or an Arabic meeting word with the article
/// (`وأكد X خلال الاتصال`, `وحضر اللقاءين X`).
pub(crate) fn refers_back(doc: &Doc<'_>, words: &[Word], g: &Group<'_>, kind: EventKind, participants: &[Arg<'_>]) -> bool {
    let definite_word = |t: &Word| doc.f[..t.start].ends_with("ال") || doc.f[t.start..].starts_with("ال");
    // `خلال` points back only to a definite event (`خلال الاتصال`, not
    // `خلال اتصال هاتفي`).
    let during = |d: &Word| super::segment::during(doc.f, d);
    let demonstrative = g.words.iter().any(|t| {
        words.iter().any(|d| {
            d.kind == Kind::Demonstrative
                && d.end <= t.start
                && words_between(doc.f, d.end, t.start) <= ANAPHORA_REACH
                && doc.entities_in(&(d.end..t.start)).is_empty()
                && (!during(d) || definite_word(t))
        })
    });
    let in_form = g.words.iter().any(|w| {
        let form = &doc.f[w.start..w.end];
        form.starts_with("این ") || form.starts_with("همین ")
    });
    let definite = g.words.iter().any(definite_word);
    let people = participants.iter().filter(|a| a.person).count();
    let sides = people.max(participants.len() - people);
    demonstrative || in_form || (sides < 2 && (kind == EventKind::PressConference || definite))
}

/// A counterpart the text gives by title and state (`وزیر خارجه ترکیه …
/// برای دیدار با X`): the holder named earlier in the document, not one who
/// only announced something.
pub(crate) fn role_holders<'a>(doc: &Doc<'a>, participants: &[Arg<'a>], announced: &[usize]) -> Vec<Arg<'a>> {
    let titled = |s: &Arg<'a>| doc.title_rules.title_before(doc.f, doc.spans[s.index].start);
    participants
        .iter()
        .filter(|s| !s.person && titled(s) && participants.iter().all(|p| p.affiliation != Some(s.id)))
        .filter_map(|s| {
            doc.entities_in(&(0..doc.spans[s.index].start))
                .rev()
                .filter_map(|i| doc.args[i])
                .find(|a| a.person && a.affiliation == Some(s.id) && !announced.contains(&a.index))
        })
        .collect()
}
