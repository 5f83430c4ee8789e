//! The checklist as one self-contained HTML file (no scripts, no network):
//! print CSS for A4 with `break-inside: avoid` so a step is never split
//! across pages. Every piece of user text goes through `escape::html`.

use crate::lang::Lang;
use crate::model::StepKind;
use crate::render::checklist::{Checklist, Item};
use crate::render::escape::html as h;

const CSS: &str = "@page { size: A4; margin: 15mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: 'Segoe UI', Arial, 'Liberation Sans', sans-serif; font-size: 10.5pt;
  color: #111; margin: 0 auto; max-width: 180mm; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #444; break-after: avoid; }
.role { font-weight: bold; margin: 0 0 3mm; }
table.identity { border-collapse: collapse; width: 100%; margin-bottom: 2mm; }
table.identity th, table.identity td { border: 1px solid #666; padding: 1mm 2mm;
  text-align: left; vertical-align: top; }
table.identity th { width: 32%; background: #eee; font-weight: 600; }
ol.legal { margin: 0; padding-left: 5mm; }
.step { border: 1px solid #999; border-radius: 2mm; padding: 2mm 3mm; margin: 0 0 2mm;
  break-inside: avoid; page-break-inside: avoid; }
.step .title { font-weight: 600; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 1.2px solid #111;
  margin-right: 2mm; vertical-align: -0.6mm; }
.decision { border-style: dashed; }
.wait { background: #fff7e0; }
.tag { font-size: 8.5pt; border: 1px solid #777; border-radius: 1mm; padding: 0 1mm;
  margin-left: 1mm; font-weight: normal; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 3mm; margin: 1.5mm 0 0 6mm; }
dt { color: #444; }
dd { margin: 0; }
ul.branches { list-style: none; margin: 1.5mm 0 0 6mm; padding: 0; }
ul.branches li { margin: 0.8mm 0; }
table.signoff { border-collapse: collapse; width: 100%; break-inside: avoid; }
table.signoff th, table.signoff td { border: 1px solid #666; padding: 2mm; text-align: left; }
table.signoff td { height: 14mm; }
@media print { body { max-width: none; } }
";

/// Writes the checklist as a self-contained HTML page.
pub fn render(c: &Checklist) -> String {
    let l = c.lang.labels();
    let w = c.words;
    let lang = match c.lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{} – {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        w.checklist,
        h(&c.header.title)
    );
    out.push_str(&format!("<h1>{}: {}</h1>\n", w.checklist, h(&c.header.title)));
    if let Some(role) = &c.role {
        out.push_str(&format!("<p class=\"role\">{}: {}</p>\n", w.for_role, h(role)));
    }
    out.push_str("<table class=\"identity\">\n");
    for (k, v) in &c.header.fields {
        out.push_str(&format!("<tr><th>{k}</th><td>{}</td></tr>\n", h(v)));
    }
    if !c.header.legal_basis.is_empty() {
        out.push_str(&format!("<tr><th>{}</th><td><ol class=\"legal\">", l.legal_basis));
        for s in &c.header.legal_basis {
            out.push_str(&format!("<li>{}</li>", h(s)));
        }
        out.push_str("</ol></td></tr>\n");
    }
    if let Some(t) = &c.header.service_time {
        out.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>\n", l.service_time, h(t)));
    }
    if let Some(t) = &c.header.times {
        out.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>\n", l.best_path, h(&t.best)));
        out.push_str(&format!("<tr><th>{}</th><td>{}</td></tr>\n", l.worst_path, h(&t.worst)));
    }
    out.push_str("</table>\n");
    out.push_str(&format!("<h2>{}</h2>\n", w.steps));
    out.push_str(&steps(c));
    for (title, list) in [(l.warnings, &c.footer.warnings), (l.records, &c.footer.records)] {
        out.push_str(&format!("<h2>{title}</h2>\n<ul>\n"));
        if list.is_empty() {
            out.push_str(&format!("<li>{}</li>\n", w.none));
        }
        for s in list {
            out.push_str(&format!("<li>{}</li>\n", h(s)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(&format!(
        "<h2>{}</h2>\n<table class=\"signoff\">\n<tr><th></th><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        w.signoff, l.name, l.signature, l.date
    ));
    for who in [w.done_by, w.checked_by] {
        out.push_str(&format!("<tr><th>{who}</th><td></td><td></td><td></td></tr>\n"));
    }
    out.push_str("</table>\n</body>\n</html>\n");
    out
}

/// The steps of the checklist as HTML sections, one per step, the first
/// step of each row carrying the anchor `step-<row>`: the body of
/// [`render`], and the checklist on each SOP page of `sopmap site`.
pub fn steps(c: &Checklist) -> String {
    let mut out = String::new();
    // Several steps can share a row number (one row of several symbols):
    // only the first carries the row's anchor, so ids stay unique.
    let mut anchored: std::collections::HashSet<i64> = std::collections::HashSet::new();
    for item in &c.items {
        item_html(c, item, anchored.insert(item.row), &mut out);
    }
    out
}

fn item_html(c: &Checklist, item: &Item, anchor: bool, out: &mut String) {
    let l = c.lang.labels();
    let w = c.words;
    let mut class = String::from("step");
    if item.kind == StepKind::Decision {
        class.push_str(" decision");
    }
    if item.wait {
        class.push_str(" wait");
    }
    if anchor {
        out.push_str(&format!("<section class=\"{class}\" id=\"step-{}\">\n", item.row));
    } else {
        out.push_str(&format!("<section class=\"{class}\">\n"));
    }
    out.push_str(&format!(
        "<div class=\"title\"><span class=\"box\"></span>{}. {}",
        item.row,
        h(&item.activity)
    ));
    if item.kind == StepKind::Decision {
        out.push_str(&format!("<span class=\"tag\">{}</span>", w.decision));
    }
    if item.wait {
        out.push_str(&format!("<span class=\"tag\">{}</span>", l.waiting));
    }
    out.push_str("</div>\n<dl>\n");
    let mut field = |k: &str, v: String| out.push_str(&format!("<dt>{k}</dt><dd>{v}</dd>\n"));
    field(l.actors, item.actor_line(w, ("(", ")"), h));
    if !item.from.is_empty() {
        let from: Vec<String> = item
            .from
            .iter()
            .map(|p| {
                // Link only to steps on this page (a role view leaves some out).
                if c.items.iter().any(|i| i.row == p.row) {
                    format!("<a href=\"#step-{0}\">{1} {0}</a> ({2})", p.row, l.step, h(&p.actor))
                } else {
                    format!("{} {} ({})", l.step, p.row, h(&p.actor))
                }
            })
            .collect();
        field(w.from, from.join("; "));
    } else if c.role.is_some() && item.kind == StepKind::Start {
        field(w.from, w.start_here.to_string());
    }
    if !item.requirements.is_empty() {
        let reqs: Vec<String> = item.requirements.iter().map(|r| h(r)).collect();
        field(l.requirements, reqs.join("; "));
    }
    if let Some(t) = &item.time {
        field(l.time, h(t));
    }
    if let Some(o) = &item.output {
        field(l.output, h(o));
    }
    if let Some(s) = &item.sub_sop {
        field(w.details, format!("{} {}", l.see_sop, h(s)));
    }
    if let Some(n) = &item.notes {
        field(l.notes, h(n));
    }
    if let Some(o) = &item.outcome {
        field(w.outcome, h(o));
    }
    if let Some(j) = &item.next {
        field(w.to, h(&j.phrase(w, l.step)));
    }
    out.push_str("</dl>\n");
    if !item.branches.is_empty() {
        out.push_str("<ul class=\"branches\">\n");
        for j in &item.branches {
            out.push_str(&format!(
                "<li><span class=\"box\"></span>{}</li>\n",
                h(&j.line(w, l.step))
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}
