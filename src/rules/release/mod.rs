//! Release checks (`CL1xx`): remediation availability dates and affected-product coverage.

mod cl101_remediation_date_missing;
mod cl102_remediation_not_yet_available;
mod cl103_vulnerability_without_affected_products;
mod cl104_affected_product_without_fix;
mod cl105_fixed_product_without_vendor_fix;

use super::Rule;

/// The release checks, by id.
pub fn rules() -> &'static [&'static dyn Rule] {
    &[
        &cl101_remediation_date_missing::RemediationDateMissing,
        &cl102_remediation_not_yet_available::RemediationNotYetAvailable,
        &cl103_vulnerability_without_affected_products::VulnerabilityWithoutAffectedProducts,
        &cl104_affected_product_without_fix::AffectedProductWithoutFix,
        &cl105_fixed_product_without_vendor_fix::FixedProductWithoutVendorFix,
    ]
}
