//! XML bytes → `Validator::validate` with the `full` preset, offline (as a `.xml` file): the CVRF front
//! end (element tree, model filling, element-path locator) and every rule on CVRF documents.
#![no_main]

use csaflint::rules::{Preset, Selection};
use csaflint::{Options, Validator};
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

fuzz_target!(|data: &[u8]| {
    let report = VALIDATOR.validate("fuzz.xml", data);
    let mut parse_errors = 0;
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "unlocated: {d:?}");
        assert!(
            d.pointer.is_empty() || d.pointer.starts_with('/'),
            "pointer: {d:?}"
        );
        parse_errors += usize::from(d.rule == "parse");
    }
    assert!(parse_errors <= 1, "{:?}", report.diagnostics);
});
