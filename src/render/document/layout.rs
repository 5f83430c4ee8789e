//! The flowchart table as geometry: columns, the two-row header, rows
//! measured from their wrapped text, pages, symbols in their actor
//! columns, off-page connectors and routed arrows. Everything the SVG
//! shows is decided here, as plain data, so tests can check the drawing
//! (symbols inside their cells, arrows clear of symbols, connectors in
//! pairs) without parsing SVG.

use super::geometry::{Point, Rect};
use super::paginate::paginate;
use super::route::{Entry, Exit, Router};
use super::text::{Font, wrap};
use super::{Catalogue, Options};
use crate::graph::{EdgeKind, ProcessGraph};
use crate::lang::Lang;
use crate::model::{Sop, Step, StepKind};

/// Width of the table: 276 mm of an A4 landscape page, at 96 units per inch.
pub const TABLE_WIDTH: f64 = 1043.0;
/// Height available for the table on one page (the rest of 190 mm goes to
/// the running head and a safety margin).
pub const PAGE_HEIGHT: f64 = 665.0;
/// Room the draft banner of a document with errors takes (9 mm).
pub const DRAFT_HEIGHT: f64 = 9.0 / MM_PER_UNIT;
/// Millimetres per SVG unit.
pub const MM_PER_UNIT: f64 = 276.0 / TABLE_WIDTH;

pub const CELL_FONT: Font = Font::regular(9.5);
pub const HEADER_FONT: Font = Font::bold(9.0);
/// Actor names are long and their columns narrow.
pub const ACTOR_HEADER_FONT: Font = Font::bold(8.0);
pub const LABEL_FONT: Font = Font::regular(8.0);
pub const LINE_HEIGHT: f64 = 11.5;
pub const PAD_X: f64 = 4.0;
pub const PAD_Y: f64 = 5.0;

const GROUP_HEADER_HEIGHT: f64 = 18.0;
const BAND_HEIGHT: f64 = 34.0;
const CONNECTOR_SIZE: f64 = 20.0;
/// Free space kept on each side of a symbol inside its column, for lanes.
const SIDE: f64 = 12.0;
const LANE_INSET: f64 = 6.0;
const MAX_SYMBOL_WIDTH: f64 = 64.0;
const BOX_HEIGHT: f64 = 24.0;
const DIAMOND_HEIGHT: f64 = 34.0;
const MAX_DIAMOND_WIDTH: f64 = 52.0;
/// Free height above and below the tallest symbol in a row, for gutters.
const GUTTER_HALF: f64 = 14.0;
const MIN_ROW_HEIGHT: f64 = DIAMOND_HEIGHT + 2.0 * GUTTER_HALF;
const MIN_ACTOR_WIDTH: f64 = 46.0;
const CHANNEL_LANE: f64 = 6.0;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    No,
    Activity,
    /// Pelaksana column of the actor at this index of `actors`.
    Actor(usize),
    /// The side channel in which arrows back to earlier rows run.
    Channel,
    Requirements,
    Time,
    Output,
    Notes,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    pub kind: ColumnKind,
    pub x: f64,
    pub w: f64,
}

impl Column {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn center(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// The two header rows (repeated on every page).
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub height: f64,
    /// Height of the first header row (Pelaksana, Mutu Baku).
    pub group_height: f64,
    /// Wrapped text of each column's header, by column index.
    pub labels: Vec<Vec<String>>,
}

/// A symbol's shape (the five symbols of SOP AP, less the arrow and the
/// connector, which are drawn separately).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Kapsul: start and end.
    Capsule,
    /// Kotak: a process.
    Process,
    /// A process detailed by another SOP: a box with a double border.
    SubProcess,
    /// Belah ketupat: a decision.
    Decision,
}

/// Whether a symbol is the step's own or marks an actor taking part (`with`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Main,
    With,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub step: usize,
    pub shape: Shape,
    pub role: Role,
    /// Index into `Flowchart::columns`.
    pub column: usize,
    pub rect: Rect,
}

