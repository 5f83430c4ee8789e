//! `sopmap schema`: the JSON Schema accepts every bundled SOP (converted
//! from YAML through sopmap's own YAML layer), rejects broken ones, and the
//! committed copy in `docs/` is up to date.

use crate::harness::{Test, assert_text, repo};

fn schema_text() -> String {
    let out = Test::new().args(["schema"]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    out.stdout
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema_text()).unwrap();
    jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap()
}

fn as_json(yaml: &str) -> serde_json::Value {
    let node = sopmap::yaml::parse(yaml, sopmap::yaml::Limits::default()).unwrap();
    sopmap::json_schema::to_json(&node)
}

fn errors(v: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    v.iter_errors(&as_json(yaml)).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

#[test]
fn every_bundled_sop_validates() {
    let v = validator();
    let mut n = 0;
    for entry in std::fs::read_dir(repo("sops")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(errors(&v, &text), Vec::<String>::new(), "{}", path.display());
        n += 1;
    }
    assert!(n >= 3);
    // The example of rows, substitutes and outcomes, in the editor too.
    let text = std::fs::read_to_string(repo("tests/corpus/ok/rows-and-outcomes.yaml")).unwrap();
    assert_eq!(errors(&v, &text), Vec::<String>::new());
    // A branch leads to a step or ends the procedure: not both, not neither.
    let both = text.replace(
        "outcome: Dikembalikan ke pemohon melalui CS",
        "outcome: Dikembalikan\n        next: konsep",
    );
    assert!(!errors(&v, &both).is_empty());
    let neither = text.replace("outcome: Dikembalikan ke pemohon melalui CS", "");
    assert!(!errors(&v, &neither).is_empty());
    // A process step needs its activity; a capsule does not.
    let bare = text.replace("    activity: Membuat konsep surat keterangan\n", "");
    assert!(!errors(&v, &bare).is_empty());
    // A step that continues a numbered row leaves its Mutu Baku to the
    // row's first step, as `misplaced-key` says; `same_row: false` may.
    let joined = "    same_row: true\n";
    assert!(text.contains(joined));
    for key in ["time: 5 menit", "output: Berkas", "row: 3", "requirements: [Berkas]", "wait: true"]
    {
        let extra = text.replacen(joined, &format!("{joined}    {key}\n"), 1);
        assert!(!errors(&v, &extra).is_empty(), "{key}");
        let out = Test::new().file("t.yaml", &extra).args(["check", "t.yaml"]).run();
        assert!(out.stdout.contains("SOP008"), "{key}: {}", out.stdout);
        let apart = extra.replacen(joined, "    same_row: false\n", 1);
        assert_eq!(errors(&v, &apart), Vec::<String>::new(), "{key}");
    }
    // And the scaffold of `sopmap new`.
    let text = sopmap::scaffold::new_sop("baru", sopmap::model::SopLevel::Makro, "2025-01-31");
    assert_eq!(errors(&v, &text), Vec::<String>::new());
}

#[test]
fn broken_sops_fail_where_they_are_broken() {
    let v = validator();
    let good =
        std::fs::read_to_string(repo("sops/verifikasi-berkas-pengaduan-mikro.yaml")).unwrap();
    let cases = [
        // unknown key in a step
        (good.replacen("    kind: start", "    kind: start\n    actr: x", 1), "/steps/0"),
        // bad enum
        (good.replacen("kind: start", "kind: mulai", 1), "/steps/0/kind"),
        // a duration without a unit
        (good.replacen("time: 15 menit", "time: 15", 1), "/steps/0/time"),
        // not a date in any accepted form
        (good.replacen("created: 2022-11-15", "created: kemarin", 1), "/identity/created"),
        // an empty required text (`empty-value`)
        (good.replacen("  title: ", "  title: \"\" #", 1), "/identity/title"),
        // an id with capitals
        (good.replacen("id: verifikasi-berkas-pengaduan-mikro", "id: Verifikasi", 1), "/id"),
        // a required key missing
        (good.replacen("schema: sop-ap/1\n", "", 1), ""),
    ];
    for (text, pointer) in cases {
        let errs = errors(&v, &text);
        assert!(!errs.is_empty(), "{pointer} should fail");
        assert!(errs.iter().all(|e| e.starts_with(&format!("{pointer}:"))), "{pointer}: {errs:#?}");
    }
}

#[test]
fn committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(repo("docs/sop-ap-1.schema.json")).unwrap();
    assert_text(&committed, &schema_text());
}
