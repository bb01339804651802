//! Participant passes: which trigger words of a segment report one event,
//! and who took part in each — a list of its own (`المحادثات بين A وB`,
//! `مذاکرات مرزی A و B`), else the names of the segment, else the
//! sentence's subject, a phrase for the two sides (`دو طرف`, `الجانبان`) or
//! the sides of the last event.

use super::doc::{Arg, Doc};
use super::lexicon::{Kind, Word};
use super::scope::Scope;
use super::segment::{word_after, word_before, words_between};
use super::types::Modality;
use std::ops::Range;

/// How many words after a meeting word its `بین`/`بين` may stand.
const BETWEEN_REACH: usize = 3;
/// How many words after a meeting word its own list may start
/// (`اجلاس سه‌جانبه رهبران ازبکستان، …`).
const OWN_LIST_LEAD: usize = 2;
/// How many words two trigger words may stand apart and still report one
/// event (`دیدار و گفتگو کردند`).
const ADJACENT: usize = 2;

/// The trigger words of one event mention and the list that names its
/// participants, when it has one of its own.
#[derive(Debug, Clone)]
pub(crate) struct Group<'a> {
    pub words: Vec<Word>,
    pub own: Option<Vec<Arg<'a>>>,
}

/// The list right after a meeting word: after `بین`/`بين`, or the names
/// that follow it (a genitive or a verb's subjects), up to the next event
/// word.
fn own_list<'a>(doc: &Doc<'a>, m: &Word, until: usize, words: &[Word], scope: &Scope) -> Vec<Arg<'a>> {
    let f = doc.f;
    // A mediator named after the list is no side (`… با میانجیگری X`); a
    // `بين` after a host's phrase still names the sides (`القمة التي
    // استضافتها واشنطن بين A وB`).
    let all_until = until;
    let until = words
        .iter()
        .find(|w| w.start >= m.end && w.start < until && w.kind.is_event() && !matches!(w.kind, Kind::Meet(..)))
        .map_or(until, |w| w.start);
    let skip = |i: usize| scope.is_excluded(i) || scope.places.contains(&i);
    let between = words.iter().find(|b| {
        b.kind == Kind::Between
            && b.start >= m.end
            && b.end <= all_until
            && words_between(f, m.end, b.start) <= BETWEEN_REACH
            && !words
                .iter()
                .any(|t| t.kind == Kind::TopicNoun && t.start >= m.end && t.end <= b.start)
            // A mediation word in between takes the list (`خلال الاتصال
            // استعداد بلاده للوساطة بين A وB`), unless it names the
            // event's subject (`محادثات الوساطة بين A وB`).
            && !words.iter().any(|t| {
                t.kind == Kind::MediateBefore && t.start >= m.end && t.end <= b.start && words_between(f, m.end, t.start) >= 1
            })
    });
    let mut list = match between {
        // Organisations can be sides when named as such (`بين الصين ومجلس
        // التعاون الخليجي`).
        Some(b) => doc.list_after(b.end, all_until, 4, 4, true, &skip),
        None if f[m.end..until.max(m.end)].trim_start().starts_with(['،', ',']) => Vec::new(),
        None => doc.list_after(m.end, until, OWN_LIST_LEAD, 3, false, &skip),
    };
    // `با A و B`, `مع A وB`: partners of a subject named elsewhere, not
    // the event's own list.
    let comitative = between.is_none()
        && list
            .first()
            .is_some_and(|a| word_before(f, doc.spans[a.index].start, super::segment::COMITATIVES));
    if list.len() < 2 || comitative {
        return Vec::new();
    }
    // `بمشاركة A وB وC بضيافة X`: the host named after the list takes part.
    let end = list.iter().map(|a| doc.spans[a.index].end).max().unwrap_or(m.end);
    if let Some(w) = words
        .iter()
        .find(|w| w.kind == Kind::Attendance && w.start >= end && w.end <= until && words_between(f, end, w.start) == 0)
    {
        for a in doc.list_after(w.end, until, 4, 3, false, &skip) {
            if !list.iter().any(|x| x.id == a.id) {
                list.push(a);
            }
        }
    }
    list
}

