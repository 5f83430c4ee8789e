//! The JSON Schema (draft 2020-12) of `sop-ap/1`, generated from the key
//! table in [`crate::model::schema`], so editors (through
//! yaml-language-server) complete keys and flag mistakes while typing.
//!
//! Every object is closed (`additionalProperties: false`) and lists its
//! required keys; ids, dates and durations carry patterns; enums list
//! their words; descriptions give the English meaning and the Indonesian
//! label printed on the SOP AP document. The schema checks shape only: the
//! flow rules (dead ends, unknown steps …) are `sopmap check`'s job.
//! [`to_json`] turns a parsed YAML [`Node`] tree into JSON for validators.

use serde_json::{Map, Value as Json, json};

use crate::model::schema::{self, Key, Type};
use crate::yaml::{Node, Value};

/// The draft this schema follows.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// SOP ids: lowercase letters, digits and `-`.
pub const SOP_ID_PATTERN: &str = "^[a-z0-9-]+$";
/// Step and actor ids: lowercase letters, digits, `_` and `-`.
pub const LOCAL_ID_PATTERN: &str = "^[a-z0-9_-]+$";
/// Dates as published SOPs write them: ISO `2022-01-07` (or `2020-06`),
/// day/month/year `01/03/2022`, year/month/day `2022/03/01`, and a month
/// name with or without the day (`16 Juli 2012`, `JUNI 2020`). Calendar
/// validity and the month names are checked by sopmap.
pub const DATE_PATTERN: &str = concat!(
    "^\\s*(?:[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}|",
    "[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}|(?:[0-9]{1,2}\\s+)?[A-Za-z]+\\.?,?\\s+[0-9]{4})\\s*$"
);
/// A box left blank on purpose, to fill in by hand: `kosong` (any case) or `-`.
pub const BLANK_PATTERN: &str = "^\\s*(?:[Kk][Oo][Ss][Oo][Nn][Gg]|-)\\s*$";
/// The duration grammar of `src/duration.rs`, loosely: some amount (digits
/// or number words) and a unit word somewhere, in any case. sopmap reads
/// the rest (ranges, qualifiers, conditions) and explains what it rejects.
pub const DURATION_PATTERN: &str = concat!(
    "(?:[0-9]|½|[Ss][Ee][Tt][Ee][Nn][Gg][Aa][Hh]|[Ss][Aa][Tt][Uu]|[Dd][Uu][Aa]|[Tt][Ii][Gg][Aa]|",
    "[Ee][Mm][Pp][Aa][Tt]|[Ll][Ii][Mm][Aa]|[Ss][Ee][Pp][Uu][Ll][Uu][Hh]|[Ss][Ee][Hh][Aa][Rr][Ii])",
    "[^\\n]*(?:[Dd][Ee][Tt][Ii][Kk]|[Dd][Tt][Kk]|[Mm][Ee][Nn][Ii][Tt]|[Mm][Nn][Tt]|[Jj][Aa][Mm]|",
    "[Hh][Aa][Rr][Ii]|[Hh][Kk]|[Mm][Ii][Nn][Gg][Gg][Uu]|[Pp][Ee][Kk][Aa][Nn]|[Bb][Uu][Ll][Aa][Nn]|",
    "[Tt][Aa][Hh][Uu][Nn])"
);

/// The whole schema.
pub fn schema() -> Json {
    let mut root = object(schema::TOP, "");
    if let Json::Object(m) = &mut root {
        let mut head = Map::new();
        head.insert("$schema".into(), json!(DRAFT));
        head.insert("title".into(), json!("sop-ap/1"));
        head.insert(
            "description".into(),
            json!(
                "A Standard Operating Procedure of Indonesian government administration \
                 (SOP AP, PermenPANRB 35/2012) in the sop-ap/1 format of sopmap."
            ),
        );
        head.append(m);
        *m = head;
    }
    root
}

fn describe(key: &Key) -> String {
    if key.label == "-" {
        key.description.to_string()
    } else {
        format!("{} (Indonesian label: {})", key.description, key.label)
    }
}

