//! The time budget of a SOP as people and programs read it: a text report
//! with comfy-table tables (totals, critical path, load per actor, waiting,
//! untimed steps, the service-time verdict) and a stable JSON shape
//! (documented in docs/timing.md). The figures come from [`crate::timing`].

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::duration::{Totals, format_seconds};
use crate::lang::Lang;
use crate::model::Sop;
use crate::render::escape;
use crate::timing::{Timing, Verdict, service_verdict};

/// A total in words: `2 hari kerja + 1 jam 30 menit`, or in English
/// `2 working days + 1 hour 30 minutes`. Buckets are never merged.
pub fn totals_text(t: &Totals, lang: Lang) -> String {
    t.text().get(lang).to_string()
}

/// Working time folded into whole working days (`17 hari kerja 2 jam`),
/// when the total has no calendar time; `None` otherwise.
pub fn in_working_days(t: &Totals, workday_minutes: u64, lang: Lang) -> Option<String> {
    let total = t.in_work_seconds(workday_minutes)?;
    let wd = workday_minutes.max(1).saturating_mul(60);
    let (days, rest) = (total / wd, total % wd);
    let t = lang.texts();
    let day_word = if days == 1 { t.working_day_one } else { t.working_days };
    Some(match (days, rest, lang) {
        (0, r, Lang::Id) => format_seconds(r),
        (0, r, Lang::En) => totals_text(&Totals { work_seconds: r, ..Totals::default() }, lang),
        (d, 0, _) => format!("{d} {day_word}"),
        (d, r, Lang::Id) => format!("{d} {day_word} {}", format_seconds(r)),
        (d, r, Lang::En) => format!(
            "{d} {day_word} {}",
            totals_text(&Totals { work_seconds: r, ..Totals::default() }, lang)
        ),
    })
}

/// A service-time verdict in words.
pub fn verdict_text(v: Verdict, lang: Lang) -> String {
    match v {
        Verdict::Untimed => lang.texts().cannot_be_judged_no_times.to_string(),
        Verdict::SoFar(n) => {
            let t = lang.texts();
            format!("{}; {n} {}", t.met_so_far, t.steps_untimed)
        }
        Verdict::Within => lang.texts().met.to_string(),
        Verdict::Exceeds => lang.texts().exceeded_verdict.to_string(),
        Verdict::NotComparable => lang.texts().not_comparable_verdict.to_string(),
    }
}

/// An actor's total: `—` when none of its steps has a time.
fn actor_total(t: &Totals, steps: usize, untimed: usize, lang: Lang) -> String {
    if steps > 0 && steps == untimed { "—".to_string() } else { totals_text(t, lang) }
}

fn step_id(sop: &Sop, i: usize) -> &str {
    sop.steps.get(i).map_or("?", |s| s.id_str())
}

/// An actor's display name, or the id as written when it is not declared.
pub fn actor_name(sop: &Sop, id: &str) -> String {
    sop.actor(id).map_or_else(|| id.to_string(), |a| a.display_name().to_string())
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(100);
    t
}

/// A total in words, with its value in working days when it is a day or more.
pub fn total_line(t: &Totals, workday: u64, lang: Lang) -> String {
    let text = totals_text(t, lang);
    // Only worth showing when the minutes add up to a working day or more.
    if t.work_seconds < workday.saturating_mul(60) || t.calendar_days > 0 {
        return text;
    }
    match in_working_days(t, workday, lang) {
        Some(days) => format!("{text} ({} {days})", lang.texts().equals),
        None => text,
    }
}

/// A total as the report prints it: `—` when no step counted has a
/// time, and how many steps it leaves out when some have none.
pub fn honest_total(total: &str, t: &Timing, lang: Lang) -> String {
    let texts = lang.texts();
    if !t.has_times() {
        return texts.no_step_states_a_time.to_string();
    }
    match t.untimed.len() {
        0 => total.to_string(),
        1 => format!("{total} (+1 {})", texts.step_not_counted),
        n => format!("{total} (+{n} {})", texts.steps_not_counted),
    }
}

