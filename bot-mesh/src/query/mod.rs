//! A typed builder of V2019 routing queries.

mod node;

pub use node::{Node, Op};

use node::list;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};
use serde_json::Value;

/// The application a query targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Application {
    /// By id.
    Id(String),
    /// By tags: the server takes the first application whose clients have all of them.
    Tags(Vec<String>),
}

impl From<&str> for Application {
    fn from(id: &str) -> Self {
        Application::Id(id.to_owned())
    }
}

impl From<String> for Application {
    fn from(id: String) -> Self {
        Application::Id(id)
    }
}

/// A V2019 routing query, the `target` of SEND, BROADCAST and proxied requests.
///
/// ```
/// use bot_mesh::{Node, Query};
/// let query = Query::new("svc")
///     .key("x")
///     .or("shard_id", Node::new().eq(10).gt(5))
///     .r#in("zone", ["a", "b"]);
/// assert_eq!(
///     serde_json::to_string(&query)?,
///     r#"{"ops":[{"shard_id":{"$or":[{"$eq":10},{"$gt":5}]}},{"zone":{"$in":["a","b"]}}],"key":"x","application":"svc","optional":false,"restricted":false}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    application: Application,
    key: Option<String>,
    optional: bool,
    restricted: bool,
    ops: Vec<(String, Op)>,
}

impl Query {
    /// A query on the clients of an application, by id or by tags, matching every
    /// unrestricted client until conditions are added.
    pub fn new(application: impl Into<Application>) -> Query {
        Query {
            application: application.into(),
            key: None,
            optional: false,
            restricted: false,
            ops: Vec::new(),
        }
    }

    /// A query on the first application whose clients have all these tags.
    pub fn tags(tags: impl IntoIterator<Item = impl Into<String>>) -> Query {
        Query::new(Application::Tags(
            tags.into_iter().map(Into::into).collect(),
        ))
    }

    /// Consistent routing: a SEND with the same key and the same set of matches goes to the
    /// same client.
    pub fn key(mut self, key: impl Into<String>) -> Query {
        self.key = Some(key.into());
        self
    }

    /// When nothing matches, target every client of the application instead.
    pub fn optional(mut self, optional: bool) -> Query {
        self.optional = optional;
        self
    }

    /// Includes restricted clients.
    pub fn restricted(mut self, restricted: bool) -> Query {
        self.restricted = restricted;
        self
    }

    /// Adds a condition on `key` (all conditions must hold).
    pub fn op(mut self, key: impl Into<String>, op: Op) -> Query {
        self.ops.push((key.into(), op));
        self
    }

    /// `key` equals `value`.
    pub fn eq(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Eq(value.into()))
    }

    /// `key` does not equal `value` (true for a client without `key`).
    pub fn ne(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Ne(value.into()))
    }

    /// `key` is greater than `value`.
    pub fn gt(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Gt(value.into()))
    }

    /// `key` is greater than or equal to `value`.
    pub fn gte(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Gte(value.into()))
    }

    /// `key` is less than `value`.
    pub fn lt(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Lt(value.into()))
    }

    /// `key` is less than or equal to `value`.
    pub fn lte(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Lte(value.into()))
    }

    /// `key` is one of `values`.
    pub fn r#in(
        self,
        key: impl Into<String>,
        values: impl IntoIterator<Item = impl Into<Value>>,
    ) -> Query {
        self.op(key, Op::In(list(values)))
    }

    /// `key` is none of `values`.
    pub fn nin(
        self,
        key: impl Into<String>,
        values: impl IntoIterator<Item = impl Into<Value>>,
    ) -> Query {
        self.op(key, Op::Nin(list(values)))
    }

    /// `key` is a list holding `value`.
    pub fn contains(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Contains(value.into()))
    }

    /// `key` is a list without `value`.
    pub fn ncontains(self, key: impl Into<String>, value: impl Into<Value>) -> Query {
        self.op(key, Op::Ncontains(value.into()))
    }

    /// Every condition of `node` holds for `key`.
    pub fn and(self, key: impl Into<String>, node: Node) -> Query {
        self.op(key, Op::And(node))
    }

    /// One condition of `node` holds for `key`.
    pub fn or(self, key: impl Into<String>, node: Node) -> Query {
        self.op(key, Op::Or(node))
    }

    /// No condition of `node` holds for `key`.
    pub fn nor(self, key: impl Into<String>, node: Node) -> Query {
        self.op(key, Op::Nor(node))
    }

    /// The target application.
    pub fn application(&self) -> &Application {
        &self.application
    }

    /// The conditions in order.
    pub fn ops(&self) -> &[(String, Op)] {
        &self.ops
    }

    /// Refuses an empty `$and`/`$or`/`$nor` node (shinkei refuses it too).
    pub fn validate(&self) -> Result<(), crate::Error> {
        for (key, op) in &self.ops {
            if let Op::And(node) | Op::Or(node) | Op::Nor(node) = op
                && node.is_empty()
            {
                return Err(crate::Error::EmptyNode(key.clone()));
            }
        }
        Ok(())
    }
}

struct Ops<'a>(&'a [(String, Op)]);

impl Serialize for Ops<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for (key, op) in self.0 {
            seq.serialize_element(&KeyOp(key, op))?;
        }
        seq.end()
    }
}

struct KeyOp<'a>(&'a str, &'a Op);

impl Serialize for KeyOp<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, self.1)?;
        map.end()
    }
}

impl Serialize for Query {
    /// Keys in shinkei's order: `ops, key, application, optional, restricted`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("ops", &Ops(&self.ops))?;
        map.serialize_entry("key", &self.key)?;
        match &self.application {
            Application::Id(id) => map.serialize_entry("application", id)?,
            Application::Tags(tags) => map.serialize_entry("application", tags)?,
        }
        map.serialize_entry("optional", &self.optional)?;
        map.serialize_entry("restricted", &self.restricted)?;
        map.end()
    }
}
