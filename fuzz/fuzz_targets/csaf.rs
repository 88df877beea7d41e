//! Bytes → `Validator::validate` with the `full` preset, offline (as a `.json` file).
//!
//! Besides crashes, hangs and runaway memory (libFuzzer's `-timeout` and `-rss_limit_mb`), it checks
//! that every diagnostic is located (contract §3).
#![no_main]

use csaflint::rules::{Preset, Selection};
use csaflint::{Options, Report, Validator};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| {
    let selection = Selection {
        preset: Preset::Full,
        online: false,
        ..Selection::default()
    };
    Validator::new(&Options { selection }).expect("the full preset")
});

/// What every report must satisfy, whatever the input.
fn check(report: &Report) {
    let mut parse_errors = 0;
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "unlocated: {d:?}");
        assert!(
            d.pointer.is_empty() || d.pointer.starts_with('/'),
            "pointer: {d:?}"
        );
        assert_ne!(d.rule, "io", "io error for bytes in memory: {d:?}");
        parse_errors += usize::from(d.rule == "parse");
    }
    assert!(parse_errors <= 1, "{:?}", report.diagnostics);
}

fuzz_target!(|data: &[u8]| {
    check(&VALIDATOR.validate("fuzz.json", data));
});
