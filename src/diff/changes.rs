//! Field-level changes: the identity block and classification, actors,
//! and the fields of each step, with old and new values. Also the remark
//! that the flow changed but the revision number and date did not.

use crate::diff::matching::{self, Matching};
use crate::diff::{ActorChange, FieldChange, SopDiff, StepChange, Value, Warning};
use crate::model::{Actor, Sop, Spanned, Step};

fn text<T: ToString>(v: Option<&Spanned<T>>) -> Value {
    v.map_or(Value::Absent, |s| Value::Text(s.value.to_string()))
}

fn list(v: &[Spanned<String>]) -> Value {
    if v.is_empty() {
        Value::Absent
    } else {
        Value::List(v.iter().map(|s| s.value.clone()).collect())
    }
}

fn push(out: &mut Vec<FieldChange>, field: &str, old: Value, new: Value) {
    if old != new {
        out.push(FieldChange { field: field.to_string(), old, new });
    }
}

/// Changes to the SOP's id, classification, identity block and service time.
pub fn identity(old: &Sop, new: &Sop) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let level = |s: &Sop| {
        s.level.as_ref().map_or(Value::Absent, |l| {
            Value::Text(match l.value {
                crate::model::SopLevel::Makro => "makro".into(),
                crate::model::SopLevel::Mikro => "mikro".into(),
            })
        })
    };
    push(&mut out, "id", text(old.id.as_ref()), text(new.id.as_ref()));
    push(&mut out, "level", level(old), level(new));
    let (a, b) = (&old.identity, &new.identity);
    let fields: [(&str, Value, Value); 12] = [
        ("identity.agency", text(a.agency.as_ref()), text(b.agency.as_ref())),
        ("identity.unit", text(a.unit.as_ref()), text(b.unit.as_ref())),
        ("identity.number", text(a.number.as_ref()), text(b.number.as_ref())),
        ("identity.title", text(a.title.as_ref()), text(b.title.as_ref())),
        ("identity.created", text(a.created.as_ref()), text(b.created.as_ref())),
        ("identity.revised", text(a.revised.as_ref()), text(b.revised.as_ref())),
        ("identity.revision", text(a.revision.as_ref()), text(b.revision.as_ref())),
        ("identity.effective", text(a.effective.as_ref()), text(b.effective.as_ref())),
        (
            "identity.approved_by.position",
            text(a.approved_by.position.as_ref()),
            text(b.approved_by.position.as_ref()),
        ),
        (
            "identity.approved_by.name",
            text(a.approved_by.name.as_ref()),
            text(b.approved_by.name.as_ref()),
        ),
        (
            "identity.approved_by.nip",
            text(a.approved_by.nip.as_ref()),
            text(b.approved_by.nip.as_ref()),
        ),
        ("service_time", text(old.service_time.as_ref()), text(new.service_time.as_ref())),
    ];
    for (field, o, n) in fields {
        push(&mut out, field, o, n);
    }
    push(&mut out, "legal_basis", list(&old.legal_basis), list(&new.legal_basis));
    out
}

fn actor_name(a: &Actor) -> String {
    a.display_name().to_string()
}

fn actor_id(a: &Actor) -> String {
    a.id.as_ref().map_or_else(|| "?".to_string(), |i| i.value.clone())
}

/// Actors added, removed, renamed (new id, same name) or changed (same
/// id, new name or `external`), in new column order then removed ones.
pub fn actors(old: &Sop, new: &Sop, m: &Matching) -> Vec<ActorChange> {
    let mut out = Vec::new();
    for (j, b) in new.actors.iter().enumerate() {
        match m.old_of(j).and_then(|i| old.actors.get(i)) {
            None => out.push(ActorChange::Added { id: actor_id(b), name: actor_name(b) }),
            Some(a) if actor_id(a) != actor_id(b) => out.push(ActorChange::Renamed {
                old_id: actor_id(a),
                new_id: actor_id(b),
                name: actor_name(b),
            }),
            Some(a) => {
                let mut fields = Vec::new();
                push(&mut fields, "name", text(a.name.as_ref()), text(b.name.as_ref()));
                push(&mut fields, "external", Value::Flag(a.external), Value::Flag(b.external));
                if !fields.is_empty() {
                    out.push(ActorChange::Changed { id: actor_id(b), fields });
                }
            }
        }
    }
    for (i, a) in old.actors.iter().enumerate() {
        if m.new_of(i).is_none() {
            out.push(ActorChange::Removed { id: actor_id(a), name: actor_name(a) });
        }
    }
    out
}

