use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every PURL in a product identification helper is a valid package URL per the purl
    /// specification (scheme `pkg:`, a type, a name, well-formed namespace, version, qualifiers and
    /// subpath, and the rules of known types).
    ///
    /// ## Why
    /// Tools match products to software inventories by PURL; an invalid one never matches.
    ///
    /// ## Invalid
    /// ```json
    /// "product_identification_helper": {"purl": "pkg:maven/@1.3.4"}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_identification_helper": {"purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"}
    /// ```
    Purl, id = "6.1.13", name = "purl", group = Mandatory,
    summary = "a package URL is not valid",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let v21 = cx.version().is_csaf21();
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        for (i, purl) in helper.purls.iter().enumerate() {
            if let Err(why) = crate::purl::check(purl) {
                let key = if v21 {
                    format!("purls/{i}")
                } else {
                    "purl".to_owned()
                };
                out.push(Finding::new(
                    META.id,
                    format!("{}/product_identification_helper/{key}", def.loc.pointer()),
                    format!("`{purl}` is not a valid package URL: {why}"),
                ));
            }
        }
    }
}
