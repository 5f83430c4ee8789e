//! One SOP's page and the files that go with it: the identity block and
//! the flowchart of the SOP AP document (its own renderers, the SVG given
//! a title and description), the checklist (anchors `step-<row>` that the
//! other pages link to), the time figures, its makro parents, mikro
//! children and other related SOPs, its findings, and the downloads: the
//! YAML source, BPMN, the print-ready document (and its PDF when asked).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::finding_list::{self, From};
use super::shell::{self, Frame, Nav};
use super::{Ctx, Page, SopInfo, Target};
use crate::render::checklist::{self, PathTimes, SopRef};
use crate::render::document::{self, Flowchart, identity};
use crate::render::escape::html as h;
use crate::render::{bpmn, timing};
use crate::timing::service_verdict;

/// The page of SOP `i` and its downloads.
pub fn files(ctx: &Ctx<'_>, i: usize, info: &SopInfo<'_>) -> Vec<Page> {
    let slug = &info.slug;
    let lang = ctx.lang;
    let yaml = ctx.outcome.sources.get(info.file).map_or("", |s| s.text.as_str());
    // One layout for the page and the print-ready document: the site shows
    // the flowchart pages exactly as they print (a draft reserves room for
    // its banner).
    let doc_options =
        document::Options { lang, errors: info.errors, ..document::Options::default() };
    let chart = document::layout(info.sop, info.graph, &doc_options, &ctx.linked);
    vec![
        Page { path: format!("sop/{slug}.html"), bytes: page(ctx, i, info, &chart).into_bytes() },
        Page { path: format!("yaml/{slug}.yaml"), bytes: yaml.as_bytes().to_vec() },
        Page {
            path: format!("bpmn/{slug}.bpmn"),
            bytes: bpmn::render(info.sop, info.graph, lang).into_bytes(),
        },
        Page {
            path: format!("doc/{slug}.html"),
            bytes: document::html::document(info.sop, &chart, &doc_options, &ctx.linked)
                .into_bytes(),
        },
    ]
}

fn page(ctx: &Ctx<'_>, i: usize, info: &SopInfo<'_>, chart: &Flowchart) -> String {
    let lang = ctx.lang;
    let w = lang.site();
    let sop = info.sop;
    let name = info.name();
    let mut s = format!("<h1>{}</h1>\n", h(&name));
    let level = match sop.level.as_ref().map(|l| l.value) {
        Some(crate::model::SopLevel::Makro) => lang.labels().level_makro,
        Some(crate::model::SopLevel::Mikro) => lang.labels().level_mikro,
        None => "",
    };
    let (class, status) = match (info.errors, info.warnings) {
        (0, 0) => ("ok", w.clean.to_string()),
        (0, n) => ("warn", format!("{n} {}", w.warnings)),
        (e, _) => ("err", format!("{e} {}", w.errors)),
    };
    let _ = writeln!(
        s,
        "<p class=\"meta\"><code>{}</code> · {} · {} · <a href=\"#findings\"><span class=\"status {class}\">{}</span></a></p>",
        h(sop.id_str()),
        h(level),
        h(sop.identity.unit.as_ref().map_or("", |u| u.value.as_str())),
        h(&status)
    );

    s.push_str(&format!("<section>\n<h2 id=\"identity\">{}</h2>\n", h(w.identity)));
    s.push_str("<div class=\"scroll identity-block\" tabindex=\"0\" role=\"region\" aria-labelledby=\"identity\">\n");
    for section in identity::pages(sop, lang, &ctx.linked, false) {
        s.push_str(&section);
    }
    s.push_str("</div>\n</section>\n");

    flowchart(ctx, info, chart, &mut s);

    let times = info.timing.map(|t| PathTimes::of(t, sop, lang));
    let options = checklist::Options { lang, actor: None, sops: sub_sops(ctx, info), times };
    let list = checklist::build(sop, info.graph, &options);
    s.push_str(&format!(
        "<section class=\"checklist\">\n<h2 id=\"checklist\">{}</h2>\n{}</section>\n",
        h(crate::lang::ChecklistWords::of(lang).checklist),
        checklist::html::steps(&list)
    ));

    timing_section(ctx, info, &mut s);
    links_section(ctx, i, &mut s);

    s.push_str(&format!("<section>\n<h2 id=\"findings\">{}</h2>\n", h(w.findings)));
    let mut any = false;
    for d in ctx.outcome.diagnostics_of(info.file) {
        if !any {
            s.push_str("<ul class=\"findings\">\n");
            any = true;
        }
        s.push_str(&finding_list::item(ctx, d, From::SamePage));
    }
    if any {
        s.push_str("</ul>\n");
    } else {
        s.push_str(&format!("<p>{}</p>\n", h(w.no_findings)));
    }
    s.push_str("</section>\n");

    let slug = &info.slug;
    s.push_str(&format!(
        "<section>\n<h2 id=\"downloads\">{}</h2>\n<ul class=\"downloads\">\n",
        h(w.downloads)
    ));
    let mut downloads = vec![(format!("../doc/{slug}.html"), w.download_print)];
    if ctx.options.pdf {
        downloads.push((format!("../pdf/{slug}.pdf"), w.download_pdf));
    }
    downloads.push((format!("../yaml/{slug}.yaml"), w.download_yaml));
    downloads.push((format!("../bpmn/{slug}.bpmn"), w.download_bpmn));
    for (href, label) in downloads {
        s.push_str(&format!("<li><a href=\"{}\">{}</a></li>\n", h(&href), h(label)));
    }
    s.push_str("</ul>\n</section>\n");

    shell::page(&Frame { lang, title: &name, root: "../", nav: Nav::None, script: false }, &s)
}

