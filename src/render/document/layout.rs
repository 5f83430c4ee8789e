//! The flowchart table as geometry: the columns, the two-row header,
//! pages of rows, and symbols in their actor columns (the data types are
//! in `flowchart`); [`layout`] puts it together with the row text
//! (`cells`), the off-page connectors (`connectors`) and the routed
//! arrows (`arrows`). Everything the SVG shows is decided here, as plain
//! data, so tests can check the drawing (symbols inside their cells,
//! arrows clear of symbols, connectors in pairs) without parsing SVG.

use super::arrows::{Widen, route_page};
use super::cells::{cells, row_cells};
use super::connectors::{connector_label, place_connectors};
use super::flowchart::{
    ACTOR_HEADER_FONT, BAND_HEIGHT, Band, CAPSULE_RATIO, CHANNEL_LANE, Cell, Column, ColumnKind,
    DIAMOND_HEIGHT, DRAFT_HEIGHT, EdgeRef, Flowchart, HEADER_FONT, Header, LINE_HEIGHT,
    MIN_ACTOR_HEADER_SIZE, OutcomeEnd, PAD_X, PAD_Y, PAGE_HEIGHT, Page, Role, Row, Shape, Side,
    Symbol, TABLE_WIDTH, header_line_height, step_column,
};
use super::geometry::{Point, Rect};
use super::paginate::paginate;
use super::route::TRACK;
use super::text::{Font, wrap};
use super::{LinkedSops, Options};
use crate::graph::{EdgeKind, ProcessGraph};
use crate::model::{Rows, Sop, Step, StepKind};
use crate::render::step_text;
use crate::render::wrap::unbreakable;

const GROUP_HEADER_HEIGHT: f64 = 18.0;
/// Free space kept on each side of a symbol inside its column, for lanes.
const SIDE: f64 = 12.0;
const MAX_SYMBOL_WIDTH: f64 = 64.0;
const BOX_HEIGHT: f64 = 24.0;
const MAX_DIAMOND_WIDTH: f64 = 52.0;
/// Narrowest actor column the text columns give way to: wide enough for
/// a capsule of 1.5 times its height and a diamond as wide as it is tall
/// next to the lanes on either side. Beyond about twelve actors even the
/// narrowest text columns leave less, and the symbols shrink (keeping
/// their proportions) instead of the table growing off the page.
const MIN_ACTOR_WIDTH: f64 = 52.0;
/// The Waktu column never narrows below this (its text is short but made
/// of words that should not break: "menit", "kerja").
const MIN_TIME_WIDTH: f64 = 48.0;
/// The text columns never narrow below this share of their width.
const MIN_TEXT_SHARE: f64 = 0.4;

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

/// How often routing may ask for wider gaps before the layout settles
/// for what it has (each round widens every full gap).
const WIDEN_ROUNDS: usize = 8;

/// Lays out the flowchart table of `sop`. When the router finds a gap with
/// no free track (a gutter between two rows, or the side channel), the rows
/// around it get taller or the channel gets more lanes, and the table is
/// laid out again: arrows never share a track to save space.
pub fn layout(sop: &Sop, graph: &ProcessGraph, options: &Options, cat: &LinkedSops) -> Flowchart {
    layout_as(sop, graph, options, cat, Form::Document)
}

/// The flowchart as a swimlane diagram: the same grid, symbols and router
/// as the document, with only the No and Kegiatan columns beside the
/// lanes (one per actor, in `actors` order) and every row on one sheet.
pub fn swimlanes(sop: &Sop, graph: &ProcessGraph, options: &Options) -> Flowchart {
    layout_as(sop, graph, options, &LinkedSops::default(), Form::Swimlanes)
}

/// Which drawing the grid is laid out for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// The SOP AP table, in A4 pages.
    Document,
    /// One sheet of lanes.
    Swimlanes,
}

