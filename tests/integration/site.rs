//! `sopmap site`: hostile text shows as text on every page; a re-run on an
//! unchanged corpus rewrites nothing; only stale pages inside the site are
//! removed and a folder of other files is refused; and the site of the
//! bundled corpus plus a generated one, driven in headless Chromium by
//! `tools/site-test/check.mjs` (puppeteer-core, axe-core, html-validate):
//! the index lists every SOP, search by a step's wording finds its SOP,
//! index → makro → mikro → back works, every link resolves, no console
//! error, no request leaves the folder, no serious axe violation, valid
//! HTML.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use crate::harness::{repo, skipped, tool_available};
use crate::scale::gen_corpus;

fn sopmap(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sopmap")).args(args).output().unwrap()
}

fn site(inputs: &[&Path], out: &Path) -> std::process::Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["site".as_ref()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.extend(["-o".as_ref(), out.as_os_str()]);
    sopmap(&args)
}

fn bundled(dir: &Path) -> PathBuf {
    let sops = dir.join("sops");
    std::fs::create_dir_all(&sops).unwrap();
    for e in std::fs::read_dir(repo("sops")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, sops.join(p.file_name().unwrap())).unwrap();
    }
    sops
}

/// Every file of a folder, relative path → (bytes, mtime).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                let meta = std::fs::metadata(&p).unwrap();
                let rel = p.strip_prefix(dir).unwrap().to_path_buf();
                out.insert(rel, (std::fs::read(&p).unwrap(), meta.modified().unwrap()));
            }
        }
    }
    out
}

const HOSTILE: &str = r#"schema: sop-ap/1
id: jahat
level: mikro
type: administratif
identity:
  agency: "Badan <b>Tebal</b> & Co"
  unit: "Unit \"kutip\" <i>miring</i>"
  number: "SOP-<script>alert('nomor')</script>"
  title: "Judul <script>alert('judul')</script> ' \" &amp;"
actors:
  - {id: a, name: "Petugas <img src=x onerror=alert('aktor')>"}
steps:
  - {id: mulai, kind: start, actor: a, activity: "Mulai <svg onload=alert('langkah')>", time: 1 jam, next: selesai}
  - {id: selesai, kind: end, actor: a, activity: "Selesai </td></tr></table><a href=javascript:alert(1)>klik</a>", time: 1 jam}
"#;

#[test]
fn hostile_text_shows_as_text_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let sops = dir.path().join("in");
    std::fs::create_dir_all(&sops).unwrap();
    std::fs::write(sops.join("jahat.yaml"), HOSTILE).unwrap();
    let out = dir.path().join("site");
    let run = site(&[&sops], &out);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let mut seen = 0;
    for (rel, (bytes, _)) in snapshot(&out) {
        if rel.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for markup in [
            "<script>alert",
            "<b>Tebal",
            "<i>miring",
            "<img src=x",
            "<svg onload",
            "<a href=javascript",
        ] {
            assert!(!html.contains(markup), "{} holds raw `{markup}`", rel.display());
        }
        seen += 1;
    }
    assert!(seen >= 6, "only {seen} pages");
    let page = std::fs::read_to_string(out.join("sop/jahat.html")).unwrap();
    assert!(page.contains(
        "Judul &lt;script&gt;alert(&#39;judul&#39;)&lt;/script&gt; &#39; &quot; &amp;amp;"
    ));
    assert!(page.contains("Petugas &lt;img src=x onerror=alert(&#39;aktor&#39;)&gt;"));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("SOP-&lt;script&gt;alert(&#39;nomor&#39;)&lt;/script&gt;"));
    // The only script is the site's own file.
    assert_eq!(index.matches("<script").count(), 1);
    // The YAML download is the source, byte for byte.
    assert_eq!(std::fs::read_to_string(out.join("yaml/jahat.yaml")).unwrap(), HOSTILE);
}

