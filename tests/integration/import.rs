//! `sopmap import`: every bundled SOP printed by `sopmap document --format
//! pdf` (headless Chromium) and imported back (poppler) gives the same
//! model: actors, steps, kinds, arrows, branch labels, Mutu Baku and
//! remarks. A scanned PDF (an image, no text layer) and a text PDF that
//! is not an SOP AP document are refused with exit 2.

use std::process::Command;

use sopmap::check::{Settings, check_file as check_source};
use sopmap::model::Sop;
use sopmap::source::SourceFile;

use crate::harness::{Test, repo, tool_available};

fn load(yaml: &str) -> Sop {
    let src = SourceFile::new("t.yaml", yaml);
    let c = check_source(&src, 0, &Settings::default());
    c.sop.expect("the draft parses into a model")
}

/// What a round trip must keep, step by step, with arrows as row indices
/// (step ids are the importer's own).
fn summary(sop: &Sop) -> Vec<String> {
    let index = |id: &str| sop.steps.iter().position(|s| s.id_str() == id);
    let actor = |id: &str| {
        sop.actors
            .iter()
            .find(|a| a.id.as_ref().is_some_and(|i| i.value == id))
            .and_then(|a| a.name.as_ref().map(|n| n.value.clone()))
    };
    let mut out: Vec<String> = sop
        .actors
        .iter()
        .map(|a| format!("actor {:?}", a.name.as_ref().map(|n| n.value.clone())))
        .collect();
    for (i, s) in sop.steps.iter().enumerate() {
        let mut with: Vec<_> = s.with.iter().map(|w| actor(&w.value)).collect();
        with.sort();
        out.push(format!(
            "step {i}: kind {:?} actor {:?} with {:?} sub_sop {} activity {:?}",
            s.kind.as_ref().map(|k| k.value),
            s.actor.as_ref().and_then(|a| actor(&a.value)),
            with,
            s.sub_sop.is_some(),
            s.activity.as_ref().map(|a| a.value.clone()),
        ));
        out.push(format!(
            "  mutu {:?} time {:?} note {:?} wait {} output {:?}",
            s.requirements.iter().map(|r| r.value.clone()).collect::<Vec<_>>(),
            // The unit of a bare `hari` depends on `days:`, which the
            // document does not print; the written time does.
            s.time.as_ref().map(|t| (t.value.min, t.value.max, t.value.written.clone())),
            s.time_note.as_ref().map(|t| t.value.clone()),
            s.wait,
            s.output.as_ref().map(|o| o.value.clone()),
        ));
        out.push(format!("  notes {:?}", s.notes.as_ref().map(|n| n.value.clone())));
        out.push(format!("  next {:?}", s.next.as_ref().and_then(|n| index(&n.value))));
        for b in &s.branches {
            out.push(format!(
                "  branch {:?} -> {:?} outcome {:?}",
                b.label.as_ref().map(|l| l.value.clone()),
                b.next.as_ref().and_then(|n| index(&n.value)),
                b.outcome.as_ref().map(|o| o.value.clone()),
            ));
        }
    }
    out
}

fn tools() -> bool {
    tool_available("chromium", Command::new("chromium").arg("--version"))
        && tool_available("pdftotext", Command::new("pdftotext").arg("-v"))
        && tool_available("pdftocairo", Command::new("pdftocairo").arg("-v"))
}

#[test]
fn every_bundled_sop_round_trips_through_its_printed_pdf() {
    if !tools() {
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(repo("sops"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 4, "{names:?}");
    let dir = tempfile::tempdir().unwrap();
    for name in &names {
        let src = repo(&format!("sops/{name}.yaml"));
        let pdf = dir.path().join(format!("{name}.pdf"));
        let draft = dir.path().join(format!("{name}.yaml"));
        let out = Test::new()
            .args([
                "document".into(),
                "--format".into(),
                "pdf".into(),
                "--chromium".into(),
                "chromium".into(),
                "-o".into(),
                pdf.display().to_string(),
                src.display().to_string(),
            ])
            .run();
        assert_eq!(out.status, 0, "{name}: {}", out.stderr);
        let out = Test::new()
            .args([
                "import".into(),
                pdf.display().to_string(),
                "-o".into(),
                draft.display().to_string(),
            ])
            .run();
        assert_eq!(out.status, 0, "{name}: {}", out.stderr);
        let original = load(&std::fs::read_to_string(&src).unwrap());
        let text = std::fs::read_to_string(&draft).unwrap();
        assert!(text.contains("# sopmap import:"), "the draft counts what to check: {text}");
        let imported = load(&text);
        let (want, got) = (summary(&original), summary(&imported));
        assert_eq!(got.len(), want.len(), "{name}: {got:#?}\nwant {want:#?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "{name}");
        }
        assert_eq!(
            imported.identity.title.as_ref().map(|t| t.value.clone()),
            original.identity.title.as_ref().map(|t| t.value.clone()),
            "{name}"
        );
    }
}

#[test]
fn a_scanned_pdf_has_no_text_layer_and_exits_2() {
    if !tool_available("pdftotext", Command::new("pdftotext").arg("-v")) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("scan.pdf");
    std::fs::write(&pdf, image_pdf()).unwrap();
    let out = Test::new().args(["import".into(), pdf.display().to_string()]).run();
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("tidak memiliki lapisan teks"), "{}", out.stderr);
    assert!(out.stderr.contains("OCR tidak dilakukan"), "{}", out.stderr);
    let out = Test::new()
        .args(["--lang".into(), "en".into(), "import".into(), pdf.display().to_string()])
        .run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("no text layer"), "{}", out.stderr);
}

/// A one-page PDF with one line of text and no table, written by hand.
fn text_pdf() -> Vec<u8> {
    let content = "BT /F1 18 Tf 72 720 Td (Surat edaran, bukan SOP) Tj ET";
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ])
}

/// A one-page PDF holding only a picture (what a scanner makes).
fn image_pdf() -> Vec<u8> {
    let content = "q 400 0 0 300 100 400 cm /Im1 Do Q";
    let pixels = "A".repeat(64);
    pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        format!("<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n{pixels}\nendstream"),
    ])
}

/// A PDF of `objects` (numbered from 1) with a correct cross-reference table.
fn pdf(objects: &[String]) -> Vec<u8> {
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1));
    for o in offsets {
        pdf.push_str(&format!("{o:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

#[test]
fn a_text_pdf_without_a_flowchart_table_is_not_an_sop_ap() {
    if !tool_available("pdftotext", Command::new("pdftotext").arg("-v")) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("surat.pdf");
    std::fs::write(&pdf, text_pdf()).unwrap();
    let out = Test::new().args(["import".into(), pdf.display().to_string()]).run();
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("bukan dokumen SOP AP"), "{}", out.stderr);
}

#[test]
fn several_pdfs_need_an_output_folder() {
    let out = Test::new().args(["import", "a.pdf", "b.pdf"]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("-o"), "{}", out.stderr);
}
