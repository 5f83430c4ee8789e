//! `sopmap checklist`: the SOP as a checklist for staff, optionally only
//! one actor's steps. `sub_sop` targets are named by title and number when
//! the check found their file beside the SOP.

use std::collections::BTreeMap;

use anyhow::Result;

use crate::{bail_in, msg};

use crate::catalog::Catalogue;
use crate::cli::args::{ChecklistArgs, ChecklistFormat, GlobalArgs};
use crate::cli::gate::{self, Gate};
use crate::cli::{Env, ExitStatus, Io, output};
use crate::model::Sop;
use crate::render::checklist::{self, Options, PathTimes, SopRef};
use crate::suggest;

pub fn run(
    args: &ChecklistArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let cleared = match gate::pass(&args.input, global, env, io)? {
        Gate::Cleared(c) => c,
        Gate::Refused(status) => return Ok(status),
    };
    let sop = &cleared.sop;
    if let Some(actor) = &args.actor
        && sop.actor(actor).is_none()
    {
        let ids: Vec<&str> =
            sop.actors.iter().filter_map(|a| a.id.as_ref().map(|i| i.value.as_str())).collect();
        let hint = suggest::meant(actor, ids.iter().copied()).unwrap_or_else(|| {
            let list: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
            let list = list.join(", ");
            msg!("pelaksananya adalah {list}" / "the actors are {list}")
        });
        bail_in!(
            "pelaksana `{actor}` tidak dikenal dalam `{}`; {}"
                / "unknown actor `{actor}` in `{}`; {}",
            cleared.source.path,
            hint
        );
    }
    let lang = cleared.global.lang;
    let opts = Options {
        lang,
        actor: args.actor.as_deref(),
        sops: linked_sops(&cleared.outcome.catalogue, sop),
        times: cleared.timing.as_ref().map(|t| PathTimes::of(t, sop, lang)),
    };
    let list = checklist::build(sop, &cleared.graph, &opts);
    let text = match args.format {
        ChecklistFormat::Text => checklist::text::render(&list),
        ChecklistFormat::Md => checklist::markdown::render(&list),
        ChecklistFormat::Html => checklist::html::render(&list),
    };
    output::write(args.input.output.as_deref(), &args.input.file, text.as_bytes(), io)?;
    Ok(ExitStatus::Clean)
}

/// Title and number of each `sub_sop` target the run loaded (the check
/// looks linked SOPs up beside the file). A SOP that is missing or broken
/// is simply not used: the checklist then names it by id.
fn linked_sops(catalogue: &Catalogue, sop: &Sop) -> BTreeMap<String, SopRef> {
    let mut out = BTreeMap::new();
    for id in sop.steps.iter().filter_map(|s| s.sub_sop.as_ref()).map(|s| s.value.as_str()) {
        if let Some(child) = catalogue.get(id) {
            let r = SopRef { title: child.sop.title().into(), number: child.sop.number().into() };
            out.insert(id.to_string(), r);
        }
    }
    out
}
