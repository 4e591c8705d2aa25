//! A small checker of JSON bodies against Discord's OpenAPI description
//! (`spec/discord-openapi.json` at the workspace root): `$ref`, `allOf`/`anyOf`/`oneOf`, `type`,
//! `const`, `enum`, `required`, `properties`, `additionalProperties`, `items` and the snowflake
//! pattern. Formats and numeric bounds are not checked; the workspace's `tests/openapi_schema.rs`
//! validates every route in full.
#![allow(dead_code)]

use serde_json::Value;

/// The spec's component schemas.
pub struct Spec {
    schemas: Value,
}

impl Spec {
    /// Reads the spec from the workspace root.
    pub fn load() -> Spec {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/discord-openapi.json");
        let text = std::fs::read_to_string(path).expect("the workspace's OpenAPI description");
        let mut root: Value = serde_json::from_str(&text).expect("the spec is JSON");
        Spec {
            schemas: root["components"]["schemas"].take(),
        }
    }

    /// Every violation of the component schema `name` by `instance`, as `path: why`.
    pub fn violations(&self, name: &str, instance: &Value) -> Vec<String> {
        let mut found = Vec::new();
        self.walk(&self.schemas[name], instance, "", &mut found);
        found
    }

    /// Panics with the violations of `name` by `instance`, if any.
    pub fn assert_valid(&self, name: &str, instance: &Value) {
        let found = self.violations(name, instance);
        assert!(
            found.is_empty(),
            "{name} violated: {found:#?}\n{instance:#}"
        );
    }

    fn walk(&self, schema: &Value, instance: &Value, path: &str, out: &mut Vec<String>) {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.trim_start_matches("#/components/schemas/");
            self.walk(&self.schemas[name], instance, path, out);
        }
        for part in schema["allOf"].as_array().into_iter().flatten() {
            self.walk(part, instance, path, out);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(parts) = schema[key].as_array() {
                let fits = |part: &Value| {
                    let mut inner = Vec::new();
                    self.walk(part, instance, path, &mut inner);
                    inner.is_empty()
                };
                // The spec's enums are `oneOf`s of titled `const`s: the same rule fits them.
                if !parts.iter().any(fits) {
                    out.push(format!("{path}: fits no {key} branch: {instance}"));
                }
            }
        }
        if let Some(expected) = schema.get("const")
            && expected != instance
        {
            out.push(format!("{path}: expected {expected}, got {instance}"));
        }
        if let Some(values) = schema["enum"].as_array()
            && !values.contains(instance)
        {
            out.push(format!("{path}: {instance} not in {values:?}"));
        }
        if !type_fits(&schema["type"], instance) {
            out.push(format!("{path}: {instance} is not {}", schema["type"]));
            return;
        }
        if schema["pattern"] == "^(0|[1-9][0-9]*)$"
            && let Some(text) = instance.as_str()
            && !(text == "0"
                || (!text.starts_with('0') && text.chars().all(|c| c.is_ascii_digit())))
        {
            out.push(format!("{path}: {text:?} is not a snowflake"));
        }
        if let Some(map) = instance.as_object() {
            for key in schema["required"].as_array().into_iter().flatten() {
                if let Some(key) = key.as_str()
                    && !map.contains_key(key)
                {
                    out.push(format!("{path}: lacks required `{key}`"));
                }
            }
            for (key, value) in map {
                let at = format!("{path}/{key}");
                match schema["properties"].get(key) {
                    Some(property) => self.walk(property, value, &at, out),
                    None => {
                        if let Some(extra) = schema.get("additionalProperties")
                            && extra.is_object()
                        {
                            self.walk(extra, value, &at, out);
                        }
                    }
                }
            }
        }
        if let (Some(items), Some(list)) = (schema.get("items"), instance.as_array()) {
            for (i, item) in list.iter().enumerate() {
                self.walk(items, item, &format!("{path}/{i}"), out);
            }
        }
    }
}

fn type_fits(expected: &Value, instance: &Value) -> bool {
    let one = |name: &str| match name {
        "null" => instance.is_null(),
        "boolean" => instance.is_boolean(),
        "integer" => instance.is_i64() || instance.is_u64(),
        "number" => instance.is_number(),
        "string" => instance.is_string(),
        "array" => instance.is_array(),
        "object" => instance.is_object(),
        _ => true,
    };
    match expected {
        Value::String(name) => one(name),
        Value::Array(names) => names.iter().filter_map(Value::as_str).any(one),
        _ => true,
    }
}
