//! CSAF section 6.2: optional (2.0) / recommended (2.1) tests, one per file.

pub(crate) mod extension_class;
pub(crate) mod licenses;
mod o6_2_01_unused_definition_of_product_id;
mod o6_2_02_missing_remediation;
mod o6_2_03_missing_score;
mod o6_2_04_build_metadata_in_revision_history;
mod o6_2_05_older_initial_release_date_than_revision_history;
mod o6_2_06_older_current_release_date_than_revision_history;
mod o6_2_07_missing_date_in_involvements;
mod o6_2_08_use_of_md5_as_the_only_hash_algorithm;
mod o6_2_09_use_of_sha1_as_the_only_hash_algorithm;
mod o6_2_10_missing_tlp_label;
mod o6_2_11_missing_canonical_url;
mod o6_2_12_missing_document_language;
mod o6_2_13_sorting;
mod o6_2_14_use_of_private_language;
mod o6_2_15_use_of_default_language;
mod o6_2_16_missing_product_identification_helper;
mod o6_2_17_cve_in_field_ids;
mod o6_2_18_product_version_range_without_vers;
mod o6_2_19_cvss_for_fixed_products;
mod o6_2_20_additional_properties;
mod o6_2_21_same_timestamps_in_revision_history;
mod o6_2_22_document_tracking_id_in_title;
mod o6_2_23_usage_of_deprecated_cwe;
mod o6_2_24_usage_of_non_latest_cwe_version;
mod o6_2_25_usage_of_cwe_not_allowed_for_vulnerability_mapping;
mod o6_2_26_usage_of_cwe_allowed_with_review_for_vulnerability_mapping;
mod o6_2_27_discouraged_product_status_remediation_combination;
mod o6_2_28_usage_of_max_uuid;
mod o6_2_29_usage_of_nil_uuid;
mod o6_2_30_usage_of_sharing_group_on_tlp_clear;
mod o6_2_31_hardware_and_software;
mod o6_2_32_use_of_same_product_identification_helper_for_different_products;
mod o6_2_33_disclosure_date_newer_than_revision_history;
mod o6_2_34_usage_of_unknown_ssvc_decision_point_base_namespace;
mod o6_2_35_usage_of_unregistered_ssvc_decision_point_base_namespace_in_tlp_clear_document;
mod o6_2_36_usage_of_ssvc_decision_point_namespace_with_extension_in_tlp_clear_document;
mod o6_2_37_usage_of_unknown_ssvc_decision_point_namespace_without_resource;
mod o6_2_38_usage_of_deprecated_profile;
mod o6_2_39_01_missing_fixed_product;
mod o6_2_39_02_language_specific_reasoning_for_withdrawal;
mod o6_2_39_03_language_specific_reasoning_for_supersession;
mod o6_2_39_04_language_specific_superseding_document;
mod o6_2_39_05_extension_in_superseded_or_withdrawn_document;
mod o6_2_40_product_description_without_product_reference;
mod o6_2_41_old_epss_timestamp;
mod o6_2_42_inconsistent_product_identification_helper;
mod o6_2_43_missing_license_expression;
mod o6_2_44_deprecated_license_identifier;
mod o6_2_45_non_existing_license_identifier;
mod o6_2_46_language_specific_license_text;
mod o6_2_47_use_of_qualitative_severity_rating_by_issuing_party;
mod o6_2_48_misuse_at_vendor_name;
mod o6_2_49_upper_open_ended_product_version_range;
mod o6_2_50_01_overlapping_product_version_range_with_vers_in_contradicting_product_status_group;
mod o6_2_50_02_overlapping_product_version_range_with_vls_in_contradicting_product_status_group;
mod o6_2_50_03_overlapping_product_version_range_with_product_version_in_contradicting_product_status_group;
mod o6_2_51_unknown_vers_type;
mod o6_2_52_unknown_hash_algorithm;
pub(crate) mod o6_2_53_matching_text_for_registered_id_system;
mod o6_2_54_01_registered_extension;
mod o6_2_54_02_official_extension;
mod o6_2_54_03_critical_extension;
mod o6_2_54_04_usage_of_experimental_extension_in_tlp_clear_document;
pub(crate) mod ssvc_namespaces;
pub(crate) mod translations;
pub(crate) mod version_range_overlap;

use super::Rule;

