//! Lowering: YAML [`Node`] tree → [`Sop`], collecting every schema problem
//! in one pass (unknown keys with a did-you-mean, wrong types, missing keys,
//! bad enum values, invalid durations and dates, keys that do not belong
//! on a step of that kind, duplicate keys).
//!
//! It never stops at the first problem: a bad value becomes `None` in the
//! model and a diagnostic here, and the rest of the file is still read.

use crate::diagnostic::{Diagnostic, FileId, Text};
use crate::duration;
use crate::fix::{Edit, Fix};
use crate::model::schema::{self, Key, Type};
use crate::model::{
    Actor, ApprovedBy, Blank, Branch, Date, Definition, Identity, Related, Relation, Sop, SopLevel,
    SopType, Spanned, Step, StepKind,
};
use crate::msg;
use crate::rule_id;
use crate::source::Span;
use crate::suggest;
use crate::yaml::{Node, Value};

/// Builds the model from a parsed YAML tree. Returns `None` only when the
/// document is not a mapping at all (nothing to lower).
pub fn lower(root: &Node, file: FileId, out: &mut Vec<Diagnostic>) -> Option<Sop> {
    let mut cx = Lower { file, out, blanks: Vec::new(), bare_times: Vec::new() };
    if matches!(root.value, Value::Null) {
        cx.out.push(
            Diagnostic::new(
                &rule_id::MISSING_KEY,
                file,
                root.span,
                msg!(
                    "berkas ini kosong; sebuah SOP diawali dengan `schema: sop-ap/1`"
                        / "the file is empty; a SOP starts with `schema: sop-ap/1`"
                ),
            )
            .help(msg!(
                "jalankan `sopmap new` untuk memulai dari templat"
                    / "run `sopmap new` to start from a template"
            )),
        );
        return None;
    }
    let obj = cx.object(root, schema::TOP, &msg!("dokumen" / "the document"))?;
    let mut sop = Sop {
        schema: obj.get("schema").and_then(|n| cx.enum_str(n, "schema", &["sop-ap/1"])),
        id: obj.get("id").and_then(|n| cx.id(n, "id", IdKind::Sop)),
        level: obj.get("level").and_then(|n| {
            cx.enum_str(n, "level", schema::LEVELS).map(|s| {
                Spanned::new(
                    if s.value == "makro" { SopLevel::Makro } else { SopLevel::Mikro },
                    s.span,
                )
            })
        }),
        sop_type: obj.get("type").and_then(|n| {
            cx.enum_str(n, "type", schema::TYPES).map(|s| {
                let t = if s.value == "teknis" { SopType::Teknis } else { SopType::Administratif };
                Spanned::new(t, s.span)
            })
        }),
        completeness: obj
            .get("completeness")
            .and_then(|n| cx.enum_str(n, "completeness", schema::COMPLETENESS)),
        genericity: obj
            .get("genericity")
            .and_then(|n| cx.enum_str(n, "genericity", schema::GENERICITY)),
        identity: obj.get("identity").map(|n| cx.identity(n)).unwrap_or_default(),
        purpose: obj.get("purpose").and_then(|n| cx.string(n, "purpose")),
        scope: obj.get("scope").and_then(|n| cx.string(n, "scope")),
        summary: obj.get("summary").and_then(|n| cx.string(n, "summary")),
        definitions: obj.get("definitions").map(|n| cx.definitions(n)).unwrap_or_default(),
        legal_basis: obj
            .get("legal_basis")
            .map(|n| cx.box_list(n, "legal_basis", "Dasar Hukum"))
            .unwrap_or_default(),
        qualifications: obj
            .get("qualifications")
            .map(|n| cx.box_list(n, "qualifications", "Kualifikasi Pelaksana"))
            .unwrap_or_default(),
        related: obj.get("related").map(|n| cx.related(n)).unwrap_or_default(),
        equipment: obj
            .get("equipment")
            .map(|n| cx.box_list(n, "equipment", "Peralatan/Perlengkapan"))
            .unwrap_or_default(),
        warnings: obj
            .get("warnings")
            .map(|n| cx.box_list(n, "warnings", "Peringatan"))
            .unwrap_or_default(),
        records: obj
            .get("records")
            .map(|n| cx.box_list(n, "records", "Pencatatan dan Pendataan"))
            .unwrap_or_default(),
        service_time: obj.get("service_time").and_then(|n| cx.duration(n, "service_time")),
        workday: obj.get("workday").and_then(|n| cx.workday(n)),
        days: obj.get("days").and_then(|n| {
            let s = cx.enum_str(n, "days", schema::DAY_MEANINGS)?;
            duration::DayMeaning::parse(&s.value).map(|m| Spanned::new(m, s.span))
        }),
        actors: obj.get("actors").map(|n| cx.actors(n)).unwrap_or_default(),
        steps: Vec::new(),
        blanks: Vec::new(),
        span: obj.first_key_span(),
    };
    sop.steps = obj.get("steps").map(|n| cx.steps(n)).unwrap_or_default();
    cx.fix_bare_times(&sop.steps);
    sop.blanks = std::mem::take(&mut cx.blanks);
    // Reported here rather than by the rule, which cannot tell an empty
    // list from a missing or malformed `steps` (already reported).
    if let Some(n) = obj.get("steps")
        && (matches!(n.value, Value::Null)
            || matches!(&n.value, Value::Seq(items) if items.is_empty()))
    {
        cx.push(
            Diagnostic::new(
                &rule_id::MISSING_START,
                file,
                n.span,
                msg!("SOP ini tidak memiliki langkah" / "the SOP has no steps"),
            )
            .help(msg!(
                "tuliskan kegiatan di bawah `steps:`, diawali langkah `kind: start`"
                    / "add the activities under `steps:`, starting with a `kind: start` step"
            )),
        );
    }
    Some(sop)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum IdKind {
    /// `[a-z0-9-]+`
    Sop,
    /// `[a-z0-9_]+`, but hyphens are tolerated (old files), so only case
    /// and spaces are refused.
    Local,
}

struct Lower<'a> {
    file: FileId,
    out: &'a mut Vec<Diagnostic>,
    /// Boxes left blank on purpose (`kosong`), in file order.
    blanks: Vec<Blank>,
    /// Step times written as a bare number: the finding's index in `out`,
    /// the value's span and the number (see [`Lower::fix_bare_times`]).
    bare_times: Vec<(usize, Span, i64)>,
}

