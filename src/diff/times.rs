//! The change in best and worst path time between two versions.

use serde::Serialize;

use crate::diff::Version;

/// Old and new total of one path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathTime {
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Best and worst path totals, present when either changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimingChange {
    pub best: PathTime,
    pub worst: PathTime,
}

// PENDING: filled in once src/timing.rs lands on main.
pub fn change(
    _old: &Version<'_>,
    _new: &Version<'_>,
    _workday_minutes: u64,
) -> Option<TimingChange> {
    None
}
