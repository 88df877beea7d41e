use crate::diag::Finding;
use crate::rules::optional::ssvc_namespaces::{self, BaseKind};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every SSVC selection (`/vulnerabilities[]/metrics[]/content/ssvc_v2/selections[]`) uses a base
    /// namespace (the `namespace` up to its first `/`) that is registered with SSVC and known to
    /// csaflint: `ssvc`, `cvss`, `cisa`, `basic` or `nist` (optionally with a `#fragment`, as in
    /// `nist#800-30`), or one of the registered namespaces SSVC reserves for documentation and
    /// tests, `example` and `test`. Extensions after the `/` are not looked at.
    ///
    /// It fails for unregistered base namespaces (`x_…`), for base namespaces that were not
    /// registered when csaflint's SSVC registry was taken (certcc-ssvc 2026.10.0), and for the
    /// reserved namespace `invalid`, which must never be used. As the spec puts it: "This test fails
    /// on unregistered namespaces as well as registered ones not yet supported by the
    /// implementation."
    ///
    /// ## Why
    /// The decision points of an unknown namespace might not be known to the reader of the
    /// document, nor to the tools that process it.
    ///
    /// ## Invalid
    /// ```json
    /// "selections": [{"key": "TI", "namespace": "x_example.unregistered#some-private-namespace", "version": "1.0.0", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "selections": [{"key": "TI", "namespace": "ssvc//.example.test#refined-technical-impacts", "version": "1.0.0", …}]
    /// ```
    UsageOfUnknownSsvcDecisionPointBaseNamespace, id = "6.2.34",
    name = "usage-of-unknown-ssvc-decision-point-base-namespace", group = Optional,
    summary = "an SSVC decision point uses a base namespace that is not registered",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for selection in ssvc_namespaces::selections(cx) {
        let ns = &selection.namespace;
        let base = ns.base;
        let finding = match ns.kind() {
            BaseKind::Registered | BaseKind::ReservedRegistered => continue,
            BaseKind::Unregistered => Finding::new(
                META.id,
                selection.namespace_pointer(),
                format!("the SSVC base namespace `{base}` is not registered"),
            )
            .help("readers might not know its decision points: use a registered namespace where one fits"),
            BaseKind::Unknown => Finding::new(
                META.id,
                selection.namespace_pointer(),
                format!("the SSVC base namespace `{base}` is not a registered namespace known to csaflint"),
            )
            .help("the registered namespaces are `ssvc`, `cvss`, `cisa`, `basic`, `nist`, `example` and `test`; unregistered ones start with `x_`"),
            BaseKind::Invalid => Finding::new(
                META.id,
                selection.namespace_pointer(),
                format!("the SSVC base namespace `{base}` is reserved and must never be used"),
            ),
        };
        out.push(finding);
    }
}
