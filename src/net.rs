//! HTTP requests for the tests that need the network (6.3.6, 6.3.7).
//!
//! Only rules whose metadata says `network = true` call into this module, and the rule selection
//! enables those only with `--online` ([`crate::Selection::online`]), whatever the preset. Nothing here
//! runs unless such a rule runs.
//!
//! A URL is asked with `HEAD` first; when that is refused or fails (a status of 400 or more, or an
//! answer that is not valid HTTP) it is asked once more with `GET`, whose body is never read. Every
//! request has a connect timeout and a total timeout, follows at most [`MAX_REDIRECTS`] redirects and
//! sends the User-Agent [`USER_AGENT`]. Proxies are taken from the usual environment variables
//! (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).
//!
//! Outcomes are cached per URL for the life of the process (documents of one publisher share most of
//! their URLs), and shared between the worker threads: a URL that two documents ask for at the same
//! time is requested once. One document has at most [`MAX_URLS_PER_DOCUMENT`] distinct URLs checked
//! per rule.

use crate::diag::Finding;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};
use std::time::Duration;

/// The User-Agent of every request: `csaflint/<version>`.
pub const USER_AGENT: &str = concat!("csaflint/", env!("CARGO_PKG_VERSION"));
/// Time allowed to open the connection (name resolution, TCP, TLS).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for one request, from the start until the status line and headers are read.
pub const TOTAL_TIMEOUT: Duration = Duration::from_secs(15);
/// Redirects followed before the URL counts as failing.
pub const MAX_REDIRECTS: u32 = 5;
/// Distinct URLs one rule requests for one document; the others are reported as not checked.
pub const MAX_URLS_PER_DOCUMENT: usize = 200;
/// Requests one document has in flight at once.
const PARALLEL: usize = 8;
/// URLs the process-wide cache remembers; later ones are requested every time.
const MAX_CACHED: usize = 100_000;

/// What requesting a URL gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server answered with this status code.
    Status {
        /// The status code of the last answer (after following redirects).
        code: u16,
        /// The URL that gave the last answer, when redirects led elsewhere.
        redirected_to: Option<String>,
    },
    /// No HTTP answer; the reason in plain words (`connection refused`).
    Unreachable(String),
}

impl Outcome {
    /// The status code, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Outcome::Status { code, .. } => Some(*code),
            Outcome::Unreachable(_) => None,
        }
    }

    /// A message about `url`: "`…` answered `404 Not Found`" or "`…` could not be reached: connection refused".
    pub fn describe(&self, url: &str) -> String {
        match self {
            Outcome::Status { code, redirected_to } => {
                let mut m = format!("`{url}` answered `{}`", status_text(*code));
                if let Some(to) = redirected_to {
                    m.push_str(&format!(" after a redirection to `{to}`"));
                }
                m
            }
            Outcome::Unreachable(why) => format!("`{url}` could not be reached: {why}"),
        }
    }
}

/// `404 Not Found`; the bare number for codes without a standard reason phrase.
pub fn status_text(code: u16) -> String {
    match ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{code} {reason}"),
        None => code.to_string(),
    }
}

/// Whether the URL is one this module requests: `http://` or `https://` (any case). Other schemes
/// (`urn:`, `ftp:`, …) cannot answer with an HTTP status and are not checked.
pub fn is_http(url: &str) -> bool {
    let lower = |n: usize| url.get(..n).map(str::to_ascii_lowercase);
    lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://")
}

