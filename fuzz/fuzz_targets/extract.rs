//! extract() on arbitrary bytes: valid UTF-8 as is, the rest made valid
//! lossily. It must never panic, and every span must lie on char boundaries
//! of the text and fold to a non-empty name.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let x = namyab::extract(&text);
    let mut last_end = 0;
    for e in &x.entities {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len());
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert!(e.span.start >= last_end, "entities sorted and apart");
        last_end = e.span.end;
        assert_eq!(&text[e.span.range()], e.text);
        assert!(!namyab::normalize(&e.text).as_str().trim().is_empty());
    }
    for r in &x.relations {
        assert!(text.get(r.trigger.range()).is_some() && text.get(r.sentence.range()).is_some());
    }
});
