//! The change in best and worst path time between two versions, from
//! [`crate::timing::analyze`] on each (wait steps left out, each loop
//! counted once, units kept apart). Reported only when a total changed;
//! then both paths are shown, with the steps of each path.

use serde::Serialize;

use crate::diff::Version;
use crate::lang::Lang;
use crate::timing::{self, Timing};

/// Old and new total of one path, and the steps along it (ids).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PathTime {
    /// `null` when the time cannot be computed (no start, no reachable end).
    pub old: Option<String>,
    pub new: Option<String>,
    pub old_path: Vec<String>,
    pub new_path: Vec<String>,
}

/// Best and worst path totals, present when either changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimingChange {
    pub best: PathTime,
    pub worst: PathTime,
}

fn ids(v: &Version<'_>, path: &[usize]) -> Vec<String> {
    path.iter().filter_map(|&i| v.sop.steps.get(i)).map(|s| s.id_str().to_string()).collect()
}

fn path_time(
    old: (&Version<'_>, Option<&Timing>),
    new: (&Version<'_>, Option<&Timing>),
    worst: bool,
    lang: Lang,
) -> PathTime {
    // A total in words of the run's language: `1 jam 55 menit` / `1 hour 55 minutes`.
    let total = |t: &Timing| if worst { t.worst } else { t.best }.text().get(lang).to_string();
    let path = |v: &Version<'_>, t: Option<&Timing>| {
        t.map(|t| ids(v, if worst { &t.worst_path } else { &t.best_path })).unwrap_or_default()
    };
    PathTime {
        old: old.1.map(total),
        new: new.1.map(total),
        old_path: path(old.0, old.1),
        new_path: path(new.0, new.1),
    }
}

/// The path-time change, or `None` when both totals are the same.
pub fn change(
    old: &Version<'_>,
    new: &Version<'_>,
    workday_minutes: u64,
    lang: Lang,
) -> Option<TimingChange> {
    let a = timing::analyze(old.sop, old.graph, workday_minutes);
    let b = timing::analyze(new.sop, new.graph, workday_minutes);
    let best = path_time((old, a.as_ref()), (new, b.as_ref()), false, lang);
    let worst = path_time((old, a.as_ref()), (new, b.as_ref()), true, lang);
    if best.old == best.new && worst.old == worst.new {
        return None;
    }
    Some(TimingChange { best, worst })
}

#[cfg(test)]
mod tests {
    use crate::diff::testing::{BASE, diff_texts};

    #[test]
    fn a_longer_step_on_the_only_path_moves_both_totals() {
        let d = diff_texts(BASE, &BASE.replace("time: 1 jam", "time: 2 jam"));
        let t = d.timing.unwrap();
        // mulai 10 + periksa 30 + proses 60/120 + selesai 15 menit.
        assert_eq!(t.worst.old.as_deref(), Some("1 hour 55 minutes"));
        assert_eq!(t.worst.new.as_deref(), Some("2 hours 55 minutes"));
        assert_eq!(t.best.new.as_deref(), Some("2 hours 55 minutes"));
        assert_eq!(t.worst.new_path, ["mulai", "periksa", "proses", "selesai"]);
    }

    #[test]
    fn same_totals_no_timing_section() {
        let d = diff_texts(BASE, &BASE.replace("activity: Memproses berkas", "activity: Mengolah"));
        assert!(d.timing.is_none());
    }
}