/// Whether a value says "left blank, to fill in by hand": `kosong` (any
/// case) or `-`, as published SOPs mark an empty box.
fn is_blank_word(node: &Node) -> bool {
    matches!(&node.value, Value::Str(s) if s.trim().eq_ignore_ascii_case("kosong") || s.trim() == "-")
}

/// `identity.` for the identity block, `` for the document and list items:
/// the prefix of a key's path in messages.
fn path_prefix(what: &str) -> String {
    match what.strip_prefix('`').and_then(|w| w.strip_suffix('`')) {
        Some(w) => format!("{w}."),
        None => String::new(),
    }
}

/// A mapping whose keys were checked against the schema.
struct Obj<'n> {
    node: &'n Node,
    entries: Vec<(&'n str, &'n Node, &'n Node)>,
    misspelt: Vec<&'static str>,
}

impl<'n> Obj<'n> {
    /// The value of `name`: the first occurrence when a key is repeated.
    fn get(&self, name: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(k, _, _)| *k == name).map(|(_, _, v)| *v)
    }

    fn key_span(&self, name: &str) -> Option<Span> {
        self.entries.iter().find(|(k, _, _)| *k == name).map(|(_, k, _)| k.span)
    }

    fn first_key_span(&self) -> Span {
        self.entries.first().map_or(self.node.span, |(_, k, _)| k.span)
    }
}

