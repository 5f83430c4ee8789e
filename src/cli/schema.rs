//! `sopmap schema`: prints the JSON Schema of `sop-ap/1`.

use anyhow::Result;

use crate::cli::{ExitStatus, Io};
use crate::json_schema;

pub fn run(io: &mut Io<'_>) -> Result<ExitStatus> {
    // Serialised first, so a closed pipe (`sopmap schema | head`) reaches
    // the CLI as an io::Error it recognises; serde_json would hide it.
    let text = serde_json::to_string_pretty(&json_schema::schema())?;
    writeln!(io.stdout, "{text}")?;
    Ok(ExitStatus::Clean)
}
