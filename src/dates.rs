//! The DATE recogniser: regular expressions over the folded text, built from
//! the word lists in `gazetteers/dates.tsv`.
//!
//! It finds day-month-year dates (`9 نوامبر 2020`, `چهارم آبان ۱۳۹۹`,
//! `9 من تشرين الثاني 2020`), months with or without a year, bare Gregorian
//! years (`1994`), Solar Hijri years after `سال`, weekdays and relative
//! dates, and gives each a normalized ISO 8601 value as far as the text says.

use crate::error::{Detail, Error};
use crate::gazetteer::{data_cells, data_lines, fold_name};
use regex::Regex;
use std::collections::HashMap;

/// The default word lists.
pub(crate) const DEFAULT_DATES: (&str, &str) = ("gazetteers/dates.tsv", include_str!("../gazetteers/dates.tsv"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Calendar {
    Gregorian,
    Solar,
}

/// The compiled recogniser.
#[derive(Debug, Clone)]
pub(crate) struct Dates {
    /// Every DATE expression except Solar years after a cue.
    any: Regex,
    /// `سال ۱۴۰۲`: group 1 is the year.
    solar_year: Regex,
    /// Splits a matched full date into its parts.
    parts: Regex,
    months: HashMap<String, (Calendar, u32)>,
    ordinals: HashMap<String, u32>,
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

fn alternation(mut forms: Vec<String>) -> String {
    forms.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    forms.dedup();
    let alts: Vec<String> = forms.iter().map(|f| form_pattern(f)).collect();
    format!("(?:{})", alts.join("|"))
}

impl Dates {
    pub(crate) fn parse(file: &str, text: &str) -> Result<Dates, Error> {
        let mut months = HashMap::new();
        let mut ordinals = HashMap::new();
        let (mut month_forms, mut strict_forms) = (Vec::new(), Vec::new());
        let (mut weekdays, mut relative, mut joiners, mut year_cues) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (n, line) in data_lines(text) {
            let cells = data_cells(file, n, line, 3)?;
            let number = || -> Result<u32, Error> {
                cells[1].parse::<u32>().map_err(|_| {
                    Error::new(
                        file,
                        Some(n),
                        Some("value"),
                        Detail::Malformed(format!("`{}` is not a number", cells[1])),
                    )
                })
            };
            for raw in cells[2].split('|') {
                let raw = raw.trim();
                let (form, strict) = match raw.strip_suffix("[strict]") {
                    Some(f) => (f.trim(), true),
                    None => (raw, false),
                };
                let folded = fold_name(form);
                if folded.is_empty() {
                    return Err(Error::new(file, Some(n), Some("forms"), Detail::EmptyName(raw.to_string())));
                }
                match cells[0] {
                    "month_gregorian" | "month_solar" => {
                        let cal = if cells[0] == "month_solar" {
                            Calendar::Solar
                        } else {
                            Calendar::Gregorian
                        };
                        let m = number()?;
                        if !(1..=12).contains(&m) {
                            return Err(Error::new(
                                file,
                                Some(n),
                                Some("value"),
                                Detail::Malformed(format!("month {m} is not 1 to 12")),
                            ));
                        }
                        months.insert(folded.clone(), (cal, m));
                        if strict {
                            strict_forms.push(folded);
                        } else {
                            month_forms.push(folded);
                        }
                    }
                    "ordinal" => {
                        ordinals.insert(folded.clone(), number()?);
                    }
                    "weekday" => weekdays.push(folded),
                    "relative" => relative.push(folded),
                    "day_joiner" => joiners.push(folded),
                    "year_cue" => year_cues.push(folded),
                    other => {
                        return Err(Error::new(
                            file,
                            Some(n),
                            Some("kind"),
                            Detail::Malformed(format!("unknown kind `{other}`")),
                        ))
                    }
                }
            }
        }
        let ordinal = alternation(ordinals.keys().cloned().collect());
        let day = format!("(?:[0-9]{{1,2}}|{ordinal})");
        let joiner = alternation(joiners);
        let month = alternation(month_forms);
        let strict = alternation(strict_forms);
        let year = "[0-9]{4}";
        let full = format!("(?:{day} (?:{joiner} )?)?{month}(?: {year})?|{day} (?:{joiner} )?{strict}(?: {year})?|{strict} {year}");
        // No `\b`: a Unicode word boundary keeps the regex crate off its
        // fast engines. The left edge is a consumed non-word character (or
        // the start); the right edge is checked after the match.
        let any = format!(
            r"(?:^|[^\p{{L}}\p{{N}}])(?:{clitics})(?P<d>{full}|{weekdays}|{relative}|(?:19|20)[0-9]{{2}})",
            clitics = "[وف]?[بلک]?",
            weekdays = alternation(weekdays),
            relative = alternation(relative),
        );
        let parts = format!(r"^(?:(?P<day>{day}) (?:{joiner} )?)?(?P<month>{month}|{strict})(?: (?P<year>{year}))?$");
        let solar_year = format!(r"(?:^|[^\p{{L}}\p{{N}}]){} (?P<d>1[34][0-9]{{2}})", alternation(year_cues));
        let compile = |p: &str| Regex::new(p).map_err(|e| Error::new(file, None, None, Detail::Pattern(e.to_string())));
        Ok(Dates {
            any: compile(&any)?,
            solar_year: compile(&solar_year)?,
            parts: compile(&parts)?,
            months,
            ordinals,
        })
    }

    /// Every DATE in the folded text, in order of start. An Arabic
    /// proclitic joined to the first word (`وأيار 2023`) stays outside.
    pub(crate) fn find(&self, folded: &str, out: &mut Vec<DateMatch>) {
        let ends_word = |end: usize| folded[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        for c in self.any.captures_iter(folded) {
            let Some(m) = c.name("d") else { continue };
            if !ends_word(m.end()) {
                continue;
            }
            out.push(DateMatch {
                start: m.start(),
                end: m.end(),
                value: self.value(m.as_str()),
            });
        }
        for c in self.solar_year.captures_iter(folded) {
            if let Some(y) = c.name("d").filter(|y| ends_word(y.end())) {
                out.push(DateMatch {
                    start: y.start(),
                    end: y.end(),
                    value: None,
                });
            }
        }
    }

    /// The ISO 8601 value of a matched expression, as far as it says.
    fn value(&self, text: &str) -> Option<String> {
        if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            return Some(text.to_string());
        }
        let caps = self.parts.captures(text)?;
        let month_text = caps.name("month")?.as_str().replace(' ', "");
        let (cal, month) = self
            .months
            .iter()
            .find(|(form, _)| form.replace(' ', "") == month_text)
            .map(|(_, &v)| v)?;
        let day = caps.name("day").and_then(|d| {
            let d = d.as_str();
            d.parse::<u32>().ok().or_else(|| {
                let squeezed = d.replace(' ', "");
                self.ordinals
                    .iter()
                    .find(|(form, _)| form.replace(' ', "") == squeezed)
                    .map(|(_, &v)| v)
            })
        });
        let year = caps.name("year").and_then(|y| y.as_str().parse::<u32>().ok());
        match cal {
            Calendar::Gregorian => {
                if day.is_some_and(|d| d == 0 || d > 31) {
                    return None;
                }
                Some(match (year, day) {
                    (Some(y), Some(d)) => format!("{y:04}-{month:02}-{d:02}"),
                    (Some(y), None) => format!("{y:04}-{month:02}"),
                    (None, Some(d)) => format!("--{month:02}-{d:02}"),
                    (None, None) => format!("--{month:02}"),
                })
            }
            Calendar::Solar => {
                let (y, d) = (year?, day?);
                let max = if month <= 6 { 31 } else { 30 };
                if d == 0 || d > max || !(1200..=1600).contains(&y) {
                    return None;
                }
                let (gy, gm, gd) = solar_to_gregorian(y as i64, month as i64, d as i64);
                Some(format!("{gy:04}-{gm:02}-{gd:02}"))
            }
        }
    }
}

/// Converts a Solar Hijri date to the Gregorian calendar (the arithmetic
/// 33-year-cycle algorithm, exact for the years news uses).
pub(crate) fn solar_to_gregorian(jy: i64, jm: i64, jd: i64) -> (i64, i64, i64) {
    let jy = jy + 1595;
    let mut days = -355668 + 365 * jy + (jy / 33) * 8 + ((jy % 33) + 3) / 4 + jd + if jm < 7 { (jm - 1) * 31 } else { (jm - 7) * 30 + 186 };
    let mut gy = 400 * (days / 146097);
    days %= 146097;
    if days > 36524 {
        days -= 1;
        gy += 100 * (days / 36524);
        days %= 36524;
        if days >= 365 {
            days += 1;
        }
    }
    gy += 4 * (days / 1461);
    days %= 1461;
    if days > 365 {
        gy += (days - 1) / 365;
        days = (days - 1) % 365;
    }
    let mut gd = days + 1;
    let leap = (gy % 4 == 0 && gy % 100 != 0) || gy % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut gm = 0;
    while gm < 12 && gd > month_days[gm] {
        gd -= month_days[gm];
        gm += 1;
    }
    (gy, gm as i64 + 1, gd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates() -> Dates {
        Dates::parse(DEFAULT_DATES.0, DEFAULT_DATES.1).unwrap()
    }

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        let n = crate::normalize(text);
        let mut out = Vec::new();
        dates().find(n.as_str(), &mut out);
        out.into_iter().map(|m| (n.as_str()[m.start..m.end].to_string(), m.value)).collect()
    }

    #[test]
    fn solar_conversion() {
        assert_eq!(solar_to_gregorian(1399, 1, 1), (2020, 3, 20));
        assert_eq!(solar_to_gregorian(1399, 8, 4), (2020, 10, 25));
        assert_eq!(solar_to_gregorian(1402, 6, 28), (2023, 9, 19));
        assert_eq!(solar_to_gregorian(1403, 12, 30), (2025, 3, 20));
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
            // strict months need a day or a year
            ("او می گوید که مهر و تیر", &[]),
            ("۱۵ مهر ۱۴۰۲", &[("15 مهر 1402", Some("2023-10-07"))]),
            ("30 هزار نفر و 100 کیلومتری", &[]),
        ];
        for (text, want) in cases {
            let got = found(text);
            let want: Vec<(String, Option<String>)> = want.iter().map(|(s, v)| (s.to_string(), v.map(str::to_string))).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
