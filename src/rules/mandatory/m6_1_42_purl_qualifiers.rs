use crate::diag::Finding;
use crate::rules::Context;
use packageurl::PackageUrl;
use std::str::FromStr;

declare_rule! {
    /// ## What it checks
    /// When a product identification helper lists several PURLs, they differ only in their
    /// qualifiers: type, namespace, name, version and subpath are the same in all of them. Each
    /// PURL is compared with the first one of its list; PURLs that are not valid (see 6.1.13) are
    /// skipped.
    ///
    /// ## Why
    /// "If multiple PURLs are specified, they SHALL only differ in their qualifiers": several PURLs
    /// locate the same component in different places (e.g. another `repository_url`). A different
    /// package or version is a different product and belongs in a branch of its own.
    ///
    /// ## Invalid
    /// ```json
    /// "purls": ["pkg:maven/com.example/logging@1.3.4", "pkg:maven/com.example/audit@1.3.4"]
    /// ```
    /// ## Valid
    /// ```json
    /// "purls": [
    ///   "pkg:maven/com.example/logging@1.3.4?repository_url=https://registry.example.com",
    ///   "pkg:maven/com.example/logging@1.3.4?repository_url=https://index.example.com"
    /// ]
    /// ```
    PurlQualifiers, id = "6.1.42", name = "purl-qualifiers", group = Mandatory,
    summary = "the PURLs of one product differ in more than their qualifiers",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        if helper.purls.len() < 2 {
            continue;
        }
        let parsed: Vec<Option<PackageUrl<'_>>> = helper
            .purls
            .iter()
            .map(|p| {
                crate::purl::is_valid(p)
                    .then(|| PackageUrl::from_str(p).ok())
                    .flatten()
            })
            .collect();
        let Some((first, reference)) = parsed
            .iter()
            .enumerate()
            .find_map(|(i, p)| p.as_ref().map(|p| (i, p)))
        else {
            continue;
        };
        for (i, purl) in parsed.iter().enumerate().skip(first + 1) {
            let Some(purl) = purl else {
                continue;
            };
            let differences = differences(reference, purl);
            if differences.is_empty() {
                continue;
            }
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/product_identification_helper/purls/{i}", def.loc.pointer()),
                    format!(
                        "`{}` differs from `{}` (`purls/{first}`) in {}, not only in the qualifiers",
                        helper.purls[i],
                        helper.purls[first],
                        differences.join(", ")
                    ),
                )
                .help("several PURLs may only locate the same component in different places; describe other packages or versions in branches of their own"),
            );
        }
    }
}

/// The components other than the qualifiers in which two PURLs differ, each as `the name (`a` vs `b`)`.
fn differences(a: &PackageUrl<'_>, b: &PackageUrl<'_>) -> Vec<String> {
    let shown = |v: Option<&str>| v.map_or_else(|| "none".to_owned(), |v| format!("`{v}`"));
    [
        ("type", Some(a.ty()), Some(b.ty())),
        ("namespace", a.namespace(), b.namespace()),
        ("name", Some(a.name()), Some(b.name())),
        ("version", a.version(), b.version()),
        ("subpath", a.subpath(), b.subpath()),
    ]
    .into_iter()
    .map(|(what, x, y)| (what, x.filter(|v| !v.is_empty()), y.filter(|v| !v.is_empty())))
    .filter(|(_, x, y)| x != y)
    .map(|(what, x, y)| format!("the {what} ({} vs {})", shown(y), shown(x)))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> Vec<String> {
        differences(
            &PackageUrl::from_str(a).unwrap(),
            &PackageUrl::from_str(b).unwrap(),
        )
    }

    #[test]
    fn compares_all_but_qualifiers() {
        assert!(diff(
            "pkg:maven/com.example/a@1.3.4?repository_url=https://registry.example.com",
            "pkg:maven/com.example/a@1.3.4?classifier=sources"
        )
        .is_empty());
        assert!(diff(
            "pkg:npm/%40angular/animation@12.3.1",
            "pkg:npm/@angular/animation@12.3.1"
        )
        .is_empty());
        assert!(diff("pkg:deb/debian/curl@?arch=amd64", "pkg:deb/debian/curl?arch=i386").is_empty());
        assert_eq!(
            diff(
                "pkg:maven/com.example/logging@1.3.4",
                "pkg:maven/com.example/audit@1.3.4"
            ),
            ["the name (`audit` vs `logging`)"]
        );
        assert_eq!(
            diff("pkg:maven/com.example/a@1.3.4", "pkg:maven/com.example/a?x=y"),
            ["the version (none vs `1.3.4`)"]
        );
        assert_eq!(
            diff("pkg:github/a/b@1#x/y", "pkg:gitlab/c/b@1#x/z"),
            [
                "the type (`gitlab` vs `github`)",
                "the namespace (`c` vs `a`)",
                "the subpath (`x/z` vs `x/y`)"
            ]
        );
    }
}
