use crate::diag::Finding;
use crate::rules::Context;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it checks
    /// Every SSVC selection (`/vulnerabilities[]/metrics[]/content/ssvc_v2/selections[]`) whose base
    /// namespace is registered with SSVC (`ssvc`, `cvss`, `cisa`, `basic`, `nist`) names a decision
    /// point that exists in that `version`, lists only values of that decision point, and lists them in
    /// the order of its definition. Without a namespace extension, the `name` of the decision point and
    /// of its values must be the registered ones; an extension (`ssvc/de-DE`,
    /// `ssvc//.example.test$en-GB`, …) may translate or refine names, and may leave values out, but not
    /// add values, change keys or reorder them.
    ///
    /// Unregistered namespaces (`x_…`) pass, as do the namespaces reserved for tests and examples
    /// (`test`, `example`); the reserved namespace `invalid` always fails. The registry of decision
    /// points is CERT/CC's, embedded in csaflint (`data/ssvc`, certcc-ssvc 2026.10.0).
    ///
    /// ## Why
    /// A selection is only meaningful as a choice among the values of a published decision point;
    /// SSVC tools look the decision point up by namespace, key and version and compare values by key
    /// and position.
    ///
    /// ## Invalid
    /// ```json
    /// "selections": [{
    ///   "key": "MI", "namespace": "ssvc", "version": "1.0.0",
    ///   "values": [{"key": "N", "name": "None"}, {"key": "D", "name": "Degraded"}]
    /// }]
    /// ```
    /// (Mission Impact 1.0.0 has no value `D`.)
    /// ## Valid
    /// ```json
    /// "selections": [{
    ///   "key": "MI", "namespace": "ssvc", "version": "1.0.0",
    ///   "values": [{"key": "N", "name": "None"}, {"key": "NED", "name": "Non-Essential Degraded"}]
    /// }]
    /// ```
    SsvcDecisionPoints, id = "6.1.48", name = "ssvc-decision-points", group = Mandatory,
    summary = "an SSVC selection in a registered namespace does not match its decision point",
    since = "2.1",
}

/// Base namespaces registered with SSVC whose decision points are in the embedded registry. The
/// other registered ones, `test` and `example`, are reserved for tests and examples: anything goes.
pub(crate) const REGISTERED: &[&str] = &["ssvc", "cvss", "cisa", "basic", "nist"];
/// Reserved namespaces that must never be used.
pub(crate) const RESERVED_INVALID: &[&str] = &["invalid", "x_invalid"];

#[derive(Deserialize)]
struct Registry {
    decision_points: Vec<DecisionPoint>,
}

#[derive(Deserialize)]
pub(crate) struct DecisionPoint {
    pub(crate) namespace: String,
    pub(crate) key: String,
    pub(crate) version: String,
    pub(crate) name: String,
    values: Vec<DecisionPointValue>,
}

#[derive(Deserialize)]
struct DecisionPointValue {
    key: String,
    name: String,
}

/// The registry by `(namespace, key)`, each with its versions in ascending order.
pub(crate) static REGISTRY: LazyLock<HashMap<(String, String), Vec<DecisionPoint>>> = LazyLock::new(|| {
    let registry: Registry = serde_json::from_str(include_str!("../../../data/ssvc/decision_points.json"))
        .expect("the embedded SSVC registry is valid");
    let mut map: HashMap<(String, String), Vec<DecisionPoint>> = HashMap::new();
    for dp in registry.decision_points {
        map.entry((dp.namespace.clone(), dp.key.clone()))
            .or_default()
            .push(dp);
    }
    map
});

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(selections) = metric
                .ssvc
                .as_ref()
                .and_then(|s| s.get("selections"))
                .and_then(Value::as_array)
            else {
                continue;
            };
            for (s, selection) in selections.iter().enumerate() {
                let base = format!("/vulnerabilities/{v}/metrics/{m}/content/ssvc_v2/selections/{s}");
                check_selection(selection, &base, out);
            }
        }
    }
}

