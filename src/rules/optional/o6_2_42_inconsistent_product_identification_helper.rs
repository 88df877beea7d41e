use crate::diag::Finding;
use crate::index::{walk_branches, DefLoc};
use crate::model::{Branch, BranchCategory};
use crate::rules::Context;
use packageurl::PackageUrl;
use std::str::FromStr;

declare_rule! {
    /// ## What it checks
    /// A CPE or purl in the product identification helper of a product defined in `branches`
    /// carries at least the information of the branches leading to the product ("the categorized
    /// strings"), and a CPE carries no more. It follows the process the spec deems sufficient, with
    /// this static mapping of branch categories to their counterparts:
    ///
    /// | branch category | CPE | purl |
    /// |---|---|---|
    /// | `vendor` | vendor | namespace (types `deb`, `rpm`, `apk`, `alpm`, whose namespace is the vendor or distribution) |
    /// | `product_name` | product | name |
    /// | `product_version` | version | version |
    /// | `product_version_range` | version | version |
    /// | `patch_level`, `service_pack` | update | — |
    /// | `language` | language | — |
    /// | `architecture`, `platform` | target_hw | qualifier `arch` (types `deb`, `rpm`, `apk`, `alpm`) |
    ///
    /// Other categories (`product_family`, `legacy`, `host_name`, `specification`) and other parts
    /// of a CPE or purl have no counterpart and are left out. For each branch on the path:
    ///
    /// 1. its counterpart is set (for a CPE: not `-`; for a purl: present and not empty);
    /// 2. it is not a wildcard (`*`, `?`) unless the branch name has one; the version of a CPE may
    ///    be `*` (or contain a wildcard) for a `product_version_range`;
    /// 3. the version aligns: a `product_version` equals the CPE version (compared as CPE compares,
    ///    without regard to case, a space written `_`) or the purl version; a single CPE or purl
    ///    version for a `product_version_range` does not align;
    /// 4. CPE only: a counterpart that is set (a value other than `*` and `-`) has its branch
    ///    category on the path — e.g. a language in the CPE needs a `language` branch — unless a
    ///    branch name on the path has the value as a whole word (the product name
    ///    `Red Hat Enterprise Linux Server AUS (v. 7.6)` gives the version `7.6`).
    ///
    /// Both CPE 2.3 formatted strings and CPE 2.2 URIs are read. A purl that cannot be parsed is
    /// left to 6.1.13. Products outside `branches` have no categorized strings and are not checked.
    ///
    /// ## Why
    /// A matching algorithm relies on the product identification helper alone, without the
    /// branches. A helper that drops the version, or adds a language or update the branches do not
    /// give, matches other products than the one described.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "vendor", "name": "Example Company", "branches": [{"category": "product_name", "name": "Product A", "branches": [
    ///   {"category": "product_version", "name": "2.2.0", "product": {"product_id": "CSAFPID-1", "name": "Example Company Product A 2.2.0",
    ///     "product_identification_helper": {"cpe": "cpe:2.3:h:example:product_a:2.2.0:*:*:de:*:*:*:*"}}}]}]}
    /// ```
    /// The CPE has a language that no `language` branch gives.
    ///
    /// ## Valid
    /// ```json
    ///     "product_identification_helper": {"cpe": "cpe:2.3:h:example:product_a:2.2.0:*:*:*:*:*:*:*"}
    /// ```
    InconsistentProductIdentificationHelper, id = "6.2.42", name = "inconsistent-product-identification-helper", group = Optional,
    summary = "a CPE or purl of a product in `branches` does not carry the same information as the branches leading to it",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(pt) = cx.advisory.product_tree.as_ref() else {
        return;
    };
    walk_branches(pt, |b, path, ancestors| {
        let Some(helper) = b.product.as_ref().and_then(|p| p.helper.as_ref()) else {
            return;
        };
        let levels: Vec<(&BranchCategory, &str)> = ancestors
            .iter()
            .copied()
            .chain(std::iter::once(b))
            .filter_map(|x: &Branch| Some((x.category.as_ref()?, x.name.as_deref()?)))
            .collect();
        let base = format!(
            "{}/product_identification_helper",
            DefLoc::Branch(path.to_vec()).pointer()
        );
        if let Some(cpe) = helper.cpe.as_deref() {
            if let Some(parsed) = Cpe::parse(cpe) {
                let problems = cpe_problems(&parsed, &levels);
                if !problems.is_empty() {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("{base}/cpe"),
                            format!("the CPE does not match the branches leading to the product: {}", problems.join("; ")),
                        )
                        .help("make the CPE state exactly what the branches state (vendor, product, version, …)"),
                    );
                }
            }
        }
        for (i, purl) in helper.purls.iter().enumerate() {
            let Ok(parsed) = PackageUrl::from_str(purl) else {
                continue;
            };
            let problems = purl_problems(&parsed, &levels);
            if !problems.is_empty() {
                out.push(
                    Finding::new(
                        META.id,
                        format!("{base}/purls/{i}"),
                        format!(
                            "the purl does not match the branches leading to the product: {}",
                            problems.join("; ")
                        ),
                    )
                    .help("make the purl state what the branches state (vendor, name, version, …)"),
                );
            }
        }
    });
}

