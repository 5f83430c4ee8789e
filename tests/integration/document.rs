//! `sopmap document`: golden HTML of the bundled SOPs, geometry checks on
//! the flowchart layout (symbols in their cells, every arrow drawn and
//! clear of symbols, connectors in pairs), the CLI's refusals and outputs,
//! and a real-browser test that prints every bundled SOP to PDF with
//! headless Chromium and reads it back with pdftotext.

use std::collections::BTreeMap;
use std::process::Command;

use sopmap::check::{Settings, check_file as check_source};
use sopmap::graph::ProcessGraph;
use sopmap::lang::Lang;
use sopmap::model::Sop;
use sopmap::render::document::flowchart::{
    ColumnKind, Direction, EdgeRef, Endpoint, Flowchart, PAGE_HEIGHT, Role, Shape,
};
use sopmap::render::document::geometry::Point;
use sopmap::render::document::labels::branch_labels;
use sopmap::render::document::{LinkedSops as Catalogue, Options, layout};
use sopmap::source::SourceFile;

use crate::harness::{Test, repo, tool_available};

/// The file stems of every bundled SOP in `sops/`, sorted.
fn bundled_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo("sops"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 3, "{names:?}");
    names
}

pub(crate) fn load(yaml: &str) -> (Sop, ProcessGraph) {
    let src = SourceFile::new("t.yaml", yaml);
    let c = check_source(&src, 0, &Settings::default());
    (c.sop.unwrap(), c.graph.unwrap())
}

fn bundled(name: &str) -> (Sop, ProcessGraph) {
    load(&std::fs::read_to_string(repo(&format!("sops/{name}.yaml"))).unwrap())
}

/// Compares with a golden file under tests/golden/document.
#[track_caller]
fn golden(rel: &str, got: &str) {
    crate::harness::golden(&format!("tests/golden/document/{rel}"), got);
}