/// One line of text in a cell, indented by `dx`.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub dx: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Index into `Flowchart::columns`.
    pub column: usize,
    pub lines: Vec<Line>,
}

/// One table row: one step.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub step: usize,
    /// The derived row number shown in the No column (1-based).
    pub number: usize,
    pub y: f64,
    pub h: f64,
    pub cells: Vec<Cell>,
}

/// An extra table row at the top or bottom of a page holding off-page
/// connectors.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub y: f64,
    pub h: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The flow leaves this page here.
    Out,
    /// The flow comes in from another page here.
    In,
}

/// A pentagon off-page connector.
#[derive(Clone, Debug, PartialEq)]
pub struct Connector {
    pub label: String,
    pub direction: Direction,
    pub rect: Rect,
    /// The step the flow continues at.
    pub target: usize,
}

/// One arrow of the process graph: source step, which arrow, target step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EdgeRef {
    pub from: usize,
    /// `None` for `next`, the branch index for a decision's branch.
    pub branch: Option<usize>,
    pub to: usize,
}

/// What an arrow starts or ends at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Endpoint {
    Step(usize),
    Connector(String),
}

/// A drawn arrow: a polyline ending in an arrowhead.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub edge: EdgeRef,
    pub from: Endpoint,
    pub to: Endpoint,
    pub points: Vec<Point>,
    /// The branch label and where it goes (anchor point; `end_anchor`
    /// when the text ends there instead of starting).
    pub label: Option<(String, Point, bool)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// 1-based.
    pub number: usize,
    pub rows: Vec<Row>,
    pub top_band: Option<Band>,
    pub bottom_band: Option<Band>,
    pub height: f64,
    pub symbols: Vec<Symbol>,
    pub connectors: Vec<Connector>,
    pub arrows: Vec<Arrow>,
}

/// The whole flowchart table, paginated.
#[derive(Clone, Debug, PartialEq)]
pub struct Flowchart {
    pub columns: Vec<Column>,
    pub header: Header,
    pub pages: Vec<Page>,
    /// Actor names shown as column headers, by actor index.
    pub actor_names: Vec<String>,
    /// The height a page's table may take; a taller page (one row taller
    /// than a page) is scaled down to it.
    pub max_height: f64,
}

impl Flowchart {
    pub fn width(&self) -> f64 {
        self.columns.last().map_or(TABLE_WIDTH, Column::right)
    }

    /// The index of the column of actor `a`.
    pub fn actor_column(&self, a: usize) -> Option<usize> {
        self.columns.iter().position(|c| c.kind == ColumnKind::Actor(a))
    }

    pub fn column_of(&self, kind: ColumnKind) -> Option<usize> {
        self.columns.iter().position(|c| c.kind == kind)
    }

    /// The x range of the Pelaksana area (actor columns and channel).
    pub fn actor_area(&self) -> (f64, f64) {
        let xs = self
            .columns
            .iter()
            .filter(|c| matches!(c.kind, ColumnKind::Actor(_) | ColumnKind::Channel));
        let (mut lo, mut hi) = (f64::MAX, f64::MIN);
        for c in xs {
            lo = lo.min(c.x);
            hi = hi.max(c.right());
        }
        (lo, hi)
    }
}

/// The symbol shape of a step.
pub fn shape_of(step: &Step) -> Shape {
    match step.kind() {
        Some(StepKind::Start | StepKind::End) => Shape::Capsule,
        Some(StepKind::Decision) => Shape::Decision,
        Some(StepKind::Process) | None => {
            if step.sub_sop.is_some() {
                Shape::SubProcess
            } else {
                Shape::Process
            }
        }
    }
}

