//! Times each phase of checking (YAML parse, schema lowering, dropping the
//! YAML tree, process graph, each rule, time analysis, suppression), summed over the files
//! given, on one thread, to find what to optimise:
//!
//! ```text
//! cargo run --release --example phase_times -- FILE.yaml…
//! ```

use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use sopmap::graph::ProcessGraph;
use sopmap::rule_id::Levels;
use sopmap::rules::{Check, Context, RULES};
use sopmap::source::SourceFile;
use sopmap::yaml::{self, Limits};

fn main() -> Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    anyhow::ensure!(!paths.is_empty(), "usage: phase_times FILE.yaml…");
    let mut phases: Vec<(String, Duration)> = Vec::new();
    let mut add = |name: &str, t: Instant| {
        let d = t.elapsed();
        match phases.iter_mut().find(|(n, _)| n == name) {
            Some((_, total)) => *total += d,
            None => phases.push((name.to_string(), d)),
        }
    };
    let mut findings = 0;
    for path in &paths {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read `{path}`"))?;
        let t = Instant::now();
        let source = SourceFile::new(path.clone(), text);
        add("source line index", t);
        let t = Instant::now();
        let Ok(root) = yaml::parse(&source.text, Limits::default()) else { continue };
        add("yaml parse", t);
        let mut diags = Vec::new();
        let t = Instant::now();
        let sop = sopmap::model::lower(&root, 0, &mut diags);
        add("schema lowering", t);
        let t = Instant::now();
        drop(root);
        add("dropping the YAML tree", t);
        let Some(sop) = sop else { continue };
        let t = Instant::now();
        let graph = ProcessGraph::build(&sop);
        add("process graph", t);
        let cx = Context { file: 0, source: &source, sop: &sop, graph: &graph };
        for rule in RULES {
            if let Check::Sop(check) = rule.check {
                let t = Instant::now();
                check(&cx, &mut diags);
                add(&format!("rule {} {}", rule.code, rule.name), t);
            }
        }
        let t = Instant::now();
        let _ = sopmap::timing::analyze(&sop, &graph, 8 * 60);
        add("time analysis (catalog)", t);
        let t = Instant::now();
        sopmap::suppression::apply(&source, 0, &Levels::default(), &mut diags);
        add("suppression comments", t);
        let t = Instant::now();
        drop(graph);
        drop(sop);
        add("dropping model and graph", t);
        findings += diags.len();
    }
    let parse = phases.iter().find(|(n, _)| n == "yaml parse").map_or(0.0, |(_, d)| ms(*d));
    for (name, d) in &phases {
        println!("{:>10.1} ms {:>6.1}% of parse  {name}", ms(*d), 100.0 * ms(*d) / parse);
    }
    println!("{} files, {findings} findings (all rules on)", paths.len());
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
