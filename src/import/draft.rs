//! The `sop-ap/1` draft an import produces, and its YAML text. Values are
//! written as printed; whatever the import could not settle is a
//! `# sopmap import:` comment on the line above the step or key it
//! concerns, and the count of them opens the file.

use super::identity::Identity;
use crate::lang::Lang;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftActor {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftBranch {
    pub label: String,
    pub next: Option<String>,
    pub outcome: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftStep {
    pub id: String,
    /// The printed row number, written when it is not the previous plus one.
    pub row: Option<i64>,
    pub same_row: bool,
    pub kind: &'static str,
    pub actor: String,
    pub with: Vec<String>,
    pub activity: Option<String>,
    pub requirements: Vec<String>,
    pub time: Option<String>,
    pub time_note: Option<String>,
    pub wait: bool,
    pub output: Option<String>,
    pub notes: Option<String>,
    pub next: Option<String>,
    pub branches: Vec<DraftBranch>,
    pub sub_sop: Option<String>,
    /// What could not be settled about this step.
    pub unsettled: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub id: String,
    /// The identity page as read.
    pub identity: Identity,
    pub actors: Vec<DraftActor>,
    pub steps: Vec<DraftStep>,
    /// What could not be settled about the identity or the table.
    pub unsettled: Vec<String>,
}

impl Draft {
    /// How many things the import could not settle.
    pub fn unsettled_count(&self) -> usize {
        self.unsettled.len() + self.steps.iter().map(|s| s.unsettled.len()).sum::<usize>()
    }
}

const BOX_KEYS: [&str; 6] =
    ["legal_basis", "qualifications", "related", "equipment", "warnings", "records"];

/// The draft as YAML text.
pub fn to_yaml(d: &Draft, source: &str, lang: Lang) -> String {
    let w = crate::lang::ImportWords::of(lang);
    let mut o = String::new();
    let line = |o: &mut String, s: &str| {
        o.push_str(s);
        o.push('\n');
    };
    let note = |o: &mut String, indent: &str, s: &str| {
        for l in s.lines() {
            o.push_str(&format!("{indent}# sopmap import: {l}\n"));
        }
    };
    line(&mut o, &format!("# {}: {}", w.draft_from, comment_safe(source)));
    note(&mut o, "", &format!("{}: {}", w.unsettled, d.unsettled_count()));
    line(&mut o, "schema: sop-ap/1");
    line(&mut o, &format!("id: {}", d.id));
    if let Some(l) = &d.identity.level {
        line(&mut o, &format!("level: {l}"));
    }
    for u in &d.unsettled {
        note(&mut o, "", u);
    }
    line(&mut o, "identity:");
    let kv = |o: &mut String, indent: &str, k: &str, v: &Option<String>| {
        let text = v.as_deref().map_or_else(|| "kosong".to_string(), scalar);
        o.push_str(&format!("{indent}{k}: {text}\n"));
    };
    kv(&mut o, "  ", "agency", &d.identity.agency);
    kv(&mut o, "  ", "unit", &d.identity.unit);
    kv(&mut o, "  ", "number", &d.identity.number);
    kv(&mut o, "  ", "title", &d.identity.title);
    kv(&mut o, "  ", "created", &d.identity.created);
    if let Some(r) = &d.identity.revised {
        line(&mut o, &format!("  revised: {}", scalar(r)));
    }
    if let Some(r) = d.identity.revision {
        line(&mut o, &format!("  revision: {r}"));
    }
    kv(&mut o, "  ", "effective", &d.identity.effective);
    line(&mut o, "  approved_by:");
    kv(&mut o, "    ", "position", &d.identity.position);
    if let Some(n) = &d.identity.name {
        line(&mut o, &format!("    name: {}", scalar(n)));
    }
    if let Some(n) = &d.identity.nip {
        line(&mut o, &format!("    nip: {}", quoted(n)));
    }
    for (key, items) in BOX_KEYS.iter().zip(d.identity.boxes.iter()) {
        if *key == "related" {
            if items.is_empty() {
                continue;
            }
            note(&mut o, "", w.related_titles);
            line(&mut o, "related:");
            for t in items {
                line(&mut o, &format!("  - title: {}", scalar(t)));
                line(&mut o, "    relation: related");
                line(&mut o, "    external: true");
            }
            continue;
        }
        if items.is_empty() {
            note(&mut o, "", w.empty_box);
            line(&mut o, &format!("{key}: kosong"));
            continue;
        }
        line(&mut o, &format!("{key}:"));
        for t in items {
            line(&mut o, &format!("  - {}", scalar(t)));
        }
    }
    line(&mut o, "actors:");
    for a in &d.actors {
        line(&mut o, &format!("  - id: {}", a.id));
        line(&mut o, &format!("    name: {}", scalar(&a.name)));
    }
    line(&mut o, "steps:");
    for s in &d.steps {
        for u in &s.unsettled {
            note(&mut o, "  ", u);
        }
        line(&mut o, &format!("  - id: {}", s.id));
        if let Some(r) = s.row {
            line(&mut o, &format!("    row: {r}"));
        }
        if s.same_row {
            line(&mut o, "    same_row: true");
        }
        line(&mut o, &format!("    kind: {}", s.kind));
        line(&mut o, &format!("    actor: {}", s.actor));
        if !s.with.is_empty() {
            line(&mut o, &format!("    with: [{}]", s.with.join(", ")));
        }
        if let Some(sub) = &s.sub_sop {
            line(&mut o, &format!("    sub_sop: {sub}"));
        }
        if let Some(a) = &s.activity {
            line(&mut o, &format!("    activity: {}", scalar(a)));
        }
        if !s.requirements.is_empty() {
            line(&mut o, "    requirements:");
            for r in &s.requirements {
                line(&mut o, &format!("      - {}", scalar(r)));
            }
        }
        if let Some(t) = &s.time {
            line(&mut o, &format!("    time: {}", scalar(t)));
        }
        if let Some(t) = &s.time_note {
            line(&mut o, &format!("    time_note: {}", scalar(t)));
        }
        if s.wait {
            line(&mut o, "    wait: true");
        }
        if let Some(t) = &s.output {
            line(&mut o, &format!("    output: {}", scalar(t)));
        }
        if let Some(t) = &s.notes {
            line(&mut o, &format!("    notes: {}", scalar(t)));
        }
        if let Some(n) = &s.next {
            line(&mut o, &format!("    next: {n}"));
        }
        if !s.branches.is_empty() {
            line(&mut o, "    branches:");
            for b in &s.branches {
                line(&mut o, &format!("      - label: {}", scalar(&b.label)));
                if let Some(n) = &b.next {
                    line(&mut o, &format!("        next: {n}"));
                }
                if let Some(n) = &b.outcome {
                    line(&mut o, &format!("        outcome: {}", scalar(n)));
                }
            }
        }
    }
    o
}

/// Text safe inside a `#` comment line.
fn comment_safe(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A YAML scalar: plain when that reads back as the same text, else
/// double-quoted.
pub fn scalar(s: &str) -> String {
    let plain_ok = !s.is_empty()
        && s == s.trim()
        && s.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '(' || c == '.')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_control() || matches!(c, '"' | '\'' | '\u{feff}'))
        && !looks_typed(s);
    if plain_ok { s.to_string() } else { quoted(s) }
}

/// Plain text YAML 1.2 would read as something else (number, bool, null).
fn looks_typed(s: &str) -> bool {
    let l = s.to_lowercase();
    matches!(l.as_str(), "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off" | "y" | "n")
        || s.parse::<f64>().is_ok()
        || s.starts_with("0x")
        || s.starts_with("0o")
}

/// A double-quoted YAML scalar (JSON string syntax is valid YAML).
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// An id (`[a-z0-9_]` or with `-`) from free text.
pub fn slug(s: &str, sep: char, max: usize) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'a'..='z' | '0'..='9' => c,
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            _ => sep,
        };
        if c == sep && (out.is_empty() || out.ends_with(sep)) {
            continue;
        }
        out.push(c);
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches(sep).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_quote_only_when_needed() {
        assert_eq!(scalar("30 menit"), "30 menit");
        assert_eq!(scalar("Ya"), "Ya");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("2024"), "\"2024\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("- x"), "\"- x\"");
        assert_eq!(scalar("[NIP]"), "\"[NIP]\"");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Petugas Layanan (CS)", '_', 40), "petugas_layanan_cs");
        assert_eq!(slug("055. SOP Administrasi", '-', 40), "055-sop-administrasi");
    }
}