/// Lays out the flowchart table of `sop`.
pub fn layout(sop: &Sop, graph: &ProcessGraph, options: &Options, cat: &Catalogue) -> Flowchart {
    let lang = options.lang;
    let labels = lang.labels();
    let edges = edges(graph, sop.steps.len());
    let back_edges = edges.iter().filter(|e| e.to <= e.from).count();
    let columns = columns(sop.actors.len().max(1), back_edges);
    let actor_names: Vec<String> = if sop.actors.is_empty() {
        vec!["?".to_string()]
    } else {
        sop.actors.iter().map(|a| a.display_name().to_string()).collect()
    };

    // Header.
    let header_labels: Vec<Vec<String>> = columns
        .iter()
        .map(|c| {
            let text = match c.kind {
                ColumnKind::No => labels.no,
                ColumnKind::Activity => labels.activity,
                ColumnKind::Actor(a) => actor_names.get(a).map_or("", String::as_str),
                ColumnKind::Channel => "",
                ColumnKind::Requirements => labels.requirements,
                ColumnKind::Time => labels.time,
                ColumnKind::Output => labels.output,
                ColumnKind::Notes => labels.notes,
            };
            match c.kind {
                ColumnKind::Actor(_) => wrap(text, ACTOR_HEADER_FONT, c.w - 4.0),
                _ => wrap(text, HEADER_FONT, c.w - 2.0 * PAD_X),
            }
        })
        .collect();
    let tallest = header_labels.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let header = Header {
        height: GROUP_HEADER_HEIGHT + tallest * LINE_HEIGHT + 2.0 * PAD_Y,
        group_height: GROUP_HEADER_HEIGHT,
        labels: header_labels,
    };

    // Rows, measured.
    let measured: Vec<(Vec<Cell>, f64)> =
        sop.steps.iter().enumerate().map(|(i, s)| cells(i, s, &columns, lang, cat)).collect();
    let heights: Vec<f64> = measured.iter().map(|(_, h)| *h).collect();
    let max_height = if options.errors > 0 { PAGE_HEIGHT - DRAFT_HEIGHT } else { PAGE_HEIGHT };
    let budget = max_height - header.height - 2.0 * BAND_HEIGHT;
    let ranges = paginate(&heights, options.rows_per_page, budget);
    let page_of: Vec<usize> = {
        let mut p = vec![0; sop.steps.len()];
        for (pi, r) in ranges.iter().enumerate() {
            for i in r.clone() {
                if let Some(slot) = p.get_mut(i) {
                    *slot = pi;
                }
            }
        }
        p
    };

    // Arrows that cross a page break become connector pairs. Arrows from
    // one page to the same step share one pair; labels follow the order of
    // the first arrow's source row.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut crossing: Vec<(EdgeRef, String)> = Vec::new();
    for e in &edges {
        let (Some(&pf), Some(&pt)) = (page_of.get(e.from), page_of.get(e.to)) else { continue };
        if pf == pt {
            continue;
        }
        let k = match groups.iter().position(|g| *g == (pf, e.to)) {
            Some(k) => k,
            None => {
                groups.push((pf, e.to));
                groups.len() - 1
            }
        };
        crossing.push((*e, connector_label(k)));
    }

    let mut pages = Vec::with_capacity(ranges.len());
    let mut measured = measured.into_iter();
    for (pi, range) in ranges.iter().enumerate() {
        // One connector per label: (label, step whose column it sits in, target step).
        let mut ins: Vec<(String, usize, usize)> = Vec::new();
        let mut outs: Vec<(String, usize, usize)> = Vec::new();
        for (e, label) in &crossing {
            if page_of.get(e.to) == Some(&pi) && !ins.iter().any(|i| i.0 == *label) {
                ins.push((label.clone(), e.to, e.to));
            }
            if page_of.get(e.from) == Some(&pi) && !outs.iter().any(|o| o.0 == *label) {
                outs.push((label.clone(), e.from, e.to));
            }
        }
        let mut y = header.height;
        let top_band = (!ins.is_empty()).then(|| {
            let b = Band { y, h: BAND_HEIGHT };
            y += BAND_HEIGHT;
            b
        });
        let mut rows = Vec::new();
        for i in range.clone() {
            let Some((cells, h)) = measured.next() else { break };
            rows.push(Row { step: i, number: i + 1, y, h, cells });
            y += h;
        }
        let bottom_band = (!outs.is_empty()).then(|| {
            let b = Band { y, h: BAND_HEIGHT };
            y += BAND_HEIGHT;
            b
        });
        let mut page = Page {
            number: pi + 1,
            rows,
            top_band,
            bottom_band,
            height: y,
            symbols: Vec::new(),
            connectors: Vec::new(),
            arrows: Vec::new(),
        };
        place_symbols(&mut page, sop, &columns);
        place_connectors(&mut page, &ins, &outs, sop, &columns);
        route_page(&mut page, sop, &columns, &edges, &crossing, &page_of, pi);
        pages.push(page);
    }
    Flowchart { columns, header, pages, actor_names, max_height }
}

