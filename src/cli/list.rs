//! `sopmap list`: the catalogue of the SOPs given, one row each, with the
//! findings of a full check (per file and across SOPs) counted per SOP.
//! Exit 0 (the listing is the result), 2 on I/O or usage errors.

use anyhow::Result;

use crate::catalog::{Catalog, apply_suppressions, check_corpus};
use crate::cli::args::{ListArgs, ListColumn, ListFormat};
use crate::cli::{Env, ExitStatus, Io, corpus};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::model::Level;
use crate::render::list::{self, Column, Row};
use crate::render::timing::service_verdict;
use crate::timing;

fn column(c: ListColumn) -> Column {
    match c {
        ListColumn::Id => Column::Id,
        ListColumn::Level => Column::Level,
        ListColumn::Title => Column::Title,
        ListColumn::Unit => Column::Unit,
        ListColumn::Steps => Column::Steps,
        ListColumn::Actors => Column::Actors,
        ListColumn::Worst => Column::Worst,
        ListColumn::Service => Column::Service,
        ListColumn::Errors => Column::Errors,
        ListColumn::Warnings => Column::Warnings,
        ListColumn::Path => Column::Path,
    }
}

pub fn run(args: &ListArgs, env: &Env, io: &mut Io<'_>) -> Result<ExitStatus> {
    let settings = match corpus::run_settings(env, args.workday.as_deref(), io)? {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "list")?;
    let loaded = corpus::load_paths(&paths, &settings, true, io)?;
    let catalog = Catalog::build(&loaded.sources, &loaded.checked, settings.workday_minutes);
    let mut diags: Vec<Diagnostic> =
        loaded.checked.iter().take(loaded.inputs).flat_map(|c| c.diagnostics.clone()).collect();
    diags.extend(check_corpus(&catalog, &loaded.scope, |_| &settings.levels));
    let diags = apply_suppressions(&loaded.sources, 0..loaded.inputs, diags, |_| &settings.levels);

    let mut rows = Vec::new();
    for (file, (src, c)) in
        loaded.sources.iter().zip(&loaded.checked).enumerate().take(loaded.inputs)
    {
        let count =
            |s: Severity| diags.iter().filter(|d| d.file == file && d.severity == s).count();
        let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
        let Some(sop) = &c.sop else {
            rows.push(Row {
                id: String::new(),
                level: String::new(),
                title: String::new(),
                unit: String::new(),
                steps: 0,
                actors: 0,
                worst: String::new(),
                worst_work_minutes: None,
                untimed_steps: 0,
                worst_calendar_days: 0,
                service_time: String::new(),
                service_verdict: String::new(),
                errors,
                warnings,
                path: src.path.clone(),
            });
            continue;
        };
        let t = catalog.of_file(file).and_then(|e| e.timing.clone()).or_else(|| {
            c.graph.as_ref().and_then(|g| timing::analyze(sop, g, settings.workday_minutes))
        });
        let verdict = t.as_ref().and_then(|t| service_verdict(sop, t));
        rows.push(Row {
            id: sop.id.as_ref().map_or_else(String::new, |i| i.value.clone()),
            level: match sop.level.as_ref().map(|l| l.value) {
                Some(Level::Makro) => "makro".into(),
                Some(Level::Mikro) => "mikro".into(),
                None => String::new(),
            },
            title: sop.title().to_string(),
            unit: sop.identity.unit.as_ref().map_or_else(String::new, |u| u.value.clone()),
            steps: sop.steps.len(),
            actors: sop.actors.len(),
            worst: t.as_ref().map_or_else(String::new, |t| list_total(t, Lang::from(args.lang))),
            worst_work_minutes: t
                .as_ref()
                .filter(|t| t.has_times())
                .and_then(|t| t.worst_work_minutes()),
            untimed_steps: t.as_ref().map_or(0, |t| t.untimed.len()),
            worst_calendar_days: t.as_ref().map_or(0, |t| t.worst.calendar_days),
            service_time: sop
                .service_time
                .as_ref()
                .map_or_else(String::new, |s| s.value.to_string()),
            service_verdict: match verdict {
                Some(v) => v.as_str().into(),
                None => String::new(),
            },
            errors,
            warnings,
            path: src.path.clone(),
        });
    }
    list::sort(&mut rows, column(args.sort), args.reverse);
    let l = Lang::from(args.lang);
    match args.format {
        ListFormat::Table => write!(io.stdout, "{}", list::table(&rows, l))?,
        ListFormat::Md => write!(io.stdout, "{}", list::markdown(&rows, l))?,
        ListFormat::Csv => write!(io.stdout, "{}", list::csv(&rows)?)?,
        ListFormat::Json => {
            // Serialised first, so a closed pipe surfaces as an io::Error.
            writeln!(io.stdout, "{}", serde_json::to_string_pretty(&rows)?)?;
        }
    }
    Ok(if loaded.had_io_error { ExitStatus::Error } else { ExitStatus::Clean })
}

/// The worst time as `list` prints it: `—` when no step has a time, and
/// how many steps it leaves out.
fn list_total(t: &timing::Timing, lang: Lang) -> String {
    if !t.has_times() {
        return "—".to_string();
    }
    let total = crate::render::timing::totals_text(&t.worst, lang);
    match (t.untimed.len(), lang) {
        (0, _) => total,
        (n, Lang::Id) => format!("{total} (+{n} tanpa waktu)"),
        (n, Lang::En) => format!("{total} (+{n} untimed)"),
    }
}
