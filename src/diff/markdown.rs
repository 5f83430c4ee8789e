//! The diff as Markdown for a pull-request comment: a heading naming both
//! files, tables for field changes and path times, bullet lists for
//! steps, arrows and findings, and warnings as a quote. All user text goes
//! through [`crate::render::escape::markdown`] (or a code span when safe).

use std::fmt::Write;

use crate::diff::labels::{Words, words};
use crate::diff::{ActorChange, FieldChange, FlowChange, SopDiff, StepChange, Value};
use crate::lang::Lang;
use crate::render::escape;

/// An id or key as a code span, or escaped text when it cannot be one.
fn code(s: &str) -> String {
    if s.is_empty() || s.contains(['`', '|', '\n', '\r']) {
        escape::markdown(s)
    } else {
        format!("`{s}`")
    }
}

/// A message with `code` spans (as the checker writes ids): the spans stay
/// code, the rest is escaped.
fn inline(msg: &str) -> String {
    msg.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { code(part) } else { escape::markdown(part) })
        .collect()
}

fn value(v: &Value, w: &Words) -> String {
    match v {
        Value::Absent => format!("_{}_", escape::markdown(w.none)),
        Value::List(items) => {
            items.iter().map(|s| escape::markdown(s)).collect::<Vec<_>>().join("<br>")
        }
        other => escape::markdown(&crate::diff::text::value(other, w)),
    }
}

fn label(l: &Option<String>) -> String {
    l.as_ref().map_or_else(String::new, |l| format!(" \\[{}\\]", escape::markdown(l)))
}

fn section(out: &mut String, title: &str) {
    let _ = write!(out, "\n#### {title}\n\n");
}

fn table_head(out: &mut String, first: &str, w: &Words) {
    let _ = writeln!(out, "| {first} | {} | {} |\n|---|---|---|", w.old, w.new);
}

fn field_row(out: &mut String, prefix: &str, c: &FieldChange, w: &Words) {
    let _ = writeln!(
        out,
        "| {prefix}{} | {} | {} |",
        code(&c.field),
        value(&c.old, w),
        value(&c.new, w)
    );
}

