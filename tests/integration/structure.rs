//! Tables as agencies draw them, end to end through the command line and
//! the produced SVG: written row numbers with a gap, one numbered row of
//! several symbols, a substitute actor, a branch that ends the procedure
//! with an outcome, and "Mulai"/"Selesai" capsules. Inputs: the example
//! `tests/corpus/ok/rows-and-outcomes.yaml` and the real Blitar SOP
//! re-expressed with these keys (`tests/corpus/real/restructured/`).

use sopmap::lang::Lang;
use sopmap::render::document::{LinkedSops as Catalogue, Options, layout};

use crate::document::{geometry_problems, load};
use crate::harness::{Test, repo};

const EXAMPLE: &str = "tests/corpus/ok/rows-and-outcomes.yaml";
const BLITAR: &str = "tests/corpus/real/restructured/izin-prinsip-dpmptsp-blitar.yaml";
const BLITAR_AS_PUBLISHED: &str = "tests/corpus/real/izin-prinsip-dpmptsp-blitar.yaml";

fn run(args: &[&str]) -> crate::harness::Output {
    Test::new().args(args.iter().map(|a| a.to_string()).collect::<Vec<_>>()).run()
}

fn path(rel: &str) -> String {
    repo(rel).display().to_string()
}

/// The findings of one file by code, for the rules this feature owns.
fn codes(rel: &str, wanted: &[&str]) -> Vec<String> {
    let out = run(&["check", &path(rel), "--format", "concise"]);
    out.stdout
        .lines()
        .filter(|l| wanted.iter().any(|c| l.contains(&format!(" {c} "))))
        .map(|l| l.rsplit_once(".yaml:").map_or(l, |(_, r)| r).to_string())
        .collect()
}

#[test]
fn the_real_blitar_sop_re_expressed_has_only_true_structural_findings() {
    // Flow and numbering rules: the published gap (…4, 6) is kept and its
    // warning suppressed in the file; the "Tidak" branch that leaves the
    // table is an end, so nothing is a dead end, a trap or unreachable.
    let flow = ["SOP112", "SOP201", "SOP203", "SOP204", "SOP205", "SOP206", "SOP210", "SOP901"];
    assert_eq!(codes(BLITAR, &flow), Vec::<String>::new());
    // As published (no `row` keys), the same rules find nothing either.
    assert_eq!(codes(BLITAR_AS_PUBLISHED, &flow), Vec::<String>::new());
    // Without the suppression the gap is reported once, at row 6.
    let text = std::fs::read_to_string(repo(BLITAR)).unwrap();
    let unsuppressed = text.replace("# sopmap: ignore[irregular-row-number]", "#");
    let t = Test::new().env_lang("en").file("b.yaml", &unsuppressed);
    let dir = t.path().to_path_buf();
    let out = t.args(["check", "b.yaml", "--format", "concise"]).run();
    let gap: Vec<&str> = out.stdout.lines().filter(|l| l.contains("SOP112")).collect();
    assert_eq!(gap.len(), 1, "{}", out.stdout);
    assert!(
        gap[0]
            .contains("row number 6 of step `rapat_pembahasan` follows row 4: number 5 is skipped")
    );
    drop(dir);
}

#[test]
fn every_renderer_prints_the_written_numbers() {
    let blitar = path(BLITAR);
    let table = run(&["table", &blitar, "--format", "md", "--force"]);
    let numbers: Vec<&str> = table
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "6", "7", "8"], "{}", table.stdout);

    let list = run(&["checklist", &blitar, "--force"]);
    let items: Vec<&str> = list
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("[ ] "))
        .filter_map(|l| l.split('.').next())
        .collect();
    // Row 3 holds two steps: the applicant's and the CS officer's.
    assert_eq!(items, ["1", "2", "3", "3", "4", "6", "7", "8"], "{}", list.stdout);

    let dot = run(&["render", &blitar, "--format", "dot", "--force"]);
    assert!(dot.stdout.contains("6. Penjadwalan untuk rapat"), "{}", dot.stdout);
    assert!(dot.stdout.contains("{ rank=same; \"s3\"; \"s4\"; }"), "{}", dot.stdout);
    let mmd = run(&["render", &blitar, "--format", "mermaid", "--force"]);
    assert!(mmd.stdout.contains("8. Penerbitan ijin"), "{}", mmd.stdout);
}