fn layout_as(
    sop: &Sop,
    graph: &ProcessGraph,
    options: &Options,
    cat: &LinkedSops,
    form: Form,
) -> Flowchart {
    let edges = edges(graph, sop.steps.len());
    let mut extra = vec![0.0; sop.steps.len()];
    let mut lanes = back_edge_density(&edges, sop.steps.len()).max(1);
    let mut round = 0;
    loop {
        let (chart, widen) = attempt(sop, graph, options, cat, &edges, &extra, lanes, form);
        if (widen.steps.is_empty() && !widen.channel && widen.room.is_empty())
            || round == WIDEN_ROUNDS
        {
            return chart;
        }
        // Room for end capsules drawn below their decisions, at once.
        for (step, h) in widen.room {
            if let Some(e) = extra.get_mut(step) {
                *e += h;
            }
        }
        for step in widen.steps {
            if let Some(e) = extra.get_mut(step) {
                *e += 2.0 * TRACK;
            }
        }
        if widen.channel {
            lanes += 2;
        }
        round += 1;
    }
}

/// The most arrows back to earlier rows that pass one row: the lanes the
/// side channel needs (the left-edge bound of channel routing).
fn back_edge_density(edges: &[EdgeRef], n: usize) -> usize {
    let mut delta = vec![0i64; n + 2];
    for e in edges.iter().filter(|e| e.to <= e.from) {
        if let Some(d) = delta.get_mut(e.to) {
            *d += 1;
        }
        if let Some(d) = delta.get_mut(e.from + 1) {
            *d -= 1;
        }
    }
    let mut run = 0i64;
    let mut most = 0i64;
    for d in delta {
        run += d;
        most = most.max(run);
    }
    usize::try_from(most).unwrap_or(0)
}

