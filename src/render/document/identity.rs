//! The identity page (Bagian Identitas) as agencies print it: a two-column
//! table with the agency, unit and a place for the logo on the left; Nomor
//! SOP, the three dates, Disahkan oleh (with room for signature and stamp)
//! and Nama SOP on the right; then the paired boxes Dasar Hukum |
//! Kualifikasi Pelaksana, Keterkaitan | Peralatan/Perlengkapan and
//! Peringatan | Pencatatan dan Pendataan.

use std::fmt::Write;

use super::LinkedSops;
use super::text::{Font, wrap};
use crate::lang::Lang;
use crate::model::{Related, Sop, SopLevel, Spanned};
use crate::render::escape;

/// Height of an A4 landscape page inside its 10 mm margins.
pub const PAGE_MM: f64 = 190.0;
/// The running head (5 mm and 1.5 mm below it) and a margin for the
/// estimate: text is measured with font metrics, not by the browser.
/// Checked against Chromium's PDF (pdftotext -bbox of the makro SOP): the
/// top block, Dasar Hukum and Keterkaitan boxes came out within 1 mm of
/// the estimate (68.0/54.3/28.0 mm printed, 69.5/53.3/27.7 estimated).
const RESERVED_MM: f64 = 6.5 + 2.0;
/// Room the draft banner takes on a document with errors.
const DRAFT_MM: f64 = 9.0;

/// Pixels (CSS, 96 per inch) per millimetre: the text measures in pixels.
const PX_PER_MM: f64 = 96.0 / 25.4;
/// Width of the page's table: 277 mm, less the cell padding (2 mm a side).
const LEFT_MM: f64 = 277.0 * 0.48 - 4.0;
const KEY_MM: f64 = 277.0 * 0.17 - 4.0;
const VALUE_MM: f64 = 277.0 * 0.35 - 4.0;
const RIGHT_MM: f64 = 277.0 * 0.52 - 4.0;
/// A list's indent (`padding-left:5mm`).
const LIST_INDENT_MM: f64 = 5.0;
/// Cell padding above and below plus the rule.
const CELL_PAD_MM: f64 = 2.4 + 0.3;
/// Line height over font size: Liberation Sans sets lines at about 1.15
/// em.
const LEADING: f64 = 1.15;

/// The headroom [`Font::width`] adds to every width.
const FONT_SAFETY: f64 = 1.04;

/// Height in mm of `text` wrapped in a box `width_mm` wide at `pt` points.
fn text_mm(text: &str, pt: f64, bold: bool, width_mm: f64) -> f64 {
    let px = pt * 96.0 / 72.0;
    let font = if bold { Font::bold(px) } else { Font::regular(px) };
    // The browser wraps by the font's own widths: without the headroom
    // the flowchart's measure keeps for font substitution.
    let lines = wrap(text, font, width_mm * PX_PER_MM * FONT_SAFETY).len().max(1) as f64;
    lines * px * LEADING / PX_PER_MM
}

/// One entry of a box: as shown (HTML) and as measured (plain text).
#[derive(Clone, Debug)]
struct Item {
    html: String,
    plain: String,
}

impl Item {
    fn plain(s: &str) -> Item {
        Item { html: esc(s), plain: s.to_string() }
    }
}

