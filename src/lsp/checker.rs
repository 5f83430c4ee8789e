//! The language server's checking, off its main loop: a small pool of
//! worker threads checks files ([`workspace::check_job`]) while the loop
//! keeps reading messages and answering requests, so a slow or hostile
//! file holds up one worker and nothing else.
//!
//! The loop hands the pool one job per file at a time. A newer text of a
//! file replaces its job still waiting (the older version is never
//! checked), and the result of a check that a newer text overtook while
//! it ran is dropped: only the newest version of a file is installed.
//! Edits of open buffers go before files loaded from disk.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender};

use crate::catalog::Entry;
use crate::check::Checked;
use crate::diagnostic::FileId;
use crate::lsp::workspace::{self, Job};
use crate::source::SourceFile;

/// How long a check may take, by default, before the user is told that it
/// is slow and requests about its file stop waiting for it (the client
/// may set another: `initializationOptions.checkBudgetMs`).
pub const CHECK_BUDGET: Duration = Duration::from_secs(2);

/// A job as queued: the file's text to check, what the editor said about
/// the buffer, and the generation that tells newer from older.
#[derive(Debug)]
pub struct Queued {
    pub job: Job,
    /// Open in the editor, and its version (`None` leaves them as they are).
    pub open: Option<(bool, Option<i32>)>,
    generation: u64,
    /// A file loaded from disk, not an editor's buffer.
    background: bool,
}

/// A finished check.
#[derive(Debug)]
pub struct Done {
    pub file: FileId,
    pub source: SourceFile,
    pub open: Option<(bool, Option<i32>)>,
    pub checked: Checked,
    pub entry: Option<Entry>,
    generation: u64,
}

/// A check running on a worker.
#[derive(Debug)]
struct Running {
    started: Instant,
    background: bool,
    /// The user was told it is slow.
    warned: bool,
}

/// The worker pool and the bookkeeping of which text of which file is
/// being checked.
pub struct Checker {
    /// See [`CHECK_BUDGET`].
    pub budget: Duration,
    jobs: Sender<Queued>,
    /// Finished checks, for the main loop to select on.
    pub done: Receiver<Done>,
    idle: usize,
    ready: VecDeque<Queued>,
    running: HashMap<FileId, Running>,
    /// The newest generation asked for, per file.
    latest: HashMap<FileId, u64>,
    /// The generation installed, per file.
    installed: HashMap<FileId, u64>,
    next: u64,
}

impl Checker {
    /// Starts `workers` threads (at least two, so that one slow file
    /// leaves a worker for the others).
    pub fn start(workers: usize, budget: Duration) -> Checker {
        let workers = workers.max(2);
        let (jobs, job_rx) = crossbeam_channel::unbounded::<Queued>();
        let (done_tx, done) = crossbeam_channel::unbounded::<Done>();
        for i in 0..workers {
            let rx = job_rx.clone();
            let tx = done_tx.clone();
            // A pool that cannot start a thread still has the others; with
            // none, files stay unchecked and requests answer from the
            // last state after the budget.
            let _ =
                std::thread::Builder::new().name(format!("sopmap-check-{i}")).spawn(move || {
                    while let Ok(q) = rx.recv() {
                        let Queued { job, open, generation, .. } = q;
                        let (checked, entry) =
                            workspace::check_job(&job.source, job.file, &job.settings);
                        let done = Done {
                            file: job.file,
                            source: job.source,
                            open,
                            checked,
                            entry,
                            generation,
                        };
                        if tx.send(done).is_err() {
                            return;
                        }
                    }
                });
        }
        Checker {
            budget,
            jobs,
            done,
            idle: workers,
            ready: VecDeque::new(),
            running: HashMap::new(),
            latest: HashMap::new(),
            installed: HashMap::new(),
            next: 0,
        }
    }

    /// Queues a check of `job`; `urgent` (an editor's buffer) goes first.
    /// A job of the same file still waiting is dropped.
    pub fn submit(&mut self, job: Job, open: Option<(bool, Option<i32>)>, urgent: bool) {
        self.next += 1;
        let generation = self.next;
        let file = job.file;
        self.latest.insert(file, generation);
        self.ready.retain(|q| q.job.file != file);
        let q = Queued { job, open, generation, background: !urgent };
        if urgent {
            self.ready.push_front(q);
        } else {
            self.ready.push_back(q);
        }
        self.dispatch();
    }

