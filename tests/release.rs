//! The release checks (`CL1xx`, contract §2 and §5) end to end, with the built binary: the
//! `vendor-release` preset raises `remediation-date-missing`, `vulnerability-without-affected-products`
//! and `affected-product-without-fix` to errors (they are warnings otherwise), `--fail-on error` turns
//! them into exit code 1, and a `csaflint.toml` found from the current directory can ignore one.
//!
//! The two test documents say the same in CSAF 2.0 and CVRF 1.2. They are built from the real Cisco
//! advisories cisco-sa-webex-multimedia-26DpqVRO (CVE-2021-1517) and cisco-sa-webex-VObwRKWV
//! (CVE-2021-1420), as in `tests/fixtures/CL1*/`, with three defects:
//! - the vendor fix of Cisco WebEx Meetings Server has no date (`remediation-date-missing`);
//! - Cisco Webex Meetings Desktop App is left with only "There are no workarounds" (`none_available`,
//!   CVRF `None Available`: `affected-product-without-fix`);
//! - CVE-2021-1420 lists the cloud service Cisco Webex Meetings as fixed, and no product as affected
//!   (`vulnerability-without-affected-products`).

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_csaflint");

/// The three checks that `vendor-release` raises to errors, by name.
const RAISED: [&str; 3] = [
    "affected-product-without-fix",
    "remediation-date-missing",
    "vulnerability-without-affected-products",
];

/// The CSAF 2.0 document (pretty-printed, sorted keys).
const CSAF: &str = r#"{
  "document": {
    "category": "csaf_security_advisory",
    "csaf_version": "2.0",
    "distribution": {
      "tlp": {
        "label": "WHITE"
      }
    },
    "lang": "en",
    "notes": [
      {
        "category": "summary",
        "text": "A vulnerability in the multimedia viewer feature of Cisco Webex Meetings and Cisco Webex Meetings Server could allow an authenticated, remote attacker to bypass security protections.",
        "title": "Summary"
      }
    ],
    "publisher": {
      "category": "vendor",
      "contact_details": "Email: psirt@cisco.com",
      "name": "Cisco PSIRT",
      "namespace": "https://www.cisco.com"
    },
    "references": [
      {
        "category": "self",
        "summary": "Cisco Webex Meetings and Webex Meetings Server Multimedia Sharing Security Bypass Vulnerability",
        "url": "https://tools.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-webex-multimedia-26DpqVRO"
      }
    ],
    "title": "Cisco Webex Meetings and Webex Meetings Server Multimedia Sharing Security Bypass Vulnerability",
    "tracking": {
      "current_release_date": "2021-06-02T16:00:00Z",
      "id": "cisco-sa-webex-multimedia-26DpqVRO",
      "initial_release_date": "2021-06-02T16:00:00Z",
      "revision_history": [
        {
          "date": "2021-06-02T16:00:00Z",
          "number": "1",
          "summary": "Initial public release."
        }
      ],
      "status": "final",
      "version": "1"
    }
  },
  "product_tree": {
    "branches": [
      {
        "branches": [
          {
            "category": "product_name",
            "name": "Cisco WebEx Meetings Server",
            "product": {
              "name": "Cisco WebEx Meetings Server",
              "product_id": "CVRFPID-190702"
            }
          },
          {
            "category": "product_name",
            "name": "Cisco Webex Meetings Desktop App",
            "product": {
              "name": "Cisco Webex Meetings Desktop App",
              "product_id": "CVRFPID-279336"
            }
          },
          {
            "category": "product_name",
            "name": "Cisco Webex Meetings",
            "product": {
              "name": "Cisco Webex Meetings",
              "product_id": "CVRFPID-228295"
            }
          }
        ],
        "category": "vendor",
        "name": "Cisco"
      }
    ]
  },
  "vulnerabilities": [
    {
      "cve": "CVE-2021-1517",
      "notes": [
        {
          "category": "summary",
          "text": "This vulnerability is due to unsafe handling of shared content within the multimedia viewer feature.",
          "title": "Summary"
        }
      ],
      "product_status": {
        "known_affected": [
          "CVRFPID-279336",
          "CVRFPID-190702"
        ]
      },
      "remediations": [
        {
          "category": "vendor_fix",
          "details": "At the time of publication, Cisco Webex Meetings Server releases 3.0 MR4 and 4.0 MR4 contained the fix for this vulnerability.",
          "product_ids": [
            "CVRFPID-190702"
          ]
        },
        {
          "category": "none_available",
          "details": "There are no workarounds that address this vulnerability.",
          "product_ids": [
            "CVRFPID-279336"
          ]
        }
      ],
      "scores": [
        {
          "cvss_v3": {
            "baseScore": 5.0,
            "baseSeverity": "MEDIUM",
            "vectorString": "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:N/I:L/A:N",
            "version": "3.1"
          },
          "products": [
            "CVRFPID-279336",
            "CVRFPID-190702"
          ]
        }
      ],
      "title": "Cisco Webex Meetings and Webex Meetings Server Multimedia Sharing Security Bypass Vulnerability"
    },
    {
      "cve": "CVE-2021-1420",
      "notes": [
        {
          "category": "summary",
          "text": "A vulnerability in certain web pages of Cisco Webex Meetings could allow an unauthenticated, remote attacker to modify a web page in the context of a user's browser.",
          "title": "Summary"
        }
      ],
      "product_status": {
        "fixed": [
          "CVRFPID-228295"
        ]
      },
      "remediations": [
        {
          "category": "vendor_fix",
          "date": "2021-04-07T16:00:00Z",
          "details": "Cisco has addressed this vulnerability in Cisco Webex Meetings, which is cloud based. No user action is required.",
          "product_ids": [
            "CVRFPID-228295"
          ]
        }
      ],
      "title": "Cisco Webex Meetings HTML Injection Vulnerability"
    }
  ]
}
"#;

