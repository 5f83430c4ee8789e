//! BPMN export: golden files for the bundled SOPs, and the real bpmnlint
//! (`tools/bpmnlint`, `bpmnlint:recommended`) as an external oracle: no
//! errors on any bundled SOP, and on a broken SOP its findings agree with
//! sopmap's (no-implicit-end ↔ dead-end, no-implicit-start ↔ an unreachable
//! step that no arrow enters).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use sopmap::check::{Settings, check_file as check_source};
use sopmap::diagnostic::Severity;
use sopmap::lang::Lang;
use sopmap::render::bpmn;
use sopmap::source::SourceFile;

use crate::harness::{golden, repo, tool_available};

fn bundled() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo("sops"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

struct Exported {
    xml: String,
    /// Step ids by row (1-based row = index + 1).
    ids: Vec<String>,
    dead_ends: BTreeSet<String>,
    implicit_starts: BTreeSet<String>,
}

fn export(path: &Path, lang: Lang) -> Exported {
    let text = std::fs::read_to_string(path).unwrap();
    let src = SourceFile::new(path.display().to_string(), text);
    let checked = check_source(&src, 0, &Settings::default());
    let sop = checked.sop.as_ref().unwrap();
    let graph = checked.graph.as_ref().unwrap();
    let ids: Vec<String> = sop.steps.iter().map(|s| s.id_str().to_string()).collect();
    let step_at = |d: &sopmap::diagnostic::Diagnostic| {
        sop.steps.iter().find(|s| s.anchor().start == d.span.start).map(|s| s.id_str().to_string())
    };
    let dead_ends =
        checked.diagnostics.iter().filter(|d| d.name == "dead-end").filter_map(step_at).collect();
    let implicit_starts = checked
        .diagnostics
        .iter()
        .filter(|d| d.name == "unreachable-step")
        .filter_map(step_at)
        .filter(|id| graph.step(id).is_some_and(|i| graph.predecessors(i).is_empty()))
        .collect();
    // As `sopmap render --force` does: steps with errors are marked.
    let marks = sopmap::render::findings::by_step(sop, &checked.diagnostics, Severity::Error);
    let xml = bpmn::render_marked(sop, graph, lang, &marks);
    Exported { xml, ids, dead_ends, implicit_starts }
}

#[test]
fn golden_bpmn_of_bundled_sops() {
    for path in bundled() {
        let got = export(&path, Lang::Id).xml;
        let name = path.file_stem().unwrap().to_str().unwrap();
        golden(&format!("tests/golden/bpmn/{name}.bpmn"), &got);
    }
}

fn bpmnlint_bin() -> PathBuf {
    repo("tools/bpmnlint/node_modules/bpmnlint/bin/bpmnlint.js")
}

fn bpmnlint_available() -> bool {
    tool_available(
        "bpmnlint (node + `npm ci --prefix tools/bpmnlint`)",
        Command::new("node").arg(bpmnlint_bin()).arg("--version"),
    )
}

/// Runs bpmnlint on `xml`; returns its (element id, severity, rule) lines.
fn bpmnlint(xml: &str) -> (Vec<(String, String, String)>, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.bpmn");
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("node")
        .arg(bpmnlint_bin())
        .arg("--config")
        .arg(repo("tools/bpmnlint/.bpmnlintrc"))
        .arg(&file)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    let findings = text
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            match (f.first(), f.get(1), f.last()) {
                (Some(id), Some(sev), Some(rule)) if *sev == "error" || *sev == "warning" => {
                    Some((id.to_string(), sev.to_string(), rule.to_string()))
                }
                _ => None,
            }
        })
        .collect();
    (findings, text)
}

#[test]
fn bpmnlint_accepts_every_bundled_sop() {
    if !bpmnlint_available() {
        return;
    }
    let mut files = bundled();
    // Branches that end with an outcome become end events of their own.
    files.push(repo("tests/corpus/ok/rows-and-outcomes.yaml"));
    for path in files {
        for lang in [Lang::Id, Lang::En] {
            let (findings, text) = bpmnlint(&export(&path, lang).xml);
            // No errors, and none of the warnings either (fake-join,
            // superfluous-gateway, no-overlapping-elements, …).
            assert!(findings.is_empty(), "{}:\n{text}", path.display());
            assert!(!text.contains("Parse error") && !text.contains("Import warning"), "{text}");
        }
    }
}

#[test]
fn bpmnlint_agrees_on_planted_defects() {
    if !bpmnlint_available() {
        return;
    }
    let path = repo("tests/golden/bpmn/broken.yaml");
    let e = export(&path, Lang::Id);
    assert!(!e.dead_ends.is_empty() && !e.implicit_starts.is_empty(), "fixture lost its defects");
    // The faulty steps are marked (red border, codes in the documentation).
    assert_eq!(e.xml.matches(r##"color:border-color="#d32f2f""##).count(), 3, "{}", e.xml);
    let (findings, text) = bpmnlint(&e.xml);
    assert!(!text.contains("Parse error") && !text.contains("Import warning"), "{text}");
    let steps_flagged = |rule: &str| -> BTreeSet<String> {
        findings
            .iter()
            .filter(|f| f.2 == rule)
            .filter_map(|f| f.0.strip_prefix("Step_")?.parse::<usize>().ok())
            .map(|row| e.ids[row - 1].clone())
            .collect()
    };
    assert_eq!(steps_flagged("no-implicit-end"), e.dead_ends, "{text}");
    assert_eq!(steps_flagged("no-implicit-start"), e.implicit_starts, "{text}");
    // Nothing else flagged by those rules (no helper node of ours).
    let other: Vec<_> = findings
        .iter()
        .filter(|f| f.2.starts_with("no-implicit-") && !f.0.starts_with("Step_"))
        .collect();
    assert!(other.is_empty(), "{text}");
}
