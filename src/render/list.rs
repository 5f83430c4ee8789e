//! The catalogue as a table (`sopmap list`): one row per SOP file with its
//! id, level, title, unit, number of steps and actors, worst-path time,
//! service time and finding counts; as a terminal table, Markdown, JSON or
//! CSV. [`rows`] builds the rows from a run; this module sorts and formats
//! them.

use std::cmp::Ordering;

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::lang::Lang;
use crate::model::SopLevel;
use crate::render::escape;
use crate::render::timing::totals_text;
use crate::run::Outcome;
use crate::timing::{Timing, service_verdict};

/// One SOP of the catalogue. Field names are the JSON and CSV keys.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub level: String,
    pub title: String,
    pub unit: String,
    pub steps: usize,
    pub actors: usize,
    /// The worst start-to-end time as text (`""` when it cannot be timed).
    pub worst: String,
    /// The worst time in working minutes, for sorting and machines; `null`
    /// when it includes calendar time or cannot be computed.
    pub worst_work_minutes: Option<u64>,
    /// Calendar days in the worst time (sorted before working time).
    pub worst_calendar_days: u64,
    pub service_time: String,
    /// `within`, `exceeds`, `not_comparable`, `no_times`, `within_so_far`,
    /// or `""` without a service time.
    pub service_verdict: String,
    pub errors: usize,
    pub warnings: usize,
    pub path: String,
    /// Reachable steps without a time, left out of `worst` (last, so the
    /// earlier CSV columns keep their positions).
    pub untimed_steps: usize,
}

/// One row per reported file of a run, in file order.
pub fn rows(outcome: &Outcome, lang: Lang) -> Vec<Row> {
    let counts = outcome.counts();
    let mut rows = Vec::with_capacity(outcome.reported());
    for (file, src) in outcome.sources.iter().enumerate().take(outcome.reported()) {
        let (errors, warnings) = counts.get(file).copied().unwrap_or_default();
        let path = src.path.clone();
        let Some(e) = outcome.entry(file) else {
            rows.push(Row {
                id: String::new(),
                level: String::new(),
                title: String::new(),
                unit: String::new(),
                steps: 0,
                actors: 0,
                worst: String::new(),
                worst_work_minutes: None,
                worst_calendar_days: 0,
                service_time: String::new(),
                service_verdict: String::new(),
                errors,
                warnings,
                path,
                untimed_steps: 0,
            });
            continue;
        };
        let sop = &e.sop;
        let t = e.timing.as_ref();
        rows.push(Row {
            id: e.id().to_string(),
            level: match e.level() {
                Some(SopLevel::Makro) => "makro".into(),
                Some(SopLevel::Mikro) => "mikro".into(),
                None => String::new(),
            },
            title: sop.title().to_string(),
            unit: sop.identity.unit.as_ref().map_or_else(String::new, |u| u.value.clone()),
            steps: e.steps,
            actors: e.actors,
            worst: t.map_or_else(String::new, |t| list_total(t, lang)),
            worst_work_minutes: t.filter(|t| t.has_times()).and_then(|t| t.worst_work_minutes()),
            worst_calendar_days: t.map_or(0, |t| t.worst.calendar_days),
            service_time: sop
                .service_time
                .as_ref()
                .map_or_else(String::new, |s| s.value.to_string()),
            service_verdict: t
                .and_then(|t| service_verdict(sop, t))
                .map_or_else(String::new, |v| v.as_str().to_string()),
            errors,
            warnings,
            path,
            untimed_steps: t.map_or(0, |t| t.untimed.len()),
        });
    }
    rows
}

/// The worst time as `list` prints it: `—` when no step has a time, and
/// how many steps it leaves out.
fn list_total(t: &Timing, lang: Lang) -> String {
    if !t.has_times() {
        return "—".to_string();
    }
    let total = totals_text(&t.worst, lang);
    match t.untimed.len() {
        0 => total,
        n => format!("{total} (+{n} {})", lang.texts().untimed_short),
    }
}

/// Columns to sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Id,
    Level,
    Title,
    Unit,
    Steps,
    Actors,
    Worst,
    Service,
    Errors,
    Warnings,
    Path,
}