fn object(keys: &[Key], parent: &str) -> Json {
    let mut props = Map::new();
    for k in keys {
        let mut s = of_type(k, parent);
        if let Json::Object(m) = &mut s {
            m.insert("description".into(), json!(describe(k)));
        }
        props.insert(k.name.to_string(), s);
    }
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut obj = json!({
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": false,
    });
    if let Json::Object(m) = &mut obj {
        match parent {
            // A branch leads to a step (`next`) or ends the procedure (`outcome`).
            "branches" => {
                m.insert(
                    "oneOf".into(),
                    json!([{"required": ["next"]}, {"required": ["outcome"]}]),
                );
            }
            "steps" => {
                let row_keys: Vec<Json> =
                    schema::ROW_KEYS.iter().map(|k| json!({"required": [k]})).collect();
                m.insert(
                    "allOf".into(),
                    json!([
                        // Only a start or end capsule may leave out its activity.
                        {
                            "if": {"required": ["kind"], "properties": {"kind": {"enum": ["process", "decision"]}}},
                            "then": {"required": ["activity"]},
                        },
                        // A step that continues a numbered row leaves the
                        // row's number and Mutu Baku to its first step
                        // (`misplaced-key`).
                        {
                            "if": {"required": ["same_row"], "properties": {"same_row": {"const": true}}},
                            "then": {"not": {"anyOf": row_keys}},
                        },
                    ]),
                );
            }
            _ => {}
        }
    }
    obj
}

fn id_pattern(key: &Key, parent: &str) -> &'static str {
    let is_sop_id =
        matches!(key.name, "sop" | "sub_sop") || (parent.is_empty() && key.name == "id");
    if is_sop_id { SOP_ID_PATTERN } else { LOCAL_ID_PATTERN }
}

fn of_type(key: &Key, parent: &str) -> Json {
    match key.ty {
        // A required text must say something (`empty-value`).
        Type::Str if key.required => json!({"type": "string", "pattern": "\\S"}),
        Type::Str => json!({"type": "string"}),
        Type::Int => json!({"type": ["integer", "string"], "pattern": "^[0-9]+$"}),
        Type::Bool => json!({"type": "boolean"}),
        Type::Date if !key.required => json!({
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "string", "pattern": BLANK_PATTERN},
                {"type": "null"},
            ]
        }),
        Type::Date => json!({
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "string", "pattern": BLANK_PATTERN},
            ]
        }),
        Type::Duration => json!({"type": "string", "pattern": DURATION_PATTERN}),
        Type::Id => json!({"type": "string", "pattern": id_pattern(key, parent)}),
        Type::Enum(words) => json!({"type": "string", "enum": words}),
        // A required Mutu Baku list has an item, or is left blank (`kosong`).
        Type::StrList if key.required => json!({
            "anyOf": [
                {"type": "array", "items": {"type": "string"}, "minItems": 1},
                {"type": "string", "pattern": BLANK_PATTERN},
            ]
        }),
        Type::StrList => json!({"type": "array", "items": {"type": "string"}}),
        Type::IdList => {
            // `with: pengadu` is accepted as a single-actor shorthand.
            let id = json!({"type": "string", "pattern": LOCAL_ID_PATTERN});
            json!({"anyOf": [id.clone(), {"type": "array", "items": id}]})
        }
        Type::Object(keys) => object(keys, key.name),
        Type::ObjectList(keys) => json!({"type": "array", "items": object(keys, key.name)}),
    }
}

/// A YAML tree as JSON (mapping keys that are not strings become their
/// text; a non-finite float becomes null, as JSON has no such numbers).
pub fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::Str(s) => json!(s),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => {
            let mut m = Map::new();
            for (k, v) in entries {
                let key = match &k.value {
                    Value::Str(s) => s.clone(),
                    Value::Int(i) => i.to_string(),
                    Value::Float(f) => f.to_string(),
                    Value::Bool(b) => b.to_string(),
                    Value::Null => "null".to_string(),
                    Value::Seq(_) | Value::Map(_) => to_json(k).to_string(),
                };
                m.insert(key, to_json(v));
            }
            Json::Object(m)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_objects_with_required_keys_and_labels() {
        let s = schema();
        assert_eq!(s["$schema"], DRAFT);
        assert_eq!(s["additionalProperties"], false);
        assert!(s["required"].as_array().unwrap().contains(&json!("steps")));
        let step = &s["properties"]["steps"]["items"];
        assert_eq!(step["additionalProperties"], false);
        assert_eq!(
            step["properties"]["kind"]["enum"],
            json!(["start", "process", "decision", "end"])
        );
        assert_eq!(
            step["properties"]["activity"]["description"],
            "The activity; for a decision, the question. Required except on start and end steps. (Indonesian label: Kegiatan)"
        );
        assert_eq!(step["properties"]["sub_sop"]["pattern"], SOP_ID_PATTERN);
        assert_eq!(step["properties"]["next"]["pattern"], LOCAL_ID_PATTERN);
        assert_eq!(s["properties"]["id"]["pattern"], SOP_ID_PATTERN);
    }
}
