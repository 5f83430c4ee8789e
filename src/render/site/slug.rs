//! File names of the SOP pages: the SOP id when it is a plain id (what
//! people type and link to), else a cleaned-up form of it or of the file
//! name; a name already taken (two files declaring one id) gets `-2`,
//! `-3`, … in load order. Only ASCII letters, digits, `-` and `_` are
//! kept, so a hostile id cannot reach outside the site folder, hide a
//! page behind a dot or collide with `index`.

use std::collections::BTreeSet;

/// Longest name kept, in bytes: far below any file system's limit.
const MAX_LEN: usize = 80;

/// The names given so far.
#[derive(Debug, Default)]
pub struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// A fresh name for the SOP with this id (if any) read from `path`.
    pub fn claim(&mut self, id: Option<&str>, path: &str) -> String {
        let stem = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
        let base = [id.unwrap_or(""), stem]
            .into_iter()
            .map(clean)
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "sop".to_string());
        let mut name = base.clone();
        let mut n = 1u32;
        while self.taken.contains(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        self.taken.insert(name.clone());
        name
    }
}

/// `s` with every character outside `[a-z0-9_-]` (after lowercasing)
/// turned into `-`, runs of `-` squeezed, no `-` at either end.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_LEN));
    for c in s.chars().flat_map(char::to_lowercase) {
        if out.len() >= MAX_LEN {
            break;
        }
        let c = if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_are_kept_and_hostile_ones_cleaned() {
        let mut n = Names::default();
        assert_eq!(n.claim(Some("pengaduan-pmi"), "sops/x.yaml"), "pengaduan-pmi");
        assert_eq!(n.claim(Some("pengaduan-pmi"), "sops/y.yaml"), "pengaduan-pmi-2");
        assert_eq!(n.claim(Some("../../etc/passwd"), "a.yaml"), "etc-passwd");
        assert_eq!(n.claim(Some("<script>"), "a.yaml"), "script");
        assert_eq!(n.claim(None, "dir/Berkas Baru.yaml"), "berkas-baru");
        assert_eq!(n.claim(Some("..."), "..."), "sop");
        assert_eq!(n.claim(Some("Å"), ""), "sop-2");
        assert!(n.claim(Some(&"a".repeat(500)), "").len() <= MAX_LEN);
    }
}
