//! unknown-actor (SOP102): an `actor`, `alternate` or `with` entry naming no
//! declared actor.

use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::model::Sop;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};
use crate::source::SourceFile;
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
            let meant_id = meant(cx.sop, &r.value, &mut budget);
            let fix = match meant_id {
                Some(id) => Some(Fix::replace_scalar(r.span, &r.value, id)),
                None if well_formed => declare(cx.source, cx.sop, &r.value),
                None => None,
            };
            let help = meant_id.map(|id| msg!("mungkin maksud Anda `{id}`?" / "did you mean `{id}`?")).unwrap_or_else(|| {
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
                .help(help)
                .maybe_fix(fix),
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

/// Declares actor `id` after the last entry of `actors:`, in that entry's
/// style (block `- id: …` lines or a flow `- {id: …}` line) and
/// indentation, with a name made from the id for the writer to correct.
/// `None` when there is no block list of actors to extend.
fn declare(source: &SourceFile, sop: &Sop, id: &str) -> Option<Fix> {
    let last = sop.actors.iter().rev().find(|a| a.id.is_some())?;
    let line = source.line_col(last.span.start).line;
    let start = source.line_start(line)?;
    let prefix = source.text.get(start..last.span.start)?;
    let dash = prefix.find('-')?;
    if !prefix.get(..dash)?.chars().all(|c| c == ' ') {
        return None;
    }
    let flow = prefix.trim_end().ends_with('{');
    if !flow && prefix.trim_end() != prefix.get(..=dash)? {
        return None;
    }
    // The entry runs on while lines are blank, comments or indented past
    // its dash.
    let mut end_line = line;
    for l in line + 1..=source.line_count() {
        let text = source.line_text(l);
        let body = text.trim_start();
        if body.is_empty() {
            continue;
        }
        if text.len() - body.len() <= dash {
            break;
        }
        end_line = l;
    }
    let at = source.line_start(end_line + 1).unwrap_or(source.text.len());
    let lead = if source.text.get(..at).is_some_and(|t| t.ends_with('\n')) { "" } else { "\n" };
    let pad = " ".repeat(dash);
    let name = id
        .split(['_', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let text = if flow {
        format!("{lead}{pad}- {{id: {id}, name: {name}}}\n")
    } else {
        let key_pad = " ".repeat(prefix.len());
        format!("{lead}{pad}- id: {id}\n{key_pad}name: {name}\n")
    };
    Some(Fix::new(
        crate::msg!(
            "cantumkan pelaksana `{id}` di bawah `actors:`"
                / "declare actor `{id}` under `actors:`"
        ),
        vec![Edit::insert(at, text)],
    ))
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
    fn the_fix_replaces_a_near_miss_or_declares_the_actor_in_the_list_style() {
        use crate::rules::testing::fixed;
        let flow = sop(
            "  - {id: a, kind: start, actor: p, with: petugas_arsip, activity: A, time: 5 menit, next: b}\n  - {id: b, kind: end, actor: q, activity: C, time: 5 menit}\n",
        );
        let (text, settled) = fixed(&flow);
        assert!(
            text.contains(
                "  - {id: q, name: Kepala}\n  - {id: petugas_arsip, name: Petugas Arsip}\nsteps:"
            ),
            "{text}"
        );
        assert!(settled && lint(&text).is_empty(), "{:?}", lint(&text));
        let block = format!(
            "{HEADER}actors:\n  - id: seksi_pelindungan\n    name: Seksi Pelindungan\n    # kolom kedua\n  - id: kepala\n    name: Kepala\n\nsteps:\n  - {{id: a, kind: start, actor: seksi_perlindungan, activity: A, time: 5 menit, next: c}}\n  - {{id: c, kind: end, actor: arsiparis, activity: C, time: 5 menit}}\n  - {{id: d, kind: end, actor: kepala, activity: D, time: 5 menit}}\n"
        );
        let (text, settled) = fixed(&block);
        assert!(text.contains("actor: seksi_pelindungan,"), "{text}");
        assert!(
            text.contains(
                "  - id: kepala\n    name: Kepala\n  - id: arsiparis\n    name: Arsiparis\n\nsteps:"
            ),
            "{text}"
        );
        assert!(text.contains("    # kolom kedua\n"));
        assert!(settled);
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
