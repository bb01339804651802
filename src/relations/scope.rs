//! Scope passes: what in a clause is no participant of anything (venues,
//! announcers, topics, the event a meeting was on the sidelines of) and where
//! the clause splits into segments (what a reporting verb reports).

use super::doc::Doc;
use super::lexicon::{Kind, Word};
use super::segment::{has_comma, words_between};
use crate::output::EntityType;
use std::ops::Range;

/// How many words after a topic marker a meeting word is itself the topic
/// (`درباره دیدار اخیر`), not the clause's own event.
pub(crate) const TOPIC_REACH: usize = 2;
/// How many words after an attribution (`به گزارش`, `نقلا عن`) its source
/// may run when no comma ends it.
pub(crate) const ATTRIBUTION_REACH: usize = 6;
/// How many words after an Arabic reporting verb its complementizer may
/// stand (`كشف رئيس الوزراء القطري … أن`).
pub(crate) const COMPLEMENT_REACH: usize = 14;

/// How many words an arrival verb may stand before its destination (`وصل
/// وفدا الهند وباكستان إلى جنيف`).
pub(crate) const ARRIVAL_REACH: usize = 6;

/// A stretch of a clause with its own events: the whole clause, or what a
/// reporting verb reports.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    pub range: Range<usize>,
    /// Opened by a reporting verb: the range of what came before it.
    pub reported_by: Option<Range<usize>>,
}

/// What a clause's scope passes found.
#[derive(Debug, Default, Clone)]
pub(crate) struct Scope {
    /// Entities that are no participant (by entity index).
    pub excluded: Vec<usize>,
    /// Announcers and sources (by entity index).
    pub announcers: Vec<usize>,
    /// Places where something happened (by entity index).
    pub places: Vec<usize>,
    /// Topic islands: what follows a topic marker, up to the clause's next
    /// own event word.
    pub islands: Vec<Range<usize>>,
    /// The event words that name a venue event (`على هامش القمة`).
    pub venues: Vec<usize>,
}

impl Scope {
    pub(crate) fn in_island(&self, pos: usize) -> bool {
        self.islands.iter().any(|r| r.start <= pos && pos < r.end)
    }

    pub(crate) fn is_excluded(&self, i: usize) -> bool {
        self.excluded.contains(&i) || self.announcers.contains(&i)
    }
}

/// Places: a GPE right after `در`/`في` (or coordinated after such a place),
/// a city right after a meeting word (`اجلاس سه‌جانبه وین`), and a state
/// after `عاصمة`/`پایتخت` are where something happened, not who took part.
pub(crate) fn places(doc: &Doc<'_>, clause: &Range<usize>, words: &[Word], scope: &mut Scope) {
    let arabic = doc.arabic(clause);
    for i in doc.entities_in(clause) {
        let e = &doc.entities[i];
        if e.entity_type != EntityType::Gpe {
            continue;
        }
        // `في باكو`, but not, in Arabic, where the object comes before the
        // venue, `التطورات في سوريا` (what was discussed).
        let after_prep = words.iter().any(|p| {
            p.kind == Kind::PlacePrep
                && p.end <= doc.spans[i].start
                && words_between(doc.f, p.end, doc.spans[i].start) == 0
                && !(arabic
                    && words
                        .iter()
                        .any(|t| t.kind == Kind::TopicNoun && t.end <= p.start && words_between(doc.f, t.end, p.start) == 0))
        });
        let coordinated_place = scope
            .places
            .last()
            .is_some_and(|&p| p + 1 == i && super::segment::coordinated(doc.f, doc.spans[p].end, doc.spans[i].start, 1, doc.titles));
        let capital_of = doc.after_word(i, 0, |k| k == Kind::CapitalOf);
        let venue_modifier = words.iter().any(|w| {
            matches!(w.kind, Kind::Meet(..))
                && w.end <= doc.spans[i].start
                && words_between(doc.f, w.end, doc.spans[i].start) == 0
                && !has_comma(doc.f, w.end, doc.spans[i].start)
        }) && !next_is_coordinated(doc, i, clause);
        // `وصل … إلى جنيف`: where the travellers meet.
        let start = doc.spans[i].start;
        let arrival_near = |at: &Range<usize>| {
            words.iter().any(|a| {
                a.kind == Kind::Arrival
                    && if a.end <= at.start {
                        words_between(doc.f, a.end, at.start) <= ARRIVAL_REACH
                    } else {
                        words_between(doc.f, at.end, a.start) <= ARRIVAL_REACH
                    }
            })
        };
        // `وصل … إلى جنيف`, `به ایروان سفر می‌کند`, `وارد ریاض شد`.
        let destination = words.iter().any(|p| {
            let right_before = p.end <= start && words_between(doc.f, p.end, start) == 0;
            (p.kind == Kind::Destination && right_before && arrival_near(&(p.start..doc.spans[i].end)))
                || (p.kind == Kind::Arrival && right_before)
        });
        if after_prep || coordinated_place || venue_modifier || destination {
            scope.places.push(i);
        }
        if capital_of || venue_modifier {
            scope.excluded.push(i);
        }
    }
}

