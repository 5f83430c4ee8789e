//! `sopmap timing`: the time budget of each SOP given, as tables or JSON.
//! Exit 1 when a SOP has errors or cannot be timed (no start, or no end
//! reachable), else 0; a service time that is exceeded is reported in the
//! output (and by `sopmap check` as a warning) but does not fail the run.

use anyhow::Result;

use crate::cli::args::{GlobalArgs, TimingArgs, TimingFormat};
use crate::cli::corpus::{self, Request};
use crate::cli::said;
use crate::cli::settings::Global;
use crate::cli::{Env, ExitStatus, Io};
use crate::msg;
use crate::render::timing as render;
use crate::run::Keep;

pub fn run(
    args: &TimingArgs,
    global: &GlobalArgs,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let g = match Global::resolve(global, env, io)? {
        Ok(g) => g,
        Err(status) => return Ok(status),
    };
    let paths = corpus::default_paths(&args.paths, &env.cwd, "timing")?;
    let req = Request { paths: &paths, stdin_filename: None, lookup: true, keep: Keep::Models };
    let loaded = corpus::load(&req, &g, io)?;
    let outcome = &loaded.outcome;
    let lang = g.lang;
    let mut failed = loaded.unreadable > 0;
    let mut texts = Vec::new();
    let mut items = Vec::new();
    let counts = outcome.counts();
    for (file, src) in outcome.sources.iter().enumerate().take(outcome.reported()) {
        let errors = counts.get(file).map_or(0, |c| c.0);
        if errors > 0 {
            failed = true;
            let p = &src.path;
            let arg = if outcome.scope.is_unnamed(file) { "-" } else { src.path.as_str() };
            let text = msg!(
                "`{p}` memuat {errors} kesalahan; waktunya mungkin keliru (jalankan `sopmap check {arg}`)"
                    / "`{p}` has {errors} error(s); times may be wrong (run `sopmap check {arg}`)"
            );
            writeln!(io.stderr, "{}{}", said::warning_prefix(lang), text.get(lang))?;
        }
        let Some(model) = outcome.model(file) else {
            failed = true;
            let p = crate::render::escape::terminal_line(&src.path);
            let text = msg!("`{p}` bukan dokumen SOP" / "`{p}` is not a SOP document");
            writeln!(io.stderr, "{}{}", said::error_prefix(lang), text.get(lang))?;
            continue;
        };
        let Some(t) = &model.timing else {
            failed = true;
            let p = &src.path;
            let text = msg!(
                "waktu `{p}` tidak dapat dihitung: tidak ada langkah awal, atau tidak ada langkah akhir yang dapat dicapai darinya"
                    / "cannot time `{p}`: it has no start step or no end can be reached from it"
            );
            writeln!(io.stderr, "{}{}", said::error_prefix(lang), text.get(lang))?;
            continue;
        };
        match args.format {
            TimingFormat::Text => texts.push(render::text(&src.path, &model.sop, t, lang)),
            TimingFormat::Json => items.push(render::json(&src.path, &model.sop, t)),
        }
    }
    match args.format {
        TimingFormat::Text => write!(io.stdout, "{}", texts.join("\n"))?,
        TimingFormat::Json => {
            // Serialised first, so a closed pipe surfaces as an io::Error.
            writeln!(io.stdout, "{}", serde_json::to_string_pretty(&items)?)?;
        }
    }
    Ok(if loaded.unreadable > 0 {
        ExitStatus::Error
    } else if failed {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}
