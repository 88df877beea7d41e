use crate::diag::Finding;
use crate::model::TlpLabel;
use crate::rules::optional::extension_class::{class_of, instances, Class};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// A document that is not labeled `TLP:CLEAR` uses no experimental CSAF Extension (one that is
    /// neither official nor registered). Reported at the extension's `$schema`. `TLP:CLEAR`
    /// documents are the business of 6.2.54.4.
    ///
    /// The TC's lists of official and registered extensions are built into csaflint; at the time of
    /// writing both are empty, so every extension is experimental.
    ///
    /// ## Why
    /// An experimental extension is meant for tests and experiments: its properties and meaning might
    /// not be known to the readers of the document.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"tlp": {"label": "GREEN"}}, …
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", …}]
    /// ```
    /// ## Valid
    /// The same document without `x_extensions`.
    UsageOfExperimentalExtensionInNonTlpClearDocument, id = "6.3.21.2", name = "usage-of-experimental-extension-in-non-tlp-clear-document", group = Informative,
    summary = "a document not labeled `TLP:CLEAR` uses an experimental CSAF Extension",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    let label = cx
        .advisory
        .document
        .distribution
        .as_ref()
        .and_then(|d| d.tlp_label.as_ref());
    if label == Some(&TlpLabel::Clear) {
        return;
    }
    let labeled = match label {
        Some(l) => format!("`TLP:{}`", l.as_str()),
        None => "without TLP label".to_owned(),
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
                    format!("the document ({labeled}) uses the experimental extension `{schema}`, whose properties and meaning its readers might not know"),
                )
                .help("prefer official or registered extensions"),
            );
        }
    }
}
