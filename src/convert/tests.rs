//! Unit tests of the converter on small documents.

use super::*;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf"
  xmlns:prod="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod"
  xmlns:vuln="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln">
  <DocumentTitle xml:lang="en">Example</DocumentTitle>
  <DocumentType>Security Advisory</DocumentType>
  <DocumentPublisher Type="Vendor">
    <ContactDetails>psirt@example.com</ContactDetails>
    <IssuingAuthority>Example PSIRT</IssuingAuthority>
  </DocumentPublisher>
  <DocumentTracking>
    <Identification><ID>
      EX-2024-1</ID></Identification>
    <Status>Final</Status>
    <Version>1.1</Version>
    <RevisionHistory>
      <Revision><Number>1.1</Number><Date>2024-01-03T00:00:00</Date><Description>Second</Description></Revision>
      <Revision><Number>1.0</Number><Date>2024-01-02T00:00:00Z</Date><Description>First</Description></Revision>
    </RevisionHistory>
    <InitialReleaseDate>2024-01-02T00:00:00Z</InitialReleaseDate>
    <CurrentReleaseDate>2024-01-03T00:00:00Z</CurrentReleaseDate>
    <Generator><Engine>TVCE</Engine></Generator>
  </DocumentTracking>
  <DocumentNotes><Note Type="Summary" Ordinal="1">A summary.</Note></DocumentNotes>
"#;

fn options() -> Options {
    Options {
        generator_date: Some(DateTime::parse_from_rfc3339("2024-05-06T07:08:09Z").unwrap()),
        ..Options::default()
    }
}

fn doc(body: &str) -> String {
    format!("{HEAD}{body}</cvrfdoc>\n")
}

fn messages(c: &Conversion) -> String {
    c.messages
        .iter()
        .chain(&c.validation)
        .map(|m| m.render("t.xml"))
        .collect::<Vec<_>>()
        .join("\n")
}

const TREE: &str = r#"
  <prod:ProductTree>
    <prod:Branch Type="Vendor" Name="Example">
      <prod:Branch Type="Realm" Name="Cloud">
        <prod:FullProductName ProductID="P1" CPE="cpe:/a:example:cloud:1">Example Cloud 1</prod:FullProductName>
      </prod:Branch>
      <prod:Branch Type="Product Name" Name="Box">
        <prod:FullProductName ProductID="P2" CPE="not a cpe">Example Box</prod:FullProductName>
      </prod:Branch>
    </prod:Branch>
    <prod:Relationship ProductReference="P1" RelationType="Installed On" RelatesToProductReference="P2">
      <prod:FullProductName ProductID="P3">Cloud on Box</prod:FullProductName>
      <prod:FullProductName ProductID="P4">Cloud on Box (again)</prod:FullProductName>
    </prod:Relationship>
  </prod:ProductTree>
"#;

const VULN: &str = r#"
  <vuln:Vulnerability Ordinal="1">
    <vuln:Notes><vuln:Note Type="Details" Ordinal="1">Details.</vuln:Note></vuln:Notes>
    <vuln:CVE>CVE-2024-0001</vuln:CVE>
    <vuln:CWE ID="CWE-79">wrong name</vuln:CWE>
    <vuln:ProductStatuses>
      <vuln:Status Type="Known Affected"><vuln:ProductID>P1</vuln:ProductID><vuln:ProductID>P3</vuln:ProductID></vuln:Status>
      <vuln:Status Type="Fixed"><vuln:ProductID>P2</vuln:ProductID></vuln:Status>
    </vuln:ProductStatuses>
    <vuln:CVSSScoreSets>
      <vuln:ScoreSetV3><vuln:BaseScoreV3>7.5</vuln:BaseScoreV3><vuln:VectorV3>CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H</vuln:VectorV3></vuln:ScoreSetV3>
      <vuln:ScoreSetV3><vuln:BaseScoreV3>7.5</vuln:BaseScoreV3><vuln:VectorV3>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H</vuln:VectorV3><vuln:ProductID>P1</vuln:ProductID></vuln:ScoreSetV3>
    </vuln:CVSSScoreSets>
    <vuln:Remediations>
      <vuln:Remediation Type="Vendor Fix" Date="2024-01-05T10:00:00Z"><vuln:Description>Update.</vuln:Description><vuln:SubType>x</vuln:SubType></vuln:Remediation>
      <vuln:Remediation Type="Will Not Fix"><vuln:Description>No.</vuln:Description><vuln:ProductID>P3</vuln:ProductID></vuln:Remediation>
    </vuln:Remediations>
  </vuln:Vulnerability>
"#;

