//! Discord's OpenAPI description (`spec/discord-openapi.json`): operations found by method and
//! concrete path, and their request and response schemas compiled once each.

use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// Where the spec is, from the workspace root.
const SPEC_PATH: &str = "spec/discord-openapi.json";

/// A place where the spec is stricter than what Discord documents and sends: the schema at
/// `pointer` (inside `components`) is replaced; the docs win (discord-protocol.md §9.4).
struct Amendment {
    pointer: &'static str,
    why: &'static str,
    schema: fn() -> Value,
}

const AMENDMENTS: &[Amendment] = &[
    Amendment {
        pointer: "/schemas/InnerErrors/properties/_errors/items",
        why: "field errors carry string codes such as \"BASE_TYPE_REQUIRED\" (developers/reference.mdx \
         L45-106; the spec types them as integers, so all three docs examples fail it: §9.4 item 8)",
        schema: || {
            json!({"type": "object",
                   "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                   "required": ["code", "message"]})
        },
    },
    Amendment {
        pointer: "/schemas/RatelimitedResponse",
        why: "a 429 body's `code` is optional and absent from every docs example \
         (developers/topics/rate-limits.mdx L67-117; the spec requires it through `Error`: §9.4 item 9)",
        schema: || {
            json!({"type": "object",
                   "properties": {"message": {"type": "string"},
                                  "code": {"type": "integer"},
                                  "retry_after": {"type": "number"},
                                  "global": {"type": "boolean"}},
                   "required": ["message", "retry_after", "global"]})
        },
    },
    Amendment {
        pointer: "/schemas/ApplicationCommandCreateRequest/properties/default_member_permissions",
        why: PERMISSIONS_WHY,
        schema: permissions,
    },
    Amendment {
        pointer: "/schemas/ApplicationCommandUpdateRequest/properties/default_member_permissions",
        why: PERMISSIONS_WHY,
        schema: permissions,
    },
    Amendment {
        pointer: "/schemas/ApplicationCommandPatchRequestPartial/properties/default_member_permissions",
        why: PERMISSIONS_WHY,
        schema: permissions,
    },
    Amendment {
        pointer: "/schemas/ApplicationFormPartial/properties/description",
        why: "Edit Current Application takes the description as a string \
         (developers/resources/application.mdx, \"Edit Current Application\"); the spec has only \
         an object with a `default` (the sandbox reads both)",
        schema: || {
            json!({"anyOf": [
                {"type": ["string", "null"], "maxLength": 400},
                {"type": "object", "properties": {"default": {"type": "string", "maxLength": 400}},
                 "required": ["default"]},
            ]})
        },
    },
    Amendment {
        pointer: "/schemas/ApplicationOAuth2InstallParams/properties/permissions",
        why: "install parameters' `permissions` is a string of digits in the docs \
         (developers/resources/application.mdx, \"Install Params Object\") and in every response; \
         the request schema takes only an integer",
        schema: permissions,
    },
    Amendment {
        pointer: "/schemas/EntitlementTypes",
        why: "the docs list entitlement types 1 to 8 (TEST_MODE_PURCHASE is 4, what a test \
         entitlement is) and 10 (developers/resources/entitlement.mdx, \"Entitlement Types\"); \
         the spec only 8 and 10",
        schema: || json!({"type": "integer", "enum": [1, 2, 3, 4, 5, 6, 7, 8, 10]}),
    },
];

/// An operation Discord documents and the spec leaves out: added with its response schema,
/// written from the docs, so the SDK's use of it is validated too.
struct Addition {
    method: &'static str,
    template: &'static str,
    operation: fn() -> Value,
}

const ADDITIONS: &[Addition] = &[Addition {
    // developers/resources/sku.mdx, "List SKUs" and "SKU Object".
    method: "get",
    template: "/applications/{application_id}/skus",
    operation: || {
        json!({"responses": {"200": {"content": {"application/json": {"schema": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"$ref": "#/components/schemas/SnowflakeType"},
                    "type": {"type": "integer", "enum": [2, 3, 5, 6]},
                    "application_id": {"$ref": "#/components/schemas/SnowflakeType"},
                    "name": {"type": "string"},
                    "slug": {"type": "string"},
                    "flags": {"type": "integer"},
                },
                "required": ["id", "type", "application_id", "name", "slug", "flags"],
            },
        }}}}}})
    },
}];

