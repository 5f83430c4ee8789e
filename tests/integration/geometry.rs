//! The geometry checker of issue 11: reads the SVG a renderer produced (the
//! text, never the layout data) and counts, per page, what would mislead a
//! reader of the printed flowchart:
//!
//! - `shared`: arrow pairs of different targets that run along the same
//!   line for more than a pixel, and arrows into one target that share
//!   more than their last stretch;
//! - `label_label`, `label_symbol`, `label_arrow`: a branch label's box
//!   meeting another label, a symbol, or another arrow's segment;
//! - `through_symbol`: an arrow segment running through a symbol;
//! - `near_symbol`: an arrow segment touching a symbol or running along
//!   its edge (within a pixel) other than where the arrow leaves or
//!   enters it: a line flush with a capsule's side reads as part of it;
//! - `on_table_line`: an arrow segment lying on a table rule (where it
//!   vanishes), turns included.
//!
//! An arrow is a `<polyline class="arrow">`; its target is its end point.
//! A label is the `<text class="lbl">` inside the same `<g class="edge">`.
//! Symbols are `class="sym"` rects and polygons and `class="con"`
//! connectors; table rules are `class="thin|grid|dots"` lines and the
//! outline rect. Shared with the layout checks (capsule ratio, split
//! words, page count), which extend [`Svg`] and [`Counts`].

use sopmap::render::document::text::Font;

/// One element of the SVG: its name, attributes, and (for `text`) the
/// text it holds.
#[derive(Clone, Debug, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    /// For `text`: the text of each `<tspan>`, one printed line each.
    pub lines: Vec<String>,
    /// Index of the enclosing `<g class="edge">`, if any.
    pub edge: Option<usize>,
}

impl Element {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    pub fn num(&self, key: &str) -> f64 {
        self.attr(key).and_then(|v| v.trim_end_matches("mm").parse().ok()).unwrap_or(0.0)
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split_whitespace().any(|w| w == class))
    }

    pub fn points(&self) -> Vec<(f64, f64)> {
        self.attr("points")
            .unwrap_or("")
            .split_whitespace()
            .filter_map(|p| {
                let (x, y) = p.split_once(',')?;
                Some((x.parse().ok()?, y.parse().ok()?))
            })
            .collect()
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// A small XML reader, enough for the SVG sopmap writes: start, empty and
/// end tags with quoted attributes, text inside `<text>` and `<tspan>`.
pub fn elements(svg: &str) -> Vec<Element> {
    let mut out: Vec<Element> = Vec::new();
    let mut edge_stack: Vec<Option<usize>> = Vec::new();
    let mut edges = 0usize;
    let mut text_of: Option<usize> = None;
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        if let Some(i) = text_of {
            let t = unescape(&rest[..lt]);
            out[i].text.push_str(&t);
            if let Some(line) = out[i].lines.last_mut() {
                line.push_str(&t);
            }
        }
        rest = &rest[lt + 1..];
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match name.trim() {
                "g" => {
                    edge_stack.pop();
                }
                "text" => text_of = None,
                _ => {}
            }
            continue;
        }
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let empty = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = tag[..name_end].to_string();
        let mut attrs = Vec::new();
        let mut a = &tag[name_end..];
        while let Some(eq) = a.find('=') {
            let key = a[..eq].trim().to_string();
            let after = &a[eq + 1..];
            let quote = after.chars().next().unwrap_or('"');
            let body = &after[1..];
            let end = body.find(quote).unwrap_or(body.len());
            attrs.push((key, unescape(&body[..end])));
            a = body.get(end + 1..).unwrap_or("");
        }
        let enclosing = edge_stack.last().copied().flatten();
        if let Some(i) = text_of.filter(|_| name == "tspan") {
            out[i].lines.push(String::new());
            // A text set on lines is placed by its first line.
            for key in ["x", "y"] {
                if out[i].attr(key).is_none()
                    && let Some((_, v)) = attrs.iter().find(|(k, _)| k == key)
                {
                    out[i].attrs.push((key.to_string(), v.clone()));
                }
            }
        }
        let mut e =
            Element { name, attrs, text: String::new(), lines: Vec::new(), edge: enclosing };
        if e.name == "g" && !empty {
            if e.has_class("edge") {
                edge_stack.push(Some(edges));
                e.edge = Some(edges);
                edges += 1;
            } else {
                edge_stack.push(enclosing);
            }
        }
        // Lines of a text (tspans) read as separate words.
        if e.name == "tspan"
            && let Some(i) = text_of
            && !out[i].text.is_empty()
        {
            out[i].text.push('\n');
        }
        let is_text = e.name == "text" && !empty;
        out.push(e);
        if is_text {
            text_of = Some(out.len() - 1);
        }
    }
    out
}

/// The `<svg class="flow">` pages of a document, in order.
pub fn pages_of_html(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg ") {
        let Some(len) = rest[start..].find("</svg>") else { break };
        out.push(&rest[start..start + len + 6]);
        rest = &rest[start + len + 6..];
    }
    out
}

type P = (f64, f64);

/// An axis-aligned box.
#[derive(Clone, Copy, Debug)]
pub struct BBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl BBox {
    fn meets(&self, o: &BBox) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Length of the part of segment a-b strictly inside this box.
    fn inside(&self, a: P, b: P, inset: f64) -> f64 {
        let (x0, x1, y0, y1) = (self.x0 + inset, self.x1 - inset, self.y0 + inset, self.y1 - inset);
        clip(a, b, |p| p.0 > x0 && p.0 < x1 && p.1 > y0 && p.1 < y1)
    }
}