/// One layout with `extra` height on each row and `lanes` in the channel.
#[allow(clippy::too_many_arguments)]
fn attempt(
    sop: &Sop,
    graph: &ProcessGraph,
    options: &Options,
    cat: &LinkedSops,
    edges: &[EdgeRef],
    extra: &[f64],
    lanes: usize,
    form: Form,
) -> (Flowchart, Widen) {
    let lang = options.lang;
    let labels = lang.labels();
    let columns = match form {
        Form::Document => columns(sop.actors.len().max(1), lanes),
        Form::Swimlanes => lane_columns(sop.actors.len().max(1), lanes),
    };
    let actor_names: Vec<String> = if sop.actors.is_empty() {
        vec!["?".to_string()]
    } else {
        sop.actors.iter().map(|a| a.display_name().to_string()).collect()
    };

    // Header.
    let actor_font = actor_header_font(&columns, &actor_names);
    let header_text = |c: &Column| -> &str {
        match c.kind {
            ColumnKind::No => labels.no,
            ColumnKind::Activity => labels.activity,
            ColumnKind::Actor(a) => actor_names.get(a).map_or("", String::as_str),
            ColumnKind::Channel => "",
            ColumnKind::Requirements => labels.requirements,
            ColumnKind::Time => labels.time,
            ColumnKind::Output => labels.output,
            ColumnKind::Notes => labels.notes,
        }
    };
    // Each text column's header on its own: a narrow Waktu need not make
    // Kegiatan small.
    let fonts: Vec<Font> = columns
        .iter()
        .map(|c| match c.kind {
            ColumnKind::Actor(_) => actor_font,
            _ => header_font(HEADER_FONT, &[(c.w - 2.0 * PAD_X, header_text(c))]),
        })
        .collect();
    let header_labels: Vec<Vec<String>> = columns
        .iter()
        .zip(&fonts)
        .map(|(c, &text_font)| {
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
                ColumnKind::Actor(_) => wrap(text, actor_font, c.w - ACTOR_HEADER_PAD),
                _ => wrap(text, text_font, c.w - 2.0 * PAD_X),
            }
        })
        .collect();
    let sizes: Vec<f64> = fonts.iter().map(|f| f.size).collect();
    let tallest = columns
        .iter()
        .zip(&header_labels)
        .zip(&sizes)
        .map(|((c, l), &size)| l.len() as f64 * header_line_height(c.kind, size))
        .fold(LINE_HEIGHT, f64::max);
    let header = Header {
        height: GROUP_HEADER_HEIGHT + tallest + 2.0 * PAD_Y,
        group_height: GROUP_HEADER_HEIGHT,
        labels: header_labels,
        sizes,
    };

    // Bands, measured: one per step, or one per numbered row drawn side
    // by side.
    let numbering = Rows::of(sop);
    let mut bands: Vec<Measured> = Vec::with_capacity(sop.steps.len());
    for r in numbering.rows() {
        let grow = |i: usize| extra.get(i).copied().unwrap_or(0.0);
        if side_by_side(r, sop, graph, &columns) {
            let (cells, h) = row_cells(r, sop, &numbering, &columns, lang, cat);
            bands.push(Measured {
                first: r.first,
                last: r.last,
                number: r.number,
                continues: false,
                cells,
                h: h + r.steps().map(grow).fold(0.0, f64::max),
            });
        } else {
            for i in r.steps() {
                let (cells, h) = cells(i, sop, &numbering, &columns, lang, cat);
                bands.push(Measured {
                    first: i,
                    last: i,
                    number: r.number,
                    continues: i != r.first,
                    cells,
                    h: h + grow(i),
                });
            }
        }
    }
    let (max_height, rows_per_page) = match form {
        Form::Document if options.errors > 0 => (PAGE_HEIGHT - DRAFT_HEIGHT, options.rows_per_page),
        Form::Document => (PAGE_HEIGHT, options.rows_per_page),
        Form::Swimlanes => (f64::MAX, sop.steps.len().max(1)),
    };
    let budget = max_height - header.height - 2.0 * BAND_HEIGHT;
    // Pages break between numbered rows, never inside one.
    let mut heights = vec![0.0; numbering.len()];
    for b in &bands {
        if let Some(h) = heights.get_mut(numbering.index_of(b.first)) {
            *h += b.h;
        }
    }
    let ranges: Vec<std::ops::Range<usize>> = paginate(&heights, rows_per_page, budget)
        .into_iter()
        .map(|r| {
            let step_at = |k: usize| numbering.rows().get(k).map_or(sop.steps.len(), |x| x.first);
            step_at(r.start)..step_at(r.end)
        })
        .collect();
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
    for e in edges {
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
    let mut widen = Widen::default();
    let mut bands = bands.into_iter().peekable();
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
        while let Some(b) = bands.next_if(|b| b.first < range.end) {
            rows.push(Row {
                step: b.first,
                last: b.last,
                number: b.number,
                continues: b.continues,
                y,
                h: b.h,
                cells: b.cells,
            });
            y += b.h;
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
            outcomes: Vec::new(),
            connectors: Vec::new(),
            arrows: Vec::new(),
        };
        place_symbols(&mut page, sop, &columns, lang);
        widen.room.extend(place_outcomes(&mut page, sop, graph, &columns, lang));
        place_connectors(&mut page, &ins, &outs, sop, &columns);
        let w = route_page(&mut page, sop, &columns, edges, &crossing, &page_of, pi);
        widen.steps.extend(w.steps);
        widen.channel |= w.channel;
        pages.push(page);
    }
    (Flowchart { columns, header, pages, actor_names, max_height }, widen)
}

/// One band of the table, measured before it is placed on a page.
struct Measured {
    first: usize,
    last: usize,
    number: i64,
    continues: bool,
    cells: Vec<Cell>,
    h: f64,
}

/// Whether the steps of numbered row `r` can be drawn side by side in one
/// band: several steps, each in a column of its own with no `with` or
/// `alternate` markers, no symbol of the row between two steps that follow each other
/// (the arrow between them runs straight across), and no arrow inside the
/// row but from one step to the next (at most one each). Otherwise the
/// row is drawn as stacked bands.
fn side_by_side(
    r: &crate::model::Row,
    sop: &Sop,
    graph: &ProcessGraph,
    columns: &[Column],
) -> bool {
    if r.len() < 2 {
        return false;
    }
    let mut cols: Vec<usize> = Vec::with_capacity(r.len());
    for i in r.steps() {
        let Some(step) = sop.steps.get(i) else { return false };
        if !step.with.is_empty() || !step.alternate.is_empty() {
            return false;
        }
        let c = step_column(step, sop, columns);
        if cols.contains(&c) {
            return false;
        }
        cols.push(c);
        let inside: Vec<usize> = graph
            .successors(i)
            .into_iter()
            .map(|(to, _)| to)
            .filter(|to| r.steps().contains(to))
            .collect();
        if inside.iter().any(|&to| to != i + 1) || inside.len() > 1 {
            return false;
        }
    }
    cols.windows(2).all(|w| match w {
        [a, b] => {
            let (lo, hi) = (*a.min(b), *a.max(b));
            !cols.iter().any(|&c| lo < c && c < hi)
        }
        _ => true,
    })
}

