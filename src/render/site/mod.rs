//! The published catalogue (`sopmap site`): a folder of static pages for
//! every SOP of one run, to read from `file://` or any static host. This
//! module owns the catalogue's shape: which SOPs get a page, each page's
//! file name ([`slug`]), and the links between SOPs as the pages show them
//! (makro parents, mikro children, other relations). The pages are in
//! their own files ([`index`], [`sop_page`], [`actors`], [`map`],
//! [`reviewers`]), framed by [`shell`] and styled and scripted by
//! [`assets`]; their content comes from the existing renderers (the
//! document's flowchart SVG and identity block, the checklist, the time
//! figures, BPMN), never drawn twice.
//!
//! [`build`] is pure: it returns every file of the site as bytes, and the
//! caller (`cli/site.rs`) decides what to write, what to leave alone and
//! what to remove. Output is deterministic (no dates, no counters that
//! depend on the run), so an unchanged corpus gives byte-identical pages.

mod actors;
mod assets;
mod finding_list;
mod index;
mod map;
mod reviewers;
pub mod search;
mod shell;
pub mod slug;
mod sop_page;

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{LinkKind, links};
use crate::diagnostic::FileId;
use crate::graph::ProcessGraph;
use crate::lang::Lang;
use crate::model::{Relation, Rows, Sop};
use crate::render::document::LinkedSops;
use crate::run::Outcome;
use crate::timing::Timing;

/// How to build the site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    /// Each SOP page links to `pdf/<slug>.pdf` (the caller prints them).
    pub pdf: bool,
    /// Threads rendering SOP pages; the result does not depend on it.
    pub jobs: usize,
}

/// One file of the site: its path inside the site folder (`/`-separated,
/// relative) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A SOP document to print as PDF: the print-ready HTML page and the PDF
/// path beside it, both inside the site folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printable {
    pub html: String,
    pub pdf: String,
}

/// Every file of the site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Site {
    pub pages: Vec<Page>,
    /// The documents to print when [`Options::pdf`] is set.
    pub printable: Vec<Printable>,
}

/// One SOP with a page.
pub(crate) struct SopInfo<'a> {
    pub file: FileId,
    /// The page's file name without extension (unique in the site).
    pub slug: String,
    pub sop: &'a Sop,
    pub graph: &'a ProcessGraph,
    pub timing: Option<&'a Timing>,
    pub rows: Rows,
    pub errors: usize,
    pub warnings: usize,
}

impl SopInfo<'_> {
    /// The page of this SOP, from a page one folder down (`sop/`).
    pub fn href_from_sop(&self) -> String {
        format!("{}.html", self.slug)
    }

    /// The page of this SOP, from the site's root.
    pub fn href(&self) -> String {
        format!("sop/{}.html", self.slug)
    }

    /// The SOP as a reader names it: number and title, else its id.
    pub fn name(&self) -> String {
        let text = format!("{} {}", self.sop.number(), self.sop.title());
        let text = text.trim();
        if text.is_empty() { self.sop.id_str().to_string() } else { text.to_string() }
    }

    /// The step of the SOP whose text holds byte `offset`, by row number:
    /// the last step starting at or before it (as [`crate::render::findings`]
    /// places findings on steps).
    pub fn row_at(&self, offset: usize) -> Option<i64> {
        let idx = self.sop.steps.partition_point(|s| s.span.start <= offset);
        let step = idx.checked_sub(1)?;
        Some(self.rows.number(step))
    }
}

/// A link from one SOP to another as a page shows it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Target {
    /// A SOP with a page: its index in [`Ctx::sops`].
    Page(usize),
    /// Not in this catalogue (missing, or marked `external`).
    Outside { id: String, external: bool },
}

/// The links of one SOP, by how the page groups them.
#[derive(Clone, Debug, Default)]
pub(crate) struct SopLinks {
    pub parents: BTreeSet<Target>,
    pub children: BTreeSet<Target>,
    pub other: BTreeSet<(Target, &'static str)>,
}

/// What every page is built from.
pub(crate) struct Ctx<'a> {
    pub lang: Lang,
    pub options: Options,
    pub outcome: &'a Outcome,
    /// The SOPs with a page, in catalogue order (by id, then load order),
    /// then those without an id, in file order.
    pub sops: Vec<SopInfo<'a>>,
    /// The position in `sops` of each file's SOP.
    pub by_file: BTreeMap<FileId, usize>,
    /// Links per SOP, indexed like `sops`.
    pub links: Vec<SopLinks>,
    /// Number and title of every SOP by id, for the document renderers.
    pub linked: LinkedSops,
}

