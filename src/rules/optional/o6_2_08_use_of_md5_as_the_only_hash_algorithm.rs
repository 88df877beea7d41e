use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No file in `hashes` has `md5` as its only hash algorithm.
    ///
    /// ## Why
    /// Collision attacks exist for MD5; a stronger second hash lets users double-check.
    ///
    /// ## Invalid
    /// ```json
    /// "file_hashes": [{"algorithm": "md5", "value": "…"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "file_hashes": [{"algorithm": "md5", "value": "…"}, {"algorithm": "sha256", "value": "…"}]
    /// ```
    UseOfMd5AsTheOnlyHashAlgorithm, id = "6.2.8", name = "use-of-md5-as-the-only-hash-algorithm", group = Optional,
    summary = "`md5` is the only hash algorithm given for a file",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::only_hash_algorithm(cx, out, META.id, "md5");
}