/// Every arrow of the graph, in row order then arrow order.
fn edges(graph: &ProcessGraph, n: usize) -> Vec<EdgeRef> {
    let mut out = Vec::new();
    for from in 0..n {
        for (to, e) in graph.successors(from) {
            let branch = match e.kind {
                EdgeKind::Next => None,
                EdgeKind::Branch(b) => Some(b),
            };
            out.push(EdgeRef { from, branch, to });
        }
    }
    out
}

/// A, B, …, Z, AA, AB, …
fn connector_label(k: usize) -> String {
    let mut n = k;
    let mut s = Vec::new();
    loop {
        s.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.iter().rev().collect()
}

/// Column widths: fixed text columns, the actors sharing the rest, and a
/// channel wide enough for one lane per arrow back to an earlier row.
fn columns(actors: usize, back_edges: usize) -> Vec<Column> {
    let channel = 8.0 + CHANNEL_LANE * back_edges.clamp(1, 8) as f64;
    let no = 24.0;
    let mut text = [
        (ColumnKind::Activity, 196.0),
        (ColumnKind::Requirements, 140.0),
        (ColumnKind::Time, 62.0),
        (ColumnKind::Output, 116.0),
        (ColumnKind::Notes, 120.0),
    ];
    let text_sum: f64 = text.iter().map(|(_, w)| w).sum();
    let mut actor_w = (TABLE_WIDTH - no - channel - text_sum) / actors as f64;
    if actor_w < MIN_ACTOR_WIDTH {
        // Many actors: the text columns give up width, in proportion.
        actor_w = MIN_ACTOR_WIDTH;
        let room = (TABLE_WIDTH - no - channel - actor_w * actors as f64).max(text_sum * 0.4);
        for (_, w) in &mut text {
            *w *= room / text_sum;
        }
    }
    let [activity, requirements, time, output, notes] = text;
    let mut kinds: Vec<(ColumnKind, f64)> = vec![(ColumnKind::No, no), activity];
    kinds.extend((0..actors).map(|a| (ColumnKind::Actor(a), actor_w)));
    kinds.push((ColumnKind::Channel, channel));
    kinds.extend([requirements, time, output, notes]);
    let mut x = 0.0;
    kinds
        .into_iter()
        .map(|(kind, w)| {
            let c = Column { kind, x, w };
            x += w;
            c
        })
        .collect()
}

/// The text cells of one row and the row's height.
fn cells(
    i: usize,
    step: &Step,
    columns: &[Column],
    lang: Lang,
    cat: &Catalogue,
) -> (Vec<Cell>, f64) {
    let labels = lang.labels();
    let mut out = Vec::new();
    for (ci, c) in columns.iter().enumerate() {
        let width = c.w - 2.0 * PAD_X;
        let plain = |text: &str| -> Vec<Line> {
            wrap(text, CELL_FONT, width).into_iter().map(|t| Line { text: t, dx: 0.0 }).collect()
        };
        let lines = match c.kind {
            ColumnKind::No => plain(&(i + 1).to_string()),
            ColumnKind::Activity => plain(step.activity.as_ref().map_or("", |a| a.as_str())),
            ColumnKind::Actor(_) | ColumnKind::Channel => continue,
            ColumnKind::Requirements => {
                let bullet = "• ";
                let indent = CELL_FONT.width(bullet);
                let mut lines = Vec::new();
                for r in &step.requirements {
                    for (k, t) in
                        wrap(r.as_str(), CELL_FONT, width - indent).into_iter().enumerate()
                    {
                        if k == 0 {
                            lines.push(Line { text: format!("{bullet}{t}"), dx: 0.0 });
                        } else {
                            lines.push(Line { text: t, dx: indent });
                        }
                    }
                }
                lines
            }
            ColumnKind::Time => {
                let mut text = match (&step.time, &step.time_note) {
                    (Some(t), _) => duration_text(&t.value, lang),
                    (None, Some(n)) => n.value.clone(),
                    (None, None) => String::new(),
                };
                if step.wait {
                    text.push_str(&format!("\n({})", labels.waiting));
                }
                plain(&text)
            }
            ColumnKind::Output => plain(step.output.as_ref().map_or("", |o| o.as_str())),
            ColumnKind::Notes => {
                let mut text = step.notes.as_ref().map_or(String::new(), |n| n.value.clone());
                if let Some(sub) = &step.sub_sop {
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&format!("({} {})", labels.see_sop, cat.describe(sub.as_str())));
                }
                plain(&text)
            }
        };
        out.push(Cell { column: ci, lines });
    }
    let tallest = out.iter().map(|c| c.lines.len()).max().unwrap_or(1) as f64;
    let h = (tallest * LINE_HEIGHT + 2.0 * PAD_Y).max(MIN_ROW_HEIGHT);
    (out, h)
}

