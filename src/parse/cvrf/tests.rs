use super::*;
use crate::model::*;
use std::path::Path;

const FULL: &str = r#"<?xml version="1.0" encoding="UTF-16"?>
<cvrf:cvrfdoc xmlns:cvrf="http://www.icasi.org/CVRF/schema/cvrf/1.1"
  xmlns:prod="http://www.icasi.org/CVRF/schema/prod/1.1"
  xmlns:vuln="http://www.icasi.org/CVRF/schema/vuln/1.1"
  xmlns:x="urn:example:extension">
  <cvrf:DocumentTitle xml:lang="en">Title &amp; more</cvrf:DocumentTitle>
  <cvrf:DocumentType>Security Advisory</cvrf:DocumentType>
  <cvrf:DocumentPublisher Type="Vendor">
    <cvrf:ContactDetails>psirt@example.com</cvrf:ContactDetails>
    <cvrf:IssuingAuthority>Example PSIRT</cvrf:IssuingAuthority>
  </cvrf:DocumentPublisher>
  <cvrf:DocumentTracking>
    <cvrf:Identification>
      <cvrf:ID> EX-2024-1 </cvrf:ID>
      <cvrf:Alias>A-1</cvrf:Alias>
      <cvrf:Alias>A-2</cvrf:Alias>
    </cvrf:Identification>
    <cvrf:Status>Final</cvrf:Status>
    <cvrf:Version>2</cvrf:Version>
    <cvrf:RevisionHistory>
      <cvrf:Revision>
        <cvrf:Number>1</cvrf:Number>
        <cvrf:Date>2024-01-01T00:00:00</cvrf:Date>
        <cvrf:Description>Initial</cvrf:Description>
      </cvrf:Revision>
      <cvrf:Revision>
        <cvrf:Number>2</cvrf:Number>
        <cvrf:Date>2024-02-01T00:00:00Z</cvrf:Date>
        <cvrf:Description>Update</cvrf:Description>
      </cvrf:Revision>
    </cvrf:RevisionHistory>
    <cvrf:InitialReleaseDate>2024-01-01T00:00:00</cvrf:InitialReleaseDate>
    <cvrf:CurrentReleaseDate>2024-02-01T00:00:00Z</cvrf:CurrentReleaseDate>
    <cvrf:Generator>
      <cvrf:Engine>gen 1.0</cvrf:Engine>
      <cvrf:Date>2024-02-01T00:00:00Z</cvrf:Date>
    </cvrf:Generator>
  </cvrf:DocumentTracking>
  <cvrf:DocumentNotes>
    <cvrf:Note Type="Summary" Ordinal="1" Title="Sum" Audience="All">Summary text</cvrf:Note>
    <cvrf:Note Type="Legal Disclaimer" Ordinal="2">Legal</cvrf:Note>
  </cvrf:DocumentNotes>
  <cvrf:DocumentDistribution>Public</cvrf:DocumentDistribution>
  <cvrf:AggregateSeverity Namespace="https://example.com/sev">Important</cvrf:AggregateSeverity>
  <cvrf:DocumentReferences>
    <cvrf:Reference Type="Self"><cvrf:URL>https://example.com/a</cvrf:URL><cvrf:Description>Self</cvrf:Description></cvrf:Reference>
  </cvrf:DocumentReferences>
  <cvrf:Acknowledgments>
    <cvrf:Acknowledgment>
      <cvrf:Name>Alice</cvrf:Name><cvrf:Name>Bob</cvrf:Name>
      <cvrf:Organization>Org</cvrf:Organization>
      <cvrf:URL>https://example.com/ack</cvrf:URL>
    </cvrf:Acknowledgment>
  </cvrf:Acknowledgments>
  <prod:ProductTree>
    <prod:Branch Type="Vendor" Name="Example">
      <prod:Branch Type="Product Name" Name="Widget">
        <prod:Branch Type="Product Version" Name="1.0">
          <prod:FullProductName ProductID="W-1.0" CPE="cpe:/a:example:widget:1.0">Widget 1.0</prod:FullProductName>
        </prod:Branch>
        <prod:Branch Type="Product Version" Name="2.0">
          <prod:FullProductName ProductID="W-2.0">Widget 2.0</prod:FullProductName>
        </prod:Branch>
      </prod:Branch>
    </prod:Branch>
    <prod:FullProductName ProductID="OS">Some OS</prod:FullProductName>
    <prod:Relationship ProductReference="W-1.0" RelationType="Installed On" RelatesToProductReference="OS">
      <prod:FullProductName ProductID="W-1.0-OS">Widget 1.0 on Some OS</prod:FullProductName>
    </prod:Relationship>
    <prod:ProductGroups>
      <prod:Group GroupID="G1">
        <prod:Description>All widgets</prod:Description>
        <prod:ProductID>W-1.0</prod:ProductID>
        <prod:ProductID>W-2.0</prod:ProductID>
      </prod:Group>
    </prod:ProductGroups>
  </prod:ProductTree>
  <vuln:Vulnerability Ordinal="1">
    <vuln:Title>Overflow</vuln:Title>
    <vuln:ID SystemName="Bug">B-1</vuln:ID>
    <vuln:Notes><vuln:Note Type="Description" Ordinal="1">Desc</vuln:Note></vuln:Notes>
    <vuln:DiscoveryDate>2023-12-01T00:00:00</vuln:DiscoveryDate>
    <vuln:ReleaseDate>2024-01-01T00:00:00</vuln:ReleaseDate>
    <vuln:Involvements>
      <vuln:Involvement Party="Vendor" Status="Completed"><vuln:Description>Done</vuln:Description></vuln:Involvement>
    </vuln:Involvements>
    <vuln:CVE>CVE-2024-1234</vuln:CVE>
    <vuln:CWE ID="CWE-79">Cross-site Scripting</vuln:CWE>
    <vuln:CWE ID="CWE-20">Improper Input Validation</vuln:CWE>
    <vuln:ProductStatuses>
      <vuln:Status Type="Known Affected">
        <vuln:ProductID>W-1.0</vuln:ProductID>
        <vuln:ProductID>W-1.0-OS</vuln:ProductID>
      </vuln:Status>
      <vuln:Status Type="Fixed"><vuln:ProductID>W-2.0</vuln:ProductID></vuln:Status>
    </vuln:ProductStatuses>
    <vuln:Threats>
      <vuln:Threat Type="Impact" Date="2024-01-01T00:00:00Z">
        <vuln:Description>Code execution</vuln:Description>
        <vuln:GroupID>G1</vuln:GroupID>
      </vuln:Threat>
    </vuln:Threats>
    <vuln:CVSSScoreSets>
      <vuln:ScoreSet>
        <vuln:BaseScore>7.5</vuln:BaseScore>
        <vuln:TemporalScore>6.5</vuln:TemporalScore>
        <vuln:Vector>AV:N/AC:L/Au:N/C:P/I:P/A:P</vuln:Vector>
        <vuln:ProductID>W-1.0</vuln:ProductID>
      </vuln:ScoreSet>
      <vuln:ScoreSet>
        <vuln:BaseScore>9.8</vuln:BaseScore>
        <vuln:Vector>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</vuln:Vector>
        <vuln:ProductID>W-1.0-OS</vuln:ProductID>
      </vuln:ScoreSet>
    </vuln:CVSSScoreSets>
    <vuln:Remediations>
      <vuln:Remediation Type="Workaround">
        <vuln:Description>Disable it</vuln:Description>
        <vuln:GroupID>G1</vuln:GroupID>
      </vuln:Remediation>
      <vuln:Remediation Type="Vendor Fix" Date="2024-02-01T00:00:00Z">
        <vuln:Description xml:lang="en">Update to 2.0</vuln:Description>
        <vuln:Entitlement>Support contract</vuln:Entitlement>
        <vuln:URL>https://example.com/fix</vuln:URL>
        <vuln:ProductID>W-1.0</vuln:ProductID>
        <vuln:ProductID>W-1.0-OS</vuln:ProductID>
        <x:Extension>ignored</x:Extension>
      </vuln:Remediation>
      <vuln:Remediation Type="Will Not Fix"><vuln:Description>No</vuln:Description><vuln:ProductID>OS</vuln:ProductID></vuln:Remediation>
    </vuln:Remediations>
    <vuln:References>
      <vuln:Reference Type="External"><vuln:URL>https://example.com/b</vuln:URL><vuln:Description>B</vuln:Description></vuln:Reference>
    </vuln:References>
    <vuln:Acknowledgments><vuln:Acknowledgment><vuln:Description>Thanks</vuln:Description></vuln:Acknowledgment></vuln:Acknowledgments>
  </vuln:Vulnerability>