impl Lower<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: Expected) {
        let found = type_text(&node.value);
        let mut d = Diagnostic::new(
            &rule_id::WRONG_TYPE,
            self.file,
            node.span,
            msg!(
                "`{what}` harus berupa {}, tetapi tertulis {}" / "`{what}` must be {}, found {}",
                expected.text(),
                found
            ),
        );
        d = match (&node.value, expected) {
            (Value::Int(_) | Value::Float(_) | Value::Bool(_), Expected::Text) => d.help(msg!(
                "beri tanda kutip agar nilainya dibaca sebagai teks, misalnya \"…\""
                    / "quote the value to make it text, e.g. \"…\""
            )),
            (Value::Str(_), Expected::List) => d.help(msg!(
                "tulis sebagai daftar: `{what}: [\"…\"]` atau butir `- …`"
                    / "write it as a list: `{what}: [\"…\"]` or `- …` items"
            )),
            _ => d,
        };
        self.push(d);
    }

    /// Checks that `node` is a mapping with only the keys of `keys`, all
    /// required keys present and no key repeated.
    fn object<'n>(&mut self, node: &'n Node, keys: &'static [Key], what: &Text) -> Option<Obj<'n>> {
        let Value::Map(map) = &node.value else {
            self.push(Diagnostic::new(
                &rule_id::WRONG_TYPE,
                self.file,
                node.span,
                msg!(
                    "{} harus berupa pemetaan kunci, tetapi tertulis {}"
                        / "{} must be a mapping of keys, found {}",
                    what,
                    type_text(&node.value)
                ),
            ));
            return None;
        };
        let mut entries: Vec<(&'n str, &'n Node, &'n Node)> = Vec::with_capacity(map.len());
        // Keys the author meant but misspelt: reported as unknown keys with
        // a suggestion, so not reported again as missing.
        let mut misspelt: Vec<&'static str> = Vec::new();
        for (k, v) in map {
            let Value::Str(name) = &k.value else {
                self.push(Diagnostic::new(
                    &rule_id::WRONG_TYPE,
                    self.file,
                    k.span,
                    msg!(
                        "kunci harus berupa teks, tetapi tertulis {}"
                            / "keys must be text, found {}",
                        type_text(&k.value)
                    ),
                ));
                continue;
            };
            if let Some((_, first, _)) = entries.iter().find(|(n, _, _)| *n == name.as_str()) {
                let first_span = first.span;
                self.push(
                    Diagnostic::new(
                        &rule_id::DUPLICATE_KEY,
                        self.file,
                        k.span,
                        msg!(
                            "kunci `{name}` tertulis dua kali dalam {}"
                                / "key `{name}` appears twice in {}",
                            what
                        ),
                    )
                    .label(first_span, msg!("pertama kali ditulis di sini" / "first written here"))
                    .help(msg!(
                        "hapus salah satunya; hanya yang pertama yang dipakai"
                            / "remove one of them; only the first is used"
                    )),
                );
                continue;
            }
            if !keys.iter().any(|key| key.name == name) {
                let closest = suggest::closest(name, keys.iter().map(|k| k.name));
                if let Some(c) = closest {
                    misspelt.push(c);
                }
                let help = closest.map(suggest::meant_text).unwrap_or_else(|| {
                    let names = list_names(keys);
                    msg!("kunci yang diharapkan: {names}" / "expected one of {names}")
                });
                // Renaming the key is safe only when the mapping does not
                // already have the key it becomes.
                let taken = |c: &str| match &node.value {
                    Value::Map(pairs) => {
                        pairs.iter().any(|(k, _)| matches!(&k.value, Value::Str(s) if s == c))
                    }
                    _ => true,
                };
                let fix =
                    closest.filter(|c| !taken(c)).map(|c| Fix::replace_scalar(k.span, name, c));
                self.push(
                    Diagnostic::new(
                        &rule_id::UNKNOWN_KEY,
                        self.file,
                        k.span,
                        msg!(
                            "kunci `{name}` dalam {} tidak dikenal" / "unknown key `{name}` in {}",
                            what
                        ),
                    )
                    .help(help)
                    .maybe_fix(fix),
                );
                continue;
            }
            entries.push((name.as_str(), k, v));
        }
        let obj = Obj { node, entries, misspelt };
        let anchor = obj.first_key_span();
        for key in keys.iter().filter(|k| k.required) {
            if obj.get(key.name).is_none() && !obj.misspelt.contains(&key.name) {
                self.push(
                    Diagnostic::new(
                        &rule_id::MISSING_KEY,
                        self.file,
                        anchor,
                        match key.label {
                            // Machine keys (`schema`, `id`) have no Indonesian label.
                            "-" | "" => msg!(
                                "{} tidak memiliki kunci wajib `{}`"
                                    / "{} is missing the required key `{}`",
                                what,
                                key.name
                            ),
                            label => msg!(
                                "{} tidak memiliki kunci wajib `{}` ({label})"
                                    / "{} is missing the required key `{}` ({label})",
                                what,
                                key.name
                            ),
                        },
                    )
                    .help({
                        let (name, desc) = (key.name, lower_first(key.description));
                        match key.label {
                            "-" | "" => msg!("tambahkan `{name}:`" / "add `{name}:`: {desc}"),
                            label => {
                                msg!("tambahkan `{name}:` ({label})" / "add `{name}:`: {desc}")
                            }
                        }
                    }),
                );
            }
        }
        self.empty_values(&obj, keys, what);
        Some(obj)
    }

    /// Reports keys that need a value but are written with none: null, an
    /// empty text, an empty list. Ids and enum words report their own
    /// empty text; `steps` has its own finding.
    fn empty_values(&mut self, obj: &Obj<'_>, keys: &'static [Key], what: &Text) {
        let prefix = path_prefix(&what.en);
        for (name, k, v) in &obj.entries {
            let Some(key) = keys.iter().find(|key| key.name == *name) else { continue };
            // Optional keys that, once written, need a value: leaving
            // `activity` out is how a capsule reads "Mulai"; writing it
            // empty is a slip.
            let needs_value = matches!(key.name, "level" | "type" | "activity");
            if !(key.required || needs_value) || key.name == "steps" {
                continue;
            }
            let path = format!("{prefix}{name}");
            // `kind` of step `periksa`; `identity.number`; `schema`.
            let of = if prefix.is_empty() && what.en != "the document" {
                msg!(" pada {}" / " of {}", what)
            } else {
                msg!("" / "")
            };
            let named = match key.label {
                "-" | "" => msg!("`{path}`{}" / "`{path}`{}", of),
                label => msg!("`{path}` ({label}){}" / "`{path}` ({label}){}", of),
            };
            let label = key.label;
            let desc = lower_first(key.description);
            let (span, message, help) = match (&v.value, key.ty) {
                (Value::Null, Type::Object(_)) => continue,
                // A box of the form (identity, Mutu Baku lists) may be left
                // blank on purpose: say so with `kosong`, not with null.
                (Value::Null, _)
                    if prefix.starts_with("identity")
                        || matches!(key.ty, Type::StrList) && prefix.is_empty() =>
                {
                    (
                        k.span,
                        msg!("{} tidak memiliki nilai" / "{} has no value", named),
                        msg!(
                            "tuliskan nilainya setelah `{name}:`, atau `{name}: kosong` bila dokumen membiarkan kotaknya kosong untuk diisi tangan"
                                / "write the value after `{name}:`, or `{name}: kosong` when the document leaves the box blank to fill in by hand"
                        ),
                    )
                }
                (Value::Null, _) => (
                    k.span,
                    msg!("{} tidak memiliki nilai" / "{} has no value", named),
                    msg!(
                        "tuliskan nilainya setelah `{name}:`"
                            / "write the value after `{name}:`: {desc}"
                    ),
                ),
                // An empty branch label is malformed-decision's.
                (Value::Str(s), Type::Str) if s.trim().is_empty() && key.name != "label" => (
                    v.span,
                    msg!(
                        "{label} kosong: `{path}`{} berisi teks kosong"
                            / "{label} kosong: `{path}`{} is an empty text",
                        of
                    ),
                    if prefix.starts_with("identity") {
                        msg!(
                            "tuliskan {label}, atau `{name}: kosong` bila dokumen membiarkan kotaknya kosong untuk diisi tangan"
                                / "write the {label}, or `{name}: kosong` when the document leaves the box blank to fill in by hand"
                        )
                    } else {
                        msg!("tuliskan {label}" / "write the {label}")
                    },
                ),
                (Value::Seq(items), Type::StrList | Type::IdList | Type::ObjectList(_))
                    if items.is_empty() =>
                {
                    (
                        v.span,
                        msg!(
                            "{label} kosong: `{path}`{} berisi daftar kosong"
                                / "{label} kosong: `{path}`{} is an empty list",
                            of
                        ),
                        msg!(
                            "cantumkan sekurang-kurangnya satu butir, atau tulis `{name}: kosong` bila dokumen membiarkan kotaknya kosong"
                                / "list at least one item, or write `{name}: kosong` when the document leaves the box blank"
                        ),
                    )
                }
                _ => continue,
            };
            self.push(Diagnostic::new(&rule_id::EMPTY_VALUE, self.file, span, message).help(help));
        }
    }

    /// A box of the identity block or a Mutu Baku list: `kosong` marks it
    /// blank on purpose.
    fn blank(&mut self, node: &Node, key: &str, label: &'static str) -> bool {
        if !is_blank_word(node) {
            return false;
        }
        self.blanks.push(Blank { key: key.to_string(), label, span: node.span });
        true
    }

    /// A Mutu Baku list (`records`, `equipment` …), or `kosong`.
    fn box_list(&mut self, node: &Node, what: &str, label: &'static str) -> Vec<Spanned<String>> {
        if self.blank(node, what, label) {
            return Vec::new();
        }
        self.str_list(node, what)
    }

    /// A text of the identity block, or `kosong` (kept as an empty text).
    fn box_text(
        &mut self,
        node: &Node,
        what: &str,
        label: &'static str,
    ) -> Option<Spanned<String>> {
        if self.blank(node, what, label) {
            return Some(Spanned::new(String::new(), node.span));
        }
        self.string(node, what)
    }

    /// Free text. Null is treated as absent.
    fn string(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        match &node.value {
            Value::Str(s) => Some(Spanned::new(s.clone(), node.span)),
            Value::Null => None,
            _ => {
                self.wrong_type(node, what, Expected::Text);
                None
            }
        }
    }

    fn id(&mut self, node: &Node, what: &str, kind: IdKind) -> Option<Spanned<String>> {
        let s = self.string(node, what)?;
        if s.value.trim().is_empty() {
            self.push(
                Diagnostic::new(
                    &rule_id::EMPTY_VALUE,
                    self.file,
                    s.span,
                    msg!(
                        "`{what}` berisi teks kosong; seharusnya berisi id"
                            / "`{what}` is an empty text; expected an id"
                    ),
                )
                .help(msg!(
                    "tuliskan id-nya dengan huruf kecil, angka, dan `_`"
                        / "write the id, lowercase letters, digits and `_`"
                )),
            );
            return None;
        }
        let ok = match kind {
            IdKind::Sop => {
                s.value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            }
            IdKind::Local => is_local_id(&s.value),
        };
        if s.value.is_empty() || !ok {
            let (sep, fixed) = match kind {
                IdKind::Sop => ('-', slug(&s.value, '-')),
                IdKind::Local => ('_', slug(&s.value, '_')),
            };
            let d = Diagnostic::new(
                &rule_id::INVALID_VALUE,
                self.file,
                s.span,
                msg!(
                    "`{what}` hanya boleh memakai huruf kecil, angka, dan `{sep}`, tetapi tertulis `{}`"
                        / "`{what}` must use only lowercase letters, digits and `{sep}`, found `{}`",
                    s.value
                ),
            );
            let d = if fixed.is_empty() {
                d
            } else {
                d.help(msg!("tulis `{fixed}`" / "write `{fixed}`"))
            };
            self.push(d);
            // Keep the id anyway so references to it still resolve.
        }
        Some(s)
    }

    /// A step id in `next`: unlike other optional values, an empty one is
    /// a mistake (the arrow leads nowhere), not an absent key.
    fn reference(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        if matches!(node.value, Value::Null) {
            self.push(
                Diagnostic::new(
                    &rule_id::WRONG_TYPE,
                    self.file,
                    node.span,
                    msg!(
                        "`{what}` kosong; seharusnya berisi id sebuah langkah"
                            / "`{what}` is empty; expected the id of a step"
                    ),
                )
                .help(msg!(
                    "tulis id langkah berikutnya, misalnya `next: periksa_berkas`"
                        / "write the id of the step that comes next, e.g. `next: periksa_berkas`"
                )),
            );
            return None;
        }
        self.local_ref(node, what)
    }

    /// A reference to a step or actor id (`next`, `actor`, `with`). Its
    /// characters are not checked: a reference that matches no id is
    /// reported by unknown-step/unknown-actor with a did-you-mean, and one
    /// that matches a badly formed id is reported at that id, so a second
    /// finding here would only repeat one mistake.
    fn local_ref(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        let s = self.string(node, what)?;
        if s.value.is_empty() {
            return self.id(node, what, IdKind::Local);
        }
        Some(s)
    }

    fn enum_str(&mut self, node: &Node, what: &str, allowed: &[&str]) -> Option<Spanned<String>> {
        let s = self.string(node, what)?;
        if s.value.trim().is_empty() {
            self.push(
                Diagnostic::new(
                    &rule_id::EMPTY_VALUE,
                    self.file,
                    s.span,
                    msg!("`{what}` berisi teks kosong" / "`{what}` is an empty text"),
                )
                .help({
                    let names = quoted(allowed);
                    msg!("tuliskan salah satu dari {names}" / "write one of {names}")
                }),
            );
            return None;
        }
        if allowed.contains(&s.value.as_str()) {
            return Some(s);
        }
        let names = quoted(allowed);
        let help = suggest::meant(&s.value.to_lowercase(), allowed.iter().copied())
            .unwrap_or_else(|| msg!("nilai yang diharapkan: {names}" / "expected one of {names}"));
        // `kind: proces` → `process`, when no other value is as near.
        let lower = s.value.to_lowercase();
        let fix = allowed
            .iter()
            .copied()
            .find(|a| *a == lower)
            .or_else(|| suggest::closest_unique(&lower, allowed))
            .map(|c| Fix::replace_scalar(s.span, &s.value, c));
        self.push(
            Diagnostic::new(
                &rule_id::INVALID_VALUE,
                self.file,
                s.span,
                msg!(
                    "`{}` bukan nilai `{what}` yang sah; nilai yang diharapkan: {names}"
                        / "`{}` is not a valid `{what}`; expected {names}",
                    s.value
                ),
            )
            .help(help)
            .maybe_fix(fix),
        );
        None
    }

    fn boolean(&mut self, node: &Node, what: &str) -> bool {
        match &node.value {
            Value::Bool(b) => *b,
            Value::Null => false,
            _ => {
                self.wrong_type(node, what, Expected::Boolean);
                false
            }
        }
    }

    fn integer(&mut self, node: &Node, what: &str) -> Option<Spanned<i64>> {
        match &node.value {
            Value::Int(i) => Some(Spanned::new(*i, node.span)),
            Value::Null => None,
            Value::Str(s) if s.trim().parse::<i64>().is_ok() => {
                s.trim().parse::<i64>().ok().map(|i| Spanned::new(i, node.span))
            }
            _ => {
                self.wrong_type(node, what, Expected::WholeNumber);
                None
            }
        }
    }

    /// A bare number of minutes, hours or days is ambiguous, except when
    /// every other step time of the SOP is in one unit: then the missing
    /// unit is that one, and the fix adds it.
    fn fix_bare_times(&mut self, steps: &[Step]) {
        let mut units = steps.iter().filter_map(|s| s.time.as_ref()).map(|t| t.value.unit);
        let Some(unit) = units.next() else { return };
        if units.any(|u| u != unit) {
            return;
        }
        for (at, span, n) in std::mem::take(&mut self.bare_times) {
            if let Some(d) = self.out.get_mut(at) {
                let new = format!("{n} {}", unit.as_str());
                let u = unit.as_str();
                d.fix = Some(Fix::new(
                    msg!(
                        "tulis `{new}` (waktu langkah lainnya semua dalam `{u}`)"
                            / "write `{new}` (every other step time is in `{u}`)"
                    ),
                    vec![Edit::scalar(span, n.to_string(), new)],
                ));
            }
        }
    }

    /// A date of the identity block in any form of [`crate::model::date`];
    /// `kosong` (and `-` for a required date) marks the box blank, `-` or
    /// null for `revised` means never revised.
    fn date(
        &mut self,
        node: &Node,
        what: &str,
        label: &'static str,
        nullable: bool,
    ) -> Option<Spanned<Date>> {
        let written = match &node.value {
            Value::Str(s) => s.as_str(),
            _ => "",
        };
        let text = match &node.value {
            Value::Null => return None,
            Value::Str(s) if nullable && s.trim() == "-" => return None,
            _ if self.blank(node, what, label) => return None,
            Value::Str(s) => s.trim(),
            _ => {
                self.push(Diagnostic::new(
                    &rule_id::INVALID_DATE,
                    self.file,
                    node.span,
                    msg!(
                        "`{what}` harus berupa tanggal seperti `2024-07-01` atau `16 Juli 2012`, tetapi tertulis {}"
                            / "`{what}` must be a date such as `2024-07-01` or `16 Juli 2012`, found {}",
                        type_text(&node.value)
                    ),
                ));
                return None;
            }
        };
        match crate::model::date::parse(text) {
            Ok(d) => Some(Spanned::new(d, node.span)),
            Err(e) => {
                // The suggested ISO date replaces a plain or quoted value.
                let fix = e.suggestion.as_ref().filter(|_| text == written).map(|d| {
                    Fix::new(
                        msg!("tulis tanggal sebagai `{d}`" / "write the date as `{d}`"),
                        vec![Edit::scalar(node.span, text, d.to_string())],
                    )
                });
                let help = e.suggestion.map(|d| msg!("tulis `{d}`" / "write `{d}`")).unwrap_or_else(|| {
                    msg!(
                        "tulis tanggal sebagai `2024-07-01`, `1 Juli 2024`, atau `01/07/2024` (tanggal/bulan/tahun)"
                            / "write the date as `2024-07-01`, `1 Juli 2024` or `01/07/2024` (day/month/year)"
                    )
                });
                self.push(
                    Diagnostic::new(
                        &rule_id::INVALID_DATE,
                        self.file,
                        node.span,
                        msg!(
                            "`{text}` bukan tanggal yang sah untuk `{what}`: {}"
                                / "`{text}` is not a valid date for `{what}`: {}",
                            e.reason.text()
                        ),
                    )
                    .help(help)
                    .maybe_fix(fix),
                );
                None
            }
        }
    }

    fn duration(&mut self, node: &Node, what: &str) -> Option<Spanned<duration::Duration>> {
        let text = match &node.value {
            Value::Str(s) => s.as_str(),
            Value::Null => return None,
            Value::Int(i) => {
                if what == "time" {
                    self.bare_times.push((self.out.len(), node.span, *i));
                }
                self.push(
                    Diagnostic::new(
                        &rule_id::INVALID_DURATION,
                        self.file,
                        node.span,
                        msg!(
                            "`{what}: {i}` tidak memiliki satuan waktu (satuan waktu wajib)"
                                / "`{what}: {i}` has no time unit (satuan waktu wajib)"
                        ),
                    )
                    .help(msg!(
                        "tulis misalnya `{i} menit`, `{i} jam`, atau `{i} hari kerja`"
                            / "write e.g. `{i} menit`, `{i} jam` or `{i} hari kerja`"
                    )),
                );
                return None;
            }
            _ => {
                self.push(Diagnostic::new(
                    &rule_id::INVALID_DURATION,
                    self.file,
                    node.span,
                    msg!(
                        "`{what}` harus berupa waktu seperti `30 menit`, tetapi tertulis {}"
                            / "`{what}` must be a duration such as `30 menit`, found {}",
                        type_text(&node.value)
                    ),
                ));
                return None;
            }
        };
        match duration::parse(text) {
            Ok(d) => Some(Spanned::new(d, node.span)),
            Err(e) => {
                let d = Diagnostic::new(
                    &rule_id::INVALID_DURATION,
                    self.file,
                    node.span,
                    msg!(
                        "penulisan waktu pada `{what}` tidak sah: {}"
                            / "invalid duration in `{what}`: {}",
                        e.message
                    ),
                );
                let d = d.maybe_help(e.help);
                // A misspelt unit rewritten, when the value is written as
                // the parser read it (single spaces) and the result reads.
                let normal = text.split_whitespace().collect::<Vec<_>>().join(" ") == text;
                let fix = e.fix.filter(|new| normal && duration::parse(new).is_ok()).map(|new| {
                    Fix::new(
                        msg!("tulis `{new}`" / "write `{new}`"),
                        vec![Edit::scalar(node.span, text, new)],
                    )
                });
                self.push(d.maybe_fix(fix));
                None
            }
        }
    }

    fn workday(&mut self, node: &Node) -> Option<Spanned<duration::Duration>> {
        let d = self.duration(node, "workday")?;
        if d.value.bucket() != duration::Bucket::WorkTime
            || d.value.min != d.value.max
            || d.value.max == 0
        {
            self.push(
                Diagnostic::new(
                    &rule_id::INVALID_DURATION,
                    self.file,
                    d.span,
                    msg!(
                        "`workday` harus berupa satu panjang waktu dalam `jam` atau `menit`"
                            / "`workday` must be a single length in `jam` or `menit`"
                    ),
                )
                .help(msg!(
                    "tulis misalnya `workday: 8 jam` atau `workday: 450 menit`"
                        / "write e.g. `workday: 8 jam` or `workday: 450 menit`"
                )),
            );
            return None;
        }
        Some(d)
    }

    fn seq<'n>(&mut self, node: &'n Node, what: &str) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            Value::Null => &[],
            _ => {
                self.wrong_type(node, what, Expected::List);
                &[]
            }
        }
    }

    fn str_list(&mut self, node: &Node, what: &str) -> Vec<Spanned<String>> {
        let items = self.seq(node, what);
        items.iter().filter_map(|item| self.string(item, &format!("{what}[]"))).collect()
    }

    fn identity(&mut self, node: &Node) -> Identity {
        let Some(obj) = self.object(node, schema::IDENTITY, &msg!("`identity`" / "`identity`"))
        else {
            return Identity::default();
        };
        Identity {
            agency: obj
                .get("agency")
                .and_then(|n| self.box_text(n, "identity.agency", "Nama Instansi")),
            unit: obj
                .get("unit")
                .and_then(|n| self.box_text(n, "identity.unit", "Nama Unit Kerja")),
            number: obj
                .get("number")
                .and_then(|n| self.box_text(n, "identity.number", "Nomor SOP")),
            title: obj.get("title").and_then(|n| self.string(n, "identity.title")),
            created: obj
                .get("created")
                .and_then(|n| self.date(n, "identity.created", "Tanggal Pembuatan", false)),
            revised: obj
                .get("revised")
                .and_then(|n| self.date(n, "identity.revised", "Tanggal Revisi", true)),
            revision: obj.get("revision").and_then(|n| self.integer(n, "identity.revision")),
            effective: obj
                .get("effective")
                .and_then(|n| self.date(n, "identity.effective", "Tanggal Efektif", false)),
            approved_by: obj
                .get("approved_by")
                .and_then(|n| {
                    let o = self.object(
                        n,
                        schema::APPROVED_BY,
                        &msg!("`identity.approved_by`" / "`identity.approved_by`"),
                    )?;
                    Some(ApprovedBy {
                        position: o.get("position").and_then(|n| {
                            self.box_text(n, "identity.approved_by.position", "Jabatan")
                        }),
                        name: o
                            .get("name")
                            .and_then(|n| self.box_text(n, "identity.approved_by.name", "Nama")),
                        nip: o
                            .get("nip")
                            .and_then(|n| self.box_text(n, "identity.approved_by.nip", "NIP")),
                    })
                })
                .unwrap_or_default(),
        }
    }

    fn definitions(&mut self, node: &Node) -> Vec<Definition> {
        let items = self.seq(node, "definitions");
        let mut defs = Vec::new();
        for item in items {
            if let Some(o) = self.object(
                item,
                schema::DEFINITION,
                &msg!("entri `definitions`" / "a `definitions` entry"),
            ) {
                defs.push(Definition {
                    term: o.get("term").and_then(|n| self.string(n, "term")),
                    meaning: o.get("meaning").and_then(|n| self.string(n, "meaning")),
                });
            }
        }
        defs
    }

    fn related(&mut self, node: &Node) -> Vec<Related> {
        let items = self.seq(node, "related");
        let mut out = Vec::new();
        for item in items {
            let Some(o) =
                self.object(item, schema::RELATED, &msg!("entri `related`" / "a `related` entry"))
            else {
                continue;
            };
            let relation = o.get("relation").and_then(|n| {
                let s = self.enum_str(n, "relation", schema::RELATIONS)?;
                let r = match s.value.as_str() {
                    "parent" => Relation::Parent,
                    "child" => Relation::Child,
                    "prerequisite" => Relation::Prerequisite,
                    "follow_up" => Relation::FollowUp,
                    _ => Relation::Related,
                };
                Some(Spanned::new(r, s.span))
            });
            let entry = Related {
                sop: o.get("sop").and_then(|n| self.id(n, "related.sop", IdKind::Sop)),
                title: o.get("title").and_then(|n| self.string(n, "related.title")),
                relation,
                external: o.get("external").is_some_and(|n| self.boolean(n, "related.external")),
                span: o.first_key_span(),
            };
            if entry.sop.is_none() && entry.title.is_none() {
                self.push(
                    Diagnostic::new(
                        &rule_id::MISSING_KEY,
                        self.file,
                        entry.span,
                        msg!(
                            "entri `related` memerlukan `sop` (id SOP yang dimuat) atau `title`"
                                / "a `related` entry needs `sop` (an id in the corpus) or `title`"
                        ),
                    )
                    .help(msg!(
                        "tambahkan `sop: <id>`, atau `title: …` dengan `external: true` untuk SOP yang disimpan di tempat lain"
                            / "add `sop: <id>`, or `title: …` with `external: true` for a SOP kept elsewhere"
                    )),
                );
            }
            out.push(entry);
        }
        out
    }

    fn actors(&mut self, node: &Node) -> Vec<Actor> {
        let items = self.seq(node, "actors");
        let mut out = Vec::new();
        for item in items {
            let Some(o) = self.object(item, schema::ACTOR, &msg!("entri pelaksana" / "an actor"))
            else {
                continue;
            };
            out.push(Actor {
                id: o.get("id").and_then(|n| self.id(n, "actors[].id", IdKind::Local)),
                name: o.get("name").and_then(|n| self.string(n, "actors[].name")),
                external: o.get("external").is_some_and(|n| self.boolean(n, "actors[].external")),
                span: o.first_key_span(),
            });
        }
        out
    }

    fn steps(&mut self, node: &Node) -> Vec<Step> {
        let items = self.seq(node, "steps");
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let Some(step) = self.step(item) {
                out.push(step);
            }
        }
        out
    }

    fn step(&mut self, node: &Node) -> Option<Step> {
        let what = step_what(node);
        let o = self.object(node, schema::STEP, &what)?;
        let kind = o.get("kind").and_then(|n| {
            let s = self.enum_str(n, "kind", schema::STEP_KINDS)?;
            let k = match s.value.as_str() {
                "start" => StepKind::Start,
                "decision" => StepKind::Decision,
                "end" => StepKind::End,
                _ => StepKind::Process,
            };
            Some(Spanned::new(k, s.span))
        });
        let with = o.get("with").map(|n| self.actor_list(n, "with")).unwrap_or_default();
        let alternate =
            o.get("alternate").map(|n| self.actor_list(n, "alternate")).unwrap_or_default();
        let branches = o.get("branches").map(|n| self.branches(n)).unwrap_or_default();
        let step = Step {
            id: o.get("id").and_then(|n| self.id(n, "id", IdKind::Local)),
            row: o.get("row").and_then(|n| self.row_number(n)),
            same_row: o
                .get("same_row")
                .is_some_and(|n| self.boolean(n, "same_row"))
                .then(|| o.key_span("same_row"))
                .flatten(),
            kind,
            actor: o.get("actor").and_then(|n| self.local_ref(n, "actor")),
            alternate,
            with,
            activity: o.get("activity").and_then(|n| self.string(n, "activity")),
            requirements: o
                .get("requirements")
                .map(|n| self.str_list(n, "requirements"))
                .unwrap_or_default(),
            has_time: o.get("time").is_some_and(|n| !matches!(n.value, Value::Null)),
            time: o.get("time").and_then(|n| self.duration(n, "time")),
            time_note: o.get("time_note").and_then(|n| self.string(n, "time_note")),
            wait: o.get("wait").is_some_and(|n| self.boolean(n, "wait")),
            output: o.get("output").and_then(|n| self.string(n, "output")),
            notes: o.get("notes").and_then(|n| self.string(n, "notes")),
            next: o.get("next").and_then(|n| self.reference(n, "next")),
            next_key: o.key_span("next"),
            branches,
            branches_key: o.key_span("branches"),
            sub_sop: o.get("sub_sop").and_then(|n| self.id(n, "sub_sop", IdKind::Sop)),
            outcome: o.get("outcome").and_then(|n| self.string(n, "outcome")),
            misspelt: o.misspelt.clone(),
            span: o.first_key_span(),
        };
        self.misplaced_keys(&step, &o);
        self.missing_activity(&step, &o);
        Some(step)
    }

    /// `with` or `alternate`: a list of actor ids, or one id as shorthand
    /// (`with: pengadu`).
    fn actor_list(&mut self, node: &Node, what: &str) -> Vec<Spanned<String>> {
        let items = match &node.value {
            Value::Str(_) => std::slice::from_ref(node),
            _ => self.seq(node, what),
        };
        let item = format!("{what}[]");
        items.iter().filter_map(|i| self.local_ref(i, &item)).collect()
    }

    /// A row number as printed on the document: a whole number from 1.
    fn row_number(&mut self, node: &Node) -> Option<Spanned<i64>> {
        let n = self.integer(node, "row")?;
        if n.value < 1 {
            self.push(
                Diagnostic::new(
                    &rule_id::INVALID_VALUE,
                    self.file,
                    n.span,
                    msg!(
                        "`row` harus berupa nomor baris mulai dari 1, tetapi tertulis `{}`"
                            / "`row` must be a row number from 1, found `{}`",
                        n.value
                    ),
                )
                .help(msg!(
                    "tuliskan nomor yang tercetak di kolom No, atau hapus `row` agar nomornya dihitung berurutan"
                        / "write the number printed in the No column, or leave `row` out to count on"
                )),
            );
            return None;
        }
        Some(n)
    }

    /// `activity` may be left out only on a start or end capsule, which
    /// then reads "Mulai" or "Selesai" as real documents print it.
    fn missing_activity(&mut self, step: &Step, o: &Obj<'_>) {
        if o.get("activity").is_some() || o.misspelt.contains(&"activity") {
            return;
        }
        if matches!(step.kind(), Some(StepKind::Start | StepKind::End)) {
            return;
        }
        self.push(
            Diagnostic::new(
                &rule_id::MISSING_KEY,
                self.file,
                o.first_key_span(),
                msg!(
                    "langkah `{}` tidak memiliki kunci wajib `activity` (Kegiatan)"
                        / "step `{}` is missing the required key `activity` (Kegiatan)",
                    step.id_str()
                ),
            )
            .help(msg!(
                "tambahkan `activity:`: kegiatannya; untuk keputusan, pertanyaannya"
                    / "add `activity:`: the activity; for a decision, the question"
            )),
        );
    }

    /// Keys that are valid somewhere but not on a step of this kind. `next`
    /// and `branches` on an `end` step are the end-with-successor rule's.
    fn misplaced_keys(&mut self, step: &Step, o: &Obj<'_>) {
        let Some(kind) = step.kind() else { return };
        let id = step.id_str().to_string();
        let kind_id = match kind {
            StepKind::Start => "awal",
            StepKind::Process => "proses",
            StepKind::Decision => "keputusan",
            StepKind::End => "akhir",
        };
        let kind_en = kind.as_str();
        let report = |this: &mut Self, key: &str, help: Text| {
            if let Some(span) = o.key_span(key) {
                this.push(
                    Diagnostic::new(
                        &rule_id::MISPLACED_KEY,
                        this.file,
                        span,
                        msg!(
                            "`{key}` tidak boleh ada pada langkah {kind_id} `{id}`"
                                / "`{key}` is not allowed on the {kind_en} step `{id}`"
                        ),
                    )
                    .help(help),
                );
            }
        };
        match kind {
            StepKind::Decision => {
                report(
                    self,
                    "next",
                    msg!(
                        "keputusan berlanjut melalui `branches`-nya; pindahkan tujuannya ke dalam sebuah cabang"
                            / "a decision leads on through its `branches`; move the target into a branch"
                    ),
                );
                report(self, "sub_sop", only_process_sub_sop());
                report(self, "outcome", outcome_on_end());
            }
            StepKind::Start | StepKind::Process => {
                report(
                    self,
                    "branches",
                    msg!(
                        "hanya langkah `decision` yang memiliki cabang; gunakan `kind: decision` atau `next:`"
                            / "only a `decision` step has branches; use `kind: decision` or `next:`"
                    ),
                );
                report(self, "outcome", outcome_on_end());
                if kind == StepKind::Start {
                    report(self, "sub_sop", only_process_sub_sop());
                }
            }
            StepKind::End => {
                report(self, "sub_sop", only_process_sub_sop());
            }
        }
        if step.same_row.is_some() {
            for &key in schema::ROW_KEYS {
                if let Some(span) = o.key_span(key) {
                    self.push(
                        Diagnostic::new(
                            &rule_id::MISPLACED_KEY,
                            self.file,
                            span,
                                    msg!(
                                "`{key}` tidak boleh ada pada langkah `{id}`, yang melanjutkan baris sebelumnya (`same_row: true`)"
                                    / "`{key}` is not allowed on step `{id}`, which continues the row before it (`same_row: true`)"
                            ),
                        )
                        .help(msg!(
                            "satu baris memiliki satu nomor dan satu Mutu Baku, yang ditulis pada langkah pertamanya: pindahkan `{key}` ke sana"
                                / "a row has one number and one Mutu Baku, written on its first step: move `{key}` there"
                        )),
                    );
                }
            }
        }
    }

    fn branches(&mut self, node: &Node) -> Vec<Branch> {
        let items = self.seq(node, "branches");
        let mut out = Vec::new();
        for item in items {
            let Some(o) = self.object(item, schema::BRANCH, &msg!("sebuah cabang" / "a branch"))
            else {
                continue;
            };
            let label = o.get("label").and_then(|n| match &n.value {
                Value::Bool(b) => {
                    self.push(
                        Diagnostic::new(
                            &rule_id::WRONG_TYPE,
                            self.file,
                            n.span,
                            msg!(
                                "label cabang `{b}` terbaca sebagai nilai boolean, bukan teks"
                                    / "branch label `{b}` is read as a boolean, not as text"
                            ),
                        )
                        .help(msg!(
                            "beri tanda kutip: `label: \"{b}\"`, atau tulis `Ya`/`Tidak`"
                                / "quote it: `label: \"{b}\"`, or write `Ya`/`Tidak`"
                        )),
                    );
                    None
                }
                _ => self.string(n, "label"),
            });
            let branch = Branch {
                label,
                next: o.get("next").and_then(|n| self.reference(n, "branches[].next")),
                outcome: o.get("outcome").and_then(|n| self.string(n, "branches[].outcome")),
                span: o.first_key_span(),
            };
            let written = |k: &str| o.get(k).is_some() || o.misspelt.contains(&k);
            match (written("next"), o.key_span("outcome")) {
                (false, None) => self.push(
                    Diagnostic::new(
                        &rule_id::MISSING_KEY,
                        self.file,
                        branch.span,
                        msg!(
                            "cabang memerlukan `next` (langkah yang dituju) atau `outcome` (cara prosedur berakhir di sana)"
                                / "a branch needs `next` (the step it leads to) or `outcome` (how the procedure ends there)"
                        ),
                    )
                    .help(msg!(
                        "tambahkan `next: <id langkah>`, atau `outcome: …` bila jawaban ini mengakhiri prosedur di luar tabel"
                            / "add `next: <step id>`, or `outcome: …` when this answer ends the procedure outside the table"
                    )),
                ),
                (true, Some(span)) if o.get("next").is_some() => self.push(
                    Diagnostic::new(
                        &rule_id::MISPLACED_KEY,
                        self.file,
                        span,
                        msg!(
                            "cabang memiliki `next` sekaligus `outcome`; cabang menuju sebuah langkah atau mengakhiri prosedur, tidak keduanya"
                                / "a branch has both `next` and `outcome`; it either leads to a step or ends the procedure"
                        ),
                    )
                    .help(msg!(
                        "pertahankan `next` bila jawabannya berlanjut ke sebuah langkah, atau `outcome` bila jawabannya mengakhiri prosedur"
                            / "keep `next` when the answer goes on to a step, or `outcome` when it ends the procedure"
                    )),
                ),
                _ => {}
            }
            out.push(branch);
        }
        out
    }
}

