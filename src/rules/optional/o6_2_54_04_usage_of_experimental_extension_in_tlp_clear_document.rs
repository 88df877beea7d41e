use super::extension_class::{class_of, instances, Class};
use crate::diag::Finding;
use crate::model::TlpLabel;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// A document labeled `TLP:CLEAR` uses no experimental CSAF Extension (one that is neither
    /// official nor registered). Reported at the extension's `$schema`. Documents with another TLP
    /// label are the business of 6.3.21.2.
    ///
    /// The TC's lists of official and registered extensions are built into csaflint; at the time of
    /// writing both are empty, so every extension is experimental.
    ///
    /// ## Why
    /// An experimental extension is meant for tests and experiments: its properties and meaning might
    /// not be known to the readers of a document that anyone may read.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"tlp": {"label": "CLEAR"}}, …
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"tlp": {"label": "GREEN"}}, …
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", …}]
    /// ```
    UsageOfExperimentalExtensionInTlpClearDocument, id = "6.2.54.4", name = "usage-of-experimental-extension-in-tlp-clear-document", group = Optional,
    summary = "a `TLP:CLEAR` document uses an experimental CSAF Extension",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    let clear = cx
        .advisory
        .document
        .distribution
        .as_ref()
        .is_some_and(|d| d.tlp_label == Some(TlpLabel::Clear));
    if !clear {
        return;
    }
    for instance in instances(raw) {
        let Some(schema) = instance.schema else {
            continue;
        };
        if class_of(schema) == Class::Experimental {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/$schema", instance.pointer),
                    format!("the `TLP:CLEAR` document uses the experimental extension `{schema}`, whose properties and meaning its readers might not know"),
                )
                .help("use official or registered extensions in documents for everyone, or leave the extension out"),
            );
        }
    }
}
