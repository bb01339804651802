//! Gazetteer loading on arbitrary files: it must load or fail with an
//! error, never panic; what loads must extract from its own names.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let built = namyab::Extractor::builder().defaults(false).add_gazetteer_str("fuzz.tsv", text).build();
    match built {
        Ok(ex) => {
            let _ = ex.extract(text);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
        }
    }
});
