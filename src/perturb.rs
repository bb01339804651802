//! Rewrites of a text the ways real articles arrive (Arabic or Persian
//! keyboards, ZWNJ or none, harakat, tatweel, presentation forms, three
//! digit sets, NBSP, bidi marks after spaces or punctuation, CRLF), and a comparison of what namyab
//! extracts from each: the same article, however it is typed, must give the
//! same entities and relations. `namyab perturb FILE` runs it on your texts.
//!
//! A quality-assurance module, apart from the extraction API at the crate
//! root.
//!
//! ```
//! use namyab::perturb::{check_perturbations, perturbations};
//! let text = "پزشکیان در کرمان‌شاه";
//! let bare = perturbations(text).into_iter().find(|p| p.name == "zwnj_removed").unwrap();
//! assert_eq!(bare.text, "پزشکیان در کرمانشاه");
//! // the city is found, with its own spelling's offsets, either way
//! let e = &namyab::extract(&bare.text).entities[1];
//! assert_eq!((e.id.as_deref(), &bare.text[e.span.range()]), (Some("kermanshah"), "کرمانشاه"));
//! let e = &namyab::extract(text).entities[1];
//! assert_eq!((e.id.as_deref(), &text[e.span.range()]), (Some("kermanshah"), "کرمان‌شاه"));
//! assert_eq!((e.span.end, bare.text.len()), (39, 36));
//! assert!(check_perturbations(namyab::default_extractor(), text).is_empty());
//! ```

use crate::normalize::normalize;
use crate::{Extraction, Extractor};

/// One rewrite of a text.
///
/// ```
/// let text = "أجرى عراقجي اتصالاً مع لافروف";
/// let p = namyab::perturb::perturbations(text);
/// let persian = p.iter().find(|p| p.name == "persian_letters").unwrap();
/// assert_eq!(persian.text, "أجری عراقجی اتصالاً مع لافروف");
/// let x = namyab::extract(&persian.text);
/// let found: Vec<&str> = x.entities.iter().map(|e| &persian.text[e.span.range()]).collect();
/// assert_eq!(found, ["عراقجی", "لافروف"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perturbation {
    /// What was changed (`arabic_letters`, `nbsp`, …).
    pub name: &'static str,
    /// The rewritten text.
    pub text: String,
}

/// Every rewrite of `text`, each changing one thing.
///
/// ```
/// let p = namyab::perturb::perturbations("نیکول پاشینیان ۲۰۲۳");
/// let arabic = p.iter().find(|p| p.name == "arabic_letters").unwrap();
/// assert_eq!(arabic.text, "نيكول پاشينيان ۲۰۲۳");
/// let ascii = p.iter().find(|p| p.name == "ascii_digits").unwrap();
/// assert_eq!(ascii.text, "نیکول پاشینیان 2023");
/// ```
pub fn perturbations(text: &str) -> Vec<Perturbation> {
    let map = |f: &dyn Fn(char) -> Option<char>| text.chars().map(|c| f(c).unwrap_or(c)).collect::<String>();
    let digits = |zero: char| {
        map(&|c: char| {
            let d = match c {
                '0'..='9' => c as u32 - '0' as u32,
                '۰'..='۹' => c as u32 - '۰' as u32,
                '٠'..='٩' => c as u32 - '٠' as u32,
                _ => return None,
            };
            char::from_u32(zero as u32 + d)
        })
    };
    let mut out = vec![
        Perturbation {
            name: "arabic_letters",
            text: map(&|c| match c {
                'ی' => Some('ي'),
                'ک' => Some('ك'),
                _ => None,
            }),
        },
        Perturbation {
            name: "persian_letters",
            text: map(&|c| match c {
                'ي' | 'ى' => Some('ی'),
                'ك' => Some('ک'),
                _ => None,
            }),
        },
        Perturbation {
            name: "zwnj_removed",
            text: text.replace('\u{200C}', ""),
        },
        Perturbation {
            name: "zwnj_joins",
            text: zwnj_joins(text),
        },
        Perturbation {
            name: "harakat",
            text: text
                .chars()
                .flat_map(|c| std::iter::once(c).chain(is_letter(c).then_some('\u{064E}')))
                .collect(),
        },
        Perturbation {
            name: "tatweel",
            text: tatweel(text),
        },
        Perturbation {
            name: "presentation_forms",
            text: map(&presentation_form),
        },
        Perturbation {
            name: "persian_digits",
            text: digits('۰'),
        },
        Perturbation {
            name: "arabic_indic_digits",
            text: digits('٠'),
        },
        Perturbation {
            name: "ascii_digits",
            text: digits('0'),
        },
        Perturbation {
            name: "nbsp",
            text: text.replace(' ', "\u{00A0}"),
        },
        Perturbation {
            name: "bidi_marks",
            text: text.replace(' ', " \u{200F}").replace('\n', "\u{200E}\n"),
        },
        Perturbation {
            name: "bidi_after_punctuation",
            text: text
                .chars()
                .flat_map(|c| {
                    let punct = matches!(c, '.' | '،' | ',' | ':' | '؛' | '«' | '»' | '"' | '!' | '?' | '؟');
                    std::iter::once(c).chain(punct.then_some('\u{200F}'))
                })
                .collect(),
        },
        Perturbation {
            name: "crlf",
            text: text.replace("\r\n", "\n").replace('\n', "\r\n"),
        },
    ];
    out.retain(|p| p.text != text);
    out
}

/// Arabic-script letters (not marks, not digits).
fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | 'پ' | 'چ' | 'ژ' | 'ک' | 'گ' | 'ی')
}

