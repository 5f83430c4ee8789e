//! unknown-actor (SOP102): an `actor` or `with` entry naming no declared actor.

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::{Check, Context, Rule};
use crate::suggest;

pub static RULE: Rule = Rule {
    code: "SOP102",
    name: "unknown-actor",
    default_level: Level::Error,
    summary: "an `actor` or `with` entry that names no declared actor",
    explanation: EXPLANATION,
    check: Check::Sop(check),
};

const EXPLANATION: &str = "## What it does
Checks that every step's `actor` and every entry of its `with` list is the
`id` of an actor declared under `actors:`, and suggests the closest id.

## Why is this bad?
The symbol of the row must be drawn in an actor's column. An undeclared
actor has no column, and the checklist for that role misses the step.
A classic trap is *perlindungan* versus *pelindungan* (UU 18/2017 uses
\"Pelindungan\").

## Example
```yaml
actors:
  - id: seksi_pelindungan
    name: Seksi Pelindungan
steps:
  - id: telaah
    actor: seksi_perlindungan     # did you mean `seksi_pelindungan`?
```";

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let declared: Vec<&str> =
        cx.sop.actors.iter().filter_map(|a| a.id.as_ref().map(|i| i.value.as_str())).collect();
    // A set, so a file with many actors and many steps stays linear.
    let known: std::collections::HashSet<&str> = declared.iter().copied().collect();
    let mut budget = suggest::Budget::PER_FILE;
    for step in &cx.sop.steps {
        let refs =
            step.actor.iter().map(|a| (a, "actor")).chain(step.with.iter().map(|w| (w, "with")));
        for (r, key) in refs {
            if known.contains(r.value.as_str()) {
                continue;
            }
            let help = suggest::closest_within(&r.value, &declared, &mut budget)
                .map(|c| format!("did you mean `{c}`?"))
                .unwrap_or_else(|| format!("declare it under `actors:` with `- id: {}`", r.value));
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    r.span,
                    format!("unknown actor `{}` in `{key}` of step `{}`", r.value, step.id_str()),
                )
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint_detail, sop};

    #[test]
    fn perlindungan_vs_pelindungan() {
        let y = format!(
            "{HEADER}actors:\n  - {{id: seksi_pelindungan, name: Seksi Pelindungan}}\nsteps:\n  - {{id: a, kind: start, actor: seksi_perlindungan, activity: A, time: 5 menit, next: c}}\n  - {{id: c, kind: end, actor: seksi_pelindungan, activity: C, time: 5 menit}}\n"
        );
        let found = lint_detail(&y, "SOP102");
        expect(
            found,
            &[
                "22:33 SOP102 unknown actor `seksi_perlindungan` in `actor` of step `a`; help: did you mean `seksi_pelindungan`?",
            ],
        );
    }

    #[test]
    fn with_actors_are_checked() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, with: [q, petugs, zzz], activity: A, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, with: p, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP102");
        expect(
            found,
            &[
                "23:46 SOP102 unknown actor `petugs` in `with` of step `a`; help: declare it under `actors:` with `- id: petugs`",
                "23:54 SOP102 unknown actor `zzz` in `with` of step `a`; help: declare it under `actors:` with `- id: zzz`",
            ],
        );
    }
}
