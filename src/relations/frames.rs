//! Event frames: one per event mention, built sentence by sentence and
//! clause by clause by the passes of the sibling modules (scope, roles,
//! participants, status), in this order:
//!
//! 1. **Scope**: venues, announcers, topics, sidelines; segments split where
//!    a reporting verb's report begins.
//! 2. **Roles**: mediators and hosts of each segment.
//! 3. **Groups**: which trigger words report one event; the ones with a
//!    list of their own (`المحادثات بين A وB`) are events of their own.
//! 4. **Participants**: the group's own list, else the segment's names,
//!    else the sentence's subject, a phrase for the two sides, the last
//!    event's sides.
//! 5. **Status and modality**: from each event's own words; the mention's
//!    place and whether it refers back (`mention`).
//! 6. **Attachments**: offers, sideline venues, the mediators named back,
//!    the mediations and hosts nearest to the mention.
//!
//! Events named in what was discussed (`درباره دیدار اخیر خود با X`) are
//! frames of their own, from their island's names. The builder remembers
//! what later phrases refer back to: the last event's sides, its people and
//! states, the last mediation, the last subject, everyone who announced.

use super::doc::{Arg, Doc};
use super::lexicon::{Kind, Word};
use super::mention;
use super::participants::{self as part, Group};
use super::roles::{self, Mediation};
use super::scope::{self, Scope, Segment};
use super::segment::words_between;
use super::status;
use super::types::{EventKind, Modality, Status};
use crate::output::EntityType;
use std::ops::Range;

/// One event mention, then (after merging) one event.
#[derive(Debug, Clone)]
pub(crate) struct Frame<'a> {
    pub kind: EventKind,
    pub modality: Modality,
    pub cameo: &'static str,
    pub status: Status,
    /// The status came from the event's own words, not the default.
    pub status_cued: bool,
    /// Only offered or conditional: mediation at most, no meeting.
    pub offered: bool,
    /// A mention followed by a relative clause (`اجلاسی که …`).
    pub relative: bool,
    /// Another event than the ones around it (`بعد أشهر من المفاوضات`,
    /// `کرده بودند`): never merged.
    pub distinct: bool,
    pub participants: Vec<Arg<'a>>,
    pub hosts: Vec<Arg<'a>>,
    pub mediations: Vec<Mediated<'a>>,
    pub announcers: Vec<Arg<'a>>,
    /// The sides were named as states (not only as the states of people).
    pub state_level: bool,
    /// The subject met each of the others apart (`جداگانه`, `كل على حدة`).
    pub separately: bool,
    /// A mention of an event already told (`در این نشست`, `خلال الاتصال`).
    pub anaphoric: bool,
    /// Entity indices.
    pub place: Option<usize>,
    pub date: Option<usize>,
    /// Every mention: (trigger, sentence), folded trigger and original
    /// sentence offsets.
    pub evidence: Vec<(Range<usize>, Range<usize>)>,
    pub sentence_no: usize,
    /// Merged into an earlier frame.
    pub merged: bool,
}

/// A mediation of an event.
#[derive(Debug, Clone)]
pub(crate) struct Mediated<'a> {
    pub mediation: Mediation<'a>,
    pub status: Status,
    /// The sides it mediated between: the event's sides when it was found.
    pub sides: Vec<Arg<'a>>,
    /// The sentence it was found in (original offsets).
    pub sentence: Range<usize>,
}

/// Builds the frames of a document.
pub(crate) struct Builder<'d, 'a> {
    doc: &'d Doc<'a>,
    pub frames: Vec<Frame<'a>>,
    last_participants: Vec<Arg<'a>>,
    last_person: Option<Arg<'a>>,
    /// The first person of the last sentence that named one, for `وی`, `او`.
    last_subject: Option<Arg<'a>>,
    /// Everyone seen announcing or reporting so far (entity indices).
    announced: Vec<usize>,
    /// The mediators and sides of the last mediation, for `الوسطاء`.
    last_mediation: Option<(Vec<Arg<'a>>, Vec<Arg<'a>>)>,
    /// The people and the states of the last events with two of them.
    last_people: Vec<Arg<'a>>,
    last_states: Vec<Arg<'a>>,
}

/// What a clause's segments share.
#[derive(Clone)]
struct Clause<'a> {
    range: Range<usize>,
    sentence: Range<usize>,
    sentence_no: usize,
    words: Vec<Word>,
    scope: Scope,
    subject: Option<Arg<'a>>,
    later: bool,
}

