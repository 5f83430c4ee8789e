//! unused-actor (SOP104): a declared actor that no step uses.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::UNUSED_ACTOR, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.sop.steps.is_empty() {
        return; // no steps (or unreadable ones, already reported) use nothing
    }
    let declared: Vec<&str> =
        cx.sop.actors.iter().filter_map(|a| a.id.as_ref().map(|i| i.value.as_str())).collect();
    // An actor that a misspelt reference most likely meant counts as used:
    // unknown-actor already reports the typo.
    let mut budget = crate::suggest::Budget::PER_FILE;
    let meant: Vec<&str> = cx
        .sop
        .steps
        .iter()
        .flat_map(|s| s.actor_refs())
        .filter(|r| !declared.contains(&r.value.as_str()))
        .filter_map(|r| crate::rules::unknown_actor::meant(cx.sop, &r.value, &mut budget))
        .collect();
    for actor in &cx.sop.actors {
        let Some(id) = &actor.id else { continue };
        let used = meant.contains(&id.value.as_str())
            || cx.sop.steps.iter().any(|s| s.actor_refs().any(|r| r.value == id.value));
        if !used {
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    id.span,
                    msg!(
                        "pelaksana `{}` dicantumkan tetapi tidak dipakai oleh langkah mana pun"
                            / "actor `{}` is declared but no step uses it",
                        id.value
                    ),
                )
                .help(msg!(
                    "hapus pelaksana ini, atau sebutkan pada `actor`, `alternate`, atau `with` suatu langkah"
                        / "remove it, or name it in a step's `actor`, `alternate` or `with`"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint};

    #[test]
    fn declared_but_unused() {
        let y = format!(
            "{HEADER}actors:\n  - {{id: p, name: Petugas}}\n  - {{id: q, name: Kepala}}\n  - {{id: r, name: Mitra}}\nsteps:\n  - {{id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}}\n  - {{id: c, kind: end, actor: p, with: [q], activity: C, time: 5 menit}}\n"
        );
        let found = lint(&y);
        expect(found, &["22:10 SOP104 actor `r` is declared but no step uses it"]);
    }

    #[test]
    fn an_alternate_is_a_use() {
        let y = format!(
            "{HEADER}actors:\n  - {{id: p, name: Petugas}}\n  - {{id: q, name: Camat}}\n  - {{id: r, name: Sekcam}}\nsteps:\n  - {{id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}}\n  - {{id: c, kind: end, actor: q, alternate: r, activity: Menandatangani, time: 5 menit}}\n"
        );
        expect(lint(&y), &[]);
    }
}