#[test]
fn golden_documents_of_the_bundled_sops() {
    let t = Test::new();
    let keep = tempfile::tempdir().unwrap();
    let out_dir = keep.path().join("out");
    let out = t
        .args([
            "document".into(),
            repo("sops").into_os_string(),
            "-o".into(),
            out_dir.clone().into_os_string(),
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr.trim_end(),
        format!(
            "wrote {} documents and index.html to {}",
            bundled_names().len(),
            out_dir.display()
        )
    );
    for name in bundled_names() {
        let html = std::fs::read_to_string(out_dir.join(format!("{name}.html"))).unwrap();
        golden(&format!("{name}.html"), &html);
    }
    golden("index.html", &std::fs::read_to_string(out_dir.join("index.html")).unwrap());
}

#[test]
fn golden_english_document() {
    let path = repo("sops/verifikasi-berkas-pengaduan-mikro.yaml");
    let out = Test::new()
        .args(["document".into(), path.into_os_string(), "--lang".into(), "en".into()])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    golden("verifikasi-berkas-pengaduan-mikro.en.html", &out.stdout);
    for label in [
        "SOP number",
        "Date created",
        "Approved by",
        "Legal basis",
        "Activity",
        "Actors",
        "Quality standard",
        "Remarks",
        "30 minutes",
    ] {
        assert!(out.stdout.contains(label), "missing {label}");
    }
}

/// Every problem with the drawing of `chart`, as readable lines.
pub(crate) fn geometry_problems(sop: &Sop, graph: &ProcessGraph, chart: &Flowchart) -> Vec<String> {
    let mut bad = Vec::new();
    let n = sop.steps.len();
    let mut page_of = vec![usize::MAX; n];
    let numbering = sopmap::model::Rows::of(sop);
    let mut number = 0;
    for (pi, page) in chart.pages.iter().enumerate() {
        if page.height > PAGE_HEIGHT {
            bad.push(format!("page {} is {} high, over {PAGE_HEIGHT}", page.number, page.height));
        }
        if page.rows.first().is_some_and(|r| r.continues) {
            bad.push(format!("page {} starts inside a numbered row", page.number));
        }
        for row in &page.rows {
            if row.continues == numbering.is_first(row.step)
                || (row.last > row.step && numbering.row_of(row.step) != numbering.row_of(row.last))
            {
                bad.push(format!("row {} out of order", row.number));
            }
            for i in row.steps() {
                number += 1;
                if i != number - 1 || row.number != numbering.number(i) {
                    bad.push(format!("row {} out of order", row.number));
                }
                page_of[i] = pi;
            }
            if row.y + row.h > page.height + 1e-6 {
                bad.push(format!("row {} runs off page {}", row.number, page.number));
            }
        }
    }
    if number != n {
        bad.push(format!("{number} rows for {n} steps"));
    }
    for (pi, page) in chart.pages.iter().enumerate() {
        // Symbols: inside their actor's column and their row.
        for sym in &page.symbols {
            let step = &sop.steps[sym.step];
            let row = page.rows.iter().find(|r| r.holds(sym.step)).unwrap();
            let col = &chart.columns[sym.column];
            let want_actor = match sym.role {
                Role::Main => sop.actor_index(step.actor.as_ref().unwrap().as_str()),
                Role::With | Role::Alternate => None,
            };
            match (col.kind, sym.role) {
                (ColumnKind::Actor(a), Role::Main) if Some(a) == want_actor => {}
                (ColumnKind::Actor(a), Role::With)
                    if step.with.iter().any(|w| sop.actor_index(w.as_str()) == Some(a)) => {}
                (ColumnKind::Actor(a), Role::Alternate)
                    if step.alternate.iter().any(|w| sop.actor_index(w.as_str()) == Some(a)) => {}
                (kind, role) => {
                    bad.push(format!("step {} {role:?} symbol in column {kind:?}", sym.step + 1))
                }
            }
            let cell = sopmap::render::document::geometry::Rect::new(col.x, row.y, col.w, row.h);
            if !cell.contains(&sym.rect) {
                bad.push(format!(
                    "step {} symbol {:?} outside its cell {cell:?}",
                    sym.step + 1,
                    sym.rect
                ));
            }
            let want_shape = match step.kind().unwrap() {
                sopmap::model::StepKind::Start | sopmap::model::StepKind::End => Shape::Capsule,
                sopmap::model::StepKind::Decision => Shape::Decision,
                sopmap::model::StepKind::Process if step.sub_sop.is_some() => Shape::SubProcess,
                sopmap::model::StepKind::Process => Shape::Process,
            };
            if sym.shape != want_shape {
                bad.push(format!("step {} drawn as {:?}", sym.step + 1, sym.shape));
            }
        }
        for i in page.rows.iter().flat_map(|r| r.steps()) {
            let mains = page.symbols.iter().filter(|s| s.step == i && s.role == Role::Main).count();
            if mains != 1 {
                bad.push(format!("step {} has {mains} main symbols", i + 1));
            }
        }
        // Arrows: orthogonal, clear of every symbol and connector, inside
        // the Pelaksana area, ending on the target's top.
        let (lo, hi) = chart.actor_area();
        // A decision is solid inside its diamond only: a port on its upper
        // edge leaves through the corner of its box.
        let obstacles = page.obstacles();
        // End capsules of branches that end the procedure: in an actor
        // column of their decision's row, reached by one horizontal arrow
        // from the decision's corner that crosses nothing.
        for o in &page.outcomes {
            let row = page.rows.iter().find(|r| r.holds(o.step)).unwrap();
            let col = &chart.columns[o.column];
            let cell = sopmap::render::document::geometry::Rect::new(col.x, row.y, col.w, row.h);
            if !matches!(col.kind, ColumnKind::Actor(_)) || !cell.contains(&o.rect) {
                bad.push(format!("outcome end of step {} outside its cell", o.step + 1));
            }
            let decision = page
                .symbols
                .iter()
                .find(|s| s.step == o.step && s.role == Role::Main)
                .map(|s| s.rect)
                .unwrap();
            if o.below.is_some() {
                // Below the band's symbols: down from the diamond's lower
                // edge, across, down into the capsule's top.
                let first = o.points[0];
                let last = *o.points.last().unwrap();
                let on_lower_edge = first.y > decision.cy() && first.y < decision.bottom();
                let into_top = last == Point::new(o.rect.cx(), o.rect.y);
                let lowest = page
                    .symbols
                    .iter()
                    .filter(|s| row.holds(s.step))
                    .map(|s| s.rect.bottom())
                    .fold(f64::MIN, f64::max);
                if !on_lower_edge || !into_top || o.rect.y <= lowest {
                    bad.push(format!("outcome arrow of step {} below is misplaced", o.step + 1));
                }
                for w in o.points.windows(2) {
                    if w[0].x != w[1].x && w[0].y != w[1].y {
                        bad.push(format!("outcome arrow of step {} is diagonal", o.step + 1));
                    }
                    for r in obstacles.iter().filter(|r| r.rect() != o.rect && r.rect() != decision)
                    {
                        if r.crossed_by(w[0], w[1]) {
                            bad.push(format!(
                                "outcome arrow of step {} crosses {:?}",
                                o.step + 1,
                                r.rect()
                            ));
                        }
                    }
                }
                continue;
            }
            let [p, q] = o.points[..] else {
                bad.push(format!("outcome arrow of step {} is not one segment", o.step + 1));
                continue;
            };
            let touches_end = (q.x - o.rect.x).abs() < 1e-6 || (q.x - o.rect.right()).abs() < 1e-6;
            let from_corner =
                (p.x - decision.x).abs() < 1e-6 || (p.x - decision.right()).abs() < 1e-6;
            if p.y != q.y || !touches_end || !from_corner {
                bad.push(format!("outcome arrow of step {} is not straight", o.step + 1));
            }
            for r in obstacles.iter().filter(|r| r.rect() != o.rect && r.rect() != decision) {
                if r.crossed_by(p, q) {
                    bad.push(format!(
                        "outcome arrow of step {} crosses {:?}",
                        o.step + 1,
                        r.rect()
                    ));
                }
            }
        }
        for a in &page.arrows {
            if a.points.len() < 2 {
                bad.push(format!("arrow {:?} has no length", a.edge));
            }
            for w in a.points.windows(2) {
                let (p, q) = (w[0], w[1]);
                if p.x != q.x && p.y != q.y {
                    bad.push(format!("arrow {:?} has a diagonal segment {p:?}-{q:?}", a.edge));
                }
                for o in &obstacles {
                    if o.crossed_by(p, q) {
                        bad.push(format!(
                            "arrow {:?} segment {p:?}-{q:?} crosses {:?}",
                            a.edge,
                            o.rect()
                        ));
                    }
                }
                for x in [p.x, q.x] {
                    if x < lo || x > hi {
                        bad.push(format!("arrow {:?} leaves the Pelaksana area at x={x}", a.edge));
                    }
                }
            }
            let end = *a.points.last().unwrap();
            // Inside a band drawn side by side: one straight stretch from
            // the source's side to the facing side of the next step.
            let band = page.rows.iter().find(|r| r.last > r.step && r.holds(a.edge.from));
            if let (Some(band), Endpoint::Step(t)) = (band, &a.to)
                && band.holds(*t)
            {
                let rect = |i: usize| {
                    page.symbols.iter().find(|s| s.step == i && s.role == Role::Main).unwrap().rect
                };
                let (src, dst) = (rect(a.edge.from), rect(*t));
                let ok = a.points.len() == 2
                    && *t == a.edge.from + 1
                    && a.points[0].y == src.cy()
                    && end.y == dst.cy()
                    && ((a.points[0].x == src.right() && end.x == dst.x)
                        || (a.points[0].x == src.x && end.x == dst.right()));
                if !ok {
                    bad.push(format!("arrow {:?} across its band is not straight", a.edge));
                }
                continue;
            }
            let target_top = match &a.to {
                Endpoint::Step(t) => page
                    .symbols
                    .iter()
                    .find(|s| s.step == *t && s.role == Role::Main)
                    .map(|s| Point::new(s.rect.cx(), s.rect.y)),
                Endpoint::Connector(l) => page
                    .connectors
                    .iter()
                    .find(|c| &c.label == l && c.direction == Direction::Out)
                    .map(|c| Point::new(c.rect.cx(), c.rect.y)),
            };
            if target_top != Some(end) {
                bad.push(format!("arrow {:?} ends at {end:?}, not at {target_top:?}", a.edge));
            }
        }
        let _ = pi;
    }
    // Every arrow of the graph is drawn: on its page, or through a pair of
    // connectors with one label.
    for from in 0..n {
        for (to, e) in graph.successors(from) {
            let branch = match e.kind {
                sopmap::graph::EdgeKind::Next => None,
                sopmap::graph::EdgeKind::Branch(b) => Some(b),
            };
            let edge = EdgeRef { from, branch, to };
            let (pf, pt) = (page_of[from], page_of[to]);
            let src_page = &chart.pages[pf];
            let drawn: Vec<_> = src_page
                .arrows
                .iter()
                .filter(|a| a.edge == edge && a.from == Endpoint::Step(from))
                .collect();
            if drawn.len() != 1 {
                bad.push(format!("arrow {edge:?} drawn {} times", drawn.len()));
                continue;
            }
            match &drawn[0].to {
                Endpoint::Step(t) if *t == to && pf == pt => {}
                Endpoint::Connector(label) if pf != pt => {
                    let dst = &chart.pages[pt];
                    let has_in = dst.connectors.iter().any(|c| {
                        &c.label == label && c.direction == Direction::In && c.target == to
                    });
                    let continues = dst.arrows.iter().any(|a| {
                        a.from == Endpoint::Connector(label.clone()) && a.to == Endpoint::Step(to)
                    });
                    if !has_in || !continues {
                        bad.push(format!(
                            "arrow {edge:?} leaves through {label} but does not arrive at step {}",
                            to + 1
                        ));
                    }
                }
                other => bad.push(format!("arrow {edge:?} goes to {other:?}")),
            }
            if let (Some(b), Some((label, ..))) = (branch, &drawn[0].label) {
                let full = &sop.steps[from].branches[b].label.as_ref().unwrap().value;
                let shown = branch_labels(&sop.steps[from], &chart.columns);
                assert_eq!(shown[b].as_ref().unwrap().0, label.replace('\n', " "), "{full}");
            } else if branch.is_some() {
                bad.push(format!("branch {edge:?} has no label"));
            }
        }
    }
    // Connectors come in pairs: one Out and one In per label, on different pages.
    let mut by_label: BTreeMap<&str, Vec<(usize, Direction)>> = BTreeMap::new();
    for (pi, page) in chart.pages.iter().enumerate() {
        for c in &page.connectors {
            by_label.entry(c.label.as_str()).or_default().push((pi, c.direction));
        }
    }
    for (label, uses) in &by_label {
        let outs: Vec<usize> = uses.iter().filter(|u| u.1 == Direction::Out).map(|u| u.0).collect();
        let ins: Vec<usize> = uses.iter().filter(|u| u.1 == Direction::In).map(|u| u.0).collect();
        if outs.len() != 1 || ins.len() != 1 || outs == ins {
            bad.push(format!("connector {label} is not one pair: out on {outs:?}, in on {ins:?}"));
        }
    }
    bad
}

#[test]
fn bundled_layouts_pass_the_geometry_checks_at_every_page_size() {
    for name in bundled_names() {
        let (sop, graph) = bundled(&name);
        for rows in [1, 2, 3, 5, 8, 20] {
            for lang in [Lang::Id, Lang::En] {
                let chart = layout(
                    &sop,
                    &graph,
                    &Options { lang, rows_per_page: rows, ..Options::default() },
                    &Catalogue::default(),
                );
                let bad = geometry_problems(&sop, &graph, &chart);
                assert!(bad.is_empty(), "{name} at {rows} rows per page:\n{}", bad.join("\n"));
                assert!(chart.pages.iter().all(|p| p.rows.len() <= rows));
            }
        }
    }
}

#[test]
fn the_makro_sop_paginates_with_connector_pairs() {
    let (sop, graph) = bundled("pengaduan-pmi-makro");
    let chart = layout(
        &sop,
        &graph,
        &Options { lang: Lang::Id, rows_per_page: 4, ..Options::default() },
        &Catalogue::default(),
    );
    assert_eq!(chart.pages.len(), 4);
    let connectors: usize = chart.pages.iter().map(|p| p.connectors.len()).sum();
    assert!(connectors >= 6, "{connectors}");
    assert!(
        chart.pages[0].connectors.iter().any(|c| c.label == "A" && c.direction == Direction::Out)
    );
    // The `with` actors of the mediation row are marked in their columns.
    let mediasi = sop.steps.iter().position(|s| s.id_str() == "mediasi").unwrap();
    let withs = chart
        .pages
        .iter()
        .flat_map(|p| &p.symbols)
        .filter(|s| s.step == mediasi && s.role == Role::With)
        .count();
    assert_eq!(withs, 2);
}

/// A SOP with many arrows back to earlier rows, a three-way decision, a
/// self-contained loop, `with` markers and rows on one column.
const TANGLED: &str = "schema: sop-ap/1
id: kusut
level: mikro
type: administratif
identity:
  agency: A
  unit: U
  number: N/1
  title: Kusut
  created: 2024-01-01
  effective: 2024-01-02
  approved_by:
    position: Kepala
legal_basis: [x]
qualifications: [x]
equipment: [x]
warnings: [x]
records: [x]
actors:
  - id: a
    name: Aktor A
  - id: b
    name: Aktor B
  - id: c
    name: Aktor C
steps:
  - id: s1
    kind: start
    actor: a
    activity: Mulai
    time: 1 jam
    next: s2
  - id: s2
    kind: process
    actor: a
    with: [b, c]
    activity: Rapat
    time: 1 jam
    next: s3
  - id: s3
    kind: decision
    actor: a
    activity: Pilih?
    time: 1 jam
    branches:
      - label: Satu
        next: s4
      - label: Dua
        next: s2
      - label: Tiga
        next: s6
  - id: s4
    kind: process
    actor: a
    activity: Kerja di kolom yang sama
    time: 1 jam
    next: s5
  - id: s5
    kind: decision
    actor: c
    activity: Ulang?
    time: 1 jam
    branches:
      - label: Ya
        next: s1
      - label: Tidak
        next: s6
  - id: s6
    kind: process
    actor: a
    activity: Lanjut
    time: 1 jam
    next: s7
  - id: s7
    kind: decision
    actor: b
    activity: Benar?
    time: 1 jam
    branches:
      - label: Benar
        next: s8
      - label: Salah
        next: s4
  - id: s8
    kind: end
    actor: a
    activity: Selesai
    time: 1 jam
";

#[test]
fn a_tangled_sop_still_routes_cleanly() {
    let (sop, graph) = load(TANGLED);
    for rows in 1..=8 {
        let chart = layout(
            &sop,
            &graph,
            &Options { lang: Lang::Id, rows_per_page: rows, ..Options::default() },
            &Catalogue::default(),
        );
        let bad = geometry_problems(&sop, &graph, &chart);
        assert!(bad.is_empty(), "{rows} rows per page:\n{}", bad.join("\n"));
    }
}

fn write_sop(t: Test, name: &str, yaml: &str) -> Test {
    t.file(name, yaml)
}

#[test]
fn writes_one_self_contained_file() {
    let keep = tempfile::tempdir().unwrap();
    let dir = keep.path().to_path_buf();
    let target = dir.join("s.html");
    let out = Test::new()
        .bundled()
        .args([
            "document".into(),
            "fasilitasi-kepulangan-pmi-mikro.yaml".into(),
            "-o".into(),
            target.clone().into_os_string(),
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stderr, format!("wrote {}\n", target.display()));
    let html = std::fs::read_to_string(dir.join("s.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"id\">"));
    assert!(html.contains("@page{size:A4 landscape"));
    assert!(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\""));
    // Nothing is fetched: no scripts, links, images or remote URLs.
    for needle in ["<script", "<link", "<img", "src=", "@import", "url(http", "href=\"http"] {
        assert!(!html.contains(needle), "found {needle}");
    }
    assert_eq!(html.matches("http").count(), html.matches("http://www.w3.org/2000/svg").count());
    // Inputs are untouched and no temporary files are left behind.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["s.html"]);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o644);
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let path = repo("sops/pengaduan-pmi-makro.yaml");
    let a = Test::new().args(["document".into(), path.clone().into_os_string()]).run();
    let b = Test::new().args(["document".into(), path.into_os_string()]).run();
    assert_eq!(a.status, 0);
    assert!(a.stdout == b.stdout);
}

#[test]
fn refuses_a_folder_as_the_output_file() {
    let t = Test::new()
        .env_lang("en")
        .copy("sops/fasilitasi-kepulangan-pmi-mikro.yaml", "s.yaml")
        .file("out/keep", "");
    let out = t.args(["document", "s.yaml", "-o", "out"]).run();
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "sopmap: error: `out` is a folder; give the output file, e.g. -o out/sop.html\n"
    );
}

