//! Times each phase of checking one file (YAML parse, schema lowering,
//! process graph, each rule) to find what to optimise:
//!
//! ```text
//! cargo run --release --example phase_times -- FILE.yaml
//! ```

use std::time::Instant;

use anyhow::{Context as _, Result};
use sopmap::graph::ProcessGraph;
use sopmap::rules::{self, Check, Context, RULES};
use sopmap::source::SourceFile;
use sopmap::yaml::{self, Limits};

fn main() -> Result<()> {
    let path = std::env::args().nth(1).context("usage: phase_times FILE.yaml")?;
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read `{path}`"))?;
    let source = SourceFile::new(path, text);
    let t = Instant::now();
    let root = yaml::parse(&source.text, Limits::default()).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!("{:>10.1} ms  yaml parse", ms(t));
    let mut diags = Vec::new();
    let t = Instant::now();
    let sop = sopmap::model::lower(&root, 0, &mut diags).context("not a SOP mapping")?;
    println!("{:>10.1} ms  schema lowering", ms(t));
    let t = Instant::now();
    drop(root);
    println!("{:>10.1} ms  dropping the YAML tree", ms(t));
    let t = Instant::now();
    let graph = ProcessGraph::build(&sop);
    println!("{:>10.1} ms  process graph", ms(t));
    let cx = Context { file: 0, source: &source, sop: &sop, graph: &graph };
    for rule in RULES {
        if let Check::Sop(check) = rule.check {
            let t = Instant::now();
            check(&cx, &mut diags);
            println!("{:>10.1} ms  rule {} {}", ms(t), rule.code, rule.name);
        }
    }
    let _ = rules::find("dead-end");
    println!("{} findings", diags.len());
    Ok(())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}