/// A duration in the document's language.
pub fn duration_text(d: &crate::duration::Duration, lang: Lang) -> String {
    match lang {
        Lang::Id => d.to_string(),
        Lang::En => {
            let unit = d.unit.english(d.max != 1);
            if d.min == d.max {
                format!("{} {unit}", d.max)
            } else {
                format!("{}-{} {unit}", d.min, d.max)
            }
        }
    }
}

/// The column a step's symbol goes in: its actor's, or the first actor
/// column when the actor is missing or unknown (only with `--force`).
fn step_column(step: &Step, sop: &Sop, columns: &[Column]) -> usize {
    let actor = step.actor.as_ref().and_then(|a| sop.actor_index(a.as_str())).unwrap_or(0);
    columns
        .iter()
        .position(|c| c.kind == ColumnKind::Actor(actor))
        .or_else(|| columns.iter().position(|c| matches!(c.kind, ColumnKind::Actor(_))))
        .unwrap_or(0)
}

fn symbol_rect(shape: Shape, col: &Column, cy: f64) -> Rect {
    let w = (col.w - 2.0 * SIDE).clamp(8.0, MAX_SYMBOL_WIDTH);
    match shape {
        Shape::Decision => {
            let w = w.min(MAX_DIAMOND_WIDTH);
            Rect::new(col.center() - w / 2.0, cy - DIAMOND_HEIGHT / 2.0, w, DIAMOND_HEIGHT)
        }
        _ => Rect::new(col.center() - w / 2.0, cy - BOX_HEIGHT / 2.0, w, BOX_HEIGHT),
    }
}

fn place_symbols(page: &mut Page, sop: &Sop, columns: &[Column]) {
    for row in &page.rows {
        let Some(step) = sop.steps.get(row.step) else { continue };
        let shape = shape_of(step);
        let cy = row.y + row.h / 2.0;
        let main = step_column(step, sop, columns);
        if let Some(col) = columns.get(main) {
            page.symbols.push(Symbol {
                step: row.step,
                shape,
                role: Role::Main,
                column: main,
                rect: symbol_rect(shape, col, cy),
            });
        }
        let mut seen = vec![main];
        for w in &step.with {
            let Some(a) = sop.actor_index(w.as_str()) else { continue };
            let Some(ci) = columns.iter().position(|c| c.kind == ColumnKind::Actor(a)) else {
                continue;
            };
            if seen.contains(&ci) {
                continue;
            }
            seen.push(ci);
            if let Some(col) = columns.get(ci) {
                page.symbols.push(Symbol {
                    step: row.step,
                    shape,
                    role: Role::With,
                    column: ci,
                    rect: symbol_rect(shape, col, cy),
                });
            }
        }
    }
}