impl<'d, 'a> Builder<'d, 'a> {
    pub(crate) fn new(doc: &'d Doc<'a>) -> Builder<'d, 'a> {
        Builder {
            doc,
            frames: Vec::new(),
            last_participants: Vec::new(),
            last_person: None,
            last_subject: None,
            announced: Vec::new(),
            last_mediation: None,
            last_people: Vec::new(),
            last_states: Vec::new(),
        }
    }

    /// Reads one sentence (original offsets): its clauses, then the frames
    /// of each.
    pub(crate) fn sentence(&mut self, sentence_no: usize, original: Range<usize>) {
        let doc = self.doc;
        let s = doc.folded(&original);
        let words = doc.words_in(&s);
        if words.iter().any(|w| w.kind.is_event()) {
            let mut subject = None;
            for (k, c) in clauses(&s, words).into_iter().enumerate() {
                let clause_words: Vec<Word> = doc.words_in(&c).iter().copied().filter(|w| w.end <= c.end).collect();
                let mut scope = Scope::default();
                scope::places(doc, &c, &clause_words, &mut scope);
                scope::attributions(doc, &c, &clause_words, &mut scope);
                scope::topics(doc, &c, &clause_words, &mut scope);
                scope::sidelines(doc, &c, &clause_words, &mut scope);
                // A venue event is the event when the clause has no other
                // (`في ختام مفاوضات بين وفديهما`).
                let own_events = clause_words
                    .iter()
                    .filter(|w| matches!(w.kind, Kind::Meet(..)) && !scope.venues.contains(&w.start))
                    .count();
                if own_events == 0 {
                    scope.venues.clear();
                }
                if k == 0 {
                    subject = doc.args_in(&c, false).find(|a| {
                        !scope.is_excluded(a.index) && !scope.places.contains(&a.index) && !scope.in_island(doc.spans[a.index].start)
                    });
                }
                self.announced.extend(scope.announcers.iter().copied());
                let clause = Clause {
                    range: c,
                    sentence: original.clone(),
                    sentence_no,
                    words: clause_words,
                    scope,
                    subject,
                    later: k > 0,
                };
                self.clause(&clause);
            }
        }
        if let Some(p) = doc.args_in(&s, false).filter(|a| a.person).last() {
            self.last_person = Some(p);
        }
        if let Some(p) = doc.args_in(&s, false).find(|a| a.person) {
            self.last_subject = Some(p);
        }
    }

    fn clause(&mut self, c: &Clause<'a>) {
        let doc = self.doc;
        for seg in scope::segments(doc, &c.range, &c.words) {
            let meets: Vec<Word> = c
                .words
                .iter()
                .filter(|w| {
                    matches!(w.kind, Kind::Meet(..))
                        && w.start >= seg.range.start
                        && w.end <= seg.range.end
                        && !c.scope.in_island(w.start)
                        && !c.scope.venues.contains(&w.start)
                })
                .copied()
                .collect();
            let speaker = seg
                .reported_by
                .as_ref()
                .and_then(|r| doc.args_in(r, true).find(|a| !c.scope.is_excluded(a.index)));
            let mediations = roles::mediations(doc, &seg.range, &c.words, &c.scope, self.last_person, speaker);
            if meets.is_empty() && mediations.is_empty() {
                continue;
            }
            let groups = part::groups(doc, &seg.range, &meets, &c.words, &c.scope);
            self.segment(c, &seg, groups, mediations, false);
        }
        // Events named in what was discussed (`درباره دیدار اخیر خود با X`,
        // `نتائج المحادثات بين A وB`): from the island's own names.
        for island in c.scope.islands.clone() {
            let scope = Scope {
                islands: Vec::new(),
                ..c.scope.clone()
            };
            let meets: Vec<Word> = c
                .words
                .iter()
                .filter(|w| matches!(w.kind, Kind::Meet(..)) && island.contains(&w.start) && !c.scope.venues.contains(&w.start))
                .copied()
                .collect();
            if meets.is_empty() {
                continue;
            }
            let mediations = roles::mediations(doc, &island, &c.words, &scope, self.last_person, None);
            let groups = part::groups(doc, &island, &meets, &c.words, &scope);
            let seg = Segment {
                range: island,
                reported_by: None,
            };
            let nested = Clause { scope, ..c.clone() };
            self.segment(&nested, &seg, groups, mediations, true);
        }
    }

