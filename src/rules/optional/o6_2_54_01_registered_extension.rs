use super::extension_class::{class_of, instances, Class};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every CSAF Extension (item of an `x_extensions` list) is a registered CSAF Extension, i.e.
    /// registered with the OASIS CSAF TC. Official CSAF Extensions are skipped. Reported at the
    /// extension's `$schema`.
    ///
    /// The TC's lists of official and registered extensions are built into csaflint; at the time of
    /// writing both are empty, so every extension fails this test.
    ///
    /// ## Why
    /// A registered extension is publicly available and documented, and its name does not collide
    /// with another one; any other extension is experimental and should not be used in production.
    ///
    /// ## Invalid
    /// ```json
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", …}]
    /// ```
    /// (The documentation extension of the OASIS test data is experimental.)
    /// ## Valid
    /// A document without extensions, or with official or registered ones only.
    RegisteredExtension, id = "6.2.54.1", name = "registered-extension", group = Optional,
    summary = "a CSAF Extension is neither official nor registered",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    for instance in instances(raw) {
        let Some(schema) = instance.schema else {
            continue;
        };
        if class_of(schema) == Class::Experimental {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/$schema", instance.pointer),
                    format!("the extension `{schema}` is neither an official nor a registered CSAF Extension"),
                )
                .help("use an official or registered CSAF Extension, or register this one with the OASIS CSAF TC"),
            );
        }
    }
}
