//! Drawing one page of the flowchart table as SVG from its layout: the
//! grid and header, the text of each row, the symbols, the arrows with
//! their branch labels and the off-page connectors. Pure drawing: every
//! position comes from [`super::layout`].

use std::fmt::Write;

use super::flowchart::{
    ColumnKind, Flowchart, LINE_HEIGHT, MM_PER_UNIT, PAD_X, PAD_Y, Page, Role, Shape,
    default_header_size, header_line_height,
};
use super::geometry::{Point, Rect};
use crate::lang::Lang;
use crate::render::escape;

const STYLE: &str = "\
.grid{fill:none;stroke:#000;stroke-width:.8}\
.thin{stroke:#000;stroke-width:.6}\
.dots{stroke:#777;stroke-width:.6;stroke-dasharray:1.5 2}\
.head{fill:#e6e6e6}\
.band{fill:#f6f6f6}\
text{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;fill:#000}\
.c{font-size:9.5px}\
.h{font-size:9px;font-weight:bold}.ha{font-size:8px;font-weight:bold}\
.sym{fill:#fff;stroke:#000;stroke-width:1.2}\
.with{stroke-dasharray:3 2}\
.alt{stroke-dasharray:1.2 1.8;stroke-width:1}\
.link{stroke:#000;stroke-width:.8;stroke-dasharray:3 2}\
.arrow{fill:none;stroke:#000;stroke-width:1}\
.lbl{font-size:8px;font-style:italic;paint-order:stroke;stroke:#fff;stroke-width:3px}\
.con{fill:#fff;stroke:#000;stroke-width:1.2}\
.conl{font-size:10px;font-weight:bold}\
.cap{font-weight:bold}";

/// The word in a start or end capsule.
const CAPSULE_FONT: super::text::Font = super::text::Font::bold(8.0);