/// The same advisory in CVRF 1.2.
const CVRF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf"
         xmlns:prod="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod"
         xmlns:vuln="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln">
  <DocumentTitle>Cisco Webex Meetings and Webex Meetings Server Multimedia Sharing Security Bypass Vulnerability</DocumentTitle>
  <DocumentType>Cisco Security Advisory</DocumentType>
  <DocumentPublisher Type="Vendor">
    <ContactDetails>Email: psirt@cisco.com</ContactDetails>
  </DocumentPublisher>
  <DocumentTracking>
    <Identification>
      <ID>cisco-sa-webex-multimedia-26DpqVRO</ID>
    </Identification>
    <Status>Final</Status>
    <Version>1.0</Version>
    <RevisionHistory>
      <Revision>
        <Number>1.0</Number>
        <Date>2021-06-02T15:32:23</Date>
        <Description>Initial public release.</Description>
      </Revision>
    </RevisionHistory>
    <InitialReleaseDate>2021-06-02T16:00:00</InitialReleaseDate>
    <CurrentReleaseDate>2021-06-02T16:00:00</CurrentReleaseDate>
    <Generator>
      <Engine>TVCE</Engine>
    </Generator>
  </DocumentTracking>
  <DocumentNotes>
    <Note Title="Summary" Type="Summary" Ordinal="1">A vulnerability in the multimedia viewer feature of Cisco Webex Meetings and Cisco Webex Meetings Server could allow an authenticated, remote attacker to bypass security protections.</Note>
    <Note Title="Vulnerable Products" Type="General" Ordinal="2">This vulnerability affects Cisco Webex Meetings, which is cloud based. At the time of publication, this vulnerability also affected Cisco Webex Meetings Server releases earlier than Release 3.0 MR4 and Release 4.0 MR4.</Note>
    <Note Title="Workarounds" Type="General" Ordinal="3">There are no workarounds that address this vulnerability.</Note>
  </DocumentNotes>
  <DocumentReferences>
    <Reference Type="Self">
      <URL>https://tools.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-webex-multimedia-26DpqVRO</URL>
      <Description>Cisco Webex Meetings and Webex Meetings Server Multimedia Sharing Security Bypass Vulnerability</Description>
    </Reference>
  </DocumentReferences>
  <prod:ProductTree>
    <prod:Branch Name="Cisco" Type="Vendor">
      <prod:Branch Name="Cisco WebEx Meetings Server" Type="Product Name">
        <prod:FullProductName ProductID="CVRFPID-190702">Cisco WebEx Meetings Server</prod:FullProductName>
      </prod:Branch>
      <prod:Branch Name="Cisco Webex Meetings Desktop App" Type="Product Name">
        <prod:FullProductName ProductID="CVRFPID-279336">Cisco Webex Meetings Desktop App</prod:FullProductName>
      </prod:Branch>
      <prod:Branch Name="Cisco Webex Meetings" Type="Product Name">
        <prod:FullProductName ProductID="CVRFPID-228295">Cisco Webex Meetings</prod:FullProductName>
      </prod:Branch>
    </prod:Branch>
  </prod:ProductTree>
  <vuln:Vulnerability Ordinal="1">
    <vuln:Title>vuln-CVE-2021-1517</vuln:Title>
    <vuln:ID SystemName="Cisco Bug ID">CSCvx80691</vuln:ID>
    <vuln:Notes>
      <vuln:Note Title="Cisco Bug IDs" Type="Other" Ordinal="1">CSCvx80691,CSCvx82557</vuln:Note>
    </vuln:Notes>
    <vuln:CVE>CVE-2021-1517</vuln:CVE>
    <vuln:ProductStatuses>
      <vuln:Status Type="Known Affected">
        <vuln:ProductID>CVRFPID-279336</vuln:ProductID>
        <vuln:ProductID>CVRFPID-190702</vuln:ProductID>
      </vuln:Status>
    </vuln:ProductStatuses>
    <vuln:CVSSScoreSets>
      <vuln:ScoreSetV3>
        <vuln:BaseScoreV3>5.0</vuln:BaseScoreV3>
        <vuln:VectorV3>CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:N/I:L/A:N</vuln:VectorV3>
        <vuln:ProductID>CVRFPID-190702</vuln:ProductID>
        <vuln:ProductID>CVRFPID-279336</vuln:ProductID>
      </vuln:ScoreSetV3>
    </vuln:CVSSScoreSets>
    <vuln:Remediations>
      <vuln:Remediation Type="Vendor Fix">
        <vuln:Description>At the time of publication, Cisco Webex Meetings Server releases 3.0 MR4 and 4.0 MR4 contained the fix for this vulnerability.</vuln:Description>
        <vuln:ProductID>CVRFPID-190702</vuln:ProductID>
      </vuln:Remediation>
      <vuln:Remediation Type="None Available">
        <vuln:Description>There are no workarounds that address this vulnerability.</vuln:Description>
        <vuln:ProductID>CVRFPID-279336</vuln:ProductID>
      </vuln:Remediation>
    </vuln:Remediations>
    <vuln:References>
      <vuln:Reference Type="Self">
        <vuln:URL>https://tools.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-webex-multimedia-26DpqVRO</vuln:URL>
        <vuln:Description>Cisco Webex Meetings and Webex Meetings Server Multimedia Sharing Security Bypass Vulnerability</vuln:Description>
      </vuln:Reference>
    </vuln:References>
  </vuln:Vulnerability>
  <vuln:Vulnerability Ordinal="2">
    <vuln:Title>vuln-CVE-2021-1420</vuln:Title>
    <vuln:ID SystemName="Cisco Bug ID">CSCvx12050</vuln:ID>
    <vuln:Notes>
      <vuln:Note Title="Cisco Bug IDs" Type="Other" Ordinal="1">CSCvx12050</vuln:Note>
    </vuln:Notes>
    <vuln:CVE>CVE-2021-1420</vuln:CVE>
    <vuln:ProductStatuses>
      <vuln:Status Type="Fixed">
        <vuln:ProductID>CVRFPID-228295</vuln:ProductID>
      </vuln:Status>
    </vuln:ProductStatuses>
    <vuln:Remediations>
      <vuln:Remediation Type="Vendor Fix" Date="2021-04-07T16:00:00">
        <vuln:Description>Cisco has addressed this vulnerability in Cisco Webex Meetings, which is cloud based. No user action is required.</vuln:Description>
        <vuln:ProductID>CVRFPID-228295</vuln:ProductID>
      </vuln:Remediation>
    </vuln:Remediations>
  </vuln:Vulnerability>
