//! Checking one file: parse the YAML, lower it into the model, build the
//! process graph and run the SOP rules. Pure: the caller supplies the text.
//! [`crate::run`] checks many files this way in parallel ([`parallel_map`]
//! keeps results in input order, so the output never depends on the thread
//! count) and adds what needs every file: the cross-SOP rules,
//! suppressions and the report order.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::{Diagnostic, FileId, Text};
use crate::graph::ProcessGraph;
use crate::lang::Lang;
use crate::model::{self, Sop};
use crate::rule_id::Levels;
use crate::rules::{self, Context};
use crate::source::SourceFile;
use crate::yaml::{self, Limits};

/// Everything that shapes a check, besides the input.
#[derive(Clone, Debug)]
pub struct Settings {
    pub limits: Limits,
    pub levels: Levels,
    /// Length of a working day in minutes, for time sums (default 8 jam).
    pub workday_minutes: u64,
    /// The language of the findings' messages and help.
    pub lang: Lang,
    /// What a bare `hari` means when the SOP does not say (`days:` in
    /// `sopmap.yaml`); `None` leaves it calendar days.
    pub days: Option<crate::duration::DayMeaning>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            limits: Limits::default(),
            levels: Levels::default(),
            workday_minutes: 8 * 60,
            lang: Lang::default(),
            days: None,
        }
    }
}

/// The result of checking one file.
#[derive(Debug)]
pub struct Checked {
    /// The model, when the YAML parsed into a mapping.
    pub sop: Option<Sop>,
    pub graph: Option<ProcessGraph>,
    /// Findings with the levels of `Settings` applied, unsorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and checks one source file: the per-file half of a run
/// ([`crate::run`] adds the cross-SOP rules, suppressions and order).
/// Rule levels are applied; inline suppressions are not.
pub fn check_file(source: &SourceFile, file: FileId, settings: &Settings) -> Checked {
    check_file_within(source, file, settings, None)
}

/// [`check_file`] within the run's alias `budget`, when given (see
/// [`map_within_budget`]).
pub fn check_file_within(
    source: &SourceFile,
    file: FileId,
    settings: &Settings,
    budget: Option<&AliasBudget>,
) -> Checked {
    let mut diagnostics = Vec::new();
    let root = match parse_within(source, settings.limits, budget) {
        Ok(root) => root,
        Err(e) => {
            let message = Text::new(e.message_in(Lang::Id), e.message_in(Lang::En));
            let help = Text::new(e.help_in(Lang::Id), e.help_in(Lang::En));
            let d = Diagnostic::new(&crate::rule_id::INVALID_YAML, file, e.span, message);
            diagnostics.push(d.help(help));
            settings.levels.apply(&mut diagnostics);
            return Checked { sop: None, graph: None, diagnostics };
        }
    };
    let mut sop = model::lower(&root, file, &mut diagnostics);
    drop(root);
    if let Some(sop) = &mut sop {
        sop.resolve_days(settings.days);
    }
    let graph = sop.as_ref().map(|sop| {
        let graph = ProcessGraph::build(sop);
        let cx = Context { file, source, sop, graph: &graph };
        rules::run(&cx, &settings.levels, &mut diagnostics);
        graph
    });
    settings.levels.apply(&mut diagnostics);
    Checked { sop, graph, diagnostics }
}

/// The run-wide budget of events replayed through YAML aliases: the run
/// may replay twice what one file may (so one file at its limit still
/// leaves room for genuine files after it), and no more.
#[derive(Debug, Default)]
pub struct AliasBudget {
    used: AtomicUsize,
}

impl AliasBudget {
    /// What is left for the next file under `limits`.
    fn left(&self, limits: Limits) -> usize {
        let run = (limits.max_nodes / 2).saturating_mul(2);
        run.saturating_sub(self.used.load(Ordering::Relaxed))
    }

