use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No hash value in a product identification helper is shorter than 64 characters.
    ///
    /// ## Why
    /// Short hashes (MD5, SHA-1) are weak; 256 bits and more resist collision attacks.
    ///
    /// ## Invalid
    /// ```json
    /// "file_hashes": [{"algorithm": "md5", "value": "6ae24620ea9656230f49234efd078935"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "file_hashes": [{"algorithm": "sha256", "value": "026a37919b182ef7c63791e82c9645e2f897a3f0b73c7a6028c7febf62e93838"}]
    /// ```
    UseOfShortHash, id = "6.3.5", name = "use-of-short-hash", group = Informative,
    summary = "a hash value is shorter than 64 characters",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        for (h, hashes) in helper.hashes.iter().enumerate() {
            for (k, (_, value)) in hashes.file_hashes.iter().enumerate() {
                let Some(value) = value else { continue };
                if value.chars().count() < 64 {
                    out.push(Finding::new(
                        META.id,
                        format!(
                            "{}/product_identification_helper/hashes/{h}/file_hashes/{k}/value",
                            def.loc.pointer()
                        ),
                        format!(
                            "the hash value has {} characters, fewer than 64",
                            value.chars().count()
                        ),
                    ));
                }
            }
        }
    }
}
