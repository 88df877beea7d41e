//! `CV1xx`: what the final CVRF 1.1 and 1.2 XSDs enforce, one class of violation per rule, reported
//! on the element path of the XML. They run on CVRF documents only.
//!
//! The XSDs' key references (every referenced product or group id is defined) and the uniqueness of
//! `ProductID` and `GroupID` definitions are not repeated here: the mandatory tests 6.1.1, 6.1.2,
//! 6.1.4 and 6.1.5 report them on CVRF documents, located in the XML.

mod cv101_missing_required_element;
mod cv102_unexpected_element;
mod cv103_element_out_of_order;
mod cv104_wrong_namespace;
mod cv105_missing_required_attribute;
mod cv106_unexpected_attribute;
mod cv107_invalid_value;
mod cv108_duplicate_key;
mod structure;

use super::Rule;

pub(crate) use structure::Walked;

/// The CVRF structure rules, in id order.
pub fn rules() -> &'static [&'static dyn Rule] {
    &[
        &cv101_missing_required_element::MissingRequiredElement,
        &cv102_unexpected_element::UnexpectedElement,
        &cv103_element_out_of_order::ElementOutOfOrder,
        &cv104_wrong_namespace::WrongNamespace,
        &cv105_missing_required_attribute::MissingRequiredAttribute,
        &cv106_unexpected_attribute::UnexpectedAttribute,
        &cv107_invalid_value::InvalidValue,
        &cv108_duplicate_key::DuplicateKey,
    ]
}