    fn take(&self, events: usize) {
        self.used.fetch_add(events, Ordering::Relaxed);
    }
}

/// Parses `source` within the run's alias `budget` (when given).
fn parse_within(
    source: &SourceFile,
    limits: Limits,
    budget: Option<&AliasBudget>,
) -> Result<yaml::Node, yaml::SyntaxError> {
    let Some(budget) = budget else { return yaml::parse(&source.text, limits) };
    let allowance = budget.left(limits);
    let parsed = yaml::parse_with_alias_allowance(&source.text, limits, allowance);
    match &parsed {
        Ok(root) => budget.take(yaml::count_nodes(root)),
        Err(e) if e.alias_limit => budget.take(allowance),
        Err(_) => {}
    }
    parsed
}

/// The run's memory budget. A file with anchors and aliases can expand to
/// hundreds of megabytes within the per-file parse limits (an alias bomb
/// stopped at the limit). To bound the whole run and not just each file,
/// items whose text (`text_of`) may expand aliases are handled one at a
/// time, in input order, on one thread (whose allocator arena then reuses
/// the same memory), sharing `budget` (twice the per-file limit), after
/// the plain items, whose memory follows their size, are handled on up to
/// `jobs` threads. The order makes the outcome independent of `jobs`.
/// Results are in the order of `items`.
pub fn map_within_budget<T: Sync, R: Send>(
    items: &[T],
    text_of: impl Fn(&T) -> &str,
    jobs: usize,
    budget: &AliasBudget,
    f: impl Fn(usize, &T, Option<&AliasBudget>) -> R + Sync,
) -> Vec<R> {
    type Indexed<'t, T> = Vec<(usize, &'t T)>;
    let (risky, plain): (Indexed<'_, T>, Indexed<'_, T>) =
        items.iter().enumerate().partition(|(_, item)| may_expand(text_of(item)));
    if risky.is_empty() {
        return parallel_map(items, jobs, |i, item| f(i, item, None));
    }
    let mut done: Vec<(usize, R)> =
        parallel_map(&plain, jobs, |_, (i, item)| (*i, f(*i, item, None)));
    done.extend(parallel_map(&risky, 1, |_, (i, item)| (*i, f(*i, item, Some(budget)))));
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Whether `text` may hold a YAML alias (`*name`) of an anchor (`&name`).
/// Over-approximates: a `&` and a `*` anywhere will do.
fn may_expand(text: &str) -> bool {
    text.contains('&') && text.contains('*')
}

/// Parses every source and throws the trees away: the baseline the
/// benchmarks compare a check run against (same parser, same
/// threads, nothing sopmap adds). Returns how many files failed to parse.
pub fn parse_files(sources: &[SourceFile], jobs: usize, limits: Limits) -> usize {
    let budget = AliasBudget::default();
    map_within_budget(
        sources,
        |s| s.text.as_str(),
        jobs,
        &budget,
        |_, src, b| parse_within(src, limits, b).is_err(),
    )
    .into_iter()
    .filter(|failed| *failed)
    .count()
}

/// The number of threads to use when the user does not say: what the
/// operating system offers this process, or 1 when it cannot tell.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// Stack size of a checking thread. Only touched pages cost memory.
const WORKER_STACK: usize = 64 * 1024 * 1024;

/// Applies `f` to every item on up to `jobs` scoped threads and returns the
/// results in item order. Threads take the next unclaimed item from a shared
/// counter, so one large file does not hold back a whole pre-cut chunk.
pub(crate) fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let jobs = jobs.clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                // Even with one job the work runs on a thread of our own:
                // the parser and the lowering recurse once per nesting
                // level, and a caller's thread (a test harness gives 2 MiB)
                // may be too small for the deepest nesting the limits allow.
                std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(scope, || {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        out.push((i, f(i, item)));
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| match w.map(|handle| handle.join()) {
                Ok(Ok(out)) => out,
                // A panic in a worker is a bug in sopmap, not a property of
                // the input: let it surface as it would on one thread.
                Ok(Err(payload)) => std::panic::resume_unwind(payload),
                // The OS refused a thread: the others (or the loop below)
                // take its share.
                Err(_) => Vec::new(),
            })
            .collect()
    });
    if done.len() < items.len() {
        // Only when no thread could be started at all.
        let claimed = next.load(Ordering::Relaxed).min(items.len());
        done.extend(items.iter().enumerate().skip(claimed).map(|(i, item)| (i, f(i, item))));
    }
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_map_keeps_input_order_for_any_job_count() {
        let items: Vec<u64> = (0..200).collect();
        let want: Vec<u64> = items.iter().map(|x| x * x).collect();
        for jobs in [0, 1, 2, 3, 8, 500] {
            assert_eq!(parallel_map(&items, jobs, |_, x| x * x), want, "jobs = {jobs}");
        }
        assert!(parallel_map(&[] as &[u64], 4, |_, x| *x).is_empty());
    }
}
