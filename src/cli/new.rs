//! `sopmap new`: writes a new SOP from [`crate::scaffold`]. Never
//! overwrites: the file is written to a temporary file in the same folder
//! and moved into place only if no file of that name exists.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};

use crate::cli::args::{NewArgs, NewLevel};
use crate::cli::{Env, ExitStatus, Io};
use crate::model::SopLevel;
use crate::scaffold;

pub fn run(
    args: &NewArgs,
    lang: crate::lang::Lang,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let (path, id) = target(args)?;
    // Folder checks read `*.yaml` and `*.yml` only: a SOP under another
    // name would be skipped without a word.
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if !ext.eq_ignore_ascii_case("yaml") && !ext.eq_ignore_ascii_case("yml") {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("sop");
        bail_in!(
            "`{}` tidak berakhiran `.yaml`: pemeriksaan folder hanya membaca berkas `*.yaml` dan `*.yml`, sehingga SOP ini akan terlewat; beri nama `{stem}.yaml`"
                / "`{}` does not end in `.yaml`: folder checks read only `*.yaml` and `*.yml` files, so this SOP would be skipped; name it `{stem}.yaml`",
            path.display()
        );
    }
    let valid = !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        bail_in!(
            "`{id}` bukan id SOP yang sah: gunakan huruf kecil, angka dan `-` (misalnya `--id pengaduan-pmi`)"
                / "`{id}` is not a valid SOP id: use lowercase letters, digits and `-` (e.g. `--id pengaduan-pmi`)"
        );
    }
    let level = match args.level {
        NewLevel::Makro => SopLevel::Makro,
        NewLevel::Mikro => SopLevel::Mikro,
    };
    let text = scaffold::new_sop(&id, level, &today());
    let abs = if path.is_absolute() { path.clone() } else { env.cwd.join(&path) };
    if abs.exists() {
        bail_in!(
            "`{}` sudah ada; sopmap new tidak pernah menimpa berkas"
                / "`{}` already exists; sopmap new never overwrites a file",
            path.display()
        );
    }
    let dir = abs.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        bail_in!("folder `{}` tidak ada" / "folder `{}` does not exist", dir.display());
    }
    let mut tmp = crate::cli::output::temp_in(dir)
        .say(|| msg!("tidak dapat menulis di `{}`" / "cannot write in `{}`", dir.display()))?;
    std::io::Write::write_all(&mut tmp, text.as_bytes())
        .say(|| msg!("tidak dapat menulis `{}`" / "cannot write `{}`", path.display()))?;
    match tmp.persist_noclobber(&abs) {
        Ok(_) => {}
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            bail_in!(
                "`{}` sudah ada; sopmap new tidak pernah menimpa berkas"
                    / "`{}` already exists; sopmap new never overwrites a file",
                path.display()
            )
        }
        Err(e) => {
            return Err(e.error)
                .say(|| msg!("tidak dapat menulis `{}`" / "cannot write `{}`", path.display()));
        }
    }
    let p = path.display();
    let done = msg!(
        "`{p}` telah dibuat; periksa dengan `sopmap check {p}`"
            / "created `{p}`; check it with `sopmap check {p}`"
    );
    writeln!(io.stderr, "{}", done.get(lang))?;
    Ok(ExitStatus::Clean)
}

/// The file to write and the SOP id, from the path and `--id`.
fn target(args: &NewArgs) -> Result<(PathBuf, String)> {
    if args.path.as_ref().is_some_and(|p| p.as_os_str() == "-") {
        bail_in!(
            "`sopmap new` menulis berkas baru dan `-` bukan nama berkas; berikan nama berkas, misalnya `sopmap new pengaduan-pmi.yaml`"
                / "`sopmap new` writes a new file and `-` is not a file name; give one, e.g. `sopmap new pengaduan-pmi.yaml`"
        );
    }
    match (&args.path, &args.id) {
        (Some(p), Some(id)) if p.is_dir() => Ok((p.join(format!("{id}.yaml")), id.clone())),
        (Some(p), Some(id)) => Ok((p.clone(), id.clone())),
        (Some(p), None) if p.is_dir() => {
            bail_in!(
                "berikan id SOP dengan `--id` untuk membuat berkas di `{}`"
                    / "give the SOP id with `--id` to create a file in `{}`",
                p.display()
            )
        }
        (Some(p), None) => {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
            Ok((p.clone(), stem))
        }
        (None, Some(id)) => Ok((PathBuf::from(format!("{id}.yaml")), id.clone())),
        (None, None) => bail_in!(
            "berikan nama berkas atau `--id`, misalnya `sopmap new --id pengaduan-pmi`"
                / "give a file name or `--id`, e.g. `sopmap new --id pengaduan-pmi`"
        ),
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }
}
