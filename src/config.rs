//! The configuration file, `csaflint.toml` (or `.csaflint.toml`).
//!
//! ```toml
//! preset = "vendor-release"          # basic | extended | full | vendor-release
//! fail-on = "error"                  # error | warning | info: what makes the exit code 1
//! [rules]
//! select = ["6.1", "6.2", "CL1"]     # replaces the preset's set
//! extend-select = ["CL102"]          # adds to it
//! ignore = ["remediation-date-missing", "6.3.8"]
//! [rules.severity]
//! "affected-product-without-fix" = "error"
//! [per-path-ignores]
//! "archive/**" = ["remediation-date-missing"]
//! [convert]
//! publisher-name = "Example Company"
//! ```
//!
//! [`find`] does what the command line does: `--config PATH`, `--no-config`, or the first directory
//! from the current one upward that has `csaflint.toml` (or else `.csaflint.toml`). Every mistake in
//! the file — an unknown key, a wrong type, an unknown preset or severity, a rule selector that matches
//! no rule, a bad glob — is a [`ConfigError`] that says the file, the line and the column.
//!
//! ```
//! let dir = std::env::temp_dir();
//! let config = csaflint::config::parse(
//!     "preset = \"basic\"\n[rules]\nignore = [\"6.1.9\"]\n",
//!     &dir.join("csaflint.toml"),
//! )
//! .unwrap();
//! assert_eq!(config.preset, Some(csaflint::Preset::Basic));
//! assert_eq!(config.ignore, ["6.1.9"]);
//!
//! let err = csaflint::config::parse("[rules]\nignore = [\"no-such-rule\"]\n", "csaflint.toml".as_ref())
//!     .unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "csaflint.toml:2:11: unknown rule `no-such-rule` in `rules.ignore`"
//! );
//! ```

use crate::diag::Severity;
use crate::rules::{self, select, Preset, Selection};
use crate::validate::Report;
use globset::{GlobBuilder, GlobMatcher};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;

/// The names looked for in each directory, in this order.
pub const FILE_NAMES: [&str; 2] = ["csaflint.toml", ".csaflint.toml"];

/// A parsed and checked configuration file. [`Config::default`] is the configuration without a file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file as shown in messages (`csaflint.toml`, `../csaflint.toml`, or the `--config` path);
    /// empty without a file.
    pub path: String,
    /// The absolute directory of the file; `per-path-ignores` globs are relative to it.
    pub root: PathBuf,
    /// `preset`.
    pub preset: Option<Preset>,
    /// `fail-on`: the lowest severity that makes the exit code 1.
    pub fail_on: Option<Severity>,
    /// `rules.select`: replaces the preset's set when given.
    pub select: Option<Vec<String>>,
    /// `rules.extend-select`.
    pub extend_select: Vec<String>,
    /// `rules.ignore`.
    pub ignore: Vec<String>,
    /// `[rules.severity]`: selector → severity, ordered so that a more specific selector comes later
    /// (and so wins, see [`Selection::severity`]): an exact id or name after a prefix, a longer
    /// prefix after a shorter one.
    pub severity: Vec<(String, Severity)>,
    /// `[per-path-ignores]`, compiled.
    pub per_path_ignores: PathIgnores,
    /// `[convert]`: defaults for the CVRF → CSAF converter.
    pub convert: ConvertConfig,
}

/// The `[convert]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConvertConfig {
    /// `publisher-name`: `/document/publisher/name` of converted documents.
    pub publisher_name: Option<String>,
    /// `publisher-namespace`: `/document/publisher/namespace`.
    pub publisher_namespace: Option<String>,
    /// `publisher-category`: `/document/publisher/category`.
    pub publisher_category: Option<String>,
}

impl Config {
    /// The rule selection the file describes (`online` off; the caller sets it).
    pub fn selection(&self) -> Selection {
        Selection {
            preset: self.preset.unwrap_or_default(),
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            severity: self.severity.clone(),
            online: false,
        }
    }
}

/// A configuration file that could not be read or is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file as shown.
    pub path: String,
    /// 1-based line and column (counted in characters) of the mistake, when it has a place.
    pub location: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The configuration the command line uses: the file given (`explicit`), none (`no_config`), or the
