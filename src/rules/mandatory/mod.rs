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
mod m6_1_27_12_affected_products;
pub(crate) mod m6_1_27_13_corresponding_affected_products;
mod m6_1_27_14_document_notes_for_withdrawn_and_superseded;
mod m6_1_27_15_product_tree_for_withdrawn_and_superseded;
mod m6_1_27_16_revision_history_for_withdrawn_and_superseded;
pub(crate) mod m6_1_27_17_reasoning_for_withdrawal;
mod m6_1_27_18_reasoning_for_supersession;
pub(crate) mod m6_1_27_19_reference_to_superseding_document;
mod m6_1_28_translation;
mod m6_1_29_remediation_without_product_reference;
mod m6_1_30_mixed_integer_and_semantic_versioning;
mod m6_1_31_version_range_in_product_version;
mod m6_1_32_flag_without_product_reference;
mod m6_1_33_multiple_flags_with_vex_justification_codes_per_product;
mod m6_1_34_branches_recursion_depth;
mod m6_1_35_contradicting_remediations;
mod m6_1_36_contradicting_product_status_remediation_combination;
mod m6_1_37_date_and_time;
mod m6_1_38_non_public_sharing_group_with_max_uuid;
mod m6_1_39_public_sharing_group_with_no_max_uuid;
mod m6_1_40_invalid_sharing_group_name;
mod m6_1_41_missing_sharing_group_name;
mod m6_1_42_purl_qualifiers;
mod m6_1_43_use_of_multiple_stars_in_model_number;
mod m6_1_44_use_of_multiple_stars_in_serial_number;
mod m6_1_45_inconsistent_disclosure_date;
mod m6_1_46_invalid_ssvc;
mod m6_1_47_inconsistent_ssvc_target_ids;
pub(crate) mod m6_1_48_ssvc_decision_points;
mod m6_1_49_inconsistent_ssvc_timestamp;
mod m6_1_50_product_version_range_rules;
mod m6_1_51_inconsistent_epss_timestamp;
mod m6_1_52_inconsistent_first_known_exploitation_dates;
mod m6_1_53_inconsistent_exploitation_date;
pub(crate) mod m6_1_54_license_expression;
pub(crate) mod m6_1_55_license_text;
mod m6_1_56_use_of_cvss_and_qualitative_severity_rating;
mod m6_1_57_stacked_branch_categories;
mod m6_1_58_use_of_product_version_in_one_path_with_product_version_range;
mod m6_1_59_single_version_as_product_version_range;
pub(crate) mod m6_1_60_01_extension_content_schema;
pub(crate) mod m6_1_60_02_extension_schema;
mod m6_1_60_03_extension_metadata;
mod m6_1_61_use_of_multiple_stars_in_sku;

mod metric_timestamps;

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
        &m6_1_27_12_affected_products::AffectedProducts,
        &m6_1_27_13_corresponding_affected_products::CorrespondingAffectedProducts,
        &m6_1_27_14_document_notes_for_withdrawn_and_superseded::DocumentNotesForWithdrawnAndSuperseded,
        &m6_1_27_15_product_tree_for_withdrawn_and_superseded::ProductTreeForWithdrawnAndSuperseded,
        &m6_1_27_16_revision_history_for_withdrawn_and_superseded::RevisionHistoryForWithdrawnAndSuperseded,
        &m6_1_27_17_reasoning_for_withdrawal::ReasoningForWithdrawal,
        &m6_1_27_18_reasoning_for_supersession::ReasoningForSupersession,
        &m6_1_27_19_reference_to_superseding_document::ReferenceToSupersedingDocument,
        &m6_1_28_translation::Translation,
        &m6_1_29_remediation_without_product_reference::RemediationWithoutProductReference,
        &m6_1_30_mixed_integer_and_semantic_versioning::MixedIntegerAndSemanticVersioning,
        &m6_1_31_version_range_in_product_version::VersionRangeInProductVersion,
        &m6_1_32_flag_without_product_reference::FlagWithoutProductReference,
        &m6_1_33_multiple_flags_with_vex_justification_codes_per_product::MultipleFlagsWithVexJustificationCodesPerProduct,
        &m6_1_34_branches_recursion_depth::BranchesRecursionDepth,
        &m6_1_35_contradicting_remediations::ContradictingRemediations,
        &m6_1_36_contradicting_product_status_remediation_combination::ContradictingProductStatusRemediationCombination,
        &m6_1_37_date_and_time::DateAndTime,
        &m6_1_38_non_public_sharing_group_with_max_uuid::NonPublicSharingGroupWithMaxUuid,
        &m6_1_39_public_sharing_group_with_no_max_uuid::PublicSharingGroupWithNoMaxUuid,
        &m6_1_40_invalid_sharing_group_name::InvalidSharingGroupName,
        &m6_1_41_missing_sharing_group_name::MissingSharingGroupName,
        &m6_1_42_purl_qualifiers::PurlQualifiers,
        &m6_1_43_use_of_multiple_stars_in_model_number::UseOfMultipleStarsInModelNumber,
        &m6_1_44_use_of_multiple_stars_in_serial_number::UseOfMultipleStarsInSerialNumber,
        &m6_1_45_inconsistent_disclosure_date::InconsistentDisclosureDate,
        &m6_1_46_invalid_ssvc::InvalidSsvc,
        &m6_1_47_inconsistent_ssvc_target_ids::InconsistentSsvcTargetIds,
        &m6_1_48_ssvc_decision_points::SsvcDecisionPoints,
        &m6_1_49_inconsistent_ssvc_timestamp::InconsistentSsvcTimestamp,
        &m6_1_50_product_version_range_rules::ProductVersionRangeRules,
        &m6_1_51_inconsistent_epss_timestamp::InconsistentEpssTimestamp,
        &m6_1_52_inconsistent_first_known_exploitation_dates::InconsistentFirstKnownExploitationDates,
        &m6_1_53_inconsistent_exploitation_date::InconsistentExploitationDate,
        &m6_1_54_license_expression::LicenseExpression,
        &m6_1_55_license_text::LicenseText,
        &m6_1_56_use_of_cvss_and_qualitative_severity_rating::UseOfCvssAndQualitativeSeverityRating,
        &m6_1_57_stacked_branch_categories::StackedBranchCategories,
        &m6_1_58_use_of_product_version_in_one_path_with_product_version_range::UseOfProductVersionInOnePathWithProductVersionRange,
        &m6_1_59_single_version_as_product_version_range::SingleVersionAsProductVersionRange,
        &m6_1_60_01_extension_content_schema::ExtensionContentSchema,
        &m6_1_60_02_extension_schema::ExtensionSchema,
        &m6_1_60_03_extension_metadata::ExtensionMetadata,
        &m6_1_61_use_of_multiple_stars_in_sku::UseOfMultipleStarsInSku,
    ]
}
