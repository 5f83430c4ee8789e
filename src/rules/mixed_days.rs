//! mixed-days (SOP305): a SOP writes both a bare `hari` and `hari kerja`
//! without saying what a bare `hari` means.

use crate::diagnostic::Diagnostic;
use crate::duration::Unit;
use crate::msg;
use crate::rule_id;
use crate::rules::{Check, Context, Rule};

pub static RULE: Rule = Rule { id: &rule_id::MIXED_DAYS, check: Check::Sop(check) };

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let times =
        cx.sop.steps.iter().filter_map(|s| s.time.as_ref()).chain(cx.sop.service_time.as_ref());
    let mut bare = None;
    let mut working = None;
    for t in times {
        match t.value.unit {
            Unit::Hari if bare.is_none() => bare = Some(t),
            Unit::HariKerja if working.is_none() => working = Some(t),
            _ => {}
        }
    }
    let (Some(bare), Some(working)) = (bare, working) else { return };
    out.push(
        Diagnostic::new(
            &RULE,
            cx.file,
            bare.span,
            msg!(
                "`{}` dibaca sebagai hari kalender, padahal SOP ini juga menulis `{}`: nyatakan arti `hari` tanpa keterangan"
                    / "`{}` is read as calendar days, but this SOP also writes `{}`: say what a bare `hari` means",
                bare.value,
                working.value
            ),
        )
        .label(working.span, msg!("hari kerja di sini" / "working days here"))
        .help(msg!(
            "tambahkan `days: kerja` pada SOP (atau di sopmap.yaml) bila `hari` berarti hari kerja, atau `days: kalender`"
                / "add `days: kerja` to the SOP (or to sopmap.yaml) when `hari` means a working day, or `days: kalender`"
        )),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{HEADER, expect, lint_code};

    const STEPS: &str = "actors:\n  - {id: p, name: P}\nsteps:\n  - {id: a, kind: start, actor: p, activity: A, time: 3 hari, next: b}\n  - {id: b, kind: process, actor: p, activity: B, time: 2 hari kerja, next: c}\n  - {id: c, kind: end, actor: p, activity: C, time: 1 hari}\n";

    #[test]
    fn reported_once_when_mixed() {
        let y = format!("{HEADER}{STEPS}");
        expect(
            lint_code(&y, "SOP305"),
            &[
                "22:55 SOP305 `3 hari` is read as calendar days, but this SOP also writes `2 hari kerja`: say what a bare `hari` means",
            ],
        );
    }

    #[test]
    fn silent_when_the_sop_says() {
        for days in ["days: kerja\n", "days: kalender\n"] {
            let y = format!("{HEADER}{days}{STEPS}");
            expect(lint_code(&y, "SOP305"), &[]);
        }
    }

    #[test]
    fn silent_when_the_configuration_says() {
        let y = format!("{HEADER}{STEPS}");
        let mut settings = crate::check::Settings {
            days: Some(crate::duration::DayMeaning::Kerja),
            ..Default::default()
        };
        settings.levels.set("SOP305", crate::rule_id::Level::Error);
        let source = crate::source::SourceFile::new("t.yaml", &y);
        let r = crate::check::check_file(&source, 0, &settings);
        assert!(r.diagnostics.iter().all(|d| d.code != "SOP305"));
        let sop = r.sop.as_ref().map(|s| {
            s.steps.iter().filter_map(|s| s.time.as_ref()).map(|t| t.value.unit).collect::<Vec<_>>()
        });
        use crate::duration::Unit::HariKerja;
        assert_eq!(sop, Some(vec![HariKerja, HariKerja, HariKerja]));
    }

    #[test]
    fn silent_without_working_days() {
        let y = format!("{HEADER}{}", STEPS.replace("2 hari kerja", "2 hari"));
        expect(lint_code(&y, "SOP305"), &[]);
    }
}
