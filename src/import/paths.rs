//! The vector drawing of a PDF page, as `pdftocairo -svg` writes it:
//! every filled or stroked path (its subpaths as point lists, in page
//! space), and the boxes of the images drawn. Glyph outlines, clip paths
//! and masks are not drawing and are skipped. The parser reads cairo's
//! regular output (absolute `M L C Z` path data, `matrix(…)` transforms),
//! not arbitrary SVG.

use super::geometry::{Point, Rect};

/// A colour, each channel 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub f64, pub f64, pub f64);

impl Rgb {
    /// Dark enough to be ink (black lines and borders, not grey shading).
    pub fn is_dark(self) -> bool {
        self.0 + self.1 + self.2 < 1.05
    }
}

/// One subpath: its points (curve end points and control points), and
/// whether it closes.
#[derive(Clone, Debug, PartialEq)]
pub struct SubPath {
    pub points: Vec<Point>,
    pub closed: bool,
    /// It has Bézier curves (capsules, circles).
    pub curved: bool,
}

/// One drawn path.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub subpaths: Vec<SubPath>,
    pub fill: Option<Rgb>,
    pub stroke: Option<Rgb>,
    /// Stroke width in page points.
    pub width: f64,
    pub dashed: bool,
}

/// The drawing of one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    pub paths: Vec<Path>,
    /// Boxes of the images drawn on the page (FPDF documents draw some
    /// arrows as pictures).
    pub images: Vec<Rect>,
}

/// The drawing of one page of `pdftocairo -svg` output.
pub fn parse_cairo_svg(svg: &str) -> Drawing {
    parse_cairo_svg_pages(svg).into_iter().next().unwrap_or_default()
}

/// The drawings of every page of `pdftocairo -svg` output (a multi-page
/// document is one SVG with a `<pageSet>` of `<page>`s).
pub fn parse_cairo_svg_pages(svg: &str) -> Vec<Drawing> {
    let mut pages: Vec<Drawing> = Vec::new();
    let mut drawing = Drawing::default();
    let mut paged = false;
    let mut image_sizes: Vec<(String, f64, f64)> = Vec::new();
    // Groups defined once and drawn by reference (`<g id="surfaceN">` in
    // `<defs>`, then `<use xlink:href="#surfaceN"/>`): cairo writes a
    // PDF's form XObjects so, and FPDF pages come out that way.
    let mut groups: Vec<(String, Drawing)> = Vec::new();
    let mut capturing: Vec<(usize, usize)> = Vec::new(); // (index in groups, g depth)
    let mut depth = 0usize;
    let mut in_defs = false;
    let mut skip = 0usize;
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let Some(after) = rest.get(start + 1..) else { break };
        let Some(end) = after.find('>') else { break };
        let tag = after.get(..end).unwrap_or("");
        rest = after.get(end + 1..).unwrap_or("");
        let name = tag.split_whitespace().next().unwrap_or("");
        let self_closing = tag.ends_with('/');
        let cap = capturing.last().map(|&(g, _)| g);
        match name {
            "page" => {
                if paged {
                    pages.push(std::mem::take(&mut drawing));
                }
                paged = true;
            }
            "defs" if !self_closing => in_defs = true,
            "/defs" => in_defs = false,
            "g" if !self_closing => {
                depth += 1;
                if in_defs
                    && skip == 0
                    && let Some(id) = text_attr(tag, "id").filter(|i| i.starts_with("surface"))
                {
                    groups.push((id.to_string(), Drawing::default()));
                    capturing.push((groups.len() - 1, depth));
                }
            }
            "/g" => {
                if capturing.last().is_some_and(|&(_, d)| d == depth) {
                    capturing.pop();
                }
                depth = depth.saturating_sub(1);
            }
            "symbol" | "clipPath" | "mask" if !self_closing => skip += 1,
            "/symbol" | "/clipPath" | "/mask" => skip = skip.saturating_sub(1),
            "image" => {
                if let (Some(id), Some(w), Some(h)) =
                    (text_attr(tag, "id"), num_attr(tag, "width"), num_attr(tag, "height"))
                {
                    image_sizes.push((id.to_string(), w, h));
                }
            }
            "use" if skip == 0 => {
                let Some(href) = text_attr(tag, "xlink:href") else { continue };
                let Some(id) = href.strip_prefix('#') else { continue };
                if id.starts_with("surface") {
                    let Some((_, g)) = groups.iter().find(|(i, _)| i == id) else { continue };
                    let g = g.clone();
                    let target = target_of(&mut drawing, &mut groups, cap);
                    target.paths.extend(g.paths);
                    target.images.extend(g.images);
                    continue;
                }
                if !id.starts_with("image") || (in_defs && capturing.is_empty()) {
                    continue;
                }
                let Some((_, w, h)) = image_sizes.iter().find(|(i, _, _)| i == id) else {
                    continue;
                };
                let m = text_attr(tag, "transform").and_then(matrix).unwrap_or(IDENTITY);
                let a = apply(&m, Point::new(0.0, 0.0));
                let b = apply(&m, Point::new(*w, *h));
                target_of(&mut drawing, &mut groups, cap)
                    .images
                    .push(Rect::new(a.x, a.y, b.x, b.y));
            }
            "path" if skip == 0 && !(in_defs && capturing.is_empty()) => {
                if let Some(p) = path(tag) {
                    target_of(&mut drawing, &mut groups, cap).paths.push(p);
                }
            }
            _ => {}
        }
    }
    pages.push(drawing);
    pages
}

