//! `sopmap import`'s reconstruction: published SOP AP PDFs back into
//! `sop-ap/1` drafts. The CLI runs poppler and hands over plain data per
//! page, the positioned words ([`words`]) and the vector drawing
//! ([`paths`]); from them this module finds the table rules ([`grid`]),
//! reads the identity page ([`identity`]), the symbols by shape
//! ([`symbols`]), the arrows and their labels ([`arrows`]), puts the
//! flowchart together across pages ([`flowchart`]) and writes the draft
//! ([`draft`]). Nothing here reads files or runs programs.

pub mod arrows;
pub mod draft;
pub mod flowchart;
pub mod geometry;
pub mod grid;
pub mod identity;
pub mod paths;
pub mod symbols;
pub mod words;

use crate::lang::{ImportWords, Lang};

pub use draft::{Draft, to_yaml};

/// One PDF page as poppler gives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<words::Word>,
    pub drawing: paths::Drawing,
}

/// Why a PDF gives no draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// No page has text: a scan or a picture. OCR is not attempted.
    NoTextLayer,
    /// Text, but no SOP AP flowchart table (No, Kegiatan, Pelaksana,
    /// Mutu Baku).
    NotSopAp,
    /// No flowchart table in the text, but a page carries a large picture:
    /// the table was pasted as an image. OCR is not attempted.
    FlowchartIsPicture,
}

impl ImportError {
    pub fn message(self, lang: Lang) -> &'static str {
        let w = ImportWords::of(lang);
        match self {
            ImportError::NoTextLayer => w.no_text_layer,
            ImportError::NotSopAp => w.not_sop_ap,
            ImportError::FlowchartIsPicture => w.flowchart_picture,
        }
    }
}

/// The draft of the SOP AP document in `pages`; `id` becomes its `id`.
pub fn import(pages: &[Page], id: &str, lang: Lang) -> Result<Draft, ImportError> {
    if pages.iter().all(|p| p.words.is_empty()) {
        return Err(ImportError::NoTextLayer);
    }
    let w = ImportWords::of(lang);
    let rules: Vec<grid::Rules> = pages.iter().map(grid::rules).collect();
    let tables = flowchart::tables(pages, &rules);
    let Some((first, top)) = tables.first().map(|(i, t)| (*i, t.top)) else {
        let pictured = pages
            .iter()
            .any(|p| p.drawing.images.iter().any(|r| r.w() * r.h() >= 0.2 * p.width * p.height));
        return Err(if pictured { ImportError::FlowchartIsPicture } else { ImportError::NotSopAp });
    };
    let mut ident = identity::Identity::default();
    for (i, (p, r)) in pages.iter().zip(&rules).enumerate().take(first + 1) {
        // A page holding both: the identity is what stands above the table.
        let words: Vec<words::Word> =
            p.words.iter().filter(|w| i < first || w.rect.y1 < top).cloned().collect();
        identity::read_page(&words, r, &mut ident);
    }
    let chart = flowchart::read(pages, tables, w);
    let mut unsettled = chart.unsettled;
    if ident.number.is_none() && ident.title.is_none() {
        unsettled.push(w.no_identity_page.to_string());
    }
    if chart.steps.is_empty() {
        unsettled.push(w.no_steps.to_string());
    }
    Ok(Draft {
        id: id.to_string(),
        identity: ident,
        actors: chart.actors,
        steps: chart.steps,
        unsettled,
    })
}