    /// Forgets every check of `file` (it left the workspace): a result
    /// still to come is dropped.
    pub fn cancel(&mut self, file: FileId) {
        self.next += 1;
        self.ready.retain(|q| q.job.file != file);
        self.latest.insert(file, self.next);
        self.installed.insert(file, self.next);
    }

    /// Hands waiting jobs to idle workers, one running check per file.
    fn dispatch(&mut self) {
        while self.idle > 0 {
            let Some(at) = self.ready.iter().position(|q| !self.running.contains_key(&q.job.file))
            else {
                return;
            };
            let Some(q) = self.ready.remove(at) else { return };
            let (file, background) = (q.job.file, q.background);
            if self.jobs.send(q).is_err() {
                return;
            }
            self.idle -= 1;
            let started = Instant::now();
            self.running.insert(file, Running { started, background, warned: false });
        }
    }

    /// Takes a finished check: `Some` when it is the newest text of its
    /// file, to install; `None` when a newer one overtook it.
    pub fn finish(&mut self, done: Done) -> Option<Done> {
        self.idle += 1;
        self.running.remove(&done.file);
        self.dispatch();
        if self.latest.get(&done.file) != Some(&done.generation) {
            return None;
        }
        self.installed.insert(done.file, done.generation);
        Some(done)
    }

    /// Whether a newer text of `file` than the installed one is queued or
    /// being checked.
    pub fn busy(&self, file: FileId) -> bool {
        self.latest.get(&file).is_some_and(|l| self.installed.get(&file) != Some(l))
    }

    /// Whether every file loaded from disk is checked, except those
    /// already over the budget: the findings are then worth publishing (a
    /// half-loaded workspace would show links into files not yet read as
    /// broken). Edits of buffers do not hold publishing back.
    pub fn settled(&self) -> bool {
        !self.ready.iter().any(|q| q.background)
            && self.running.values().all(|r| !r.background || r.warned)
    }

    /// The files whose running check went over the budget since the last
    /// call (each told once).
    pub fn overdue(&mut self, now: Instant) -> Vec<FileId> {
        let mut out: Vec<FileId> = self
            .running
            .iter_mut()
            .filter(|(_, r)| !r.warned && now.saturating_duration_since(r.started) >= self.budget)
            .map(|(f, r)| {
                r.warned = true;
                *f
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// When the next running check goes over the budget.
    pub fn next_overdue(&self) -> Option<Instant> {
        self.running.values().filter(|r| !r.warned).map(|r| r.started + self.budget).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Settings;

    fn job(file: FileId, text: &str) -> Job {
        Job { file, source: SourceFile::new("a.yaml", text), settings: Settings::default() }
    }

    fn next(c: &mut Checker) -> Option<Done> {
        let d = c.done.recv_timeout(Duration::from_secs(20)).ok()?;
        c.finish(d).map(Some).unwrap_or_else(|| next(c))
    }

    #[test]
    fn only_the_newest_text_of_a_file_is_installed() {
        let mut c = Checker::start(2, CHECK_BUDGET);
        let yaml =
            crate::rules::testing::sop_yaml("a", "mikro", "", crate::rules::testing::TWO_STEPS);
        // Three texts of file 0 in a row: the first starts at once, the
        // second is replaced while it waits, the first's result is dropped.
        c.submit(job(0, "schema: sop-ap/1\n"), Some((true, Some(1))), true);
        c.submit(job(0, "schema: [\n"), Some((true, Some(2))), true);
        c.submit(job(0, &yaml), Some((true, Some(3))), true);
        assert!(c.busy(0) && c.settled());
        let d = next(&mut c).unwrap();
        assert_eq!(d.open, Some((true, Some(3))));
        assert!(d.checked.sop.is_some());
        assert!(!c.busy(0));
        // A file loaded from disk holds publishing back until it is in.
        c.submit(job(1, &yaml), None, false);
        assert!(!c.settled() && c.busy(1));
        assert_eq!(next(&mut c).map(|d| d.file), Some(1));
        assert!(c.settled());
        // A file that left: whatever was queued for it is forgotten.
        c.submit(job(2, &yaml), None, false);
        c.cancel(2);
        assert!(!c.busy(2));
        assert!(c.done.recv_timeout(Duration::from_secs(20)).is_ok_and(|d| c.finish(d).is_none()));
    }
}