/// A component of a CPE.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Component {
    /// `*` (or missing / empty in a CPE 2.2 URI).
    Any,
    /// `-`.
    Na,
    /// A value, unescaped; `wildcard` if it has an unescaped `*` or `?`.
    Value { text: String, wildcard: bool },
}

/// The CPE components that branch categories have counterparts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Vendor,
    Product,
    Version,
    Update,
    Language,
    TargetHw,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Vendor => "vendor",
            Part::Product => "product",
            Part::Version => "version",
            Part::Update => "update",
            Part::Language => "language",
            Part::TargetHw => "target hardware",
        }
    }
}

/// The branch categories that have a counterpart in a CPE.
fn cpe_part(c: &BranchCategory) -> Option<Part> {
    Some(match c {
        BranchCategory::Vendor => Part::Vendor,
        BranchCategory::ProductName => Part::Product,
        BranchCategory::ProductVersion | BranchCategory::ProductVersionRange => Part::Version,
        BranchCategory::PatchLevel | BranchCategory::ServicePack => Part::Update,
        BranchCategory::Language => Part::Language,
        BranchCategory::Architecture | BranchCategory::PlatformPlatform => Part::TargetHw,
        _ => return None,
    })
}

/// The parts of a CPE that branch categories have counterparts in.
#[derive(Debug)]
struct Cpe {
    vendor: Component,
    product: Component,
    version: Component,
    update: Component,
    language: Component,
    target_hw: Component,
}

impl Cpe {
    fn get(&self, p: Part) -> &Component {
        match p {
            Part::Vendor => &self.vendor,
            Part::Product => &self.product,
            Part::Version => &self.version,
            Part::Update => &self.update,
            Part::Language => &self.language,
            Part::TargetHw => &self.target_hw,
        }
    }

    /// Reads a CPE 2.3 formatted string or a CPE 2.2 URI (`None` if it is neither).
    fn parse(s: &str) -> Option<Cpe> {
        if let Some(rest) = s.strip_prefix("cpe:2.3:") {
            let c = split_fs(rest);
            if c.len() != 11 {
                return None;
            }
            let f = |i: usize| fs_component(&c[i]);
            Some(Cpe {
                vendor: f(1),
                product: f(2),
                version: f(3),
                update: f(4),
                language: f(6),
                target_hw: f(9),
            })
        } else if s.len() > 5 && s[..5].eq_ignore_ascii_case("cpe:/") {
            let c: Vec<&str> = s[5..].split(':').collect();
            let f = |i: usize| uri_component(c.get(i).copied().unwrap_or_default());
            // A packed edition `~edition~sw_edition~target_sw~target_hw~other` carries target_hw.
            let packed: Vec<&str> = match c.get(5) {
                Some(e) if e.starts_with('~') => e.split('~').collect(),
                _ => Vec::new(),
            };
            Some(Cpe {
                vendor: f(1),
                product: f(2),
                version: f(3),
                update: f(4),
                language: f(6),
                target_hw: uri_component(packed.get(4).copied().unwrap_or_default()),
            })
        } else {
            None
        }
    }
}

/// Splits the components of a CPE 2.3 formatted string at unescaped `:`.
fn split_fs(s: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let last = parts.last_mut().expect("never empty");
                last.push('\\');
                if let Some(n) = chars.next() {
                    last.push(n);
                }
            }
            ':' => parts.push(String::new()),
            c => parts.last_mut().expect("never empty").push(c),
        }
    }
    parts
}

