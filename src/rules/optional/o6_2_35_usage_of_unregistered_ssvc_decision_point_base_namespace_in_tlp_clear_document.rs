use crate::diag::Finding;
use crate::rules::optional::ssvc_namespaces::{self, BaseKind};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// In a document labeled `TLP:CLEAR`, no SSVC selection
    /// (`/vulnerabilities[]/metrics[]/content/ssvc_v2/selections[]`) uses an unregistered base
    /// namespace: one starting with `x_` (the `namespace` up to its first `/`). The reserved
    /// namespace `invalid`, which must never be used, fails as well; the registered namespaces
    /// reserved for documentation and tests (`example`, `test`) pass.
    ///
    /// Base namespaces without `x_` that csaflint does not know are left to 6.2.34: they may have
    /// been registered after csaflint's SSVC registry was taken.
    ///
    /// ## Why
    /// A `TLP:CLEAR` document is for everyone, but the decision points of an unregistered namespace
    /// are only known to those who were given their definitions.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"tlp": {"label": "CLEAR"}}
    /// …
    /// "selections": [{"key": "TI", "namespace": "x_example.unregistered#namespace", "version": "1.0.0", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"tlp": {"label": "CLEAR"}}
    /// …
    /// "selections": [{"key": "TI", "namespace": "ssvc", "version": "1.0.0", …}]
    /// ```
    UsageOfUnregisteredSsvcDecisionPointBaseNamespaceInTlpClearDocument, id = "6.2.35",
    name = "usage-of-unregistered-ssvc-decision-point-base-namespace-in-tlp-clear-document", group = Optional,
    summary = "a TLP:CLEAR document uses an unregistered SSVC base namespace",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !ssvc_namespaces::tlp_clear(cx) {
        return;
    }
    for selection in ssvc_namespaces::selections(cx) {
        let base = selection.namespace.base;
        match selection.namespace.kind() {
            BaseKind::Unregistered => out.push(
                Finding::new(
                    META.id,
                    selection.namespace_pointer(),
                    format!("the `TLP:CLEAR` document uses the unregistered SSVC base namespace `{base}`"),
                )
                .help("readers of a public document might not know its decision points: use a registered namespace where one fits"),
            ),
            BaseKind::Invalid => out.push(Finding::new(
                META.id,
                selection.namespace_pointer(),
                format!("the `TLP:CLEAR` document uses the SSVC base namespace `{base}`, which is reserved and must never be used"),
            )),
            BaseKind::Registered | BaseKind::ReservedRegistered | BaseKind::Unknown => {}
        }
    }
}
