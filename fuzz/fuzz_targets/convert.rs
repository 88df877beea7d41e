//! CVRF bytes → `convert::convert_bytes` (CVRF → CSAF 2.0, with the in-memory validation of the
//! result): never a panic, every message located, and the output is JSON that reads back.
#![no_main]

use csaflint::convert::{convert_bytes, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // with and without `--force` (placeholders for missing publisher and tracking data)
    let options = Options {
        force: data.last().is_some_and(|b| b & 1 == 1),
        ..Options::default()
    };
    match convert_bytes(data, &options) {
        Ok(out) => {
            for m in out.messages.iter().chain(&out.validation) {
                assert!(m.line >= 1 && m.column >= 1, "unlocated: {m:?}");
            }
            let back: serde_json::Value = serde_json::from_str(&out.text).expect("the output is JSON");
            assert_eq!(back, out.json);
        }
        Err(m) => assert!(m.line >= 1 && m.column >= 1, "unlocated: {m:?}"),
    }
});