/// Letters that join on both sides, after which a tatweel can stand.
fn joins_left(c: char) -> bool {
    matches!(
        c,
        'ب' | 'ت'
            | 'ث'
            | 'ج'
            | 'ح'
            | 'خ'
            | 'س'
            | 'ش'
            | 'ص'
            | 'ض'
            | 'ط'
            | 'ظ'
            | 'ع'
            | 'غ'
            | 'ف'
            | 'ق'
            | 'ك'
            | 'ل'
            | 'م'
            | 'ن'
            | 'ه'
            | 'ي'
            | 'پ'
            | 'چ'
            | 'ک'
            | 'گ'
            | 'ی'
    )
}

/// A tatweel after the first letter of each word of three letters or more,
/// where the letter joins the next.
fn tatweel(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    let mut at_word_start = true;
    while let Some(c) = chars.next() {
        out.push(c);
        if at_word_start && joins_left(c) && chars.peek().is_some_and(|&n| is_letter(n)) {
            out.push('\u{0640}');
        }
        at_word_start = !is_letter(c) && !c.is_alphanumeric();
    }
    out
}

/// The Persian plural written after a ZWNJ instead of a space (`ارمنی ها` →
/// `ارمنی‌ها`), as Persian editors join it.
fn zwnj_joins(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" ها") {
        let after = &rest[i + " ها".len()..];
        let joins = rest[..i].chars().next_back().is_some_and(is_letter)
            && (after.is_empty() || after.starts_with('ی') || after.starts_with(|c: char| !c.is_alphanumeric()));
        out.push_str(&rest[..i]);
        out.push_str(if joins { "\u{200C}ها" } else { " ها" });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The isolated presentation form of some letters.
fn presentation_form(c: char) -> Option<char> {
    Some(match c {
        'ا' => '\u{FE8D}',
        'ب' => '\u{FE8F}',
        'ت' => '\u{FE95}',
        'ر' => '\u{FEAD}',
        'س' => '\u{FEB1}',
        'ل' => '\u{FEDD}',
        'م' => '\u{FEE1}',
        'ن' => '\u{FEE5}',
        'و' => '\u{FEED}',
        'ي' => '\u{FEF1}',
        'ی' => '\u{FBFC}',
        'ک' => '\u{FB8E}',
        'پ' => '\u{FB56}',
        _ => return None,
    })
}

/// What differs between two extractions of the same article typed two ways:
/// the entities (type, id, and a surface that folds the same) in order, and
/// the relations (type, arguments, status). Empty when they agree.
///
/// ```
/// let text = "لاوروف و بایراموف تلفنی گفتگو کردند";
/// let a = namyab::extract(text);
/// for p in namyab::perturb::perturbations(text) {
///     let b = namyab::extract(&p.text);
///     assert!(namyab::perturb::differences(&a, &b).is_empty(), "{}", p.name);
/// }
/// ```
pub fn differences(a: &Extraction, b: &Extraction) -> Vec<String> {
    let mut out = Vec::new();
    let entities = |x: &Extraction| -> Vec<(String, Option<String>, String)> {
        x.entities
            .iter()
            .map(|e| {
                (
                    e.entity_type.as_str().to_string(),
                    e.id.as_deref().map(str::to_string),
                    normalize(&e.text).as_str().to_string(),
                )
            })
            .collect()
    };
    let (ea, eb) = (entities(a), entities(b));
    if ea != eb {
        let n = ea.iter().zip(&eb).take_while(|(x, y)| x == y).count();
        out.push(format!(
            "entities differ from the {}th: {:?} vs {:?} ({} vs {} entities)",
            n + 1,
            ea.get(n),
            eb.get(n),
            ea.len(),
            eb.len()
        ));
    }
    let relations = |x: &Extraction| -> Vec<String> {
        let mut keys: Vec<String> = x
            .relations
            .iter()
            .map(|r| {
                let arg = |v: &[crate::Argument]| {
                    let mut ids: Vec<String> = v
                        .iter()
                        .map(|a| {
                            a.id.as_deref()
                                .map_or_else(|| normalize(&a.text).as_str().to_string(), str::to_string)
                        })
                        .collect();
                    ids.sort();
                    ids.join("+")
                };
                format!(
                    "{} {} {} by {} {:?} {:?}",
                    r.relation_type.as_str(),
                    arg(&r.participants),
                    arg(&r.parties),
                    arg(&r.mediators),
                    r.status,
                    r.modality
                )
            })
            .collect();
        keys.sort();
        keys
    };
    let (ra, rb) = (relations(a), relations(b));
    if ra != rb {
        let only_a: Vec<&String> = ra.iter().filter(|k| !rb.contains(k)).collect();
        let only_b: Vec<&String> = rb.iter().filter(|k| !ra.contains(k)).collect();
        out.push(format!(
            "relations differ: only in the first {only_a:?}, only in the second {only_b:?}"
        ));
    }
    out
}

/// Runs `ex` on `text` and on each rewrite of it; returns, per rewrite that
/// changes the result, its name and what differs.
///
/// ```
/// let ex = namyab::default_extractor();
/// let text = "أجرى عباس عراقجي اتصالاً هاتفياً مع سيرغي لافروف يوم الأحد.";
/// // every rewrite gives the same entities, events and relations
/// let diffs: Vec<(&str, Vec<String>)> = namyab::perturb::check_perturbations(ex, text);
/// assert_eq!(diffs, []);
/// assert_eq!(ex.extract(text).relations.len(), 1);
/// ```
pub fn check_perturbations(ex: &Extractor, text: &str) -> Vec<(&'static str, Vec<String>)> {
    let base = ex.extract(text);
    perturbations(text)
        .into_iter()
        .filter_map(|p| {
            let d = differences(&base, &ex.extract(&p.text));
            (!d.is_empty()).then_some((p.name, d))
        })
        .collect()
}
