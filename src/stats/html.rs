//! `stats --html FILE`: one self-contained page (inline CSS and SVG; no script, font, image or
//! stylesheet from anywhere) with the table and two charts of the time to fix per publisher.

use super::{Distribution, PublisherStats, Stats};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Time-to-fix buckets of the distribution chart: (label, upper bound in days, exclusive; colour).
const BUCKETS: [(&str, f64, &str); 7] = [
    ("before release", 0.0, "#7b3294"),
    ("same day (< 1 d)", 1.0, "#1a9850"),
    ("1–7 d", 8.0, "#91cf60"),
    ("8–30 d", 31.0, "#d9ef8b"),
    ("31–90 d", 91.0, "#fee08b"),
    ("91–365 d", 366.0, "#fc8d59"),
    ("> 365 d", f64::INFINITY, "#d73027"),
];

/// Writes the page.
pub fn write_html(out: &mut dyn Write, stats: &Stats) -> io::Result<()> {
    let mut h = String::new();
    page(&mut h, stats).map_err(io::Error::other)?;
    out.write_all(h.as_bytes())
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
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

fn days(v: f64) -> String {
    format!("{v:.1}")
}

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;margin:2rem auto;
  max-width:1180px;padding:0 1rem;color:#1f2328;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.note{color:#59636e;font-size:.9rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.8rem;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .4rem;border-bottom:1px solid #d0d7de;text-align:right;white-space:nowrap}
th{background:#f6f8fa;vertical-align:bottom;white-space:normal;min-width:3.6rem}
th:first-child,td:first-child{text-align:left;white-space:normal;min-width:11rem}
td.id,th:last-child{text-align:left}td.id{white-space:normal;font-size:.78rem}
tfoot td{font-weight:600;border-top:2px solid #1f2328}
figure{margin:1rem 0}figcaption{color:#59636e;font-size:.85rem;margin-top:.3rem}
svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#1f2328}
dt{font-weight:600;margin-top:.5rem}dd{margin-left:1.2rem}
";

fn page(h: &mut String, stats: &Stats) -> std::fmt::Result {
    let rows = stats.rows();
    let total = stats.total();
    writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        h,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        h,
        "<title>Advisory statistics — csaflint</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    )?;
    writeln!(h, "<h1>Advisory statistics</h1>")?;
    writeln!(
        h,
        "<p class=\"note\">{} document{} from {} publisher{}, {} vulnerabilit{}; {} file{} could not be read as a \
         CSAF or CVRF document. Made by csaflint {} (<code>csaflint stats --html</code>).</p>",
        total.documents,
        if total.documents == 1 { "" } else { "s" },
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        total.vulnerabilities,
        if total.vulnerabilities == 1 { "y" } else { "ies" },
        stats.not_read,
        if stats.not_read == 1 { "" } else { "s" },
        env!("CARGO_PKG_VERSION")
    )?;

    writeln!(
        h,
        "<h2>Per publisher</h2>\n<div class=\"scroll\"><table>\n<thead><tr>"
    )?;
    for th in [
        "Publisher",
        "Docs",
        "Vulns",
        "Affected products",
        "Remedi&shy;ations",
        "With date",
        "Dated vendor fixes",
        "Fixed before release",
        "Median days to fix",
        "p90 days",
        "Max days",
        "Products without fix",
        "Oldest advisory without fix",
    ] {
        write!(h, "<th>{th}</th>")?;
    }
    writeln!(h, "</tr></thead>\n<tbody>")?;
    for (name, s) in &rows {
        table_row(h, "td", name, s)?;
    }
    writeln!(h, "</tbody>\n<tfoot>")?;
    table_row(h, "td", "All publishers", &total)?;
    writeln!(h, "</tfoot>\n</table></div>")?;

    writeln!(h, "<h2>Time to fix</h2>")?;
    writeln!(
        h,
        "<p>For every <code>vendor_fix</code> remediation with a date: the days from the advisory's initial \
         release to the date the fix became available. Negative values are fixes that were available before \
         the advisory was published. Publishers without such a remediation are not shown.</p>"
    )?;
    let dists: Vec<(&str, Distribution, &PublisherStats)> = rows
        .iter()
        .filter_map(|(n, s)| s.time_to_fix_summary().map(|d| (*n, d, *s)))
        .collect();
    if dists.is_empty() {
        writeln!(
            h,
            "<p class=\"note\">No vendor fix with a date in these documents.</p>"
        )?;
    } else {
        box_plot(h, &dists)?;
        buckets(h, &dists)?;
    }

    writeln!(h, "<h2>Definitions</h2>\n<dl>")?;
    for (dt, dd) in DEFINITIONS {
        writeln!(h, "<dt>{dt}</dt><dd>{dd}</dd>")?;
    }
    writeln!(h, "</dl>")?;
    writeln!(h, "</body>\n</html>")
}

const DEFINITIONS: [(&str, &str); 8] = [
    (
        "Publisher",
        "<code>/document/publisher/name</code>. CVRF documents have no publisher name: their \
         <code>IssuingAuthority</code> when it is one short line, else the domain of the first e-mail address \
         or URL in <code>ContactDetails</code>, else “(unnamed)”.",
    ),
    ("Documents", "Files read as a CSAF 2.0/2.1 or CVRF 1.1/1.2 document."),
    ("Vulnerabilities", "Entries of <code>/vulnerabilities</code> (CVRF <code>Vulnerability</code>)."),
    (
        "Affected products",
        "Per document, the distinct product ids listed as <code>first_affected</code>, \
         <code>known_affected</code> or <code>last_affected</code> by at least one vulnerability; added up \
         over the documents (product ids are local to a document).",
    ),
    (
        "Remediations / with date",
        "All remediations of every category, and those whose <code>date</code> is a valid date.",
    ),
    (
        "Time to fix",
        "Per <code>vendor_fix</code> remediation with a valid date, in a document with a valid \
         <code>initial_release_date</code>: remediation date minus initial release date, in days (fractions \
         kept). Median: the middle value (mean of the two middle ones); p90 and quartiles: nearest rank.",
    ),
    (
        "Products without fix",
        "Per document, the distinct affected product ids that some vulnerability lists as affected without a \
         <code>vendor_fix</code> remediation of that vulnerability covering them (directly or through a \
         product group); added up over the documents.",
    ),
    (
        "Oldest advisory without fix",
        "Among the documents with a product without fix, the one with the earliest initial release date: its \
         <code>/document/tracking/id</code> and that date.",
    ),
];

fn table_row(h: &mut String, td: &str, name: &str, s: &PublisherStats) -> std::fmt::Result {
    let t = s.time_to_fix_summary();
    let opt = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), days);
    let dated = match s.dated_share() {
        Some(x) => format!("{} ({:.1}%)", s.remediations_with_date, x * 100.0),
        None => "–".to_owned(),
    };
    let oldest = s.oldest_without_fix.as_ref().map_or_else(
        || "–".to_owned(),
        |o| format!("{}<br>{}", esc(&o.id), esc(&o.date_raw)),
    );
    writeln!(
        h,
        "<tr><{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}>\
         <{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}><{td}>{}</{td}>\
         <{td} class=\"id\">{}</{td}></tr>",
        esc(name),
        s.documents,
        s.vulnerabilities,
        s.affected_products,
        s.remediations,
        dated,
        t.map_or(0, |t| t.n),
        t.map_or(0, |t| t.negative),
        opt(t.map(|t| t.median)),
        opt(t.map(|t| t.p90)),
        opt(t.map(|t| t.max)),
        s.products_without_fix,
        oldest
    )
}

/// Symmetric log: `sign(x)·log10(1+|x|)`, linear near zero, so that days and years fit on one axis.
fn symlog(x: f64) -> f64 {
    x.signum() * (1.0 + x.abs()).log10()
}

const WIDTH: f64 = 1120.0;
const LABEL_W: f64 = 250.0;
const RIGHT_W: f64 = 170.0;
const ROW_H: f64 = 30.0;

fn box_plot(h: &mut String, dists: &[(&str, Distribution, &PublisherStats)]) -> std::fmt::Result {
    let lo = dists.iter().map(|d| d.1.min).fold(0.0, f64::min);
    let hi = dists.iter().map(|d| d.1.max).fold(0.0, f64::max);
    let (tlo, thi) = (symlog(lo), symlog(hi));
    let pad = ((thi - tlo) * 0.03).max(0.05);
    let (tlo, thi) = (tlo - pad, thi + pad);
    let x0 = LABEL_W + 10.0;
    let pw = WIDTH - x0 - RIGHT_W;
    let x = |v: f64| x0 + (symlog(v) - tlo) / (thi - tlo) * pw;
    let top = 40.0;
    let height = top + dists.len() as f64 * ROW_H + 45.0;
    writeln!(h, "<figure>")?;
    writeln!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" \
         height=\"{height}\" role=\"img\" aria-label=\"Box plot of the time to fix per publisher\">"
    )?;
    // legend
    let ly = 16.0;
    writeln!(
        h,
        "<g><rect x=\"{x0}\" y=\"{}\" width=\"26\" height=\"12\" fill=\"#9ecae1\" stroke=\"#3182bd\"/>\
         <text x=\"{}\" y=\"{}\">quartiles (25–75 %)</text>\
         <line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#08306b\" stroke-width=\"2.5\"/>\
         <text x=\"{}\" y=\"{}\">median</text>\
         <path d=\"M{} {} l5 5 l-5 5 l-5 -5 z\" fill=\"#d73027\"/><text x=\"{}\" y=\"{}\">90th percentile</text>\
         <line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"#555\"/><text x=\"{}\" y=\"{}\">min – max</text></g>",
        ly - 10.0,
        x0 + 32.0,
        ly,
        x0 + 170.0,
        x0 + 170.0,
        ly - 11.0,
        ly + 3.0,
        x0 + 177.0,
        ly,
        x0 + 250.0,
        ly - 10.0,
        x0 + 260.0,
        ly,
        x0 + 380.0,
        x0 + 410.0,
        ly - 4.0,
        ly - 4.0,
        x0 + 416.0,
        ly
    )?;
    let bottom = top + dists.len() as f64 * ROW_H;
    // grid and axis
    let ticks = [
        -3650.0, -1000.0, -365.0, -90.0, -30.0, -7.0, -1.0, 0.0, 1.0, 7.0, 30.0, 90.0, 365.0, 1000.0, 3650.0,
    ];
    for t in ticks.iter().copied().filter(|&t| t >= lo && t <= hi) {
        let xt = x(t);
        let (stroke, w) = if t == 0.0 {
            ("#1f2328", 1.2)
        } else {
            ("#d0d7de", 1.0)
        };
        writeln!(
            h,
            "<line x1=\"{xt:.1}\" x2=\"{xt:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{w}\"/>\
             <text x=\"{xt:.1}\" y=\"{}\" text-anchor=\"middle\">{t}</text>",
            top - 4.0,
            bottom + 4.0,
            bottom + 18.0
        )?;
    }
    writeln!(
        h,
        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">days from initial release to vendor fix \
         (symmetric log scale)</text>",
        x0 + pw / 2.0,
        bottom + 38.0
    )?;
    for (i, (name, d, _)) in dists.iter().enumerate() {
        let y = top + i as f64 * ROW_H + ROW_H / 2.0;
        let fill = if i % 2 == 0 { "#f6f8fa" } else { "#ffffff" };
        writeln!(
            h,
            "<g><title>{}: n = {}, min {}, Q1 {}, median {}, Q3 {}, p90 {}, max {} days; {} before release</title>",
            esc(name),
            d.n,
            days(d.min),
            days(d.q1),
            days(d.median),
            days(d.q3),
            days(d.p90),
            days(d.max),
            d.negative
        )?;
        writeln!(
            h,
            "<rect x=\"0\" y=\"{:.1}\" width=\"{WIDTH}\" height=\"{ROW_H}\" fill=\"{fill}\" opacity=\"0.6\"/>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            y - ROW_H / 2.0,
            LABEL_W,
            y + 4.0,
            esc(&shorten(name, 34))
        )?;
        writeln!(
            h,
            "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#555\"/>\
             <line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#555\"/>\
             <line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#555\"/>",
            x(d.min),
            x(d.max),
            x(d.min),
            x(d.min),
            y - 5.0,
            y + 5.0,
            x(d.max),
            x(d.max),
            y - 5.0,
            y + 5.0
        )?;
        writeln!(
            h,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"14\" fill=\"#9ecae1\" stroke=\"#3182bd\"/>\
             <line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#08306b\" stroke-width=\"2.5\"/>\
             <path d=\"M{:.1} {:.1} l5 5 l-5 5 l-5 -5 z\" fill=\"#d73027\"/>",
            x(d.q1),
            y - 7.0,
            (x(d.q3) - x(d.q1)).max(1.0),
            x(d.median),
            x(d.median),
            y - 9.0,
            y + 9.0,
            x(d.p90),
            y - 5.0
        )?;
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\">n = {}, median {} d</text></g>",
            x0 + pw + 12.0,
            y + 4.0,
            d.n,
            days(d.median)
        )?;
    }
    writeln!(h, "</svg>")?;
    writeln!(
        h,
        "<figcaption>Time to fix per publisher. Box: first to third quartile; thick line: median; diamond: 90th \
         percentile; whiskers: smallest and largest value. The axis is a symmetric logarithmic scale \
         (sign(x)·log10(1+|x|)), so that a few days and several years both stay readable; 0 is the day of \
         the initial release.</figcaption>\n</figure>"
    )
}