/// A pair of boxes side by side: Dasar Hukum | Kualifikasi Pelaksana …
struct Pair<'a> {
    left: (&'a str, Vec<Item>),
    right: (&'a str, Vec<Item>),
}

/// Height in mm of the list items of one box (left or right column).
fn item_mm(item: &Item, right: bool) -> f64 {
    let w = if right { RIGHT_MM } else { LEFT_MM } - LIST_INDENT_MM;
    text_mm(&item.plain, 9.0, false, w)
}

/// The identity part as A4 pages: HTML `<section>`s without running
/// heads (the document adds them, with the page count). When the boxes
/// do not fit one page, they continue on the next under their heading
/// marked "(lanjutan)", each list broken only between entries and
/// numbered on.
pub fn pages(sop: &Sop, lang: Lang, cat: &LinkedSops, draft: bool) -> Vec<String> {
    let l = lang.labels();
    let (top, top_mm) = top_block(sop, lang);
    let related: Vec<Item> = sop.related.iter().map(|r| related_item(r, lang, cat)).collect();
    // A list left blank (`records: kosong`) gets lines to fill in.
    let boxed = |key: &str, items: &[Spanned<String>]| {
        if items.is_empty() && sop.is_blank(key) {
            let fill = Item { html: FILL.to_string(), plain: "-".to_string() };
            vec![fill.clone(), fill]
        } else {
            plain(items)
        }
    };
    let pairs = [
        Pair {
            left: (l.legal_basis, boxed("legal_basis", &sop.legal_basis)),
            right: (l.qualifications, boxed("qualifications", &sop.qualifications)),
        },
        Pair {
            left: (l.related, related),
            right: (l.equipment, boxed("equipment", &sop.equipment)),
        },
        Pair {
            left: (l.warnings, boxed("warnings", &sop.warnings)),
            right: (l.records, boxed("records", &sop.records)),
        },
    ];
    let room = PAGE_MM - RESERVED_MM - if draft { DRAFT_MM } else { 0.0 };
    let head_mm = text_mm("X", 10.0, true, LEFT_MM) + CELL_PAD_MM;
    let continued = lang.texts().continued;
    let dash_mm = text_mm("-", 9.0, false, LEFT_MM);

    let mut pages: Vec<String> = Vec::new();
    let mut body = top;
    let mut used = top_mm;
    for pair in pairs {
        // Entries of each side still to place, and the number of the next.
        let (mut left, mut right) = (&pair.left.1[..], &pair.right.1[..]);
        let (mut left_no, mut right_no) = (1, 1);
        let mut more = false;
        loop {
            let free = room - used - head_mm - CELL_PAD_MM;
            let take = |items: &[Item], right: bool| {
                let mut h = 0.0;
                let mut n = 0;
                for item in items {
                    let ih = item_mm(item, right);
                    if h + ih > free {
                        break;
                    }
                    h += ih;
                    n += 1;
                }
                (n, h)
            };
            let (mut ln, lh) = take(left, false);
            let (mut rn, rh) = take(right, true);
            let done = ln == left.len() && rn == right.len();
            let fresh = used <= 0.0;
            let stuck = if done { free < dash_mm } else { ln + rn == 0 };
            if stuck && !fresh {
                // Not one entry fits under the heading here: the box
                // starts the next page rather than leave a heading alone.
                pages.push(std::mem::take(&mut body));
                used = 0.0;
                continue;
            }
            if stuck {
                // One entry taller than a page: it goes alone, and the
                // browser breaks it.
                ln = left.len().min(1);
                rn = right.len().min(1);
            }
            push_pair(
                &mut body,
                &pair,
                (left, ln, left_no),
                (right, rn, right_no),
                more,
                continued,
            );
            used += head_mm + CELL_PAD_MM + lh.max(rh).max(dash_mm);
            left = left.get(ln..).unwrap_or(&[]);
            right = right.get(rn..).unwrap_or(&[]);
            left_no += ln;
            right_no += rn;
            more = true;
            if left.is_empty() && right.is_empty() {
                break;
            }
            pages.push(std::mem::take(&mut body));
            used = 0.0;
        }
    }
    if !body.is_empty() || pages.is_empty() {
        pages.push(body);
    }
    pages
        .into_iter()
        .map(|rows| {
            format!(
                "<section class=\"page identity\">\n<table class=\"id\">\n\
                 <colgroup><col class=\"c-left\"><col class=\"c-key\"><col class=\"c-val\"></colgroup>\n\
                 {rows}</table>\n</section>\n"
            )
        })
        .collect()
}

/// Writes the heading row and the entry row of a pair of boxes: of each
/// side `(entries, how many, number of the first)`; headings marked as
/// continued when `more`.
fn push_pair(
    s: &mut String,
    pair: &Pair<'_>,
    left: (&[Item], usize, usize),
    right: (&[Item], usize, usize),
    more: bool,
    continued: &str,
) {
    let head = |k: &str| if more { format!("{} ({continued})", esc(k)) } else { esc(k) };
    let side = |(items, n, no): (&[Item], usize, usize)| {
        if more && n == 0 { String::new() } else { list(items.get(..n).unwrap_or(&[]), no) }
    };
    let _ = writeln!(
        s,
        "<tr class=\"box-head\"><th scope=\"col\">{}</th><th scope=\"col\" colspan=\"2\">{}</th></tr>\n\
         <tr class=\"box\"><td>{}</td><td colspan=\"2\">{}</td></tr>",
        head(pair.left.0),
        head(pair.right.0),
        side(left),
        side(right),
    );
}

/// The agency, number, dates, approval and title rows, and their height
/// in mm as estimated.
fn top_block(sop: &Sop, lang: Lang) -> (String, f64) {
    let l = lang.labels();
    let id = &sop.identity;
    let raw = |v: &Option<Spanned<String>>| v.as_ref().map_or("-".to_string(), |s| s.value.clone());
    // An empty text is a box left blank (`kosong`, or an empty text that
    // empty-value reports): a line to fill in by hand, not a dash.
    let text = |v: &Option<Spanned<String>>| {
        v.as_ref().map_or("-".to_string(), |s| {
            if s.as_str().trim().is_empty() { FILL.to_string() } else { esc(s.as_str()) }
        })
    };
    // Dates as plain text; `None` for a blank one (the fill-in line).
    let date = |key: &str, v: &Option<Spanned<crate::model::Date>>| -> Option<String> {
        if v.is_none() && sop.is_blank(key) {
            return None;
        }
        Some(v.as_ref().map_or("-".to_string(), |d| match &d.value.written {
            // Printed as the author wrote it (`16 Juli 2012`, `01/03/2022`).
            Some(w) => w.clone(),
            None => lang.long_date(&d.value),
        }))
    };
    let revised_date = date("identity.revised", &id.revised);
    let mut revised = revised_date.clone().unwrap_or_default();
    if let Some(r) = &id.revision {
        // "Revisi ke-1" joins the number to the label; "Revision 1" does not.
        let sep = if l.revision.ends_with('-') { "" } else { " " };
        let _ = write!(revised, " ({}{sep}{})", l.revision, r.value);
    }
    let level = match sop.level.as_ref().map(|l| l.value) {
        Some(SopLevel::Makro) => l.level_makro,
        Some(SopLevel::Mikro) => l.level_mikro,
        None => "",
    };
    let ab = &sop.identity.approved_by;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<tr><td class=\"org\" rowspan=\"6\"><div class=\"logo\">{logo}</div>\
         <div class=\"agency\">{agency}</div><div class=\"unit\">{unit}</div>\
         <div class=\"level\">{level}</div></td>\
         <th scope=\"row\">{kn}</th><td class=\"number\">{number}</td></tr>",
        logo = esc(lang.texts().logo),
        agency = text(&id.agency),
        unit = text(&id.unit),
        level = esc(level),
        kn = esc(l.number),
        number = text(&id.number),
    );
    let row_mm = |k: &str, v: &str, pt: f64, bold: bool| {
        text_mm(k, 10.0, true, KEY_MM).max(text_mm(v, pt, bold, VALUE_MM)) + CELL_PAD_MM
    };
    let mut right_mm = row_mm(l.number, &raw(&id.number), 10.0, true);
    let revised = (revised_date.is_some() || id.revision.is_some()).then_some(revised);
    let dates = [
        (l.created, date("identity.created", &id.created)),
        (l.revised, revised),
        (l.effective, date("identity.effective", &id.effective)),
    ];
    for (k, v) in &dates {
        let shown = v.as_deref().map_or(FILL.to_string(), esc);
        let _ = writeln!(s, "<tr><th scope=\"row\">{}</th><td>{shown}</td></tr>", esc(k));
        right_mm += row_mm(k, v.as_deref().unwrap_or("-"), 10.0, false);
    }
    let nip = ab.nip.as_ref().map_or(String::new(), |n| format!("{} {}", l.nip, n.as_str()));
    let name = ab.name.as_ref().map_or(String::new(), |n| n.value.clone());
    let _ = writeln!(
        s,
        "<tr><th scope=\"row\">{k}</th><td class=\"approval\"><div class=\"position\">{pos}</div>\
         <div class=\"sign\">{sign}</div><div class=\"official\">{name}</div>\
         <div class=\"nip\">{nip}</div></td></tr>",
        k = esc(l.approved_by),
        pos = text(&ab.position),
        sign = esc(lang.texts().signature_and_stamp),
        name = ab.name.as_ref().map_or(String::new(), |_| text(&ab.name)),
        nip = esc(&nip),
    );
    right_mm += text_mm(&raw(&ab.position), 10.0, false, VALUE_MM)
        + 16.0
        + text_mm(&name, 10.0, true, VALUE_MM)
        + text_mm(&nip, 10.0, false, VALUE_MM)
        + CELL_PAD_MM;
    let _ = writeln!(
        s,
        "<tr><th scope=\"row\">{k}</th><td class=\"title\">{title}</td></tr>",
        k = esc(l.title),
        title = text(&id.title),
    );
    right_mm += row_mm(l.title, &raw(&id.title), 11.0, true);
    let left_mm = 24.0
        + 3.0
        + text_mm(&raw(&id.agency).to_uppercase(), 11.0, true, LEFT_MM)
        + 1.5
        + text_mm(&raw(&id.unit), 10.0, true, LEFT_MM)
        + 2.0
        + text_mm(level, 9.0, false, LEFT_MM)
        + CELL_PAD_MM;
    (s, left_mm.max(right_mm))
}