/// Length of the part of a-b where `inside` holds, sampled finely (arrows
/// are short; 0.25-unit steps are exact enough for a one-pixel rule).
fn clip(a: P, b: P, inside: impl Fn(P) -> bool) -> f64 {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    if len == 0.0 {
        return 0.0;
    }
    let steps = (len / 0.25).ceil() as usize;
    let step = len / steps as f64;
    (0..steps)
        .filter(|&k| {
            let t = (k as f64 + 0.5) / steps as f64;
            inside((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
        })
        .count() as f64
        * step
}

/// A symbol as drawn: a box (process, capsule, connector) or a diamond.
#[derive(Clone, Copy, Debug)]
pub enum Symbol {
    Box(BBox),
    Diamond { cx: f64, cy: f64, hw: f64, hh: f64 },
}

impl Symbol {
    pub fn bbox(&self) -> BBox {
        match *self {
            Symbol::Box(b) => b,
            Symbol::Diamond { cx, cy, hw, hh } => {
                BBox { x0: cx - hw, y0: cy - hh, x1: cx + hw, y1: cy + hh }
            }
        }
    }

    fn inside(&self, a: P, b: P) -> f64 {
        match *self {
            Symbol::Box(r) => r.inside(a, b, 0.5),
            Symbol::Diamond { cx, cy, hw, hh } => {
                clip(a, b, |p| (p.0 - cx).abs() / hw + (p.1 - cy).abs() / hh < 0.97)
            }
        }
    }

    /// Distance from `p` to the drawn outline or inside (0 inside).
    fn distance(&self, p: P) -> f64 {
        match *self {
            Symbol::Box(r) => {
                let dx = (r.x0 - p.0).max(p.0 - r.x1).max(0.0);
                let dy = (r.y0 - p.1).max(p.1 - r.y1).max(0.0);
                dx.hypot(dy)
            }
            Symbol::Diamond { cx, cy, hw, hh } => {
                if (p.0 - cx).abs() / hw + (p.1 - cy).abs() / hh <= 1.0 {
                    return 0.0;
                }
                let v = [(cx, cy - hh), (cx + hw, cy), (cx, cy + hh), (cx - hw, cy)];
                (0..4).map(|k| point_segment(p, v[k], v[(k + 1) % 4])).fold(f64::MAX, f64::min)
            }
        }
    }

    /// Whether a label box meets the shape (a diamond's corners are free).
    fn meets(&self, l: &BBox) -> bool {
        match *self {
            Symbol::Box(r) => r.meets(l),
            Symbol::Diamond { cx, cy, hw, hh } => {
                if !self.bbox().meets(l) {
                    return false;
                }
                // Nearest point of the label box to the centre.
                let nx = cx.clamp(l.x0, l.x1);
                let ny = cy.clamp(l.y0, l.y1);
                (nx - cx).abs() / hw + (ny - cy).abs() / hh < 1.0
            }
        }
    }
}

fn point_segment(p: P, a: P, b: P) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// How close an arrow may come to a symbol it does not leave or enter.
const NEAR: f64 = 1.0;
/// Around its two ends an arrow meets its own symbols: this much of it is
/// not judged for nearness.
const END_ZONE: f64 = 2.5;

/// Whether segment a-b (of an arrow from `start` to `end`) comes within
/// [`NEAR`] of `sym` away from the arrow's ends, without running through
/// it (counted apart).
fn runs_near(a: P, b: P, start: P, end: P, sym: &Symbol) -> bool {
    let bb = sym.bbox();
    let (x0, x1) = (a.0.min(b.0) - NEAR, a.0.max(b.0) + NEAR);
    let (y0, y1) = (a.1.min(b.1) - NEAR, a.1.max(b.1) + NEAR);
    if x1 < bb.x0 || x0 > bb.x1 || y1 < bb.y0 || y0 > bb.y1 {
        return false;
    }
    let len = (b.0 - a.0).hypot(b.1 - a.1);
    let steps = (len / 0.25).ceil().max(1.0) as usize;
    (0..=steps).any(|k| {
        let t = k as f64 / steps as f64;
        let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        let off_ends = (p.0 - start.0).hypot(p.1 - start.1) > END_ZONE
            && (p.0 - end.0).hypot(p.1 - end.1) > END_ZONE;
        off_ends && sym.distance(p) <= NEAR
    })
}

/// A page read back from its SVG.
#[derive(Clone, Debug, Default)]
pub struct Svg {
    pub elements: Vec<Element>,
    /// Arrow polylines with the edge group they belong to.
    pub arrows: Vec<(Option<usize>, Vec<P>)>,
    pub symbols: Vec<Symbol>,
    /// Branch labels: box, text, edge group.
    pub labels: Vec<(BBox, String, Option<usize>)>,
    /// Table rules: horizontal (y, x0, x1) and vertical (x, y0, y1).
    pub rules_h: Vec<(f64, f64, f64)>,
    pub rules_v: Vec<(f64, f64, f64)>,
}

const LABEL_FONT: Font = Font::regular(8.0);

impl Svg {
    pub fn parse(svg: &str) -> Svg {
        let elements = elements(svg);
        let mut s = Svg::default();
        for e in &elements {
            match e.name.as_str() {
                "polyline" if e.has_class("arrow") => s.arrows.push((e.edge, e.points())),
                "rect" if e.has_class("sym") => {
                    let (x, y) = (e.num("x"), e.num("y"));
                    s.symbols.push(Symbol::Box(BBox {
                        x0: x,
                        y0: y,
                        x1: x + e.num("width"),
                        y1: y + e.num("height"),
                    }));
                }
                "polygon" if e.has_class("sym") => {
                    let p = e.points();
                    let (xs, ys): (Vec<f64>, Vec<f64>) = p.iter().copied().unzip();
                    let (x0, x1) = (fold_min(&xs), fold_max(&xs));
                    let (y0, y1) = (fold_min(&ys), fold_max(&ys));
                    s.symbols.push(Symbol::Diamond {
                        cx: (x0 + x1) / 2.0,
                        cy: (y0 + y1) / 2.0,
                        hw: (x1 - x0) / 2.0,
                        hh: (y1 - y0) / 2.0,
                    });
                }
                "polygon" if e.has_class("con") => {
                    let (xs, ys): (Vec<f64>, Vec<f64>) = e.points().into_iter().unzip();
                    s.symbols.push(Symbol::Box(BBox {
                        x0: fold_min(&xs),
                        y0: fold_min(&ys),
                        x1: fold_max(&xs),
                        y1: fold_max(&ys),
                    }));
                }
                "text" if e.has_class("lbl") => {
                    let lines: Vec<&str> = e.text.lines().collect();
                    let w = lines.iter().map(|l| LABEL_FONT.width(l)).fold(0.0, f64::max);
                    let x = e.num("x");
                    let x0 = match e.attr("text-anchor") {
                        Some("end") => x - w,
                        Some("middle") => x - w / 2.0,
                        _ => x,
                    };
                    let y = e.num("y");
                    let h = 9.0 * lines.len().max(1) as f64;
                    s.labels.push((
                        BBox { x0, y0: y - 6.0, x1: x0 + w, y1: y - 6.0 + h - 1.0 },
                        e.text.clone(),
                        e.edge,
                    ));
                }
                "line" if e.has_class("thin") || e.has_class("grid") || e.has_class("dots") => {
                    let (x1, y1, x2, y2) = (e.num("x1"), e.num("y1"), e.num("x2"), e.num("y2"));
                    if (y1 - y2).abs() < 1e-6 {
                        s.rules_h.push((y1, x1.min(x2), x1.max(x2)));
                    } else if (x1 - x2).abs() < 1e-6 {
                        s.rules_v.push((x1, y1.min(y2), y1.max(y2)));
                    }
                }
                "rect" if e.has_class("grid") => {
                    let (x, y, w, h) = (e.num("x"), e.num("y"), e.num("width"), e.num("height"));
                    s.rules_h.extend([(y, x, x + w), (y + h, x, x + w)]);
                    s.rules_v.extend([(x, y, y + h), (x + w, y, y + h)]);
                }
                _ => {}
            }
        }
        s.elements = elements;
        s
    }
}

fn fold_min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::MAX, f64::min)
}

