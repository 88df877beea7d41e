use super::translations::unknown_translation;
use super::translations::{self, Term};
use crate::diag::Finding;
use crate::model::NoteCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product description in `/document/notes` names the products it describes, through
    /// `product_ids` or `group_ids`.
    ///
    /// A product description is a note of the category `description` whose title starts with
    /// `Product Description` (the combination of `category` and `title` CSAF gives a special
    /// meaning to), compared without regard to case; `Product Description for Product A` counts.
    /// For a document in another language than English, the title starts with the language
    /// specific translation the OASIS CSAF TC records (built into csaflint; `de`:
    /// `Produktbeschreibung`), looked up by the whole language tag, then its primary subtag. For a
    /// language without a recorded translation the test is skipped, and says so once at
    /// `/document/lang` if a `description` note without product references could be one.
    ///
    /// ## Why
    /// "This SHOULD be bound to the corresponding product or product group": a description that
    /// names no product leaves readers and tools guessing which product it describes.
    ///
    /// ## Invalid
    /// ```json
    /// "notes": [{"category": "description", "text": "Product A is a local time tracking tool.", "title": "Product Description"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "notes": [{"category": "description", "product_ids": ["CSAFPID-1"], "text": "Product A is a local time tracking tool.", "title": "Product Description"}]
    /// ```
    ProductDescriptionWithoutProductReference, id = "6.2.40", name = "product-description-without-product-reference", group = Optional,
    summary = "a product description note names no product (`product_ids` / `group_ids`)",
    since = "2.1",
}

const TERM: Term = Term::ProductDescription;

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    let unbound: Vec<(usize, &str)> = doc
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            n.category == Some(NoteCategory::Description)
                && n.product_ids.is_empty()
                && n.group_ids.is_empty()
        })
        .filter_map(|(i, n)| Some((i, n.title.as_deref()?)))
        .collect();
    if unbound.is_empty() {
        return;
    }
    let term = match translations::term_for(doc.lang.as_deref(), TERM) {
        Ok(term) => term.to_lowercase(),
        Err(lang) => {
            out.push(unknown_translation(META.id, lang, TERM));
            return;
        }
    };
    for (i, title) in unbound {
        if title.to_lowercase().starts_with(&term) {
            out.push(
                Finding::new(
                    META.id,
                    format!("/document/notes/{i}"),
                    format!("the product description `{title}` does not name the products it describes"),
                )
                .help("add the products it describes in `product_ids` or `group_ids`"),
            );
        }
    }
}
