use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no two involvements have the same `party` at the same `date`,
    /// whatever their `status`. Dates are compared as points in time, so `10:00Z` and `12:00+02:00`
    /// are the same date.
    ///
    /// ## Why
    /// A party cannot be in two states at one moment.
    ///
    /// ## Invalid
    /// ```json
    /// "involvements": [{"date": "2021-04-23T10:00:00.000Z", "party": "vendor", "status": "completed"},
    ///                  {"date": "2021-04-23T10:00:00.000Z", "party": "vendor", "status": "in_progress"}]
    /// ```
    /// ## Valid
    /// The same with different dates.
    MultipleDefinitionInInvolvements, id = "6.1.24", name = "multiple-definition-in-involvements", group = Mandatory,
    summary = "an involvement party is listed twice at the same date",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let inv = &vuln.involvements;
        for (j, b) in inv.iter().enumerate() {
            let Some(b_date) = &b.date else { continue };
            let Some(b_party) = &b.party else { continue };
            let earlier = inv[..j].iter().position(|a| {
                a.party.as_ref() == Some(b_party)
                    && a.date
                        .as_ref()
                        .is_some_and(|a_date| match (a_date.value, b_date.value) {
                            (Some(x), Some(y)) => x == y,
                            _ => a_date.raw == b_date.raw,
                        })
            });
            if let Some(i) = earlier {
                out.push(Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/involvements/{j}"),
                    format!(
                        "party `{b_party}` already has an involvement at `{}` (`/vulnerabilities/{v}/involvements/{i}`)",
                        b_date.raw
                    ),
                ));
            }
        }
    }
}
