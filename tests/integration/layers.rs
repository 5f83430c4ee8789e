//! The import drawing of the library: which source file uses which, read
//! from the `use crate::…` lines (and `crate::…` paths) of `src/`, tests
//! left out. The rules sit above the model, the graph and the catalogue
//! and below the run; a file under `src/rules/` must never be part of an
//! import circle, or a change to one rule rebuilds and entangles the whole
//! stack again (issue 14 found a 40-file circle through `rules/`).
//!
//! `cargo test layers -- --nocapture` prints the drawing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::harness::repo;

/// Every library source file (relative to `src/`, `/`-separated), minus
/// `cli/` (the binary's edge) and files only compiled for tests.
fn library_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = repo("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut out: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/"))
        .filter(|p| !p.starts_with("cli/") && p != "main.rs")
        .collect();
    out.retain(|p| !test_only(p));
    out.sort();
    out
}

/// Whether the parent module declares this file under `#[cfg(test)]`.
fn test_only(file: &str) -> bool {
    let p = Path::new(file);
    let Some(stem) = p.file_stem().map(|s| s.to_string_lossy().into_owned()) else { return false };
    if stem == "mod" {
        return false;
    }
    let dir = p.parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = if dir.is_empty() {
        "lib.rs".to_string()
    } else if repo(&format!("src/{dir}/mod.rs")).is_file() {
        format!("{dir}/mod.rs")
    } else {
        format!("{dir}.rs")
    };
    let Ok(text) = std::fs::read_to_string(repo(&format!("src/{parent}"))) else { return false };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines.windows(2).any(|w| {
        w[0] == "#[cfg(test)]"
            && (w[1].ends_with(&format!("mod {stem};")) || w[1].contains(&format!("mod {stem} ")))
    })
}

/// The file a `crate::a::b::C` path lives in: the longest prefix that is
/// a file.
fn resolve(path: &[&str], files: &BTreeSet<String>) -> Option<String> {
    for n in (1..=path.len()).rev() {
        let stem = path[..n].join("/");
        for cand in [format!("{stem}.rs"), format!("{stem}/mod.rs")] {
            if files.contains(&cand) {
                return Some(cand);
            }
        }
    }
    None
}

/// `crate::` paths in non-test code, with `{a, b::c}` groups expanded.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let code: String =
        code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let mut prefix: Vec<String> = Vec::new();
        let mut s = rest;
        loop {
            let end = s.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(s.len());
            if end == 0 {
                break;
            }
            prefix.push(s[..end].to_string());
            s = &s[end..];
            if let Some(t) = s.strip_prefix("::") {
                s = t;
            } else {
                break;
            }
        }
        if s.starts_with('{') {
            // One level of grouping is enough for this code base.
            let close = s.find('}').unwrap_or(s.len());
            for item in s[1..close].split(',') {
                let mut p = prefix.clone();
                p.extend(item.trim().split("::").map(|x| x.trim().to_string()));
                p.retain(|x| !x.is_empty() && x != "self");
                out.push(p);
            }
        }
        if !prefix.is_empty() {
            out.push(prefix);
        }
    }
    out
}

fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let files = library_files();
    let set: BTreeSet<String> = files.iter().cloned().collect();
    let mut graph = BTreeMap::new();
    for f in &files {
        let text = std::fs::read_to_string(repo(&format!("src/{f}"))).unwrap();
        let mut uses = BTreeSet::new();
        for p in crate_paths(&text) {
            let parts: Vec<&str> = p.iter().map(String::as_str).collect();
            if let Some(target) = resolve(&parts, &set)
                && &target != f
            {
                uses.insert(target);
            }
        }
        graph.insert(f.clone(), uses);
    }
    graph
}

/// Strongly connected components with more than one file (Tarjan).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    impl<'a> T<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on.insert(v);
            for w in self.g.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if self.on.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut comp = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(w);
                    comp.push(w.to_string());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    self.out.push(comp);
                }
            }
        }
    }
    let mut t = T {
        g: graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.visit(v);
        }
    }
    t.out
}

#[test]
fn no_import_circle_runs_through_the_rules() {
    let graph = imports();
    assert!(graph.len() > 50, "the drawing lost its files: {}", graph.len());
    // The drawing, for `--nocapture`.
    for (file, uses) in &graph {
        println!("{file} -> {}", uses.iter().cloned().collect::<Vec<_>>().join(", "));
    }
    let circles = circles(&graph);
    for c in &circles {
        println!("circle: {}", c.join(" <-> "));
    }
    let through_rules: Vec<&Vec<String>> =
        circles.iter().filter(|c| c.iter().any(|f| f.starts_with("rules/"))).collect();
    assert!(through_rules.is_empty(), "import circles through rules/: {through_rules:#?}");
    // The passes below the rules name rules by identity only.
    for low in ["model/lower.rs", "suppression.rs", "diagnostic.rs", "rule_id.rs", "catalog.rs"] {
        let bad: Vec<&String> = graph[low]
            .iter()
            .filter(|t| t.starts_with("rules/") || *t == "check.rs" || *t == "run.rs")
            .collect();
        assert!(bad.is_empty(), "{low} reaches up to {bad:?}");
    }
}

#[test]
fn the_drawing_sees_a_known_import() {
    // The parser of this test must see what it checks.
    let graph = imports();
    assert!(graph["run.rs"].contains("catalog.rs"), "{:?}", graph["run.rs"]);
    assert!(graph["model/lower.rs"].contains("rule_id.rs"), "{:?}", graph["model/lower.rs"]);
    assert!(graph["rules/dead_end.rs"].contains("rules/mod.rs"));
    assert!(!graph.contains_key("rules/testing.rs"), "test-only files are left out");
}
