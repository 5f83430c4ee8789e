//! invalid-yaml (SOP001): the file is not valid YAML, or exceeds a parser limit.
//! Reported by the schema lowering pass in `model/lower.rs`.

use crate::diagnostic::Level;
use crate::rules::{Check, Rule};

pub static RULE: Rule = Rule {
    code: "SOP001",
    name: "invalid-yaml",
    default_level: Level::Error,
    summary: "the file is not valid YAML, or exceeds a parser limit",
    explanation: EXPLANATION,
    check: Check::Parser,
};

const EXPLANATION: &str = "## What it does
Reports a YAML syntax error (a bad indent, an unclosed bracket, a tab used
for indentation, several documents in one file) or a file that exceeds the
parser limits (too many nodes, too deep, an alias bomb), at the line and
column where the parser stopped.

## Why is this bad?
Nothing else in the file can be checked until it parses.

## Example
```yaml
steps:
  - id: terima
    next: [periksa
```
The list opened with `[` is never closed.";
