//! Errors the CLI prints, in the language of the run. An error the CLI
//! raises is a [`Said`]: its text written in both languages where it is
//! raised (with [`bail_in!`](crate::bail_in) or [`Say::say`]), and the
//! error it wraps (an I/O error, a parse error) kept as its source.
//! [`render`] walks the chain once the language is known, so every part
//! of the message follows `--lang`, including the operating system's
//! words for the commonest I/O errors. Clap's own usage errors stay clap's.

use std::error::Error;
use std::fmt;
use std::io;

use crate::diagnostic::Text;
use crate::lang::Lang;

/// An error message in both languages, and what caused it.
#[derive(Debug)]
pub struct Said {
    text: Text,
    source: Option<anyhow::Error>,
}

impl Said {
    pub fn new(text: Text) -> Said {
        Said { text, source: None }
    }
}

// anyhow needs Display; the CLI prints through [`render`], which chooses
// the language. Display shows English, as tools and logs expect.
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text.en)
    }
}

impl Error for Said {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_ref().map(|e| {
            let e: &(dyn Error + Send + Sync + 'static) = e.as_ref();
            e as &(dyn Error + 'static)
        })
    }
}

/// `return Err(…)` with a message in both languages:
/// `bail_in!("berkas `{p}` tidak ada" / "`{p}` does not exist")`.
#[macro_export]
macro_rules! bail_in {
    ($($t:tt)*) => {
        return Err(anyhow::Error::new($crate::cli::said::Said::new($crate::msg!($($t)*))))
    };
}

/// An error with a message in both languages, as a value.
#[macro_export]
macro_rules! error_in {
    ($($t:tt)*) => {
        anyhow::Error::new($crate::cli::said::Said::new($crate::msg!($($t)*)))
    };
}

/// `.say(|| msg!(…))`: the bilingual counterpart of anyhow's `with_context`.
pub trait Say<T> {
    fn say(self, text: impl FnOnce() -> Text) -> anyhow::Result<T>;
}

impl<T, E> Say<T> for Result<T, E>
where
    E: Into<anyhow::Error>,
{
    fn say(self, text: impl FnOnce() -> Text) -> anyhow::Result<T> {
        self.map_err(|e| anyhow::Error::new(Said { text: text(), source: Some(e.into()) }))
    }
}

impl<T> Say<T> for Option<T> {
    fn say(self, text: impl FnOnce() -> Text) -> anyhow::Result<T> {
        self.ok_or_else(|| anyhow::Error::new(Said::new(text())))
    }
}

/// The whole error chain in `lang`, parts joined by `: ` as anyhow's
/// `{:#}` joins them.
pub fn render(e: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        let part = if let Some(s) = cause.downcast_ref::<Said>() {
            s.text.get(lang).to_string()
        } else if let Some(io) = cause.downcast_ref::<io::Error>() {
            io_error(io, lang)
        } else {
            cause.to_string()
        };
        // anyhow repeats a wrapped error's text when it was built with
        // `anyhow!("{e}")`; say it once.
        if parts.last() != Some(&part) {
            parts.push(part);
        }
    }
    parts.join(": ")
}

/// An I/O error in `lang`: the operating system's words in English, the
/// commonest kinds in Indonesian (others keep the system's words).
fn io_error(e: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    if lang == Lang::En {
        return e.to_string();
    }
    let text = match e.kind() {
        K::NotFound => "berkas atau folder tidak ada",
        K::PermissionDenied => "akses ditolak",
        K::AlreadyExists => "sudah ada",
        K::IsADirectory => "merupakan folder, bukan berkas",
        K::NotADirectory => "bukan folder",
        K::InvalidData => "isinya tidak sah",
        K::StorageFull => "ruang penyimpanan penuh",
        K::ReadOnlyFilesystem => "media penyimpanan hanya dapat dibaca",
        K::DirectoryNotEmpty => "folder tidak kosong",
        K::TimedOut => "waktu habis",
        K::BrokenPipe => "keluaran ditutup",
        _ => return format!("kesalahan baca-tulis ({e})"),
    };
    text.to_string()
}

/// `sopmap: kesalahan: ` / `sopmap: error: `, before every error line.
pub fn error_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "sopmap: kesalahan: ",
        Lang::En => "sopmap: error: ",
    }
}

/// `sopmap: peringatan: ` / `sopmap: warning: `.
pub fn warning_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "sopmap: peringatan: ",
        Lang::En => "sopmap: warning: ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn the_chain_follows_the_language() {
        let io = io::Error::new(io::ErrorKind::NotFound, "No such file or directory");
        let e = Err::<(), _>(io).say(|| msg!("tidak dapat membaca `x`" / "cannot read `x`"));
        let e = e.unwrap_err();
        assert_eq!(render(&e, Lang::Id), "tidak dapat membaca `x`: berkas atau folder tidak ada");
        assert_eq!(render(&e, Lang::En), "cannot read `x`: No such file or directory");
        let f =
            (|| -> anyhow::Result<()> { bail_in!("berkas `{}` kosong" / "`{}` is empty", "y") })();
        assert_eq!(render(&f.unwrap_err(), Lang::Id), "berkas `y` kosong");
    }
}