/// Room left and right of an actor name in its header cell.
const ACTOR_HEADER_PAD: f64 = 4.0;

/// A header font: `base`, or the largest half-point step down to
/// [`MIN_ACTOR_HEADER_SIZE`] at which no word of any `(room, text)` is
/// wider than its room (one size for the group, so the header reads
/// evenly); only below that is a word hyphenated.
fn header_font(base: Font, texts: &[(f64, &str)]) -> Font {
    let fits = |font: Font| {
        texts.iter().all(|(room, text)| {
            text.split_whitespace().flat_map(unbreakable).all(|w| font.width(w) <= *room)
        })
    };
    let mut size = base.size;
    while size > MIN_ACTOR_HEADER_SIZE && !fits(Font::bold(size)) {
        size -= 0.5;
    }
    Font::bold(size.max(MIN_ACTOR_HEADER_SIZE))
}

/// The actor-name font: see [`header_font`].
fn actor_header_font(columns: &[Column], names: &[String]) -> Font {
    let texts: Vec<(f64, &str)> = columns
        .iter()
        .filter_map(|c| match c.kind {
            ColumnKind::Actor(a) => Some((c.w - ACTOR_HEADER_PAD, names.get(a)?.as_str())),
            _ => None,
        })
        .collect();
    header_font(ACTOR_HEADER_FONT, &texts)
}

/// Every arrow of the graph, in row order then arrow order.
pub(super) fn edges(graph: &ProcessGraph, n: usize) -> Vec<EdgeRef> {
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

/// Column widths: fixed text columns, the actors sharing the rest, and a
/// side channel of `lanes` lanes for arrows back to earlier rows.
fn columns(actors: usize, lanes: usize) -> Vec<Column> {
    let channel = 8.0 + CHANNEL_LANE * lanes.max(1) as f64;
    columns_with(actors, channel)
}

/// Columns of the swimlane sheet: No, Kegiatan, a lane per actor wide
/// enough for its symbols and labels, and the side channel.
fn lane_columns(actors: usize, lanes: usize) -> Vec<Column> {
    let mut kinds: Vec<(ColumnKind, f64)> =
        vec![(ColumnKind::No, 24.0), (ColumnKind::Activity, 220.0)];
    kinds.extend((0..actors).map(|a| (ColumnKind::Actor(a), 120.0)));
    kinds.push((ColumnKind::Channel, 8.0 + CHANNEL_LANE * lanes.max(1) as f64));
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

fn columns_with(actors: usize, channel: f64) -> Vec<Column> {
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
        // Many actors: the text columns give up width, in proportion, down
        // to their least share; then the actor columns share what is left.
        let room = (TABLE_WIDTH - no - channel - MIN_ACTOR_WIDTH * actors as f64)
            .max(text_sum * MIN_TEXT_SHARE);
        // Waktu keeps room for "30 menit" and "1-3 hari kerja" on two
        // lines; the other text columns give up the rest.
        let time = text.iter().find(|(k, _)| *k == ColumnKind::Time).map_or(0.0, |t| t.1);
        let time_w = (time * room / text_sum).max(MIN_TIME_WIDTH.min(time));
        let others = (room - time_w) / (text_sum - time);
        for (k, w) in &mut text {
            *w = if *k == ColumnKind::Time { time_w } else { *w * others };
        }
        actor_w = ((TABLE_WIDTH - no - channel - room) / actors as f64).min(MIN_ACTOR_WIDTH);
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

pub(super) fn symbol_rect(shape: Shape, col: &Column, cy: f64) -> Rect {
    let w = (col.w - 2.0 * SIDE).clamp(8.0, MAX_SYMBOL_WIDTH);
    // A narrow column makes a symbol lower, never thinner than its shape
    // allows: a capsule stays 1.5 times as wide as high, a diamond at
    // least as wide as high.
    let (w, h) = match shape {
        Shape::Decision => {
            let w = w.min(MAX_DIAMOND_WIDTH);
            (w, DIAMOND_HEIGHT.min(w.floor()))
        }
        // Whole units, so the drawing (one decimal) keeps the exact edges
        // the router placed labels against.
        Shape::Capsule => (w, BOX_HEIGHT.min((w / CAPSULE_RATIO).floor())),
        Shape::Process | Shape::SubProcess => (w, BOX_HEIGHT),
    };
    Rect::new(col.center() - w / 2.0, cy - h / 2.0, w, h)
}

fn place_symbols(page: &mut Page, sop: &Sop, columns: &[Column], lang: crate::lang::Lang) {
    for (row, i) in page.rows.iter().flat_map(|r| r.steps().map(move |i| (r, i))) {
        let Some(step) = sop.steps.get(i) else { continue };
        let shape = shape_of(step);
        let cy = row.y + row.h / 2.0;
        let main = step_column(step, sop, columns);
        if let Some(col) = columns.get(main) {
            page.symbols.push(Symbol {
                step: i,
                shape,
                role: Role::Main,
                column: main,
                rect: symbol_rect(shape, col, cy),
                text: step_text::capsule_word(step, lang),
            });
        }
        let mut seen = vec![main];
        let marks = step.with.iter().map(|w| (w, Role::With));
        let marks = marks.chain(step.alternate.iter().map(|a| (a, Role::Alternate)));
        for (w, role) in marks {
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
                    step: i,
                    shape,
                    role,
                    column: ci,
                    rect: symbol_rect(shape, col, cy),
                    text: (role == Role::Alternate).then_some(lang.labels().alternate),
                });
            }
        }
    }
}

