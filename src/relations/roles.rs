//! Role passes: who mediates (`با میانجیگری X`, `برعاية X`, `X میانجیگری
//! کرد`, `X يعتزم تنظيم لقاء`) and who hosts (`X میزبان A و B بود`).

use super::doc::{Arg, Doc};
use super::lexicon::{Kind, Word};
use super::scope::Scope;
use super::segment::words_between;
use std::ops::Range;

/// How many words before a mediation phrase a negation denies it (`بدون
/// حضور میانجی`).
const NEGATION_REACH: usize = 2;
/// How many words may stand between a mediation phrase and its mediator
/// (`با وساطت وزیر امور خارجه سوئیس`).
const MEDIATOR_LEAD: usize = 4;
/// How many words after `تنظيم` the meeting it organises must follow.
const ORGANIZE_REACH: usize = 2;
/// How many words after a verb-first host or mediation word (`استضاف
/// الرئيس … X`) the mediator may stand.
const AFTER_REACH: usize = 3;

/// A mediation (or a host) word with the ones it names.
#[derive(Debug, Clone)]
pub(crate) struct Mediation<'a> {
    pub word: Word,
    pub mediators: Vec<Arg<'a>>,
    /// A host that takes part: no mediator, but a participant.
    pub takes_part: bool,
}

/// The mediators and hosts named in a segment. `last_person` stands for a
/// pronoun (`میزبانی وی`); `speaker`, the one who reports the segment, for
/// a host named nowhere else in it (`بورل اعلام کرد آماده است میزبان …
/// باشد`).
pub(crate) fn mediations<'a>(
    doc: &Doc<'a>,
    seg: &Range<usize>,
    words: &[Word],
    scope: &Scope,
    last_person: Option<Arg<'a>>,
    speaker: Option<Arg<'a>>,
) -> Vec<Mediation<'a>> {
    let f = doc.f;
    let mut out = Vec::new();
    for w in words.iter().filter(|w| w.start >= seg.start && w.end <= seg.end) {
        let negated = words
            .iter()
            .any(|n| n.kind == Kind::Negation && n.end <= w.start && words_between(f, n.end, w.start) <= NEGATION_REACH);
        if negated || scope.in_island(w.start) {
            continue;
        }
        let mediators = match w.kind {
            Kind::MediateAfter(_) => mediators_after(doc, seg, w, words, scope, last_person),
            Kind::Organize => {
                let meets = words
                    .iter()
                    .any(|m| matches!(m.kind, Kind::Meet(..)) && m.start >= w.end && words_between(f, w.end, m.start) <= ORGANIZE_REACH);
                if !meets {
                    continue;
                }
                named_near(doc, seg, w, scope, false).into_iter().collect()
            }
            // In a report of readiness, the one who reports it (`بورل
            // اعلام کرد آماده است میزبان … باشد`); not the spokesman who
            // tells of the mediators' work (`قال … إن فريقي الوساطة عقدا`).
            Kind::MediateBefore | Kind::Host => {
                let offered = words
                    .iter()
                    .any(|o| o.kind == Kind::Offer && o.start >= seg.start && o.end <= w.start);
                let found: Vec<Arg<'a>> = named_near(doc, seg, w, scope, w.kind == Kind::Host)
                    .or(speaker.filter(|_| offered))
                    .into_iter()
                    .collect();
                // Co-hosts: the names joined to it before (`امارات و قزاقستان
                // مشترکاً میزبان …`).
                with_coordinated_before(doc, seg, found)
            }
            _ => continue,
        };
        if mediators.is_empty() {
            continue;
        }
        // A host whose guests are named after it takes part (`X میزبان A
        // و B بود`); one who hosts talks or a meeting between others
        // (`میزبان دیدار وزیران …`, `استضاف … محادثات بين …`) mediates.
        let between_after = words
            .iter()
            .any(|b| b.kind == Kind::Between && b.start >= w.end && b.end <= seg.end);
        let event_after = words
            .iter()
            .any(|m| matches!(m.kind, Kind::Meet(..)) && m.start >= w.end && words_between(f, w.end, m.start) <= 1);
        let takes_part = w.kind == Kind::Host && mediators[0].person && !between_after && !event_after;
        out.push(Mediation {
            word: *w,
            mediators,
            takes_part,
        });
    }
    out
}

/// A mediator and the names coordinated right before it.
fn with_coordinated_before<'a>(doc: &Doc<'a>, seg: &Range<usize>, found: Vec<Arg<'a>>) -> Vec<Arg<'a>> {
    let Some(first) = found.first().copied() else {
        return found;
    };
    let mut out = vec![first];
    let mut i = first.index;
    while i > 0 && doc.spans[i - 1].start >= seg.start {
        let joined = super::segment::coordinated(doc.f, doc.spans[i - 1].end, doc.spans[i].start, 1, doc.titles);
        match doc.args[i - 1].filter(|a| joined && a.person == first.person) {
            Some(a) => out.insert(0, a),
            None => break,
        }
        i -= 1;
    }
    out
}

