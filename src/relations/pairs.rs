//! Derivation: the public events, and the relations (pairs) derived from
//! them by the gold conventions:
//!
//! - `met-with` pairs people with people and states with states, never a
//!   person with a state; states pair only when the event names its sides
//!   as states (not only as the states of its people);
//! - people of one side never pair; in a hub and spoke (`جداگانه`, `كل على
//!   حدة`, or two partners each after its own با/مع) the subjects pair with
//!   each partner named after با/مع and the partners do not pair among
//!   themselves (with no subject at a level, that level gives nothing);
//! - an event only offered (`آماده است میزبان … باشد`) gives its mediation,
//!   no meeting of its sides;
//! - a host who takes part pairs with the guests; a person who mediates a
//!   meeting attends it;
//! - `mediated-by` has the event's sides as parties, never the mediator or
//!   a person mediator's state; a mediator that is itself a side mediates
//!   nothing.
//!
//! Equal relations (type, arguments, mediators, status, modality) are given
//! once, with every piece of evidence.

use super::doc::{Arg, Doc};
use super::frames::{main_pair, Frame};
use super::lexicon::Kind;
use super::participants::is_object;
use super::types::{Argument, Event, Evidence, Member, Relation, RelationType, Role};
use std::collections::{HashMap, HashSet};

type Key = (
    RelationType,
    Vec<String>,
    Vec<String>,
    super::types::Status,
    Option<super::types::Modality>,
);

/// People of one side never form a pair: two people of the same state or
/// organisation.
fn same_side(a: &Arg<'_>, b: &Arg<'_>) -> bool {
    a.affiliation.is_some() && a.affiliation == b.affiliation
}

/// How many of these mentions stand right after a با/مع of their own
/// (`با A … با B`): two or more make a hub and spoke.
fn comitatives(doc: &Doc<'_>, side: &[&Arg<'_>]) -> usize {
    side.iter()
        .filter(|a| super::segment::word_before(doc.f, doc.spans[a.index].start, super::segment::COMITATIVES))
        .count()
}

/// Makes the public events and relations of a document's frames.
pub(crate) fn derive(doc: &Doc<'_>, frames: &[Frame<'_>]) -> (Vec<Event>, Vec<Relation>) {
    let mut events = Vec::new();
    let mut out = Out {
        doc,
        relations: Vec::new(),
        seen: HashMap::new(),
        evidence: HashSet::new(),
    };
    for frame in frames.iter().filter(|f| !f.merged) {
        let members = members(doc, frame);
        if members.iter().filter(|m| m.role != Role::Announcer).count() < 2 {
            continue;
        }
        let index = events.len();
        let event = event(doc, frame, members);
        if frame.kind != super::types::EventKind::Mediation && !frame.offered {
            out.met_with(frame, &event, index);
        }
        out.mediated_by(frame, &event, index);
        events.push(event);
    }
    (events, out.relations)
}

fn argument(doc: &Doc<'_>, a: &Arg<'_>) -> Argument {
    let e = &doc.entities[a.index];
    Argument {
        // The argument's id is the mention's own, or the state it stands
        // for, which the mention carries as its metonym or affiliation.
        id: e.id.as_ref().map(|own| {
            [Some(own), e.metonym_of.as_ref(), e.affiliation.as_ref()]
                .into_iter()
                .flatten()
                .find(|s| &***s == a.id)
                .cloned()
                .unwrap_or_else(|| a.id.into())
        }),
        entity_type: e.entity_type,
        text: e.text.clone(),
        span: e.span,
        mention_id: e.id.clone().filter(|m| &**m != a.id),
    }
}

fn members(doc: &Doc<'_>, f: &Frame<'_>) -> Vec<Member> {
    let mut out: Vec<Member> = Vec::new();
    let mut add = |a: &Arg<'_>, role: Role| {
        if !out.iter().any(|m| m.argument.span == doc.entities[a.index].span) {
            out.push(Member {
                role,
                argument: argument(doc, a),
            });
        }
    };
    for a in &f.participants {
        add(a, Role::Participant);
    }
    for a in &f.hosts {
        add(a, Role::Host);
    }
    for m in &f.mediations {
        for a in &m.mediation.mediators {
            add(a, Role::Mediator);
        }
    }
    for a in &f.announcers {
        add(a, Role::Announcer);
    }
    out
}

fn event(doc: &Doc<'_>, f: &Frame<'_>, members: Vec<Member>) -> Event {
    let evidence: Vec<Evidence> = f
        .evidence
        .iter()
        .map(|(t, s)| Evidence {
            trigger: doc.chars.span(doc.norm.to_original(t.clone())),
            sentence: doc.chars.span(s.clone()),
        })
        .collect();
    Event {
        kind: f.kind,
        members,
        status: f.status,
        modality: (f.kind != super::types::EventKind::Mediation).then_some(f.modality),
        cameo: f.cameo,
        trigger: evidence[0].trigger,
        sentence: evidence[0].sentence,
        place: f.place.map(|i| doc.entities[i].clone()),
        date: f.date.map(|i| doc.entities[i].clone()),
        evidence,
    }
}

struct Out<'d, 'a> {
    doc: &'d Doc<'a>,
    relations: Vec<Relation>,
    seen: HashMap<Key, usize>,
    /// The evidence each relation already has, by relation: a long
    /// document repeats one relation thousands of times, and a scan of its
    /// evidence for each repeat was quadratic.
    evidence: HashSet<(usize, Evidence)>,
}

/// What a statement of an event says where it differs from the event: a
/// mediation has its own status, trigger and sentence.
struct Statement {
    status: super::types::Status,
    trigger: crate::Span,
    sentence: crate::Span,
}

