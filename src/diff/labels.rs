//! The words of the diff writers in Indonesian and English: section
//! headings, what happened to a thing, and how values read.

use crate::lang::Lang;

/// Words of the diff output in one language (defined in the one table in
/// `lang.rs`).
pub use crate::lang::DiffWords as Words;

pub fn words(lang: Lang) -> &'static Words {
    Words::of(lang)
}
