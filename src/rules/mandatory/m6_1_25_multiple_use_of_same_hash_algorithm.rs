use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one item of `hashes`, no hash algorithm is used more than once in `file_hashes`.
    ///
    /// ## Why
    /// One file has one digest per algorithm; two different values contradict each other.
    ///
    /// ## Invalid
    /// ```json
    /// "hashes": [{"file_hashes": [{"algorithm": "sha256", "value": "026a…"}, {"algorithm": "sha256", "value": "0a85…"}], "filename": "product_a.so"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "hashes": [{"file_hashes": [{"algorithm": "sha256", "value": "026a…"}, {"algorithm": "sha512", "value": "7f3e…"}], "filename": "product_a.so"}]
    /// ```
    MultipleUseOfSameHashAlgorithm, id = "6.1.25", name = "multiple-use-of-same-hash-algorithm", group = Mandatory,
    summary = "the same hash algorithm is used twice for one file",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        for (h, hashes) in helper.hashes.iter().enumerate() {
            for (k, (algorithm, _)) in hashes.file_hashes.iter().enumerate() {
                let Some(algorithm) = algorithm else { continue };
                if hashes.file_hashes[..k]
                    .iter()
                    .any(|(a, _)| a.as_ref() == Some(algorithm))
                {
                    out.push(Finding::new(
                        META.id,
                        format!(
                            "{}/product_identification_helper/hashes/{h}/file_hashes/{k}/algorithm",
                            def.loc.pointer()
                        ),
                        format!("hash algorithm `{algorithm}` is used more than once for this file"),
                    ));
                }
            }
        }
    }
}