    /// The frames of one segment; `nested` for an island, whose events need
    /// two sides of their own.
    fn segment(&mut self, c: &Clause<'a>, seg: &Segment, mut groups: Vec<Group<'a>>, mediations: Vec<Mediation<'a>>, nested: bool) {
        let doc = self.doc;
        // A host with no meeting word (`X میزبان A و B بود`) is the event's word.
        if groups.is_empty() {
            if let Some(h) = mediations.iter().find(|m| m.takes_part) {
                groups.push(Group {
                    words: vec![h.word],
                    own: None,
                });
            }
        }
        // A mediation word with a list of its own after the meeting words
        // (`وأكد X خلال الاتصال استعداد بلاده للوساطة بين A وB`) is an
        // event of its own, whether or not its mediator is named: its
        // parties are no one else's.
        let after_groups = |w: &Word| !groups.is_empty() && groups.iter().all(|g| g.words.iter().all(|t| t.end <= w.start));
        let own_lists: Vec<(usize, Vec<Arg<'a>>)> = c
            .words
            .iter()
            .filter(|w| w.kind == Kind::MediateBefore && seg.range.contains(&w.start) && !c.scope.in_island(w.start) && after_groups(w))
            .map(|w| (w.start, self.mediation_list(c, seg, w, &c.scope)))
            .filter(|(_, list)| list.len() >= 2)
            .collect();
        let (listed, mediations): (Vec<Mediation<'a>>, Vec<Mediation<'a>>) = mediations
            .into_iter()
            .partition(|m| !m.takes_part && own_lists.iter().any(|(start, _)| *start == m.word.start));
        let mut taken: Vec<usize> = groups.iter().flat_map(|g| g.own.iter().flatten().map(|a| a.index)).collect();
        taken.extend(own_lists.iter().flat_map(|(_, list)| list.iter().map(|a| a.index)));
        let mut excluded = c.scope.excluded.clone();
        excluded.extend(mediations.iter().flat_map(|m| m.mediators.iter().map(|a| a.index)));
        let scope = Scope {
            excluded,
            announcers: c.scope.announcers.clone(),
            places: c.scope.places.clone(),
            islands: c.scope.islands.clone(),
            venues: c.scope.venues.clone(),
        };
        let (people, states) = part::segment_args(doc, &seg.range, &scope, &taken);
        if !nested && people.len() + states.len() < 2 {
            fold_sideless(&c.words, &mut groups);
        }
        let word_groups: Vec<Vec<Word>> = groups.iter().map(|g| g.words.clone()).collect();
        let stretches: Vec<Range<usize>> = groups.iter().map(|g| mention::stretch(doc, g)).collect();
        let back = c
            .words
            .iter()
            .find(|w| w.kind == Kind::MediatorsBack && seg.range.contains(&w.start));
        let statuses = status::statuses(doc, &seg.range, &c.words, &scope, &word_groups);
        for (k, g) in groups.iter().enumerate() {
            if status::denied(doc, &c.words, &g.words) || welcomed_idea(doc, &c.words, g, &people) {
                continue;
            }
            // Groups with no list of their own take the segment's names; with
            // several, each name goes to its own (see `unlisted_share`).
            let mut participants = match &g.own {
                Some(list) => list.clone(),
                None => people
                    .iter()
                    .chain(&states)
                    .copied()
                    .filter(|a| unlisted_share(doc, &seg.range, &groups, k, a))
                    .collect(),
            };
            if nested {
                if !self.nested_sides(c, seg, g, &mut participants) {
                    continue;
                }
            } else {
                self.complete_sides(c, seg, g, &mut participants, &scope, &mediations, back);
            }
            let others: Vec<Range<usize>> = stretches
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, r)| r.clone())
                .collect();
            let mut frame = self.frame(c, (&seg.range, &others), &scope, g, participants, statuses[k]);
            if status::judged(&seg.range, &c.words, &g.words, frame.place.is_some()) {
                continue;
            }
            self.attach(c, seg, &mut frame, &mediations, back, |m| nearest(&groups, &m.word) == k);
            self.push(frame);
        }
        if !listed.is_empty() {
            self.mediation_only(c, seg, &listed, &scope);
        }
        if groups.is_empty() {
            self.mediation_only(c, seg, &mediations, &scope);
        }
    }

    /// An event named in what was discussed needs two sides of its own;
    /// the subject counts for its own event (`دیدار اخیر خود با X`,
    /// `لقائه`), the clause's sides for a dual possessive (`التحضيرات
    /// لقمتهما`). Whether it has them.
    fn nested_sides(&self, c: &Clause<'a>, seg: &Segment, g: &Group<'a>, participants: &mut Vec<Arg<'a>>) -> bool {
        let doc = self.doc;
        let reflexive = c.words.iter().any(|w| w.kind == Kind::Reflexive && seg.range.contains(&w.start));
        if participants.len() == 1 && (reflexive || part::possessive(doc, &g.words)) {
            if let Some(s) = c.subject.filter(|s| s.id != participants[0].id) {
                participants.insert(0, s);
            }
        }
        if participants.is_empty() && part::dual_possessive(doc, &g.words) {
            *participants = sides(&self.last_participants);
        }
        participants.len() >= 2
    }

    /// The sides of an event mention the segment names too few of: the
    /// last mediation's sides for its mediators named back (`الراعيان
    /// يعتزمان دعوة الجانبين`), the usual completions (`complete`), the
    /// last event's sides for its next round (`دور بعدی`, `الجولة
    /// المقبلة`), the two people named before for mediators of a meeting
    /// whose sides were named earlier (`اتفق A وB … خلال اجتماع … بوساطة X`).
    #[allow(clippy::too_many_arguments)]
    fn complete_sides(
        &self,
        c: &Clause<'a>,
        seg: &Segment,
        g: &Group<'a>,
        participants: &mut Vec<Arg<'a>>,
        scope: &Scope,
        mediations: &[Mediation<'a>],
        back: Option<&Word>,
    ) {
        let doc = self.doc;
        if let (Some(_), Some((_, sides))) = (back, &self.last_mediation) {
            if participants.len() < 2 {
                *participants = sides.clone();
            }
        }
        let mediated = mediations.iter().any(|m| !m.takes_part);
        self.complete(c, seg, g, participants, scope, mediated);
        let near_planned = c
            .words
            .iter()
            .any(|w| w.kind == Kind::Planned(true) && g.words.iter().any(|t| mention::apart(doc, w, t) <= 1));
        let next = near_planned
            || g.words
                .iter()
                .any(|t| doc.f[t.start..t.end].ends_with("المقبله") || doc.f[t.start..t.end].ends_with("القادمه"));
        if participants.is_empty() && next {
            *participants = sides(&self.last_participants);
        }
        let mediators: Vec<&str> = mediations.iter().flat_map(|m| m.mediators.iter().map(|a| a.id)).collect();
        // Sides given after `بین` without a name (`لقاء بين مسؤولين
        // أمريكيين وأوكرانيين`) are the event's own, unnamed.
        let unnamed = c.words.iter().any(|b| {
            b.kind == Kind::Between
                && g.words
                    .iter()
                    .any(|t| t.end <= b.start && words_between(doc.f, t.end, b.start) <= 1)
        });
        if participants.is_empty() && !mediators.is_empty() && g.own.is_none() && !unnamed {
            let before = part::recent(doc, seg.range.start, true, &self.announced);
            if before.len() == 2 && before.iter().all(|a| !mediators.contains(&a.id)) {
                participants.extend(before.into_iter().rev());
            }
        }
    }

    /// What the segment says about an event beyond its words: an offer
    /// only to host or mediate, a sideline venue (in person), the mediators
    /// named back, and the mediations and hosts nearest to it (`mine`).
    fn attach(
        &self,
        c: &Clause<'a>,
        seg: &Segment,
        frame: &mut Frame<'a>,
        mediations: &[Mediation<'a>],
        back: Option<&Word>,
        mine: impl Fn(&Mediation<'a>) -> bool,
    ) {
        // Only an offer to host or mediate leaves the sides unmet; the
        // sides' own readiness (`مستعدون لعقد جولة`) is a planned meeting.
        if frame.offered && !mediations.iter().any(|m| !m.takes_part) {
            frame.offered = false;
        }
        // Met on the sidelines of a summit: in person.
        let sideline = c.scope.venues.iter().any(|v| seg.range.contains(v));
        if sideline && frame.modality == Modality::Unspecified {
            frame.modality = Modality::InPerson;
        }
        if let (Some(w), Some((mediators, _))) = (back, self.last_mediation.clone()) {
            frame.mediations.push(Mediated {
                mediation: Mediation {
                    word: *w,
                    mediators,
                    takes_part: false,
                },
                status: frame.status,
                sides: sides(&frame.participants),
                sentence: c.sentence.clone(),
            });
        }
        // Mediations and hosts attach to the segment's event nearest to them.
        for m in mediations.iter().filter(|m| mine(m)) {
            // Hosted talks were held in person (offered ones may not be).
            let hosted = matches!(m.word.kind, Kind::Host | Kind::MediateAfter(true));
            if hosted && !offered(c, seg, m) && frame.modality == Modality::Unspecified {
                frame.modality = Modality::InPerson;
            }
            // A host of three or more sides takes part (`نشست وزیران خارجه
            // A، B و C به میزبانی وزیر خارجه D`).
            let trilateral = self.multilateral(c, frame);
            let multilateral = hosted && (sides(&frame.participants).len() >= 3 || trilateral);
            if m.takes_part || multilateral {
                for h in &m.mediators {
                    if !frame.participants.iter().any(|p| p.id == h.id) {
                        frame.hosts.push(*h);
                    }
                }
                frame.modality = Modality::InPerson;
            } else {
                let st = if offered(c, seg, m) { Status::Planned } else { frame.status };
                frame.mediations.push(Mediated {
                    mediation: m.clone(),
                    status: st,
                    sides: sides(&frame.participants),
                    sentence: c.sentence.clone(),
                });
            }
        }
    }

    /// Whether the event is named as a meeting of three or more (`نشست
    /// سه‌جانبه`, `اجتماع ثلاثي`), in its trigger or right after it.
    fn multilateral(&self, c: &Clause<'a>, frame: &Frame<'a>) -> bool {
        let doc = self.doc;
        let Some((t, _)) = frame.evidence.last() else {
            return false;
        };
        let in_form = ["سه جانبه", "سهجانبه", "چهارجانبه", "ثلاثی", "رباعی"]
            .iter()
            .any(|m| doc.f[t.clone()].contains(m));
        in_form
            || c.words
                .iter()
                .any(|m| m.kind == Kind::Multilateral && m.start >= t.end && words_between(doc.f, t.end, m.start) <= 1)
    }

    /// Fills in a group with fewer than two sides: the sentence's subject in
    /// a later clause or for an object in a report (`اطلاع داد که … X را
    /// ملاقات خواهد کرد`), a phrase for the two sides, a dual possessive.
    fn complete(&self, c: &Clause<'a>, seg: &Segment, g: &Group<'a>, participants: &mut Vec<Arg<'a>>, scope: &Scope, mediated: bool) {
        let doc = self.doc;
        if participants.len() == 1 {
            let lone = participants[0];
            let inherit = c.later || (seg.reported_by.is_some() && part::is_object(doc, &lone));
            if let Some(s) = c
                .subject
                .filter(|s| inherit && s.id != lone.id && !scope.excluded.contains(&s.index))
            {
                participants.insert(0, s);
            }
        }
        // `وی همچنین قرار است با X دیدار کند`: the last sentence's subject.
        let first = g.words.iter().map(|w| w.start).min().unwrap_or(seg.range.end);
        let pronoun = c
            .words
            .iter()
            .any(|p| p.kind == Kind::Pronoun && p.end <= first && p.start >= c.range.start);
        if participants.len() == 1 && pronoun {
            if let Some(s) = self.last_subject.filter(|s| s.id != participants[0].id) {
                participants.insert(0, s);
            }
        }
        let level = |p: &[Arg<'a>]| p.iter().filter(|a| a.person).count().max(p.iter().filter(|a| !a.person).count());
        if level(participants) < 2 {
            // Generic sides of a mediated event (`دو طرف مناقشه … با
            // میانجیگری X`) are the two states the document is about.
            let generic = c.words.iter().any(|w| w.kind == Kind::PairAny && seg.range.contains(&w.start));
            let pair = part::pair_phrase(doc, &c.words, &seg.range, &self.recall()).map(|p| {
                if mediated && generic && !p.iter().any(|a| a.person) {
                    main_pair(doc, &[])
                } else {
                    p
                }
            });
            let dual =
                || (part::dual_possessive(doc, &g.words) && self.last_participants.len() >= 2).then(|| self.last_participants.clone());
            if let Some(pair) = pair.or_else(dual) {
                for a in pair {
                    if !participants.iter().any(|p| p.id == a.id) {
                        participants.push(a);
                    }
                }
            }
        }
    }

    /// A frame for a group with its participants and status; `within` is
    /// where its place may stand, `others` where the other mentions of the
    /// segment stand.
    fn frame(
        &self,
        c: &Clause<'a>,
        (within, others): (&Range<usize>, &[Range<usize>]),
        scope: &Scope,
        g: &Group<'a>,
        participants: Vec<Arg<'a>>,
        cue: Option<status::Cue>,
    ) -> Frame<'a> {
        let doc = self.doc;
        let place = mention::place(doc, c.range.start, c.later, &c.sentence, (within, others), scope, g, &participants);
        let (mut modality, cameo, kind) = status::modality(&g.words, place.is_some(), false);
        if mention::remote(doc, &c.words, g) {
            modality = Modality::Unspecified;
        }
        let anaphoric = mention::refers_back(doc, &c.words, g, kind, &participants);
        let mut participants = participants;
        let people = participants.iter().filter(|a| a.person).count();
        // States named with one person in a mention of an event already told
        // (`وأكد X خلال الاتصال دعم لندن لكييف`) are what was said, not sides;
        // with a report after it (`X خبر این سفر را اعلام کرده بود`), the
        // person only reports it.
        if anaphoric && people == 1 {
            participants.retain(|a| a.person);
            let last = g.words.iter().map(|w| w.end).max().unwrap_or(0);
            if c.words.iter().any(|r| matches!(r.kind, Kind::Report(_)) && r.start >= last) {
                participants.clear();
            }
        }
        if people == 1 {
            for h in mention::role_holders(doc, &participants, &self.announced) {
                if !participants.iter().any(|p| p.id == h.id) {
                    participants.push(h);
                }
            }
        }
        let first_start = g.words.iter().map(|w| w.start).min().unwrap_or(0);
        let between_states = c
            .words
            .iter()
            .filter(|b| b.kind == Kind::Between && within.contains(&b.start))
            .any(|b| {
                let list = doc.list_after(b.end, within.end, 2, 3, false, &|_| false);
                list.len() >= 2 && list.iter().all(|a| !a.person && participants.iter().any(|p| p.index == a.index))
            });
        let distinct = c.words.iter().any(|w| {
            w.kind == Kind::Sequence
                && w.end <= first_start
                && words_between(doc.f, w.end, first_start) <= 3
                && doc.entities_in(&(w.end..first_start)).is_empty()
        });
        let date = doc
            .entities_in(&doc.folded(&c.sentence))
            .find(|&i| doc.entities[i].entity_type == EntityType::Date);
        let first = g.words.iter().min_by_key(|w| w.start).map_or(0..0, |w| w.start..w.end);
        Frame {
            kind,
            modality,
            cameo,
            status: cue.map_or(Status::Occurred, |c| c.status),
            status_cued: cue.is_some(),
            offered: cue.is_some_and(|c| c.offered),
            relative: g
                .words
                .iter()
                .any(|w| super::segment::word_after(doc.f, w.end, &["که", "التی", "الذی"])),
            distinct: distinct || cue.is_some_and(|c| c.status == Status::Occurred),
            // A visit to a state is no meeting of states; states named after
            // `بین` are sides even beside people (`در حضور A و B … میان
            // مقامات X و Y امضا شد`).
            state_level: (participants.iter().filter(|a| a.person).count() < 2
                && participants.iter().filter(|a| !a.person).count() >= 2
                && kind != EventKind::Visit)
                || between_states,
            participants,
            hosts: Vec::new(),
            mediations: Vec::new(),
            announcers: scope.announcers.iter().filter_map(|&i| doc.args[i]).collect(),
            separately: c.words.iter().any(|w| w.kind == Kind::Separately || w.kind == Kind::Clause),
            anaphoric,
            place,
            date,
            evidence: vec![(first, c.sentence.clone())],
            sentence_no: c.sentence_no,
            merged: false,
        }
    }

    /// Mediation named with no meeting word (`استعدادها للوساطة بين A وB`,
    /// `این مبادله با میانجیگری X و تحت حمایت Y انجام شد`): one event for
    /// all the segment's mediations, its sides the parties after `بین`, the
    /// names before the first mediation word, a phrase for the two sides, or
    /// the two states the document is about; never a mediator.
    fn mediation_only(&mut self, c: &Clause<'a>, seg: &Segment, mediations: &[Mediation<'a>], scope: &Scope) {
        let doc = self.doc;
        let mediations: Vec<&Mediation<'a>> = mediations.iter().filter(|m| !m.takes_part).collect();
        let Some(first) = mediations.first().map(|m| m.word) else {
            return;
        };
        let mediators: Vec<Arg<'a>> = mediations.iter().flat_map(|m| m.mediators.iter().copied()).collect();
        let not_mediator = |a: &Arg<'a>| !mediators.iter().any(|m| m.id == a.id);
        let mut parties: Vec<Arg<'a>> = self
            .mediation_list(c, seg, &mediations[0].word, scope)
            .into_iter()
            .filter(not_mediator)
            .collect();
        if parties.len() < 2 {
            let (people, states) = part::segment_args(doc, &(seg.range.start..first.start), scope, &[]);
            parties = if people.len() >= 2 { people } else { states };
            parties.retain(not_mediator);
        }
        if parties.len() < 2 {
            parties = part::pair_phrase(
                doc,
                &c.words,
                &seg.range,
                &part::Recall {
                    last: &[],
                    ..self.recall()
                },
            )
            .unwrap_or_else(|| main_pair(doc, &mediators))
            .into_iter()
            .filter(not_mediator)
            .collect();
        }
        let g = Group {
            words: vec![first],
            own: None,
        };
        let st = status::statuses(doc, &seg.range, &c.words, scope, &[vec![first]])[0];
        let mut frame = self.frame(c, (&seg.range, &[]), scope, &g, parties, st);
        frame.kind = EventKind::Mediation;
        frame.cameo = "045";
        for m in mediations {
            frame.mediations.push(Mediated {
                mediation: m.clone(),
                status: if offered(c, seg, m) { Status::Planned } else { frame.status },
                sides: sides(&frame.participants),
                sentence: c.sentence.clone(),
            });
        }
        self.push(frame);
    }

    /// The parties listed right after a mediation word (`للوساطة بين A
    /// وB`), read as a meeting word's own list.
    fn mediation_list(&self, c: &Clause<'a>, seg: &Segment, word: &Word, scope: &Scope) -> Vec<Arg<'a>> {
        let as_meeting = Word {
            kind: Kind::Meet(Modality::Unspecified, "045", EventKind::Mediation),
            ..*word
        };
        part::groups(self.doc, &seg.range, &[as_meeting], &c.words, scope)
            .pop()
            .and_then(|g| g.own)
            .unwrap_or_default()
    }

    fn recall(&self) -> part::Recall<'_, 'a> {
        part::Recall {
            last: &self.last_participants,
            people: &self.last_people,
            states: &self.last_states,
            announced: &self.announced,
        }
    }

    fn push(&mut self, frame: Frame<'a>) {
        if frame.participants.len() >= 2 {
            self.last_participants = frame.participants.clone();
        }
        let people: Vec<Arg<'a>> = frame.participants.iter().copied().filter(|a| a.person).collect();
        let states: Vec<Arg<'a>> = frame.participants.iter().copied().filter(|a| !a.person).collect();
        if people.len() >= 2 {
            self.last_people = people;
        }
        if states.len() >= 2 {
            self.last_states = states;
        }
        if let Some(m) = frame.mediations.last().filter(|m| m.sides.len() >= 2) {
            let mediators = frame
                .mediations
                .iter()
                .flat_map(|m| m.mediation.mediators.iter().copied())
                .collect();
            self.last_mediation = Some((mediators, m.sides.clone()));
        }
        self.frames.push(frame);
    }
}

/// The sides of an event: its people when it names two, else its states.
fn sides<'a>(participants: &[Arg<'a>]) -> Vec<Arg<'a>> {
    let people: Vec<Arg<'a>> = participants.iter().copied().filter(|a| a.person).collect();
    if people.len() >= 2 {
        people
    } else {
        participants.iter().copied().filter(|a| !a.person).collect()
    }
}