#[test]
fn a_rerun_rewrites_nothing_and_removes_only_stale_pages() {
    let dir = tempfile::tempdir().unwrap();
    let sops = bundled(dir.path());
    let out = dir.path().join("public");
    let first = site(&[&sops], &out);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    let before = snapshot(&out);
    assert!(before.contains_key(Path::new("sop/pengaduan-pmi-makro.html")));
    assert!(before.contains_key(Path::new(".sopmap-site")));

    // Unchanged corpus: every byte and every mtime stay.
    let again = site(&[&sops], &out);
    assert!(String::from_utf8_lossy(&again.stderr).contains(" 0 berkas ditulis"));
    assert_eq!(snapshot(&out), before);

    // A file the user put in the site folder is not sopmap's to remove.
    std::fs::write(out.join("CNAME"), "sop.example.go.id\n").unwrap();
    // A SOP is gone: its pages go, nothing else does.
    std::fs::remove_file(sops.join("permohonan-opp-p2p-mikro.yaml")).unwrap();
    let shrunk = site(&[&sops], &out);
    assert_eq!(shrunk.status.code(), Some(0), "{}", String::from_utf8_lossy(&shrunk.stderr));
    let after = snapshot(&out);
    for gone in ["sop", "yaml", "bpmn", "doc"] {
        let ext = match gone {
            "yaml" => "yaml",
            "bpmn" => "bpmn",
            _ => "html",
        };
        assert!(
            !after.contains_key(&PathBuf::from(format!("{gone}/permohonan-opp-p2p-mikro.{ext}")))
        );
    }
    assert!(after.contains_key(Path::new("CNAME")));
    assert!(after.contains_key(Path::new("sop/pengaduan-pmi-makro.html")));
    // Pages of the other SOPs that did not change keep their mtime.
    let kept = Path::new("yaml/pengaduan-pmi-makro.yaml");
    assert_eq!(after[kept].1, before[kept].1);

    // A hand-edited manifest cannot make sopmap delete outside the site.
    let outside = dir.path().join("precious.txt");
    std::fs::write(&outside, "keep me").unwrap();
    let manifest = out.join(".sopmap-site");
    let mut text = std::fs::read_to_string(&manifest).unwrap();
    text.push_str("../precious.txt\n/etc/hostname\n");
    std::fs::write(&manifest, text).unwrap();
    assert_eq!(site(&[&sops], &out).status.code(), Some(0));
    assert!(outside.exists());

    // The site folder inside the input folder is not read back as input.
    let inner = sops.join("public");
    assert_eq!(site(&[&sops], &inner).status.code(), Some(0));
    let twice = site(&[&sops], &inner);
    assert_eq!(twice.status.code(), Some(0), "{}", String::from_utf8_lossy(&twice.stderr));
    assert!(String::from_utf8_lossy(&twice.stderr).contains(" 0 berkas ditulis"));
}

#[test]
fn a_folder_of_other_files_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sops = bundled(dir.path());
    let other = dir.path().join("docs");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("index.html"), "mine").unwrap();
    let run = site(&[&sops], &other);
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("bukan situs yang ditulis sopmap"), "{err}");
    assert_eq!(std::fs::read_to_string(other.join("index.html")).unwrap(), "mine");
    // A file is refused too; an empty folder is fine.
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    assert_eq!(site(&[&sops], &file).status.code(), Some(2));
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    assert_eq!(site(&[&sops], &empty).status.code(), Some(0));
}

#[test]
fn english_site_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    let sops = bundled(dir.path());
    let out = dir.path().join("en");
    let run = sopmap(&[
        "--lang".as_ref(),
        "en".as_ref(),
        "site".as_ref(),
        sops.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"en\">") && index.contains("SOP catalogue"));
    let id = std::fs::read_to_string(out.join("actors.html")).unwrap();
    assert!(id.contains("By actor"));
    assert!(out.join("actor/petugas-layanan-pengaduan.html").is_file());
}

/// The first `id:` and `activity:` of a generated SOP file.
fn id_and_activity(yaml: &str) -> (String, String) {
    let value = |key: &str| {
        let line = yaml.lines().find(|l| l.trim_start().starts_with(key)).unwrap();
        let v = line.trim_start().trim_start_matches(key).trim();
        v.trim_matches('"').to_string()
    };
    (value("id:"), value("activity:"))
}

