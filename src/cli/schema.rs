//! `sopmap schema`: prints the JSON Schema of `sop-ap/1`.

use anyhow::Result;

use crate::cli::{ExitStatus, Io};
use crate::json_schema;

pub fn run(io: &mut Io<'_>) -> Result<ExitStatus> {
    serde_json::to_writer_pretty(&mut *io.stdout, &json_schema::schema())?;
    writeln!(io.stdout)?;
    Ok(ExitStatus::Clean)
}
