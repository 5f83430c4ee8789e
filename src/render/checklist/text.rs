//! The checklist as plain text for a terminal or a printer: 78 columns,
//! `[ ]` boxes, every long value wrapped under its label.

use crate::render::checklist::{Checklist, Item, Jump};
use crate::render::wrap;

const WIDTH: usize = 78;

/// Writes the checklist as plain text.
pub fn render(c: &Checklist) -> String {
    let l = c.lang.labels();
    let w = c.words;
    let mut out = String::new();
    let rule = "=".repeat(WIDTH);
    out.push_str(&rule);
    out.push('\n');
    let heading = format!("{}: {}", w.checklist.to_uppercase(), c.header.title);
    for line in wrap::lines(&heading, WIDTH) {
        out.push_str(&line);
        out.push('\n');
    }
    if let Some(role) = &c.role {
        for line in wrap::lines(&format!("{}: {role}", w.for_role), WIDTH) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str(&rule);
    out.push('\n');

    let mut fields: Vec<(String, Vec<String>)> =
        c.header.fields.iter().map(|(k, v)| ((*k).to_string(), vec![v.clone()])).collect();
    if !c.header.legal_basis.is_empty() {
        let items = c
            .header
            .legal_basis
            .iter()
            .enumerate()
            .map(|(n, s)| format!("{}. {s}", n + 1))
            .collect();
        fields.push((l.legal_basis.to_string(), items));
    }
    if let Some(t) = &c.header.service_time {
        fields.push((l.service_time.to_string(), vec![t.clone()]));
    }
    if let Some(t) = &c.header.times {
        fields.push((l.best_path.to_string(), vec![t.best.clone()]));
        fields.push((l.worst_path.to_string(), vec![t.worst.clone()]));
    }
    let key_width = fields.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    for (k, values) in &fields {
        let indent = key_width + 3;
        let mut first = true;
        for v in values {
            for line in wrap::lines(v, WIDTH.saturating_sub(indent)) {
                if first {
                    out.push_str(&format!("{k:<key_width$} : {line}\n"));
                    first = false;
                } else {
                    out.push_str(&format!("{:indent$}{line}\n", ""));
                }
            }
        }
    }
    out.push('\n');
    out.push_str(&format!("{}\n{}\n", w.steps.to_uppercase(), "-".repeat(WIDTH)));
    for (n, item) in c.items.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        item_text(c, item, &mut out);
    }

    for (title, list) in [(l.warnings, &c.footer.warnings), (l.records, &c.footer.records)] {
        out.push_str(&format!("\n{}\n", title.to_uppercase()));
        if list.is_empty() {
            out.push_str(&format!("  {}\n", w.none));
        }
        for s in list {
            bullet(&mut out, "  - ", s);
        }
    }

    out.push_str(&format!("\n{}\n", w.signoff.to_uppercase()));
    for who in [w.done_by, w.checked_by] {
        out.push_str(&format!(
            "{who}\n  {:<14}: {}\n  {:<14}: {}\n  {:<14}: {}\n",
            l.name,
            "_".repeat(36),
            l.signature,
            "_".repeat(36),
            l.date,
            "_".repeat(20),
        ));
    }
    out
}

fn bullet(out: &mut String, marker: &str, s: &str) {
    let indent = marker.chars().count();
    for (n, line) in wrap::lines(s, WIDTH.saturating_sub(indent)).into_iter().enumerate() {
        if n == 0 {
            out.push_str(marker);
        } else {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&line);
        out.push('\n');
    }
}

fn item_text(c: &Checklist, item: &Item, out: &mut String) {
    let l = c.lang.labels();
    let w = c.words;
    let num = format!("[ ] {}. ", item.row);
    let indent = num.chars().count();
    let pad = " ".repeat(indent);
    let mut title = item.activity.clone();
    if item.kind == crate::model::StepKind::Decision {
        title = format!("{title} ({})", w.decision.to_lowercase());
    }
    if item.wait {
        title = format!("{title} [{}]", l.waiting);
    }
    bullet(out, &num, &title);
    let mut fields: Vec<(&str, String)> = Vec::new();
    fields.push((l.actors, item.actor_line(w, ("[", "]"), str::to_string)));
    if !item.from.is_empty() {
        let from = item
            .from
            .iter()
            .map(|p| format!("{} {} ({})", l.step, p.row, p.actor))
            .collect::<Vec<_>>()
            .join("; ");
        fields.push((w.from, from));
    } else if c.role.is_some() && item.kind == crate::model::StepKind::Start {
        fields.push((w.from, w.start_here.to_string()));
    }
    if !item.requirements.is_empty() {
        fields.push((l.requirements, item.requirements.join("; ")));
    }
    if let Some(t) = &item.time {
        fields.push((l.time, t.clone()));
    }
    if let Some(o) = &item.output {
        fields.push((l.output, o.clone()));
    }
    if let Some(s) = &item.sub_sop {
        fields.push((w.details, format!("{} {s}", l.see_sop)));
    }
    if let Some(n) = &item.notes {
        fields.push((l.notes, n.clone()));
    }
    if let Some(o) = &item.outcome {
        fields.push((w.outcome, o.clone()));
    }
    if let Some(j) = &item.next {
        fields.push((w.to, jump_text(c, j)));
    }
    let key_width = fields.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let value_indent = indent + key_width + 3;
    for (k, v) in &fields {
        for (n, line) in wrap::lines(v, WIDTH.saturating_sub(value_indent)).into_iter().enumerate()
        {
            if n == 0 {
                out.push_str(&format!("{pad}{k:<key_width$} : {line}\n"));
            } else {
                out.push_str(&format!("{:value_indent$}{line}\n", ""));
            }
        }
    }
    for j in &item.branches {
        bullet(out, &format!("{pad}[ ] "), &j.line(w, l.step));
    }
}

fn jump_text(c: &Checklist, j: &Jump) -> String {
    j.phrase(c.words, c.lang.labels().step)
}
