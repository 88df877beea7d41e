use super::extension_class::{class_of, instances, Class};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every CSAF Extension (item of an `x_extensions` list) is an official CSAF Extension, i.e.
    /// specified by the OASIS CSAF TC. Reported at the extension's `$schema`, with its class.
    ///
    /// The TC's lists of official and registered extensions are built into csaflint; at the time of
    /// writing both are empty, so every extension fails this test.
    ///
    /// ## Why
    /// Official extensions ensure interoperability: tools can be expected to know them. Registered
    /// and experimental extensions may be unknown to the reader of the document.
    ///
    /// ## Invalid
    /// ```json
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", …}]
    /// ```
    /// ## Valid
    /// A document without extensions, or with official ones only.
    OfficialExtension, id = "6.2.54.2", name = "official-extension", group = Optional,
    summary = "a CSAF Extension is not an official one",
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
        let class = class_of(schema);
        if class != Class::Official {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/$schema", instance.pointer),
                    format!(
                        "the extension `{schema}` is not an official CSAF Extension (it is {})",
                        class.as_str()
                    ),
                )
                .help("prefer an official CSAF Extension where one conveys the information"),
            );
        }
    }
}
