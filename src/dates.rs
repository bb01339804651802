//! The DATE recogniser: regular expressions over the folded text, built from
//! the word lists in `gazetteers/dates.tsv`.
//!
//! It finds day-month-year dates (`9 نوامبر 2020`, `چهارم آبان ۱۳۹۹`,
//! `۱۸ اسفند ماه ۱۴۰۲`, `9 من تشرين الثاني 2020`, `15 يونيو/حزيران 2024`,
//! `15 رجب 1445 هـ`), months with or without a year, numeric dates
//! (`2024/01/27`, `27-01-2024`, `۱۴۰۲/۰۷/۱۴`), decades (`دهه ۱۳۷۰`,
//! `التسعينيات`), bare Gregorian years (`1994`), years with an era
//! (`1445 هـ`, `2024م`), Solar Hijri years after `سال`, weekdays and
//! relative dates, and gives each a normalized ISO 8601 value as far as the
//! text says: Solar Hijri and Hijri lunar dates are converted to the
//! Gregorian calendar (by `icu_calendar`; the lunar calendar is Umm al-Qura),
//! a Gregorian decade is written `199X` (ISO 8601-2), and a month or year of
//! another calendar, which spans two Gregorian ones, has no value.

use crate::edges::left_edge;
use crate::error::{Detail, Error};
use crate::gazetteer::Affixes;
use crate::gazetteer::{fold_name, DataFile, Tsv};
use icu_calendar::cal::{Gregorian, Hijri};
use icu_calendar::Date;
use regex::{Captures, Regex};
use std::collections::HashMap;

/// The default word lists.
pub(crate) const DEFAULT_DATES: (&str, &str) = ("gazetteers/dates.tsv", include_str!("../gazetteers/dates.tsv"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Calendar {
    Gregorian,
    Solar,
    Hijri,
}

/// The compiled recogniser.
#[derive(Debug, Clone)]
pub(crate) struct Dates {
    /// Every DATE expression written with words, a bare Gregorian year or a
    /// year with an era: group `d` is the date.
    /// Every DATE form, tried only at word starts (anchored).
    words: regex_automata::meta::Regex,
    /// Numeric dates (`2024/01/27`, `27-01-2024`), an era allowed after;
    /// compiled when a text first has a digit.
    numeric: LazyRegex,
    /// `سال ۱۴۰۲`: group `d` is the year; compiled when a text first has
    /// a digit.
    solar_year: LazyRegex,
    /// Splits a matched month date or a year with an era into its parts;
    /// compiled when a date is first found.
    parts: LazyRegex,
    /// Splits a matched decade into its parts; compiled when a date is
    /// first found.
    decade_parts: LazyRegex,
    /// Every map is keyed by the folded form with its spaces removed.
    months: HashMap<String, (Calendar, u32)>,
    ordinals: HashMap<String, u32>,
    eras: HashMap<String, Calendar>,
    /// Decade words (`التسعينيات`) and Persian decade numbers (`هفتاد`) →
    /// their tens.
    decades: HashMap<String, u32>,
    /// Centuries (`القرن الماضي`) → the first two digits of their years.
    centuries: HashMap<String, u32>,
    /// Forms that are no date in an Arabic sentence (`دوشنبه`, the city
    /// Dushanbe there), spaces removed.
    not_in_arabic: std::collections::HashSet<String>,
    /// Words after which a weekday is none (`امام جمعه`, `صلاة الجمعة`:
    /// the Friday prayer).
    weekday_not_after: std::collections::HashSet<String>,
    /// The weekday forms, spaces removed.
    weekday_forms: std::collections::HashSet<String>,
    /// Tens of a two-digit Gregorian decade → its century when none is said.
    default_century: HashMap<u32, u32>,
}

/// A regex compiled when it is first used: compiling the four that only
/// digits or a found date need would be a third of the default model's
/// start-up, and a one-line run may need none of them. They are built from
/// the same word lists as `words`, which compiles when the lists are read;
/// a unit test compiles them all.
#[derive(Debug, Clone)]
struct LazyRegex {
    pattern: String,
    regex: once_cell::sync::OnceCell<Regex>,
}

impl LazyRegex {
    fn new(pattern: String) -> LazyRegex {
        LazyRegex {
            pattern,
            regex: once_cell::sync::OnceCell::new(),
        }
    }

    fn get(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&self.pattern).expect("a date pattern built from the word lists compiles"))
    }
}

