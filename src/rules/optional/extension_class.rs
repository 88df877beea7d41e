//! The classes of CSAF Extensions (official, registered, experimental) and the extension instances of
//! a document, for the CSAF 2.1 extension tests 6.2.20, 6.2.39.5, 6.2.54.x and 6.3.21.x.
//!
//! CSAF 2.1 knows three classes of extensions: official ones, specified by the OASIS CSAF TC;
//! registered ones, specified by a named party and registered with the TC; and experimental ones,
//! every other extension, which "SHOULD NOT be used in production". The TC maintains the lists of
//! official and registered extensions. At the time of writing both lists are empty (the only
//! extensions that exist are the documentation extensions of the TC's test data), so every extension
//! is experimental. Add the `$schema` URL of an extension to [`OFFICIAL`] or [`REGISTERED`] when the TC
//! lists it.

use crate::rules::mandatory::m6_1_60_01_extension_content_schema::locations;
use crate::rules::mandatory::m6_1_60_02_extension_schema::schema_of;
use serde_json::Value;

/// The `$schema` URLs of the official CSAF Extensions.
const OFFICIAL: &[&str] = &[];

/// The `$schema` URLs of the registered CSAF Extensions.
const REGISTERED: &[&str] = &[];

/// The class of a CSAF Extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Specified by the OASIS CSAF TC.
    Official,
    /// Specified by a named party and registered with the OASIS CSAF TC.
    Registered,
    /// Any other extension: for tests and experiments.
    Experimental,
}

impl Class {
    /// `official`, `registered` or `experimental`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Class::Official => "official",
            Class::Registered => "registered",
            Class::Experimental => "experimental",
        }
    }
}

/// The class of the extension with this `$schema`.
pub(crate) fn class_of(schema: &str) -> Class {
    if OFFICIAL.contains(&schema) {
        Class::Official
    } else if REGISTERED.contains(&schema) {
        Class::Registered
    } else {
        Class::Experimental
    }
}

/// An extension instance (an item of an `x_extensions` list).
pub(crate) struct Instance<'a> {
    /// JSON pointer of the item.
    pub(crate) pointer: String,
    /// The item.
    pub(crate) item: &'a Value,
    /// Its `$schema`, when it is a string.
    pub(crate) schema: Option<&'a str>,
}

/// Every extension instance of the document, in document order.
pub(crate) fn instances(raw: &Value) -> Vec<Instance<'_>> {
    locations(raw)
        .into_iter()
        .flat_map(|location| {
            location.items.iter().enumerate().map(move |(i, item)| Instance {
                pointer: format!("{}/{i}", location.pointer),
                item,
                schema: schema_of(item),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentation_extensions_are_experimental() {
        let doc = "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json";
        assert_eq!(class_of(doc), Class::Experimental);
        let raw = serde_json::json!({
            "document": {"x_extensions": [{"$schema": doc}]},
            "x_extensions": [{"$schema": doc}, {"category": "essential"}]
        });
        let found: Vec<(String, Option<&str>)> = instances(&raw)
            .into_iter()
            .map(|i| (i.pointer, i.schema))
            .collect();
        assert_eq!(
            found,
            [
                ("/x_extensions/0".to_owned(), Some(doc)),
                ("/x_extensions/1".to_owned(), None),
                ("/document/x_extensions/0".to_owned(), Some(doc)),
            ]
        );
    }
}
