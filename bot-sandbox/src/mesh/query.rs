//! V2019 query evaluation: the ops of a target against each client's metadata, with Erlang term
//! order, `nil` for a missing key, and the cases where the real server crashes.

use super::store::Store;
use super::term::{compare, equal, exact};
use serde_json::{Map, Value, json};
use std::cmp::Ordering;

/// The query made the real server crash (a bad shape or an unknown `$op`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Crash(pub(crate) String);

/// The application and the matching client ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matches {
    pub(crate) app: Option<String>,
    pub(crate) clients: Vec<String>,
}

fn truthy(value: Option<&Value>) -> bool {
    !matches!(value, None | Some(Value::Null) | Some(Value::Bool(false)))
}

/// Runs `query` as `Singyeong.Metadata.Query.run_query/2` does; `broadcast` turns off key hashing.
pub(crate) fn run(store: &Store, query: &Value, broadcast: bool) -> Result<Matches, Crash> {
    let query = query
        .as_object()
        .ok_or_else(|| Crash("run_query/2: query is not a map".into()))?;
    let app = match query.get("application") {
        Some(Value::String(app)) => Some(app.clone()),
        Some(Value::Array(tags)) => {
            let tags: Option<Vec<String>> = tags
                .iter()
                .map(|tag| tag.as_str().map(str::to_owned))
                .collect();
            let tags = tags.ok_or_else(|| Crash("discovery: a tag is not a string".into()))?;
            store.apps_with_tags(&tags).into_iter().next()
        }
        _ => return Err(Crash("no cond clause: application".into())),
    };
    let Some(app) = app else {
        return Ok(Matches {
            app: None,
            clients: Vec::new(),
        });
    };
    let mut ops = match query.get("ops") {
        Some(Value::Array(ops)) => ops.clone(),
        None | Some(Value::Null) if !truthy(query.get("restricted")) => Vec::new(),
        _ => return Err(Crash("reduce_query/3: ops is not a list".into())),
    };
    if !truthy(query.get("restricted")) {
        ops.push(json!({"restricted": {"$eq": false}}));
    }
    let empty = Default::default();
    let clients = store.apps.get(&app).unwrap_or(&empty);
    let mut matched = Vec::new();
    for (id, record) in clients {
        if all_hold(&record.metadata, &ops)? {
            matched.push(id.clone());
        }
    }
    let key = query.get("key").filter(|key| !key.is_null());
    let clients = if matched.is_empty() && query.get("optional") == Some(&Value::Bool(true)) {
        clients.keys().cloned().collect()
    } else if let (Some(key), false, false) = (key, matched.is_empty(), broadcast) {
        let index = (hash(key) % matched.len() as u64) as usize;
        vec![matched.swap_remove(index)]
    } else {
        matched
    };
    Ok(Matches {
        app: Some(app),
        clients,
    })
}

