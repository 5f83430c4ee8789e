//! Packaging helpers generated from the clap definition, so they never
//! drift from the real options: shell completion scripts
//! (`sopmap completions bash|zsh|fish|powershell`) and the man page
//! (`sopmap man`).

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell as CompleteShell;

use crate::cli::args::{Cli, CompletionsArgs, Shell};
use crate::cli::{ExitStatus, Io};

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
    io.stdout.write_all(&script).context("cannot write the completion script")?;
    io.stdout.flush().context("cannot write the completion script")?;
    Ok(ExitStatus::Clean)
}

/// The man page: the main page followed by one section per subcommand.
pub fn man(io: &mut Io<'_>) -> Result<ExitStatus> {
    let cmd = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut page)?;
    for sub in cmd.get_subcommands() {
        let title = format!("sopmap-{}", sub.get_name());
        clap_mangen::Man::new(sub.clone()).title(title).render(&mut page)?;
    }
    io.stdout.write_all(&page).context("cannot write the man page")?;
    io.stdout.flush().context("cannot write the man page")?;
    Ok(ExitStatus::Clean)
}