/// Whether entity `i` is followed by another argument joined to it by و.
fn next_is_coordinated(doc: &Doc<'_>, i: usize, clause: &Range<usize>) -> bool {
    let j = i + 1;
    j < doc.entities.len()
        && doc.spans[j].end <= clause.end
        && doc.args[j].is_some()
        && super::segment::coordinated(doc.f, doc.spans[i].end, doc.spans[j].start, 1, doc.titles)
}

/// Announcers: the source after `به گزارش`, `به گفته`, `نقلا عن`, up to the
/// next comma or [`ATTRIBUTION_REACH`] words.
pub(crate) fn attributions(doc: &Doc<'_>, clause: &Range<usize>, words: &[Word], scope: &mut Scope) {
    for w in words.iter().filter(|w| w.kind == Kind::Attribution) {
        for i in doc.entities_in(&(w.end..clause.end)) {
            let s = doc.spans[i].start;
            if has_comma(doc.f, w.end, s) || words_between(doc.f, w.end, s) > ATTRIBUTION_REACH {
                break;
            }
            scope.announcers.push(i);
        }
    }
}

/// Topic islands (from a topic marker to the clause's next event word more
/// than [`TOPIC_REACH`] words away, or a comma before a joined و) and the
/// names after a topic noun (`روابط ارمنستان و ترکیه`, `التطبيع بين أنقرة
/// ويريفان`), which are topics.
pub(crate) fn topics(doc: &Doc<'_>, clause: &Range<usize>, words: &[Word], scope: &mut Scope) {
    let f = doc.f;
    // Persian puts the clause's own verb after what was discussed (`درباره
    // … گفت‌وگو کردند`); Arabic puts it first (`وتطرقا إلى …`), so there
    // the topic runs to the end of the clause.
    let arabic = doc.arabic(clause);
    for t in words.iter().filter(|w| w.kind == Kind::Topic) {
        if scope.in_island(t.start) {
            continue;
        }
        // A mediation phrase after the topic is the clause's own (`مشاورات
        // بشأن الحدود برعاية موسكو`).
        let end = words
            .iter()
            .filter(|w| {
                w.start >= t.end
                    && (matches!(w.kind, Kind::MediateAfter(_))
                        || (!arabic && w.kind.is_event() && (words_between(f, t.end, w.start) > TOPIC_REACH || verbal(f, w))))
            })
            .map(|w| w.start)
            .next()
            .unwrap_or(clause.end);
        // Event words right before the verb are the verb's (`درباره X تلفنی
        // گفت‌وگو کردند`).
        let mut end = end;
        while let Some(v) = words
            .iter()
            .find(|v| v.kind.is_event() && v.start > t.end && v.end <= end && words_between(f, v.end, end) == 0 && v.start < end)
        {
            end = v.start;
        }
        let end = f[t.end..end]
            .match_indices(['،', ','])
            .find(|(i, _)| {
                let next = f[t.end + i..].trim_start_matches(['،', ',', ' ']);
                next.strip_prefix('و')
                    .is_some_and(|r| r.chars().next().is_some_and(char::is_alphabetic))
            })
            .map_or(end, |(i, _)| t.end + i);
        scope.islands.push(t.start..end);
    }
    topic_nouns(doc, clause, words, scope);
}