</cvrfdoc>
"#;

/// Where each raised check reports in [`CSAF`] and [`CVRF`]: (name, pointer, line, column, the text
/// found at that position).
const CSAF_EXPECTED: [(&str, &str, u64, u64, &str); 3] = [
    (
        "affected-product-without-fix",
        "/vulnerabilities/0/product_status/known_affected/0",
        93,
        11,
        "\"CVRFPID-279336\"",
    ),
    (
        "remediation-date-missing",
        "/vulnerabilities/0/remediations/0",
        98,
        9,
        "{",
    ),
    (
        "vulnerability-without-affected-products",
        "/vulnerabilities/1",
        129,
        5,
        "{",
    ),
];
const CVRF_EXPECTED: [(&str, &str, u64, u64, &str); 3] = [
    (
        "affected-product-without-fix",
        "/cvrfdoc/Vulnerability[1]/ProductStatuses/Status[1]/ProductID[1]",
        62,
        9,
        "<vuln:ProductID>CVRFPID-279336</vuln:ProductID>",
    ),
    (
        "remediation-date-missing",
        "/cvrfdoc/Vulnerability[1]/Remediations/Remediation[1]",
        75,
        7,
        "<vuln:Remediation Type=\"Vendor Fix\">",
    ),
    (
        "vulnerability-without-affected-products",
        "/cvrfdoc/Vulnerability[2]",
        91,
        3,
        "<vuln:Vulnerability Ordinal=\"2\">",
    ),
];

