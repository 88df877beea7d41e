//! # csaflint
//!
//! Reads security advisories — CSAF 2.0 / 2.1 JSON and CVRF 1.1 / 1.2 XML — into one typed
//! [`model`], and validates them: the CSAF JSON schemas, the tests of the CSAF specification, CVRF
//! structure, and release checks. Every diagnostic is located (line and column, JSON pointer).
//!
//! Build a [`Validator`] once from [`Options`] and call [`Validator::validate`] per document.

#![warn(missing_docs)]

pub mod cli;
pub mod config;
pub mod convert;
pub mod cvss;
pub mod cwe;
pub mod diag;
pub mod index;
pub mod langtag;
pub mod model;
pub mod net;
pub mod parse;
pub mod purl;
pub mod report;
pub mod rules;
pub mod schema;
pub mod stats;
#[doc(hidden)]
pub mod testing;
mod validate;
pub mod vers;
pub mod version_t;

pub use diag::{Diagnostic, Severity};
pub use rules::{Preset, Selection};
pub use validate::{Options, Report, Validator};