/// A DATE found in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

/// Escapes a folded form for a regex, letting each space also match no space.
fn form_pattern(form: &str) -> String {
    form.split(' ').map(regex::escape).collect::<Vec<_>>().join(" ?")
}

/// The forms as one group, longest first; a group that matches nothing when
/// there are none.
fn alternation(forms: &[String]) -> String {
    let mut forms = forms.to_vec();
    forms.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    forms.dedup();
    if forms.is_empty() {
        return r"[^\s\S]".to_string();
    }
    let alts: Vec<String> = forms.iter().map(|f| form_pattern(f)).collect();
    format!("(?:{})", alts.join("|"))
}

/// The key of a form or a matched text in the maps: spaces removed.
fn key(text: &str) -> String {
    text.replace(' ', "")
}

/// The word lists of `dates.tsv`, one per kind (and per strictness).
#[derive(Default)]
struct Lists {
    gregorian: Vec<String>,
    gregorian_strict: Vec<String>,
    solar: Vec<String>,
    solar_strict: Vec<String>,
    hijri: Vec<String>,
    ordinals: Vec<String>,
    month_word: Vec<String>,
    eras: Vec<String>,
    eras_strict: Vec<String>,
    eras_hijri: Vec<String>,
    decade_cues: Vec<String>,
    decade_numbers: Vec<String>,
    decade_words: Vec<String>,
    centuries: Vec<String>,
    weekdays: Vec<String>,
    relative: Vec<String>,
    joiners: Vec<String>,
    year_cues: Vec<String>,
    not_in_arabic: Vec<String>,
    weekday_not_after: Vec<String>,
}

impl Dates {
    /// Whether the DATE `f[s..e]` is a weekday that names no day, after one
    /// of the words of `weekday_not_after` (`امام جمعه`, `صلاة الجمعة`).
    pub(crate) fn weekday_named_for(&self, f: &str, s: usize, e: usize) -> bool {
        if self.weekday_not_after.is_empty() || !self.weekday_forms.contains(&f[s..e].replace(' ', "")) {
            return false;
        }
        let before = f[..s].trim_end_matches(' ');
        let word = before.rsplit(' ').next().unwrap_or("");
        self.weekday_not_after.contains(word)
    }

    /// Whether the folded date text is no date in an Arabic sentence.
    pub(crate) fn not_in_arabic(&self, folded: &str) -> bool {
        !self.not_in_arabic.is_empty() && self.not_in_arabic.contains(&folded.replace(' ', ""))
    }

