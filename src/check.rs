//! Checking one file: parse the YAML, lower it into the model, build the
//! process graph and run the SOP rules. Pure: the caller supplies the text
//! and decides what to do with the findings. Many files are checked in
//! parallel on scoped threads, with results kept in input order so the
//! output never depends on the thread count.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diagnostic::{Diagnostic, FileId};
use crate::graph::ProcessGraph;
use crate::model::{self, Sop};
use crate::rules::{self, Context, Levels};
use crate::source::SourceFile;
use crate::suppression;
use crate::yaml::{self, Limits};

/// Everything that shapes a check, besides the input.
#[derive(Clone, Debug)]
pub struct Settings {
    pub limits: Limits,
    pub levels: Levels,
    /// Length of a working day in minutes, for time sums (default 8 jam).
    pub workday_minutes: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { limits: Limits::default(), levels: Levels::default(), workday_minutes: 8 * 60 }
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

/// Parses and checks one source file.
pub fn check_source(source: &SourceFile, file: FileId, settings: &Settings) -> Checked {
    let mut checked = check_source_unsuppressed(source, file, settings);
    suppression::apply(source, file, &settings.levels, &mut checked.diagnostics);
    checked
}

/// [`check_source`] without applying inline suppressions, for runs that
/// add cross-SOP findings first ([`crate::catalog::apply_suppressions`]).
pub fn check_source_unsuppressed(
    source: &SourceFile,
    file: FileId,
    settings: &Settings,
) -> Checked {
    check_within(source, file, settings, None)
}

/// The run-wide budget of events replayed through YAML aliases: the run
/// may replay twice what one file may (so one file at its limit still
/// leaves room for genuine files after it), and no more.
#[derive(Default)]
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

/// Parses `source` within the run's alias `budget` (when given), then
/// checks it.
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

fn check_within(
    source: &SourceFile,
    file: FileId,
    settings: &Settings,
    budget: Option<&AliasBudget>,
) -> Checked {
    let mut diagnostics = Vec::new();
    let root = match parse_within(source, settings.limits, budget) {
        Ok(root) => root,
        Err(e) => {
            let d = Diagnostic::new(&rules::invalid_yaml::RULE, file, e.span, e.message);
            diagnostics.push(match e.help {
                Some(h) => d.help(h),
                None => d,
            });
            settings.levels.apply(&mut diagnostics);
            return Checked { sop: None, graph: None, diagnostics };
        }
    };
    let sop = model::lower(&root, file, &mut diagnostics);
    drop(root);
    let graph = sop.as_ref().map(|sop| {
        let graph = ProcessGraph::build(sop);
        let cx = Context { file, source, sop, graph: &graph };
        rules::run(&cx, &settings.levels, &mut diagnostics);
        graph
    });
    settings.levels.apply(&mut diagnostics);
    Checked { sop, graph, diagnostics }
}

/// Checks every source, each with the settings `settings_for` picks for
/// it (per-path overrides), on as many threads as the machine offers.
/// Results are in the order of `sources`.
pub fn check_files<'a>(
    sources: &[SourceFile],
    settings_for: impl Fn(FileId) -> &'a Settings + Sync,
) -> Vec<Checked> {
    check_files_with_jobs(sources, default_jobs(), settings_for)
}

/// [`check_files`] on at most `jobs` threads (`1` checks on the calling
/// thread). The result does not depend on `jobs`: each file is checked on
/// its own and results are put back in the order of `sources`.
pub fn check_files_with_jobs<'a>(
    sources: &[SourceFile],
    jobs: usize,
    settings_for: impl Fn(FileId) -> &'a Settings + Sync,
) -> Vec<Checked> {
    map_within_budget(sources, jobs, |id, src, budget| {
        let settings = settings_for(id);
        let mut checked = check_within(src, id, settings, budget);
        suppression::apply(src, id, &settings.levels, &mut checked.diagnostics);
        checked
    })
}

/// The run's memory budget. A file with anchors and aliases can expand to
/// hundreds of megabytes within the per-file parse limits (an alias bomb
/// stopped at the limit). To bound the whole run and not just each file,
/// files that may expand aliases are checked one at a time, in input
/// order, on one thread (whose allocator arena then reuses the same
/// memory), sharing one [`AliasBudget`] (twice the per-file limit), after
/// the plain files, whose memory follows their size, are checked in
/// parallel. The order makes the outcome independent of `jobs`. Results
/// are in the order of `sources`.
fn map_within_budget<R: Send>(
    sources: &[SourceFile],
    jobs: usize,
    f: impl Fn(FileId, &SourceFile, Option<&AliasBudget>) -> R + Sync,
) -> Vec<R> {
    let (risky, plain): (Vec<(usize, &SourceFile)>, Vec<(usize, &SourceFile)>) =
        sources.iter().enumerate().partition(|(_, s)| may_expand(&s.text));
    if risky.is_empty() {
        return parallel_map(sources, jobs, |i, s| f(i, s, None));
    }
    let mut done: Vec<(usize, R)> = parallel_map(&plain, jobs, |_, (i, s)| (*i, f(*i, s, None)));
    let budget = AliasBudget::default();
    done.extend(parallel_map(&risky, 1, |_, (i, s)| (*i, f(*i, s, Some(&budget)))));
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Whether `text` may hold a YAML alias (`*name`) of an anchor (`&name`).
/// Over-approximates: a `&` and a `*` anywhere will do.
fn may_expand(text: &str) -> bool {
    text.contains('&') && text.contains('*')
}

/// [`check_files_with_jobs`] without applying inline suppressions (the
/// caller applies them once cross-SOP findings are in: see
/// [`crate::catalog::apply_suppressions`]).
pub fn check_files_unsuppressed_with_jobs<'a>(
    sources: &[SourceFile],
    jobs: usize,
    settings_for: impl Fn(FileId) -> &'a Settings + Sync,
) -> Vec<Checked> {
    map_within_budget(sources, jobs, |id, src, budget| {
        check_within(src, id, settings_for(id), budget)
    })
}

/// Parses every source and throws the trees away: the baseline the
/// benchmarks compare [`check_files_with_jobs`] against (same parser, same
/// threads, nothing sopmap adds). Returns how many files failed to parse.
pub fn parse_files(sources: &[SourceFile], jobs: usize, limits: Limits) -> usize {
    map_within_budget(sources, jobs, |_, src, budget| parse_within(src, limits, budget).is_err())
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

    #[test]
    fn checking_on_many_threads_equals_one_thread() {
        let sources: Vec<SourceFile> = (0..12)
            .map(|i| {
                SourceFile::new(
                    format!("f{i}.yaml"),
                    format!("schema: sop-ap/1\nid: f{i}\nsteps: {i}\n"),
                )
            })
            .collect();
        let settings = Settings::default();
        let one = check_files_with_jobs(&sources, 1, |_| &settings);
        let many = check_files_with_jobs(&sources, 4, |_| &settings);
        let key = |c: &Vec<Checked>| -> Vec<Vec<(usize, usize, &'static str)>> {
            c.iter()
                .map(|c| c.diagnostics.iter().map(|d| (d.file, d.span.start, d.code)).collect())
                .collect()
        };
        assert_eq!(key(&one), key(&many));
        assert!(one.iter().enumerate().all(|(i, c)| c.diagnostics.iter().all(|d| d.file == i)));
    }
}
