//! The data of a laid-out flowchart table: its dimensions, columns,
//! header, rows, symbols, connectors, arrows and pages. `layout` builds
//! these; the helpers (`cells`, `connectors`, `arrows`), the SVG writer and
//! the tests read them, so they depend on these types and not on the
//! orchestrator.

use super::geometry::{Point, Rect};
use super::route::Obstacle;
use super::text::Font;
use crate::model::{Sop, Step};

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
/// The smallest size an actor name is set at so that its longest word
/// fits its column unbroken; below it, the word is hyphenated.
pub const MIN_ACTOR_HEADER_SIZE: f64 = 6.0;
/// Width over height of a start/end capsule, at least: narrower, it reads
/// as a connector circle.
pub const CAPSULE_RATIO: f64 = 1.5;
pub const LINE_HEIGHT: f64 = 11.5;
pub const PAD_X: f64 = 4.0;
pub const PAD_Y: f64 = 5.0;
pub const BAND_HEIGHT: f64 = 34.0;
pub const CONNECTOR_SIZE: f64 = 20.0;
pub const LANE_INSET: f64 = 6.0;
pub const DIAMOND_HEIGHT: f64 = 34.0;
/// Free height above and below the tallest symbol in a row, for gutters.
pub const GUTTER_HALF: f64 = 14.0;
pub const MIN_ROW_HEIGHT: f64 = DIAMOND_HEIGHT + 2.0 * GUTTER_HALF;
pub const CHANNEL_LANE: f64 = 6.0;

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
    /// Font size of each column's header, by column index: the default
    /// ([`ACTOR_HEADER_FONT`] for actor names, one size for them all, else
    /// [`HEADER_FONT`]) or smaller, so that no word of it has to break.
    pub sizes: Vec<f64>,
    /// Actor names are set vertically (reading upwards), their lines
    /// across the column: a word of one did not fit its narrow column even
    /// at [`MIN_ACTOR_HEADER_SIZE`], as printed SOPs set such headers.
    pub rotated: bool,
}

/// Line height of a header of a column of `kind` set at `size`:
/// [`LINE_HEIGHT`] at the default size, closer together when smaller.
pub fn header_line_height(kind: ColumnKind, size: f64) -> f64 {
    LINE_HEIGHT * size / default_header_size(kind)
}

/// The size a header of a column of `kind` is set at when it fits.
pub fn default_header_size(kind: ColumnKind) -> f64 {
    match kind {
        ColumnKind::Actor(_) => ACTOR_HEADER_FONT.size,
        _ => HEADER_FONT.size,
    }
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

/// Whether a symbol is the step's own, marks an actor taking part
/// (`with`), or marks an actor who may do the step instead (`alternate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Main,
    With,
    /// Drawn dotted with the word "Pengganti" in it, and named in
    /// Keterangan.
    Alternate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub step: usize,
    pub shape: Shape,
    pub role: Role,
    /// Index into `Flowchart::columns`.
    pub column: usize,
    pub rect: Rect,
    /// The word printed inside: "Mulai" or "Selesai" in a main capsule.
    pub text: Option<&'static str>,
}

/// Which side of a decision an arrow leaves from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// The end capsule of a branch that ends the procedure with an `outcome`
/// ("Tidak: dikembalikan ke pemohon"): drawn beside its decision, in the
/// neighbouring actor column of the same row, reached by a straight arrow
/// from the decision's corner on `side`; or, when no side is free, below
/// it in the lower part of the band (`below`), reached from the port on
/// the diamond's lower edge on `side`. The outcome itself is written in
/// the row's Keterangan.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeEnd {
    pub step: usize,
    pub branch: usize,
    pub side: Side,
    /// Drawn below the decision rather than beside it: the quarter of the
    /// diamond's lower edge (from the centre) its arrow leaves from.
    pub below: Option<u8>,
    /// Index into `Flowchart::columns`.
    pub column: usize,
    pub rect: Rect,
    /// The arrow from the decision's corner to the capsule.
    pub points: Vec<Point>,
    /// The branch label, its anchor, and whether the text ends there.
    pub label: Option<(String, Point, bool)>,
    pub text: &'static str,
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

/// One band of the table: one step, or the steps `step..=last` of a
/// numbered row (`same_row`) drawn side by side, as real tables draw them:
/// each symbol in its actor's column at the row's middle, a straight
/// horizontal arrow from one to the next, one Kegiatan cell for them all.
/// A numbered row whose steps cannot stand side by side (two in one
/// column, a symbol between two that follow each other, `with` markers,
/// arrows inside the row other than from one step to the next) is drawn
/// as consecutive bands with no rule between them, the first carrying the
/// number and the Mutu Baku.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The band's (first) step.
    pub step: usize,
    /// The band's last step: `step` unless a numbered row is drawn side
    /// by side.
    pub last: usize,
    /// The row number shown in the No column (written `row`, else counted).
    pub number: i64,
    /// The band continues the numbered row above it (`same_row`).
    pub continues: bool,
    pub y: f64,
    pub h: f64,
    pub cells: Vec<Cell>,
    /// Lines naming the rule codes of the findings in this step, set in
    /// red under its Kegiatan (a swimlane sheet of a SOP rendered with
    /// `--force`); its symbol is drawn red too. Empty otherwise.
    pub marks: Vec<String>,
}

impl Row {
    /// Whether step `i` is drawn in this band.
    pub fn holds(&self, i: usize) -> bool {
        (self.step..=self.last).contains(&i)
    }

    /// The steps drawn in this band.
    pub fn steps(&self) -> std::ops::RangeInclusive<usize> {
        self.step..=self.last
    }
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
    /// End capsules of branches that end the procedure (`outcome`).
    pub outcomes: Vec<OutcomeEnd>,
    pub connectors: Vec<Connector>,
    pub arrows: Vec<Arrow>,
}

impl Page {
    /// What the router must go around on this page: every symbol (a
    /// decision solid inside its diamond only, so a port on its upper edge
    /// leaves through the corner of its box), every outcome capsule and
    /// every connector.
    pub fn obstacles(&self) -> Vec<Obstacle> {
        let symbols = self.symbols.iter().map(|s| match s.shape {
            Shape::Decision => Obstacle::Diamond(s.rect),
            _ => Obstacle::Box(s.rect),
        });
        let outcomes = self.outcomes.iter().map(|o| Obstacle::Box(o.rect));
        let connectors = self.connectors.iter().map(|c| Obstacle::Box(c.rect));
        symbols.chain(outcomes).chain(connectors).collect()
    }
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

/// The column a step's symbol goes in: its actor's, or the first actor
/// column when the actor is missing or unknown (only with `--force`).
pub fn step_column(step: &Step, sop: &Sop, columns: &[Column]) -> usize {
    let actor = step.actor.as_ref().and_then(|a| sop.actor_index(a.as_str())).unwrap_or(0);
    columns
        .iter()
        .position(|c| c.kind == ColumnKind::Actor(actor))
        .or_else(|| columns.iter().position(|c| matches!(c.kind, ColumnKind::Actor(_))))
        .unwrap_or(0)
}

/// The x range of the actor columns (the whole table when there are none).
pub fn actor_span(columns: &[Column]) -> (f64, f64) {
    let actors = columns.iter().filter(|c| matches!(c.kind, ColumnKind::Actor(_)));
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for c in actors {
        lo = lo.min(c.x);
        hi = hi.max(c.right());
    }
    if lo > hi { (0.0, TABLE_WIDTH) } else { (lo, hi) }
}
