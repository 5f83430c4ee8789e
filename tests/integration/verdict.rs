//! One run, one verdict: every command judges a SOP as `sopmap check`
//! does, cross-SOP rules included, and accepts the same global options.

use crate::harness::Test;

const MIKRO: &str = "verifikasi-berkas-pengaduan-mikro.yaml";

/// The bundled mikro SOP alone in a folder: its `related` parent is not
/// there, so its only error is cross-SOP (unknown-sop, SOP105).
fn alone() -> Test {
    Test::new().copy(&format!("sops/{MIKRO}"), MIKRO)
}

#[test]
fn a_cross_sop_error_is_refused_by_every_renderer_as_check_fails_it() {
    let check = alone().args(["check", MIKRO]).run();
    assert_eq!(check.status, 1, "{}", check.stdout);
    let lines: Vec<&str> = check.stdout.lines().collect();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| l.contains(" SOP105 ")), "only unknown-sop: {}", check.stdout);

    for args in [
        vec!["render", MIKRO],
        vec!["render", MIKRO, "--format", "mermaid"],
        vec!["checklist", MIKRO],
        vec!["table", MIKRO],
        vec!["document", MIKRO],
    ] {
        let out = alone().args(&args).run();
        assert_eq!(out.status, 1, "{args:?}: {}", out.stderr);
        assert_eq!(out.stdout, "", "{args:?}: nothing rendered");
        // The same findings `check` printed, on standard error.
        for line in &lines {
            assert!(out.stderr.contains(line), "{args:?} lacks `{line}`:\n{}", out.stderr);
        }
    }

    // --force renders it, saying why.
    let out = alone().args(["render", MIKRO, "--force"]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("digraph"), "{}", out.stdout);
    assert!(out.stderr.contains("SOP105"), "{}", out.stderr);

    // A suppression of the cross-SOP rule clears it everywhere.
    let text = std::fs::read_to_string(crate::harness::repo(&format!("sops/{MIKRO}"))).unwrap();
    let suppressed = format!("# sopmap: ignore-file[unknown-sop]\n{text}");
    for cmd in ["check", "render", "checklist", "table", "document"] {
        let out = Test::new().file(MIKRO, &suppressed).args([cmd, MIKRO]).run();
        assert_eq!(out.status, 0, "{cmd}: {}", out.stderr);
    }

    // With its parent beside it (looked up by id), every command passes.
    for cmd in ["check", "render", "checklist", "table", "document", "timing"] {
        let out = Test::new().bundled().args([cmd, MIKRO]).run();
        assert_eq!(out.status, 0, "{cmd}: {}", out.stderr);
    }
}

#[test]
fn the_cross_sop_rule_can_be_switched_off_in_the_configuration() {
    let out = alone()
        .file("sopmap.yaml", "rules:\n  unknown-sop: off\n")
        .args(["render", MIKRO, "--format", "mermaid"])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("flowchart TD"), "{}", out.stdout);
}

#[test]
fn every_command_accepts_the_global_options() {
    let sop = format!("sops/{MIKRO}");
    for args in [
        vec!["check", &sop],
        vec!["timing", &sop],
        vec!["list", &sop],
        vec!["graph", &sop],
        vec!["table", &sop],
        vec!["checklist", &sop],
        vec!["render", &sop],
        vec!["document", &sop],
    ] {
        let mut with = args.clone();
        with.extend(["--color", "never", "--quiet", "--no-config", "--lang", "en", "-j", "1"]);
        with.extend(["--max-file-size", "1000000", "--max-yaml-depth", "50", "--workday", "7 jam"]);
        let out = Test::new().bundled().copy(&sop, &sop).args(&with).run();
        assert_ne!(out.status, 2, "{with:?}: {}", out.stderr);
        // Before the command name too.
        let mut before = vec!["--color", "never", "--lang", "en"];
        before.extend(args.iter().copied());
        let out = Test::new().bundled().copy(&sop, &sop).args(&before).run();
        assert_ne!(out.status, 2, "{before:?}: {}", out.stderr);
    }
}

#[test]
fn the_language_comes_from_flag_then_environment_then_configuration() {
    let table = |t: Test| t.bundled().args(["table", MIKRO, "--format", "md"]).run().stdout;
    let id = table(Test::new());
    assert!(id.contains("| No | Kegiatan |"), "{id}");
    let config = || Test::new().file("sopmap.yaml", "lang: en\n");
    let en = table(config());
    assert!(en.contains("| No | Activity |"), "{en}");
    assert_eq!(table(Test::new().env_lang("en")), en);
    // The environment wins over the configuration, the flag over both.
    assert_eq!(table(config().env_lang("id")), id);
    let flag = config().env_lang("id").bundled().args(["table", MIKRO, "--format", "md"]);
    assert_eq!(flag.args(["--lang", "en"]).run().stdout, en);

    let out = Test::new().file("sopmap.yaml", "lang: jv\n").bundled().args(["table", MIKRO]).run();
    assert_eq!(out.status, 2);
    // The language itself is broken: the message is in the default one.
    assert!(out.stderr.contains("`lang` harus `id`"), "{}", out.stderr);
    let out = Test::new().env_lang("xx").bundled().args(["table", MIKRO]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("SOPMAP_LANG=xx"), "{}", out.stderr);
}