fn fs_component(raw: &str) -> Component {
    match raw {
        "*" => Component::Any,
        "-" => Component::Na,
        _ => {
            let mut text = String::new();
            let mut wildcard = false;
            let mut chars = raw.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => text.extend(chars.next()),
                    '*' | '?' => {
                        wildcard = true;
                        text.push(c);
                    }
                    c => text.push(c),
                }
            }
            Component::Value { text, wildcard }
        }
    }
}

fn uri_component(raw: &str) -> Component {
    match raw {
        "" | "*" => Component::Any,
        "-" => Component::Na,
        _ => {
            // Percent-decoding; `%01` (`?`) and `%02` (`*`) are the wildcards of a CPE 2.2 URI.
            let bytes = raw.as_bytes();
            let mut out = Vec::new();
            let mut wildcard = false;
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'%'
                    && i + 3 <= bytes.len()
                    && bytes[i + 1..i + 3].iter().all(u8::is_ascii_hexdigit)
                {
                    if let Ok(b) = u8::from_str_radix(&raw[i + 1..i + 3], 16) {
                        match b {
                            1 => {
                                wildcard = true;
                                out.push(b'?');
                            }
                            2 => {
                                wildcard = true;
                                out.push(b'*');
                            }
                            b => out.push(b),
                        }
                        i += 3;
                        continue;
                    }
                }
                out.push(bytes[i]);
                i += 1;
            }
            Component::Value {
                text: String::from_utf8_lossy(&out).into_owned(),
                wildcard,
            }
        }
    }
}

/// CPE values compare without regard to case; a space in a name is written `_` in a CPE.
fn cpe_eq(cpe: &str, name: &str) -> bool {
    cpe.to_lowercase() == name.replace(' ', "_").to_lowercase()
}

fn has_wildcard(name: &str) -> bool {
    name.contains(['*', '?'])
}

