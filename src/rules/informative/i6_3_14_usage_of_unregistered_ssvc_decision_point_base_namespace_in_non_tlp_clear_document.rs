use crate::diag::Finding;
use crate::rules::optional::ssvc_namespaces::{self, BaseKind};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// In a document that is not labeled `TLP:CLEAR` (any other label, or none), no SSVC selection
    /// (`/vulnerabilities[]/metrics[]/content/ssvc_v2/selections[]`) uses an unregistered base
    /// namespace: one starting with `x_` (the `namespace` up to its first `/`). The reserved
    /// namespace `invalid`, which must never be used, is reported as well; the registered
    /// namespaces reserved for documentation and tests (`example`, `test`) are not.
    ///
    /// The `TLP:CLEAR` counterpart is the recommended test 6.2.35. Base namespaces without `x_` that
    /// csaflint does not know are left to 6.2.34.
    ///
    /// ## Why
    /// Recipients of a document with limited distribution might know the private decision points
    /// of its author; still, they might not, and the document cannot be shared further as it is.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"tlp": {"label": "GREEN"}}
    /// …
    /// "selections": [{"key": "TI", "namespace": "x_example.unregistered#namespace", "version": "1.0.0", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"tlp": {"label": "GREEN"}}
    /// …
    /// "selections": [{"key": "TI", "namespace": "ssvc", "version": "1.0.0", …}]
    /// ```
    UsageOfUnregisteredSsvcDecisionPointBaseNamespaceInNonTlpClearDocument, id = "6.3.14",
    name = "usage-of-unregistered-ssvc-decision-point-base-namespace-in-non-tlp-clear-document", group = Informative,
    summary = "a document not labeled TLP:CLEAR uses an unregistered SSVC base namespace",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if ssvc_namespaces::tlp_clear(cx) {
        return;
    }
    for selection in ssvc_namespaces::selections(cx) {
        let base = selection.namespace.base;
        match selection.namespace.kind() {
            BaseKind::Unregistered => out.push(
                Finding::new(
                    META.id,
                    selection.namespace_pointer(),
                    format!("the SSVC base namespace `{base}` is not registered"),
                )
                .help("recipients might not know its decision points: use a registered namespace where one fits"),
            ),
            BaseKind::Invalid => out.push(Finding::new(
                META.id,
                selection.namespace_pointer(),
                format!("the SSVC base namespace `{base}` is reserved and must never be used"),
            )),
            BaseKind::Registered | BaseKind::ReservedRegistered | BaseKind::Unknown => {}
        }
    }
}
