//! Discord's objects against Discord's own OpenAPI description (`spec/discord-openapi.json`), an
//! outside truth the SDK did not write: for each model with a response schema, instances are
//! generated from the schema — one with every property present, one with only the required ones
//! (nullable ones `null`) — and must decode. A model that rejects what Discord says it may send
//! fails here, naming the field.

mod schema_instances;

use bot_core::model::{Attachment, Message, Role, User};
use schema_instances::{Mode, Spec};
use serde::de::DeserializeOwned;

/// Decodes both instances of `schema` as `T`; returns the failures.
fn check<T: DeserializeOwned>(spec: &Spec, schema: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for mode in [Mode::Full, Mode::RequiredOnly] {
        let instance = spec.instance(schema, mode);
        if let Err(error) = serde_path_to_error::deserialize::<_, T>(&instance) {
            failures.push(format!(
                "{schema} ({mode:?}) as {}: at `{}`: {}",
                std::any::type_name::<T>(),
                error.path(),
                error.inner()
            ));
        }
    }
    failures
}

#[test]
fn every_model_decodes_what_its_schema_allows() {
    let spec = Spec::load();
    let mut failures = Vec::new();
    failures.extend(check::<User>(&spec, "UserResponse"));
    failures.extend(check::<User>(&spec, "UserPIIResponse"));
    failures.extend(check::<Role>(&spec, "GuildRoleResponse"));
    failures.extend(check::<Attachment>(&spec, "MessageAttachmentResponse"));
    failures.extend(check::<Message>(&spec, "MessageResponse"));
    assert!(
        failures.is_empty(),
        "{} model(s) reject what Discord may send:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_generator_follows_the_schema() {
    let spec = Spec::load();
    let full = spec.instance("UserResponse", Mode::Full);
    let minimal = spec.instance("UserResponse", Mode::RequiredOnly);
    assert!(
        full["id"]
            .as_str()
            .is_some_and(|id| id.parse::<u64>().is_ok())
    );
    assert!(full.get("global_name").is_some_and(|v| v.is_string()));
    assert!(
        minimal.get("global_name").is_some_and(|v| v.is_null()),
        "{minimal}"
    );
    assert!(full.as_object().unwrap().len() > minimal.as_object().unwrap().len() - 1);
}