/// A temporary directory holding `release.json` ([`CSAF`]) and `release.xml` ([`CVRF`]).
fn documents() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("release.json"), CSAF).unwrap();
    std::fs::write(dir.path().join("release.xml"), CVRF).unwrap();
    dir
}

/// A fixture of `tests/fixtures`, by its path there.
fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// Runs the binary in `dir` (where it looks for `csaflint.toml`).
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).args(args).current_dir(dir).output().unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("the binary was killed")
}

/// The documents of `--format jsonl` output, one per line.
fn documents_of(output: &Output) -> Vec<Value> {
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(
        !stdout.trim().is_empty(),
        "no output; stderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The one document of `output` whose `path` is `path`.
fn document<'a>(docs: &'a [Value], path: &str) -> &'a Value {
    let found: Vec<&Value> = docs.iter().filter(|d| d["path"] == path).collect();
    assert_eq!(found.len(), 1, "expected one document `{path}` in {docs:#?}");
    found[0]
}

fn diagnostics(doc: &Value) -> &Vec<Value> {
    doc["diagnostics"].as_array().expect("`diagnostics` is an array")
}

/// The diagnostics of the release checks (`CL1xx`).
fn release_checks(doc: &Value) -> Vec<&Value> {
    diagnostics(doc)
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("CL1"))
        .collect()
}

fn names<'a>(diags: impl IntoIterator<Item = &'a Value>) -> BTreeSet<&'a str> {
    diags.into_iter().map(|d| d["name"].as_str().unwrap()).collect()
}

/// The text of `text` at the 1-based `line` and `column` (in code points).
fn at(text: &str, line: u64, column: u64) -> String {
    let line = text.lines().nth(line as usize - 1).expect("the line exists");
    line.chars().skip(column as usize - 1).collect()
}

/// Checks that `doc` reports exactly the three raised checks among the `CL1xx`, once each, at
/// `severity`, at the expected places of `text`.
fn assert_raised(doc: &Value, text: &str, expected: &[(&str, &str, u64, u64, &str); 3], severity: &str) {
    let release = release_checks(doc);
    assert_eq!(
        release.len(),
        3,
        "{}: expected one finding of each raised check: {release:#?}",
        doc["path"]
    );
    assert_eq!(
        names(release.iter().copied()),
        BTreeSet::from(RAISED),
        "{}",
        doc["path"]
    );
    for (name, pointer, line, column, found) in expected {
        let d = release.iter().find(|d| d["name"] == *name).unwrap();
        assert_eq!(d["severity"], *severity, "{}: {d}", doc["path"]);
        let (l, c) = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
        assert!(l >= 1 && c >= 1, "{}: {d}", doc["path"]);
        assert_eq!(d["pointer"], *pointer, "{}: {d}", doc["path"]);
        assert_eq!((l, c), (*line, *column), "{}: {d}", doc["path"]);
        assert!(
            at(text, l, c).starts_with(found),
            "{}: {name} points at `{}`, expected `{found}`",
            doc["path"],
            at(text, l, c)
        );
    }
}

