use crate::diag::Finding;
use crate::model::{Acknowledgment, ProductIdentificationHelper, Reference, ReferenceCategory};
use crate::net;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every URL of the document that is not its `self` reference resolves with an HTTP status code
    /// of the 2xx (success) or 3xx (redirection) class. The URLs checked are those of the
    /// specification's relevant paths:
    /// `/document/acknowledgments[]/urls[]`, `/document/aggregate_severity/namespace`,
    /// `/document/distribution/tlp/url`, `/document/references[]/url` (category other than `self`),
    /// `/document/publisher/namespace`, `sbom_urls[]` and `x_generic_uris[]/namespace` and `/uri` of
    /// every product identification helper (in branches, full product names, relationships — in
    /// CSAF 2.1 product paths), `/vulnerabilities[]/acknowledgments[]/urls[]`,
    /// `/vulnerabilities[]/references[]/url` (category other than `self`) and
    /// `/vulnerabilities[]/remediations[]/url`.
    ///
    /// Runs only with `--online`, whatever the preset: it makes network requests. Each URL is asked
    /// with `HEAD`, and once more with `GET` (body unread) when `HEAD` answers 400 or more; redirects
    /// are followed (at most 5) and the last answer decides; a URL that cannot be reached (no such host, connection refused, timeout, TLS
    /// error) fails. Only `http` and `https` URLs are requested; other schemes are not checked. Each
    /// URL is requested once per run, and at most 200 distinct URLs per document.
    ///
    /// ## Why
    /// Readers follow these links for details, fixes and SBOMs; a dead link leaves them without the
    /// information the advisory promises.
    ///
    /// ## Invalid
    /// ```json
    /// "references": [{"summary": "Details", "url": "https://example.com/page-that-was-removed"}]
    /// ```
    /// (the server answers `404 Not Found`)
    /// ## Valid
    /// ```json
    /// "references": [{"summary": "Details", "url": "https://example.com/advisories/2024-0001"}]
    /// ```
    /// (the server answers `200 OK`)
    UseOfNonSelfReferencingUrlsFailingToResolve, id = "6.3.6",
    name = "use-of-non-self-referencing-urls-failing-to-resolve", group = Informative,
    summary = "a URL other than the self reference does not resolve with a 2xx or 3xx status (network, `--online`)",
    network = true,
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let urls = non_self_urls(cx);
    net::report_failing(
        META.id,
        &urls,
        |code| (200..400).contains(&code),
        "a 2xx (success) or 3xx (redirection) status",
        out,
    );
}

/// Every URL of the relevant paths with its pointer, in document order.
fn non_self_urls<'a>(cx: &Context<'a>) -> Vec<(String, &'a str)> {
    let mut urls = Vec::new();
    let doc = &cx.advisory.document;
    acknowledgments("/document", &doc.acknowledgments, &mut urls);
    if let Some(ns) = doc
        .aggregate_severity
        .as_ref()
        .and_then(|a| a.namespace.as_deref())
    {
        urls.push(("/document/aggregate_severity/namespace".to_owned(), ns));
    }
    if let Some(url) = doc.distribution.as_ref().and_then(|d| d.tlp_url.as_deref()) {
        urls.push(("/document/distribution/tlp/url".to_owned(), url));
    }
    references("/document", &doc.references, &mut urls);
    if let Some(ns) = doc.publisher.namespace.as_deref() {
        urls.push(("/document/publisher/namespace".to_owned(), ns));
    }
    for def in &cx.index().products {
        if let Some(helper) = &def.product.helper {
            helper_urls(
                &format!("{}/product_identification_helper", def.loc.pointer()),
                helper,
                &mut urls,
            );
        }
    }
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let base = format!("/vulnerabilities/{v}");
        acknowledgments(&base, &vuln.acknowledgments, &mut urls);
        references(&base, &vuln.references, &mut urls);
        for (r, rem) in vuln.remediations.iter().enumerate() {
            if let Some(url) = rem.url.as_deref() {
                urls.push((format!("{base}/remediations/{r}/url"), url));
            }
        }
    }
    urls
}

fn acknowledgments<'a>(base: &str, acks: &'a [Acknowledgment], urls: &mut Vec<(String, &'a str)>) {
    for (a, ack) in acks.iter().enumerate() {
        for (u, url) in ack.urls.iter().enumerate() {
            urls.push((format!("{base}/acknowledgments/{a}/urls/{u}"), url));
        }
    }
}

fn references<'a>(base: &str, refs: &'a [Reference], urls: &mut Vec<(String, &'a str)>) {
    for (r, reference) in refs.iter().enumerate() {
        if reference.category == Some(ReferenceCategory::SelfRef) {
            continue;
        }
        if let Some(url) = reference.url.as_deref() {
            urls.push((format!("{base}/references/{r}/url"), url));
        }
    }
}

fn helper_urls<'a>(base: &str, helper: &'a ProductIdentificationHelper, urls: &mut Vec<(String, &'a str)>) {
    for (i, url) in helper.sbom_urls.iter().enumerate() {
        urls.push((format!("{base}/sbom_urls/{i}"), url));
    }
    for (i, (namespace, uri)) in helper.generic_uris.iter().enumerate() {
        if let Some(ns) = namespace.as_deref() {
            urls.push((format!("{base}/x_generic_uris/{i}/namespace"), ns));
        }
        if let Some(uri) = uri.as_deref() {
            urls.push((format!("{base}/x_generic_uris/{i}/uri"), uri));
        }
    }
}