/// Where drawing goes: the group being defined, else the page.
fn target_of<'a>(
    page: &'a mut Drawing,
    groups: &'a mut [(String, Drawing)],
    cap: Option<usize>,
) -> &'a mut Drawing {
    match cap.and_then(|g| groups.get_mut(g)) {
        Some((_, d)) => d,
        None => page,
    }
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn apply(m: &Matrix, p: Point) -> Point {
    let [a, b, c, d, e, f] = *m;
    Point::new(a * p.x + c * p.y + e, b * p.x + d * p.y + f)
}

fn matrix(s: &str) -> Option<Matrix> {
    let inner = s.trim().strip_prefix("matrix(")?.strip_suffix(')')?;
    let v: Vec<f64> = inner.split(',').filter_map(|t| t.trim().parse().ok()).collect();
    match v.as_slice() {
        [a, b, c, d, e, f] => Some([*a, *b, *c, *d, *e, *f]),
        _ => None,
    }
}

fn text_attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let value = tag.get(at..)?;
    value.get(..value.find('"')?)
}

fn num_attr(tag: &str, name: &str) -> Option<f64> {
    text_attr(tag, name)?.parse().ok()
}

fn path(tag: &str) -> Option<Path> {
    let style = text_attr(tag, "style").unwrap_or("");
    let m = text_attr(tag, "transform").and_then(matrix).unwrap_or(IDENTITY);
    let mut fill = None;
    let mut stroke = None;
    let mut width = 1.0;
    let mut dashed = false;
    for decl in style.split(';') {
        let Some((k, v)) = decl.split_once(':') else { continue };
        match k.trim() {
            "fill" => fill = color(v),
            "stroke" => stroke = color(v),
            "stroke-width" => width = v.trim().parse().unwrap_or(1.0),
            "stroke-dasharray" => dashed = v.trim() != "none",
            _ => {}
        }
    }
    if !style.contains("fill:") && !style.contains("fill-rule") {
        // No fill declared: cairo then strokes only.
        fill = None;
    }
    let scale = (m[0] * m[3] - m[1] * m[2]).abs().sqrt();
    let subpaths = path_data(text_attr(tag, "d")?, &m);
    if subpaths.is_empty() || (fill.is_none() && stroke.is_none()) {
        return None;
    }
    Some(Path { subpaths, fill, stroke, width: width * scale, dashed })
}

fn color(v: &str) -> Option<Rgb> {
    let inner = v.trim().strip_prefix("rgb(")?.strip_suffix(')')?;
    let c: Vec<f64> = inner
        .split(',')
        .filter_map(|t| t.trim().trim_end_matches('%').parse::<f64>().ok())
        .map(|p| p / 100.0)
        .collect();
    match c.as_slice() {
        [r, g, b] => Some(Rgb(*r, *g, *b)),
        _ => None,
    }
}

