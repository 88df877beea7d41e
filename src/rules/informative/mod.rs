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
mod i6_3_20_use_of_unregistered_id_system;
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
        &i6_3_20_use_of_unregistered_id_system::UseOfUnregisteredIdSystem,
        &i6_3_22_nested_product_path::NestedProductPath,
    ]
}