/// Names after a topic noun are topics (`روابط ارمنستان و ترکیه`,
/// `التطبيع بين أنقرة ويريفان`, `پیام کتبی X`, `اتفاقية مع جورجيا`); in a
/// clause about a signing, a list after the document names its signers
/// (`وُقعت … اتفاقية … بين قطر وتركيا`) and stays.
fn topic_nouns(doc: &Doc<'_>, clause: &Range<usize>, words: &[Word], scope: &mut Scope) {
    let f = doc.f;
    let signed = words
        .iter()
        .any(|s| matches!(s.kind, Kind::Meet(_, _, super::types::EventKind::Signing)));
    for t in words.iter().filter(|w| w.kind == Kind::TopicNoun) {
        let next_event = words
            .iter()
            .find(|w| w.start >= t.end && w.kind.is_event())
            .map_or(clause.end, |w| w.start);
        let between = words
            .iter()
            .find(|b| b.kind == Kind::Between && b.start >= t.end && words_between(f, t.end, b.start) <= 2 && b.end <= next_event);
        let list = match between {
            Some(b) => doc.list_after(b.end, next_event, 2, 3, false, &|_| false),
            None => doc.list_after(t.end, next_event, 1, 3, false, &|_| false),
        };
        // The sender of a message (`رسالة خطية من الرئيس الصيني X`,
        // `پیامی از X`), the other side of an agreement (`اتفاقية مع
        // جورجيا`): a few words after من/از/مع/با.
        let tail = f[t.end..next_event].trim_start();
        let from = tail.split(' ').take(2).position(|w| ["من", "از", "مع", "با"].contains(&w));
        if let Some(k) = from {
            let at = t.end + (f[t.end..next_event].len() - tail.len()) + tail.split(' ').take(k + 1).map(|w| w.len() + 1).sum::<usize>();
            if let Some(i) = doc.entities_in(&(at.min(next_event)..next_event)).find(|&i| doc.args[i].is_some()) {
                if words_between(f, at.min(doc.spans[i].start), doc.spans[i].start) <= 3 {
                    scope.excluded.push(i);
                }
            }
        }
        // A list, or one name right after it (`پیام کتبی پزشکیان`).
        let genitive = between.is_none() && list.len() == 1 && words_between(f, t.end, doc.spans[list[0].index].start) == 0;
        if (list.len() >= 2 && !signed) || genitive {
            scope.excluded.extend(list.iter().map(|a| a.index));
        }
    }
}

/// Whether a Persian event word is the clause's verb (`رایزنی کردند`,
/// `گفت‌وگو کرد`), not a noun that was discussed.
fn verbal(f: &str, w: &Word) -> bool {
    const VERBS: &[&str] = &["کرد", "کردند", "شد", "شدند", "داشت", "داشتند", "نمود", "نمودند", "کند", "کنند"];
    let form = &f[w.start..w.end];
    VERBS.iter().any(|v| form.ends_with(&format!(" {v}"))) || super::segment::word_after(f, w.end, VERBS)
}

/// Sidelines: the event right after `على هامش`/`در حاشیه` is the venue, and
/// the names in its phrase (up to a comma or the next event word) are no
/// participants.
pub(crate) fn sidelines(doc: &Doc<'_>, clause: &Range<usize>, words: &[Word], scope: &mut Scope) {
    let f = doc.f;
    for s in words.iter().filter(|w| w.kind == Kind::Sideline) {
        let Some(venue) = words
            .iter()
            .position(|w| w.start >= s.end && matches!(w.kind, Kind::Meet(..)) && words_between(f, s.end, w.start) <= TOPIC_REACH)
        else {
            continue;
        };
        scope.venues.push(words[venue].start);
        let end = words[venue + 1..]
            .iter()
            .find(|w| w.kind.is_event())
            .map_or(clause.end, |w| w.start);
        // The venue's own names (`على هامش القمة الأوروبية`, `در حاشیه نشست
        // وزیران خارجه اتحادیه اروپا`).
        let v = &words[venue];
        let mut last = v.end;
        for i in doc.entities_in(&(v.end..end)) {
            let start = doc.spans[i].start;
            let partner = super::segment::word_before(f, start, super::segment::COMITATIVES);
            if partner || has_comma(f, last, start) || words_between(f, last, start) > 3 {
                break;
            }
            scope.excluded.push(i);
            last = doc.spans[i].end;
        }
    }
}

/// Segments: the clause, split where a reporting verb's report begins
/// (right after a Persian verb, `گفت …`; after the complementizer that
/// follows an Arabic one, `كشف X أن …`).
pub(crate) fn segments(doc: &Doc<'_>, clause: &Range<usize>, words: &[Word]) -> Vec<Segment> {
    let f = doc.f;
    let mut cuts: Vec<usize> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let cut = match w.kind {
            Kind::Report(true) => Some(w.end),
            Kind::Report(false) => words[k + 1..]
                .iter()
                .take_while(|c| words_between(f, w.end, c.start) <= COMPLEMENT_REACH)
                .find(|c| c.kind == Kind::Complementizer)
                .map(|c| c.end),
            _ => None,
        };
        let reports_event = |c: &usize| words.iter().any(|e| e.start >= *c && e.kind.is_event());
        if let Some(c) = cut.filter(|&c| c < clause.end && cuts.last().is_none_or(|&l| l < c) && reports_event(&c)) {
            cuts.push(c);
        }
    }
    let mut out = Vec::new();
    let mut start = clause.start;
    for c in cuts.into_iter().chain(std::iter::once(clause.end)) {
        out.push(Segment {
            range: start..c,
            reported_by: (start > clause.start).then(|| out.last().map_or(clause.start..start, |s: &Segment| s.range.clone())),
        });
        start = c;
    }
    out
}
