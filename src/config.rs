//! The configuration file `sopmap.yaml`: rule levels, per-path overrides,
//! excluded paths, the workday length and the output language.
//!
//! ```yaml
//! rules:                  # by code or name: error | warning | off
//!   dead-end: warning
//!   SOP301: off
//! overrides:              # later entries win over earlier ones
//!   - files: ["sops/draft/**"]
//!     rules: { missing-time: off }
//! exclude: ["sops/arsip/**"]
//! workday: 7 jam
//! lang: en               # id (default) | en; SOPMAP_LANG and --lang win
//! days: kerja             # a bare `hari` means a working day
//! ```
//!
//! Parsed with the same YAML layer as SOPs, so every problem is reported
//! with its position, all in one go; unknown keys get a did-you-mean.
//! Globs (the `globset` crate) are matched against paths relative to the
//! folder holding the configuration file, with `/` separators; `*` does not
//! cross a `/`, `**` does; a glob that matches a folder covers everything
//! below it. Precedence: defaults < `rules` < matching `overrides` (in
//! order) < command-line flags, which the CLI applies on top.
//! Finding the file on disk is the CLI's job (`src/cli/settings.rs`).

use std::collections::HashMap;

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};

use crate::check::Settings;
use crate::diagnostic::Text;
use crate::duration::{self, Bucket};
use crate::lang::Lang;
use crate::msg;
use crate::rule_id::{self as rules, ALL as RULES, Level};
use crate::source::{SourceFile, Span};
use crate::suggest;
use crate::yaml::{self, Limits, Node, Value};

/// The file name searched for in the working folder and its parents.
pub const FILE_NAME: &str = "sopmap.yaml";

const TOP_KEYS: &[&str] = &["rules", "overrides", "exclude", "workday", "lang", "days"];
const OVERRIDE_KEYS: &[&str] = &["files", "rules"];

/// A parsed configuration.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Rule levels, by rule code, in file order.
    pub rules: Vec<(&'static str, Level)>,
    pub overrides: Vec<Override>,
    exclude: Option<GlobSet>,
    pub workday_minutes: Option<u64>,
    /// The language of human-readable output (`lang: id` or `lang: en`).
    pub lang: Option<Lang>,
    /// What a bare `hari` means in SOPs that do not say (`days: kerja`).
    pub days: Option<duration::DayMeaning>,
}

/// Rule levels for the files matching some globs.
#[derive(Clone, Debug)]
pub struct Override {
    files: GlobSet,
    pub rules: Vec<(&'static str, Level)>,
}

/// A problem in the configuration file, positioned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub span: Span,
    pub message: Text,
    pub help: Option<Text>,
}

impl Config {
    /// Whether `path` (relative to the configuration's folder) is excluded.
    pub fn is_excluded(&self, path: &str) -> bool {
        self.exclude.as_ref().is_some_and(|set| matches_path_or_parent(set, path))
    }

    /// The settings for one file: `base` with the configured levels, then
    /// the levels of every override whose globs match `path`.
    pub fn settings_for(&self, base: &Settings, path: &str) -> Settings {
        let mut s = base.clone();
        if let Some(m) = self.workday_minutes {
            s.workday_minutes = m;
        }
        if self.days.is_some() {
            s.days = self.days;
        }
        for (code, level) in &self.rules {
            s.levels.set(code, *level);
        }
        for o in &self.overrides {
            if matches_path_or_parent(&o.files, path) {
                for (code, level) in &o.rules {
                    s.levels.set(code, *level);
                }
            }
        }
        s
    }
}

fn matches_path_or_parent(set: &GlobSet, path: &str) -> bool {
    let path = path.strip_prefix("./").unwrap_or(path);
    let mut p = std::path::Path::new(path);
    loop {
        if set.is_match(p) {
            return true;
        }
        match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => p = parent,
            _ => return false,
        }
    }
}