</cvrf:cvrfdoc>
"#;

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

#[test]
fn fills_every_part_of_the_model() {
    let (a, doc) = parse(FULL).unwrap();
    assert_eq!(a.version, Version::Cvrf11);
    assert_eq!(doc.version, Version::Cvrf11);
    let d = &a.document;
    assert_eq!(d.title, s("Title & more"));
    assert_eq!(d.lang, s("en"));
    assert_eq!(d.category, s("Security Advisory"));
    assert_eq!(d.csaf_version, None);
    assert_eq!(d.publisher.category, Some(PublisherCategory::Vendor));
    assert_eq!(d.publisher.contact_details, s("psirt@example.com"));
    assert_eq!(d.publisher.issuing_authority, s("Example PSIRT"));
    let t = &d.tracking;
    assert_eq!(t.id, s("EX-2024-1"));
    assert_eq!(t.aliases, ["A-1", "A-2"]);
    assert_eq!(t.status, Some(DocumentStatus::Final));
    assert_eq!(t.version, s("2"));
    assert_eq!(t.revision_history.len(), 2);
    assert_eq!(t.revision_history[1].number, s("2"));
    assert_eq!(t.revision_history[1].summary, s("Update"));
    assert!(t.revision_history[0].date.as_ref().unwrap().value.is_some());
    assert!(t.initial_release_date.is_some() && t.current_release_date.is_some());
    let g = t.generator.as_ref().unwrap();
    assert_eq!(g.engine_name, s("gen 1.0"));
    assert!(g.date.is_some());
    assert_eq!(d.notes.len(), 2);
    assert_eq!(d.notes[0].category, Some(NoteCategory::Summary));
    assert_eq!(d.notes[0].title, s("Sum"));
    assert_eq!(d.notes[0].audience, s("All"));
    assert_eq!(d.notes[0].text, s("Summary text"));
    assert_eq!(d.notes[1].category, Some(NoteCategory::LegalDisclaimer));
    assert_eq!(d.distribution.as_ref().unwrap().text, s("Public"));
    let sev = d.aggregate_severity.as_ref().unwrap();
    assert_eq!(sev.namespace, s("https://example.com/sev"));
    assert_eq!(sev.text, s("Important"));
    assert_eq!(d.references[0].category, Some(ReferenceCategory::SelfRef));
    assert_eq!(d.references[0].url, s("https://example.com/a"));
    assert_eq!(d.references[0].summary, s("Self"));
    assert_eq!(d.acknowledgments[0].names, ["Alice", "Bob"]);
    assert_eq!(d.acknowledgments[0].organization, s("Org"));
    assert_eq!(d.acknowledgments[0].urls, ["https://example.com/ack"]);

    let pt = a.product_tree.as_ref().unwrap();
    let vendor = &pt.branches[0];
    assert_eq!(vendor.category, Some(BranchCategory::Vendor));
    assert_eq!(vendor.name, s("Example"));
    let v10 = &vendor.branches[0].branches[0];
    assert_eq!(v10.category, Some(BranchCategory::ProductVersion));
    let p = v10.product.as_ref().unwrap();
    assert_eq!(p.product_id, s("W-1.0"));
    assert_eq!(p.name, s("Widget 1.0"));
    assert_eq!(p.helper.as_ref().unwrap().cpe, s("cpe:/a:example:widget:1.0"));
    assert_eq!(pt.full_product_names[0].product_id, s("OS"));
    let r = &pt.relationships[0];
    assert_eq!(r.category, Some(RelationshipCategory::InstalledOn));
    assert_eq!(r.product_reference, s("W-1.0"));
    assert_eq!(r.relates_to_product_reference, s("OS"));
    assert_eq!(r.full_product_name.as_ref().unwrap().product_id, s("W-1.0-OS"));
    assert_eq!(pt.product_groups[0].group_id, s("G1"));
    assert_eq!(pt.product_groups[0].product_ids, ["W-1.0", "W-2.0"]);
    assert_eq!(pt.product_groups[0].summary, s("All widgets"));

    let v = &a.vulnerabilities[0];
    assert_eq!(v.title, s("Overflow"));
    assert_eq!(
        v.ids,
        [VulnerabilityId {
            system_name: s("Bug"),
            text: s("B-1"),
            ..VulnerabilityId::default()
        }]
    );
    assert_eq!(v.notes[0].category, Some(NoteCategory::Description));
    assert!(v.discovery_date.is_some() && v.disclosure_date.is_some());
    assert_eq!(v.involvements[0].party, Some(InvolvementParty::Vendor));
    assert_eq!(v.involvements[0].status, Some(InvolvementStatus::Completed));
    assert_eq!(v.involvements[0].summary, s("Done"));
    assert_eq!(v.cve, s("CVE-2024-1234"));
    assert_eq!(v.cwes.len(), 2);
    assert_eq!(v.cwes[0].id, s("CWE-79"));
    assert_eq!(v.cwes[0].name, s("Cross-site Scripting"));
    assert_eq!(v.product_status.known_affected, ["W-1.0", "W-1.0-OS"]);
    assert_eq!(v.product_status.fixed, ["W-2.0"]);
    assert_eq!(v.threats[0].category, Some(ThreatCategory::Impact));
    assert_eq!(v.threats[0].details, s("Code execution"));
    assert_eq!(v.threats[0].group_ids, ["G1"]);
    assert!(v.threats[0].date.is_some());
    assert_eq!(v.metrics.len(), 2);
    let v2 = v.metrics[0].cvss_v2.as_ref().unwrap();
    assert_eq!(v2.version, s("2.0"));
    assert_eq!(v2.base_score, Some(7.5));
    assert_eq!(v2.vector, s("AV:N/AC:L/Au:N/C:P/I:P/A:P"));
    assert_eq!(v2.fields["temporalScore"].to_string(), "6.5");
    assert_eq!(v2.fields["vectorString"], "AV:N/AC:L/Au:N/C:P/I:P/A:P");
    assert_eq!(v.metrics[0].products, ["W-1.0"]);
    // a CVRF 1.1 ScoreSet with a CVSS v3 vector (as Microsoft writes them)
    let v3 = v.metrics[1].cvss_v3.as_ref().unwrap();
    assert_eq!(v3.version, s("3.1"));
    assert_eq!(v3.base_score, Some(9.8));
    assert!(v.metrics[1].cvss_v2.is_none());
    assert_eq!(v.remediations.len(), 3);
    let r0 = &v.remediations[0];
    assert_eq!(r0.category, Some(RemediationCategory::Workaround));
    assert_eq!(r0.group_ids, ["G1"]);
    assert!(r0.date.is_none());
    let r1 = &v.remediations[1];
    assert_eq!(r1.category, Some(RemediationCategory::VendorFix));
    assert_eq!(r1.details, s("Update to 2.0"));
    assert_eq!(r1.date.as_ref().unwrap().raw, "2024-02-01T00:00:00Z");
    assert!(r1.date.as_ref().unwrap().value.is_some());
    assert_eq!(r1.entitlements, ["Support contract"]);
    assert_eq!(r1.url, s("https://example.com/fix"));
    assert_eq!(r1.product_ids, ["W-1.0", "W-1.0-OS"]);
    assert_eq!(
        v.remediations[2].category,
        Some(RemediationCategory::NoFixPlanned)
    );
    assert_eq!(v.references[0].category, Some(ReferenceCategory::External));
    assert_eq!(v.acknowledgments[0].summary, s("Thanks"));
}