fn buckets(h: &mut String, dists: &[(&str, Distribution, &PublisherStats)]) -> std::fmt::Result {
    let x0 = LABEL_W + 10.0;
    let pw = WIDTH - x0 - RIGHT_W;
    let top = 44.0;
    let height = top + dists.len() as f64 * ROW_H + 30.0;
    writeln!(h, "<figure>")?;
    writeln!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" \
         height=\"{height}\" role=\"img\" aria-label=\"Share of vendor fixes per time-to-fix bucket and publisher\">"
    )?;
    let mut lx = x0;
    for (label, _, colour) in BUCKETS {
        writeln!(
            h,
            "<rect x=\"{lx:.1}\" y=\"6\" width=\"14\" height=\"14\" fill=\"{colour}\"/>\
             <text x=\"{:.1}\" y=\"18\">{}</text>",
            lx + 19.0,
            esc(label)
        )?;
        lx += 19.0 + label.chars().count() as f64 * 6.6 + 18.0;
    }
    for (i, (name, d, s)) in dists.iter().enumerate() {
        let y = top + i as f64 * ROW_H;
        let mut counts = [0usize; BUCKETS.len()];
        for &v in &s.time_to_fix {
            let b = BUCKETS.iter().position(|b| v < b.1).unwrap_or(BUCKETS.len() - 1);
            counts[b] += 1;
        }
        writeln!(
            h,
            "<text x=\"{LABEL_W}\" y=\"{:.1}\" text-anchor=\"end\"><title>{}</title>{}</text>",
            y + ROW_H / 2.0 + 4.0,
            esc(name),
            esc(&shorten(name, 34))
        )?;
        let mut bx = x0;
        for (b, &c) in counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            let w = c as f64 / d.n as f64 * pw;
            writeln!(
                h,
                "<rect x=\"{bx:.2}\" y=\"{:.1}\" width=\"{w:.2}\" height=\"{:.1}\" fill=\"{}\">\
                 <title>{}: {} — {} of {} fixes ({:.1} %)</title></rect>",
                y + 4.0,
                ROW_H - 8.0,
                BUCKETS[b].2,
                esc(name),
                esc(BUCKETS[b].0),
                c,
                d.n,
                c as f64 * 100.0 / d.n as f64
            )?;
            bx += w;
        }
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{:.1}\">n = {}</text>",
            x0 + pw + 12.0,
            y + ROW_H / 2.0 + 4.0,
            d.n
        )?;
    }
    writeln!(h, "</svg>")?;
    writeln!(
        h,
        "<figcaption>Distribution of the time to fix: the share of each publisher's dated vendor fixes per \
         interval (days from the initial release of the advisory; “before release”: negative).</figcaption>\n\
         </figure>"
    )
}