#[test]
fn vendor_release_reports_the_raised_checks_as_errors() {
    let dir = documents();
    let out = run(
        dir.path(),
        &[
            "validate",
            "--no-config",
            "--preset",
            "vendor-release",
            "--format",
            "jsonl",
            "release.json",
            "release.xml",
        ],
    );
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    let docs = documents_of(&out);
    assert_eq!(docs.len(), 2);
    for (path, format, text, expected) in [
        ("release.json", "csaf", CSAF, &CSAF_EXPECTED),
        ("release.xml", "cvrf", CVRF, &CVRF_EXPECTED),
    ] {
        let doc = document(&docs, path);
        assert_eq!(doc["format"], format);
        assert_eq!(doc["valid"], false);
        assert_raised(doc, text, expected, "error");
        // the three are the only errors: the documents are otherwise fine
        let errors = names(diagnostics(doc).iter().filter(|d| d["severity"] == "error"));
        assert_eq!(errors, BTreeSet::from(RAISED), "{path}: {doc:#}");
    }
}

#[test]
fn full_preset_with_release_checks_reports_them_as_warnings() {
    let dir = documents();
    let out = run(
        dir.path(),
        &[
            "validate",
            "--no-config",
            "--preset",
            "full",
            "--extend-select",
            "CL1",
            "--format",
            "jsonl",
            "release.json",
            "release.xml",
        ],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let docs = documents_of(&out);
    for (path, text, expected) in [
        ("release.json", CSAF, &CSAF_EXPECTED),
        ("release.xml", CVRF, &CVRF_EXPECTED),
    ] {
        let doc = document(&docs, path);
        assert_eq!(doc["valid"], true, "{path}: {doc:#}");
        assert_raised(doc, text, expected, "warning");
        assert!(
            diagnostics(doc).iter().all(|d| d["severity"] != "error"),
            "{path}: {doc:#}"
        );
    }
}

#[test]
fn full_preset_alone_runs_no_release_check() {
    let dir = documents();
    let out = run(
        dir.path(),
        &[
            "validate",
            "--no-config",
            "--format",
            "jsonl",
            "release.json",
            "release.xml",
        ],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    for doc in documents_of(&out) {
        assert!(release_checks(&doc).is_empty(), "{doc:#}");
    }
}

#[test]
fn vendor_release_fails_on_the_defects_and_passes_clean_advisories() {
    let dir = documents();
    let args = [
        "validate",
        "--no-config",
        "--preset",
        "vendor-release",
        "--fail-on",
        "error",
    ];
    for path in ["release.json", "release.xml"] {
        let out = run(dir.path(), &[&args[..], &[path]].concat());
        assert_eq!(code(&out), 1, "{path}: {}", String::from_utf8_lossy(&out.stdout));
    }
    // the same advisories repaired (tests/fixtures/CL1*/valid), and a VEX document, which the release
    // checks leave alone (contract §5)
    for clean in [
        "CL101/valid/11-vendor-fix-with-date.json",
        "CL101/valid/12-vex-without-remediation-dates.json",
        "CL101/valid/13-cvrf-dated-vendor-fixes.xml",
        "CL104/valid/13-cvrf-vendor-fix-besides-none-available.xml",
    ] {
        let path = fixture(clean);
        let out = run(dir.path(), &[&args[..], &[path.to_str().unwrap()]].concat());
        assert_eq!(code(&out), 0, "{clean}: {}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn config_file_in_the_current_directory_ignores_a_release_check() {
    let dir = documents();
    std::fs::write(
        dir.path().join("csaflint.toml"),
        "[rules]\nignore = [\"remediation-date-missing\"]\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "validate",
            "--preset",
            "vendor-release",
            "--format",
            "jsonl",
            "release.json",
            "release.xml",
        ],
    );
    // the other two are still errors
    assert_eq!(code(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    let docs = documents_of(&out);
    for path in ["release.json", "release.xml"] {
        let doc = document(&docs, path);
        let release = release_checks(doc);
        assert_eq!(
            names(release.iter().copied()),
            BTreeSet::from([
                "affected-product-without-fix",
                "vulnerability-without-affected-products"
            ]),
            "{path}: {doc:#}"
        );
        assert!(
            release.iter().all(|d| d["severity"] == "error"),
            "{path}: {doc:#}"
        );
    }
}