/// A stable stand-in for `:erlang.phash2`: FNV-1a of the key's JSON.
fn hash(key: &Value) -> u64 {
    key.to_string()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// Every element of `ops` holds (an empty list holds for everyone).
fn all_hold(metadata: &Map<String, Value>, ops: &[Value]) -> Result<bool, Crash> {
    let mut all = true;
    for element in ops {
        all &= element_holds(metadata, element)?;
    }
    Ok(all)
}

/// `{key: {op: arg, ...}}`: only the first key (in term order) counts, as `Map.keys |> hd`.
fn element_holds(metadata: &Map<String, Value>, element: &Value) -> Result<bool, Crash> {
    let element = element
        .as_object()
        .ok_or_else(|| Crash("an op is not a map".into()))?;
    let key = element
        .keys()
        .min()
        .ok_or_else(|| Crash("hd([]): an op without a key".into()))?;
    let ops = element[key]
        .as_object()
        .ok_or_else(|| Crash("do_run_query/3: the ops of a key are not a map".into()))?;
    let mut all = true;
    for (op, arg) in ops {
        all &= op_holds(metadata, key, op, arg)?.unwrap_or(false);
    }
    Ok(all)
}

/// One operator; `Ok(None)` is the server's `{:error, _}` (counts as false).
fn op_holds(
    metadata: &Map<String, Value>,
    key: &str,
    op: &str,
    arg: &Value,
) -> Result<Option<bool>, Crash> {
    let nil = Value::Null;
    let value = metadata.get(key).unwrap_or(&nil);
    let order = || compare(value, arg);
    Ok(match op.trim_matches('$') {
        "eq" => Some(equal(value, arg)),
        "ne" => Some(!equal(value, arg)),
        "gt" => Some(order() == Ordering::Greater),
        "gte" => Some(order() != Ordering::Less),
        "lt" => Some(order() == Ordering::Less),
        "lte" => Some(order() != Ordering::Greater),
        "in" => arg
            .as_array()
            .map(|list| list.iter().any(|item| exact(item, value))),
        "nin" => arg
            .as_array()
            .map(|list| !list.iter().any(|item| exact(item, value))),
        "contains" => value
            .as_array()
            .map(|list| list.iter().any(|item| exact(item, arg))),
        "ncontains" => value
            .as_array()
            .map(|list| !list.iter().any(|item| exact(item, arg))),
        logical @ ("and" | "or" | "nor") => {
            let Some(nodes) = arg.as_array() else {
                return Ok(None);
            };
            let mut results = Vec::with_capacity(nodes.len());
            for node in nodes {
                let mut wrapped = Map::new();
                wrapped.insert(key.to_owned(), node.clone());
                results.push(element_holds(metadata, &Value::Object(wrapped))?);
            }
            Some(match logical {
                "and" => results.iter().all(|held| *held),
                "or" => results.iter().any(|held| *held),
                _ => !results.iter().any(|held| *held),
            })
        }
        other => return Err(Crash(format!("undefined function op_{other}/4"))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(value: Value) -> Map<String, Value> {
        value.as_object().cloned().unwrap_or_default()
    }

    fn holds(meta: &Value, element: Value) -> bool {
        element_holds(&metadata(meta.clone()), &element).unwrap()
    }

    #[test]
    fn a_missing_key_is_nil() {
        let meta = json!({"restricted": false});
        assert!(holds(&meta, json!({"x": {"$gt": 5}})), "nil > 5");
        assert!(holds(&meta, json!({"x": {"$ne": 5}})));
        assert!(!holds(&meta, json!({"x": {"$eq": 5}})));
        assert!(!holds(&meta, json!({"x": {"$lt": 5}})));
        assert!(holds(&meta, json!({"x": {"$eq": null}})));
    }

    #[test]
    fn operators_follow_the_server() {
        let meta = json!({"n": 3, "f": 1.0, "s": "b", "l": [1, "a"], "v": "1.10.0"});
        assert!(holds(&meta, json!({"n": {"$gte": 3, "$lt": 4}})));
        assert!(holds(&meta, json!({"f": {"$eq": 1}})), "1.0 == 1");
        assert!(
            !holds(&meta, json!({"f": {"$in": [1]}})),
            "1.0 is not in [1]"
        );
        assert!(holds(&meta, json!({"n": {"$in": [1, 3]}})));
        assert!(holds(&meta, json!({"n": {"$nin": [1, 2]}})));
        assert!(
            !holds(&meta, json!({"n": {"$in": 3}})),
            "a non-list arg is false"
        );
        assert!(holds(&meta, json!({"l": {"$contains": "a"}})));
        assert!(holds(&meta, json!({"l": {"$ncontains": 2}})));
        assert!(
            !holds(&meta, json!({"s": {"$contains": "b"}})),
            "metadata not a list"
        );
        assert!(
            holds(&meta, json!({"s": {"$gt": 100}})),
            "a string is above every number"
        );
        assert!(
            !holds(&meta, json!({"v": {"$gt": "1.9.0"}})),
            "versions compare as strings"
        );
        assert!(holds(
            &meta,
            json!({"n": {"$or": [{"$eq": 10}, {"$gt": 2}]}})
        ));
        assert!(!holds(
            &meta,
            json!({"n": {"$and": [{"$gt": 2}, {"$gt": 3}]}})
        ));
        assert!(holds(
            &meta,
            json!({"n": {"$nor": [{"$eq": 1}, {"$eq": 2}]}})
        ));
        assert!(
            !holds(&meta, json!({"n": {"$or": {"$eq": 3}}})),
            "a non-list node is false"
        );
        assert_eq!(
            element_holds(&metadata(meta), &json!({"n": {"$near": 3}})),
            Err(Crash("undefined function op_near/4".into()))
        );
    }
}
