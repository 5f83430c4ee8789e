//! The reviewers' page: every finding of the run, grouped by rule (code
//! order) and within a rule by SOP file, each linked to the step it sits
//! in on the SOP's page. A table of contents with the count per rule comes
//! first, so where the corpus stands is seen at a glance.

use std::collections::BTreeMap;

use super::Ctx;
use super::finding_list::{self, From};
use super::shell::{self, Frame, Nav};
use crate::diagnostic::{Diagnostic, FileId};
use crate::render::escape::html as h;

/// The reviewers' page.
pub fn page(ctx: &Ctx<'_>) -> String {
    let w = ctx.lang.site();
    // Rule code → (name, file → findings in report order).
    type ByFile<'a> = BTreeMap<FileId, Vec<&'a Diagnostic>>;
    let mut by_rule: BTreeMap<&str, (&str, ByFile<'_>)> = BTreeMap::new();
    for d in &ctx.outcome.diagnostics {
        by_rule
            .entry(d.code)
            .or_insert_with(|| (d.name, BTreeMap::new()))
            .1
            .entry(d.file)
            .or_default()
            .push(d);
    }
    let mut s = format!("<h1>{}</h1>\n<p>{}</p>\n", h(w.nav_reviewers), h(w.reviewers_intro));
    if by_rule.is_empty() {
        s.push_str(&format!("<p>{}</p>\n", h(w.no_findings)));
    } else {
        s.push_str(&format!("<nav aria-label=\"{}\" class=\"toc\">\n<ul>\n", h(w.rule)));
        for (code, (name, files)) in &by_rule {
            let count: usize = files.values().map(Vec::len).sum();
            s.push_str(&format!(
                "<li><a href=\"#rule-{}\"><code>{}</code> {}</a> ({count})</li>\n",
                h(code),
                h(code),
                h(name)
            ));
        }
        s.push_str("</ul>\n</nav>\n");
    }
    for (code, (name, files)) in &by_rule {
        s.push_str(&format!(
            "<section aria-labelledby=\"rule-{0}\">\n<h2 id=\"rule-{0}\"><code>{0}</code> {1}</h2>\n",
            h(code),
            h(name)
        ));
        for (file, findings) in files {
            let title = match ctx.by_file.get(file).and_then(|&i| ctx.sops.get(i)) {
                Some(info) => format!("<a href=\"{}\">{}</a>", h(&info.href()), h(&info.name())),
                None => h(ctx.outcome.sources.get(*file).map_or("", |s| s.path.as_str())),
            };
            s.push_str(&format!("<h3>{title}</h3>\n<ul class=\"findings\">\n"));
            for d in findings {
                s.push_str(&finding_list::item(ctx, d, From::Root));
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</section>\n");
    }
    shell::page(
        &Frame {
            lang: ctx.lang,
            title: w.nav_reviewers,
            root: "",
            nav: Nav::Reviewers,
            script: false,
        },
        &s,
    )
}
