//! One settings layer for every command (ripgrep's `HiArgs` idea): the
//! global options, `sopmap.yaml` and the environment are resolved once
//! into a [`Global`] value, which the commands only read. Precedence,
//! lowest first: built-in defaults < `sopmap.yaml` (`rules`, `workday`,
//! `lang`) < its matching `overrides` < the environment (`SOPMAP_LANG`,
//! `NO_COLOR`) < flags.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::check::Settings;
use crate::cli::args::{ColorChoice, GlobalArgs};
use crate::cli::inputs::display_path;
use crate::cli::said::{self, Say};
use crate::cli::{Env, ExitStatus, Io, corpus};
use crate::config::{self, Config};
use crate::lang::Lang;
use crate::rule_id::{self, Level};
use crate::source::SourceFile;
use crate::suggest;
use crate::{bail_in, msg};

/// Largest file read by default (bytes): 32 MiB, for every command and for
/// the SOPs looked up beside a file. A thousand times any real SOP (the
/// bundled ones are under 20 KB) and twice a 50,000-step one, yet small
/// enough that a stray dump or log named `.yaml` is refused before it
/// costs memory. See docs/limits.md.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 32 * 1024 * 1024;

/// Everything the global options, the configuration and the environment
/// decide, resolved once.
pub struct Global {
    /// The configuration and the folder its globs are relative to.
    config: Option<(Config, PathBuf)>,
    /// Rule levels and limits from flags, applied on top of every file's
    /// configured settings.
    flags: Flags,
    /// The settings of a file no override matches.
    base: Settings,
    pub color: ColorChoice,
    pub quiet: bool,
    pub lang: Lang,
    /// Threads checking files.
    pub jobs: usize,
    pub max_file_size: u64,
    cwd: PathBuf,
}

/// What the flags change in a file's settings.
#[derive(Clone, Debug, Default)]
struct Flags {
    workday_minutes: Option<u64>,
    max_yaml_nodes: Option<u64>,
    max_yaml_depth: Option<u64>,
    /// `(code, level)` from `--select` and `--ignore`, in that order.
    rules: Vec<(&'static str, Level)>,
}

impl Flags {
    fn apply(&self, mut settings: Settings) -> Settings {
        if let Some(n) = self.max_yaml_nodes {
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            settings.limits.max_nodes = n;
            // Every node is at least one parser event (a mapping two), so
            // the event budget follows the node budget.
            settings.limits.max_events = settings.limits.max_events.max(n.saturating_mul(2));
        }
        if let Some(d) = self.max_yaml_depth {
            settings.limits.max_depth = usize::try_from(d).unwrap_or(usize::MAX);
        }
        if let Some(w) = self.workday_minutes {
            settings.workday_minutes = w;
        }
        for (code, level) in &self.rules {
            settings.levels.set(code, *level);
        }
        settings
    }
}

impl Global {
    /// Resolves the global options. A broken configuration has its
    /// positioned errors printed and gives `Err` with the exit status.
    pub fn resolve(
        args: &GlobalArgs,
        env: &Env,
        io: &mut Io<'_>,
    ) -> Result<std::result::Result<Global, ExitStatus>> {
        Global::resolve_with_rules(args, &[], &[], env, io)
    }

    /// [`Global::resolve`] with `--select` and `--ignore` (of `check`).
    pub fn resolve_with_rules(
        args: &GlobalArgs,
        select: &[String],
        ignore: &[String],
        env: &Env,
        io: &mut Io<'_>,
    ) -> Result<std::result::Result<Global, ExitStatus>> {
        let config = if args.no_config {
            None
        } else {
            match load_config(args.config.as_ref(), env, quick_lang(args, env))? {
                Ok(c) => c,
                Err(report) => {
                    write!(io.stderr, "{report}")?;
                    return Ok(Err(ExitStatus::Error));
                }
            }
        };
        let mut flags = Flags {
            workday_minutes: args.workday.as_deref().map(corpus::parse_workday).transpose()?,
            max_yaml_nodes: args.max_yaml_nodes,
            max_yaml_depth: args.max_yaml_depth,
            rules: Vec::new(),
        };
        // `--select "cycle, dead-end"` and a trailing comma are meant kindly.
        let names = |list: &[String]| -> Vec<String> {
            list.iter().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect()
        };
        for name in &names(select) {
            let rule = find_rule(name)?;
            let level = match rule.default_level {
                Level::Off => Level::Error,
                l => l,
            };
            flags.rules.push((rule.code, level));
        }
        for name in &names(ignore) {
            flags.rules.push((find_rule(name)?.code, Level::Off));
        }
        let configured = match &config {
            Some((config, _)) => config.settings_for(&Settings::default(), ""),
            None => Settings::default(),
        };
        let mut base = flags.apply(configured);
        let lang = match (args.lang, env.lang.as_deref()) {
            (Some(l), _) => Lang::from(l),
            (None, Some(text)) => parse_lang(text).say(|| {
                msg!(
                    "SOPMAP_LANG={text}: yang diharapkan `id` atau `en`"
                        / "SOPMAP_LANG={text}: expected `id` or `en`"
                )
            })?,
            (None, None) => config.as_ref().and_then(|(c, _)| c.lang).unwrap_or_default(),
        };
        base.lang = lang;
        Ok(Ok(Global {
            config,
            flags,
            base,
            color: args.color.unwrap_or(ColorChoice::Auto),
            quiet: args.quiet,
            lang,
            jobs: args.jobs.map_or_else(crate::check::default_jobs, usize::from),
            max_file_size: args.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            cwd: env.cwd.clone(),
        }))
    }