/// The optional tests, in spec order.
pub fn rules() -> &'static [&'static dyn Rule] {
    &[
        &o6_2_01_unused_definition_of_product_id::UnusedDefinitionOfProductId,
        &o6_2_02_missing_remediation::MissingRemediation,
        &o6_2_03_missing_score::MissingScore,
        &o6_2_04_build_metadata_in_revision_history::BuildMetadataInRevisionHistory,
        &o6_2_05_older_initial_release_date_than_revision_history::OlderInitialReleaseDateThanRevisionHistory,
        &o6_2_06_older_current_release_date_than_revision_history::OlderCurrentReleaseDateThanRevisionHistory,
        &o6_2_07_missing_date_in_involvements::MissingDateInInvolvements,
        &o6_2_08_use_of_md5_as_the_only_hash_algorithm::UseOfMd5AsTheOnlyHashAlgorithm,
        &o6_2_09_use_of_sha1_as_the_only_hash_algorithm::UseOfSha1AsTheOnlyHashAlgorithm,
        &o6_2_10_missing_tlp_label::MissingTlpLabel,
        &o6_2_11_missing_canonical_url::MissingCanonicalUrl,
        &o6_2_12_missing_document_language::MissingDocumentLanguage,
        &o6_2_13_sorting::Sorting,
        &o6_2_14_use_of_private_language::UseOfPrivateLanguage,
        &o6_2_15_use_of_default_language::UseOfDefaultLanguage,
        &o6_2_16_missing_product_identification_helper::MissingProductIdentificationHelper,
        &o6_2_17_cve_in_field_ids::CveInFieldIds,
        &o6_2_18_product_version_range_without_vers::ProductVersionRangeWithoutVers,
        &o6_2_19_cvss_for_fixed_products::CvssForFixedProducts,
        &o6_2_20_additional_properties::AdditionalProperties,
        &o6_2_21_same_timestamps_in_revision_history::SameTimestampsInRevisionHistory,
        &o6_2_22_document_tracking_id_in_title::DocumentTrackingIdInTitle,
        &o6_2_23_usage_of_deprecated_cwe::UsageOfDeprecatedCwe,
        &o6_2_24_usage_of_non_latest_cwe_version::UsageOfNonLatestCweVersion,
        &o6_2_25_usage_of_cwe_not_allowed_for_vulnerability_mapping::UsageOfCweNotAllowedForVulnerabilityMapping,
        &o6_2_26_usage_of_cwe_allowed_with_review_for_vulnerability_mapping::UsageOfCweAllowedWithReviewForVulnerabilityMapping,
        &o6_2_27_discouraged_product_status_remediation_combination::DiscouragedProductStatusRemediationCombination,
        &o6_2_28_usage_of_max_uuid::UsageOfMaxUuid,
        &o6_2_29_usage_of_nil_uuid::UsageOfNilUuid,
        &o6_2_30_usage_of_sharing_group_on_tlp_clear::UsageOfSharingGroupOnTlpClear,
        &o6_2_31_hardware_and_software::HardwareAndSoftware,
        &o6_2_32_use_of_same_product_identification_helper_for_different_products::UseOfSameProductIdentificationHelperForDifferentProducts,
        &o6_2_33_disclosure_date_newer_than_revision_history::DisclosureDateNewerThanRevisionHistory,
        &o6_2_34_usage_of_unknown_ssvc_decision_point_base_namespace::UsageOfUnknownSsvcDecisionPointBaseNamespace,
        &o6_2_35_usage_of_unregistered_ssvc_decision_point_base_namespace_in_tlp_clear_document::UsageOfUnregisteredSsvcDecisionPointBaseNamespaceInTlpClearDocument,
        &o6_2_36_usage_of_ssvc_decision_point_namespace_with_extension_in_tlp_clear_document::UsageOfSsvcDecisionPointNamespaceWithExtensionInTlpClearDocument,
        &o6_2_37_usage_of_unknown_ssvc_decision_point_namespace_without_resource::UsageOfUnknownSsvcDecisionPointNamespaceWithoutResource,
        &o6_2_38_usage_of_deprecated_profile::UsageOfDeprecatedProfile,
        &o6_2_39_01_missing_fixed_product::MissingFixedProduct,
        &o6_2_39_02_language_specific_reasoning_for_withdrawal::LanguageSpecificReasoningForWithdrawal,
        &o6_2_39_03_language_specific_reasoning_for_supersession::LanguageSpecificReasoningForSupersession,
        &o6_2_39_04_language_specific_superseding_document::LanguageSpecificSupersedingDocument,
        &o6_2_39_05_extension_in_superseded_or_withdrawn_document::ExtensionInSupersededOrWithdrawnDocument,
        &o6_2_40_product_description_without_product_reference::ProductDescriptionWithoutProductReference,
        &o6_2_41_old_epss_timestamp::OldEpssTimestamp,
        &o6_2_42_inconsistent_product_identification_helper::InconsistentProductIdentificationHelper,
        &o6_2_43_missing_license_expression::MissingLicenseExpression,
        &o6_2_44_deprecated_license_identifier::DeprecatedLicenseIdentifier,
        &o6_2_45_non_existing_license_identifier::NonExistingLicenseIdentifier,
        &o6_2_46_language_specific_license_text::LanguageSpecificLicenseText,
        &o6_2_47_use_of_qualitative_severity_rating_by_issuing_party::UseOfQualitativeSeverityRatingByIssuingParty,
        &o6_2_48_misuse_at_vendor_name::MisuseAtVendorName,
        &o6_2_49_upper_open_ended_product_version_range::UpperOpenEndedProductVersionRange,
        &o6_2_50_01_overlapping_product_version_range_with_vers_in_contradicting_product_status_group::OverlappingProductVersionRangeWithVersInContradictingProductStatusGroup,
        &o6_2_50_02_overlapping_product_version_range_with_vls_in_contradicting_product_status_group::OverlappingProductVersionRangeWithVlsInContradictingProductStatusGroup,
        &o6_2_50_03_overlapping_product_version_range_with_product_version_in_contradicting_product_status_group::OverlappingProductVersionRangeWithProductVersionInContradictingProductStatusGroup,
        &o6_2_51_unknown_vers_type::UnknownVersType,
        &o6_2_52_unknown_hash_algorithm::UnknownHashAlgorithm,
        &o6_2_53_matching_text_for_registered_id_system::MatchingTextForRegisteredIdSystem,
        &o6_2_54_01_registered_extension::RegisteredExtension,
        &o6_2_54_02_official_extension::OfficialExtension,
        &o6_2_54_03_critical_extension::CriticalExtension,
        &o6_2_54_04_usage_of_experimental_extension_in_tlp_clear_document::UsageOfExperimentalExtensionInTlpClearDocument,
    ]
}