/// one [`discover`]ed from the current directory; `None` when there is none.
pub fn find(explicit: Option<&Path>, no_config: bool) -> Result<Option<Config>, ConfigError> {
    if no_config {
        return Ok(None);
    }
    if let Some(path) = explicit {
        return load(path).map(Some);
    }
    let Ok(cwd) = std::env::current_dir() else {
        return Ok(None);
    };
    match discover_from(&cwd) {
        Some((depth, name)) => {
            let shown = format!("{}{name}", "../".repeat(depth));
            let dir = cwd.ancestors().nth(depth).unwrap_or(&cwd).to_owned();
            let text = read(&dir.join(name), &shown)?;
            parse_at(&text, shown, normalize(&dir)).map(Some)
        }
        None => Ok(None),
    }
}

/// The configuration file that applies in `start`: the first directory from `start` upward that has
/// `csaflint.toml` or, failing that, `.csaflint.toml`.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = normalize(&std::path::absolute(start).ok()?);
    let (depth, name) = discover_from(&start)?;
    start.ancestors().nth(depth).map(|d| d.join(name))
}

fn discover_from(start: &Path) -> Option<(usize, &'static str)> {
    start.ancestors().enumerate().find_map(|(depth, dir)| {
        FILE_NAMES
            .into_iter()
            .find(|name| dir.join(name).is_file())
            .map(|name| (depth, name))
    })
}

/// Reads and checks the file at `path`.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = read(path, &path.to_string_lossy())?;
    parse(&text, path)
}

fn read(path: &Path, shown: &str) -> Result<String, ConfigError> {
    let error = |message: String| ConfigError {
        path: shown.to_owned(),
        location: None,
        message,
    };
    if path.is_dir() {
        return Err(error("cannot read the config file: it is a directory".to_owned()));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        error(match e.kind() {
            std::io::ErrorKind::NotFound => "cannot read the config file: no such file".to_owned(),
            std::io::ErrorKind::PermissionDenied => {
                "cannot read the config file: permission denied".to_owned()
            }
            _ => format!("cannot read the config file: {e}"),
        })
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.into_bytes()[..offset]).into_owned();
        ConfigError {
            path: shown.to_owned(),
            location: Some(line_col(&text, offset)),
            message: "the config file is not valid UTF-8".to_owned(),
        }
    })
}

/// Checks the text of a configuration file found at `path` (shown in messages; its directory is the
/// root of the `per-path-ignores` globs).
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let root = std::path::absolute(dir)
        .map(|d| normalize(&d))
        .unwrap_or_default();
    parse_at(text, path.to_string_lossy().into_owned(), root)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    preset: Option<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    rules: Option<RawRules>,
    per_path_ignores: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
    convert: Option<ConvertConfig>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRules {
    select: Option<Vec<Spanned<String>>>,
    extend_select: Option<Vec<Spanned<String>>>,
    ignore: Option<Vec<Spanned<String>>>,
    severity: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
}

