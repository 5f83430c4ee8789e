//! The identity page (Bagian Identitas) as agencies print it: a two-column
//! table with the agency, unit and a place for the logo on the left; Nomor
//! SOP, the three dates, Disahkan oleh (with room for signature and stamp)
//! and Nama SOP on the right; then the paired boxes Dasar Hukum |
//! Kualifikasi Pelaksana, Keterkaitan | Peralatan/Perlengkapan and
//! Peringatan | Pencatatan dan Pendataan.

use std::fmt::Write;

use super::LinkedSops;
use crate::lang::Lang;
use crate::model::{Related, Sop, SopLevel, Spanned};
use crate::render::escape;

/// The identity page as an HTML `<section>`.
pub fn page(sop: &Sop, lang: Lang, cat: &LinkedSops) -> String {
    let l = lang.labels();
    let id = &sop.identity;
    // An empty text is a box left blank (`kosong`, or an empty text that
    // empty-value reports): a line to fill in by hand, not a dash.
    let text = |v: &Option<Spanned<String>>| {
        v.as_ref().map_or("-".to_string(), |s| {
            if s.as_str().trim().is_empty() { FILL.to_string() } else { esc(s.as_str()) }
        })
    };
    let date = |key: &str, v: &Option<Spanned<crate::model::Date>>| {
        if v.is_none() && sop.is_blank(key) {
            return FILL.to_string();
        }
        v.as_ref().map_or("-".to_string(), |d| match &d.value.written {
            // Printed as the author wrote it (`16 Juli 2012`, `01/03/2022`).
            Some(w) => esc(w),
            None => esc(&lang.long_date(&d.value)),
        })
    };
    let mut revised = date("identity.revised", &id.revised);
    if let Some(r) = &id.revision {
        // "Revisi ke-1" joins the number to the label; "Revision 1" does not.
        let sep = if l.revision.ends_with('-') { "" } else { " " };
        let _ = write!(revised, " ({}{sep}{})", esc(l.revision), r.value);
    }
    let level = match sop.level.as_ref().map(|l| l.value) {
        Some(SopLevel::Makro) => l.level_makro,
        Some(SopLevel::Mikro) => l.level_mikro,
        None => "",
    };
    let ab = &id.approved_by;
    let mut s = String::new();
    s.push_str("<section class=\"page identity\">\n<table class=\"id\">\n");
    s.push_str(
        "<colgroup><col class=\"c-left\"><col class=\"c-key\"><col class=\"c-val\"></colgroup>\n",
    );
    let _ = writeln!(
        s,
        "<tr><td class=\"org\" rowspan=\"6\"><div class=\"logo\">{logo}</div>\
         <div class=\"agency\">{agency}</div><div class=\"unit\">{unit}</div>\
         <div class=\"level\">{level}</div></td>\
         <th>{kn}</th><td class=\"number\">{number}</td></tr>",
        logo = esc(lang.texts().logo),
        agency = text(&id.agency),
        unit = text(&id.unit),
        level = esc(level),
        kn = esc(l.number),
        number = text(&id.number),
    );
    for (k, v) in [
        (l.created, date("identity.created", &id.created)),
        (l.revised, revised),
        (l.effective, date("identity.effective", &id.effective)),
    ] {
        let _ = writeln!(s, "<tr><th>{}</th><td>{v}</td></tr>", esc(k));
    }
    let nip =
        ab.nip.as_ref().map_or(String::new(), |n| format!("{} {}", esc(l.nip), esc(n.as_str())));
    let _ = writeln!(
        s,
        "<tr><th>{k}</th><td class=\"approval\"><div class=\"position\">{pos}</div>\
         <div class=\"sign\">{sign}</div><div class=\"official\">{name}</div>\
         <div class=\"nip\">{nip}</div></td></tr>",
        k = esc(l.approved_by),
        pos = text(&ab.position),
        sign = esc(lang.texts().signature_and_stamp),
        name = ab.name.as_ref().map_or(String::new(), |_| text(&ab.name)),
    );
    let _ = writeln!(
        s,
        "<tr><th>{k}</th><td class=\"title\">{title}</td></tr>",
        k = esc(l.title),
        title = text(&id.title),
    );
    let related: Vec<String> = sop.related.iter().map(|r| related_item(r, lang, cat)).collect();
    // A list left blank (`records: kosong`) gets lines to fill in.
    let boxed = |key: &str, items: &[Spanned<String>]| {
        if items.is_empty() && sop.is_blank(key) {
            vec![FILL.to_string(), FILL.to_string()]
        } else {
            plain(items)
        }
    };
    let pairs = [
        (
            l.legal_basis,
            boxed("legal_basis", &sop.legal_basis),
            l.qualifications,
            boxed("qualifications", &sop.qualifications),
        ),
        (l.related, related, l.equipment, boxed("equipment", &sop.equipment)),
        (l.warnings, boxed("warnings", &sop.warnings), l.records, boxed("records", &sop.records)),
    ];
    for (lk, lv, rk, rv) in pairs {
        let _ = writeln!(
            s,
            "<tr class=\"box-head\"><th>{}</th><th colspan=\"2\">{}</th></tr>\n\
             <tr class=\"box\"><td>{}</td><td colspan=\"2\">{}</td></tr>",
            esc(lk),
            esc(rk),
            list(&lv),
            list(&rv)
        );
    }
    s.push_str("</table>\n</section>\n");
    s
}

/// A line to fill in by hand, for a box the SOP leaves blank.
const FILL: &str = "<span class=\"fill\"></span>";

fn esc(s: &str) -> String {
    escape::html(s)
}

fn plain(items: &[Spanned<String>]) -> Vec<String> {
    items.iter().map(|i| esc(i.as_str())).collect()
}

/// A Keterkaitan entry: a loaded SOP by title and number, else as written.
fn related_item(r: &Related, lang: Lang, cat: &LinkedSops) -> String {
    let linked = r.sop.as_ref().and_then(|id| cat.get(id.as_str()));
    let mut s = match (linked, &r.title, &r.sop) {
        (Some(linked), _, _) if !linked.number.is_empty() => format!(
            "{} ({} {})",
            esc(&linked.title),
            esc(lang.labels().number),
            esc(&linked.number)
        ),
        (Some(linked), _, Some(id)) if linked.title.is_empty() => esc(id.as_str()),
        (Some(linked), _, _) => esc(&linked.title),
        (None, Some(title), _) => esc(title.as_str()),
        (None, None, Some(id)) => format!("<code>{}</code>", esc(id.as_str())),
        (None, None, None) => "-".to_string(),
    };
    if let Some(rel) = &r.relation {
        let _ = write!(s, " &mdash; {}", esc(lang.relation(rel.value)));
    }
    s
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "-".to_string();
    }
    let mut s = String::from("<ol>");
    for i in items {
        let _ = write!(s, "<li>{i}</li>");
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
        let html = page(&s, Lang::Id, &cat);
        assert!(html.contains("Badan &lt;X&gt;"), "{html}");
        assert!(html.contains("<td class=\"title\">Judul &amp; Co</td>"), "{html}");
        assert!(html.contains("<td>2 Januari 2024</td>"), "{html}");
        assert!(html.contains("<th>Tanggal Revisi</th><td>- (Revisi ke-2)</td>"), "{html}");
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
        let en = page(&s, Lang::En, &cat);
        assert!(en.contains("<th>Date revised</th><td>- (Revision 2)</td>"), "{en}");
    }
}
