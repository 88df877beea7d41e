//! README.md carries the rule table generated from the registry; this test fails when it is stale.
//! Regenerate with `UPDATE_README=1 cargo test --test readme`.

#[test]
fn readme_rule_table_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (begin, end) = ("<!-- rules:begin -->\n", "<!-- rules:end -->");
    let start = readme
        .find(begin)
        .expect("README.md has a `<!-- rules:begin -->` marker")
        + begin.len();
    let stop = readme[start..]
        .find(end)
        .expect("README.md has a `<!-- rules:end -->` marker")
        + start;
    let table = csaflint::rules::markdown_table();
    if readme[start..stop] != table {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{}{}", &readme[..start], table, &readme[stop..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!("the rule table in README.md is stale: run `UPDATE_README=1 cargo test --test readme`");
        }
    }
}
