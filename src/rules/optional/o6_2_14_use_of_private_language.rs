use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/lang` and `/document/source_lang` contain no subtag reserved for private use: a
    /// private-use section (`x-…`), a language in `qaa`–`qtz`, a script in `Qaaa`–`Qabx`, or a region
    /// `AA`, `QM`–`QZ`, `XA`–`XZ` or `ZZ` (the ranges the IANA registry marks "Private use").
    ///
    /// ## Why
    /// Private-use subtags mean something only by private agreement; other readers cannot interpret them.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "qtx"
    /// ```
    /// ## Valid
    /// ```json
    /// "lang": "en"
    /// ```
    UseOfPrivateLanguage, id = "6.2.14", name = "use-of-private-language", group = Optional,
    summary = "a language tag uses a private-use subtag",
}

/// The first private-use subtag of a language tag.
fn private_subtag(tag: &str) -> Option<&str> {
    for (i, sub) in tag.split('-').enumerate() {
        let lower = sub.to_ascii_lowercase();
        let alpha = sub.bytes().all(|b| b.is_ascii_alphabetic());
        if lower == "x" {
            return Some(sub);
        }
        let private = match (i, sub.len(), alpha) {
            (0, 3, true) => ("qaa"..="qtz").contains(&lower.as_str()),
            (_, 4, true) if i > 0 => ("qaaa"..="qabx").contains(&lower.as_str()),
            (_, 2, true) if i > 0 => {
                lower == "aa"
                    || lower == "zz"
                    || ("qm"..="qz").contains(&lower.as_str())
                    || ("xa"..="xz").contains(&lower.as_str())
            }
            _ => false,
        };
        if private {
            return Some(sub);
        }
    }
    None
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    for (key, value) in [("lang", &doc.lang), ("source_lang", &doc.source_lang)] {
        let Some(tag) = value else { continue };
        if let Some(sub) = private_subtag(tag) {
            out.push(Finding::new(
                META.id,
                format!("/document/{key}"),
                format!("language tag `{tag}` uses the private-use subtag `{sub}`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn private_ranges() {
        for t in [
            "qtx",
            "en-x-foo",
            "x-klingon",
            "de-QM",
            "en-Qaaa",
            "de-ZZ",
            "fr-XB",
        ] {
            assert!(super::private_subtag(t).is_some(), "{t}");
        }
        for t in ["en", "en-US", "zh-Hant-TW", "de-CH-1996", "i-default"] {
            assert!(super::private_subtag(t).is_none(), "{t}");
        }
    }
}
