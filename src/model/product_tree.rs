//! `/product_tree`: the products the advisory speaks about.

/// `/product_tree`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProductTree {
    /// `branches`: the vendor / product / version hierarchy.
    pub branches: Vec<Branch>,
    /// `full_product_names`: products defined outside any branch.
    pub full_product_names: Vec<FullProductName>,
    /// `relationships` (2.0, CVRF): products made of other products.
    pub relationships: Vec<Relationship>,
    /// `product_paths` (2.1): products made of a chain of other products.
    pub product_paths: Vec<ProductPath>,
    /// `product_groups`.
    pub product_groups: Vec<ProductGroup>,
}

/// `branches[]`, recursively.
#[derive(Debug, Clone, PartialEq)]
pub struct Branch {
    /// `category` (CVRF `@Type`).
    pub category: Option<super::BranchCategory>,
    /// `name`.
    pub name: Option<String>,
    /// `product`: the product this leaf defines.
    pub product: Option<FullProductName>,
    /// `branches`: children.
    pub branches: Vec<Branch>,
}

/// A product definition: `full_product_name` / `product` (CVRF `FullProductName`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FullProductName {
    /// `product_id`.
    pub product_id: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `product_identification_helper`.
    pub helper: Option<ProductIdentificationHelper>,
}

/// `product_identification_helper`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProductIdentificationHelper {
    /// `cpe` (CVRF `@CPE`).
    pub cpe: Option<String>,
    /// `purl` (2.0) or `purls` (2.1).
    pub purls: Vec<String>,
    /// `hashes`.
    pub hashes: Vec<Hashes>,
    /// `model_numbers`.
    pub model_numbers: Vec<String>,
    /// `sbom_urls`.
    pub sbom_urls: Vec<String>,
    /// `serial_numbers`.
    pub serial_numbers: Vec<String>,
    /// `skus`.
    pub skus: Vec<String>,
    /// `x_generic_uris`: `(namespace, uri)`.
    pub generic_uris: Vec<(Option<String>, Option<String>)>,
}

/// `hashes[]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hashes {
    /// `filename`.
    pub filename: Option<String>,
    /// `file_hashes`: `(algorithm, value)`.
    pub file_hashes: Vec<(Option<String>, Option<String>)>,
}

/// `relationships[]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Relationship {
    /// `category` (CVRF `@RelationType`).
    pub category: Option<super::RelationshipCategory>,
    /// `product_reference`.
    pub product_reference: Option<String>,
    /// `relates_to_product_reference`.
    pub relates_to_product_reference: Option<String>,
    /// `full_product_name`: the product the combination defines.
    pub full_product_name: Option<FullProductName>,
}

/// `product_paths[]` (CSAF 2.1): the product `full_product_name` defines is `beginning_product_reference`
/// combined, step by step, with each `subpaths[].next_product_reference`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProductPath {
    /// `beginning_product_reference`.
    pub beginning_product_reference: Option<String>,
    /// `subpaths`.
    pub subpaths: Vec<Subpath>,
    /// `full_product_name`: the product the path defines.
    pub full_product_name: Option<FullProductName>,
}

/// `product_paths[]/subpaths[]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subpath {
    /// `category` (the relationship categories of 2.0).
    pub category: Option<super::RelationshipCategory>,
    /// `next_product_reference`.
    pub next_product_reference: Option<String>,
}

/// `product_groups[]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProductGroup {
    /// `group_id`.
    pub group_id: Option<String>,
    /// `product_ids`.
    pub product_ids: Vec<String>,
    /// `summary` (CVRF `Description`).
    pub summary: Option<String>,
}
