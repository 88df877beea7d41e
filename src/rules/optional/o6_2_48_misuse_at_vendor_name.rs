use crate::diag::Finding;
use crate::index::walk_branches;
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No branch of the category `vendor` is named `Open Source`. Before the case-insensitive
    /// comparison, dashes, hyphens, minus signs, underscores, white space and invisible characters
    /// (zero-width spaces and joiners, soft hyphens, direction marks, byte order marks, …) are
    /// removed from the name, so `open-source`, `OPEN_SOURCE` and `opensource` are caught too;
    /// `Open Source Company` is not.
    ///
    /// ## Why
    /// "Open Source" is not a vendor. Using it for all open source products hinders matching the
    /// products to an inventory, and is most likely not true. A vendor whose official name really
    /// is `Open Source` fails this test, as the spec expects; review the findings.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [{"category": "vendor", "name": "Open Source", "branches": [{"category": "product_name", "name": "curl", …}]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [{"category": "vendor", "name": "curl", "branches": [{"category": "product_name", "name": "curl", …}]}]
    /// ```
    MisuseAtVendorName, id = "6.2.48", name = "misuse-at-vendor-name", group = Optional,
    summary = "a `vendor` branch is named `Open Source`",
    since = "2.1",
}

/// Dashes (Unicode category Pd), minus signs and underscores.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '_'
            | '\u{058A}'
            | '\u{05BE}'
            | '\u{1400}'
            | '\u{1806}'
            | '\u{2010}'..='\u{2015}'
            | '\u{2212}'
            | '\u{207B}'
            | '\u{208B}'
            | '\u{2E17}'
            | '\u{2E1A}'
            | '\u{2E3A}'
            | '\u{2E3B}'
            | '\u{2E40}'
            | '\u{2E5D}'
            | '\u{301C}'
            | '\u{3030}'
            | '\u{30A0}'
            | '\u{FE31}'
            | '\u{FE32}'
            | '\u{FE4D}'..='\u{FE4F}'
            | '\u{FE58}'
            | '\u{FE63}'
            | '\u{FF0D}'
            | '\u{FF3F}'
            | '\u{10EAD}'
    )
}

/// Characters that take no visible space: format characters, fillers and the like.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// The name with dashes, underscores, white space and invisible characters removed, lower case.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|&c| !(c.is_whitespace() || is_dash(c) || is_invisible(c)))
        .flat_map(char::to_lowercase)
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(pt) = cx.advisory.product_tree.as_ref() else {
        return;
    };
    walk_branches(pt, |b, path, _| {
        if b.category != Some(BranchCategory::Vendor) {
            return;
        }
        let Some(name) = b.name.as_deref() else {
            return;
        };
        if normalize(name) == "opensource" {
            let mut pointer = String::from("/product_tree");
            for i in path {
                pointer.push_str(&format!("/branches/{i}"));
            }
            pointer.push_str("/name");
            out.push(
                Finding::new(META.id, pointer, format!("`{name}` is used as a vendor name"))
                    .help("name the actual vendor or project of the product (e.g. the project's own name)"),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn removes_separators_and_invisible_characters() {
        for n in [
            "Open Source",
            "open-source",
            "OPEN_SOURCE",
            "opensource",
            "Open\u{200B}Source",
            "Open\u{2011}Source",
            " Open\tSource ",
        ] {
            assert_eq!(normalize(n), "opensource", "{n:?}");
        }
        for n in ["Open Source Company", "Open Source Ltd.", "OpenSSL"] {
            assert_ne!(normalize(n), "opensource", "{n:?}");
        }
    }
}
