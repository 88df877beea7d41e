use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No file in `hashes` has `sha1` as its only hash algorithm.
    ///
    /// ## Why
    /// Collision attacks exist for SHA-1; a stronger second hash lets users double-check.
    ///
    /// ## Invalid
    /// ```json
    /// "file_hashes": [{"algorithm": "sha1", "value": "…"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "file_hashes": [{"algorithm": "sha1", "value": "…"}, {"algorithm": "sha256", "value": "…"}]
    /// ```
    UseOfSha1AsTheOnlyHashAlgorithm, id = "6.2.9", name = "use-of-sha-1-as-the-only-hash-algorithm", group = Optional,
    summary = "`sha1` is the only hash algorithm given for a file",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::only_hash_algorithm(cx, out, META.id, "sha1");
}