/// The subpaths of path data with absolute `M L H V C Z` commands.
fn path_data(d: &str, m: &Matrix) -> Vec<SubPath> {
    let mut out: Vec<SubPath> = Vec::new();
    let mut cur: Option<SubPath> = None;
    let mut cmd = ' ';
    let mut nums: Vec<f64> = Vec::new();
    let mut last = Point::new(0.0, 0.0);
    let flush = |cmd: char, nums: &mut Vec<f64>, cur: &mut Option<SubPath>, last: &mut Point| {
        let push = |p: Point, curved: bool, cur: &mut Option<SubPath>| {
            let tp = apply(m, p);
            if let Some(s) = cur.as_mut() {
                s.points.push(tp);
                s.curved |= curved;
            }
        };
        match cmd {
            'L' => {
                for pair in nums.chunks_exact(2) {
                    if let [x, y] = pair {
                        *last = Point::new(*x, *y);
                        push(*last, false, cur);
                    }
                }
            }
            'H' => {
                for x in nums.iter() {
                    *last = Point::new(*x, last.y);
                    push(*last, false, cur);
                }
            }
            'V' => {
                for y in nums.iter() {
                    *last = Point::new(last.x, *y);
                    push(*last, false, cur);
                }
            }
            'C' => {
                for six in nums.chunks_exact(6) {
                    if let [_, _, _, _, x, y] = six {
                        *last = Point::new(*x, *y);
                        push(*last, true, cur);
                    }
                }
            }
            _ => {}
        }
        nums.clear();
    };
    let mut tokens = d.split_whitespace().peekable();
    while let Some(t) = tokens.next() {
        match t {
            "M" | "L" | "H" | "V" | "C" | "Z" => {
                flush(cmd, &mut nums, &mut cur, &mut last);
                cmd = t.chars().next().unwrap_or(' ');
                match cmd {
                    'M' => {
                        if let Some(s) = cur.take() {
                            out.push(s);
                        }
                        let x = tokens.next().and_then(|v| v.parse().ok());
                        let y = tokens.next().and_then(|v| v.parse().ok());
                        if let (Some(x), Some(y)) = (x, y) {
                            last = Point::new(x, y);
                            cur = Some(SubPath {
                                points: vec![apply(m, last)],
                                closed: false,
                                curved: false,
                            });
                        }
                        // Further pairs after M are line-tos.
                        cmd = 'L';
                    }
                    'Z' => {
                        if let Some(mut s) = cur.take() {
                            s.closed = true;
                            out.push(s);
                        }
                    }
                    _ => {}
                }
            }
            n => {
                if let Ok(v) = n.parse() {
                    nums.push(v);
                }
            }
        }
    }
    flush(cmd, &mut nums, &mut cur, &mut last);
    if let Some(s) = cur.take() {
        out.push(s);
    }
    // A lone moveto after Z (cairo writes one) draws nothing.
    out.retain(|s| s.points.len() > 1);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paths_transforms_and_images_skipping_glyphs() {
        let svg = r##"<svg><defs><g><symbol id="glyph0-1"><path style="stroke:none;" d="M 0 0 L 5 5 Z"/></symbol></g>
<clipPath id="c"><path d="M 0 0 L 9 0 L 9 9 Z"/></clipPath>
<image id="image7" width="24" height="79" xlink:href="data:"/>
<mask id="m"><use xlink:href="#image7"/></mask></defs>
<path style="fill:none;stroke-width:1;stroke:rgb(0%,0%,0%);stroke-dasharray:3,2;" d="M 0 0 L 10 0 L 10 20 " transform="matrix(0.5,0,0,0.5,100,200)"/>
<path style=" stroke:none;fill-rule:nonzero;fill:rgb(100%,100%,100%);fill-opacity:1;" d="M 1 1 C 2 2 3 3 4 4 L 1 4 Z M 1 1 "/>
<use xlink:href="#image7" mask="url(#m)" transform="matrix(0.36,0,0,0.24,262.44,136.56)"/>
</svg>"##;
        let d = parse_cairo_svg(svg);
        assert_eq!(d.paths.len(), 2);
        let paged = r##"<svg><defs><g id="surface11"><path style="fill:none;stroke:rgb(0%,0%,0%);" d="M 0 0 L 5 0 "/></g></defs>
<pageSet><page><g id="surface1"><use xlink:href="#surface11"/></g></page><page><g id="surface1"></g></page></pageSet></svg>"##;
        let pages = parse_cairo_svg_pages(paged);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].paths.len(), 1);
        assert!(pages[1].paths.is_empty());
        let p = &d.paths[0];
        assert!(p.dashed && p.fill.is_none() && p.stroke.is_some());
        assert!((p.width - 0.5).abs() < 1e-9);
        assert_eq!(
            p.subpaths[0].points,
            vec![Point::new(100.0, 200.0), Point::new(105.0, 200.0), Point::new(105.0, 210.0)]
        );
        let q = &d.paths[1];
        assert_eq!(q.subpaths.len(), 1);
        assert!(q.subpaths[0].closed && q.subpaths[0].curved);
        assert_eq!(q.fill, Some(Rgb(1.0, 1.0, 1.0)));
        assert_eq!(d.images.len(), 1);
        let r = d.images[0];
        assert!((r.x0 - 262.44).abs() < 1e-6 && (r.y1 - (136.56 + 79.0 * 0.24)).abs() < 1e-6);
    }
}