fn fold_max(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::MIN, f64::max)
}

/// The counts of one page (or a sum over pages).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub shared: usize,
    pub label_label: usize,
    pub label_symbol: usize,
    pub label_arrow: usize,
    /// A label as near another arrow's line as its own (within a unit):
    /// a reader pairs it with the wrong branch.
    pub label_nearer: usize,
    pub through_symbol: usize,
    pub near_symbol: usize,
    pub on_table_line: usize,
    /// Start/end capsules narrower than 1.5 times their height (they read
    /// as connector circles), and diamonds narrower than they are high.
    pub narrow_capsule: usize,
    pub narrow_diamond: usize,
    /// Lines of a header or cell that end inside a word with no hyphen
    /// ("Penangana" / "n"): counted by [`split_words`] against the SOP's
    /// own words, so only by [`check_sop_document`].
    pub split_word: usize,
    /// What each count found, for the failure message.
    pub details: Vec<String>,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.shared
            + self.label_label
            + self.label_symbol
            + self.label_arrow
            + self.label_nearer
            + self.through_symbol
            + self.near_symbol
            + self.on_table_line
            + self.narrow_capsule
            + self.narrow_diamond
            + self.split_word
    }

    pub fn add(&mut self, o: Counts) {
        self.shared += o.shared;
        self.label_label += o.label_label;
        self.label_symbol += o.label_symbol;
        self.label_arrow += o.label_arrow;
        self.label_nearer += o.label_nearer;
        self.through_symbol += o.through_symbol;
        self.near_symbol += o.near_symbol;
        self.on_table_line += o.on_table_line;
        self.narrow_capsule += o.narrow_capsule;
        self.narrow_diamond += o.narrow_diamond;
        self.split_word += o.split_word;
        self.details.extend(o.details);
    }

    pub fn summary(&self) -> String {
        format!(
            "shared {} label/label {} label/symbol {} label/arrow {} label-nearer-other {} through-symbol {} near-symbol {} \
             on-table-line {} narrow-capsule {} narrow-diamond {} split-word {}",
            self.shared,
            self.label_label,
            self.label_symbol,
            self.label_arrow,
            self.label_nearer,
            self.through_symbol,
            self.near_symbol,
            self.on_table_line,
            self.narrow_capsule,
            self.narrow_diamond,
            self.split_word
        )
    }
}

/// Collinear overlap length of two axis-aligned segments lying within
/// `near` of one line (0 when they are not parallel or do not overlap).
fn overlap(a: P, b: P, c: P, d: P, near: f64) -> f64 {
    let vert = |p: P, q: P| (p.0 - q.0).abs() < 1e-6;
    let horiz = |p: P, q: P| (p.1 - q.1).abs() < 1e-6;
    let run = |p1: f64, p2: f64, q1: f64, q2: f64| {
        (p1.max(p2).min(q1.max(q2)) - p1.min(p2).max(q1.min(q2))).max(0.0)
    };
    if vert(a, b) && vert(c, d) && !horiz(a, b) && (a.0 - c.0).abs() < near {
        run(a.1, b.1, c.1, d.1)
    } else if horiz(a, b) && horiz(c, d) && !vert(a, b) && (a.1 - c.1).abs() < near {
        run(a.0, b.0, c.0, d.0)
    } else {
        0.0
    }
}

/// Whether segment a-b meets box `l` (grown by nothing: the label's halo
/// already hides a line that merely touches it).
fn segment_meets(a: P, b: P, l: &BBox) -> bool {
    l.inside(a, b, 0.0) > 0.5
}