/// Words with no sides of their own (`بحث A وB في اتصال هاتفي`) belong to
/// the listed event before them, else the nearest; not across a planned or
/// sequence word (`التقى A وB …، وتوافقا على أن تكون الجولة الثالثة من
/// مشاوراتهما`; `القمة … بعد أشهر من المفاوضات بين A وB`: a second event).
fn fold_sideless(clause_words: &[Word], groups: &mut Vec<Group<'_>>) {
    if groups.len() < 2 {
        return;
    }
    let Some(k) = groups.iter().position(|g| g.own.is_none()) else {
        return;
    };
    let words = &groups[k].words;
    let others: Vec<usize> = (0..groups.len()).filter(|&j| j != k).collect();
    let before = others
        .iter()
        .copied()
        .rfind(|&j| groups[j].words.iter().all(|w| w.end <= words[0].start));
    let near = before.unwrap_or(others[0]);
    let (a, b) = (
        groups[near].words.iter().map(|w| w.end).max().unwrap_or(0).min(words[0].start),
        groups[near].words.iter().map(|w| w.start).min().unwrap_or(0).max(words[0].end),
    );
    let barrier = clause_words
        .iter()
        .any(|w| matches!(w.kind, Kind::Planned(_) | Kind::Sequence) && w.start >= a && w.end <= b);
    if !barrier {
        let words = groups.remove(k).words;
        let near = if near > k { near - 1 } else { near };
        groups[near].words.extend(words);
    }
}

