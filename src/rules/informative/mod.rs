//! CSAF section 6.3: informative tests, one per file.

mod i6_3_01_use_of_cvss_v2_as_the_only_scoring_system;
mod i6_3_02_use_of_cvss_v3_0;
mod i6_3_03_missing_cve;
mod i6_3_04_missing_cwe;
mod i6_3_05_use_of_short_hash;
mod i6_3_06_use_of_non_self_referencing_urls_failing_to_resolve;
mod i6_3_07_use_of_self_referencing_urls_failing_to_resolve;
mod i6_3_08_spell_check;
mod i6_3_09_branch_categories;
mod i6_3_10_usage_of_product_version_range;
mod i6_3_11_usage_of_v_as_version_indicator;
mod i6_3_12_missing_cvss_v4_0;
mod i6_3_13_usage_of_non_latest_ssvc_decision_point_version;
mod i6_3_14_usage_of_unregistered_ssvc_decision_point_base_namespace_in_non_tlp_clear_document;
mod i6_3_15_usage_of_ssvc_decision_point_namespace_with_extension_in_non_tlp_clear_document;
mod i6_3_16_grammar_check;
mod i6_3_17_use_of_unregistered_license;
mod i6_3_18_use_of_qualitative_severity_rating;
mod i6_3_19_01_overlapping_product_version_range_with_vers_in_same_product_status_group;
mod i6_3_19_02_overlapping_product_version_range_with_vls_in_same_product_status_group;
mod i6_3_19_03_overlapping_product_version_range_with_product_version_in_same_product_status_group;
mod i6_3_19_04_overlapping_product_version_range_with_product_version_range_in_branch;
mod i6_3_19_05_overlapping_product_version_range_with_product_version_in_branch;
mod i6_3_20_use_of_unregistered_id_system;
mod i6_3_21_01_extension_category_essential;
mod i6_3_21_02_usage_of_experimental_extension_in_non_tlp_clear_document;
mod i6_3_21_03_usage_of_extension_at_document_level;
mod i6_3_21_04_usage_of_extension_in_product_tree_branch_path;
mod i6_3_21_05_usage_of_extension_in_product_tree_full_product_names_path;
mod i6_3_21_06_usage_of_extension_in_product_tree_product_paths_path;
mod i6_3_21_07_usage_of_extension_in_vulnerabilities_metrics_path;
mod i6_3_21_08_usage_of_extension_at_vulnerabilities_level;
mod i6_3_21_09_usage_of_extension_at_root_level;
mod i6_3_22_nested_product_path;

use super::Rule;

/// The informative tests, in spec order.
pub fn rules() -> &'static [&'static dyn Rule] {
    &[
        &i6_3_01_use_of_cvss_v2_as_the_only_scoring_system::UseOfCvssV2AsTheOnlyScoringSystem,
        &i6_3_02_use_of_cvss_v3_0::UseOfCvssV30,
        &i6_3_03_missing_cve::MissingCve,
        &i6_3_04_missing_cwe::MissingCwe,
        &i6_3_05_use_of_short_hash::UseOfShortHash,
        &i6_3_06_use_of_non_self_referencing_urls_failing_to_resolve::UseOfNonSelfReferencingUrlsFailingToResolve,
        &i6_3_07_use_of_self_referencing_urls_failing_to_resolve::UseOfSelfReferencingUrlsFailingToResolve,
        &i6_3_08_spell_check::SpellCheck,
        &i6_3_09_branch_categories::BranchCategories,
        &i6_3_10_usage_of_product_version_range::UsageOfProductVersionRange,
        &i6_3_11_usage_of_v_as_version_indicator::UsageOfVAsVersionIndicator,
        &i6_3_12_missing_cvss_v4_0::MissingCvssV40,
        &i6_3_13_usage_of_non_latest_ssvc_decision_point_version::UsageOfNonLatestSsvcDecisionPointVersion,
        &i6_3_14_usage_of_unregistered_ssvc_decision_point_base_namespace_in_non_tlp_clear_document::UsageOfUnregisteredSsvcDecisionPointBaseNamespaceInNonTlpClearDocument,
        &i6_3_15_usage_of_ssvc_decision_point_namespace_with_extension_in_non_tlp_clear_document::UsageOfSsvcDecisionPointNamespaceWithExtensionInNonTlpClearDocument,
        &i6_3_16_grammar_check::GrammarCheck,
        &i6_3_17_use_of_unregistered_license::UseOfUnregisteredLicense,
        &i6_3_18_use_of_qualitative_severity_rating::UseOfQualitativeSeverityRating,
        &i6_3_19_01_overlapping_product_version_range_with_vers_in_same_product_status_group::OverlappingProductVersionRangeWithVersInSameProductStatusGroup,
        &i6_3_19_02_overlapping_product_version_range_with_vls_in_same_product_status_group::OverlappingProductVersionRangeWithVlsInSameProductStatusGroup,
        &i6_3_19_03_overlapping_product_version_range_with_product_version_in_same_product_status_group::OverlappingProductVersionRangeWithProductVersionInSameProductStatusGroup,
        &i6_3_19_04_overlapping_product_version_range_with_product_version_range_in_branch::OverlappingProductVersionRangeWithProductVersionRangeInBranch,
        &i6_3_19_05_overlapping_product_version_range_with_product_version_in_branch::OverlappingProductVersionRangeWithProductVersionInBranch,
        &i6_3_20_use_of_unregistered_id_system::UseOfUnregisteredIdSystem,
        &i6_3_21_01_extension_category_essential::ExtensionCategoryEssential,
        &i6_3_21_02_usage_of_experimental_extension_in_non_tlp_clear_document::UsageOfExperimentalExtensionInNonTlpClearDocument,
        &i6_3_21_03_usage_of_extension_at_document_level::UsageOfExtensionAtDocumentLevel,
        &i6_3_21_04_usage_of_extension_in_product_tree_branch_path::UsageOfExtensionInProductTreeBranchPath,
        &i6_3_21_05_usage_of_extension_in_product_tree_full_product_names_path::UsageOfExtensionInProductTreeFullProductNamesPath,
        &i6_3_21_06_usage_of_extension_in_product_tree_product_paths_path::UsageOfExtensionInProductTreeProductPathsPath,
        &i6_3_21_07_usage_of_extension_in_vulnerabilities_metrics_path::UsageOfExtensionInVulnerabilitiesMetricsPath,
        &i6_3_21_08_usage_of_extension_at_vulnerabilities_level::UsageOfExtensionAtVulnerabilitiesLevel,
        &i6_3_21_09_usage_of_extension_at_root_level::UsageOfExtensionAtRootLevel,
        &i6_3_22_nested_product_path::NestedProductPath,
    ]
}
