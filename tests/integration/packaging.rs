//! What a team installs around sopmap: `sopmap new`, shell completions, the
//! man page, colour control, the pre-commit hook and the example workflow.

use std::process::Command;

use crate::harness::{Test, repo, tool_available};

// `Test` removes its folder when it runs, so files that must outlive the
// run are written to a folder the test owns, by absolute path.
#[test]
fn new_scaffolds_a_clean_sop_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let sops = dir.path().join("sops");
    std::fs::create_dir(&sops).unwrap();
    let out = Test::new()
        .env_lang("en")
        .args(["new".into(), sops.clone().into_os_string()])
        .args(["--id", "layanan-baru", "--level", "makro"])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = sops.join("layanan-baru.yaml");
    assert_eq!(
        out.stderr,
        format!("created `{p}`; check it with `sopmap check {p}`\n", p = path.display())
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("id: layanan-baru ") && text.contains("level: makro "), "{text}");
    // It lints clean from the command line.
    let out = Test::new()
        .env_lang("en")
        .file("sops/layanan-baru.yaml", &text)
        .args(["check", "sops"])
        .run();
    assert_eq!((out.status, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    // A second run refuses and leaves the file alone.
    std::fs::write(&path, "isi lama\n").unwrap();
    let out = Test::new()
        .env_lang("en")
        .args(["new".into(), path.clone().into_os_string()])
        .args(["--id", "layanan-baru"])
        .run();
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        format!(
            "sopmap: error: `{}` already exists; sopmap new never overwrites a file\n",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "isi lama\n");
    assert_eq!(std::fs::read_dir(&sops).unwrap().count(), 1, "no temporary file left behind");
}

#[test]
fn new_takes_the_id_from_the_file_name_and_rejects_bad_ids() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("izin-usaha.yaml");
    let out = Test::new().env_lang("en").args(["new".into(), p.clone().into_os_string()]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(std::fs::read_to_string(p).unwrap().contains("id: izin-usaha "));
    let out = Test::new().env_lang("en").args(["new", "Izin Usaha.yaml"]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("`Izin Usaha` is not a valid SOP id"), "{}", out.stderr);
    assert_eq!(Test::new().env_lang("en").args(["new"]).run().status, 2);
    // A name that folder checks would skip is refused, with the name to use.
    let txt = dir.path().join("izin-usaha-2.txt");
    let out = Test::new().env_lang("en").args(["new".into(), txt.clone().into_os_string()]).run();
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("name it `izin-usaha-2.yaml`"), "{}", out.stderr);
    assert!(!txt.exists());
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = Test::new().args(["completions", shell]).run();
        assert_eq!(out.status, 0, "{shell}");
        assert!(out.stdout.contains("sopmap") && out.stdout.contains("max-warnings"), "{shell}");
    }
    if tool_available("bash", Command::new("bash").arg("--version")) {
        let out = Test::new().args(["completions", "bash"]).run();
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("sopmap.bash");
        std::fs::write(&f, out.stdout).unwrap();
        let st = Command::new("bash").arg("-n").arg(&f).status().unwrap();
        assert!(st.success(), "bash -n rejects the completion script");
    }
}

#[test]
fn man_page_covers_every_subcommand() {
    let out = Test::new().args(["man"]).run();
    assert_eq!(out.status, 0);
    assert!(out.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq"), "{}", &out.stdout[..80]);
    assert!(out.stdout.contains(".TH sopmap 1"));
    for sub in ["check", "rules", "explain", "schema", "new", "completions"] {
        assert!(out.stdout.contains(&format!(".TH sopmap-{sub} 1")), "{sub}");
    }
    assert!(out.stdout.contains("max\\-warnings"));

    // Every page the main page refers to exists as a file with `--dir`.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = Test::new().args(["man".into(), "--dir".into(), dir.as_os_str().to_owned()]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let main = std::fs::read_to_string(dir.join("sopmap.1")).unwrap();
    let mut refs = 0;
    for part in main.split("sopmap\\-").skip(1) {
        let Some(name) =
            part.split("(1)").next().filter(|n| n.chars().all(|c| c.is_ascii_lowercase()))
        else {
            continue;
        };
        refs += 1;
        let page = std::fs::read_to_string(dir.join(format!("sopmap-{name}.1")))
            .unwrap_or_else(|e| panic!("sopmap-{name}(1) is referred to but not written: {e}"));
        assert!(page.contains(&format!(".TH sopmap-{name} 1")), "{name}");
    }
    assert!(refs >= 6, "the main page names the command pages: {refs}");
}

#[test]
fn colour_follows_tty_no_color_and_the_flag() {
    let input = "tests/golden/formats/contoh.yaml";
    let run = |t: Test| t.copy(input, "contoh.yaml").run();
    let esc = |s: &str| s.contains('\u{1b}');
    assert!(esc(&run(Test::new().tty().args(["check", "contoh.yaml"])).stdout));
    assert!(!esc(&run(Test::new().tty().no_color().args(["check", "contoh.yaml"])).stdout));
    assert!(!esc(&run(Test::new().args(["check", "contoh.yaml", "-f", "full"])).stdout));
    assert!(esc(&run(Test::new().no_color().args([
        "check",
        "contoh.yaml",
        "-f",
        "full",
        "--color",
        "always"
    ]))
    .stdout));
    assert!(
        !esc(&run(Test::new().tty().args(["check", "contoh.yaml", "--color", "never"])).stdout)
    );
}

fn parse_yaml(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(repo(path)).unwrap();
    let node = sopmap::yaml::parse(&text, sopmap::yaml::Limits::default()).unwrap();
    sopmap::json_schema::to_json(&node)
}

#[test]
fn pre_commit_hook_runs_sopmap_check() {
    let hooks = parse_yaml(".pre-commit-hooks.yaml");
    let hook = &hooks[0];
    assert_eq!(hook["id"], "sopmap");
    assert_eq!(hook["entry"], "sopmap check");
    assert_eq!(hook["language"], "rust");
}

#[test]
fn example_workflow_lints_changed_sops_and_uploads_sarif() {
    let wf = parse_yaml("examples/github-workflow.yml");
    let steps = wf["jobs"]["sopmap"]["steps"].as_array().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.iter().any(|r| r.contains("git diff -z --name-only")));
    assert!(runs.iter().any(|r| r.contains("--format sarif")));
    assert!(runs.iter().any(|r| r.contains("--format github")));
    let upload =
        steps.iter().find(|s| s["uses"] == "github/codeql-action/upload-sarif@v3").unwrap();
    assert_eq!(upload["with"]["sarif_file"], "sopmap.sarif");
    assert_eq!(wf["permissions"]["security-events"], "write");
}