/// Renders the diff as Markdown; a single line saying so when the versions
/// are the same.
pub fn render(d: &SopDiff, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!("### sopmap diff: {} → {}\n", code(&d.paths.old), code(&d.paths.new));
    if d.is_empty() {
        let _ = writeln!(out, "\n{}", w.no_changes);
        return out;
    }
    if !d.warnings.is_empty() {
        out.push('\n');
        for x in &d.warnings {
            let _ = writeln!(out, "> **{}**: {}", x.name, inline(&x.message));
        }
    }
    if !d.identity.is_empty() {
        section(&mut out, w.identity);
        table_head(&mut out, w.field, w);
        for c in &d.identity {
            field_row(&mut out, "", c, w);
        }
    }
    if !d.actors.is_empty() {
        section(&mut out, w.actors);
        for c in &d.actors {
            let _ = match c {
                ActorChange::Added { id, name } => {
                    writeln!(out, "- **+** {} ({}) {}", code(id), escape::markdown(name), w.added)
                }
                ActorChange::Removed { id, name } => {
                    writeln!(out, "- **−** {} ({}) {}", code(id), escape::markdown(name), w.removed)
                }
                ActorChange::Renamed { old_id, new_id, name } => writeln!(
                    out,
                    "- **~** {} → {} ({}) {}",
                    code(old_id),
                    code(new_id),
                    escape::markdown(name),
                    w.renamed
                ),
                ActorChange::Changed { id, fields } => {
                    let parts: Vec<String> = fields
                        .iter()
                        .map(|f| {
                            format!(
                                "{}: {} → {}",
                                code(&f.field),
                                value(&f.old, w),
                                value(&f.new, w)
                            )
                        })
                        .collect();
                    writeln!(out, "- **~** {} {}: {}", code(id), w.changed, parts.join("; "))
                }
            };
        }
    }
    let changed: Vec<(&String, &i64, &Vec<FieldChange>)> = d
        .steps
        .iter()
        .filter_map(|s| match s {
            StepChange::Changed { id, row, fields } => Some((id, row, fields)),
            _ => None,
        })
        .collect();
    if !d.steps.is_empty() {
        section(&mut out, w.steps);
        for c in &d.steps {
            let _ = match c {
                StepChange::Added { id, row, activity, .. } => writeln!(
                    out,
                    "- **+** {} ({} {row}) {}: {}",
                    code(id),
                    w.row,
                    w.added,
                    escape::markdown(activity.as_deref().unwrap_or(""))
                ),
                StepChange::Removed { id, row, activity, .. } => writeln!(
                    out,
                    "- **−** {} ({} {row}) {}: {}",
                    code(id),
                    w.row,
                    w.removed,
                    escape::markdown(activity.as_deref().unwrap_or(""))
                ),
                StepChange::Renamed { old_id, new_id, row } => writeln!(
                    out,
                    "- **~** {} → {} ({} {row}) {}",
                    code(old_id),
                    code(new_id),
                    w.row,
                    w.renamed
                ),
                StepChange::Changed { .. } => Ok(()),
            };
        }
        if !changed.is_empty() {
            if changed.len() != d.steps.len() {
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |\n|---|---|---|---|",
                w.step, w.field, w.old, w.new
            );
            for (id, row, fields) in changed {
                for f in fields {
                    let _ = writeln!(
                        out,
                        "| {} ({} {row}) | {} | {} | {} |",
                        code(id),
                        w.row,
                        code(&f.field),
                        value(&f.old, w),
                        value(&f.new, w)
                    );
                }
            }
        }
    }
    if !d.flow.is_empty() {
        section(&mut out, w.flow);
        for c in &d.flow {
            let _ = match c {
                FlowChange::Added { from, label: l, to } => {
                    writeln!(out, "- **+** {}{} → {}", code(from), label(l), code(to))
                }
                FlowChange::Removed { from, label: l, to } => {
                    writeln!(out, "- **−** {}{} → {}", code(from), label(l), code(to))
                }
                FlowChange::Retargeted { from, label: l, old_to, new_to } => writeln!(
                    out,
                    "- **~** {}{} → ~~{}~~ {} ({})",
                    code(from),
                    label(l),
                    code(old_to),
                    code(new_to),
                    w.retargeted
                ),
                FlowChange::Relabeled { from, to, old_label, new_label } => writeln!(
                    out,
                    "- **~** {} → {}: {} ~~{}~~ {}",
                    code(from),
                    code(to),
                    w.label,
                    escape::markdown(old_label),
                    escape::markdown(new_label)
                ),
            };
        }
    }
    if let Some(t) = &d.timing {
        section(&mut out, w.timing);
        table_head(&mut out, w.path, w);
        for (name, p) in [(w.best, &t.best), (w.worst, &t.worst)] {
            let show = |v: &Option<String>| escape::markdown(v.as_deref().unwrap_or(w.unknown));
            let (o, n) = (show(&p.old), show(&p.new));
            let n = if p.old == p.new { n } else { format!("**{n}**") };
            let _ = writeln!(out, "| {name} | {o} | {n} |");
        }
    }
    if !d.findings.introduced.is_empty() || !d.findings.fixed.is_empty() {
        section(&mut out, w.findings);
        for (mark, verb, list) in
            [("+", w.introduced, &d.findings.introduced), ("−", w.fixed, &d.findings.fixed)]
        {
            for f in list {
                let _ = writeln!(
                    out,
                    "- **{mark}** {verb}: {} {} {} {}: {}",
                    code(&f.code),
                    code(&f.name),
                    w.at,
                    code(&format!("{}:{}:{}", f.path, f.line, f.column)),
                    inline(&f.message)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::testing::{BASE, diff_texts};

    #[test]
    fn hostile_text_is_escaped() {
        let new = BASE.replace("activity: Memproses berkas", "activity: \"<script>|*x*\"");
        let md = render(&diff_texts(BASE, &new), Lang::En);
        assert!(md.contains("| Memproses berkas | &lt;script&gt;\\|\\*x\\* |"), "{md}");
        assert!(!md.contains("<script>"));
    }

    #[test]
    fn no_changes_is_one_line() {
        assert_eq!(
            render(&diff_texts(BASE, BASE), Lang::En),
            "### sopmap diff: `old.yaml` → `new.yaml`\n\nNo changes.\n"
        );
    }
}