/// Groups the meeting words of a segment into event mentions: a word with a
/// list of its own is a mention of its own (two coordinated talks, a meeting
/// named in what was discussed); the others, and words next to a listed one,
/// report the segment's one event.
pub(crate) fn groups<'a>(doc: &Doc<'a>, seg: &Range<usize>, meets: &[Word], words: &[Word], scope: &Scope) -> Vec<Group<'a>> {
    let mut out: Vec<Group<'a>> = Vec::new();
    let mut rest: Vec<Word> = Vec::new();
    for (k, m) in meets.iter().enumerate() {
        let until = meets.get(k + 1).map_or(seg.end, |n| n.start);
        let own = own_list(doc, m, until, words, scope);
        if own.is_empty() {
            rest.push(*m);
        } else {
            out.push(Group {
                words: vec![*m],
                own: Some(own),
            });
        }
    }
    let mut unlisted = Vec::new();
    for m in rest {
        // Joined by و (`دیدار و گفتگو`), or a phone word next to it
        // (`مذاکرات … تلفنی`).
        let phone = matches!(m.kind, Kind::Meet(Modality::Phone, ..));
        let near = out.iter_mut().find(|g| {
            g.words.iter().any(|w| {
                let (a, b) = if w.start < m.start { (w.end, m.start) } else { (m.end, w.start) };
                let gap = doc.f[a..b].trim();
                (gap == "و" || (phone && gap.is_empty())) && words_between(doc.f, a, b) <= ADJACENT && doc.entities_in(&(a..b)).is_empty()
            })
        });
        match near {
            Some(g) => g.words.push(m),
            None => unlisted.push(m),
        }
    }
    // Words on either side of a planned word are two events (`تلفنی گفت‌وگو
    // کردند و … قرار است دور بعدی رایزنی‌ها … برگزار کنند`).
    let mut current: Vec<Word> = Vec::new();
    for m in unlisted {
        // So are a phone word and an in-person one with a name between
        // (`القمة … التي اتفق عليها A وB خلال مكالمة هاتفية`).
        let modality = |w: &Word| match w.kind {
            Kind::Meet(m, ..) => m,
            _ => Modality::Unspecified,
        };
        let split = current.last().is_some_and(|p: &Word| {
            let cue = words.iter().any(|c| {
                matches!(
                    c.kind,
                    Kind::Planned(_) | Kind::Purpose | Kind::Call | Kind::Negative(true) | Kind::Sequence
                ) && c.start >= p.end
                    && c.end <= m.start
            });
            let kinds = [modality(p), modality(&m)];
            let phone_and_in_person = kinds.contains(&Modality::Phone) && kinds.contains(&Modality::InPerson);
            cue || phone_and_in_person
        });
        if split {
            out.push(Group {
                words: std::mem::take(&mut current),
                own: None,
            });
        }
        current.push(m);
    }
    if !current.is_empty() {
        out.push(Group { words: current, own: None });
    }
    out.sort_by_key(|g| g.words.iter().map(|w| w.start).min());
    out
}

/// The names of a segment that can take part: not excluded, not in a topic
/// island, not a mediator's own mention, not taken by another group's list.
pub(crate) fn segment_args<'a>(doc: &Doc<'a>, seg: &Range<usize>, scope: &Scope, taken: &[usize]) -> (Vec<Arg<'a>>, Vec<Arg<'a>>) {
    let mut people: Vec<Arg<'a>> = Vec::new();
    let mut states: Vec<Arg<'a>> = Vec::new();
    // An organisation is a side when named in a list with another
    // (`اتحادیه اروپا و شورای همکاری خلیج فارس … نشست`).
    let side = |i: usize| i < doc.entities.len() && doc.args[i].is_some_and(|a| !a.person);
    let listed = |i: usize| {
        let joined = |a: usize, b: usize| {
            side(a) && side(b) && super::segment::coordinated(doc.f, doc.spans[a].end, doc.spans[b].start, 1, doc.titles)
        };
        // Not a title before its holder (`رئيس المجلس الأوروبي شارل ميشال`).
        let titled = i + 1 < doc.entities.len()
            && doc.args[i + 1].is_some_and(|a| a.person)
            && words_between(doc.f, doc.spans[i].end, doc.spans[i + 1].start) <= 1;
        !titled && ((i > 0 && joined(i - 1, i)) || joined(i, i + 1))
    };
    for a in doc.args_in(seg, true).filter(|a| !a.org || listed(a.index)) {
        let i = a.index;
        if scope.is_excluded(i) || scope.in_island(doc.spans[i].start) || taken.contains(&i) || scope.places.contains(&i) {
            continue;
        }
        let list = if a.person { &mut people } else { &mut states };
        if !list.iter().any(|p| p.id == a.id) {
            list.push(a);
        }
    }
    if people.len() + states.len() < 2 {
        // Places joined by و (`مسؤولون في باكو ويريفان`) are the sides when
        // nothing else is named.
        let joined: Vec<usize> = scope
            .places
            .windows(2)
            .filter(|p| {
                p[0] + 1 == p[1]
                    && doc.spans[p[0]].start >= seg.start
                    && doc.spans[p[1]].end <= seg.end
                    && super::segment::coordinated(doc.f, doc.spans[p[0]].end, doc.spans[p[1]].start, 1, doc.titles)
            })
            .flat_map(|p| [p[0], p[1]])
            .collect();
        for i in joined {
            if let Some(a) = doc.args[i].filter(|a| !a.person && !states.iter().any(|s| s.id == a.id)) {
                states.push(a);
            }
        }
    }
    (people, states)
}