/// End capsules for the branches of this page's decisions that end the
/// procedure (`outcome`). Every such branch gets its end symbol:
///
/// - beside its decision, in the actor column next to it (right first,
///   then left) when that cell holds no other symbol of the band and the
///   decision's arrows leave that corner free: one straight arrow from
///   the corner;
/// - else below it, in the lower part of the band, in the column next to
///   it (or in its own column when that is wide enough to keep clear of
///   the decision's downward arrow): an arrow from a port on the
///   diamond's lower edge, down, across under the band's symbols, and
///   down into the capsule's top. A band without room for that asks the
///   layout for it (returned as the extra height it needs), and the
///   capsule is drawn in the next round.
///
/// The outcome's wording is written in Keterangan too.
fn place_outcomes(
    page: &mut Page,
    sop: &Sop,
    graph: &ProcessGraph,
    columns: &[Column],
    lang: crate::lang::Lang,
) -> Vec<(usize, f64)> {
    let word = lang.labels().end_capsule;
    let mut ends = Vec::new();
    let mut room = Vec::new();
    for (row, i) in page.rows.iter().flat_map(|r| r.steps().map(move |i| (r, i))) {
        let Some(step) = sop.steps.get(i) else { continue };
        let outcomes: Vec<usize> =
            crate::render::lanes::outcome_branches(step).map(|(b, _)| b).collect();
        if outcomes.is_empty() {
            continue;
        }
        let Some((main, rect)) = page
            .symbols
            .iter()
            .find(|s| s.step == i && s.role == Role::Main)
            .map(|s| (s.column, s.rect))
        else {
            continue;
        };
        // Sides taken by the straight arrows to and from the steps beside
        // it in a band drawn side by side.
        let toward = |j: usize| {
            let c = page.symbols.iter().find(|s| s.step == j && s.role == Role::Main)?.column;
            Some(if c > main { Side::Right } else { Side::Left })
        };
        let mut taken: Vec<Side> = Vec::new();
        if row.last > row.step {
            taken.extend(i.checked_sub(1).filter(|&j| row.holds(j)).and_then(toward));
            taken.extend(Some(i + 1).filter(|&j| row.holds(j)).and_then(toward));
        }
        // The decision's other arrows keep the bottom and, when it has
        // two or more, one side: so at most one side is left for outcomes.
        let routed = graph.successors(i).iter().filter(|(to, _)| !row.holds(*to)).count();
        let mut free: Vec<Side> = match routed {
            0 | 1 => vec![Side::Right, Side::Left],
            2 => vec![Side::Right],
            _ => Vec::new(),
        };
        free.retain(|side| !taken.contains(side));
        let occupied = |ci: usize| page.symbols.iter().any(|s| row.holds(s.step) && s.column == ci);
        // Lower-edge ports already given to outcomes drawn below.
        let mut below_used: Vec<Side> = Vec::new();
        let band_bottom = page
            .symbols
            .iter()
            .filter(|s| row.holds(s.step))
            .map(|s| s.rect.bottom())
            .fold(rect.bottom(), f64::max);
        let mut wanted = 0.0f64;
        for b in outcomes {
            let label_of = |at: Point, end: bool| {
                step.branches
                    .get(b)
                    .and_then(|br| br.label.as_ref())
                    .map(|l| (l.value.clone(), at, end))
            };
            let beside = free
                .iter()
                .position(|side| neighbour(columns, main, *side).is_some_and(|ci| !occupied(ci)));
            if let Some(pos) = beside {
                let side = free.remove(pos);
                let Some(ci) = neighbour(columns, main, side) else { continue };
                let Some(col) = columns.get(ci) else { continue };
                let cap = symbol_rect(Shape::Capsule, col, rect.cy());
                // The label above the arrow; one longer than the arrow
                // stands higher, above the capsule's top, so it does not
                // run onto it.
                let text = step.branches.get(b).and_then(|br| br.label.as_ref());
                let wide = text.is_some_and(|t| {
                    super::labels::label_box(&t.value, Point::new(0.0, 0.0), false).w + 4.0
                        > cap.x.max(rect.x) - cap.right().min(rect.right())
                });
                let y = if wide { cap.y - 2.5 } else { rect.cy() - 3.0 };
                let (from, to, label_at, end_anchor) = match side {
                    Side::Right => (
                        Point::new(rect.right(), rect.cy()),
                        Point::new(cap.x, cap.cy()),
                        Point::new(rect.right() + 2.0, y),
                        false,
                    ),
                    Side::Left => (
                        Point::new(rect.x, rect.cy()),
                        Point::new(cap.right(), cap.cy()),
                        Point::new(rect.x - 2.0, y),
                        true,
                    ),
                };
                ends.push(OutcomeEnd {
                    step: i,
                    branch: b,
                    side,
                    below: None,
                    column: ci,
                    rect: cap,
                    points: vec![from, to],
                    label: label_of(label_at, end_anchor),
                    text: word,
                });
                continue;
            }
            // Below, on a side with a spot left: the first capsule on a
            // side in the next column, its arrow from the inner port of the
            // lower edge along the deeper stretch; a second one a column
            // further, from the outer port along the higher stretch, so
            // the two never cross.
            let spot = [Side::Right, Side::Left].into_iter().find_map(|side| {
                let k = below_used.iter().filter(|s| **s == side).count();
                below_spot(columns, main, rect, side, k).map(|(ci, cx)| (side, k, ci, cx))
            });
            let Some((side, k, ci, cx)) = spot else { continue };
            let Some(col) = columns.get(ci) else { continue };
            let mut cap = symbol_rect(Shape::Capsule, col, 0.0);
            cap.x = cx - cap.w / 2.0;
            let base = band_bottom + BELOW_GAP;
            let across = if k == 0 { base + TRACK } else { base };
            // Room between the stretch and the capsule for the label.
            cap.y = base + TRACK + BELOW_LABEL;
            let need = cap.bottom() + BELOW_CLEAR - (row.y + row.h);
            if need > 0.0 {
                // Symbols sit in the middle of the band: it grows twice
                // what the capsule lacks.
                wanted = wanted.max(2.0 * need);
                continue;
            }
            below_used.push(side);
            let quarter: u8 = if k == 0 { 1 } else { 3 };
            let f = f64::from(quarter) / 4.0;
            let port_x = match side {
                Side::Right => rect.cx() + rect.w / 2.0 * f,
                Side::Left => rect.cx() - rect.w / 2.0 * f,
            };
            let port = Point::new(port_x, rect.cy() + rect.h / 2.0 * (1.0 - f));
            let points = vec![
                port,
                Point::new(port_x, across),
                Point::new(cap.cx(), across),
                Point::new(cap.cx(), cap.y),
            ];
            // The label beside the last drop, above the capsule: clear of
            // the stretches (both end before the other's drop).
            let label_at = Point::new(cap.cx() + 2.0, cap.y - 2.0);
            ends.push(OutcomeEnd {
                step: i,
                branch: b,
                side,
                below: Some(quarter),
                column: ci,
                rect: cap,
                points,
                label: label_of(label_at, false),
                text: word,
            });
        }
        if wanted > 0.0 {
            room.push((row.step, wanted.ceil()));
        }
    }
    page.outcomes = ends;
    room
}

