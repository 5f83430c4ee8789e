//! The makro → mikro map: each makro SOP with a line to each of its mikro
//! children (through `sub_sop` steps or Keterkaitan), drawn as inline SVG
//! whose boxes are links to the SOP pages, and the same tree written out
//! as nested lists below it (the text alternative, and what prints best).
//! SOPs with neither parent nor children are listed after it. The layout
//! is one band per makro, its children stacked beside it: linear in the
//! number of links.

use std::fmt::Write;

use super::shell::{self, Frame, Nav};
use super::{Ctx, Target};
use crate::model::SopLevel;
use crate::render::escape::html as h;

const ROW: f64 = 34.0;
const BOX_H: f64 = 26.0;
const LEFT_X: f64 = 8.0;
const LEFT_W: f64 = 330.0;
const RIGHT_X: f64 = 430.0;
const RIGHT_W: f64 = 360.0;
const WIDTH: f64 = 800.0;
/// Characters of a name that fit a box at the map's font size.
const FITS: usize = 46;

/// The map page.
pub fn page(ctx: &Ctx<'_>) -> String {
    let w = ctx.lang.site();
    // Every SOP that has children, makro first (the usual parents).
    let mut parents: Vec<usize> = (0..ctx.sops.len())
        .filter(|&i| ctx.links.get(i).is_some_and(|l| !l.children.is_empty()))
        .collect();
    parents.sort_by_key(|&i| {
        let makro = ctx.sops.get(i).and_then(|s| s.sop.level.as_ref()).map(|l| l.value)
            == Some(SopLevel::Makro);
        !makro
    });
    let mut svg = String::new();
    let mut list = String::from("<ul class=\"tree\">\n");
    let mut y = 8.0;
    for &p in &parents {
        let (Some(info), Some(links)) = (ctx.sops.get(p), ctx.links.get(p)) else { continue };
        let n = links.children.len().max(1) as f64;
        let band = n * ROW;
        let py = y + band / 2.0 - BOX_H / 2.0;
        let _ = write!(list, "<li><a href=\"{}\">{}</a>\n<ul>\n", h(&info.href()), h(&info.name()));
        for (k, child) in links.children.iter().enumerate() {
            let cy = y + k as f64 * ROW + (ROW - BOX_H) / 2.0;
            let _ = writeln!(
                svg,
                "<path class=\"edge\" d=\"M{:.0},{:.0} C{:.0},{:.0} {:.0},{:.0} {:.0},{:.0}\"/>",
                LEFT_X + LEFT_W,
                py + BOX_H / 2.0,
                LEFT_X + LEFT_W + 45.0,
                py + BOX_H / 2.0,
                RIGHT_X - 45.0,
                cy + BOX_H / 2.0,
                RIGHT_X,
                cy + BOX_H / 2.0
            );
            match child {
                Target::Page(c) => {
                    let Some(ci) = ctx.sops.get(*c) else { continue };
                    node(&mut svg, Some(&ci.href()), &ci.name(), RIGHT_X, cy, RIGHT_W, "mikro");
                    let _ = writeln!(
                        list,
                        "<li><a href=\"{}\">{}</a></li>",
                        h(&ci.href()),
                        h(&ci.name())
                    );
                }
                Target::Outside { id, external } => {
                    let why = if *external { w.external } else { w.not_in_site };
                    let text = format!("{id} ({why})");
                    node(&mut svg, None, &text, RIGHT_X, cy, RIGHT_W, "outside");
                    let _ = writeln!(list, "<li><code>{}</code> ({})</li>", h(id), h(why));
                }
            }
        }
        node(&mut svg, Some(&info.href()), &info.name(), LEFT_X, py, LEFT_W, "makro");
        list.push_str("</ul>\n</li>\n");
        y += band + 12.0;
    }
    list.push_str("</ul>\n");
    let height = y.max(40.0);

    let mut s = format!("<h1>{}</h1>\n<p>{}</p>\n", h(w.nav_map), h(w.map_intro));
    if !parents.is_empty() {
        let _ = write!(
            s,
            "<div class=\"scroll map\" tabindex=\"0\" role=\"region\" aria-labelledby=\"map-t\">\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" \
             width=\"{WIDTH:.0}\" height=\"{height:.0}\" aria-labelledby=\"map-t map-d\">\n\
             <title id=\"map-t\">{}</title><desc id=\"map-d\">{}</desc>\n{svg}</svg>\n</div>\n",
            h(w.nav_map),
            h(w.map_desc)
        );
    }
    let _ = write!(s, "<h2>{}</h2>\n{list}", h(w.map_list));
    let alone: Vec<usize> = (0..ctx.sops.len())
        .filter(|&i| {
            ctx.links.get(i).is_some_and(|l| l.children.is_empty() && l.parents.is_empty())
        })
        .collect();
    let _ = writeln!(s, "<h2>{}</h2>", h(w.unlinked));
    if alone.is_empty() {
        let _ = writeln!(s, "<p>{}</p>", h(w.none));
    } else {
        s.push_str("<ul>\n");
        for i in alone {
            if let Some(info) = ctx.sops.get(i) {
                let _ =
                    writeln!(s, "<li><a href=\"{}\">{}</a></li>", h(&info.href()), h(&info.name()));
            }
        }
        s.push_str("</ul>\n");
    }
    shell::page(
        &Frame { lang: ctx.lang, title: w.nav_map, root: "", nav: Nav::Map, script: false },
        &s,
    )
}

/// A box with a name, a link when the SOP has a page.
fn node(svg: &mut String, href: Option<&str>, name: &str, x: f64, y: f64, width: f64, class: &str) {
    let shown: String = if name.chars().count() > FITS {
        let cut: String = name.chars().take(FITS - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        name.to_string()
    };
    let body = format!(
        "<title>{}</title><rect class=\"{class}\" x=\"{x:.0}\" y=\"{y:.0}\" width=\"{width:.0}\" height=\"{BOX_H:.0}\" rx=\"4\"/>\
         <text x=\"{:.0}\" y=\"{:.0}\">{}</text>",
        h(name),
        x + 8.0,
        y + BOX_H / 2.0 + 4.5,
        h(&shown)
    );
    match href {
        Some(href) => {
            let _ = writeln!(svg, "<a href=\"{}\">{body}</a>", h(href));
        }
        None => {
            let _ = writeln!(svg, "<g>{body}</g>");
        }
    }
}
