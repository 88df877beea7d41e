use crate::diag::Finding;
use crate::rules::Context;
use jsonschema::Validator;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it checks
    /// Every SSVC object (`/vulnerabilities[]/metrics[]/content/ssvc_v2`) is valid against the schema it
    /// refers to, CERT/CC's SSVC `SelectionList` 2.0.0 schema (embedded in csaflint). Each violation is
    /// reported at the offending value.
    ///
    /// ## Why
    /// The SSVC object is defined by CERT/CC's schema, not by CSAF: tools read it with SSVC tooling,
    /// which rejects an object that breaks that schema. The CSAF schema check (`schema`) reports the
    /// same violations among all others; this test names them as SSVC problems.
    ///
    /// ## Invalid
    /// ```json
    /// "ssvc_v2": {"schemaVersion": "2.0.0", "timestamp": "2024-01-24T10:00:00.000Z"}
    /// ```
    /// (`selections` is missing.)
    /// ## Valid
    /// ```json
    /// "ssvc_v2": {
    ///   "schemaVersion": "2.0.0",
    ///   "selections": [{"key": "MI", "namespace": "ssvc", "values": [{"key": "N"}], "version": "1.0.0"}],
    ///   "timestamp": "2024-01-24T10:00:00.000Z"
    /// }
    /// ```
    InvalidSsvc, id = "6.1.46", name = "invalid-ssvc", group = Mandatory,
    summary = "an SSVC object is invalid against the SSVC SelectionList schema",
    since = "2.1",
}

/// The URL under which the SSVC SelectionList schema is embedded (and referenced by the CSAF schema).
const SSVC_SCHEMA: &str = "https://certcc.github.io/SSVC/data/schema/v2/SelectionList_2_0_0.schema.json";

static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| crate::schema::embedded_validator(SSVC_SCHEMA));

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(ssvc) = &metric.ssvc else {
                continue;
            };
            let base = format!("/vulnerabilities/{v}/metrics/{m}/content/ssvc_v2");
            for mut f in crate::schema::findings(&VALIDATOR, ssvc, META.id) {
                f.pointer = format!("{base}{}", f.pointer);
                f.message = format!("{} (SSVC `SelectionList` schema)", f.message);
                out.push(f);
            }
        }
    }
}