/// "step `x`" when the step has an id, else "a step".
fn step_what(node: &Node) -> Text {
    if let Value::Map(map) = &node.value {
        for (k, v) in map {
            if let (Value::Str(k), Value::Str(v)) = (&k.value, &v.value)
                && k == "id"
            {
                return msg!("langkah `{v}`" / "step `{v}`");
            }
        }
    }
    msg!("sebuah langkah" / "a step")
}

/// What a value was expected to be, for `wrong-type` findings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expected {
    Text,
    List,
    Boolean,
    WholeNumber,
}

impl Expected {
    fn text(self) -> Text {
        match self {
            Expected::Text => msg!("teks" / "a string"),
            Expected::List => msg!("daftar" / "a list"),
            Expected::Boolean => msg!("`true` atau `false`" / "`true` or `false`"),
            Expected::WholeNumber => msg!("bilangan bulat" / "a whole number"),
        }
    }
}

/// The YAML type of a value, as messages name it.
fn type_text(v: &Value) -> Text {
    v.type_text()
}

fn only_process_sub_sop() -> Text {
    msg!(
        "hanya langkah `process` yang dapat dirinci oleh SOP mikro"
            / "only a `process` step can be detailed by a mikro SOP"
    )
}

fn outcome_on_end() -> Text {
    msg!(
        "`outcome` memberi label hasil pada langkah `end`"
            / "`outcome` labels the result of an `end` step"
    )
}

fn list_names(keys: &[Key]) -> String {
    quoted(&keys.iter().map(|k| k.name).collect::<Vec<_>>())
}

fn quoted(words: &[&str]) -> String {
    words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A best-effort id from free text: `Cek Berkas` → `cek_berkas`.
fn slug(s: &str, sep: char) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with(sep) && !out.is_empty() {
            out.push(sep);
        }
    }
    out.trim_end_matches(sep).to_string()
}

/// Whether `s` is written as a step or actor id may be: lowercase ASCII
/// letters, digits, `_` and `-`.
pub fn is_local_id(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}