/// Free height between the band's lowest symbol and the stretch of an
/// arrow to an end capsule below, and between that stretch and the
/// capsule.
const BELOW_GAP: f64 = 6.0;
/// Height between the lower stretch and an end capsule drawn below: the
/// branch label stands there.
const BELOW_LABEL: f64 = 13.0;
/// Free height kept under an end capsule drawn below, above the rule.
const BELOW_CLEAR: f64 = 8.0;

/// Where the `k`-th end capsule below the decision at `rect` (in column
/// `main`) on `side` goes, as (column, centre x): the first in the actor
/// column next to it, or without one in its own column halfway between
/// the decision's centre line (where its downward arrow runs) and the
/// column's edge when a capsule fits there clear of both; the second in
/// the actor column after the next.
fn below_spot(
    columns: &[Column],
    main: usize,
    rect: Rect,
    side: Side,
    k: usize,
) -> Option<(usize, f64)> {
    if k > 1 {
        return None;
    }
    let next = neighbour(columns, main, side);
    if k == 1 {
        let ci = neighbour(columns, next?, side)?;
        return columns.get(ci).map(|c| (ci, c.center()));
    }
    if let Some(ci) = next {
        return columns.get(ci).map(|c| (ci, c.center()));
    }
    let col = columns.get(main)?;
    let cap = symbol_rect(Shape::Capsule, col, 0.0);
    let cx = match side {
        Side::Right => (rect.cx() + col.right()) / 2.0,
        Side::Left => (rect.cx() + col.x) / 2.0,
    };
    let clear = (cx - rect.cx()).abs() - cap.w / 2.0 >= 2.0 * TRACK
        && cx - cap.w / 2.0 >= col.x + TRACK
        && cx + cap.w / 2.0 <= col.right() - TRACK;
    clear.then_some((main, cx))
}