/// A line to fill in by hand, for a box the SOP leaves blank.
const FILL: &str = "<span class=\"fill\"></span>";

fn esc(s: &str) -> String {
    escape::html(s)
}

fn plain(items: &[Spanned<String>]) -> Vec<Item> {
    items.iter().map(|i| Item::plain(i.as_str())).collect()
}

/// A Keterkaitan entry: a loaded SOP by title and number, else as written.
fn related_item(r: &Related, lang: Lang, cat: &LinkedSops) -> Item {
    let linked = r.sop.as_ref().and_then(|id| cat.get(id.as_str()));
    let (mut html, mut plain) = match (linked, &r.title, &r.sop) {
        (Some(linked), _, _) if !linked.number.is_empty() => {
            let t = format!("{} ({} {})", linked.title, lang.labels().number, linked.number);
            (esc(&t), t)
        }
        (Some(linked), _, Some(id)) if linked.title.is_empty() => {
            (esc(id.as_str()), id.value.clone())
        }
        (Some(linked), _, _) => (esc(&linked.title), linked.title.clone()),
        (None, Some(title), _) => (esc(title.as_str()), title.value.clone()),
        (None, None, Some(id)) => (format!("<code>{}</code>", esc(id.as_str())), id.value.clone()),
        (None, None, None) => ("-".to_string(), "-".to_string()),
    };
    if let Some(rel) = &r.relation {
        let _ = write!(html, " &mdash; {}", esc(lang.relation(rel.value)));
        let _ = write!(plain, " — {}", lang.relation(rel.value));
    }
    Item { html, plain }
}

