use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// No product id defined by a relationship ends up referring to itself, directly or through other
    /// relationships (`product_reference` / `relates_to_product_reference`). In CSAF 2.1 the same holds
    /// for product paths (`beginning_product_reference` / `subpaths[].next_product_reference`).
    ///
    /// ## Why
    /// A product made of itself cannot be resolved to real components.
    ///
    /// ## Invalid
    /// ```json
    /// "relationships": [{"category": "installed_on", "full_product_name": {"name": "B", "product_id": "CSAFPID-2"},
    ///                    "product_reference": "CSAFPID-1", "relates_to_product_reference": "CSAFPID-2"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "relationships": [{"category": "installed_on", "full_product_name": {"name": "B on C", "product_id": "CSAFPID-3"},
    ///                    "product_reference": "CSAFPID-1", "relates_to_product_reference": "CSAFPID-2"}]
    /// ```
    ///
    /// The check finds strongly connected components (Tarjan's algorithm, iteratively), so it takes
    /// linear time however long the chains of relationships are.
    CircularDefinitionOfProductId, id = "6.1.3", name = "circular-definition-of-product-id", group = Mandatory,
    summary = "a product id defined by a relationship (2.1: product path) refers to itself",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    // The products that relationships (2.0) and product paths (2.1) define: the pointer of the
    // defined id, the id, and the ids it is made of.
    let mut defined: Vec<(String, &str, Vec<&str>)> = Vec::new();
    for (r, rel) in tree.relationships.iter().enumerate() {
        if let Some(id) = rel
            .full_product_name
            .as_ref()
            .and_then(|p| p.product_id.as_deref())
        {
            let parts = [&rel.product_reference, &rel.relates_to_product_reference]
                .into_iter()
                .filter_map(|x| x.as_deref())
                .collect();
            defined.push((
                format!("/product_tree/relationships/{r}/full_product_name/product_id"),
                id,
                parts,
            ));
        }
    }
    for (p, path) in tree.product_paths.iter().enumerate() {
        if let Some(id) = path
            .full_product_name
            .as_ref()
            .and_then(|f| f.product_id.as_deref())
        {
            let parts = path
                .beginning_product_reference
                .as_deref()
                .into_iter()
                .chain(
                    path.subpaths
                        .iter()
                        .filter_map(|s| s.next_product_reference.as_deref()),
                )
                .collect();
            defined.push((
                format!("/product_tree/product_paths/{p}/full_product_name/product_id"),
                id,
                parts,
            ));
        }
    }
    // Nodes: the defined ids; edges: to the ids they are made of.
    let mut node: HashMap<&str, usize> = HashMap::new();
    let mut edges: Vec<Vec<&str>> = Vec::new();
    for (_, id, parts) in &defined {
        let n = *node.entry(id).or_insert_with(|| {
            edges.push(Vec::new());
            edges.len() - 1
        });
        edges[n].extend(parts.iter().copied());
    }
    let succ: Vec<Vec<usize>> = edges
        .iter()
        .map(|e| e.iter().filter_map(|id| node.get(id).copied()).collect())
        .collect();
    let cyclic = cyclic_nodes(&succ);
    for (pointer, id, _) in defined {
        if cyclic[node[id]] {
            let (what, help) = if pointer.contains("/relationships/") {
                (
                    "a chain of relationships",
                    "a relationship must combine other products, not the product it defines",
                )
            } else {
                (
                    "a chain of product paths",
                    "a product path must lead through other products, not the product it defines",
                )
            };
            out.push(
                Finding::new(
                    META.id,
                    pointer,
                    format!("product id `{id}` is defined through {what} that leads back to itself"),
                )
                .help(help),
            );
        }
    }
}

/// Marks the nodes that lie on a cycle (in a strongly connected component with more than one node,
/// or with an edge to themselves). Iterative Tarjan: linear time, no recursion.
fn cyclic_nodes(succ: &[Vec<usize>]) -> Vec<bool> {
    let n = succ.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut cyclic = vec![false; n];
    let mut next = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut child)) = work.last_mut() {
            if *child == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = succ[v].get(*child) {
                *child += 1;
                if w == v {
                    cyclic[v] = true;
                }
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut members = Vec::new();
                loop {
                    let w = stack.pop().expect("tarjan stack");
                    on_stack[w] = false;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                if members.len() > 1 {
                    for m in members {
                        cyclic[m] = true;
                    }
                }
            }
        }
    }
    cyclic
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_long_cycles_in_linear_time() {
        let n = 200_000;
        let succ: Vec<Vec<usize>> = (0..n).map(|i| vec![(i + 1) % n]).collect();
        assert!(super::cyclic_nodes(&succ).iter().all(|&c| c));
        let chain: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
            .collect();
        assert!(super::cyclic_nodes(&chain).iter().all(|&c| !c));
    }
}