/// Whether a mention is the object of its clause (`با X`, `مع X`, `X را`,
/// `بX`): someone else is the subject.
pub(crate) fn is_object(doc: &Doc<'_>, a: &Arg<'_>) -> bool {
    let s = &doc.spans[a.index];
    let f = doc.f;
    // With titles between (`با وزیران خارجه X`, `مع رئيس وزراء X`): a
    // با/مع at most three words before, with no other name between.
    let title = |at: usize| {
        let head = f[..at].trim_end();
        let words: Vec<&str> = head.rsplit(' ').take(4).collect();
        words.iter().position(|w| super::segment::COMITATIVES.contains(w)).is_some_and(|k| {
            let from = head.len() - words[..=k].iter().map(|w| w.len() + 1).sum::<usize>().min(head.len());
            doc.entities_in(&(from..at)).all(|i| doc.args[i].is_none())
        })
    };
    word_before(f, s.start, &["با", "مع", "بنظیره", "بنظیرته"])
        || title(s.start)
        || word_after(f, s.end, &["را"])
        || f[..s.start].strip_suffix('ب').is_some_and(|h| h.is_empty() || h.ends_with(' '))
}

/// A phrase for the two sides in the segment (`دو طرف`, `دو کشور`, `دو
/// وزیر`, `الجانبين`, `البلدين`): who it stands for, given the last event's
/// participants and the people and states named before.
pub(crate) fn pair_phrase<'a>(doc: &Doc<'a>, words: &[Word], seg: &Range<usize>, recall: &Recall<'_, 'a>) -> Option<Vec<Arg<'a>>> {
    let w = words
        .iter()
        .find(|w| matches!(w.kind, Kind::PairPeople | Kind::PairStates | Kind::PairAny) && w.start >= seg.start && w.end <= seg.end)?;
    // A phrase for two stands for the last two of the last event with two
    // such sides (`بين الزعيمين` after a host received two guests).
    let from_last = |sides: &[Arg<'a>]| -> Option<Vec<Arg<'a>>> { (sides.len() >= 2).then(|| sides[sides.len() - 2..].to_vec()) };
    let recent = |people: bool| -> Option<Vec<Arg<'a>>> {
        let r = recent(doc, w.start, people, recall.announced);
        (r.len() >= 2).then_some(r)
    };
    match w.kind {
        Kind::PairPeople => from_last(recall.people).or_else(|| recent(true)),
        Kind::PairStates => from_last(recall.states).or_else(|| recent(false)),
        _ => (recall.last.len() >= 2).then(|| recall.last.to_vec()).or_else(|| recent(false)),
    }
}

/// What the layer remembers of the document so far, for phrases that
/// refer back (`دو طرف`, `الوفدين`, `الزعيمين`).
pub(crate) struct Recall<'r, 'a> {
    /// The sides of the last event with two.
    pub last: &'r [Arg<'a>],
    /// The people of the last event with two people.
    pub people: &'r [Arg<'a>],
    /// The states of the last event with two states.
    pub states: &'r [Arg<'a>],
    /// Everyone seen announcing (entity indices).
    pub announced: &'r [usize],
}

/// The last two distinct states (or people) named before `before`, most
/// recent first, leaving out those who only announced something.
pub(crate) fn recent<'a>(doc: &Doc<'a>, before: usize, people: bool, announced: &[usize]) -> Vec<Arg<'a>> {
    let mut out: Vec<Arg<'a>> = Vec::new();
    for i in (0..doc.entities_in(&(0..before)).end).rev() {
        if doc.spans[i].end > before {
            continue;
        }
        if let Some(a) = doc.args[i].filter(|a| !a.org && a.person == people && !announced.contains(&a.index)) {
            if !out.iter().any(|o| o.id == a.id) {
                out.push(a);
                if out.len() == 2 {
                    break;
                }
            }
        }
    }
    out
}

/// Whether a trigger carries a dual possessive (`مشاوراتهما`, `لقائهما`):
/// it refers to two sides already named.
pub(crate) fn dual_possessive(doc: &Doc<'_>, group: &[Word]) -> bool {
    group.iter().any(|w| doc.f[w.start..w.end].ends_with("هما"))
}

/// Whether a trigger carries a possessive (`لقائه`, `قمتها`): it is the
/// event of someone named in the sentence.
pub(crate) fn possessive(doc: &Doc<'_>, group: &[Word]) -> bool {
    group.iter().any(|w| {
        // Harakat and tatweel after the suffix do not hide it.
        let original = doc.text[doc.norm.to_original(w.start..w.end)]
            .trim_end_matches(|c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'));
        original.ends_with('ه') || original.ends_with("ها") || original.ends_with("هم")
    })
}