#[test]
fn refuses_to_overwrite_its_input() {
    let t = Test::new().env_lang("en").copy("sops/fasilitasi-kepulangan-pmi-mikro.yaml", "s.yaml");
    let out = t.args(["document", "s.yaml", "-o", "s.yaml"]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("is an input"), "{}", out.stderr);
}

#[test]
fn a_folder_needs_an_output_folder() {
    let out =
        Test::new().env_lang("en").args(["document".into(), repo("sops").into_os_string()]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("give an output folder with -o"), "{}", out.stderr);
    let t = Test::new().env_lang("en").file("taken", "x");
    let taken = t.path().join("taken");
    let out = t
        .args([
            "document".into(),
            repo("sops").into_os_string(),
            "-o".into(),
            taken.into_os_string(),
        ])
        .run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("exists and is not a folder"), "{}", out.stderr);
}

#[test]
fn a_folder_gives_one_document_each_and_an_index_linking_them() {
    let t = Test::new();
    let keep = tempfile::tempdir().unwrap();
    let out_dir = keep.path().join("out");
    let out = t
        .args([
            "document".into(),
            repo("sops").into_os_string(),
            "-o".into(),
            out_dir.clone().into_os_string(),
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    for name in bundled_names() {
        assert!(index.contains(&format!("<a href=\"{name}.html\">")), "{index}");
    }
    // Keterkaitan names loaded SOPs by title and number.
    let makro = std::fs::read_to_string(out_dir.join("pengaduan-pmi-makro.html")).unwrap();
    assert!(makro.contains("<li>Verifikasi Data dan Dokumen Pengaduan Pekerja Migran Indonesia (Nomor SOP SOP-01.01/PLD/BP3MI-SU/XI/2022) &mdash; SOP turunan (mikro)</li>"));
    let mikro =
        std::fs::read_to_string(out_dir.join("verifikasi-berkas-pengaduan-mikro.html")).unwrap();
    assert!(mikro.contains("Penanganan Pengaduan dan Penyelesaian Permasalahan Pekerja Migran Indonesia (Nomor SOP SOP-01/PLD/BP3MI-SU/XI/2022) &mdash; SOP induk (makro)"));
}

const BROKEN: &str = "schema: sop-ap/1
id: rusak
level: mikro
type: administratif
identity:
  agency: A
  unit: U
  number: N/1
  title: Rusak
  created: 2024-01-01
  effective: 2024-01-02
  approved_by:
    position: Kepala
legal_basis: [x]
qualifications: [x]
equipment: [x]
warnings: [x]
records: [x]
actors:
  - id: a
    name: A
steps:
  - id: mulai
    kind: start
    actor: a
    activity: Mulai
    time: 1 jam
    next: selesia
  - id: selesai
    kind: end
    actor: a
    activity: Selesai
    time: 1 jam
";

#[test]
fn a_sop_with_errors_is_refused_unless_forced() {
    let keep = tempfile::tempdir().unwrap();
    let target = keep.path().join("r.html");
    let args = |force: bool| {
        let mut a: Vec<std::ffi::OsString> = vec![
            "document".into(),
            "rusak.yaml".into(),
            "-o".into(),
            target.clone().into_os_string(),
        ];
        if force {
            a.push("--force".into());
        }
        a
    };
    let out = write_sop(Test::new(), "rusak.yaml", BROKEN).args(args(false)).run();
    assert_eq!(out.status, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.starts_with(
            "rusak.yaml:28:11: SOP101 langkah `selesia` pada `next` langkah `mulai` tidak dikenal"
        ),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("tidak ada dokumen yang ditulis"), "{}", out.stderr);
    assert!(!target.exists());

    let out = write_sop(Test::new(), "rusak.yaml", BROKEN).args(args(true)).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.contains("`selesia`"), "{}", out.stderr);
    let html = std::fs::read_to_string(&target).unwrap();
    // A forced document says on every page that it is a draft.
    assert_eq!(
        html.matches("<div class=\"draft\">DRAF — SOP ini masih memiliki 1 kesalahan").count(),
        2
    );
    // The misspelt arrow is drawn to the step it most likely meant.
    assert!(html.contains("<polyline class=\"arrow\""));
}

#[test]
fn pdf_without_chromium_says_how_to_install_it() {
    let t = Test::new().env_lang("en").copy("sops/fasilitasi-kepulangan-pmi-mikro.yaml", "s.yaml");
    let dir = t.path().to_path_buf();
    let out = t
        .args([
            "document",
            "s.yaml",
            "--format",
            "pdf",
            "-o",
            "s.pdf",
            "--chromium",
            "/nonexistent/chromium",
        ])
        .run();
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .starts_with("sopmap: error: Chromium program `/nonexistent/chromium` was not found"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("apt-get install -y chromium"), "{}", out.stderr);
    assert!(!dir.join("s.pdf").exists());
    let out = Test::new()
        .env_lang("en")
        .copy("sops/fasilitasi-kepulangan-pmi-mikro.yaml", "s.yaml")
        .args(["document", "s.yaml", "--format", "pdf"])
        .run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("give it with -o"), "{}", out.stderr);
}

