//! Every finding in both languages: the lint, parse and multi-file corpus
//! checked with `--lang id` and `--lang en` (JSON, so each finding is
//! compared field by field). The same findings come out in the same order
//! with the same codes and positions, and every human text (message, help,
//! labels) differs between the two: no text falls back silently to the
//! other language. Every rule that the corpus triggers is covered; the
//! corpus has a case for each rule.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::Value;

use crate::harness::{Test, repo};

fn cases() -> Vec<(PathBuf, Vec<String>)> {
    let mut out = Vec::new();
    for sub in ["lint", "parse"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(repo(&format!("tests/corpus/{sub}")))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let directives: Vec<String> = text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .filter_map(|l| l.strip_prefix("# sopmap-test:"))
                .flat_map(|r| r.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .collect();
            out.push((f, directives));
        }
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(repo("tests/corpus/multi"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    out.extend(dirs.into_iter().map(|d| (d, Vec::new())));
    out
}

fn findings(path: &PathBuf, extra: &[String], lang: &str) -> Vec<Value> {
    let mut t = Test::new();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    if path.is_dir() {
        for e in std::fs::read_dir(path).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(repo("")).unwrap().to_string_lossy().into_owned();
            t = t.copy(&rel, &format!("{name}/{}", p.file_name().unwrap().to_string_lossy()));
        }
    } else {
        let rel = path.strip_prefix(repo("")).unwrap().to_string_lossy().into_owned();
        t = t.copy(&rel, &name);
    }
    let out = t
        .args(["check", name.as_str(), "--format", "json", "--lang", lang])
        .args(extra.iter().map(String::as_str))
        .run();
    match serde_json::from_str(&out.stdout) {
        Ok(Value::Array(items)) => items,
        _ => panic!("{name}: not a JSON array: {}\n{}", out.stdout, out.stderr),
    }
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

#[test]
fn every_finding_is_written_in_both_languages() {
    let mut codes = BTreeSet::new();
    let mut count = 0;
    for (path, extra) in cases() {
        let id = findings(&path, &extra, "id");
        let en = findings(&path, &extra, "en");
        let shown = path.display();
        assert_eq!(id.len(), en.len(), "{shown}: the same findings in both languages");
        for (a, b) in id.iter().zip(&en) {
            for key in ["path", "line", "column", "code", "name", "severity"] {
                assert_eq!(a.get(key), b.get(key), "{shown}: `{key}` does not follow the language");
            }
            let code = text(a, "code");
            let (ma, mb) = (text(a, "message"), text(b, "message"));
            assert!(!ma.is_empty(), "{shown}: {code} has no message");
            assert_ne!(ma, mb, "{shown}: {code} message is the same in both languages");
            let (ha, hb) = (a.get("help"), b.get("help"));
            assert_eq!(ha.is_some_and(|h| h.is_null()), hb.is_some_and(|h| h.is_null()));
            if let (Some(Value::String(ha)), Some(Value::String(hb))) = (ha, hb) {
                // `did you mean `x`?` and its translation differ; a bare
                // suggestion cannot be the same in both either.
                assert_ne!(ha, hb, "{shown}: {code} help is the same in both languages");
            }
            let labels = |v: &Value| -> Vec<String> {
                v.get("labels")
                    .and_then(Value::as_array)
                    .map(|ls| ls.iter().map(|l| text(l, "message")).collect())
                    .unwrap_or_default()
            };
            for (la, lb) in labels(a).iter().zip(labels(b)) {
                assert_ne!(*la, lb, "{shown}: {code} label is the same in both languages");
            }
            codes.insert(code);
            count += 1;
        }
    }
    assert!(count > 50, "the corpus gave only {count} findings");
    // Every rule the tool has is exercised here, except those listed with
    // the reason no corpus file can trigger them.
    let all: BTreeSet<String> = sopmap::rule_id::ALL.iter().map(|r| r.code.to_string()).collect();
    let missing: Vec<&String> = all.difference(&codes).collect();
    assert!(missing.is_empty(), "rules with no finding in the corpus: {missing:?}");
}

/// The human texts of a finding (message, help, labels, follow-ons), with
/// what the user wrote taken out: text in backticks or double quotes is
/// the SOP's own words, ids and keys, which stay as written.
fn human_texts(v: &Value) -> Vec<String> {
    let mut help = text(v, "help");
    // A YAML slip's help ends with the line to type (`…: activity: "…"`):
    // the user's words, corrected.
    if text(v, "code") == "SOP001"
        && let Some((words, _)) = help.split_once(": ")
    {
        help = words.to_string();
    }
    let mut out = vec![text(v, "message"), help];
    if let Some(labels) = v.get("labels").and_then(Value::as_array) {
        out.extend(labels.iter().map(|l| text(l, "message")));
    }
    if let Some(follow) = v.get("follow_ons").and_then(Value::as_array) {
        out.extend(follow.iter().flat_map(human_texts));
    }
    out.into_iter().map(|t| strip_quoted(&t)).collect()
}

fn strip_quoted(t: &str) -> String {
    let mut out = String::new();
    let mut inside: Option<char> = None;
    for c in t.chars() {
        match inside {
            Some(q) if c == q => inside = None,
            Some(_) => {}
            None if c == '`' || c == '"' => inside = Some(c),
            None => out.push(c),
        }
    }
    out
}

/// Words that show a text is English (`ENGLISH`) or Indonesian
/// (`INDONESIAN`): function words no text of the other language needs.
/// The names of the SOP AP form's boxes (Pencatatan dan Pendataan, Mutu
/// Baku, …) are proper names that English texts keep; they are removed
/// before the Indonesian words are looked for.
const ENGLISH: &[&str] = &[
    "the", "is", "are", "must", "should", "found", "expected", "cannot", "unknown", "missing",
    "step", "steps", "with", "and", "of", "not", "has", "or", "write", "add", "remove", "did",
    "mean", "which", "that", "this", "here", "never", "every", "line",
];
const INDONESIAN: &[&str] = &[
    "yang",
    "tidak",
    "dan",
    "atau",
    "harus",
    "langkah",
    "tetapi",
    "dengan",
    "pada",
    "untuk",
    "ini",
    "itu",
    "belum",
    "sudah",
    "dari",
    "tuliskan",
    "tambahkan",
    "hapus",
    "baris",
    "berkas",
];
const FORM_NAMES: &[&str] = &[
    "Pencatatan dan Pendataan",
    "Peralatan/Perlengkapan",
    "Kualifikasi Pelaksana",
    "Dasar Hukum",
    "Keterkaitan",
    "Peringatan",
    "Mutu Baku",
    "Kelengkapan",
    "Tanggal Pembuatan",
    "Tanggal Revisi",
    "Tanggal Efektif",
    "Nomor SOP",
    "Nama SOP",
    "Unit Kerja",
    "Instansi",
    "Standar Pelayanan",
];

fn leaks(texts: &[String], words: &[&str], keep_names: bool) -> Vec<String> {
    let mut found = Vec::new();
    for t in texts {
        let mut t = t.clone();
        if !keep_names {
            for name in FORM_NAMES {
                t = t.replace(name, " ");
            }
        }
        for w in t.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            if words.contains(&w.to_lowercase().as_str()) {
                found.push(format!("`{w}` in: {t}"));
            }
        }
    }
    found
}

/// The bar of issue 13: every rule's trigger (the lint, parse and
/// multi-file corpus, and every YAML slip) checked in Indonesian gives no
/// English function word in any finding's text, and in English no
/// Indonesian one; the summary line follows the language too.
#[test]
fn no_english_leaks_into_indonesian_and_no_indonesian_into_english() {
    let mut all = cases();
    let mut slips: Vec<PathBuf> = std::fs::read_dir(repo("tests/corpus/yaml-slips"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    slips.sort();
    all.extend(slips.into_iter().map(|p| (p, Vec::new())));
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, extra) in &all {
        let shown = path.display();
        for (lang, words) in [("id", ENGLISH), ("en", INDONESIAN)] {
            for finding in findings(path, extra, lang) {
                checked += 1;
                let texts = human_texts(&finding);
                for leak in leaks(&texts, words, lang == "id") {
                    problems.push(format!("{shown} ({lang}) {}: {leak}", text(&finding, "code")));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} findings checked");
    assert!(problems.is_empty(), "{} leaks:\n{}", problems.len(), problems.join("\n"));
}

/// Errors that are not findings follow the language too: a file that is
/// not there, a broken `sopmap.yaml`, an unknown rule, a bad `--workday`,
/// `sopmap new` on a name folder checks skip. Indonesian by default (the
/// operating system's words included), English with `--lang en`.
#[test]
fn usage_config_and_io_errors_follow_the_language() {
    let cases: Vec<(Vec<&str>, Option<&str>, &str, &str)> = vec![
        (
            vec!["check", "tidak-ada.yaml"],
            None,
            "sopmap: kesalahan: tidak dapat membaca `tidak-ada.yaml`: berkas atau folder tidak ada",
            "sopmap: error: cannot read `tidak-ada.yaml`: No such file or directory",
        ),
        (
            vec!["check", "--select", "dead-ends", "x.yaml"],
            None,
            "sopmap: kesalahan: aturan `dead-ends` tidak dikenal; mungkin maksud Anda `dead-end`?",
            "sopmap: error: unknown rule `dead-ends`; did you mean `dead-end`?",
        ),
        (
            vec!["check", "x.yaml"],
            Some("rules:\n  dead-endd: warning\n"),
            "sopmap: kesalahan: sopmap.yaml:2:3: aturan `dead-endd` tidak dikenal\n  saran: mungkin maksud Anda `dead-end`?",
            "sopmap: error: sopmap.yaml:2:3: unknown rule `dead-endd`\n  help: did you mean `dead-end`?",
        ),
        (
            vec!["check", "--workday", "2 hari", "x.yaml"],
            None,
            "sopmap: kesalahan: `--workday 2 hari` harus berupa satu panjang waktu dalam `jam` atau `menit`",
            "sopmap: error: `--workday 2 hari` must be a single length in `jam` or `menit`",
        ),
        (
            vec!["new", "x.txt"],
            None,
            "sopmap: kesalahan: `x.txt` tidak berakhiran `.yaml`",
            "sopmap: error: `x.txt` does not end in `.yaml`",
        ),
    ];
    for (args, config, id, en) in cases {
        for (lang, want) in [(None, id), (Some("en"), en)] {
            let mut t = Test::new().file("x.yaml", "schema: sop-ap/1\n");
            if let Some(c) = config {
                t = t.file("sopmap.yaml", c);
            }
            if let Some(l) = lang {
                t = t.env_lang(l);
            }
            let out = t.args(args.iter().copied()).run();
            assert_eq!(out.status, 2, "{args:?} {lang:?}: {}", out.stderr);
            assert!(out.stderr.starts_with(want), "{args:?} {lang:?}:\n{}", out.stderr);
        }
    }
}
