//! The speed baseline for `sopmap check`: a bare serde-saphyr parse of the
//! same files into a generic spanned tree, on one thread, and nothing else.
//!
//! ```text
//! cargo run --release --example bare_parse -- DIR_OR_FILE…
//! ```
//!
//! It reads every `.yaml`/`.yml` file under the paths given (sorted), parses
//! each with serde-saphyr's default options into a minimal tree whose every
//! node keeps its location (`Spanned`), and prints how many files and nodes
//! it saw, so the work cannot be optimised away. It shares no code with
//! sopmap on purpose: it is what any program reading these files with the
//! same YAML crate must pay, so `check --jobs 1` divided by its time is the
//! cost of everything sopmap does beyond reading YAML (docs/performance.md,
//! scripts/bench.sh).

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// A YAML value as any generic consumer would keep it.
enum Tree {
    Null,
    Bool(#[allow(dead_code)] bool),
    Int(#[allow(dead_code)] i64),
    Float(#[allow(dead_code)] f64),
    Str(#[allow(dead_code)] String),
    Seq(Vec<Spanned<Tree>>),
    Map(Vec<(Spanned<Tree>, Spanned<Tree>)>),
}

impl Tree {
    fn count(&self) -> usize {
        1 + match self {
            Tree::Seq(items) => items.iter().map(|n| n.value.count()).sum(),
            Tree::Map(entries) => {
                entries.iter().map(|(k, v)| k.value.count() + v.value.count()).sum()
            }
            _ => 0,
        }
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E: Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_bool<E: Error>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Int(v))
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<Tree, E> {
        Ok(i64::try_from(v).map_or(Tree::Float(v as f64), Tree::Int))
    }
    fn visit_f64<E: Error>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Float(v))
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Str(v.to_string()))
    }
    fn visit_string<E: Error>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Tree::Map(entries))
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).with_context(|| format!("{}", path.display()))? {
            collect(&entry?.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn main() -> Result<()> {
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        collect(Path::new(&arg), &mut files)?;
    }
    anyhow::ensure!(!files.is_empty(), "usage: bare_parse DIR_OR_FILE…");
    files.sort();
    let (mut nodes, mut failed) = (0, 0);
    for path in &files {
        let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
        match serde_saphyr::from_str::<Option<Spanned<Tree>>>(&text) {
            Ok(tree) => nodes += tree.map_or(0, |t| t.value.count()),
            Err(_) => failed += 1,
        }
    }
    println!("{} files, {nodes} nodes, {failed} not parsed", files.len());
    Ok(())
}
