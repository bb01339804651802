//! Merging: mentions of one event across a document become one frame, so
//! that they share its participants, status and modality (`اجتمع رئيسا A
//! وB في طشقند. وتناولت المحادثات بين X وY …`: one meeting, in person).

use super::frames::Frame;
use super::types::{EventKind, Modality};

/// How many sentences back a later mention may refer to an event.
const MERGE_REACH: usize = 3;

/// The ids of a frame's sides: its people when it names two, else its
/// states.
fn sides<'a>(f: &Frame<'a>) -> Vec<&'a str> {
    let people: Vec<&str> = f.participants.iter().filter(|a| a.person).map(|a| a.id).collect();
    let mut ids = if people.len() >= 2 {
        people
    } else {
        f.participants.iter().filter(|a| !a.person).map(|a| a.id).collect()
    };
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The states of a frame's people.
fn affiliations<'a>(f: &Frame<'a>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = f.participants.iter().filter(|a| a.person).filter_map(|a| a.affiliation).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether the sides of two mentions are the same: the same ids, or the
/// states of one's people are the other's sides.
fn correspond(a: &Frame<'_>, b: &Frame<'_>) -> bool {
    let (sa, sb) = (sides(a), sides(b));
    let within = |x: &[&str], y: &[&str]| x.len() >= 2 && x.iter().all(|i| y.contains(i));
    sa.len() >= 2 && sb.len() >= 2 && (sa == sb || within(&sa, &affiliations(b)) || within(&sb, &affiliations(a)))
}

/// Whether `b`, a later mention, reports the event of `a`.
fn same_event(a: &Frame<'_>, b: &Frame<'_>) -> bool {
    // `تلقى [role] اتصالا من X. وأكد Y خلال الاتصال`: one side each.
    let one_each = b.anaphoric
        && a.participants.len() == 1
        && b.participants.len() == 1
        && a.participants[0].person
        && b.participants[0].person
        && a.participants[0].id != b.participants[0].id;
    if one_each {
        return true;
    }
    if a.participants.len() < 2 {
        return false;
    }
    let sb = sides(b);
    if b.distinct && !b.anaphoric {
        return false;
    }
    if b.anaphoric {
        // `خلال الاتصال`, `در این نشست`: the last event, when the mention
        // names one side or none, or the same sides.
        return sb.len() < 2 || correspond(a, b);
    }
    // `اجلاسی که ۱۵ مارس آغاز خواهد شد`: a mention of the same kind of
    // event right after, naming no one.
    if b.participants.is_empty() && b.relative && a.kind == b.kind && b.sentence_no <= a.sentence_no + 1 {
        return true;
    }
    let modality_fits = a.modality == b.modality || a.modality == Modality::Unspecified || b.modality == Modality::Unspecified;
    a.status == b.status && modality_fits && !a.separately && !b.separately && correspond(a, b)
}

/// Merges each frame into the latest earlier frame (within
/// [`MERGE_REACH`] sentences) that reports the same event.
pub(crate) fn merge(frames: &mut [Frame<'_>]) {
    for j in 1..frames.len() {
        if frames[j].kind == EventKind::Mediation {
            continue;
        }
        let candidates = || {
            (0..j).rev().filter(|&i| {
                let a = &frames[i];
                !a.merged
                    && a.kind != EventKind::Mediation
                    && frames[j].sentence_no.saturating_sub(a.sentence_no) <= MERGE_REACH
                    && same_event(a, &frames[j])
            })
        };
        // A mention naming one side (`وأعلن شولتس بعد الاجتماع`) refers to
        // the last event that side was in.
        let lone = (frames[j].participants.len() == 1).then(|| frames[j].participants[0].id);
        let target = lone
            .and_then(|id| candidates().find(|&i| frames[i].participants.iter().chain(&frames[i].hosts).any(|a| a.id == id)))
            .or_else(|| candidates().next());
        let Some(i) = target else { continue };
        let (head, tail) = frames.split_at_mut(j);
        absorb(&mut head[i], &mut tail[0]);
    }
}

fn absorb<'a>(a: &mut Frame<'a>, b: &mut Frame<'a>) {
    for p in &b.participants {
        if !a.participants.iter().any(|x| x.id == p.id) {
            a.participants.push(*p);
        }
    }
    // States become sides only when the event has no two people as sides.
    if a.participants.iter().filter(|p| p.person).count() < 2 {
        a.state_level |= b.state_level;
    }
    // The status of an event comes from its own words, in any mention.
    if !a.status_cued && b.status_cued {
        a.status = b.status;
        a.status_cued = true;
    }
    if a.modality == Modality::Unspecified && b.modality != Modality::Unspecified {
        (a.modality, a.cameo, a.kind) = (b.modality, b.cameo, b.kind);
    }
    a.hosts.extend(b.hosts.iter().copied());
    a.mediations.append(&mut b.mediations);
    a.announcers.extend(b.announcers.iter().copied());
    a.place = a.place.or(b.place);
    a.date = a.date.or(b.date);
    a.evidence.append(&mut b.evidence);
    b.merged = true;
}
