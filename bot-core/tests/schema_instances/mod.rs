//! Instances generated from the JSON Schemas of Discord's OpenAPI description, to decode into the
//! SDK's models: every property present, or only the required ones.

use serde_json::{Map, Value, json};
use std::path::Path;

/// Which properties an instance has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Every property, each with a non-null value.
    Full,
    /// Only the required properties; nullable ones are `null`.
    RequiredOnly,
    /// Every property, with values of coded enums Discord has not documented yet (`250`,
    /// `"SOMETHING_NEW"`), as a newer Discord would send.
    NewerDiscord,
}

/// How deep generation goes before it keeps only required properties (messages refer to
/// messages, channels to messages...).
const MAX_DEPTH: usize = 6;

/// The spec's schemas.
pub struct Spec {
    schemas: Map<String, Value>,
}

impl Spec {
    /// Reads `spec/discord-openapi.json` at the workspace root.
    pub fn load() -> Spec {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/discord-openapi.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let mut spec: Value = serde_json::from_str(&text).expect("the spec is JSON");
        let schemas = spec["components"]["schemas"]
            .as_object_mut()
            .map(std::mem::take)
            .expect("the spec has components.schemas");
        Spec { schemas }
    }

    /// An instance of the named schema.
    pub fn instance(&self, name: &str, mode: Mode) -> Value {
        let schema = self
            .schemas
            .get(name)
            .unwrap_or_else(|| panic!("no schema {name}"));
        self.generate(schema, mode, 0, Some(name))
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> (&'a Value, Option<&'a str>) {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let name = reference.rsplit('/').next().unwrap_or_default();
                let target = self
                    .schemas
                    .get(name)
                    .unwrap_or_else(|| panic!("dangling {reference}"));
                (target, Some(name))
            }
            None => (schema, None),
        }
    }

    fn generate(&self, schema: &Value, mode: Mode, depth: usize, name: Option<&str>) -> Value {
        let (schema, referenced) = self.resolve(schema);
        let name = referenced.or(name);
        if let Some(value) = schema.get("const") {
            return value.clone();
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array)
            && let Some(first) = values.iter().find(|v| !v.is_null())
        {
            return match (mode, first) {
                (Mode::NewerDiscord, Value::String(_)) => json!("SOMETHING_NEW"),
                (Mode::NewerDiscord, Value::Number(_)) => json!(250),
                _ => first.clone(),
            };
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(options) = schema.get(key).and_then(Value::as_array) {
                let coded = options.iter().all(|o| o.get("const").is_some());
                if coded && mode == Mode::NewerDiscord {
                    return match options.first().and_then(|o| o.get("const")) {
                        Some(Value::String(_)) => json!("SOMETHING_NEW"),
                        _ => json!(250),
                    };
                }
                let nullable = options.iter().any(is_null_schema);
                if nullable && mode == Mode::RequiredOnly {
                    return Value::Null;
                }
                if let Some(option) = options.iter().find(|o| !is_null_schema(o)) {
                    // An integer enum written as oneOf of consts keeps its `type`.
                    return self.generate(option, mode, depth, name);
                }
            }
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            for part in parts {
                if let Value::Object(map) = self.generate(part, mode, depth, name) {
                    merged.extend(map);
                }
            }
            return Value::Object(merged);
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
            _ => vec!["object"],
        };
        if types.contains(&"null") && mode == Mode::RequiredOnly {
            return Value::Null;
        }
        let kind = types
            .iter()
            .find(|t| **t != "null")
            .copied()
            .unwrap_or("null");
        match kind {
            "object" => self.object(schema, mode, depth),
            "array" => match schema.get("items") {
                Some(items) if depth < MAX_DEPTH => {
                    json!([self.generate(items, mode, depth + 1, None)])
                }
                _ => json!([]),
            },
            "string" => string_for(schema, name),
            "integer" => integer_for(schema),
            "number" => json!(1.5),
            "boolean" => json!(true),
            _ => Value::Null,
        }
    }

    fn object(&self, schema: &Value, mode: Mode, depth: usize) -> Value {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut out = Map::new();
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            return Value::Object(out);
        };
        for (key, property) in properties {
            let wanted =
                required.contains(&key.as_str()) || (mode == Mode::Full && depth < MAX_DEPTH);
            if wanted {
                out.insert(key.clone(), self.generate(property, mode, depth + 1, None));
            }
        }
        Value::Object(out)
    }
}

fn is_null_schema(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

fn string_for(schema: &Value, name: Option<&str>) -> Value {
    let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
    let is_snowflake = format == "snowflake" || name == Some("SnowflakeType");
    if is_snowflake {
        return json!("1041029141171433572");
    }
    match format {
        "date-time" => json!("2021-01-01T00:00:00.000000+00:00"),
        "uri" => json!("https://example.com/a"),
        "nonce" => json!("nonce-1"),
        // Digits: a plain string is also what Discord sends for bit sets (permissions) and
        // numbers too large for JSON numbers.
        _ => {
            let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
            json!("1".repeat(min.max(4)))
        }
    }
}

fn integer_for(schema: &Value) -> Value {
    let minimum = schema.get("minimum").and_then(Value::as_i64).unwrap_or(0);
    let maximum = schema
        .get("maximum")
        .and_then(Value::as_i64)
        .unwrap_or(i64::MAX);
    json!(1i64.clamp(minimum, maximum))
}

/// Adds `key: value` to every object inside `instance` (fields a newer Discord sends), unless
/// the object already has `key`.
pub fn add_field_everywhere(instance: &mut Value, key: &str, value: &Value) {
    match instance {
        Value::Object(map) => {
            for child in map.values_mut() {
                add_field_everywhere(child, key, value);
            }
            map.entry(key.to_owned()).or_insert_with(|| value.clone());
        }
        Value::Array(items) => {
            for item in items {
                add_field_everywhere(item, key, value);
            }
        }
        _ => {}
    }
}
