use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The type of every vers in a branch of category `product_version_range` (`npm` in
    /// `vers:npm/>=2.2.0|<2.3.0`) is registered and supported. csaflint supports (can order the
    /// versions of) `all`, `none`, `intdot`, `semver`, `npm`, `lexicographic` and `datetime`. As
    /// registered it takes the types the vers specification names: the general types `all`,
    /// `none`, `datetime`, `generic`, `intdot`, `lexicographic`, `semver` and the package ecosystem
    /// types `alpine`, `alpm`, `apk`, `cargo`, `composer`, `cpan`, `dart`, `deb`, `gem`, `gentoo`,
    /// `golang`, `hackage`, `maven`, `npm`, `nuget`, `pypi`, `rpm`. The message says which of the
    /// two a type misses. A type that breaks the vers syntax is left to test 6.1.50; the type is
    /// compared in lowercase.
    ///
    /// ## Why
    /// "Usually, unknown VERS types hinder the automated evaluation of VERS": a tool cannot order the
    /// versions, so it cannot tell whether a version is in the range. An unregistered type is
    /// likely a typo or a private scheme; a registered but unsupported one needs another tool.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:someweirdunknownverstype/<4.2.0", "product": {…}}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:intdot/<4.2.0", "product": {…}}
    /// ```
    UnknownVersType, id = "6.2.51", name = "unknown-vers-type", group = Optional,
    summary = "a vers uses a type that is not registered or not supported",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |branch, path, _| {
        if branch.category != Some(BranchCategory::ProductVersionRange) {
            return;
        }
        let Some(written) = branch.name.as_deref().and_then(crate::vers::vers_type_of) else {
            return;
        };
        let ty = written.to_ascii_lowercase();
        let well_formed = ty.starts_with(|c: char| c.is_ascii_alphabetic())
            && ty
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if !well_formed {
            return;
        }
        let registered = crate::vers::is_registered(&ty);
        let supported = crate::vers::is_supported(&ty);
        let (message, help) = match (registered, supported) {
            (true, true) => return,
            (false, _) => (
                format!("usage of unknown version type `{written}` (not registered, not supported)"),
                "use a registered vers type such as `intdot`, `semver` or the one of the package ecosystem (`npm`, `pypi`, `maven`, …); check the type for typos",
            ),
            (true, false) => (
                format!("usage of version type `{written}` (registered, but not supported by csaflint: the versions cannot be compared)"),
                "use a tool that supports the type to check the range, or a general type such as `intdot` or `semver` if the versions follow it",
            ),
        };
        out.push(Finding::new(META.id, format!("{}/name", branch_pointer(path)), message).help(help));
    });
}
