//! CSAF section 6.2: optional (2.0) / recommended (2.1) tests, one per file.

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
