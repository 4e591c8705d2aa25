//! The query builder and metadata packets against every vector shinkei 0.1.6 printed
//! (`fixtures/qb_vectors.out`, a copy of `shared/fixtures/singyeong/qb_vectors.out`).

use bot_mesh::{Error, Metadata, MetadataError, MetadataValue, Node, Query, Version};
use serde_json::{Value, json};

const VECTORS: &str = include_str!("fixtures/qb_vectors.out");

/// `### NAME ...` headers followed by one JSON line.
fn json_vectors() -> Vec<(String, String)> {
    let lines: Vec<&str> = VECTORS.lines().collect();
    lines
        .windows(2)
        .filter_map(|pair| {
            let name = pair[0].strip_prefix("### ")?.split(' ').next()?;
            pair[1]
                .starts_with('{')
                .then(|| (name.to_owned(), pair[1].to_owned()))
        })
        .collect()
}

/// Python's `json.dumps` separators (`", "`, `": "`) removed outside strings.
fn compact(python: &str) -> String {
    let mut out = String::with_capacity(python.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in python.chars() {
        if in_string {
            escaped = !escaped && c == '\\';
            in_string = escaped || c != '"';
        } else if c == '"' {
            in_string = true;
        } else if c == ' ' {
            continue;
        }
        out.push(c);
    }
    out
}

fn built(name: &str) -> String {
    let value = match name {
        "Q1" => serde_json::to_string(&Query::new("my-app").key("user-123").eq("region", "eu")),
        "Q2" => serde_json::to_string(
            &Query::new("bot")
                .key("k")
                .restricted(true)
                .optional(true)
                .gt("shard_id", 5)
                .lte("latency", 100)
                .ne("status", "down"),
        ),
        "Q3" => serde_json::to_string(
            &Query::new("svc")
                .r#in("shard_id", [1, 2, 3])
                .nin("zone", ["a", "b"])
                .contains("features", "music")
                .ncontains("features", "nsfw"),
        ),
        "Q4" => serde_json::to_string(
            &Query::new("svc")
                .key("x")
                .or("shard_id", Node::new().eq(10).gt(5))
                .and("load", Node::new().gte(0.1).lt(0.9))
                .nor("version", Node::new().eq("1.0.0").r#in(["0.9.0", "0.9.1"])),
        ),
        "Q5" => serde_json::to_string(&Query::new("svc").key("x")),
        "M1" => serde_json::to_string(
            &Metadata::new()
                .with("shard_id", 3)
                .with("load", 0.5)
                .with("name", "bot-1")
                .with("guilds", vec![1, 2])
                .with("version", Version::parse("1.2.3-beta.1+build.5").unwrap()),
        ),
        other => panic!("no builder for vector {other}"),
    };
    value.unwrap()
}

#[test]
fn every_vector_is_built_byte_for_byte() {
    let vectors = json_vectors();
    let names: Vec<&str> = vectors.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        ["Q1", "Q2", "Q3", "Q4", "Q5", "M1"],
        "all vectors found"
    );
    for (name, python) in &vectors {
        let ours = built(name);
        assert_eq!(
            ours,
            compact(python),
            "vector {name}: same keys in the same order"
        );
        let theirs: Value = serde_json::from_str(python).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&ours).unwrap(),
            theirs,
            "{name}"
        );
    }
}

#[test]
fn bad_metadata_values_are_refused_like_shinkei() {
    // `### M-bad {'flag': True} -> TypeError`, `{'d': {'a': 1}}`, `{'n': None}`.
    assert!(VECTORS.contains("### M-bad {'flag': True} -> TypeError"));
    assert_eq!(
        MetadataValue::from_serialize(&true),
        Err(MetadataError::WrongType("boolean"))
    );
    assert_eq!(
        MetadataValue::from_serialize(&json!({"a": 1})),
        Err(MetadataError::WrongType("map"))
    );
    assert_eq!(
        MetadataValue::from_serialize(&Option::<i32>::None),
        Err(MetadataError::WrongType("null"))
    );
    assert_eq!(
        MetadataValue::from_serialize("x"),
        Ok(MetadataValue::String("x".into()))
    );
    assert_eq!(
        MetadataValue::from_serialize(&0.5),
        Ok(MetadataValue::Float(0.5))
    );
    assert_eq!(
        MetadataValue::from_serialize(&[1, 2]),
        Ok(MetadataValue::List(vec![json!(1), json!(2)]))
    );
}

#[test]
fn versions_follow_the_vectors() {
    for line in VECTORS
        .lines()
        .filter(|l| l.starts_with("VersionMetadata("))
    {
        let text = line
            .split('\'')
            .nth(1)
            .expect("a quoted version in the vector");
        let accepted = line.ends_with(" ok");
        assert_eq!(Version::parse(text).is_ok(), accepted, "{line}");
    }
}

#[test]
fn an_empty_node_is_refused() {
    // `### empty Node -> TypeError: Node provided doesn't have any OPs.`
    let query = Query::new("svc").or("shard_id", Node::new());
    assert!(matches!(query.validate(), Err(Error::EmptyNode(key)) if key == "shard_id"));
    assert!(Query::new("svc").eq("a", 1).validate().is_ok());
}

#[test]
fn application_by_tags() {
    let query = serde_json::to_value(Query::tags(["music", "bot"])).unwrap();
    assert_eq!(query["application"], json!(["music", "bot"]));
}
