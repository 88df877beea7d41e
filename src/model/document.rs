//! `/document`: metadata about the advisory itself.

use super::*;

/// `/document`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// `category`: `csaf_base`, `csaf_security_advisory`, `csaf_vex`, … (free text in CSAF;
    /// CVRF `DocumentType`).
    pub category: Option<String>,
    /// `csaf_version` as written (`None` for CVRF).
    pub csaf_version: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `lang`: the language tag of the document.
    pub lang: Option<String>,
    /// `source_lang`: the language of the original when this is a translation.
    pub source_lang: Option<String>,
    /// `publisher`.
    pub publisher: Publisher,
    /// `tracking`.
    pub tracking: Tracking,
    /// `notes`.
    pub notes: Vec<Note>,
    /// `references`.
    pub references: Vec<Reference>,
    /// `acknowledgments`.
    pub acknowledgments: Vec<Acknowledgment>,
    /// `distribution`.
    pub distribution: Option<Distribution>,
    /// `aggregate_severity`.
    pub aggregate_severity: Option<AggregateSeverity>,
    /// `license_expression` (CSAF 2.1).
    pub license_expression: Option<String>,
}

impl Document {
    /// Whether a CSAF document's category makes it an advisory for the release checks: any category
    /// but `csaf_vex` and `csaf_informational_advisory`. See [`Advisory::is_release_target`], which
    /// also counts every CVRF document.
    pub fn is_advisory(&self) -> bool {
        !matches!(
            self.category.as_deref(),
            Some("csaf_vex") | Some("csaf_informational_advisory")
        )
    }
}

/// `/document/publisher` (CVRF `DocumentPublisher`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Publisher {
    /// `category`.
    pub category: Option<PublisherCategory>,
    /// `name`.
    pub name: Option<String>,
    /// `namespace`: the publisher's URL.
    pub namespace: Option<String>,
    /// `contact_details`.
    pub contact_details: Option<String>,
    /// `issuing_authority`.
    pub issuing_authority: Option<String>,
}

/// `/document/tracking` (CVRF `DocumentTracking`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tracking {
    /// `id`: the publisher's unique id of the advisory.
    pub id: Option<String>,
    /// `aliases`.
    pub aliases: Vec<String>,
    /// `status`.
    pub status: Option<DocumentStatus>,
    /// `version`: integer or semantic version, as written.
    pub version: Option<String>,
    /// `initial_release_date`.
    pub initial_release_date: Option<Timestamp>,
    /// `current_release_date`.
    pub current_release_date: Option<Timestamp>,
    /// `revision_history`, in document order.
    pub revision_history: Vec<Revision>,
    /// `generator`.
    pub generator: Option<Generator>,
}

/// `revision_history[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// `date`.
    pub date: Option<Timestamp>,
    /// `number`.
    pub number: Option<String>,
    /// `legacy_version`.
    pub legacy_version: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
}

/// `tracking/generator`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Generator {
    /// `date`.
    pub date: Option<Timestamp>,
    /// `engine/name`.
    pub engine_name: Option<String>,
    /// `engine/version`.
    pub engine_version: Option<String>,
}

/// `notes[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// `category` (CVRF `@Type`).
    pub category: Option<NoteCategory>,
    /// `text`.
    pub text: Option<String>,
    /// `title`.
    pub title: Option<String>,
    /// `audience`.
    pub audience: Option<String>,
    /// `product_ids` (2.1): the products the note is about.
    pub product_ids: Vec<String>,
    /// `group_ids` (2.1).
    pub group_ids: Vec<String>,
}

/// `references[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// `category`.
    pub category: Option<ReferenceCategory>,
    /// `url`.
    pub url: Option<String>,
    /// `summary` (CVRF `Description`).
    pub summary: Option<String>,
}

/// `acknowledgments[]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Acknowledgment {
    /// `names`.
    pub names: Vec<String>,
    /// `organization`.
    pub organization: Option<String>,
    /// `summary` (CVRF `Description`).
    pub summary: Option<String>,
    /// `urls`.
    pub urls: Vec<String>,
}

/// `/document/distribution`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distribution {
    /// `text`.
    pub text: Option<String>,
    /// `tlp/label`.
    pub tlp_label: Option<TlpLabel>,
    /// `tlp/url`.
    pub tlp_url: Option<String>,
    /// `sharing_group/id` (CSAF 2.1).
    pub sharing_group_id: Option<String>,
    /// `sharing_group/name` (CSAF 2.1).
    pub sharing_group_name: Option<String>,
}

/// `/document/aggregate_severity`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AggregateSeverity {
    /// `namespace`.
    pub namespace: Option<String>,
    /// `text`.
    pub text: Option<String>,
}