impl Out<'_, '_> {
    /// The pairs of people, and of states when the event names states as
    /// its sides.
    fn met_with(&mut self, f: &Frame<'_>, event: &Event, index: usize) {
        let attending = f
            .mediations
            .iter()
            .filter(|m| matches!(m.mediation.word.kind, Kind::MediateAfter(_)))
            .flat_map(|m| m.mediation.mediators.iter().filter(|a| a.person));
        let mut people: Vec<&Arg<'_>> = Vec::new();
        for a in f.participants.iter().chain(&f.hosts).chain(attending) {
            if a.person && !people.iter().any(|p| p.id == a.id) {
                people.push(a);
            }
        }
        let mut states: Vec<&Arg<'_>> = Vec::new();
        for a in f.participants.iter().chain(&f.hosts).filter(|a| !a.person) {
            if !states.iter().any(|p| p.id == a.id) {
                states.push(a);
            }
        }
        let doc = self.doc;
        for side in [people, if f.state_level { states } else { Vec::new() }] {
            // Hub and spoke (`جداگانه`, `كل على حدة`, `نخست با A و سپس با
            // B`): the subjects meet each partner named after با/مع, and the
            // partners do not meet.
            // Partners: from the first one named after با/مع on (`با A و B`).
            let from = side.iter().filter(|a| is_object(doc, a)).map(|a| doc.spans[a.index].start).min();
            let partner = |a: &Arg<'_>| from.is_some_and(|p| doc.spans[a.index].start >= p);
            let partners = side.iter().filter(|a| partner(a)).count();
            let hub = f.separately || comitatives(doc, &side) >= 2;
            for (i, a) in side.iter().enumerate() {
                for b in &side[i + 1..] {
                    let apart = if partners > 0 && partners < side.len() {
                        partner(a) == partner(b)
                    } else {
                        i > 0
                    };
                    // With every name a partner, no subject at this level.
                    let no_subject = hub && partners == side.len();
                    if same_side(a, b) || (hub && apart) || no_subject {
                        continue;
                    }
                    let args = vec![argument(doc, a), argument(doc, b)];
                    self.push(RelationType::MetWith, args, Vec::new(), event, None, index);
                }
            }
        }
    }

    /// One `mediated-by` per mediation of the event.
    fn mediated_by(&mut self, f: &Frame<'_>, event: &Event, index: usize) {
        let all_mediators: Vec<&str> = f
            .mediations
            .iter()
            .flat_map(|m| m.mediation.mediators.iter().map(|a| a.id))
            .collect();
        for mediated in &f.mediations {
            let m = &mediated.mediation;
            let mut parties = mediated.sides.clone();
            if parties.len() < 2 {
                parties = main_pair(self.doc, &m.mediators);
            }
            if m.mediators.iter().any(|x| parties.iter().any(|p| p.id == x.id)) {
                continue;
            }
            let mut unique: Vec<Arg<'_>> = Vec::new();
            for p in parties {
                let mediates = all_mediators.contains(&p.id) || m.mediators.iter().any(|x| x.affiliation == Some(p.id));
                if !mediates && !unique.iter().any(|u| u.id == p.id) {
                    unique.push(p);
                }
            }
            if unique.len() < 2 {
                continue;
            }
            let parties = unique.iter().map(|a| argument(self.doc, a)).collect();
            let mediators = m.mediators.iter().map(|a| argument(self.doc, a)).collect();
            let statement = Statement {
                status: mediated.status,
                trigger: self.doc.chars.span(self.doc.norm.to_original(m.word.start..m.word.end)),
                sentence: self.doc.chars.span(mediated.sentence.clone()),
            };
            self.push(RelationType::MediatedBy, parties, mediators, event, Some(statement), index);
        }
    }

    /// Adds a relation, or its evidence to an equal one already found.
    /// `statement` overrides the event's status, trigger and sentence.
    fn push(
        &mut self,
        kind: RelationType,
        args: Vec<Argument>,
        mediators: Vec<Argument>,
        event: &Event,
        statement: Option<Statement>,
        index: usize,
    ) {
        let Statement { status, trigger, sentence } = statement.unwrap_or(Statement {
            status: event.status,
            trigger: event.trigger,
            sentence: event.sentence,
        });
        let key_of = |a: &Argument| a.id.as_deref().map_or_else(|| format!("text:{}", a.text), str::to_string);
        let mut ids: Vec<String> = args.iter().map(key_of).collect();
        ids.sort();
        let mut meds: Vec<String> = mediators.iter().map(key_of).collect();
        meds.sort();
        let modality = (kind == RelationType::MetWith).then_some(event.modality).flatten();
        let key = (kind, ids, meds, status, modality);
        let evidence = Evidence { trigger, sentence };
        if let Some(&i) = self.seen.get(&key) {
            let o = &mut self.relations[i];
            for e in std::iter::once(evidence).chain(event.evidence.iter().copied()) {
                if self.evidence.insert((i, e)) {
                    o.evidence.push(e);
                }
            }
            return;
        }
        let (participants, parties) = match kind {
            RelationType::MetWith => (args, Vec::new()),
            RelationType::MediatedBy => (Vec::new(), args),
        };
        let mut all = vec![evidence];
        all.extend(event.evidence.iter().copied().filter(|e| *e != evidence));
        let i = self.relations.len();
        self.evidence.extend(all.iter().map(|&e| (i, e)));
        self.seen.insert(key, i);
        self.relations.push(Relation {
            relation_type: kind,
            participants,
            parties,
            mediators,
            status,
            modality: (kind == RelationType::MetWith).then_some(event.modality).flatten(),
            cameo: if kind == RelationType::MediatedBy { "045" } else { event.cameo },
            trigger,
            sentence,
            place: event.place.clone(),
            date: event.date.clone(),
            evidence: all,
            event: index,
        });
    }
}