/// Parses the configuration in `source`, reporting every problem.
pub fn parse(source: &SourceFile) -> Result<Config, Vec<ConfigError>> {
    let root = match yaml::parse(&source.text, Limits::default()) {
        Ok(root) => root,
        Err(e) => {
            let message = Text::new(e.message_in(Lang::Id), e.message_in(Lang::En));
            let help = Text::new(e.help_in(Lang::Id), e.help_in(Lang::En));
            return Err(vec![ConfigError { span: e.span, message, help: Some(help) }]);
        }
    };
    let mut p = Parser { errors: Vec::new() };
    let config = p.top(&root);
    if p.errors.is_empty() { Ok(config) } else { Err(p.errors) }
}

struct Parser {
    errors: Vec<ConfigError>,
}

impl Parser {
    fn error(&mut self, span: Span, message: Text, help: Option<Text>) {
        self.errors.push(ConfigError { span, message, help });
    }

    /// A key given twice: YAML would keep the last silently.
    fn duplicate(&mut self, span: Span, what: &Text, within: &Text) {
        self.error(
            span,
            msg!("{} ditulis dua kali dalam {}" / "{} is given twice in {}", what, within),
            Some(msg!(
                "pertahankan salah satunya: hanya yang terakhir yang berlaku"
                    / "keep one of them: only the last would count"
            )),
        );
    }

