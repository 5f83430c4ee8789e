//! `sopmap checklist`: the SOP as a checklist for staff, optionally only
//! one actor's steps. `sub_sop` targets are named by title and number when
//! their file (`<id>.yaml` beside the SOP) can be read.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Result, bail};

use crate::check::{Settings, check_source};
use crate::cli::args::{ChecklistArgs, ChecklistFormat};
use crate::cli::gate::{self, Gate};
use crate::cli::{Env, ExitStatus, Io, inputs, output};
use crate::lang::Lang;
use crate::model::Sop;
use crate::render::checklist::{self, Options, PathTimes, SopRef};
use crate::source::SourceFile;
use crate::suggest;
use crate::timing;

pub fn run(args: &ChecklistArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let cleared = match gate::pass(&args.input, env, io)? {
        Gate::Cleared(c) => c,
        Gate::Refused(status) => return Ok(status),
    };
    let sop = &cleared.sop;
    if let Some(actor) = &args.actor
        && sop.actor(actor).is_none()
    {
        let ids: Vec<&str> =
            sop.actors.iter().filter_map(|a| a.id.as_ref().map(|i| i.value.as_str())).collect();
        let hint = suggest::did_you_mean(actor, ids.iter().copied()).unwrap_or_else(|| {
            let list: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
            format!("the actors are {}", list.join(", "))
        });
        bail!("unknown actor `{actor}` in `{}`; {hint}", cleared.source.path);
    }
    let lang = Lang::from(args.input.lang);
    let opts = Options {
        lang,
        actor: args.actor.as_deref(),
        sops: sibling_sops(&args.input.file, sop),
        times: timing::analyze(sop, &cleared.graph, cleared.workday_minutes)
            .map(|t| PathTimes::of(&t, sop, lang)),
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

/// Title and number of each `sub_sop` target whose file sits beside the
/// SOP. A file that is missing or broken is simply not used: the
/// checklist then names the SOP by id.
fn sibling_sops(file: &Path, sop: &Sop) -> BTreeMap<String, SopRef> {
    let mut out = BTreeMap::new();
    let Some(dir) = file.parent() else { return out };
    for id in sop.steps.iter().filter_map(|s| s.sub_sop.as_ref()).map(|s| s.value.as_str()) {
        if out.contains_key(id) || id.contains(['/', '\\']) || id.starts_with('.') {
            continue;
        }
        for ext in ["yaml", "yml"] {
            let path = dir.join(format!("{id}.{ext}"));
            let Ok(text) = inputs::read_file(&path, 4 * 1024 * 1024) else { continue };
            let src = SourceFile::new(path.to_string_lossy(), text);
            if let Some(child) = check_source(&src, 0, &Settings::default()).sop
                && child.id_str() == id
            {
                let r = SopRef { title: child.title().into(), number: child.number().into() };
                out.insert(id.to_string(), r);
                break;
            }
        }
    }
    out
}
