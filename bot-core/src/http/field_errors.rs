//! Discord's tree of field errors (the `errors` of a 50035, REF L38-106): object keys and array
//! indices down to leaves of `{"_errors": [{code, message}]}`.

use serde_json::Value;
use std::collections::BTreeMap;

/// One error of one field: Discord's string code (`BASE_TYPE_REQUIRED`, ...) and message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldError {
    /// The code, e.g. `BASE_TYPE_MAX_LENGTH`.
    pub code: String,
    /// The message, e.g. `Must be 2000 or fewer in length.`.
    pub message: String,
}

/// The field errors at one place of the request body, and those below it (keyed by field name,
/// or by index for arrays, as Discord sends them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldErrors {
    /// The errors of this place itself (`_errors`).
    pub errors: Vec<FieldError>,
    /// The places below.
    pub children: BTreeMap<String, FieldErrors>,
}

impl FieldErrors {
    /// Reads Discord's JSON; what does not fit the shape is skipped, never a panic.
    pub fn from_json(value: &Value) -> Self {
        let mut tree = FieldErrors::default();
        let Some(object) = value.as_object() else {
            return tree;
        };
        for (key, value) in object {
            if key == "_errors" {
                for item in value.as_array().into_iter().flatten() {
                    let text = |k: &str| match item.get(k) {
                        Some(Value::String(s)) => s.clone(),
                        Some(other) if !other.is_null() => other.to_string(),
                        _ => String::new(),
                    };
                    tree.errors.push(FieldError {
                        code: text("code"),
                        message: text("message"),
                    });
                }
            } else {
                let child = FieldErrors::from_json(value);
                if !child.is_empty() {
                    tree.children.insert(key.clone(), child);
                }
            }
        }
        tree
    }

    /// Whether there is no error here or below.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.children.values().all(FieldErrors::is_empty)
    }

    /// The errors at a dotted path (`"embeds.0.title"`; `""` for the body itself).
    pub fn at(&self, path: &str) -> &[FieldError] {
        let mut node = self;
        for key in path.split('.').filter(|k| !k.is_empty()) {
            match node.children.get(key) {
                Some(child) => node = child,
                None => return &[],
            }
        }
        &node.errors
    }

    /// Every error with its dotted path, depth first.
    pub fn flatten(&self) -> Vec<(String, FieldError)> {
        let mut out = Vec::new();
        self.collect("", &mut out);
        out
    }

    fn collect(&self, path: &str, out: &mut Vec<(String, FieldError)>) {
        for error in &self.errors {
            out.push((path.to_owned(), error.clone()));
        }
        for (key, child) in &self.children {
            let path = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            child.collect(&path, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn discords_documented_trees_are_read() {
        for name in [
            "error_50035_array",
            "error_50035_object",
            "error_50035_request",
        ] {
            let body =
                crate::model::test_fixture("rest_examples.json", &format!("/{name}/payload"));
            let tree = FieldErrors::from_json(&body["errors"]);
            let flat = tree.flatten();
            assert!(!flat.is_empty(), "{name}");
            assert!(flat.iter().all(|(_, e)| !e.code.is_empty()), "{name}");
        }
    }

    #[test]
    fn paths_and_odd_shapes() {
        let tree = FieldErrors::from_json(&json!({
            "_errors": [{"code": "A", "message": "body"}],
            "content": {"_errors": [{"code": 7, "message": null}]},
            "noise": 3,
            "list": {"1": {"name": {"_errors": "not a list"}}},
        }));
        assert_eq!(tree.at("")[0].code, "A");
        assert_eq!(tree.at("content")[0].code, "7");
        assert!(tree.at("list.1.name").is_empty());
        assert!(tree.at("missing.path").is_empty());
        assert_eq!(tree.flatten().len(), 2);
        assert!(FieldErrors::from_json(&json!("text")).is_empty());
    }
}