/// A numbered list starting at `start` (a list continued from the page
/// before keeps its numbering), or "-" for none.
fn list(items: &[Item], start: usize) -> String {
    if items.is_empty() {
        return "-".to_string();
    }
    let mut s = if start > 1 { format!("<ol start=\"{start}\">") } else { String::from("<ol>") };
    for i in items {
        let _ = write!(s, "<li>{}</li>", i.html);
    }
    s.push_str("</ol>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Settings, check_file as check_source};
    use crate::source::SourceFile;

    fn sop(yaml: &str) -> Sop {
        let src = SourceFile::new("t.yaml", yaml);
        check_source(&src, 0, &Settings::default()).sop.unwrap()
    }

    const HEAD: &str = "schema: sop-ap/1\nid: a\nlevel: makro\ntype: administratif\nidentity:\n  agency: Badan <X>\n  unit: Unit\n  number: N-1\n  title: Judul & Co\n  created: 2024-01-02\n  revision: 2\n  effective: 2024-01-03\n  approved_by:\n    position: Kepala\n    name: Budi\n    nip: \"1990 01\"\n";

    #[test]
    fn identity_fields_are_escaped_and_in_place() {
        let s = sop(&format!(
            "{HEAD}related:\n  - sop: b\n    relation: child\n  - title: Luar\n    relation: related\n    external: true\n  - sop: c\n    relation: parent\n"
        ));
        let b =
            sop("schema: sop-ap/1\nid: b\nlevel: mikro\nidentity:\n  number: N-2\n  title: Anak\n");
        let cat = LinkedSops::new([&s, &b]);
        let html = pages(&s, Lang::Id, &cat, false).concat();
        assert!(html.contains("Badan &lt;X&gt;"), "{html}");
        assert!(html.contains("<td class=\"title\">Judul &amp; Co</td>"), "{html}");
        assert!(html.contains("<td>2 Januari 2024</td>"), "{html}");
        assert!(
            html.contains("<th scope=\"row\">Tanggal Revisi</th><td>- (Revisi ke-2)</td>"),
            "{html}"
        );
        assert!(html.contains("NIP 1990 01"), "{html}");
        // Linked by number and title when loaded, as written otherwise.
        assert!(
            html.contains("<li>Anak (Nomor SOP N-2) &mdash; SOP turunan (mikro)</li>"),
            "{html}"
        );
        assert!(html.contains("<li>Luar &mdash; SOP terkait</li>"), "{html}");
        assert!(html.contains("<li><code>c</code> &mdash; SOP induk (makro)</li>"), "{html}");
        let order = [
            "Dasar Hukum",
            "Kualifikasi Pelaksana",
            "Keterkaitan",
            "Peralatan/Perlengkapan",
            "Peringatan",
            "Pencatatan dan Pendataan",
        ];
        let pos: Vec<usize> = order.iter().map(|k| html.find(k).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
        let en = pages(&s, Lang::En, &cat, false).concat();
        assert!(en.contains("<th scope=\"row\">Date revised</th><td>- (Revision 2)</td>"), "{en}");
    }
}