#[test]
fn rows_per_page_is_validated_and_applied() {
    let path = repo("sops/pengaduan-pmi-makro.yaml");
    let out = Test::new()
        .args([
            "document".into(),
            path.clone().into_os_string(),
            "--rows-per-page".into(),
            "0".into(),
        ])
        .run();
    assert_eq!(out.status, 2);
    let two = Test::new()
        .args([
            "document".into(),
            path.clone().into_os_string(),
            "--rows-per-page".into(),
            "2".into(),
        ])
        .run();
    assert_eq!(two.status, 0, "{}", two.stderr);
    // 16 rows at 2 per page, plus the identity pages (its boxes fill more
    // than one page), numbered over all of them.
    assert_eq!(two.stdout.matches("<section class=\"page flowchart\">").count(), 8);
    let identity = two.stdout.matches("<section class=\"page identity\">").count();
    assert_eq!(identity, 2);
    assert!(two.stdout.contains("Halaman 10 dari 10"));
}

/// Text as pdftotext gives it, compared without whitespace (lines wrap
/// anywhere) and with ligatures spelt out.
fn squash(s: &str) -> String {
    s.replace('\u{fb01}', "fi")
        .replace('\u{fb02}', "fl")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[test]
fn every_bundled_sop_prints_to_pdf_in_chromium_with_all_its_text() {
    if !tool_available("chromium", Command::new("chromium").arg("--version")) {
        return;
    }
    if !tool_available("pdftotext", Command::new("pdftotext").arg("-v")) {
        return;
    }
    for name in bundled_names() {
        let keep = tempfile::tempdir().unwrap();
        let pdf = keep.path().join("s.pdf");
        let out = Test::new()
            .bundled()
            .args([
                "document".into(),
                format!("{name}.yaml").into(),
                "--format".into(),
                "pdf".into(),
                "-o".into(),
                pdf.clone().into_os_string(),
                "--chromium".into(),
                "chromium".into(),
            ])
            .run();
        assert_eq!(out.status, 0, "{name}: {}", out.stderr);
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{name}");
        let text = Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(text.status.success());
        let text = squash(&String::from_utf8(text.stdout).unwrap());
        let (sop, _) = bundled(&name);
        let mut wanted = vec![sop.number().to_string(), sop.title().to_string()];
        wanted.extend(sop.steps.iter().map(|s| s.activity.as_ref().unwrap().value.clone()));
        for w in wanted {
            assert!(text.contains(&squash(&w)), "{name}: the PDF lacks {w:?}");
        }
        // A4 landscape: about 842 x 595 points.
        let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let info = String::from_utf8(info.stdout).unwrap();
        let size: Vec<f64> = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap()
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!((size[0] - 842.0).abs() < 2.0 && (size[1] - 595.0).abs() < 2.0, "{name}: {info}");
        let pages: usize = info
            .lines()
            .find(|l| l.starts_with("Pages:"))
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let html = Test::new()
            .args(["document".into(), repo(&format!("sops/{name}.yaml")).into_os_string()])
            .run()
            .stdout;
        assert_eq!(
            pages,
            html.matches("<section class=\"page").count(),
            "{name}: a page overflowed"
        );
    }
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let evil = TANGLED
        .replace("title: Kusut", "title: \"<script>alert(1)</script> & \\\"x\\\"\"")
        .replace("name: Aktor B", "name: \"<b>B</b>\"")
        .replace("activity: Rapat", "activity: \"</text><script>x</script>\"")
        .replace("label: Dua", "label: \"<i>Dua</i>\"");
    let t = Test::new().file("e.yaml", &evil);
    let out = t.args(["document", "e.yaml"]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("<script"), "unescaped script");
    assert!(!out.stdout.contains("<b>B</b>") && !out.stdout.contains("<i>Dua"));
    assert!(out.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    assert!(out.stdout.contains("&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;"));
    assert!(out.stdout.contains("&lt;i&gt;Dua&lt;/i&gt;"));
}

#[test]
fn forced_documents_of_incomplete_sops_do_not_panic() {
    let cases = [
        // No steps, no actors.
        "schema: sop-ap/1\nid: kosong\nidentity:\n  title: Kosong\n",
        // Unknown actor, missing kind, a step with no id.
        "schema: sop-ap/1\nid: x\nactors:\n  - id: a\nsteps:\n  - id: s1\n    actor: nobody\n    activity: A\n    next: s2\n  - id: s2\n    kind: end\n    activity: B\n  - kind: process\n    actor: a\n",
        // Steps but no actors at all, and a self-loop.
        "schema: sop-ap/1\nid: y\nsteps:\n  - id: s1\n    kind: start\n    actor: a\n    activity: A\n    next: s1\n",
    ];
    for yaml in cases {
        let out = Test::new().file("x.yaml", yaml).args(["document", "x.yaml", "--force"]).run();
        assert_eq!(out.status, 0, "{yaml}\n{}", out.stderr);
        assert!(out.stdout.contains("<svg"), "{yaml}");
        let refused = Test::new().file("x.yaml", yaml).args(["document", "x.yaml"]).run();
        assert_eq!(refused.status, 1, "{yaml}");
        assert!(!refused.stdout.contains("<!DOCTYPE"), "HTML written for a refused SOP");
        assert!(refused.stderr.contains(": SOP"), "{}", refused.stderr);
    }
}

/// A long SOP over many narrow actor columns: every third step a decision
/// with one branch forward and one back, so arrows cross pages both ways.
fn generated(steps: usize, actors: usize) -> String {
    let mut y = TANGLED.split("actors:").next().unwrap().replace("id: kusut", "id: panjang");
    y.push_str("actors:\n");
    for a in 0..actors {
        y.push_str(&format!("  - id: a{a}\n    name: Pelaksana nomor {a} dengan nama panjang\n"));
    }
    y.push_str("steps:\n");
    for i in 0..steps {
        let actor = (i * 7) % actors;
        let kind = if i == 0 {
            "start"
        } else if i == steps - 1 {
            "end"
        } else if i % 3 == 2 {
            "decision"
        } else {
            "process"
        };
        y.push_str(&format!(
            "  - id: s{i}\n    kind: {kind}\n    actor: a{actor}\n    activity: Langkah {i} dengan uraian kegiatan yang cukup panjang untuk dibungkus\n    time: 1 jam\n"
        ));
        if i % 5 == 1 && actors > 2 {
            y.push_str(&format!(
                "    with: [a{}, a{}]\n",
                (actor + 1) % actors,
                (actor + 3) % actors
            ));
        }
        match kind {
            "decision" => {
                let fwd = (i + 3).min(steps - 1);
                let back = i.saturating_sub(5);
                y.push_str(&format!(
                    "    branches:\n      - label: Ya\n        next: s{}\n      - label: Tidak\n        next: s{fwd}\n      - label: Ulang\n        next: s{back}\n",
                    i + 1
                ));
            }
            "end" => {}
            _ => y.push_str(&format!("    next: s{}\n", i + 1)),
        }
    }
    y
}

#[test]
fn long_sops_over_many_actors_route_cleanly() {
    for (steps, actors) in [(30, 12), (25, 3), (40, 7)] {
        let (sop, graph) = load(&generated(steps, actors));
        for rows in [1, 2, 4, 7, 10, 50] {
            let chart = layout(
                &sop,
                &graph,
                &Options { lang: Lang::Id, rows_per_page: rows, ..Options::default() },
                &Catalogue::default(),
            );
            let bad = geometry_problems(&sop, &graph, &chart);
            assert!(
                bad.is_empty(),
                "{steps} steps, {actors} actors, {rows} rows per page:\n{}",
                bad.join("\n")
            );
        }
    }
}

#[test]
fn oversized_rows_and_draft_banners_still_print_one_page_per_section() {
    if !tool_available("chromium", Command::new("chromium").arg("--version")) {
        return;
    }
    if !tool_available("pdfinfo", Command::new("pdfinfo").arg("-v")) {
        return;
    }
    // A row taller than a page (scaled down to fit) in a forced draft.
    let long = "Menerima dan memeriksa berkas ".repeat(120);
    let yaml = BROKEN.replace("activity: Mulai", &format!("activity: {long}"));
    let keep = tempfile::tempdir().unwrap();
    let pdf = keep.path().join("r.pdf");
    let t = Test::new().file("r.yaml", &yaml);
    let html = Test::new().file("r.yaml", &yaml).args(["document", "r.yaml", "--force"]).run();
    assert_eq!(html.status, 0, "{}", html.stderr);
    assert!(html.stdout.contains("<div class=\"draft\">"));
    let out = t
        .args([
            "document".into(),
            "r.yaml".into(),
            "--force".into(),
            "-f".into(),
            "pdf".into(),
            "-o".into(),
            pdf.clone().into_os_string(),
            "--chromium".into(),
            "chromium".into(),
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let pages: usize = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(pages, html.stdout.matches("<section class=\"page").count(), "{info}");
}

/// `sopmap.yaml` rule levels apply to `document` as to `check` and the
/// other renderers: with `unknown-step` lowered to a warning the document
/// of the broken SOP is written.
#[test]
fn document_follows_sopmap_yaml_rule_levels() {
    let keep = tempfile::tempdir().unwrap();
    let target = keep.path().join("r.html");
    let out = write_sop(Test::new(), "rusak.yaml", BROKEN)
        .file("sopmap.yaml", "rules:\n  unknown-step: warning\n")
        .args([
            "document".into(),
            "rusak.yaml".into(),
            "-o".into(),
            target.clone().into_os_string(),
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.contains("SOP101 warning: langkah `selesia` pada `next`"), "{}", out.stderr);
    assert!(target.exists());
}
