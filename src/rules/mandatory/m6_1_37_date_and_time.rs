use crate::diag::Finding;
use crate::rules::Context;
use serde_json::Value;

declare_rule! {
    /// ## What it checks
    /// Every `date-time` value of the document follows the section "Date and Time" of CSAF 2.1: the
    /// ABNF of RFC 3339, section 5.6 (`2024-01-24T10:00:00.000Z`, `2024-01-24T12:00:00+02:00`), with
    /// an upper-case `T` between date and time, an upper-case `Z` for UTC, a time zone always
    /// present, a day that exists in its month, and no leap second (`:60`). The values checked:
    /// `current_release_date`, `initial_release_date`, `generator/date` and every revision `date` of
    /// `/document/tracking`, and in each vulnerability `disclosure_date`, `discovery_date`, the
    /// `date` and `exploitation_date` of `first_known_exploitation_dates`, the `date` of flags,
    /// involvements, remediations and threats, and the `timestamp` of EPSS and SSVC metrics.
    ///
    /// ## Why
    /// Tools compare these timestamps with each other; a value without time zone, with a space as
    /// separator or with a leap second is read differently, or not at all, by common libraries.
    ///
    /// ## Invalid
    /// ```json
    /// "current_release_date": "2024-01-24 10:00:00.000Z"
    /// ```
    /// ## Valid
    /// ```json
    /// "current_release_date": "2024-01-24T10:00:00.000Z"
    /// ```
    DateAndTime, id = "6.1.37", name = "date-and-time", group = Mandatory,
    summary = "a date-time value breaks the date and time rules of CSAF 2.1 (RFC 3339, `T`, `Z`, no leap second)",
    since = "2.1",
}

/// The members typed `date-time` by the CSAF 2.1 schema (and the SSVC selection list it references),
/// as paths of keys; `*` stands for every item of an array.
const PATHS: &[&[&str]] = &[
    &["document", "tracking", "current_release_date"],
    &["document", "tracking", "generator", "date"],
    &["document", "tracking", "initial_release_date"],
    &["document", "tracking", "revision_history", "*", "date"],
    &["vulnerabilities", "*", "disclosure_date"],
    &["vulnerabilities", "*", "discovery_date"],
    &[
        "vulnerabilities",
        "*",
        "first_known_exploitation_dates",
        "*",
        "date",
    ],
    &[
        "vulnerabilities",
        "*",
        "first_known_exploitation_dates",
        "*",
        "exploitation_date",
    ],
    &["vulnerabilities", "*", "flags", "*", "date"],
    &["vulnerabilities", "*", "involvements", "*", "date"],
    &[
        "vulnerabilities",
        "*",
        "metrics",
        "*",
        "content",
        "epss",
        "timestamp",
    ],
    &[
        "vulnerabilities",
        "*",
        "metrics",
        "*",
        "content",
        "ssvc_v2",
        "timestamp",
    ],
    &["vulnerabilities", "*", "remediations", "*", "date"],
    &["vulnerabilities", "*", "threats", "*", "date"],
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    let mut found = Vec::new();
    for path in PATHS {
        collect(raw, path, String::new(), &mut found);
    }
    for (pointer, text) in found {
        if let Err(problem) = check_date_time(text) {
            out.push(
                Finding::new(
                    META.id,
                    pointer,
                    format!("the date-time `{text}` {problem}"),
                )
                .help("write RFC 3339 date-times such as `2024-01-24T10:00:00.000Z` or `2024-01-24T12:00:00+02:00`"),
            );
        }
    }
}

/// Collects every string at `path` below `value` with its JSON pointer.
fn collect<'v>(value: &'v Value, path: &[&str], pointer: String, found: &mut Vec<(String, &'v str)>) {
    let Some((first, rest)) = path.split_first() else {
        if let Value::String(s) = value {
            found.push((pointer, s));
        }
        return;
    };
    if *first == "*" {
        if let Value::Array(items) = value {
            for (i, item) in items.iter().enumerate() {
                collect(item, rest, format!("{pointer}/{i}"), found);
            }
        }
    } else if let Some(child) = value.get(*first) {
        collect(child, rest, format!("{pointer}/{first}"), found);
    }
}