/// Puts each connector in its band, under (or above) the column of the
/// step on this page, moved sideways where connectors would overlap.
fn place_connectors(
    page: &mut Page,
    ins: &[(String, usize, usize)],
    outs: &[(String, usize, usize)],
    sop: &Sop,
    columns: &[Column],
) {
    let (lo, hi) = actor_span(columns);
    let mut place = |band: Option<Band>, list: &[(String, usize, usize)], dir: Direction| {
        let Some(band) = band else { return };
        let mut wanted: Vec<(f64, &(String, usize, usize))> = list
            .iter()
            .map(|item| {
                let x = sop
                    .steps
                    .get(item.1)
                    .and_then(|s| columns.get(step_column(s, sop, columns)))
                    .map_or(lo, Column::center);
                (x, item)
            })
            .collect();
        wanted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        let gap = 6.0;
        let mut xs: Vec<f64> = Vec::with_capacity(wanted.len());
        let mut next_free = lo + 2.0;
        for (x, _) in &wanted {
            let left = (x - CONNECTOR_SIZE / 2.0).max(next_free);
            xs.push(left);
            next_free = left + CONNECTOR_SIZE + gap;
        }
        // Pushed past the right edge: slide the row of connectors back.
        let overflow = next_free - gap - (hi - 2.0);
        if overflow > 0.0 {
            for x in &mut xs {
                *x -= overflow;
            }
        }
        let y = band.y + (band.h - CONNECTOR_SIZE) / 2.0;
        for ((_, (label, _, target)), x) in wanted.iter().zip(xs) {
            page.connectors.push(Connector {
                label: label.clone(),
                direction: dir,
                rect: Rect::new(x, y, CONNECTOR_SIZE, CONNECTOR_SIZE),
                target: *target,
            });
        }
    };
    place(page.top_band, ins, Direction::In);
    place(page.bottom_band, outs, Direction::Out);
}

fn actor_span(columns: &[Column]) -> (f64, f64) {
    let actors = columns.iter().filter(|c| matches!(c.kind, ColumnKind::Actor(_)));
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for c in actors {
        lo = lo.min(c.x);
        hi = hi.max(c.right());
    }
    if lo > hi { (0.0, TABLE_WIDTH) } else { (lo, hi) }
}

/// Where the branches of a decision leave it: the first at the bottom,
/// the next on the right (towards the side channel) and on the left, more
/// again at the bottom. An arrow back to an earlier row prefers the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Port {
    Bottom,
    Right,
    Left,
}

fn ports(edges: &[EdgeRef]) -> Vec<Port> {
    let mut taken: Vec<Port> = Vec::new();
    let mut out = Vec::with_capacity(edges.len());
    // Backward arrows choose first, so that they get the right side.
    let mut order: Vec<usize> = (0..edges.len()).collect();
    order.sort_by_key(|&k| edges.get(k).is_none_or(|e| e.to > e.from));
    let mut assigned = vec![Port::Bottom; edges.len()];
    for k in order {
        let back = edges.get(k).is_some_and(|e| e.to <= e.from);
        let prefs: &[Port] = if back {
            &[Port::Right, Port::Left, Port::Bottom]
        } else {
            &[Port::Bottom, Port::Right, Port::Left]
        };
        let port = prefs.iter().copied().find(|p| !taken.contains(p)).unwrap_or(Port::Bottom);
        taken.push(port);
        if let Some(slot) = assigned.get_mut(k) {
            *slot = port;
        }
    }
    out.extend(assigned);
    out
}

