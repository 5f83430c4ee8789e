//! Packaging helpers generated from the clap definition, so they never
//! drift from the real options: shell completion scripts
//! (`sopmap completions bash|zsh|fish|powershell`) and the man page
//! (`sopmap man`).

use anyhow::Result;

use crate::cli::said::Say;
use crate::{bail_in, msg};
use clap::CommandFactory;
use clap_complete::Shell as CompleteShell;

use crate::cli::args::{Cli, CompletionsArgs, ManArgs, Shell};
use crate::cli::{Env, ExitStatus, Io};

pub fn completions(args: &CompletionsArgs, io: &mut Io<'_>) -> Result<ExitStatus> {
    let shell = match args.shell {
        Shell::Bash => CompleteShell::Bash,
        Shell::Zsh => CompleteShell::Zsh,
        Shell::Fish => CompleteShell::Fish,
        Shell::Powershell => CompleteShell::PowerShell,
    };
    let mut cmd = Cli::command();
    // clap_complete panics when its writer fails (a full disk, a closed
    // pipe): it writes into memory, and the write to standard output
    // reports its error like every other command's.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "sopmap", &mut script);
    io.stdout.write_all(&script).say(|| {
        msg!("tidak dapat menulis skrip pelengkapan" / "cannot write the completion script")
    })?;
    io.stdout.flush().say(|| {
        msg!("tidak dapat menulis skrip pelengkapan" / "cannot write the completion script")
    })?;
    Ok(ExitStatus::Clean)
}

/// The man pages: the main page and one page per subcommand (the main
/// page's SEE ALSO names them as `sopmap-<command>(1)`). Printed one after
/// the other, or with `--dir` written as `sopmap.1` and
/// `sopmap-<command>.1`, so that those references resolve.
pub fn man(
    args: &ManArgs,
    lang: crate::lang::Lang,
    env: &Env,
    io: &mut Io<'_>,
) -> Result<ExitStatus> {
    let mut cmd = Cli::command();
    // Built, the command has its generated `help` subcommand, which the
    // main page names too (`sopmap-help(1)`).
    cmd.build();
    let mut pages = vec![("sopmap".to_string(), clap_mangen::Man::new(cmd.clone()))];
    for sub in cmd.get_subcommands() {
        let title = format!("sopmap-{}", sub.get_name());
        pages.push((title.clone(), clap_mangen::Man::new(sub.clone()).title(title)));
    }
    let Some(dir) = &args.dir else {
        for (_, page) in pages {
            page.render(&mut *io.stdout)?;
        }
        return Ok(ExitStatus::Clean);
    };
    let dir = env.cwd.join(dir);
    if !dir.is_dir() {
        bail_in!("folder `{}` tidak ada" / "folder `{}` does not exist", dir.display());
    }
    for (title, page) in pages {
        let mut roff = Vec::new();
        page.render(&mut roff)?;
        let path = dir.join(format!("{title}.1"));
        std::fs::write(&path, roff)
            .say(|| msg!("tidak dapat menulis `{}`" / "cannot write `{}`", path.display()))?;
    }
    let d = dir.display();
    let done = msg!("halaman manual telah ditulis ke `{d}`" / "wrote the man pages into `{d}`");
    writeln!(io.stderr, "{}", done.get(lang))?;
    Ok(ExitStatus::Clean)
}
