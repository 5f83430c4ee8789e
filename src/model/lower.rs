//! Lowering: YAML [`Node`] tree → [`Sop`], collecting every schema problem
//! in one pass (unknown keys with a did-you-mean, wrong types, missing keys,
//! bad enum values, invalid durations and dates, keys that do not belong
//! on a step of that kind, duplicate keys).
//!
//! It never stops at the first problem: a bad value becomes `None` in the
//! model and a diagnostic here, and the rest of the file is still read.

use crate::diagnostic::{Diagnostic, FileId, Text};
use crate::duration;
use crate::model::schema::{self, Key};
use crate::model::{
    Actor, ApprovedBy, Branch, Date, Definition, Identity, Related, Relation, Sop, SopLevel,
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
    let mut cx = Lower { file, out };
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
            .map(|n| cx.str_list(n, "legal_basis"))
            .unwrap_or_default(),
        qualifications: obj
            .get("qualifications")
            .map(|n| cx.str_list(n, "qualifications"))
            .unwrap_or_default(),
        related: obj.get("related").map(|n| cx.related(n)).unwrap_or_default(),
        equipment: obj.get("equipment").map(|n| cx.str_list(n, "equipment")).unwrap_or_default(),
        warnings: obj.get("warnings").map(|n| cx.str_list(n, "warnings")).unwrap_or_default(),
        records: obj.get("records").map(|n| cx.str_list(n, "records")).unwrap_or_default(),
        service_time: obj.get("service_time").and_then(|n| cx.duration(n, "service_time")),
        workday: obj.get("workday").and_then(|n| cx.workday(n)),
        actors: obj.get("actors").map(|n| cx.actors(n)).unwrap_or_default(),
        steps: Vec::new(),
        span: obj.first_key_span(),
    };
    sop.steps = obj.get("steps").map(|n| cx.steps(n)).unwrap_or_default();
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
                    .help(help),
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
        Some(obj)
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
        if allowed.contains(&s.value.as_str()) {
            return Some(s);
        }
        let names = quoted(allowed);
        let help = suggest::meant(&s.value.to_lowercase(), allowed.iter().copied())
            .unwrap_or_else(|| msg!("nilai yang diharapkan: {names}" / "expected one of {names}"));
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
            .help(help),
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

    fn date(&mut self, node: &Node, what: &str, nullable: bool) -> Option<Spanned<Date>> {
        let text = match &node.value {
            Value::Null if nullable => return None,
            Value::Str(s) if nullable && s.trim() == "-" => return None,
            Value::Str(s) => s.trim(),
            _ => {
                self.push(Diagnostic::new(
                    &rule_id::INVALID_DATE,
                    self.file,
                    node.span,
                    msg!(
                        "`{what}` harus berupa tanggal ISO `YYYY-MM-DD`, tetapi tertulis {}"
                            / "`{what}` must be an ISO date `YYYY-MM-DD`, found {}",
                        type_text(&node.value)
                    ),
                ));
                return None;
            }
        };
        match parse_date(text) {
            Ok(d) => Some(Spanned::new(d, node.span)),
            Err(reason) => {
                let help = reformat_date(text)
                    .map(|d| msg!("tulis `{d}`" / "write `{d}`"))
                    .unwrap_or_else(|| {
                        msg!(
                            "tulis tanggal sebagai `YYYY-MM-DD`, misalnya `2024-07-01`"
                                / "write the date as `YYYY-MM-DD`, e.g. `2024-07-01`"
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
                            date_reason(reason)
                        ),
                    )
                    .help(help),
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
                self.push(d);
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
            agency: obj.get("agency").and_then(|n| self.string(n, "identity.agency")),
            unit: obj.get("unit").and_then(|n| self.string(n, "identity.unit")),
            number: obj.get("number").and_then(|n| self.string(n, "identity.number")),
            title: obj.get("title").and_then(|n| self.string(n, "identity.title")),
            created: obj.get("created").and_then(|n| self.date(n, "identity.created", false)),
            revised: obj.get("revised").and_then(|n| self.date(n, "identity.revised", true)),
            revision: obj.get("revision").and_then(|n| self.integer(n, "identity.revision")),
            effective: obj.get("effective").and_then(|n| self.date(n, "identity.effective", false)),
            approved_by: obj
                .get("approved_by")
                .and_then(|n| {
                    let o = self.object(
                        n,
                        schema::APPROVED_BY,
                        &msg!("`identity.approved_by`" / "`identity.approved_by`"),
                    )?;
                    Some(ApprovedBy {
                        position: o
                            .get("position")
                            .and_then(|n| self.string(n, "approved_by.position")),
                        name: o.get("name").and_then(|n| self.string(n, "approved_by.name")),
                        nip: o.get("nip").and_then(|n| self.string(n, "approved_by.nip")),
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
        let with = match o.get("with") {
            Some(n) => {
                let items = match &n.value {
                    // `with: pengadu` is a natural shorthand for a single actor.
                    Value::Str(_) => std::slice::from_ref(n),
                    _ => self.seq(n, "with"),
                };
                items.iter().filter_map(|i| self.local_ref(i, "with[]")).collect()
            }
            None => Vec::new(),
        };
        let branches = o.get("branches").map(|n| self.branches(n)).unwrap_or_default();
        let step = Step {
            id: o.get("id").and_then(|n| self.id(n, "id", IdKind::Local)),
            kind,
            actor: o.get("actor").and_then(|n| self.local_ref(n, "actor")),
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
        Some(step)
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
            out.push(Branch {
                label,
                next: o.get("next").and_then(|n| self.reference(n, "branches[].next")),
                span: o.first_key_span(),
            });
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
    match v {
        Value::Null => msg!("nilai kosong (null)" / "null"),
        Value::Bool(_) => msg!("nilai boolean" / "a boolean"),
        Value::Int(_) => msg!("bilangan bulat" / "an integer"),
        Value::Float(_) => msg!("bilangan" / "a number"),
        Value::Str(_) => msg!("teks" / "a string"),
        Value::Seq(_) => msg!("daftar" / "a list"),
        Value::Map(_) => msg!("pemetaan" / "a mapping"),
    }
}

/// Why a date is invalid, from [`parse_date`]'s reason.
fn date_reason(reason: DateError) -> Text {
    match reason {
        DateError::Shape => msg!("seharusnya `YYYY-MM-DD`" / "expected `YYYY-MM-DD`"),
        DateError::Month => msg!("bulan harus 01 sampai 12" / "the month must be 01 to 12"),
        DateError::Day => msg!(
            "tanggal itu tidak ada pada bulan tersebut" / "that day does not exist in that month"
        ),
    }
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

/// Why [`parse_date`] refused a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD`.
    Shape,
    /// The month is not 01 to 12.
    Month,
    /// The day does not exist in that month.
    Day,
}

/// Parses `YYYY-MM-DD` and checks the day exists.
pub fn parse_date(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err(DateError::Shape);
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u16>().ok()).unwrap_or(0);
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(1..=12).contains(&month) {
        return Err(DateError::Month);
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(DateError::Day);
    }
    Ok(Date { year, month: month as u8, day: day as u8 })
}

/// `15-11-2022` or `15/11/2022` (the Indonesian order) → `2022-11-15`.
fn reformat_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
        && d.len() <= 2
        && m.len() <= 2
    {
        let candidate = format!("{y}-{m:0>2}-{d:0>2}");
        if parse_date(&candidate).is_ok() {
            return Some(candidate);
        }
    }
    None
}

/// Whether `s` is written as a step or actor id may be: lowercase ASCII
/// letters, digits, `_` and `-`.
pub fn is_local_id(s: &str) -> bool {
    s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}