/// Counts the problems of one page.
pub fn check_page(svg: &str) -> Counts {
    let s = Svg::parse(svg);
    let mut c = Counts::default();
    let fmt = |p: &[P]| p.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ");
    // Shared stretches.
    for (i, (_, a)) in s.arrows.iter().enumerate() {
        for (_, b) in s.arrows.iter().skip(i + 1) {
            let same_target = a.last() == b.last();
            let (na, nb) = (a.len().saturating_sub(1), b.len().saturating_sub(1));
            let mut bad = false;
            for (ia, sa) in a.windows(2).enumerate() {
                for (ib, sb) in b.windows(2).enumerate() {
                    let len = overlap(sa[0], sa[1], sb[0], sb[1], 1.5);
                    if len <= 1.0 {
                        continue;
                    }
                    let both_last = ia + 1 == na && ib + 1 == nb;
                    if !same_target || !both_last {
                        bad = true;
                    }
                }
            }
            if bad {
                c.shared += 1;
                c.details.push(format!("shared stretch: [{}] and [{}]", fmt(a), fmt(b)));
            }
        }
    }
    // Segments through symbols and on table rules.
    for (_, a) in &s.arrows {
        for seg in a.windows(2) {
            let (p, q) = (seg[0], seg[1]);
            let (start, end) = (a.first().copied().unwrap_or(p), a.last().copied().unwrap_or(q));
            for sym in &s.symbols {
                if sym.inside(p, q) > 1.0 {
                    c.through_symbol += 1;
                    c.details.push(format!("through a symbol: {p:?}-{q:?} in {:?}", sym.bbox()));
                } else if runs_near(p, q, start, end, sym) {
                    c.near_symbol += 1;
                    c.details.push(format!(
                        "along a symbol's edge: {p:?}-{q:?} by {:?} in [{}]",
                        sym.bbox(),
                        fmt(a)
                    ));
                }
            }
            for &(y, x0, x1) in &s.rules_h {
                let len = overlap(p, q, (x0, y), (x1, y), 1.5);
                if len > 1.0 {
                    c.on_table_line += 1;
                    c.details.push(format!("on the row rule y={y}: {p:?}-{q:?}"));
                }
            }
            for &(x, y0, y1) in &s.rules_v {
                let len = overlap(p, q, (x, y0), (x, y1), 1.5);
                if len > 1.0 {
                    c.on_table_line += 1;
                    c.details.push(format!("on the column rule x={x}: {p:?}-{q:?}"));
                }
            }
        }
    }
    // Labels.
    for (i, (l, text, edge)) in s.labels.iter().enumerate() {
        for (m, other, _) in s.labels.iter().skip(i + 1) {
            if l.meets(m) {
                c.label_label += 1;
                c.details.push(format!("labels `{text}` and `{other}` overlap"));
            }
        }
        for sym in &s.symbols {
            if sym.meets(l) {
                c.label_symbol += 1;
                c.details.push(format!("label `{text}` {l:?} on a symbol {:?}", sym.bbox()));
            }
        }
        let dist = |a: &[P]| {
            a.windows(2)
                .map(|w| {
                    let dx = (w[0].0.min(w[1].0) - l.x1).max(l.x0 - w[0].0.max(w[1].0)).max(0.0);
                    let dy = (w[0].1.min(w[1].1) - l.y1).max(l.y0 - w[0].1.max(w[1].1)).max(0.0);
                    dx.hypot(dy)
                })
                .fold(f64::MAX, f64::min)
        };
        let own = s
            .arrows
            .iter()
            .filter(|(o, _)| o.is_some() && o == edge)
            .map(|(_, a)| dist(a))
            .fold(f64::MAX, f64::min);
        if let Some((_, a)) = s
            .arrows
            .iter()
            .filter(|(o, _)| !(o.is_some() && o == edge))
            .find(|(_, a)| dist(a) + 0.5 < own)
        {
            c.label_nearer += 1;
            c.details
                .push(format!("label `{text}` {l:?} nearer the arrow [{}] than its own", fmt(a)));
        }
        for (owner, a) in &s.arrows {
            if owner.is_some() && owner == edge {
                continue;
            }
            if a.windows(2).any(|seg| segment_meets(seg[0], seg[1], l)) {
                c.label_arrow += 1;
                c.details.push(format!("label `{text}` {l:?} on the arrow [{}]", fmt(a)));
            }
        }
    }
    // Shapes: a capsule is a `sym` rect with rounded ends, a decision a
    // `sym` polygon of four corners.
    for e in &s.elements {
        if !e.has_class("sym") {
            continue;
        }
        if e.name == "rect" && e.num("rx") > 0.0 {
            let (w, h) = (e.num("width"), e.num("height"));
            if w < 1.5 * h - 0.1 {
                c.narrow_capsule += 1;
                c.details.push(format!("capsule {w}x{h} at {},{}", e.num("x"), e.num("y")));
            }
        }
        let pts = e.points();
        if e.name == "polygon" && pts.len() == 4 {
            let w = fold_max(&pts.iter().map(|p| p.0).collect::<Vec<_>>())
                - fold_min(&pts.iter().map(|p| p.0).collect::<Vec<_>>());
            let h = fold_max(&pts.iter().map(|p| p.1).collect::<Vec<_>>())
                - fold_min(&pts.iter().map(|p| p.1).collect::<Vec<_>>());
            if w < h - 0.1 {
                c.narrow_diamond += 1;
                c.details.push(format!("diamond {w}x{h} at {:?}", pts.first()));
            }
        }
    }
    c
}

// ---------------------------------------------------------------------
// Words split across lines.

/// A word as compared: lowercase, without the punctuation around it.
fn norm(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

/// The words a SOP's text is made of (its YAML, and every label the
/// document prints in both languages), for telling a word cut in two from
/// two words.
pub fn vocabulary(yaml: &str) -> std::collections::HashSet<String> {
    let labels = format!("{:?} {:?}", Lang::Id.labels(), Lang::En.labels());
    let mut v = std::collections::HashSet::new();
    for t in yaml.split_whitespace().chain(labels.split_whitespace()) {
        let t = t.replace("\\n", " ");
        for piece in std::iter::once(t.as_str()).chain(t.split(['/', '-', '"', '\''])) {
            let n = norm(piece);
            if !n.is_empty() {
                v.insert(n);
            }
        }
    }
    v
}

/// Pairs of consecutive lines of one cell or header where the first ends
/// inside a word with no mark: its last token and the next line's first
/// token make a word of the SOP that the first alone is not, and the
/// break is not after a hyphen or slash. `(end, start)` of each.
pub fn split_words(
    lines: &[String],
    vocab: &std::collections::HashSet<String>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let (Some(end), Some(start)) =
            (pair[0].split_whitespace().last(), pair[1].split_whitespace().next())
        else {
            continue;
        };
        if end.ends_with(['-', '/', '\u{2010}', '\u{ad}']) {
            continue;
        }
        let (e, st) = (norm(end), norm(start));
        if e.is_empty() || st.is_empty() {
            continue;
        }
        let joined = norm(&format!("{end}{start}"));
        if vocab.contains(&joined) && (!vocab.contains(&e) || !vocab.contains(&st)) {
            out.push((end.to_string(), start.to_string()));
        }
    }
    out
}

