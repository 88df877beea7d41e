use crate::diag::Finding;
use crate::rules::Context;
use serde_json::Value;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it checks
    /// For each item of `/vulnerabilities[]/ids` whose `system_name` is a vulnerability ID system
    /// registered in the "Registry for Vulnerability ID Systems for CSAF" (RVISC), the `text`
    /// matches the `text_pattern` RVISC gives for that system (an anchored JSON Schema pattern,
    /// evaluated as JSON Schema evaluates `pattern`).
    ///
    /// The registry is built into csaflint (`data/rvisc/registry.json`: the OASIS CSAF TC GitHub
    /// issues and EUVD IDs at the time of writing). Ids of other systems are left to the
    /// informative test 6.3.20.
    ///
    /// ## Why
    /// Tools use the registry to recognise and link ids. An id written in another form than the
    /// registered one (`Issue 1217` instead of `#1217`) is not recognised.
    ///
    /// ## Invalid
    /// ```json
    /// "ids": [{"system_name": "https://github.com/oasis-tcs/csaf", "text": "Issue 1217"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "ids": [{"system_name": "https://github.com/oasis-tcs/csaf", "text": "#1217"}]
    /// ```
    MatchingTextForRegisteredIdSystem, id = "6.2.53", name = "matching-text-for-registered-id-system", group = Optional,
    summary = "the `text` of an id of a registered (RVISC) vulnerability ID system does not match its registered pattern",
    since = "2.1",
}

/// One entry of the RVISC registry.
pub(crate) struct Entry {
    /// `common_name`.
    pub(crate) common_name: String,
    /// `text_pattern`.
    pub(crate) text_pattern: String,
    /// `example_identifiers`.
    pub(crate) examples: Vec<String>,
    /// `text_pattern` compiled (`None` if it does not compile).
    matcher: Option<jsonschema::Validator>,
}

/// One entry of the RVISC mapping of old system names to registered ones.
pub(crate) struct Mapping {
    /// `registered_system_name`.
    pub(crate) registered: String,
    /// `text_conversion_rules`: the precondition (compiled) and the rule.
    rules: Vec<(Option<jsonschema::Validator>, String)>,
}

impl Mapping {
    /// The conversion rule whose `pattern_precondition` `text` matches.
    pub(crate) fn rule_for(&self, text: &str) -> Option<&str> {
        self.rules
            .iter()
            .find(|(m, _)| {
                m.as_ref()
                    .is_some_and(|m| m.is_valid(&Value::String(text.to_owned())))
            })
            .map(|(_, r)| r.as_str())
    }
}

fn pattern(p: &str) -> Option<jsonschema::Validator> {
    jsonschema::validator_for(&serde_json::json!({ "type": "string", "pattern": p })).ok()
}

fn str_of(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_owned()
}

/// `system_name` → entry.
static REGISTRY: LazyLock<Vec<(String, Entry)>> = LazyLock::new(|| {
    let json: Value = serde_json::from_str(include_str!("../../../data/rvisc/registry.json"))
        .expect("data/rvisc/registry.json is JSON");
    json["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let text_pattern = str_of(e, "text_pattern");
            let entry = Entry {
                common_name: str_of(e, "common_name"),
                matcher: pattern(&text_pattern),
                text_pattern,
                examples: e["example_identifiers"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| Some(x.as_str()?.to_owned()))
                    .collect(),
            };
            (str_of(e, "system_name"), entry)
        })
        .collect()
});

/// `old_system_name` → mapping.
static MAPPING: LazyLock<Vec<(String, Mapping)>> = LazyLock::new(|| {
    let json: Value = serde_json::from_str(include_str!("../../../data/rvisc/mapping.json"))
        .expect("data/rvisc/mapping.json is JSON");
    json["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let rules = e["text_conversion_rules"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| {
                    (
                        pattern(r["pattern_precondition"].as_str().unwrap_or_default()),
                        str_of(r, "rule"),
                    )
                })
                .collect();
            (
                str_of(e, "old_system_name"),
                Mapping {
                    registered: str_of(e, "registered_system_name"),
                    rules,
                },
            )
        })
        .collect()
});

/// The registry entry of a registered `system_name`.
pub(crate) fn registered(system_name: &str) -> Option<&'static Entry> {
    REGISTRY.iter().find(|(n, _)| n == system_name).map(|(_, e)| e)
}

/// The mapping of an old, unregistered `system_name` to a registered one.
pub(crate) fn mapping(system_name: &str) -> Option<&'static Mapping> {
    MAPPING.iter().find(|(n, _)| n == system_name).map(|(_, m)| m)
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (i, id) in vuln.ids.iter().enumerate() {
            let (Some(system), Some(text)) = (id.system_name.as_deref(), id.text.as_deref()) else {
                continue;
            };
            let Some(entry) = registered(system) else {
                continue;
            };
            let Some(matcher) = &entry.matcher else {
                continue;
            };
            if matcher.is_valid(&Value::String(text.to_owned())) {
                continue;
            }
            let mut finding = Finding::new(
                META.id,
                format!("/vulnerabilities/{v}/ids/{i}/text"),
                format!(
                    "`{text}` does not match `{}`, the pattern registered for `{system}` ({})",
                    entry.text_pattern, entry.common_name
                ),
            );
            if let Some(example) = entry.examples.first() {
                finding = finding.help(format!("write the id as the system does, e.g. `{example}`"));
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_and_mapping_load() {
        let e = registered("https://github.com/oasis-tcs/csaf").expect("registered");
        assert!(e
            .matcher
            .as_ref()
            .unwrap()
            .is_valid(&Value::String("#1217".into())));
        assert!(!e
            .matcher
            .as_ref()
            .unwrap()
            .is_valid(&Value::String("Issue 1217".into())));
        assert!(registered("https://euvd.enisa.europa.eu").is_some());
        let m = mapping("OASIS Open CSAF TC GitHub Issues").expect("mapped");
        assert_eq!(m.registered, "https://github.com/oasis-tcs/csaf");
        assert!(m.rule_for("Issue 1217").is_some_and(|r| r.contains("Issue")));
        assert!(m.rule_for("0042").is_some());
        assert!(m.rule_for("foo").is_none());
    }
}