/// Checks `s` against RFC 3339 `date-time` and the CSAF 2.1 rules; `Err` says what is wrong.
pub(crate) fn check_date_time(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    let digits = |at: usize, n: usize| -> Option<u32> {
        let part = b.get(at..at + n)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let malformed = || Err("does not have the form `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`".to_owned());
    // full-date
    let (Some(year), Some(month), Some(day)) = (digits(0, 4), digits(5, 2), digits(8, 2)) else {
        return malformed();
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return malformed();
    }
    match b.get(10) {
        Some(b'T') => {}
        Some(b't') => return Err("uses a lower-case `t` between date and time instead of `T`".to_owned()),
        Some(b' ') => return Err("uses a space between date and time instead of `T`".to_owned()),
        None => return Err("has no time (and no time zone)".to_owned()),
        Some(_) => return malformed(),
    }
    // partial-time
    let (Some(hour), Some(minute), Some(second)) = (digits(11, 2), digits(14, 2), digits(17, 2)) else {
        return malformed();
    };
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
        return malformed();
    }
    let mut at = 19;
    if b.get(at) == Some(&b'.') {
        let start = at + 1;
        at = start;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            return Err("has a `.` without fraction digits".to_owned());
        }
    }
    // time-offset
    match b.get(at) {
        Some(b'Z') if at + 1 == b.len() => {}
        Some(b'z') if at + 1 == b.len() => {
            return Err("uses a lower-case `z` for UTC instead of `Z`".to_owned())
        }
        Some(b'+' | b'-') => {
            let (Some(oh), Some(om)) = (digits(at + 1, 2), digits(at + 4, 2)) else {
                return Err("has a malformed time zone offset (expected `±hh:mm`)".to_owned());
            };
            if b.get(at + 3) != Some(&b':') || at + 6 != b.len() {
                return Err("has a malformed time zone offset (expected `±hh:mm`)".to_owned());
            }
            if oh > 23 || om > 59 {
                return Err(format!(
                    "has the time zone offset `{}`, which is out of range",
                    &s[at..]
                ));
            }
        }
        None => return Err("has no time zone (append `Z` or an offset such as `+01:00`)".to_owned()),
        Some(_) => return malformed(),
    }
    // ranges
    if !(1..=12).contains(&month) {
        return Err(format!("has the month `{month:02}`, which does not exist"));
    }
    let leap_year = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap_year => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(format!(
            "has the day `{year:04}-{month:02}-{day:02}`, which does not exist"
        ));
    }
    if hour > 23 {
        return Err(format!("has the hour `{hour:02}`, which is out of range"));
    }
    if minute > 59 {
        return Err(format!("has the minute `{minute:02}`, which is out of range"));
    }
    if second == 60 {
        return Err("has a leap second (`:60`), which CSAF 2.1 prohibits".to_owned());
    }
    if second > 60 {
        return Err(format!("has the second `{second:02}`, which is out of range"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_date_time as dt;

    #[test]
    fn accepts_rfc_3339() {
        for s in [
            "2024-01-24T10:00:00.000Z",
            "2024-01-24T10:00:00Z",
            "2016-12-31T00:00:59.999999-23:59",
            "2016-12-31T23:59:59.9999999999+00:00",
            "2020-02-29T03:14:58+00:00",
            "2000-02-29T02:14:58+03:00",
            "2024-01-24T10:00:00-00:00",
        ] {
            assert_eq!(dt(s), Ok(()), "{s}");
        }
    }

    #[test]
    fn rejects_what_csaf_2_1_prohibits() {
        for s in [
            "2024-01-24 10:00:00.000Z",
            "2024-01-24t10:00:00.000Z",
            "2024-01-24T10:00:00.000z",
            "2024-01-24T10:00:00.000",
            "2024-01-24T10:00:00.000+00:10:21",
            "2024-01-24",
            "2014-13-31T00:00:00+01:00",
            "2023-04-31T00:00:00+01:00",
            "2023-02-29T00:00:00+01:00",
            "1900-02-29T00:00:00+01:00",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5+00:00",
            "2024-01-24T24:00:00Z",
            "2024-01-24T10:00:00.Z",
            "2024-01-24T10:00:00+24:00",
            "2024-1-24T10:00:00Z",
            "",
        ] {
            assert!(dt(s).is_err(), "{s}");
        }
    }
}