/// [`check_document`] plus the words split across lines in any text of
/// the flowchart pages, judged against the SOP's own words.
pub fn check_sop_document(html: &str, yaml: &str) -> Counts {
    let vocab = vocabulary(yaml);
    let mut total = check_document(html);
    for (k, page) in pages_of_html(html).into_iter().enumerate() {
        for e in elements(page) {
            for (end, start) in split_words(&e.lines, &vocab) {
                total.split_word += 1;
                total.details.push(format!("page {}: `{end}` / `{start}` split", k + 1));
            }
        }
    }
    total
}

/// Sums the counts over every page of a document.
pub fn check_document(html: &str) -> Counts {
    let mut total = Counts::default();
    for (k, page) in pages_of_html(html).into_iter().enumerate() {
        let mut c = check_page(page);
        for d in &mut c.details {
            *d = format!("page {}: {d}", k + 1);
        }
        total.add(c);
    }
    total
}

#[test]
fn the_checker_sees_what_it_counts() {
    // Two arrows of different targets on one vertical line, one through a
    // box, a label on a symbol, and a run along a row rule.
    let svg = r#"<svg><line class="thin" x1="0" y1="100" x2="300" y2="100"/>
<rect class="sym" x="40" y="40" width="40" height="20"/>
<g class="edge"><polyline class="arrow" points="10,0 10,80 20,80"/><text class="lbl" x="45" y="50">Ya</text></g>
<g class="edge"><polyline class="arrow" points="10,20 10,90 30,90"/></g>
<g class="edge"><polyline class="arrow" points="60,0 60,30"/></g>
<g class="edge"><polyline class="arrow" points="0,50 120,50"/></g>
<g class="edge"><polyline class="arrow" points="150,100 200,100 200,120"/></g>
</svg>"#;
    let c = check_page(svg);
    assert_eq!(c.shared, 1, "{:?}", c.details);
    assert_eq!(c.through_symbol, 1, "{:?}", c.details);
    assert_eq!(c.label_symbol, 1, "{:?}", c.details);
    assert_eq!(c.label_arrow, 1, "{:?}", c.details);
    assert_eq!(c.on_table_line, 1, "{:?}", c.details);
    assert_eq!(c.near_symbol, 0, "{:?}", c.details);
    // Flush along a capsule's side, and touching a diamond's corner: both
    // counted; leaving a symbol and entering another is not.
    let near = r#"<svg><rect class="sym" x="40" y="40" width="40" height="20" rx="10"/>
<polygon class="sym" points="150,0 170,20 150,40 130,20"/>
<g class="edge"><polyline class="arrow" points="80.5,0 80.5,100"/></g>
<g class="edge"><polyline class="arrow" points="100,-0.5 200,-0.5"/></g>
<g class="edge"><polyline class="arrow" points="60,60 60,80 150,80 150,40"/></g>
<g class="edge"><polyline class="arrow" points="170,20 190,20 190,60"/></g></svg>"#;
    let c = check_page(near);
    assert_eq!((c.near_symbol, c.through_symbol), (2, 0), "{:?}", c.details);
    // A label beside another branch's line, further from its own.
    let nearer = r#"<svg><g class="edge"><polyline class="arrow" points="0,0 0,100"/><text class="lbl" x="14" y="50">Ya</text></g>
<g class="edge"><polyline class="arrow" points="12,0 12,100"/></g></svg>"#;
    assert_eq!(check_page(nearer).label_nearer, 1);
    // Merging into one target on the last stretch is fine.
    let merge = r#"<svg><g class="edge"><polyline class="arrow" points="0,10 50,10 50,40"/></g>
<g class="edge"><polyline class="arrow" points="100,20 50,20 50,40"/></g></svg>"#;
    assert_eq!(check_page(merge).total(), 0);
    // A diamond's free corners may hold a label; its inside may not.
    let diamond = r#"<svg><polygon class="sym" points="50,0 70,20 50,40 30,20"/>
<text class="lbl" x="62" y="6">Ya</text><text class="lbl" x="45" y="24">X</text></svg>"#;
    assert_eq!(check_page(diamond).label_symbol, 1);
    // A capsule as narrow as a circle, a diamond taller than wide.
    let shapes = r#"<svg><rect class="sym" x="0" y="0" width="22" height="24" rx="12"/>
<rect class="sym" x="0" y="40" width="36" height="24" rx="12"/>
<rect class="sym" x="0" y="80" width="20" height="24"/>
<polygon class="sym" points="50,0 60,17 50,34 40,17"/></svg>"#;
    let c = check_page(shapes);
    assert_eq!((c.narrow_capsule, c.narrow_diamond), (1, 1), "{:?}", c.details);
}

