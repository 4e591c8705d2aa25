//! The `id` Discord gives each component of a message it answers: the request's, or a number in
//! order for one that set none.

use serde_json::{Value, json};

/// A message's components as Discord answers them: each has an `id`, the ones the request left
/// out numbered in order (depth first) with the numbers no other component uses.
pub(crate) fn numbered_components(components: &Value) -> Value {
    fn used(component: &Value, ids: &mut Vec<u64>) {
        if let Some(id) = component.get("id").and_then(Value::as_u64) {
            ids.push(id);
        }
        children(component, |child| used(child, ids));
    }
    fn children(component: &Value, mut each: impl FnMut(&Value)) {
        if let Some(list) = component.get("components").and_then(Value::as_array) {
            list.iter().for_each(&mut each);
        }
        if let Some(accessory) = component.get("accessory").filter(|a| a.is_object()) {
            each(accessory);
        }
    }
    fn number(component: &mut Value, next: &mut u64, taken: &[u64]) {
        if component.is_object() && component.get("id").is_none_or(Value::is_null) {
            while taken.contains(next) {
                *next += 1;
            }
            component["id"] = json!(*next);
            *next += 1;
        }
        if let Some(list) = component
            .get_mut("components")
            .and_then(Value::as_array_mut)
        {
            for child in list {
                number(child, next, taken);
            }
        }
        if let Some(accessory) = component.get_mut("accessory").filter(|a| a.is_object()) {
            number(accessory, next, taken);
        }
    }
    let mut components = components.clone();
    let mut taken = Vec::new();
    if let Some(list) = components.as_array() {
        list.iter().for_each(|c| used(c, &mut taken));
    }
    let mut next = 1;
    if let Some(list) = components.as_array_mut() {
        for component in list {
            number(component, &mut next, &taken);
        }
    }
    components
}

#[cfg(test)]
mod tests {
    use super::numbered_components;
    use serde_json::json;

    #[test]
    fn components_without_an_id_are_numbered_depth_first() {
        let rows = json!([
            {"type": 1, "components": [{"type": 2, "style": 5, "url": "https://a"},
                                       {"type": 2, "style": 5, "url": "https://b", "id": 2}]},
            {"type": 1, "components": [{"type": 2, "style": 5, "url": "https://c"}]}
        ]);
        let numbered = numbered_components(&rows);
        let ids: Vec<u64> = [
            "/0/id",
            "/0/components/0/id",
            "/0/components/1/id",
            "/1/id",
            "/1/components/0/id",
        ]
        .iter()
        .map(|p| numbered.pointer(p).and_then(|v| v.as_u64()).unwrap())
        .collect();
        assert_eq!(ids, [1, 3, 2, 4, 5]);
    }
}
