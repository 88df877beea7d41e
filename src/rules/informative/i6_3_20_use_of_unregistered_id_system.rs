use crate::diag::Finding;
use crate::rules::optional::o6_2_53_matching_text_for_registered_id_system::{mapping, registered};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The `system_name` of each item of `/vulnerabilities[]/ids` is a vulnerability ID system
    /// registered in the "Registry for Vulnerability ID Systems for CSAF" (RVISC), compared
    /// exactly.
    ///
    /// The registry is built into csaflint (`data/rvisc/registry.json`: the OASIS CSAF TC GitHub
    /// issues and EUVD IDs at the time of writing). When RVISC maps the name to a registered one
    /// (`data/rvisc/mapping.json`), the finding names it and the rule to convert the `text`.
    ///
    /// ## Why
    /// Registered systems have a fixed name and text pattern, so tools can recognise and link the
    /// ids. Ids of other systems are free text to them.
    ///
    /// ## Invalid
    /// ```json
    /// "ids": [{"system_name": "OASIS Open CSAF TC GitHub Issues", "text": "Issue 1217"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "ids": [{"system_name": "https://github.com/oasis-tcs/csaf", "text": "#1217"}]
    /// ```
    UseOfUnregisteredIdSystem, id = "6.3.20", name = "use-of-unregistered-id-system", group = Informative,
    summary = "a vulnerability id names a system that is not registered in RVISC",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (i, id) in vuln.ids.iter().enumerate() {
            let Some(system) = id.system_name.as_deref() else {
                continue;
            };
            if registered(system).is_some() {
                continue;
            }
            let finding = Finding::new(
                META.id,
                format!("/vulnerabilities/{v}/ids/{i}/system_name"),
                format!("`{system}` is not a vulnerability ID system registered in RVISC"),
            );
            let finding = match mapping(system) {
                Some(m) => {
                    let conversion = id
                        .text
                        .as_deref()
                        .and_then(|t| m.rule_for(t))
                        .map(|r| format!(", and convert the `text`: {r}"))
                        .unwrap_or_default();
                    finding.help(format!(
                        "RVISC registers this system as `{}`; use that `system_name`{conversion}",
                        m.registered
                    ))
                }
                None => finding.help("use the registered `system_name` if the system is in RVISC; otherwise this is for information only"),
            };
            out.push(finding);
        }
    }
}
