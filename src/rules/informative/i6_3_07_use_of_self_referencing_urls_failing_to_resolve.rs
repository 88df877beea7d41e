use crate::diag::Finding;
use crate::model::{Reference, ReferenceCategory};
use crate::net;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every reference of category `self` (`/document/references[]/url` and
    /// `/vulnerabilities[]/references[]/url`) resolves with an HTTP status code less than 400.
    ///
    /// Runs only with `--online`, whatever the preset: it makes network requests. Each URL is asked
    /// with `HEAD`, and once more with `GET` (body unread) when `HEAD` answers 400 or more; redirects
    /// are followed (at most 5) and the last answer decides; a URL that cannot be reached (no such host, connection refused, timeout, TLS
    /// error) fails. Only `http` and `https` URLs are requested. Each URL is requested once per run.
    ///
    /// Expect it to fail for a document that is not yet published at its canonical URL.
    ///
    /// ## Why
    /// The `self` reference is the canonical URL of the advisory: where readers and tools fetch the
    /// current version. If it does not resolve, the published copy cannot be found or checked.
    ///
    /// ## Invalid
    /// ```json
    /// "references": [{"category": "self", "summary": "Canonical URL",
    ///                 "url": "https://example.com/.well-known/csaf/white/2024/not-published.json"}]
    /// ```
    /// (the server answers `404 Not Found`)
    /// ## Valid
    /// ```json
    /// "references": [{"category": "self", "summary": "Canonical URL",
    ///                 "url": "https://example.com/.well-known/csaf/white/2024/example-2024-0001.json"}]
    /// ```
    /// (the server answers `200 OK`)
    UseOfSelfReferencingUrlsFailingToResolve, id = "6.3.7",
    name = "use-of-self-referencing-urls-failing-to-resolve", group = Informative,
    summary = "a `self` reference URL does not resolve with a status below 400 (network, `--online`)",
    network = true,
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let mut urls = Vec::new();
    self_refs("/document", &cx.advisory.document.references, &mut urls);
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        self_refs(&format!("/vulnerabilities/{v}"), &vuln.references, &mut urls);
    }
    net::report_failing(META.id, &urls, |code| code < 400, "a status code below 400", out);
}

fn self_refs<'a>(base: &str, refs: &'a [Reference], urls: &mut Vec<(String, &'a str)>) {
    for (r, reference) in refs.iter().enumerate() {
        if reference.category != Some(ReferenceCategory::SelfRef) {
            continue;
        }
        if let Some(url) = reference.url.as_deref() {
            urls.push((format!("{base}/references/{r}/url"), url));
        }
    }
}