#[test]
fn records_canonical_pointers() {
    let (_, doc) = parse(FULL).unwrap();
    let cases = [
        ("/document/title", "/cvrfdoc/DocumentTitle"),
        ("/document/lang", "/cvrfdoc/DocumentTitle/@xml:lang"),
        ("/document/category", "/cvrfdoc/DocumentType"),
        ("/document/publisher/category", "/cvrfdoc/DocumentPublisher/@Type"),
        (
            "/document/tracking/id",
            "/cvrfdoc/DocumentTracking/Identification/ID",
        ),
        (
            "/document/tracking/aliases/1",
            "/cvrfdoc/DocumentTracking/Identification/Alias[2]",
        ),
        (
            "/document/tracking/revision_history/1/number",
            "/cvrfdoc/DocumentTracking/RevisionHistory/Revision[2]/Number",
        ),
        (
            "/document/tracking/revision_history/0/summary",
            "/cvrfdoc/DocumentTracking/RevisionHistory/Revision[1]/Description",
        ),
        (
            "/document/tracking/generator/engine/name",
            "/cvrfdoc/DocumentTracking/Generator/Engine",
        ),
        (
            "/document/notes/1/category",
            "/cvrfdoc/DocumentNotes/Note[2]/@Type",
        ),
        ("/document/notes/0/text", "/cvrfdoc/DocumentNotes/Note[1]"),
        ("/document/distribution/text", "/cvrfdoc/DocumentDistribution"),
        (
            "/document/aggregate_severity/namespace",
            "/cvrfdoc/AggregateSeverity/@Namespace",
        ),
        (
            "/document/references/0/url",
            "/cvrfdoc/DocumentReferences/Reference[1]/URL",
        ),
        (
            "/document/acknowledgments/0/names/1",
            "/cvrfdoc/Acknowledgments/Acknowledgment[1]/Name[2]",
        ),
        (
            "/product_tree/branches/0/branches/0/branches/1/product/product_id",
            "/cvrfdoc/ProductTree/Branch[1]/Branch[1]/Branch[2]/FullProductName/@ProductID",
        ),
        (
            "/product_tree/branches/0/branches/0/branches/0/product/product_identification_helper/cpe",
            "/cvrfdoc/ProductTree/Branch[1]/Branch[1]/Branch[1]/FullProductName/@CPE",
        ),
        (
            "/product_tree/branches/0/name",
            "/cvrfdoc/ProductTree/Branch[1]/@Name",
        ),
        (
            "/product_tree/full_product_names/0/name",
            "/cvrfdoc/ProductTree/FullProductName[1]",
        ),
        (
            "/product_tree/relationships/0/category",
            "/cvrfdoc/ProductTree/Relationship[1]/@RelationType",
        ),
        (
            "/product_tree/relationships/0/full_product_name/product_id",
            "/cvrfdoc/ProductTree/Relationship[1]/FullProductName[1]/@ProductID",
        ),
        (
            "/product_tree/product_groups/0/product_ids/1",
            "/cvrfdoc/ProductTree/ProductGroups/Group[1]/ProductID[2]",
        ),
        ("/vulnerabilities/0", "/cvrfdoc/Vulnerability[1]"),
        (
            "/vulnerabilities/0/ids/0/system_name",
            "/cvrfdoc/Vulnerability[1]/ID/@SystemName",
        ),
        (
            "/vulnerabilities/0/release_date",
            "/cvrfdoc/Vulnerability[1]/ReleaseDate",
        ),
        (
            "/vulnerabilities/0/disclosure_date",
            "/cvrfdoc/Vulnerability[1]/ReleaseDate",
        ),
        (
            "/vulnerabilities/0/involvements/0/status",
            "/cvrfdoc/Vulnerability[1]/Involvements/Involvement[1]/@Status",
        ),
        ("/vulnerabilities/0/cve", "/cvrfdoc/Vulnerability[1]/CVE"),
        (
            "/vulnerabilities/0/cwe/id",
            "/cvrfdoc/Vulnerability[1]/CWE[1]/@ID",
        ),
        (
            "/vulnerabilities/0/cwes/1/name",
            "/cvrfdoc/Vulnerability[1]/CWE[2]",
        ),
        (
            "/vulnerabilities/0/product_status/known_affected/1",
            "/cvrfdoc/Vulnerability[1]/ProductStatuses/Status[1]/ProductID[2]",
        ),
        (
            "/vulnerabilities/0/product_status/fixed",
            "/cvrfdoc/Vulnerability[1]/ProductStatuses/Status[2]",
        ),
        (
            "/vulnerabilities/0/threats/0/date",
            "/cvrfdoc/Vulnerability[1]/Threats/Threat[1]/@Date",
        ),
        (
            "/vulnerabilities/0/threats/0/group_ids/0",
            "/cvrfdoc/Vulnerability[1]/Threats/Threat[1]/GroupID[1]",
        ),
        (
            "/vulnerabilities/0/scores/0/cvss_v2/temporalScore",
            "/cvrfdoc/Vulnerability[1]/CVSSScoreSets/ScoreSet[1]/TemporalScore",
        ),
        (
            "/vulnerabilities/0/scores/1/cvss_v3/vectorString",
            "/cvrfdoc/Vulnerability[1]/CVSSScoreSets/ScoreSet[2]/Vector",
        ),
        (
            "/vulnerabilities/0/metrics/1/content/cvss_v3/baseScore",
            "/cvrfdoc/Vulnerability[1]/CVSSScoreSets/ScoreSet[2]/BaseScore",
        ),
        (
            "/vulnerabilities/0/scores/1/products/0",
            "/cvrfdoc/Vulnerability[1]/CVSSScoreSets/ScoreSet[2]/ProductID[1]",
        ),
        (
            "/vulnerabilities/0/remediations/1/date",
            "/cvrfdoc/Vulnerability[1]/Remediations/Remediation[2]/@Date",
        ),
        (
            "/vulnerabilities/0/remediations/1/product_ids/1",
            "/cvrfdoc/Vulnerability[1]/Remediations/Remediation[2]/ProductID[2]",
        ),
        (
            "/vulnerabilities/0/remediations/1/entitlements/0",
            "/cvrfdoc/Vulnerability[1]/Remediations/Remediation[2]/Entitlement[1]",
        ),
        (
            "/vulnerabilities/0/remediations/0/product_ids",
            "/cvrfdoc/Vulnerability[1]/Remediations/Remediation[1]",
        ),
        ("/vulnerabilities/0/flags/0", "/cvrfdoc/Vulnerability[1]"),
        ("/vulnerabilities/3/cve", "/cvrfdoc"),
        (
            "/cvrfdoc/Vulnerability[1]/CWE[2]/@ID",
            "/cvrfdoc/Vulnerability[1]/CWE[2]/@ID",
        ),
        ("/cvrfdoc/Vulnerability/Title", "/cvrfdoc/Vulnerability[1]/Title"),
    ];
    for (pointer, path) in cases {
        let (got, (start, end)) = doc.locate(pointer);
        assert_eq!(got, path, "{pointer}");
        assert!(start < end && end <= FULL.len(), "{pointer}");
        let last = path.rsplit('/').next().unwrap();
        let spot = &FULL[start..];
        match last.strip_prefix('@') {
            Some(attr) => assert!(spot.starts_with(attr), "{pointer}: {spot:.30}"),
            None => {
                let name = last.split('[').next().unwrap();
                let tag = spot.strip_prefix('<').unwrap();
                assert!(
                    tag.starts_with(name) || tag.split_once(':').is_some_and(|(_, t)| t.starts_with(name)),
                    "{pointer}: {spot:.30}"
                );
            }
        }
    }
    assert_eq!(doc.locate("").0, "");
}