fn check_selection(selection: &Value, base: &str, out: &mut Vec<Finding>) {
    let field = |name: &str| selection.get(name).and_then(Value::as_str);
    let (Some(namespace), Some(key), Some(version)) = (field("namespace"), field("key"), field("version"))
    else {
        return; // not a selection the SSVC schema accepts (6.1.46)
    };
    // base-ns [ "/" extensions ]; base-ns = ns-core [ "#" fragment ] or x_<reverse-dns>#<fragment>
    let (base_ns, extensions) = match namespace.split_once('/') {
        Some((b, e)) => (b, Some(e)),
        None => (namespace, None),
    };
    let core = base_ns.split('#').next().unwrap_or(base_ns);
    if RESERVED_INVALID.contains(&core) {
        out.push(Finding::new(
            META.id,
            format!("{base}/namespace"),
            if namespace == core {
                format!("the SSVC namespace `{namespace}` is reserved and must never be used")
            } else {
                format!("the SSVC namespace `{namespace}` is based on the reserved namespace `{core}`, which must never be used")
            },
        ));
        return;
    }
    if !REGISTERED.contains(&core) {
        return; // unregistered (`x_…`, unknown) or reserved for tests and examples
    }
    let Some(versions) = REGISTRY.get(&(base_ns.to_owned(), key.to_owned())) else {
        out.push(Finding::new(
            META.id,
            format!("{base}/key"),
            format!("the SSVC namespace `{base_ns}` has no decision point `{key}`"),
        ));
        return;
    };
    let Some(dp) = versions.iter().find(|dp| dp.version == version) else {
        out.push(
            Finding::new(
                META.id,
                format!("{base}/version"),
                format!(
                    "the SSVC decision point `{}` (`{base_ns}` `{key}`) has no version `{version}`",
                    versions[versions.len() - 1].name
                ),
            )
            .help(format!(
                "registered versions: {}",
                versions
                    .iter()
                    .map(|dp| format!("`{}`", dp.version))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
        return;
    };
    let exact = extensions.is_none();
    if exact {
        if let Some(name) = field("name") {
            if name != dp.name {
                out.push(
                    Finding::new(
                        META.id,
                        format!("{base}/name"),
                        format!(
                            "the name `{name}` is not the name of the SSVC decision point `{}` {version}",
                            dp.name
                        ),
                    )
                    .help("only a namespace extension may translate or refine names"),
                );
            }
        }
    }
    let Some(values) = selection.get("values").and_then(Value::as_array) else {
        return;
    };
    let order = || {
        dp.values
            .iter()
            .map(|v| format!("`{}`", v.key))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut last: Option<usize> = None;
    let mut order_reported = false;
    for (i, value) in values.iter().enumerate() {
        let Some(value_key) = value.get("key").and_then(Value::as_str) else {
            continue;
        };
        let Some(index) = dp.values.iter().position(|d| d.key == value_key) else {
            out.push(
                Finding::new(
                    META.id,
                    format!("{base}/values/{i}/key"),
                    format!(
                        "the SSVC decision point `{}` {version} has no value `{value_key}`",
                        dp.name
                    ),
                )
                .help(format!("its values are {}", order())),
            );
            continue;
        };
        if last.is_some_and(|l| index <= l) && !order_reported {
            order_reported = true;
            out.push(
                Finding::new(
                    META.id,
                    format!("{base}/values/{i}"),
                    format!(
                        "the value `{value_key}` is out of order: `{}` {version} defines its values in the order {}",
                        dp.name,
                        order()
                    ),
                )
                .help("list the selected values in the order of their definition, each once"),
            );
        }
        last = Some(last.map_or(index, |l| l.max(index)));
        if exact {
            let defined = &dp.values[index].name;
            if let Some(name) = value.get("name").and_then(Value::as_str) {
                if name != defined {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("{base}/values/{i}/name"),
                            format!(
                                "the value `{value_key}` of the SSVC decision point `{}` {version} is named `{defined}`, not `{name}`",
                                dp.name
                            ),
                        )
                        .help("only a namespace extension may translate or refine names"),
                    );
                }
            }
        }
    }
}