fn parse_at(text: &str, shown: String, root: PathBuf) -> Result<Config, ConfigError> {
    let at = |span: Range<usize>, message: String| ConfigError {
        path: shown.clone(),
        location: Some(line_col(text, span.start)),
        message,
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let message = e.message().trim_end().replacen("unknown field", "unknown key", 1);
        ConfigError {
            path: shown.clone(),
            location: Some(e.span().map_or((1, 1), |s| line_col(text, s.start))),
            message,
        }
    })?;
    let mut config = Config {
        path: shown.clone(),
        root: root.clone(),
        per_path_ignores: PathIgnores::new(root),
        convert: raw.convert.unwrap_or_default(),
        ..Config::default()
    };
    if let Some(p) = raw.preset {
        config.preset = Some(Preset::parse(p.get_ref()).ok_or_else(|| {
            at(
                p.span(),
                format!(
                    "unknown preset `{}` in `preset`: expected one of {}",
                    p.get_ref(),
                    Preset::names()
                ),
            )
        })?);
    }
    let severity = |s: &Spanned<String>, key: &str| {
        Severity::parse(s.get_ref()).ok_or_else(|| {
            at(
                s.span(),
                format!(
                    "unknown severity `{}` in `{key}`: expected `error`, `warning` or `info`",
                    s.get_ref()
                ),
            )
        })
    };
    if let Some(s) = &raw.fail_on {
        config.fail_on = Some(severity(s, "fail-on")?);
    }
    let selectors =
        |list: Option<Vec<Spanned<String>>>, key: &str| -> Result<Option<Vec<String>>, ConfigError> {
            list.map(|list| {
                list.into_iter()
                    .map(|s| {
                        if known(s.get_ref()) {
                            Ok(s.into_inner())
                        } else {
                            Err(at(s.span(), format!("unknown rule `{}` in `{key}`", s.get_ref())))
                        }
                    })
                    .collect()
            })
            .transpose()
        };
    if let Some(rules) = raw.rules {
        config.select = selectors(rules.select, "rules.select")?;
        config.extend_select = selectors(rules.extend_select, "rules.extend-select")?.unwrap_or_default();
        config.ignore = selectors(rules.ignore, "rules.ignore")?.unwrap_or_default();
        let mut entries: Vec<_> = rules.severity.unwrap_or_default().into_iter().collect();
        entries.sort_by_key(|(k, _)| k.span().start);
        let mut ranked = Vec::new();
        for (key, value) in entries {
            if !known(key.get_ref()) {
                return Err(at(
                    key.span(),
                    format!("unknown rule `{}` in `rules.severity`", key.get_ref()),
                ));
            }
            let sev = severity(&value, "rules.severity")?;
            ranked.push((specificity(key.get_ref()), key.into_inner(), sev));
        }
        // stable: equally specific selectors keep the file's order
        ranked.sort_by_key(|(rank, _, _)| *rank);
        config.severity = ranked.into_iter().map(|(_, k, s)| (k, s)).collect();
    }
    let mut globs: Vec<_> = raw.per_path_ignores.unwrap_or_default().into_iter().collect();
    globs.sort_by_key(|(k, _)| k.span().start);
    for (pattern, list) in globs {
        let key = format!("per-path-ignores.\"{}\"", pattern.get_ref());
        let list = selectors(Some(list), &key)?.unwrap_or_default();
        config
            .per_path_ignores
            .add(pattern.get_ref(), &list)
            .map_err(|e| at(pattern.span(), e.to_string()))?;
    }
    Ok(config)
}

/// Whether the selector matches some rule.
fn known(selector: &str) -> bool {
    rules::all_meta().any(|m| select::matches(selector, m))
}

/// How specific a selector is: an exact id or name beats any prefix, a longer prefix a shorter one.
fn specificity(selector: &str) -> (bool, usize) {
    let exact = rules::all_meta().any(|m| m.id == selector || m.name == selector);
    (exact, selector.len())
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// `path` without `.` components and with `..` resolved against the components before it (no file
/// system access, so symlinks are not followed).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Rules switched off for documents whose path matches a glob (`[per-path-ignores]`).
///
/// A glob is matched against the document's path relative to the root directory (the config file's):
/// the path is made absolute against the current directory first; `-` (standard input) and paths
/// outside the root match nothing. A glob matches a document when it matches that relative path or
/// one of the directories on it (`archive` and `archive/**` both match `archive/2023/x.json`); a
/// glob without `/` matches the name of the file or of any of those directories (`*.xml`). `*` and `?`
/// do not match `/`; `**` matches any number of directories. The `io` and `parse` rules are never
/// removed.
///
/// ```
/// use csaflint::config::PathIgnores;
/// use csaflint::{Options, Validator};
///
/// let mut ignores = PathIgnores::new(std::env::current_dir().unwrap());
/// ignores.add("archive/**", &["schema"]).unwrap();
/// let validator = Validator::new(&Options::default()).unwrap().with_path_ignores(ignores);
/// let broken = br#"{"document": {"csaf_version": "2.0"}}"#;
/// assert!(validator.validate("archive/old.json", broken).valid());
/// assert!(!validator.validate("current/new.json", broken).valid());
/// ```
#[derive(Debug, Clone, Default)]
pub struct PathIgnores {
    root: PathBuf,
    entries: Vec<PathIgnore>,
}

#[derive(Debug, Clone)]
struct PathIgnore {
    matcher: GlobMatcher,
    /// The glob has no `/`: it matches a file or directory name.
    name_only: bool,
    /// Ids of the rules to remove.
    rules: Vec<&'static str>,
}

/// A per-path ignore that could not be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathIgnoreError {
    /// The glob is not valid.
    Glob {
        /// The glob as given.
        pattern: String,
        /// Why.
        reason: String,
    },
    /// A selector matches no rule.
    UnknownRule {
        /// The selector as given.
        selector: String,
    },
}