/// Formats a coordinate with at most one decimal, so output is stable.
fn n(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

/// The SVG of page `page`, sized in millimetres for A4 landscape.
pub fn page(chart: &Flowchart, page: &Page, lang: Lang) -> String {
    let w = chart.width();
    let h = page.height;
    let scale = if h > chart.max_height { chart.max_height / h } else { 1.0 };
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\" viewBox=\"0 0 {} {}\" \
         width=\"{}mm\" height=\"{}mm\">\n<style>{STYLE}</style>\n",
        n(w),
        n(h),
        n(w * MM_PER_UNIT * scale),
        n(h * MM_PER_UNIT * scale),
    );
    let marker = format!("ah{}", page.number);
    let _ = writeln!(
        s,
        "<defs><marker id=\"{marker}\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" \
         markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
         <path d=\"M0,0 L8,4 L0,8 z\"/></marker></defs>"
    );
    grid(&mut s, chart, page, lang);
    rows(&mut s, chart, page);
    // Dashed links between a step's symbol and its `with` markers, under
    // the symbols.
    for (row, i) in page.rows.iter().flat_map(|r| r.steps().map(move |i| (r, i))) {
        let xs: Vec<f64> =
            page.symbols.iter().filter(|y| y.step == i).map(|y| y.rect.cx()).collect();
        if xs.len() > 1 {
            let lo = xs.iter().copied().fold(f64::MAX, f64::min);
            let hi = xs.iter().copied().fold(f64::MIN, f64::max);
            let cy = row.y + row.h / 2.0;
            let _ = writeln!(
                s,
                "<line class=\"link\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                n(lo),
                n(cy),
                n(hi),
                n(cy)
            );
        }
    }
    for y in &page.symbols {
        symbol(&mut s, y.shape, y.role, y.rect);
        if let Some(word) = y.text {
            capsule_text(&mut s, y.rect, word);
        }
    }
    for o in &page.outcomes {
        symbol(&mut s, Shape::Capsule, Role::Main, o.rect);
        capsule_text(&mut s, o.rect, o.text);
    }
    for c in &page.connectors {
        let r = c.rect;
        let _ = writeln!(
            s,
            "<polygon class=\"con\" points=\"{}\"/><text class=\"conl\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            pentagon(r),
            n(r.cx()),
            n(r.y + r.h * 0.5 + 2.0),
            escape::html(&c.label)
        );
    }
    // Arrows over the symbols they touch, each with its label in one
    // group, so a reader (and the geometry test) knows whose label it is;
    // then the arrows into the end capsules beside decisions.
    let edges = page.arrows.iter().map(|a| (&a.points, &a.label));
    let outcomes = page.outcomes.iter().map(|o| (&o.points, &o.label));
    for (points, label) in edges.chain(outcomes) {
        let pts: Vec<String> = points.iter().map(|p| format!("{},{}", n(p.x), n(p.y))).collect();
        let _ = write!(
            s,
            "<g class=\"edge\"><polyline class=\"arrow\" points=\"{}\" marker-end=\"url(#{marker})\"/>",
            pts.join(" ")
        );
        if let Some((text, at, end)) = label {
            let anchor = if *end { " text-anchor=\"end\"" } else { "" };
            let _ = write!(
                s,
                "<text class=\"lbl\" x=\"{}\" y=\"{}\"{anchor}>{}</text>",
                n(at.x),
                n(at.y),
                escape::html(text)
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// "Mulai" or "Selesai" centred in a capsule, shrunk to fit a narrow one.
fn capsule_text(s: &mut String, r: Rect, word: &str) {
    let full = CAPSULE_FONT.width(word);
    let room = (r.w - 6.0).max(1.0);
    let size = if full > room { CAPSULE_FONT.size * room / full } else { CAPSULE_FONT.size };
    let _ = writeln!(
        s,
        "<text class=\"cap\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\">{}</text>",
        n(r.cx()),
        n(r.cy() + size * 0.35),
        n(size),
        escape::html(word)
    );
}

/// The off-page connector: a pentagon pointing down.
fn pentagon(r: Rect) -> String {
    let pts = [
        Point::new(r.x, r.y),
        Point::new(r.right(), r.y),
        Point::new(r.right(), r.y + r.h * 0.62),
        Point::new(r.cx(), r.bottom()),
        Point::new(r.x, r.y + r.h * 0.62),
    ];
    pts.iter().map(|p| format!("{},{}", n(p.x), n(p.y))).collect::<Vec<_>>().join(" ")
}

fn symbol(s: &mut String, shape: Shape, role: Role, r: Rect) {
    let class = match role {
        Role::Main => "sym",
        Role::With => "sym with",
        Role::Alternate => "sym alt",
    };
    let rect = |s: &mut String, r: Rect, rx: f64| {
        let _ = writeln!(
            s,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>",
            n(r.x),
            n(r.y),
            n(r.w),
            n(r.h),
            if rx > 0.0 { format!(" rx=\"{}\"", n(rx)) } else { String::new() }
        );
    };
    match shape {
        Shape::Capsule => rect(s, r, r.h / 2.0),
        Shape::Process => rect(s, r, 0.0),
        Shape::SubProcess => {
            rect(s, r, 0.0);
            rect(s, Rect::new(r.x + 3.0, r.y + 3.0, r.w - 6.0, r.h - 6.0), 0.0);
        }
        Shape::Decision => {
            let _ = writeln!(
                s,
                "<polygon class=\"{class}\" points=\"{},{} {},{} {},{} {},{}\"/>",
                n(r.cx()),
                n(r.y),
                n(r.right()),
                n(r.cy()),
                n(r.cx()),
                n(r.bottom()),
                n(r.x),
                n(r.cy())
            );
        }
    }
}

fn grid(s: &mut String, chart: &Flowchart, page: &Page, lang: Lang) {
    let labels = lang.labels();
    let w = chart.width();
    let hh = chart.header.height;
    let gh = chart.header.group_height;
    let _ = writeln!(
        s,
        "<rect class=\"head\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"/>",
        n(w),
        n(hh)
    );
    for band in [page.top_band, page.bottom_band].into_iter().flatten() {
        let _ = writeln!(
            s,
            "<rect class=\"band\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            n(band.y),
            n(w),
            n(band.h)
        );
    }
    let _ = writeln!(
        s,
        "<rect class=\"grid\" x=\"0\" y=\"0\" width=\"{}\" height=\"{}\"/>",
        n(w),
        n(page.height)
    );
    // Group header row: Pelaksana over the actors, Mutu Baku over three.
    let span = |pred: &dyn Fn(ColumnKind) -> bool| {
        let cols: Vec<_> = chart.columns.iter().filter(|c| pred(c.kind)).collect();
        let lo = cols.iter().map(|c| c.x).fold(f64::MAX, f64::min);
        let hi = cols.iter().map(|c| c.right()).fold(f64::MIN, f64::max);
        (lo, hi)
    };
    let actors = span(&|k| matches!(k, ColumnKind::Actor(_) | ColumnKind::Channel));
    let mutu =
        span(&|k| matches!(k, ColumnKind::Requirements | ColumnKind::Time | ColumnKind::Output));
    for (text, (lo, hi)) in [(labels.actors, actors), (labels.quality_standard, mutu)] {
        if lo > hi {
            // The swimlane sheet has no Mutu Baku columns.
            continue;
        }
        let _ = writeln!(
            s,
            "<line class=\"thin\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\
             <text class=\"h\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            n(lo),
            n(gh),
            n(hi),
            n(gh),
            n((lo + hi) / 2.0),
            n(gh / 2.0 + 3.5),
            escape::html(text)
        );
    }
    let _ = writeln!(
        s,
        "<line class=\"grid\" x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        n(hh),
        n(w),
        n(hh)
    );
    // Column rules and header labels.
    for (i, c) in chart.columns.iter().enumerate() {
        let grouped = matches!(
            c.kind,
            ColumnKind::Actor(_)
                | ColumnKind::Channel
                | ColumnKind::Requirements
                | ColumnKind::Time
                | ColumnKind::Output
        );
        if i > 0 {
            let prev = chart.columns.get(i - 1).map(|p| p.kind);
            let inner = grouped && prev.is_some_and(|p| same_group(p, c.kind));
            let top = if inner { gh } else { 0.0 };
            let class = if c.kind == ColumnKind::Channel { "dots" } else { "thin" };
            let _ = writeln!(
                s,
                "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                n(c.x),
                n(top),
                n(c.x),
                n(page.height)
            );
        }
        let lines = chart.header.labels.get(i).map_or(&[][..], Vec::as_slice);
        let (top, bottom) = if grouped { (gh, hh) } else { (0.0, hh) };
        let actor = matches!(c.kind, ColumnKind::Actor(_));
        let size = chart.header.sizes.get(i).copied().unwrap_or(default_header_size(c.kind));
        let line_h = header_line_height(c.kind, size);
        let block = lines.len() as f64 * line_h;
        let first = top + (bottom - top - block) / 2.0 + line_h - 2.5 * line_h / LINE_HEIGHT;
        if !lines.iter().all(String::is_empty) {
            let class = if actor { "ha" } else { "h" };
            let size = if size == default_header_size(c.kind) {
                String::new()
            } else {
                format!(" style=\"font-size:{}px\"", n(size))
            };
            let _ = write!(s, "<text class=\"{class}\"{size} text-anchor=\"middle\">");
            for (k, line) in lines.iter().enumerate() {
                let _ = write!(
                    s,
                    "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                    n(c.center()),
                    n(first + k as f64 * line_h),
                    escape::html(line)
                );
            }
            s.push_str("</text>\n");
        }
    }
    // Row rules; none between the bands of one numbered row (`same_row`).
    let mut ys: Vec<f64> = page
        .rows
        .iter()
        .enumerate()
        .filter(|(k, _)| !page.rows.get(k + 1).is_some_and(|next| next.continues))
        .map(|(_, r)| r.y + r.h)
        .collect();
    if let Some(b) = page.top_band {
        ys.push(b.y + b.h);
    }
    for y in ys {
        let _ = writeln!(
            s,
            "<line class=\"thin\" x1=\"0\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            n(y),
            n(w),
            n(y)
        );
    }
}

fn same_group(a: ColumnKind, b: ColumnKind) -> bool {
    let pel = |k| matches!(k, ColumnKind::Actor(_) | ColumnKind::Channel);
    let mutu = |k| matches!(k, ColumnKind::Requirements | ColumnKind::Time | ColumnKind::Output);
    (pel(a) && pel(b)) || (mutu(a) && mutu(b))
}

fn rows(s: &mut String, chart: &Flowchart, page: &Page) {
    for row in &page.rows {
        for cell in &row.cells {
            let Some(col) = chart.columns.get(cell.column) else { continue };
            if cell.lines.iter().all(|l| l.text.is_empty()) {
                continue;
            }
            let centred = col.kind == ColumnKind::No;
            let anchor = if centred { " text-anchor=\"middle\"" } else { "" };
            let _ = write!(s, "<text class=\"c\"{anchor}>");
            for (k, line) in cell.lines.iter().enumerate() {
                let x = if centred { col.center() } else { col.x + PAD_X + line.dx };
                let y = row.y + PAD_Y + LINE_HEIGHT - 3.0 + k as f64 * LINE_HEIGHT;
                let _ = write!(
                    s,
                    "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                    n(x),
                    n(y),
                    escape::html(&line.text)
                );
            }
            s.push_str("</text>\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.25), "1.3");
        assert_eq!(n(-0.01), "0");
        assert_eq!(n(12.04), "12");
    }

    #[test]
    fn pentagon_points_down() {
        assert_eq!(pentagon(Rect::new(0.0, 0.0, 20.0, 20.0)), "0,0 20,0 20,12.4 10,20 0,12.4");
    }
}