    pub(crate) fn parse(file: &str, text: &str) -> Result<Dates, Error> {
        let mut months = HashMap::new();
        let mut ordinals = HashMap::new();
        let mut eras = HashMap::new();
        let mut decades = HashMap::new();
        let mut centuries = HashMap::new();
        let mut default_century = HashMap::new();
        let mut l = Lists::default();
        for row in Tsv::new(file, text, DataFile::Dates) {
            let row = row?;
            let cells = &row.cells;
            let malformed = |what: String| row.error("value", Detail::Malformed(what));
            let number = |range: std::ops::RangeInclusive<u32>| -> Result<u32, Error> {
                match cells[1].parse::<u32>() {
                    Ok(v) if range.contains(&v) => Ok(v),
                    Ok(v) => Err(malformed(format!("{v} is not {} to {}", range.start(), range.end()))),
                    Err(_) => Err(malformed(format!("`{}` is not a number", cells[1]))),
                }
            };
            for raw in cells[2].split('|') {
                let raw = raw.trim();
                let (form, strict) = match raw.strip_suffix("[strict]") {
                    Some(f) => (f.trim(), true),
                    None => (raw, false),
                };
                let folded = fold_name(form);
                if folded.is_empty() {
                    return Err(row.error("forms", Detail::EmptyName(raw.to_string())));
                }
                if strict && !matches!(cells[0], "month_gregorian" | "month_solar" | "era") {
                    return Err(row.error("forms", Detail::Malformed(format!("`{raw}`: only months and eras may be [strict]"))));
                }
                let clash = |what: &str| {
                    row.error(
                        "forms",
                        Detail::Malformed(format!("`{form}` is already a {what} with another value")),
                    )
                };
                match cells[0] {
                    "month_gregorian" | "month_solar" | "month_hijri" => {
                        // Hijri months are always stricter than [strict].
                        let (cal, list) = match (cells[0], strict) {
                            ("month_gregorian", false) => (Calendar::Gregorian, &mut l.gregorian),
                            ("month_gregorian", true) => (Calendar::Gregorian, &mut l.gregorian_strict),
                            ("month_solar", false) => (Calendar::Solar, &mut l.solar),
                            ("month_solar", true) => (Calendar::Solar, &mut l.solar_strict),
                            _ => (Calendar::Hijri, &mut l.hijri),
                        };
                        let m = number(1..=12)?;
                        if months.insert(key(&folded), (cal, m)).is_some_and(|v| v != (cal, m)) {
                            return Err(clash("month"));
                        }
                        list.push(folded);
                    }
                    "era" => {
                        let cal = match cells[1] {
                            "gregorian" => Calendar::Gregorian,
                            "solar" => Calendar::Solar,
                            "hijri" => Calendar::Hijri,
                            other => return Err(malformed(format!("`{other}` is not gregorian, solar or hijri"))),
                        };
                        if eras.insert(key(&folded), cal).is_some_and(|v| v != cal) {
                            return Err(clash("era"));
                        }
                        if cal == Calendar::Hijri {
                            l.eras_hijri.push(folded.clone());
                        }
                        if strict {
                            l.eras_strict.push(folded);
                        } else {
                            l.eras.push(folded);
                        }
                    }
                    "ordinal" => {
                        ordinals.insert(key(&folded), number(1..=31)?);
                        l.ordinals.push(folded);
                    }
                    "decade_number" | "decade" => {
                        let tens = number(10..=90)?;
                        if tens % 10 != 0 {
                            return Err(malformed(format!("{tens} is not a multiple of ten")));
                        }
                        if decades.insert(key(&folded), tens).is_some_and(|v| v != tens) {
                            return Err(clash("decade"));
                        }
                        if cells[0] == "decade" {
                            l.decade_words.push(folded);
                        } else {
                            l.decade_numbers.push(folded);
                        }
                    }
                    "century" => {
                        let c = number(10..=99)?;
                        if centuries.insert(key(&folded), c).is_some_and(|v| v != c) {
                            return Err(clash("century"));
                        }
                        l.centuries.push(folded);
                    }
                    "decade_century" => {
                        let c = number(10..=99)?;
                        let tens = folded
                            .parse::<u32>()
                            .ok()
                            .filter(|t| *t % 10 == 0 && *t <= 90)
                            .ok_or_else(|| row.error("forms", Detail::Malformed(format!("`{form}` is not the tens of a decade"))))?;
                        default_century.insert(tens, c);
                    }
                    "weekday" => l.weekdays.push(folded),
                    "relative" => l.relative.push(folded),
                    "day_joiner" => l.joiners.push(folded),
                    "month_word" => l.month_word.push(folded),
                    "decade_cue" => l.decade_cues.push(folded),
                    "year_cue" => l.year_cues.push(folded),
                    "not_in_arabic" => l.not_in_arabic.push(folded.replace(' ', "")),
                    "weekday_not_after" => l.weekday_not_after.push(folded),
                    other => return Err(row.error("kind", Detail::Malformed(format!("unknown kind `{other}`")))),
                }
            }
        }
        let ordinal = alternation(&l.ordinals);
        // A digit day may be joined to its month (3كانون الأول).
        let day = format!("(?:[0-9]{{1,2}} ?|{ordinal} )(?:{} )?", alternation(&l.joiners));
        let gregorian_loose = alternation(&l.gregorian);
        let gregorian = alternation(&[&l.gregorian[..], &l.gregorian_strict[..]].concat());
        let solar_loose = alternation(&l.solar);
        let solar = alternation(&[&l.solar[..], &l.solar_strict[..]].concat());
        let hijri = alternation(&l.hijri);
        let all_months = alternation(
            &[
                &l.gregorian[..],
                &l.gregorian_strict[..],
                &l.solar[..],
                &l.solar_strict[..],
                &l.hijri[..],
            ]
            .concat(),
        );
        let month_word = alternation(&l.month_word);
        let era_loose = alternation(&l.eras);
        let era_strict = alternation(&l.eras_strict);
        let era_hijri = alternation(&l.eras_hijri);
        let era = alternation(&[&l.eras[..], &l.eras_strict[..]].concat());
        let decade_cue = alternation(&l.decade_cues);
        let decade_number = alternation(&l.decade_numbers);
        let decade_word = alternation(&l.decade_words);
        let century = alternation(&l.centuries);
        // The other name of a Gregorian month, after a slash or in brackets.
        let pair = format!(r"(?: ?/ ?{gregorian}| ?\( ?{gregorian} ?\))");
        let month = format!("(?:{gregorian}{pair}?|{solar}(?: ?{month_word})?)");
        let year = format!(" [0-9]{{4}}(?: ?{era})?");
        let alternatives = [
            format!("{day}{month}(?:{year})?"),
            format!("{day}{hijri} (?:1[34][0-9]{{2}}(?: ?{era_hijri})?|[0-9]{{4}} ?{era_hijri}|{era_hijri})"),
            format!("{month}{year}"),
            format!("{hijri} [0-9]{{4}} ?{era_hijri}"),
            format!("{solar} ?{month_word}"),
            format!("{gregorian}{pair}"),
            format!("{decade_cue} (?:[0-9]{{3}}0|[1-9]0|{decade_number})(?: ?{era})?"),
            format!("{decade_word}(?: {century})?"),
            format!("(?:1[0-9]|20)[0-9]{{2}} ?{era_loose}"),
            format!("(?:19|20)[0-9]{{2}} ?{era_strict}"),
            format!("{gregorian_loose}|{solar_loose}"),
            alternation(&l.weekdays),
            alternation(&l.relative),
            "(?:19|20)[0-9]{2}".to_string(),
        ];
        // No `\b`: a Unicode word boundary keeps the regex crate off its
        // fast engines. The edges are consumed non-word characters (or the
        // ends), and a search goes on from the end of the date, so the
        // character after one date can stand before the next.
        // The left edge is checked by hand (`edges::left_edge`, the
        // proclitics of affixes.tsv), so a match is
        // found by the lazy DFA alone, with no capture pass; the right edge
        // stays in the pattern (a longer form that fails there falls back to
        // a shorter one) and is cut off the match.
        let words = format!(r"(?:{alts})(?:$|[^\p{{L}}\p{{N}}])", alts = alternatives.join("|"),);
        let numeric = format!(
            r"(?:^|[^\p{{L}}\p{{N}}/.\-])(?P<d>(?P<a>[0-9]{{1,4}})(?P<s1>[/.\-])(?P<b>[0-9]{{1,2}})(?P<s2>[/.\-])(?P<c>[0-9]{{1,4}})(?: ?(?P<e>{era}))?)(?:$|[^\p{{L}}\p{{N}}])"
        );
        let parts = format!(
            r"^(?:(?P<day>[0-9]{{1,2}}|{ordinal}) ?(?:{joiner} )?)?(?:(?P<month>{all_months})(?: ?{month_word})?(?: ?/ ?(?P<pair>{gregorian})| ?\( ?(?P<pair2>{gregorian}) ?\))?)?(?: ?(?P<year>[0-9]{{4}}))?(?: ?(?P<era>{era}))?$",
            joiner = alternation(&l.joiners),
        );
        let decade_parts = format!(
            r"^(?:{decade_cue} (?:(?P<num>[0-9]{{2,4}})|(?P<word>{decade_number}))|(?P<dw>{decade_word})(?: (?P<century>{century}))?)(?: ?(?P<era>{era}))?$"
        );
        let solar_year = format!(r"(?:^|[^\p{{L}}\p{{N}}]){} (?P<d>1[34][0-9]{{2}})", alternation(&l.year_cues));
        Ok(Dates {
            not_in_arabic: l.not_in_arabic.iter().cloned().collect(),
            weekday_not_after: l.weekday_not_after.iter().cloned().collect(),
            weekday_forms: l.weekdays.iter().map(|w| w.replace(' ', "")).collect(),
            words: regex_automata::meta::Regex::new(&words).map_err(|e| Error::new(file, None, None, Detail::Pattern(e.to_string())))?,
            numeric: LazyRegex::new(numeric),
            solar_year: LazyRegex::new(solar_year),
            parts: LazyRegex::new(parts),
            decade_parts: LazyRegex::new(decade_parts),
            months,
            ordinals,
            eras,
            decades,
            centuries,
            default_century,
        })
    }

