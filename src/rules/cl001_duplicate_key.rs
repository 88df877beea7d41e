use super::{Context, Group, Rule, RuleMeta};
use crate::diag::{Finding, Severity};

/// `CL001 duplicate-key`.
pub struct DuplicateKeyRule;

static META: RuleMeta = RuleMeta {
    id: "CL001",
    name: "duplicate-key",
    group: Group::Lint,
    severity: Severity::Error,
    summary: "a JSON object has the same key more than once",
    docs: "## What it checks\n\
A key occurs more than once in one JSON object.\n\n\
## Why\n\
RFC 8259 says the names within an object SHOULD be unique; readers disagree on which value wins \
(most keep the last, some the first, some refuse the document), so two tools can read two different \
advisories from the same file. The JSON schema cannot see this: parsers drop the earlier value before \
validation.\n\n\
## Invalid\n\
```json\n{\"document\": {\"title\": \"Old title\", \"title\": \"New title\"}}\n```\n\n\
## Valid\n\
```json\n{\"document\": {\"title\": \"New title\"}}\n```\n",
    url: Some("https://www.rfc-editor.org/rfc/rfc8259#section-4"),
    network: false,
    csaf21_only: false,
};

impl Rule for DuplicateKeyRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for d in cx.duplicate_keys {
            out.push(
                Finding::new(
                    META.id,
                    &d.pointer,
                    format!(
                        "key `{}` occurs {} times in this object; only the last value is used",
                        d.key, d.count
                    ),
                )
                .help("remove the duplicates, keeping the value you mean"),
            );
        }
    }
}