fn step_fields(a: &Step, b: &Step, map_actor: &dyn Fn(&str) -> String, out: &mut Vec<FieldChange>) {
    let kind = |s: &Step| s.kind().map_or(Value::Absent, |k| Value::Text(k.as_str().into()));
    push(out, "row", text(a.row.as_ref()), text(b.row.as_ref()));
    let same_row = |s: &Step| Value::Flag(s.same_row.is_some());
    push(out, "same_row", same_row(a), same_row(b));
    push(out, "kind", kind(a), kind(b));
    let old_actor = a.actor.as_ref().map_or(Value::Absent, |x| Value::Text(map_actor(&x.value)));
    push(out, "actor", old_actor, text(b.actor.as_ref()));
    let old_with: Vec<String> = a.with.iter().map(|w| map_actor(&w.value)).collect();
    let old_with = if old_with.is_empty() { Value::Absent } else { Value::List(old_with) };
    push(out, "with", old_with, list(&b.with));
    let old_alt: Vec<String> = a.alternate.iter().map(|w| map_actor(&w.value)).collect();
    let old_alt = if old_alt.is_empty() { Value::Absent } else { Value::List(old_alt) };
    push(out, "alternate", old_alt, list(&b.alternate));
    push(out, "activity", text(a.activity.as_ref()), text(b.activity.as_ref()));
    push(out, "requirements", list(&a.requirements), list(&b.requirements));
    push(out, "time", time(a), time(b));
    push(out, "time_note", text(a.time_note.as_ref()), text(b.time_note.as_ref()));
    push(out, "wait", Value::Flag(a.wait), Value::Flag(b.wait));
    push(out, "output", text(a.output.as_ref()), text(b.output.as_ref()));
    push(out, "notes", text(a.notes.as_ref()), text(b.notes.as_ref()));
    push(out, "sub_sop", text(a.sub_sop.as_ref()), text(b.sub_sop.as_ref()));
    push(out, "outcome", text(a.outcome.as_ref()), text(b.outcome.as_ref()));
    // Branches that end the procedure lead to no step, so they are not
    // arrows of the flow diff: they are compared here, as `label: outcome`.
    push(out, "branches.outcome", outcome_branches(a), outcome_branches(b));
}

fn outcome_branches(s: &Step) -> Value {
    let v: Vec<String> = s
        .branches
        .iter()
        .filter(|b| b.next.is_none())
        .filter_map(|b| {
            let o = b.outcome.as_ref()?;
            let label = b.label.as_ref().map_or("", |l| l.value.trim());
            Some(format!("{label}: {}", o.value.trim()))
        })
        .collect();
    if v.is_empty() { Value::Absent } else { Value::List(v) }
}

/// The time as parsed (normalised, so `1 Jam` and `1 jam` are equal); an
/// invalid value the checker reports shows as `(invalid)`.
fn time(s: &Step) -> Value {
    match (&s.time, s.has_time) {
        (Some(t), _) => Value::Text(t.value.normalized()),
        (None, true) => Value::Text("(invalid)".into()),
        (None, false) => Value::Absent,
    }
}

fn summary(s: &Step) -> (Option<String>, Option<String>, Option<String>) {
    (
        s.kind().map(|k| k.as_str().to_string()),
        s.actor.as_ref().map(|a| a.value.clone()),
        s.activity.as_ref().map(|a| a.value.clone()),
    )
}