    /// The settings of the file at `path` (as shown): configuration, its
    /// matching overrides, then the flags.
    pub fn settings_for(&self, path: &str) -> Settings {
        match &self.config {
            Some((config, dir)) => {
                let rel = self.config_relative(Path::new(path), dir);
                let mut settings =
                    self.flags.apply(config.settings_for(&Settings::default(), &rel));
                settings.lang = self.lang;
                settings
            }
            None => self.base.clone(),
        }
    }

    /// The settings of a file no override matches.
    pub fn base(&self) -> &Settings {
        &self.base
    }

    /// Whether the configuration's `exclude` skips this file.
    pub fn is_excluded(&self, path: &Path) -> bool {
        match &self.config {
            Some((config, dir)) => config.is_excluded(&self.config_relative(path, dir)),
            None => false,
        }
    }

    /// Whether to colour output going to a stream that is (or is not) a
    /// terminal.
    pub fn color_for(&self, is_tty: bool, env: &Env) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_tty && !env.no_color,
        }
    }

    /// A file's path relative to the configuration's folder, with `/`
    /// separators, for glob matching; the path as shown when it lies outside.
    fn config_relative(&self, path: &Path, config_dir: &Path) -> String {
        let joined = if path.is_absolute() { path.to_path_buf() } else { self.cwd.join(path) };
        // `..` and `.` are resolved by name (no symlinks followed), so that
        // `../arsip/x.yaml` meets the same globs as `sops/arsip/x.yaml`.
        let mut abs = PathBuf::new();
        for part in joined.components() {
            match part {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    abs.pop();
                }
                other => abs.push(other),
            }
        }
        match abs.strip_prefix(config_dir) {
            Ok(rel) => display_path(rel),
            Err(_) => display_path(path),
        }
    }
}

/// The language of a command that reads no SOP (`rules`, `explain`,
/// `new`, `schema`) and of every error message: `--lang`, else
/// `SOPMAP_LANG`, else `lang:` in sopmap.yaml, else Indonesian. Never
/// fails: a broken setting is reported by [`Global::resolve`] (in the
/// language this gives, Indonesian when the broken setting is the
/// language itself).
pub fn quick_lang(args: &GlobalArgs, env: &Env) -> Lang {
    if let Some(l) = args.lang {
        return Lang::from(l);
    }
    if let Some(text) = env.lang.as_deref() {
        return parse_lang(text).unwrap_or_default();
    }
    if args.no_config {
        return Lang::default();
    }
    match load_config(args.config.as_ref(), env, Lang::default()) {
        Ok(Ok(Some((c, _)))) => c.lang.unwrap_or_default(),
        _ => Lang::default(),
    }
}

/// `id` or `en` (any case, spaces around ignored), as `SOPMAP_LANG` and
/// the language server's `lang` option take it.
pub fn parse_lang(text: &str) -> Result<Lang> {
    match text.trim().to_ascii_lowercase().as_str() {
        "id" => Ok(Lang::Id),
        "en" => Ok(Lang::En),
        _ => bail_in!("bahasa `{text}` tidak dikenal" / "unknown language `{text}`"),
    }
}

fn find_rule(name: &str) -> Result<&'static rule_id::RuleId> {
    match rule_id::find(name) {
        Some(r) => Ok(r),
        None => {
            let names = rule_id::ALL.iter().flat_map(|r| [r.code, r.name]);
            let hint = suggest::meant(name, names).unwrap_or_else(|| {
                msg!(
                    "jalankan `sopmap rules` untuk melihat daftarnya"
                        / "run `sopmap rules` to list them"
                )
            });
            bail_in!("aturan `{name}` tidak dikenal; {}" / "unknown rule `{name}`; {}", hint)
        }
    }
}

/// Finds the configuration: `sopmap.yaml` in the working folder or the
/// nearest parent. The search stops after the first folder that holds
/// `.git` (the repository root) or at the filesystem root, so a stray file
/// above a repository never applies to it.
fn find_config(env: &Env) -> Option<PathBuf> {
    find_config_from(&env.cwd)
}

/// [`find_config`] from the folder `start` (the language server's
/// workspace folder, where `check` would be run).
pub fn find_config_from(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join(config::FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
        dir = d.parent();
    }
    None
}

/// The configuration at `explicit`, else the one [`find_config`] finds;
/// `Ok(Err(text))` holds positioned configuration errors to print.
fn load_config(
    explicit: Option<&PathBuf>,
    env: &Env,
    lang: Lang,
) -> Result<std::result::Result<Option<(Config, PathBuf)>, String>> {
    let path = match explicit {
        Some(p) => env.cwd.join(p),
        None => match find_config(env) {
            Some(p) => p,
            None => return Ok(Ok(None)),
        },
    };
    let shown = match explicit {
        Some(p) => p.clone(),
        None => path.strip_prefix(&env.cwd).map_or_else(|_| path.clone(), Path::to_path_buf),
    };
    let text = std::fs::read_to_string(&path).say(|| {
        let shown = shown.display();
        msg!("tidak dapat membaca konfigurasi `{shown}`" / "cannot read configuration `{shown}`")
    })?;
    let source = SourceFile::new(display_path(&shown), text);
    match config::parse(&source) {
        Ok(config) => {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_else(|| env.cwd.clone());
            Ok(Ok(Some((config, dir))))
        }
        Err(errors) => {
            let mut out = String::new();
            let words = crate::lang::ReportWords::of(lang);
            for e in errors {
                let at = source.line_col(e.span.start);
                out.push_str(&format!(
                    "{}{}:{at}: {}\n",
                    said::error_prefix(lang),
                    source.path,
                    e.message.get(lang)
                ));
                if let Some(help) = e.help {
                    out.push_str(&format!("  {} {}\n", words.help, help.get(lang)));
                }
            }
            Ok(Err(out))
        }
    }
}
