//! The checklist as GitHub-flavoured Markdown: the identity block as a
//! table, steps as a task list with one nested task per decision branch.
//! Every piece of user text goes through `escape::markdown`.

use crate::model::StepKind;
use crate::render::checklist::Checklist;
use crate::render::escape::markdown as md;

/// Writes the checklist as Markdown.
pub fn render(c: &Checklist) -> String {
    let l = c.lang.labels();
    let w = c.words;
    let mut out = format!("# {}: {}\n\n", w.checklist, md(&c.header.title));
    if let Some(role) = &c.role {
        out.push_str(&format!("**{}: {}**\n\n", w.for_role, md(role)));
    }
    out.push_str("| | |\n|---|---|\n");
    for (k, v) in &c.header.fields {
        out.push_str(&format!("| {k} | {} |\n", md(v)));
    }
    if let Some(t) = &c.header.service_time {
        out.push_str(&format!("| {} | {} |\n", l.service_time, md(t)));
    }
    if let Some(t) = &c.header.times {
        out.push_str(&format!("| {} | {} |\n", l.best_path, md(&t.best)));
        out.push_str(&format!("| {} | {} |\n", l.worst_path, md(&t.worst)));
    }
    if !c.header.legal_basis.is_empty() {
        out.push_str(&format!("\n**{}**\n\n", l.legal_basis));
        for (n, s) in c.header.legal_basis.iter().enumerate() {
            out.push_str(&format!("{}. {}\n", n + 1, md(s)));
        }
    }
    out.push_str(&format!("\n## {}\n\n", w.steps));
    for item in &c.items {
        let mut title = format!("**{}. {}**", item.row, md(&item.activity));
        if item.kind == StepKind::Decision {
            title.push_str(&format!(" ({})", w.decision.to_lowercase()));
        }
        if item.wait {
            title.push_str(&format!(" *[{}]*", l.waiting));
        }
        let actor = item.actor_line(w, ("(", ")"), md);
        out.push_str(&format!("- [ ] {title} — {actor}\n"));
        let mut field = |k: &str, v: String| out.push_str(&format!("  - {k}: {v}\n"));
        if !item.from.is_empty() {
            let from: Vec<String> = item
                .from
                .iter()
                .map(|p| format!("{} {} ({})", l.step, p.row, md(&p.actor)))
                .collect();
            field(w.from, from.join("; "));
        } else if c.role.is_some() && item.kind == StepKind::Start {
            field(w.from, w.start_here.to_string());
        }
        if !item.requirements.is_empty() {
            let reqs: Vec<String> = item.requirements.iter().map(|r| md(r)).collect();
            field(l.requirements, reqs.join("; "));
        }
        if let Some(t) = &item.time {
            field(l.time, md(t));
        }
        if let Some(o) = &item.output {
            field(l.output, md(o));
        }
        if let Some(s) = &item.sub_sop {
            field(w.details, format!("{} {}", l.see_sop, md(s)));
        }
        if let Some(n) = &item.notes {
            field(l.notes, md(n));
        }
        if let Some(o) = &item.outcome {
            field(w.outcome, md(o));
        }
        if let Some(j) = &item.next {
            field(w.to, md(&j.phrase(w, l.step)));
        }
        for j in &item.branches {
            out.push_str(&format!("  - [ ] {}\n", md(&j.line(w, l.step))));
        }
    }
    for (title, list) in [(l.warnings, &c.footer.warnings), (l.records, &c.footer.records)] {
        out.push_str(&format!("\n## {title}\n\n"));
        if list.is_empty() {
            out.push_str(&format!("{}\n", w.none));
        }
        for s in list {
            out.push_str(&format!("- {}\n", md(s)));
        }
    }
    out.push_str(&format!("\n## {}\n\n", w.signoff));
    out.push_str(&format!("| | {} | {} | {} |\n|---|---|---|---|\n", l.name, l.signature, l.date));
    for who in [w.done_by, w.checked_by] {
        out.push_str(&format!("| {who} | | | |\n"));
    }
    out
}