impl<'a> Ctx<'a> {
    fn new(outcome: &'a Outcome, options: Options) -> Ctx<'a> {
        let counts = outcome.counts();
        let mut files: Vec<FileId> = outcome.catalogue.entries().iter().map(|e| e.file).collect();
        let listed: BTreeSet<FileId> = files.iter().copied().collect();
        files.extend((0..outcome.reported()).filter(|f| !listed.contains(f)));
        let mut names = slug::Names::default();
        let mut sops = Vec::with_capacity(files.len());
        for file in files {
            let Some(model) = outcome.model(file) else { continue };
            let (errors, warnings) = counts.get(file).copied().unwrap_or_default();
            let stem = outcome.sources.get(file).map_or("", |s| s.path.as_str());
            sops.push(SopInfo {
                file,
                slug: names.claim(model.sop.id.as_ref().map(|i| i.value.as_str()), stem),
                sop: &model.sop,
                graph: &model.graph,
                timing: model.timing.as_ref(),
                rows: Rows::of(&model.sop),
                errors,
                warnings,
            });
        }
        let by_file = sops.iter().enumerate().map(|(i, s)| (s.file, i)).collect();
        let linked = LinkedSops::new(outcome.catalogue.entries().iter().map(|e| &e.sop));
        let mut ctx =
            Ctx { lang: options.lang, options, outcome, sops, by_file, links: Vec::new(), linked };
        ctx.links = ctx.link_table();
        ctx
    }

    /// The page a SOP id leads to: the first SOP declaring it.
    pub fn target(&self, id: &str, external: bool) -> Target {
        let page = (!external)
            .then(|| self.outcome.catalogue.get(id))
            .flatten()
            .and_then(|e| self.by_file.get(&e.file).copied());
        match page {
            Some(i) => Target::Page(i),
            None => Target::Outside { id: id.to_string(), external },
        }
    }

    /// Every SOP's parents, children and other relations, both ways: a
    /// `sub_sop` step or a `child` entry makes a child, and its target
    /// gets the parent; a `parent` entry the same the other way round.
    /// One pass over the links: O(SOPs + links).
    fn link_table(&self) -> Vec<SopLinks> {
        let mut out: Vec<SopLinks> = (0..self.sops.len()).map(|_| SopLinks::default()).collect();
        for (i, info) in self.sops.iter().enumerate() {
            for link in links(info.sop) {
                let target = self.target(&link.target, link.external);
                if target == Target::Page(i) {
                    continue;
                }
                let child = matches!(
                    link.kind,
                    LinkKind::SubSop | LinkKind::Related(Some(Relation::Child))
                );
                let parent = link.kind == LinkKind::Related(Some(Relation::Parent));
                if child {
                    if let Target::Page(t) = target
                        && let Some(l) = out.get_mut(t)
                    {
                        l.parents.insert(Target::Page(i));
                    }
                    if let Some(l) = out.get_mut(i) {
                        l.children.insert(target);
                    }
                } else if parent {
                    if let Target::Page(t) = target
                        && let Some(l) = out.get_mut(t)
                    {
                        l.children.insert(Target::Page(i));
                    }
                    if let Some(l) = out.get_mut(i) {
                        l.parents.insert(target);
                    }
                } else if let Some(l) = out.get_mut(i) {
                    let kind = match link.kind {
                        LinkKind::Related(Some(r)) => self.lang.relation(r),
                        _ => self.lang.texts().relation_related,
                    };
                    l.other.insert((target, kind));
                }
            }
        }
        // A relation also listed as parent or child is shown there only.
        for l in &mut out {
            let (parents, children) = (&l.parents, &l.children);
            l.other.retain(|(t, _)| !parents.contains(t) && !children.contains(t));
        }
        out
    }
}

/// Builds every file of the site for the SOPs of `outcome` (a run that
/// kept models).
pub fn build(outcome: &Outcome, options: &Options) -> Site {
    let ctx = Ctx::new(outcome, *options);
    let mut site = Site::default();
    let mut add = |path: String, text: String| {
        site.pages.push(Page { path, bytes: text.into_bytes() });
    };
    add("assets/site.css".into(), assets::CSS.to_string());
    add("assets/site.js".into(), assets::JS.to_string());
    add("index.html".into(), index::page(&ctx));
    add("map.html".into(), map::page(&ctx));
    add("reviewers.html".into(), reviewers::page(&ctx));
    site.pages.extend(actors::pages(&ctx));
    // The SOP pages (layout, SVG, BPMN of each SOP) are the bulk of the
    // work: rendered on `jobs` threads in contiguous chunks, joined in
    // order, so the result is the same on any number of threads.
    let chunk = ctx.sops.len().div_ceil(options.jobs.max(1)).max(1);
    let parts: Vec<Vec<Page>> = std::thread::scope(|scope| {
        let ctx = &ctx;
        let handles: Vec<_> = ctx
            .sops
            .chunks(chunk)
            .enumerate()
            .map(|(c, infos)| {
                scope.spawn(move || {
                    let first = c * chunk;
                    let mut pages = Vec::with_capacity(infos.len() * 4);
                    for (k, info) in infos.iter().enumerate() {
                        pages.extend(sop_page::files(ctx, first + k, info));
                    }
                    pages
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for part in parts {
        site.pages.extend(part);
    }
    for info in &ctx.sops {
        site.printable.push(Printable {
            html: format!("doc/{}.html", info.slug),
            pdf: format!("pdf/{}.pdf", info.slug),
        });
    }
    site
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Settings;
    use crate::run::{Input, Keep};
    use crate::source::SourceFile;

    fn sop(id: &str, level: &str, extra: &str, step_extra: &str) -> String {
        format!(
            "schema: sop-ap/1\nid: {id}\nlevel: {level}\ntype: administratif\nidentity: {{title: T {id}}}\n{extra}actors:\n  - id: a\n    name: Kepala Seksi\nsteps:\n  - {{id: mulai, kind: start, actor: a, activity: Mulai, time: 1 jam, next: kerja}}\n  - {{id: kerja, kind: process, actor: a, activity: Bekerja, time: 1 jam, next: selesai{step_extra}}}\n  - {{id: selesai, kind: end, actor: a, activity: Selesai, time: 1 jam}}\n"
        )
    }

    fn outcome() -> Outcome {
        let files = [
            ("m.yaml", sop("m", "makro", "", ", sub_sop: c")),
            (
                "c.yaml",
                sop(
                    "c",
                    "mikro",
                    "related:\n  - {sop: m, relation: parent}\n  - {sop: luar, relation: related, external: true}\n",
                    "",
                ),
            ),
        ];
        let inputs = files
            .iter()
            .map(|(p, y)| Input::new(SourceFile::new(*p, y.clone()), Settings::default()))
            .collect();
        crate::run::check(inputs, crate::run::Options::keeping(Keep::Models))
    }

    #[test]
    fn links_show_both_ways_and_the_result_does_not_depend_on_threads() {
        let out = outcome();
        let ctx = Ctx::new(&out, Options::default());
        let m = ctx.sops.iter().position(|s| s.sop.id_str() == "m").unwrap_or(9);
        let c = ctx.sops.iter().position(|s| s.sop.id_str() == "c").unwrap_or(9);
        let links = |i: usize| ctx.links.get(i).cloned().unwrap_or_default();
        assert!(links(m).children.contains(&Target::Page(c)));
        assert!(links(c).parents.contains(&Target::Page(m)));
        assert!(
            links(c).other.iter().any(|(t, _)| matches!(t, Target::Outside { external: true, .. }))
        );

        let one = build(&out, &Options { jobs: 1, ..Options::default() });
        let four = build(&out, &Options { jobs: 4, ..Options::default() });
        assert_eq!(one, four);
        let paths: Vec<&str> = one.pages.iter().map(|p| p.path.as_str()).collect();
        for want in [
            "index.html",
            "actors.html",
            "map.html",
            "reviewers.html",
            "sop/m.html",
            "doc/c.html",
            "yaml/c.yaml",
            "bpmn/m.bpmn",
        ] {
            assert!(paths.contains(&want), "{paths:?}");
        }
    }
}