    /// Every DATE in the folded text, in order of start; where two overlap,
    /// the longer (`27/01/2024` over `2024`, `۱۴۰۲ ه.ش` over `۱۴۰۲`). An
    /// Arabic proclitic joined to the first word (`وأيار 2023`) stays
    /// outside.
    /// The dates of the folded text; a date starts a word, or follows the
    /// Arabic proclitics of `affixes` joined to it (`وفي`, `بتاريخ` …).
    pub(crate) fn find(&self, folded: &str, starts: &[usize], affixes: &Affixes, out: &mut Vec<DateMatch>) {
        let mut found = Vec::new();
        // A date starts a word, or follows a proclitic joined to one
        // (`left_edge` accepts no other start), so the DATE forms are tried
        // only there, anchored, rather than scanned for over the whole text;
        // in order, each from the end of the last date, which is what the
        // leftmost search from that end would find.
        let mut at = 0;
        for &p in starts {
            if p < at {
                continue;
            }
            let input = regex_automata::Input::new(folded)
                .span(p..folded.len())
                .anchored(regex_automata::Anchored::Yes);
            let Some(m) = self.words.search(&input) else {
                continue;
            };
            // the date without the consumed right edge
            let end = match folded[..m.end()].chars().next_back() {
                Some(c) if m.end() > m.start() && !crate::edges::is_word(c) => m.end() - c.len_utf8(),
                _ => m.end(),
            };
            if end > m.start() && left_edge(affixes, folded, m.start(), folded[m.start()..end].chars().count(), true).is_some() {
                found.push(DateMatch {
                    start: m.start(),
                    end,
                    value: self.value(&folded[m.start()..end]),
                });
                at = end;
            }
        }
        // Both need a digit (the fold makes every digit ASCII).
        let digits = folded.bytes().any(|b| b.is_ascii_digit());
        let numeric = digits.then(|| self.numeric.get());
        at = 0;
        while let Some(c) = numeric.and_then(|r| r.captures_at(folded, at)) {
            let Some(m) = c.name("d") else { break };
            at = m.end();
            // Not a date inside a longer run of numbers (`1/2/2024/5`).
            let mut rest = folded[m.end()..].chars();
            if matches!(rest.next(), Some('/' | '.' | '-')) && rest.next().is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            if let Some(value) = self.numeric_value(&c) {
                found.push(DateMatch {
                    start: m.start(),
                    end: m.end(),
                    value: Some(value),
                });
            }
        }
        let ends_word = |end: usize| crate::edges::ends_word(folded, end);
        for c in digits
            .then(|| self.solar_year.get())
            .into_iter()
            .flat_map(|r| r.captures_iter(folded))
        {
            if let Some(y) = c.name("d").filter(|y| ends_word(y.end())) {
                found.push(DateMatch {
                    start: y.start(),
                    end: y.end(),
                    value: None,
                });
            }
        }
        found.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
        let mut end = 0;
        for d in found {
            if d.start >= end {
                end = d.end;
                out.push(d);
            }
        }
    }