impl fmt::Display for PathIgnoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathIgnoreError::Glob { pattern, reason } => write!(f, "invalid glob `{pattern}`: {reason}"),
            PathIgnoreError::UnknownRule { selector } => write!(f, "unknown rule `{selector}`"),
        }
    }
}

impl std::error::Error for PathIgnoreError {}

impl PathIgnores {
    /// No ignores yet; globs will be relative to `root` (made absolute against the current directory).
    pub fn new(root: impl AsRef<Path>) -> PathIgnores {
        let root = root.as_ref();
        PathIgnores {
            root: std::path::absolute(root)
                .map(|r| normalize(&r))
                .unwrap_or_else(|_| root.to_owned()),
            entries: Vec::new(),
        }
    }

    /// Removes the rules the selectors match (ids, id prefixes or names) from documents that match
    /// `pattern`.
    pub fn add(&mut self, pattern: &str, selectors: &[impl AsRef<str>]) -> Result<(), PathIgnoreError> {
        let mut ids = Vec::new();
        for s in selectors {
            let s = s.as_ref();
            let mut hit = false;
            for m in rules::all_meta().filter(|m| select::matches(s, m)) {
                hit = true;
                if m.id != rules::IO.id && m.id != rules::PARSE.id && !ids.contains(&m.id) {
                    ids.push(m.id);
                }
            }
            if !hit {
                return Err(PathIgnoreError::UnknownRule {
                    selector: s.to_owned(),
                });
            }
        }
        let glob = GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()
            .map_err(|e| PathIgnoreError::Glob {
                pattern: pattern.to_owned(),
                reason: e.kind().to_string(),
            })?;
        self.entries.push(PathIgnore {
            matcher: glob.compile_matcher(),
            name_only: !pattern.contains('/'),
            rules: ids,
        });
        Ok(())
    }

    /// True when nothing is ignored anywhere.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The ids of the rules removed from the document at `path` (as given to the validator).
    pub fn ignored(&self, path: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.entries.is_empty() || path == "-" || path.is_empty() {
            return out;
        }
        let Ok(abs) = std::path::absolute(path) else {
            return out;
        };
        let abs = normalize(&abs);
        let Ok(rel) = abs.strip_prefix(&self.root) else {
            return out;
        };
        if rel.as_os_str().is_empty() {
            return out;
        }
        for e in &self.entries {
            let hit = if e.name_only {
                rel.components().any(|c| e.matcher.is_match(c.as_os_str()))
            } else {
                rel.ancestors()
                    .filter(|a| !a.as_os_str().is_empty())
                    .any(|a| e.matcher.is_match(a))
            };
            if hit {
                for id in &e.rules {
                    if !out.contains(id) {
                        out.push(*id);
                    }
                }
            }
        }
        out
    }

    /// Removes the diagnostics of the ignored rules from a report, by its path.
    pub fn apply(&self, report: &mut Report) {
        let ignored = self.ignored(&report.path);
        if ignored.is_empty() {
            return;
        }
        report.diagnostics.retain(|d| !ignored.contains(&d.rule));
        if report.diagnostics.is_empty() {
            report.source = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text, Path::new("csaflint.toml")).unwrap_err().to_string()
    }

