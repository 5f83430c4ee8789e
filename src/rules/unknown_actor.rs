//! unknown-actor (SOP102): an `actor`, `alternate` or `with` entry naming no
//! declared actor.

use crate::diagnostic::Diagnostic;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};
use crate::suggest;

pub static RULE: Rule = Rule { id: &rule_id::UNKNOWN_ACTOR, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let declared: Vec<&str> =
        cx.sop.actors.iter().filter_map(|a| a.id.as_ref().map(|i| i.value.as_str())).collect();
    // A set, so a file with many actors and many steps stays linear.
    let known: std::collections::HashSet<&str> = declared.iter().copied().collect();
    let mut budget = suggest::Budget::PER_FILE;
    for step in &cx.sop.steps {
        let refs = step
            .actor
            .iter()
            .map(|a| (a, "actor"))
            .chain(step.alternate.iter().map(|a| (a, "alternate")))
            .chain(step.with.iter().map(|w| (w, "with")));
        let step_id = step.id_str();
        for (r, key) in refs {
            if known.contains(r.value.as_str()) {
                continue;
            }
            let well_formed = crate::model::lower::is_local_id(&r.value);
            let help = meant(cx.sop, &r.value, &mut budget).map(|id| msg!("mungkin maksud Anda `{id}`?" / "did you mean `{id}`?")).unwrap_or_else(|| {
                if well_formed {
                    msg!("daftarkan di bawah `actors:` dengan `- id: {}`" / "declare it under `actors:` with `- id: {}`", r.value)
                } else {
                    // Never propose declaring an id that is itself invalid.
                    msg!("gunakan `id` pelaksana di bawah `actors:` (huruf kecil, angka, dan `_`), bukan namanya" / "use the `id` of an actor under `actors:` (lowercase letters, digits and `_`), not its name")
                }
            });
            out.push(
                Diagnostic::new(
                    &RULE,
                    cx.file,
                    r.span,
                    msg!(
                        "pelaksana `{}` pada `{key}` langkah `{step_id}` tidak dikenal"
                            / "unknown actor `{}` in `{key}` of step `{step_id}`",
                        r.value
                    ),
                )
                .help(help),
            );
        }
    }
}

/// The declared actor a reference that matches no id most likely meant:
/// one whose `name` it spells (the name written where the id belongs), else
/// the closest id. unused-actor counts that actor as used.
pub(crate) fn meant<'a>(
    sop: &'a crate::model::Sop,
    reference: &str,
    budget: &mut suggest::Budget,
) -> Option<&'a str> {
    let ids: Vec<&str> =
        sop.actors.iter().filter_map(|a| a.id.as_ref().map(|i| i.value.as_str())).collect();
    let by_name = sop.actors.iter().find_map(|a| {
        let name = a.name.as_ref()?;
        let id = a.id.as_ref()?;
        name.value.trim().eq_ignore_ascii_case(reference.trim()).then_some(id.value.as_str())
    });
    by_name.or_else(|| suggest::closest_within(reference, &ids, budget))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint, lint_code, lint_detail, sop};

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

    #[test]
    fn an_actor_name_in_place_of_an_id_gets_no_invalid_declaration_hint() {
        let y = sop(
            "  - {id: a, kind: start, actor: Kepala Seksi, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let found = lint_detail(&y, "SOP102");
        expect(
            found,
            &[
                "23:33 SOP102 unknown actor `Kepala Seksi` in `actor` of step `a`; help: use the `id` of an actor under `actors:` (lowercase letters, digits and `_`), not its name",
            ],
        );
    }

    #[test]
    fn the_actor_name_where_the_id_belongs_points_at_the_id() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: Kepala, activity: C, time: 5 menit}\n",
        );
        expect(lint(&y), &["24:31 SOP102 unknown actor `Kepala` in `actor` of step `b`"]);
        let found = lint_detail(&y, "SOP102");
        assert!(found[0].ends_with("help: did you mean `q`?"), "{found:?}");
    }

    #[test]
    fn alternates_are_checked() {
        let y = sop(
            "  - {id: a, kind: start, actor: p, activity: A, time: 5 menit, next: c}\n  - {id: c, kind: end, actor: q, alternate: [sekcam], activity: C, time: 5 menit}\n",
        );
        expect(
            lint_code(&y, "SOP102"),
            &["24:46 SOP102 unknown actor `sekcam` in `alternate` of step `c`"],
        );
    }
}
