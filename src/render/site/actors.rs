//! The per-actor view: for each role (Petugas Layanan Pengaduan, Kepala
//! Seksi, …) every step it carries out across all SOPs, as the main actor,
//! as a substitute (`alternate`) or alongside (`with`), each linked to the
//! step's row on its SOP page. Roles are grouped by the name the SOPs give
//! them (the same name in two SOPs is one role), in folded order;
//! `actors.html` lists them and each has its own page.

use std::collections::BTreeMap;

use super::search::fold;
use super::shell::{self, Frame, Nav};
use super::{Ctx, Page};
use crate::model::Rows;
use crate::render::escape::html as h;

/// One step an actor takes part in.
struct Duty<'a> {
    sop: usize,
    row: i64,
    activity: &'a str,
    role: &'static str,
}

/// The list of roles (`actors.html`) and one page per role
/// (`actor/<name>.html`).
pub fn pages(ctx: &Ctx<'_>) -> Vec<Page> {
    let w = ctx.lang.site();
    let start = ctx.lang.texts().start;
    let end = ctx.lang.texts().end;
    // Folded name → (name as first written, duties).
    let mut by_actor: BTreeMap<String, (String, Vec<Duty<'_>>)> = BTreeMap::new();
    for (i, info) in ctx.sops.iter().enumerate() {
        let rows: &Rows = &info.rows;
        for (k, step) in info.sop.steps.iter().enumerate() {
            let activity = step.activity_str().unwrap_or(match step.kind() {
                Some(crate::model::StepKind::Start) => start,
                Some(crate::model::StepKind::End) => end,
                _ => "",
            });
            let roles = step
                .actor
                .iter()
                .map(|a| (a, w.role_main))
                .chain(step.alternate.iter().map(|a| (a, w.role_alternate)))
                .chain(step.with.iter().map(|a| (a, w.role_with)));
            for (actor, role) in roles {
                let name =
                    info.sop.actor(&actor.value).map_or(actor.value.as_str(), |a| a.display_name());
                let name = name.trim();
                if name.is_empty() {
                    continue;
                }
                let entry =
                    by_actor.entry(fold(name)).or_insert_with(|| (name.to_string(), Vec::new()));
                entry.1.push(Duty { sop: i, row: rows.number(k), activity, role });
            }
        }
    }

    // One page per role keeps every page small enough to read, search and
    // check on a phone even for 750 SOPs; actors.html lists the roles.
    let mut names = super::slug::Names::default();
    let mut pages = Vec::with_capacity(by_actor.len() + 1);
    let mut s = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<ul class=\"roles\">\n",
        h(w.nav_actors),
        h(w.actors_intro)
    );
    for (name, duties) in by_actor.values() {
        let slug = names.claim(Some(name), "");
        s.push_str(&format!(
            "<li><a href=\"actor/{slug}.html\">{}</a> <span class=\"count\">({} {})</span></li>\n",
            h(name),
            duties.len(),
            h(w.steps_count)
        ));
        pages.push(Page {
            path: format!("actor/{slug}.html"),
            bytes: role_page(ctx, name, duties).into_bytes(),
        });
    }
    s.push_str("</ul>\n");
    let index = shell::page(
        &Frame { lang: ctx.lang, title: w.nav_actors, root: "", nav: Nav::Actors, script: false },
        &s,
    );
    pages.insert(0, Page { path: "actors.html".into(), bytes: index.into_bytes() });
    pages
}

/// The page of one role: every step it takes part in, by SOP.
fn role_page(ctx: &Ctx<'_>, name: &str, duties: &[Duty<'_>]) -> String {
    let w = ctx.lang.site();
    let mut s = format!(
        "<h1>{}</h1>\n<p><a href=\"../actors.html\">{}</a></p>\n\
         <div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"duties\">\n\
         <table class=\"list\">\n<caption id=\"duties\">{} {}</caption>\n\
         <thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        h(name),
        h(w.nav_actors),
        duties.len(),
        h(w.steps_count),
        h(w.sop),
        h(ctx.lang.texts().step),
        h(w.activity),
        h(w.role)
    );
    for d in duties {
        let Some(info) = ctx.sops.get(d.sop) else { continue };
        let href = format!("../{}", info.href());
        s.push_str(&format!(
            "<tr><td><a href=\"{}\">{}</a></td><td><a href=\"{}#step-{}\">{}</a></td><td>{}</td><td>{}</td></tr>\n",
            h(&href),
            h(&info.name()),
            h(&href),
            d.row,
            d.row,
            h(d.activity),
            h(d.role)
        ));
    }
    s.push_str("</tbody>\n</table>\n</div>\n");
    shell::page(
        &Frame { lang: ctx.lang, title: name, root: "../", nav: Nav::Actors, script: false },
        &s,
    )
}
