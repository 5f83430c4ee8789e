//! One finding as the site shows it, on a SOP page and on the reviewers'
//! page alike: severity, code and rule name, the message and its help in
//! the site's language, the line in the YAML file, and a link to the step
//! of the SOP page the finding sits in (or to the page's findings when it
//! sits in no step).

use super::Ctx;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::escape::html as h;

/// Where a link to a SOP page starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum From {
    /// The SOP page itself: links are `#step-N`.
    SamePage,
    /// A page at the site's root: links are `sop/<slug>.html#step-N`.
    Root,
}

/// The `<li>` of one finding.
pub fn item(ctx: &Ctx<'_>, d: &Diagnostic, from: From) -> String {
    let w = ctx.lang.site();
    let (class, severity) = match d.severity {
        Severity::Error => ("err", w.errors),
        Severity::Warning => ("warn", w.warnings),
    };
    let source = ctx.outcome.sources.get(d.file);
    let at = source.map(|s| s.line_col(d.span.start));
    let path = source.map_or("", |s| s.path.as_str());
    let mut s = format!(
        "<li class=\"finding {class}\"><span class=\"status {class}\">{}</span> \
         <code>{}</code> <span class=\"rule\">{}</span>: {}",
        h(severity),
        h(d.code),
        h(d.name),
        h(d.message.get(ctx.lang))
    );
    if let Some(help) = &d.help {
        s.push_str(&format!(
            " <span class=\"help\">({} {})</span>",
            h(crate::lang::ReportWords::of(ctx.lang).help_name),
            h(help.get(ctx.lang))
        ));
    }
    let place = match at {
        Some(at) => format!("{path}:{}:{}", at.line, at.column),
        None => path.to_string(),
    };
    let page = ctx.by_file.get(&d.file).and_then(|&i| ctx.sops.get(i));
    match page {
        Some(info) => {
            let anchor = info.row_at(d.span.start);
            let fragment = anchor.map_or_else(|| "findings".to_string(), |r| format!("step-{r}"));
            let href = match from {
                From::SamePage => format!("#{fragment}"),
                From::Root => format!("{}#{fragment}", info.href()),
            };
            let step = anchor.map_or_else(String::new, |r| format!("{} {r}, ", w.at_step));
            s.push_str(&format!(
                " <a class=\"where\" href=\"{}\">{}{} {}</a>",
                h(&href),
                h(&step),
                h(w.line),
                h(&place)
            ));
        }
        None => {
            s.push_str(&format!(" <span class=\"where\">{} ({})</span>", h(&place), h(w.no_page)))
        }
    }
    s.push_str("</li>\n");
    s
}
