//! A seeded mutation test: SOP YAML with bytes flipped, lines deleted,
//! duplicated or swapped, and indentation changed goes through parse,
//! check (every rule on), every renderer (DOT, Mermaid, BPMN, table,
//! checklist in text/Markdown/HTML, SOP AP document, time analysis, SOP map,
//! semantic diff against the unmutated SOP) and every report format; nothing
//! may panic, and every finding must point inside its file. The fuzz target
//! in fuzz/ does the same for much longer; this keeps the property in the
//! normal suite.

use sopmap::check::{Settings, check_file as check_source};
use sopmap::diff;
use sopmap::lang::Lang;
use sopmap::report::{self, Format, Report};
use sopmap::rule_id::Level;
use sopmap::rules::RULES;
use sopmap::source::SourceFile;

use crate::harness::repo;

/// xorshift64*: the test's own fixed random sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Characters that matter to YAML and to the SOP grammar.
const SPICE: &[u8] = b":-[]{}#&*!|>'\"\t\n ,?%@`0123456789abcxyz\\";

fn mutate(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> =
        text.split_inclusive('\n').map(|l| l.as_bytes().to_vec()).collect();
    for _ in 0..1 + rng.below(4) {
        if lines.is_empty() {
            break;
        }
        let i = rng.below(lines.len());
        match rng.below(7) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => {
                let spaces = b"  ".repeat(1 + rng.below(2));
                lines[i].splice(0..0, spaces);
            }
            4 => {
                let n = lines[i].iter().take_while(|&&b| b == b' ').count().min(1 + rng.below(3));
                lines[i].drain(..n);
            }
            5 => {
                if !lines[i].is_empty() {
                    let k = rng.below(lines[i].len());
                    lines[i][k] = SPICE[rng.below(SPICE.len())];
                }
            }
            _ => {
                if !lines[i].is_empty() {
                    let k = rng.below(lines[i].len());
                    lines[i][k] ^= 1 << rng.below(8);
                }
            }
        }
    }
    lines.concat()
}

#[test]
fn mutated_sops_never_panic() {
    let mut seeds: Vec<String> = std::fs::read_dir(repo("sops"))
        .expect("sops/")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty());
    let mut settings = Settings::default();
    for rule in RULES {
        settings.levels.set(rule.code, Level::Warning);
    }
    let mut rng = Rng(0x005E_ED50_F1A9_u64);
    let mut findings = 0;
    for case in 0..400 {
        let seed = &seeds[case % seeds.len()];
        let bytes = mutate(&mut rng, seed);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let source = SourceFile::new("m.yaml", text.clone());
        let checked = std::panic::catch_unwind(|| check_source(&source, 0, &settings))
            .unwrap_or_else(|_| panic!("check panicked on case {case}:\n{text}"));
        let len = source.text.len();
        for d in &checked.diagnostics {
            assert!(
                d.span.start <= d.span.end && d.span.end <= len,
                "case {case}: span {:?} outside the file",
                d.span
            );
        }
        findings += checked.diagnostics.len();
        let sources = [source];
        sopmap::render::all(&sources, &checked, settings.workday_minutes);
        // The diff of the original against the mutant.
        let original = SourceFile::new("o.yaml", seed.clone());
        let base = check_source(&original, 0, &settings);
        if let (Some(a), Some(ga), Some(b), Some(gb)) =
            (&base.sop, &base.graph, &checked.sop, &checked.graph)
        {
            let old =
                diff::Version { source: &original, sop: a, graph: ga, findings: &base.diagnostics };
            let new = diff::Version {
                source: &sources[0],
                sop: b,
                graph: gb,
                findings: &checked.diagnostics,
            };
            let d = diff::diff(&old, &new, settings.workday_minutes, Lang::Id);
            let _ = (diff::text::render(&d, Lang::En), diff::markdown::render(&d, Lang::Id));
        }
        let rep = Report { sources: &sources, color: true, lang: Lang::Id };
        for format in [Format::Full, Format::Concise, Format::Json, Format::Sarif, Format::Github] {
            let mut out = Vec::new();
            report::write(format, &rep, &checked.diagnostics, &mut out).expect("write to memory");
        }
    }
    // The mutations must actually break things, or the test proves nothing.
    assert!(findings > 400, "only {findings} findings over 400 mutated files");
}