/// 6.2.8 / 6.2.9: reports every `hashes` item whose only algorithm is `algorithm`.
fn only_hash_algorithm(
    cx: &super::Context<'_>,
    out: &mut Vec<crate::diag::Finding>,
    rule: &'static str,
    algorithm: &str,
) {
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        for (h, hashes) in helper.hashes.iter().enumerate() {
            let mut algos = hashes
                .file_hashes
                .iter()
                .filter_map(|(a, _)| a.as_deref())
                .peekable();
            if algos.peek().is_some() && algos.all(|a| a.eq_ignore_ascii_case(algorithm)) {
                out.push(crate::diag::Finding::new(
                    rule,
                    format!(
                        "{}/product_identification_helper/hashes/{h}/file_hashes",
                        def.loc.pointer()
                    ),
                    format!("`{algorithm}` is the only hash algorithm given for this file"),
                ));
            }
        }
    }
}

/// Reports each product of vulnerability `v`'s status lists named in `lists` that `covered` does not
/// accept: `product `ID`<tail>` at `/vulnerabilities/v/product_status/<list>/i`, where `tail(list)` is
/// the message's end. The list's pointer and the tail are built once per list that has a finding.
pub(crate) fn report_uncovered_status_entries(
    rule: &'static str,
    v: usize,
    vuln: &crate::model::Vulnerability,
    lists: &[&str],
    covered: impl Fn(&str) -> bool,
    tail: impl Fn(&str) -> String,
    out: &mut Vec<crate::diag::Finding>,
) {
    use crate::diag::{indexed, push_index, Finding};
    for (list, ids) in vuln.product_status.lists() {
        if !lists.contains(&list) {
            continue;
        }
        let mut prefix = None;
        for (i, id) in ids.iter().enumerate() {
            if covered(id) {
                continue;
            }
            let (pointer, tail) = prefix.get_or_insert_with(|| {
                let mut pointer = String::from("/vulnerabilities/");
                push_index(&mut pointer, v);
                pointer.push_str("/product_status/");
                pointer.push_str(list);
                pointer.push('/');
                (pointer, tail(list))
            });
            let mut message = String::with_capacity(9 + id.len() + tail.len());
            message.push_str("product `");
            message.push_str(id);
            message.push_str(tail);
            out.push(Finding::new(rule, indexed(pointer, i), message));
        }
    }
}
