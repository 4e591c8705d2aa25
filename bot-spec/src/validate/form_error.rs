//! Discord's 50035 "Invalid Form Body" error, built from violations (REF L38-106).

use super::{FieldPath, PathSegment, ValidationErrors, Violation};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::BTreeMap;

/// One node of the `errors` object: `_errors` at this path, and children by key or index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ErrorNode {
    errors: Vec<(&'static str, String)>,
    children: BTreeMap<ChildKey, ErrorNode>,
}

/// Children sort as Discord's examples show them: indices numerically, then keys.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ChildKey {
    Index(usize),
    Key(String),
}

impl ErrorNode {
    fn insert(&mut self, segments: &[PathSegment], violation: &Violation) {
        match segments.split_first() {
            None => self
                .errors
                .push((violation.code.as_str(), violation.message.clone())),
            Some((first, rest)) => {
                let key = match first {
                    PathSegment::Index(i) => ChildKey::Index(*i),
                    PathSegment::Key(k) => ChildKey::Key(k.to_string()),
                };
                self.children
                    .entry(key)
                    .or_default()
                    .insert(rest, violation);
            }
        }
    }
}

struct ErrorEntry<'e>(&'e str, &'e str);

impl Serialize for ErrorEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("code", self.0)?;
        map.serialize_entry("message", self.1)?;
        map.end()
    }
}

impl Serialize for ErrorNode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if !self.errors.is_empty() {
            let entries: Vec<_> = self
                .errors
                .iter()
                .map(|(code, message)| ErrorEntry(code, message))
                .collect();
            map.serialize_entry("_errors", &entries)?;
        }
        for (key, child) in &self.children {
            match key {
                ChildKey::Index(i) => map.serialize_entry(&i.to_string(), child)?,
                ChildKey::Key(k) => map.serialize_entry(k, child)?,
            }
        }
        map.end()
    }
}

/// Discord's `{"code": 50035, "message": "Invalid Form Body", "errors": {...}}` body.
///
/// Paths become nested objects, array indices become string keys, and each leaf holds an
/// `_errors` list of `{code, message}`; a violation of the whole body sits in `errors._errors`.
/// For a bulk-overwrite body, [`FormBodyError::add`] each command's errors under its index.
///
/// ```
/// use bot_spec::{CommandSpec, FieldPath, FormBodyError, validate_command};
/// let errors = validate_command(&CommandSpec::chat_input("Bad", "ok")).unwrap_err();
/// let mut body = FormBodyError::default();
/// body.add(&FieldPath::root().index(0), &errors);
/// let json = serde_json::to_value(&body).unwrap();
/// assert_eq!(json["code"], 50035);
/// assert_eq!(json["errors"]["0"]["name"]["_errors"][0]["code"], "APPLICATION_COMMAND_INVALID_NAME");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormBodyError {
    root: ErrorNode,
}

impl FormBodyError {
    /// Discord's JSON error code for an invalid form body.
    pub const CODE: u32 = 50035;

    /// Adds `errors`, each under `prefix` followed by its own path.
    pub fn add(&mut self, prefix: &FieldPath, errors: &ValidationErrors) {
        for violation in errors {
            let path = violation.path.prefixed(prefix);
            self.root.insert(path.segments(), violation);
        }
    }

    /// Whether no violation has been added.
    pub fn is_empty(&self) -> bool {
        self.root == ErrorNode::default()
    }
}

impl From<&ValidationErrors> for FormBodyError {
    fn from(errors: &ValidationErrors) -> Self {
        let mut body = FormBodyError::default();
        body.add(&FieldPath::root(), errors);
        body
    }
}

impl Serialize for FormBodyError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("code", &Self::CODE)?;
        map.serialize_entry("errors", &self.root)?;
        map.serialize_entry("message", "Invalid Form Body")?;
        map.end()
    }
}
