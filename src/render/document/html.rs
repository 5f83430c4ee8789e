//! Assembling the document: one self-contained HTML file (inline CSS and
//! SVG, no network) whose print CSS makes every section one A4 landscape
//! page; and the index page of a folder of documents.

use std::fmt::Write;

use super::flowchart::Flowchart;
use super::{LinkedSops, Options, identity, svg};
use crate::lang::Lang;
use crate::model::{Sop, SopLevel};
use crate::render::escape;

const CSS: &str = r#"@page{size:A4 landscape;margin:10mm}
*{box-sizing:border-box}
html{background:#d9d9d9}
body{margin:0;font-family:'Liberation Sans',Arial,Helvetica,sans-serif;color:#000;font-size:10pt}
.page{width:277mm;min-height:190mm;margin:8mm auto;padding:0;background:#fff;break-after:page;page-break-after:always;overflow:hidden}
.page:last-child{break-after:auto;page-break-after:auto}
@media screen{.page{padding:4mm;width:285mm;box-shadow:0 1px 4px rgba(0,0,0,.35)}}
@media print{html{background:none}.page{margin:0;box-shadow:none}}
.runhead{display:flex;justify-content:space-between;font-size:8pt;height:5mm;align-items:center;border-bottom:.3mm solid #000;margin-bottom:1.5mm}
svg.flow{display:block}
.draft{border:.5mm solid #c00;color:#c00;font-weight:bold;text-align:center;padding:1mm;margin-bottom:2mm;font-size:9pt}
table.id{width:100%;border-collapse:collapse;table-layout:fixed}
table.id th,table.id td{border:.3mm solid #000;padding:1.2mm 2mm;vertical-align:top;text-align:left}
table.id col.c-left{width:48%}table.id col.c-key{width:17%}
table.id th{font-weight:bold;background:#f0f0f0}
td.org{text-align:center !important;vertical-align:middle !important}
.logo{width:24mm;height:24mm;margin:0 auto 3mm;border:.3mm dashed #888;color:#888;display:flex;align-items:center;justify-content:center;font-size:8pt}
.agency{font-weight:bold;text-transform:uppercase;font-size:11pt}
.unit{font-weight:bold;margin-top:1.5mm}
.fill{display:inline-block;width:85%;min-width:40mm;height:1.3em;border-bottom:.3mm dotted #000}
.level{margin-top:2mm;font-size:9pt}
td.number,td.title{font-weight:bold}
td.title{font-size:11pt}
.sign{height:16mm;color:#999;font-size:7pt;display:flex;align-items:center}
.official{font-weight:bold;text-decoration:underline}
tr.box-head th{text-align:center}
tr.box td{font-size:9pt}
tr.box ol{margin:0;padding-left:5mm}
tr.box li{break-inside:avoid}
table.index{border-collapse:collapse;width:100%}
table.index th,table.index td{border:.3mm solid #000;padding:1.5mm 2mm;text-align:left;vertical-align:top}
table.index th{background:#f0f0f0}
h1{font-size:14pt;margin:0 0 4mm}
"#;

/// The document of one SOP: identity page, then the flowchart pages.
pub fn document(sop: &Sop, chart: &Flowchart, options: &Options, cat: &LinkedSops) -> String {
    let lang = options.lang;
    let title = format!("{} {}", sop.number(), sop.title());
    let mut s = head(title.trim(), lang);
    let draft = draft_note(lang, options.errors);
    let identity = identity::pages(sop, lang, cat, options.errors > 0);
    let total = identity.len() + chart.pages.len();
    let heading = escape::html(title.trim());
    let continued = escape::html(&format!("({})", lang.texts().continued));
    for (k, section) in identity.iter().enumerate() {
        let head = if k == 0 { heading.clone() } else { format!("{heading} {continued}") };
        s.push_str(&section.replacen(
            "<section class=\"page identity\">\n",
            &format!(
                "<section class=\"page identity\">\n{draft}<div class=\"runhead\"><span>{head}</span><span>{}</span></div>\n",
                escape::html(&page_label(lang, k + 1, total))
            ),
            1,
        ));
    }
    for page in &chart.pages {
        let _ = write!(
            s,
            "<section class=\"page flowchart\">\n{draft}<div class=\"runhead\"><span>{heading}</span><span>{}</span></div>\n",
            escape::html(&page_label(lang, identity.len() + page.number, total))
        );
        s.push_str(&svg::page(chart, page, lang));
        s.push_str("</section>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// The draft banner of a document written with errors, or nothing.
fn draft_note(lang: Lang, errors: usize) -> String {
    if errors == 0 {
        return String::new();
    }
    let text = match lang {
        Lang::Id => format!(
            "DRAF — SOP ini masih memiliki {errors} kesalahan (lihat sopmap check); bukan dokumen final"
        ),
        Lang::En => format!(
            "DRAFT — this SOP still has {errors} error{} (see sopmap check); not a final document",
            if errors == 1 { "" } else { "s" }
        ),
    };
    format!("<div class=\"draft\">{}</div>\n", escape::html(&text))
}

fn page_label(lang: Lang, page: usize, total: usize) -> String {
    match lang {
        Lang::Id => format!("Halaman {page} dari {total}"),
        Lang::En => format!("Page {page} of {total}"),
    }
}

fn head(title: &str, lang: Lang) -> String {
    let code = match lang {
        Lang::Id => "id",
        Lang::En => "en",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"generator\" content=\"sopmap\">\n<title>{}</title>\n<style>\n{CSS}</style>\n\
         </head>\n<body>\n",
        escape::html(title)
    )
}

/// One line of the index of a folder of documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexEntry {
    /// The document file, relative to the index.
    pub href: String,
    pub number: String,
    pub title: String,
    pub unit: String,
    pub level: Option<SopLevel>,
}

/// The index page of a folder of documents.
pub fn index(entries: &[IndexEntry], lang: Lang) -> String {
    let l = lang.labels();
    let heading = lang.texts().list_of_sops;
    let mut s = head(heading, lang);
    let _ = writeln!(
        s,
        "<section class=\"page\">\n<h1>{}</h1>\n<table class=\"index\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        escape::html(heading),
        escape::html(l.no),
        escape::html(l.number),
        escape::html(l.title),
        escape::html(lang.texts().level),
        escape::html(l.unit),
    );
    for (i, e) in entries.iter().enumerate() {
        let level = match e.level {
            Some(SopLevel::Makro) => l.level_makro,
            Some(SopLevel::Mikro) => l.level_mikro,
            None => "",
        };
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            i + 1,
            escape::html(&e.number),
            escape::html(&e.href),
            escape::html(if e.title.is_empty() { &e.href } else { &e.title }),
            escape::html(level),
            escape::html(&e.unit),
        );
    }
    s.push_str("</table>\n</section>\n</body>\n</html>\n");
    s
}
