//! The index: every SOP in one table (number, title, unit, level, service
//! time, worst path, status), so a browser's own find and print work on
//! it. Each row carries its search text, folded ([`super::search`]), and
//! its level, unit and actors for the filters; the site script shows the
//! search box, filters and sort buttons and hides the rows that do not
//! match. Without the script it is a plain table.

use std::collections::BTreeSet;

use super::search::fold;
use super::shell::{self, Frame, Nav};
use super::{Ctx, SopInfo};
use crate::duration::Totals;
use crate::model::SopLevel;
use crate::render::escape::html as h;
use crate::render::list;

/// The index page.
pub fn page(ctx: &Ctx<'_>) -> String {
    let w = ctx.lang.site();
    let t = ctx.lang.texts();
    let l = ctx.lang.labels();
    let rows = list::rows(ctx.outcome, ctx.lang);
    let mut units = BTreeSet::new();
    let mut actors = BTreeSet::new();
    for info in &ctx.sops {
        units.insert(unit(info));
        actors.extend(info.sop.actors.iter().map(|a| a.display_name().trim().to_string()));
    }
    units.remove("");
    actors.remove("");

    let mut s = format!("<h1>{}</h1>\n", h(w.site_title));
    s.push_str(&format!(
        "<form id=\"tools\" class=\"tools\" role=\"search\" hidden>\n\
         <div class=\"field wide\"><label for=\"q\">{}</label>\
         <input id=\"q\" type=\"search\" autocomplete=\"off\" aria-describedby=\"q-hint\">\
         <small id=\"q-hint\">{}</small></div>\n",
        h(w.search),
        h(w.search_hint)
    ));
    let levels = [("makro", l.level_makro), ("mikro", l.level_mikro)];
    let levels: Vec<(String, String)> =
        levels.iter().map(|(v, label)| (v.to_string(), label.to_string())).collect();
    let units: Vec<(String, String)> = units.into_iter().map(|u| (u.clone(), u)).collect();
    let actors: Vec<(String, String)> = actors.into_iter().map(|a| (a.clone(), a)).collect();
    for (id, label, options) in [
        ("f-level", w.filter_level, &levels),
        ("f-unit", w.filter_unit, &units),
        ("f-actor", w.filter_actor, &actors),
    ] {
        s.push_str(&format!(
            "<div class=\"field\"><label for=\"{id}\">{}</label><select id=\"{id}\">\
             <option value=\"\">{}</option>",
            h(label),
            h(w.all)
        ));
        for (value, text) in options {
            s.push_str(&format!("<option value=\"{}\">{}</option>", h(value), h(text)));
        }
        s.push_str("</select></div>\n");
    }
    // The rows filter as one types; the button is there for Enter and
    // for readers who look for one.
    s.push_str(&format!("<button type=\"submit\">{}</button>\n</form>\n", h(w.search)));
    s.push_str(&format!(
        "<p id=\"count\" role=\"status\" data-shown=\"{}\" data-of=\"{}\">{} {}</p>\n",
        h(w.shown),
        h(w.of),
        ctx.sops.len(),
        h(w.sops_count)
    ));
    s.push_str(&format!(
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"sops-caption\">\n\
         <table id=\"sops\" class=\"list\" data-sort-label=\"{}\">\n\
         <caption id=\"sops-caption\">{}</caption>\n<thead>\n<tr>",
        h(w.sort_by),
        h(t.list_of_sops)
    ));
    for (head, numeric) in [
        (l.number, false),
        (t.title, false),
        (t.unit, false),
        (t.level, false),
        (t.service_time, true),
        (t.slowest_path, true),
        (w.status, true),
    ] {
        let kind = if numeric { " data-type=\"number\"" } else { "" };
        s.push_str(&format!("<th scope=\"col\"{kind}>{}</th>", h(head)));
    }
    s.push_str("</tr>\n</thead>\n<tbody>\n");
    for info in &ctx.sops {
        let row = rows.get(info.file);
        s.push_str(&row_html(ctx, info, row));
    }
    s.push_str("</tbody>\n</table>\n</div>\n");
    shell::page(
        &Frame { lang: ctx.lang, title: w.site_title, root: "", nav: Nav::Index, script: true },
        &s,
    )
}

fn unit(info: &SopInfo<'_>) -> String {
    info.sop.identity.unit.as_ref().map_or_else(String::new, |u| u.value.trim().to_string())
}

/// One SOP's row: its cells, and what search, filters and sorting read.
fn row_html(ctx: &Ctx<'_>, info: &SopInfo<'_>, row: Option<&list::Row>) -> String {
    let w = ctx.lang.site();
    let l = ctx.lang.labels();
    let sop = info.sop;
    let actors: Vec<String> =
        sop.actors.iter().map(|a| a.display_name().trim().to_string()).collect();
    let mut search = vec![
        sop.id_str().to_string(),
        sop.number().to_string(),
        sop.title().to_string(),
        unit(info),
    ];
    search.extend(actors.iter().cloned());
    search.extend(sop.steps.iter().filter_map(|st| st.activity_str()).map(str::to_string));
    let level = match sop.level.as_ref().map(|l| l.value) {
        Some(SopLevel::Makro) => ("makro", l.level_makro),
        Some(SopLevel::Mikro) => ("mikro", l.level_mikro),
        None => ("", ""),
    };
    let service_key = sop.service_time.as_ref().map_or(0, |st| {
        let t = Totals::of(&st.value, true);
        sort_key(&t, info.timing.map_or(480, |t| t.workday_minutes))
    });
    let worst_key =
        info.timing.filter(|t| t.has_times()).map_or(0, |t| sort_key(&t.worst, t.workday_minutes));
    let (status, class, status_key) = match (info.errors, info.warnings) {
        (0, 0) => (w.clean.to_string(), "ok", 0),
        (0, n) => (format!("{n} {}", w.warnings), "warn", n),
        (e, n) => {
            (format!("{e} {}", w.errors), "err", e.saturating_mul(1_000_000).saturating_add(n))
        }
    };
    let title = if sop.title().trim().is_empty() { sop.id_str() } else { sop.title() };
    format!(
        "<tr data-search=\"{}\" data-level=\"{}\" data-unit=\"{}\" data-actors=\"{}\">\
         <td>{}</td><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td><td>{}</td>\
         <td data-key=\"{service_key}\">{}</td><td data-key=\"{worst_key}\">{}</td>\
         <td data-key=\"{status_key}\"><span class=\"status {class}\">{}</span></td></tr>\n",
        h(&fold(&search.join(" "))),
        level.0,
        h(&unit(info)),
        h(&actors.join("\n")),
        h(sop.number()),
        h(&info.href()),
        h(title),
        h(&unit(info)),
        h(level.1),
        h(row.map_or("", |r| r.service_time.as_str())),
        h(row.map_or("", |r| r.worst.as_str())),
        h(&status),
    )
}

/// A total as one number to sort by: calendar days first (they cannot be
/// turned into working time), then working seconds.
fn sort_key(t: &Totals, workday_minutes: u64) -> u64 {
    let work = t.in_work_seconds(workday_minutes).unwrap_or(t.work_seconds);
    t.calendar_days.saturating_mul(1_000_000_000).saturating_add(work)
}