fn cpe_problems(cpe: &Cpe, levels: &[(&BranchCategory, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut present = Vec::new();
    for &(category, name) in levels {
        let Some(part) = cpe_part(category) else {
            continue;
        };
        present.push(part);
        let range = *category == BranchCategory::ProductVersionRange;
        match cpe.get(part) {
            Component::Na => problems.push(format!(
                "the {} is `-` (not applicable), but the `{category}` branch gives `{name}`",
                part.name()
            )),
            Component::Any if range => {}
            Component::Any => problems.push(format!(
                "the {} is `*` (any), but the `{category}` branch gives `{name}`",
                part.name()
            )),
            Component::Value { text, wildcard } => {
                if *wildcard && !range && !has_wildcard(name) {
                    problems.push(format!(
                        "the {} `{text}` has a wildcard, but the `{category}` branch gives `{name}`",
                        part.name()
                    ));
                } else if part == Part::Version && range && !*wildcard {
                    problems.push(format!(
                        "the version is the single version `{text}`, but the `{category}` branch gives the range `{name}`"
                    ));
                } else if part == Part::Version && !range && !*wildcard && !cpe_eq(text, name) {
                    problems.push(format!(
                        "the version is `{text}`, but the `{category}` branch gives `{name}`"
                    ));
                }
            }
        }
    }
    for part in [
        Part::Vendor,
        Part::Product,
        Part::Version,
        Part::Update,
        Part::Language,
        Part::TargetHw,
    ] {
        if let Component::Value { text, .. } = cpe.get(part) {
            if !present.contains(&part) && !mentioned(text, levels) {
                problems.push(format!(
                    "it gives the {} `{text}`, which no branch ({}) gives",
                    part.name(),
                    categories_of(part)
                ));
            }
        }
    }
    problems
}

/// Whether a branch name on the path has `value` as a whole word (without regard to case, `_`
/// read as a space, `.` and `-` part of a word): `Red Hat Enterprise Linux Server AUS (v. 7.6)` gives the version `7.6`.
fn mentioned(value: &str, levels: &[(&BranchCategory, &str)]) -> bool {
    let value = value.replace('_', " ").to_lowercase();
    if value.is_empty() {
        return false;
    }
    levels.iter().any(|(_, name)| {
        let name = name.replace('_', " ").to_lowercase();
        name.match_indices(&value).any(|(i, m)| {
            let before = name[..i].chars().next_back();
            let after = name[i + m.len()..].chars().next();
            let word = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
            !before.is_some_and(word) && !after.is_some_and(word)
        })
    })
}

fn categories_of(part: Part) -> &'static str {
    match part {
        Part::Vendor => "`vendor`",
        Part::Product => "`product_name`",
        Part::Version => "`product_version`, `product_version_range`",
        Part::Update => "`patch_level`, `service_pack`",
        Part::Language => "`language`",
        Part::TargetHw => "`architecture`, `platform`",
    }
}

/// purl types whose namespace is the vendor or distribution and that have an `arch` qualifier.
const DISTRO_TYPES: &[&str] = &["deb", "rpm", "apk", "alpm"];

fn purl_problems(purl: &PackageUrl<'_>, levels: &[(&BranchCategory, &str)]) -> Vec<String> {
    let distro = DISTRO_TYPES.contains(&purl.ty());
    let version = purl.version().filter(|v| !v.is_empty());
    let mut problems = Vec::new();
    for &(category, name) in levels {
        match category {
            BranchCategory::Vendor if distro && purl.namespace().is_none_or(str::is_empty) => {
                problems.push(format!(
                    "it has no namespace, but the `vendor` branch gives `{name}`"
                ));
            }
            BranchCategory::ProductVersion => match version {
                None => problems.push(format!(
                    "it has no version, but the `product_version` branch gives `{name}`"
                )),
                Some(v) if v != name => {
                    problems.push(format!(
                        "the version is `{v}`, but the `product_version` branch gives `{name}`"
                    ));
                }
                Some(_) => {}
            },
            BranchCategory::ProductVersionRange => {
                if let Some(v) = version {
                    problems.push(format!(
                        "the version is the single version `{v}`, but the `product_version_range` branch gives the range `{name}`"
                    ));
                }
            }
            BranchCategory::Architecture | BranchCategory::PlatformPlatform
                if distro && purl.qualifiers().get("arch").is_none_or(|a| a.is_empty()) =>
            {
                problems.push(format!(
                    "it has no `arch` qualifier, but the `{category}` branch gives `{name}`"
                ));
            }
            _ => {}
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cpe_23_and_22() {
        let c = Cpe::parse("cpe:2.3:h:example:product_a:2.2.0:*:*:de:*:*:*:*").unwrap();
        assert_eq!(
            c.version,
            Component::Value {
                text: "2.2.0".into(),
                wildcard: false
            }
        );
        assert_eq!(
            c.language,
            Component::Value {
                text: "de".into(),
                wildcard: false
            }
        );
        assert_eq!(c.update, Component::Any);
        let c = Cpe::parse(r"cpe:2.3:a:ex:p:1.0\:beta:-:*:*:*:*:x64:*").unwrap();
        assert_eq!(
            c.version,
            Component::Value {
                text: "1.0:beta".into(),
                wildcard: false
            }
        );
        assert_eq!(c.update, Component::Na);
        assert_eq!(
            c.target_hw,
            Component::Value {
                text: "x64".into(),
                wildcard: false
            }
        );
        let c = Cpe::parse("cpe:2.3:a:ex:p:1.*:*:*:*:*:*:*:*").unwrap();
        assert_eq!(
            c.version,
            Component::Value {
                text: "1.*".into(),
                wildcard: true
            }
        );
        let c = Cpe::parse("cpe:/a:ex:p:1.0%7e2::~~~~x86~").unwrap();
        assert_eq!(
            c.version,
            Component::Value {
                text: "1.0~2".into(),
                wildcard: false
            }
        );
        assert_eq!(c.update, Component::Any);
        assert_eq!(c.language, Component::Any);
        assert_eq!(
            c.target_hw,
            Component::Value {
                text: "x86".into(),
                wildcard: false
            }
        );
        assert!(Cpe::parse("cpe:2.3:a:ex").is_none());
    }

    #[test]
    fn a_value_in_a_branch_name_is_no_extra_information() {
        let name = BranchCategory::ProductName;
        let levels = [(&name, "Red Hat Enterprise Linux Server AUS (v. 7.6)")];
        assert!(mentioned("7.6", &levels));
        assert!(!mentioned("7", &levels));
        assert!(!mentioned("de", &[(&name, "Product A")]));
        let vendor = BranchCategory::Vendor;
        let levels = [(&vendor, "Red Hat"), levels[0]];
        let c = Cpe::parse("cpe:/o:redhat:rhel_aus:7.6::server").unwrap();
        assert!(cpe_problems(&c, &levels).is_empty());
        let c = Cpe::parse("cpe:/o:redhat:rhel_aus:7.7::server").unwrap();
        assert_eq!(cpe_problems(&c, &levels).len(), 1);
    }
}