/// Sorts rows by `column` (ties by id, then path); `reverse` puts the
/// largest first.
pub fn sort(rows: &mut [Row], column: Column, reverse: bool) {
    rows.sort_by(|a, b| {
        let primary = match column {
            Column::Id => Ordering::Equal,
            Column::Level => a.level.cmp(&b.level),
            Column::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
            Column::Unit => a.unit.cmp(&b.unit),
            Column::Steps => a.steps.cmp(&b.steps),
            Column::Actors => a.actors.cmp(&b.actors),
            Column::Worst => (a.worst_calendar_days, a.worst_work_minutes)
                .cmp(&(b.worst_calendar_days, b.worst_work_minutes)),
            Column::Service => a.service_time.cmp(&b.service_time),
            Column::Errors => a.errors.cmp(&b.errors),
            Column::Warnings => a.warnings.cmp(&b.warnings),
            Column::Path => a.path.cmp(&b.path),
        };
        let primary = if reverse { primary.reverse() } else { primary };
        primary.then_with(|| a.id.cmp(&b.id)).then_with(|| a.path.cmp(&b.path))
    });
}

fn headers(lang: Lang) -> [&'static str; 10] {
    [
        "ID",
        lang.texts().level,
        lang.texts().title,
        lang.texts().unit,
        lang.texts().steps,
        lang.texts().actors,
        lang.texts().slowest_path,
        lang.texts().service_time,
        lang.texts().errors,
        lang.texts().warnings,
    ]
}

fn service_cell(r: &Row, lang: Lang) -> String {
    let mark = match r.service_verdict.as_str() {
        "exceeds" => lang.texts().exceeded_suffix,
        "not_comparable" => lang.texts().not_comparable_suffix,
        "no_times" => lang.texts().cannot_be_judged_suffix,
        "within_so_far" => lang.texts().met_so_far_suffix,
        _ => "",
    };
    format!("{}{mark}", r.service_time)
}

fn cells(r: &Row, lang: Lang) -> [String; 10] {
    [
        r.id.clone(),
        r.level.clone(),
        r.title.clone(),
        r.unit.clone(),
        r.steps.to_string(),
        r.actors.to_string(),
        r.worst.clone(),
        service_cell(r, lang),
        r.errors.to_string(),
        r.warnings.to_string(),
    ]
}

/// A terminal table.
pub fn table(rows: &[Row], lang: Lang) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(160)
        .set_header(headers(lang));
    for r in rows {
        t.add_row(cells(r, lang));
    }
    format!("{t}\n")
}

/// A GitHub Markdown table.
pub fn markdown(rows: &[Row], lang: Lang) -> String {
    let h = headers(lang);
    let mut out = format!("| {} |\n", h.join(" | "));
    out.push_str(&format!("|{}\n", h.iter().map(|_| "---|").collect::<String>()));
    for r in rows {
        let c: Vec<String> = cells(r, lang).iter().map(|c| escape::markdown(c)).collect();
        out.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    out
}

/// CSV with a header row of the JSON field names.
pub fn csv(rows: &[Row]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.serialize(r)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, steps: usize, minutes: Option<u64>) -> Row {
        Row {
            id: id.into(),
            level: "mikro".into(),
            title: format!("Judul {id}"),
            unit: "Unit".into(),
            steps,
            actors: 2,
            worst: "1 jam".into(),
            worst_work_minutes: minutes,
            untimed_steps: 0,
            worst_calendar_days: 0,
            service_time: "1 hari kerja".into(),
            service_verdict: "within".into(),
            errors: 0,
            warnings: 1,
            path: format!("sops/{id}.yaml"),
        }
    }

    #[test]
    fn sorts_by_column_with_id_ties() {
        let mut rows = vec![row("b", 3, Some(60)), row("a", 3, Some(90)), row("c", 1, None)];
        sort(&mut rows, Column::Steps, false);
        assert_eq!(rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["c", "a", "b"]);
        sort(&mut rows, Column::Worst, true);
        assert_eq!(rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    }

    #[test]
    fn csv_and_markdown_escape() {
        let mut r = row("a", 1, Some(1));
        r.title = "Satu, \"dua\" | *tiga*".into();
        let c = csv(std::slice::from_ref(&r)).unwrap();
        assert!(c.starts_with("id,level,title,unit,steps,actors,worst,worst_work_minutes,"));
        assert!(c.contains("\"Satu, \"\"dua\"\" | *tiga*\""), "{c}");
        let m = markdown(&[r], Lang::En);
        assert!(m.contains("Satu, \"dua\" \\| \\*tiga\\*"), "{m}");
    }
}
