//! The conditions of a query: one operator per key, and the nodes of `$and`/`$or`/`$nor`.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};
use serde_json::Value;

/// One comparison against a metadata value: `{"$op": argument}`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Op {
    /// `$eq`: the value equals the argument (`1 == 1.0`).
    Eq(Value),
    /// `$ne`.
    Ne(Value),
    /// `$gt`, in Erlang term order (a missing key is `nil`, greater than any number).
    Gt(Value),
    /// `$gte`.
    Gte(Value),
    /// `$lt`.
    Lt(Value),
    /// `$lte`.
    Lte(Value),
    /// `$in`: the value is one of these.
    In(Vec<Value>),
    /// `$nin`: the value is none of these.
    Nin(Vec<Value>),
    /// `$contains`: the value is a list holding the argument.
    Contains(Value),
    /// `$ncontains`: the value is a list without the argument.
    Ncontains(Value),
    /// `$and`: every condition of the node holds for the same key.
    And(Node),
    /// `$or`: one condition of the node holds.
    Or(Node),
    /// `$nor`: no condition of the node holds.
    Nor(Node),
}

impl Op {
    /// The wire name (`$eq`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            Op::Eq(_) => "$eq",
            Op::Ne(_) => "$ne",
            Op::Gt(_) => "$gt",
            Op::Gte(_) => "$gte",
            Op::Lt(_) => "$lt",
            Op::Lte(_) => "$lte",
            Op::In(_) => "$in",
            Op::Nin(_) => "$nin",
            Op::Contains(_) => "$contains",
            Op::Ncontains(_) => "$ncontains",
            Op::And(_) => "$and",
            Op::Or(_) => "$or",
            Op::Nor(_) => "$nor",
        }
    }
}

impl Serialize for Op {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Op::Eq(v)
            | Op::Ne(v)
            | Op::Gt(v)
            | Op::Gte(v)
            | Op::Lt(v)
            | Op::Lte(v)
            | Op::Contains(v)
            | Op::Ncontains(v) => map.serialize_entry(self.name(), v)?,
            Op::In(list) | Op::Nin(list) => map.serialize_entry(self.name(), list)?,
            Op::And(node) | Op::Or(node) | Op::Nor(node) => {
                map.serialize_entry(self.name(), node)?
            }
        }
        map.end()
    }
}

pub(super) fn list(values: impl IntoIterator<Item = impl Into<Value>>) -> Vec<Value> {
    values.into_iter().map(Into::into).collect()
}

/// The conditions inside `$and`, `$or` and `$nor`, all on one key.
///
/// ```
/// use bot_mesh::Node;
/// let node = Node::new().eq(10).gt(5);
/// assert_eq!(serde_json::to_string(&node)?, r#"[{"$eq":10},{"$gt":5}]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// An empty node is refused when the query is used ([`crate::Error::EmptyNode`]), as shinkei
/// refuses it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Node {
    ops: Vec<Op>,
}

impl Node {
    /// No conditions yet.
    pub fn new() -> Node {
        Node::default()
    }

    fn push(mut self, op: Op) -> Node {
        self.ops.push(op);
        self
    }

    /// Adds `$eq`.
    pub fn eq(self, value: impl Into<Value>) -> Node {
        self.push(Op::Eq(value.into()))
    }

    /// Adds `$ne`.
    pub fn ne(self, value: impl Into<Value>) -> Node {
        self.push(Op::Ne(value.into()))
    }

    /// Adds `$gt`.
    pub fn gt(self, value: impl Into<Value>) -> Node {
        self.push(Op::Gt(value.into()))
    }

    /// Adds `$gte`.
    pub fn gte(self, value: impl Into<Value>) -> Node {
        self.push(Op::Gte(value.into()))
    }

    /// Adds `$lt`.
    pub fn lt(self, value: impl Into<Value>) -> Node {
        self.push(Op::Lt(value.into()))
    }

    /// Adds `$lte`.
    pub fn lte(self, value: impl Into<Value>) -> Node {
        self.push(Op::Lte(value.into()))
    }

    /// Adds `$in`.
    pub fn r#in(self, values: impl IntoIterator<Item = impl Into<Value>>) -> Node {
        self.push(Op::In(list(values)))
    }

    /// Adds `$nin`.
    pub fn nin(self, values: impl IntoIterator<Item = impl Into<Value>>) -> Node {
        self.push(Op::Nin(list(values)))
    }

    /// Adds `$contains`.
    pub fn contains(self, value: impl Into<Value>) -> Node {
        self.push(Op::Contains(value.into()))
    }

    /// Adds `$ncontains`.
    pub fn ncontains(self, value: impl Into<Value>) -> Node {
        self.push(Op::Ncontains(value.into()))
    }

    /// The conditions.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

impl Serialize for Node {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.ops.len()))?;
        for op in &self.ops {
            seq.serialize_element(op)?;
        }
        seq.end()
    }
}