    /// The ISO 8601 value of an expression `words` matched, as far as it
    /// says.
    fn value(&self, text: &str) -> Option<String> {
        if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Some(text.to_string());
        }
        if let Some(c) = self.decade_parts.get().captures(text) {
            return self.decade_value(&c);
        }
        let caps = self.parts.get().captures(text)?;
        let era = caps.name("era").and_then(|e| self.eras.get(&key(e.as_str())).copied());
        let year = caps.name("year").and_then(|y| y.as_str().parse::<u32>().ok());
        let Some(month) = caps.name("month") else {
            // A year with an era: only a Gregorian year is one ISO year.
            return year.filter(|_| era == Some(Calendar::Gregorian)).map(|y| format!("{y:04}"));
        };
        let (cal, month) = *self.months.get(&key(month.as_str()))?;
        if let Some(other) = caps.name("pair").or(caps.name("pair2")) {
            if self.months.get(&key(other.as_str())) != Some(&(cal, month)) {
                return None;
            }
        }
        if era.is_some_and(|e| e != cal) {
            return None;
        }
        let day = caps.name("day").and_then(|d| {
            let d = d.as_str();
            d.parse::<u32>().ok().or_else(|| self.ordinals.get(&key(d)).copied())
        });
        match (cal, year, day) {
            (_, Some(y), Some(d)) => to_gregorian(cal, y, month, d),
            (Calendar::Gregorian, Some(y), None) => Some(format!("{y:04}-{month:02}")),
            (Calendar::Gregorian, None, Some(d)) => (1..=31).contains(&d).then(|| format!("--{month:02}-{d:02}")),
            (Calendar::Gregorian, None, None) => Some(format!("--{month:02}")),
            // A Solar or lunar month spans two Gregorian ones.
            _ => None,
        }
    }

    /// The value of a decade: `199X` for a Gregorian one, none for a Solar
    /// one or a two-digit one whose century is unknown.
    fn decade_value(&self, c: &Captures) -> Option<String> {
        let era = c.name("era").and_then(|e| self.eras.get(&key(e.as_str())).copied());
        let tens = if let Some(n) = c.name("num") {
            let n: u32 = n.as_str().parse().ok()?;
            if n >= 100 {
                let gregorian = (1900..=2099).contains(&n) && matches!(era, None | Some(Calendar::Gregorian));
                return gregorian.then(|| format!("{}X", n / 10));
            }
            n
        } else {
            let word = c.name("word").or(c.name("dw"))?;
            *self.decades.get(&key(word.as_str()))?
        };
        // `دهه ۹۰` with no era is Solar; an Arabic decade word is Gregorian.
        if c.name("dw").is_none() && era != Some(Calendar::Gregorian) {
            return None;
        }
        let century = match c.name("century") {
            Some(w) => *self.centuries.get(&key(w.as_str()))?,
            None => *self.default_century.get(&tens)?,
        };
        Some(format!("{century}{}X", tens / 10))
    }

    /// The value of a numeric date, or `None` when it is no date: the year
    /// has four digits and comes first or last (day first then, as Persian
    /// and Arabic write it), both separators are the same, and the day is
    /// one of the month. With no era, 1300–1499 is a Solar year and
    /// 1900–2099 a Gregorian one.
    fn numeric_value(&self, c: &Captures) -> Option<String> {
        if c["s1"] != c["s2"] {
            return None;
        }
        let (a, b, last) = (&c["a"], &c["b"], &c["c"]);
        let (y, m, d) = match (a.len(), last.len()) {
            (4, 1..=2) => (a, b, last),
            (1..=2, 4) => (last, b, a),
            _ => return None,
        };
        let (y, m, d) = (y.parse::<u32>().ok()?, m.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
        let cal = match c.name("e") {
            Some(e) => *self.eras.get(&key(e.as_str()))?,
            None if (1300..1500).contains(&y) => Calendar::Solar,
            None if (1900..2100).contains(&y) => Calendar::Gregorian,
            None => return None,
        };
        to_gregorian(cal, y, m, d)
    }
}

