//! The official SOP AP document of PermenPANRB 35/2012 as one
//! self-contained, print-ready HTML file: the identity page
//! ([`identity`]) and the flowchart table ([`layout`] decides the
//! geometry, with `cells` for row text, `connectors` and `arrows`; [`svg`]
//! draws it) split into A4 landscape pages ([`paginate`]) with off-page
//! connectors, assembled by [`html`].
//!
//! The flowchart is drawn by sopmap itself: the SOP AP grid fixes every
//! symbol's place (its row and its actor's column), so arrows can be routed
//! orthogonally through the free strips between rows ([`route`]) and no
//! layout engine is needed. Text is measured with font metrics ([`text`]),
//! not by a browser.

mod arrows;
mod cells;
mod connectors;
pub mod flowchart;
pub mod geometry;
pub mod html;
pub mod identity;
pub mod labels;
pub mod layout;
pub mod paginate;
pub mod route;
pub mod svg;
pub mod text;

use std::collections::BTreeMap;

use crate::graph::ProcessGraph;
use crate::lang::Lang;
use crate::model::{Sop, SopLevel};

pub use flowchart::Flowchart;
pub use layout::{layout, swimlanes};

/// Default number of flowchart rows per page: what fits an A4 landscape
/// page with typical Mutu Baku text, and what printed SOPs show.
pub const DEFAULT_ROWS_PER_PAGE: usize = 8;

/// How to render a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    /// At most this many rows on a page (fewer when they do not fit).
    pub rows_per_page: usize,
    /// Errors the SOP still has (written with `--force`): the document is
    /// then marked as a draft on every page, so it cannot pass for a
    /// checked one.
    pub errors: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { lang: Lang::Id, rows_per_page: DEFAULT_ROWS_PER_PAGE, errors: 0 }
    }
}

/// What the document needs to know about a SOP it links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linked {
    pub number: String,
    pub title: String,
    pub level: Option<SopLevel>,
}

/// The SOPs loaded in the same run, by id, so that Keterkaitan and
/// `sub_sop` rows can name linked SOPs by number and title.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkedSops {
    entries: BTreeMap<String, Linked>,
}

impl LinkedSops {
    pub fn new<'a>(sops: impl IntoIterator<Item = &'a Sop>) -> LinkedSops {
        let mut entries = BTreeMap::new();
        for sop in sops {
            let Some(id) = &sop.id else { continue };
            entries.entry(id.value.clone()).or_insert_with(|| Linked {
                number: sop.number().to_string(),
                title: sop.title().to_string(),
                level: sop.level.as_ref().map(|l| l.value),
            });
        }
        LinkedSops { entries }
    }

    pub fn get(&self, id: &str) -> Option<&Linked> {
        self.entries.get(id)
    }

    /// A linked SOP as a reader knows it: `Nomor — Title` when loaded,
    /// else its id as written.
    pub fn describe(&self, id: &str) -> String {
        match self.get(id) {
            Some(l) if !l.number.is_empty() => format!("{} {}", l.number, l.title),
            Some(l) if !l.title.is_empty() => l.title.clone(),
            _ => id.to_string(),
        }
    }
}

/// The swimlane diagram of one SOP as a standalone SVG: the flowchart grid
/// with the No and Kegiatan columns and one lane per actor in `actors`
/// order, routed like the document.
///
/// `marks` (from `render --force`) are the rule codes of the findings in
/// each step: the step's symbol is drawn red and the codes are written in
/// red under its Kegiatan, inside its row.
pub fn swimlane_svg(
    sop: &Sop,
    graph: &ProcessGraph,
    lang: Lang,
    marks: &[Vec<&'static str>],
) -> String {
    let options = Options { lang, ..Options::default() };
    let chart = swimlanes(sop, graph, &options, marks);
    let body = chart.pages.first().map(|p| svg::page(&chart, p, lang)).unwrap_or_default();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}")
}

/// The whole document of one SOP as a self-contained HTML file.
pub fn document(sop: &Sop, graph: &ProcessGraph, options: &Options, cat: &LinkedSops) -> String {
    let chart = layout(sop, graph, options, cat);
    html::document(sop, &chart, options, cat)
}
