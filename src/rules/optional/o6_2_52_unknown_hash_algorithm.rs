use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every hash `algorithm` in a product identification helper
    /// (`…/product_identification_helper/hashes[]/file_hashes[]/algorithm`) is one csaflint
    /// supports. csaflint supports exactly the values the CSAF specification mentions (section
    /// 3.1.3.3.2, the digests of `openssl dgst -list`, without the leading dash): `blake2b512`,
    /// `blake2s256`, `md4`, `md5`, `md5-sha1`, `mdc2`, `ripemd`, `ripemd160`, `rmd160`, `sha1`,
    /// `sha224`, `sha256`, `sha3-224`, `sha3-256`, `sha3-384`, `sha3-512`, `sha384`, `sha512`,
    /// `sha512-224`, `sha512-256`, `shake128`, `shake256`, `sm3`, `ssl3-md5`, `ssl3-sha1` and
    /// `whirlpool`, compared without regard to case. So every finding is of a value the
    /// specification does not mention; when the value is one of them written differently
    /// (`SHA-256`, `sha_256`), the finding says which.
    ///
    /// ## Why
    /// Tools match hashes by algorithm name. An algorithm name they do not know makes the hash
    /// useless for matching.
    ///
    /// ## Invalid
    /// ```json
    /// "file_hashes": [{"algorithm": "unknown-algorithm", "value": "026a37919b182ef7c63791e82c9645e2f897a3f0b73c7a6028c7febf62e93838"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "file_hashes": [{"algorithm": "blake2s256", "value": "4b058aa9cbb7441d163ab514c7ae43880ef89f1f945c4f9049a202099f49c963"}]
    /// ```
    UnknownHashAlgorithm, id = "6.2.52", name = "unknown-hash-algorithm", group = Optional,
    summary = "a hash algorithm is not one of those the CSAF specification mentions",
    since = "2.1",
}

/// The algorithms CSAF 2.1 mentions (section 3.1.3.3.2), which are the ones csaflint supports.
const KNOWN: &[&str] = &[
    "blake2b512",
    "blake2s256",
    "md4",
    "md5",
    "md5-sha1",
    "mdc2",
    "ripemd",
    "ripemd160",
    "rmd160",
    "sha1",
    "sha224",
    "sha256",
    "sha3-224",
    "sha3-256",
    "sha3-384",
    "sha3-512",
    "sha384",
    "sha512",
    "sha512-224",
    "sha512-256",
    "shake128",
    "shake256",
    "sm3",
    "ssl3-md5",
    "ssl3-sha1",
    "whirlpool",
];

/// Lower case without `-`, `_`, `/` and spaces: `SHA-256` and `sha256` look alike.
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '_' | '/' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        for (h, hashes) in helper.hashes.iter().enumerate() {
            for (k, (algorithm, _)) in hashes.file_hashes.iter().enumerate() {
                let Some(algorithm) = algorithm.as_deref() else {
                    continue;
                };
                if KNOWN.iter().any(|a| a.eq_ignore_ascii_case(algorithm)) {
                    continue;
                }
                let pointer = format!(
                    "{}/product_identification_helper/hashes/{h}/file_hashes/{k}/algorithm",
                    def.loc.pointer()
                );
                let finding = match KNOWN.iter().find(|a| loose(a) == loose(algorithm)) {
                    Some(known) => Finding::new(
                        META.id,
                        pointer,
                        format!(
                            "hash algorithm `{algorithm}` is not mentioned in the CSAF specification as written; it mentions `{known}`"
                        ),
                    )
                    .help(format!("write the algorithm as `{known}`")),
                    None => Finding::new(
                        META.id,
                        pointer,
                        format!(
                            "hash algorithm `{algorithm}` is not mentioned in the CSAF specification and is not supported by csaflint"
                        ),
                    )
                    .help("use an algorithm the specification mentions, e.g. `sha256`, `sha384`, `sha512` or `sha3-512`"),
                };
                out.push(finding);
            }
        }
    }
}
