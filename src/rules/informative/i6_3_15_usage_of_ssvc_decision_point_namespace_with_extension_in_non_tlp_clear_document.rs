use crate::diag::Finding;
use crate::rules::optional::ssvc_namespaces;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// In a document that is not labeled `TLP:CLEAR` (any other label, or none), no SSVC selection
    /// (`/vulnerabilities[]/metrics[]/content/ssvc_v2/selections[]`) uses a namespace with an
    /// extension: a `namespace` containing `/` (`ssvc/de-DE`, `ssvc//.example.test#refined`,
    /// `x_example.test#collection//.example.test#refined`, …), whatever its base namespace.
    ///
    /// The `TLP:CLEAR` counterpart is the recommended test 6.2.36.
    ///
    /// ## Why
    /// The decision point definitions of an extension might not be known to the recipients. As
    /// extensions cannot add values to a decision point, a reader who does not know the extension
    /// can still read its decision points as those of the base namespace.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"tlp": {"label": "GREEN"}}
    /// …
    /// "selections": [{"key": "TI", "namespace": "ssvc//.example.test#refined-technical-impacts", "version": "1.0.0", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"tlp": {"label": "GREEN"}}
    /// …
    /// "selections": [{"key": "TI", "namespace": "ssvc", "version": "1.0.0", …}]
    /// ```
    UsageOfSsvcDecisionPointNamespaceWithExtensionInNonTlpClearDocument, id = "6.3.15",
    name = "usage-of-ssvc-decision-point-namespace-with-extension-in-non-tlp-clear-document", group = Informative,
    summary = "a document not labeled TLP:CLEAR uses an SSVC namespace with an extension",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if ssvc_namespaces::tlp_clear(cx) {
        return;
    }
    for selection in ssvc_namespaces::selections(cx) {
        let ns = &selection.namespace;
        if ns.extensions.is_some() {
            out.push(
                Finding::new(
                    META.id,
                    selection.namespace_pointer(),
                    format!("the SSVC namespace `{}` is an extension of `{}`", ns.full, ns.base),
                )
                .help(format!(
                    "recipients might not know the extension; its decision points can be read as those of `{}`",
                    ns.base
                )),
            );
        }
    }
}