/// The document's flowchart pages, each SVG labelled for assistive
/// technology (`role="img"`, a title and a description): the steps are
/// written out in the checklist, which is the text alternative.
fn flowchart(ctx: &Ctx<'_>, info: &SopInfo<'_>, chart: &Flowchart, s: &mut String) {
    let lang = ctx.lang;
    let w = lang.site();
    s.push_str(&format!("<section>\n<h2 id=\"flowchart\">{}</h2>\n", h(w.flowchart)));
    let total = chart.pages.len();
    for p in &chart.pages {
        let svg = document::svg::page(chart, p, lang);
        let title = if total > 1 {
            format!("{} {} ({} {}/{total})", w.flowchart, info.name(), w.flowchart_page, p.number)
        } else {
            format!("{} {}", w.flowchart, info.name())
        };
        let id = format!("chart-{}", p.number);
        let labelled = label_svg(&svg, &id, &title, w.flowchart_desc);
        s.push_str(&format!(
            "<figure class=\"scroll chart\" tabindex=\"0\" role=\"group\" aria-labelledby=\"{id}-t\">\n{labelled}</figure>\n"
        ));
    }
    s.push_str("</section>\n");
}

/// `svg` (one `<svg …>` element) with `role="img"`, a `<title>` and a
/// `<desc>` right after its opening tag, which name it.
fn label_svg(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let Some(open) = svg.find("<svg") else { return svg.to_string() };
    let Some(end) = svg.get(open..).and_then(|t| t.find('>')).map(|e| open + e) else {
        return svg.to_string();
    };
    let (head, rest) = svg.split_at(end);
    let rest = rest.get(1..).unwrap_or("");
    format!(
        "{head} role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>{rest}",
        h(title),
        h(desc)
    )
}

/// Title and number of each `sub_sop` target in this catalogue.
fn sub_sops(ctx: &Ctx<'_>, info: &SopInfo<'_>) -> BTreeMap<String, SopRef> {
    let mut out = BTreeMap::new();
    for id in info.sop.steps.iter().filter_map(|s| s.sub_sop.as_ref()).map(|s| s.value.as_str()) {
        if let Some(child) = ctx.outcome.catalogue.get(id) {
            let r = SopRef { title: child.sop.title().into(), number: child.sop.number().into() };
            out.insert(id.to_string(), r);
        }
    }
    out
}

