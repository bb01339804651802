//! Status and modality passes. Each event takes them from its own words:
//! a planned or past word counts for the event whose trigger is nearest to
//! it in the segment, so a reported future meeting does not make the call
//! it was reported in planned, nor the other way round.

use super::doc::Doc;
use super::lexicon::{Kind, Word};
use super::scope::{Scope, COMPLEMENT_REACH};
use super::segment::words_between;
use super::types::{EventKind, Modality, Status};
use std::ops::Range;

/// How many words a negative word (`رفض`, `شرکت نکرد`) or a call for talks
/// (`خواست`) may stand from the event it denies.
const DENIAL_REACH: usize = 16;

/// How many words from an event word a verb form of the planned kind
/// (`دیدار می‌کند`, `تا … دیدار کند`) or a past marker after the event
/// counts.
const NEAR: usize = 2;

/// What a group's own words say of its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub status: Status,
    /// Only offered or conditional (`آماده است میزبان … باشد`, `متى`): its
    /// sides do not meet.
    pub offered: bool,
}

/// The status of each group of triggers in a segment (`groups[k]` holds a
/// group's triggers): a group is planned when the planned or past word
/// nearest to it says so; `None` when no word speaks of it. Words before
/// the group count; words after it only within [`NEAR`] words (`دیدار
/// خواهند کرد`), and verb forms only there.
pub(crate) fn statuses(doc: &Doc<'_>, seg: &Range<usize>, words: &[Word], scope: &Scope, groups: &[Vec<Word>]) -> Vec<Option<Cue>> {
    let f = doc.f;
    // `في مايو المقبل`, `يوم الاثنين المقبل`: a date made future.
    let after_date = |w: &Word| {
        doc.entities_in(&(w.start.saturating_sub(64)..w.start))
            .any(|i| doc.entities[i].entity_type == crate::output::EntityType::Date && words_between(f, doc.spans[i].end, w.start) == 0)
    };
    // How many words lie between a cue and a group (0 inside it).
    let distance_to = |w: &Word, g: &[Word]| {
        let first = g.iter().map(|t| t.start).min().unwrap_or(seg.start);
        let last = g.iter().map(|t| t.end).max().unwrap_or(seg.start);
        if w.start < last && w.end > first {
            0
        } else if w.end <= first {
            words_between(f, w.end, first)
        } else {
            words_between(f, last, w.start)
        }
    };
    groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            let first = g.iter().map(|w| w.start).min().unwrap_or(seg.start);
            let last = g.iter().map(|w| w.end).max().unwrap_or(seg.start);
            let in_island = |w: &Word| scope.in_island(w.start) && !g.iter().any(|t| scope.in_island(t.start));
            // What a report after the event says (`… در نشست خبری مشترک تأکید
            // کرد این مسیر … اداره خواهد شد`) is not about the event.
            let reporting = |r: &Word| match r.kind {
                Kind::Report(true) => true,
                // `أن`/`که` after a reporting verb, not a relative `که`.
                Kind::Complementizer => words
                    .iter()
                    .any(|v| matches!(v.kind, Kind::Report(_)) && v.end <= r.start && words_between(f, v.end, r.start) <= COMPLEMENT_REACH),
                _ => false,
            };
            let report = words
                .iter()
                .filter(|r| r.start >= last && r.end <= seg.end && reporting(r))
                .map(|r| r.end)
                .min()
                .unwrap_or(seg.end);
            let cue = words
                .iter()
                .filter(|w| {
                    matches!(w.kind, Kind::Planned(_) | Kind::Past | Kind::Offer | Kind::Purpose)
                        && w.start >= seg.start
                        && w.end <= report
                        && !in_island(w)
                })
                .filter_map(|w| {
                    // A cue before `خلال`/`بعد` speaks of another event
                    // (`دعوة … لزيارة الدوحة خلال اتصال هاتفي`).
                    let barrier = w.end <= first
                        && words
                            .iter()
                            .any(|b| matches!(b.kind, Kind::Demonstrative | Kind::Sequence) && b.start >= w.end && b.end <= first);
                    if barrier {
                        return None;
                    }
                    let distance = distance_to(w, g);
                    let occasion = words
                        .iter()
                        .any(|d| super::segment::during(f, d) && d.end <= first && matches!(f[d.end..first].trim(), "" | "ال"));
                    // A cue between this event and a later one goes to the
                    // nearer, the later on a tie (`مكالمة هاتفية واتفقا على
                    // عقد قمة`: the summit's; `اجتماع قريب … وعقد مفاوضات`:
                    // the meeting's); always the later after the occasion
                    // of an agreement (`اتفقا خلال اللقاء على أن …`).
                    let ahead = groups.iter().enumerate().any(|(j, h)| {
                        let h_first = h.iter().map(|t| t.start).min().unwrap_or(seg.end);
                        let h_last = h.iter().map(|t| t.end).max().unwrap_or(seg.end);
                        j != k && w.start >= last && h_first >= last && w.end <= h_last && (distance_to(w, h) <= distance || occasion)
                    });
                    if ahead {
                        return None;
                    }
                    // With one event in the segment, its words are all
                    // about it (`دیدار … ماه آینده … برگزار خواهد شد`).
                    // An offer comes before what is offered; a purpose word right
                    // before it.
                    // (`برای سفری رسمی به باکو رفته است`: a trip under way).
                    let visit = g.iter().any(|t| {
                        matches!(t.kind, Kind::Meet(_, _, EventKind::Visit)) && t.start >= w.end && words_between(f, w.end, t.start) == 0
                    });
                    let purpose_off = w.kind == Kind::Purpose && (w.start >= last || words_between(f, w.end, first) > 0 || visit);
                    if (w.kind == Kind::Offer && w.start >= last) || purpose_off {
                        return None;
                    }
                    let after = w.start >= last && groups.len() > 1;
                    let near = (matches!(w.kind, Kind::Planned(true)) && !after_date(w)) || after;
                    let (a, b) = if w.end <= first {
                        (w.end, first)
                    } else {
                        (last, w.start.max(last))
                    };
                    let ok = !near || distance <= NEAR && !super::segment::has_comma(f, a, b);
                    ok.then_some((distance, w.kind))
                })
                .min_by_key(|&(d, _)| d);
            let ongoing = words
                .iter()
                .any(|w| w.kind == Kind::Ongoing && w.start >= seg.start && w.end <= report && !in_island(w));
            if ongoing {
                return Some(Cue {
                    status: Status::Occurred,
                    offered: false,
                });
            }
            cue.map(|(_, k)| Cue {
                status: if k == Kind::Past { Status::Occurred } else { Status::Planned },
                offered: k == Kind::Offer,
            })
        })
        .collect()
}