#[test]
fn the_checker_sees_words_split_across_lines() {
    let yaml = "actors:\n  - name: Penanganan Administrasi\nsteps:\n  - activity: \"30 menit (menunggu pihak luar)\"\n";
    let html = r#"<svg class="flow"><text class="ha"><tspan x="1" y="1">Penangana</tspan><tspan x="1" y="2">n Administrasi</tspan></text>
<text class="c"><tspan>(menungg</tspan><tspan>u pihak</tspan><tspan>luar)</tspan></text>
<text class="c"><tspan>(me-</tspan><tspan>nunggu pihak</tspan></text>
<text class="c"><tspan>Penanganan</tspan><tspan>Administrasi</tspan></text></svg>"#;
    let c = check_sop_document(html, yaml);
    assert_eq!(c.split_word, 2, "{:?}", c.details);
}

// ---------------------------------------------------------------------
// The corpora of the issue, through the document renderer.

use sopmap::check::{Settings, check_file as check_source};
use sopmap::lang::Lang;
use sopmap::render::document::{LinkedSops, Options, document};
use sopmap::source::SourceFile;

use crate::harness::repo;

/// The document HTML of a SOP given as YAML (errors or not: geometry is
/// judged on whatever would be printed with `--force`).
pub fn document_html(yaml: &str, rows_per_page: usize, lang: Lang) -> Option<String> {
    let src = SourceFile::new("t.yaml", yaml);
    let c = check_source(&src, 0, &Settings::default());
    let (sop, graph) = (c.sop?, c.graph?);
    let options = Options { lang, rows_per_page, ..Options::default() };
    Some(document(&sop, &graph, &options, &LinkedSops::default()))
}

/// Every bundled SOP (`sops/*.yaml`), as (name, YAML).
pub fn bundled_sops() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(repo("sops"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn assert_clean(what: &str, c: &Counts) {
    eprintln!("geometry: {what}: {}", c.summary());
    assert_zero(what, c);
}

fn assert_zero(what: &str, c: &Counts) {
    assert!(
        c.total() == 0,
        "{what}: {}\n{}",
        c.summary(),
        c.details.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn bundled_documents_have_no_misleading_geometry() {
    let mut total = Counts::default();
    for (name, yaml) in bundled_sops() {
        for rows in [3, 8, 20] {
            for lang in [Lang::Id, Lang::En] {
                let html = document_html(&yaml, rows, lang).unwrap();
                let mut c = check_sop_document(&html, &yaml);
                for d in &mut c.details {
                    *d = format!("{name}, {rows} rows per page, {lang:?}: {d}");
                }
                total.add(c);
            }
        }
    }
    assert_clean("bundled SOPs", &total);
}

// The generator (examples/gen_corpus.rs), loaded once by `scale`.
use crate::scale::gen_corpus;

/// Sums the counts of many SOPs' documents, naming the SOP in each detail.
fn check_all(sops: &[(String, String)], rows_per_page: usize) -> Counts {
    let mut total = Counts::default();
    for (id, yaml) in sops {
        let Some(html) = document_html(yaml, rows_per_page, Lang::Id) else {
            panic!("{id} does not parse");
        };
        let mut c = check_sop_document(&html, yaml);
        for d in &mut c.details {
            *d = format!("{id}: {d}");
        }
        total.add(c);
    }
    total
}

#[test]
fn generated_sops_over_many_actors_and_branches_have_no_misleading_geometry() {
    let sops = gen_corpus::generate(200, 11, None, (3, 12), (2, 6));
    assert_eq!(sops.len(), 200);
    assert_clean("200 generated SOPs (3-12 actors, 2-6 branches)", &check_all(&sops, 8));
}

#[test]
fn a_64_step_12_actor_sop_has_no_misleading_geometry() {
    let sops = gen_corpus::generate(3, 64, Some(64), (12, 12), (2, 6));
    for rows in [8, 20] {
        assert_clean(
            &format!("64 steps, 12 actors, {rows} rows per page"),
            &check_all(&sops, rows),
        );
    }
}

/// Real SOPs carry whole paragraphs in Kegiatan: rows get tall, and turns
/// must still stay off the row rules.
#[test]
fn activity_texts_of_300_characters_keep_arrows_off_the_rules() {
    let long = " dengan memeriksa kelengkapan berkas, mencocokkan data pemohon pada \
                aplikasi layanan, mencatat hasil pemeriksaan pada buku agenda, dan \
                menyampaikan tanda terima kepada pemohon beserta perkiraan waktu \
                penyelesaian sesuai standar pelayanan yang berlaku di unit kerja";
    let sops: Vec<(String, String)> = gen_corpus::generate(20, 300, None, (3, 12), (2, 6))
        .into_iter()
        .map(|(id, yaml)| {
            let text: String = yaml
                .lines()
                .map(|l| match l.strip_prefix("    activity: ") {
                    Some(a) => format!("    activity: \"{}{long}\"\n", a.trim_matches('"')),
                    None => format!("{l}\n"),
                })
                .collect();
            (id, text)
        })
        .collect();
    assert!(sops.iter().all(|(_, y)| y.lines().any(|l| l.len() > 300)));
    assert_clean("activity texts of 300+ characters", &check_all(&sops, 8));
}

/// `render --format svg` draws from the flowchart grid: the same counts,
/// and lanes left to right in `actors` order.
#[test]
fn swimlane_svgs_have_no_misleading_geometry_and_lanes_in_actors_order() {
    use sopmap::render::document::swimlane_svg;
    let mut total = Counts::default();
    let mut sops = bundled_sops();
    sops.extend(gen_corpus::generate(40, 7, None, (3, 12), (2, 6)));
    for (name, yaml) in &sops {
        let src = SourceFile::new("t.yaml", yaml);
        let c = check_source(&src, 0, &Settings::default());
        let sop = c.sop.unwrap();
        let svg = swimlane_svg(&sop, &c.graph.unwrap(), Lang::Id, &[]);
        let mut counts = check_page(&svg);
        for d in &mut counts.details {
            *d = format!("{name}: {d}");
        }
        total.add(counts);
        // Actor headers are `class="ha"` texts, one per lane, left to right.
        let got: Vec<String> = elements(&svg)
            .into_iter()
            .filter(|e| e.name == "text" && e.has_class("ha"))
            .map(|e| e.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        // The x of each header's first line.
        let xs: Vec<f64> = svg
            .split("<text class=\"ha\"")
            .skip(1)
            .map(|t| {
                let x = t.split("x=\"").nth(1).and_then(|v| v.split('"').next()).unwrap();
                x.parse::<f64>().unwrap()
            })
            .collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{name}: lanes out of order: {xs:?}");
        let want: Vec<String> = sop
            .actors
            .iter()
            .map(|a| a.display_name().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(got, want, "{name}: lanes not in `actors` order");
    }
    assert_clean("swimlane SVGs", &total);
}

/// The boxes of the lines of every `<text>` of `class` (their first
/// baseline at `y`, set at `size`): (box, line).
fn text_lines(svg: &str, class: &str, font: Font) -> Vec<(BBox, String)> {
    let mut out = Vec::new();
    let mut rest = svg;
    let open = format!("<text class=\"{class}\"");
    while let Some(at) = rest.find(&open) {
        rest = &rest[at..];
        let end = rest.find("</text>").unwrap_or(rest.len());
        // Each tspan: x, y and its text.
        for t in rest[..end].split("<tspan ").skip(1) {
            let num = |key: &str| -> f64 {
                t.split(&format!("{key}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            let text = unescape(t.split('>').nth(1).unwrap().split('<').next().unwrap());
            let (x, y) = (num("x"), num("y"));
            let w = font.width(&text);
            out.push((
                BBox { x0: x, y0: y - font.size * 0.8, x1: x + w, y1: y + font.size * 0.25 },
                text,
            ));
        }
        rest = &rest[end..];
    }
    out
}

/// A SOP with findings rendered with `--force`: its swimlane marks the
/// faulty steps (red outline, codes in red under the Kegiatan), and the
/// marks take room in their row instead of covering anything.
#[test]
fn forced_swimlanes_mark_findings_without_covering_anything() {
    use sopmap::diagnostic::Severity;
    use sopmap::render::document::swimlane_svg;
    use sopmap::render::findings::by_step;
    // The golden broken SOP through the CLI, as a user runs it.
    let broken = std::fs::read_to_string(repo("tests/golden/render/broken.yaml")).unwrap();
    let out = Test::new()
        .file("b.yaml", &broken)
        .args(["render", "b.yaml", "--format", "svg", "--force"])
        .run();
    assert!(out.status <= 1, "{}", out.stderr);
    let mut svgs = vec![("broken (CLI)".to_string(), out.stdout.clone())];
    assert!(out.stdout.contains("class=\"sym bad\""), "no red symbol");
    assert!(out.stdout.contains("SOP101"), "no code");
    // Generated SOPs broken in every way the generator knows, in process.
    let dir = tempfile::tempdir().unwrap();
    gen_corpus::write_corpus(dir.path(), 30, true, 5, None).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut marked = 0;
    for f in files {
        let yaml = std::fs::read_to_string(&f).unwrap();
        let src = SourceFile::new("t.yaml", &yaml);
        let c = check_source(&src, 0, &Settings::default());
        let (Some(sop), Some(graph)) = (c.sop, c.graph) else { continue };
        let marks = by_step(&sop, &c.diagnostics, Severity::Error);
        marked += marks.iter().filter(|m| !m.is_empty()).count();
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        svgs.push((name, swimlane_svg(&sop, &graph, Lang::Id, &marks)));
    }
    assert!(marked > 5, "the broken corpus marks only {marked} steps");
    let mut total = Counts::default();
    let mut mark_lines = 0;
    for (name, svg) in &svgs {
        let mut c = check_page(svg);
        // Each mark line: on no symbol, label, arrow, rule or other text.
        let s = Svg::parse(svg);
        let cells = text_lines(svg, "c", Font::regular(9.5));
        for (b, text) in text_lines(svg, "mark", Font::bold(9.5)) {
            mark_lines += 1;
            let on_text = cells.iter().any(|(o, _)| o.meets(&b));
            let on_rule =
                s.rules_h.iter().any(|&(y, x0, x1)| y > b.y0 && y < b.y1 && x0 < b.x1 && x1 > b.x0);
            let on_symbol = s.symbols.iter().any(|y| y.meets(&b));
            let on_label = s.labels.iter().any(|(l, ..)| l.meets(&b));
            let on_arrow =
                s.arrows.iter().any(|(_, a)| a.windows(2).any(|w| segment_meets(w[0], w[1], &b)));
            if on_text || on_rule || on_symbol || on_label || on_arrow {
                c.label_symbol += 1;
                c.details.push(format!(
                    "mark `{text}` {b:?} covers: text {on_text} rule {on_rule} symbol {on_symbol} label {on_label} arrow {on_arrow}"
                ));
            }
        }
        for d in &mut c.details {
            *d = format!("{name}: {d}");
        }
        total.add(c);
    }
    assert!(mark_lines >= marked, "{mark_lines} mark lines for {marked} marked steps");
    assert_clean("forced swimlane SVGs with findings marked", &total);
}

/// Past twelve actors the text columns are at their narrowest and the
/// actor columns go below 52 units: symbols get lower, keeping their
/// proportions, actor names whose words do not fit are set vertically,
/// and every count stays zero. The 12-actor generated SOPs
/// get extra actors that take over every third step.
#[test]
fn thirteen_to_twenty_actors_keep_shapes_and_geometry() {
    let mut total = Counts::default();
    for extra in [1usize, 4, 8] {
        for (id, yaml) in gen_corpus::generate(4, 13 + extra as u64, Some(24), (12, 12), (2, 6)) {
            let added: String = (1..=extra)
                .map(|k| format!("  - id: tambahan_{k}\n    name: Bagian Kesekretariatan {k}\n"))
                .collect();
            let mut step = 0usize;
            let mut out = String::new();
            for line in yaml.lines() {
                if line == "steps:" {
                    out.push_str(&added);
                }
                if line.starts_with("    actor: ") {
                    step += 1;
                    if step.is_multiple_of(3) {
                        out.push_str(&format!("    actor: tambahan_{}\n", step / 3 % extra + 1));
                        continue;
                    }
                }
                out.push_str(line);
                out.push('\n');
            }
            let sop_actors = 12 + extra;
            let html = document_html(&out, 8, Lang::Id).unwrap();
            assert!(
                html.matches("<text class=\"ha\"").count() >= sop_actors,
                "{id}: {sop_actors} actor headers expected"
            );
            // "Kesekretariatan" does not fit a column of 20 actors even at
            // 6 px: the actor names are set vertically, never hyphenated.
            if sop_actors == 20 {
                assert!(html.contains("transform=\"rotate(-90"), "{id}: headers not rotated");
                assert!(!html.contains("Kesekre-"), "{id}: a name hyphenated");
            }
            let mut c = check_sop_document(&html, &out);
            for d in &mut c.details {
                *d = format!("{id} with {sop_actors} actors: {d}");
            }
            total.add(c);
        }
    }
    assert_clean("13, 16 and 20 actors", &total);
}

// ---------------------------------------------------------------------
// Typesetting: the identity page over more than one page, the PDF's page
// numbers, and `sopmap table` at terminal widths.

use std::process::Command;

use crate::harness::{Test, tool_available};

/// The makro SOP with 11 long Dasar Hukum entries (as regional SOPs cite
/// them, with their Lembaran Negara numbers) and long actor names: its
/// identity part does not fit one page.
pub fn long_identity_sop() -> String {
    let src = std::fs::read_to_string(repo("sops/pengaduan-pmi-makro.yaml")).unwrap();
    let laws: String = (1..=11)
        .map(|i| {
            format!(
                "  - \"Peraturan Nomor {i} Tahun 20{:02} tentang Pelindungan Pekerja Migran Indonesia \
                 dan Penyelenggaraan Pelayanan Publik di Lingkungan Pemerintah Daerah (Lembaran \
                 Negara Republik Indonesia Tahun 2017 Nomor 242, Tambahan Lembaran Negara \
                 Republik Indonesia Nomor 6141) dasar{i}\"\n",
                i + 9
            )
        })
        .collect();
    let start = src.find("legal_basis:").unwrap();
    let end = start + src[start..].find("\n\n").unwrap();
    let mut out = format!("{}legal_basis:\n{}{}", &src[..start], laws.trim_end(), &src[end..]);
    out = out.replace(
        "name: Petugas Layanan Pengaduan",
        "name: Petugas Penanganan Administrasi Layanan Pengaduan DPMPTSP",
    );
    out
}

#[test]
fn a_long_identity_page_and_long_names_have_no_misleading_geometry() {
    let yaml = long_identity_sop();
    for rows in [3, 8] {
        let html = document_html(&yaml, rows, Lang::Id).unwrap();
        assert_clean("11 Dasar Hukum entries, long names", &check_sop_document(&html, &yaml));
        // The identity part continues under a running head, numbered on.
        assert!(html.contains("Dasar Hukum (lanjutan)"), "no continued box");
        assert!(html.contains("<ol start=\""), "the continued list restarts at 1");
    }
}

fn pdf_pages_text(pdf: &std::path::Path) -> (usize, Vec<String>) {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    let text = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    // pdftotext ends every page with a form feed.
    let per_page = text.split('\u{c}').map(str::to_string).filter(|p| !p.trim().is_empty());
    (pages, per_page.collect())
}

/// Prints `yaml` through Chromium; (page count, text of each page).
fn print_pdf(yaml: &str) -> (usize, Vec<String>) {
    let keep = tempfile::tempdir().unwrap();
    let pdf = keep.path().join("s.pdf");
    let out = Test::new()
        .file("s.yaml", yaml)
        .args([
            "document".into(),
            "s.yaml".into(),
            "--format".into(),
            "pdf".into(),
            "-o".into(),
            pdf.clone().into_os_string(),
            "--chromium".into(),
            "chromium".into(),
            "--force".into(),
        ])
        .run();
    // Alone, the SOP's links to other SOPs are unresolved: printed as a
    // draft, which takes room on every page too.
    assert!(out.status <= 1, "{}", out.stderr);
    pdf_pages_text(&pdf)
}

#[test]
fn the_pdf_page_count_is_the_one_every_page_prints() {
    if !tool_available("chromium", Command::new("chromium").arg("--version"))
        || !tool_available("pdftotext", Command::new("pdftotext").arg("-v"))
    {
        return;
    }
    let twelve = gen_corpus::generate(1, 64, Some(64), (12, 12), (2, 6)).remove(0).1;
    for (what, yaml) in [("long identity", long_identity_sop()), ("64 steps, 12 actors", twelve)] {
        let (pages, texts) = print_pdf(&yaml);
        assert_eq!(texts.len(), pages, "{what}");
        for (k, text) in texts.iter().enumerate() {
            let marks: Vec<&str> = text.matches("Halaman ").collect();
            assert_eq!(marks.len(), 1, "{what}: page {}: {text}", k + 1);
            let want = format!("Halaman {} dari {pages}", k + 1);
            assert!(text.contains(&want), "{what}: page {} lacks `{want}`:\n{text}", k + 1);
        }
        if what == "long identity" {
            assert!(pages >= 4, "{pages}");
            assert!(texts[1].contains("(lanjutan)"), "{}", texts[1]);
            // No entry is split across the page break: each ends on the
            // page it starts on.
            for i in 1..=11 {
                let start = format!("Peraturan Nomor {i} Tahun");
                let page = texts.iter().position(|t| t.contains(&start)).unwrap();
                assert!(texts[page].contains(&format!("dasar{i}")), "entry {i} split");
            }
        }
    }
}

#[test]
fn the_table_never_splits_a_word_without_a_hyphen() {
    let mut sops = bundled_sops();
    // The bundled SOPs (up to 7 actors) fit every width; twelve actors
    // cannot fit 80 columns (their rules alone take 55).
    let fitting = sops.len();
    sops.push(("long-identity".into(), long_identity_sop()));
    sops.extend(gen_corpus::generate(6, 20, None, (3, 12), (2, 6)));
    for (k, (name, yaml)) in sops.iter().enumerate() {
        let vocab = vocabulary(yaml);
        for width in [80usize, 120, 200] {
            let out = Test::new()
                .file("s.yaml", yaml)
                .args(["table", "s.yaml", "--force", "--width", &width.to_string()])
                .run();
            assert!(out.status <= 1, "{name}: {}", out.stderr);
            // Each cell's lines: split the rows on the column rules and
            // gather each column's lines between row rules.
            let mut cells: Vec<Vec<String>> = Vec::new();
            let mut splits = Vec::new();
            for line in out.stdout.lines() {
                if !line.starts_with('│') {
                    for cell in cells.drain(..) {
                        splits.extend(split_words(&cell, &vocab));
                    }
                    continue;
                }
                let parts: Vec<&str> =
                    line.trim_matches('│').split(['┆', '│']).map(str::trim).collect();
                cells.resize(parts.len(), Vec::new());
                for (c, p) in parts.iter().enumerate() {
                    if !p.is_empty() {
                        cells[c].push((*p).to_string());
                    }
                }
                assert!(k >= fitting || line.chars().count() <= width, "{name} at {width}: {line}");
            }
            assert!(splits.is_empty(), "{name} at {width} columns: {splits:?}");
        }
    }
}
