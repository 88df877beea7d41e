use crate::diag::Finding;
use crate::model::ProductIdentificationHelper;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No model number of a product identification helper contains more than one unescaped `*`
    /// (a `\` escapes the character after it, so `\*` is a literal star and `\\` a literal
    /// backslash).
    ///
    /// ## Why
    /// `*` matches zero or more characters, and "an unescaped `*` MUST be the only `*` wildcard in
    /// the string": with two of them a model number matches ambiguously.
    ///
    /// ## Invalid
    /// ```json
    /// "product_identification_helper": {"model_numbers": ["P*A*"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_identification_helper": {"model_numbers": ["PA*", "P?A*", "P\\*\\*\\\\?"]}
    /// ```
    UseOfMultipleStarsInModelNumber, id = "6.1.43", name = "use-of-multiple-stars-in-model-number",
    group = Mandatory,
    summary = "a model number contains more than one unescaped `*`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    multiple_stars(cx, out, META.id, "model_numbers", "model number", |h| {
        &h.model_numbers
    });
}

/// The check of 6.1.43, 6.1.44 and 6.1.61: every item of the helper list `key` (read by `list`)
/// has at most one unescaped `*`.
pub(super) fn multiple_stars(
    cx: &Context<'_>,
    out: &mut Vec<Finding>,
    rule: &'static str,
    key: &str,
    what: &str,
    list: fn(&ProductIdentificationHelper) -> &Vec<String>,
) {
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        for (i, value) in list(helper).iter().enumerate() {
            let stars = unescaped_stars(value);
            if stars > 1 {
                out.push(
                    Finding::new(
                        rule,
                        format!("{}/product_identification_helper/{key}/{i}", def.loc.pointer()),
                        format!("{what} `{value}` contains {stars} unescaped `*`; at most one is allowed"),
                    )
                    .help("keep a single `*` wildcard, use `?` for single characters, or escape a literal star as `\\*`"),
                );
            }
        }
    }
}

/// The number of `*` not escaped by a `\` (a `\` escapes the next character, whatever it is).
pub(super) fn unescaped_stars(s: &str) -> usize {
    let mut count = 0;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '*' => count += 1,
            _ => {}
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::unescaped_stars;

    #[test]
    fn counts_unescaped_stars() {
        for (s, n) in [
            ("P*A*", 2),
            ("*P*\\*?*", 3),
            ("PA*", 1),
            ("P????A*", 1),
            ("*P\\*\\*?\\*", 1),
            ("P\\*\\*\\\\?", 0),
            ("P\\\\*A*", 2),
            ("P\\", 0),
            ("", 0),
        ] {
            assert_eq!(unescaped_stars(s), n, "{s}");
        }
    }
}
