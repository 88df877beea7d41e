use super::m6_1_60_01_extension_content_schema::locations;
use super::m6_1_60_02_extension_schema::{schema_of, unsupported, Extension, EXTENSIONS};
use crate::diag::Finding;
use crate::rules::Context;
use std::collections::{BTreeMap, HashSet};

declare_rule! {
    /// ## What it checks
    /// Every `x_extensions` list fulfils the CSAF Extension Metadata of each supported extension it
    /// uses:
    ///
    /// - the extension is allowed at this path (its `max_occurrence` there is not `0`),
    /// - it is not used more often in the list than `max_occurrence` allows,
    /// - the document does not also use an extension that the metadata lists in
    ///   `incompatible_extensions`.
    ///
    /// The supported extensions are the ones csaflint embeds (`data/extensions`, see 6.1.60.2); the
    /// specification asks for a warning naming the `$schema` of an unsupported extension, which
    /// csaflint reports at that `$schema` (a warning does not fail the test).
    ///
    /// ## Why
    /// The metadata tells where an extension may appear and what it cannot be combined with; an
    /// extension used against it carries information that its consumers cannot place.
    ///
    /// ## Invalid
    /// ```json
    /// "x_extensions": [
    ///   {"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", "category": "significant", …},
    ///   {"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", "category": "supplementary", …}
    /// ]
    /// ```
    /// (Documentation 11 is allowed once per list.)
    /// ## Valid
    /// ```json
    /// "x_extensions": [
    ///   {"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", "category": "significant", …}
    /// ]
    /// ```
    ExtensionMetadata, id = "6.1.60.3", name = "extension-metadata", group = Mandatory,
    summary = "a CSAF Extension is used against the requirements of its CSAF Extension Metadata",
    url = "https://github.com/oasis-tcs/csaf/blob/master/csaf_2.1/prose/share/csaf-v2.1-draft.md#mandatory-tests--extension-tests-metadata",
    since = "2.1",
}

/// Older metadata names the path of `product_paths` by its CSAF 2.1 draft name `relationships`.
const LEGACY_PATHS: &[(&str, &str)] = &[(
    "$.product_tree.product_paths[*].full_product_name.x_extensions",
    "$.product_tree.relationships[*].full_product_name.x_extensions",
)];

fn max_occurrence(extension: &Extension, path: &str) -> Option<u64> {
    let requirement = &extension.metadata.requirement;
    requirement
        .get(path)
        .or_else(|| {
            LEGACY_PATHS
                .iter()
                .find(|(p, _)| *p == path)
                .and_then(|(_, legacy)| requirement.get(*legacy))
        })
        .map(|r| r.max_occurrence)
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    let locations = locations(raw);
    let used: HashSet<&str> = locations
        .iter()
        .flat_map(|l| l.items.iter().filter_map(schema_of))
        .collect();
    let mut incompatibility_reported: HashSet<(&str, &str)> = HashSet::new();
    for location in &locations {
        // supported extensions of this list, with the indexes of their instances
        let mut instances: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, item) in location.items.iter().enumerate() {
            match schema_of(item).filter(|s| EXTENSIONS.contains_key(s)) {
                Some(schema) => instances.entry(schema).or_default().push(i),
                None => out.extend(unsupported(
                    item,
                    &format!("{}/{i}", location.pointer),
                    META.id,
                    "metadata",
                )),
            }
        }
        for (schema, indexes) in &instances {
            let extension = &EXTENSIONS[*schema];
            if let Some(max) = max_occurrence(extension, location.path) {
                let allowed = usize::try_from(max).unwrap_or(usize::MAX);
                for (n, i) in indexes.iter().enumerate().skip(allowed) {
                    let message = if max == 0 {
                        format!("the extension `{schema}` is not allowed at `{}`", location.path)
                    } else {
                        format!(
                            "the extension `{schema}` may occur at most {max} time{} at `{}`; this is occurrence {} of {}",
                            if max == 1 { "" } else { "s" },
                            location.path,
                            n + 1,
                            indexes.len()
                        )
                    };
                    out.push(
                        Finding::new(META.id, format!("{}/{i}", location.pointer), message)
                            .help("see `requirement` in the extension's CSAF Extension Metadata"),
                    );
                }
            }
            for other in &extension.metadata.incompatible_extensions {
                if used.contains(other.as_str()) && incompatibility_reported.insert((schema, other.as_str()))
                {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("{}/{}", location.pointer, indexes[0]),
                            format!(
                                "the extension `{schema}` is incompatible with `{other}`, which the document uses as well"
                            ),
                        )
                        .help("see `incompatible_extensions` in the extension's CSAF Extension Metadata"),
                    );
                }
            }
        }
    }
}