#[test]
fn a_branch_that_ends_the_procedure_is_an_end_everywhere() {
    let example = path(EXAMPLE);
    assert_eq!(run(&["check", &example]).status, 0);
    let dot = run(&["render", &example, "--format", "dot"]).stdout;
    assert!(dot.contains("\"s4_e2\" [shape=box, style=\"rounded,filled\""), "{dot}");
    assert!(dot.contains("\"s4\" -> \"s4_e2\" [label=\" Tidak \"];"), "{dot}");
    let mmd = run(&["render", &example, "--format", "mermaid"]).stdout;
    assert!(mmd.contains("s4_e2([\"Selesai"), "{mmd}");
    assert!(mmd.contains("s4 -->|\"Tidak\"| s4_e2"), "{mmd}");
    let checklist = run(&["checklist", &example]).stdout;
    assert!(checklist.contains("[ ] Tidak: prosedur selesai: Dikembalikan ke pemohon melalui CS"));
    let en = run(&["checklist", &example, "--lang", "en", "--format", "md"]).stdout;
    assert!(en.contains("Tidak: the procedure ends: Dikembalikan ke pemohon melalui CS"), "{en}");
    // timing: the rejected file is the fastest path, ending at the decision.
    let timing = run(&["timing", &example, "--format", "json"]).stdout;
    let v: serde_json::Value = serde_json::from_str(&timing).unwrap();
    let best: Vec<&str> =
        v[0]["best_path"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(best, ["mulai", "serahkan", "terima", "periksa"]);
    // The row's time counts once; its second step is not "untimed", and
    // neither is the bare "Mulai" capsule (no activity, no work, no time:
    // missing-time is silent on it too).
    assert_eq!(v[0]["untimed"], serde_json::json!([]), "{timing}");
    let nos: Vec<i64> =
        v[0]["worst_path"].as_array().unwrap().iter().map(|s| s["no"].as_i64().unwrap()).collect();
    assert_eq!(nos, [1, 2, 2, 3, 4, 5, 6, 6]);
}

#[test]
fn the_substitute_is_named_and_gets_the_step_in_their_checklist() {
    let example = path(EXAMPLE);
    for format in ["text", "md", "html"] {
        let camat = run(&["checklist", &example, "--actor", "camat", "--format", format]).stdout;
        let sekcam = run(&["checklist", &example, "--actor", "sekcam", "--format", format]).stdout;
        for c in [&camat, &sekcam] {
            assert!(c.contains("Menandatangani surat keterangan"), "{format}: {c}");
            assert!(c.contains("pengganti: Sekretaris Camat"), "{format}: {c}");
        }
        // The text format wraps long lines: compare with spaces squashed.
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat(&sekcam).contains("sebagai pelaksana pengganti"), "{format}: {sekcam}");
        assert!(!flat(&camat).contains("sebagai pelaksana pengganti"), "{format}: {camat}");
    }
    let table = run(&["table", &example, "--format", "md"]).stdout;
    assert!(table.contains("Pengganti: Sekretaris Camat"), "{table}");
    // An unknown substitute is reported like an unknown actor.
    let yaml = std::fs::read_to_string(repo(EXAMPLE))
        .unwrap()
        .replace("alternate: sekcam", "alternate: sekcamm");
    let out = Test::new()
        .env_lang("en")
        .file("r.yaml", &yaml)
        .args(["check", "r.yaml", "--format", "concise"])
        .run();
    assert!(
        out.stdout.contains("SOP102 unknown actor `sekcamm` in `alternate` of step `tandatangani`"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_document_draws_rows_outcomes_and_capsule_words() {
    // Layout: the geometry checks of the bundled SOPs hold at every page size.
    for rel in [EXAMPLE, BLITAR] {
        let (sop, graph) = load(&std::fs::read_to_string(repo(rel)).unwrap());
        for rows in [1, 2, 3, 8] {
            let chart = layout(
                &sop,
                &graph,
                &Options { lang: Lang::Id, rows_per_page: rows, ..Options::default() },
                &Catalogue::default(),
            );
            let bad = geometry_problems(&sop, &graph, &chart);
            assert!(bad.is_empty(), "{rel} at {rows} rows per page:\n{}", bad.join("\n"));
            let outcomes: usize = chart.pages.iter().map(|p| p.outcomes.len()).sum();
            assert_eq!(outcomes, 1, "{rel}");
        }
    }

    // The produced SVG, read as a reader would: capsules carry their words,
    // the outcome's capsule sits level with its decision and an arrow ends
    // on its side; no rule line runs between the two steps of row 2.
    let html = run(&["document", &path(EXAMPLE)]).stdout;
    let words: Vec<&str> = html
        .split("<text class=\"cap\"")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split_once('<')).map(|(w, _)| w))
        .collect();
    // The substitute's column holds a dotted mark with its word.
    assert_eq!(words, ["Mulai", "Pengganti", "Selesai", "Selesai"], "capsule words");
    assert_eq!(html.matches("class=\"sym alt\"").count(), 1, "one substitute mark");
    let capsules: Vec<(f64, f64, f64, f64)> = html
        .split("<rect class=\"sym\" ")
        .skip(1)
        .filter(|r| r.split('>').next().unwrap().contains(" rx="))
        .map(|r| {
            let r = format!(" {r}");
            let attr = |name: &str| -> f64 {
                let start = r.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3).unwrap_or(0);
                let rest = &r[start..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            };
            (attr("x"), attr("y"), attr("width"), attr("height"))
        })
        .collect();
    assert_eq!(capsules.len(), 3, "start, end and the outcome's end");
    let arrows: Vec<Vec<(f64, f64)>> = html
        .split("<polyline class=\"arrow\" points=\"")
        .skip(1)
        .map(|p| {
            p[..p.find('"').unwrap()]
                .split(' ')
                .map(|xy| {
                    let (x, y) = xy.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect();
    // The outcome capsule is the one no step's row text stands beside:
    // the one an arrow reaches horizontally on its left side.
    let reached_from_the_side = capsules.iter().filter(|(x, y, _, h)| {
        arrows.iter().any(|a| {
            let (ex, ey) = *a.last().unwrap();
            let (px, py) = a[a.len() - 2];
            (ex - x).abs() < 0.11
                && (ey - (y + h / 2.0)).abs() < 0.11
                && (py - ey).abs() < 0.11
                && px < ex
        })
    });
    assert_eq!(reached_from_the_side.count(), 1, "{capsules:?}\n{arrows:?}");
}

#[test]
fn diff_reports_the_new_keys_as_step_changes() {
    let old = std::fs::read_to_string(repo(EXAMPLE)).unwrap();
    let new = old
        .replace("alternate: sekcam", "alternate: kasi")
        .replace("    row: 6\n", "    row: 7\n")
        .replace("outcome: Dikembalikan ke pemohon melalui CS", "outcome: Ditolak");
    let out = Test::new()
        .file("a.yaml", &old)
        .file("b.yaml", &new)
        .args(["diff", "a.yaml", "b.yaml", "--format", "json"])
        .run();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let text = v.to_string();
    for field in ["\"alternate\"", "\"row\"", "\"branches.outcome\""] {
        assert!(text.contains(field), "{field}: {text}");
    }
    assert!(text.contains("Tidak: Ditolak"), "{text}");
}

/// The example with its rows rearranged: `extra` steps are added after
/// `periksa`'s row and `periksa` made to branch as `branches` says.
fn example_with(branches: &str, extra: &str) -> String {
    let text = std::fs::read_to_string(repo(EXAMPLE)).unwrap();
    let old_branches = "    branches:\n      - label: Ya\n        next: konsep\n      - label: Tidak\n        outcome: Dikembalikan ke pemohon melalui CS\n";
    assert!(text.contains(old_branches));
    let text = text.replace(old_branches, branches);
    text.replace("  - id: konsep\n", &format!("{extra}  - id: konsep\n"))
}

#[test]
fn joined_rows_stand_side_by_side_with_straight_arrows_in_the_svg() {
    // Row 2 (pemohon hands over, the CS receives) and row 6 (the CS hands
    // over, the procedure ends with the applicant): each one band, its
    // symbols level, one straight arrow between them, read from the SVG.
    let html = run(&["document", &path(EXAMPLE)]).stdout;
    let page = crate::geometry::pages_of_html(&html).into_iter().last().unwrap();
    let svg = crate::geometry::Svg::parse(page);
    let (sop, graph) = load(&std::fs::read_to_string(repo(EXAMPLE)).unwrap());
    let chart = layout(&sop, &graph, &Options::default(), &Catalogue::default());
    let bands: Vec<(usize, usize)> =
        chart.pages.iter().flat_map(|p| p.rows.iter().map(|r| (r.step, r.last))).collect();
    assert_eq!(bands, [(0, 0), (1, 2), (3, 3), (4, 4), (5, 5), (6, 7)]);
    let level: Vec<_> =
        svg.arrows.iter().map(|(_, a)| a).filter(|a| a.len() == 2 && a[0].1 == a[1].1).collect();
    // Row 2's arrow runs right, row 6's left (to the applicant's column),
    // and the outcome's arrow from the decision's corner runs right.
    let rightwards = level.iter().filter(|a| a[1].0 > a[0].0).count();
    let leftwards = level.iter().filter(|a| a[1].0 < a[0].0).count();
    assert_eq!((rightwards, leftwards), (2, 1), "{level:?}");
    let counts = crate::geometry::check_sop_document(
        &html,
        &std::fs::read_to_string(repo(EXAMPLE)).unwrap(),
    );
    assert_eq!(counts.total(), 0, "{}\n{:#?}", counts.summary(), counts.details);

    // Two steps of the row in one column: stacked bands, as before.
    let stacked = std::fs::read_to_string(repo(EXAMPLE)).unwrap().replace(
        "    actor: petugas\n    activity: petugas menerima",
        "    actor: pemohon\n    activity: petugas menerima",
    );
    let (sop, graph) = load(&stacked);
    let chart = layout(&sop, &graph, &Options::default(), &Catalogue::default());
    assert!(chart.pages.iter().flat_map(|p| &p.rows).any(|r| r.step == 2 && r.continues));
    let bad = geometry_problems(&sop, &graph, &chart);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn every_outcome_gets_its_end_capsule_even_with_no_free_side() {
    // `periksa` (Kasi) has two arrows and two outcomes: one beside it, the
    // other below; in the last column and with a `with` beside it, below.
    let two = "    branches:\n      - label: Ya\n        next: konsep\n      - label: Ulang\n        next: serahkan\n      - label: Tidak\n        outcome: Dikembalikan ke pemohon melalui CS\n      - label: Tolak\n        outcome: Ditolak\n";
    let last_column = |t: String| {
        t.replace(
            "    kind: decision\n    actor: kasi\n",
            "    kind: decision\n    actor: sekcam\n",
        )
    };
    let crowded = |t: String| {
        t.replace(
            "    kind: decision\n    actor: kasi\n",
            "    kind: decision\n    actor: kasi\n    with: [camat, petugas]\n",
        )
    };
    let one_actor = |t: String| {
        let mut t = t;
        for a in ["pemohon", "petugas", "camat", "sekcam"] {
            t = t.replace(&format!("actor: {a}\n"), "actor: kasi\n");
        }
        t.replace("    alternate: sekcam\n", "")
    };
    let cases = [
        ("two outcomes", example_with(two, "")),
        ("last column", last_column(example_with(two, ""))),
        ("with beside", crowded(example_with(two, ""))),
        ("one actor", one_actor(example_with(two, ""))),
    ];
    for (what, yaml) in cases {
        let (sop, graph) = load(&yaml);
        for rows in [1, 3, 8] {
            let chart = layout(
                &sop,
                &graph,
                &Options { lang: Lang::Id, rows_per_page: rows, ..Options::default() },
                &Catalogue::default(),
            );
            let bad = geometry_problems(&sop, &graph, &chart);
            assert!(bad.is_empty(), "{what} at {rows}:\n{}", bad.join("\n"));
            let ends: Vec<_> = chart.pages.iter().flat_map(|p| &p.outcomes).collect();
            assert_eq!(ends.len(), 2, "{what} at {rows}: {ends:#?}");
        }
        let html = crate::geometry::document_html(&yaml, 8, Lang::Id).unwrap();
        let counts = crate::geometry::check_sop_document(&html, &yaml);
        assert_eq!(
            counts.through_symbol + counts.shared + counts.on_table_line,
            0,
            "{what}: {:#?}",
            counts.details
        );
    }
}

#[test]
fn documents_of_a_corpus_in_the_forms_of_published_sops_pass_the_geometry_checks() {
    // Rows of several steps side by side, outcome capsules and substitute
    // marks over 40 generated SOPs: the layout's own checks and the SVG
    // read back.
    let (mut joined, mut outcomes, mut marks) = (0, 0, 0);
    let mut all = crate::geometry::Counts::default();
    for (id, yaml) in crate::scale::gen_corpus::generate_real(40, 5) {
        let (sop, graph) = load(&yaml);
        let chart = layout(&sop, &graph, &Options::default(), &Catalogue::default());
        let bad = geometry_problems(&sop, &graph, &chart);
        assert!(bad.is_empty(), "{id}:\n{}", bad.join("\n"));
        for p in &chart.pages {
            joined += p.rows.iter().filter(|r| r.last > r.step).count();
            outcomes += p.outcomes.len();
            marks += p
                .symbols
                .iter()
                .filter(|s| s.role == sopmap::render::document::flowchart::Role::Alternate)
                .count();
        }
        let html = crate::geometry::document_html(&yaml, 8, Lang::Id).unwrap();
        let c = crate::geometry::check_sop_document(&html, &yaml);
        assert_eq!(
            c.shared + c.through_symbol + c.on_table_line + c.narrow_capsule + c.split_word,
            0,
            "{id}: {}\n{:#?}",
            c.summary(),
            c.details
        );
        all.add(c);
    }
    // Labels included: all zero, as docs/document.md states.
    assert_eq!(all.total(), 0, "{}\n{:#?}", all.summary(), all.details);
    assert!(joined > 10 && outcomes > 5 && marks > 5, "{joined} {outcomes} {marks}");
}