/// The Gregorian ISO 8601 date of a day in `cal`, or `None` when there is
/// no such day. Solar Hijri years are taken from 1200 to 1600, Hijri lunar
/// years from 1300 to 1600 (the span of the Umm al-Qura tables).
fn to_gregorian(cal: Calendar, y: u32, m: u32, d: u32) -> Option<String> {
    let (y, m, d) = (i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    let date = match cal {
        Calendar::Gregorian => Date::try_new_gregorian(y, m, d).ok()?,
        Calendar::Solar if (1200..=1600).contains(&y) => Date::try_new_persian(y, m, d).ok()?.to_calendar(Gregorian),
        Calendar::Hijri if (1300..=1600).contains(&y) => Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura())
            .ok()?
            .to_calendar(Gregorian),
        _ => return None,
    };
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year().extended_year(),
        date.month().ordinal,
        date.day_of_month().0
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates() -> Dates {
        Dates::parse(DEFAULT_DATES.0, DEFAULT_DATES.1).unwrap()
    }

    /// The patterns compiled on first use compile.
    #[test]
    fn lazy_patterns_compile() {
        let d = dates();
        for lazy in [&d.numeric, &d.solar_year, &d.parts, &d.decade_parts] {
            assert!(Regex::new(&lazy.pattern).is_ok(), "{}", lazy.pattern);
        }
    }

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let n = crate::normalize(text);
        let mut out = Vec::new();
        let affixes = Affixes::parse(crate::gazetteer::DEFAULT_AFFIXES.0, crate::gazetteer::DEFAULT_AFFIXES.1).unwrap();
        let starts = crate::edges::word_starts(n.as_str(), &affixes);
        dates().find(n.as_str(), &starts, &affixes, &mut out);
        out.into_iter().map(|m| (n.as_str()[m.start..m.end].to_string(), m.value)).collect()
    }

    #[test]
    fn solar_conversion() {
        let solar = |y, m, d| to_gregorian(Calendar::Solar, y, m, d);
        assert_eq!(solar(1399, 1, 1).as_deref(), Some("2020-03-20"));
        assert_eq!(solar(1399, 8, 4).as_deref(), Some("2020-10-25"));
        assert_eq!(solar(1402, 6, 28).as_deref(), Some("2023-09-19"));
        assert_eq!(solar(1402, 12, 18).as_deref(), Some("2024-03-08"));
        // 1403 is a leap year, 1402 is not
        assert_eq!(solar(1403, 12, 30).as_deref(), Some("2025-03-20"));
        assert_eq!(solar(1402, 12, 30), None);
        assert_eq!(solar(1402, 7, 31), None);
    }

    /// Umm al-Qura dates as the Saudi calendar printed them.
    #[test]
    fn hijri_conversion() {
        let hijri = |y, m, d| to_gregorian(Calendar::Hijri, y, m, d);
        assert_eq!(hijri(1445, 7, 15).as_deref(), Some("2024-01-27"));
        assert_eq!(hijri(1445, 9, 1).as_deref(), Some("2024-03-11"));
        assert_eq!(hijri(1444, 10, 1).as_deref(), Some("2023-04-21"));
        assert_eq!(hijri(1445, 12, 10).as_deref(), Some("2024-06-16"));
        assert_eq!(hijri(1446, 1, 1).as_deref(), Some("2024-07-07"));
        assert_eq!(hijri(1446, 9, 1).as_deref(), Some("2025-03-01"));
        assert_eq!(hijri(1445, 9, 31), None);
        assert_eq!(hijri(1200, 1, 1), None);
    }

    #[test]
    fn gregorian_validation() {
        let gregorian = |y, m, d| to_gregorian(Calendar::Gregorian, y, m, d);
        assert_eq!(gregorian(2024, 2, 29).as_deref(), Some("2024-02-29"));
        assert_eq!(gregorian(2023, 2, 29), None);
        assert_eq!(gregorian(2024, 13, 1), None);
    }

    #[test]
    fn table() {
        type Case<'a> = (&'a str, &'a [(&'a str, Option<&'a str>)]);
        let cases: &[Case] = &[
            ("در ۹ نوامبر ۲۰۲۰ امضا شد", &[("9 نوامبر 2020", Some("2020-11-09"))]),
            ("چهارم آبان ۱۳۹۹ بعد", &[("چهارم ابان 1399", Some("2020-10-25"))]),
            ("في الـ 9 من تشرين الثاني 2020", &[("9 من تشرین الثانی 2020", Some("2020-11-09"))]),
            ("في مطلع تشرين الأول في", &[("تشرین الاول", Some("--10"))]),
            ("في شهر أيار 2023،", &[("ایار 2023", Some("2023-05"))]),
            ("روز سه‌شنبه گفت", &[("سهشنبه", None)]),
            ("روز سه شنبه گفت", &[("سه شنبه", None)]),
            ("در سال 1994 طرفین", &[("1994", Some("1994"))]),
            ("در سال ۱۴۰۲ و", &[("1402", None)]),
            // strict months need a day, a year or ماه
            ("او می گوید که مهر و تیر", &[]),
            ("۱۵ مهر ۱۴۰۲", &[("15 مهر 1402", Some("2023-10-07"))]),
            ("30 هزار نفر و 100 کیلومتری", &[]),
            // the character after one date stands before the next
            ("1994 2000", &[("1994", Some("1994")), ("2000", Some("2000"))]),
            // a longer form that fails at its edge leaves the shorter one
            ("در اسفند ماهی گرفت", &[("اسفند", None)]),
            ("اسفندیار آمد", &[]),
            // م is metres after a number that is no modern year
            ("على بعد 1500 م من", &[]),
            ("عام 2024م", &[("2024م", Some("2024"))]),
            // the two names of a month must agree
            ("في 15 يونيو/تموز 2024", &[("15 یونیو/تموز 2024", None)]),
            // a Solar year written with its era; a lunar date in Gregorian years is none
            ("سال ۱۳۹۹ شمسی", &[("1399 شمسی", None)]),
            ("15 رمضان 2024", &[("2024", Some("2024"))]),
            // numeric dates: one separator, a valid day, a four-digit year
            (
                "31/02/2024 و 2024.1.5 و 5/1-2024",
                &[("2024", Some("2024")), ("2024.1.5", Some("2024-01-05")), ("2024", Some("2024"))],
            ),
            ("1/2/2024/5", &[("2024", Some("2024"))]),
            ("۳۰/۱۲/۱۴۰۳", &[("30/12/1403", Some("2025-03-20"))]),
            // decades
            ("دهه‌ی ۸۰ میلادی", &[("دههی 80 میلادی", Some("198X"))]),
            ("دهه ۲۰۲۰", &[("دهه 2020", Some("202X"))]),
            ("العشرينيات من القرن", &[("العشرینیات", None)]),
            ("ستينيات القرن التاسع عشر", &[("ستینیات القرن التاسع عشر", Some("186X"))]),
            ("بالتسعينيات", &[("التسعینیات", Some("199X"))]),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want: Vec<(String, Option<String>)> = want.iter().map(|(s, v)| (s.to_string(), v.map(str::to_string))).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn bad_lines() {
        for (line, why) in [
            ("month_hijri\t13\tرجب", "13 is not 1 to 12"),
            ("era\tjulian\tق", "not gregorian"),
            ("decade\t45\tx", "multiple of ten"),
            ("weekday\t1\tشنبه [strict]", "only months and eras"),
            ("month_solar\t1\tفروردین\nmonth_solar\t2\tفروردین", "already a month"),
            ("decade_century\t19\t35", "not the tens"),
        ] {
            let e = Dates::parse("t.tsv", line).unwrap_err().to_string();
            assert!(e.contains(why), "{line}: {e}");
        }
    }
}
