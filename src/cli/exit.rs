//! Exit statuses: 0 clean, 1 findings, 2 usage or I/O error.

use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// No findings that fail the run.
    Clean,
    /// Findings that fail the run.
    Findings,
    /// Bad usage, unreadable input, or an output that could not be written.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        ExitCode::from(match s {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        })
    }
}