static AGENT: LazyLock<ureq::Agent> = LazyLock::new(|| {
    ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(TOTAL_TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        .save_redirect_history(true)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .build()
        .into()
});

type Cell = Arc<OnceLock<Outcome>>;
static CACHE: LazyLock<Mutex<HashMap<String, Cell>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Requests `url` (see the module documentation), or returns the outcome cached for it.
///
/// Makes a network request: call it only from a rule whose metadata says `network = true`.
pub fn probe(url: &str) -> Outcome {
    let cell = {
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        match cache.get(url) {
            Some(cell) => Arc::clone(cell),
            None => {
                let cell = Cell::default();
                if cache.len() < MAX_CACHED {
                    cache.insert(url.to_owned(), Arc::clone(&cell));
                }
                cell
            }
        }
    };
    // A second thread asking for the same URL waits here for the first one's answer.
    cell.get_or_init(|| fetch(url)).clone()
}

/// The URL as sent: without its fragment (which never goes to the server), and with the characters
/// that may not appear in a request target (spaces, non-ASCII, …) percent-encoded.
fn request_target(url: &str) -> String {
    let url = url.split_once('#').map_or(url, |(before, _)| before);
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if b.is_ascii_graphic() && !matches!(b, b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}')
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One request without the cache: `HEAD`, then `GET` when `HEAD` was refused or failed oddly.
fn fetch(url: &str) -> Outcome {
    let url = &request_target(url);
    let head = send(AGENT.head(url).call());
    let retry = match &head {
        Ok(outcome) => outcome.status().is_some_and(|c| c >= 400),
        Err(e) => {
            matches!(e, ureq::Error::Protocol(_))
                || matches!(e, ureq::Error::Io(io) if matches!(io.kind(),
                std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset))
        }
    };
    let result = if retry { send(AGENT.get(url).call()) } else { head };
    result.unwrap_or_else(|e| Outcome::Unreachable(words(&e)))
}

/// The outcome of one call; the body (of a `GET`) is dropped unread.
fn send(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Outcome, ureq::Error> {
    use ureq::ResponseExt;
    let response = result?;
    let code = response.status().as_u16();
    let redirected_to = response
        .get_redirect_history()
        .filter(|h| h.len() > 1)
        .map(|_| response.get_uri().to_string());
    Ok(Outcome::Status { code, redirected_to })
}

/// A transport error in plain words.
fn words(e: &ureq::Error) -> String {
    use std::io::ErrorKind;
    use ureq::Error;
    match e {
        Error::Io(io) => match io.kind() {
            ErrorKind::ConnectionRefused => "connection refused".into(),
            ErrorKind::ConnectionReset => "the connection was reset".into(),
            ErrorKind::ConnectionAborted => "the connection was aborted".into(),
            ErrorKind::TimedOut => "timed out".into(),
            ErrorKind::UnexpectedEof => "the server closed the connection without answering".into(),
            ErrorKind::HostUnreachable | ErrorKind::NetworkUnreachable => "no route to the host".into(),
            _ => io.to_string(),
        },
        Error::Timeout(_) => format!("no answer within {} seconds", TOTAL_TIMEOUT.as_secs()),
        Error::HostNotFound => "the host name could not be resolved".into(),
        Error::BadUri(_) | Error::Http(_) => "it is not a valid URL".into(),
        Error::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        Error::Protocol(p) => format!("the answer is not valid HTTP ({p})"),
        Error::ConnectionFailed => "the connection failed".into(),
        Error::Tls(m) => format!("TLS error: {m}"),
        Error::Rustls(r) => format!("TLS error: {r}"),
        other => other.to_string(),
    }
}

/// The outcomes of the URLs of one document.
#[derive(Debug, Default)]
pub struct Probed<'a> {
    /// Outcome per requested URL.
    pub outcomes: HashMap<&'a str, Outcome>,
    /// Distinct HTTP URLs that were not requested because of [`MAX_URLS_PER_DOCUMENT`].
    pub skipped: usize,
}

/// Requests the distinct `http(s)` URLs of `urls` (the first [`MAX_URLS_PER_DOCUMENT`] in order),
/// several at a time, through the cache.
///
/// Makes network requests: call it only from a rule whose metadata says `network = true`.
pub fn probe_all<'a>(urls: impl IntoIterator<Item = &'a str>) -> Probed<'a> {
    let mut seen = HashSet::new();
    let mut distinct = Vec::new();
    let mut skipped = 0;
    for url in urls {
        if is_http(url) && seen.insert(url) {
            if distinct.len() < MAX_URLS_PER_DOCUMENT {
                distinct.push(url);
            } else {
                skipped += 1;
            }
        }
    }
    let results: Vec<OnceLock<Outcome>> = distinct.iter().map(|_| OnceLock::new()).collect();
    let next = AtomicUsize::new(0);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(url) = distinct.get(i) else { break };
        let _ = results[i].set(probe(url));
    };
    match distinct.len().min(PARALLEL) {
        0 => {}
        1 => work(),
        n => std::thread::scope(|s| {
            for _ in 0..n {
                s.spawn(work);
            }
        }),
    }
    let outcomes = distinct
        .into_iter()
        .zip(results)
        .filter_map(|(url, r)| Some((url, r.into_inner()?)))
        .collect();
    Probed { outcomes, skipped }
}

/// Requests the URLs at `urls` (pointer, URL) and reports every one whose outcome `ok` rejects, at its
/// pointer; an unreachable URL always fails. Reports once, at the first such pointer, the URLs left
/// unchecked by [`MAX_URLS_PER_DOCUMENT`]. The shared body of 6.3.6 and 6.3.7.
pub fn report_failing(
    rule: &'static str,
    urls: &[(String, &str)],
    ok: impl Fn(u16) -> bool,
    expected: &str,
    out: &mut Vec<Finding>,
) {
    let probed = probe_all(urls.iter().map(|(_, u)| *u));
    let mut skipped_at = None;
    for (pointer, url) in urls {
        match probed.outcomes.get(url) {
            Some(outcome) if !outcome.status().is_some_and(&ok) => out.push(
                Finding::new(rule, pointer.as_str(), outcome.describe(url)).help(format!(
                    "the URL must resolve with {expected}; correct or remove it"
                )),
            ),
            Some(_) => {}
            None if is_http(url) && skipped_at.is_none() => skipped_at = Some(pointer),
            None => {}
        }
    }
    if let Some(pointer) = skipped_at {
        out.push(Finding::new(
            rule,
            pointer.as_str(),
            format!(
                "`{}` further distinct URLs were not requested: at most `{MAX_URLS_PER_DOCUMENT}` are checked per document",
                probed.skipped
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_requested() {
        assert!(is_http("https://example.com"));
        assert!(is_http("HTTP://example.com/x"));
        assert!(!is_http("urn:uuid:1234"));
        assert!(!is_http("ftp://example.com"));
        assert!(!is_http("http:/"));
        assert!(!is_http("ht"));
        // no request for these
        assert!(probe_all(["urn:x", "mailto:a@b.c", ""]).outcomes.is_empty());
    }

    #[test]
    fn messages_are_plain() {
        let s = Outcome::Status {
            code: 404,
            redirected_to: None,
        };
        assert_eq!(s.describe("https://a"), "`https://a` answered `404 Not Found`");
        let r = Outcome::Status {
            code: 404,
            redirected_to: Some("https://b".into()),
        };
        assert_eq!(
            r.describe("https://a"),
            "`https://a` answered `404 Not Found` after a redirection to `https://b`"
        );
        let u = Outcome::Unreachable("connection refused".into());
        assert_eq!(
            u.describe("https://a"),
            "`https://a` could not be reached: connection refused"
        );
        assert_eq!(status_text(599), "599");
        assert_eq!(request_target("https://a/b c#frag"), "https://a/b%20c");
        assert_eq!(request_target("https://a/ä?q=|"), "https://a/%C3%A4?q=%7C");
        assert!(USER_AGENT.starts_with("csaflint/"));
    }
}