const PERMISSIONS_WHY: &str = "`default_member_permissions` is a string of digits in the docs \
     (developers/interactions/application-commands.mdx, \"?string\") and in every response; the \
     request schemas take only an integer (discord-protocol.md §9.4 item 7: the API accepts both)";

/// The spec's integer, or the docs' string of digits (at most 2^54 - 1, as the spec's bound).
fn permissions() -> Value {
    json!({"anyOf": [
        {"type": ["integer", "null"], "minimum": 0, "maximum": 18014398509481983u64},
        {"type": "string", "pattern": "^(0|[1-9][0-9]{0,16})$"},
    ]})
}

/// One operation of the spec.
#[derive(Debug)]
pub struct Operation<'s> {
    /// The path template, e.g. `/channels/{channel_id}/messages`.
    pub template: &'s str,
    value: &'s Value,
}

/// A schema violation: where in the body, and what.
#[derive(Debug)]
pub struct Violation {
    pub instance_path: String,
    pub message: String,
}

/// The spec, with a cache of compiled validators.
pub struct Spec {
    paths: Map<String, Value>,
    components: Value,
    validators: Mutex<HashMap<String, jsonschema::Validator>>,
}

impl std::fmt::Debug for Spec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spec")
            .field("paths", &self.paths.len())
            .finish_non_exhaustive()
    }
}

/// Whether a concrete path matches a template; `Some(literal segments)` when it does.
pub fn match_template(template: &str, path: &str) -> Option<usize> {
    let wanted: Vec<&str> = template.split('/').collect();
    let given: Vec<&str> = path.split('/').collect();
    if wanted.len() != given.len() {
        return None;
    }
    let mut literals = 0;
    for (want, got) in wanted.iter().zip(&given) {
        if want.starts_with('{') && want.ends_with('}') {
            if got.is_empty() {
                return None;
            }
        } else if want == got {
            literals += 1;
        } else {
            return None;
        }
    }
    Some(literals)
}

/// The template of `templates` that `path` matches, literal segments winning over parameters
/// (`/users/@me` over `/users/{user_id}`).
pub fn best_template<'t>(
    templates: impl IntoIterator<Item = &'t str>,
    path: &str,
) -> Option<&'t str> {
    templates
        .into_iter()
        .filter_map(|t| match_template(t, path).map(|score| (score, t)))
        .max_by_key(|(score, _)| *score)
        .map(|(_, t)| t)
}

