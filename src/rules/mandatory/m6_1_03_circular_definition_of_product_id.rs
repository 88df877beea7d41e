use crate::diag::Finding;
use crate::index::FastMap;
use crate::rules::Context;

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

/// Where a product is defined through other products.
#[derive(Clone, Copy)]
enum Source {
    /// `/product_tree/relationships/r`.
    Relationship(usize),
    /// `/product_tree/product_paths/p` (2.1).
    ProductPath(usize),
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    // The products that relationships (2.0) and product paths (2.1) define: where, the defined id,
    // and the ids it is made of (`parts[range]`). Pointers are only built for findings.
    let mut parts: Vec<&str> = Vec::new();
    let mut defined: Vec<(Source, &str, std::ops::Range<usize>)> = Vec::new();
    for (r, rel) in tree.relationships.iter().enumerate() {
        if let Some(id) = rel
            .full_product_name
            .as_ref()
            .and_then(|p| p.product_id.as_deref())
        {
            let start = parts.len();
            parts.extend(
                [&rel.product_reference, &rel.relates_to_product_reference]
                    .into_iter()
                    .filter_map(|x| x.as_deref()),
            );
            defined.push((Source::Relationship(r), id, start..parts.len()));
        }
    }
    for (p, path) in tree.product_paths.iter().enumerate() {
        if let Some(id) = path
            .full_product_name
            .as_ref()
            .and_then(|f| f.product_id.as_deref())
        {
            let start = parts.len();
            parts.extend(
                path.beginning_product_reference.as_deref().into_iter().chain(
                    path.subpaths
                        .iter()
                        .filter_map(|s| s.next_product_reference.as_deref()),
                ),
            );
            defined.push((Source::ProductPath(p), id, start..parts.len()));
        }
    }
    if defined.is_empty() {
        return;
    }
    // Nodes: the defined ids; edges: to the ids they are made of.
    let mut node: FastMap<&str, usize> = FastMap::default();
    let node_of: Vec<usize> = defined
        .iter()
        .map(|(_, id, _)| {
            let next = node.len();
            *node.entry(id).or_insert(next)
        })
        .collect();
    let mut graph = Graph::with_nodes(node.len());
    for ((_, _, range), &n) in defined.iter().zip(&node_of) {
        for part in &parts[range.clone()] {
            if let Some(&m) = node.get(part) {
                graph.add_edge(n, m);
            }
        }
    }
    let cyclic = cyclic_nodes(&graph.finish());
    for ((source, id, _), n) in defined.into_iter().zip(node_of) {
        if cyclic[n] {
            let (pointer, what, help) = match source {
                Source::Relationship(r) => (
                    format!("/product_tree/relationships/{r}/full_product_name/product_id"),
                    "a chain of relationships",
                    "a relationship must combine other products, not the product it defines",
                ),
                Source::ProductPath(p) => (
                    format!("/product_tree/product_paths/{p}/full_product_name/product_id"),
                    "a chain of product paths",
                    "a product path must lead through other products, not the product it defines",
                ),
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

/// A directed graph in compressed form: the successors of node `v` are
/// `targets[offsets[v]..offsets[v + 1]]`, in the order the edges were added.
struct Graph {
    offsets: Vec<usize>,
    targets: Vec<usize>,
}

impl Graph {
    fn succ(&self, v: usize) -> &[usize] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    fn len(&self) -> usize {
        self.offsets.len() - 1
    }
}

/// Collects the edges of a [`Graph`] in any order of their sources.
struct GraphBuilder {
    nodes: usize,
    edges: Vec<(usize, usize)>,
}

impl Graph {
    fn with_nodes(nodes: usize) -> GraphBuilder {
        GraphBuilder {
            nodes,
            edges: Vec::new(),
        }
    }
}

impl GraphBuilder {
    fn add_edge(&mut self, from: usize, to: usize) {
        self.edges.push((from, to));
    }

    /// The graph; the successors of each node keep the order of `add_edge` (a stable counting sort).
    fn finish(self) -> Graph {
        let mut offsets = vec![0; self.nodes + 1];
        for &(from, _) in &self.edges {
            offsets[from + 1] += 1;
        }
        for v in 0..self.nodes {
            offsets[v + 1] += offsets[v];
        }
        let mut next = offsets.clone();
        let mut targets = vec![0; self.edges.len()];
        for (from, to) in self.edges {
            targets[next[from]] = to;
            next[from] += 1;
        }
        Graph { offsets, targets }
    }
}

fn cyclic_nodes(graph: &Graph) -> Vec<bool> {
    let n = graph.len();
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
            if let Some(&w) = graph.succ(v).get(*child) {
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
        let mut ring = super::Graph::with_nodes(n);
        for i in 0..n {
            ring.add_edge(i, (i + 1) % n);
        }
        assert!(super::cyclic_nodes(&ring.finish()).iter().all(|&c| c));
        let mut chain = super::Graph::with_nodes(n);
        for i in 0..n - 1 {
            chain.add_edge(i, i + 1);
        }
        assert!(super::cyclic_nodes(&chain.finish()).iter().all(|&c| !c));
    }
}