/// Whether a segment only judges talks important or necessary (`گفتگوها
/// … مهم است`, `أهمية الحوار`): talks with no phone or in-person word and
/// no venue are then no event.
pub(crate) fn judged(seg: &Range<usize>, words: &[Word], group: &[Word], place: bool) -> bool {
    let evaluative = words
        .iter()
        .any(|w| w.kind == Kind::Evaluative && w.start >= seg.start && w.end <= seg.end);
    let concrete = group
        .iter()
        .any(|w| matches!(w.kind, Kind::Meet(Modality::Phone | Modality::InPerson, ..) | Kind::Host));
    evaluative && !concrete && !place
}

/// Whether a group of triggers is denied: a negative word before it
/// (`رفض … المشاركة في اجتماع`) or after it (`در نشست شرکت نکرد`), or a
/// call for talks before it, with no other event word between.
pub(crate) fn denied(doc: &Doc<'_>, clause_words: &[Word], group: &[Word]) -> bool {
    let f = doc.f;
    let events: Vec<&Word> = clause_words.iter().filter(|w| matches!(w.kind, Kind::Meet(..))).collect();
    group.iter().any(|t| {
        let prev_event = events.iter().rev().find(|e| e.end <= t.start).map(|e| e.end);
        let next_event = events.iter().find(|e| e.start >= t.end).map(|e| e.start);
        clause_words.iter().any(|w| match w.kind {
            Kind::Negative(true) | Kind::Call => {
                w.end <= t.start && prev_event.is_none_or(|p| p <= w.start) && words_between(f, w.end, t.start) <= DENIAL_REACH
            }
            Kind::Negative(false) => {
                w.start >= t.end && next_event.is_none_or(|n| n >= w.end) && words_between(f, t.end, w.start) <= DENIAL_REACH
            }
            _ => false,
        })
    })
}

/// The modality, CAMEO code and kind a group of triggers reports: phone
/// before in person before unspecified; talks at a named venue or hosted
/// were held in person.
pub(crate) fn modality(group: &[Word], place: bool, hosted: bool) -> (Modality, &'static str, EventKind) {
    let meets = || {
        group.iter().filter_map(|w| match w.kind {
            Kind::Meet(m, c, k) => Some((m, c, k)),
            _ => None,
        })
    };
    for m in [Modality::Phone, Modality::InPerson] {
        if let Some((_, cameo, _)) = meets().find(|&(x, _, _)| x == m) {
            // The most specific kind among the group's words of that modality.
            let kind = meets()
                .filter(|&(x, _, _)| x == m)
                .map(|(_, _, k)| k)
                .min_by_key(|k| kind_rank(*k))
                .unwrap_or(EventKind::Meeting);
            return (m, cameo, kind);
        }
    }
    let kind = meets().map(|(_, _, k)| k).min_by_key(|k| kind_rank(*k));
    match kind {
        None => (Modality::InPerson, "043", EventKind::Meeting),
        Some(k) if place || hosted => (Modality::InPerson, "046", k),
        Some(k) => (Modality::Unspecified, "046", k),
    }
}

/// Which kind names a group when its words differ: the most specific.
fn kind_rank(k: EventKind) -> u8 {
    match k {
        EventKind::Call => 0,
        EventKind::Summit => 1,
        EventKind::Signing => 2,
        EventKind::PressConference => 3,
        EventKind::Visit => 4,
        EventKind::Meeting => 5,
        EventKind::Negotiation => 6,
        EventKind::Talks => 7,
        EventKind::Mediation => 8,
    }
}
