//! Shared helpers for integration tests: run the whole CLI in-process
//! against a temp folder with given stdin, capture stdout/stderr/status,
//! and decide whether a test that needs an external tool runs or skips.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use sopmap::cli::{self, Env, ExitStatus, Io};

/// The output of one CLI run.
#[derive(Debug)]
pub struct Output {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A CLI invocation being set up (just's `Test` builder, in-process).
#[must_use]
pub struct Test {
    dir: tempfile::TempDir,
    args: Vec<OsString>,
    stdin: Vec<u8>,
    tty: bool,
    no_color: bool,
    lang: Option<String>,
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().expect("temp dir"),
            args: vec!["sopmap".into()],
            stdin: Vec::new(),
            tty: false,
            no_color: false,
            lang: None,
        }
    }

    /// Writes `content` to `name` (folders are created) inside the temp dir.
    pub fn file(self, name: &str, content: &str) -> Test {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(p, content).expect("write file");
        self
    }

    /// Copies a repository file (path relative to the crate root) into the temp dir.
    pub fn copy(self, from: &str, to: &str) -> Test {
        let content = std::fs::read_to_string(repo(from)).expect("read repo file");
        self.file(to, &content)
    }

    /// Copies every bundled SOP (`sops/*.yaml`) into the temp dir under its
    /// own name, so that links between them resolve.
    pub fn bundled(mut self) -> Test {
        for e in std::fs::read_dir(repo("sops")).expect("sops/") {
            let p = e.expect("entry").path();
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            self = self.copy(&format!("sops/{name}"), &name);
        }
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn stdin(mut self, s: &str) -> Test {
        self.stdin = s.as_bytes().to_vec();
        self
    }

    /// Pretend stdout is a terminal.
    pub fn tty(mut self) -> Test {
        self.tty = true;
        self
    }

    /// Sets `SOPMAP_LANG` for the run.
    pub fn env_lang(mut self, lang: &str) -> Test {
        self.lang = Some(lang.to_string());
        self
    }

    pub fn no_color(mut self) -> Test {
        self.no_color = true;
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs the CLI with the temp dir as the working folder. Relative
    /// paths in the arguments are resolved against it by the process's
    /// cwd, so tests pass paths under `self.path()` or use `run_in`.
    pub fn run(self) -> Output {
        let env = Env {
            stdout_is_tty: self.tty,
            stderr_is_tty: self.tty,
            no_color: self.no_color,
            cwd: self.dir.path().into(),
            lang: self.lang.clone(),
        };
        let mut stdin: &[u8] = &self.stdin;
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = {
            let mut io = Io { stdin: &mut stdin, stdout: &mut out, stderr: &mut err };
            let _cwd = CwdGuard::enter(self.dir.path());
            cli::run(self.args.clone(), &env, &mut io)
        };
        Output {
            status: match status {
                ExitStatus::Clean => 0,
                ExitStatus::Findings => 1,
                ExitStatus::Error => 2,
            },
            stdout: String::from_utf8(out).expect("utf-8 stdout"),
            stderr: String::from_utf8(err).expect("utf-8 stderr"),
        }
    }
}

/// The working folder is process-wide, so tests that change it take a
/// lock for the duration of the run.
struct CwdGuard {
    old: PathBuf,
    _lock: std::sync::MutexGuard<'static, ()>,
}

static CWD_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl CwdGuard {
    fn enter(dir: &Path) -> CwdGuard {
        let lock = CWD_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let old = std::env::current_dir().expect("cwd");
        std::env::set_current_dir(dir).expect("enter temp dir");
        CwdGuard { old, _lock: lock }
    }
}

impl Drop for CwdGuard {
    fn drop(&mut self) {
        let _ = std::env::set_current_dir(&self.old);
    }
}

/// A path inside the repository.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Whether an external tool (an oracle such as Graphviz, Chromium or a
/// node tool under `tools/`) is available. When it is not, the test should
/// return early: under `SOPMAP_REQUIRE_TOOLS=1` (CI) this panics instead,
/// since there every tool must be present.
///
/// The skip is announced on the process's real stderr, not through
/// `eprintln!`, which the test harness captures and drops for a passing
/// test: a plain `cargo test` shows `SKIPPED <test>: <tool> is not
/// available` among its results, so a green run without the oracles cannot
/// pass for a checked one.
pub fn tool_available(name: &str, probe: &mut std::process::Command) -> bool {
    let ok = probe
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        if std::env::var("SOPMAP_REQUIRE_TOOLS").is_ok_and(|v| v == "1") {
            panic!("{name} is required (SOPMAP_REQUIRE_TOOLS=1) but not available");
        }
        skipped(&format!("{name} is not available (SOPMAP_REQUIRE_TOOLS=1 makes this a failure)"));
    }
    ok
}

/// Announces that the current test skipped (part of) its checks, visibly in
/// `cargo test` output (see [`tool_available`]).
pub fn skipped(reason: &str) {
    use std::io::Write as _;
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let _ = writeln!(std::io::stderr().lock(), "SKIPPED {test}: {reason}");
}

/// Compares `got` with the golden file `rel` (a path from the crate root)
/// and shows a diff when they differ. `UPDATE_EXPECT=1 cargo test` rewrites
/// stale or missing golden files instead (expect-test's variable, the only
/// one this suite uses); read the diff before committing them.
#[track_caller]
pub fn golden(rel: &str, got: &str) {
    expect_test::expect_file![repo(rel)].assert_eq(got);
}

/// Asserts two strings are equal, printing both between rulers on failure.
#[track_caller]
pub fn assert_text(got: &str, want: &str) {
    if got != want {
        panic!("\n--- want ---\n{want}\n--- got ----\n{got}\n------------");
    }
}