fn timing_section(ctx: &Ctx<'_>, info: &SopInfo<'_>, s: &mut String) {
    let lang = ctx.lang;
    let w = lang.site();
    let l = lang.labels();
    let t_words = lang.texts();
    s.push_str(&format!("<section>\n<h2 id=\"timing\">{}</h2>\n", h(w.timing)));
    let Some(t) = info.timing else {
        s.push_str(&format!("<p>{}</p>\n</section>\n", h(t_words.no_step_states_a_time)));
        return;
    };
    let sop = info.sop;
    let paths = PathTimes::of(t, sop, lang);
    s.push_str("<table class=\"facts\">\n");
    let mut row = |k: &str, v: &str| {
        s.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", h(k), h(v)));
    };
    if let Some(st) = &sop.service_time {
        row(l.service_time, &st.value.to_string());
        if let Some(v) = service_verdict(sop, t) {
            row(w.verdict, &timing::verdict_text(v, lang));
        }
    }
    row(l.best_path, &paths.best);
    row(l.worst_path, &paths.worst);
    row(
        t_words.working_day,
        &timing::totals_text(
            &crate::duration::Totals {
                work_seconds: t.workday_minutes.saturating_mul(60),
                ..Default::default()
            },
            lang,
        ),
    );
    s.push_str("</table>\n");
    if !t.per_actor.is_empty() {
        s.push_str(&format!(
            "<table class=\"list\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            h(t_words.load_per_actor),
            h(l.actors),
            h(t_words.steps),
            h(t_words.total_all_branches),
            h(t_words.on_the_critical_path)
        ));
        for a in &t.per_actor {
            s.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                h(&timing::actor_name(sop, &a.actor)),
                a.steps,
                h(&timing::total_line(&a.total, t.workday_minutes, lang)),
                h(&timing::total_line(&a.critical, t.workday_minutes, lang)),
            ));
        }
        s.push_str("</tbody>\n</table>\n");
    }
    s.push_str(&format!("<p class=\"note\">{}</p>\n</section>\n", h(t_words.timing_legend)));
}

fn links_section(ctx: &Ctx<'_>, i: usize, s: &mut String) {
    let w = ctx.lang.site();
    s.push_str(&format!("<section>\n<h2 id=\"links\">{}</h2>\n", h(w.links)));
    let Some(links) = ctx.links.get(i) else {
        s.push_str("</section>\n");
        return;
    };
    /// A heading and the linked SOPs under it, each with its relation.
    type Group<'t> = (&'t str, Vec<(&'t Target, Option<&'t str>)>);
    let groups: [Group<'_>; 3] = [
        (w.makro_parent, links.parents.iter().map(|t| (t, None)).collect()),
        (w.mikro_children, links.children.iter().map(|t| (t, None)).collect()),
        (w.other_related, links.other.iter().map(|(t, k)| (t, Some(*k))).collect()),
    ];
    for (title, targets) in groups {
        s.push_str(&format!("<h3>{}</h3>\n", h(title)));
        if targets.is_empty() {
            s.push_str(&format!("<p>{}</p>\n", h(w.none)));
            continue;
        }
        s.push_str("<ul class=\"links\">\n");
        for (target, kind) in targets {
            let kind = kind
                .map_or_else(String::new, |k| format!(" <span class=\"kind\">({})</span>", h(k)));
            s.push_str(&format!("<li>{}{kind}</li>\n", target_html(ctx, target)));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</section>\n");
}

/// A linked SOP: a link to its page, or its id and why it has none.
fn target_html(ctx: &Ctx<'_>, target: &Target) -> String {
    let w = ctx.lang.site();
    match target {
        Target::Page(j) => match ctx.sops.get(*j) {
            Some(other) => {
                format!("<a href=\"{}\">{}</a>", h(&other.href_from_sop()), h(&other.name()))
            }
            None => String::new(),
        },
        Target::Outside { id, external } => format!(
            "<code>{}</code> ({})",
            h(id),
            h(if *external { w.external } else { w.not_in_site })
        ),
    }
}