    /// The entries of a mapping, reporting unknown keys.
    fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: &Text,
        keys: &[&str],
    ) -> Vec<(&'n str, &'n Node)> {
        let Value::Map(entries) = &node.value else {
            if node.value != Value::Null {
                let found = node.value.type_text();
                self.error(
                    node.span,
                    msg!(
                        "{} harus berupa pemetaan, tetapi tertulis {}"
                            / "{} must be a mapping, found {}",
                        what,
                        found
                    ),
                    None,
                );
            }
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for (k, v) in entries {
            let Value::Str(name) = &k.value else {
                self.error(
                    k.span,
                    msg!("kunci pada {} harus berupa teks" / "keys of {} must be text", what),
                    None,
                );
                continue;
            };
            if seen.insert(name.as_str(), k.span).is_some() {
                self.duplicate(k.span, &msg!("`{name}`" / "`{name}`"), what);
                continue;
            }
            if keys.contains(&name.as_str()) {
                out.push((name.as_str(), v));
            } else {
                let expected = quoted(keys);
                let help = suggest::meant(name, keys.iter().copied()).or_else(|| {
                    Some(msg!(
                        "yang diharapkan salah satu dari {expected}" / "expected one of {expected}"
                    ))
                });
                self.error(
                    k.span,
                    msg!(
                        "kunci `{name}` tidak dikenal dalam {}" / "unknown key `{name}` in {}",
                        what
                    ),
                    help,
                );
            }
        }
        out
    }

    fn top(&mut self, root: &Node) -> Config {
        let mut config = Config::default();
        let what = msg!("konfigurasi" / "the configuration");
        for (key, value) in self.mapping(root, &what, TOP_KEYS) {
            match key {
                "rules" => config.rules = self.rule_levels(value),
                "overrides" => config.overrides = self.overrides(value),
                "exclude" => config.exclude = self.globs(value, &msg!("`exclude`" / "`exclude`")),
                "workday" => config.workday_minutes = self.workday(value),
                "lang" => config.lang = self.lang(value),
                "days" => config.days = self.days(value),
                _ => {}
            }
        }
        config
    }

    fn rule_levels(&mut self, node: &Node) -> Vec<(&'static str, Level)> {
        let names: Vec<&str> = RULES.iter().flat_map(|r| [r.code, r.name]).collect();
        let Value::Map(entries) = &node.value else {
            if node.value != Value::Null {
                let found = node.value.type_text();
                self.error(
                    node.span,
                    msg!(
                        "`rules` harus berupa pemetaan aturan ke tingkatnya, tetapi tertulis {}"
                            / "`rules` must be a mapping of rule to level, found {}",
                        found
                    ),
                    Some(msg!(
                        "tuliskan misalnya `rules: {{dead-end: warning, SOP301: off}}`"
                            / "write e.g. `rules: {{dead-end: warning, SOP301: off}}`"
                    )),
                );
            }
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for (k, v) in entries {
            let rule = match &k.value {
                Value::Str(name) => match rules::find(name) {
                    // The same rule twice (by code and by name, or twice by
                    // either) would silently let the last one win.
                    Some(r) if seen.contains_key(r.code) => {
                        let what = msg!("aturan `{}` ({})" / "the rule `{}` ({})", r.name, r.code);
                        self.duplicate(k.span, &what, &msg!("`rules`" / "`rules`"));
                        None
                    }
                    Some(r) => {
                        seen.insert(r.code, k.span);
                        Some(r)
                    }
                    None => {
                        let help = suggest::meant(name, names.iter().copied()).or_else(|| {
                            Some(msg!(
                                "jalankan `sopmap rules` untuk melihat daftar aturan"
                                    / "run `sopmap rules` to list the rules"
                            ))
                        });
                        self.error(
                            k.span,
                            msg!("aturan `{name}` tidak dikenal" / "unknown rule `{name}`"),
                            help,
                        );
                        None
                    }
                },
                _ => {
                    self.error(
                        k.span,
                        msg!(
                            "aturan harus disebut dengan kode atau namanya"
                                / "a rule must be named by its code or name"
                        ),
                        None,
                    );
                    None
                }
            };
            let level = match &v.value {
                Value::Str(s) => match s.parse::<Level>() {
                    Ok(l) => Some(l),
                    Err(_) => {
                        let help = suggest::meant(s, ["error", "warning", "off"]);
                        self.error(
                            v.span,
                            msg!(
                                "`{s}` bukan tingkat aturan; yang diharapkan `error`, `warning` atau `off`"
                                    / "`{s}` is not a level; expected `error`, `warning` or `off`"
                            ),
                            help,
                        );
                        None
                    }
                },
                other => {
                    self.error(
                        v.span,
                        msg!(
                            "tingkat aturan harus `error`, `warning` atau `off`, tetapi tertulis {}"
                                / "a rule level must be `error`, `warning` or `off`, found {}",
                            other.type_text()
                        ),
                        None,
                    );
                    None
                }
            };
            if let (Some(rule), Some(level)) = (rule, level) {
                out.push((rule.code, level));
            }
        }
        out
    }

    fn overrides(&mut self, node: &Node) -> Vec<Override> {
        let items = match &node.value {
            Value::Seq(items) => items.as_slice(),
            Value::Null => &[],
            other => {
                let found = other.type_text();
                self.error(
                    node.span,
                    msg!(
                        "`overrides` harus berupa daftar, tetapi tertulis {}"
                            / "`overrides` must be a list, found {}",
                        found
                    ),
                    None,
                );
                &[]
            }
        };
        let mut out = Vec::new();
        for item in items {
            let mut files = None;
            let mut rules = Vec::new();
            let what = msg!("butir `overrides`" / "an override");
            for (key, value) in self.mapping(item, &what, OVERRIDE_KEYS) {
                match key {
                    "files" => files = self.globs(value, &msg!("`files`" / "`files`")),
                    "rules" => rules = self.rule_levels(value),
                    _ => {}
                }
            }
            match files {
                Some(files) => out.push(Override { files, rules }),
                None if matches!(item.value, Value::Map(_)) => self.error(
                    item.span,
                    msg!(
                        "butir `overrides` memerlukan `files`, daftar pola berkas (glob)"
                            / "an override needs `files`, a list of globs"
                    ),
                    Some(msg!(
                        "tuliskan misalnya `files: [\"sops/draft/**\"]`"
                            / "write e.g. `files: [\"sops/draft/**\"]`"
                    )),
                ),
                None => {}
            }
        }
        out
    }

    fn globs(&mut self, node: &Node, what: &Text) -> Option<GlobSet> {
        let items: Vec<&Node> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            Value::Str(_) => vec![node],
            Value::Null => return None,
            other => {
                let found = other.type_text();
                self.error(
                    node.span,
                    msg!(
                        "{} harus berupa daftar pola berkas (glob), tetapi tertulis {}"
                            / "{} must be a list of globs, found {}",
                        what,
                        found
                    ),
                    None,
                );
                return None;
            }
        };
        let mut builder = GlobSetBuilder::new();
        let mut ok = true;
        for item in items {
            let Value::Str(pattern) = &item.value else {
                let found = item.value.type_text();
                self.error(
                    item.span,
                    msg!(
                        "pola berkas (glob) harus berupa teks, tetapi tertulis {}"
                            / "a glob must be text, found {}",
                        found
                    ),
                    None,
                );
                ok = false;
                continue;
            };
            match glob(pattern) {
                Ok(g) => {
                    builder.add(g);
                }
                Err(e) => {
                    let why = e.kind().to_string();
                    self.error(
                        item.span,
                        msg!(
                            "pola berkas `{pattern}` tidak sah: {why}"
                                / "invalid glob `{pattern}`: {why}"
                        ),
                        None,
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            return None;
        }
        match builder.build() {
            Ok(set) => Some(set),
            Err(e) => {
                self.error(
                    node.span,
                    msg!("pola berkas dalam {} tidak sah: {e}" / "invalid globs in {}: {e}", what),
                    None,
                );
                None
            }
        }
    }

    fn lang(&mut self, node: &Node) -> Option<Lang> {
        match &node.value {
            Value::Str(s) if s == "id" => Some(Lang::Id),
            Value::Str(s) if s == "en" => Some(Lang::En),
            _ => {
                self.error(
                    node.span,
                    msg!(
                        "`lang` harus `id` (Bahasa Indonesia) atau `en` (bahasa Inggris)"
                            / "`lang` must be `id` (Bahasa Indonesia) or `en` (English)"
                    ),
                    Some(msg!("tuliskan misalnya `lang: en`" / "write e.g. `lang: en`")),
                );
                None
            }
        }
    }

    fn days(&mut self, node: &Node) -> Option<duration::DayMeaning> {
        let text = match &node.value {
            Value::Str(s) => s.as_str(),
            _ => "",
        };
        let meaning = duration::DayMeaning::parse(text);
        if meaning.is_none() {
            self.error(
                node.span,
                msg!(
                    "`days` menyatakan arti `hari` saja: `kerja` atau `kalender`"
                        / "`days` says what a bare `hari` means: `kerja` or `kalender`"
                ),
                Some(msg!(
                    "tuliskan `days: kerja` bila `hari` dalam SOP Anda berarti hari kerja"
                        / "write `days: kerja` when `hari` in your SOPs means working days"
                )),
            );
        }
        meaning
    }

    fn workday(&mut self, node: &Node) -> Option<u64> {
        let help = Some(msg!(
            "tuliskan misalnya `workday: 8 jam` atau `workday: 450 menit`"
                / "write e.g. `workday: 8 jam` or `workday: 450 menit`"
        ));
        let Value::Str(text) = &node.value else {
            let found = node.value.type_text();
            self.error(
                node.span,
                msg!(
                    "`workday` harus berupa waktu, tetapi tertulis {}"
                        / "`workday` must be a duration, found {}",
                    found
                ),
                help,
            );
            return None;
        };
        match duration::parse(text) {
            Ok(d) if d.bucket() == Bucket::WorkTime && d.min == d.max && d.max > 0 => {
                Some(d.max_base().div_ceil(60))
            }
            Ok(_) => {
                self.error(
                    node.span,
                    msg!(
                        "`workday` harus berupa satu panjang waktu dalam `jam` atau `menit`, tetapi tertulis `{text}`"
                            / "`workday` must be a single length in `jam` or `menit`, found `{text}`"
                    ),
                    help,
                );
                None
            }
            Err(e) => {
                let e_help = e.help;
                self.error(
                    node.span,
                    msg!("`workday` tidak sah: {}" / "invalid `workday`: {}", e.message),
                    e_help.or(help),
                );
                None
            }
        }
    }
}

fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern.trim_start_matches("./")).literal_separator(true).build()
}

fn quoted(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        parse(&SourceFile::new(FILE_NAME, text)).unwrap()
    }

    fn errors(text: &str) -> Vec<String> {
        let src = SourceFile::new(FILE_NAME, text);
        parse(&src)
            .unwrap_err()
            .into_iter()
            .map(|e| {
                format!(
                    "{} {}{}",
                    src.line_col(e.span.start),
                    e.message.en,
                    e.help.map_or(String::new(), |h| format!(" ({})", h.en))
                )
            })
            .collect()
    }

    #[test]
    fn levels_by_code_and_name_then_overrides() {
        let c = config(
            "rules:\n  dead-end: warning\n  SOP301: off\noverrides:\n  - files: [\"draft/**\"]\n    rules: {dead-end: off, SOP301: error}\nworkday: 7 jam\n",
        );
        let base = Settings::default();
        let s = c.settings_for(&base, "sops/a.yaml");
        assert_eq!(s.levels.of("SOP205"), Level::Warning);
        assert_eq!(s.levels.of("SOP301"), Level::Off);
        assert_eq!(s.workday_minutes, 7 * 60);
        let d = c.settings_for(&base, "draft/x/a.yaml");
        assert_eq!(d.levels.of("SOP205"), Level::Off);
        assert_eq!(d.levels.of("SOP301"), Level::Error);
    }

    #[test]
    fn duplicate_keys_are_errors_not_last_wins() {
        let e = errors(
            "workday: 7 jam\nworkday: 8 jam\nrules:\n  dead-end: off\n  SOP205: error\n  SOP301: off\n  SOP301: warning\n",
        );
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].starts_with("2:1 `workday` is given twice in the configuration"), "{e:?}");
        assert!(
            e[1].starts_with("5:3 the rule `dead-end` (SOP205) is given twice in `rules`"),
            "{e:?}"
        );
        assert!(e[2].starts_with("7:3 the rule"), "{e:?}");
    }

    #[test]
    fn exclude_matches_files_and_folders() {
        let c = config("exclude: [\"arsip\", \"sops/*-lama.yaml\"]\n");
        assert!(c.is_excluded("arsip/2019/a.yaml"));
        assert!(c.is_excluded("./sops/x-lama.yaml"));
        assert!(!c.is_excluded("sops/sub/x-lama.yaml"));
        assert!(!c.is_excluded("sops/x.yaml"));
    }

    #[test]
    fn every_error_is_positioned_with_a_suggestion() {
        assert_eq!(
            errors(
                "rule:\n  dead-end: warning\nrules:\n  dead-edn: warning\n  SOP205: fatal\noverrides:\n  - rules: {}\n    file: [x]\nworkday: 2 hari\nexclude: [\"a[\"]\n"
            ),
            vec![
                "1:1 unknown key `rule` in the configuration (did you mean `rules`?)",
                "4:3 unknown rule `dead-edn` (did you mean `dead-end`?)",
                "5:11 `fatal` is not a level; expected `error`, `warning` or `off`",
                "8:5 unknown key `file` in an override (did you mean `files`?)",
                "7:5 an override needs `files`, a list of globs (write e.g. `files: [\"sops/draft/**\"]`)",
                "9:10 `workday` must be a single length in `jam` or `menit`, found `2 hari` (write e.g. `workday: 8 jam` or `workday: 450 menit`)",
                "10:11 invalid glob `a[`: unclosed character class; missing ']'",
            ]
        );
    }

    #[test]
    fn syntax_error_is_positioned() {
        let e = errors("rules: [\n");
        assert_eq!(e.len(), 1, "{e:?}");
    }
}
