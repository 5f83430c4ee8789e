//! The plain-text diff for the terminal: a header naming both files, then
//! one section per kind of change (only sections with changes), each line
//! marked `+` added, `-` removed, `~` changed, `!` a warning. Nothing at all
//! when the versions are the same, like `git diff`.

use std::fmt::Write;

use crate::diff::labels::{Words, words};
use crate::diff::times::PathTime;
use crate::diff::{ActorChange, FieldChange, FlowChange, SopDiff, StepChange, Value};
use crate::lang::Lang;
use crate::render::escape;

/// A value on one line: text as is (line breaks folded), lists as
/// `[a; b]`, flags as yes/no.
pub(crate) fn value(v: &Value, w: &Words) -> String {
    match v {
        Value::Absent => w.none.to_string(),
        Value::Text(s) => fold(s),
        Value::Flag(b) => (if *b { w.yes } else { w.no }).to_string(),
        Value::List(items) => {
            format!("[{}]", items.iter().map(|s| fold(s)).collect::<Vec<_>>().join("; "))
        }
    }
}

/// One line of user text: runs of white space (line breaks too) become
/// one space, so a value cannot forge a line, and control and bidi
/// characters are shown visibly.
fn fold(s: &str) -> String {
    escape::terminal_line(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// An id or path on one line, escaped for the terminal.
fn one(s: &str) -> String {
    escape::terminal_line(s)
}

/// `Ya` → ` [Ya]`, none → ``.
fn label(l: &Option<String>) -> String {
    l.as_ref().map_or_else(String::new, |l| format!(" [{}]", fold(l)))
}

/// Short values on one line, long ones as a `-`/`+` pair below the key.
/// `lead` starts the line (a mark or spaces); continuation lines are
/// indented to match it.
fn field(out: &mut String, lead: &str, c: &FieldChange, w: &Words) {
    let (o, n) = (value(&c.old, w), value(&c.new, w));
    if o.chars().count() + n.chars().count() <= 60 {
        let _ = writeln!(out, "{lead}{}: {o} → {n}", c.field);
    } else {
        let pad = " ".repeat(lead.chars().count());
        let _ = writeln!(out, "{lead}{}:", c.field);
        let _ = writeln!(out, "{pad}  - {o}");
        let _ = writeln!(out, "{pad}  + {n}");
    }
}

fn heading(out: &mut String, title: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(title);
    out.push('\n');
}

fn step_line(
    id: &str,
    row: i64,
    kind: &Option<String>,
    actor: &Option<String>,
    w: &Words,
) -> String {
    let mut parts: Vec<String> = vec![format!("{} {row}", w.row)];
    parts.extend(kind.iter().cloned());
    parts.extend(actor.iter().map(|a| format!("`{}`", one(a))));
    format!("`{}` ({})", one(id), parts.join(", "))
}

fn path_time(out: &mut String, name: &str, p: &PathTime, w: &Words) {
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| w.unknown.to_string());
    if p.old == p.new {
        let _ = writeln!(out, "  {name}: {} ({})", show(&p.new), w.unchanged);
    } else {
        let _ = writeln!(out, "~ {name}: {} → {}", show(&p.old), show(&p.new));
        if p.old_path != p.new_path && !p.new_path.is_empty() {
            let steps: Vec<String> = p.new_path.iter().map(|s| format!("`{}`", one(s))).collect();
            let _ = writeln!(out, "    {} {}", w.via, steps.join(" → "));
        }
    }
}

/// Renders the diff as text; empty when there is nothing to show.
pub fn render(d: &SopDiff, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    if !d.identity.is_empty() {
        heading(&mut out, w.identity);
        for c in &d.identity {
            field(&mut out, "~ ", c, w);
        }
    }
    if !d.actors.is_empty() {
        heading(&mut out, w.actors);
        for c in &d.actors {
            let _ = match c {
                ActorChange::Added { id, name } => {
                    let id = one(id);
                    writeln!(out, "+ `{id}` ({}) {}", fold(name), w.added)
                }
                ActorChange::Removed { id, name } => {
                    let id = one(id);
                    writeln!(out, "- `{id}` ({}) {}", fold(name), w.removed)
                }
                ActorChange::Renamed { old_id, new_id, name } => {
                    let (old_id, new_id) = (one(old_id), one(new_id));
                    writeln!(out, "~ `{old_id}` → `{new_id}` ({}) {}", fold(name), w.renamed)
                }
                ActorChange::Changed { id, fields } => {
                    let id = one(id);
                    let _ = writeln!(out, "~ `{id}` {}", w.changed);
                    for f in fields {
                        field(&mut out, "    ", f, w);
                    }
                    Ok(())
                }
            };
        }
    }
    if !d.steps.is_empty() {
        heading(&mut out, w.steps);
        for c in &d.steps {
            match c {
                StepChange::Added { id, row, kind, actor, activity } => {
                    let _ = writeln!(out, "+ {} {}", step_line(id, *row, kind, actor, w), w.added);
                    if let Some(a) = activity {
                        let _ = writeln!(out, "    {}", fold(a));
                    }
                }
                StepChange::Removed { id, row, kind, actor, activity } => {
                    let _ =
                        writeln!(out, "- {} {}", step_line(id, *row, kind, actor, w), w.removed);
                    if let Some(a) = activity {
                        let _ = writeln!(out, "    {}", fold(a));
                    }
                }
                StepChange::Renamed { old_id, new_id, row } => {
                    let (old_id, new_id) = (one(old_id), one(new_id));
                    let _ =
                        writeln!(out, "~ `{old_id}` → `{new_id}` ({} {row}) {}", w.row, w.renamed);
                }
                StepChange::Changed { id, row, fields } => {
                    let id = one(id);
                    let _ = writeln!(out, "~ `{id}` ({} {row}) {}", w.row, w.changed);
                    for f in fields {
                        field(&mut out, "    ", f, w);
                    }
                }
            }
        }
    }
    if !d.flow.is_empty() {
        heading(&mut out, w.flow);
        for c in &d.flow {
            let _ = match c {
                FlowChange::Added { from, label: l, to } => {
                    let (from, to) = (one(from), one(to));
                    writeln!(out, "+ `{from}`{} → `{to}`", label(l))
                }
                FlowChange::Removed { from, label: l, to } => {
                    let (from, to) = (one(from), one(to));
                    writeln!(out, "- `{from}`{} → `{to}`", label(l))
                }
                FlowChange::Retargeted { from, label: l, old_to, new_to } => writeln!(
                    out,
                    "~ `{}`{} → `{}` ({}: `{}`)",
                    one(from),
                    label(l),
                    one(new_to),
                    w.old.to_lowercase(),
                    one(old_to)
                ),
                FlowChange::Relabeled { from, to, old_label, new_label } => writeln!(
                    out,
                    "~ `{}` → `{}`: {} [{}] → [{}]",
                    one(from),
                    one(to),
                    w.label,
                    fold(old_label),
                    fold(new_label)
                ),
            };
        }
    }
    if let Some(t) = &d.timing {
        heading(&mut out, w.timing);
        path_time(&mut out, w.best, &t.best, w);
        path_time(&mut out, w.worst, &t.worst, w);
    }
    if !d.findings.introduced.is_empty() || !d.findings.fixed.is_empty() {
        heading(&mut out, w.findings);
        for (mark, verb, list) in
            [("+", w.introduced, &d.findings.introduced), ("-", w.fixed, &d.findings.fixed)]
        {
            for f in list {
                let _ = writeln!(
                    out,
                    "{mark} {}:{}:{}: {} {} ({verb}): {}",
                    escape::terminal_line(&f.path),
                    f.line,
                    f.column,
                    f.code,
                    f.name,
                    fold(&f.message)
                );
            }
        }
    }
    if !d.warnings.is_empty() && !d.is_empty() {
        heading(&mut out, w.warnings);
        for x in &d.warnings {
            let _ = writeln!(out, "! {}: {}", x.name, fold(&x.message));
        }
    }
    if out.is_empty() {
        return out;
    }
    // Ids and the other values not folded above may still hold escape
    // sequences: the whole text goes through the terminal escaping.
    escape::terminal(&format!(
        "--- {}\n+++ {}\n\n{out}",
        escape::terminal_line(&d.paths.old),
        escape::terminal_line(&d.paths.new)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::testing::{BASE, diff_texts};

    #[test]
    fn same_file_prints_nothing() {
        let d = diff_texts(BASE, BASE);
        assert!(d.is_empty());
        assert_eq!(render(&d, Lang::Id), "");
    }

    #[test]
    fn headings_follow_the_language() {
        let new = BASE.replace("time: 1 jam", "time: 2 jam");
        let d = crate::diff::testing::diff_texts_in(BASE, &new, Lang::Id);
        let body = "~ `proses` (baris 3) diubah\n    time: 1 jam → 2 jam\n";
        let times = "~ jalur tercepat: 1 jam 55 menit → 2 jam 55 menit\n\
                     ~ jalur terlama: 1 jam 55 menit → 2 jam 55 menit\n";
        assert_eq!(
            render(&d, Lang::Id),
            format!("--- old.yaml\n+++ new.yaml\n\nLangkah\n{body}\nWaktu\n{times}")
        );
        let en = render(&diff_texts(BASE, &new), Lang::En);
        assert!(en.contains("\nSteps\n~ `proses` (row 3) changed\n"), "{en}");
        // Totals in the words of the language, as `timing` writes them.
        assert!(
            en.contains("\nTime\n~ best path: 1 hour 55 minutes → 2 hours 55 minutes\n"),
            "{en}"
        );
    }
}