/// Whether a Persian `استقبال کرد` only welcomed something (`از پیشنهاد
/// … استقبال کرد`): a reception names its guest after `از` (`از X
/// استقبال کرد`).
fn welcomed_idea(doc: &Doc<'_>, words: &[Word], g: &Group<'_>, people: &[Arg<'_>]) -> bool {
    let welcome = g
        .words
        .iter()
        .all(|w| words.iter().any(|x| x.kind == Kind::Welcome && x.start == w.start));
    welcome
        && !people
            .iter()
            .any(|a| super::segment::word_before(doc.f, doc.spans[a.index].start, &["از"]))
}

/// Whether an offer stands before a mediation word in its segment (`آماده
/// است میزبان … باشد`).
fn offered(c: &Clause<'_>, seg: &Segment, m: &Mediation<'_>) -> bool {
    c.words
        .iter()
        .any(|o| o.kind == Kind::Offer && o.end <= m.word.start && o.start >= seg.range.start)
}

/// Whether name `a` of a segment belongs to unlisted group `k`: with one
/// unlisted group, every name does; with several (`وتأتي زيارة X … بعد
/// يومين من اتصال هاتفي أجراه مع Y`), the segment's first name (its
/// subject) belongs to all, and every other name to the group it follows in
/// Arabic (verb first) or precedes in Persian (verb last).
fn unlisted_share(doc: &Doc<'_>, seg: &Range<usize>, groups: &[Group<'_>], k: usize, a: &Arg<'_>) -> bool {
    let unlisted: Vec<usize> = (0..groups.len()).filter(|&j| groups[j].own.is_none()).collect();
    // Only events set apart by a sequence word (`بعد`, `پیش از`) split the
    // names; a planned word between two mentions (`در تماس تلفنی با X …
    // برای سفر … دعوت کرد`) does not.
    let at = doc.spans[a.index].start;
    let start = |j: usize| groups[j].words.iter().map(|w| w.start).min().unwrap_or(0);
    let end = |j: usize| groups[j].words.iter().map(|w| w.end).max().unwrap_or(0);
    // A name after a cue that looks ahead to a later event belongs to that
    // event (`واتفق الزعيمان خلال اللقاء على أن يواصل الوزيران X وY
    // المفاوضات`).
    let ahead = doc.words_in(seg).iter().any(|w| {
        w.kind == Kind::Planned(false)
            && w.start >= end(k)
            && w.end <= at
            && unlisted.iter().any(|&j| j != k && start(j) >= w.end && start(j) > at)
    });
    if ahead && unlisted.len() >= 2 {
        return false;
    }
    let apart = doc.words_in(seg).iter().any(|w| w.kind == Kind::Sequence);
    if unlisted.len() < 2 || !apart {
        return true;
    }
    let first_name = doc.args_in(seg, true).next().is_some_and(|f| f.index == a.index);
    if first_name {
        return true;
    }
    let owner = if doc.arabic(seg) {
        unlisted.iter().copied().rfind(|&j| start(j) <= at).or(unlisted.first().copied())
    } else {
        unlisted.iter().copied().find(|&j| end(j) >= at).or(unlisted.last().copied())
    };
    owner == Some(k)
}

