//! Anything in a URL's fragment, through the share-link decoder (base64url,
//! bounded inflation) and, when it decodes, the scenario reader the app
//! uses for a shared link: never a panic, never more than the cap inflated.
#![no_main]
use dcc_perf::io::{read_with, share, sheet::Choices};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    // As typed after the '#', and with the prefix the app writes, so the
    // fuzzer need not find "s=" before it reaches the inflater.
    for candidate in [fragment.to_string(), format!("#s={fragment}")] {
        if let Ok(bytes) = share::decode(&candidate) {
            assert!(bytes.len() <= share::MAX_INFLATED);
            let import = read_with("shared link", &bytes, &Choices::default());
            if import.is_clean() {
                assert!(import.errors.is_empty());
            }
        }
    }
    // Whatever decodes encodes back to itself.
    if let Ok(text) = std::str::from_utf8(data) {
        let again = share::decode(&share::encode(text));
        assert!(again.is_ok());
    }
});