/// The mediators named after a mediation phrase (`با میانجیگری X`, up to
/// the next mediation phrase): its people if it names any, else its states
/// and organisations; for a possessive form (`بوساطته`) the person before
/// it; else a pronoun after it (`وی`) or the name right before it
/// (`ترحيب الإمارات باستضافة القمة`).
fn mediators_after<'a>(
    doc: &Doc<'a>,
    seg: &Range<usize>,
    w: &Word,
    words: &[Word],
    scope: &Scope,
    last_person: Option<Arg<'a>>,
) -> Vec<Arg<'a>> {
    let f = doc.f;
    // Up to the next mediation phrase (`با میانجیگری X و تحت حمایت Y`).
    let until = words
        .iter()
        .find(|n| n.start >= w.end && n.start < seg.end && matches!(n.kind, Kind::MediateAfter(_) | Kind::MediateBefore | Kind::Attendance))
        .map_or(seg.end, |n| n.start);
    let list = doc.list_after(w.end, until, MEDIATOR_LEAD, 3, true, &|i| scope.is_excluded(i));
    let people: Vec<Arg<'a>> = list.iter().copied().filter(|a| a.person).collect();
    // `بوساطته`, `برعايتها`: the person before it, even one who
    // announces the talks.
    let form = &f[w.start..w.end];
    let possessive = form.ends_with("ته") || form.ends_with("تها");
    let before = || doc.entities_in(&(0..w.start)).rev().filter_map(|i| doc.args[i]).find(|a| a.person);
    match (people.is_empty(), list.is_empty()) {
        _ if possessive => before().into_iter().collect(),
        (false, _) => people,
        (true, false) => list,
        // `ترحيب الإمارات باستضافة القمة`: the one right before.
        (true, true) => {
            let mut found = pronoun_after(doc, w, words, last_person);
            if found.is_empty() {
                found.extend(
                    doc.entities_in(&(seg.start..w.start))
                        .last()
                        .filter(|&i| !scope.is_excluded(i) && words_between(f, doc.spans[i].end, w.start) == 0)
                        .and_then(|i| doc.args[i]),
                );
            }
            found
        }
    }
}

/// The person a pronoun right after the word stands for (`به میزبانی وی`).
fn pronoun_after<'a>(doc: &Doc<'a>, w: &Word, words: &[Word], last_person: Option<Arg<'a>>) -> Vec<Arg<'a>> {
    let pronoun = words
        .iter()
        .any(|p| p.kind == Kind::Pronoun && p.start >= w.end && words_between(doc.f, w.end, p.start) == 0);
    if pronoun {
        last_person.into_iter().collect()
    } else {
        Vec::new()
    }
}

/// The one named with a host or mediation word that stands after its
/// mediator: the name right before it (for a host, the clause's person
/// subject when that is no venue), else the name right after it when the
/// verb comes first (`تستضيف الدوحة لقاء …`).
fn named_near<'a>(doc: &Doc<'a>, seg: &Range<usize>, w: &Word, scope: &Scope, host: bool) -> Option<Arg<'a>> {
    let f = doc.f;
    // Not a venue: a place, or any name right after `در`/`في` (`در کاخ سفید`).
    let ok = |i: &usize| !scope.is_excluded(*i) && !doc.after_word(*i, 0, |k| k == Kind::PlacePrep);
    let before: Vec<usize> = doc
        .entities_in(&(seg.start..w.start))
        .filter(|&i| doc.spans[i].end <= w.start)
        .filter(ok)
        .collect();
    // A city that hosts stands for its state (`استضافت إسطنبول …`).
    // In Persian a city before `میزبان` is where the host received them
    // (`در شهر ساحلی سوچی میزبان … بود`).
    let arabic = doc.arabic(seg);
    let host_arg = |i: usize| doc.args[i].or_else(|| if host && arabic { doc.city_as_state(i) } else { None });
    let adjacent = before
        .last()
        .filter(|&&i| words_between(f, doc.spans[i].end, w.start) <= 2 && !scope.places.contains(&i))
        .and_then(|&i| host_arg(i));
    let subject = || {
        if host {
            before.iter().filter_map(|&i| doc.args[i]).find(|a| a.person)
        } else {
            None
        }
    };
    let any_before = || before.iter().rev().filter(|i| !scope.places.contains(i)).find_map(|&i| doc.args[i]);
    // Names after `بين` are the parties (`جهود الوساطة بين A وB`).
    let parties_follow = doc
        .words_in(&(w.end..seg.end))
        .iter()
        .any(|b| b.kind == Kind::Between && words_between(f, w.end, b.start) == 0);
    let after = || {
        if parties_follow {
            return None;
        }
        doc.entities_in(&(w.end..seg.end))
            .filter(ok)
            .filter(|i| !scope.places.contains(i))
            .find_map(host_arg)
            .filter(|a| words_between(f, w.end, doc.spans[a.index].start) <= AFTER_REACH)
    };
    // An Arabic host verb comes before its subject (`احتضنتها الدوحة`); a
    // Persian host stands before its word, and the names after it are its
    // guests.
    match (host, arabic) {
        (true, true) => adjacent.or_else(after).or_else(subject).or_else(any_before),
        (true, false) => adjacent.or_else(subject).or_else(any_before),
        _ => adjacent.or_else(subject).or_else(any_before).or_else(after),
    }
}
