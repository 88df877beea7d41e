//! `stats --format table|csv|json`.

use super::{Distribution, PublisherStats, Stats};
use serde_json::{json, Value};
use std::io::{self, Write};

/// Days with one decimal; `-` when there is no value.
fn days(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |d| format!("{d:.1}"))
}

fn share(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |s| format!("{:.1}%", s * 100.0))
}

/// The columns of a row, as text (table and CSV).
fn cells(name: &str, s: &PublisherStats) -> Vec<String> {
    let t = s.time_to_fix_summary();
    let pick = |f: fn(&Distribution) -> f64| t.as_ref().map(f);
    let (oldest_id, oldest_date) = s
        .oldest_without_fix
        .as_ref()
        .map_or((String::new(), String::new()), |o| {
            (o.id.clone(), o.date_raw.clone())
        });
    vec![
        name.to_owned(),
        s.documents.to_string(),
        s.vulnerabilities.to_string(),
        s.affected_products.to_string(),
        s.remediations.to_string(),
        s.remediations_with_date.to_string(),
        share(s.dated_share()),
        t.map_or(0, |t| t.n).to_string(),
        t.map_or(0, |t| t.negative).to_string(),
        days(pick(|t| t.median)),
        days(pick(|t| t.p90)),
        days(pick(|t| t.max)),
        s.products_without_fix.to_string(),
        oldest_id,
        oldest_date,
    ]
}

/// Column names of the CSV output.
pub const CSV_HEADER: [&str; 15] = [
    "publisher",
    "documents",
    "vulnerabilities",
    "affected_products",
    "remediations",
    "remediations_with_date",
    "remediations_with_date_share",
    "time_to_fix_n",
    "time_to_fix_negative",
    "time_to_fix_median_days",
    "time_to_fix_p90_days",
    "time_to_fix_max_days",
    "products_without_fix",
    "oldest_without_fix_id",
    "oldest_without_fix_date",
];

const TABLE_HEADER: [&str; 15] = [
    "publisher",
    "docs",
    "vulns",
    "affected",
    "remeds",
    "dated",
    "dated %",
    "fixes",
    "fix<0",
    "median d",
    "p90 d",
    "max d",
    "no fix",
    "oldest without fix",
    "released",
];

/// Aligned columns: one row per publisher, then the total.
pub fn write_table(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    let mut rows: Vec<Vec<String>> = vec![TABLE_HEADER.iter().map(|h| h.to_string()).collect()];
    for (name, s) in stats.rows() {
        rows.push(cells(&shorten(name, 40), s));
    }
    rows.push(cells("(all publishers)", &stats.total()));
    let widths: Vec<usize> = (0..TABLE_HEADER.len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let last = rows.len() - 1;
    for (n, r) in rows.iter().enumerate() {
        if n == last {
            let total: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            writeln!(out, "{}", "-".repeat(total))?;
        }
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i > 0 {
                line.push_str("  ");
            }
            // names and the oldest advisory left, numbers right
            if i == 0 || i >= 13 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    if stats.not_read > 0 {
        writeln!(
            out,
            "\n{} file{} could not be read as a CSAF or CVRF document and {} not counted",
            stats.not_read,
            if stats.not_read == 1 { "" } else { "s" },
            if stats.not_read == 1 { "is" } else { "are" }
        )?;
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// RFC 4180 (CRLF line ends): a header row, then one row per publisher (no total row, so that columns add up).
/// The share is a fraction (0 to 1) with four decimals; days have one decimal; empty when undefined.
pub fn write_csv(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    write!(out, "{}\r\n", CSV_HEADER.join(","))?;
    for (name, s) in stats.rows() {
        let mut c = cells(name, s);
        c[6] = s.dated_share().map_or(String::new(), |x| format!("{x:.4}"));
        for i in [9, 10, 11] {
            if c[i] == "-" {
                c[i].clear();
            }
        }
        let line: Vec<String> = c.iter().map(|v| csv_field(v)).collect();
        write!(out, "{}\r\n", line.join(","))?;
    }
    Ok(())
}

fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_owned()
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// One publisher's (or the total's) numbers as JSON.
pub fn to_json(name: Option<&str>, s: &PublisherStats) -> Value {
    let t = s.time_to_fix_summary();
    let numbers = json!({
        "documents": s.documents,
        "vulnerabilities": s.vulnerabilities,
        "affected_products": s.affected_products,
        "remediations": s.remediations,
        "remediations_with_date": s.remediations_with_date,
        "remediations_with_date_share": s.dated_share().map(|x| (x * 10_000.0).round() / 10_000.0),
        "time_to_fix_days": {
            "n": t.map_or(0, |t| t.n),
            "negative": t.map_or(0, |t| t.negative),
            "median": t.map(|t| round3(t.median)),
            "p90": t.map(|t| round3(t.p90)),
            "max": t.map(|t| round3(t.max)),
        },
        "products_without_fix": s.products_without_fix,
        "oldest_without_fix": s.oldest_without_fix.as_ref().map(|o| json!({"id": o.id, "date": o.date_raw})),
    });
    let mut map = serde_json::Map::new();
    if let Some(name) = name {
        map.insert("publisher".to_owned(), Value::from(name));
    }
    if let Value::Object(numbers) = numbers {
        map.extend(numbers);
    }
    Value::Object(map)
}

/// `{"publishers": [...], "total": {...}, "documents_not_read": n}`.
pub fn write_json(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    let v = json!({
        "publishers": stats.rows().iter().map(|(n, s)| to_json(Some(n), s)).collect::<Vec<_>>(),
        "total": to_json(None, &stats.total()),
        "documents_not_read": stats.not_read,
    });
    serde_json::to_writer_pretty(&mut *out, &v).map_err(io::Error::other)?;
    writeln!(out)
}
