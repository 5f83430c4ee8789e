//! The `sopmap` binary: hands the process's arguments, environment and
//! streams to [`sopmap::cli::run`] and turns its status into an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let env = sopmap::cli::Env::from_process();
    let (mut stdin, mut stdout, mut stderr) =
        (std::io::stdin(), std::io::stdout(), std::io::stderr());
    let mut io = sopmap::cli::Io { stdin: &mut stdin, stdout: &mut stdout, stderr: &mut stderr };
    sopmap::cli::run(std::env::args_os(), &env, &mut io).into()
}
