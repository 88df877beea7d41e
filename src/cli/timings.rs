//! The hidden flag `validate --timings`: where the time goes. Each file is validated as usual (timed as
//! `validate (whole)`), and once more stage by stage, timing the parse, the schema, the model, the shared
//! index and every enabled rule on its own. At the end, the sums over the run (CPU time, all threads) go
//! to standard error, largest first. `validate (rest)` is the whole minus the stages: locating the
//! findings (line and column), the report, and what the stages share.

use super::inputs::Input;
use crate::model::Version;
use crate::parse::{self, csaf, cvrf, json_value, span, Sniffed};
use crate::rules::{self, Context};
use crate::schema::{self, CsafSchema};
use crate::Validator;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Sums of time per stage or rule.
#[derive(Default)]
pub struct Timings {
    sums: Mutex<HashMap<&'static str, (Duration, usize)>>,
}

impl Timings {
    fn add(&self, local: &[(&'static str, Duration)]) {
        let mut sums = self.sums.lock().unwrap_or_else(|e| e.into_inner());
        for (k, d) in local {
            let e = sums.entry(k).or_default();
            e.0 += *d;
            e.1 += 1;
        }
    }

    /// Validates `input` stage by stage (after the caller's normal validation of it took `whole`).
    pub fn record(&self, validator: &Validator, input: &Input, whole: Duration) {
        let Input::File { path, .. } = input else {
            return;
        };
        let Ok(bytes) = std::fs::read(path) else {
            return;
        };
        let mut local: Vec<(&'static str, Duration)> = vec![("validate (whole)", whole)];
        let mut t = Instant::now();
        let mut lap = |name: &'static str, local: &mut Vec<_>| {
            let now = Instant::now();
            local.push((name, now - t));
            t = now;
        };
        let decoded = parse::decode(&bytes);
        let text = decoded.text;
        lap("decode", &mut local);
        let mut findings = Vec::new();
        match parse::sniff(&text, &path.to_string_lossy()) {
            Some(Sniffed::Json) => {
                let Ok((root, dups, positions)) = json_value::parse_located(&text) else {
                    return;
                };
                lap("parse JSON", &mut local);
                let (version, schema) = match csaf::declared_version(&root) {
                    csaf::DeclaredVersion::V21 => (Version::Csaf21, CsafSchema::V21),
                    _ => (Version::Csaf20, CsafSchema::V20),
                };
                if validator.enabled("schema") {
                    findings.extend(schema::validate(&root, schema));
                    lap("schema", &mut local);
                }
                let advisory = csaf::to_model(&root, version);
                lap("model (CSAF)", &mut local);
                self.rules(
                    validator,
                    &Context::new(&advisory, Some(&root), &dups),
                    &mut findings,
                    &mut local,
                );
                let t = Instant::now();
                drop(advisory);
                let mut dropping = t.elapsed();
                // with the parser's positions, pointers are located in the value (as `validate` does)
                let mut spans = Vec::new();
                if !findings.is_empty() {
                    let t = Instant::now();
                    let pointers: Vec<&str> = findings
                        .iter()
                        .filter(|f| f.offset.is_none())
                        .map(|f| f.pointer.as_str())
                        .collect();
                    spans = match &positions {
                        Some(positions) => positions.locate(&root, &pointers),
                        None => span::locate_json(&text, &pointers, dups.is_empty()),
                    };
                    local.push(("locate: JSON pointers", t.elapsed()));
                }
                let t = Instant::now();
                drop(root);
                drop(positions);
                dropping += t.elapsed();
                local.push(("drop model and JSON value", dropping));
                if !findings.is_empty() {
                    let t = Instant::now();
                    let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
                    std::hint::black_box(span::line_cols(&text, &starts));
                    local.push(("locate: line and column", t.elapsed()));
                }
            }
            Some(Sniffed::Xml) => {
                // the element tree alone, to tell it from filling the model (not part of the sum)
                let t0 = Instant::now();
                std::hint::black_box(cvrf::xml::parse(&text, |_, _| Ok(())).is_ok());
                let tree_only = t0.elapsed();
                let t1 = Instant::now();
                let Ok((advisory, doc)) = cvrf::parse(&text) else {
                    return;
                };
                local.push(("parse XML + model (CVRF)", t1.elapsed()));
                local.push(("  of which: XML element tree", tree_only));
                let cx = Context::new(&advisory, None, &[]).with_xml(Some(&doc.tree));
                self.rules(validator, &cx, &mut findings, &mut local);
                if !findings.is_empty() {
                    let t = Instant::now();
                    let lines = span::LineIndex::new(&text);
                    local.push(("locate: line index", t.elapsed()));
                    let t = Instant::now();
                    // the map's hash table is built on first use
                    std::hint::black_box(doc.pointer_map().len());
                    local.push(("locate: CVRF pointer map", t.elapsed()));
                    let t = Instant::now();
                    for f in &findings {
                        let span = match f.xml {
                            Some((node, attr)) => doc.tree.span(node, attr),
                            None => std::hint::black_box(doc.locate(&f.pointer)).1,
                        };
                        std::hint::black_box(lines.line_col(span.0));
                    }
                    local.push(("locate: CVRF element paths", t.elapsed()));
                }
            }
            None => return,
        }
        if !findings.is_empty() {
            let t = Instant::now();
            std::hint::black_box(text.to_string());
            local.push(("copy of the source", t.elapsed()));
        }
        let stages: Duration = local[1..]
            .iter()
            .filter(|(name, _)| !name.starts_with("  of which"))
            .map(|(_, d)| *d)
            .sum();
        local.push(("validate (rest)", whole.saturating_sub(stages)));
        self.add(&local);
    }

    fn rules(
        &self,
        validator: &Validator,
        cx: &Context<'_>,
        findings: &mut Vec<crate::diag::Finding>,
        local: &mut Vec<(&'static str, Duration)>,
    ) {
        let t = Instant::now();
        let _ = cx.index();
        local.push(("index", t.elapsed()));
        for rule in rules::registry() {
            let id = rule.meta().id;
            if !validator.enabled(id) || (rule.meta().csaf21_only && !cx.version().is_csaf21()) {
                continue;
            }
            let t = Instant::now();
            rule.check(cx, findings);
            local.push((id, t.elapsed()));
        }
    }

    /// Writes the sums, largest first.
    pub fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let sums = self.sums.lock().unwrap_or_else(|e| e.into_inner());
        let whole = sums.get("validate (whole)").map_or(Duration::ZERO, |s| s.0);
        let mut rows: Vec<_> = sums.iter().filter(|(k, _)| **k != "validate (whole)").collect();
        rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
        writeln!(out, "timings (CPU time summed over all threads and files)")?;
        writeln!(out, "{:>12}  {:>6}  {:>7}  stage or rule", "ms", "%", "files")?;
        writeln!(
            out,
            "{:>12.1}  {:>6}  {:>7}  validate (whole)",
            ms(whole),
            "100.0",
            sums.get("validate (whole)").map_or(0, |s| s.1)
        )?;
        for (k, (d, n)) in rows {
            let share = if whole.is_zero() {
                0.0
            } else {
                d.as_secs_f64() * 100.0 / whole.as_secs_f64()
            };
            writeln!(out, "{:>12.1}  {:>6.1}  {:>7}  {k}", ms(*d), share, n)?;
        }
        Ok(())
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