/// Steps added, renamed or changed in new row order, then removed ones in
/// old row order. Arrows are left to [`crate::diff::flow`].
pub fn steps(old: &Sop, new: &Sop, m: &Matching, actors: &Matching) -> Vec<StepChange> {
    let map_actor = |a: &str| matching::actor_in_new(old, new, actors, a).to_string();
    let mut out = Vec::new();
    let (old_rows, new_rows) = (crate::model::Rows::of(old), crate::model::Rows::of(new));
    for (j, b) in new.steps.iter().enumerate() {
        let row = new_rows.number(j);
        match m.old_of(j).and_then(|i| old.steps.get(i).map(|a| (i, a))) {
            None => {
                let (kind, actor, activity) = summary(b);
                out.push(StepChange::Added { id: b.id_str().into(), row, kind, actor, activity });
            }
            Some((i, a)) => {
                if m.renamed.binary_search(&(i, j)).is_ok() {
                    out.push(StepChange::Renamed {
                        old_id: a.id_str().into(),
                        new_id: b.id_str().into(),
                        row,
                    });
                    continue;
                }
                let mut fields = Vec::new();
                step_fields(a, b, &map_actor, &mut fields);
                if !fields.is_empty() {
                    out.push(StepChange::Changed { id: b.id_str().into(), row, fields });
                }
            }
        }
    }
    for (i, a) in old.steps.iter().enumerate() {
        if m.new_of(i).is_none() {
            let (kind, actor, activity) = summary(a);
            out.push(StepChange::Removed {
                id: a.id_str().into(),
                row: old_rows.number(i),
                kind,
                actor,
                activity,
            });
        }
    }
    out
}

/// When the flow changed, the revision number and the revision date
/// should both move: an approved SOP changed without a new revision is
/// the kind of slip a reviewer must catch.
pub fn revision_warnings(d: &SopDiff, lang: crate::lang::Lang) -> Vec<Warning> {
    if !d.flow_changed() {
        return Vec::new();
    }
    let changed = |f: &str| d.identity.iter().any(|c| c.field == f);
    let stale: Vec<&str> =
        ["identity.revision", "identity.revised"].into_iter().filter(|f| !changed(f)).collect();
    if stale.is_empty() {
        return Vec::new();
    }
    let names: Vec<String> = stale.iter().map(|f| format!("`{f}`")).collect();
    let (dan, and) = (names.join(" dan "), names.join(" and "));
    let message = crate::msg!(
        "alur berubah tetapi {dan} tidak; naikkan nomor revisi dan isi tanggal revisi"
            / "the flow changed but {and} did not; raise the revision number and set the revision date"
    );
    vec![Warning { name: "revision-not-bumped".into(), message: message.get(lang).to_string() }]
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::{BASE, diff_texts};
    use crate::diff::{ActorChange, FieldChange, StepChange, Value};

    #[test]
    fn step_field_changes_carry_old_and_new_values() {
        let new = BASE.replace("time: 1 jam", "time: 2 jam").replace("output: Hasil", "");
        let d = diff_texts(BASE, &new);
        assert_eq!(
            d.steps,
            vec![StepChange::Changed {
                id: "proses".into(),
                row: 3,
                fields: vec![
                    FieldChange {
                        field: "time".into(),
                        old: Value::Text("1 jam".into()),
                        new: Value::Text("2 jam".into())
                    },
                    FieldChange {
                        field: "output".into(),
                        old: Value::Text("Hasil".into()),
                        new: Value::Absent
                    },
                ]
            }]
        );
        assert!(d.flow.is_empty());
        assert!(d.warnings.is_empty(), "no flow change, no revision warning");
    }

    #[test]
    fn actor_id_rename_is_not_a_step_change() {
        let new = BASE.replace("petugas", "staf");
        let d = diff_texts(BASE, &new);
        assert_eq!(
            d.actors,
            vec![ActorChange::Renamed {
                old_id: "petugas".into(),
                new_id: "staf".into(),
                name: "Petugas".into()
            }]
        );
        assert!(d.steps.is_empty(), "{:?}", d.steps);
    }
}