fn route_page(
    page: &mut Page,
    sop: &Sop,
    columns: &[Column],
    edges: &[EdgeRef],
    crossing: &[(EdgeRef, String)],
    page_of: &[usize],
    pi: usize,
) {
    // Gutter g lies above local row g; the last lies below the last row.
    let n = page.rows.len();
    let mut gutters = Vec::with_capacity(n + 1);
    let symbol_span = |local: usize| -> Option<(f64, f64)> {
        let step = page.rows.get(local)?.step;
        let rects = page.symbols.iter().filter(|s| s.step == step).map(|s| s.rect);
        let (mut top, mut bottom) = (f64::MAX, f64::MIN);
        for r in rects {
            top = top.min(r.y);
            bottom = bottom.max(r.bottom());
        }
        (top <= bottom).then_some((top, bottom))
    };
    let in_top = page.connectors.iter().filter(|c| c.direction == Direction::In).map(|c| c.rect);
    let out_top = page.connectors.iter().filter(|c| c.direction == Direction::Out).map(|c| c.rect);
    let top_limit =
        in_top.map(|r| r.bottom()).fold(page.rows.first().map_or(0.0, |r| r.y), f64::max);
    let bottom_limit = out_top.map(|r| r.y).fold(page.height, f64::min);
    for g in 0..=n {
        let top = if g == 0 {
            top_limit
        } else {
            symbol_span(g - 1).map_or_else(|| page.rows.get(g - 1).map_or(0.0, |r| r.y), |s| s.1)
        };
        let bottom = if g == n {
            bottom_limit.min(page.rows.last().map_or(page.height, |r| r.y + r.h + BAND_HEIGHT))
        } else {
            symbol_span(g).map_or_else(|| page.rows.get(g).map_or(0.0, |r| r.y + r.h), |s| s.0)
        };
        gutters.push((top, bottom));
    }
    let mut obstacles: Vec<Rect> = page.symbols.iter().map(|s| s.rect).collect();
    obstacles.extend(page.connectors.iter().map(|c| c.rect));
    let mut verticals = Vec::new();
    let mut channel = Vec::new();
    for c in columns {
        match c.kind {
            ColumnKind::Actor(_) => {
                verticals.extend([c.center(), c.x + LANE_INSET, c.right() - LANE_INSET]);
            }
            ColumnKind::Channel => {
                let mut x = c.x + LANE_INSET;
                while x <= c.right() - 3.0 {
                    channel.push(x);
                    x += CHANNEL_LANE;
                }
            }
            _ => {}
        }
    }
    let mut router = Router::new(obstacles, gutters, verticals, channel);
    let local = |step: usize| page.rows.iter().position(|r| r.step == step);
    let main_of = |step: usize| {
        page.symbols.iter().find(|s| s.step == step && s.role == Role::Main).map(|s| s.rect)
    };
    let mut arrows = Vec::new();

    // Arrows leaving steps on this page (to a step here or to a connector).
    for row in &page.rows {
        let Some(step) = sop.steps.get(row.step) else { continue };
        let Some(src) = main_of(row.step) else { continue };
        let Some(lr) = local(row.step) else { continue };
        let outgoing: Vec<EdgeRef> = edges.iter().filter(|e| e.from == row.step).copied().collect();
        let is_decision = step.kind() == Some(StepKind::Decision);
        let port_list =
            if is_decision { ports(&outgoing) } else { vec![Port::Bottom; outgoing.len()] };
        let col = columns.get(step_column(step, sop, columns));
        for (edge, port) in outgoing.iter().zip(port_list) {
            let (stub, label_at, end_anchor) = match (port, col) {
                (Port::Right, Some(c)) => {
                    let p = Point::new(src.right(), src.cy());
                    let lane = c.right() - LANE_INSET;
                    (
                        vec![p, Point::new(lane, src.cy())],
                        Point::new(src.right() + 2.0, src.cy() - 3.0),
                        false,
                    )
                }
                (Port::Left, Some(c)) => {
                    let p = Point::new(src.x, src.cy());
                    let lane = c.x + LANE_INSET;
                    (
                        vec![p, Point::new(lane, src.cy())],
                        Point::new(src.x - 2.0, src.cy() - 3.0),
                        true,
                    )
                }
                _ => {
                    let p = Point::new(src.cx(), src.bottom());
                    (vec![p], Point::new(src.cx() + 3.0, src.bottom() + 9.0), false)
                }
            };
            let exit = Exit { stub, gutter: lr + 1 };
            let label = edge
                .branch
                .and_then(|b| step.branches.get(b))
                .and_then(|b| b.label.as_ref())
                .map(|l| (l.value.clone(), label_at, end_anchor));
            let same_page = page_of.get(edge.to) == Some(&pi);
            let (entry, to) = if same_page {
                let (Some(dst), Some(lt)) = (main_of(edge.to), local(edge.to)) else { continue };
                (Entry { point: Point::new(dst.cx(), dst.y), gutter: lt }, Endpoint::Step(edge.to))
            } else {
                let Some(label) = crossing.iter().find(|(e, _)| e == edge).map(|(_, l)| l) else {
                    continue;
                };
                let Some(c) = page
                    .connectors
                    .iter()
                    .find(|c| c.label == *label && c.direction == Direction::Out)
                else {
                    continue;
                };
                (
                    Entry { point: Point::new(c.rect.cx(), c.rect.y), gutter: n },
                    Endpoint::Connector(c.label.clone()),
                )
            };
            let points = router.route(&exit, entry);
            arrows.push(Arrow { edge: *edge, from: Endpoint::Step(row.step), to, points, label });
        }
    }
    // Arrows arriving from other pages, from their connectors.
    let ins: Vec<Connector> =
        page.connectors.iter().filter(|c| c.direction == Direction::In).cloned().collect();
    for c in ins {
        let (Some(dst), Some(lt)) = (main_of(c.target), local(c.target)) else { continue };
        // The arrow stands for every crossing arrow with this label; the
        // first one names it.
        let Some(edge) = crossing.iter().find(|(_, l)| *l == c.label).map(|(e, _)| *e) else {
            continue;
        };
        let exit = Exit { stub: vec![Point::new(c.rect.cx(), c.rect.bottom())], gutter: 0 };
        let entry = Entry { point: Point::new(dst.cx(), dst.y), gutter: lt };
        let points = router.route(&exit, entry);
        arrows.push(Arrow {
            edge,
            from: Endpoint::Connector(c.label.clone()),
            to: Endpoint::Step(c.target),
            points,
            label: None,
        });
    }
    page.arrows = arrows;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connector_labels_run_a_to_z_then_aa() {
        let got: Vec<String> =
            [0, 1, 25, 26, 27, 51, 52].iter().map(|&k| connector_label(k)).collect();
        assert_eq!(got, ["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
    }

    #[test]
    fn columns_fill_the_table_width_in_order() {
        for actors in [1, 4, 7, 15] {
            let cols = columns(actors, 2);
            let last = cols.last().unwrap();
            assert!(last.right() <= TABLE_WIDTH + 1e-6, "{actors}: {}", last.right());
            assert!(cols.windows(2).all(|w| (w[0].right() - w[1].x).abs() < 1e-9));
            let actor_cols = cols.iter().filter(|c| matches!(c.kind, ColumnKind::Actor(_))).count();
            assert_eq!(actor_cols, actors);
            assert_eq!(cols.first().unwrap().kind, ColumnKind::No);
            assert_eq!(last.kind, ColumnKind::Notes);
        }
    }

    #[test]
    fn backward_branches_leave_on_the_right() {
        let e = |from, to| EdgeRef { from, branch: Some(0), to };
        assert_eq!(ports(&[e(5, 6), e(5, 2)]), vec![Port::Bottom, Port::Right]);
        assert_eq!(
            ports(&[e(5, 6), e(5, 8), e(5, 9), e(5, 10)]),
            vec![Port::Bottom, Port::Right, Port::Left, Port::Bottom]
        );
    }
}
