//! What the cursor is on, and where else it appears: go to definition,
//! find references and rename for step ids (`next`, branch `next`), actor
//! ids (`actor`, `alternate`, `with`) and SOP ids (`sub_sop`, `related[].sop`, the
//! SOP's own `id`). Step and actor ids live in one file; SOP ids span the
//! workspace.

use crate::diagnostic::{FileId, Text};
use crate::fix::Edit;
use crate::lsp::workspace::Workspace;
use crate::model::Sop;
use crate::msg;
use crate::source::Span;

/// What an id names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Step(String),
    Actor(String),
    Sop(String),
}

impl Target {
    pub fn name(&self) -> &str {
        match self {
            Target::Step(s) | Target::Actor(s) | Target::Sop(s) => s,
        }
    }
}

/// One place an id is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    pub target: Target,
    /// The place that defines it (a step's or actor's `id`, the SOP `id`).
    pub definition: bool,
}

/// Every id written in `sop`, in no particular order.
pub fn occurrences(sop: &Sop) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut push = |span: Span, target: Target, definition: bool| {
        out.push(Occurrence { span, target, definition });
    };
    if let Some(id) = &sop.id {
        push(id.span, Target::Sop(id.value.clone()), true);
    }
    for a in &sop.actors {
        if let Some(id) = &a.id {
            push(id.span, Target::Actor(id.value.clone()), true);
        }
    }
    for r in &sop.related {
        if let Some(s) = &r.sop {
            push(s.span, Target::Sop(s.value.clone()), false);
        }
    }
    for step in &sop.steps {
        if let Some(id) = &step.id {
            push(id.span, Target::Step(id.value.clone()), true);
        }
        if let Some(a) = &step.actor {
            push(a.span, Target::Actor(a.value.clone()), false);
        }
        for w in step.alternate.iter().chain(&step.with) {
            push(w.span, Target::Actor(w.value.clone()), false);
        }
        if let Some(n) = &step.next {
            push(n.span, Target::Step(n.value.clone()), false);
        }
        for b in &step.branches {
            if let Some(n) = &b.next {
                push(n.span, Target::Step(n.value.clone()), false);
            }
        }
        if let Some(s) = &step.sub_sop {
            push(s.span, Target::Sop(s.value.clone()), false);
        }
    }
    out
}

/// The id under byte `offset` (a cursor right after the id counts).
pub fn at(sop: &Sop, offset: usize) -> Option<Occurrence> {
    occurrences(sop).into_iter().find(|o| o.span.start <= offset && offset <= o.span.end)
}

/// A place in a file of the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: FileId,
    pub span: Span,
}

/// Where `target`, seen from `file`, is defined.
pub fn definition(ws: &Workspace, file: FileId, target: &Target) -> Option<Place> {
    match target {
        Target::Step(_) | Target::Actor(_) => {
            let sop = ws.sop(file)?;
            occurrences(sop)
                .into_iter()
                .find(|o| o.definition && o.target == *target)
                .map(|o| Place { file, span: o.span })
        }
        Target::Sop(id) => {
            let f = ws.file_of_sop(id)?;
            let span = ws.sop(f)?.id.as_ref()?.span;
            Some(Place { file: f, span })
        }
    }
}

/// Every place `target` is written, seen from `file`: in that file for a
/// step or actor, in every file for a SOP id. Definitions are included
/// when `with_definition`. Ordered by file, then position.
pub fn references(
    ws: &Workspace,
    file: FileId,
    target: &Target,
    with_definition: bool,
) -> Vec<Place> {
    let files: Vec<FileId> = match target {
        Target::Sop(_) => ws.files().collect(),
        _ => vec![file],
    };
    let mut out = Vec::new();
    for f in files {
        let Some(sop) = ws.sop(f) else { continue };
        let mut spans: Vec<Span> = occurrences(sop)
            .into_iter()
            .filter(|o| o.target == *target && (with_definition || !o.definition))
            .map(|o| o.span)
            .collect();
        spans.sort();
        out.extend(spans.into_iter().map(|span| Place { file: f, span }));
    }
    out
}

/// Why a rename was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenameError(pub Text);

/// The edits that rename `target` to `new_name`, per file, each edit a
/// scalar replacement that keeps quotes. Refuses a name that is not a
/// valid id of its kind, or that another step, actor or SOP already has.
pub fn rename(
    ws: &Workspace,
    file: FileId,
    target: &Target,
    new_name: &str,
) -> Result<Vec<(FileId, Vec<Edit>)>, RenameError> {
    let valid = match target {
        Target::Sop(_) => {
            !new_name.is_empty()
                && new_name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }
        _ => !new_name.is_empty() && crate::model::lower::is_local_id(new_name),
    };
    if !valid {
        let sep = match target {
            Target::Sop(_) => '-',
            _ => '_',
        };
        return Err(RenameError(msg!(
            "`{new_name}` bukan id yang sah: gunakan hanya huruf kecil, angka, dan `{sep}`"
                / "`{new_name}` is not a valid id: use only lowercase letters, digits and `{sep}`"
        )));
    }
    let taken = match target {
        Target::Step(_) => Target::Step(new_name.to_string()),
        Target::Actor(_) => Target::Actor(new_name.to_string()),
        Target::Sop(_) => Target::Sop(new_name.to_string()),
    };
    if taken != *target && definition(ws, file, &taken).is_some() {
        return Err(RenameError(msg!(
            "`{new_name}` sudah menjadi id yang lain"
                / "`{new_name}` is already the id of another one"
        )));
    }
    let mut out: Vec<(FileId, Vec<Edit>)> = Vec::new();
    for place in references(ws, file, target, true) {
        let edit = Edit::scalar(place.span, target.name(), new_name);
        match out.last_mut() {
            Some((f, edits)) if *f == place.file => edits.push(edit),
            _ => out.push((place.file, vec![edit])),
        }
    }
    Ok(out)
}
