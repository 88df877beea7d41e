//! CSAF section 6.1: mandatory tests, one per file.

mod m6_1_01_missing_definition_of_product_id;
mod m6_1_02_multiple_definition_of_product_id;
mod m6_1_03_circular_definition_of_product_id;
mod m6_1_04_missing_definition_of_product_group_id;
mod m6_1_05_multiple_definition_of_product_group_id;
mod m6_1_06_contradicting_product_status;
mod m6_1_07_multiple_scores_with_same_version_per_product;
mod m6_1_08_invalid_cvss;
mod m6_1_09_invalid_cvss_computation;
mod m6_1_10_inconsistent_cvss;
mod m6_1_11_cwe;
mod m6_1_12_language;
mod m6_1_13_purl;
mod m6_1_14_sorted_revision_history;
mod m6_1_15_translator;
mod m6_1_16_latest_document_version;
mod m6_1_17_document_status_draft;
mod m6_1_18_released_revision_history;
mod m6_1_19_revision_history_entries_for_pre_release_versions;
mod m6_1_20_non_draft_document_version;
mod m6_1_21_missing_item_in_revision_history;
mod m6_1_22_multiple_definition_in_revision_history;
mod m6_1_23_multiple_use_of_same_cve;
mod m6_1_24_multiple_definition_in_involvements;
mod m6_1_25_multiple_use_of_same_hash_algorithm;
mod m6_1_26_prohibited_document_category_name;
mod m6_1_27_01_document_notes;
mod m6_1_27_02_document_references;
mod m6_1_27_03_vulnerabilities;
mod m6_1_27_04_product_tree;
mod m6_1_27_05_vulnerability_notes;
mod m6_1_27_06_product_status;
mod m6_1_27_07_vex_product_status;
mod m6_1_27_08_vulnerability_id;
mod m6_1_27_09_impact_statement;
mod m6_1_27_10_action_statement;
mod m6_1_27_11_vulnerabilities;
mod m6_1_28_translation;
mod m6_1_29_remediation_without_product_reference;
mod m6_1_30_mixed_integer_and_semantic_versioning;
mod m6_1_31_version_range_in_product_version;
mod m6_1_32_flag_without_product_reference;
mod m6_1_33_multiple_flags_with_vex_justification_codes_per_product;

use super::Rule;

/// The mandatory tests, in spec order.
pub fn rules() -> &'static [&'static dyn Rule] {
    &[
        &m6_1_01_missing_definition_of_product_id::MissingDefinitionOfProductId,
        &m6_1_02_multiple_definition_of_product_id::MultipleDefinitionOfProductId,
        &m6_1_03_circular_definition_of_product_id::CircularDefinitionOfProductId,
        &m6_1_04_missing_definition_of_product_group_id::MissingDefinitionOfProductGroupId,
        &m6_1_05_multiple_definition_of_product_group_id::MultipleDefinitionOfProductGroupId,
        &m6_1_06_contradicting_product_status::ContradictingProductStatus,
        &m6_1_07_multiple_scores_with_same_version_per_product::MultipleScoresWithSameVersionPerProduct,
        &m6_1_08_invalid_cvss::InvalidCvss,
        &m6_1_09_invalid_cvss_computation::InvalidCvssComputation,
        &m6_1_10_inconsistent_cvss::InconsistentCvss,
        &m6_1_11_cwe::Cwe,
        &m6_1_12_language::Language,
        &m6_1_13_purl::Purl,
        &m6_1_14_sorted_revision_history::SortedRevisionHistory,
        &m6_1_15_translator::Translator,
        &m6_1_16_latest_document_version::LatestDocumentVersion,
        &m6_1_17_document_status_draft::DocumentStatusDraft,
        &m6_1_18_released_revision_history::ReleasedRevisionHistory,
        &m6_1_19_revision_history_entries_for_pre_release_versions::RevisionHistoryEntriesForPreReleaseVersions,
        &m6_1_20_non_draft_document_version::NonDraftDocumentVersion,
        &m6_1_21_missing_item_in_revision_history::MissingItemInRevisionHistory,
        &m6_1_22_multiple_definition_in_revision_history::MultipleDefinitionInRevisionHistory,
        &m6_1_23_multiple_use_of_same_cve::MultipleUseOfSameCve,
        &m6_1_24_multiple_definition_in_involvements::MultipleDefinitionInInvolvements,
        &m6_1_25_multiple_use_of_same_hash_algorithm::MultipleUseOfSameHashAlgorithm,
        &m6_1_26_prohibited_document_category_name::ProhibitedDocumentCategoryName,
        &m6_1_27_01_document_notes::DocumentNotes,
        &m6_1_27_02_document_references::DocumentReferences,
        &m6_1_27_03_vulnerabilities::VulnerabilitiesInformational,
        &m6_1_27_04_product_tree::ProductTree,
        &m6_1_27_05_vulnerability_notes::VulnerabilityNotes,
        &m6_1_27_06_product_status::ProductStatus,
        &m6_1_27_07_vex_product_status::VexProductStatus,
        &m6_1_27_08_vulnerability_id::VulnerabilityId,
        &m6_1_27_09_impact_statement::ImpactStatement,
        &m6_1_27_10_action_statement::ActionStatement,
        &m6_1_27_11_vulnerabilities::Vulnerabilities,
        &m6_1_28_translation::Translation,
        &m6_1_29_remediation_without_product_reference::RemediationWithoutProductReference,
        &m6_1_30_mixed_integer_and_semantic_versioning::MixedIntegerAndSemanticVersioning,
        &m6_1_31_version_range_in_product_version::VersionRangeInProductVersion,
        &m6_1_32_flag_without_product_reference::FlagWithoutProductReference,
        &m6_1_33_multiple_flags_with_vex_justification_codes_per_product::MultipleFlagsWithVexJustificationCodesPerProduct,
    ]
}