/// The actor column next to column `ci` on `side`, if there is one.
fn neighbour(columns: &[Column], ci: usize, side: Side) -> Option<usize> {
    let other = match side {
        Side::Right => ci.checked_add(1)?,
        Side::Left => ci.checked_sub(1)?,
    };
    columns.get(other).filter(|c| matches!(c.kind, ColumnKind::Actor(_))).map(|_| other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_table_width_in_order() {
        for actors in [1, 4, 7, 12, 15, 30] {
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
    fn symbols_keep_their_shape_in_narrow_columns() {
        for actors in [3, 9, 12, 15, 30] {
            let cols = columns(actors, 8);
            let col = cols.iter().find(|c| matches!(c.kind, ColumnKind::Actor(_))).unwrap();
            let cap = symbol_rect(Shape::Capsule, col, 100.0);
            assert!(cap.w >= CAPSULE_RATIO * cap.h - 1e-9, "{actors}: {cap:?}");
            let dia = symbol_rect(Shape::Decision, col, 100.0);
            assert!(dia.w >= dia.h - 1e-9, "{actors}: {dia:?}");
            if actors <= 12 {
                // Up to twelve actors the text columns make the room.
                assert!(cap.h >= 18.0, "{actors}: {cap:?}");
            }
        }
    }

    #[test]
    fn actor_names_are_set_smaller_before_they_are_hyphenated() {
        let cols = columns(15, 8);
        let names: Vec<String> =
            (0..15).map(|_| "Penanganan Administrasi DPMPTSP".to_string()).collect();
        let font = actor_header_font(&cols, &names);
        assert!(font.size < ACTOR_HEADER_FONT.size && font.size >= MIN_ACTOR_HEADER_SIZE);
        let wide = columns(3, 2);
        assert_eq!(actor_header_font(&wide, &names).size, ACTOR_HEADER_FONT.size);
    }
}