/// The group whose triggers stand nearest to a word.
fn nearest(groups: &[Group<'_>], w: &Word) -> usize {
    (0..groups.len())
        .min_by_key(|&k| {
            groups[k]
                .words
                .iter()
                .map(|t| {
                    if w.start >= t.end {
                        w.start - t.end
                    } else {
                        t.start.saturating_sub(w.end)
                    }
                })
                .min()
                .unwrap_or(usize::MAX)
        })
        .unwrap_or(0)
}

/// Clauses of a sentence (folded offsets): split at clause words (`و سپس`,
/// `ثم`, `در حالی که`). A break with no event word before it (`X نخست با A و سپس با B دیدار
/// کرد`) does not split: the one event is met with each partner apart.
fn clauses(s: &Range<usize>, words: &[Word]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = s.start;
    for b in words.iter().filter(|w| w.kind == Kind::Clause) {
        let event_before = words.iter().any(|w| w.kind.is_event() && w.start >= start && w.end <= b.start);
        if b.start >= start && event_before {
            out.push(start..b.start);
            start = b.end;
        }
    }
    out.push(start..s.end);
    out
}

/// The two states the document is about, for parties named only as `دو
/// طرف`: the first pair of states after a `بین`/`بين`, else the two it names
/// most often; never a mediator.
pub(crate) fn main_pair<'a>(doc: &Doc<'a>, not: &[Arg<'a>]) -> Vec<Arg<'a>> {
    let ok = |a: &Arg<'a>| !a.person && !a.org && !not.iter().any(|n| n.id == a.id || n.affiliation == Some(a.id));
    for b in doc.words.iter().filter(|w| w.kind == Kind::Between) {
        let list: Vec<Arg<'a>> = doc
            .list_after(b.end, doc.f.len(), 2, 4, false, &|_| false)
            .into_iter()
            .filter(ok)
            .collect();
        if list.len() >= 2 {
            return list[..2].to_vec();
        }
    }
    let mut counts: Vec<(Arg<'a>, usize)> = Vec::new();
    for a in doc.args.iter().flatten().filter(|a| ok(a)) {
        match counts.iter_mut().find(|(c, _)| c.id == a.id) {
            Some((_, n)) => *n += 1,
            None => counts.push((*a, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts.into_iter().take(2).map(|(a, _)| a).collect()
}