#[test]
fn the_map_is_recorded_with_the_model() {
    let (_, doc) = parse(FULL).unwrap();
    assert!(doc.pointer_map().len() > 100);
    assert_eq!(doc.locate("/document/title").0, "/cvrfdoc/DocumentTitle");
}

/// Counts start tags with this local name, without an XML parser.
fn count_tags(text: &str, local: &str) -> usize {
    tags(text, local).count()
}

fn tags<'a>(text: &'a str, local: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    text.match_indices('<').filter_map(move |(i, _)| {
        let rest = &text[i + 1..];
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let qname = &rest[..end];
        let name = qname.rsplit(':').next()?;
        (name == local).then(|| &rest[..rest.find('>').unwrap_or(rest.len())])
    })
}

fn corpus(rel: &str) -> Option<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/cvrf")
        .join(rel);
    match std::fs::read_to_string(&p) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!("skipped: {} is absent", p.display());
            None
        }
    }
}

fn count_branch_products(b: &[Branch]) -> usize {
    b.iter()
        .map(|b| usize::from(b.product.is_some()) + count_branch_products(&b.branches))
        .sum()
}

#[test]
fn counts_match_the_xml_for_corpus_files() {
    let files = [
        ("cisco/cisco-sa-20180221-ucm_cvrf.xml", Version::Cvrf12),
        ("microsoft/2020-Aug.xml", Version::Cvrf11),
        ("oracle/oracle_cvrf.xml", Version::Cvrf11),
        ("redhat/RHBA-2020_0390.xml", Version::Cvrf12),
        ("redhat/RHBA-2021_1365.xml", Version::Cvrf11),
    ];
    let mut suse =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/cvrf/suse"))
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| format!("suse/{}", e.file_name().to_string_lossy()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
    suse.sort();
    let suse: Vec<(String, Option<Version>)> = suse.into_iter().step_by(20).map(|f| (f, None)).collect();
    let all = files.iter().map(|(f, v)| (f.to_string(), Some(*v))).chain(suse);
    for (file, version) in all {
        let Some(text) = corpus(&file) else {
            continue;
        };
        let (a, doc) = parse(&text).unwrap_or_else(|e| panic!("{file}: {e:?}"));
        if let Some(v) = version {
            assert_eq!(a.version, v, "{file}");
        }
        assert_eq!(
            a.vulnerabilities.len(),
            count_tags(&text, "Vulnerability"),
            "{file}"
        );
        assert_eq!(
            a.vulnerabilities.iter().filter(|v| v.cve.is_some()).count(),
            count_tags(&text, "CVE"),
            "{file}"
        );
        let pt = a.product_tree.clone().unwrap_or_default();
        let defined = count_branch_products(&pt.branches)
            + pt.full_product_names.len()
            + pt.relationships
                .iter()
                .filter(|r| r.full_product_name.is_some())
                .count();
        assert_eq!(defined, count_tags(&text, "FullProductName"), "{file}");
        let referenced: usize = pt
            .product_groups
            .iter()
            .map(|g| g.product_ids.len())
            .sum::<usize>()
            + a.vulnerabilities
                .iter()
                .map(|v| {
                    v.product_status
                        .lists()
                        .iter()
                        .map(|(_, l)| l.len())
                        .sum::<usize>()
                        + v.threats.iter().map(|t| t.product_ids.len()).sum::<usize>()
                        + v.metrics.iter().map(|m| m.products.len()).sum::<usize>()
                        + v.remediations.iter().map(|r| r.product_ids.len()).sum::<usize>()
                })
                .sum::<usize>();
        assert_eq!(referenced, count_tags(&text, "ProductID"), "{file}");
        let remediations: usize = a.vulnerabilities.iter().map(|v| v.remediations.len()).sum();
        assert_eq!(remediations, count_tags(&text, "Remediation"), "{file}");
        let dated: usize = a
            .vulnerabilities
            .iter()
            .flat_map(|v| &v.remediations)
            .filter(|r| r.date.is_some())
            .count();
        let dated_tags = tags(&text, "Remediation")
            .filter(|t| t.contains(" Date="))
            .count();
        assert_eq!(dated, dated_tags, "{file}");
        let scores: usize = a.vulnerabilities.iter().map(|v| v.metrics.len()).sum();
        assert_eq!(
            scores,
            count_tags(&text, "ScoreSet") + count_tags(&text, "ScoreSetV2") + count_tags(&text, "ScoreSetV3"),
            "{file}"
        );
        // revisions of the document (Microsoft also has revisions per vulnerability)
        // the text between the start and end tags of `DocumentTracking`
        let tracking = text.find("DocumentTracking>").unwrap();
        let tracking_end = tracking + 1 + text[tracking + 1..].find("DocumentTracking>").unwrap();
        assert_eq!(
            a.document.tracking.revision_history.len(),
            count_tags(&text[tracking..=tracking_end], "Revision"),
            "{file}"
        );
        // every remediation's location is its `Remediation` element
        let mut k = 0;
        for (i, v) in a.vulnerabilities.iter().enumerate() {
            for j in 0..v.remediations.len() {
                let (path, (start, _)) = doc.locate(&format!("/vulnerabilities/{i}/remediations/{j}"));
                assert!(
                    path.ends_with(&format!("Remediation[{}]", j + 1)),
                    "{file}: {path}"
                );
                assert!(text[start..].contains("Remediation"), "{file}");
                k += 1;
            }
        }
        assert_eq!(k, remediations);
    }
}

#[test]
fn extra_products_of_a_branch_or_relationship_stay_defined() {
    let text = r#"<cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf">
<ProductTree xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod">
  <FullProductName ProductID="TOP">Top</FullProductName>
  <Branch Type="Product Family" Name="Windows">
    <FullProductName ProductID="A">A</FullProductName>
    <FullProductName ProductID="B">B</FullProductName>
  </Branch>
  <Relationship ProductReference="A" RelationType="Installed On" RelatesToProductReference="TOP">
    <FullProductName ProductID="R1">R1</FullProductName>
    <FullProductName ProductID="R2">R2</FullProductName>
  </Relationship>
</ProductTree>
</cvrfdoc>"#;
    let (a, doc) = parse(text).unwrap();
    let pt = a.product_tree.unwrap();
    assert_eq!(pt.branches[0].product.as_ref().unwrap().product_id, s("A"));
    assert_eq!(
        pt.relationships[0].full_product_name.as_ref().unwrap().product_id,
        s("R1")
    );
    let ids: Vec<_> = pt
        .full_product_names
        .iter()
        .map(|p| p.product_id.clone().unwrap())
        .collect();
    assert_eq!(ids, ["TOP", "B", "R2"]);
    assert_eq!(
        doc.locate("/product_tree/full_product_names/1/product_id").0,
        "/cvrfdoc/ProductTree/Branch[1]/FullProductName[2]/@ProductID"
    );
    assert_eq!(
        doc.locate("/product_tree/full_product_names/2").0,
        "/cvrfdoc/ProductTree/Relationship[1]/FullProductName[2]"
    );
}