/// The text report of one SOP's time budget.
pub fn text(path: &str, sop: &Sop, t: &Timing, lang: Lang) -> String {
    let l = lang.labels();
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({})\n{}\n\n",
        escape::terminal_line(sop.title()),
        escape::terminal_line(sop.id_str()),
        escape::terminal_line(path)
    ));
    let mut totals = table();
    totals.set_header(["", lang.texts().time, lang.texts().steps]);
    totals.add_row([
        l.best_path.to_string(),
        honest_total(&total_line(&t.best, t.workday_minutes, lang), t, lang),
        t.best_path.len().to_string(),
    ]);
    totals.add_row([
        l.worst_path.to_string(),
        honest_total(&total_line(&t.worst, t.workday_minutes, lang), t, lang),
        t.worst_path.len().to_string(),
    ]);
    if let Some(st) = &sop.service_time {
        let v = service_verdict(sop, t).unwrap_or(Verdict::NotComparable);
        totals.add_row([
            l.service_time.to_string(),
            format!("{} ({})", st.value.text().get(lang), verdict_text(v, lang)),
            String::new(),
        ]);
    }
    out.push_str(&format!("{totals}\n"));
    out.push_str(&format!(
        "{}: {}. {}\n",
        lang.texts().working_day,
        totals_text(
            &Totals { work_seconds: t.workday_minutes.saturating_mul(60), ..Totals::default() },
            lang
        ),
        lang.texts().timing_legend
    ));
    if t.mixed {
        out.push_str(lang.texts().mixed_path_note);
    }

    out.push_str(&format!("\n{}\n", lang.texts().critical_slowest_path));
    let numbers = crate::model::Rows::of(sop);
    let mut crit = table();
    crit.set_header([l.no, lang.texts().step, l.actors, l.time]);
    for &i in &t.worst_path {
        let Some(step) = sop.steps.get(i) else { continue };
        let actor = step.actor.as_ref().map_or_else(String::new, |a| actor_name(sop, &a.value));
        let time = match (&step.time, step.wait) {
            (Some(d), false) => d.value.to_string(),
            (Some(d), true) => format!("{} ({})", d.value, lang.texts().wait_not_counted),
            (None, _) => step
                .time_note
                .as_ref()
                .map_or_else(|| "-".to_string(), |n| format!("- ({})", n.value)),
        };
        crit.add_row([numbers.number(i).to_string(), step.id_str().to_string(), actor, time]);
    }
    out.push_str(&format!("{crit}\n"));

    out.push_str(&format!("\n{}\n", lang.texts().load_per_actor));
    let mut load = table();
    load.set_header([
        l.actors,
        lang.texts().steps,
        lang.texts().untimed,
        lang.texts().total_all_branches,
        lang.texts().on_the_critical_path,
    ]);
    for a in &t.per_actor {
        load.add_row([
            actor_name(sop, &a.actor),
            a.steps.to_string(),
            a.untimed.to_string(),
            actor_total(&a.total, a.steps, a.untimed, lang),
            actor_total(&a.critical, a.steps, a.untimed, lang),
        ]);
    }
    out.push_str(&format!("{load}\n"));

    let ids = |v: &[usize]| {
        v.iter()
            .map(|&i| format!("{} ({})", step_id(sop, i), numbers.number(i)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "\n{}: {}",
        lang.texts().waiting_on_critical_path,
        totals_text(&t.wait, lang)
    ));
    if !t.wait_steps.is_empty() {
        out.push_str(&format!("; {}: {}", lang.texts().wait_steps, ids(&t.wait_steps)));
    }
    out.push('\n');
    if !t.untimed.is_empty() {
        out.push_str(&format!("{}: {}\n", lang.texts().steps_without_time, ids(&t.untimed)));
    }
    if !t.back_edges.is_empty() {
        let loops: Vec<String> = t
            .back_edges
            .iter()
            .map(|&(a, b)| format!("{} -> {}", step_id(sop, a), step_id(sop, b)))
            .collect();
        out.push_str(&format!("{}: {}\n", lang.texts().loops_counted_once, loops.join(", ")));
    }
    // Names and ids inside the tables may hold control or bidi characters.
    escape::terminal(&out)
}

/// A total in JSON: the buckets, the text, and the working minutes when
/// there is no calendar time.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct JsonTotals {
    pub text: String,
    pub work_minutes: u64,
    pub work_days: u64,
    pub calendar_days: u64,
    /// Everything in working minutes (a working day = the workday); `null`
    /// when calendar time is part of the total.
    pub total_work_minutes: Option<u64>,
}

impl JsonTotals {
    pub fn new(t: &Totals, workday: u64) -> JsonTotals {
        JsonTotals {
            text: t.to_string(),
            work_minutes: t.work_minutes(),
            work_days: t.work_days,
            calendar_days: t.calendar_days,
            total_work_minutes: t.in_work_minutes(workday),
        }
    }
}