    #[test]
    fn errors_are_located() {
        assert_eq!(
            err("preset = \"full\"\nfoo = 1\n"),
            "csaflint.toml:2:1: unknown key `foo`, expected one of `preset`, `fail-on`, `rules`, `per-path-ignores`, `convert`"
        );
        assert!(err("preset = 3\n").starts_with("csaflint.toml:1:10: invalid type: integer `3`"));
        assert_eq!(
            err("preset = \"fast\"\n"),
            "csaflint.toml:1:10: unknown preset `fast` in `preset`: expected one of basic, extended, full, vendor-release, schema, mandatory, recommended, informative, external-request-free, consistent-revision-history, consistent-date-times"
        );
        assert_eq!(
            err("[rules.severity]\n\"6.2.12\" = \"fatal\"\n"),
            "csaflint.toml:2:12: unknown severity `fatal` in `rules.severity`: expected `error`, `warning` or `info`"
        );
        assert_eq!(
            err("[rules.severity]\n\"6.2.99\" = \"error\"\n"),
            "csaflint.toml:2:1: unknown rule `6.2.99` in `rules.severity`"
        );
        assert_eq!(
            err("[per-path-ignores]\n\"a/**\" = [\"6.1\", \"nope\"]\n"),
            "csaflint.toml:2:18: unknown rule `nope` in `per-path-ignores.\"a/**\"`"
        );
        assert_eq!(
            err("[per-path-ignores]\n\"a/[\" = [\"6.1\"]\n"),
            "csaflint.toml:2:1: invalid glob `a/[`: unclosed character class; missing ']'"
        );
        assert_eq!(err("[convert]\npublisher = \"x\"\n").split(':').nth(1), Some("2"));
    }

    #[test]
    fn the_whole_shape_parses() {
        let c = parse(
            "preset = \"vendor-release\"\nfail-on = \"warning\"\n[rules]\nselect = [\"6.1\", \"CL1\"]\n\
             extend-select = [\"6.2.12\"]\nignore = [\"remediation-date-missing\"]\n[rules.severity]\n\
             \"6.1.9\" = \"warning\"\n\"6.1\" = \"info\"\n[per-path-ignores]\n\"archive/**\" = [\"CL1\"]\n\
             [convert]\npublisher-name = \"Example\"\n",
            Path::new("/tmp/x/csaflint.toml"),
        )
        .unwrap();
        assert_eq!(c.preset, Some(Preset::VendorRelease));
        assert_eq!(c.fail_on, Some(Severity::Warning));
        assert_eq!(
            c.select.as_deref(),
            Some(&["6.1".to_owned(), "CL1".to_owned()][..])
        );
        // the exact id comes after the prefix, so it wins
        assert_eq!(
            c.severity,
            [
                ("6.1".to_owned(), Severity::Info),
                ("6.1.9".to_owned(), Severity::Warning)
            ]
        );
        let r = c.selection().resolve().unwrap();
        assert_eq!(r.severity("6.1.9"), Some(Severity::Warning));
        assert_eq!(r.severity("6.1.1"), Some(Severity::Info));
        assert_eq!(c.convert.publisher_name.as_deref(), Some("Example"));
        assert_eq!(c.root, Path::new("/tmp/x"));
    }

    #[test]
    fn globs_match_relative_to_the_root() {
        let mut p = PathIgnores::new("/tmp/root");
        p.add("archive/**", &["schema"]).unwrap();
        p.add("old", &["6.1.1"]).unwrap();
        p.add("*.xml", &["CV1", "io", "parse"]).unwrap();
        assert_eq!(p.ignored("/tmp/root/archive/x.json"), ["schema"]);
        assert_eq!(p.ignored("/tmp/root/archive/2023/x.json"), ["schema"]);
        assert!(p.ignored("/tmp/root/current/x.json").is_empty());
        assert!(p.ignored("/tmp/other/archive/x.json").is_empty());
        assert_eq!(p.ignored("/tmp/root/current/../archive/x.json"), ["schema"]);
        assert_eq!(p.ignored("/tmp/root/a/old/x.json"), ["6.1.1"]);
        assert!(p
            .ignored("/tmp/root/a/x.xml")
            .iter()
            .all(|id| id.starts_with("CV")));
        assert!(!p.ignored("/tmp/root/a/x.xml").is_empty());
        assert!(p.ignored("-").is_empty());
    }
}