#[test]
fn a_full_document_converts_and_validates() {
    let c = convert(&doc(&format!("{TREE}{VULN}")), &options()).unwrap();
    let all = messages(&c);
    assert!(c.is_clean(), "{all}");
    let j = &c.json;
    let d = &j["document"];
    assert_eq!(d["csaf_version"], "2.0");
    assert_eq!(d["category"], "csaf_security_advisory", "{all}");
    assert_eq!(d["lang"], "en");
    assert_eq!(d["publisher"]["name"], "Example PSIRT");
    assert_eq!(d["publisher"]["namespace"], "https://example.com");
    assert_eq!(d["publisher"]["category"], "vendor");
    let t = &d["tracking"];
    assert_eq!(t["id"], "EX-2024-1");
    assert_eq!(t["status"], "final");
    assert_eq!(t["version"], "2");
    assert_eq!(t["revision_history"][0]["number"], "1");
    assert_eq!(t["revision_history"][0]["legacy_version"], "1.0");
    assert_eq!(t["revision_history"][1]["legacy_version"], "1.1");
    assert_eq!(t["revision_history"][1]["date"], "2024-01-03T00:00:00Z");
    assert_eq!(t["generator"]["engine"]["name"], "csaflint");
    assert_eq!(t["generator"]["date"], "2024-05-06T07:08:09Z");
    let pt = &j["product_tree"];
    assert_eq!(pt["branches"][0]["branches"][0]["category"], "product_name");
    assert_eq!(
        pt["branches"][0]["branches"][0]["product"]["product_identification_helper"]["cpe"],
        "cpe:/a:example:cloud:1"
    );
    assert!(pt["branches"][0]["branches"][1]["product"]
        .get("product_identification_helper")
        .is_none());
    assert_eq!(pt["relationships"].as_array().unwrap().len(), 2);
    assert_eq!(pt["relationships"][1]["full_product_name"]["product_id"], "P4");
    let v = &j["vulnerabilities"][0];
    assert_eq!(
        v["cwe"]["name"],
        crate::cwe::lookup("CWE-79", Some("4.13")).name().unwrap()
    );
    // the v3.0 score loses P1 to the v3.1 one, keeps P3
    assert_eq!(v["scores"][0]["products"], serde_json::json!(["P3"]));
    assert_eq!(v["scores"][0]["cvss_v3"]["baseSeverity"], "HIGH");
    assert_eq!(v["remediations"][0]["date"], "2024-01-05T10:00:00Z");
    assert_eq!(
        v["remediations"][0]["product_ids"],
        serde_json::json!(["P1", "P3"])
    );
    assert_eq!(v["remediations"][1]["category"], "no_fix_planned");
    for expected in [
        "branch type `Realm` does not exist in CSAF",
        "`not a cpe` of `P2` is not a valid CPE",
        "split into 2 relationships",
        "tracking ID `\\n      EX-2024-1` was changed to `EX-2024-1`",
        "renumbered",
        "`wrong name` is not a name of `CWE-79`",
        "Remediation/SubType` is not part of CVRF",
        "v3.0 score is discarded",
        "CVRF generator (`TVCE`) is replaced",
        "has no time zone",
    ] {
        assert!(all.contains(expected), "missing `{expected}` in:\n{all}");
    }
    // keys are sorted
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // warnings are located in the source
    let realm = c.messages.iter().find(|m| m.message.contains("Realm")).unwrap();
    assert_eq!(realm.path, "/cvrfdoc/ProductTree/Branch[1]/Branch[1]/@Type");
    assert_eq!((realm.line, realm.column), (28, 20));
}

#[test]
fn publisher_data_is_never_invented_without_force() {
    let body = doc(VULN).replace(
        "<ContactDetails>psirt@example.com</ContactDetails>\n    <IssuingAuthority>Example PSIRT</IssuingAuthority>",
        "",
    );
    let c = convert(&body, &options()).unwrap();
    assert!(c.conversion_errors() >= 2, "{}", messages(&c));
    assert!(messages(&c).contains("give `--publisher-name`"));
    let forced = convert(
        &body,
        &Options {
            force: true,
            ..options()
        },
    )
    .unwrap();
    assert_eq!(forced.conversion_errors(), 0, "{}", messages(&forced));
    assert!(forced.json["document"]["publisher"]["name"]
        .as_str()
        .unwrap()
        .contains("placeholder"));
    let given = convert(
        &body,
        &Options {
            publisher_name: Some("Given".into()),
            publisher_namespace: Some("https://given.example".into()),
            publisher_category: Some("coordinator".into()),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(given.json["document"]["publisher"]["name"], "Given");
    assert_eq!(given.json["document"]["publisher"]["category"], "coordinator");
}

#[test]
fn a_failing_profile_falls_back_to_csaf_base() {
    // no product tree: the security advisory profile (6.1.27.4) cannot hold
    let c = convert(&doc(""), &options()).unwrap();
    assert_eq!(c.json["document"]["category"], "csaf_base", "{}", messages(&c));
    assert!(messages(&c).contains("`6.1.27.4`"));
    assert!(messages(&c).contains("neither a product tree nor vulnerabilities"));
}

#[test]
fn not_cvrf_is_an_error() {
    assert!(convert("{\"document\": {}}", &options()).is_err());
    let e = convert("<html/>", &options()).unwrap_err();
    assert!(e.message.contains("not a CVRF document"), "{e}");
    assert!(convert_bytes(b"\xff\xfe\x00", &options()).is_err());
}
