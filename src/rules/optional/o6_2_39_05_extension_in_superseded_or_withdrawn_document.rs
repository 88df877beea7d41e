use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// A document of the category `csaf_withdrawn` or `csaf_superseded` contains no CSAF Extension:
    /// neither `/document/x_extensions` nor `/x_extensions` exists. Each list is reported. Skipped
    /// for all other categories.
    ///
    /// ## Why
    /// A withdrawn or superseded document only says that, why, and where to look instead; an
    /// extension adds information that does not belong there.
    ///
    /// ## Invalid
    /// ```json
    /// "document": {"category": "csaf_withdrawn", …},
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", …}]
    /// ```
    /// ## Valid
    /// The same document without `x_extensions`.
    ExtensionInSupersededOrWithdrawnDocument, id = "6.2.39.5", name = "extension-in-superseded-or-withdrawn-document", group = Optional,
    summary = "a withdrawn or superseded document contains a CSAF Extension",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_withdrawn", "csaf_superseded"];
const POINTERS: &[&str] = &["/document/x_extensions", "/x_extensions"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    for pointer in POINTERS {
        if raw.pointer(pointer).is_some() {
            out.push(
                Finding::new(
                    META.id,
                    *pointer,
                    format!("the document of category `{category}` contains a CSAF Extension"),
                )
                .help(
                    "remove the extension: a withdrawn or superseded document carries no additional content",
                ),
            );
        }
    }
}
