//! JSON values seen as the Erlang terms a V2019 server decodes them into: Erlang's term order,
//! `==` against exact matching, and Elixir's `inspect` rendering for error strings.

use serde_json::{Map, Number, Value};
use std::cmp::Ordering;

/// Erlang's order of term kinds: number < atom < map < list < binary.
fn rank(value: &Value) -> u8 {
    match value {
        Value::Number(_) => 0,
        Value::Bool(_) | Value::Null => 1,
        Value::Object(_) => 2,
        Value::Array(_) => 3,
        Value::String(_) => 4,
    }
}

/// The atom's name: atoms compare alphabetically (`false` < `nil` < `true`).
fn atom(value: &Value) -> &'static str {
    match value {
        Value::Bool(true) => "true",
        Value::Bool(false) => "false",
        _ => "nil",
    }
}

fn compare_numbers(a: &Number, b: &Number) -> Ordering {
    match (a.as_i64(), b.as_i64()) {
        (Some(a), Some(b)) => a.cmp(&b),
        _ => match (a.as_u64(), b.as_u64()) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => {
                let (a, b) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
                a.partial_cmp(&b).unwrap_or(Ordering::Equal)
            }
        },
    }
}

fn sorted_keys(map: &Map<String, Value>) -> Vec<&String> {
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    keys
}

/// Erlang's term order (`<`, `>`, `==` compare numbers by value: `1 == 1.0`).
pub(crate) fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => compare_numbers(a, b),
        (Value::String(a), Value::String(b)) => a.as_bytes().cmp(b.as_bytes()),
        (Value::Array(a), Value::Array(b)) => {
            for (x, y) in a.iter().zip(b) {
                match compare(x, y) {
                    Ordering::Equal => continue,
                    other => return other,
                }
            }
            a.len().cmp(&b.len())
        }
        (Value::Object(a), Value::Object(b)) => {
            // Maps: by size, then keys in term order, then values in key order.
            a.len().cmp(&b.len()).then_with(|| {
                let (ka, kb) = (sorted_keys(a), sorted_keys(b));
                let keys = ka
                    .iter()
                    .zip(&kb)
                    .map(|(x, y)| x.as_bytes().cmp(y.as_bytes()));
                let values = ka.iter().zip(&kb).map(|(x, y)| compare(&a[*x], &b[*y]));
                keys.chain(values)
                    .find(|order| *order != Ordering::Equal)
                    .unwrap_or(Ordering::Equal)
            })
        }
        _ if rank(a) == 1 && rank(b) == 1 => atom(a).cmp(atom(b)),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// `==`: numbers by value.
pub(crate) fn equal(a: &Value, b: &Value) -> bool {
    compare(a, b) == Ordering::Equal
}

/// `===` (list membership): `1` is not `1.0`.
pub(crate) fn exact(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x.is_f64() == y.is_f64() && compare_numbers(x, y).is_eq()
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| exact(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| exact(v, w)))
        }
        _ => a == b,
    }
}

/// Elixir's `inspect` of a decoded JSON term, on one line.
pub(crate) fn inspect(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value);
    out
}

fn write(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("nil"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&float_text(number)),
        Value::String(text) => write_string(out, text, '"'),
        Value::Array(items) => {
            if let Some(chars) = charlist(items) {
                write_string(out, &chars, '\'');
                return;
            }
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push_str("%{");
            for (index, key) in sorted_keys(map).into_iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                write_string(out, key, '"');
                out.push_str(" => ");
                write(out, &map[key]);
            }
            out.push('}');
        }
    }
}

fn float_text(number: &Number) -> String {
    let text = number.to_string().replace("e+", "e");
    if number.is_f64() && !text.contains('.') {
        match text.find('e') {
            Some(at) => format!("{}.0{}", &text[..at], &text[at..]),
            None => format!("{text}.0"),
        }
    } else {
        text
    }
}

/// A list of printable character codes is shown as a charlist (`'AB'`).
fn charlist(items: &[Value]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    items
        .iter()
        .map(|item| {
            let code = item
                .as_u64()
                .filter(|_| !item.as_number().is_some_and(Number::is_f64))?;
            let printable =
                (32..=126).contains(&code) || [7, 8, 9, 10, 11, 12, 13, 27].contains(&code);
            printable.then(|| char::from(code as u8))
        })
        .collect()
}

fn write_string(out: &mut String, text: &str, quote: char) {
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push(quote);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn erlang_term_order() {
        let ordered = [
            json!(-1),
            json!(1.5),
            json!(2),
            json!(false),
            json!(null),
            json!(true),
            json!({}),
            json!({"a": 1}),
            json!([]),
            json!([1]),
            json!([1, 2]),
            json!(""),
            json!("a"),
            json!("b"),
        ];
        for pair in ordered.windows(2) {
            assert_eq!(compare(&pair[0], &pair[1]), Ordering::Less, "{pair:?}");
            assert_eq!(compare(&pair[1], &pair[0]), Ordering::Greater, "{pair:?}");
        }
        assert!(equal(&json!(1), &json!(1.0)));
        assert!(!exact(&json!(1), &json!(1.0)));
        assert!(exact(&json!([1, "a"]), &json!([1, "a"])));
    }

    #[test]
    fn inspect_like_elixir() {
        let query = json!({"ops": [{"shard_id": {"$eq": 3}}], "key": null, "application": "app",
            "optional": false, "restricted": false, "n": [1.0, 1e16], "c": [65, 66]});
        assert_eq!(
            inspect(&query),
            r#"%{"application" => "app", "c" => 'AB', "key" => nil, "n" => [1.0, 1.0e16], "ops" => [%{"shard_id" => %{"$eq" => 3}}], "optional" => false, "restricted" => false}"#
        );
        assert_eq!(inspect(&json!("a\"b")), r#""a\"b""#);
    }
}