impl Spec {
    /// Reads the spec and applies [`AMENDMENTS`].
    pub fn load() -> Spec {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC_PATH);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let mut document: Value = serde_json::from_str(&text).expect("the spec is JSON");
        let mut components = document["components"].take();
        for amendment in AMENDMENTS {
            let pointer = amendment.pointer;
            let slot = components
                .pointer_mut(pointer)
                .unwrap_or_else(|| panic!("amendment target {pointer} is in the spec"));
            *slot = (amendment.schema)();
        }
        let mut paths = match document["paths"].take() {
            Value::Object(paths) => paths,
            _ => panic!("the spec has paths"),
        };
        for addition in ADDITIONS {
            let item = paths.entry(addition.template).or_insert_with(|| json!({}));
            assert!(
                item.get(addition.method).is_none(),
                "{} {} is in the spec now: drop its addition",
                addition.method,
                addition.template
            );
            item[addition.method] = (addition.operation)();
        }
        Spec {
            paths,
            components,
            validators: Mutex::new(HashMap::new()),
        }
    }

    /// The operation for a method and a concrete path (no query, no `/api/v10`).
    pub fn operation(&self, method: &str, path: &str) -> Option<Operation<'_>> {
        let template = best_template(self.paths.keys().map(String::as_str), path)?;
        let value = self.paths[template].get(method.to_ascii_lowercase())?;
        Some(Operation { template, value })
    }

    /// Follows `$ref: #/components/...` once.
    fn deref<'v>(&'v self, value: &'v Value) -> &'v Value {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference
                .strip_prefix("#/components")
                .and_then(|pointer| self.components.pointer(pointer))
                .unwrap_or(value),
            None => value,
        }
    }

    /// The JSON request schema of an operation, if it takes a body.
    pub fn request_schema<'v>(&'v self, operation: &Operation<'v>) -> Option<&'v Value> {
        let body = self.deref(operation.value.get("requestBody")?);
        body.pointer("/content/application~1json/schema")
    }

    /// The required fields of an operation's `multipart/form-data` body, if it takes one.
    pub fn request_form_fields<'v>(&'v self, operation: &Operation<'v>) -> Option<Vec<&'v str>> {
        let body = self.deref(operation.value.get("requestBody")?);
        let schema = body.pointer("/content/multipart~1form-data/schema")?;
        Some(
            schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default(),
        )
    }

    /// Whether the response declared for a status has a body of `content_type` (`text/csv`).
    pub fn response_declares(
        &self,
        operation: &Operation<'_>,
        status: u16,
        content_type: &str,
    ) -> bool {
        let Some(responses) = operation.value.get("responses") else {
            return false;
        };
        let range = format!("{}XX", status / 100);
        [status.to_string(), range, "default".to_owned()]
            .iter()
            .find_map(|key| responses.get(key))
            .and_then(|r| self.deref(r).get("content"))
            .and_then(Value::as_object)
            .is_some_and(|content| {
                content
                    .keys()
                    .any(|declared| content_type.starts_with(declared.as_str()))
            })
    }

    /// The response declared for a status: the exact code, then `4XX`-style ranges, then
    /// `default`. `None` when the operation does not declare the status; `Some(None)` when it
    /// declares it without a body.
    pub fn response_schema<'v>(
        &'v self,
        operation: &Operation<'v>,
        status: u16,
    ) -> Option<Option<&'v Value>> {
        let responses = operation.value.get("responses")?;
        let range = format!("{}XX", status / 100);
        let response = [status.to_string(), range, "default".to_owned()]
            .iter()
            .find_map(|key| responses.get(key))?;
        Some(
            self.deref(response)
                .pointer("/content/application~1json/schema"),
        )
    }

    /// Validates `instance` against `schema` (a schema of the spec, which may hold `$ref`s).
    pub fn validate(&self, schema: &Value, instance: &Value) -> Vec<Violation> {
        let key = schema.to_string();
        let mut validators = self.validators.lock().unwrap_or_else(|p| p.into_inner());
        let validator = validators.entry(key).or_insert_with(|| {
            let document = json!({
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "allOf": [schema],
                "components": {"schemas": self.closure(schema)},
            });
            jsonschema::draft202012::options()
                .should_validate_formats(true)
                .should_ignore_unknown_formats(true)
                .build(&document)
                .unwrap_or_else(|e| panic!("the spec's schema {schema} compiles: {e}"))
        });
        validator
            .iter_errors(instance)
            .map(|error| Violation {
                instance_path: error.instance_path().to_string(),
                message: error.to_string(),
            })
            .collect()
    }

    /// Every component schema `schema` refers to, directly or not, by name: a small document
    /// per validator instead of all 539 schemas.
    fn closure(&self, schema: &Value) -> BTreeMap<String, Value> {
        let mut found = BTreeMap::new();
        let mut pending = vec![schema.clone()];
        while let Some(value) = pending.pop() {
            let mut references = Vec::new();
            collect_refs(&value, &mut references);
            for name in references {
                if found.contains_key(&name) {
                    continue;
                }
                let target = self.components["schemas"]
                    .get(&name)
                    .unwrap_or_else(|| panic!("the spec defines schema {name}"))
                    .clone();
                pending.push(target.clone());
                found.insert(name, target);
            }
        }
        found
    }
}

/// The component schema names referred to anywhere in `value`.
fn collect_refs(value: &Value, into: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/components/schemas/"))
            {
                into.push(name.to_owned());
            }
            map.values().for_each(|v| collect_refs(v, into));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, into)),
        _ => {}
    }
}

/// The amendments, for the test's report: pointer and reason.
pub fn amendments() -> impl Iterator<Item = (&'static str, &'static str)> {
    AMENDMENTS.iter().map(|a| (a.pointer, a.why))
}