#[test]
fn the_site_works_in_a_real_browser() {
    let tool = repo("tools/site-test");
    if !tool_available("node", Command::new("node").arg("--version"))
        || !tool_available("chromium", Command::new("/usr/bin/chromium").arg("--version"))
    {
        return;
    }
    if !tool.join("node_modules/puppeteer-core").is_dir() {
        if std::env::var("SOPMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
            panic!(
                "puppeteer-core is required (SOPMAP_REQUIRE_TOOLS=1): run `npm ci --prefix tools/site-test`"
            );
        }
        skipped("tools/site-test is not installed (npm ci --prefix tools/site-test)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sops = bundled(dir.path());
    let generated = dir.path().join("gen");
    gen_corpus::write_corpus(&generated, 60, false, 7, None).unwrap();
    let out = dir.path().join("public");
    let run = site(&[&sops, &generated], &out);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));

    let mut files: Vec<PathBuf> = std::fs::read_dir(&generated)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let (gen_id, gen_activity) = id_and_activity(&std::fs::read_to_string(&files[7]).unwrap());
    let plan = serde_json::json!({
        "chromium": "/usr/bin/chromium",
        "sops": 4 + files.len(),
        "queries": [
            {"q": "Mencocokkan identitas pengadu dan PMI", "expect": "sop/verifikasi-berkas-pengaduan-mikro.html"},
            // Case and accents do not matter.
            {"q": "MENCÓCOKKAN identitas", "expect": "sop/verifikasi-berkas-pengaduan-mikro.html"},
            {"q": gen_activity, "expect": format!("sop/{gen_id}.html")},
        ],
        "walk": {"makro": "sop/pengaduan-pmi-makro.html", "mikro": "sop/verifikasi-berkas-pengaduan-mikro.html"},
        "axe": [
            "index.html",
            "sop/pengaduan-pmi-makro.html",
            "actors.html",
            "actor/petugas-layanan-pengaduan.html",
            "map.html",
            "reviewers.html",
        ],
        "validate": "all",
    });
    let plan_file = dir.path().join("plan.json");
    std::fs::write(&plan_file, plan.to_string()).unwrap();
    let check = Command::new("node")
        .arg(tool.join("check.mjs"))
        .arg(&out)
        .arg(&plan_file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "{stdout}\n{stderr}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(summary["index_rows"], 4 + files.len());
    assert_eq!(summary["walk"], "ok");
    assert!(summary["links_checked"].as_u64().unwrap() > 1000, "{summary}");
}

/// `--pdf`: every SOP page offers the PDF Chromium printed of its document,
/// with every page of it ("Halaman X dari Y" on the last page equals the
/// page count); a re-run prints nothing again.
#[test]
fn with_pdf_every_sop_gets_its_printed_document_once() {
    if !tool_available("chromium", Command::new("chromium").arg("--version"))
        || !tool_available("pdftotext", Command::new("pdftotext").arg("-v"))
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sops = bundled(dir.path());
    let out = dir.path().join("public");
    let args: Vec<&std::ffi::OsStr> =
        vec!["site".as_ref(), sops.as_os_str(), "-o".as_ref(), out.as_os_str(), "--pdf".as_ref()];
    let first = sopmap(&args);
    let err = String::from_utf8_lossy(&first.stderr);
    assert_eq!(first.status.code(), Some(0), "{err}");
    assert!(err.contains(", 4 PDF dicetak"), "{err}");
    for e in std::fs::read_dir(&sops).unwrap() {
        let stem = e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = std::fs::read(out.join(format!("pdf/{stem}.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{stem}");
        let page = std::fs::read_to_string(out.join(format!("sop/{stem}.html"))).unwrap();
        assert!(page.contains(&format!("href=\"../pdf/{stem}.pdf\"")), "{stem}");
        // The printed text: one form feed per page, the last page says so.
        let text = Command::new("pdftotext")
            .arg(out.join(format!("pdf/{stem}.pdf")))
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let pages = text.matches('\u{c}').count();
        assert!(text.contains(&format!("Halaman {pages} dari {pages}")), "{stem}: {pages} pages");
    }
    let again = sopmap(&args);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains(" 0 berkas ditulis") && err.contains(", 0 PDF dicetak"), "{err}");
}