/// One step of a path in JSON.
#[derive(Debug, Serialize)]
pub struct JsonStep {
    /// Row number (1-based).
    /// The row number the document prints.
    pub no: i64,
    pub id: String,
    pub actor: Option<String>,
    /// The `time` as written in the canonical form, `null` when absent.
    pub time: Option<String>,
    pub wait: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonActor {
    pub actor: String,
    pub name: String,
    pub steps: usize,
    /// How many of `steps` have no time (left out of `total`).
    pub untimed: usize,
    pub total: JsonTotals,
    pub critical: JsonTotals,
}

#[derive(Debug, Serialize)]
pub struct JsonService {
    pub text: String,
    /// `within`, `exceeds`, `not_comparable`, `no_times` (no step states a
    /// time) or `within_so_far` (the timed steps fit; some steps have none).
    pub verdict: &'static str,
}

/// The time budget of one SOP in JSON (see docs/timing.md).
#[derive(Debug, Serialize)]
pub struct JsonTiming {
    pub path: String,
    pub id: String,
    pub title: String,
    pub workday_minutes: u64,
    pub best: JsonTotals,
    pub best_path: Vec<JsonStep>,
    pub worst: JsonTotals,
    pub worst_path: Vec<JsonStep>,
    pub mixed_units: bool,
    pub wait: JsonTotals,
    pub wait_steps: Vec<String>,
    pub untimed: Vec<String>,
    /// Whether any step counted states a time; `false` makes every total
    /// unknown, not zero.
    pub has_times: bool,
    pub loops_counted_once: Vec<[String; 2]>,
    pub per_actor: Vec<JsonActor>,
    pub service_time: Option<JsonService>,
}

fn json_path(sop: &Sop, path: &[usize]) -> Vec<JsonStep> {
    let numbers = crate::model::Rows::of(sop);
    path.iter()
        .filter_map(|&i| {
            let s = sop.steps.get(i)?;
            Some(JsonStep {
                no: numbers.number(i),
                id: s.id_str().to_string(),
                actor: s.actor.as_ref().map(|a| a.value.clone()),
                time: s.time.as_ref().map(|t| t.value.to_string()),
                wait: s.wait,
            })
        })
        .collect()
}

/// The JSON form of one SOP's time budget.
pub fn json(path: &str, sop: &Sop, t: &Timing) -> JsonTiming {
    let wd = t.workday_minutes;
    let ids = |v: &[usize]| v.iter().map(|&i| step_id(sop, i).to_string()).collect::<Vec<_>>();
    JsonTiming {
        path: path.to_string(),
        id: sop.id_str().to_string(),
        title: sop.title().to_string(),
        workday_minutes: wd,
        best: JsonTotals::new(&t.best, wd),
        best_path: json_path(sop, &t.best_path),
        worst: JsonTotals::new(&t.worst, wd),
        worst_path: json_path(sop, &t.worst_path),
        mixed_units: t.mixed,
        wait: JsonTotals::new(&t.wait, wd),
        wait_steps: ids(&t.wait_steps),
        untimed: ids(&t.untimed),
        has_times: t.has_times(),
        loops_counted_once: t
            .back_edges
            .iter()
            .map(|&(a, b)| [step_id(sop, a).to_string(), step_id(sop, b).to_string()])
            .collect(),
        per_actor: t
            .per_actor
            .iter()
            .map(|a| JsonActor {
                actor: a.actor.clone(),
                name: actor_name(sop, &a.actor),
                steps: a.steps,
                untimed: a.untimed,
                total: JsonTotals::new(&a.total, wd),
                critical: JsonTotals::new(&a.critical, wd),
            })
            .collect(),
        service_time: sop.service_time.as_ref().map(|st| JsonService {
            text: st.value.to_string(),
            verdict: service_verdict(sop, t).unwrap_or(Verdict::NotComparable).as_str(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_in_both_languages() {
        let t = Totals { work_seconds: 5400, work_days: 2, calendar_days: 1 };
        assert_eq!(totals_text(&t, Lang::Id), "1 hari + 2 hari kerja + 1 jam 30 menit");
        assert_eq!(totals_text(&t, Lang::En), "1 day + 2 working days + 1 hour 30 minutes");
        assert_eq!(totals_text(&Totals::default(), Lang::En), "0 minutes");
    }

    #[test]
    fn folds_minutes_into_working_days() {
        let t = Totals { work_seconds: 36000, work_days: 2, calendar_days: 0 };
        assert_eq!(in_working_days(&t, 480, Lang::Id).as_deref(), Some("3 hari kerja 2 jam"));
        assert_eq!(in_working_days(&t, 480, Lang::En).as_deref(), Some("3 working days 2 hours"));
        let c = Totals { calendar_days: 1, ..t };
        assert_eq!(in_working_days(&c, 480, Lang::Id), None);
    }
}
